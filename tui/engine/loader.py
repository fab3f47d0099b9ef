"""Reading many files at once: every file under some paths parsed, on every core.

:func:`read_all` walks the paths (``parsers.read.expand_paths``) and parses each file, one
document per task. With enough files to pay for starting them (and more than one core),
the parsing happens in worker processes (:mod:`tui.engine.parse_worker`, plain
subprocesses: nothing depends on how the caller's main module is written, nor on its
stderr), the documents coming back pickled; otherwise in the calling thread. Documents are
yielded in the walk's order whatever order the processes finish in, so a load gives the
same timeline every time. A worker that fails hands its files back to the calling thread.
Pure: no Textual.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import IO, cast

from tui.engine.parse_worker import receive, send
from tui.engine.timeline import Indexed

POOL_MIN_FILES = 64
"""Fewer files than this are parsed in the calling thread (a worker takes ~0.3 s to start)."""

IN_FLIGHT = 8
"""Files handed to each worker ahead of the one being waited for (bounds memory)."""


def _parse(path: str) -> Indexed:
    from parsers.read import parse_file

    return Indexed.of(parse_file(path))


def worker_count() -> int:
    """How many processes parse: one per core this process may use but one (that one keeps
    the screen and the keys answering), and at least one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores - 1)


class _Worker:
    """One parsing process and the paths it was handed, in order."""

    def __init__(self) -> None:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui.engine.parse_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.waiting: deque[str] = deque()
        self.broken = False

    def give(self, path: str) -> None:
        self.waiting.append(path)
        if not self.broken:
            try:
                send(cast(IO[bytes], self.process.stdin), path)
            except OSError:
                self.broken = True

    def take(self) -> Indexed:
        """The document of the oldest path handed over (parsed here if the worker failed)."""
        path = self.waiting.popleft()
        if not self.broken:
            try:
                document = receive(cast(IO[bytes], self.process.stdout))
                if isinstance(document, Indexed):
                    return document
            except (EOFError, OSError, ValueError):
                pass
            self.broken = True
        return _parse(path)

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        self.process.kill()
        self.process.wait()


def read_all(
    paths: Sequence[str],
    *,
    workers: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[int, int, Indexed]]:
    """``(done, total, document)`` for every file under ``paths``, in walk order (each
    document with its entries' search text, :class:`tui.engine.timeline.Indexed`).

    ``workers``: processes to parse in (default: :func:`worker_count`; 0 parses in this
    thread, as do fewer than ``POOL_MIN_FILES`` files).
    Stops early once ``cancelled()`` is true.
    """
    from parsers.read import expand_paths, unreadable

    files = list(expand_paths(paths))
    total = len(files)
    count = worker_count() if workers is None else max(0, workers)
    if count == 0 or sum(1 for _, problem in files if problem is None) < POOL_MIN_FILES:
        for done, (path, problem) in enumerate(files, 1):
            if cancelled():
                return
            yield done, total, Indexed.of(unreadable(path, problem)) if problem else _parse(path)
        return
    pool = [_Worker() for _ in range(count)]
    try:
        # File i goes to worker i % count, so results are read back in walk order.
        handed = 0

        def hand_out(upto: int) -> None:
            nonlocal handed
            while handed < min(upto, total):
                path, problem = files[handed]
                if problem is None:
                    pool[handed % count].give(path)
                handed += 1

        for index, (path, problem) in enumerate(files):
            hand_out(index + count * IN_FLIGHT)
            if cancelled():
                return
            if problem:
                document = Indexed.of(unreadable(path, problem))
            else:
                document = pool[index % count].take()
            yield index + 1, total, document
    finally:
        for worker in pool:
            worker.close()
