"""The reader's themes: dark (the default), light, and one in the terminal's own colours.

Each is a Textual :class:`~textual.theme.Theme` (the colours of the widgets) paired with an
ANSI palette (what the named colours of the feed's text, ``blue``, ``yellow``..., are painted
as). The palettes are chosen so that every text colour the reader uses reaches 4.5:1 against
the theme's backgrounds (WCAG AA); ``tests/test_themes.py`` measures it on the painted
screen. The ``ansi`` theme paints no background and passes the named colours to the
terminal, so the terminal's palette decides; under ``NO_COLOR`` the reader always uses it, and
Textual then strips every colour (:func:`no_color_requested`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace

from rich.terminal_theme import TerminalTheme
from textual.theme import BUILTIN_THEMES, Theme

THEME_NAMES: dict[str, str] = {
    "dark": "liveblog-dark",
    "light": "liveblog-light",
    "ansi": "liveblog-ansi",
}
"""The config's theme words and the Textual themes they name."""

CYCLE = ("dark", "light", "ansi")
"""The order the theme key steps through."""

DARK = Theme(
    name="liveblog-dark",
    primary="#0178D4",
    secondary="#004578",
    accent="#ffa62b",
    warning="#ffa62b",
    error="#ba3c5b",
    success="#4EBF71",
    foreground="#e0e0e0",
    background="#121212",
    surface="#1e1e1e",
    panel="#242f38",
    dark=True,
)

LIGHT = Theme(
    name="liveblog-light",
    primary="#004578",
    secondary="#0159a0",
    accent="#8a4b00",
    warning="#8a4b00",
    error="#a4133c",
    success="#1e6b34",
    foreground="#1a1a1a",
    background="#ffffff",
    surface="#f4f4f4",
    panel="#e6ebf0",
    dark=False,
    variables={"footer-key-foreground": "#0159a0"},
)

ANSI = replace(BUILTIN_THEMES["ansi-dark"], name="liveblog-ansi")
"""Textual's ``ansi-dark``: the terminal's default colours and palette, nothing painted."""

THEMES = (DARK, LIGHT, ANSI)

DARK_PALETTE = TerminalTheme(
    (18, 18, 18),
    (224, 224, 224),
    [
        (26, 26, 26),  # black: text on yellow and magenta badges
        (232, 88, 88),  # red
        (110, 205, 110),  # green
        (236, 196, 90),  # yellow
        (138, 170, 255),  # blue: the source name
        (216, 150, 232),  # magenta
        (94, 200, 222),  # cyan
        (208, 208, 208),  # white
    ],
    [
        (140, 140, 140),  # bright black
        (255, 120, 120),
        (140, 230, 120),
        (255, 222, 110),
        (150, 185, 255),
        (240, 170, 240),
        (120, 220, 240),
        (255, 255, 255),
    ],
)
"""What the named colours are on the dark theme."""

LIGHT_PALETTE = TerminalTheme(
    (255, 255, 255),
    (26, 26, 26),
    [
        (0, 0, 0),  # black: text on yellow and magenta badges
        (176, 20, 36),  # red
        (28, 110, 40),  # green
        (138, 116, 0),  # yellow: "(date only)", and under black highlighted words
        (26, 74, 176),  # blue: the source name
        (226, 160, 236),  # magenta: under black badge text
        (0, 100, 128),  # cyan
        (90, 90, 90),  # white (as text on white: a dark grey)
    ],
    [
        (96, 96, 96),  # bright black
        (160, 24, 24),
        (30, 100, 20),
        (130, 84, 0),  # bright yellow: the cursor mark and keys in the help
        (20, 70, 190),
        (140, 40, 150),
        (0, 96, 120),
        (255, 255, 255),  # bright white: text on red alerts
    ],
)
"""What the named colours are on the light theme (darker, to read on white)."""


def palette_for(dark: bool) -> TerminalTheme:
    return DARK_PALETTE if dark else LIGHT_PALETTE


def no_color_requested(environ: Mapping[str, str] | None = None) -> bool:
    """``NO_COLOR`` is set (to anything, as https://no-color.org says)."""
    return "NO_COLOR" in (os.environ if environ is None else environ)


def next_theme(word: str) -> str:
    """The theme word after ``word`` in :data:`CYCLE`."""
    index = CYCLE.index(word) if word in CYCLE else -1
    return CYCLE[(index + 1) % len(CYCLE)]
