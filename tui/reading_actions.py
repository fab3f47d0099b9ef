"""The reader's read state, marks, last visit and saved view: what the keys ``v``, ``u``,
``U``, ``]``/``[``, ``m`` and ``'``/``"`` do, and the timer that reads the entry under the
cursor.

A mixin of :class:`tui.app.ReaderApp`, which holds the state (``state``, ``unread``,
``source_unread``) and the widgets; the store itself (:mod:`tui.engine.state`) loads when
the first screen is up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from textual.app import App
from textual.css.query import NoMatches
from textual.timer import Timer

from parsers.model import Document, Problem
from tui.engine.query import Query
from tui.engine.timeline import Change, Item, Timeline
from tui.messages import StateProblem
from tui.read_state import PANES, SourceUnread, UnreadCounter, last_visit, zone_key, zone_mode
from tui.time_display import ZoneMode
from tui.widgets.entry_lines import safe
from tui.widgets.pick_list import PickList, Row

if TYPE_CHECKING:
    from tui.engine.state import StateStore
    from tui.widgets.feed import Feed


class ReadingActions(App[int]):
    """Read state and marks for the reader (see the module's docstring)."""

    # Set by ReaderApp.__init__.
    paths: list[str]
    timeline: Timeline
    mode: ZoneMode
    query_value: Query | None
    keep_state: bool
    state_path: str | None
    read_after: float
    default_view: str
    state: StateStore | None
    unread: UnreadCounter
    source_unread: SourceUnread
    _read_timer: Timer | None

    # Provided by ReaderApp.
    @property
    def feed(self) -> Feed:
        raise NotImplementedError

    def apply_query(self, text: str) -> None:
        raise NotImplementedError

    def refresh_panes(self, change: Change | None = None) -> None:
        raise NotImplementedError

    def update_status(self) -> None:
        raise NotImplementedError

    def finish_scan(self) -> None:
        raise NotImplementedError

    def _source_row(self, document: Document, count: int) -> Row:
        raise NotImplementedError

    # -- the store --------------------------------------------------------------------------

    def open_state(self) -> None:
        """Open the state store, show what it knows, and restore the last view.

        A database that cannot be used gives a warning (and a problem, listed by ``p``) and a
        session that remembers nothing afterwards: never an exception.
        """
        from tui.engine.state import StateStore

        if self.state is not None:
            return

        def saving_failed(problem: Problem) -> None:  # called from the writer thread
            self.post_message(StateProblem(problem))

        store = StateStore(self.state_path, persist=self.keep_state, on_problem=saving_failed)
        self.state = store
        for problem in store.problems:
            self.state_problem(problem)
        self.restore_view()
        visit = last_visit(store, self.paths) if self.paths else None
        self.feed.set_display(flags=store, visit=visit.timestamp() if visit else None)
        self.unread.changed()
        self.source_unread.clear()
        if self.query_value is not None and self.query_value.states:
            self.apply_query(self.query_value.text)  # is: terms see the state now
        self.refresh_panes()
        self.start_read_timer(self.feed.current)
        self.update_status()

    def state_problem(self, problem: Problem) -> None:
        self.timeline.add_problem(problem)
        self.notify(safe(problem.message), title="Read state", severity="warning", markup=False)
        self.update_status()

    def on_state_problem(self, message: StateProblem) -> None:
        self.state_problem(message.problem)

    def restore_view(self) -> None:
        """The zone, the panes and the list or feed saved by the last session (the list or
        feed: ``default_view`` when none was saved)."""
        if self.state is None:
            return
        saved = self.state.view()
        mode = zone_mode(saved.zone)
        if mode is not None and mode is not self.mode:
            self.mode = mode
            self.feed.set_display(mode=mode)
        self.feed.set_list_view((saved.mode or self.default_view) == "list")
        if saved.panes is not None:
            # Hidden stays hidden; shown is the default (narrow terminals still hide them).
            self.query_one("#sidebar").set_class(not saved.panes, "-hidden")

    def save_view(self) -> None:
        if self.state is None:
            return
        from tui.engine.state import ViewSettings

        sidebar = self.query_one("#sidebar")
        shown = not sidebar.has_class("-hidden")
        self.state.save_view(
            ViewSettings(
                zone=zone_key(self.mode),
                panes=PANES if shown else (),
                mode="list" if self.feed.list_view else "feed",
            )
        )

    def start_read_timer(self, item: Item | None) -> None:
        """Count ``item`` as read once it has been the cursor entry for ``read_after``."""
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if item is None or self.state is None or self.state.is_read(item.id):
            return
        entry_id = item.id
        self._read_timer = self.set_timer(self.read_after, lambda: self.dwelt(entry_id))

    def dwelt(self, entry_id: str) -> None:
        self._read_timer = None
        try:
            current = self.feed.current
        except NoMatches:  # the timer fired as the reader closed: its widgets are gone
            return
        if current is not None and current.id == entry_id:
            self.set_read([current], True)

    def set_read(self, items: Sequence[Item], read: bool) -> int:
        """Mark ``items`` (entries shown) read or unread and show it; how many changed.

        The counts of unread entries move by what changed: nothing is counted again, so
        reading an entry costs the same among 100,000.
        """
        state = self.state
        if state is None:
            return 0
        is_read = state.is_read
        changing = [item for item in items if is_read(item.entry.id) != read]
        if not changing:
            return 0
        state.set_read([item.entry.id for item in changing], read)
        step = -1 if read else 1
        self.unread.adjust(self.feed.items, step * len(changing))
        by_path = Counter(item.document.source.path for item in changing)
        for path, count in by_path.items():
            self.source_unread.adjust(path, step * count)
        self.feed.flags_changed()
        self.refresh_source_rows(by_path)
        self.update_status()
        return len(changing)

    def refresh_source_rows(self, paths: Iterable[str]) -> None:
        rows = []
        for path in paths:
            found = self.timeline.source_row(path)
            if found is not None:
                rows.append(self._source_row(*found))
        self.query_one("#sources", PickList).update_rows(rows)

    # -- actions ----------------------------------------------------------------------------

    def action_toggle_view(self) -> None:
        """Switch between every entry in full and one line per entry."""
        self.feed.set_list_view(not self.feed.list_view)
        self.save_view()

    def _state_or_warn(self) -> StateStore | None:
        if self.state is None:
            self.notify("The read state is still opening.", severity="warning")
        return self.state

    def action_toggle_read(self) -> None:
        item = self.feed.current
        state = self._state_or_warn()
        if item is None or state is None:
            return
        read = not state.is_read(item.id)
        self.set_read([item], read)
        # Marked unread on purpose: it stays so while the cursor is on it.
        self.start_read_timer(None)
        self.notify("Marked read." if read else "Marked unread.", timeout=2)

    def action_read_all(self) -> None:
        """Mark every entry shown (the filter's result) as read."""
        if self._state_or_warn() is None:
            return
        self.finish_scan()
        changed = self.set_read(self.feed.items, True)
        noun = "entry" if changed == 1 else "entries"
        self.notify(f"{changed} {noun} marked read." if changed else "All read.")

    def action_next_unread(self, forward: bool) -> None:
        state = self._state_or_warn()
        if state is None:
            return
        self.finish_scan()
        is_read = state.is_read
        found = self.feed.find(lambda item: not is_read(item.id), forward)
        if found is None:
            self.notify("No unread entry shown.")
        elif found is False:
            self.notify("Wrapped around to the first unread entry.")

    def action_toggle_mark(self) -> None:
        item = self.feed.current
        state = self._state_or_warn()
        if item is None or state is None:
            return
        marked = state.toggle_mark(item.id)
        self.feed.flags_changed()
        said = "Marked (' and \" go to the next and previous mark)." if marked else "Unmarked."
        self.notify(said, timeout=2)

    def action_next_mark(self, forward: bool) -> None:
        state = self._state_or_warn()
        if state is None:
            return
        self.finish_scan()
        is_marked = state.is_marked
        found = self.feed.find(lambda item: is_marked(item.id), forward)
        if found is None:
            self.notify("No marked entry shown (m marks one).")
        elif found is False:
            self.notify("Wrapped around to the first mark.")
