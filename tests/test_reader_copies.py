"""The reader on a folder of copies of one page: one source, `N copies`, each post once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from copies_fixtures import SEED_PAGE, edited, html_page, make_posts, seed_with_new_post
from reader_fixtures import screen_text
from tailing_support import write

import tui.app
from tests.reader_fixtures import until
from tui.app import make_app
from tui.widgets.pick_list import PickList


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tui.app, "SETTLE_SECONDS", 0.05)
    monkeypatch.setattr(tui.app, "FLUSH_SECONDS", 0.02)


def pane_rows(app: tui.app.ReaderApp) -> list[tuple[int, str | None]]:
    """The sources pane's rows as (count, short note); none while the screen is not up."""
    panes = app.query("#sources").results(PickList)
    return [(row.count, row.brief) for pane in panes for row in pane.rows]


async def test_three_copies_of_the_bbc_page_are_one_source_with_each_post_once(
    tmp_path: Path,
) -> None:
    for name in ("bbc-1300.txt", "bbc-1305.txt", "bbc-1310.txt"):
        write(tmp_path / name, SEED_PAGE.read_text(encoding="utf-8"))
    app = make_app([tmp_path], watch=True)
    async with app.run_test(size=(160, 30)) as pilot:
        await until(pilot, lambda: app.follow is not None and app.follow.mode, "the watch")
        await until(pilot, lambda: bool(pane_rows(app)), "the sources pane")
        assert pane_rows(app) == [(20, "3 copies")]
        assert len(app.feed.items) == 20 and len({i.id for i in app.feed.items}) == 20
        await pilot.pause()
        screen = screen_text(app)
        assert "3 copies, newest" in screen and "showing 20 of 20 entries" in screen
        # A later snapshot dropped in adds its one new post, and counts as a fourth copy.
        later = seed_with_new_post("Kremlin answers the sanctions threat", "A spokesman spoke.")
        write(tmp_path / "bbc-1315.txt", later)
        await until(pilot, lambda: len(app.timeline) == 21, "the new post")
        await until(pilot, lambda: pane_rows(app) == [(21, "4 copies")], "four copies")
        await pilot.pause(0.2)  # the feed's own messages about it are handled before exit


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


def _wire_outlets(tmp_path: Path) -> None:
    from dataclasses import replace

    from copies_fixtures import lightly_edited, wire_paragraph

    base = make_posts(90, 1)[0]
    wire = wire_paragraph(4)
    for n, (name, seconds) in enumerate((("Northern", 0), ("Coastal", 1500))):
        post = replace(
            base,
            title=f"{name} headline on the port talks",
            at=base.at + timedelta(seconds=seconds),
            body=(lightly_edited(wire, n) if n else wire,),
        )
        page = html_page(
            [*make_posts(91 + n, 5), post], title=f"{name} live", url=f"https://{n}.example/l"
        )
        write(tmp_path / f"{name.lower()}.html", page)


async def test_wire_copy_in_two_outlets_shows_once_with_also_in_and_a_expands(
    tmp_path: Path,
) -> None:
    _wire_outlets(tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=(160, 80)) as pilot:
        await until(pilot, lambda: bool(app.timeline.groups.members), "the grouping")
        await until(pilot, lambda: len(app.feed.items) == 11, "the group shown once")
        await pilot.pause()
        assert screen_text(app).count("also in: ") == 1
        grouped = app.timeline.groups.group_of
        for _ in range(11):  # to the grouped post
            if app.feed.current is not None and app.feed.current.id in grouped:
                break
            await pilot.press("j")
        await pilot.press("a")
        await until(pilot, lambda: len(app.feed.items) == 12, "the group expanded")
        await pilot.pause()
        assert screen_text(app).count("also in: ") == 2
        await pilot.press("a")
        await until(pilot, lambda: len(app.feed.items) == 11, "the group folded again")
        await pilot.pause(0.2)


async def test_no_group_shows_every_post(tmp_path: Path) -> None:
    _wire_outlets(tmp_path)
    app = make_app([tmp_path], group=False)
    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: len(app.feed.items) == 12, "every post")
        await pilot.pause(0.3)
        assert len(app.feed.items) == 12 and not app.timeline.groups.members
