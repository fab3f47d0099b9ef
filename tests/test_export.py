"""Export: Markdown and JSON Lines of what is shown, under a safe name from the query."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from parsers.export import entry_to_dict
from parsers.model import Author, Caption, Entry, Precision, Source, Timestamp, ZoneBasis
from tui.engine.export import (
    ExportFormat,
    file_name,
    render,
    shown_time,
    to_json_lines,
    to_markdown,
    write_export,
)

KYIV = timezone(timedelta(hours=2))
SOURCE = Source("/news/bbc.txt", "bbc.txt")
WHEN = datetime(2022, 2, 24, 6, 0, tzinfo=UTC)


def entry(number: int, **fields: object) -> Entry:
    base: dict[str, object] = {
        "id": f"id{number}",
        "source": SOURCE,
        "position": number,
        "published": Timestamp(datetime(2022, 2, 24, 8, number, tzinfo=KYIV)),
        "title": f"Headline {number}",
        "body": (f"Body {number}.",),
    }
    base.update(fields)
    return Entry(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "liveblog-all-20220224-0600.md"),
        ("author:inwood Kyiv", "liveblog-author-inwood-kyiv-20220224-0600.md"),
        ('"no-fly zone" -rumour', "liveblog-no-fly-zone-rumour-20220224-0600.md"),
        ("../../etc/passwd", "liveblog-etc-passwd-20220224-0600.md"),
        ("Київ", "liveblog-all-20220224-0600.md"),
        ("a" * 200, f"liveblog-{'a' * 48}-20220224-0600.md"),
        ("\x1b[31m$(rm -rf)", "liveblog-31m-rm-rf-20220224-0600.md"),
    ],
)
def test_file_name_is_safe(query: str, expected: str) -> None:
    assert file_name(query, WHEN, ExportFormat.MARKDOWN) == expected


def test_json_lines_are_parse_json_rows() -> None:
    rows = [entry(1, url="https://a.example/1"), entry(2)]
    lines = to_json_lines(rows).splitlines()
    assert [json.loads(line) for line in lines] == [entry_to_dict(e) for e in rows]
    assert json.loads(lines[0])["url"] == "https://a.example/1"
    assert render(rows, ExportFormat.JSON_LINES) == to_json_lines(rows)


def test_markdown_holds_every_part_of_an_entry() -> None:
    rich = entry(
        5,
        labels=("Breaking",),
        authors=(Author("Joe Inwood", "BBC correspondent"),),
        body=("First paragraph.", "Second\nline."),
        captions=(Caption("A tank on a road", "Reuters"),),
        url="https://bbc.example/live#5",
    )
    text = to_markdown([rich, entry(6)], query="kyiv", exported=WHEN)
    assert text.startswith("# liveblog export\n\n2 entries · query: `kyiv` · exported 2022-02-24")
    assert "## Headline 5" in text
    assert "*2022-02-24 08:05 UTC+02:00 · bbc.txt \\[Breaking\\]*" in text
    assert "By Joe Inwood (BBC correspondent)" in text
    assert "First paragraph.\n\nSecond  \nline." in text
    assert "> Image: A tank on a road (Reuters)" in text
    assert "<https://bbc.example/live#5>" in text
    assert text.index("Headline 5") < text.index("Headline 6")  # the order shown is kept


def test_markdown_text_is_data_not_markup() -> None:
    hostile = entry(
        1,
        title="# Not a heading [link](javascript:x) <b>",
        body=("- not a list", "1. not a list either", "*not emphasis*"),
    )
    text = to_markdown([hostile])
    assert "## \\# Not a heading \\[link\\](javascript:x) \\<b\\>" in text
    assert "\n\\- not a list\n" in text
    assert "\n1\\. not a list either\n" in text
    assert "\\*not emphasis\\*" in text


def test_times_on_the_clock_shown_and_date_only() -> None:
    stamp = Timestamp(datetime(2022, 2, 24, 8, 5, tzinfo=KYIV))
    assert shown_time(stamp) == "2022-02-24 08:05 UTC+02:00"
    assert shown_time(stamp, UTC) == "2022-02-24 06:05 UTC"
    day = Timestamp(datetime(2022, 2, 25, tzinfo=UTC), Precision.DATE, ZoneBasis.NONE)
    assert shown_time(day, UTC) == "2022-02-25 (date only)"
    undated = to_markdown([entry(1, published=None, title=None)])
    assert "## (no headline)" in undated and "*undated · bbc.txt*" in undated


def test_write_export_never_overwrites(tmp_path: Path) -> None:
    rows = [entry(1)]
    first = write_export(rows, tmp_path, ExportFormat.MARKDOWN, query="kyiv", now=WHEN)
    second = write_export(rows, tmp_path, ExportFormat.MARKDOWN, query="kyiv", now=WHEN)
    assert first.name == "liveblog-kyiv-20220224-0600.md"
    assert second.name == "liveblog-kyiv-20220224-0600-2.md"
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    lines = write_export(rows, tmp_path, ExportFormat.JSON_LINES, now=WHEN)
    assert lines.suffix == ".jsonl"
    assert json.loads(lines.read_text(encoding="utf-8"))["id"] == "id1"


def test_write_export_into_a_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_export([entry(1)], tmp_path / "missing", ExportFormat.MARKDOWN, now=WHEN)


def test_plain_text_for_the_clipboard() -> None:
    from tui.engine.export import plain_text

    text = plain_text(
        entry(3, authors=(Author("Joe Inwood"),), body=("One.", "Two."), url="https://b.example/3"),
        UTC,
    )
    assert text == (
        "Headline 3\n2022-02-24 06:03 UTC · bbc.txt\nBy Joe Inwood\n\nOne.\n\nTwo.\n\n"
        "https://b.example/3\n"
    )
    assert plain_text(entry(1, title=None, body=())).startswith("(no headline)\n")
