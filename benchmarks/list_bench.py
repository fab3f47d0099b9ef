"""Headline list benchmark: the same keys in the feed and in the list (``v``) over a large
timeline, and the read-state keys, each from the key press to the updated screen.

Prints medians (never passes or fails); keys alternate between the two views, so both see the
same load on the machine. Headless (App.run_test).

    .venv/bin/python benchmarks/list_bench.py [--entries 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader_bench import Displays, synthetic, timed  # noqa: E402

KEYS = [
    ("G (oldest)", ("G",)),
    ("g (newest)", ("g",)),
    ("space (page down)", ("space",)),
    ("b (page up)", ("b",)),
    ("j (next entry)", ("j",)),
]


async def views(entries: int, runs: int) -> dict[str, list[float]]:
    from tui.app import make_app

    app = make_app(documents=synthetic(entries), read_after=3600)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while app.state is None:
            await pilot.pause(0.01)
        await pilot.pause()
        feed = app.feed
        assert len(feed.items) == entries, len(feed.items)
        displays = Displays(app)

        def press(*keys: str):  # type: ignore[no-untyped-def]
            async def run() -> None:
                await pilot.press(*keys)
                await pilot.pause()

            return run

        for run in range(runs):
            for list_view in (False, True) if run % 2 == 0 else (True, False):
                if feed.list_view != list_view:
                    results.setdefault("v (switch view) (ms)", []).append(
                        await timed(press("v"), displays)
                    )
                where = "list" if list_view else "feed"
                for name, keys in KEYS:
                    value = await timed(press(*keys), displays)
                    results.setdefault(f"{name}, {where} (ms)", []).append(value)
                await pilot.press("g")
            if feed.list_view:
                await pilot.press("v")  # the read-state keys in the feed
            for name, key in [
                ("u (read / unread)", "u"),
                ("m (mark)", "m"),
                ("] (next unread)", "right_square_bracket"),
            ]:
                results.setdefault(f"{name} (ms)", []).append(await timed(press(key), displays))
        results["U (all 100,000 read) (ms)"] = [await timed(press("U"), displays)]
        results["u then ] (next unread among read ones) (ms)"] = [
            await timed(press("G", "u", "g", "right_square_bracket"), displays)
        ]
        results["cached strips"] = [float(len(feed._cache))]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    results = asyncio.run(views(options.entries, options.runs))
    print(f"{options.entries:,} synthetic entries, {options.runs} runs, alternating views:")
    for name, values in results.items():
        middle, top = statistics.median(values), max(values)
        print(f"  {name:<52} median {middle:9.2f}   max {top:9.2f}   n={len(values)}")
    for name, _ in KEYS:
        feed = statistics.median(results[f"{name}, feed (ms)"])
        shown = statistics.median(results[f"{name}, list (ms)"])
        print(f"  {name:<24} list / feed: {shown / feed:.2f}")


if __name__ == "__main__":
    main()
