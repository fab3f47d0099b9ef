"""Machine-written date strings (ISO 8601, RFC 822) to :class:`Timestamp`, without dateparser.

Feeds and JSON-LD write dates for machines: ``2024-03-09T17:42:00+00:00``,
``Thu, 21 Sep 2017 17:23:18 GMT``. The offset they print is kept, so a time displays in the
source's own wall-clock time and still compares as an instant. Zone words that
:mod:`email.utils` does not know (``BST``, ``CEST``, ``IST``) go through :mod:`parsers.zones`.
A string without an offset is read as UTC and marked as an assumed zone; a bare date is a
date-only timestamp.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from parsers.model import Precision, Timestamp, ZoneBasis
from parsers.zones import zone_for_word

_ISO_HINT = re.compile(r"^\d{4}-?\d{2}-?\d{2}")
_ISO_COMMA_FRACTION = re.compile(r"(\d{2}),(\d+)")
_ISO_SPACE_ZONE = re.compile(r"\s+(?=[+-]\d{2}:?\d{2}$|Z$)")
_RFC_HINT = re.compile(r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3}")
_MAX_LENGTH = 80


def _stated(at: datetime) -> Timestamp:
    return Timestamp(at, Precision.TIME, ZoneBasis.STATED)


def _assumed_utc(at: datetime) -> Timestamp:
    return Timestamp(at.replace(tzinfo=UTC), Precision.TIME, ZoneBasis.ASSUMED)


def _date_only(day: date) -> Timestamp:
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return Timestamp(midnight, Precision.DATE, ZoneBasis.NONE)


def parse_iso(text: str) -> Timestamp | None:
    """An ISO 8601 / RFC 3339 date or date-time, or None when ``text`` is not one."""
    text = text.strip()
    if not _ISO_HINT.match(text) or len(text) > _MAX_LENGTH:
        return None
    text = _ISO_COMMA_FRACTION.sub(r"\1.\2", _ISO_SPACE_ZONE.sub("", text))
    if text[-1:] in "zZ":
        text = text[:-1] + "+00:00"
    try:
        if len(text) in (8, 10) and "T" not in text.upper():
            return _date_only(date.fromisoformat(text))
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    if at.tzinfo is None:
        return _assumed_utc(at)
    return _stated(at)


def parse_rfc822(text: str) -> Timestamp | None:
    """An RFC 822 / 2822 date (``Thu, 21 Sep 2017 17:23:18 GMT``), or None."""
    text = text.strip()
    if not _RFC_HINT.match(text) or len(text) > _MAX_LENGTH:
        return None
    try:
        at = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if at.tzinfo is None:  # no zone, a zone email.utils does not know, or "-0000"
        word = text.split()[-1]
        zone = zone_for_word(word) if word[:1].isalpha() else None
        if zone is not None:  # "BST", "CEST", "IST": through the tz database for that date
            return _stated(at.replace(tzinfo=zone))
        return _assumed_utc(at)
    return _stated(at)


def parse_machine_date(text: str | None) -> Timestamp | None:
    """ISO 8601 or RFC 822, whichever ``text`` is; None for anything else."""
    if not text or not isinstance(text, str):
        return None
    return parse_iso(text) or parse_rfc822(text)


def from_struct_time(value: time.struct_time | None) -> Timestamp | None:
    """feedparser's ``*_parsed`` (a naive UTC ``struct_time``) as an aware UTC timestamp.

    feedparser does not say whether the source printed a zone, so the zone is marked assumed.
    """
    if value is None:
        return None
    try:
        at = datetime(*value[:6], tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None
    return Timestamp(at, Precision.TIME, ZoneBasis.ASSUMED)
