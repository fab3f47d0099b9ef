"""Whole screens at a fixed size, compared with the text saved in ``tests/snapshots/``.

After an intended change of the layout, regenerate them with
``LIVEBLOG_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_reader_snapshots.py``
and read the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reader_fixtures import NEW_YORK, guardian_blog, kyiv_blog, screen_text

from tui.app import make_app

SNAPSHOTS = Path(__file__).parent / "snapshots"

CASES = {
    "feed_80x24": ((80, 24), ()),
    "feed_filtered_120x30": ((120, 30), ("slash", *"kyiv", "enter", "j")),
    "entry_view_100x30": ((100, 30), ("j", "j", "j", "enter")),
    "help_80x40": ((80, 40), ("question_mark",)),
    "zone_utc_oldest_120x30": ((120, 30), ("z", "z", "G")),
}


@pytest.mark.parametrize("name", sorted(CASES))
async def test_screen_matches_its_snapshot(name: str) -> None:
    size, keys = CASES[name]
    app = make_app(documents=[kyiv_blog(), guardian_blog()], local_zone=NEW_YORK)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        shown = screen_text(app) + "\n"
    path = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("LIVEBLOG_UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(shown, encoding="utf-8")
    assert shown == path.read_text(encoding="utf-8")
