"""The reader: one feed of every entry, panes of sources and authors, a query bar.

``make_app`` builds it for the command line and for tests alike.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Sequence
from datetime import UTC, tzinfo

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from parsers.model import Document
from parsers.read import expand_paths, parse_file, unreadable
from tui.engine.query import Clock, Query, QueryError, parse_query
from tui.engine.timeline import Filter, Item, Scan, Timeline
from tui.live import Live
from tui.messages import DocumentsLoaded, LoadFinished
from tui.screens.help_screen import HelpScreen
from tui.screens.pages import document_page, entry_page, problems_page
from tui.screens.text_screen import TextScreen
from tui.time_display import ZoneMode
from tui.widgets.entry_lines import safe
from tui.widgets.feed import Feed
from tui.widgets.pick_list import PickList, Row
from tui.widgets.query_bar import QueryBar

FIRST_SCREEN = 200
"""Entries found before the feed is painted after a filter change; the rest follow."""

FIRST_SCREEN_SECONDS = 0.04
"""How long a filter change may search before painting what it found so far."""

SCAN_SLICE = 10_000
"""Entries examined between two turns of the event loop while a search completes."""

BATCH_SECONDS = 0.1
"""How often the loading worker hands parsed documents to the UI."""

CLOCK_NOTES = {
    ZoneMode.SOURCE: "times in each source's zone",
    ZoneMode.LOCAL: "times in local time",
    ZoneMode.UTC: "times in UTC",
}
"""How the status line says which clock a query's times of day and dates are read on."""

DIM = Style(dim=True)
WARN = Style(color="red", bold=True)
ACCENT = Style(color="cyan", bold=True)


def source_note(*, gone: bool, readable: bool, renamed_from: str | None) -> str | None:
    """The sources pane's words for a file's state: ``gone``, ``unreadable``, ``renamed from``."""
    if gone:
        return "gone"
    if not readable:
        return "unreadable"
    if renamed_from is not None:
        return f"renamed from {os.path.basename(renamed_from.rstrip('/'))}"
    return None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def shorten(names: Sequence[str], room: int = 32) -> str:
    """``a, b`` or ``a, +2 more``, within about ``room`` characters."""
    shown = safe(names[0])
    if len(shown) > room:
        shown = shown[: room - 1] + "…"
    rest = len(names) - 1
    for name in names[1:]:
        name = safe(name)
        if len(shown) + len(name) + 2 > room:
            break
        shown += ", " + name
        rest -= 1
    return shown + (f", +{rest} more" if rest else "")


