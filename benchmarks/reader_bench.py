"""Reader benchmark: first paint on the seeds, a 100,000-entry timeline, folders read from disk.

Prints figures (medians of several runs); it never passes or fails. Headless (App.run_test).

    .venv/bin/python benchmarks/reader_bench.py [--entries 100000] [--runs 5]
    .venv/bin/python benchmarks/reader_bench.py --disk 20 80 160

``--disk`` writes folders of that many MB with the corpus builder (benchmarks/parse_corpus.py,
under benchmarks/.corpus/, reused once written) and, for each, times ``liveblog parse --json``
and the reader loading it (keys pressed all along the load), in the same run.

Targets (issue 5): first paint with the seeds < 1 s from process start; with 100,000 entries a
filter keystroke to the updated screen < 100 ms, G and paging < 50 ms, memory < 500 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App  # noqa: E402

from parsers.model import Author, Document, Entry, Source, Timestamp  # noqa: E402

CHILD = """
import asyncio, sys, time
from tui.app import make_app
from tui.sample import sample_dir
from tui.widgets.feed import Feed

async def main():
    app = make_app(sys.argv[1:] or [sample_dir()])
    painted = []
    original = app._display

    def display(screen, update):
        original(screen, update)
        # The first screen update sent to the terminal once the feed has entries.
        if update is not None and not painted and app.query_one(Feed).items:
            painted.append(time.time())

    app._display = display
    async with app.run_test(size=(120, 40)) as pilot:
        while not painted:
            await asyncio.sleep(0.001)
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(painted[0], time.time(), len(app.query_one(Feed).items), flush=True)

asyncio.run(main())
"""

BARE_CHILD = """
import asyncio, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

async def main():
    app = Bare()
    painted = []
    original = app._display

    def display(screen, update):
        original(screen, update)
        if update is not None and not painted:
            painted.append(time.time())

    app._display = display
    async with app.run_test(size=(120, 40)) as pilot:
        while not painted:
            await asyncio.sleep(0.001)
        await pilot.pause()
        print(painted[0], time.time(), 1, flush=True)

asyncio.run(main())
"""

CORPUS = ROOT / "benchmarks" / ".corpus" / "reader"

LOAD_CHILD = """
import asyncio, json, resource, sys, time
started = time.perf_counter()
from textual import events
from tui.app import make_app
from tui.widgets.feed import Feed

handled = []
for name in ("action_move", "action_first"):
    def wrap(original):
        def action(self, *args):
            original(self, *args)
            handled.append(time.perf_counter())
        return action
    setattr(Feed, name, wrap(getattr(Feed, name)))

async def main():
    app = make_app([sys.argv[1]], watch=True)
    shown = []
    original = app._display

    def display(screen, update):
        original(screen, update)
        if update is not None:
            shown.append(time.perf_counter())

    app._display = display
    latencies = []
    first = None
    async with app.run_test(size=(120, 40)) as pilot:
        feed = app.query_one(Feed)
        keys = "jg"  # away from the newest entry and back
        n = 0
        while app.loading is not None or not app.scan.done:
            if first is None and feed.items:
                first = time.perf_counter()
            # A key as the terminal sends it; answered once the screen shows its effect.
            pressed = time.perf_counter()
            before = len(handled)
            app._driver.send_message(events.Key(keys[n % len(keys)], keys[n % len(keys)]))
            n += 1
            while True:
                await asyncio.sleep(0.002)
                if len(handled) > before and shown and shown[-1] > handled[before]:
                    latencies.append((shown[-1] - pressed) * 1000)
                    break
                if time.perf_counter() - pressed > 30:
                    break
            await asyncio.sleep(0.25)  # four keys a second
        loaded = time.perf_counter()
        cursor = feed.cursor
        count = len(app.timeline)
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime
    print(json.dumps(dict(first=(first or loaded) - started, loaded=loaded - started,
        latencies=latencies, rss=me.ru_maxrss / 1024, children_rss=workers.ru_maxrss / 1024,
        entries=count, cursor=cursor, last_key=keys[(n - 1) % len(keys)], cpu=cpu,
        main_cpu=me.ru_utime + me.ru_stime)))

