"""The feed survives every move followed by a pane toggle or a resize (it used to crash).

The built-in sample has entries longer than a screen, so scrolling leaves the view inside an
entry: the line number there is only valid at the width it was wrapped at.
"""

from __future__ import annotations

import pytest
from reader_fixtures import screen_text

from tui.app import ReaderApp, make_app
from tui.sample import sample_dir
from tui.widgets.feed import Feed

MOVES = {
    "j": ["j"],
    "k": ["j", "j", "k"],
    "space": ["space"],
    "space space": ["space", "space"],
    "b": ["space", "space", "space", "b"],
    "g": ["G", "g"],
    "G": ["G"],
    "n": ["slash", *"kyiv", "enter", "n", "n"],
    "N": ["slash", *"kyiv", "enter", "N"],
    "enter escape": ["j", "enter", "escape"],
    "tab": ["j", "tab", "tab", "tab"],
    "filter": ["j", "j", "slash", *"war", "enter"],
    "zone": ["j", "j", "j", "z"],
    "scroll into an entry": ["j", "j", "j"],
}

WIDTHS = (40, 81, 120, 160, 200, 81, 120)


def assert_alive_with_cursor_on_screen(app: ReaderApp, step: str) -> None:
    assert app.is_running and app.return_code is None, step
    feed = app.query_one(Feed)
    screen = screen_text(app)  # renders every row, as the terminal would
    assert feed.items, step
    assert feed.cursor_on_screen(), step
    if feed.display and feed.size.width:
        assert "▌" in screen, step  # the cursor's gutter mark is painted


@pytest.mark.parametrize("name", list(MOVES))
async def test_every_move_then_a_pane_toggle_or_resize_keeps_the_app_and_the_cursor(
    name: str,
) -> None:
    app = make_app([sample_dir()])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*MOVES[name])
        await pilot.pause()
        assert_alive_with_cursor_on_screen(app, f"{name}")
        cursor = app.query_one(Feed).cursor
        for toggle in ("hide", "show"):
            await pilot.press("s")
            await pilot.pause()
            assert_alive_with_cursor_on_screen(app, f"{name}, panes {toggle}")
        for width in WIDTHS:
            await pilot.resize_terminal(width, 30)
            await pilot.pause()
            assert_alive_with_cursor_on_screen(app, f"{name}, {width} columns")
            await pilot.press("s")
            await pilot.pause()
            assert_alive_with_cursor_on_screen(app, f"{name}, {width} columns, s")
        assert app.query_one(Feed).cursor == cursor  # resizing never moves the cursor


async def test_a_resize_keeps_the_cursor_entry_on_its_screen_row() -> None:
    app = make_app([sample_dir()])
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("j")
        await pilot.pause()
        feed = app.query_one(Feed)
        row = feed._cursor_row()
        assert row is not None and row > 0
        await pilot.press("s")  # the feed widens: its entries take fewer lines
        await pilot.pause()
        assert feed._cursor_row() == row
