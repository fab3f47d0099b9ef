"""The watcher: a plain stream of changed/deleted paths, with events or by polling."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from parsers.model import Problem
from tui.engine.watcher import Changed, Deleted, Watcher, WatchEvent, filesystem_type, needs_polling

GUARD = 10.0
"""Seconds before a wait gives up: a guard against hanging, never a performance check."""


@pytest.fixture(params=[False, True], ids=["events", "polling"])
def polling(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.fixture
def watch(tmp_path: Path, polling: bool) -> Iterator[Callable[..., Watcher]]:
    made: list[Watcher] = []

    def make(*roots: str) -> Watcher:
        watcher = Watcher(list(roots) or [str(tmp_path)], force_polling=polling, poll_interval=0.05)
        made.append(watcher)
        return watcher

    yield make
    for watcher in made:
        watcher.close()


def collect(watcher: Watcher, until: Callable[[list[WatchEvent]], bool]) -> list[WatchEvent]:
    events: list[WatchEvent] = []
    deadline = time.monotonic() + GUARD
    while not until(events):
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting; saw {events!r}")
        events += watcher.wait(0.1)
    return events


def test_reports_new_files_in_subfolders_and_deletions(
    tmp_path: Path, watch: Callable[..., Watcher], polling: bool
) -> None:
    watcher = watch()
    assert watcher.start() == []
    assert watcher.mode == ("polling" if polling else "events")
    (tmp_path / "a" / "b").mkdir(parents=True)
    target = tmp_path / "a" / "b" / "new.txt"
    target.write_text("Hello\n")
    events = collect(watcher, lambda ev: Changed(str(target)) in ev)
    target.unlink()
    events = collect(watcher, lambda ev: Deleted(str(target)) in ev)
    assert Deleted(str(target)) in events


def test_files_in_a_folder_moved_in_are_reported(
    tmp_path: Path, watch: Callable[..., Watcher]
) -> None:
    outside = tmp_path / "outside"
    inside = tmp_path / "watched"
    (outside / "deep").mkdir(parents=True)
    inside.mkdir()
    (outside / "deep" / "one.txt").write_text("One\n")
    (outside / "two.txt").write_text("Two\n")
    watcher = watch(str(inside))
    watcher.start()
    os.rename(outside, inside / "moved")
    want = {
        Changed(str(inside / "moved" / "deep" / "one.txt")),
        Changed(str(inside / "moved" / "two.txt")),
    }
    collect(watcher, lambda ev: want <= set(ev))


def test_hidden_and_temporary_files_are_never_reported(
    tmp_path: Path, watch: Callable[..., Watcher]
) -> None:
    watcher = watch()
    watcher.start()
    (tmp_path / ".cache").mkdir()
    for name in (".cache/page.txt", ".hidden", "a.tmp", "b.part", "c.crdownload", "d.swp", "e~"):
        (tmp_path / name).write_text("x\n")
    (tmp_path / "real.txt").write_text("x\n")
    events = collect(watcher, lambda ev: Changed(str(tmp_path / "real.txt")) in ev)
    assert {e for e in events if isinstance(e, Changed)} == {Changed(str(tmp_path / "real.txt"))}


def test_paths_keep_the_form_the_root_was_given_in(
    tmp_path: Path, watch: Callable[..., Watcher], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "feed").mkdir()
    watcher = watch("feed")
    watcher.start()
    (tmp_path / "feed" / "x.txt").write_text("x\n")
    collect(watcher, lambda ev: Changed(os.path.join("feed", "x.txt")) in ev)


def test_symlink_loop_is_a_problem_not_a_hang(
    tmp_path: Path, watch: Callable[..., Watcher]
) -> None:
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "loop")
    watcher = watch()
    problems = watcher.start()
    assert [p.source for p in problems] == [str(tmp_path / "sub" / "loop")]
    assert "loop" in problems[0].message
    (tmp_path / "sub" / "after.txt").write_text("x\n")
    events = collect(watcher, lambda ev: Changed(str(tmp_path / "sub" / "after.txt")) in ev)
    assert not [e for e in events if isinstance(e, Problem)], "a problem was reported twice"


def test_missing_root_is_a_problem(tmp_path: Path, watch: Callable[..., Watcher]) -> None:
    watcher = watch(str(tmp_path / "missing"), str(tmp_path))
    problems = watcher.start()
    assert [p.source for p in problems] == [str(tmp_path / "missing")]
    (tmp_path / "x.txt").write_text("x\n")
    collect(watcher, lambda ev: Changed(str(tmp_path / "x.txt")) in ev)


def test_stop_ends_a_wait_at_once(tmp_path: Path, watch: Callable[..., Watcher]) -> None:
    watcher = watch()
    watcher.start()
    watcher.stop()
    assert watcher.wait(60) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any folder")
def test_unreadable_folder_is_a_problem(tmp_path: Path, watch: Callable[..., Watcher]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        problems = watch().start()
    finally:
        locked.chmod(0o700)
    assert any(p.source == str(locked) for p in problems)


def test_filesystem_type_and_polling_choice(tmp_path: Path) -> None:
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 22 0:50 / /mnt/share rw,relatime shared:20 - nfs4 server:/export rw\n"
        "41 22 0:51 / /mnt/my\\040drive rw shared:21 - fuse.sshfs host: rw\n"
    )
    assert filesystem_type("/home/me/feeds", str(mountinfo)) == "ext4"
    assert filesystem_type("/mnt/share/feeds", str(mountinfo)) == "nfs4"
    assert filesystem_type("/mnt/my drive/x", str(mountinfo)) == "fuse.sshfs"
    assert filesystem_type("/x", str(tmp_path / "no-such-file")) is None
    assert not needs_polling("/home/me/feeds", str(mountinfo))
    assert needs_polling("/mnt/share/feeds", str(mountinfo))
    assert needs_polling("/mnt/my drive/x", str(mountinfo))


def test_a_file_root_survives_being_replaced(tmp_path: Path, watch: Callable[..., Watcher]) -> None:
    target = tmp_path / "live.txt"
    target.write_text("One\n")
    (tmp_path / "other.txt").write_text("Other\n")
    watcher = watch(str(target))
    watcher.start()
    (tmp_path / "live.txt.new").write_text("Two\n")
    os.replace(tmp_path / "live.txt.new", target)
    collect(watcher, lambda ev: Changed(str(target)) in ev)
    with open(target, "a") as handle:
        handle.write("Three\n")
    (tmp_path / "other.txt").write_text("Changed too\n")
    events = collect(watcher, lambda ev: Changed(str(target)) in ev)
    assert all(e.path == str(target) for e in events if isinstance(e, Changed | Deleted))


def test_a_failing_event_backend_falls_back_to_polling(tmp_path: Path) -> None:
    watcher = Watcher([str(tmp_path)], force_polling=False, poll_interval=0.05)
    try:
        watcher.start()
        assert watcher.mode == "events"
        watcher._queue.put(RuntimeError("inotify went away"))  # what a dying backend sends
        events = watcher.wait(1)
        assert watcher.mode == "polling"
        assert [p.message for p in events if isinstance(p, Problem)] == [
            "watcher failed (inotify went away); polling"
        ]
        (tmp_path / "later.txt").write_text("x\n")
        collect(watcher, lambda ev: Changed(str(tmp_path / "later.txt")) in ev)
    finally:
        watcher.close()


def test_a_second_way_into_a_folder_is_not_a_problem(
    tmp_path: Path, watch: Callable[..., Watcher]
) -> None:
    (tmp_path / "real").mkdir()
    os.symlink("real", tmp_path / "alias")
    assert watch().start() == []