asyncio.run(main())
"""


MEMORY_CHILD = """
import asyncio, json, resource, statistics, sys, time
from tui.app import make_app
from tui.engine.query import parse_query
from tui.engine.timeline import Filter
from tui.widgets.feed import Feed


def status():
    fields = {}
    with open("/proc/self/status") as handle:
        for line in handle:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return fields


def median_ms(action, runs=5):
    # CPU time of this thread: what the search costs, whatever else the machine runs.
    times = []
    for _ in range(runs):
        started = time.thread_time()
        action()
        times.append((time.thread_time() - started) * 1000)
    return statistics.median(times)


async def main():
    app = make_app([sys.argv[1]], watch=True)
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        while app.loading is not None or app.ingest is None:
            await asyncio.sleep(0.05)
        await pilot.pause()
        seconds = time.perf_counter() - started
        me = resource.getrusage(resource.RUSAGE_SELF)
        workers = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (me.ru_utime + me.ru_stime, workers.ru_utime + workers.ru_stime)
        while app.follow is not None and app.follow.mode is None:  # the watch is ready
            await asyncio.sleep(0.05)
        await pilot.pause()
        loaded = status()
        # Near-duplicates are grouped in the background once the files are loaded: the
        # peak is taken once that is done too.
        while any(w.group == "grouping" and not w.is_finished for w in app.workers):
            await asyncio.sleep(0.1)
        await pilot.pause()
        grouped = status()
        grouped_at = time.perf_counter() - started
        timeline, feed = app.timeline, app.query_one(Feed)
        searches = {}
        for text in ("troops", "zebra", "russian forces -kyiv", "author:example"):
            query = parse_query(text)

            def search():
                timeline._last = None  # no earlier result to narrow
                return timeline.select(Filter(query=query))

            searches[text] = (median_ms(search), len(search()))
        rare = parse_query("zebra").predicate()
        searches["n, a word found nowhere (whole feed)"] = (median_ms(lambda: feed.find(rare)), 0)
        print(json.dumps(dict(entries=len(timeline), rss=grouped["VmRSS"], peak=grouped["VmHWM"],
            loaded=loaded["VmRSS"], seconds=seconds, grouped_at=grouped_at, cpu=cpu,
            searches=searches)), flush=True)

asyncio.run(main())
"""

MEMORY_SIZES = (13_000, 100_000, 300_000)
"""Entries loaded by ``--memory`` (approximately: folders are cut at whole pages)."""

ENTRIES_PER_MB = 1150
"""About how many entries a megabyte of the corpus builder's pages holds."""


def entries_folder(entries: int) -> Path:
    """A folder of the corpus builder's pages holding about ``entries`` entries."""
    folder = ROOT / "benchmarks" / ".corpus" / f"entries-{entries // 1000}k"
    done = folder / ".complete"
    if not done.exists():
        from benchmarks.parse_corpus import build_corpus

        folder.mkdir(parents=True, exist_ok=True)
        for index, page in enumerate(build_corpus(entries / ENTRIES_PER_MB)):
            (folder / f"page-{index:05}.txt").write_bytes(page)
        done.write_text("")
    return folder


def memory_run(root: Path, folder: Path) -> dict[str, object]:
    """One reader (the code under ``root``) loading ``folder`` from disk: its figures."""
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as cache:  # a first load, whatever caches exist
        env = dict(os.environ, XDG_CACHE_HOME=cache, PYTHONPATH=str(root))
        done = subprocess.run(
            [sys.executable, "-c", MEMORY_CHILD, str(folder)],
            capture_output=True,
            text=True,
            cwd=root,
            env=env,
            check=False,
        )
    if done.returncode:
        sys.exit(f"the reader under {root} failed on {folder}:\n{done.stderr[-3000:]}")
    return cast(dict[str, object], json.loads(done.stdout.strip().splitlines()[-1]))


