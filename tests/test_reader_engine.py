"""The engine below the reader, without a ReaderApp: the tailing engine's events applied to
the timeline, follow mode, searching key points, and loading folders on several cores."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from reader_fixtures import guardian_blog, kyiv_blog
from tailing_support import posts, write

import tui.engine.loader
from parsers.model import Document, Problem
from parsers.read import parse_file, parse_text
from tui.engine.alerts import alert_message
from tui.engine.follow import Follow
from tui.engine.ingest import (
    Added,
    ProblemFound,
    Ready,
    Removed,
    SourceGone,
    SourceRead,
    SourceRenamed,
    Tracker,
    Updated,
)
from tui.engine.loader import read_all
from tui.engine.query import Query, parse_query
from tui.engine.timeline import Filter, Indexed, Timeline
from tui.sample import sample_dir


def titles(timeline: Timeline, view: Filter | None = None) -> list[str | None]:
    return [item.entry.title for item in timeline.select(view or Filter())]


def query(text: str) -> Query:
    parsed = parse_query(text)
    assert isinstance(parsed, Query)
    return parsed


def loaded() -> Timeline:
    timeline = Timeline()
    timeline.upsert_many([kyiv_blog(), guardian_blog()])
    return timeline


# -- the tailing engine's events applied to the one store -----------------------------------


def test_added_updated_and_removed_entries_change_the_feed_counts_and_order() -> None:
    timeline = loaded()
    blog = kyiv_blog()
    fresh = dataclasses.replace(blog.entries[0], id="/data/bbc.txt#9", title="Fresh news")
    edited = dataclasses.replace(blog.entries[1], title="Sanctions widened")
    change = timeline.apply([Added((fresh,)), Updated((edited,))])
    assert [item.entry.title for item in change.added] == ["Fresh news"]
    assert [item.entry.title for item in change.updated] == ["Sanctions widened"]
    assert len(timeline) == 7
    assert titles(timeline).count("Sanctions widened") == 1
    assert "Sanctions announced" not in titles(timeline)  # replaced in place, not doubled
    assert dict((d.source.path, n) for d, n in timeline.source_counts())["/data/bbc.txt"] == 4

    change = timeline.apply([Removed("/data/bbc.txt", (fresh.id, "/data/bbc.txt#unknown"))])
    assert change.removed == {fresh.id}
    assert "Fresh news" not in titles(timeline)
    assert len(timeline) == 6
    assert timeline.source_row("/data/bbc.txt") is not None
    assert timeline.source_row("/data/bbc.txt")[1] == 3  # type: ignore[index]


def test_events_give_the_order_a_fresh_timeline_gives() -> None:
    timeline = loaded()
    assert timeline.items  # sorted once; the events merge into it
    blog = kyiv_blog()
    later = dataclasses.replace(blog.entries[2], id="/data/bbc.txt#late", position=5)
    timeline.apply([Added((later,)), Removed("/data/bbc.txt", (blog.entries[0].id,))])
    fresh = Timeline()
    document = dataclasses.replace(blog, entries=(*blog.entries[1:], later))
    fresh.upsert_many([document, guardian_blog()])
    assert [i.id for i in timeline.items] == [i.id for i in fresh.items]


def test_a_renamed_source_keeps_its_entries_and_gone_sources_stay() -> None:
    timeline = loaded()
    change = timeline.apply(
        [SourceRenamed("/data/bbc.txt", "/data/bbc-2.txt"), SourceGone("/data/guardian.html")]
    )
    assert change.renamed == [("/data/bbc.txt", "/data/bbc-2.txt")]
    assert list(change.paths) == ["/data/bbc-2.txt", "/data/guardian.html"]
    assert len(timeline) == 6
    assert timeline.gone == {"/data/guardian.html"}
    assert titles(timeline, Filter(sources=frozenset({"/data/bbc-2.txt"}))) == [
        "Explosions heard in Kyiv",
        "Sanctions announced",
        "Troops cross the border",
    ]


def test_a_re_read_document_s_problems_replace_its_previous_ones() -> None:
    tracker = Tracker()
    timeline = Timeline()
    path = "/data/growing.txt"
    text = posts("grow", 2)
    for column in (57, 86, 120):
        document = parse_text(text, path)
        problem = Problem(path, f"not well-formed at column {column}")
        document = dataclasses.replace(document, problems=(problem,))
        timeline.apply(tracker.parsed(path, document, None))
        assert [p.message for p in timeline.problems] == [problem.message]
    timeline.apply(tracker.parsed(path, parse_text(text, path), None))
    assert timeline.problems == []


def test_problems_of_no_document_are_listed_and_the_watch_mode_is_reported() -> None:
    timeline = loaded()
    change = timeline.apply([ProblemFound(Problem("/data", "a symlink loop")), Ready(2, "events")])
    assert change.problems and change.mode == "events"
    assert [p.message for p in timeline.problems] == ["a symlink loop"]


def test_a_source_read_with_a_new_title_renames_its_pane_row() -> None:
    timeline = loaded()
    retitled = dataclasses.replace(kyiv_blog(), title="Ukraine war live, day 2")
    change = timeline.apply([SourceRead(retitled)])
    assert list(change.paths) == ["/data/bbc.txt"]
    found = timeline.source_row("/data/bbc.txt")
    assert found is not None and found[0].display_name == "Ukraine war live, day 2"
    assert found[1] == 3


# -- follow mode --------------------------------------------------------------------------


def test_follow_counts_what_arrived_away_from_the_edge_until_the_view_returns() -> None:
    follow = Follow()
    assert follow.arrived(at_edge=True, shown=3) == 0
    assert follow.arrived(at_edge=False, shown=2) == 2
    assert follow.arrived(at_edge=False, shown=1) == 3
    assert follow.moved(at_edge=False) == 3
    assert follow.moved(at_edge=True) == 0
    follow.arrived(at_edge=False, shown=4)
    assert follow.jump() == 0 and follow.new_count == 0


def test_follow_reports_an_alert_once_and_forgets_withdrawn_entries() -> None:
    follow = Follow(["kyiv"])
    blog = kyiv_blog()
    hits = follow.match(blog.entries, ())
    assert [entry.title for entry, _ in hits] == ["Explosions heard in Kyiv"]
    assert follow.match((), blog.entries) == []  # already reported
    title, text = alert_message(hits)
    assert title == "Alert: kyiv" and "Explosions heard in Kyiv" in text
    follow.match((), (), removed=[blog.entries[0].id])
    assert follow.alerted == {}


# -- key points are searched ------------------------------------------------------------------


def test_a_word_in_a_page_s_key_points_matches_that_page_s_entries() -> None:
    timeline = loaded()
    assert titles(timeline, Filter(query=query("invades"))) == [
        "Explosions heard in Kyiv",
        "Sanctions announced",
        "Troops cross the border",
    ]
    assert titles(timeline, Filter(query=query("invades troops"))) == ["Troops cross the border"]


def test_chernobyl_is_found_on_the_sample_through_its_key_points() -> None:
    timeline = Timeline()
    timeline.upsert_many(parse_file(str(path)) for path in sorted(sample_dir().glob("*.txt")))
    found = timeline.select(Filter(query=query("chernobyl")))
    assert found
    assert any("chernobyl" in point.lower() for item in found for point in item.document.key_points)


# -- loading on several cores ------------------------------------------------------------------


def test_workers_give_the_documents_one_thread_gives_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.engine.loader, "POOL_MIN_FILES", 2)
    monkeypatch.setattr(tui.engine.loader, "FIRST_IN_THREAD", 3)  # the rest in the workers
    for n in range(12):
        write(tmp_path / f"blog-{n:02}.txt", posts(f"blog{n}", 1 + n % 3))
    (tmp_path / "sub").mkdir()
    alone = list(read_all([str(tmp_path)], workers=0))
    parsed_here: list[str] = []
    in_thread = tui.engine.loader._parse

    def spy(path: str) -> Indexed:
        parsed_here.append(path)
        return in_thread(path)

    monkeypatch.setattr(tui.engine.loader, "_parse", spy)
    pooled = list(read_all([str(tmp_path)], workers=2))
    assert [(done, total) for done, total, _ in pooled] == [(n, 12) for n in range(1, 13)]
    assert [d for _, _, d in pooled] == [d for _, _, d in alone]  # documents and texts
    assert all(isinstance(d.document, Document) and d.document.entries for _, _, d in pooled)
    assert len(parsed_here) == 3  # the first files here, the other nine in the workers


def test_a_missing_path_is_an_unreadable_document_with_workers_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.engine.loader, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(tui.engine.loader, "FIRST_IN_THREAD", 0)
    write(tmp_path / "a.txt", posts("a", 2))
    found = [d for _, _, d in read_all([str(tmp_path / "nope"), str(tmp_path)], workers=2)]
    assert [d.document.readable for d in found] == [False, True]
