"""Text that is not a live blog or article is reported as such, not turned into entries."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import parsers.finish
from parsers import parse_file, parse_text
from parsers.formats.unstructured import shape

PYTHON = '''"""Fictional helpers for a weather station."""

from __future__ import annotations

import math

LIMIT = 40


def gust(speed: float, factor: float = 1.4) -> float:
    """Peak speed for a mean speed."""
    if speed < 0:
        raise ValueError(speed)
    return min(LIMIT, speed * factor)


class Station:
    def __init__(self, name: str) -> None:
        self.name = name
        self.readings: list[float] = []

    def add(self, value: float) -> None:
        self.readings.append(math.floor(value))
'''


def _settings(rng: random.Random) -> str:
    """An INI or key=value file from independent choices (sections, comments, separators)."""
    keys = ["timeout", "retries", "path", "colour", "mode", "level", "host", "backup_time"]
    values = ["30", "/var/lib/orchard", "blue", "fast", "10:30", "10.0.0.7", "yes", "0644"]
    out = []
    if rng.random() < 0.5:
        out += ["# Settings for the orchard monitor.", "# Change with care.", ""]
    for section in range(rng.randint(1, 4)):
        if rng.random() < 0.6:
            out.append(f"[section{section}]")
        for _ in range(rng.randint(3, 8)):
            separator = rng.choice(["=", " = ", ": "])
            out.append(f"{rng.choice(keys)}{separator}{rng.choice(values)}")
        out.append("")
    return "\n".join(out)


def _verdict(text: str) -> tuple[str, int, list[str]]:
    document = parse_text(text)
    return document.format, len(document.entries), [p.message for p in document.problems]


def test_python_source_is_not_a_live_blog() -> None:
    fmt, entries, problems = _verdict(PYTHON)
    assert (fmt, entries) == ("unstructured", 0)
    assert problems and problems[0].startswith("not a live blog or article")


def test_this_projects_own_source_is_not_a_live_blog() -> None:
    document = parse_file(Path(parsers.finish.__file__))
    assert document.entries == ()
    assert any("not a live blog or article" in p.message for p in document.problems)


@pytest.mark.parametrize("seed", range(40))
def test_settings_files_are_not_live_blogs(seed: int) -> None:
    fmt, entries, problems = _verdict(_settings(random.Random(seed)))
    assert (fmt, entries) == ("unstructured", 0), problems
    assert len(problems) == 1


def test_xml_no_markup_handler_reads_is_not_a_live_blog() -> None:
    text = '<?xml version="1.0"?>\n<orchard>\n  <tree kind="apple" rows="4"/>\n</orchard>\n'
    assert _verdict(text)[:2] == ("unstructured", 0)


def test_settings_with_times_never_become_stamped_posts() -> None:
    rows = [f"job{n}_start = {n % 24:02d}:{(n * 7) % 60:02d}" for n in range(30)]
    assert _verdict("\n".join(rows))[:2] == ("unstructured", 0)


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv sirens",
        "Headline here\n\nA short body that says one thing.",
        "Storm closes the coast road\n\nPolice said the road would stay shut until the morning."
        "\nA second line of the same paragraph follows here.\n\nEngineers are at the scene.",
        "Read the full report at https://example.org/report before the vote.\n\n"
        "The council meets on Tuesday, a spokeswoman said.",
    ],
)
def test_short_prose_is_still_read(text: str) -> None:
    fmt, entries, _ = _verdict(text)
    assert fmt != "unstructured"
    assert entries >= 1


def test_hard_wrapped_prose_with_lowercase_continuations_is_prose() -> None:
    paragraph = (
        "The harbour master said the ferries would run again once the swell\n"
        "had dropped, which could take until the weekend, and that the\n"
        "coastguard had asked boats to stay in port for the time being."
    )
    text = "\n\n".join([paragraph] * 12)
    assert shape(text).verdict() is None
    assert _verdict(text)[0] == "headlines"


def test_the_verdict_reads_a_bounded_head() -> None:
    huge = PYTHON * 2000
    measured = shape(huge)
    assert measured.chars <= 8192
    assert measured.verdict() is not None
