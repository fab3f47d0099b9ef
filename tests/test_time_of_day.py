"""Times without dates are kept (issue 9, point 5): model, JSON, plain listing, reader."""

from __future__ import annotations

import json

from parsers import parse_text
from parsers.export import entry_to_dict
from parsers.model import ZoneBasis
from tui.engine.timeline import Filter, Timeline
from tui.parse_command import describe_time
from tui.time_display import ZoneMode
from tui.widgets.entry_lines import entry_texts

UNDATED_PAGE = (
    "Live: storm over the coast\n\n"
    "22:15\nPower cut in the north\nThousands of homes lost power as the storm arrived.\n\n"
    "21:40 GMT\nFerries cancelled\nAll crossings were cancelled for the night.\n\n"
    "Tuesday 20:05\nWarnings issued\nForecasters issued warnings for the coast.\n"
)


def test_an_undated_page_keeps_each_time_of_day_with_its_zone() -> None:
    document = parse_text(UNDATED_PAGE, "storm.txt")
    assert [e.published for e in document.entries] == [None, None, None]
    clocks = [e.time_of_day for e in document.entries]
    assert [c.clock() if c else None for c in clocks] == ["22:15", "21:40", "20:05"]
    assert clocks[1] is not None and clocks[1].basis is ZoneBasis.STATED
    assert clocks[1].zone == "UTC"
    # No zone printed: the zone the other stamps print (GMT: the UK), assumed.
    assert clocks[0] is not None and clocks[0].basis is ZoneBasis.ASSUMED
    assert clocks[0].zone == "Europe/London"
    # What the stamp said beyond the time is kept, not thrown away.
    assert clocks[2] is not None and clocks[2].printed == "Tuesday 20:05"
    assert "Tuesday 20:05" not in " ".join(document.dropped)


def test_json_keeps_published_null_and_adds_time_of_day() -> None:
    document = parse_text(UNDATED_PAGE, "storm.txt")
    record = json.loads(json.dumps(entry_to_dict(document.entries[0])))
    assert record["published"] is None
    assert record["time_of_day"] == "22:15"
    assert record["time_of_day_zone"] == "Europe/London"


def test_time_of_day_is_present_for_dated_entries_too() -> None:
    page = "Live\n\nFri 19 Feb 2021\n\n19.30 GMT\nTitle one\nBody one.\n\n18.05 GMT\nTwo\nBody.\n"
    document = parse_text(page, "dated.txt")
    first = document.entries[0]
    assert first.published is not None and first.published.iso().startswith("2021-02-19T19:30")
    assert entry_to_dict(first)["time_of_day"] == "19:30"
    assert first.time_of_day is None  # the instant holds it: no second copy to drift
    assert first.clock is not None and first.clock.zone == "UTC"


def test_an_entry_with_no_time_at_all_has_no_time_of_day() -> None:
    document = parse_text("Just an article.\n\nIt has two paragraphs of text.\n", "a.txt")
    assert all(entry_to_dict(e)["time_of_day"] is None for e in document.entries)


def test_twelve_hour_times_keep_their_resolved_clock() -> None:
    page = "Live\n\n10.15pm\nLate news\nSomething late.\n\n9.05pm\nEarlier\nSomething earlier.\n"
    document = parse_text(page, "late.txt")
    assert [e.time_of_day.clock() if e.time_of_day else None for e in document.entries] == [
        "22:15",
        "21:05",
    ]


def test_numbered_post_published_at_a_time_without_a_date_keeps_it() -> None:
    page = (
        "Live: the vote\n\n"
        "1. Polls close published at 22:00\n\nThe polls have closed across the country.\n\n"
        "2. Turnout high published at 21:30\n\nTurnout was higher than last time.\n"
    )
    document = parse_text(page, "vote.txt")
    assert document.format == "numbered"
    assert [e.time_of_day.clock() if e.time_of_day else None for e in document.entries] == [
        "22:00",
        "21:30",
    ]
    assert not document.problems


def test_plain_listing_and_reader_show_no_date() -> None:
    document = parse_text(UNDATED_PAGE, "storm.txt")
    assert describe_time(document.entries[0]) == "22:15 (no date)"
    assert describe_time(document.entries[1]) == "21:40 UTC (no date)"
    heading = entry_texts(document.entries[0], "storm.txt", ZoneMode.SOURCE, None, ())[0]
    assert heading.plain.startswith("22:15 (no date")
    converted = entry_texts(document.entries[1], "storm.txt", ZoneMode.UTC, None, ())[0]
    assert "21:40 UTC (no date, source clock)" in converted.plain


