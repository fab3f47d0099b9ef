"""The activity strip: entries per hour (or per day, for a long story) as a sparkline.

:func:`activity` bins entry times on a clock (the zone shown), oldest bin first, with empty
bins kept so the strip reads as a time axis. :func:`sparkline` draws it in a given width
(``▁▂▃▄▅▆▇█``, a space for an empty bin) and says which column holds the cursor's time;
:meth:`Activity.start_at_column` turns a click back into a time to jump to. Pure: no Textual,
no Rich.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

LEVELS = "▁▂▃▄▅▆▇█"
EMPTY = " "
MAX_HOURLY_SPAN = timedelta(days=3)
"""Stories longer than this are binned per day."""
MAX_BINS = 10_000
"""A guard for absurd spans (a stray date decades away): coarser bins beyond this."""


class Unit(StrEnum):
    HOUR = "hour"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class Activity:
    """Entry counts per bin, oldest first."""

    unit: Unit
    starts: tuple[datetime, ...]
    """Each bin's first moment, on the clock binned on."""
    counts: tuple[int, ...]
    zone: tzinfo

    @property
    def total(self) -> int:
        return sum(self.counts)

    def index_of(self, instant: float) -> int | None:
        """The bin holding ``instant`` (POSIX seconds), or None outside the strip."""
        if not self.starts:
            return None
        key = _floor(datetime.fromtimestamp(instant, self.zone), self.unit)
        first = self.starts[0].replace(tzinfo=None)
        step = _step(self.unit)
        index = int((key - first) / step)
        return index if 0 <= index < len(self.starts) else None

    def start_at_column(self, column: int, width: int) -> datetime | None:
        """The first moment of what column ``column`` of a ``width``-wide sparkline shows."""
        groups = _groups(len(self.counts), width)
        if not 0 <= column < len(groups):
            return None
        return self.starts[groups[column][0]]


def _step(unit: Unit) -> timedelta:
    return timedelta(hours=1) if unit is Unit.HOUR else timedelta(days=1)


def _floor(at: datetime, unit: Unit) -> datetime:
    """The naive wall-clock start of ``at``'s bin."""
    wall = at.replace(tzinfo=None, second=0, microsecond=0, minute=0)
    return wall if unit is Unit.HOUR else wall.replace(hour=0)


QUARTER = 900
"""Seconds in the UTC quarter-hours entries are first counted in: every zone offset in use
is a whole number of quarter-hours, so a quarter falls in one bin of any clock."""


_EPOCH = datetime(1970, 1, 1)
"""Wall-clock bins are counted as whole units since this naive moment."""


def _even_offset(start: float, zone: tzinfo, seconds: int = 3600) -> int | None:
    """The zone's offset (seconds) through the ``seconds`` from ``start`` (UTC), when it is
    the same at both ends and a whole number of quarter-hours; else None. (Zones change their
    offset at most twice a year, never twice in one day.)"""
    first = datetime.fromtimestamp(start, zone).utcoffset()
    if first is None or first != datetime.fromtimestamp(start + seconds - 1, zone).utcoffset():
        return None
    seconds = int(first.total_seconds())
    return None if seconds % QUARTER else seconds


def activity(instants: Iterable[float | None], zone: tzinfo, unit: Unit | None = None) -> Activity:
    """Bin entry times (POSIX seconds; None skipped) on ``zone``'s clock.

    ``unit``: per hour or per day; by default per hour for a span of up to three days.
    Entries are counted per UTC quarter-hour first and the zone's offset is looked up once per
    UTC day (per hour on a day the clocks change), so 100,000 entries cost a pass of integer
    arithmetic, not 100,000 conversions; in an hour whose offset changes or is not whole
    quarter-hours (an old local mean time), entries are placed one by one.
    """
    times = [t for t in instants if t is not None]
    if not times:
        return Activity(unit or Unit.HOUR, (), (), zone)
    oldest = datetime.fromtimestamp(min(times), zone)
    newest = datetime.fromtimestamp(max(times), zone)
    if unit is None:
        unit = Unit.HOUR if newest - oldest <= MAX_HOURLY_SPAN else Unit.DAY
    step = _step(unit)
    first, last = _floor(oldest, unit), _floor(newest, unit)
    if (last - first) / step >= MAX_BINS:
        unit, step = Unit.DAY, timedelta(days=1)
        first, last = _floor(oldest, unit), _floor(newest, unit)
        if (last - first) / step >= MAX_BINS:
            last = first + step * (MAX_BINS - 1)
    size = int(step.total_seconds())
    quarters = Counter(int(t // QUARTER) for t in times)
    days: dict[int, int | None] = {}
    hours: dict[int, int | None] = {}
    tally: Counter[int] = Counter()
    uneven: set[int] = set()
    for quarter, count in quarters.items():
        day = quarter // 96
        if day not in days:
            days[day] = _even_offset(day * 86400, zone, 86400)
        offset = days[day]
        if offset is None:  # the day the clocks change: hour by hour
            hour = quarter // 4
            if hour not in hours:
                hours[hour] = _even_offset(hour * 3600, zone)
            offset = hours[hour]
        if offset is None:
            uneven.add(quarter)
        else:
            tally[(quarter * QUARTER + offset) // size] += count
    if uneven:
        for t in times:
            if int(t // QUARTER) in uneven:
                wall = _floor(datetime.fromtimestamp(t, zone), unit)
                tally[int((wall - _EPOCH).total_seconds()) // size] += 1
    starts: list[datetime] = []
    counts: list[int] = []
    wall = first
    while wall <= last:
        starts.append(wall.replace(tzinfo=zone))
        counts.append(tally.get(int((wall - _EPOCH).total_seconds()) // size, 0))
        wall += step
    return Activity(unit, tuple(starts), tuple(counts), zone)


def _groups(bins: int, width: int) -> list[range]:
    """Which bins each column shows: one bin a column when they fit, else even groups."""
    if bins <= 0 or width <= 0:
        return []
    if bins <= width:
        return [range(i, i + 1) for i in range(bins)]
    return [range(c * bins // width, (c + 1) * bins // width) for c in range(width)]


@dataclass(frozen=True, slots=True)
class Strip:
    """A drawn sparkline and where the cursor's time falls on it."""

    text: str
    cursor: int | None
    """The column of the cursor's bin, or None (no cursor, or an undated entry)."""
    peak: int
    """The largest count one column stands for (for a legend: ``█ = 12 entries``)."""


def sparkline(strip: Activity, width: int, cursor: float | None = None) -> Strip:
    """``strip`` drawn in at most ``width`` columns, with the column of ``cursor`` (an
    instant) when it falls on the strip."""
    groups = _groups(len(strip.counts), width)
    sums = [sum(strip.counts[i] for i in group) for group in groups]
    peak = max(sums, default=0)
    chars = []
    for value in sums:
        if value <= 0:
            chars.append(EMPTY)
        else:
            level = (value * len(LEVELS) - 1) // peak if peak else 0
            chars.append(LEVELS[min(len(LEVELS) - 1, level)])
    column: int | None = None
    if cursor is not None:
        index = strip.index_of(cursor)
        if index is not None:
            column = next((c for c, group in enumerate(groups) if index in group), None)
    return Strip("".join(chars), column, peak)
