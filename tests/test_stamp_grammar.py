"""The tolerant stamp grammar: every time, am/pm, zone and date form a page may print."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import parse_text
from parsers.dates.grammar import CAPTURE_PREFIX_RE, STAMP_START
from parsers.dates.match_minutes import match_minute
from parsers.dating import capture_date
from parsers.timestamps import parse_stamp, stamp_at


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("14:31", (14, 31)),
        ("14.31", (14, 31)),
        ("14h31", (14, 31)),
        ("21 h 05", (21, 5)),
        ("7: 15", (7, 15)),  # a stray space after the colon
        ("8.40am", (8, 40)),
        ("8.40 a.m.", (8, 40)),
        ("10 a. m.", (10, 0)),
        ("4:12 P.M.", (16, 12)),
        ("12:05 am", (0, 5)),
        ("12 p.m.", (12, 0)),
        ("10:30 vorm.", (10, 30)),
        ("3:15 nachm.", (15, 15)),
        ("14 Uhr", (14, 0)),
        ("14:31 Uhr", (14, 31)),
        ("14 heures", (14, 0)),
        ("0942 hrs", (9, 42)),
        ("0942 GMT", (9, 42)),
        ("(0942 GMT)", (9, 42)),
        ("noon", (12, 0)),
        ("midnight", (0, 0)),
        ("minuit", (0, 0)),
    ],
)
def test_time_forms(text: str, clock: tuple[int, int]) -> None:
    stamp = parse_stamp(text)
    assert stamp is not None and (stamp.hour, stamp.minute) == clock, text


def test_four_bare_digits_are_a_time_only_in_a_stamp_position() -> None:
    assert parse_stamp("1945") is None
    assert parse_stamp("in 2024 the talks") is None
    weak = parse_stamp("0942", weak=True)
    assert weak is not None and (weak.hour, weak.minute) == (9, 42) and weak.weak
    # With a zone the form is readable anywhere, and still marked weak for the separator choice.
    zoned = parse_stamp("(0942 GMT)")
    assert zoned is not None and zoned.zone == "GMT" and zoned.weak
    assert parse_stamp("14:31").weak is False  # type: ignore[union-attr]


def test_dotted_am_pm_before_a_headline_ends_the_stamp() -> None:
    line = "8.40 a.m. Police arrive at the scene"
    stamp = parse_stamp(line)
    assert stamp is not None and (stamp.hour, stamp.minute) == (8, 40)
    assert line[stamp.end :].strip() == "Police arrive at the scene"


@pytest.mark.parametrize("zone", ["GMT", "EET", "EEST", "MSK", "CEST", "AEDT", "UTC+2", "+0530"])
def test_zones_are_read_after_the_time(zone: str) -> None:
    stamp = parse_stamp(f"14:31 {zone}")
    assert stamp is not None and stamp.zone is not None
    assert stamp.zone.replace(" ", "") == zone.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("March 3rd 2024", date(2024, 3, 3)),
        ("3rd March 2024", date(2024, 3, 3)),
        ("the 3rd of March 2024", date(2024, 3, 3)),
        ("1er mars 2024", date(2024, 3, 1)),
        ("3e maart 2024", date(2024, 3, 3)),
        ("3. März 2024", date(2024, 3, 3)),
        ("21st Feb 2022", date(2022, 2, 21)),
        ("Sept. 2, 2023", date(2023, 9, 2)),
        ("2024-03-05", date(2024, 3, 5)),
    ],
)
def test_date_forms_in_any_order_with_ordinals(text: str, day: date) -> None:
    stamp = parse_stamp(text)
    assert stamp is not None and stamp.date() == day, text


def test_a_date_without_year_or_with_a_weekday_keeps_day_and_month() -> None:
    stamp = parse_stamp("Tuesday, May 7")
    assert stamp is not None and (stamp.month, stamp.day, stamp.year) == (5, 7, None)
    stamp = parse_stamp("Tuesday, May 7 (local time) 9:15 p.m.")
    assert stamp is not None and (stamp.month, stamp.day, stamp.hour) == (5, 7, 21)


def test_a_word_that_is_no_month_does_not_hide_the_date_after_it() -> None:
    stamp = parse_stamp("Scholz 14 March 2024")
    assert stamp is not None and stamp.date() == date(2024, 3, 14)
    assert parse_stamp("Chapter 12 of the report") is None


@pytest.mark.parametrize(
    ("line", "label", "rest"),
    [
        ("12' Goal! A header from the corner.", "12'", "Goal! A header from the corner."),
        ("45+2' Yellow card", "45+2'", "Yellow card"),
        ("90+4′ Final whistle soon", "90+4'", "Final whistle soon"),
        ("67 min: Substitution", "67'", "Substitution"),
        ("HT", "HT", None),
        ("FT: 2-1", "FT", "2-1"),
    ],
)
def test_match_minutes_are_positions_not_clock_times(
    line: str, label: str, rest: str | None
) -> None:
    found = match_minute(line)
    assert found is not None and found.label == label and found.rest == rest
    stamp = parse_stamp(line)
    assert stamp is None or stamp.hour is None or stamp.start > 0  # never read as 12:00 etc.


@pytest.mark.parametrize("line", ["HT is where it went wrong", "1990's music", "67 minutes later"])
def test_prose_is_not_a_match_minute(line: str) -> None:
    assert match_minute(line) is None


def test_capture_prefix_on_the_line_of_the_first_stamp() -> None:
    line = "date 2024-03-05 0942: Police arrive at the scene"
    assert capture_date(line) == date(2024, 3, 5)
    assert CAPTURE_PREFIX_RE.sub("", line, count=1) == "0942: Police arrive at the scene"
    assert capture_date("date 2024-03-05T09:42:00Z 09:50 GMT") == date(2024, 3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 20_000,
        "a " * 10_000 + "5",
        "March " * 4_000,
        "12:" * 6_000,
        "5 de " * 4_000,
        "午後" * 5_000,
        "Dienstag, " * 2_000 + "5. März",
    ],
)
def test_the_grammar_stays_linear_on_hostile_input(text: str) -> None:
    started = time.process_time()
    parse_stamp(text)
    parse_stamp(text, weak=True)
    assert time.process_time() - started < 2.0


def test_a_stamp_sharing_the_capture_prefix_line_starts_the_first_entry() -> None:
    page = (
        "date 2024-03-05 14:31 GMT\nPolice arrive\nOfficers sealed off the street.\n\n"
        "13:05 GMT\nCrowds gather\nPeople gathered at the cordon.\n\n"
        "12:40 GMT\nFirst reports\nWitnesses reported a loud bang.\n"
    )
    document = parse_text(page, "capture.txt")
    titles = [e.title for e in document.entries]
    assert titles == ["Police arrive", "Crowds gather", "First reports"]
    first = document.entries[0].published
    assert first is not None and first.iso() == "2024-03-05T14:31:00+00:00"


@pytest.mark.parametrize(
    ("line", "weak", "read", "rest"),
    [
        ("0942: Police arrive", True, (9, 42, None, None), ": Police arrive"),
        ("(0942 GMT) Title here", False, (9, 42, None, "GMT"), " Title here"),
        ("7: 15 p.m. — Title", False, (19, 15, None, None), " — Title"),
        ("8.40 a.m. Police arrive", False, (8, 40, None, None), " Police arrive"),
        ("22:15 – 10 Mar 2022", False, (22, 15, date(2022, 3, 10), None), ""),
        ("Tuesday, March 3rd 2024, 9:15 a.m. ET", False, (9, 15, date(2024, 3, 3), "ET"), ""),
        ("14:31 EET – 10 people were hurt", False, (14, 31, None, "EET"), " – 10 people were hurt"),
        ("2024年3月5日 午後2時30分", False, (14, 30, date(2024, 3, 5), None), ""),
    ],
)
def test_stamp_at_reads_the_stamp_a_line_starts_with(
    line: str, weak: bool, read: tuple[int, int, date | None, str | None], rest: str
) -> None:
    stamp = stamp_at(line, 0, weak)
    assert stamp is not None
    assert (stamp.hour, stamp.minute, stamp.date(), stamp.zone) == read
    assert line[stamp.end :] == rest


@pytest.mark.parametrize("line", ["In 2024 the talks", "12' Goal!", "Police arrive at 14:31"])
def test_stamp_at_needs_the_stamp_at_the_start(line: str) -> None:
    assert stamp_at(line, 0, weak=True) is None


def test_stamp_at_takes_bare_four_digits_only_when_weak() -> None:
    assert stamp_at("0942: Police arrive") is None
    stamp = stamp_at("0942: Police arrive", weak=True)
    assert stamp is not None and stamp.weak


STAMPISH = st.text(
    alphabet=st.sampled_from(list("0123456789:.h apmAPM+-–()'′,年月日時分午後오후GMTEETUhr März")),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(STAMPISH, st.text(max_size=120)), st.booleans())
def test_any_text_gives_a_sane_stamp_or_none(text: str, weak: bool) -> None:
    for stamp in (parse_stamp(text, weak), stamp_at(text, 0, weak)):
        if stamp is None:
            continue
        assert 0 <= stamp.start <= stamp.end <= len(text)
        assert stamp.has_time or stamp.has_date
        if stamp.hour is not None:
            assert 0 <= stamp.hour <= 23 and 0 <= (stamp.minute or 0) <= 59
        if stamp.month is not None:
            assert 1 <= stamp.month <= 12 and 1 <= (stamp.day or 0) <= 31
    minute = match_minute(text)
    assert minute is None or minute.label


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("Fri 19 Feb 2021 19.41 GMT", True),
        ("Dienstag, 5. März 2024 14:30", True),
        ("Mittw. 5. März 14:30", True),
        ("Thurs 5 March 14:30", True),
        ("вторник, 5 марта 14:30", True),
        ("Published at 14:31", True),
        ("14:31 GMT", True),
        ("Minister said 14:30", False),
        ("Weather deal said 06:43", False),
        ("They’ve lost over 450 personnel", False),
    ],
)
def test_the_stamp_line_screen(line: str, shaped: bool) -> None:
    """Only lines that start like a stamp go on to the parser (the scan's cheap screen)."""
    assert STAMP_START.match(line) is shaped
