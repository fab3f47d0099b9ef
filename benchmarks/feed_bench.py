"""Feed benchmark: ``liveblog parse --json`` on a large RSS feed against ``newsboat -x reload``.

Writes RSS 2.0 feeds of 5,000 and 10,000 items (title, link, guid, date, ``dc:creator``, two
categories, a description and ``content:encoded`` HTML) in a temporary folder, then times, in
alternating pairs, ``liveblog parse --json`` on each and newsboat reloading it from an empty
cache (a ``file://`` URL in a urls file; skipped with a message when newsboat is not
installed). CPU seconds (user + system), wall seconds and the peak RSS of each process; medians
of the runs and the ratio of the medians. ``--base`` also times another checkout of liveblog
(``--base /work/main``: the tree before a change) in the same pairs. Prints numbers; never
passes or fails.

    .venv/bin/python benchmarks/feed_bench.py [--items 5000 10000] [--runs 5] [--base DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = (
    "the of and to in a is that for on with as was by at from his her said council bridge river "
    "minister forces city border government people officials capital region talks europe support "
    "reported according statement early morning evening strike aid energy prices"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def rss_feed(items: int, seed: int = 1) -> str:
    """An RSS 2.0 feed of ``items`` items, each about 900 bytes, newest first."""
    rng = random.Random(seed)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:media="http://search.yahoo.com/mrss/">',
        "<channel><title>Bench &amp; feed</title><link>https://example.com/</link>"
        "<description>Generated feed</description>",
    ]
    for n in range(items):
        paragraphs = "".join(
            f"<p>{_sentence(rng, rng.randrange(20, 60))}</p>" for _ in range(rng.randrange(1, 4))
        )
        minutes = (items - n) * 7  # newest first, seven minutes apart
        stamp = time.strftime(
            "%a, %d %b %Y %H:%M:%S +0000", time.gmtime(1_709_600_000 + minutes * 60)
        )
        out.append(
            f"<item><title>{_sentence(rng, rng.randrange(4, 10))}</title>"
            f"<link>https://example.com/a/{n}</link>"
            f'<guid isPermaLink="false">id-{n}</guid><pubDate>{stamp}</pubDate>'
            f"<dc:creator>Reporter {n % 40}</dc:creator><category>News</category>"
            f"<category>Topic {n % 7}</category><description>{_sentence(rng, 15)}</description>"
            f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>"
        )
    out.append("</channel></rss>")
    return "\n".join(out)


@dataclass
class Run:
    cpu: float
    wall: float
    peak_mib: float


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """CPU (user + system), wall time and peak RSS of one process (``os.wait4``)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        print(f"  warning: {command[0]} exited with {process.returncode}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def liveblog(tree: Path, feed: Path) -> Run:
    """``liveblog parse --json`` of the checkout ``tree`` (its own ``tui``/``parsers``)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    return timed([sys.executable, "-m", "tui", "parse", "--json", str(feed)], tree, env)


def newsboat(folder: Path, feed: Path) -> Run:
    """``newsboat -x reload`` of the feed from an empty cache."""
    urls, config, cache = folder / "urls", folder / "config", folder / "cache.db"
    urls.write_text(feed.as_uri() + "\n")
    config.write_text("")
    for stale in folder.glob("cache.db*"):
        stale.unlink()
    binary = shutil.which("newsboat") or "newsboat"
    return timed([binary, "-u", str(urls), "-c", str(cache), "-C", str(config), "-x", "reload"],
                 folder)  # fmt: skip


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def report(name: str, runs: list[Run]) -> None:
    print(
        f"  {name:<22} CPU {median(runs, 'cpu'):6.2f} s   wall {median(runs, 'wall'):6.2f} s   "
        f"peak {median(runs, 'peak_mib'):5.0f} MiB   (CPU: "
        + ", ".join(f"{run.cpu:.2f}" for run in runs)
        + ")"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[5000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--base", type=Path, help="another liveblog checkout to time as well")
    options = parser.parse_args()
    has_newsboat = shutil.which("newsboat") is not None
    if not has_newsboat:
        print("newsboat is not installed (apt-get install newsboat): timing liveblog only")
    with tempfile.TemporaryDirectory(prefix="feed-bench-") as temporary:
        folder = Path(temporary)
        for items in options.items:
            feed = folder / f"feed-{items}.xml"
            feed.write_text(rss_feed(items), encoding="utf-8")
            size = feed.stat().st_size / 2**20
            results: dict[str, list[Run]] = {"liveblog": [], "base": [], "newsboat": []}
            for _ in range(options.runs):  # alternating, so all see the same load
                results["liveblog"].append(liveblog(ROOT, feed))
                if options.base is not None:
                    results["base"].append(liveblog(options.base, feed))
                if has_newsboat:
                    results["newsboat"].append(newsboat(folder, feed))
            print(f"{items:,} items ({size:.1f} MiB), {options.runs} runs, medians:")
            report("liveblog parse --json", results["liveblog"])
            mine = median(results["liveblog"], "cpu")
            mine_wall = median(results["liveblog"], "wall")
            if results["base"]:
                report(f"base ({options.base})", results["base"])
                base = median(results["base"], "cpu")
                print(f"    speed-up over base: CPU {base / mine:.2f}x, "
                      f"wall {median(results['base'], 'wall') / mine_wall:.2f}x")  # fmt: skip
            if results["newsboat"]:
                report("newsboat -x reload", results["newsboat"])
                other = median(results["newsboat"], "cpu")
                other_wall = median(results["newsboat"], "wall")
                print(f"    liveblog / newsboat: CPU {mine / other:.2f}x, "
                      f"wall {mine_wall / other_wall:.2f}x (target <= 1.0)")  # fmt: skip
            print(f"    liveblog per 1,000 items: {mine / items * 1000:.3f} s CPU")


if __name__ == "__main__":
    main()
