"""Loading happens in a worker: the first screen comes before the last file is parsed."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from reader_fixtures import many_documents, screen_text

import tui.engine.loader
from parsers.read import parse_file
from tui.app import make_app
from tui.engine.timeline import Indexed, Scan
from tui.widgets.feed import Feed


async def test_entries_appear_while_later_files_are_still_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Headline {name}\n\nText of {name}.\n", encoding="utf-8")
    release = threading.Event()

    def slow_parse(path: str) -> Indexed:
        if not path.endswith("a.txt"):
            release.wait(10)  # b.txt and c.txt wait until the test has looked at the screen
        return Indexed.of(parse_file(path))

    monkeypatch.setattr(tui.engine.loader, "_parse", slow_parse)
    monkeypatch.setattr(tui.app, "BATCH_SECONDS", 0.0)
    app = make_app([tmp_path])
    async with app.run_test(size=(100, 24)) as pilot:
        feed = app.query_one(Feed)
        for _ in range(200):
            await pilot.pause(0.01)
            if feed.items:
                break
        screen = screen_text(app)
        assert "loading 1/3 files" in screen
        assert "Text of a.txt." in screen
        assert len(feed.items) == 1
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(feed.items) == 3
        assert "loading" not in screen_text(app)


async def test_a_search_shows_a_first_screen_then_completes_in_the_background(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tui.app, "FIRST_SCREEN", 5)
    monkeypatch.setattr(tui.app, "SCAN_SLICE", 10)
    app = make_app(documents=many_documents(4, 100))
    async with app.run_test(size=(100, 24)) as pilot:
        feed = app.query_one(Feed)
        await pilot.press("slash", "w", "enter")  # "war" is in every entry
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(feed.items) == 400
        assert "showing 400 of 400 entries" in screen_text(app)


async def test_G_during_a_search_goes_to_the_true_last_match(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tui.app, "FIRST_SCREEN", 5)
    monkeypatch.setattr(tui.app, "FIRST_SCREEN_SECONDS", 0.0)
    monkeypatch.setattr(tui.app, "SCAN_SLICE", 1)
    monkeypatch.setattr(Scan, "CHUNK", 10)
    app = make_app(documents=many_documents(4, 100))
    async with app.run_test(size=(100, 24)) as pilot:
        feed = app.query_one(Feed)
        app.query_one("#query").add_class("-open")
        app.apply_query("item 0-")  # entries of the first document: the oldest hundred
        assert not app.scan.done
        feed.action_last()
        assert app.scan.done
        current = feed.current
        assert current is not None and current.entry.title == "Update 0-0"
        await pilot.pause()


def dated_feed(tag: str, hours: list[int]) -> str:
    """A JSON Feed with one item per hour of 5 March 2024 (later hours are newer)."""
    items = [
        {
            "id": f"{tag}-{hour}",
            "title": f"{tag} at {hour:02d}:00",
            "date_published": f"2024-03-05T{hour:02d}:00:00Z",
            "content_text": f"Report from {tag} at {hour}.",
        }
        for hour in hours
    ]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items})


async def load_in_two_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, between: str = ""
) -> tuple[int, str | None]:
    """Load an older feed first, press ``between`` while it alone shows, then the newer ones;
    where the cursor is at the end: its index and its entry's title."""
    (tmp_path / "a-old.json").write_text(dated_feed("Old", [1, 2, 3]), encoding="utf-8")
    (tmp_path / "b-new.json").write_text(dated_feed("New", [10, 11]), encoding="utf-8")
    (tmp_path / "c-newest.json").write_text(dated_feed("Newest", [20]), encoding="utf-8")
    release = threading.Event()

    def slow_parse(path: str) -> Indexed:
        if "a-old" not in path:
            release.wait(10)
        return Indexed.of(parse_file(path))

    monkeypatch.setattr(tui.engine.loader, "_parse", slow_parse)
    monkeypatch.setattr(tui.app, "BATCH_SECONDS", 0.0)
    monkeypatch.setattr(tui.app, "LOAD_FLUSH_SECONDS", 0.0)
    app = make_app([tmp_path])
    async with app.run_test(size=(100, 24)) as pilot:
        feed = app.query_one(Feed)
        for _ in range(200):
            await pilot.pause(0.01)
            if len(feed.items) == 3:
                break
        assert feed.current is not None and feed.current.entry.title == "Old at 03:00"
        if between:
            await pilot.press(*between)
        release.set()
        await app.workers.wait_for_complete()
        for _ in range(100):
            await pilot.pause(0.01)
            if app.loading is None and len(feed.items) == 6:
                break
        assert len(feed.items) == 6
        return feed.cursor, feed.current.entry.title if feed.current else None


async def test_when_loading_ends_the_cursor_is_on_the_newest_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert await load_in_two_steps(tmp_path, monkeypatch) == (0, "Newest at 20:00")


async def test_a_reader_who_moved_during_the_load_keeps_their_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cursor, title = await load_in_two_steps(tmp_path, monkeypatch, between="j")
    assert title == "Old at 02:00"
