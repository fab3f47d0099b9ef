"""The headline list (``v``): one line per entry, with what the feed offers kept."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from reader_fixtures import (
    NEW_YORK,
    document,
    entry,
    guardian_blog,
    kyiv_blog,
    many_documents,
    screen_text,
    stamp,
)

import tui.app
from tests.reader_fixtures import ready, until
from tui.app import ReaderApp, make_app
from tui.sample import sample_dir
from tui.screens.text_screen import TextScreen
from tui.widgets.feed import Feed

SIZE = (120, 40)
TIMED_LINE = re.compile(r"^[▌ ] [•★ ]{3}\d\d:\d\d \S+")
"""A list line: the cursor gutter, the marks, a time with its zone."""


def feed_lines(app: ReaderApp) -> list[str]:
    """The rows of the feed (the panes cut off)."""
    left = app.feed.region.x
    return [line[left:] for line in screen_text(app).splitlines()[:-1]]


def synthetic_app(**options: object) -> ReaderApp:
    return make_app(
        documents=[kyiv_blog(), guardian_blog()],
        local_zone=NEW_YORK,
        **options,  # type: ignore[arg-type]
    )


async def test_v_shows_the_sample_as_one_timed_line_per_entry_and_back() -> None:
    app = make_app([sample_dir()])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        assert len([line for line in feed_lines(app) if TIMED_LINE.match(line)]) < 10
        await pilot.press("v")
        await pilot.pause()
        timed = [line for line in feed_lines(app) if TIMED_LINE.match(line)]
        assert len(timed) >= 20, "\n".join(feed_lines(app))
        assert "13:11 UTC" in timed[0]
        await pilot.press("v")
        await pilot.pause()
        assert len([line for line in feed_lines(app) if TIMED_LINE.match(line)]) < 10


async def test_at_120x40_more_than_30_entries_fit() -> None:
    app = make_app(documents=many_documents(2, 40))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v")
        await pilot.pause()
        shown = [line for line in feed_lines(app) if "Update " in line]
        assert len(shown) >= 30
        # Each line: unread mark, time, source, headline.
        assert re.match(r"^▌ • +\d\d:\d\d UTC +blog001\.txt +Update 1-39", shown[0]), shown[0]


async def test_a_line_has_marks_time_in_the_zone_shown_source_labels_and_headline() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v")
        await pilot.pause()
        lines = feed_lines(app)
        explosions = next(line for line in lines if "Explosions heard in Kyiv" in line)
        assert re.search(r"• +09:05 EET +Ukraine invasio\S* +Breaking +Explosions", explosions)
        sanctions = next(line for line in lines if "Sanctions announced" in line)
        assert "22:10 GMT?" in sanctions  # the zone was assumed
        markets = next(line for line in lines if "Markets fall" in line)
        assert "23 Feb 2022" in markets
        donbas = next(line for line in lines if "Background: the Donbas" in line)
        assert "no time" in donbas
        # The day separators stay.
        assert any("── Friday 25 February 2022" in line for line in lines)
        assert any("── undated" in line for line in lines)
        await pilot.press("z", "z")  # UTC
        await pilot.pause()
        explosions = next(line for line in feed_lines(app) if "Explosions" in line)
        assert "07:05 UTC" in explosions


async def test_an_entry_without_a_headline_shows_its_first_words() -> None:
    path = "/data/untitled.txt"
    doc = document(
        path,
        [
            entry(
                path,
                0,
                body=("Shelling resumed near the port overnight, officials said.", "More."),
                published=stamp("2022-03-01T10:00"),
            )
        ],
    )
    app = make_app(documents=[doc])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v")
        await pilot.pause()
        line = next(line for line in feed_lines(app) if "10:00" in line)
        assert "Shelling resumed near the port overnight" in line
        await pilot.press("s")  # the panes hidden: room for the rest
        await pilot.pause()
        line = next(line for line in feed_lines(app) if "10:00" in line)
        assert "Shelling resumed near the port overnight, officials said. More." in line


async def test_filter_highlight_and_n_N_work_in_the_list() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v", "slash", *"kyiv")
        await pilot.pause()
        titles = [item.entry.title for item in app.feed.items]
        assert titles == ["Zelensky addresses the nation", "Explosions heard in Kyiv"]
        lines = [line for line in feed_lines(app) if TIMED_LINE.match(line)]
        assert len(lines) == 2
        await pilot.press("ctrl+t", "enter")  # highlight only: every entry, one line each
        await pilot.pause()
        assert len(app.feed.items) == 6
        await pilot.press("n")
        assert app.feed.current is not None
        assert app.feed.current.entry.title == "Explosions heard in Kyiv"
        await pilot.press("n")
        assert app.feed.current.entry.title == "Zelensky addresses the nation"
        await pilot.press("N")
        assert app.feed.current.entry.title == "Explosions heard in Kyiv"
        strip = app.feed.render_line(app.feed._rows_from_top().index((1, 0)))
        highlighted = [seg.text for seg in strip if seg.style and seg.style.bgcolor]
        assert "Kyiv" in highlighted


async def test_enter_opens_the_entry_in_full_from_the_list() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v", "j", "j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextScreen)
        assert "Russian troops crossed into Ukraine from the north." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.feed.list_view


async def test_moving_keeps_the_cursor_on_screen_in_the_list() -> None:
    app = make_app(documents=many_documents(3, 40))
    async with app.run_test(size=(80, 20)) as pilot:
        await ready(pilot, app)
        await pilot.press("v")
        feed = app.query_one(Feed)
        for keys in (["G"], ["g"], ["space"] * 3, ["b"], ["j"] * 25, ["k"] * 4):
            await pilot.press(*keys)
            assert any(index == feed.cursor for index, _ in feed._rows_from_top())
        before = feed.current
        await pilot.press("v")  # to the feed and back: the cursor's entry stays
        assert feed.current is before and feed.cursor_on_screen()
        await pilot.press("v")
        assert feed.current is before and feed.cursor_on_screen()


async def test_v_then_s_then_a_resize_keeps_the_cursor_entry_on_its_row() -> None:
    app = make_app(documents=many_documents(3, 40))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v", *["j"] * 12)
        feed = app.feed
        row = feed._rows_from_top().index((feed.cursor, 0))
        reading = feed.current
        await pilot.press("s")
        await pilot.pause()
        await pilot.resize_terminal(70, 24)
        await until(pilot, lambda: feed.size.height == 23 and feed.size.width == 70, "the resize")
        await pilot.pause()
        assert feed.current is reading
        assert feed._rows_from_top().index((feed.cursor, 0)) == row
        await pilot.press("s")
        await pilot.resize_terminal(150, 30)
        await until(pilot, lambda: feed.size.height == 29, "the resize")
        await pilot.pause()
        assert feed.current is reading and feed.cursor_on_screen()
        line = next(line for line in feed_lines(app) if line.startswith("▌"))
        assert reading is not None and reading.entry.title is not None
        assert reading.entry.title in line


async def test_v_while_a_folder_loads(tmp_path: Path) -> None:
    for number in range(40):
        (tmp_path / f"{number:02}.txt").write_text(
            f"Blog {number}\n\n10:{number:02} GMT, 1 March 2022\nPost {number} body.\n",
            encoding="utf-8",
        )
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v", "j", "v", "v")
        await until(pilot, lambda: app.loading is None, "the loading")
        await pilot.pause()
        assert app.feed.list_view
        assert len(app.feed.items) == 40
        assert len([line for line in feed_lines(app) if "Blog " in line]) >= 30


async def test_hostile_text_stays_text_in_a_list_line() -> None:
    path = "/data/\x1b[31mevil[/].txt"
    doc = document(
        path,
        [
            entry(
                path,
                0,
                title="[bold]Not bold[/bold] \x1b[2J\x07 headline",
                labels=("[red]x[/red]",),
                published=stamp("2022-03-01T10:00"),
            ),
            entry(path, 1, body=("\x1b]0;title\x07[link=x]body[/link]",)),
        ],
    )
    app = make_app(documents=[doc])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v")
        await pilot.pause()
        text = "\n".join(feed_lines(app))
        assert "[bold]Not bold[/bold]" in text and "headline" in text
        assert "[red]x[/red]" in text
        assert "[link=x]body[/link]" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_the_list_wraps_nothing_it_does_not_show() -> None:
    """Virtual in both views: at 20,000 entries, v, G and g build only screenfuls."""
    app = make_app(documents=many_documents(20, 1000))
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        feed = app.feed
        await pilot.press("v", "G", "g", "space", "space")
        await pilot.pause()
        assert len(feed.items) == 20_000
        assert len(feed._cache) < 400
        assert feed.cursor_on_screen()


def json_feed(tag: str, minutes: list[int], words: str = "") -> str:
    """A JSON Feed with one timed item per minute past 09:00 (later minutes are newer)."""
    items = [
        {
            "id": f"{tag}-{minute}",
            "title": f"{tag.capitalize()} item {minute}",
            "date_published": f"2024-03-05T09:{minute:02d}:00Z",
            "content_text": f"Body of {tag} {minute}. {words}".strip(),
        }
        for minute in minutes
    ]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items})


async def test_follow_marker_and_alerts_work_in_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.app, "SETTLE_SECONDS", 0.05)
    monkeypatch.setattr(tui.app, "FLUSH_SECONDS", 0.02)
    (tmp_path / "a.json").write_text(json_feed("alpha", list(range(1, 31))), encoding="utf-8")
    app = make_app([tmp_path], watch=True, alerts=["harbour"])
    async with app.run_test(size=(100, 24)) as pilot:
        await until(pilot, lambda: app.follow is not None and app.follow.mode is not None, "watch")
        await pilot.press("v", "j", "j", "j")
        reading = app.feed.current
        (tmp_path / "b.json").write_text(
            json_feed("bravo", [40, 41], "the harbour is closed"), encoding="utf-8"
        )
        await until(pilot, lambda: len(app.feed.items) == 32, "32 entries")
        await pilot.pause()
        assert app.feed.current is reading  # not yanked
        screen = screen_text(app)
        assert "+2 new entries · f" in screen
        await pilot.press("f")
        await pilot.pause()
        lines = feed_lines(app)
        bravo = next(line for line in lines if "Bravo item 41" in line)
        assert "⚑ harbour" in bravo and bravo.startswith("▌")
        assert "new entries" not in screen_text(app)


async def test_V_previews_the_cursor_entry_below_the_list() -> None:
    app = synthetic_app()
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot, app)
        await pilot.press("v", "j", "V")
        await pilot.pause()
        screen = screen_text(app)
        assert "preview (V hides it)" in screen
        assert "Several blasts were heard before dawn." in screen  # the cursor's entry in full
        assert "by Joe Inwood (BBC Kyiv correspondent)" in screen
        await pilot.press("j", "j")
        await pilot.pause()
        screen = screen_text(app)
        assert "Russian troops crossed into Ukraine from the north." in screen
        assert "Several blasts" not in screen
        lines = feed_lines(app)
        rule = next(n for n, line in enumerate(lines) if "preview (V hides it)" in line)
        assert rule >= 20 and any(line.startswith("▌") for line in lines[:rule])
        await pilot.press("V")
        await pilot.pause()
        assert "preview" not in screen_text(app)


async def test_the_cursor_stays_above_the_preview_whatever_the_keys() -> None:
    app = make_app(documents=many_documents(3, 40))
    async with app.run_test(size=(90, 30)) as pilot:
        await ready(pilot, app)
        await pilot.press("V")  # from the feed: the list with its preview
        assert app.feed.list_view and app.feed.preview
        feed = app.feed
        for keys in (["G"], ["g"], ["space"] * 3, ["b"], ["j"] * 25, ["k"] * 4, ["v", "v"]):
            await pilot.press(*keys)
            rows = feed._rows_from_top()
            assert len(rows) == feed._view_height() < feed.size.height
            assert any(index == feed.cursor for index, _ in rows)
        current = feed.current
        assert current is not None and current.entry.title is not None
        await pilot.pause()
        assert current.entry.body[0] in screen_text(app)
