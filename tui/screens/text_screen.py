"""A modal, scrollable page of text: the base of the full view, document and problem views."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from parsers.clean import shown


class TextScreen(ModalScreen[None]):
    """Shows one ``Text`` (never markup); ``esc``/``q`` close it, ``j``/``k`` scroll."""

    BINDINGS = [
        Binding("escape,q,enter", "dismiss", "Close", show=False),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", show=False),
    ]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        page = VerticalScroll(id="page", can_focus=True)
        page.border_title = Text(shown(self.title_text))  # a file name may hold escapes
        page.border_subtitle = "esc closes"
        with page:
            yield Static(self.body, markup=False, id="page-text")

    def on_mount(self) -> None:
        for page in self.query("#page"):  # absent when the app closes while this opens
            self.set_focus(page)

    def action_scroll(self, delta: int) -> None:
        for page in self.query("#page").results(VerticalScroll):  # absent while closing
            page.scroll_relative(y=delta, animate=False)

    def action_page(self, direction: int) -> None:
        for page in self.query("#page").results(VerticalScroll):
            page.scroll_relative(y=direction * max(1, page.size.height - 1), animate=False)