def memory(sizes: list[int], bases: list[Path]) -> None:
    """RSS per 10k entries loaded from disk in the reader, and search times, for this code
    and each of ``bases`` (other checkouts, e.g. the code before a change), in one run."""
    import tempfile

    roots = [ROOT, *bases]
    names = ["this"] + [str(base) for base in bases]
    with tempfile.TemporaryDirectory() as empty:
        idle = {root: float(memory_run(root, Path(empty))["rss"]) for root in roots}  # type: ignore[arg-type]
    for name, root in zip(names, roots, strict=True):
        print(f"{name}: an empty folder: RSS {idle[root]:.0f} MB")
    for size in sizes:
        folder = entries_folder(size)
        for name, root in zip(names, roots, strict=True):
            found = memory_run(root, folder)
            entries = int(found["entries"])  # type: ignore[call-overload]
            rss, peak = float(found["rss"]), float(found["peak"])  # type: ignore[arg-type]
            per = (rss - idle[root]) / entries * 10_000
            print(
                f"{entries:,} entries, {name}: loaded in {float(found['seconds']):.1f} s "  # type: ignore[arg-type]
                f"(CPU: {float(found['cpu'][0]):.1f} s the reader, "  # type: ignore[index]
                f"{float(found['cpu'][1]):.1f} s its parsing processes), "  # type: ignore[index]
                f"grouped by {float(found.get('grouped_at', 0.0)):.1f} s; "  # type: ignore[arg-type]
                f"RSS loaded {float(found.get('loaded', rss)):.0f} MB, "  # type: ignore[arg-type]
                f"grouped {rss:.0f} MB, peak {peak:.0f} MB; "
                f"{per:.1f} MB per 10k entries over the empty reader "
                f"({rss / entries * 10_000:.1f} MB per 10k in all)"
            )
            searches = cast(dict[str, list[float]], found["searches"])
            print(
                "  search over every entry (CPU ms, median of 5): "
                + "; ".join(
                    f"{text!r} {ms:.0f} ({hits:,} found)" for text, (ms, hits) in searches.items()
                )
            )


def disk_folder(megabytes: int) -> Path:
    """A folder of about ``megabytes`` MB of pages written by the corpus builder."""
    from benchmarks.parse_corpus import build_corpus

    folder = ROOT / "benchmarks" / ".corpus" / f"disk-{megabytes}mb"
    done = folder / ".complete"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for index, page in enumerate(build_corpus(megabytes)):
            (folder / f"page-{index:05}.txt").write_bytes(page)
        done.write_text("")
    return folder


