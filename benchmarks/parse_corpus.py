"""Parsing throughput on a large mixed corpus of live-blog text: MB/s and entries/s.

Builds a corpus of at least 50 MB (by default) in memory: the seed layouts re-cut from the
seeds' own sentences, and the stamp-separated layouts of ``parse_stamped.py`` (Guardian,
Sky, CNN, German ticker, 2011 minute-by-minute, glued stamps). Every page goes through
``parse_bytes`` (decoding, detection, parsing, finishing) on one core. Prints the median of
several runs. Feeds and HTML are measured by ``markup_throughput.py``.

    python benchmarks/parse_corpus.py [--mb 50] [--runs 5]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import re
import statistics
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from parsers import parse_bytes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    found = re.findall(r"[A-Z][^.!?\n]{30,240}[.!?]", text)
    return sorted(set(found))


def _headline(rng: random.Random, sentences: list[str]) -> str:
    words = rng.choice(sentences).rstrip(".!?").split()
    return " ".join(words[: rng.randint(4, 9)])


def _body(rng: random.Random, sentences: list[str]) -> list[str]:
    return [
        " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
        for _ in range(rng.randint(2, 7))
    ]


def numbered_page(rng: random.Random, sentences: list[str]) -> str:
    start = datetime(2022, 2, 21, 23, 0) - timedelta(minutes=rng.randint(0, 600))
    out = ["Summary", ""] + [f"  • {rng.choice(sentences)}" for _ in range(5)] + [""]
    when = start
    for number in range(1, rng.randint(20, 60)):
        when -= timedelta(minutes=rng.randint(3, 40))
        stamp = f"{when:%H:%M} Greenwich Mean Time {when.day} {when:%B %Y}"
        out.append(f"  {number}. {_headline(rng, sentences)}published at {stamp}")
        out.append("")
        if rng.random() < 0.3:
            out += ["    Jane Example", "    BBC Europe correspondent", ""]
        if rng.random() < 0.4:
            out += [f"    {_headline(rng, sentences)}Image source, Reuters", ""]
        for paragraph in _body(rng, sentences):
            out += [f"    {paragraph}", ""]
    return "\n".join(out)


def headlines_page(rng: random.Random, sentences: list[str]) -> str:
    out = ["WAR", "", _headline(rng, sentences), "", _headline(rng, sentences), ""]
    for post in range(rng.randint(5, 30)):
        if post:
            out += [_headline(rng, sentences), ""]
        for paragraph in _body(rng, sentences):
            out += [paragraph, ""]
    out += ["WATCH: The latest news from around the World"]
    return "\n".join(out)


def article_page(rng: random.Random, sentences: list[str]) -> str:
    title = _headline(rng, sentences)
    out = [f" date 2022-02-{rng.randint(10, 28)} {title}", "", title, ""]
    for paragraph in _body(rng, sentences) * 3:
        out += [paragraph, ""]
    out += ["Jane Example News Reporter.", "", "Share this:", "", "Leave a Reply"]
    return "\n".join(out)


def _stamped_layouts() -> list[Callable[[random.Random, list[str]], str]]:
    """The stamp-separated layouts of ``parse_stamped.py`` (Guardian, Sky, CNN, German...)."""
    import parse_stamped  # beside this script

    def wrap(
        layout: Callable[[random.Random, int], str],
    ) -> Callable[[random.Random, list[str]], str]:
        return lambda rng, _sentences: layout(rng, rng.randint(15, 50))

    return [wrap(layout) for layout in parse_stamped.LAYOUTS]


LAYOUTS: list[Callable[[random.Random, list[str]], str]] = [
    numbered_page,
    headlines_page,
    article_page,
    *_stamped_layouts(),
]


def build_corpus(megabytes: float, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    sentences = _sentences()
    pages: list[bytes] = []
    total = 0
    target = int(megabytes * 1_000_000)
    while total < target:
        page = rng.choice(LAYOUTS)(rng, sentences).encode("utf-8")
        pages.append(page)
        total += len(page)
    return pages


def run_once(pages: list[bytes]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (less disturbed by other work on the machine), entries."""
    started, cpu = time.perf_counter(), time.process_time()
    entries = 0
    for index, page in enumerate(pages):
        entries += len(parse_bytes(page, f"page-{index}.txt").entries)
    return time.perf_counter() - started, time.process_time() - cpu, entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    args = parser.parse_args()
    pages = build_corpus(args.mb)
    size_mb = sum(map(len, pages)) / 1_000_000
    print(f"corpus: {len(pages)} pages, {size_mb:.1f} MB")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(run_once, pages[: max(1, len(pages) // 10)])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
        return
    walls, cpus = [], []
    entries = 0
    for run in range(args.runs):
        wall, cpu, entries = run_once(pages)
        walls.append(wall)
        cpus.append(cpu)
        print(f"run {run + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU, {size_mb / cpu:.1f} MB/s")
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"median over {args.runs} runs: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"throughput (CPU): {size_mb / cpu:.1f} MB/s, {entries / cpu:,.0f} entries/s")
    print(f"throughput (wall): {size_mb / wall:.1f} MB/s")
    print(f"entries: {entries:,}; target 10 MB/s -> ratio {size_mb / cpu / 10:.2f}x (CPU)")


if __name__ == "__main__":
    main()
