"""``liveblog tail --json`` as a subprocess, the way scripts use it."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tailing_support import append, bodies_of, ids_of, posts, write

from parsers.export import entry_to_dict
from parsers.read import parse_file

GUARD = 15.0
"""Seconds before a wait gives up: a guard against hanging, never a performance check."""

Record = dict[str, Any]


class Tail:
    """A running ``liveblog tail --json`` and the records it printed so far."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tui", "tail", "--json", "--settle", "0.05", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.records: list[Record] = []
        self.stderr = ""
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def until(self, condition: Callable[[list[Record]], bool], what: str) -> list[Record]:
        deadline = time.monotonic() + GUARD
        while not condition(self.records):
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                raise AssertionError(f"never saw {what}; got {self.records!r}")
            self.records.append(json.loads(line))
        return self.records

    def of(self, event: str) -> list[Record]:
        return [r for r in self.records if r["event"] == event]

    def ids(self, event: str = "added") -> list[str]:
        return [r["id"] for r in self.of(event)]

    def caught_up(self, path: Path) -> None:
        want = {i: "\n\n".join(body) for i, body in bodies_of(path).items()}

        def done(records: list[Record]) -> bool:
            latest = {r["id"]: r["body"] for r in records if r["event"] in ("added", "updated")}
            return all(latest.get(i) == body for i, body in want.items())

        self.until(done, f"the entries of {path.name}")

    def stop(self, signum: int = signal.SIGTERM) -> int:
        self.proc.send_signal(signum)
        try:
            code = self.proc.wait(GUARD)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
        assert self.proc.stderr is not None
        self.stderr = self.proc.stderr.read()
        return code

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._reader.join(GUARD)
        for pipe in (self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def tail() -> Iterator[Callable[..., Tail]]:
    running: list[Tail] = []

    def start(*args: str) -> Tail:
        process = Tail(*args)
        running.append(process)
        process.until(lambda r: any(x["event"] == "ready" for x in r), "ready")
        return process

    yield start
    for process in running:
        process.close()


def test_existing_entries_first_then_a_new_file(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    write(tmp_path / "old.txt", posts("kyiv", 2))
    run = tail(str(tmp_path))
    assert run.ids() == ids_of(tmp_path / "old.txt")
    write(tmp_path / "new.txt", posts("odesa", 3))
    run.caught_up(tmp_path / "new.txt")
    assert run.stop() == 0 and "Traceback" not in run.stderr
    record = run.of("added")[-1]
    assert set(record) == {
        "event",
        "page",
        "copy",
        *entry_to_dict(parse_file(str(tmp_path / "new.txt")).entries[0]),
    }
    assert record["copy"] == str(tmp_path / "new.txt")
    assert record["source"] == str(tmp_path / "new.txt")
    assert run.ids()[-len(ids_of(tmp_path / "new.txt")) :] == ids_of(tmp_path / "new.txt")


def test_new_only_skips_what_was_there(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    write(tmp_path / "old.txt", posts("kyiv", 2))
    run = tail(str(tmp_path), "--new-only")
    write(tmp_path / "new.txt", posts("odesa", 1))
    run.caught_up(tmp_path / "new.txt")
    run.stop()
    assert run.ids() == ids_of(tmp_path / "new.txt")


def test_growing_file_prints_only_new_entries(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    path = tmp_path / "live.txt"
    write(path, posts("kharkiv", 2))
    run = tail(str(tmp_path))
    first = run.ids()
    append(path, posts("kharkiv", 2, start=2))
    run.caught_up(path)
    run.stop()
    assert run.ids()[: len(first)] == first
    assert len(run.ids()) == len(set(run.ids()))
    assert set(run.ids()) == set(first) | set(ids_of(path))


def test_three_slow_chunks_give_each_entry_once(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    path = tmp_path / "slow.txt"
    lines = posts("mariupol", 6).splitlines(keepends=True)
    run = tail(str(tmp_path))
    expected: list[str] = []
    written = ""
    for chunk in ("".join(lines[:5]), "".join(lines[5:13]), "".join(lines[13:])):
        written += chunk
        append(path, chunk)
        expected += [i for i in ids_of(path, written) if i not in expected]
        run.caught_up(path)
    run.stop()
    assert run.ids() == expected


def test_delete_rename_recreate_truncate(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    write(a, posts("bucha", 2))
    write(b, posts("irpin", 2))
    write(c, posts("sumy", 3))
    run = tail(str(tmp_path))
    before = run.ids()
    a.unlink()
    run.until(lambda r: any(x["event"] == "gone" for x in r), "gone")
    b.rename(tmp_path / "b2.txt")
    run.until(lambda r: any(x["event"] == "renamed" for x in r), "renamed")
    write(a, posts("bucha", 3))
    run.until(lambda r: any(x["event"] == "back" for x in r), "back")
    run.caught_up(a)
    write(c, posts("poltava", 1))
    run.caught_up(c)
    run.stop()
    assert run.of("gone") == [{"event": "gone", "source": str(a)}]
    assert run.of("renamed") == [
        {"event": "renamed", "source": str(tmp_path / "b2.txt"), "old": str(b)}
    ]
    assert run.of("back") == [{"event": "back", "source": str(a)}]
    assert run.ids()[: len(before)] == before
    assert len(run.ids()) == len(set(run.ids())), "an entry was printed twice as added"
    assert set(ids_of(c)) <= set(run.ids())


def test_burst_of_200_files(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    run = tail(str(tmp_path))
    paths = [tmp_path / "burst" / f"{n:03d}.txt" for n in range(200)]
    for n, path in enumerate(paths):
        write(path, posts(f"village{n}", 2))
    expected = {i for path in paths for i in ids_of(path)}
    run.until(lambda r: expected <= {x.get("id") for x in r}, "all 200 files")
    run.stop()
    assert len(run.ids()) == len(set(run.ids())) == len(expected)


def test_temporary_file_is_ignored(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    run = tail(str(tmp_path))
    write(tmp_path / "page.html.part", posts("partial", 1))
    write(tmp_path / ".page.txt", posts("hidden", 1))
    write(tmp_path / "page.txt", posts("whole", 1))
    run.caught_up(tmp_path / "page.txt")
    run.stop()
    assert {r["source"] for r in run.of("added")} == {str(tmp_path / "page.txt")}


def test_alert_words_are_marked(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    run = tail(str(tmp_path), "--alert", "KHERSON", "--alert", "nowhere", "--bell")
    write(tmp_path / "a.txt", posts("kherson", 1))
    write(tmp_path / "b.txt", posts("lutsk", 1))
    run.caught_up(tmp_path / "a.txt")
    run.caught_up(tmp_path / "b.txt")
    run.stop()
    alerts = {r["source"]: r["alerts"] for r in run.of("added")}
    assert alerts == {str(tmp_path / "a.txt"): ["KHERSON"], str(tmp_path / "b.txt"): []}
    assert "\a" in run.stderr


def test_sigint_ends_cleanly(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    run = tail(str(tmp_path))
    assert run.stop(signal.SIGINT) == 0
    assert "Traceback" not in run.stderr


def test_nothing_to_watch_exits_with_an_error(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "tail", "--json", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        timeout=GUARD,
    )
    assert done.returncode == 2
    problems = [json.loads(line) for line in done.stdout.splitlines()]
    assert problems[0]["event"] == "problem" and problems[0]["source"].endswith("missing")


def test_text_output_names_the_entry_and_its_file(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", posts("kyiv", 1))
    done = subprocess.run(
        [sys.executable, "-m", "tui", "tail", str(tmp_path), "--exit-after", "0"],
        capture_output=True,
        text=True,
        timeout=GUARD,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0
    assert done.stdout.startswith("+ ") and "Kyiv update 0" in done.stdout
    assert "(a.txt)" in done.stdout


def test_max_events_stops_after_that_many_entries(tmp_path: Path) -> None:
    for n in range(30):
        write(tmp_path / f"{n:02d}.txt", posts(f"place{n}", 1))
    done = subprocess.run(
        [sys.executable, "-m", "tui", "tail", "--json", str(tmp_path), "--max-events", "7"],
        capture_output=True,
        text=True,
        timeout=GUARD,
    )
    assert done.returncode == 0
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["event"] for r in records] == ["added"] * 7


def test_poll_flag_follows_by_polling(tmp_path: Path, tail: Callable[..., Tail]) -> None:
    run = tail(str(tmp_path), "--poll")
    assert run.of("ready")[0]["mode"] == "polling"
    write(tmp_path / "polled.txt", posts("bakhmut", 2))
    run.caught_up(tmp_path / "polled.txt")
    assert run.stop() == 0
    assert run.ids() == ids_of(tmp_path / "polled.txt")


def test_text_output_never_passes_escape_sequences_from_file_names(tmp_path: Path) -> None:
    write(tmp_path / "evil\x1b[2J\x1b]0;title\x07.txt", posts("kyiv", 1))
    done = subprocess.run(
        [sys.executable, "-m", "tui", "tail", str(tmp_path), "--exit-after", "0"],
        capture_output=True,
        text=True,
        timeout=GUARD,
    )
    assert done.returncode == 0 and "evil" in done.stdout
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr


def test_a_copy_of_a_page_under_another_name_prints_only_its_new_post(
    tmp_path: Path, tail: Callable[..., Tail]
) -> None:
    """The built-in BBC page dropped in, then a later snapshot of it: one ``added``."""
    from copies_fixtures import SEED_PAGE, seed_with_new_post

    run = tail(str(tmp_path), "--new-only")
    first = tmp_path / "bbc-1300.txt"
    write(first, SEED_PAGE.read_text(encoding="utf-8"))
    run.until(lambda r: len([x for x in r if x["event"] == "added"]) == 20, "the first copy")
    second = tmp_path / "bbc-1330.txt"
    write(second, seed_with_new_post("Kremlin answers the sanctions threat", "A spokesman spoke."))
    run.until(lambda r: any(x["event"] == "copies" for x in r), "the second copy")
    run.until(lambda r: len([x for x in r if x["event"] == "added"]) >= 21, "its new post")
    time.sleep(0.3)  # anything else it would print arrives meanwhile
    assert run.stop() == 0
    added = run.of("added")
    assert len(added) == 21 and not run.of("updated") and not run.of("removed")
    new = added[-1]
    assert new["title"] == "Kremlin answers the sanctions threat"
    assert new["copy"] == str(second) and new["source"] == str(first)
    assert new["page"] == added[0]["page"]
    (copies,) = run.of("copies")
    assert copies["copies"] == [str(first), str(second)]
