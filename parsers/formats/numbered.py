"""Numbered live pages: ``  1. Title…published at 13:11 Greenwich Mean Time 21 February 2022``.

The BBC's live pages save this way (2016 onwards): a numbered list of posts, each with an
optional label line (``Analysis``), the headline with the visually hidden stamp glued to its
end (or no stamp at all in older copies), optional author and role lines, then the body with
image captions glued to their credits.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from parsers.blocks import BULLET_RE, blocks
from parsers.body import fill_body
from parsers.boilerplate import is_boilerplate, is_summary_heading
from parsers.bylines import byline, name_and_role
from parsers.dating import home_zone, undated_time, zone_statement
from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff
from parsers.labels import glued_label, label_line
from parsers.model import Timestamp
from parsers.timestamps import parse_stamp, to_timestamp

_NUMBERED = re.compile(r"^ {0,8}(\d{1,3})\.[ \t]+(\S.*)$", re.MULTILINE)
_SUFFIX = re.compile(
    r"^(?P<title>.*?)\s*(?:published|posted|updated)\s+at\s+(?P<stamp>\S.{3,90})$", re.IGNORECASE
)
_SNIFF_CHARS = 65536


def _has_first_item(text: str) -> bool:
    """Cheap test for a line starting ``1. `` (indented up to 8 spaces) before any regex."""
    at = text.find("1. ")
    while at != -1:
        start = at
        while start > 0 and text[start - 1] == " ":
            start -= 1
        if at - start <= 8 and (start == 0 or text[start - 1] == "\n"):
            return True
        at = text.find("1. ", at + 1)
    return False


@lru_cache(maxsize=4)
def _numbered_lines(text: str) -> tuple[tuple[int, int, str], ...]:
    """(line index, number, rest) for the numbered lines that form the 1, 2, 3... sequence.

    Cached: ``sniff`` and ``parse`` ask for the same text one after the other.
    """
    found: list[tuple[int, int, str]] = []
    expected = 1
    line_index = 0
    position = 0
    for match in _NUMBERED.finditer(text):
        if int(match.group(1)) != expected:
            continue
        line_index += text.count("\n", position, match.start())
        position = match.start()
        found.append((line_index, expected, match.group(2)))
        expected += 1
    return tuple(found)


class NumberedFormat:
    """Numbered posts with optional glued ``published at`` stamps."""

    name = "numbered"

    def sniff(self, text: str) -> Sniff | None:
        if text[:512].lstrip().startswith("<"):
            return None
        # The head decides: a numbered page shows several posts in its first 64 kB.
        head = text if len(text) <= _SNIFF_CHARS else text[:_SNIFF_CHARS]
        if not _has_first_item(head):
            return None
        found = _numbered_lines(head)
        if len(found) < 2:
            return None
        stamped = sum(1 for _, _, rest in found if _SUFFIX.match(rest))
        # A list inside a body has its items on consecutive lines; posts have text between.
        gaps = [b[0] - a[0] for a, b in zip(found, found[1:], strict=False)]
        spaced = sum(1 for gap in gaps if gap > 2)
        if stamped >= max(2, len(found) // 2):
            return Sniff(0.9, f"{len(found)} numbered posts, {stamped} with 'published at' stamps")
        if len(found) >= 3 and spaced >= len(gaps) * 0.7:
            return Sniff(0.4, f"{len(found)} numbered posts with text between, no stamps")
        return None

    def parse(self, text: str) -> DocumentDraft:
        lines = text.split("\n")
        found = _numbered_lines(text)
        draft = DocumentDraft()
        first = found[0][0] if found else len(lines)
        zone = self._header(lines[:first], draft)
        anchor: date | None = draft.published.at.date() if draft.published else None
        bounds = [index for index, _, _ in found] + [len(lines)]
        for (start, _, rest), end in zip(found, bounds[1:], strict=False):
            entry, anchor = self._entry(rest, lines[start + 1 : end], anchor, zone, draft)
            draft.entries.append(entry)
        return draft

    def _header(self, lines: list[str], draft: DocumentDraft) -> str | None:
        """Read the lines before the first post; return the page's home zone (or None)."""
        zone = home_zone("\n".join(lines)).name
        leftovers: list[str] = []
        for line in (line.strip() for line in lines):
            if not line:
                continue
            bullet = BULLET_RE.match(line)
            people = byline(line)
            if bullet:
                draft.key_points.append(line[bullet.end() :])
            elif (
                is_summary_heading(line)
                or is_boilerplate(line)
                or zone_statement(line)
                or line == "Live Reporting"
            ):
                draft.dropped.append(line)
            elif people is not None:
                draft.authors.extend(people)
            else:
                stamp = parse_stamp(line)
                if stamp and stamp.start == 0 and stamp.end >= len(line) - 1 and stamp.year:
                    draft.published = to_timestamp(stamp, None, zone)
                    continue
                leftovers.append(line)
        if leftovers:
            draft.title = leftovers[0]
            if len(leftovers) > 1:
                draft.standfirst = " ".join(leftovers[1:])
        return zone

    def _entry(
        self,
        head: str,
        lines: list[str],
        anchor: date | None,
        zone: str | None,
        draft: DocumentDraft,
    ) -> tuple[EntryDraft, date | None]:
        entry = EntryDraft()
        rest = [line.strip() for line in lines]
        # "11. Analysis" with the title on a later line.
        label = label_line(head)
        if label is not None:
            entry.labels.append(label)
            while rest and not rest[0]:
                rest.pop(0)
            head = rest.pop(0) if rest else ""
        glued = glued_label(head)
        if glued is not None:
            entry.labels.append(glued[0])
            head = glued[1]
        match = _SUFFIX.match(head)
        if match:
            head = match["title"]
            stamp = parse_stamp(match["stamp"])
            published: Timestamp | None = None
            if stamp is not None:
                published = to_timestamp(stamp, anchor, zone)
            if published is None and stamp is not None and stamp.has_time:
                entry.time_of_day = undated_time(stamp, zone)  # a time, no date to put it on
            elif published is None:
                draft.problems.append(f"could not read the time {match['stamp']!r}")
            else:
                entry.published = published
                anchor = published.at.date()
        entry.title = head.strip() or None
        # Label lines right after the title ("Breaking").
        while True:
            while rest and not rest[0]:
                rest.pop(0)
            if rest and label_line(rest[0]):
                entry.labels.append(label_line(rest.pop(0)) or "")
            else:
                break
        groups = blocks(rest)
        if groups:
            first = groups[0]
            author = name_and_role(first[0], first[1]) if len(first) == 2 else None
            people = byline(first[0]) if len(first) == 1 else None
            if author is not None:
                entry.authors.append(author)
                groups.pop(0)
            elif people:
                entry.authors.extend(people)
                groups.pop(0)
        fill_body(entry, groups, draft)
        return entry, anchor
