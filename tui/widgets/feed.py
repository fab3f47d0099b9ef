"""The feed: a virtual view of the timeline that renders only the lines on screen.

The view position is an entry and a line within it (like a pager), not a line number over the
whole feed: knowing the height of every entry would mean wrapping all of them, which is what a
100,000-entry archive cannot afford. Every operation (paging, ``G``, a new filter) wraps only
the entries it walks over, and wrapped lines are cached per entry, width and display state.
The scrollbar on the right shows the position by entry.

Two views share all of this: the feed (every entry in full) and the list (one line per entry,
newsboat-style), switched by :meth:`Feed.set_list_view`. An entry's lines are its separators
(a new day; "new since your last visit") and then its text, so the list is the same machinery
with entries one line high.

A line number within an entry only means something at the width it was wrapped at, so the
position is fitted to one size at a time (``_fit``): when the width or height changes (a
resized terminal, the panes shown or hidden), the cursor's entry keeps its screen row and stays
on screen, and no position from the old width is ever used at the new one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.engine.query import EntryState
from tui.engine.timeline import Item, find_index
from tui.time_display import ZoneMode
from tui.widgets.entry_lines import (
    VISIT,
    VISIT_LABEL,
    blank,
    entry_texts,
    flag_marks,
    list_line,
    one_line,
    separator,
    separator_label,
    wrap,
)

GUTTER = 2
BAR = 1
CURSOR = Style(color="bright_yellow", bold=True)
THUMB = Style(color="bright_blue")
TRACK = Style(color="grey37")
EMPTY = Style(italic=True, dim=True)
CACHE_LIMIT = 5000
PREVIEW_SHARE = 0.4
"""The share of the list's height the preview pane takes."""
PREVIEW_LEAST = 6
"""Rows the preview pane takes at least (on a screen at least twice that high)."""

Position = tuple[int, int]
"""(item index, line within that item's lines) of the top screen row."""


def _no_note(entry_id: str) -> str | None:
    return None


