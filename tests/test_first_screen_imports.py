"""The reader's first screen loads only what it shows (issue 10): the parsers, feedparser,
dateparser, the HTML code, the tailing engine and the worker processes load when needed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DEFERRED = (
    "feedparser",
    "dateparser",
    "parsers.read",
    "parsers.formats",
    "parsers.html_text",
    "tui.engine.loader",
    "tui.engine.parse_worker",
    "tui.engine.ingest",
    "tui.engine.watcher",
    "tui.engine.state",
    "tui.screens.pages",
    "tui.screens.help_screen",
    "watchfiles",
    "sqlite3",
    "multiprocessing",
    "msgspec",
)


def loaded_after(code: str) -> set[str]:
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    return set(json.loads(out))


def test_importing_the_reader_loads_no_parser_nor_engine_behind_the_first_screen() -> None:
    modules = loaded_after("import tui.app")
    assert "tui.app" in modules
    assert sorted(modules.intersection(DEFERRED)) == []


def test_making_the_reader_app_loads_nothing_more() -> None:
    modules = loaded_after(
        "from tui.app import make_app\nfrom tui.sample import sample_dir\n"
        "make_app([sample_dir()], watch=True)"
    )
    assert sorted(modules.intersection(DEFERRED)) == []


def test_reading_plain_text_pages_loads_no_feed_html_or_date_library() -> None:
    modules = loaded_after(
        "import os\nfrom parsers.read import parse_file\nfrom tui.sample import sample_dir\n"
        "folder = sample_dir()\n"
        "names = sorted(os.listdir(folder))\n"
        "documents = [parse_file(os.path.join(folder, name)) for name in names]\n"
        "assert sum(len(d.entries) for d in documents) > 10"
    )
    assert "parsers.formats" in modules
    markup = {"feedparser", "dateparser", "parsers.html_text", "parsers.structured_authors"}
    assert sorted(modules & markup) == []


def test_reading_a_feed_loads_the_html_code_it_needs() -> None:
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Blog</title><item>"
        "<title>First</title><description>&lt;p&gt;Hello &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;"
        "</description><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    modules = loaded_after(
        "from parsers.read import parse_text\n"
        f"document = parse_text({feed!r})\n"
        "assert document.format == 'feed', document.format\n"
        "assert document.entries[0].body == ('Hello there',), document.entries[0].body"
    )
    assert "parsers.html_text" in modules
    # A well-formed feed is read by the fast reader; feedparser loads for the others.
    assert "parsers.formats.feed_fast" in modules
    assert "feedparser" not in modules


def test_reading_an_ill_formed_feed_loads_feedparser() -> None:
    feed = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Blog</title><item>"
        "<title>First &amp Co</title><description>Hello</description></item></channel></rss>"
    )
    modules = loaded_after(
        "from parsers.read import parse_text\n"
        f"document = parse_text({feed!r})\n"
        "assert document.format == 'feed', document.format\n"
        "assert document.entries[0].body == ('Hello',), document.entries[0].body"
    )
    assert "feedparser" in modules
