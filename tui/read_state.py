"""What the reader does with the state store (:mod:`tui.engine.state`): counting unread
entries, the last visit of the paths opened, the saved view, ``is:`` snapshots.

Pure helpers the app calls; the store is imported only for its types (it loads after the
first screen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from parsers.model import Document
from tui.engine.query import EntryState, Query, StateSnapshot
from tui.engine.timeline import Item
from tui.time_display import ZoneMode

if TYPE_CHECKING:
    from tui.engine.state import StateStore

READ_AFTER = 1.0
"""Seconds an entry must stay the cursor entry before it counts as read."""

PANES = ("sources", "authors")
"""The names the saved view gives the panes when they are shown."""

_ZONES = {"source": ZoneMode.SOURCE, "local": ZoneMode.LOCAL, "utc": ZoneMode.UTC}


def zone_mode(name: str | None) -> ZoneMode | None:
    """The zone mode a saved view names (``source``, ``local``, ``utc``); None if none."""
    return _ZONES.get(name) if name is not None else None


def zone_key(mode: ZoneMode) -> str:
    """How the saved view names ``mode``."""
    return mode.value.lower()


def last_visit(store: StateStore, paths: Sequence[str]) -> datetime | None:
    """Record a visit to each path now; the earliest previous visit among them (None when
    none was opened before), so everything new to any of them counts as new."""
    previous = [store.record_visit(path) for path in paths]
    known = [when for when in previous if when is not None]
    return min(known) if known else None


def snapshot_test(query: Query | None, state: StateStore | None) -> Callable[[str], bool] | None:
    """The query's ``is:`` terms over a copy of the state as it is now (see
    :class:`~tui.engine.query.StateSnapshot`); None when the query has none."""
    if query is None or not query.states:
        return None
    if state is None:  # not opened yet: nothing is read or marked
        return query.state_test(StateSnapshot())
    return query.state_test(StateSnapshot(state.read_ids, state.marked_ids))


@dataclass(slots=True)
class UnreadCounter:
    """How many of the items shown are unread, counted again only when needed.

    Moving the cursor costs nothing; a search that grows its list counts only the new items;
    entries read or unread among those shown move the count (:meth:`adjust`); another list
    or a change of state not known in detail (:meth:`changed`) counts them all again.
    """

    _items: list[Item] | None = None
    _version: int = -1
    _counted: int = 0
    _count: int = 0
    version: int = 0
    """Bumped by :meth:`changed` when entries are read, unread, marked or unmarked."""

    def changed(self) -> None:
        self.version += 1

    def adjust(self, items: list[Item], delta: int) -> None:
        """``delta`` more unread entries among ``items`` (entries of it read or unread)."""
        if items is self._items and self._version == self.version:
            if self._counted == len(items):
                self._count += delta
                return
        self.changed()

    def count(self, items: list[Item], state: EntryState) -> int:
        if items is not self._items or self._version != self.version or len(items) < self._counted:
            self._items, self._version, self._counted, self._count = items, self.version, 0, 0
        if len(items) > self._counted:
            is_read = state.is_read
            self._count += sum(1 for item in items[self._counted :] if not is_read(item.id))
            self._counted = len(items)
        return self._count


class SourceUnread:
    """Unread entries per source (the sources pane), counted once per version of a document
    and moved by what is read or unread after."""

    def __init__(self) -> None:
        self._counts: dict[str, tuple[Document, int]] = {}

    def clear(self) -> None:
        self._counts.clear()

    def count(self, document: Document, state: EntryState) -> int:
        path = document.source.path
        known = self._counts.get(path)
        if known is not None and known[0] is document:
            return known[1]
        is_read = state.is_read
        count = sum(1 for entry in document.entries if not is_read(entry.id))
        self._counts[path] = (document, count)
        return count

    def adjust(self, path: str, delta: int) -> None:
        known = self._counts.get(path)
        if known is not None:
            self._counts[path] = (known[0], known[1] + delta)
