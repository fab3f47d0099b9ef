"""Reading many files at once: every file under some paths parsed, on every core.

:func:`read_all` walks the paths (``parsers.read.expand_paths``) and parses each file, one
document per task, in a pool of processes when there are enough files to pay for starting
one (the documents come back pickled); otherwise in the calling thread. Documents are
yielded in the walk's order, whatever order the processes finish in, so a load gives the
same timeline every time. Pure: no Textual.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from parsers.model import Document

POOL_MIN_FILES = 64
"""Fewer files than this are parsed in the calling thread (a pool takes ~0.3 s to start)."""

IN_FLIGHT_PER_WORKER = 8
"""Files handed to each process ahead of the one being waited for (bounds memory)."""


def _parse(path: str) -> Document:
    from parsers.read import parse_file

    return parse_file(path)


def worker_count() -> int:
    """How many processes parse: one per core this process may use."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, cores)


def read_all(
    paths: Sequence[str],
    *,
    workers: int | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[tuple[int, int, Document]]:
    """``(done, total, document)`` for every file under ``paths``, in walk order.

    ``workers``: processes to parse in (default: one per core; 1 parses in this thread).
    Stops early once ``cancelled()`` is true.
    """
    from parsers.read import expand_paths, unreadable

    files = list(expand_paths(paths))
    total = len(files)
    count = worker_count() if workers is None else max(1, workers)
    if count == 1 or sum(1 for _, problem in files if problem is None) < POOL_MIN_FILES:
        for done, (path, problem) in enumerate(files, 1):
            if cancelled():
                return
            yield done, total, unreadable(path, problem) if problem else _parse(path)
        return
    # A fresh interpreter per worker (not fork: the caller has threads, the UI's among them).
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(max_workers=count, mp_context=context)
    try:
        ahead = count * IN_FLIGHT_PER_WORKER
        queue: deque[Future[Document] | Document] = deque()
        waiting = iter(files)
        for done in range(1, total + 1):
            while len(queue) < ahead:
                path_problem = next(waiting, None)
                if path_problem is None:
                    break
                path, problem = path_problem
                queue.append(unreadable(path, problem) if problem else pool.submit(_parse, path))
            if cancelled():
                return
            head = queue.popleft()
            yield done, total, head if isinstance(head, Document) else head.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
