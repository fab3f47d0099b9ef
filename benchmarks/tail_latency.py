"""How fast the tailing engine turns a closed file into emitted entries.

Latency: files are written one at a time into a watched folder; for each, the time from the
file's close to the engine yielding its entries (``Added``). Burst: N files land at once; the
time until every entry has been yielded, as files/s and entries/s, and how late a 10 ms timer
on the same event loop fired meanwhile (what a UI would feel). Content is the built-in sample
documents, cycled. Prints numbers; never passes or fails.

    .venv/bin/python benchmarks/tail_latency.py [--files 60] [--burst 1000] [--settle 0.15]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from operator import contains
from pathlib import Path

from tui.engine.ingest import Added, Ingest, Ready
from tui.sample import sample_dir


def samples() -> list[bytes]:
    return [p.read_bytes() for p in sorted(sample_dir().iterdir()) if p.suffix == ".txt"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


class Consumer:
    """Runs the engine and notes when each source's entries were first yielded."""

    def __init__(self, ingest: Ingest) -> None:
        self.ingest = ingest
        self.first_seen: dict[str, float] = {}
        self.entries = 0
        self.ready = asyncio.Event()
        self.task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        async with contextlib.aclosing(self.ingest.run()) as stream:
            async for batch in stream:
                now = time.perf_counter()
                for event in batch:
                    if isinstance(event, Ready):
                        self.ready.set()
                    elif isinstance(event, Added):
                        self.entries += len(event.entries)
                        for entry in event.entries:
                            self.first_seen.setdefault(entry.source.path, now)

    async def close(self) -> None:
        self.ingest.stop()
        await asyncio.wait_for(self.task, 10)


async def wait_for(condition: Callable[[], bool], limit: float = 60.0) -> None:
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the engine never caught up")
        await asyncio.sleep(0.002)


async def latency(folder: Path, count: int, settle: float, polling: bool) -> list[float]:
    texts = samples()
    consumer = Consumer(Ingest([str(folder)], settle=settle, force_polling=polling))
    await consumer.ready.wait()
    out: list[float] = []
    for n in range(count):
        path = folder / f"lat-{n:04d}.txt"
        with open(path, "wb") as handle:
            handle.write(texts[n % len(texts)])
        closed = time.perf_counter()
        name = str(path)
        await wait_for(partial(contains, consumer.first_seen, name))
        out.append(consumer.first_seen[name] - closed)
        await asyncio.sleep(0.05)
    await consumer.close()
    return out


async def burst(folder: Path, count: int, settle: float) -> dict[str, float]:
    texts = samples()
    consumer = Consumer(Ingest([str(folder)], settle=settle))
    await consumer.ready.wait()
    lags: list[float] = []
    stop = False

    async def ticker() -> None:
        while not stop:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append(time.perf_counter() - before - 0.01)

    tick = asyncio.create_task(ticker())
    start = time.perf_counter()
    for n in range(count):
        (folder / f"burst-{n:04d}.txt").write_bytes(texts[n % len(texts)])
    written = time.perf_counter()
    await wait_for(lambda: len(consumer.first_seen) >= count, 300)
    done = time.perf_counter()
    stop = True
    await tick
    await consumer.close()
    wall = done - start
    return {
        "files": count,
        "entries": consumer.entries,
        "write_s": written - start,
        "wall_s": wall,
        "after_write_s": done - written,
        "files_per_s": count / wall,
        "entries_per_s": consumer.entries / wall,
        "lag_median_ms": statistics.median(lags) * 1000,
        "lag_max_ms": max(lags) * 1000,
    }


def report(name: str, values: list[float]) -> None:
    ms = [v * 1000 for v in values]
    print(
        f"{name:<28} n={len(ms):<4} median {statistics.median(ms):7.1f} ms   "
        f"p95 {percentile(ms, 0.95):7.1f} ms   max {max(ms):7.1f} ms"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--settle", type=float, default=0.15)
    parser.add_argument("--polling-files", type=int, default=20)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="liveblog-bench-"))
    try:
        print(f"settle {args.settle * 1000:.0f} ms; close -> Added yielded by the engine")
        for label, polling, count in (
            ("events (inotify)", False, args.files),
            ("polling (0.5 s interval)", True, args.polling_files),
        ):
            if count <= 0:
                continue
            folder = root / label.split()[0]
            folder.mkdir()
            report(label, await latency(folder, count, args.settle, polling))
        folder = root / "burst"
        folder.mkdir()
        result = await burst(folder, args.burst, args.settle)
        print(
            f"burst of {result['files']:.0f} files ({result['entries']:.0f} entries): "
            f"written in {result['write_s']:.2f} s, all yielded after {result['wall_s']:.2f} s"
            f" -> {result['files_per_s']:.0f} files/s, {result['entries_per_s']:.0f} entries/s"
        )
        print(f"  last file closed -> all entries yielded: {result['after_write_s']:.2f} s")
        print(
            f"event-loop lag during the burst (10 ms timer): median "
            f"{result['lag_median_ms']:.1f} ms, max {result['lag_max_ms']:.1f} ms"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
