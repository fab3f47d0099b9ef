"""The four seed documents parse exactly as their sidecar ``*.expected.json`` says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parsers import Document, parse_file

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CASES = sorted(SEEDS.glob("*.expected.json"))


def _entry_view(document: Document, index: int) -> dict[str, Any]:
    entry = document.entries[index]
    return {
        "published": entry.published.iso() if entry.published else None,
        "precision": entry.published.precision.value if entry.published else None,
        "zone": entry.published.zone.value if entry.published else None,
        "title": entry.title,
        "labels": list(entry.labels),
        "authors": [{"name": a.name, "role": a.role} for a in entry.authors],
        "captions": [{"text": c.text, "credit": c.credit} for c in entry.captions],
    }


def test_every_seed_has_expectations() -> None:
    assert len(CASES) == 4
    for case in CASES:
        assert (SEEDS / case.name.replace(".expected.json", ".txt")).is_file()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name.split(".")[0])
def test_seed_parses_as_expected(case: Path) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    document = parse_file(SEEDS / case.name.replace(".expected.json", ".txt"))
    assert document.problems == ()
    assert document.format == expected["format"]
    assert len(document.entries) == expected["entry_count"]
    for key in ("title", "kicker", "standfirst"):
        if key in expected:
            assert getattr(document, key) == expected[key], key
    if "key_points_count" in expected:
        assert len(document.key_points) == expected["key_points_count"]
    for index, wanted in enumerate(expected["entries"]):
        got = _entry_view(document, index)
        entry = document.entries[index]
        for key, value in wanted.items():
            if key == "body_starts":
                assert entry.body[0].startswith(value)
            elif key == "body_contains":
                for paragraph in value:
                    assert paragraph in entry.body
            else:
                assert got[key] == value, f"entry {index + 1}: {key}"
    everything = "\n".join(
        "\n".join((e.title or "", *e.body, *(c.text for c in e.captions))) for e in document.entries
    )
    for fragment in expected.get("body_excludes", []):
        assert fragment not in everything


def test_bbc_summary_bullets_are_key_points_not_entries() -> None:
    document = parse_file(SEEDS / "003_816f4847ca21db51.txt")
    assert document.key_points[0].startswith("Russian forces launch a full-scale assault")
    titles = {e.title for e in document.entries}
    assert not any(point in titles for point in document.key_points)


def test_roles_are_never_names() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for entry in parse_file(path).entries:
            for author in entry.authors:
                assert "correspondent" not in author.name.casefold()
                assert "reporter" not in author.name.casefold()


def test_seed_ids_are_stable_and_unique() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        first = [e.id for e in parse_file(path).entries]
        again = [e.id for e in parse_file(path).entries]
        assert first == again
        assert len(set(first)) == len(first)


def test_ids_survive_a_growing_newest_first_page(tmp_path: Path) -> None:
    """A live page saved again with a new post on top keeps the old posts' ids."""
    original = (SEEDS / "003_816f4847ca21db51.txt").read_text(encoding="utf-8")
    lines = original.split("\n")
    # Drop post 1 and renumber: the same page as it was saved a little earlier.
    start = next(i for i, line in enumerate(lines) if line.startswith("  1. "))
    end = next(i for i, line in enumerate(lines) if line.startswith("  2. "))
    earlier_lines = lines[:start] + lines[end:]
    renumbered = []
    for line in earlier_lines:
        head = line.lstrip()
        number, dot, rest = head.partition(". ")
        if line.startswith("  ") and number.isdigit() and dot:
            line = f"  {int(number) - 1}. {rest}"
        renumbered.append(line)
    page = tmp_path / "page.txt"
    page.write_text("\n".join(renumbered), encoding="utf-8")
    earlier = {e.title: e.id for e in parse_file(page).entries}
    page.write_text(original, encoding="utf-8")
    later = {e.title: e.id for e in parse_file(page).entries}
    assert len(earlier) == 19 and len(later) == 20
    for title, entry_id in earlier.items():
        assert later[title] == entry_id
