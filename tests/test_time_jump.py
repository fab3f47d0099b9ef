"""Jumping to a time: what the reader types, read on the clock shown, and the nearest entry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.engine.time_jump import nearest_index, parse_jump

KYIV = ZoneInfo("Europe/Kyiv")
REFERENCE = datetime(2022, 2, 24, 12, 30, tzinfo=UTC)  # 14:30 in Kyiv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:00", datetime(2022, 2, 24, 10, 0, tzinfo=KYIV)),
        ("9.05", datetime(2022, 2, 24, 9, 5, tzinfo=KYIV)),
        ("6pm", datetime(2022, 2, 24, 18, 0, tzinfo=KYIV)),
        ("12am", datetime(2022, 2, 24, 0, 0, tzinfo=KYIV)),
        ("12:15 pm", datetime(2022, 2, 24, 12, 15, tzinfo=KYIV)),
        ("yesterday 18:00", datetime(2022, 2, 23, 18, 0, tzinfo=KYIV)),
        ("Yesterday at 6pm", datetime(2022, 2, 23, 18, 0, tzinfo=KYIV)),
        ("yesterday", datetime(2022, 2, 23, 0, 0, tzinfo=KYIV)),
        ("today 08:00", datetime(2022, 2, 24, 8, 0, tzinfo=KYIV)),
        ("2022-02-24 06:00", datetime(2022, 2, 24, 6, 0, tzinfo=KYIV)),
        ("2022-02-24T06:00", datetime(2022, 2, 24, 6, 0, tzinfo=KYIV)),
        ("2022-2-3", datetime(2022, 2, 3, 0, 0, tzinfo=KYIV)),
        ("2022-02-24T06:00+00:00", datetime(2022, 2, 24, 6, 0, tzinfo=UTC)),
        ("2h ago", REFERENCE - timedelta(hours=2)),
        ("30m", REFERENCE - timedelta(minutes=30)),
        ("3 days ago", REFERENCE - timedelta(days=3)),
    ],
)
def test_readings(text: str, expected: datetime) -> None:
    got = parse_jump(text, KYIV, REFERENCE)
    assert isinstance(got, datetime)
    assert got == expected and got.tzinfo is not None


def test_today_is_the_reference_day_on_the_clock_shown() -> None:
    late = datetime(2022, 2, 24, 23, 30, tzinfo=UTC)  # already 25 Feb in Kyiv
    assert parse_jump("10:00", KYIV, late) == datetime(2022, 2, 25, 10, 0, tzinfo=KYIV)
    assert parse_jump("10:00", UTC, late) == datetime(2022, 2, 24, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "no time given"),
        ("25:00", "not a time of day"),
        ("13pm", "12-hour clock"),
        ("2022-02-30", "not a date"),
        ("next tuesday", "not a time"),
        ("10", "not a time"),
        ("9" * 100, "not a time"),
    ],
)
def test_what_is_not_a_time_says_why(text: str, words: str) -> None:
    got = parse_jump(text, KYIV, REFERENCE)
    assert isinstance(got, str) and words in got


def test_nearest_index_newest_first() -> None:
    times: list[float | None] = [1000.0, 800.0, 600.0, 400.0, None, None]
    assert nearest_index(times, 5000) == 0
    assert nearest_index(times, 10) == 3
    assert nearest_index(times, 790) == 1
    assert nearest_index(times, 650) == 2
    assert nearest_index(times, 700) == 1  # a tie: the newer
    assert nearest_index(times, 600) == 2
    assert nearest_index([None, None], 5) is None
    assert nearest_index([], 5) is None


def test_nearest_index_with_an_undated_entry_in_the_middle() -> None:
    assert nearest_index([1000.0, None, 500.0, 100.0], 480) == 2


def test_nearest_on_many_entries_matches_a_scan() -> None:
    times = [float(t) for t in range(100_000, 0, -7)]
    for target in (3.0, 50_001.5, 99_999.0, 123_456.0):
        expected = min(range(len(times)), key=lambda i: (abs(times[i] - target), i))
        assert nearest_index(times, target) == expected


def test_newer_count_places_the_last_visit_separator() -> None:
    from tui.engine.time_jump import newer_count

    times: list[float | None] = [1000.0, 800.0, 600.0, None]
    assert newer_count(times, 700) == 2
    assert newer_count(times, 800) == 1  # an entry at the visit itself is not new
    assert newer_count(times, 5000) == 0
    assert newer_count(times, 0) == 3  # undated entries are never "new"
