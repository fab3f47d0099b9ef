"""The activity strip: entries per hour or per day, drawn as a sparkline with the cursor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

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
