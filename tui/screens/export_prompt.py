"""``e``: export what the feed shows, as Markdown (``m``) or JSON Lines (``j``)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from parsers.clean import shown
from tui.engine.export import ExportFormat


class ExportPrompt(ModalScreen[ExportFormat | None]):
    """Which format; the question says how many entries and into which folder."""

    DEFAULT_CSS = """
    ExportPrompt {
        align: center middle;
    }
    #export-prompt {
        width: 72;
        max-width: 95%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("m,enter", "choose('md')", "Markdown", show=False),
        Binding("j", "choose('jsonl')", "JSON Lines", show=False),
        Binding("escape,q", "choose('')", "Cancel", show=False),
    ]

    def __init__(self, what: str, folder: str) -> None:
        super().__init__()
        self.what = what
        self.folder = folder

    def compose(self) -> ComposeResult:
        text = Text(f"Export {shown(self.what)}\ninto {shown(self.folder)}\n\n")
        text.append("m", "bold")
        text.append(" / enter  Markdown (to read)\n")
        text.append("j", "bold")
        text.append("          JSON Lines (as liveblog parse --json)\n")
        text.append("esc", "bold")
        text.append("        cancel")
        with Vertical(id="export-prompt") as box:
            box.border_title = "Export"
            yield Static(text, id="export-question")

    def action_choose(self, kind: str) -> None:
        self.dismiss(ExportFormat(kind) if kind else None)
