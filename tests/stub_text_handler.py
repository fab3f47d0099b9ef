"""A minimal stamped-text handler for tests, standing in for the project's text handlers.

Blocks are separated by blank lines; a ``Weekday D Month YYYY`` block sets the day, a
``HH.MM GMT|BST`` block starts an entry (London time), the next block is its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff
from parsers.model import Timestamp

_STAMP = re.compile(r"^(\d{1,2})\.(\d{2}) (GMT|BST)$")
_DAY = re.compile(r"^\w+day (\d{1,2}) (\w+) (\d{4})$")


@dataclass
class StampedLines:
    """A minimal stamped-text handler, standing in for the project's text handlers."""

    name: str = "stamped-test"

    def sniff(self, text: str) -> Sniff | None:
        stamps = sum(1 for line in text.split("\n") if _STAMP.match(line))
        return Sniff(0.8, "stamps") if stamps > 1 else None

    def parse(self, text: str) -> DocumentDraft:
        draft = DocumentDraft()
        day: datetime | None = None
        for block in text.split("\n\n"):
            if (match := _DAY.match(block)) is not None:
                day = datetime.strptime(" ".join(match.groups()), "%d %B %Y")
            elif (match := _STAMP.match(block)) is not None and day is not None:
                at = day.replace(hour=int(match[1]), minute=int(match[2]))
                stamp = Timestamp(at.replace(tzinfo=ZoneInfo("Europe/London")))
                draft.entries.append(EntryDraft(published=stamp))
            elif draft.entries:
                entry = draft.entries[-1]
                if entry.title is None and not entry.body:
                    entry.title = block
                else:
                    entry.body.append(block)
            elif draft.title is None:
                draft.title = block
            else:
                draft.standfirst = block
        return draft
