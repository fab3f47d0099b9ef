"""How fast the reader shows files landing in a watched folder (headless, ``App.run_test``).

Latency: files are written one at a time (each one newer entry) into the folder the reader
follows, at the live edge. For each: the time from the file's close to its entry being in the
app's model (the timeline), and to the first screen update that shows it. Burst: N files land
at once (the built-in sample documents, cycled) while keys are pressed every 50 ms; the time
until every entry is in the model (files/s, entries/s), and how long each key took to be
handled (from the key event to the feed's action). Prints numbers; never passes or fails.

    .venv/bin/python benchmarks/live_latency.py [--files 60] [--burst 1000]

Targets (issue 6): median < 250 ms and p95 < 1 s from close to screen; keys within 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

from parsers.read import parse_bytes  # noqa: E402
from tui.app import SETTLE_SECONDS, ReaderApp, make_app  # noqa: E402
from tui.sample import sample_dir  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def report(name: str, seconds: list[float]) -> None:
    ms = [v * 1000 for v in seconds]
    print(
        f"{name:<34} n={len(ms):<5} median {statistics.median(ms):7.1f} ms   "
        f"p95 {percentile(ms, 0.95):7.1f} ms   max {max(ms):7.1f} ms"
    )


def probe(n: int) -> bytes:
    """A JSON Feed with one entry, newer than every probe before it."""
    item = {
        "id": f"probe-{n}",
        "title": f"Latency probe {n:04d}",
        "date_published": f"2030-01-01T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z",
        "content_text": f"Probe number {n}.",
    }
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": [item]}).encode()


def screen_text(app: ReaderApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class Watch:
    """Notes when a wanted entry reaches the model and when it is first on screen."""

    def __init__(self, app: ReaderApp) -> None:
        self.app = app
        self.path = ""
        self.title = ""
        self.in_model: float | None = None
        self.on_screen: float | None = None
        original = app._display

        def display(screen: Any, update: Any) -> None:
            original(screen, update)
            if update is not None and self.in_model is not None and self.on_screen is None:
                if self.title in screen_text(app):
                    self.on_screen = time.perf_counter()

        app._display = display  # type: ignore[method-assign]

    def want(self, path: str, title: str) -> None:
        self.path, self.title = path, title
        self.in_model = self.on_screen = None

    def check_model(self) -> None:
        if self.in_model is None and self.app.timeline.document(self.path) is not None:
            self.in_model = time.perf_counter()


async def until(pilot: Pilot[int], condition: Callable[[], bool], limit: float) -> bool:
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.001)
    return True


async def latency(folder: Path, count: int, size: tuple[int, int]) -> None:
    app = make_app([str(folder)], watch=True)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.follow is not None and app.follow.mode is not None, 30)
        assert app.follow is not None
        print(f"watching with {app.follow.mode}; settle {SETTLE_SECONDS * 1000:.0f} ms")
        watch = Watch(app)
        original_apply = app.apply_pending

        def apply_pending() -> None:
            original_apply()
            watch.check_model()

        app.apply_pending = apply_pending  # type: ignore[method-assign]
        model: list[float] = []
        screen: list[float] = []
        for n in range(count):
            name = f"probe-{n:04d}.json"
            path = os.path.join(str(folder), name)
            watch.want(path, f"Latency probe {n:04d}")
            with open(path, "wb") as handle:
                handle.write(probe(n))
            closed = time.perf_counter()
            if not await until(pilot, lambda: watch.on_screen is not None, 10):
                print(f"  probe {n}: not on screen after 10 s")
                continue
            assert watch.in_model is not None and watch.on_screen is not None
            model.append(watch.in_model - closed)
            screen.append(watch.on_screen - closed)
            await asyncio.sleep(0.05 + (n % 5) * 0.03)
        report(f"close -> model ({size[0]}x{size[1]})", model)
        report(f"close -> on screen ({size[0]}x{size[1]})", screen)


async def burst(folder: Path, count: int) -> None:
    texts = [p.read_bytes() for p in sorted(sample_dir().iterdir()) if p.suffix == ".txt"]
    per_text = [len(parse_bytes(t, "x.txt").entries) for t in texts]
    expected = sum(per_text[n % len(texts)] for n in range(count))
    app = make_app([str(folder)], watch=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.follow is not None and app.follow.mode is not None, 30)
        feed = app.feed
        handled: list[float] = []
        original_move = feed.action_move

        def move(delta: int) -> None:
            original_move(delta)
            handled.append(time.perf_counter())

        feed.action_move = move  # type: ignore[method-assign]
        keys: list[float] = []
        done = asyncio.Event()

        async def press() -> None:
            n = 0
            while not done.is_set():
                before = len(handled)
                sent = time.perf_counter()
                app.post_message(events.Key("j" if n % 2 == 0 else "k", None))
                while len(handled) == before and time.perf_counter() - sent < 5:
                    await asyncio.sleep(0.0005)
                if len(handled) > before:
                    keys.append(handled[before] - sent)
                n += 1
                await asyncio.sleep(0.05)

        flushes = app.live_updates
        presser = asyncio.create_task(press())
        start = time.perf_counter()
        for n in range(count):
            (folder / f"burst-{n:04d}.txt").write_bytes(texts[n % len(texts)])
        written = time.perf_counter()
        ok = await until(pilot, lambda: len(app.timeline) >= expected, 300)
        finished = time.perf_counter()
        done.set()
        await presser
        await pilot.pause(0.3)
        ids = [item.id for item in app.timeline.items]
        wall = finished - start
        print(
            f"burst of {count} files: {len(app.timeline)}/{expected} entries "
            f"({'all' if ok else 'NOT all'}; {len(ids) - len(set(ids))} doubled) "
            f"in {wall:.2f} s (writing took {written - start:.2f} s): "
            f"{count / wall:.0f} files/s, {expected / wall:.0f} entries/s, "
            f"{app.live_updates - flushes} screen updates"
        )
        if keys:
            report("key -> handled during the burst", keys)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=60)
    parser.add_argument("--burst", type=int, default=1000)
    options = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="liveblog-live-"))
    try:
        for size in ((80, 24), (200, 60)):
            folder = base / f"latency-{size[0]}"
            folder.mkdir()
            await latency(folder, options.files, size)
        folder = base / "burst"
        folder.mkdir()
        await burst(folder, options.burst)
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