class ReaderApp(App[int]):
    """The liveblog reader."""

    CSS_PATH = "app.tcss"
    TITLE = "liveblog"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal"), (150, "-wide")]
    """Below 70 columns the panes start hidden (``s`` shows them); from 150 they widen."""

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        # As in less and lnav, ctrl+c quits (Textual's default only says how to quit). A
        # priority binding, so it also quits from the query bar and the full entry view.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("n", "find(True)", "Next match"),
        Binding("N", "find(False)", "Previous match"),
        Binding("z", "cycle_zone", "Time zone"),
        Binding("p", "problems", "Problems"),
        Binding("i", "document", "Key points"),
        Binding("x", "clear_filters", "Clear filters"),
        Binding("s", "toggle_sidebar", "Panes"),
        Binding("f", "follow", "Newest, follow"),
        Binding("escape", "clear_query", "Clear the query", show=False),
    ]

    def __init__(
        self,
        paths: Sequence[str] = (),
        *,
        documents: Sequence[Document] = (),
        watch: bool = False,
        alerts: Sequence[str] = (),
        bell: bool = False,
        local_zone: tzinfo | None = None,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.initial_documents = list(documents)
        self.watch_paths = watch
        self.alerts = tuple(alerts)
        self.bell_on_alert = bell
        self.local_zone = local_zone
        self.timeline = Timeline()
        self.scan = Scan([], None)
        self.query_value: Query | None = None
        self.query_error: QueryError | None = None
        self.hide = True
        self.sources_selected: frozenset[str] = frozenset()
        self.authors_selected: frozenset[str] = frozenset()
        self.mode = ZoneMode.SOURCE
        self.loading: tuple[int, int] | None = None
        self.found_nothing = ""
        self.started = time.monotonic()
        self.live: Live | None = None
        """Follows the paths as they change (see :mod:`tui.live`); None with ``watch`` off."""

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield PickList(id="sources", empty="(no documents yet)")
                yield PickList(id="authors", empty="(no authors credited)")
            yield Feed(id="feed")
        yield QueryBar(id="query")
        yield Static("", id="status", markup=False)

    def on_mount(self) -> None:
        self.query_one("#sources", PickList).border_title = "Sources"
        self.query_one("#authors", PickList).border_title = "Authors"
        self.feed.set_display(mode=self.mode, local=self.local_zone)
        self.feed.complete = self.finish_scan
        self.feed.focus()
        if self.initial_documents:
            self.timeline.upsert_many(self.initial_documents)
            self.refresh_everything()
        if self.paths and self.watch_paths:
            self.live = Live(self.paths, alerts=self.alerts, bell=self.bell_on_alert)
            self.mount(self.live)
        if self.paths:
            self.loading = (0, 0)
            self.load(self.paths)
        self.update_status()

    @property
    def feed(self) -> Feed:
        return self.query_one("#feed", Feed)

    # -- loading -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def load(self, paths: Sequence[str]) -> None:
        """Parse every file off the UI thread, handing documents over in batches."""
        worker = get_current_worker()
        files = list(expand_paths(paths))
        total = len(files)
        batch: list[Document] = []
        last = time.monotonic()
        for done, (path, problem) in enumerate(files, 1):
            if worker.is_cancelled:
                return
            batch.append(unreadable(path, problem) if problem else parse_file(path))
            if time.monotonic() - last >= BATCH_SECONDS or done == total:
                self.post_message(DocumentsLoaded(batch, done, total))
                batch, last = [], time.monotonic()
        self.post_message(LoadFinished(total))

    def on_documents_loaded(self, message: DocumentsLoaded) -> None:
        self.loading = (message.done, message.total)
        self.apply_documents(message.documents)

    # -- changes from outside (folder watching) ------------------------------------------------

    def apply_documents(self, documents: Sequence[Document]) -> tuple[set[str], set[str]]:
        """Add or replace documents (by source path) and refresh everything shown.

        Returns the ids of new and of changed entries. The entry under the cursor stays on
        its screen row.
        """
        new_ids, changed_ids = self.timeline.upsert_many(documents)
        self.refresh_everything()
        return new_ids, changed_ids

    def source_gone(self, path: str) -> None:
        """A file disappeared: its entries stay, flagged, and its pane row is dimmed."""
        self.timeline.mark_gone(path)
        self.refresh_everything()

    def source_renamed(self, old: str, new: str) -> None:
        """A file moved: same entries and ids under the new path (and pane selection)."""
        self.timeline.mark_renamed(old, new)
        if old in self.sources_selected:
            self.sources_selected = (self.sources_selected - {old}) | {new}
            sources = self.query_one("#sources", PickList)
            sources.selected = (sources.selected - {old}) | {new}
        self.refresh_everything()

    def on_load_finished(self, message: LoadFinished) -> None:
        self.loading = None
        if self.live is not None:
            self.live.start()
        if message.total == 0:
            watching = " (watching for new ones)" if self.live is not None else ""
            self.found_nothing = "No files found in " + ", ".join(self.paths) + watching + "."
            severity: SeverityLevel = "information" if self.live is not None else "warning"
            self.notify(self.found_nothing, severity=severity, markup=False)
        if not self.timeline.items:
            self.refresh_feed()
        self.update_status()

    # -- refreshing --------------------------------------------------------------------------

    def refresh_everything(self) -> None:
        """After the timeline changed: panes, feed and status."""
        self.refresh_panes()
        self.refresh_feed()

    def refresh_panes(self) -> None:
        gone = self.timeline.gone
        sources = [
            Row(
                key=document.source.path,
                label=document.display_name,
                count=count,
                gone=document.source.path in gone or not document.readable,
                note=source_note(
                    gone=document.source.path in gone,
                    readable=document.readable,
                    renamed_from=self.timeline.renamed.get(document.source.path),
                ),
            )
            for document, count in self.timeline.source_counts()
        ]
        authors = [
            Row(key=row.name, label=row.name, count=row.count, detail=row.role)
            for row in self.timeline.author_counts()
        ]
        self.query_one("#sources", PickList).set_rows(sources)
        self.query_one("#authors", PickList).set_rows(authors)

    @property
    def view(self) -> Filter:
        return Filter(
            sources=self.sources_selected,
            authors=self.authors_selected,
            query=self.query_value,
            hide=self.hide,
        )

    def refresh_feed(self, complete: bool = False) -> None:
        """Show what the current filter lets through: a screenful now, the rest soon after.

        ``complete``: search everything now, so the entry under the cursor is found (entries
        arriving while the reader is elsewhere in the feed must not move the view).
        """
        feed = self.feed
        current = feed.current
        needles = self.query_value.highlights if self.query_value else ()
        feed.set_display(needles=needles, gone=frozenset(self.timeline.gone))
        if self.view.active:
            feed.empty_text = "No entry matches the filter (x clears it)."
        elif self.loading is not None:
            feed.empty_text = "Loading…"
        elif self.found_nothing:
            feed.empty_text = self.found_nothing
        else:
            feed.empty_text = "No entries: nothing readable was found (p lists problems)."
        scan = self.timeline.scan(self.view)
        if complete:
            scan.finish()
        else:
            scan.until(FIRST_SCREEN, FIRST_SCREEN_SECONDS)
        self.scan = scan
        feed.set_items(scan.found, keep=current.id if current else None)
        if not scan.done:
            self.continue_scan(scan)
        self.update_status()

    @work(exclusive=True, group="scan")
    async def continue_scan(self, scan: Scan) -> None:
        """Finish a search in slices, letting keys and painting in between."""
        while not scan.done:
            await asyncio.sleep(0)
            if scan is not self.scan:
                return
            scan.advance(SCAN_SLICE)
            self.feed.items_grew()
            self.update_status()

    def finish_scan(self) -> None:
        """Complete the current search now (before going to the end or searching with n/N)."""
        if not self.scan.done:
            self.scan.finish()
            self.feed.items_grew()
            self.update_status()

    def update_status(self) -> None:
        feed = self.feed
        total = len(self.timeline)
        status = Text(no_wrap=True, overflow="ellipsis")
        if self.loading is not None:
            done, count = self.loading
            status.append(f"loading {done}/{count} files… ", ACCENT)
        more = "" if self.scan.done else "≥"
        if not self.scan.done:
            status.append(f"searching {self.scan.progress:.0%}… ", ACCENT)
        if feed.items:
            status.append(f"{feed.cursor + 1}/{more}{len(feed.items)} ", DIM)
        status.append(f"showing {more}{len(feed.items)} of {total} entries")
        parts: list[Text] = []
        if self.query_error is not None:
            parts.append(Text(f"invalid query (not applied): {self.query_error.message}", WARN))
        if self.query_value is not None and not self.query_value.empty:
            how = "filter" if self.hide else "highlight"
            part = Text(f"{how}: {self.query_value.text.strip()}")
            if self.query_value.reads_clock:
                part.append(f" ({CLOCK_NOTES[self.mode]})", DIM)
            parts.append(part)
        if self.sources_selected:
            names = []
            for path in sorted(self.sources_selected):
                document = self.timeline.document(path)
                names.append(document.display_name if document else path)
            parts.append(Text("from: " + shorten(names)))
        if self.authors_selected:
            parts.append(Text("by: " + shorten(sorted(self.authors_selected))))
        if self.sources_selected or self.authors_selected or self.query_value:
            parts.append(Text("x clears", DIM))
        problems = self.timeline.problems
        if problems:
            unread = sum(1 for p in problems if p.fatal)
            label = plural(len(problems), "problem")
            if unread:
                label += f", {unread} unreadable"
            parts.append(Text(f"{label} (p)", WARN))
        if self.live is not None:
            parts.append(self.live.status())
        parts.append(Text(f"times: {self.mode.label()} (z)"))
        parts.append(Text("? help", DIM))
        for part in parts:
            status.append(" │ ", DIM)
            status.append_text(part)
        self.query_one("#status", Static).update(status)

    # -- events ------------------------------------------------------------------------------

    def on_feed_cursor_moved(self, message: Feed.CursorMoved) -> None:
        item = message.item
        sources = self.query_one("#sources", PickList)
        authors = self.query_one("#authors", PickList)
        sources.set_marked([item.path] if item else [])
        authors.set_marked([a.name for a in item.entry.authors] if item else [])
        if self.live is not None:
            self.live.view_moved()
        self.update_status()

    def on_feed_opened(self, message: Feed.Opened) -> None:
        self.open_entry(message.item)

    def open_entry(self, item: Item) -> None:
        needles = self.query_value.highlights if self.query_value else ()
        title = item.entry.title or item.document.display_name
        self.push_screen(TextScreen(title, entry_page(item, self.mode, self.local_zone, needles)))

    def on_pick_list_changed(self, message: PickList.Changed) -> None:
        if message.pick_list.id == "sources":
            self.sources_selected = message.selected
        else:
            self.authors_selected = message.selected
        self._pane_subtitle(message.pick_list)
        self.refresh_feed()

    def _pane_subtitle(self, pane: PickList) -> None:
        count = len(pane.selected)
        pane.border_subtitle = f"{count} selected · c clears" if count else ""

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        self.apply_query(event.value)

    @on(Input.Submitted, "#query")
    def query_submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.close_query_bar()
        self.feed.focus()

    def on_query_bar_cleared(self, message: QueryBar.Cleared) -> None:
        self.apply_query("")
        self.close_query_bar()

    def on_query_bar_mode_toggled(self, message: QueryBar.ModeToggled) -> None:
        self.hide = not self.hide
        self.refresh_feed()

    def apply_query(self, text: str) -> None:
        # Times without an offset are read on the clock shown (z changes it).
        clock: Clock = {ZoneMode.SOURCE: "source", ZoneMode.LOCAL: self.local_zone}.get(
            self.mode, UTC
        )
        zone = UTC if self.mode is ZoneMode.UTC else self.local_zone
        parsed = parse_query(text, zone, clock=clock)
        bar = self.query_one("#query", QueryBar)
        if isinstance(parsed, QueryError):
            # Shown as invalid, and not applied: the feed shows what it would without it.
            self.query_error = parsed
            bar.add_class("-invalid")
            self.query_value = None
            self.refresh_feed()
            return
        self.query_error = None
        bar.remove_class("-invalid")
        self.query_value = None if parsed.empty else parsed
        self.refresh_feed()

    def close_query_bar(self) -> None:
        bar = self.query_one("#query", QueryBar)
        bar.remove_class("-open")
        self.feed.focus()

    # -- actions -----------------------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_search(self) -> None:
        bar = self.query_one("#query", QueryBar)
        bar.add_class("-open")
        bar.focus()

    def action_find(self, forward: bool) -> None:
        if self.query_value is None:
            self.notify("Nothing to find: press / and type a query.", severity="warning")
            return
        self.finish_scan()
        found = self.feed.find(self.query_value.predicate(), forward)
        if found is None:
            self.notify("No entry matches.", severity="warning")
        elif found is False:
            self.notify("Search wrapped around.")

    def action_follow(self) -> None:
        """Jump to the newest entry; new entries then show as they arrive."""
        if self.live is not None:
            self.live.jump()
        else:
            self.feed.go_to(0)

    def action_cycle_zone(self) -> None:
        self.mode = self.mode.next()
        self.feed.set_display(mode=self.mode)
        query = self.query_value
        if query is not None and (query.since is not None or query.until is not None):
            self.apply_query(query.text)  # its times are read on the new clock
        self.update_status()

    def action_problems(self) -> None:
        self.push_screen(TextScreen("Problems", problems_page(self.timeline.problems)))

    def action_document(self) -> None:
        item = self.feed.current
        if item is None:
            self.notify("No entry under the cursor.", severity="warning")
            return
        page = document_page(item.document, self.mode, self.local_zone)
        self.push_screen(TextScreen(item.document.display_name, page))

    def action_clear_filters(self) -> None:
        for pane in self.query(PickList):
            pane.selected.clear()
            pane.refresh()
            self._pane_subtitle(pane)
        self.sources_selected = frozenset()
        self.authors_selected = frozenset()
        bar = self.query_one("#query", QueryBar)
        bar.value = ""
        self.query_value = None
        self.query_error = None
        bar.remove_class("-invalid")
        self.close_query_bar()
        self.refresh_feed()

    def action_clear_query(self) -> None:
        """``esc`` outside the bar: drop the query (pane selections stay)."""
        bar = self.query_one("#query", QueryBar)
        if bar.value or self.query_value is not None or self.query_error is not None:
            bar.value = ""
            self.apply_query("")
        self.close_query_bar()

    def action_toggle_sidebar(self) -> None:
        sidebar = self.query_one("#sidebar")
        shown = sidebar.region.width > 0 and sidebar.display
        sidebar.set_class(shown, "-hidden")
        sidebar.set_class(not shown, "-shown")
        if shown:
            self.feed.focus()


def make_app(
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    documents: Sequence[Document] = (),
    watch: bool = False,
    alerts: Sequence[str] = (),
    bell: bool = False,
    local_zone: tzinfo | None = None,
) -> ReaderApp:
    """The reader over ``paths`` (parsed in a worker) and/or already parsed ``documents``.

    With ``watch`` (the command line's default; off here, so tests and scripts opt in), the
    paths are followed once loaded (:mod:`tui.live`): new and growing files add entries, and
    entries mentioning an ``alerts`` word are flagged (with the terminal bell if ``bell``).
    ``local_zone`` fixes the zone of "local" times (tests); by default the system's.
    """
    return ReaderApp(
        [os.fspath(p) for p in paths],
        documents=documents,
        watch=watch,
        alerts=alerts,
        bell=bell,
        local_zone=local_zone,
    )
