"""The activity strip (``H``): entries per hour or per day as a one-line sparkline.

The app hands it an :class:`~tui.engine.activity.Activity` (computed off the UI thread) and
the cursor's time; it draws them at its width, marks the cursor's column, and posts
:class:`ActivityStrip.Jump` with a span of time when the reader clicks, drags or moves in it
(``left``/``right`` step to the previous or next column with entries once ``tab``
focused it; a click leaves the focus on the feed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from tui.engine.activity import Activity, Unit, sparkline

BARS = Style(color="cyan")
CURSOR = Style(reverse=True, bold=True)
LEGEND = Style(italic=True)
MIN_BARS = 16
"""Below this many sparkline columns the legend drops the span."""


def legend(strip: Activity, peak: int, short: bool = False) -> str:
    """`` 24 Feb 06:00 – 25 Feb 09:00 per hour EET · █ 12``: the span, the unit and the
    clock, and what a full bar stands for (``short``: `` per hour · █ 12``)."""
    if not strip.starts:
        return ""
    zone = strip.starts[0].tzname()
    unit = "per hour" if strip.unit is Unit.HOUR else "per day"
    where = f" {zone}" if zone else ""
    if short:
        return f" {unit} · █ {peak}"
    first, last = span_label(strip.starts[0], strip.unit), span_label(strip.starts[-1], strip.unit)
    return f" {first} – {last} {unit}{where} · █ {peak}"


def span_label(start: datetime, unit: Unit) -> str:
    return f"{start:%d %b %H:%M}" if unit is Unit.HOUR else f"{start:%d %b %Y}"


class ActivityStrip(Widget, can_focus=True):
    """One line: a label, the sparkline, a legend."""

    DEFAULT_CSS = """
    ActivityStrip {
        height: 1;
        display: none;
        padding: 0 1;
    }
    ActivityStrip.-shown {
        display: block;
    }
    ActivityStrip:focus {
        background: $boost;
        text-style: bold;
    }
    """

    FOCUS_ON_CLICK = False
    """A click jumps and leaves the keys with the feed; ``tab`` focuses the strip."""

    BINDINGS = [
        Binding("left,h", "step(-1)", "Earlier", show=False),
        Binding("right,l", "step(1)", "Later", show=False),
    ]

    @dataclass
    class Jump(Message):
        """Move the feed's cursor into this span of time (an entry in it, nearest its
        middle)."""

        start: datetime
        end: datetime

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.activity: Activity | None = None
        self.cursor: float | None = None
        self.pending = False
        """A newer activity is being counted."""
        self._dragging = False

    # -- state from the app ----------------------------------------------------------------

    def show_activity(self, activity: Activity | None) -> None:
        self.activity = activity
        self.pending = False
        self.refresh()

    def set_cursor(self, instant: float | None) -> None:
        if instant != self.cursor:
            self.cursor = instant
            self.refresh()

    def set_pending(self) -> None:
        if not self.pending:
            self.pending = True
            self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def _short(self) -> bool:
        """Too narrow for the span in the legend (a sparkline of fewer than 16 columns)."""
        strip = self.activity
        if strip is None or not strip.counts:
            return True
        width = self.content_region.width or self.size.width
        return width - len(legend(strip, strip.total)) - 2 < MIN_BARS

    def _room(self) -> int:
        """The sparkline's width: the line less the legend (sized for the largest count)."""
        strip = self.activity
        width = self.content_region.width or self.size.width
        if strip is None or not strip.counts:
            return 0
        return max(1, width - len(legend(strip, strip.total, self._short())) - 2)

    def columns(self) -> tuple[int, int]:
        """(sparkline columns, cells each): few bins are widened to fill the room."""
        strip = self.activity
        room = self._room()
        if strip is None or not strip.counts:
            return 0, 1
        bins = len(strip.counts)
        if bins >= room:
            return room, 1
        return bins, room // bins

    def render(self) -> Text:
        strip = self.activity
        if strip is None:
            return Text("Activity: counting…", LEGEND)
        if not strip.counts:
            return Text("Activity: no entry shown has a time.", LEGEND)
        room = self._room()
        columns, cells = self.columns()
        drawn = sparkline(strip, columns, self.cursor)
        line = Text(no_wrap=True, overflow="ellipsis")
        for column, char in enumerate(drawn.text):
            line.append(char * cells, CURSOR if column == drawn.cursor else BARS)
        line.append(" " * max(0, room - len(drawn.text) * cells))
        text = legend(strip, drawn.peak, self._short())
        line.append(text + (" …" if self.pending else ""), LEGEND)
        return line

    # -- jumping ---------------------------------------------------------------------------

    def column_span(self, column: int) -> tuple[datetime, datetime] | None:
        """The span of time sparkline column ``column`` shows."""
        strip = self.activity
        if strip is None or not strip.counts:
            return None
        columns, _ = self.columns()
        start = strip.start_at_column(column, columns)
        if start is None:
            return None
        end = strip.start_at_column(column + 1, columns)
        if end is None:
            step = timedelta(hours=1) if strip.unit is Unit.HOUR else timedelta(days=1)
            end = strip.starts[-1] + step
        return start, end

    def _jump_to_column(self, column: int) -> None:
        span = self.column_span(column)
        if span is not None:
            self.post_message(self.Jump(*span))

    def action_step(self, direction: int) -> None:
        """To the previous or next column that has entries."""
        strip = self.activity
        if strip is None or not strip.counts:
            return
        columns, _ = self.columns()
        drawn = sparkline(strip, columns, self.cursor)
        start = drawn.cursor if drawn.cursor is not None else (-1 if direction > 0 else columns)
        column = start + direction
        while 0 <= column < len(drawn.text):
            if drawn.text[column] != " ":
                self._jump_to_column(column)
                return
            column += direction

    def _content_x(self, event: events.MouseEvent) -> int | None:
        """The sparkline column under the mouse."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return offset.x // self.columns()[1]

    def on_click(self, event: events.Click) -> None:
        x = self._content_x(event)
        if x is not None:
            self._jump_to_column(x)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._dragging = True
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            x = self._content_x(event)
            if x is not None:
                self._jump_to_column(x)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
