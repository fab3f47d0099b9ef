"""Feed and HTML fixtures parse to what their ``*.expected.json`` sidecars say.

Each sidecar lists the document fields and every entry; ``problems`` holds a fragment of each
problem message (the wording after it may carry parser detail).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from markup_expectations import document_view

from parsers.read import parse_file

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(
    path
    for folder in ("feeds", "html")
    for path in (FIXTURES / folder).iterdir()
    if not path.name.endswith(".expected.json")
    and path.with_name(path.name + ".expected.json").exists()
)


def test_every_case_is_found() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fixture_matches_its_expectations(path: Path) -> None:
    expected: dict[str, Any] = json.loads(
        path.with_name(path.name + ".expected.json").read_text("utf-8")
    )
    seen = document_view(parse_file(path))
    problems = seen.pop("problems")
    wanted_problems = expected.pop("problems", [])
    assert len(problems) == len(wanted_problems), problems
    for fragment, message in zip(wanted_problems, problems, strict=True):
        assert fragment in message
    entries = seen.pop("entries")
    wanted_entries = expected.pop("entries")
    for key, value in expected.items():
        assert seen[key] == value, key
    assert len(entries) == len(wanted_entries)
    for position, (entry, wanted) in enumerate(zip(entries, wanted_entries, strict=True)):
        for key, value in wanted.items():
            assert entry[key] == value, f"entry {position}: {key}"
