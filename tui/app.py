"""The reader: one feed of every entry, panes of sources and authors, a query bar.

``make_app`` builds it for the command line and for tests alike.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, tzinfo
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

if TYPE_CHECKING:  # the tailing engine loads once watching starts, the state store after
    # the first screen
    from tui.engine.config import Loaded
    from tui.engine.ingest import Ingest, IngestEvent
    from tui.engine.parse_cache import ParseCache
    from tui.engine.state import StateStore

# Only what the first screen needs is imported here: the loader (and, through it, the
# parsers) load in the loading thread, the pages and the help when first shown.

from parsers.model import Document, Entry, Problem
from tui.engine.follow import POLL_SECONDS, SETTLE_SECONDS, STEP_MS, Follow
from tui.engine.grouping import Background, Batch
from tui.engine.packed_text import pack
from tui.engine.query import Clock, Query, QueryError, parse_query
from tui.engine.timeline import Change, Filter, Indexed, Item, Scan, Timeline
from tui.entry_actions import EntryActions
from tui.messages import (
    DocumentsLoaded,
    EngineEvents,
    GroupsFound,
    LoadFinished,
    WatchStopped,
)
from tui.read_state import READ_AFTER, SourceUnread, UnreadCounter, snapshot_test
from tui.reading_actions import ReadingActions
from tui.time_display import ZoneMode, convert
from tui.widgets.activity_strip import ActivityStrip
from tui.widgets.entry_lines import safe
from tui.widgets.feed import Feed
from tui.widgets.new_marker import NewMarker
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

FLUSH_SECONDS = 0.1
"""The least time between two updates of the screen by entries arriving from the watch."""

LOAD_FLUSH_SECONDS = 0.5
"""The least time between two updates of the screen while the paths load (each repaints the
feed, both panes and the status line: ~40 ms of the UI thread at 120 columns)."""

APPLY_SHARE = 0.25
"""At most this share of the time goes to applying arrivals while a large folder loads: the
time between two updates grows with what one costs, so the whole load stays linear and keys
are answered in between."""

CLOCK_NOTES = {
    ZoneMode.SOURCE: "times in each source's zone",
    ZoneMode.LOCAL: "times in local time",
    ZoneMode.UTC: "times in UTC",
}
"""How the status line says which clock a query's times of day and dates are read on."""

DIM = Style(dim=True)
WARN = Style(color="red", bold=True)
ACCENT = Style(color="cyan", bold=True)
LIVE = Style(color="green", bold=True)
WAITING = Style(color="yellow")


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


