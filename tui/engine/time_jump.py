"""Jumping to a time: read what the reader typed (``10:00``, ``yesterday 18:00``,
``2022-02-24 06:00``) as an instant, and find the entry nearest to it.

Times are read on the clock shown (the ``zone`` given) and relative to a ``reference``
moment: "today" is the reference's day on that clock. The reader passes the current time
when following a live story, or the cursor entry's time when reading an archive (so ``10:00``
means 10:00 on the day being read). Pure: no Textual, no Rich.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

_CLOCK = r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?"
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE = re.compile(r"(?:-\s*)?(\d{1,4})\s*(m|min|mins|h|hr|hrs|d|days?)(?:\s+ago)?")
_UNITS = {"m": "minutes", "min": "minutes", "mins": "minutes", "h": "hours", "hr": "hours"}
_WORDED = re.compile(rf"(today|yesterday|tomorrow)(?:\s+(?:at\s+)?{_CLOCK})?")
_CLOCK_ONLY = re.compile(_CLOCK)
_DATE = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})(?:[ t]+(?:at\s+)?{_CLOCK})?")

HINT = "write a time (10:00, 6pm), yesterday 18:00, 2022-02-24 06:00 or 2h ago"


def parse_jump(text: str, zone: tzinfo, reference: datetime) -> datetime | str:
    """The aware datetime ``text`` names, read on ``zone``; or why it names none.

    A date alone is the start of that day. ``2h`` / ``2h ago`` is that long before the
    reference. An ISO 8601 time with an offset (``2022-02-24T06:00+02:00``) keeps its offset.
    """
    value = " ".join(text.strip().lower().split())
    if not value:
        return f"no time given: {HINT}"
    if len(value) > 64:
        return f"not a time: {HINT}"
    day = reference.astimezone(zone).date()
    relative = _RELATIVE.fullmatch(value)
    if relative:
        amount, unit = int(relative.group(1)), relative.group(2)
        name = _UNITS.get(unit, "days")
        return reference - timedelta(**{name: amount})
    worded = _WORDED.fullmatch(value)
    if worded:
        day += timedelta(days=_DAY_WORDS[worded.group(1)])
        if worded.group(2) is None:
            return _at(day, time(0, 0), zone)
        return _with_clock(day, worded.group(2), worded.group(3), worded.group(4), zone)
    dated = _DATE.fullmatch(value)
    if dated:
        try:
            day = date(int(dated.group(1)), int(dated.group(2)), int(dated.group(3)))
        except ValueError:
            return f"{text.strip()!r} is not a date"
        if dated.group(4) is None:
            return _at(day, time(0, 0), zone)
        return _with_clock(day, dated.group(4), dated.group(5), dated.group(6), zone)
    clock = _CLOCK_ONLY.fullmatch(value)
    if clock and (clock.group(2) is not None or clock.group(3) is not None):
        return _with_clock(day, clock.group(1), clock.group(2), clock.group(3), zone)
    try:
        moment = datetime.fromisoformat(value.upper())
    except ValueError:
        return f"not a time: {HINT}"
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def _with_clock(
    day: date, hours_text: str, minutes_text: str | None, meridiem: str | None, zone: tzinfo
) -> datetime | str:
    hours, minutes = int(hours_text), int(minutes_text or 0)
    if meridiem is not None:
        if not 1 <= hours <= 12:
            return f"{hours} is not an hour on a 12-hour clock"
        hours = hours % 12 + (12 if meridiem.startswith("p") else 0)
    if hours > 23 or minutes > 59:
        return f"{hours_text}:{minutes_text or '00'} is not a time of day"
    return _at(day, time(hours, minutes), zone)


def _at(day: date, clock: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def nearest_index(instants: Sequence[float | None], target: float) -> int | None:
    """The index of the entry nearest in time to ``target`` (POSIX seconds).

    ``instants`` are the entries' times in the reader's order: newest first, entries without
    a time (None) last. On a tie the newer entry wins. None when no entry has a time.
    """
    dated = len(instants)
    while dated and instants[dated - 1] is None:
        dated -= 1
    if not dated:
        return None
    # Newest first: negate to search an ascending sequence.
    keys = [-float(t) for t in instants[:dated] if t is not None]
    if len(keys) != dated:  # a None in the middle: fall back to a scan
        best: int | None = None
        for index, when in enumerate(instants):
            if when is not None and (
                best is None or abs(when - target) < abs(_float(instants[best]) - target)
            ):
                best = index
        return best
    position = bisect.bisect_left(keys, -target)
    if position == 0:
        return 0
    if position == dated:
        return dated - 1
    newer, older = -keys[position - 1], -keys[position]
    return position - 1 if newer - target <= target - older else position


def newer_count(instants: Sequence[float | None], since: float) -> int:
    """How many leading entries (newest first, as :func:`nearest_index` takes them) are newer
    than ``since``: where the "new since your last visit" separator goes."""
    count = 0
    for when in instants:
        if when is None or when <= since:
            break
        count += 1
    return count


def _float(value: float | None) -> float:
    return float(value) if value is not None else float("inf")
