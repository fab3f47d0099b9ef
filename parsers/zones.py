"""Zone words to time zones, resolved through the tz database for the date in question."""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parsers.dates.vocabulary import ZONE_NAMES, ZONE_WORDS

__all__ = ["ZONE_NAMES", "ZONE_WORDS", "zone_for_word", "zone_key", "zone_named"]

_ZONE_NAMES = ZONE_NAMES
"""Printed zone words to IANA names: the one table in :mod:`parsers.dates.vocabulary`."""

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


@lru_cache(maxsize=256)
def zone_named(name: str) -> tzinfo | None:
    """The ``tzinfo`` for an IANA name, ``UTC`` or a fixed offset like ``+05:30``."""
    if name == "UTC":
        return UTC
    match = _OFFSET.match(name)
    if match:
        return _fixed(match)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _fixed(match: re.Match[str]) -> tzinfo | None:
    sign = -1 if match.group(1) in "-−" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 14 or minutes >= 60:
        return None
    if hours == 0 and minutes == 0:
        return UTC
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def zone_key(word: str) -> str | None:
    """The canonical name (IANA or offset) for a zone word, or None if unknown."""
    key = " ".join(word.strip().strip("()").split()).casefold().removesuffix(".")
    if key in _ZONE_NAMES:
        return _ZONE_NAMES[key]
    match = _OFFSET.match(key)
    if match:
        sign = "-" if match.group(1) in "-−" else "+"
        return f"{sign}{int(match.group(2)):02d}:{match.group(3) or '00'}"
    return None


@lru_cache(maxsize=512)
def zone_for_word(word: str) -> tzinfo | None:
    """The zone a printed zone word stands for (``GMT``, ``ET``, ``+0200``, ``UTC+1``)."""
    key = zone_key(word)
    return zone_named(key) if key is not None else None