class ReaderApp(ReadingActions, EntryActions):
    """The liveblog reader."""

    CSS_PATH = "app.tcss"
    TITLE = "liveblog"
    ENABLE_COMMAND_PALETTE = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-normal"), (150, "-wide")]
    """Below 70 columns the panes start hidden (``s`` shows them); from 150 they widen."""

    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        # As in less and lnav, ctrl+c quits (Textual's default only says how to quit). A
        # priority binding, so it also quits from the query bar and the full entry view.
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("slash", "search", "Search", id="search"),
        Binding("n", "find(True)", "Next match"),
        Binding("N", "find(False)", "Previous match"),
        Binding("z", "cycle_zone", "Time zone", id="cycle_zone"),
        Binding("p", "problems", "Problems"),
        Binding("i", "document", "Key points"),
        Binding("x", "clear_filters", "Clear filters"),
        Binding("s", "toggle_sidebar", "Panes", id="toggle_sidebar"),
        Binding("f", "follow", "Newest, follow", id="follow"),
        Binding("a", "expand_group", "Also in: expand", id="expand_group"),
        Binding("escape", "clear_query", "Clear the query", show=False),
        # Reading over days (issue 12): the list, read state, marks. The ids are the
        # action names a config file remaps (tui.engine.config.DEFAULT_KEYS).
        Binding("v", "toggle_view", "List / feed", id="toggle_view"),
        Binding("u", "toggle_read", "Read / unread", id="toggle_read"),
        Binding("U", "read_all", "All shown read", id="read_all"),
        Binding("right_square_bracket", "next_unread(True)", "Next unread", id="next_unread"),
        Binding(
            "left_square_bracket", "next_unread(False)", "Previous unread", id="previous_unread"
        ),
        Binding("m", "toggle_mark", "Mark", id="toggle_mark"),
        Binding("apostrophe", "next_mark(True)", "Next mark", id="next_mark"),
        Binding("quotation_mark", "next_mark(False)", "Previous mark", id="previous_mark"),
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
        keep_state: bool = False,
        state_path: str | None = None,
        read_after: float = READ_AFTER,
        cache: ParseCache | None = None,
        group: bool = True,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.cache = cache
        """Where parsed documents are kept between runs (None: parse every file)."""
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
        self.created = time.time()
        """Before loading starts: files untouched since are not read again by the watch."""
        self.follow: Follow | None = Follow(self.alerts) if self.paths and watch else None
        """Follow mode over the watched paths (:mod:`tui.engine.follow`); None with ``watch``
        off."""
        self.ingest: Ingest | None = None
        self._bar_opening = False
        """``/`` was pressed and the query bar does not have the focus yet."""
        self.force_polling: bool | None = None
        self.live_updates = 0
        """How many times arriving entries were applied (tests and benchmarks)."""
        self._pending_documents: list[Indexed] = []
        self._pending_events: list[IngestEvent] = []
        self._scheduled = False
        self._last_apply = 0.0
        self._apply_cost = 0.0
        self.keep_state = keep_state
        """Save read state, marks, visits and the view between sessions (``--no-state``:
        False)."""
        self.state_path = state_path
        """The state database (None: under ``$XDG_STATE_HOME/liveblog/``)."""
        self.read_after = read_after
        self.state: StateStore | None = None
        """Read flags and marks; None until opened, just after the first screen."""
        self.unread = UnreadCounter()
        self.source_unread = SourceUnread()
        self._read_timer: Timer | None = None
        self._state_test: Callable[[str], bool] | None = None
        """The query's ``is:`` terms over the state as it was when the query was applied."""
        self.grouping = Background() if group else None
        """Near-duplicate posts of several pages, grouped in the background (None:
        ``--no-group``)."""
        self.expanded: frozenset[str] = frozenset()
        """Groups shown in full (``a``)."""

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield PickList(id="sources", empty="(no documents yet)")
                yield PickList(id="authors", empty="(no authors credited)")
            yield Feed(id="feed")
        yield ActivityStrip(id="activity")
        yield QueryBar(id="query")
        yield Static("", id="status", markup=False)
        yield NewMarker(lambda: self.feed.region, id="new-marker")

    def on_mount(self) -> None:
        self.query_one("#sources", PickList).border_title = "Sources"
        self.query_one("#authors", PickList).border_title = "Authors"
        self.feed.set_display(mode=self.mode, local=self.local_zone)
        self.feed.complete = self.finish_scan
        self.feed.notes = self.timeline.note
        self.feed.focus()
        if self.follow is not None:
            self.feed.alerted = self.follow.alerted
        if self.initial_documents:
            self.show_change(self.timeline.upsert_many(self.initial_documents))
        if self.paths:
            self.loading = (0, 0)
            self.load(self.paths)
        self.update_status()
        if self.keep_state:
            # The database file is opened once the first screen is up.
            self.call_after_refresh(self.open_state)
        else:
            self.open_state()  # state for this session only: nothing to read from disk

    @property
    def feed(self) -> Feed:
        return self.query_one("#feed", Feed)

    # -- loading -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", description="load the paths")
    def load(self, paths: Sequence[str]) -> None:
        """Parse every file off the UI thread (on every core), handing documents over in
        batches."""
        from tui.engine.loader import read_all

        worker = get_current_worker()
        batch: list[Indexed] = []
        last = time.monotonic()
        done = total = 0
        posted = False
        for done, total, document in read_all(
            paths, cancelled=lambda: worker.is_cancelled, cache=self.cache
        ):
            batch.append(document)
            # The first document goes at once (a large feed's first entries: the first screen).
            if time.monotonic() - last >= BATCH_SECONDS or not posted:
                self.post_message(DocumentsLoaded(batch, done, total))
                batch, last, posted = [], time.monotonic(), True
        if worker.is_cancelled:
            return
        if batch:
            self.post_message(DocumentsLoaded(batch, done, total))
        self.post_message(LoadFinished(total))

    def on_documents_loaded(self, message: DocumentsLoaded) -> None:
        self.loading = (message.done, message.total)
        self._pending_documents += message.documents
        self._schedule()

    def on_load_finished(self, message: LoadFinished) -> None:
        self.apply_pending()
        self.loading = None
        self.start_grouping()
        if self.follow is not None:
            self.start_watching()
        if message.total == 0:
            watching = " (watching for new ones)" if self.follow is not None else ""
            where = ", ".join(safe(path) for path in self.paths)  # names are data, made safe
            self.found_nothing = f"No files found in {where}{watching}."
            severity: SeverityLevel = "information" if self.follow is not None else "warning"
            self.notify(self.found_nothing, severity=severity, markup=False)
        if not self.timeline.items:
            self.refresh_feed()
        self.update_status()

    # -- following the paths (the tailing engine) ---------------------------------------------

    def start_watching(self) -> None:
        """Follow the paths (once loaded: those documents are known to the engine)."""
        from tui.engine.ingest import Ingest
        from tui.engine.watcher import Watcher

        if self.ingest is not None:
            return
        # Paths that do not exist were reported by the loading already.
        roots = [root for root in self.paths if os.path.exists(root)]
        watcher = Watcher(
            roots,
            force_polling=self.force_polling,
            poll_interval=POLL_SECONDS,
            step_ms=STEP_MS,
        )
        self.ingest = Ingest(
            roots,
            known=self.timeline.read_documents,
            settle=SETTLE_SECONDS if self.settle_seconds is None else self.settle_seconds,
            watcher=watcher,
            known_since=self.created,
            keep=pack,
        )
        self.run_worker(self._watch(self.ingest), name="live", group="live", exit_on_error=False)

    async def _watch(self, ingest: Ingest) -> None:
        try:
            async for events in ingest.run():
                self.post_message(EngineEvents(events))
        except Exception as exc:  # noqa: BLE001 - reported; the reader stays usable
            self.post_message(WatchStopped(str(exc)))
        finally:
            ingest.stop()

    def on_unmount(self) -> None:
        if self._read_timer is not None:  # nothing is read once the reader closes
            self._read_timer.stop()
            self._read_timer = None
        if self.ingest is not None:
            self.ingest.stop()
        if self.state is not None:
            self.state.close()

    def on_engine_events(self, message: EngineEvents) -> None:
        self._pending_events += message.events
        self._schedule()

    def on_watch_stopped(self, message: WatchStopped) -> None:
        where = self.paths[0] if self.paths else "."
        self.timeline.add_problem(Problem(where, f"watching stopped: {message.reason}"))
        if self.follow is not None:
            self.follow.mode = "stopped"
        self.update_status()

    # -- applying what arrived ----------------------------------------------------------------

    def _schedule(self) -> None:
        """Apply what arrived soon: bursts coalesce, and the longer one update takes, the
        fewer there are (at most ``APPLY_SHARE`` of the time)."""
        if self._scheduled:
            return
        self._scheduled = True
        least = LOAD_FLUSH_SECONDS if self.loading is not None else FLUSH_SECONDS
        gap = max(least, self._apply_cost / APPLY_SHARE)
        delay = self._last_apply + gap - time.monotonic()
        if delay > 0.001:
            self.set_timer(delay, self.apply_pending)
        else:  # after the messages already queued (those join this update)
            self.call_later(self.apply_pending)

    def apply_pending(self) -> None:
        """Put every document and engine event received so far into the timeline."""
        self._scheduled = False
        documents, self._pending_documents = self._pending_documents, []
        events, self._pending_events = self._pending_events, []
        started = time.perf_counter()
        if documents:
            self.show_change(self.timeline.upsert_many(documents))
            # What is loaded stays: the collector need not walk it again and again (each
            # pass over a large timeline would freeze the screen for a moment).
            gc.freeze()
        if events:
            self.live_updates += 1
            self.show_change(self.timeline.apply(events), live=True)
        self._last_apply = time.monotonic()
        if documents or events:
            self._apply_cost = time.perf_counter() - started

    @property
    def at_live_edge(self) -> bool:
        """The newest entry is under the cursor, at the top, and no other view is open."""
        feed = self.feed
        return len(self.screen_stack) == 1 and feed.cursor == 0 and feed.top == (0, 0)

    def show_change(self, change: Change, *, live: bool = False) -> None:
        """Update panes, feed, marker and status after the timeline changed.

        At the live edge the feed shows the newest entry; elsewhere the entry under the
        cursor keeps its screen row and, for entries arriving from the watch, the "+N new"
        marker counts those the filters let through.
        """
        follow = self.follow
        if follow is not None and change.mode is not None:
            follow.mode = change.mode
        self.group_later(change)
        for old, new in change.renamed:
            if old in self.sources_selected:
                self.sources_selected = (self.sources_selected - {old}) | {new}
        if not change.any and not change.renamed:
            self.update_status()
            return
        following = self.at_live_edge
        self.refresh_panes(change)
        # At the edge the cursor goes to the newest entry (not looked for by its id).
        self.refresh_feed(complete=not following, keep=not following)
        if follow is None or not live:
            return
        if following:
            count = follow.jump()
        else:
            test = self.timeline.test(self.view)
            shown = sum(1 for item in change.added if test is None or test(item))
            count = follow.arrived(False, shown)
        self.query_one(NewMarker).show(count)
        hits = follow.match(
            [item.entry for item in change.added],
            [item.entry for item in change.updated],
            change.removed,
        )
        if hits:
            from tui.engine.alerts import alert_message

            title, text = alert_message(hits)
            self.notify(text, title=title, severity="warning", markup=False)
            if self.bell_on_alert:
                self.bell()
            self.feed.set_display()  # redraw with the badges

    # -- grouping near-duplicates across pages (in the background) ---------------------------

    def group_later(self, change: Change) -> None:
        """Hand what ``change`` added, changed or withdrew to the background grouping."""
        if self.grouping is None:
            return
        items = (*change.added, *change.updated)
        posts = ((item.entry, item.path, item.document.display_name) for item in items)
        if self.loading is not None:
            # Grouped once every file is in: a run during the load would compete with it
            # for the interpreter (a reopen from the cache took 0.33x the first load, not
            # 0.18x) and be redone as more posts arrive.
            self.grouping.hold(posts, change.removed)
            return
        self.start_grouping(posts, change.removed)

    def start_grouping(
        self, posts: Iterable[tuple[Entry, str, str]] = (), gone: Iterable[str] = ()
    ) -> None:
        """Group what was held and ``posts`` now, unless a run is going on (it will next)."""
        if self.grouping is None:
            return
        batch = self.grouping.take(posts, gone)
        if batch is not None:
            self.find_groups(batch)

    @work(thread=True, group="grouping", description="group near-duplicates")
    def find_groups(self, batch: Batch) -> None:
        if self.grouping is not None:
            self.post_message(GroupsFound(self.grouping.run(batch)))

    def on_groups_found(self, message: GroupsFound) -> None:
        if message.groups != self.timeline.groups:
            self.timeline.set_groups(message.groups)
            self.refresh_feed(complete=not self.at_live_edge, keep=not self.at_live_edge)
        batch = self.grouping.finished() if self.grouping is not None else None
        if batch is not None:
            self.find_groups(batch)

    def action_expand_group(self) -> None:
        """Show every post of the group under the cursor (again: show it once)."""
        current = self.feed.current
        group = self.timeline.groups.group_of.get(current.id) if current else None
        if group is None:
            self.notify("This entry is in no group (no near-duplicate on another page).")
            return
        self.expanded = self.expanded ^ {group}
        self.refresh_feed()

    # -- refreshing --------------------------------------------------------------------------

    def refresh_panes(self, change: Change | None = None) -> None:
        """The sources pane (only the rows ``change`` touched) and the authors pane."""
        sources = self.query_one("#sources", PickList)
        if change is None:
            counts = self.timeline.source_counts()
            sources.set_rows([self._source_row(document, count) for document, count in counts])
        else:
            rows = []
            for path in change.paths:
                found = self.timeline.source_row(path)
                if found is not None:
                    rows.append(self._source_row(*found))
            sources.update_rows(rows, change.renamed)
        sources.set_selected(self.sources_selected)
        authors = [
            Row(key=row.name, label=row.name, count=row.count, detail=row.role)
            for row in self.timeline.author_counts()
        ]
        self.query_one("#authors", PickList).set_rows(authors)

    def _source_row(self, document: Document, count: int) -> Row:
        path = document.source.path
        unread = self.source_unread.count(document, self.state) if self.state else None
        note = source_note(
            gone=path in self.timeline.gone,
            readable=document.readable,
            renamed_from=self.timeline.renamed.get(path),
        )
        page = self.timeline.page_info.get(path)
        brief = None
        if note is None and page is not None and len(page.copies) > 1:
            newest = page.newest
            brief = note = f"{len(page.copies)} copies"
            if newest is not None:
                note += f", newest {convert(newest, self.mode, self.local_zone):%H:%M}"
        return Row(
            key=path,
            label=document.display_name,
            count=count,
            unread=unread,
            gone=path in self.timeline.gone or not document.readable,
            note=note,
            brief=brief,
        )

    @property
    def view(self) -> Filter:
        return Filter(
            sources=self.sources_selected,
            authors=self.authors_selected,
            query=self.query_value,
            hide=self.hide,
            state_test=self._state_test if self.query_value is not None else None,
            group=self.grouping is not None,
            expanded=self.expanded,
        )

    def refresh_feed(self, complete: bool = False, keep: bool = True) -> None:
        """Show what the current filter lets through: a screenful now, the rest soon after.

        ``complete``: search everything now, so the entry under the cursor is found (entries
        arriving while the reader is elsewhere in the feed must not move the view).
        ``keep``: keep the cursor on its entry (False: on the newest).
        """
        feed = self.feed
        current = feed.current if keep else None
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

    @work(exclusive=True, group="scan", description="finish a search")
    async def continue_scan(self, scan: Scan) -> None:
        """Finish a search in slices, letting keys and painting in between."""
        while not scan.done:
            await asyncio.sleep(0)
            if scan is not self.scan:
                return
            scan.advance(SCAN_SLICE)
            try:
                self.feed.items_grew()
                self.update_status()
            except NoMatches:  # the reader is closing: its widgets are gone
                return

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
        if self.state is not None:
            parts.append(Text(f"{more}{self.unread.count(feed.items, self.state)} unread"))
        if self.follow is not None:
            parts.append(self._watch_status(self.follow.mode))
        parts.append(Text(f"times: {self.mode.label()} (z)"))
        parts.append(Text("? help", DIM))
        for part in parts:
            status.append(" │ ", DIM)
            status.append_text(part)
        self.query_one("#status", Static).update(status)

    @staticmethod
    def _watch_status(mode: str | None) -> Text:
        """The status line's word on watching."""
        if mode is None:
            return Text("starting watch…", WAITING)
        if mode == "stopped":
            return Text("not watching", WAITING)
        text = Text("● live", LIVE)
        if mode == "polling":
            text.append(" (polling)", WAITING)
        return text

    # -- events ------------------------------------------------------------------------------

    def on_feed_cursor_moved(self, message: Feed.CursorMoved) -> None:
        item = message.item
        try:
            sources = self.query_one("#sources", PickList)
            authors = self.query_one("#authors", PickList)
        except NoMatches:  # a move still queued while the reader closes: nothing to update
            return
        sources.set_marked([item.path] if item else [])
        authors.set_marked([a.name for a in item.entry.authors] if item else [])
        if self.follow is not None and self.follow.new_count:
            self.query_one(NewMarker).show(self.follow.moved(self.at_live_edge))
        self.start_read_timer(item)
        self.update_status()

    def on_new_marker_clicked(self, message: NewMarker.Clicked) -> None:
        self.action_follow()

    def on_feed_opened(self, message: Feed.Opened) -> None:
        self.open_entry(message.item)

    def open_entry(self, item: Item) -> None:
        from tui.screens.pages import entry_page
        from tui.screens.text_screen import TextScreen

        needles = self.query_value.highlights if self.query_value else ()
        title = item.entry.title or item.document.display_name
        self.set_read([item], True)
        self.push_screen(TextScreen(title, entry_page(item, self.mode, self.local_zone, needles)))

    def on_pick_list_changed(self, message: PickList.Changed) -> None:
        if message.pick_list.id == "sources":
            self.sources_selected = message.selected
        else:
            self.authors_selected = message.selected
        message.pick_list.set_selected(message.selected)
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
        self._state_test = snapshot_test(self.query_value, self.state)
        self.refresh_feed()

    def close_query_bar(self) -> None:
        bar = self.query_one("#query", QueryBar)
        bar.remove_class("-open")
        self.feed.focus()

    # -- actions -----------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help_screen import HelpScreen

        self.push_screen(HelpScreen())

    def action_search(self) -> None:
        bar = self.query_one("#query", QueryBar)
        bar.add_class("-open")
        bar.focus()
        self._bar_opening = True

    async def on_event(self, event: events.Event) -> None:
        """Characters typed right after ``/``, before the query bar has the focus, go into the
        bar: otherwise ``/troops`` typed fast would run ``t`` (time), ``o`` (open a link)…"""
        if isinstance(event, events.Key) and self._bar_opening:
            bar = self.query_one("#query", QueryBar)
            if bar.has_focus or not bar.has_class("-open"):
                self._bar_opening = False
            elif event.is_printable and event.character:
                bar.insert_text_at_cursor(event.character)
                return
        await super().on_event(event)

    def action_find(self, forward: bool) -> None:
        if self.query_value is None:
            self.notify("Nothing to find: press / and type a query.", severity="warning")
            return
        self.finish_scan()
        matches = self.query_value.predicate()
        # n/N look at the state as it is now (the filter at the state when it was typed).
        live = self.query_value.state_test(self.state) if self.state is not None else None

        def predicate(item: Item) -> bool:
            return matches(item) and (live is None or live(item.id))

        found = self.feed.find(predicate, forward)
        if found is None:
            self.notify("No entry matches.", severity="warning")
        elif found is False:
            self.notify("Search wrapped around.")

    def action_follow(self) -> None:
        """Jump to the newest entry; new entries then show as they arrive."""
        self.feed.go_to(0)
        if self.follow is not None:
            self.query_one(NewMarker).show(self.follow.jump())

    def action_cycle_zone(self) -> None:
        self.mode = self.mode.next()
        self.feed.set_display(mode=self.mode)
        query = self.query_value
        if query is not None and (query.since is not None or query.until is not None):
            self.apply_query(query.text)  # its times are read on the new clock
        self.save_view()
        self.update_status()

    def action_problems(self) -> None:
        from tui.screens.pages import problems_page
        from tui.screens.text_screen import TextScreen

        self.push_screen(TextScreen("Problems", problems_page(self.timeline.problems)))

    def action_document(self) -> None:
        from tui.screens.pages import document_page
        from tui.screens.text_screen import TextScreen

        item = self.feed.current
        if item is None:
            self.notify("No entry under the cursor.", severity="warning")
            return
        page = document_page(item.document, self.mode, self.local_zone)
        self.push_screen(TextScreen(item.document.display_name, page))

    def action_clear_filters(self) -> None:
        for pane in self.query(PickList):
            pane.set_selected(())
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
        self.save_view()


