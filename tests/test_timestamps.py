"""Stamp recognition, zone words through the tz database, DST days, 12-hour edge cases."""

from __future__ import annotations

from datetime import date

import pytest

from parsers.model import Precision, ZoneBasis
from parsers.timestamps import fallback_date, from_epoch, parse_stamp, to_timestamp
from parsers.zones import zone_for_word, zone_key


@pytest.mark.parametrize(
    ("text", "hour", "minute", "ymd", "zone"),
    [
        ("14:31", 14, 31, None, None),
        ("14.31", 14, 31, None, None),
        ("14.31 GMT", 14, 31, None, "GMT"),
        ("19.30 BST", 19, 30, None, "BST"),
        ("2.15pm", 14, 15, None, None),
        ("5.51pm GMT", 17, 51, None, "GMT"),
        ("4:12 p.m. ET", 16, 12, None, "ET"),
        ("10:37 AM", 10, 37, None, None),
        ("9:30 a.m. EST", 9, 30, None, "EST"),
        ("10am", 10, 0, None, None),
        ("Noon", 12, 0, None, None),
        ("Midnight", 0, 0, None, None),
        ("14:31 Uhr", 14, 31, None, None),
        ("14h31", 14, 31, None, None),
        ("4:12 p.m. ET, February 25, 2022", 16, 12, (2022, 2, 25), "ET"),
        (
            "13:11 Greenwich Mean Time 21 February 2022",
            13,
            11,
            (2022, 2, 21),
            "Greenwich Mean Time",
        ),
        ("12. Februar 2023, 14:31 Uhr", 14, 31, (2023, 2, 12), None),
        ("le 12 février 2023 à 14h31", 14, 31, (2023, 2, 12), None),
        ("22:15 – 10 Mar 2022", 22, 15, (2022, 3, 10), None),
        ("31 December 2023 00:00 GMT", 0, 0, (2023, 12, 31), "GMT"),
        ("Fri 19 Feb 2021 19.41 GMT", 19, 41, (2021, 2, 19), "GMT"),
        ("Apr 14, 2022, 6:02 AM", 6, 2, (2022, 4, 14), None),
        ("January 2, 2021 2:27 p.m.", 14, 27, (2021, 1, 2), None),
        ("2022-02-25 14:31", 14, 31, (2022, 2, 25), None),
        ("2022-03-10T22:15:00Z", 22, 15, (2022, 3, 10), "UTC"),
        ("2022-03-10T22:15:00.123+01:00", 22, 15, (2022, 3, 10), "+01:00"),
    ],
)
def test_stamp_forms(
    text: str, hour: int, minute: int, ymd: tuple[int, int, int] | None, zone: str | None
) -> None:
    stamp = parse_stamp(text)
    assert stamp is not None
    assert (stamp.hour, stamp.minute) == (hour, minute)
    if ymd is None:
        assert not stamp.has_date
    else:
        assert (stamp.year, stamp.month, stamp.day) == ymd
    assert stamp.zone == zone


@pytest.mark.parametrize(
    ("text", "ymd"),
    [
        ("Tuesday 14 June 2011", (2011, 6, 14)),
        ("March 23, 2022", (2022, 3, 23)),
        ("Sonntag, 12. Februar 2023", (2023, 2, 12)),
        ("5 mars 2023", (2023, 3, 5)),
        ("12 févr. 2023", (2023, 2, 12)),
        ("25/02/2022", (2022, 2, 25)),
    ],
)
def test_date_only_stamps_have_no_time(text: str, ymd: tuple[int, int, int]) -> None:
    stamp = parse_stamp(text)
    assert stamp is not None and not stamp.has_time
    assert (stamp.year, stamp.month, stamp.day) == ymd


@pytest.mark.parametrize("text", ["", "no time here", "1 / 20", "version 3", "2022"])
def test_text_without_a_stamp(text: str) -> None:
    assert parse_stamp(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12:05 a.m.", (0, 5)),
        ("12:20 p.m.", (12, 20)),
        ("12:00 AM", (0, 0)),
        ("12:59 PM", (12, 59)),
        ("1:00 a.m.", (1, 0)),
        ("11:59 p.m.", (23, 59)),
        ("Noon", (12, 0)),
        ("Midnight", (0, 0)),
        ("12 p.m.", (12, 0)),
        ("12 a.m.", (0, 0)),
    ],
)
def test_twelve_hour_edge_cases(text: str, expected: tuple[int, int]) -> None:
    stamp = parse_stamp(text)
    assert stamp is not None and stamp.twelve_hour
    assert (stamp.hour, stamp.minute) == expected


@pytest.mark.parametrize("text", ["13:05 p.m.", "0:30 am"])
def test_impossible_twelve_hour_times_are_not_read_as_twelve_hour(text: str) -> None:
    stamp = parse_stamp(text)
    assert stamp is None or not stamp.twelve_hour