def test_reader_keeps_undated_entries_in_page_order_within_their_document() -> None:
    timeline = Timeline()
    timeline.upsert_many([parse_text(UNDATED_PAGE, "storm.txt")])
    titles = [item.entry.title for item in timeline.select(Filter())]
    assert titles == ["Power cut in the north", "Ferries cancelled", "Warnings issued"]


def _clocks(page: str) -> list[str | None]:
    document = parse_text(page, "page.txt")
    return [e.clock.clock() if e.clock else None for e in document.entries]


def _posts(*stamps: str) -> str:
    return "".join(
        f"{stamp}\nPost at {stamp}\nSomething happened at the scene.\n\n" for stamp in stamps
    )


def test_bare_twelve_hour_times_are_resolved_by_the_order_of_the_posts() -> None:
    # 1:05 above 12:40: eleven hours apart on a 24-hour clock, 25 minutes on a 12-hour one.
    page = "Live: the storm\n\nTuesday 7 May 2024\n\n" + _posts("1:05", "12:40", "11:30")
    assert _clocks(page) == ["13:05", "12:40", "11:30"]
    document = parse_text(page, "page.txt")
    assert [e.published.at.day if e.published else None for e in document.entries] == [7, 7, 7]


def test_bare_twelve_hour_times_are_resolved_by_the_pages_updated_time() -> None:
    page = "Live: the storm\n\nUpdated 7:40pm\n\n" + _posts("7:15", "6:50", "6:05")
    assert _clocks(page) == ["19:15", "18:50", "18:05"]


def test_a_twelve_hour_page_crossing_midnight_follows_its_updated_time() -> None:
    # "Updated 00:26" is past midnight: 12:26 on a 12-hour dial, so 11:02 was 23:02.
    oldest = "Live: the storm\n\nUpdated 00:26\n\n" + _posts("11:02", "11:46", "12:20", "12:26")
    assert _clocks(oldest) == ["23:02", "23:46", "00:20", "00:26"]
    newest = "Live: the storm\n\nUpdated 00:29\n\n" + _posts("12:29", "12:13", "11:37")
    assert _clocks(newest) == ["00:29", "00:13", "23:37"]


def test_a_twelve_hour_page_under_a_day_header_crosses_midnight_into_the_day_before() -> None:
    page = "Live: the storm\n\nUpdated 00:13\n\nFriday 16 August 2024\n\n" + _posts(
        "12:13", "11:47", "11:16"
    )
    document = parse_text(page, "page.txt")
    assert [e.published.at.strftime("%d %H:%M") if e.published else None
            for e in document.entries] == ["16 00:13", "15 23:47", "15 23:16"]


def test_an_oldest_first_twelve_hour_page_is_read_back_from_its_updated_time() -> None:
    page = "Live: the storm\n\nUpdated 20:05\n\n" + _posts("3:10", "4:20", "8:05")
    assert _clocks(page) == ["15:10", "16:20", "20:05"]


def test_a_twenty_four_hour_morning_page_is_left_alone() -> None:
    page = "Live: the storm\n\nTuesday 7 May 2024\n\n" + _posts("11:30", "10:05", "9:40")
    assert _clocks(page) == ["11:30", "10:05", "09:40"]


def test_times_under_day_n_or_a_yearless_date_keep_their_clock_and_stay_visible() -> None:
    day_n = "Live: the summit\n\nDay 3\n\n" + _posts("16:40", "15:05")
    assert [c for c in _clocks(day_n) if c] == ["16:40", "15:05"]
    yearless = (
        "Live: the summit\n\n"
        "Tuesday 7 May 16:40\nPost one\nSomething happened.\n\n"
        "Tuesday 7 May 15:05\nPost two\nSomething else happened.\n"
    )
    document = parse_text(yearless, "summit.txt")
    assert [e.published for e in document.entries] == [None, None]
    clocks = [e.time_of_day for e in document.entries]
    assert [(c.clock(), c.printed) if c else None for c in clocks] == [
        ("16:40", "Tuesday 7 May 16:40"),
        ("15:05", "Tuesday 7 May 15:05"),
    ]
