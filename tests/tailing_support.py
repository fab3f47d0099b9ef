"""Helpers for the tailing tests: live-blog text files and what parsing them gives."""

from __future__ import annotations

import os
from pathlib import Path

from parsers.read import parse_file, parse_text

WORDS = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()


def posts(tag: str, count: int, start: int = 0) -> str:
    """``count`` headline-separated posts, distinct per ``tag`` and number."""
    out = []
    for n in range(start, start + count):
        word = WORDS[n % len(WORDS)]
        out.append(
            f"{tag.capitalize()} update {n}: {word} crossing reopened\n\n"
            f"Officials in {tag} said the {word} crossing reopened at dawn (report {n}).\n\n"
        )
    return "".join(out)


def write(path: Path, text: str) -> None:
    """Write a file in one go and close it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def append(path: Path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def ids_of(path: Path | str, text: str | None = None) -> list[str]:
    """Entry ids parsing gives for ``path`` (its current content, or ``text`` as that path)."""
    if text is None:
        return [e.id for e in parse_file(os.fspath(path)).entries]
    return [e.id for e in parse_text(text, os.fspath(path)).entries]


def bodies_of(path: Path | str) -> dict[str, tuple[str, ...]]:
    """Entry id to body for the current content of ``path``."""
    return {e.id: e.body for e in parse_file(os.fspath(path)).entries}
