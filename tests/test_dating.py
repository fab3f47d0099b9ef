"""Order detection, anchors, midnight rollover, bare 12-hour times and home-zone cues."""

from __future__ import annotations

from datetime import date

import pytest

from parsers.dating import (
    Anchor,
    HomeZone,
    Item,
    Order,
    assign,
    capture_date,
    detect_order,
    header_anchors,
    home_zone,
    language,
    pick_anchor,
    zone_statement,
)
from parsers.timestamps import parse_stamp


def _items(*texts: str) -> list[Item]:
    out = []
    for text in texts:
        stamp = parse_stamp(text)
        assert stamp is not None, text
        out.append(Item(stamp))
    return out


LONDON = HomeZone("Europe/London", "test")
UTC_ASSUMED = HomeZone(None, "test")


def _iso(stamps: list) -> list[str | None]:
    return [s.at.isoformat() if s else None for s in stamps]


def test_newest_first_detected_from_falling_times_across_midnight() -> None:
    items = _items("00:40", "00:05", "23:50", "23:10", "22:30")
    order, reason = detect_order(items)
    assert order is Order.NEWEST_FIRST
    assert "fall" in reason


def test_oldest_first_detected_from_rising_times() -> None:
    order, _ = detect_order(_items("8.40am", "9.02am", "9.15am", "11.54am"))
    assert order is Order.OLDEST_FIRST


def test_dated_stamps_decide_order() -> None:
    items = _items("31 December 2023 00:00 GMT", "22:15 – 30 Dec 2023")
    assert detect_order(items)[0] is Order.NEWEST_FIRST
    assert detect_order(list(reversed(items)))[0] is Order.OLDEST_FIRST


def test_day_headers_decide_order() -> None:
    stamp = parse_stamp("10:00")
    items = [Item(stamp, date(2023, 2, 11)), Item(stamp, date(2023, 2, 12))]
    assert detect_order(items)[0] is Order.OLDEST_FIRST


def test_header_update_time_breaks_a_tie() -> None:
    items = _items("14:00", "14:00")
    assert detect_order(items, updated_minutes=14 * 60)[0] is Order.NEWEST_FIRST
    single = _items("09:30")
    assert detect_order(single)[0] is Order.NEWEST_FIRST
    assert "assumed" in detect_order(single)[1]


def test_newest_first_rollover_steps_back_a_day() -> None:
    stamps = assign(
        _items("00:40", "00:05", "23:50", "23:10"),
        Order.NEWEST_FIRST,
        Anchor(date(2023, 7, 2)),
        LONDON,
    )
    assert _iso(stamps) == [
        "2023-07-02T00:40:00+01:00",
        "2023-07-02T00:05:00+01:00",
        "2023-07-01T23:50:00+01:00",
        "2023-07-01T23:10:00+01:00",
    ]
    assert all(s.date_inferred for s in stamps)


def test_oldest_first_rollover_steps_forward() -> None:
    stamps = assign(
        _items("22:00", "23:30", "00:15"), Order.OLDEST_FIRST, Anchor(date(2024, 7, 4)), LONDON
    )
    assert _iso(stamps)[-1] == "2024-07-05T00:15:00+01:00"


def test_small_disorder_is_not_a_day_change() -> None:
    stamps = assign(
        _items("14:05", "14:20", "13:10"), Order.NEWEST_FIRST, Anchor(date(2023, 3, 1)), LONDON
    )
    assert [s.at.date() for s in stamps] == [date(2023, 3, 1)] * 3


def test_header_update_time_places_the_first_entry_on_the_day_before() -> None:
    # "Updated 00:10" on 2 July, first entry 23:50: it was posted on 1 July.
    stamps = assign(
        _items("23:50", "23:10"), Order.NEWEST_FIRST, Anchor(date(2023, 7, 2), 10), LONDON
    )
    assert _iso(stamps)[0] == "2023-07-01T23:50:00+01:00"


def test_first_published_time_in_header_does_not_push_entries_back() -> None:
    # A header time earlier than the entries (first published) is not a midnight crossing.
    anchor = Anchor(date(2021, 2, 19), 17 * 60 + 20)
    stamps = assign(_items("19:30", "18:05"), Order.NEWEST_FIRST, anchor, LONDON)
    assert [s.at.date() for s in stamps] == [date(2021, 2, 19)] * 2


def test_day_headers_reset_the_date() -> None:
    stamp = parse_stamp("22:47")
    later = parse_stamp("15:05")
    items = [Item(later, date(2023, 2, 12)), Item(stamp, date(2023, 2, 11))]
    stamps = assign(items, Order.NEWEST_FIRST, None, HomeZone("Europe/Berlin", "test"))
    assert _iso(stamps) == ["2023-02-12T15:05:00+01:00", "2023-02-11T22:47:00+01:00"]


