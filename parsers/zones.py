"""Zone words to time zones, resolved through the tz database for the date in question."""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Printed zone words (case-insensitive keys) to IANA names. Abbreviations that name one side
# of a DST pair (EST/EDT, CET/CEST) map to the zone, so the offset is the one in force on
# that date: pages print "EST" in July as often as they get it right.
_ZONE_NAMES: dict[str, str] = {
    "gmt": "UTC",
    "utc": "UTC",
    "z": "UTC",
    "greenwich mean time": "UTC",
    "coordinated universal time": "UTC",
    "bst": "Europe/London",
    "british summer time": "Europe/London",
    "uk": "Europe/London",
    "uk time": "Europe/London",
    "london time": "Europe/London",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "eastern": "America/New_York",
    "eastern time": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "central time": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pacific time": "America/Los_Angeles",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "mez": "Europe/Berlin",
    "mesz": "Europe/Berlin",
    "heure de paris": "Europe/Paris",
    "eet": "Europe/Kyiv",
    "eest": "Europe/Kyiv",
    "kyiv time": "Europe/Kyiv",
    "msk": "Europe/Moscow",
    "moscow time": "Europe/Moscow",
    "ist": "Asia/Kolkata",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "acst": "Australia/Adelaide",
    "awst": "Australia/Perth",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
    "ast": "Asia/Riyadh",
    "gst": "Asia/Dubai",
    "sast": "Africa/Johannesburg",
    "wat": "Africa/Lagos",
    "eat": "Africa/Nairobi",
    "cat": "Africa/Maputo",
}

ZONE_WORDS = sorted(_ZONE_NAMES, key=len, reverse=True)
"""Every zone word we know, longest first (for building regexes)."""

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


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
