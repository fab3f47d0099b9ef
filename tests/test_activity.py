"""The activity strip: entries per hour or per day, drawn as a sparkline with the cursor."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tui.engine.activity import LEVELS, Unit, activity, sparkline

START = datetime(2022, 2, 24, 6, 0, tzinfo=UTC)


def at(hours: float) -> float:
    return (START + timedelta(hours=hours)).timestamp()


def test_hourly_bins_keep_empty_hours() -> None:
    times = [at(0.1), at(0.5), at(0.9), at(3.2), None]
    strip = activity(times, UTC)
    assert strip.unit is Unit.HOUR
    assert strip.counts == (3, 0, 0, 1)
    assert strip.starts[0] == START and strip.starts[-1] == START + timedelta(hours=3)
    assert strip.total == 4


def test_long_span_bins_per_day_on_the_clock_shown() -> None:
    times = [at(0), at(1), at(24 * 5), at(24 * 5 + 12)]  # the last: 02:00 next day in +08
    utc = activity(times, UTC)
    assert utc.unit is Unit.DAY and utc.counts == (2, 0, 0, 0, 0, 2)
    eight = activity(times, timezone(timedelta(hours=8)))
    assert eight.counts == (2, 0, 0, 0, 0, 1, 1)
    assert eight.starts[0] == datetime(2022, 2, 24, tzinfo=timezone(timedelta(hours=8)))


def test_sparkline_levels_and_cursor_column() -> None:
    times = [at(0)] * 8 + [at(1)] * 4 + [at(3)]
    strip = activity(times, UTC)
    drawn = sparkline(strip, 80, cursor=at(1.5))
    assert drawn.text == "█▄ ▁"
    assert drawn.cursor == 1 and drawn.peak == 8
    assert sparkline(strip, 80).cursor is None
    assert sparkline(strip, 80, cursor=at(-5)).cursor is None


def test_sparkline_merges_bins_to_fit_and_clicks_map_back() -> None:
    times = [at(h) for h in range(48)]  # one entry an hour for two days
    strip = activity(times, UTC)
    assert len(strip.counts) == 48
    drawn = sparkline(strip, 12, cursor=at(47))
    assert len(drawn.text) == 12 and set(drawn.text) == {LEVELS[-1]}
    assert drawn.peak == 4 and drawn.cursor == 11
    assert strip.start_at_column(0, 12) == START
    assert strip.start_at_column(11, 12) == START + timedelta(hours=44)
    assert strip.start_at_column(12, 12) is None


def test_empty_and_single_entry() -> None:
    empty = activity([None], UTC)
    assert empty.counts == () and sparkline(empty, 10).text == ""
    one = activity([at(2)], UTC)
    assert sparkline(one, 10, cursor=at(2)).text == LEVELS[-1]


def test_absurd_span_stays_bounded() -> None:
    far = datetime(2990, 1, 1, tzinfo=UTC).timestamp()
    strip = activity([at(0), far], UTC)
    assert strip.unit is Unit.DAY and len(strip.counts) <= 10_000


def reference_counts(instants: list[float], zone: ZoneInfo, unit: Unit) -> tuple[int, ...]:
    """Each entry converted to the zone's clock and floored on its own."""
    step = timedelta(hours=1) if unit is Unit.HOUR else timedelta(days=1)

    def floor(t: float) -> datetime:
        wall = datetime.fromtimestamp(t, zone).replace(tzinfo=None, minute=0, second=0)
        wall = wall.replace(microsecond=0)
        return wall if unit is Unit.HOUR else wall.replace(hour=0)

    tally = Counter(floor(t) for t in instants)
    first, last = floor(min(instants)), floor(max(instants))
    counts = []
    while first <= last:
        counts.append(tally.get(first, 0))
        first += step
    return tuple(counts)


@pytest.mark.parametrize(
    ("zone", "start", "days"),
    [
        ("Europe/Kyiv", "2022-03-26T12:00", 2),  # across the change to summer time
        ("Europe/Kyiv", "2022-10-29T12:00", 2),  # and back: an hour that happens twice
        ("America/St_Johns", "2022-03-12T00:00", 3),  # UTC-03:30 / -02:30
        ("Asia/Kathmandu", "2022-01-01T00:00", 2),  # UTC+05:45
        ("Europe/Kyiv", "1900-01-01T00:00", 2),  # local mean time, +02:02:04
        ("Europe/London", "2021-06-01T00:00", 400),  # per day, two changes
    ],
)
def test_counts_match_converting_each_entry(zone: str, start: str, days: int) -> None:
    clock = ZoneInfo(zone)
    begin = datetime.fromisoformat(start).replace(tzinfo=UTC).timestamp()
    rng = random.Random(zone + start)
    instants = [begin + rng.random() * days * 86400 for _ in range(3000)]
    strip = activity(instants, clock)
    assert strip.counts == reference_counts(instants, clock, strip.unit)
    assert strip.total == 3000
