"""The "+N new" marker: entries arrived while the reader was away from the newest.

It floats over the top right corner of the feed (it takes no layout space, so nothing on the
screen moves when it appears) and is hidden while the count is zero. The app gives it the
region to float over (a function: the feed moves when the panes are toggled or the terminal
is resized). A click posts :class:`NewMarker.Clicked`; the app jumps to the newest entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

MARGIN = 2
"""Cells between the marker and the feed's right edge (the scrollbar stays visible)."""


class NewMarker(Widget):
    """``▲ +N new · f``, over the feed's top right corner."""

    DEFAULT_CSS = """
    NewMarker {
        position: absolute;
        overlay: screen;
        width: auto;
        height: 1;
        padding: 0 1;
        background: $accent;
        color: $text;
        text-style: bold;
        display: none;
    }
    NewMarker:hover {
        background: $accent-lighten-1;
    }
    """

    @dataclass
    class Clicked(Message):
        """The reader clicked the marker: go to the newest entry."""

    def __init__(
        self,
        over: Callable[[], Region],
        *,
        id: str | None = None,  # noqa: A002 - Textual's name
    ) -> None:
        super().__init__(id=id)
        self.over = over
        """The region the marker floats over (its top right corner)."""
        self.count = 0
        self._placing: Timer | None = None

    def render(self) -> Text:
        noun = "entry" if self.count == 1 else "entries"
        return Text(f"▲ +{self.count} new {noun} · f", no_wrap=True)

    def show(self, count: int) -> None:
        """Show ``count`` new entries (0 hides the marker)."""
        if count == self.count:
            return
        self.count = count
        self.display = count > 0
        self.refresh(layout=True)
        if count > 0:
            self.place()
            if self._placing is None:
                # The feed moves when the panes are toggled or the terminal is resized.
                self._placing = self.set_interval(0.25, self.place)
        elif self._placing is not None:
            self._placing.stop()
            self._placing = None

    def place(self) -> None:
        """Put the marker over the top right corner of the feed."""
        region = self.over()
        width = len(f"▲ +{self.count} new entries · f") + 2
        x = max(region.x, region.right - width - MARGIN)
        if (x, region.y) != (self.styles.offset.x.value, self.styles.offset.y.value):
            self.styles.offset = (x, region.y)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked())
