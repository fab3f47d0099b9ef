"""``t``: ask for a time to go to; say what is wrong with it without closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from parsers.clean import shown

Reader = Callable[[str], datetime | str]
"""Reads what was typed: the moment it names, or why it names none."""


class TimePrompt(ModalScreen[datetime | None]):
    """A one-line question; ``enter`` answers, ``esc`` cancels."""

    DEFAULT_CSS = """
    TimePrompt {
        align: center middle;
    }
    #time-prompt {
        width: 72;
        max-width: 95%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #time-error {
        color: $text-error;
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, question: str, read: Reader, placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.read = read
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="time-prompt") as box:
            box.border_title = "Go to a time (esc cancels)"
            yield Static(Text(shown(self.question)), id="time-question")
            yield Input(placeholder=self.placeholder, id="time-input")
            yield Static("", id="time-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#time-input", Input).focus()

    @on(Input.Submitted, "#time-input")
    def answer(self, event: Input.Submitted) -> None:
        event.stop()
        found = self.read(event.value)
        if isinstance(found, str):
            self.query_one("#time-error", Static).update(Text(shown(found)))
            return
        self.dismiss(found)

    def action_cancel(self) -> None:
        self.dismiss(None)
