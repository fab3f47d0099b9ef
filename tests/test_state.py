"""The state store: read flags, marks, visits and the view survive a restart; a bad
database gives a warning and a session-only store, never an exception."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from parsers.model import Problem
from tui.engine.state import FILE_NAME, StateStore, ViewSettings, state_dir


def _count(db: Path, sql: str = "SELECT count(*) FROM entries") -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "liveblog" / FILE_NAME


def test_state_dir_follows_xdg_and_falls_back_to_home() -> None:
    assert state_dir({"XDG_STATE_HOME": "/x/state", "HOME": "/h"}) == Path("/x/state/liveblog")
    assert state_dir({"HOME": "/h"}) == Path("/h/.local/state/liveblog")
    assert state_dir({"XDG_STATE_HOME": "relative", "HOME": "/h"}) == Path(
        "/h/.local/state/liveblog"
    )


def test_round_trip_across_a_restart(db: Path, tmp_path: Path) -> None:
    store = StateStore(db)
    assert store.persistent and store.problems == []
    assert store.set_read(["a", "b", "c"]) == 3
    assert store.set_read(["a"]) == 0  # already read
    store.set_read(["b"], read=False)
    assert store.toggle_mark("c") is True
    store.set_marked("d", True)
    when = datetime(2024, 5, 7, 10, 0, tzinfo=UTC)
    assert store.record_visit(str(tmp_path), when) is None
    store.save_view(ViewSettings(zone="utc", panes=("sources", "authors"), mode="list"))
    store.close()

    again = StateStore(db)
    assert again.problems == []
    assert again.read_ids == {"a", "c"}
    assert again.marked_ids == {"c", "d"}
    assert again.is_read("a") and not again.is_read("b")
    assert again.last_visit(str(tmp_path) + "/.") == when  # same folder, spelled otherwise
    later = datetime(2024, 5, 8, tzinfo=UTC)
    assert again.record_visit(str(tmp_path), later) == when
    assert again.view() == ViewSettings(zone="utc", panes=("sources", "authors"), mode="list")
    again.close()
    assert StateStore(db).last_visit(str(tmp_path)) == later


def test_unread_and_unmarked_rows_are_removed(db: Path) -> None:
    store = StateStore(db)
    store.set_read(["a", "b"])
    store.set_read(["a"], read=False)
    assert store.flush()
    store.close()
    assert _count(db, "SELECT id FROM entries") == [("b",)]


def test_changes_are_visible_at_once_and_writes_do_not_wait(db: Path) -> None:
    store = StateStore(db, batch_seconds=5.0)  # the writer holds the batch a long time
    start = time.perf_counter()
    for number in range(2000):
        store.set_read([f"id{number}"])
    elapsed = time.perf_counter() - start
    assert store.is_read("id1999")
    assert elapsed < 1.0  # no disk write in the caller (5 s batching would show)
    assert _count(db) == [(0,)]  # still batched
    assert store.flush()
    assert _count(db) == [(2000,)]
    store.close()


def test_no_state_mode_writes_nothing(db: Path) -> None:
    store = StateStore(db, persist=False)
    store.set_read(["a"])
    store.toggle_mark("a")
    assert store.is_read("a") and store.is_marked("a")
    assert not store.persistent and store.flush() is False
    store.close()
    assert not db.exists() and not db.parent.exists()


def test_corrupt_database_warns_and_keeps_a_session_store(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not sqlite at all\n" * 100)
    store = StateStore(db)
    assert not store.persistent
    assert len(store.problems) == 1
    problem = store.problems[0]
    assert isinstance(problem, Problem) and problem.source == str(db)
    assert "damaged" in problem.message and "this session only" in problem.message
    store.set_read(["a"])
    assert store.is_read("a")
    store.close()
    assert db.read_bytes().startswith(b"this is not sqlite")  # the user's file is untouched


def test_locked_database_warns_without_waiting_long(db: Path) -> None:
    StateStore(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        start = time.perf_counter()
        store = StateStore(db, timeout=0.1)
        assert time.perf_counter() - start < 2.0
        assert not store.persistent
        assert "locked" in store.problems[0].message
        store.set_marked("x", True)
        assert store.is_marked("x")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_lock_taken_mid_session_reports_through_the_callback(db: Path) -> None:
    seen: list[Problem] = []
    arrived = threading.Event()

    def report(problem: Problem) -> None:
        seen.append(problem)
        arrived.set()

    store = StateStore(db, timeout=0.1, on_problem=report)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store.set_read(["a"])
        assert store.flush() is False
        assert arrived.wait(5)
        assert "locked" in seen[0].message
        assert not store.persistent
        store.set_read(["b"])  # still works in memory
        assert store.is_read("b")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.close()


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = StateStore(blocker / "liveblog" / FILE_NAME)
    assert not store.persistent
    assert "cannot create the state folder" in store.problems[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        store = StateStore(folder / FILE_NAME)
        assert not store.persistent
        assert store.problems
    finally:
        folder.chmod(0o700)


def test_database_from_a_newer_version_is_left_alone(db: Path) -> None:
    db.parent.mkdir(parents=True)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    store = StateStore(db)
    assert not store.persistent and "newer" in store.problems[0].message


def test_view_values_no_longer_understood_are_dropped(db: Path) -> None:
    store = StateStore(db)
    store.put("view.zone", "mars")
    store.put("view.mode", "list")
    view = store.view()
    assert view.zone is None and view.mode == "list" and view.panes is None
    store.close()
