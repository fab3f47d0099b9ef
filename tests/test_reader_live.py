"""The reader following a watched folder: files arrive, grow, move and vanish while it is open.

Each test runs the real app (``App.run_test``) on a temporary folder with the real watcher and
engine, short settle times, and waits on the app's state with a bounded polling helper.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from reader_fixtures import screen_text
from tailing_support import append, ids_of, posts, write
from textual.pilot import Pilot

import tui.app
import tui.engine.ingest
from parsers.model import Document
from parsers.read import parse_file
from tests.reader_fixtures import until
from tui.app import ReaderApp, make_app
from tui.engine.ingest import Added, Ingest, IngestEvent, Ready
from tui.widgets.feed import Feed
from tui.widgets.new_marker import NewMarker
from tui.widgets.pick_list import PickList


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(tui.app, "SETTLE_SECONDS", 0.05)
    monkeypatch.setattr(tui.app, "FLUSH_SECONDS", 0.02)
    yield


async def started(pilot: Pilot[int], app: ReaderApp) -> None:
    await until(pilot, lambda: app.follow is not None and app.follow.mode is not None, "the watch")


def json_feed(tag: str, minutes: list[int], words: str = "") -> str:
    """A JSON Feed with one timed item per minute past 09:00 (later minutes are newer)."""
    items = [
        {
            "id": f"{tag}-{minute}",
            "title": f"{tag.capitalize()} item {minute}",
            "date_published": f"2024-03-05T09:{minute:02d}:00Z",
            "content_text": f"Body of {tag} {minute}. {words}".strip(),
        }
        for minute in minutes
    ]
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": f"{tag} live", "items": items}
    return json.dumps(feed)


def feed_ids(app: ReaderApp) -> list[str]:
    return [item.id for item in app.feed.items]


def rows(app: ReaderApp) -> dict[str, tuple[int, bool, str | None]]:
    """Sources pane: file name to (count, marked gone, note)."""
    pane = app.query_one("#sources", PickList)
    return {os.path.basename(r.key): (r.count, r.gone, r.note) for r in pane.rows}


async def test_a_new_file_appears_with_counts_in_the_panes_and_status(tmp_path: Path) -> None:
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        assert "live" in screen_text(app)
        write(tmp_path / "sub" / "a.txt", posts("alpha", 3))
        await until(pilot, lambda: len(app.feed.items) == 3, "three entries")
        await pilot.pause()
        screen = screen_text(app)
        assert "Alpha update 0: alpha crossing reopened" in screen
        assert "showing 3 of 3 entries" in screen
        assert rows(app)["a.txt"] == (3, False, None)


async def test_a_growing_file_adds_only_its_new_entries(tmp_path: Path) -> None:
    path = tmp_path / "blog.txt"
    write(path, posts("grow", 2))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        assert len(app.feed.items) == 2
        write(path, posts("grow", 5))
        await until(pilot, lambda: len(app.timeline) == 5, "five entries")
        await pilot.pause(0.2)  # nothing more arrives
        assert sorted(feed_ids(app)) == sorted(ids_of(path))
        assert rows(app)["blog.txt"][0] == 5


async def test_a_file_written_in_three_slow_chunks_ends_with_every_entry_once(
    tmp_path: Path,
) -> None:
    text = posts("chunk", 6)
    cut = [0, len(text) // 3 + 7, 2 * len(text) // 3 + 3, len(text)]  # mid-line cuts
    path = tmp_path / "slow.txt"
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        for start, end in zip(cut, cut[1:], strict=False):
            append(path, text[start:end])
            await pilot.pause(0.15)  # longer than the settle time: each part is read
        await until(pilot, lambda: len(app.timeline) >= 6, "six entries")
        await pilot.pause(0.2)
        assert sorted(feed_ids(app)) == sorted(ids_of(path))  # each once, no half-read orphan
        assert len({item.entry.body for item in app.feed.items}) == 6


async def test_delete_rename_recreate_and_truncate(tmp_path: Path) -> None:
    gone, moved, cut = tmp_path / "gone.txt", tmp_path / "old.txt", tmp_path / "cut.txt"
    write(gone, posts("gone", 2))
    write(moved, posts("moved", 2))
    write(cut, posts("cut", 3))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        assert len(app.timeline) == 7
        gone.unlink()
        moved.rename(tmp_path / "new.txt")
        old_cut = set(ids_of(cut))
        write(cut, posts("fresh", 1))  # truncated, then one new entry
        await until(pilot, lambda: rows(app).get("gone.txt", (0, False))[1], "gone marked")
        await until(pilot, lambda: "new.txt" in rows(app), "the rename")
        # What a re-read file no longer holds leaves the feed (issue 11: no phantoms); a
        # deleted file's entries stay.
        await until(pilot, lambda: len(app.timeline) == 5, "the truncated file's new entry")
        assert rows(app)["new.txt"] == (2, False, "renamed from old.txt")
        assert "old.txt" not in rows(app)
        assert rows(app)["cut.txt"][0] == 1
        assert not old_cut & set(feed_ids(app))
        assert len(set(feed_ids(app))) == 5  # the rename doubled nothing
        await pilot.pause()
        assert "(file gone)" in screen_text(app)
        write(gone, posts("gone", 2))  # re-created at the same path
        await until(pilot, lambda: not rows(app)["gone.txt"][1], "gone.txt back")
        assert len(app.timeline) == 5


async def test_a_burst_of_200_files_arrives_whole_in_few_screen_updates(tmp_path: Path) -> None:
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        for n in range(200):
            write(tmp_path / f"f{n:03d}.txt", posts(f"file{n}", 2))
        await until(pilot, lambda: len(app.timeline) == 400, "400 entries")
        await pilot.pause(0.2)
        ids = feed_ids(app)
        assert len(ids) == len(set(ids)) == 400
        assert len(rows(app)) == 200
        assert app.follow is not None and app.live_updates < 50  # batches are coalesced


async def test_temporary_and_hidden_files_are_ignored(tmp_path: Path) -> None:
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        for name in ("draft.tmp", "page.part", ".hidden.txt", "notes.txt~", "get.crdownload"):
            write(tmp_path / name, posts("temp", 2))
        write(tmp_path / "real.txt", posts("real", 1))
        await until(pilot, lambda: len(app.timeline) >= 1, "the real file")
        await pilot.pause(0.2)
        assert list(rows(app)) == ["real.txt"]


async def test_at_the_live_edge_new_entries_show_at_once_on_top(tmp_path: Path) -> None:
    write(tmp_path / "a.json", json_feed("alpha", [1, 2, 3]))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await started(pilot, app)
        write(tmp_path / "b.json", json_feed("bravo", [10, 11]))
        await until(pilot, lambda: len(app.feed.items) == 5, "five entries")
        await pilot.pause()
        assert app.feed.cursor == 0 and app.feed.top == (0, 0)
        assert app.feed.items[0].entry.title == "Bravo item 11"
        assert "Bravo item 11" in screen_text(app).splitlines()[1]
        assert not app.query_one(NewMarker).display


def cursor_row(app: ReaderApp) -> int:
    """The screen row of the cursor mark (``▌``) at the start of the cursor's entry."""
    lines = screen_text(app).splitlines()
    return next(n for n, line in enumerate(lines) if "▌" in line)


