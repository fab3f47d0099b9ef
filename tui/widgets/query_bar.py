"""The ``/`` query bar: filters (or only highlights) the feed as the reader types."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = (
    'words "a phrase" -exclude author: source: label: since: until:'
    "  (ctrl+t: filter/highlight, esc: clear)"
)


class QueryBar(Input):
    """An input whose text is the query. ``esc`` clears it, ``ctrl+t`` switches the mode."""

    BINDINGS = [
        Binding("escape", "clear_query", "Clear the query", show=False),
        Binding("ctrl+t", "toggle_mode", "Filter / highlight only", show=False),
    ]

    @dataclass
    class Cleared(Message):
        """The reader pressed escape: the query is gone and the bar closes."""

    @dataclass
    class ModeToggled(Message):
        """The reader switched between filtering and highlighting only."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=False)

    def action_clear_query(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())

    def action_toggle_mode(self) -> None:
        self.post_message(self.ModeToggled())
