"""``is:unread``, ``is:read``, ``is:marked``, ``is:unmarked``: parsed by the query language,
applied with the reader's state store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.engine.query import Query, QueryError, parse_query
from tui.engine.state import StateStore


def query(text: str) -> Query:
    parsed = parse_query(text)
    assert isinstance(parsed, Query), parsed
    return parsed


def test_is_values_are_parsed_and_make_the_query_non_empty() -> None:
    parsed = query("kyiv is:unread IS:Marked")
    assert parsed.states == ("unread", "marked") and parsed.words == ("kyiv",)
    assert not query("is:read").empty
    assert query("kyiv").state_test(StateStore(persist=False)) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [("is:new", "is:new is not known"), ("is:", "is: needs a value"), ("-is:read", "-is:")],
)
def test_bad_is_values(text: str, words: str) -> None:
    parsed = parse_query(text)
    assert isinstance(parsed, QueryError) and words in parsed.message


def test_state_test_with_the_store() -> None:
    store = StateStore(persist=False)
    store.set_read(["a", "b"])
    store.set_marked("b", True)
    store.set_marked("c", True)
    ids = ["a", "b", "c", "d"]

    def kept(text: str) -> list[str]:
        test = query(text).state_test(store)
        assert test is not None
        return [i for i in ids if test(i)]

    assert kept("is:read") == ["a", "b"]
    assert kept("is:unread") == ["c", "d"]
    assert kept("is:marked") == ["b", "c"]
    assert kept("is:unmarked") == ["a", "d"]
    assert kept("is:unread is:marked") == ["c"]
    assert kept("is:read is:unread") == []


def test_adding_is_narrows_the_query() -> None:
    assert query("kyiv is:unread").narrows(query("kyiv"))
    assert not query("kyiv").narrows(query("kyiv is:unread"))


def test_parse_refuses_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Calm\n\nNothing happened.\n", encoding="utf-8")
    assert main(["parse", "--query", "is:unread", str(page)]) == 2
    assert "is: asks what the reader remembers" in capsys.readouterr().err
