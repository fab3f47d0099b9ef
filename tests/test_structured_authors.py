"""Authors declared by feeds and JSON-LD: people kept, organisations left out."""

from __future__ import annotations

import pytest

from parsers.structured_authors import is_organisation, people


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        (
            "by Samantha Lock (now), Richard Luscombe, Rachel Hall on (#60AZV)",
            ["Samantha Lock", "Richard Luscombe", "Rachel Hall"],
        ),
        ("desk@example.org (Ann Lee)", ["Ann Lee"]),
        ("Ann Lee and Bo Chan; Example Desk", ["Ann Lee", "Bo Chan"]),
        ("Jean-Luc Picard et Anne Dupont", ["Jean-Luc Picard", "Anne Dupont"]),
        ("李明", ["李明"]),
        ("محمد علي", ["محمد علي"]),
        ("Reuters", []),
        ("CNN Staff", []),
        ("AFP", []),
        ("Bloomberg News", []),
        ("admin", []),
        ("desk@example.org", []),
    ],
)
def test_people_in_a_declared_byline(byline: str, names: list[str]) -> None:
    assert [a.name for a in people(byline)] == names


def test_lower_case_part_after_a_name_is_its_role() -> None:
    assert [(a.name, a.role) for a in people("Ann Lee, correspondent")] == [
        ("Ann Lee", "correspondent")
    ]


def test_schema_type_decides_when_given() -> None:
    assert is_organisation("Ann Lee", "Organization")
    assert not is_organisation("Example Times", "Person")