@pytest.mark.parametrize(
    ("word", "day", "offset"),
    [
        ("GMT", date(2022, 7, 1), "+00:00"),
        ("BST", date(2022, 7, 1), "+01:00"),
        ("UK", date(2022, 1, 10), "+00:00"),
        ("UK", date(2022, 7, 10), "+01:00"),
        ("ET", date(2022, 2, 25), "-05:00"),
        ("ET", date(2022, 7, 4), "-04:00"),
        ("EST", date(2022, 7, 4), "-04:00"),
        ("PT", date(2022, 12, 1), "-08:00"),
        ("IST", date(2022, 2, 25), "+05:30"),
        ("JST", date(2022, 2, 25), "+09:00"),
        ("CET", date(2022, 8, 1), "+02:00"),
        ("UTC+2", date(2022, 1, 1), "+02:00"),
        ("+0530", date(2022, 1, 1), "+05:30"),
        ("Greenwich Mean Time", date(2022, 2, 21), "+00:00"),
    ],
)
def test_zone_words_resolve_for_the_date(word: str, day: date, offset: str) -> None:
    stamp = parse_stamp(f"14:00 {word}")
    assert stamp is not None and stamp.zone is not None
    timestamp = to_timestamp(stamp, day)
    assert timestamp is not None
    assert timestamp.zone is ZoneBasis.STATED
    assert timestamp.at.isoformat().endswith(offset)


@pytest.mark.parametrize(
    ("day", "text", "offset"),
    [
        # UK: clocks go forward at 01:00 GMT on 27 March 2022, back at 02:00 BST on 30 October.
        (date(2022, 3, 27), "00:30", "+00:00"),
        (date(2022, 3, 27), "02:30", "+01:00"),
        (date(2022, 10, 30), "00:30", "+01:00"),
        (date(2022, 10, 30), "03:30", "+00:00"),
    ],
)
def test_uk_dst_switch_days(day: date, text: str, offset: str) -> None:
    stamp = parse_stamp(text)
    assert stamp is not None
    timestamp = to_timestamp(stamp, day, "Europe/London")
    assert timestamp is not None
    assert timestamp.zone is ZoneBasis.ASSUMED and timestamp.date_inferred
    assert timestamp.at.isoformat().endswith(offset)


@pytest.mark.parametrize(
    ("day", "text", "offset"),
    [
        # US: forward at 2 a.m. on 13 March 2022, back at 2 a.m. on 6 November 2022.
        (date(2022, 3, 13), "1:30 a.m. ET", "-05:00"),
        (date(2022, 3, 13), "3:30 a.m. ET", "-04:00"),
        (date(2022, 11, 6), "12:30 a.m. ET", "-04:00"),
        (date(2022, 11, 6), "3:30 a.m. ET", "-05:00"),
    ],
)
def test_us_dst_switch_days(day: date, text: str, offset: str) -> None:
    stamp = parse_stamp(text)
    assert stamp is not None
    timestamp = to_timestamp(stamp, day)
    assert timestamp is not None
    assert timestamp.at.isoformat().endswith(offset)


def test_instants_sort_across_zones_not_wall_clocks() -> None:
    london = to_timestamp(parse_stamp("14:00 BST"), date(2022, 7, 1))  # type: ignore[arg-type]
    new_york = to_timestamp(parse_stamp("10:00 ET"), date(2022, 7, 1))  # type: ignore[arg-type]
    assert london is not None and new_york is not None
    assert new_york.instant > london.instant  # 14:00 UTC vs 13:00 UTC


def test_time_without_date_or_anchor_has_no_timestamp() -> None:
    stamp = parse_stamp("17:52")
    assert stamp is not None
    assert to_timestamp(stamp) is None


def test_date_only_timestamp_has_date_precision() -> None:
    stamp = parse_stamp("March 23, 2022")
    assert stamp is not None
    timestamp = to_timestamp(stamp)
    assert timestamp is not None
    assert timestamp.precision is Precision.DATE and timestamp.iso() == "2022-03-23"


def test_zone_word_override_for_ist() -> None:
    stamp = parse_stamp("14:31 IST")
    assert stamp is not None
    irish = to_timestamp(stamp, date(2023, 10, 10), zone_words={"IST": "Europe/Dublin"})
    assert irish is not None and irish.at.isoformat().endswith("+01:00")


def test_epoch_is_utc() -> None:
    assert from_epoch(1645996680).iso() == "2022-02-27T21:18:00+00:00"


def test_zone_keys() -> None:
    assert zone_key("ET") == "America/New_York"
    assert zone_key("UTC+5:30") == "+05:30"
    assert zone_key("Narnia") is None
    assert zone_for_word("Narnia") is None


@pytest.mark.parametrize("text", ["March the 5th, 2023", "5-Mar-2023"])
def test_fallback_date_reads_a_header_line_the_regexes_miss(text: str) -> None:
    stamp = parse_stamp(text)
    assert stamp is None or not stamp.has_date
    assert fallback_date(text) == date(2023, 3, 5)


def test_ordinal_dates_need_no_fallback() -> None:
    for text in ("5th of March 2023", "March 5th 2023", "the 5th of March, 2023"):
        stamp = parse_stamp(text)
        assert stamp is not None and stamp.date() == date(2023, 3, 5), text


def test_fallback_date_refuses_lines_that_cannot_be_dates() -> None:
    assert fallback_date("no digits here") is None
    assert fallback_date("x" * 100 + " 2023") is None


def test_iso_offset_is_kept() -> None:
    stamp = parse_stamp("2022-03-10T22:15:00-05:00")
    assert stamp is not None
    timestamp = to_timestamp(stamp)
    assert timestamp is not None and timestamp.iso() == "2022-03-10T22:15:00-05:00"


@pytest.mark.parametrize("text", ["5 se 2023", "5 ma 2023", "5 Marc 2023", "5 dece 2023"])
def test_month_prefixes_are_not_months(text: str) -> None:
    stamp = parse_stamp(text)
    assert stamp is None or not stamp.has_date
