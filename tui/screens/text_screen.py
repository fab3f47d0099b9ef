"""A modal, scrollable page of text: the base of the full view, document and problem views."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from parsers.clean import shown


class Page(VerticalScroll, can_focus=True):
    """The scrolling page, with the feed's keys; every jump is immediate (no animation)."""

    BINDINGS = [
        Binding("j,down", "lines(1)", "Down", show=False),
        Binding("k,up", "lines(-1)", "Up", show=False),
        Binding("space,pagedown", "pages(1)", "Page down", show=False),
        Binding("b,pageup", "pages(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
    ]

    def action_lines(self, delta: int) -> None:
        self.scroll_relative(y=delta, animate=False)

    def action_pages(self, direction: int) -> None:
        self.scroll_relative(y=direction * max(1, self.size.height - 1), animate=False)

    def action_top(self) -> None:
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.scroll_end(animate=False)


class TextScreen(ModalScreen[None]):
    """Shows one ``Text`` (never markup); ``esc``/``q`` close it; the feed's keys scroll it."""

    BINDINGS = [
        Binding("escape,q,enter", "dismiss", "Close", show=False),
    ]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        page = Page(id="page")
        page.border_title = Text(shown(self.title_text))  # a file name may hold escapes
        page.border_subtitle = "esc closes"
        with page:
            yield Static(self.body, markup=False, id="page-text")

    def on_mount(self) -> None:
        for page in self.query("#page"):  # absent when the app closes while this opens
            self.set_focus(page)