async def test_away_from_the_edge_the_view_stays_and_a_marker_counts_new_entries(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.json", json_feed("alpha", list(range(1, 21))))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await started(pilot, app)
        await pilot.press("j", "j", "j", "space")
        feed = app.query_one(Feed)
        reading = feed.current
        assert reading is not None
        row = cursor_row(app)
        screen_before = screen_text(app).splitlines()[:-1]
        write(tmp_path / "b.json", json_feed("bravo", [40, 41, 42]))
        await until(pilot, lambda: len(feed.items) == 23, "23 entries")
        await pilot.pause()
        assert feed.current is reading
        assert cursor_row(app) == row
        marker = app.query_one(NewMarker)
        assert marker.display
        screen = screen_text(app)
        assert "+3 new entries · f" in screen
        left = feed.region.x
        lines = [line[left : left + 40] for line in screen.splitlines()[:-1]]
        before = [line[left : left + 40] for line in screen_before]
        assert lines == before  # not a row of the feed moved
        await pilot.press("f")
        await pilot.pause()
        assert feed.cursor == 0 and feed.current is not None
        assert feed.current.entry.title == "Bravo item 42"
        assert not marker.display
        assert "new entries" not in screen_text(app)


async def test_an_opened_entry_is_not_yanked_and_a_click_on_the_marker_jumps(
    tmp_path: Path,
) -> None:
    write(tmp_path / "a.json", json_feed("alpha", [1, 2, 3]))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await started(pilot, app)
        await pilot.press("enter")  # reading the newest entry in full
        opened = app.feed.current
        write(tmp_path / "b.json", json_feed("bravo", [10]))
        await until(pilot, lambda: len(app.feed.items) == 4, "four entries")
        assert app.feed.current is opened  # the feed below kept its place
        await pilot.press("escape")
        await pilot.pause()
        assert "+1 new entry · f" in screen_text(app)
        await pilot.click(NewMarker)
        await pilot.pause()
        assert app.feed.cursor == 0
        assert app.feed.current is not None
        assert app.feed.current.entry.title == "Bravo item 10"
        assert not app.query_one(NewMarker).display


async def test_filters_apply_to_new_entries(tmp_path: Path) -> None:
    write(tmp_path / "a.json", json_feed("alpha", [1, 2]))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await started(pilot, app)
        await pilot.press("slash", *"bravo", "enter")
        write(tmp_path / "b.json", json_feed("bravo", [5, 6]))
        write(tmp_path / "c.json", json_feed("charlie", [7]))
        await until(pilot, lambda: len(app.timeline) == 5, "five entries")
        await pilot.pause()
        assert [item.entry.title for item in app.feed.items] == ["Bravo item 6", "Bravo item 5"]
        assert "showing 2 of 5 entries" in screen_text(app)


async def test_an_alert_word_marks_the_entry_and_raises_a_notification(tmp_path: Path) -> None:
    write(tmp_path / "a.json", json_feed("alpha", [1], "harbour"))  # there before: no alert
    app = make_app([tmp_path], watch=True, alerts=["Harbour"], bell=True)
    rung: list[bool] = []
    app.bell = lambda: rung.append(True)  # type: ignore[method-assign]
    async with app.run_test(size=(100, 24)) as pilot:
        await started(pilot, app)
        write(tmp_path / "b.json", json_feed("bravo", [5], "the harbour is closed"))
        write(tmp_path / "c.json", json_feed("charlie", [6], "nothing to see"))
        await until(pilot, lambda: len(app.timeline) == 3, "three entries")
        await pilot.pause()
        assert app.follow is not None
        alerted = [i.entry.title for i in app.feed.items if i.id in app.follow.alerted]
        assert alerted == ["Bravo item 5"]
        notes = list(app._notifications)
        assert len(notes) == 1
        assert notes[0].title == "Alert: Harbour"
        assert "Bravo item 5" in notes[0].message
        assert rung == [True]
        screen = screen_text(app)
        bravo = next(line for line in screen.splitlines() if "Bravo item 5" in line)
        assert "⚑ Harbour" in bravo
        charlie = next(line for line in screen.splitlines() if "Charlie item 6" in line)
        assert "⚑" not in charlie


async def test_a_symlink_loop_is_a_problem_in_the_status_line(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", posts("alpha", 1))
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        await until(pilot, lambda: bool(app.timeline.problems), "the problem")
        await pilot.pause()
        assert "problem" in screen_text(app)
        assert any("symlink loop" in p.message for p in app.timeline.problems)


async def test_without_watch_nothing_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", posts("alpha", 1))
    app = make_app([tmp_path], watch=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        assert app.follow is None
        write(tmp_path / "b.txt", posts("bravo", 1))
        await pilot.pause(0.3)
        assert len(app.timeline) == 1
        assert "live" not in screen_text(app)


async def test_files_loaded_at_start_are_not_read_a_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hour_ago = time.time() - 3600
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, posts(name[0], 2))
        os.utime(tmp_path / name, (hour_ago, hour_ago))
    reads: list[str] = []
    real = tui.engine.ingest.read_document

    def read_document(path: str, identity: str) -> Document:
        reads.append(os.path.basename(path))
        return real(path, identity)

    monkeypatch.setattr(tui.engine.ingest, "read_document", read_document)
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        assert len(app.timeline) == 6
        write(tmp_path / "d.txt", posts("d", 1))
        await until(pilot, lambda: len(app.timeline) == 7, "the new file")
        assert reads == ["d.txt"]


async def collect_until_ready(ingest: Ingest) -> list[IngestEvent]:
    out: list[IngestEvent] = []
    async for events in ingest.run():
        out += events
        if any(isinstance(event, Ready) for event in events):
            ingest.stop()
    return out


async def test_a_known_file_changed_after_it_was_read_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    write(path, posts("a", 2))
    os.utime(path, (time.time() - 3600, time.time() - 3600))
    since = time.time()
    known = parse_file(str(path))  # what the app loaded...
    write(path, posts("a", 3))  # ...before the file grew, and before the watch started
    events = await collect_until_ready(
        Ingest([str(tmp_path)], known=[known], known_since=since, settle=0.05)
    )
    added = [e for event in events if isinstance(event, Added) for e in event.entries]
    assert [e.id for e in added] == ids_of(path)[2:]


async def test_a_known_file_untouched_since_it_was_read_is_not_read_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.txt"
    write(path, posts("a", 2))
    os.utime(path, (time.time() - 3600, time.time() - 3600))
    known = parse_file(str(path))
    ingest = Ingest([str(tmp_path)], known=[known], known_since=time.time(), settle=0.05)
    events = await collect_until_ready(ingest)
    assert [event for event in events if not isinstance(event, Ready)] == []
    assert [event.files for event in events if isinstance(event, Ready)] == [0]


async def test_an_edited_entry_is_updated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    write(path, json_feed("alpha", [1, 2]))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(100, 24)) as pilot:
        await started(pilot, app)
        before = feed_ids(app)
        write(path, json_feed("alpha", [1, 2], "Correction: the bridge is open."))
        await until(pilot, lambda: "Correction" in screen_text(app), "the edit on screen")
        assert feed_ids(app) == before
        assert all("Correction" in item.entry.body[0] for item in app.feed.items)


async def test_a_file_given_by_name_is_followed_too(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    write(path, posts("one", 2))
    write(tmp_path / "other.txt", posts("other", 2))  # beside it, not given: not read
    app = make_app([path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        append(path, posts("one", 2, start=2))
        await until(pilot, lambda: len(app.timeline) == 4, "the appended entries")
        write(tmp_path / "late.txt", posts("late", 2))
        await pilot.pause(0.3)
        assert list(rows(app)) == ["one.txt"]
        assert sorted(feed_ids(app)) == sorted(ids_of(path))


async def test_a_selected_source_renamed_by_the_watcher_stays_selected(tmp_path: Path) -> None:
    moved = tmp_path / "old.txt"
    write(moved, posts("moved", 2))
    write(tmp_path / "other.txt", posts("other", 3))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        pane = app.query_one("#sources", PickList)
        pane.focus()
        pane.highlight = next(i for i, r in enumerate(pane.rows) if r.key.endswith("old.txt"))
        await pilot.press("space")
        await until(pilot, lambda: len(app.feed.items) == 2, "the selection applied")
        moved.rename(tmp_path / "new.txt")
        await until(pilot, lambda: "new.txt" in rows(app), "the rename")
        await pilot.pause(0.1)
        assert app.sources_selected == {str(tmp_path / "new.txt")}
        assert pane.selected == app.sources_selected
        assert len(app.feed.items) == 2  # the feed still shows the renamed file's entries
        assert "showing 2 of 5 entries" in screen_text(app)


def broken_rss(items: int) -> str:
    """An RSS feed cut off inside its last item (as while it is being written)."""
    whole = "".join(f"<item><title>Item {n}</title></item>" for n in range(items))
    return f"<rss><channel>{whole}<item><title>Cut"


async def test_a_growing_file_with_a_problem_lists_it_once(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    write(path, broken_rss(1))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot, app)
        assert len(app.timeline.problems) == 1
        write(path, broken_rss(3))  # the problem's column moves: another message
        await until(pilot, lambda: len(app.timeline) >= 3, "the re-read")
        await pilot.pause(0.3)
        assert len(app.timeline.problems) == 1  # replaced, not added to
        assert "│ 1 problem (p)" in screen_text(app)
