"""The query language: what each form matches, and that bad queries are errors, not crashes."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from reader_fixtures import NEW_YORK, guardian_blog, kyiv_blog

from tui.engine.query import Clock, Query, QueryError, parse_query
from tui.engine.timeline import Filter, Timeline


def titles(text: str, clock: Clock = "source") -> list[str]:
    timeline = Timeline()
    timeline.upsert_many([kyiv_blog(), guardian_blog()])
    query = parse_query(text, UTC, now=datetime(2022, 2, 25, 12, 0, tzinfo=UTC), clock=clock)
    assert isinstance(query, Query), query
    return [item.entry.title or "" for item in timeline.select(Filter(query=query))]


def test_words_are_anded_and_case_insensitive() -> None:
    assert titles("KYIV") == [
        "Zelensky addresses the nation",  # 08:00 UTC
        "Explosions heard in Kyiv",  # 09:05 Kyiv = 07:05 UTC
    ]
    assert titles("kyiv blasts") == ["Explosions heard in Kyiv"]


def test_a_quoted_phrase_matches_as_written() -> None:
    assert titles('"new sanctions"') == ["Sanctions announced"]
    assert titles('"sanctions new"') == []


def test_minus_excludes_words_and_phrases() -> None:
    everything = titles("")
    assert "Explosions heard in Kyiv" not in titles("-blasts")
    assert len(titles("-blasts")) == len(everything) - 1
    assert "Zelensky addresses the nation" not in titles('-"asked for a ceasefire"')


def test_fields_narrow_by_author_source_and_label() -> None:
    assert titles("author:inwood") == ["Explosions heard in Kyiv", "Troops cross the border"]
    assert titles('author:"kate vinton"') == ["Sanctions announced", "Troops cross the border"]
    assert titles("source:guardian") == [
        "Zelensky addresses the nation",
        "Markets fall",
        "Background: the Donbas",
    ]
    assert titles("source:invasion") == titles("source:bbc.txt")  # the title or the file name
    assert titles("label:breaking") == ["Explosions heard in Kyiv"]
    assert titles("label:analysis kyiv") == ["Zelensky addresses the nation"]


def test_since_and_until_take_dates_times_and_ages() -> None:
    assert titles("since:2022-02-25") == [
        "Zelensky addresses the nation",  # 08:00 UTC
        "Explosions heard in Kyiv",  # 09:05 Kyiv = 07:05 UTC
    ]
    # until a date is inclusive; the date-only entry counts by its date; undated never pass.
    assert titles("until:2022-02-24") == [
        "Sanctions announced",
        "Troops cross the border",
        "Markets fall",
    ]
    # 09:05 Kyiv is 07:05 UTC: before 07:30 UTC.
    assert titles('until:"2022-02-25 07:30"') == [
        "Explosions heard in Kyiv",
        "Sanctions announced",
        "Troops cross the border",
        "Markets fall",
    ]
    assert titles("since:2022-02-25T07:30+00:00") == ["Zelensky addresses the nation"]
    # A time of day compares with the entry's own wall clock.
    assert titles("since:21:00") == ["Sanctions announced"]
    assert titles("since:6h") == ["Zelensky addresses the nation", "Explosions heard in Kyiv"]


def test_a_time_of_day_and_a_date_are_read_on_the_clock_shown() -> None:
    # Zelensky 08:00 UTC = 03:00 New York; Explosions 09:05 Kyiv = 07:05 UTC = 02:05 New York;
    # Troops 06:00 Kyiv = 04:00 UTC = 23:00 New York the day before.
    window = "since:03:00 until:03:30"
    assert titles(window) == []  # on each source's clock, nothing is at 03:00-03:30
    assert titles(window, NEW_YORK) == ["Zelensky addresses the nation"]
    assert titles(window, UTC) == []
    assert titles("since:07:00 until:07:10", UTC) == ["Explosions heard in Kyiv"]
    assert titles("since:07:00 until:07:10", "source") == []
    # The date too: 06:00 in Kyiv on the 24th is still the 23rd in New York.
    assert titles("until:2022-02-23") == ["Markets fall"]  # a date-only entry keeps its date
    assert titles("until:2022-02-23", NEW_YORK) == ["Troops cross the border", "Markets fall"]
    query = parse_query(window, clock=NEW_YORK)
    assert isinstance(query, Query) and query.reads_clock
    assert query != parse_query(window, clock=UTC)  # a new clock is a new search
    since_instant = parse_query("since:2h")
    assert isinstance(since_instant, Query) and not since_instant.reads_clock


def test_words_that_look_like_fields_stay_words() -> None:
    query = parse_query("10:05 http://x")
    assert isinstance(query, Query)
    assert query.words == ("10:05", "http://x")


def test_an_unterminated_quote_reads_to_the_end_while_typing() -> None:
    assert titles('"new sanc') == ["Sanctions announced"]


def test_invalid_queries_are_errors_with_a_reason() -> None:
    for text, reason in [
        ("since:yesterdayish", "is not a date"),
        ("until:25:99", "is not a time of day"),
        ("since:2022-13-45", "is not a date"),
        ("author:", "needs a value"),
        ("-author:joe", "not supported"),
        ("since:2022-02-24 since:2022-02-25", "more than once"),
        ("kyiv -", "needs a word"),
    ]:
        result = parse_query(text)
        assert isinstance(result, QueryError), text
        assert reason in result.message, (text, result.message)


def test_an_empty_query_matches_everything() -> None:
    query = parse_query("   ")
    assert isinstance(query, Query) and query.empty
    assert len(titles("")) == 6


@given(st.text(max_size=60))
def test_no_text_makes_the_parser_raise(text: str) -> None:
    assert isinstance(parse_query(text), Query | QueryError)


@given(st.text(alphabet='ab "-:', max_size=12), st.text(alphabet='ab "-:', max_size=3))
def test_narrowing_never_loses_a_match(text: str, more: str) -> None:
    timeline = Timeline()
    timeline.upsert_many([kyiv_blog(), guardian_blog()])
    first, second = parse_query(text), parse_query(text + more)
    if not isinstance(first, Query) or not isinstance(second, Query):
        return
    if second.narrows(first):
        matches_first = {i.id for i in timeline.items if first.predicate()(i)}
        matches_second = {i.id for i in timeline.items if second.predicate()(i)}
        assert matches_second <= matches_first
