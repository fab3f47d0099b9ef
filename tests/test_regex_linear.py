"""No regular expression of the parsers or the engine blows up on pathological text.

Every module-level pattern runs (``search`` and ``match``) on runs of spaces, digits, dots,
colons, ``am``, letters... as the parsers see them (after :func:`parsers.decode.clean`), at two
lengths. The time may grow about linearly: the ratio of the two times is checked, never an
absolute time. A quadratic pattern gives a ratio near 64 for eight times the length, a linear
one near 8. Patterns only ever applied to bounded input are listed with their bound.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import parsers
import tui.engine
from parsers.decode import clean
from parsers.formats.stamped import _NAV_SUFFIX
from parsers.read import parse_text

BOUNDED = {
    "parsers.boilerplate.BOILERPLATE_RE": "is_boilerplate: lines of at most 220 characters",
    "parsers.boilerplate._HEADINGS": "is_summary_heading: lines of at most 40 characters",
    "parsers.formats.feed_fast._EMAIL": "_sync_author: author texts of at most 300 characters",
}
UNITS = [" ", "\t", "\u3000", "\xa0", "1", ".", ":", "am", "a", "A", "Aa ", "1 ", "1:", ". "]
UNITS += [": ", "am ", "- ", "|", ", ", "<", "&", "@", "a@", "(", "'"]
SHORT, LONG = 2000, 16000
MAX_RATIO = 24.0
"""Eight times the input may cost at most this many times as much (linear: about 8, quadratic
about 64): a wide margin, as the machine may be busy."""
NOISE = 0.004
"""Below this many seconds for the long input a pattern is fast, whatever the ratio."""


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for package in (parsers, tui.engine):
        names = [package.__name__]
        names += [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
        for name in names:
            module = importlib.import_module(name)
            for attr, value in vars(module).items():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found.setdefault(f"{module.__name__}.{attr}", value)
    return found


def _time(pattern: re.Pattern[str], text: str) -> float:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        pattern.search(text)
        pattern.match(text)
        best = min(best, time.perf_counter() - start)
    return best


def _slow_units(pattern: re.Pattern[str]) -> list[tuple[str, float, float]]:
    slow = []
    for unit in UNITS:
        short = clean(f"Word {unit * SHORT} word")
        long = clean(f"Word {unit * LONG} word")
        t_long = _time(pattern, long)
        if t_long < NOISE:
            continue
        t_short = _time(pattern, short)
        ratio = t_long / max(t_short, 1e-6)
        for _ in range(3):  # measured again: a busy machine can stall a run (the best counts)
            if ratio <= MAX_RATIO:
                break
            t_short, t_long = _time(pattern, short), _time(pattern, long)
            ratio = min(ratio, t_long / max(t_short, 1e-6))
        if ratio > MAX_RATIO and t_long >= NOISE:
            slow.append((unit, t_short, t_long))
    return slow


PATTERNS = _patterns()


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - set(BOUNDED)))
def test_pattern_time_grows_about_linearly(name: str) -> None:
    assert _slow_units(PATTERNS[name]) == []


def test_the_audit_sees_every_pattern_module() -> None:
    assert "parsers.formats.stamped._NAV_SUFFIX" in PATTERNS
    assert set(BOUNDED) <= set(PATTERNS)
    assert len(PATTERNS) > 80


def test_nav_suffix_is_linear_on_a_raw_run_of_spaces() -> None:
    """The pattern that went cubic, on a run no cleaning has shortened."""
    ratios = []
    for unit in (" ", "\t", "\u3000"):
        short = _time(_NAV_SUFFIX, f"word{unit * 2000}word")
        long = _time(_NAV_SUFFIX, f"word{unit * 16000}word")
        ratios.append(long / max(short, 1e-6) if long >= NOISE else 1.0)
    assert max(ratios) < MAX_RATIO
    assert _NAV_SUFFIX.search("Minister resigns | Politics  View post")
    assert _NAV_SUFFIX.sub("", "Minister resigns | Politics View post") == "Minister resigns"
    assert _NAV_SUFFIX.sub("", "Minister resigns   View post") == "Minister resigns"


def test_a_page_header_with_a_long_run_of_spaces_parses_quickly() -> None:
    def parse_time(width: int) -> float:
        header = "Live: Minister" + " " * width + "resigns | Politics View post"
        text = f"{header}\n\n10:32 BST\n\nA post body that says something.\n"
        start = time.perf_counter()
        parse_text(text, "page.txt")
        return time.perf_counter() - start

    short, long = parse_time(1000), parse_time(8000)
    assert long < NOISE or long / short < MAX_RATIO
