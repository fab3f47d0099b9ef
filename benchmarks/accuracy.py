"""Parsing accuracy: entry F1, precision, recall and timestamp, title, author and label accuracy.

Over the seeds and every test fixture with an ``*.expected.json`` sidecar (per format), and
over the generated layouts of ``tests/layout_generator.py`` (overall, per chosen format, per
value of every generator axis, and the worst pairs of values). Entries are matched one to one
by body overlap; see ``tests/accuracy_support.py`` for the rules.

    python benchmarks/accuracy.py [--pages 1000] [--seed 9] [--floors]

``--floors`` also prints the ``FLOOR_*`` constants of ``tests/test_generated_layouts.py`` for
the parser as it is now (measured minus 0.02).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from accuracy_support import (  # noqa: E402
    Result,
    Tally,
    by_choice,
    describe_worst,
    fixtures,
    score_fixture,
    score_pages,
    shortfalls,
    total,
)
from layout_generator import corpus  # noqa: E402

F1_TARGET, TIME_TARGET, PER_CHOICE_TARGET = 0.95, 0.95, 0.85
"""The targets of issue 9 (also in the test)."""

HEADER = (
    f"{'':34} {'pages':>5} {'posts':>5} {'F1':>5} {'prec':>5} {'rec':>5} "
    f"{'time':>5} {'title':>5} {'auth':>5} {'label':>5}"
)


def row(name: str, tally: Tally) -> str:
    return (
        f"{name:34.34} {tally.pages:5d} {tally.truth:5d} {tally.f1:5.3f} {tally.precision:5.3f} "
        f"{tally.recall:5.3f} {tally.time:5.3f} {tally.rate('title'):5.3f} "
        f"{tally.rate('author'):5.3f} {tally.rate('label'):5.3f}"
    )


def report_fixtures() -> None:
    print("== fixtures and seeds")
    print(HEADER)
    per_format: dict[str, Tally] = defaultdict(Tally)
    overall = Tally()
    for fixture in fixtures():
        chosen, tally = score_fixture(fixture)
        note = "" if chosen == fixture.format else f" (parsed as {chosen})"
        print(row(f"{fixture.path.parent.name}/{fixture.path.name}{note}", tally))
        per_format[fixture.format].add(tally)
        overall.add(tally)
    print("-- per format")
    for name, tally in sorted(per_format.items()):
        print(row(name, tally))
    print(row("ALL FIXTURES", overall))


def report_generated(results: list[Result]) -> None:
    print(f"\n== generated layouts ({len(results)} pages)")
    print(HEADER)
    print(row("ALL GENERATED", total(results)))
    tallies = by_choice(results)
    axis_order: list[str] = list(dict.fromkeys(axis for axis, _ in tallies))
    for axis in sorted(axis_order, key=lambda a: (a != "format", a)):
        print(f"-- {axis}")
        for (name, value), tally in sorted(tallies.items()):
            if name == axis:
                print(row(f"  {value}", tally))
    print()
    print(describe_worst(results, 10))
    missing = shortfalls(results, F1_TARGET, TIME_TARGET, PER_CHOICE_TARGET)
    print(f"\nissue targets (F1 {F1_TARGET}, time {TIME_TARGET}, per choice {PER_CHOICE_TARGET}):")
    print("  met" if not missing else f"  {len(missing)} short, worst first:")
    for line in missing[:25]:
        print(f"  {line}")


def _floor(value: float) -> float:
    return max(0.0, math.floor((value - 0.02) * 100) / 100)


def print_floors(results: list[Result]) -> None:
    overall = total(results)
    print("\n# --- regression floors for tests/test_generated_layouts.py ---")
    print(f"FLOOR_F1 = {_floor(overall.f1)}")
    print(f"FLOOR_TIME = {_floor(overall.time)}")
    print("FLOOR_PER_CHOICE: dict[str, tuple[float, float]] = {")
    for (axis, value), tally in sorted(by_choice(results).items()):
        if axis != "format":
            print(f'    "{axis}={value}": ({_floor(tally.f1)}, {_floor(tally.time)}),')
    print("}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="generated pages")
    parser.add_argument("--seed", type=int, default=9, help="generator seed")
    parser.add_argument("--floors", action="store_true", help="print the test's FLOOR_* values")
    args = parser.parse_args()
    report_fixtures()
    results = score_pages(corpus(args.pages, args.seed))
    report_generated(results)
    if args.floors:
        print_floors(results)


if __name__ == "__main__":
    main()
