"""Bounds per input: memory a few times the text, and honest messages at the limits."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

from parsers.finish import first_words
from parsers.read import parse_bytes, parse_file, too_large

MEMORY_BOUND = 10
"""Peak memory while parsing text, as a multiple of its size (measured: about 4 for one long
line; documents of tiny entries cost about 0.7 KB per entry in all)."""

TINY_ENTRY_BOUND = 30
"""Peak memory while parsing a document of 27-byte entries, as a multiple of its size
(measured 24.9 at 2 MB and 24.7 at 8 MB; it was 42.7 before entry drafts stopped holding
empty lists and TimeOfDay records were shared)."""

_TINY_ENTRIES_PEAK = """
import sys, tracemalloc
from parsers.read import parse_bytes
count = int(sys.argv[1])
data = "".join(
    f"{23 - k // 60 % 24:02d}:{59 - k % 60:02d}\\nThe roads are open.\\n\\n" for k in range(count)
).encode()
tracemalloc.start()
document = parse_bytes(data, "tiny.txt")
peak = tracemalloc.get_traced_memory()[1]
print(len(document.entries), peak / len(data))
"""


def _peak_multiple(path: Path) -> float:
    tracemalloc.start()
    try:
        parse_file(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / path.stat().st_size


def test_one_long_line_costs_a_few_times_its_size(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet ".split()
    path.write_text(" ".join(words[n % len(words)] for n in range(800_000)) + "\n")
    assert _peak_multiple(path) < MEMORY_BOUND


def test_prose_costs_a_few_times_its_size(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    post = "Officials said the crossing reopened at dawn, after a night of talks. " * 12
    path.write_text("".join(f"{n % 24:02d}:{n % 60:02d} BST\n\n{post}\n\n" for n in range(4000)))
    assert _peak_multiple(path) < MEMORY_BOUND


def test_tiny_entries_cost_a_bounded_multiple_of_their_size() -> None:
    # A fresh interpreter: nothing cached by earlier tests counts, nothing of this one stays.
    count = 40_000  # about 1 MB: the multiple is the same at 2 and 8 MB
    result = subprocess.run(
        [sys.executable, "-c", _TINY_ENTRIES_PEAK, str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    entries, multiple = result.stdout.split()
    assert int(entries) == count
    assert float(multiple) < TINY_ENTRY_BOUND


def test_first_words_reads_only_the_start_of_a_long_text() -> None:
    text = "  one\ttwo \n three " + "x" * 5_000_000
    assert first_words(text, 12) == "one two thre"
    assert first_words("a  b", 160) == "a b"
    assert first_words("   ", 5) == ""


def test_too_large_says_the_real_size(tmp_path: Path) -> None:
    assert too_large(64 * 2**20 + 1, 64 * 2**20) == (
        "too large (67,108,865 bytes; the limit is 67,108,864 bytes)"
    )
    assert too_large(100 * 2**20, 64 * 2**20) == "too large (100 MiB; the limit is 64 MiB)"
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2049)
    message = parse_file(str(path), max_bytes=2048).problems[0].message
    assert message == "too large (2,049 bytes; the limit is 2,048 bytes)"


def test_json_ld_with_lone_surrogates_gives_fffd() -> None:
    page = (
        b'<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
        b' "@type": "LiveBlogPosting", "headline": "Live \\ud800",'
        b' "liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Up \\udc9b[31m",'
        b' "articleBody": "Body \\udc9d0;x one.", "datePublished": "2024-01-01T10:00:00Z"},'
        b' {"@type": "BlogPosting", "headline": "Two", "articleBody": "Second.",'
        b' "datePublished": "2024-01-01T11:00:00Z"}]}</script></head><body></body></html>'
    )
    document = parse_bytes(page, "page.html")
    assert document.format == "jsonld"
    assert [e.title for e in document.entries] == ["Up \ufffd[31m", "Two"]
    for entry in document.entries:
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in "".join(entry.body))
