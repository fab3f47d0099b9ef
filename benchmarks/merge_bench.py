"""The cost of merging copies of one page and of grouping near-duplicates across pages.

Merging: pages saved 12 times each (every snapshot has 20 posts, two of them new on top),
``N`` entries read in all, put into a :class:`tui.engine.timeline.Timeline` the way the
reader's loading does (and merged alone, :func:`tui.engine.copies.merge_documents`).
Grouping: ``N`` distinct posts of 40-word bodies (words drawn by Zipf's law from 20,000) on
pages of 20 posts, 1 in 100 carried
(lightly edited) by a second page, through :class:`tui.engine.grouping.Grouper`.

    python benchmarks/merge_bench.py [--sizes 10000 100000] [--runs 3]

Prints the median of ``--runs`` runs per size and the cost per entry, so the growth from one
size to the next shows (linear: the same cost per entry).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsers.finish import make_id  # noqa: E402
from parsers.model import Author, Document, Entry, Source, Timestamp  # noqa: E402
from tui.engine.copies import merge_documents  # noqa: E402
from tui.engine.grouping import Grouper  # noqa: E402
from tui.engine.timeline import Timeline  # noqa: E402

COPIES = 12
PER_COPY = 20
NEW_PER_COPY = 2
WORDS = (
    "port crane union dockers talks wages night shift ferry cargo berth pickets council "
    "minister vote offer harbour tanker pilots strike rail bridge tide warehouse lorry "
    "ballot mayor court police inquiry budget storm river flood army border grain"
).split()
START = datetime(2024, 5, 3, 6, 0, tzinfo=UTC)


def snapshots(entries: int) -> list[Document]:
    """Pages saved :data:`COPIES` times, :data:`PER_COPY` posts a copy: ``entries`` in all."""
    pages = max(1, entries // (COPIES * PER_COPY))
    documents = []
    for page in range(pages):
        posts = [
            (START + timedelta(minutes=3 * n + page % 50), f"Page {page} post {n} headline")
            for n in range(PER_COPY + NEW_PER_COPY * (COPIES - 1))
        ]
        for copy in range(COPIES):
            path = f"/bench/page{page}-{copy:02d}.html"
            source = Source(path, path.rsplit("/", 1)[1])
            held = posts[copy * NEW_PER_COPY : copy * NEW_PER_COPY + PER_COPY]
            entries_of = tuple(
                Entry(
                    id=make_id(path, title, 0),
                    source=source,
                    position=position,
                    published=Timestamp(at),
                    title=title,
                    authors=(Author("Ana Pires"),),
                    body=(f"Opening words of {title.lower()} as reported.", "More."),
                )
                for position, (at, title) in enumerate(reversed(held))
            )
            documents.append(
                Document(
                    source,
                    "html",
                    entries_of,
                    title=f"Page {page} live",
                    url=f"https://example.org/live/{page}",
                )
            )
    return documents


LEXICON = [f"{WORDS[n % len(WORDS)]}{n}" for n in range(20_000)]
"""Made-up words for the grouping posts, drawn by Zipf's law (a few common, most rare)."""
WEIGHTS = [1.0 / (rank + 1) for rank in range(len(LEXICON))]


def distinct_posts(count: int, seed: int = 5) -> list[tuple[Entry, str, str]]:
    """``count`` posts on pages of 20, one in 100 carried again by the next page."""
    rng = random.Random(seed)
    out: list[tuple[Entry, str, str]] = []
    for n in range(count):
        page = n // PER_COPY
        if n % 100 == 99 and out:
            original = out[-50][0]
            words = original.body[0].split()
            words[rng.randrange(len(words))] = "reportedly"
            body = " ".join(words)
            at = original.published.at + timedelta(minutes=20)  # type: ignore[union-attr]
        else:
            body = " ".join(rng.choices(LEXICON, WEIGHTS, k=40))
            at = START + timedelta(seconds=rng.randrange(3 * 86400))
        path = f"/bench/outlet{page}.html"
        entry = Entry(
            id=f"p{n}",
            source=Source(path, f"outlet{page}.html"),
            position=n % PER_COPY,
            published=Timestamp(at),
            body=(body,),
        )
        out.append((entry, path, f"Outlet {page}"))
    return out


def timed(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def load(documents: list[Document]) -> Timeline:
    timeline = Timeline()
    timeline.upsert_many(documents)
    return timeline


def group(triples: list[tuple[Entry, str, str]]) -> int:
    grouper = Grouper()
    grouper.add(triples)
    return len(grouper.groups().members)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"merging: {COPIES} copies a page, {PER_COPY} posts a copy, {NEW_PER_COPY} new each")
    for size in args.sizes:
        documents = snapshots(size)
        read = sum(len(d.entries) for d in documents)
        merged = merge_documents(documents)
        posts = sum(len(d.entries) for d in merged)
        alone = timed(partial(merge_documents, documents), args.runs)
        loaded = timed(partial(load, documents), args.runs)
        print(
            f"  {read:>7} entries read ({len(documents)} files, {len(merged)} pages, {posts} "
            f"posts): merge {alone:.3f} s ({alone / read * 1e6:.1f} us/entry), "
            f"timeline load with merging {loaded:.3f} s ({loaded / read * 1e6:.1f} us/entry)"
        )
    print("grouping: 40-word posts, 1 in 100 carried by a second page")
    for size in args.sizes:
        triples = distinct_posts(size)
        spent = timed(partial(group, triples), args.runs)
        found = group(triples)
        tracemalloc.start()
        kept = Grouper()
        kept.add(triples)
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del kept
        print(
            f"  {size:>7} posts: {spent:.3f} s ({spent / size * 1e6:.1f} us/post), "
            f"{found} groups (of {size // 100} carried twice), "
            f"{held / size:.0f} bytes/post held"
        )


if __name__ == "__main__":
    main()
