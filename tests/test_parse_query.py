"""``liveblog parse --query``: the reader's query language selects what parse prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Harbour live</title>
<item><title>Ferry cancelled</title><category>Breaking</category><dc:creator>Ann Lee</dc:creator>
<pubDate>Tue, 07 May 2024 10:05:00 +0100</pubDate>
<description>No ferries today.</description></item>
<item><title>Wind rising</title><dc:creator>Bo Chan</dc:creator>
<pubDate>Tue, 07 May 2024 09:00:00 +0100</pubDate>
<description>Gusts of 90 km/h.</description></item>
<item><title>Shelters open</title><dc:creator>Ann Lee</dc:creator>
<pubDate>Mon, 06 May 2024 22:00:00 +0100</pubDate>
<description>The town hall opens.</description></item>
</channel></rss>
"""


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.rss"
    path.write_text(FEED, encoding="utf-8")
    return path


def titles(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    assert main(["parse", "--json", *args]) == 0
    return [json.loads(line)["title"] for line in capsys.readouterr().out.splitlines()]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Ferry cancelled", "Wind rising", "Shelters open"]),
        ("ferries", ["Ferry cancelled"]),
        ("author:lee", ["Ferry cancelled", "Shelters open"]),
        ("author:lee -hall", ["Ferry cancelled"]),
        ("label:breaking", ["Ferry cancelled"]),
        ('"90 km/h"', ["Wind rising"]),
        ("since:2024-05-07", ["Ferry cancelled", "Wind rising"]),
        ("since:09:30", ["Ferry cancelled", "Shelters open"]),  # on the feed's own clock
        ("until:09:30 since:08:00", ["Wind rising"]),
        ("source:harbour ferry", ["Ferry cancelled"]),
        ("source:elsewhere", []),
    ],
)
def test_query_selects_like_the_reader(
    query: str, expected: list[str], feed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert titles(capsys, "--query", query, str(feed)) == expected


def test_text_output_leaves_out_documents_with_nothing_selected(
    feed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Calm day\n\nNothing happened in the harbour at all.\n", encoding="utf-8")
    assert main(["parse", "--query", "ferry", str(feed), str(other)]) == 0
    out = capsys.readouterr().out
    assert "Ferry cancelled" in out and "Wind rising" not in out
    assert "other.txt" not in out


def test_bad_query_is_misuse(feed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--query", "since:99:99", str(feed)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--query: since:99:99 is not a time of day" in captured.err
