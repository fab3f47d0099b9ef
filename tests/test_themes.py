"""Themes: every text the reader paints reaches 4.5:1 contrast (WCAG AA) against what it is
painted on, in the dark and the light theme; the ANSI theme and ``NO_COLOR`` paint no
background of their own."""

from __future__ import annotations

import pytest
from reader_fixtures import NEW_YORK, guardian_blog, kyiv_blog
from rich.color import Color
from rich.segment import Segment
from textual.filter import ANSIToTruecolor
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from tui.app import ReaderApp, make_app
from tui.engine.config import Config, Loaded
from tui.themes import THEME_NAMES
from tui.widgets.feed import Feed
from tui.widgets.pick_list import PickList

SIZE = (120, 40)
AA = 4.5
GLYPHS = set("▌│┃─▣·● ")
"""Marks and rules, not text to read."""


def luminance(color: Color) -> float:
    """WCAG relative luminance of a true colour."""
    assert color.triplet is not None

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = color.triplet
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: Color, two: Color) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_ratio_matches_the_wcag_examples() -> None:
    assert contrast(Color.parse("#000000"), Color.parse("#ffffff")) == pytest.approx(21.0)
    assert contrast(Color.parse("#777777"), Color.parse("#ffffff")) == pytest.approx(4.48, 0.01)
    assert contrast(Color.parse("#123456"), Color.parse("#123456")) == 1.0


def painted(app: ReaderApp, widget: Widget) -> list[Segment]:
    """The widget's segments as the terminal receives them: through the app's own line
    filters (named colours turned into the theme's palette, dim text blended, NO_COLOR)."""
    width, height = widget.size
    background = widget.background_colors[1]
    segments: list[Segment] = []
    for strip in widget.render_lines(Region(0, 0, width, height)):
        line = list(strip)
        for line_filter in app.get_line_filters():
            line = line_filter.apply(line, background)
        segments += line
    return segments


def low_contrast(app: ReaderApp, widgets: list[Widget]) -> list[tuple[str, float]]:
    found = []
    for widget in widgets:
        for segment in painted(app, widget):
            text = segment.text.strip()
            if segment.style is None or all(c in GLYPHS or "\u2500" <= c <= "\u257f" for c in text):
                continue
            fg, bg = segment.style.color, segment.style.bgcolor
            if segment.style.reverse:
                fg, bg = bg, fg
            assert fg is not None and bg is not None, text
            ratio = contrast(fg, bg)
            if ratio < AA:
                found.append((text, round(ratio, 2)))
    return found


@pytest.mark.parametrize("theme", ["dark", "light"])
async def test_every_text_reaches_4_5_to_1_in_the_feed_panes_and_status(theme: str) -> None:
    app = make_app(
        documents=[kyiv_blog(), guardian_blog()],
        local_zone=NEW_YORK,
        settings=Loaded(Config(theme=theme)),
    )
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == THEME_NAMES[theme]
        assert any(isinstance(f, ANSIToTruecolor) for f in app.get_line_filters())
        await pilot.pause()
        feed = app.query_one(Feed)
        widgets: list[Widget] = [feed, *app.query(PickList), app.query_one("#status", Static)]
        seen = ""
        for keys in ((), ("G",), ("g", "slash", *"kyiv", "ctrl+t", "enter", "j")):
            await pilot.press(*keys)  # the newest, the oldest, highlighted words
            await pilot.pause()
            seen += "".join(s.text for s in painted(app, feed))
            assert low_contrast(app, widgets) == [], keys
        app.timeline.mark_gone("/data/bbc.txt")  # a source row marked gone (dim before)
        app.refresh_panes()
        await pilot.pause()
        assert "gone" in "".join(s.text for s in painted(app, app.query_one("#sources")))
        assert low_contrast(app, widgets) == []
        # The secondary texts the issue names were on screen, and measured with the rest.
        for text in ("(date only)", "(zone assumed)", "Ukraine invasion live", "Reuters"):
            assert text in seen, text


def no_colour(segments: list[Segment]) -> bool:
    for segment in segments:
        style = segment.style
        if style is None:
            continue
        for color in (style.color, style.bgcolor):
            if color is not None and not color.is_default:
                return False
    return True


async def test_no_color_paints_no_colour_and_no_background(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    # Even with a theme asked for in the config: NO_COLOR wins.
    app = make_app(documents=[kyiv_blog()], settings=Loaded(Config(theme="light")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == THEME_NAMES["ansi"]
        widgets: list[Widget] = [app.query_one(Feed), app.query_one("#status", Static)]
        segments = [s for widget in widgets for s in painted(app, widget)]
        assert "Explosions heard in Kyiv" in "".join(s.text for s in segments)
        assert no_colour(segments)
        await pilot.press("T")  # the theme key keeps the terminal's colours
        await pilot.pause()
        assert app.theme == THEME_NAMES["ansi"]
        assert no_colour([s for widget in widgets for s in painted(app, widget)])


async def test_without_no_color_the_dark_theme_paints_its_background() -> None:
    app = make_app(documents=[kyiv_blog()])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not no_colour(painted(app, app.query_one(Feed)))


async def test_the_ansi_theme_uses_the_terminals_colours_and_background() -> None:
    app = make_app(documents=[kyiv_blog()], settings=Loaded(Config(theme="ansi")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == THEME_NAMES["ansi"]
        segments = painted(app, app.query_one(Feed))
        colours = [
            colour
            for s in segments
            if s.style is not None
            for colour in (s.style.color, s.style.bgcolor)
            if colour is not None
        ]
        # Only the terminal's default and named colours: no painted RGB, no own background.
        assert colours and all(colour.triplet is None for colour in colours)
        assert any(colour.is_default for s in segments if s.style for colour in [s.style.bgcolor]
                   if colour is not None)
        assert "blue" in {colour.name for colour in colours}  # the source name


async def test_the_theme_key_steps_through_dark_light_and_ansi(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    app = make_app(documents=[kyiv_blog()])
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == THEME_NAMES["dark"]
        for word in ("light", "ansi", "dark"):
            await pilot.press("T")
            assert app.theme == THEME_NAMES[word]
