"""The activity strip's counting at 100,000 entries, and the strip's jumps.

Times :func:`tui.engine.activity.activity` (UTC quarter-hours, the zone's offset looked up
once per hour) against the per-entry conversion it replaced (kept here as the reference,
and checked to give the same counts), on a two-day story (binned per hour) and a 300-day
one (per day), in a zone with summer time; then one jump by bisection
(:func:`tui.entry_actions.nearest_in_span`). Prints the median of several runs.

    .venv/bin/python benchmarks/activity_bench.py [--entries 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.engine.activity import MAX_HOURLY_SPAN, Unit, activity  # noqa: E402
from tui.entry_actions import nearest_in_span  # noqa: E402

ZONE = ZoneInfo("Europe/Kyiv")
START = datetime(2022, 2, 24, 6, tzinfo=ZONE).timestamp()


def per_entry(instants: Sequence[float], zone: tzinfo) -> tuple[int, ...]:
    """The reference: each entry converted to the zone's clock and floored on its own."""
    times = [datetime.fromtimestamp(t, zone) for t in instants]
    oldest, newest = min(times), max(times)
    unit = Unit.HOUR if newest - oldest <= MAX_HOURLY_SPAN else Unit.DAY

    def floor(at: datetime) -> datetime:
        wall = at.replace(tzinfo=None, second=0, microsecond=0, minute=0)
        return wall if unit is Unit.HOUR else wall.replace(hour=0)

    step = timedelta(hours=1) if unit is Unit.HOUR else timedelta(days=1)
    tally = Counter(floor(t) for t in times)
    counts, wall = [], floor(oldest)
    while wall <= floor(newest):
        counts.append(tally.get(wall, 0))
        wall += step
    return tuple(counts)


def median_ms(run: Callable[..., object], runs: int, *args: object) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        run(*args)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    rng = random.Random(12)
    for days in (2, 300):
        instants = sorted(
            (START + rng.random() * days * 86400 for _ in range(options.entries)), reverse=True
        )
        assert activity(instants, ZONE).counts == per_entry(instants, ZONE)
        new = median_ms(activity, options.runs, instants, ZONE)
        old = median_ms(per_entry, options.runs, instants, ZONE)
        unit = activity(instants, ZONE).unit
        print(
            f"{options.entries} entries over {days} days (per {unit}): "
            f"{new:.0f} ms, per-entry conversion {old:.0f} ms ({old / new:.1f}x)"
        )
        keys = [-t for t in instants]
        middle = START + days * 43200
        jump = median_ms(nearest_in_span, options.runs, keys, middle, middle + 3600)
        print(f"  a jump from the strip: {jump * 1000:.0f} µs")


if __name__ == "__main__":
    main()
