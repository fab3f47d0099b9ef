"""``?``: every key of the reader."""

from __future__ import annotations

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.screens.text_screen import Page

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Feed",
        (
            ("j / down, k / up", "next / previous entry"),
            ("space / pgdn, b / pgup", "page down / up"),
            ("g / home, G / end", "newest / oldest entry"),
            ("f / click +N new", "newest entry, then follow new ones"),
            ("enter / double click", "read the entry alone, with every field"),
            ("mouse wheel, click", "scroll, put the cursor on an entry"),
        ),
    ),
    (
        "Search and filter",
        (
            ("/", "open the query bar: the feed narrows as you type"),
            ("enter (in the bar)", "keep the query, back to the feed"),
            ("esc", "clear the query (in the bar or after it)"),
            ("ctrl+t (in the bar)", "switch between filtering and highlighting only"),
            ("n / N", "next / previous matching entry"),
            ("x", "clear every filter (query, sources, authors)"),
        ),
    ),
    (
        "Query language",
        (
            ("kyiv sanctions", "every word, any case"),
            ('"no-fly zone"', "a phrase"),
            ("-rumour", "without this word"),
            ("is:unread  is:read", "by read state (as it was when the query was typed)"),
            ("is:marked  is:unmarked", "marked entries, or the others"),
            ("author:  source:  label:", 'by field, e.g. author:"Joe Inwood"'),
            (
                "since:  until:",
                "2022-02-25, 10:30, 2022-02-25T10:30, 2h (inclusive; read in the zone z shows)",
            ),
            ("is:grouped  also:reuters", "reports other pages carry too; one carried by reuters"),
        ),
    ),
    (
        "Panes",
        (
            ("tab / shift+tab", "move between sources, authors and the feed"),
            ("space / enter, click", "select a row (several make an OR filter)"),
            ("c", "clear the pane's selection"),
            ("●", "the pane rows of the entry under the cursor"),
            ("s", "hide / show the panes"),
        ),
    ),
    (
        "Views",
        (
            ("z", "times in the source's zone / local / UTC"),
            ("i", "the document of the entry: headline, key points, byline"),
            ("a", "a report several pages carry, shown once (also in: …): every copy / once"),
            ("p", "problems: files that could not be read"),
            ("?", "this help"),
            ("q, ctrl+c", "quit (q in a view closes it; esc too)"),
        ),
    ),
    (
        "Reading over days",
        (
            ("v", "switch between the feed and the list (one line per entry)"),
            ("V", "in the list: a preview pane with the entry under the cursor"),
            ("•  ★", "unread (read after a second under the cursor, or opened) / marked"),
            ("u", "mark the entry read / unread"),
            ("U", "mark every entry shown read"),
            ("] / [", "next / previous unread entry"),
            ("m", "mark / unmark the entry"),
            ("' / \"", "next / previous marked entry"),
            ("3/20 (sources pane)", "unread / all entries of the source"),
            (
                "── new since your last visit",
                "above the entries older than your last visit to the folder",
            ),
        ),
    ),
    (
        "In a view (entry, document, problems, help)",
        (
            ("j / down, k / up", "scroll a line"),
            ("space / pgdn, b / pgup", "page down / up"),
            ("g / home, G / end", "top / bottom"),
            ("esc, q, enter", "close the view"),
        ),
    ),
    (
        "Entry actions, export, time",
        (
            ("o", "open the entry's link in the browser"),
            ("y", "copy the entry as plain text (headline, time, source, body, link)"),
            ("e, then m / enter or j", "export what is shown: Markdown or JSON Lines"),
            ("t", "go to a time: 10:00, yesterday 18:00, 2022-02-24 06:00, 2h ago"),
            ("esc / q", "cancel the export or the time asked for"),
            ("H", "activity strip: entries per hour / day; click or drag to go there"),
            ("left / h, right / l", "in the strip (tab to it): previous / next hour with entries"),
            ("T", "theme: dark, light, the terminal's colours (config: theme)"),
        ),
    ),
)

HEADING = Style(bold=True, color="cyan")
KEY = Style(bold=True, color="bright_yellow")


def help_text() -> Group:
    """Sections of keys, each a two-column table (the descriptions wrap in their column)."""
    parts: list[Table | Text] = []
    for section, keys in KEYS:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column(no_wrap=True, min_width=24)
        table.add_column(ratio=1)
        for key, what in keys:
            table.add_row(Text(key, KEY), Text(what))
        parts += [Text(section, HEADING), table, Text("")]
    parts.append(Text("Times marked (zone assumed) had no zone printed; (date only) had no time."))
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """The list of keys."""

    BINDINGS = [
        Binding("escape,q,enter,question_mark", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        page = Page(id="help")
        page.border_title = "Keys (esc closes)"
        with page:
            yield Static(help_text(), markup=False)
