"""A multi-select list for the sources and authors panes, drawn with the line API.

Each row has a key (what filtering uses), a label, a detail (a role), a note (a state in
words: ``gone``, ``renamed from OLD``) and a count (``unread/count`` where unread entries are
counted). Rows can be selected (``[x]``, the filter)
and marked (``●``, the entry under the feed's cursor). A note is never left to colour alone
(it must read under ``NO_COLOR``) and is cut last: the label gives up its room first. The
selection belongs to the app: a toggle posts :class:`PickList.Changed` with the selection
asked for, and the app shows what it decided with :meth:`PickList.set_selected`. Rows are
replaced whole (:meth:`set_rows`) or a few at a time (:meth:`update_rows`), so a pane of
17,000 sources costs only what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.entry_lines import safe

SELECTED = Style(color="bright_green", bold=True)
MARK = Style(color="bright_yellow", bold=True)
CURSOR_ROW = Style(reverse=True)
DETAIL = Style(dim=True)
COUNT = Style(color="cyan")
GONE = Style(color="red")  # no dim: 4.5:1 in every theme (tui.themes); the note says "gone"
NOTE = Style(color="yellow", italic=True)
LABEL_ROOM = 8
"""Cells a label keeps, at least, beside a long note."""
NAME_ROOM = 5
"""Cells a note's file name needs to be worth showing (else the note is its first word)."""


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a pane."""

    key: str
    label: str
    count: int
    detail: str | None = None
    gone: bool = False
    note: str | None = None
    """The row's state in words, shown in full before the count (``renamed from old.txt``)."""
    unread: int | None = None
    """How many of its entries are not read yet, shown as ``unread/count`` (None: not
    counted)."""
    brief: str | None = None
    """A shorter note, shown instead when the note does not fit (``3 copies``)."""


def fit_note(note: str, room: int) -> str:
    """``note`` within ``room`` cells. Its words stay whole and its last word (a file name)
    is cut in the middle, where it says the least; with less room, only its first word."""
    if len(note) <= room:
        return note
    words, _, name = note.rpartition(" ")
    if words and len(words) + 1 + NAME_ROOM <= room:
        return f"{words} {cut_middle(name, room - len(words) - 1)}"
    return cut_middle(note.split(" ", 1)[0], room)


def cut_middle(text: str, room: int) -> str:
    if len(text) <= room:
        return text
    if room <= 1:
        return text[:room]
    head = (room - 1) // 2
    return text[:head] + "…" + text[len(text) - (room - 1 - head) :]


class PickList(ScrollView, can_focus=True):
    """Rows with a highlight that moves, a selection that filters and marks that follow."""

    BINDINGS = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(10)", "Page down", show=False),
        Binding("pageup", "move(-10)", "Page up", show=False),
        Binding("space,enter", "pick", "Select", show=False),
        Binding("c", "clear", "Clear selection", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The reader asked for another selection in a pane."""

        pick_list: PickList
        selected: frozenset[str]

        @property
        def control(self) -> PickList:
            return self.pick_list

    def __init__(self, *, empty: str = "", id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.empty = empty
        self.rows: list[Row] = []
        self._index: dict[str, int] = {}
        self.selected: frozenset[str] = frozenset()
        """What the app says is selected (see :meth:`set_selected`)."""
        self.marked: frozenset[str] = frozenset()
        self.highlight = 0

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows`` instead of the present ones (the highlight stays on its key)."""
        current = self.rows[self.highlight].key if self.rows else None
        self.rows = list(rows)
        self._index = {row.key: index for index, row in enumerate(self.rows)}
        self.highlight = self._index.get(current, 0) if current is not None else 0
        self.virtual_size = Size(1, len(self.rows))
        self.refresh()

    def update_rows(self, rows: Iterable[Row], renamed: Iterable[tuple[str, str]] = ()) -> None:
        """Replace the rows with the same keys and append the others; ``renamed`` rows
        (old key, new key) take their new key where they stand."""
        for old, new in renamed:
            index = self._index.pop(old, None)
            if index is not None:
                self._index[new] = index
                self.rows[index] = replace(self.rows[index], key=new)
        for row in rows:
            index = self._index.get(row.key)
            if index is None:
                self._index[row.key] = len(self.rows)
                self.rows.append(row)
            else:
                self.rows[index] = row
        self.virtual_size = Size(1, len(self.rows))
        self.refresh()

    def set_selected(self, keys: Iterable[str]) -> None:
        """Show ``keys`` as the selection."""
        selected = frozenset(keys)
        if selected != self.selected:
            self.selected = selected
            self.refresh()

    def set_marked(self, keys: Iterable[str]) -> None:
        marked = frozenset(keys)
        if marked != self.marked:
            self.marked = marked
            self.refresh()

    def clear(self) -> None:
        """Ask for an empty selection."""
        if self.selected:
            self.post_message(self.Changed(self, frozenset()))

    def action_move(self, delta: int) -> None:
        if not self.rows:
            return
        self.highlight = max(0, min(len(self.rows) - 1, self.highlight + delta))
        self.scroll_to_region_if_needed()
        self.refresh()

    def scroll_to_region_if_needed(self) -> None:
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if self.highlight < top:
            self.scroll_to(y=self.highlight, animate=False)
        elif self.highlight >= top + height:
            self.scroll_to(y=self.highlight - height + 1, animate=False)

    def action_pick(self) -> None:
        """Select or unselect the highlighted row (``toggle`` is a DOMNode action)."""
        if not self.rows:
            return
        key = self.rows[self.highlight].key
        self.post_message(self.Changed(self, self.selected ^ {key}))

    def action_clear(self) -> None:
        self.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        if not self.rows and y == 0 and self.empty:
            line = Strip([Segment(self.empty[:width], DETAIL)]).adjust_cell_length(width)
            return line.apply_style(self.rich_style)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("● " if row.key in self.marked else "  ", MARK)
        text.append("[x] " if row.key in self.selected else "[ ] ", SELECTED)
        count = f" {row.count}" if row.unread is None else f" {row.unread}/{row.count}"
        label = Text(safe(row.label), style=GONE if row.gone else Style())
        if row.detail:
            label.append(f" {safe(row.detail)}", DETAIL)
        room = max(1, width - text.cell_len - len(count))
        note = ""
        if row.note:
            label_room = min(label.cell_len, LABEL_ROOM)
            space = max(1, room - label_room - 1)
            said = safe(row.note)
            if len(said) > space and row.brief:
                said = safe(row.brief)
            note = " " + fit_note(said, space)
            room = max(0, room - len(note))
        label.truncate(room, overflow="ellipsis", pad=True)
        text.append_text(label)
        text.append(note, NOTE)
        text.append(count, COUNT)
        segments = list(text.render(self.app.console))
        strip = Strip(segments).adjust_cell_length(width)
        strip = strip.apply_style(self.rich_style)
        if index == self.highlight and self.has_focus:
            strip = strip.apply_style(CURSOR_ROW)
        elif index == self.highlight:
            strip = strip.apply_style(Style(underline=True))
        return strip

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(1, len(self.rows))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = int(self.scroll_offset.y) + offset.y
        if 0 <= index < len(self.rows):
            self.highlight = index
            self.action_pick()
