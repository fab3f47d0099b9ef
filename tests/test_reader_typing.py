"""Keys typed quickly after ``/`` go into the query bar, not to the feed's one-letter keys."""

from __future__ import annotations

import pytest
from textual import events

from tests.reader_fixtures import kyiv_blog
from tui.app import make_app
from tui.screens.time_prompt import TimePrompt
from tui.widgets.query_bar import QueryBar


@pytest.mark.asyncio
async def test_a_query_typed_before_the_bar_has_the_focus_goes_into_the_bar() -> None:
    app = make_app(documents=[kyiv_blog()])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # As a terminal delivers a fast typist or a paste: all queued before any is handled
        # (``t`` alone asks for a time, ``o`` opens a link).
        for key, character in [("slash", "/"), *((c, c) for c in "troops")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, TimePrompt)
        assert app.query_one("#query", QueryBar).value == "troops"
        assert app.query_value is not None and app.query_value.text == "troops"