def test_dated_stamp_without_year_takes_the_nearest_year() -> None:
    stamps = assign(
        _items("January 1, 0:30", "December 31, 23:50"),
        Order.NEWEST_FIRST,
        Anchor(date(2024, 1, 1)),
        UTC_ASSUMED,
    )
    assert _iso(stamps) == ["2024-01-01T00:30:00+00:00", "2023-12-31T23:50:00+00:00"]
    assert not any(s.date_inferred for s in stamps)


def test_bare_twelve_hour_times_take_the_reading_that_keeps_the_order() -> None:
    # A 12-hour page (am/pm on most stamps); "4:10" and "11:30" lack them.
    items = _items("6:40 p.m.", "4:10", "1:05 p.m.", "11:30", "9:15 a.m.")
    stamps = assign(items, Order.NEWEST_FIRST, Anchor(date(2022, 5, 3)), UTC_ASSUMED, True)
    assert [s.at.strftime("%H:%M") for s in stamps] == ["18:40", "16:10", "13:05", "11:30", "09:15"]


def test_no_anchor_no_invented_dates() -> None:
    stamps = assign(_items("17:52", "16:10"), Order.NEWEST_FIRST, None, LONDON)
    assert stamps == [None, None]


def test_epoch_items_are_utc_and_reset_the_day() -> None:
    items = [Item(epoch=1645996680), *_items("20:00")]
    stamps = assign(items, Order.NEWEST_FIRST, None, UTC_ASSUMED)
    assert _iso(stamps) == ["2022-02-27T21:18:00+00:00", "2022-02-27T20:00:00+00:00"]


def test_pick_anchor_takes_the_newest_or_oldest_end() -> None:
    anchors = [Anchor(date(2021, 2, 19), 19 * 60 + 41), Anchor(date(2021, 2, 19), 17 * 60 + 20)]
    assert pick_anchor(anchors, Order.NEWEST_FIRST) == anchors[0]
    assert pick_anchor(anchors, Order.OLDEST_FIRST) == anchors[1]
    assert pick_anchor([], Order.NEWEST_FIRST) is None


def test_header_anchors_read_date_lines_and_skip_prose() -> None:
    anchors = header_anchors(
        [
            "Politics live blog - Monday 20 June 2011",
            "Fri 19 Feb 2021 19.41 GMT",
            "A sentence with no date in it at all.",
            "5th of March 2023",
        ]
    )
    assert anchors == [
        Anchor(date(2011, 6, 20)),
        Anchor(date(2021, 2, 19), 19 * 60 + 41),
        Anchor(date(2023, 3, 5)),
    ]


def test_capture_prefix() -> None:
    assert capture_date(" date 2022-02-25 Russian troops") == date(2022, 2, 25)
    assert capture_date("date night 2022") is None


@pytest.mark.parametrize(
    ("sample", "zones", "expected"),
    [
        ("Live Reporting\nAll times stated are UK\n", (), "Europe/London"),
        ("All Times EST\nThe Latest: things happen", (), "America/New_York"),
        ("A live blog", ("GMT", "GMT", "BST"), "Europe/London"),
        ("CNN live updates", ("ET",), "America/New_York"),
        ("Coverage by the Guardian's politics team", (), "Europe/London"),
        ("(AP Photo/Jane Doe)", (), "America/New_York"),
        ("Die Feuerwehr ist mit Kräften vor Ort und sperrt die Straße.", (), "Europe/Berlin"),
        ("Le syndicat annonce une assemblée générale pour les usagers.", (), "Europe/Paris"),
        ("Hindustan Times live", (), "Asia/Kolkata"),
        ("The storm is moving north and the roads are closed.", (), None),
    ],
)
def test_home_zone_cues(sample: str, zones: tuple[str, ...], expected: str | None) -> None:
    assert home_zone(sample, zones).name == expected


def test_ist_follows_the_outlet() -> None:
    assert home_zone("Irish Times live").ist == "Europe/Dublin"
    assert home_zone("Times of Israel live").ist == "Asia/Jerusalem"
    assert home_zone("A live page").ist == "Asia/Kolkata"


def test_outlet_names_match_whole_words_only() -> None:
    assert home_zone("The cnnamon bun shop opened.").name is None


def test_language() -> None:
    assert language("Die Polizei und die Feuerwehr sind vor Ort.") == "de"
    assert language("Les usagers sont dans la gare pour une heure.") == "fr"
    assert language("The police and the fire service are there.") == "en"
    assert language("12345") == "en"


def test_zone_statement() -> None:
    assert zone_statement("All times stated are UK")
    assert not zone_statement("Times are changing for the harbour town")
