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
