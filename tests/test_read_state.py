"""The reader's helpers over the state store: unread counts kept without recounting, the
earliest last visit, ``is:`` over a snapshot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reader_fixtures import kyiv_blog

from tui.engine.query import Query, parse_query
from tui.engine.state import StateStore
from tui.engine.timeline import Timeline
from tui.read_state import SourceUnread, UnreadCounter, last_visit, snapshot_test


def test_the_unread_count_follows_adjustments_and_counts_again_when_it_must() -> None:
    store = StateStore(persist=False)
    items = list(Timeline().upsert(kyiv_blog()).added)
    counter = UnreadCounter()
    assert counter.count(items, store) == 3
    store.set_read([items[0].id])
    counter.adjust(items, -1)
    assert counter.count(items, store) == 2
    grown = items[:2]
    assert counter.count(grown, store) == 1  # another list: counted again
    store.set_read([items[1].id])  # not told: stale until changed()
    counter.changed()
    assert counter.count(grown, store) == 0
    growing: list = []  # type: ignore[type-arg]
    assert counter.count(growing, store) == 0
    growing.extend(items)  # a search filling its list: only the new items are counted
    assert counter.count(growing, store) == 1


def test_source_counts_are_kept_per_document_version() -> None:
    store = StateStore(persist=False)
    document = kyiv_blog()
    counts = SourceUnread()
    assert counts.count(document, store) == 3
    store.set_read([document.entries[0].id])
    counts.adjust(document.source.path, -1)
    assert counts.count(document, store) == 2
    again = kyiv_blog()  # re-parsed: counted afresh
    assert counts.count(again, store) == 2


def test_the_last_visit_is_the_earliest_of_the_paths_and_is_recorded(tmp_path: Path) -> None:
    store = StateStore(persist=False)
    a, b, c = (str(tmp_path / name) for name in "abc")
    assert last_visit(store, [a]) is None
    store.record_visit(a, datetime(2024, 1, 2, tzinfo=UTC))
    store.record_visit(b, datetime(2024, 1, 1, tzinfo=UTC))
    assert last_visit(store, [a, b, c]) == datetime(2024, 1, 1, tzinfo=UTC)
    later = last_visit(store, [a, b])
    assert later is not None and later.year >= 2025  # this visit, recorded just now


def test_is_terms_test_a_snapshot_not_the_live_state() -> None:
    store = StateStore(persist=False)
    query = parse_query("is:unread")
    assert isinstance(query, Query)
    test = snapshot_test(query, store)
    assert test is not None and test("a")
    store.set_read(["a"])
    assert test("a")  # the snapshot
    again = snapshot_test(query, store)
    assert again is not None and not again("a")
    assert snapshot_test(parse_query("kyiv"), store) is None  # type: ignore[arg-type]
    assert snapshot_test(None, store) is None
