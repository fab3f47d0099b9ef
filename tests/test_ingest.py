"""The tailing engine: files changing in a real folder become Added/Updated/source events."""

from __future__ import annotations

import asyncio
import contextlib
import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from tailing_support import append, bodies_of, ids_of, posts, write

from parsers.model import Document
from parsers.read import parse_file, parse_text
from tui.engine.ingest import (
    Added,
    Ingest,
    IngestEvent,
    ProblemFound,
    Ready,
    Removed,
    SourceBack,
    SourceGone,
    SourceRead,
    SourceRenamed,
    Tracker,
    Updated,
    diff,
)
from tui.engine.watcher import Stamp

GUARD = 15.0
"""Seconds before a wait gives up: a guard against hanging, never a performance check."""


class Run:
    """Runs an :class:`Ingest` in the background and records every event it yields."""

    def __init__(self, roots: list[Path], **options: object) -> None:
        options.setdefault("settle", 0.05)
        options.setdefault("poll_interval", 0.05)
        self.ingest = Ingest([str(r) for r in roots], **options)  # type: ignore[arg-type]
        self.events: list[IngestEvent] = []
        self.batches: list[list[IngestEvent]] = []
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Run:
        self._task = asyncio.create_task(self._consume())
        await self.until(lambda: self.of(Ready), "ready")
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.ingest.stop()
        assert self._task is not None
        await asyncio.wait_for(self._task, GUARD)

    async def _consume(self) -> None:
        async with contextlib.aclosing(self.ingest.run()) as stream:
            async for batch in stream:
                self.batches.append(batch)
                self.events += batch

    async def until(self, condition: Callable[[], object], what: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + GUARD
        while not condition():
            if loop.time() > deadline:
                raise AssertionError(f"never saw {what}; events: {self.events!r}")
            await asyncio.sleep(0.01)

    def of(self, *kinds: type) -> list:
        return [e for e in self.events if isinstance(e, kinds)]

    def added_ids(self) -> list[str]:
        return [entry.id for event in self.of(Added) for entry in event.entries]

    def latest(self) -> dict[str, tuple[str, ...]]:
        """Entry id to the body last reported for it."""
        out: dict[str, tuple[str, ...]] = {}
        for event in self.events:
            if isinstance(event, Added | Updated):
                for entry in event.entries:
                    out[entry.id] = entry.body
        return out

    async def caught_up(self, path: Path) -> None:
        """Wait until every entry of the file's current content was reported as it is."""
        want = bodies_of(path)

        def done() -> bool:
            latest = self.latest()
            return all(latest.get(i) == body for i, body in want.items())

        await self.until(done, f"the entries of {path.name}")


async def test_existing_files_are_reported_then_ready(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", posts("kyiv", 3))
    write(tmp_path / "sub" / "b.txt", posts("lviv", 2))
    async with Run([tmp_path]) as run:
        ready = run.of(Ready)
    assert ready[0].files == 2
    assert sorted(run.added_ids()) == sorted(
        ids_of(tmp_path / "a.txt") + ids_of(tmp_path / "sub" / "b.txt")
    )
    assert {e.document.source.name for e in run.of(SourceRead)} == {"a.txt", "b.txt"}


async def test_new_only_reads_existing_files_without_reporting_them(tmp_path: Path) -> None:
    write(tmp_path / "old.txt", posts("kyiv", 2))
    at_start = set(ids_of(tmp_path / "old.txt"))
    async with Run([tmp_path], emit_existing=False) as run:
        write(tmp_path / "new.txt", posts("odesa", 2))
        await run.caught_up(tmp_path / "new.txt")
        append(tmp_path / "old.txt", posts("kyiv", 1, start=2))
        grown = set(ids_of(tmp_path / "old.txt")) - at_start
        await run.until(lambda: grown <= set(run.added_ids()) or run.of(Updated), "growth")
    assert not set(run.added_ids()) & at_start
    assert set(ids_of(tmp_path / "new.txt")) <= set(run.added_ids())


@pytest.mark.parametrize("polling", [False, True], ids=["events", "polling"])
async def test_a_new_file_in_a_subfolder_appears(tmp_path: Path, polling: bool) -> None:
    async with Run([tmp_path], force_polling=polling) as run:
        assert run.of(Ready)[0].mode == ("polling" if polling else "events")
        write(tmp_path / "deep" / "er" / "new.txt", posts("kharkiv", 2))
        await run.caught_up(tmp_path / "deep" / "er" / "new.txt")
    assert run.added_ids() == ids_of(tmp_path / "deep" / "er" / "new.txt")


async def test_a_growing_file_adds_only_its_new_entries(tmp_path: Path) -> None:
    path = tmp_path / "live.txt"
    write(path, posts("kyiv", 2))
    first = ids_of(path)
    async with Run([tmp_path]) as run:
        before = len(run.added_ids())
        append(path, posts("kyiv", 3, start=2))
        await run.caught_up(path)
        append(path, posts("kyiv", 1, start=5))
        await run.caught_up(path)
    added = run.added_ids()
    assert added[:before] == first
    assert len(added) == len(set(added)), "an entry was added twice"
    assert set(added) == set(first) | set(ids_of(path))
    updated = [entry.id for event in run.of(Updated) for entry in event.entries]
    assert set(updated) <= set(added)


async def test_a_file_written_in_three_slow_chunks_ends_with_each_entry_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "slow.txt"
    text = posts("mariupol", 6)
    lines = text.splitlines(keepends=True)
    chunks = ["".join(lines[:5]), "".join(lines[5:13]), "".join(lines[13:])]
    async with Run([tmp_path]) as run:
        expected: list[str] = []
        written = ""
        for chunk in chunks:
            written += chunk
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(chunk)
            expected += [i for i in ids_of(path, written) if i not in expected]
            await run.caught_up(path)
    added = run.added_ids()
    assert added == expected
    assert {i: b for i, b in run.latest().items() if i in ids_of(path)} == bodies_of(path)


async def test_a_half_written_file_is_read_once_it_is_stable(tmp_path: Path) -> None:
    path = tmp_path / "half.txt"
    async with Run([tmp_path], settle=0.5) as run:
        with open(path, "w", encoding="utf-8") as handle:
            for n in range(4):  # quicker than the settle time between writes
                handle.write(posts("sumy", 1, start=n))
                handle.flush()
                await asyncio.sleep(0.05)
        await run.caught_up(path)
    assert run.added_ids() == ids_of(path)
    assert not run.of(Updated)


async def test_deleted_file_keeps_its_entries_and_is_marked_gone(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    write(path, posts("kherson", 2))
    async with Run([tmp_path]) as run:
        path.unlink()
        await run.until(lambda: run.of(SourceGone), "gone")
    assert [e.path for e in run.of(SourceGone)] == [str(path)]
    assert run.ingest.tracker.known().keys() >= set(ids_of(path, posts("kherson", 2)))


async def test_renamed_file_is_marked_renamed_and_not_doubled(tmp_path: Path) -> None:
    old, new = tmp_path / "a.txt", tmp_path / "sub" / "b.txt"
    write(old, posts("dnipro", 3))
    (tmp_path / "sub").mkdir()
    async with Run([tmp_path]) as run:
        before = run.added_ids()
        old.rename(new)
        await run.until(lambda: run.of(SourceRenamed), "renamed")
        append(new, posts("dnipro", 1, start=3))
        await run.until(lambda: len(run.added_ids()) > len(before) or run.of(Updated), "growth")
    assert run.of(SourceRenamed) == [SourceRenamed(str(old), str(new))]
    assert not run.of(SourceGone)
    added = run.added_ids()
    assert added[: len(before)] == before and len(added) == len(set(added))
    grown = [e for event in run.of(Added) for e in event.entries][len(before) :]
    grown += [e for event in run.of(Updated) for e in event.entries]
    assert grown and all(e.source.path == str(new) for e in grown)


async def test_recreated_file_is_picked_up_again(tmp_path: Path) -> None:
    path = tmp_path / "again.txt"
    write(path, posts("zaporizhzhia", 2))
    async with Run([tmp_path]) as run:
        path.unlink()
        await run.until(lambda: run.of(SourceGone), "gone")
        write(path, posts("zaporizhzhia", 3))
        await run.until(lambda: run.of(SourceBack), "back")
        await run.caught_up(path)
    assert run.of(SourceBack) == [SourceBack(str(path))]
    assert len(run.added_ids()) == len(set(run.added_ids()))


async def test_truncated_file_is_read_from_scratch(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    write(path, posts("poltava", 4))
    async with Run([tmp_path]) as run:
        write(path, posts("chernihiv", 1))
        await run.caught_up(path)
    assert set(ids_of(path)) <= set(run.added_ids())
    assert run.latest()[ids_of(path)[0]] == bodies_of(path)[ids_of(path)[0]]


async def test_a_burst_of_200_files_arrives_each_entry_once(tmp_path: Path) -> None:
    async with Run([tmp_path], batch_size=25) as run:
        for n in range(200):
            write(tmp_path / f"burst-{n:03d}.txt", posts(f"town{n}", 2))
        expected = {i for n in range(200) for i in ids_of(tmp_path / f"burst-{n:03d}.txt")}
        await run.until(lambda: expected <= set(run.added_ids()), "all 200 files")
    assert len(run.added_ids()) == len(set(run.added_ids())) == len(expected)
    assert max(len(e.entries) for e in run.of(Added)) <= 25 * 2, "not parsed in batches"


async def test_temporary_and_hidden_files_are_ignored(tmp_path: Path) -> None:
    async with Run([tmp_path]) as run:
        for name in ("draft.txt.tmp", "page.html.part", ".hidden.txt", "notes.txt~", "x.swp"):
            write(tmp_path / name, posts("ignored", 1))
        write(tmp_path / ".git" / "inside.txt", posts("ignored", 1))
        write(tmp_path / "real.txt", posts("real", 1))
        await run.caught_up(tmp_path / "real.txt")
    assert {e.source.name for event in run.of(Added) for e in event.entries} == {"real.txt"}


async def test_symlink_loops_become_problems_and_watching_goes_on(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")
    os.symlink("self.txt", tmp_path / "self.txt")
    async with Run([tmp_path]) as run:
        write(tmp_path / "sub" / "after.txt", posts("kramatorsk", 1))
        await run.caught_up(tmp_path / "sub" / "after.txt")
    messages = [str(e.problem) for e in run.of(ProblemFound)]
    assert any("up" in m and "loop" in m for m in messages)
    assert any("self.txt" in m for m in messages)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
async def test_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    write(secret, posts("secret", 1))
    secret.chmod(0)
    async with Run([tmp_path]) as run:
        write(tmp_path / "ok.txt", posts("ok", 1))
        await run.caught_up(tmp_path / "ok.txt")
    assert any("permission" in e.problem.message for e in run.of(ProblemFound))


async def test_missing_root_is_a_problem_and_others_are_watched(tmp_path: Path) -> None:
    async with Run([tmp_path / "nope", tmp_path]) as run:
        write(tmp_path / "x.txt", posts("bucha", 1))
        await run.caught_up(tmp_path / "x.txt")
    assert any("nope" in e.problem.source for e in run.of(ProblemFound))


def _doc(path: str, text: str) -> Document:
    return parse_text(text, path)


def test_tracker_reports_new_changed_and_unchanged_entries() -> None:
    tracker = Tracker()
    first = _doc("/f/a.txt", posts("irpin", 2))
    events = tracker.parsed("/f/a.txt", first, None)
    assert [type(e) for e in events] == [SourceRead, Added]
    assert tracker.parsed("/f/a.txt", first, None) == []
    edited = replace(first.entries[0], body=("An edited body.",))
    again = replace(first, entries=(edited, *first.entries[1:]))
    assert tracker.parsed("/f/a.txt", again, None) == [Updated((edited,))]


def test_tracker_withdraws_what_a_shorter_read_lacks_and_adds_it_again_when_back() -> None:
    tracker = Tracker()
    full = _doc("/f/a.txt", posts("irpin", 3))
    other = _doc("/f/b.txt", posts("bucha", 2))
    tracker.parsed("/f/a.txt", full, None)
    tracker.parsed("/f/b.txt", other, None)
    shorter = replace(full, entries=full.entries[:2])
    assert tracker.parsed("/f/a.txt", shorter, None) == [Removed("/f/a.txt", (full.entries[2].id,))]
    assert tracker.known().keys() == {e.id for e in (*shorter.entries, *other.entries)}
    assert tracker.parsed("/f/a.txt", full, None) == [Added((full.entries[2],))]
    assert tracker.parsed("/f/b.txt", other, None) == []  # the other page is untouched


def test_diff_tells_a_second_entry_with_the_same_id_from_the_first() -> None:
    first = _doc("/f/a.txt", posts("irpin", 1)).entries[0]
    second = replace(first, body=("A second version.",))
    assert diff((), (first, second)) == ((first,), (second,))
    assert diff((first,), (first, second)) == ((), (second,))
    moved = replace(first, position=first.position + 1)
    assert diff((first,), (moved,)) == ((), ())  # where it stands is no change


def test_tracker_follows_a_rename_by_stamp_and_keeps_ids() -> None:
    tracker = Tracker()
    stamp = Stamp(1, 42, 100, 123456789)
    identity, renamed = tracker.identity("/nowhere/a.txt", stamp)
    assert (identity, renamed) == ("/nowhere/a.txt", [])
    tracker.parsed("/nowhere/a.txt", _doc(identity, posts("bucha", 2)), stamp)
    identity, renamed = tracker.identity("/nowhere/b.txt", stamp)
    assert identity == "/nowhere/a.txt"
    assert renamed == [SourceRenamed("/nowhere/a.txt", "/nowhere/b.txt")]
    assert tracker.missing("/nowhere/a.txt") == []
    other, renamed = tracker.identity("/nowhere/c.txt", Stamp(1, 42, 100, 999))
    assert (other, renamed) == ("/nowhere/c.txt", [])


def test_tracker_expects_the_ids_a_file_held_when_last_read_and_after_a_move() -> None:
    tracker = Tracker()
    old, new = "/nowhere/a.txt", "/nowhere/b.txt"
    assert tracker.rename_candidate(new, Stamp(1, 42, 300, 2)) is None  # nothing known yet
    tracker.parsed(old, _doc(old, posts("irpin", 2)), Stamp(1, 42, 100, 1))
    longer = _doc(old, posts("irpin", 3))
    tracker.parsed(old, longer, Stamp(1, 42, 200, 1))
    held = frozenset(e.id for e in longer.entries)
    assert tracker.expected_ids(old) == (old, held)
    tracker.missing(old)
    assert tracker.rename_candidate(new, Stamp(1, 42, 300, 2)) == old
    assert tracker.adopt(new, old) == [SourceRenamed(old, new)]
    assert tracker.expected_ids(new) == (old, held)


def test_tracker_reports_a_missing_source_once() -> None:
    tracker = Tracker()
    tracker.parsed("/f/a.txt", _doc("/f/a.txt", posts("irpin", 1)), None)
    assert tracker.missing("/f/a.txt") == [SourceGone("/f/a.txt")]
    assert tracker.missing("/f/a.txt") == []
    assert tracker.missing("/f/never.txt") == []


async def test_known_documents_are_not_reported_again_but_changes_since_are(
    tmp_path: Path,
) -> None:
    shown = tmp_path / "shown.txt"
    write(shown, posts("kyiv", 2))
    loaded = parse_file(str(shown))
    append(shown, posts("kyiv", 1, start=2))  # written after the app loaded, before the watch
    write(tmp_path / "unseen.txt", posts("lviv", 1))
    async with Run([tmp_path], known=[loaded]) as run:
        pass
    reported = {e.id for ev in run.of(Added, Updated) for e in ev.entries}
    now = bodies_of(shown)
    changed = set(now) - {e.id for e in loaded.entries if now.get(e.id) == e.body}
    assert changed, "the append changed nothing: a bad test"
    assert reported == changed | set(ids_of(tmp_path / "unseen.txt"))
    assert [e.document.source.name for e in run.of(SourceRead)] == ["unseen.txt"]


async def test_a_named_pipe_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "at-start.fifo")
    async with Run([tmp_path]) as run:
        os.mkfifo(tmp_path / "later.fifo")
        write(tmp_path / "after.txt", posts("kupiansk", 1))
        await run.caught_up(tmp_path / "after.txt")
        await run.until(lambda: len(run.of(ProblemFound)) == 2, "two problems")
    assert sorted(Path(e.problem.source).name for e in run.of(ProblemFound)) == [
        "at-start.fifo",
        "later.fifo",
    ]


async def test_a_file_written_to_all_the_time_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "busy.txt"
    async with Run([tmp_path], settle=1.0, max_delay=0.2) as run:
        with open(path, "w", encoding="utf-8") as handle:
            for n in range(300):  # never still for the settle time
                handle.write(posts("avdiivka", 1, start=n))
                handle.flush()
                await asyncio.sleep(0.01)
                if run.of(Added):
                    break
        assert run.of(Added), "the busy file was never read while it was written"
        await run.caught_up(path)


async def test_a_renamed_folder_moves_its_files_without_doubling(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt"):
        write(tmp_path / "day1" / name, posts(name[:3], 2))
    async with Run([tmp_path]) as run:
        before = run.added_ids()
        (tmp_path / "day1").rename(tmp_path / "monday")
        await run.until(lambda: len(run.of(SourceRenamed)) == 2, "two renames")
        await asyncio.sleep(0.2)  # time enough for a wrong "gone" to show up
    assert sorted((e.old, e.new) for e in run.of(SourceRenamed)) == [
        (str(tmp_path / "day1" / n), str(tmp_path / "monday" / n)) for n in ("one.txt", "two.txt")
    ]
    assert not run.of(SourceGone)
    assert run.added_ids() == before


async def test_a_file_seen_through_a_symlinked_folder_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    os.symlink("real", tmp_path / "alias")  # walked first: "alias" sorts before "real"
    write(tmp_path / "real" / "x.txt", posts("kyiv", 2))
    async with Run([tmp_path]) as run:
        append(tmp_path / "real" / "x.txt", posts("kyiv", 1, start=2))
        write(tmp_path / "real" / "y.txt", posts("lviv", 1))
        await run.caught_up(tmp_path / "alias" / "x.txt")
        await run.until(
            lambda: {e.source.name for ev in run.of(Added) for e in ev.entries} >= {"y.txt"}, "y"
        )
    sources = {e.source.path for ev in run.of(Added, Updated) for e in ev.entries}
    assert str(tmp_path / "real" / "x.txt") not in sources
    assert len({p for p in sources if p.endswith("y.txt")}) == 1
    assert len(run.added_ids()) == len(set(run.added_ids()))


async def test_cancelling_the_consumer_stops_every_watcher_thread(tmp_path: Path) -> None:
    """What a Textual worker does on exit: cancel the task iterating the engine."""
    ingest = Ingest([str(tmp_path)], settle=0.05)
    seen: list[IngestEvent] = []

    async def consume() -> None:
        async with contextlib.aclosing(ingest.run()) as stream:
            async for batch in stream:
                seen.extend(batch)

    task = asyncio.create_task(consume())
    loop = asyncio.get_running_loop()
    deadline = loop.time() + GUARD
    while not any(isinstance(e, Ready) for e in seen) and loop.time() < deadline:
        await asyncio.sleep(0.01)
    assert any(t.name == "liveblog-watch" for t in threading.enumerate())
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert not [t for t in threading.enumerate() if t.name == "liveblog-watch" and t.is_alive()]
    assert ingest.watcher.mode == "stopped"


async def test_keep_is_applied_to_each_document_read_before_it_is_reported(
    tmp_path: Path,
) -> None:
    from tui.engine.packed_text import PackedText, pack

    long = "The council said the ferry crossing would reopen at dawn after the storm. " * 4
    page = tmp_path / "a.txt"
    write(page, f"Ferry update 1: crossing reopens\n\n{long}\n\n")
    async with Run([tmp_path], keep=pack) as run:
        append(page, f"Ferry update 2: second crossing\n\n{long} Later.\n\n")
        await run.until(lambda: len(set(run.added_ids())) >= 2, "the second post")
    reported = [entry for event in run.of(Added, Updated) for entry in event.entries]
    assert reported and all(isinstance(entry.body, PackedText) for entry in reported)
    assert {e.id: tuple(e.body) for e in reported} == bodies_of(page)
