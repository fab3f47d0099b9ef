"""Faults of a watched folder: nothing lost, nothing doubled, partial entries withdrawn.

Each case was reproduced with ``liveblog tail --json`` before it was fixed: a root removed and
re-created or moved away and back under inotify, a file name that is not UTF-8, a file written
in slow chunks, a rename followed by an append, ``mv b.txt a.txt``, a symlink loop arriving
with a file, an unreadable folder, a file that grows all the time.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import time
from pathlib import Path

import pytest
from tailing_support import append, ids_of, posts, write
from test_ingest import Run

from parsers.read import expand_paths, walk
from tui.engine.ingest import (
    Added,
    ProblemFound,
    Removed,
    SourceRenamed,
    Tracker,
    Updated,
)
from tui.engine.watcher import Changed, Watcher
from tui.parse_command import run_parse

EVENTS = {"force_polling": False}


def live_ids(run: Run) -> list[str]:
    """Ids added and not withdrawn since, in the order they were added."""
    out: dict[str, None] = {}
    for event in run.events:
        if isinstance(event, Added):
            out.update(dict.fromkeys(e.id for e in event.entries))
        elif isinstance(event, Removed):
            for entry_id in event.ids:
                out.pop(entry_id, None)
    return list(out)


async def test_a_root_removed_and_recreated_is_still_followed(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write(root / "first.txt", posts("kyiv", 1))
    async with Run([root], **EVENTS) as run:
        assert run.ingest.watcher.mode == "events"
        shutil.rmtree(root)
        await asyncio.sleep(0.3)
        root.mkdir()
        for n in range(4):
            write(root / f"later-{n}.txt", posts(f"town{n}", 1))
        for n in range(4):
            await run.caught_up(root / f"later-{n}.txt")
    messages = [e.problem.message for e in run.of(ProblemFound)]
    assert any("watching by polling" in m for m in messages)


async def test_a_root_moved_away_and_back_is_still_followed(tmp_path: Path) -> None:
    root, away = tmp_path / "root", tmp_path / "away"
    write(root / "first.txt", posts("kyiv", 1))
    async with Run([root], **EVENTS) as run:
        root.rename(away)
        await asyncio.sleep(0.3)
        away.rename(root)
        await asyncio.sleep(0.3)
        for n in range(4):
            write(root / f"later-{n}.txt", posts(f"town{n}", 1))
        for n in range(4):
            await run.caught_up(root / f"later-{n}.txt")


@pytest.mark.parametrize("polling", [False, True], ids=["events", "polling"])
async def test_a_file_name_that_is_not_utf8_is_delivered(tmp_path: Path, polling: bool) -> None:
    async with Run([tmp_path], force_polling=polling) as run:
        name = os.path.join(os.fsencode(tmp_path), b"bad-\xff\xfe.txt")
        with open(name, "w", encoding="utf-8") as handle:
            handle.write(posts("odesa", 2))
        path = Path(os.fsdecode(name))
        await run.caught_up(path)
        write(tmp_path / "after.txt", posts("lviv", 1))  # and watching goes on
        await run.caught_up(tmp_path / "after.txt")
    assert sorted(live_ids(run)) == sorted(ids_of(path) + ids_of(tmp_path / "after.txt"))


async def test_partial_entries_of_a_file_written_in_chunks_are_withdrawn(tmp_path: Path) -> None:
    path = tmp_path / "slow.txt"
    text = posts("mariupol", 6)
    size = 41  # chunk ends fall inside headlines: partial headlines give other ids
    async with Run([tmp_path], settle=0.02) as run:
        for start in range(0, len(text), size):
            append(path, text[start : start + size])
            await asyncio.sleep(0.15)  # each chunk is read before the next arrives
        await run.caught_up(path)
        await asyncio.sleep(0.2)
    assert run.of(Removed), "no partial entry was ever withdrawn"
    assert all(e.path == str(path) for e in run.of(Removed))
    assert sorted(live_ids(run)) == sorted(ids_of(path))


async def test_a_file_rewritten_shorter_withdraws_what_it_lost(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    write(path, posts("poltava", 4))
    async with Run([tmp_path]) as run:
        before = ids_of(path)
        write(path, posts("poltava", 2))
        await run.until(lambda: run.of(Removed), "removed")
    assert run.of(Removed) == [Removed(str(path), tuple(before[2:]))]
    assert live_ids(run) == ids_of(path)


async def test_a_deleted_file_withdraws_nothing(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    write(path, posts("kherson", 2))
    async with Run([tmp_path]) as run:
        path.unlink()
        await asyncio.sleep(0.5)
    assert not run.of(Removed)


async def test_rename_then_append_keeps_the_ids(tmp_path: Path) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    write(old, posts("dnipro", 3))
    async with Run([tmp_path], settle=0.3) as run:
        before = run.added_ids()
        old.rename(new)
        append(new, posts("dnipro", 1, start=3))  # before the move was read
        await run.until(lambda: len(run.added_ids()) > len(before), "the appended entry")
        await asyncio.sleep(0.3)
    assert run.of(SourceRenamed) == [SourceRenamed(str(old), str(new))]
    added = run.added_ids()
    assert added[: len(before)] == before and len(added) == len(before) + 1
    assert not run.of(Removed)


async def test_a_file_moved_over_another_is_not_delivered_again(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    write(a, posts("kharkiv", 2))
    write(b, posts("sumy", 2))
    async with Run([tmp_path]) as run:
        before = run.added_ids()
        b.rename(a)
        await run.until(lambda: run.of(SourceRenamed), "renamed")
        await asyncio.sleep(0.4)
    assert run.of(SourceRenamed) == [SourceRenamed(str(b), str(a))]
    assert run.added_ids() == before  # b's entries keep their ids: nothing new


async def test_an_unrelated_file_on_a_reused_inode_is_not_a_rename() -> None:
    tracker = Tracker()
    from parsers.read import parse_text
    from tui.engine.watcher import Stamp

    stamp = Stamp(1, 42, 100, 1)
    tracker.parsed("/nowhere/a.txt", parse_text(posts("irpin", 2), "/nowhere/a.txt"), stamp)
    tracker.missing("/nowhere/a.txt")
    assert tracker.rename_candidate("/nowhere/b.txt", Stamp(1, 42, 300, 2)) == "/nowhere/a.txt"
    # The ids decide: a different text under the old identity shares no id with it.
    identity, ids = tracker.expected_ids("/nowhere/a.txt")
    other = parse_text(posts("bucha", 2), identity)
    assert not ids & {e.id for e in other.entries}


async def test_a_symlink_loop_arriving_with_a_file_gives_its_entries_once(
    tmp_path: Path,
) -> None:
    async with Run([tmp_path], **EVENTS) as run:
        folder = tmp_path / "new"
        folder.mkdir()
        os.symlink("..", folder / "loop")
        write(folder / "post.txt", posts("chernihiv", 2))
        await run.caught_up(folder / "post.txt")
        await asyncio.sleep(0.4)
    added = run.added_ids()
    assert sorted(added) == sorted(ids_of(folder / "post.txt"))
    sources = {e.source.path for ev in run.of(Added, Updated) for e in ev.entries}
    assert sources == {str(folder / "post.txt")}


def _lock(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make listing ``folder`` fail as it does for a user without permission (tests run as
    root here, which chmod cannot stop)."""
    real = os.scandir
    locked = os.fspath(folder)

    def scandir(path: str = ".") -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_parse_reports_an_unreadable_folder_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "ok.txt", posts("kyiv", 1))
    write(tmp_path / "locked" / "hidden.txt", posts("lviv", 1))
    _lock(monkeypatch, tmp_path / "locked")
    assert run_parse([str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert f"{tmp_path / 'locked'}: folder not readable (permission denied)" in captured.err
    assert "Kyiv update 0" in captured.out


def test_a_folder_made_unreadable_is_a_permission_problem_not_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "locked" / "inside.txt", posts("lviv", 1))
    watcher = Watcher([str(tmp_path)], force_polling=True, poll_interval=0.02)
    try:
        assert watcher.start() == []
        _lock(monkeypatch, tmp_path / "locked")
        events = watcher.wait(0.2)
        assert [str(e) for e in events] == [
            f"{tmp_path / 'locked'}: folder not readable (permission denied)"
        ]
        assert watcher.wait(0.2) == []  # reported once, and nothing is gone
    finally:
        watcher.close()


def test_one_walker_for_parse_and_watch_follows_temporary_named_folders(
    tmp_path: Path,
) -> None:
    write(tmp_path / "drafts.tmp" / "post.txt", posts("kyiv", 1))
    write(tmp_path / "drafts.tmp" / "post.txt.tmp", posts("kyiv", 1))
    write(tmp_path / ".hidden" / "post.txt", posts("kyiv", 1))
    wanted = [str(tmp_path / "drafts.tmp" / "post.txt")]
    assert [p for p, problem in expand_paths([str(tmp_path)])] == wanted
    assert [p for p, _ in walk(str(tmp_path))] == wanted
    watcher = Watcher([str(tmp_path)], force_polling=False)
    try:
        watcher.start()
        append(tmp_path / "drafts.tmp" / "post.txt", posts("kyiv", 1, start=1))
        deadline = time.monotonic() + 10
        events: list[object] = []
        while Changed(wanted[0]) not in events and time.monotonic() < deadline:
            events += watcher.wait(0.1)
        assert Changed(wanted[0]) in events
    finally:
        watcher.close()


def test_a_self_loop_is_reported_once(tmp_path: Path) -> None:
    os.symlink("self.txt", tmp_path / "self.txt")
    os.symlink(".", tmp_path / "here")
    found = list(expand_paths([str(tmp_path)]))
    assert found == [
        (str(tmp_path / "self.txt"), "broken or looping symlink"),
        (str(tmp_path / "here"), "symlink loop: not followed"),
    ]


async def test_a_file_growing_all_the_time_reaches_the_feed_within_a_second(
    tmp_path: Path,
) -> None:
    path = tmp_path / "grow.txt"
    write(path, posts("kyiv", 1))
    async with Run([tmp_path], settle=0.15, **EVENTS) as run:
        written: dict[str, float] = {}
        seen: dict[str, float] = {}
        for n in range(1, 41):  # an append every 50 ms for 2 s
            text = posts("kyiv", 1, start=n)
            append(path, text)
            written[text.split("\n")[0]] = time.monotonic()
            await asyncio.sleep(0.05)
            for event in run.of(Added):
                for entry in event.entries:
                    seen.setdefault(entry.title or "", time.monotonic())
        await run.caught_up(path)
        for event in run.of(Added):
            for entry in event.entries:
                seen.setdefault(entry.title or "", time.monotonic())
    delays = [seen[title] - at for title, at in written.items()]
    # Read at least every max_delay (0.5 s) while it grows; about 0.25 s median when idle.
    assert statistics.median(delays) < 1.0


def test_tail_json_prints_removed_for_entries_a_file_lost(tmp_path: Path) -> None:
    from test_tail_command import Tail

    path = tmp_path / "cut.txt"
    write(path, posts("poltava", 3))
    before = ids_of(path)
    tail = Tail(str(tmp_path))
    try:
        tail.until(lambda r: any(x["event"] == "ready" for x in r), "ready")
        write(path, posts("poltava", 1))
        records = tail.until(lambda r: any(x["event"] == "removed" for x in r), "removed")
    finally:
        tail.close()
    removed = [r for r in records if r["event"] == "removed"]
    assert removed == [{"event": "removed", "source": str(path), "ids": before[1:]}]
