"""The reader's settings: the config file applied to the app, themes, ``NO_COLOR``, keymaps.

:class:`SettingsApp` is the base of the reader's app. It registers the themes of
:mod:`tui.themes` (dark by default; under ``NO_COLOR`` the terminal's own colours, which
Textual then strips), and :meth:`SettingsApp.apply_settings` applies a config
(:mod:`tui.engine.config`): the clock times are shown on, the theme, the default view, the
settle and read times, and key remaps through Textual's keymap (bindings carry the config's
action names as ids). A config's problems are shown once the reader is up (a notification and
the problems list), never raised.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from parsers.clean import shown
from parsers.model import Problem
from tui.engine.config import DEFAULT_KEYS, Config, Loaded
from tui.engine.timeline import Timeline
from tui.themes import (
    THEME_NAMES,
    THEMES,
    next_theme,
    no_color_requested,
    palette_for,
)
from tui.time_display import ZoneMode

ZONE_MODES = {"source": ZoneMode.SOURCE, "local": ZoneMode.LOCAL, "utc": ZoneMode.UTC}
"""The config's zone words."""


class SettingsApp(App[int]):
    """An app with the reader's themes and the user's settings."""

    mode: ZoneMode
    """The clock times are shown on (the reader's; a config sets where it starts)."""
    timeline: Timeline
    """The reader's timeline, whose problems list shows the config's problems."""

    BINDINGS = [
        Binding("T", "cycle_theme", "Theme", show=False),
    ]

    def __init__(self) -> None:
        self.no_color = no_color_requested()
        # Under NO_COLOR, Textual strips colours only from a theme in the terminal's own
        # colours (another would be painted in greys, on its own background).
        super().__init__(ansi_color=True if self.no_color else None)
        for theme in THEMES:
            self.register_theme(theme)
        self.ansi_theme_dark = palette_for(dark=True)
        self.ansi_theme_light = palette_for(dark=False)
        self.theme_word = "ansi" if self.no_color else "dark"
        """The theme shown: ``dark``, ``light`` or ``ansi``."""
        self.theme = THEME_NAMES[self.theme_word]
        self.default_view = "feed"
        """The view to start in when none was remembered: ``feed`` or ``list``."""
        self.read_after = 1.0
        """Seconds an entry is the cursor entry before it counts as read."""
        self.settle_seconds: float | None = None
        """How long a changed file must keep still before it is read (None: the reader's
        default, :data:`tui.engine.follow.SETTLE_SECONDS`)."""
        self.settings_problems: tuple[Problem, ...] = ()
        """What was wrong with the config file (shown once the reader is up)."""
        self._clashes_told: set[frozenset[str]] = set()

    def apply_settings(self, settings: Loaded) -> None:
        """Use ``settings`` (before the app runs): every setting, and its problems."""
        config: Config = settings.config
        self.mode = ZONE_MODES.get(config.zone, ZoneMode.SOURCE)
        if not self.no_color:
            self.set_theme_word(config.theme)
        self.default_view = config.view
        self.read_after = config.read_after
        self.settle_seconds = config.settle
        self.set_keymap(keymap_for(config))
        self.settings_problems = settings.problems
        for problem in settings.problems:
            self.timeline.add_problem(problem)  # the problems list (p) shows them

    def set_theme_word(self, word: str) -> None:
        self.theme_word = word if word in THEME_NAMES else "dark"
        self.theme = THEME_NAMES[self.theme_word]

    def on_mount(self) -> None:
        problems = self.settings_problems
        if not problems:
            return
        first = problems[0].message
        more = f" (+{len(problems) - 1} more, p lists them)" if len(problems) > 1 else ""
        self.notify(
            f"{shown(first)}{more}",
            title=f"Config: {shown(problems[0].source)}",
            severity="warning",
            markup=False,
            timeout=10,
        )

    def action_cycle_theme(self) -> None:
        if self.no_color:
            self.notify("NO_COLOR is set: the terminal's own colours stay.", markup=False)
            return
        self.set_theme_word(next_theme(self.theme_word))
        self.notify(f"Theme: {self.theme_word}", markup=False, timeout=2)

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """A remapped key that another binding held: Textual gives it to the remap; said
        once."""
        names = frozenset(b.id or b.action for b in clashed_bindings)
        if names in self._clashes_told:
            return
        self._clashes_told.add(names)
        self.notify(
            "Config keys: a remapped key was the key of "
            + ", ".join(sorted(names))
            + ", which has no key now ([keys] in the config)",
            severity="warning",
            markup=False,
        )


def keymap_for(config: Config) -> dict[str, str]:
    """The binding ids whose keys the config changes, with their new keys."""
    return {
        action: keys for action, keys in config.keys if DEFAULT_KEYS.get(action) != keys
    }
