"""The reader on a folder of copies of one page: one source, `N copies`, each post once."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from copies_fixtures import SEED_PAGE, edited, html_page, make_posts, seed_with_new_post
from reader_fixtures import screen_text
from tailing_support import write
from textual.pilot import Pilot

import tui.app
from tui.app import make_app
from tui.widgets.pick_list import PickList

LIMIT = 10.0


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui.app, "SETTLE_SECONDS", 0.05)
    monkeypatch.setattr(tui.app, "FLUSH_SECONDS", 0.02)


async def until(pilot: Pilot[int], condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.01)


async def test_three_copies_of_the_bbc_page_are_one_source_with_each_post_once(
    tmp_path: Path,
) -> None:
    for name in ("bbc-1300.txt", "bbc-1305.txt", "bbc-1310.txt"):
        write(tmp_path / name, SEED_PAGE.read_text(encoding="utf-8"))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(160, 30)) as pilot:
        await until(pilot, lambda: app.follow is not None and app.follow.mode, "the watch")
        pane = app.query_one("#sources", PickList)
        assert [(r.count, r.brief) for r in pane.rows] == [(20, "3 copies")]
        assert len(app.feed.items) == 20 and len({i.id for i in app.feed.items}) == 20
        await pilot.pause()
        screen = screen_text(app)
        assert "3 copies, newest" in screen and "showing 20 of 20 entries" in screen
        # A later snapshot dropped in adds its one new post, and counts as a fourth copy.
        later = seed_with_new_post("Kremlin answers the sanctions threat", "A spokesman spoke.")
        write(tmp_path / "bbc-1315.txt", later)
        await until(pilot, lambda: len(app.timeline) == 21, "the new post")
        await until(pilot, lambda: pane.rows[0].brief == "4 copies", "four copies")
        assert [r.count for r in pane.rows] == [21]


async def test_an_edited_and_a_deleted_post_are_marked_in_the_feed(tmp_path: Path) -> None:
    posts = make_posts(71, 4)
    url = "https://news.example.org/live/marks"
    write(tmp_path / "a.html", html_page(posts, title="Marks live", url=url))
    later = [posts[0], edited(posts[1]), posts[3]]  # post 2 deleted, post 1 edited
    write(tmp_path / "b.html", html_page(later, title="Marks live", url=url))
    app = make_app([tmp_path])
    async with app.run_test(size=(160, 60)) as pilot:
        await until(pilot, lambda: len(app.feed.items) == 4, "four posts")
        await pilot.pause()
        screen = screen_text(app)
        assert screen.count("· edited") == 1
        assert screen.count("· removed from the page") == 1