class Feed(Widget, can_focus=True):
    """The merged timeline, newest first, with a cursor on one entry."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Next entry", show=False),
        Binding("up,k", "move(-1)", "Previous entry", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "first", "Newest", show=False),
        Binding("G,end", "last", "Oldest", show=False),
        Binding("enter", "open", "Full view", show=False),
        Binding("V", "toggle_preview", "Preview", show=False),
    ]

    @dataclass
    class CursorMoved(Message):
        """The entry under the cursor changed (None: the feed is empty)."""

        item: Item | None

        def can_replace(self, message: Message) -> bool:
            # Holding ``j`` down: only the latest position matters to the panes.
            return isinstance(message, Feed.CursorMoved)

    @dataclass
    class Opened(Message):
        """The reader asked to read an entry in full."""

        item: Item

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.items: list[Item] = []
        self.cursor = 0
        self.top: Position = (0, 0)
        self.mode = ZoneMode.SOURCE
        self.local: tzinfo | None = None
        self.needles: tuple[str, ...] = ()
        self.gone: frozenset[str] = frozenset()
        self.alerted: Mapping[str, tuple[str, ...]] = {}
        """Entry id to the ``--alert`` words it mentions (new entries only)."""
        self.list_view = False
        """True: one line per entry (the headline list); False: every entry in full."""
        self.flags: EntryState | None = None
        """What is read and marked (None: not known yet, no marks shown)."""
        self.preview = False
        """In the list: the entry under the cursor in full, in a pane below (``V``)."""
        self._preview: tuple[tuple[object, ...], list[Strip]] | None = None
        self.visit: float | None = None
        """The instant of the last visit: entries placed after it are "new since your last
        visit" (None: no separator)."""
        self.notes: Callable[[str], str | None] = _no_note
        """Entry id to a note shown on its byline (``edited``, ``also in: …``)."""
        self._cache: dict[tuple[object, ...], list[Strip]] = {}
        self._rows: list[tuple[int, int]] | None = None
        self._layout: tuple[int, int] | None = None
        """(text width, height) that ``top`` and ``_rows`` are measured at; None before the
        first fit."""
        self._thumb = -1
        self._dragging = False
        self.empty_text = "No entries."
        """What the feed says when it has nothing to show."""
        self.complete: Callable[[], None] | None = None
        """Called before going to the end, to finish a search still filling ``items``."""
        self._announced: str | None = ""

    # -- state from the app ----------------------------------------------------------------

    def set_items(self, items: list[Item], keep: str | None = None) -> None:
        """Show ``items``; keep the cursor on the entry with id ``keep`` when it is there.

        The kept entry stays on the screen row where it was, so entries arriving above it
        (a file that grew, a filter that widened) never move what the reader is looking at.
        """
        self._fit()
        row = self._cursor_row() if keep is not None else None
        top_id, top_line = self._top_entry() if keep is not None and row is None else (None, 0)
        self.items = items
        index = find_index(items, keep) if keep is not None else None
        self.cursor = index if index is not None else 0
        self.top = (self.cursor, 0)
        if index is not None and row:
            self.top = self._advance(self.top, -row)
        elif index is not None and top_id is not None:
            # The cursor's entry starts above the screen (a long entry, scrolled into):
            # keep the top row's entry and line where they were instead.
            top = find_index(items, top_id)
            if top is not None:
                self.top = (top, top_line)
        self._clamp()
        self._changed()

    def _top_entry(self) -> tuple[str | None, int]:
        """The id of the entry on the top screen row, and which of its lines is there."""
        index, line = self.top
        if 0 <= index < len(self.items):
            return self.items[index].id, line
        return None, 0

    def _cursor_row(self) -> int | None:
        """The screen row where the cursor's entry starts, if it is on screen."""
        if not self.items or self.size.height == 0:
            return None
        rows = self._rows if self._rows is not None else self._rows_from_top()
        for number, (index, line) in enumerate(rows):
            if index == self.cursor and line == 0:
                return number
        return None

    def items_grew(self) -> None:
        """More items were appended to the list being shown (a search completing)."""
        self._rows = None
        self.refresh()

    def set_display(
        self,
        *,
        mode: ZoneMode | None = None,
        local: tzinfo | None = None,
        needles: Sequence[str] | None = None,
        gone: frozenset[str] | None = None,
        flags: EntryState | None = None,
        visit: float | None = None,
    ) -> None:
        if flags is not None:
            self.flags = flags
        if visit is not None:
            self.visit = visit
        if mode is not None:
            self.mode = mode
        if local is not None:
            self.local = local
        if needles is not None:
            self.needles = tuple(needles)
        if gone is not None:
            self.gone = gone
        self._changed()

    @property
    def current(self) -> Item | None:
        return self.items[self.cursor] if self.items else None

    def flags_changed(self) -> None:
        """Entries were read, unread, marked or unmarked: draw their marks again."""
        self._rows = None
        self.refresh()

    def set_list_view(self, on: bool) -> None:
        """Show one line per entry (``on``) or every entry in full; the cursor's entry keeps
        its screen row where it can."""
        if on == self.list_view:
            return
        self._fit()
        row = self._cursor_row()
        self.list_view = on
        self._rows = None
        if self.items:
            self.top = self._advance((self.cursor, 0), -(row or 0))
            self._clamp()
            if not self.cursor_on_screen():
                self._show_cursor()
                self._clamp()
        self._changed()

    # -- lines -------------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        return max(10, self.size.width - GUTTER - BAR)

    def lines(self, index: int, width: int | None = None) -> list[Strip]:
        """The wrapped lines of item ``index`` at ``width`` (by default the current one)."""
        item = self.items[index]
        heading = (
            separator_label(item.placed, self.mode, self.local) if self._headed(index) else None
        )
        width = self.text_width if width is None else width
        gone = item.path in self.gone
        alert = self.alerted.get(item.id, ())
        flags = self.flags
        unread = flags is not None and not flags.is_read(item.id)
        marked = flags is not None and flags.is_marked(item.id)
        visit = self._visit_boundary(index)
        note = self.notes(item.id)
        # The item itself (compared by identity): a re-parsed entry is a new item.
        key = (
            item,
            width,
            self.mode,
            self.needles,
            heading,
            gone,
            alert,
            self.list_view,
            unread,
            marked,
            visit,
            note,
        )
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        strips = [separator(VISIT_LABEL, width, VISIT)] if visit else []
        if heading:
            strips.append(separator(heading, width))
        marks = flag_marks(unread, marked)
        if self.list_view:
            line = list_line(
                item.entry,
                item.document.display_name,
                self.mode,
                self.local,
                self.needles,
                flags=marks,
                width=width,
                gone=gone,
                alert=alert,
            )
            strips.append(one_line(self.app.console, line, width))
        else:
            page_date = item.document.published if item.entry.published is None else None
            blocks = entry_texts(
                item.entry,
                item.document.display_name,
                self.mode,
                self.local,
                self.needles,
                gone,
                page_date,
                alert,
                marks,
                note,
            )
            strips += wrap(self.app.console, blocks, width)
            strips.append(blank(width))
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = strips
        return strips

    def _headed(self, index: int) -> bool:
        """True when item ``index`` starts under a new day separator."""
        if index == 0:
            return True
        label = separator_label(self.items[index].placed, self.mode, self.local)
        return label != separator_label(self.items[index - 1].placed, self.mode, self.local)

    def _is_new(self, index: int) -> bool:
        """True when item ``index`` is placed after the last visit."""
        placed = self.items[index].placed
        return self.visit is not None and placed is not None and placed.instant > self.visit

    def _visit_boundary(self, index: int) -> bool:
        """True when item ``index`` is the first one older than the last visit, below newer
        ones: the "new since your last visit" separator goes above it."""
        return (
            self.visit is not None
            and index > 0
            and self._is_new(index - 1)
            and not self._is_new(index)
        )

    def _head_count(self, index: int) -> int:
        """How many separator lines item ``index`` starts with."""
        return int(self._headed(index)) + int(self._visit_boundary(index))

    def height_of(self, index: int, width: int | None = None) -> int:
        return len(self.lines(index, width))

    # -- positions -------------------------------------------------------------------------

    def _view_height(self) -> int:
        """Rows of entries (the preview pane, when shown, takes the rest)."""
        return max(1, self.size.height - self._preview_rows())

    def _preview_rows(self) -> int:
        """Rows of the preview pane under the list (0: not shown)."""
        height = self.size.height
        if not (self.preview and self.list_view) or height < PREVIEW_LEAST * 2:
            return 0
        return max(PREVIEW_LEAST, int(height * PREVIEW_SHARE))

    def _ending_at(self, index: int) -> Position:
        """The top position that puts the end of item ``index`` on the bottom row."""
        remaining = self._view_height()
        while index >= 0:
            height = self.height_of(index)
            if height >= remaining:
                return (index, height - remaining)
            remaining -= height
            index -= 1
        return (0, 0)

    def _end(self) -> Position:
        return self._ending_at(len(self.items) - 1) if self.items else (0, 0)

    def _clamp(self) -> None:
        if not self.items:
            self.top = (0, 0)
            self.cursor = 0
            return
        self.cursor = max(0, min(self.cursor, len(self.items) - 1))
        index, line = self.top
        index = max(0, min(index, len(self.items) - 1))
        self.top = (index, max(0, min(line, self.height_of(index) - 1)))
        # Every entry takes a line at least: a screenful of entries below the top cannot
        # all fit (and the end, whose last entries change as a folder loads, is not wrapped).
        if len(self.items) - index <= self._view_height() and self.top > self._end():
            self.top = self._end()

    def _advance(self, position: Position, delta: int) -> Position:
        index, line = position
        if delta == 0:
            return position
        if delta > 0:
            while delta > 0 and index < len(self.items):
                left = self.height_of(index) - line
                if delta < left:
                    return (index, line + delta)
                delta -= left
                index, line = index + 1, 0
            return (len(self.items), 0)
        delta = -delta
        while delta > 0:
            if delta <= line:
                return (index, line - delta)
            delta -= line
            if index == 0:
                return (0, 0)
            index -= 1
            line = self.height_of(index)
        return (index, line)

    def _rows_from_top(self, layout: tuple[int, int] | None = None) -> list[tuple[int, int]]:
        """(item, line) of each screen row; ``layout`` (width, height) defaults to the current."""
        rows: list[tuple[int, int]] = []
        width, height = layout if layout is not None else (self.text_width, self._view_height())
        index, line = self.top
        while len(rows) < height and index < len(self.items):
            count = self.height_of(index, width)
            for number in range(line, count):
                rows.append((index, number))
                if len(rows) == height:
                    break
            index, line = index + 1, 0
        rows += [(-1, -1)] * (height - len(rows))
        return rows

    def _visible_starts(self) -> list[int]:
        """Items whose first line is on screen, top to bottom."""
        return [i for i, line in self._rows_from_top() if line == 0 and i >= 0]

    def _show_cursor(self) -> None:
        """Scroll the least needed to bring the cursor's entry on screen."""
        index, line = self.top
        if self.cursor < index or (self.cursor == index and line > 0):
            self.top = (self.cursor, 0)
            return
        height = self._view_height()
        if self.cursor - index > height:
            self.top = self._cursor_at_bottom()
            return
        used = self.height_of(index) - line
        for between in range(index + 1, self.cursor + 1):
            used += self.height_of(between)
        if used > height:
            self.top = self._cursor_at_bottom()

    def _cursor_at_bottom(self) -> Position:
        if self.height_of(self.cursor) >= self._view_height():
            return (self.cursor, 0)
        return self._ending_at(self.cursor)

    def _fit(self) -> None:
        """Fit the position to the current size (see the module's docstring).

        Called before anything reads or moves the position, so a size change is seen first.
        """
        if not self.size.width or not self.size.height:
            return  # not laid out yet (or hidden): keep the position for the next real size
        layout = (self.text_width, self._view_height())
        old = self._layout
        if old == layout:
            return
        self._layout = layout
        self._rows = None
        if old is None or not self.items:
            self._clamp()
            if self.items and not self.cursor_on_screen():
                self._show_cursor()
                self._clamp()
            return
        old_rows = self._rows_from_top(old)
        shown = [number for number, (i, line) in enumerate(old_rows) if i == self.cursor]
        starts = [number for number in shown if old_rows[number][1] == 0]
        if starts:
            # The cursor's entry keeps the screen row it starts on.
            self.top = self._advance((self.cursor, 0), -starts[0])
        else:
            # Scrolled into a long entry: keep the same share of the top entry above the screen.
            index, line = self.top
            if 0 <= index < len(self.items):
                before = max(1, self.height_of(index, old[0]))
                self.top = (index, line * self.height_of(index) // before)
        self._clamp()
        if not self.cursor_on_screen():
            self._show_cursor()
            self._clamp()

    def cursor_on_screen(self) -> bool:
        """True when at least one line of the cursor's entry is on screen."""
        return any(index == self.cursor for index, _ in self._rows_from_top())

    def _changed(self) -> None:
        self._rows = None
        self.refresh()
        current = self.current
        key = current.id if current is not None else None
        if key != self._announced:
            self._announced = key
            self.post_message(self.CursorMoved(current))

    # -- actions -----------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self._fit()
        if not self.items:
            return
        self.cursor = max(0, min(len(self.items) - 1, self.cursor + delta))
        self._show_cursor()
        self._changed()

    def action_page(self, direction: int) -> None:
        self._fit()
        if not self.items:
            return
        before = self.top
        step = max(1, self._view_height() - 1)
        self.top = self._advance(self.top, step * direction)
        self._clamp()
        starts = self._visible_starts()
        if direction > 0 and self.top == before and self.complete is not None:
            self.complete()
            self.top = self._advance(self.top, step)
            self._clamp()
            starts = self._visible_starts()
        if direction > 0 and self.top == before:
            self.cursor = len(self.items) - 1
        elif direction < 0 and self.top == (0, 0):
            self.cursor = 0
        elif starts:
            self.cursor = starts[0]
        else:
            self.cursor = self.top[0]
        self._changed()

    def action_first(self) -> None:
        self.go_to(0)

    def action_last(self) -> None:
        if self.complete is not None:
            self.complete()
        self.go_to(len(self.items) - 1)

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current))

    def go_to(self, index: int) -> None:
        self._fit()
        if not self.items:
            return
        self.cursor = max(0, min(index, len(self.items) - 1))
        self.top = (self.cursor, 0)
        self._clamp()
        self._changed()

    def find(self, predicate: Callable[[Item], bool], forward: bool = True) -> bool | None:
        """Move to the next (or previous) matching entry, wrapping around.

        Returns True when found without wrapping, False when it wrapped, None if no match.
        """
        self._fit()
        count = len(self.items)
        if not count:
            return None
        step = 1 if forward else -1
        for offset in range(1, count + 1):
            index = (self.cursor + step * offset) % count
            if predicate(self.items[index]):
                wrapped = (index < self.cursor) if forward else (index > self.cursor)
                self.cursor = index
                self._show_cursor()
                self._changed()
                return not wrapped
        return None

    def scroll_lines(self, delta: int) -> None:
        self._fit()
        if not self.items:
            return
        self.top = self._advance(self.top, delta)
        self._clamp()
        visible = {i for i, _ in self._rows_from_top() if i >= 0}
        if self.cursor not in visible:
            starts = self._visible_starts()
            self.cursor = starts[0] if starts else self.top[0]
        self._changed()

    # -- rendering ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        self._fit()
        if self._rows is None or len(self._rows) != self._view_height():
            self._clamp()
            self._rows = self._rows_from_top()
            self._thumb = self._thumb_row()
        if y >= len(self._rows):
            if y < self.size.height and self._preview_rows():
                return self._preview_line(y - len(self._rows)).apply_style(self.rich_style)
            return Strip.blank(width, self.rich_style)
        index, line = self._rows[y]
        text_width = self.text_width
        if not self.items and y == 1:
            message = Segment("  " + self.empty_text[: text_width + BAR - 2], EMPTY)
            return Strip([message]).adjust_cell_length(width).apply_style(self.rich_style)
        if index < 0:
            content: list[Segment] = [Segment(" " * (GUTTER + text_width))]
        else:
            strip = self.lines(index)[line]
            marked = index == self.cursor and (line >= 2 or line >= self._head_count(index))
            gutter = Segment("▌ ", CURSOR) if marked else Segment("  ")
            content = [gutter, *strip]
        strip = Strip([*content, self._bar(y)], GUTTER + text_width + BAR)
        return strip.apply_style(self.rich_style)  # the widget's colours under the text

    def _preview_line(self, row: int) -> Strip:
        """Row ``row`` of the preview pane: a rule, then the cursor's entry in full."""
        width = self.size.width
        if row == 0:
            return separator("preview (V hides it)", width)
        current = self.current
        if current is None:
            return Strip.blank(width)
        text_width = self.text_width
        flags = self.flags
        unread = flags is not None and not flags.is_read(current.id)
        marked = flags is not None and flags.is_marked(current.id)
        key = (current, text_width, self.mode, self.needles, unread, marked)
        if self._preview is None or self._preview[0] != key:
            page_date = current.document.published if current.entry.published is None else None
            blocks = entry_texts(
                current.entry,
                current.document.display_name,
                self.mode,
                self.local,
                self.needles,
                current.path in self.gone,
                page_date,
                self.alerted.get(current.id, ()),
                flag_marks(unread, marked),
            )
            self._preview = (key, wrap(self.app.console, blocks, text_width))
        strips = self._preview[1]
        if row - 1 < len(strips):
            return Strip([Segment(" " * GUTTER), *strips[row - 1]], GUTTER + text_width)
        return Strip.blank(width)

    def action_toggle_preview(self) -> None:
        """Show or hide the preview pane (in the list; in the feed, switch to the list)."""
        self._fit()
        self.preview = not self.preview if self.list_view else True
        if not self.list_view:
            self.set_list_view(True)
            return
        self._fit()
        self._rows = None
        self.refresh()

    def _thumb_row(self) -> int:
        """The scrollbar row of the view's position; -1 when everything fits."""
        count = len(self.items)
        height = self._view_height()
        if count <= 1 or height <= 1:
            return -1
        if count - self.top[0] <= height:  # near the end: is it the end, does all fit?
            end = self._end()
            if end == (0, 0):
                return -1
            if self.top == end:
                return height - 1
        return round(self.top[0] / (count - 1) * (height - 1))

    def _bar(self, y: int) -> Segment:
        if self._thumb < 0:
            return Segment(" ")
        return Segment("┃", THUMB) if y == self._thumb else Segment("│", TRACK)

    # -- mouse and size --------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit()
        self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_lines(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_lines(-3)

    def _jump_to_bar_row(self, y: int) -> None:
        fraction = max(0.0, min(1.0, y / max(1, self._view_height() - 1)))
        self.go_to(round(fraction * (len(self.items) - 1)))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self.items and event.x >= self.size.width - BAR:
            self._dragging = True
            self.capture_mouse()
            self._jump_to_bar_row(event.y)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self._jump_to_bar_row(event.y)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        if not self.items:
            return
        if event.x >= self.size.width - BAR:
            self._jump_to_bar_row(event.y)
            return
        self._fit()
        rows = self._rows if self._rows is not None else self._rows_from_top()
        if 0 <= event.y < len(rows) and rows[event.y][0] >= 0:
            self.cursor = rows[event.y][0]
            self._changed()
            if event.chain >= 2:
                self.action_open()