def parse_json_seconds(folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``liveblog parse --json`` over ``folder`` (output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", "parse", "--json", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def disk(sizes: list[int], runs: int) -> None:
    """Load folders from disk in the reader: time, ratio to ``parse --json``, keys, memory.

    ``parse --json`` and the reader alternate ``runs`` times (the machine's load changes;
    medians of one run's pairs are comparable).
    """
    for megabytes in sizes:
        folder = disk_folder(megabytes)
        files = sum(1 for _ in folder.glob("*.txt"))
        parses: list[tuple[float, float]] = []
        loads: list[dict[str, object]] = []
        for _ in range(runs):
            parses.append(parse_json_seconds(folder))
            out = subprocess.run(
                [sys.executable, "-c", LOAD_CHILD, str(folder)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            ).stdout
            loads.append(json.loads(out.strip().splitlines()[-1]))
        parse_wall = statistics.median(p[0] for p in parses)
        parse_cpu = statistics.median(p[1] for p in parses)
        loaded = statistics.median(float(r["loaded"]) for r in loads)  # type: ignore[arg-type]
        first = statistics.median(float(r["first"]) for r in loads)  # type: ignore[arg-type]
        cpu = statistics.median(float(r["cpu"]) for r in loads)  # type: ignore[arg-type]
        ratios = [float(r["loaded"]) / p[0] for r, p in zip(loads, parses, strict=True)]  # type: ignore[arg-type]
        keys = sorted(k for r in loads for k in r["latencies"]) or [float("nan")]  # type: ignore[attr-defined]
        p95 = keys[min(len(keys) - 1, int(len(keys) * 0.95))]
        last = loads[-1]
        print(f"{megabytes} MB, {files:,} files, {last['entries']:,} entries ({runs} runs):")
        print(f"  parse --json: {parse_wall:.2f} s wall, {parse_cpu:.2f} s CPU")
        print(
            f"  reader: first screen {first:.2f} s, all loaded {loaded:.2f} s wall, "
            f"{cpu:.2f} s CPU (all processes; "
            f"{statistics.median(float(r['main_cpu']) for r in loads):.2f} s in the UI's)"  # type: ignore[arg-type]
        )
        print(
            f"  ratio to parse --json: wall {statistics.median(ratios):.2f} (pairs: "
            + ", ".join(f"{r:.2f}" for r in ratios)
            + f"), CPU {cpu / parse_cpu:.2f}"
        )
        print(
            f"  keys during the load (ms): median {statistics.median(keys):.0f}, p95 {p95:.0f}, "
            f"max {keys[-1]:.0f} (n={len(keys)})"
        )
        print(
            f"  peak RSS: reader {last['rss']:.0f} MB, largest parsing process "
            f"{last['children_rss']:.0f} MB; at the end the cursor is on entry {last['cursor']} "
            f"(0 is the newest; the last key pressed was {last['last_key']})"
        )


def seed_copies(copies: int) -> Path:
    """A folder of ``copies`` copies of every seed (a large input that takes a while to read)."""
    from tui.sample import sample_dir

    folder = CORPUS / f"seeds-x{copies}"
    if not folder.is_dir():
        folder.mkdir(parents=True)
        for n in range(copies):
            for seed in sorted(sample_dir().glob("*.txt")):
                (folder / f"{seed.stem}-{n:04}.txt").write_bytes(seed.read_bytes())
    return folder


WORDS = (
    "the of and to in a is that for on with as was by at from his her said russia ukraine kyiv "
    "president minister forces troops city border sanctions government war people military "
    "officials attack capital region talks ceasefire europe nato support civilians reported "
    "according statement early morning evening missile strike aid refugees energy prices"
).split()


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def synthetic(entries: int, per_document: int = 1000, seed: int = 1) -> list[Document]:
    """Realistic-sized entries: a headline, one to four paragraphs of 20-70 words, authors."""
    rng = random.Random(seed)
    authors = [Author(f"Reporter {n}", "Correspondent" if n % 3 else None) for n in range(60)]
    start = datetime(2022, 2, 24, 6, 0, tzinfo=UTC)
    documents = []
    for d in range(max(1, entries // per_document)):
        path = f"/bench/blog{d:04}.txt"
        source = Source(path, path.rsplit("/", 1)[-1])
        items = tuple(
            Entry(
                id=f"{d}-{i}",
                source=source,
                position=i,
                published=Timestamp(start + timedelta(seconds=rng.randrange(86400 * 60))),
                title=paragraph(rng, rng.randrange(4, 12)).rstrip("."),
                authors=(rng.choice(authors),),
                labels=("Breaking",) if rng.random() < 0.05 else (),
                body=tuple(
                    paragraph(rng, rng.randrange(20, 70)) for _ in range(rng.randrange(1, 5))
                ),
            )
            for i in range(per_document)
        )
        documents.append(Document(source=source, format="bench", entries=items, title=f"Blog {d}"))
    return documents


def first_paint(
    runs: int, *paths: str, child: str = CHILD, tree: Path = ROOT
) -> tuple[list[float], list[float], int]:
    """Seconds from process start to the first screen with entries, and to everything loaded
    (``tree``: the liveblog checkout to run)."""
    first, last, count = [], [], 0
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-c", child, *paths],
            capture_output=True,
            text=True,
            cwd=tree,
            env=dict(os.environ, PYTHONPATH=str(tree)),
            check=True,
        ).stdout.split()
        first.append(float(out[0]) - started)
        last.append(float(out[1]) - started)
        count = int(out[2])
    return first, last, count


class Displays:
    """Records when the app hands a screen update to the (headless) terminal driver."""

    def __init__(self, app: App[object]) -> None:
        self.times: list[float] = []
        original = app._display

        def display(screen: object, renderable: object) -> None:
            original(screen, renderable)  # type: ignore[arg-type]
            if renderable is not None:
                self.times.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]

    def first_after(self, moment: float) -> float | None:
        return next((t for t in self.times if t > moment), None)


async def timed(action: Callable[[], Awaitable[None]], displays: Displays) -> float:
    """Milliseconds from the start of ``action`` to the first screen update after it."""
    started = time.perf_counter()
    await action()
    shown = displays.first_after(started)
    if shown is None:
        return float("nan")
    return (shown - started) * 1000


async def large(entries: int, runs: int) -> dict[str, list[float]]:
    from tui.app import make_app
    from tui.engine.query import Query, parse_query
    from tui.engine.timeline import Filter
    from tui.widgets.feed import Feed
    from tui.widgets.query_bar import QueryBar

    built = time.perf_counter()
    documents = synthetic(entries)
    results: dict[str, list[float]] = {"build documents (s)": [time.perf_counter() - built]}
    mounted = time.perf_counter()
    app = make_app(documents=documents)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen._compositor.render_strips()
        results["load into the timeline + first paint (s)"] = [time.perf_counter() - mounted]
        feed = app.query_one(Feed)
        assert len(feed.items) == entries, len(feed.items)
        displays = Displays(app)

        async def press(*keys: str) -> Callable[[], Awaitable[None]]:
            async def run() -> None:
                await pilot.press(*keys)
                await pilot.pause()

            return run

        for name, keys in [
            ("G (oldest)", ("G",)),
            ("g (newest)", ("g",)),
            ("space (page down)", ("space",)),
            ("b (page up)", ("b",)),
            ("j (next entry)", ("j",)),
        ]:
            action = await press(*keys)
            results[f"{name} (ms)"] = [await timed(action, displays) for _ in range(runs)]
            await pilot.press("g")

        async def reparse() -> None:
            app.show_change(app.timeline.upsert(documents[len(documents) // 2]))
            await pilot.pause()

        results["a re-parsed file (1,000 entries) applied, to the screen (ms)"] = [
            await timed(reparse, displays) for _ in range(runs)
        ]
        bar = app.query_one("#query", QueryBar)
        narrow: list[float] = []
        broad: list[float] = []
        fresh: list[float] = []
        complete: list[float] = []
        rare: list[float] = []
        for _ in range(runs):
            await pilot.press("slash")
            for key in "troops":
                narrow.append(await timed(await press(key), displays))
            shown = len(feed.items)
            broad.append(await timed(await press("backspace"), displays))
            await pilot.press("escape")
            await pilot.pause()

            async def retype() -> None:
                bar.value = "sanctions -nato"
                await pilot.pause()

            await pilot.press("slash")
            fresh.append(await timed(retype, displays))
            await pilot.press("escape")
            await pilot.pause()

            async def rare_word() -> None:
                bar.value = "zebra"
                await pilot.pause()

            await pilot.press("slash")
            rare.append(await timed(rare_word, displays))
            query = parse_query("zebra")
            assert isinstance(query, Query)
            app.timeline._last = None  # no earlier result to narrow
            started = time.perf_counter()
            app.timeline.select(Filter(query=query))
            complete.append((time.perf_counter() - started) * 1000)
            await pilot.press("escape")
            await pilot.pause()
        results["filter keystroke, narrowing as typed (ms)"] = narrow
        results["filter keystroke, backspace (widens: full search) (ms)"] = broad
        results["whole query replaced, 'sanctions -nato' (ms)"] = fresh
        results["filter keystroke, a word found nowhere (ms)"] = rare
        results["  the whole search behind it, off screen (ms)"] = complete
        results[f"(entries matching 'troops': {shown})"] = []
        results["peak RSS (MB)"] = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
    return results


def feed_first_screen(items: int, runs: int, base: Path | None) -> None:
    """The first screen and the whole load on one RSS feed of ``items`` items (issue 14: the
    first screen under 1 s on 10,000 items), alternating with the checkout ``base``."""
    from benchmarks.feed_bench import rss_feed

    with tempfile.TemporaryDirectory(prefix="reader-feed-") as folder:
        path = Path(folder) / f"feed-{items}.xml"
        path.write_text(rss_feed(items), encoding="utf-8")
        trees = {"this tree": ROOT} | ({f"base ({base})": base} if base else {})
        firsts: dict[str, list[float]] = {name: [] for name in trees}
        loads: dict[str, list[float]] = {name: [] for name in trees}
        bare: list[float] = []
        for _ in range(runs):
            bare += first_paint(1, child=BARE_CHILD)[0]
            for name, tree in trees.items():
                first, last, count = first_paint(1, str(path), tree=tree)
                firsts[name] += first
                loads[name] += last
        print(f"one RSS feed of {items:,} items ({count:,} entries), from process start:")
        report("  bare Textual app (one Static), first paint (s)", bare)
        for name in trees:
            report(f"  {name}: first screen with entries (s)", firsts[name])
            report(f"  {name}: everything loaded (s)", loads[name])
        print(f"  target < 1 s: ratio {statistics.median(firsts['this tree']):.2f} of the target")


def report(name: str, values: list[float]) -> None:
    if not values:
        print(name)
        return
    middle, top = statistics.median(values), max(values)
    print(f"{name:<58} median {middle:9.2f}   max {top:9.2f}   n={len(values)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--disk", type=int, nargs="*", metavar="MB", help="folders read from disk")
    parser.add_argument("--first-paint", action="store_true", help="only the first-paint figures")
    parser.add_argument("--feed", type=int, metavar="ITEMS", help="first screen on one RSS feed")
    parser.add_argument(
        "--memory",
        type=int,
        nargs="*",
        metavar="ENTRIES",
        help=f"RSS per 10k entries loaded from disk (default sizes {MEMORY_SIZES})",
    )
    parser.add_argument(
        "--base",
        type=Path,
        nargs="*",
        default=[],
        help="other checkouts to compare (--memory; --feed takes the first)",
    )
    options = parser.parse_args()
    if options.feed is not None:
        feed_first_screen(options.feed, options.runs, options.base[0] if options.base else None)
        return
    if options.memory is not None:
        memory(options.memory or list(MEMORY_SIZES), options.base)
        return
    if options.disk is not None:
        disk(options.disk or [20, 80], options.runs)
        return
    print(f"Python {sys.version.split()[0]}; {options.runs} runs each")
    bare, paints = [], []
    for _ in range(options.runs):  # interleaved, so both see the same load on the machine
        bare += first_paint(1, child=BARE_CHILD)[0]
        one, _, count = first_paint(1)
        paints += one
    report("bare Textual app (one Static), first paint from start (s)", bare)
    report(f"first paint on the seeds ({count} entries) from process start (s)", paints)
    print(f"  target < 1 s: ratio {statistics.median(paints) / 1.0:.2f} of the target")
    ratio = statistics.median(paints) / statistics.median(bare)
    print(f"  target < 1.5x bare Textual: ratio {ratio:.2f}x bare")
    if options.first_paint:
        return
    folder = seed_copies(250)
    paints, loaded, count = first_paint(3, str(folder))
    print(f"a folder of 1,000 files ({count} entries), read in the worker:")
    report("  first paint from process start (s)", paints)
    report("  everything loaded (s)", loaded)
    results = asyncio.run(large(options.entries, options.runs))
    print(f"{options.entries:,} synthetic entries:")
    targets = {"filter": 100.0, "G (": 50.0, "space": 50.0, "b (": 50.0, "peak RSS": 500.0}
    for name, values in results.items():
        report("  " + name, values)
        for prefix, target in targets.items():
            if name.startswith(prefix) and values:
                print(f"    target < {target:g}: ratio {statistics.median(values) / target:.2f}")


if __name__ == "__main__":
    main()
