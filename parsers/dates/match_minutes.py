"""Positions in a sports match: ``12'``, ``45+2'``, ``90+4′``, ``67 min``, ``HT``, ``FT``.

A match minute says where in the match a post belongs, not when it was published: it is kept
as a label (``45+2'``), never turned into a wall-clock time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MINUTE = r"(?P<min>1[0-2]\d|[1-9]?\d)(?:\s?\+\s?(?P<add>1?\d))?"
MATCH_MINUTE_RE = re.compile(
    rf"^(?:{_MINUTE}\s?(?:['′’](?!\w)|(?i:mins?|min\.)(?![\w']))"
    r"|(?P<phase>HT|FT|AET|Half[- ]time|Full[- ]time)(?!\w))"
    r"(?:\s*(?P<sep>[:\-–—|.])?\s*(?P<rest>\S.*))?$"
)
"""A line that starts with a match minute, maybe followed by the post's text."""


@dataclass(frozen=True, slots=True)
class MatchMinute:
    """A position in a match, as printed."""

    label: str
    """Normalised label: ``12'``, ``45+2'``, ``HT``, ``FT``."""
    minute: int | None
    """The minute of play (None for a phase such as half-time)."""
    added: int | None = None
    """Added-time minutes (``2`` in ``45+2'``)."""
    rest: str | None = None
    """Text after the minute on the same line."""


_PHASES = {"ht": "HT", "half-time": "HT", "half time": "HT", "ft": "FT", "full-time": "FT",
           "full time": "FT", "aet": "AET"}


def match_minute(line: str) -> MatchMinute | None:
    """The match minute a line starts with (``45+2' Goal!``), or None.

    Only the minute's own form is checked; whether a page's minutes separate its posts is
    the separator choice's business.
    """
    text = line.strip()
    if not text or len(text) > 400:
        return None
    found = MATCH_MINUTE_RE.match(text)
    if found is None:
        return None
    rest = found["rest"]
    if found["phase"]:
        if rest and not found["sep"] and rest[:1].islower():
            return None  # "HT is…" is prose
        return MatchMinute(_PHASES[found["phase"].casefold()], None, None, rest)
    minute = int(found["min"])
    added = int(found["add"]) if found["add"] else None
    label = f"{minute}+{added}'" if added is not None else f"{minute}'"
    return MatchMinute(label, minute, added, rest)
