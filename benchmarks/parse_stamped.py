"""Throughput of the stamped-text parser on generated live blogs.

Generates at least 20 MB of varied stamp-separated live-blog text in memory (Guardian-,
Sky-, CNN-, AP-style, German and French tickers, 2011-style lead stamps, glued and suffix
stamps), parses every page through the full reading path (cleaning, format detection,
parsing, finishing), and prints MB/s, entries/s, the median of several runs, and the share of
time spent inside ``dateparser`` (which must stay out of the hot path).

    .venv/bin/python benchmarks/parse_stamped.py [--mb 20] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsers import parse_text  # noqa: E402

WORDS = (
    "harbour council ferry union talks minister said officials port workers strike vote "
    "morning evening city residents police road bridge river storm power engineers crews "
    "statement meeting reporters government schools trains weather warning people night "
    "agreement deal plan week today tomorrow hours report service the of and to in on for"
).split()

BOILER = ["Share", "Copy link", "Reuse this content", "Recommended Videos", "Advertisement"]


def _sentence(rng: random.Random, low: int = 8, high: int = 30) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.15:
        words.insert(rng.randrange(len(words)), f"at {rng.randint(1, 12)}.{rng.randint(10, 59)}pm")
    if rng.random() < 0.1:
        words.insert(rng.randrange(len(words)), f"(see {rng.randint(8, 20)}.{rng.randint(10, 59)})")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random) -> list[str]:
    out = [_sentence(rng) + " " + _sentence(rng) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.2:
        out.append(f"{_sentence(rng, 4, 8)} Photograph: Jane Roe/Harbour Agency")
    if rng.random() < 0.3:
        out.append(rng.choice(BOILER))
    return out


def _title(rng: random.Random) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 8)))
    return text[0].upper() + text[1:]


def _times(rng: random.Random, count: int) -> list[int]:
    minute = rng.randint(18 * 60, 23 * 60 + 59)
    out = []
    for _ in range(count):
        out.append(minute % (24 * 60))
        minute -= rng.randint(3, 40)
    return out


def guardian(rng: random.Random, count: int) -> str:
    lines = [_title(rng), _sentence(rng), "Fri 19 Feb 2021 23.41 GMT", "Live feed", ""]
    for minute in _times(rng, count):
        lines += [f"{rng.randint(1, 9)}h ago", f"{minute // 60}.{minute % 60:02d} GMT"]
        if rng.random() < 0.6:
            lines.append(_title(rng))
        for paragraph in _paragraphs(rng):
            lines += ["", paragraph]
        if rng.random() < 0.2:
            lines.append(f"Updated at {minute // 60}.{minute % 60:02d} GMT")
        lines.append("")
    return "\n".join(lines)


def sky(rng: random.Random, count: int) -> str:
    lines = ["Live", _title(rng), "Friday 3 March 2023 23:05, UK", "Sort by:", ""]
    for minute in _times(rng, count):
        lines += [f"{rng.randint(1, 9)}h ago", f"{minute // 60:02d}:{minute % 60:02d}", _title(rng)]
        if rng.random() < 0.5:
            lines.append("By Anna Green, South West correspondent, in Penzance")
        for paragraph in _paragraphs(rng):
            lines += ["", paragraph]
        lines += ["Copy link", ""]
    return "\n".join(lines)


def cnn(rng: random.Random, count: int) -> str:
    lines = ["Live Updates", "March 15, 2022 Harbour news", "02:23 - Source: CNN", ""]
    for minute in _times(rng, count):
        hour = minute // 60
        twelve = hour % 12 or 12
        ampm = "a.m." if hour < 12 else "p.m."
        lines += [f"{twelve}:{minute % 60:02d} {ampm} ET, March 15, 2022", _title(rng), ""]
        lines += ["From CNN's Maria Lopez and Tom Becker", ""]
        for paragraph in _paragraphs(rng):
            lines += [paragraph, ""]
    return "\n".join(lines)


def german(rng: random.Random, count: int) -> str:
    lines = ["Liveticker", _title(rng), "Stand: 12. Februar 2023, 23:40 Uhr", ""]
    for minute in _times(rng, count):
        lines += [f"{minute // 60:02d}:{minute % 60:02d} Uhr", _title(rng), ""]
        for paragraph in _paragraphs(rng):
            lines += [paragraph.replace(" the ", " die "), ""]
    return "\n".join(lines)


def lead_2011(rng: random.Random, count: int) -> str:
    lines = ["Politics live blog - Monday 20 June 2011", ""]
    for minute in reversed(_times(rng, count)):
        hour = minute // 60
        twelve = hour % 12 or 12
        lines += [f"{twelve}.{minute % 60:02d}{'am' if hour < 12 else 'pm'}: {_sentence(rng)}", ""]
        for paragraph in _paragraphs(rng)[1:]:
            lines += [paragraph, ""]
    return "\n".join(lines)


def glued(rng: random.Random, count: int) -> str:
    # A header date only dateparser reads: the one place it may run (cached per line).
    lines = ["River festival live", f"the {rng.randint(1, 28)}th of June, 2023", ""]
    for minute in _times(rng, count):
        stamp = f"{minute // 60:02d}:{minute % 60:02d}"
        if rng.random() < 0.5:
            lines.append(f"{stamp}{_title(rng)}")
        else:
            lines.append(f"{_title(rng)} {stamp}")
        for paragraph in _paragraphs(rng):
            lines += [paragraph]
        lines.append("")
    return "\n".join(lines)


LAYOUTS: tuple[Callable[[random.Random, int], str], ...] = (
    guardian, sky, cnn, german, lead_2011, glued,
)


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pages: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        layout = LAYOUTS[len(pages) % len(LAYOUTS)]
        page = layout(rng, rng.randint(40, 160))
        pages.append(page)
        size += len(page.encode("utf-8"))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    pages = corpus(args.mb)
    total_bytes = sum(len(p.encode("utf-8")) for p in pages)

    import dateparser

    spent = [0.0]
    real_parse = dateparser.parse

    def timed_parse(*a: object, **k: object) -> object:
        started = time.perf_counter()
        try:
            return real_parse(*a, **k)  # type: ignore[arg-type]
        finally:
            spent[0] += time.perf_counter() - started

    dateparser.parse = timed_parse  # type: ignore[assignment]

    formats: dict[str, int] = {}
    for page in pages[: len(LAYOUTS)]:  # warm-up: imports, regex compilation, caches
        parse_text(page)

    durations: list[float] = []
    walls: list[float] = []
    dateparser_shares: list[float] = []
    entries = 0
    for _ in range(args.runs):
        spent[0] = 0.0
        entries = 0
        started, started_cpu = time.perf_counter(), time.process_time()
        for page in pages:
            document = parse_text(page)
            entries += len(document.entries)
            formats[document.format] = formats.get(document.format, 0) + 1
        wall = time.perf_counter() - started
        durations.append(time.process_time() - started_cpu)
        walls.append(wall)
        dateparser_shares.append(spent[0] / wall)

    # CPU time of this process (one core): steadier than wall time on a shared machine.
    median = statistics.median(durations)
    print(f"corpus: {len(pages)} pages, {total_bytes / 1e6:.1f} MB, {entries} entries per run")
    print(f"formats chosen (all runs): {dict(sorted(formats.items()))}")
    print(f"runs (CPU): {', '.join(f'{d:.2f}s' for d in durations)}")
    print(f"runs (wall): {', '.join(f'{d:.2f}s' for d in walls)}")
    print(f"median CPU: {median:.2f}s  ->  {total_bytes / 1e6 / median:.1f} MB/s, "
          f"{entries / median:,.0f} entries/s; median wall "
          f"{total_bytes / 1e6 / statistics.median(walls):.1f} MB/s")
    print(
        f"dateparser share of time: median {statistics.median(dateparser_shares):.2%}, "
        f"worst run {max(dateparser_shares):.2%} (the first run fills its cache)"
    )


if __name__ == "__main__":
    main()
