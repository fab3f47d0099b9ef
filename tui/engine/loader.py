"""Reading many files at once: every file under some paths parsed, on every core.

:func:`read_all` walks the paths (``parsers.read.expand_paths``) and parses each file, one
document per task. With enough files to pay for starting them (and more than one core),
the parsing happens in worker processes (:mod:`tui.engine.parse_worker`, plain
subprocesses: nothing depends on how the caller's main module is written, nor on its
stderr), the documents coming back pickled; otherwise in the calling thread. Documents are
yielded in the walk's order whatever order the processes finish in, so a load gives the
same timeline every time. A worker that fails hands its files back to the calling thread.
With a parse cache (:mod:`tui.engine.parse_cache`), the documents found there are loaded
in the calling thread (no process needed) and only the others are parsed, each stored by
the process that parsed it.
Pure: no Textual.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import IO, cast

from parsers.model import Document
from tui.engine.parse_cache import CacheError, Found, ParseCache, with_warning
from tui.engine.parse_worker import LENGTH, send

try:
    import fcntl
except ImportError:  # not on a POSIX system
    fcntl = None  # type: ignore[assignment]
from tui.engine.timeline import Indexed

POOL_MIN_FILES = 64
"""Fewer files than this are parsed in the calling thread (a worker takes ~0.3 s to start)."""

IN_FLIGHT = 32
"""Files handed to each worker ahead of the one being waited for (bounds memory)."""

FIRST_IN_THREAD = 16
"""Files parsed in the calling thread while the workers start (a first screen at once)."""

WAIT_SECONDS = 5.0
"""How long a worker is given to finish once a load is complete (the cache's last store)."""

PARTS_MIN_BYTES = 1 << 20
"""Files this large, parsed in the calling thread, may come in parts (a feed's first items)."""

PIPE_BYTES = 1 << 20
"""The size asked for the pipe documents come back through (Linux; 64 KiB otherwise)."""


def _parse_file(path: str) -> Document:
    from parsers.read import parse_file, unreadable

    try:
        return parse_file(path)
    except Exception as exc:  # noqa: BLE001 - one bad file must not end the load
        return unreadable(path, f"could not be parsed: {type(exc).__name__}")


def _parse(path: str) -> Indexed:
    return Indexed.of(_parse_file(path))


def _parse_parts(path: str, done: int, total: int) -> Iterator[tuple[int, int, Indexed]]:
    """``(done, total, document)`` for one file parsed here: for a large file, a feed's first
    entries first (``done - 1``: the file is not read yet), then the whole document."""
    try:
        large = os.path.getsize(path) >= PARTS_MIN_BYTES
    except OSError:
        large = False
    if not large:
        yield done, total, _parse(path)
        return
    from parsers.read import parse_file_parts

    for document, whole in parse_file_parts(path):
        yield (done if whole else done - 1), total, Indexed.of(document)


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

    def __init__(self, cache: ParseCache | None = None) -> None:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tui.engine.parse_worker",
                *(cache.arguments() if cache is not None else []),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.waiting: deque[str] = deque()
        self.broken = False
        self.arrived: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        """Pickled documents read from the worker (None: its output ended)."""
        out = cast(IO[bytes], self.process.stdout)
        if fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):
            try:
                fcntl.fcntl(out.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
            except OSError:
                pass
        # The pipe is drained as soon as a document is written, whatever the thread that
        # unpickles is doing (a worker blocked on a full pipe parses nothing).
        self.drain = threading.Thread(target=self._drain, args=(out,), daemon=True)
        self.drain.start()

    def _drain(self, out: IO[bytes]) -> None:
        try:
            while True:
                header = out.read(LENGTH)
                if len(header) < LENGTH:
                    break
                size = int.from_bytes(header, "big")
                data = out.read(size)
                if len(data) < size:
                    break
                self.arrived.put(data)
        except (OSError, ValueError):
            pass
        self.arrived.put(None)

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
            data = self.arrived.get()
            if data is not None:
                try:
                    document = pickle.loads(data)
                except Exception:  # noqa: BLE001 - parsed here instead
                    document = None
                if isinstance(document, Indexed):
                    return document
            self.broken = True
        return _parse(path)

    def close(self, wait: bool = False) -> None:
        """End the process; with ``wait``, let it finish first (storing its last document in
        the parse cache), for a few seconds at most."""
        try:
            if self.process.stdin is not None:
                self.process.stdin.close()
        except OSError:
            pass
        if wait:
            try:
                self.process.wait(timeout=WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                pass
        self.process.kill()
        self.process.wait()
        self.drain.join(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()


def read_all(
    paths: Sequence[str],
    *,
    workers: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    cache: ParseCache | None = None,
) -> Iterator[tuple[int, int, Indexed]]:
    """``(done, total, document)`` for every file under ``paths``, in walk order (each
    document with its entries' search text, :class:`tui.engine.timeline.Indexed`). A large
    feed parsed in this thread comes first as a document of its first entries (with ``done``
    not counting it yet), then whole, under the same path.

    ``workers``: processes to parse in (default: :func:`worker_count`; 0 parses in this
    thread, as do fewer than ``POOL_MIN_FILES`` files to parse).
    ``cache``: documents found there are loaded in this thread, the others parsed and
    stored there (:mod:`tui.engine.parse_cache`).
    Stops early once ``cancelled()`` is true.
    """
    from parsers.read import expand_paths, unreadable

    files = list(expand_paths(paths))
    total = len(files)
    found: list[Found | None] = [
        cache.find(path) if cache is not None and problem is None else None
        for path, problem in files
    ]
    # The files to parse (not found in the cache), in walk order; the n-th one after the
    # first ones goes to worker n % count, so results are read back in walk order.
    todo = [i for i, (_, problem) in enumerate(files) if not (problem or found[i])]
    rank = {index: n for n, index in enumerate(todo)}
    count = worker_count() if workers is None else max(0, workers)
    if len(todo) < POOL_MIN_FILES:
        count = 0
    pool = [_Worker(cache) for _ in range(count)]
    first = min(FIRST_IN_THREAD, len(todo)) if count else len(todo)
    complete = False
    try:
        handed = first

        def hand_out(upto: int) -> None:
            nonlocal handed
            while handed < min(upto, len(todo)):
                pool[handed % count].give(files[todo[handed]][0])
                handed += 1

        met = 0
        """Files to parse met so far."""
        for index, (path, problem) in enumerate(files):
            if count:
                hand_out(max(met, first) + count * IN_FLIGHT)
            if cancelled():
                return
            n = rank.get(index)
            met += n is not None
            if problem:
                yield index + 1, total, Indexed.of(unreadable(path, problem))
            elif n is None or n < first:
                yield from _read(path, found[index], cache, index + 1, total)
            else:
                yield index + 1, total, pool[n % count].take()
        complete = True
    finally:
        for worker in pool:
            worker.close(wait=complete and cache is not None)


def _read(
    path: str, found: Found | None, cache: ParseCache | None, done: int, total: int
) -> Iterator[tuple[int, int, Indexed]]:
    """``(done, total, document)`` for ``path``: from the cache if it was ``found`` there,
    else parsed here (a large feed's first entries first, :func:`_parse_parts`) and stored in
    the cache in the background, with a warning when its cache file was damaged."""
    damage = None
    if cache is not None and found is not None:
        try:
            loaded = cache.load_indexed(found)
        except CacheError as error:
            loaded, damage = None, error
        if loaded is not None:
            document, index = loaded
            indexed = Indexed.of(document) if index is None else Indexed(document, index=index)
            yield done, total, indexed
            return
    store = cache.parsing(path) if cache is not None else None
    for shown, count, indexed in _parse_parts(path, done, total):
        if shown == done:  # the whole document
            if store is not None:
                store(indexed.document, indexed.index)
            if damage is not None:
                indexed = Indexed.of(with_warning(indexed.document, path, damage))
        yield shown, count, indexed