def make_app(
    paths: Sequence[str | os.PathLike[str]] = (),
    *,
    documents: Sequence[Document] = (),
    watch: bool = False,
    alerts: Sequence[str] = (),
    bell: bool = False,
    local_zone: tzinfo | None = None,
    keep_state: bool = False,
    state_path: str | os.PathLike[str] | None = None,
    read_after: float = READ_AFTER,
    settings: Loaded | None = None,
    cache: ParseCache | None = None,
    group: bool = True,
) -> ReaderApp:
    """The reader over ``paths`` (parsed in a worker) and/or already parsed ``documents``.

    With ``watch`` (the command line's default; off here, so tests and scripts opt in), the
    paths are followed once loaded (:mod:`tui.engine.ingest`, :mod:`tui.engine.follow`): new
    and growing files add entries, and entries mentioning an ``alerts`` word are flagged (with
    the terminal bell if ``bell``).
    ``local_zone`` fixes the zone of "local" times (tests); by default the system's.
    ``keep_state`` (the command line's default; off here) saves read flags, marks, visits
    and the view in ``state_path`` (default: ``$XDG_STATE_HOME/liveblog/state.sqlite3``);
    without it they last for the session. ``read_after``: seconds on an entry before it
    counts as read.
    ``settings``: the user's config (:mod:`tui.engine.config`; its alert words join ``alerts``).
    ``cache``: parsed documents are looked up and stored there (the command line's default;
    none here).
    ``group``: show near-duplicate posts of several pages once, ``also in:`` the others
    (found in the background; ``a`` expands a group).
    """
    if settings is not None:
        alerts = list(dict.fromkeys([*alerts, *settings.config.alerts]))
    app = ReaderApp(
        [os.fspath(p) for p in paths],
        documents=documents,
        watch=watch,
        alerts=alerts,
        bell=bell,
        local_zone=local_zone,
        keep_state=keep_state,
        state_path=os.fspath(state_path) if state_path is not None else None,
        read_after=read_after,
        cache=cache,
        group=group,
    )
    if settings is not None:
        app.apply_settings(settings)
    return app
