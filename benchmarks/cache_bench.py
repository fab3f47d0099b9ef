"""Parse cache benchmark: the reader's first load of a folder against reopening it.

For each folder size (MB of real files on disk, written by reader_bench's corpus builder
under benchmarks/.corpus/), the reader (headless, App.run_test) loads the folder in a fresh
process, three ways, alternated ``--runs`` times in one run:

- ``no cache``: ``--no-cache`` (every file parsed, nothing stored);
- ``first load``: an empty cache folder (every file parsed and stored: what it costs);
- ``reopen``: the cache the first load filled (nothing parsed).

Times are from process start to every entry in the timeline (and to the first screen with
entries). Prints medians and the ratios; it never passes or fails.

    .venv/bin/python benchmarks/cache_bench.py [--sizes 20 80 160] [--runs 3]

Target (issue 14): reopening takes at most 0.3x the first load, at every size.

Measured on the 2-core development machine, shared (load average 4-7), medians of 3 runs:
reopen / first load 0.18 at 20 MB (2.91 s / 15.75 s), 0.14 at 80 MB (5.50 s / 38.91 s), 0.26
at 160 MB (13.01 s / 50.12 s); in CPU, 0.16 (1.25 / 7.72 s), 0.12 (2.91 / 23.75 s), 0.16
(6.02 / 38.62 s). Storing costs the first load 13-18% more CPU (7.72 against 6.85 s at
20 MB), written in a thread of each worker; its wall time was within the noise.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = """
import asyncio, json, resource, sys, time
from tui.app import make_app
from tui.engine.parse_cache import ParseCache
from tui.widgets.feed import Feed

async def main():
    cache = None if sys.argv[2] == "-" else ParseCache(sys.argv[2])
    app = make_app([sys.argv[1]], cache=cache)
    first = None
    async with app.run_test(size=(120, 40)) as pilot:
        feed = app.query_one(Feed)
        while app.loading is not None or not app.scan.done:
            if first is None and feed.items:
                first = time.time()
            await asyncio.sleep(0.005)
        loaded = time.time()
        count = len(app.timeline)
        await pilot.pause(0.2)  # let the last messages through before the app closes
    if cache is not None:
        cache.flush()
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime
    print(json.dumps(dict(first=first or loaded, loaded=loaded, entries=count, cpu=cpu,
        rss=me.ru_maxrss / 1024)))

asyncio.run(main())
"""


def load(folder: Path, cache: Path | None) -> dict[str, float]:
    """One reader process loading ``folder``: seconds to the first screen and to all loaded
    (from process start), CPU seconds (all processes), entries, peak RSS."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(cache) if cache else "-"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode:
        sys.exit(f"the reader failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["first"] -= started
    result["loaded"] -= started
    return result


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def main() -> None:
    from benchmarks.reader_bench import disk_folder

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[20, 80, 160], metavar="MB")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    print(f"Python {sys.version.split()[0]}; {options.runs} runs of each, alternated")
    for megabytes in options.sizes:
        folder = disk_folder(megabytes)
        files = sum(1 for _ in folder.glob("*.txt"))
        runs: dict[str, list[dict[str, float]]] = {"no cache": [], "first load": [], "reopen": []}
        stored = 0
        with tempfile.TemporaryDirectory(prefix="liveblog-cache-bench-") as scratch:
            cache = Path(scratch) / "parsed"
            for _ in range(options.runs):
                runs["no cache"].append(load(folder, None))
                shutil.rmtree(cache, ignore_errors=True)
                runs["first load"].append(load(folder, cache))
                stored = folder_bytes(cache)
                runs["reopen"].append(load(folder, cache))
        entries = int(runs["reopen"][-1]["entries"])
        print(
            f"{megabytes} MB, {files:,} files, {entries:,} entries; the cache holds "
            f"{stored / 1e6:.0f} MB:"
        )
        medians = {}
        for name, results in runs.items():
            loaded = statistics.median(r["loaded"] for r in results)
            first = statistics.median(r["first"] for r in results)
            cpu = statistics.median(r["cpu"] for r in results)
            rss = statistics.median(r["rss"] for r in results)
            medians[name] = loaded
            shown = ", ".join(f"{r['loaded']:.2f}" for r in results)
            print(
                f"  {name:<10}  all loaded {loaded:6.2f} s ({shown}), first screen "
                f"{first:5.2f} s, CPU {cpu:6.2f} s, peak RSS {rss:4.0f} MB"
            )
            assert all(int(r["entries"]) == entries for r in results), "entries differ"
        together = zip(runs["reopen"], runs["first load"], strict=True)
        pairs = [reopen["loaded"] / first["loaded"] for reopen, first in together]
        print(
            f"  reopen / first load: {medians['reopen'] / medians['first load']:.2f} "
            f"(pairs: {', '.join(f'{p:.2f}' for p in pairs)}; target <= 0.3)"
        )
        print(
            f"  first load / no cache: {medians['first load'] / medians['no cache']:.2f} "
            "(what storing costs the first load)"
        )


if __name__ == "__main__":
    main()
