"""The reader following its folders: the tailing engine feeding the timeline as files change.

:class:`Live` is an invisible widget the reader mounts when it watches its paths. Once the app
has loaded them, it runs :class:`tui.engine.ingest.Ingest` in an async worker (the engine parses in
its own thread) and posts each list of events as one :class:`LiveEvents` message. Messages
that arrive while the screen is busy are merged and applied together, at most every
``FLUSH_SECONDS``: documents are rebuilt from the engine's entry events and upserted into the
timeline; panes, feed and status line refresh; the current filters apply to what arrived.

Follow mode: at the live edge (top of the feed, cursor on the newest entry, no other view
open) new entries appear at once and the cursor stays on the newest. Anywhere else the view
stays where it is (the entry under the cursor keeps its screen row) and a "+N new" marker
counts what arrived; ``f`` or a click on the marker jumps to the newest and follows again.

Alerts: new (or edited) entries that mention an ``--alert`` word get a badge in the feed and
raise a notification, with the terminal bell when asked.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widget import Widget

from parsers.model import Document, Entry, Problem
from tui.engine.alerts import Alerts
from tui.engine.ingest import (
    Added,
    Ingest,
    IngestEvent,
    ProblemFound,
    Ready,
    SourceBack,
    SourceGone,
    SourceRead,
    SourceRenamed,
    Updated,
)
from tui.engine.watcher import Watcher
from tui.widgets.new_marker import NewMarker

if TYPE_CHECKING:
    from tui.app import ReaderApp

FLUSH_SECONDS = 0.1
"""The least time between two updates of the screen by arriving entries (bursts coalesce)."""

SETTLE_SECONDS = 0.15
"""How long a changed file must keep still before it is read (``Ingest``'s ``settle``)."""

POLL_SECONDS = 0.5
"""How often folders without change events are polled."""

STEP_MS = 10
"""How often the change-event thread looks for news (1 ms, the engine's default, costs 5% of
a core while nothing happens; 10 ms costs under 1% and adds at most 10 ms to the latency)."""

LIVE = Style(color="green", bold=True)
WAITING = Style(color="yellow")


@dataclass
class LiveEvents(Message):
    """One list of events from the tailing engine."""

    events: list[IngestEvent]


@dataclass(slots=True)
class SourceCopy:
    """What the reader shows of one watched file: its header, every entry it ever had (never
    withdrawn: a truncated file keeps its old entries) and its problems."""

    header: Document
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: dict[Problem, None] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> SourceCopy:
        return cls(
            replace(document, entries=(), problems=()),
            {entry.id: entry for entry in document.entries},
            dict.fromkeys(document.problems),
        )

    def document(self) -> Document:
        return replace(
            self.header, entries=tuple(self.entries.values()), problems=tuple(self.problems)
        )


def alert_message(hits: Sequence[tuple[Entry, tuple[str, ...]]]) -> tuple[str, str]:
    """The title and text of the notification for entries that matched alert words."""
    words = sorted({word for _, found in hits for word in found}, key=str.lower)
    title = "Alert: " + ", ".join(words)
    if len(hits) == 1:
        entry = hits[0][0]
        line = entry.title or (entry.body[0] if entry.body else "(no text)")
        return title, f"{line[:120]} — {entry.source.name}"
    return title, f"{len(hits)} new entries mention {', '.join(words)}"


class Live(Widget):
    """Watches the reader's paths and applies what changes to its timeline."""

    DEFAULT_CSS = "Live { display: none; }"

    def __init__(
        self,
        roots: Sequence[str],
        *,
        alerts: Sequence[str] = (),
        bell: bool = False,
        settle: float | None = None,
        poll_interval: float | None = None,
        force_polling: bool | None = None,
    ) -> None:
        super().__init__(id="live")
        self.roots = list(roots)
        self.alerts = Alerts(alerts)
        self.bell = bell
        self.settle = SETTLE_SECONDS if settle is None else settle
        self.poll_interval = POLL_SECONDS if poll_interval is None else poll_interval
        self.force_polling = force_polling
        self.ingest: Ingest | None = None
        self.created = time.time()
        """Before the app starts loading: files untouched since are not read again."""
        self.mode: str | None = None
        """How changes are detected once the watch is live: ``events`` or ``polling``."""
        self.sources: dict[str, SourceCopy] = {}
        self.alerted: dict[str, tuple[str, ...]] = {}
        """Entry id to the alert words it mentions."""
        self.new_count = 0
        """Entries that arrived (and pass the filters) since the reader left the live edge."""
        self.marker = NewMarker(id="new-marker")
        self._pending: list[IngestEvent] = []
        self._scheduled = False
        self._last_flush = 0.0
        self.flushes = 0
        """How many times arriving events were applied (for tests and benchmarks)."""

    @property
    def reader(self) -> ReaderApp:
        from tui.app import ReaderApp

        assert isinstance(self.app, ReaderApp)
        return self.app

    def on_mount(self) -> None:
        self.screen.mount(self.marker)
        self.reader.feed.alerted = self.alerted

    def on_unmount(self) -> None:
        if self.ingest is not None:
            self.ingest.stop()

    # -- the engine ----------------------------------------------------------------------------

    def start(self) -> None:
        """Start watching (once the app has loaded its paths: those documents are known)."""
        if self.ingest is not None:
            return
        documents = self.reader.timeline.documents
        for document in documents:
            self.sources[document.source.path] = SourceCopy.of(document)
        # Paths that do not exist were reported by the loading already.
        roots = [root for root in self.roots if os.path.exists(root)]
        watcher = Watcher(
            roots,
            force_polling=self.force_polling,
            poll_interval=self.poll_interval,
            step_ms=STEP_MS,
        )
        self.ingest = Ingest(
            roots, known=documents, settle=self.settle, watcher=watcher, known_since=self.created
        )
        self.run_worker(self._follow(self.ingest), name="live", group="live", exit_on_error=False)
        self.reader.update_status()

    async def _follow(self, ingest: Ingest) -> None:
        try:
            async for events in ingest.run():
                self.post_message(LiveEvents(events))
        except Exception as exc:  # noqa: BLE001 - reported; the reader stays usable
            where = self.roots[0] if self.roots else "."
            problem = Problem(where, f"watching stopped: {exc}")
            self.post_message(LiveEvents([ProblemFound(problem)]))
            self.mode = "stopped"
        finally:
            ingest.stop()

    # -- applying events -----------------------------------------------------------------------

    def on_live_events(self, message: LiveEvents) -> None:
        message.stop()
        self._pending += message.events
        if not self._scheduled:
            self._scheduled = True
            delay = self._last_flush + FLUSH_SECONDS - time.monotonic()
            if delay > 0.001:
                self.set_timer(delay, self.flush)
            else:  # after the messages already queued (those join this flush)
                self.call_later(self.flush)

    def flush(self) -> None:
        """Apply every event received since the last flush, refreshing the screen once."""
        self._scheduled = False
        events, self._pending = self._pending, []
        self._last_flush = time.monotonic()
        if not events:
            return
        self.flushes += 1
        reader = self.reader
        following = self.at_edge()
        added, updated, changed = self._apply(events)
        hits = self._match_alerts(added, updated)
        if changed:
            reader.refresh_panes()
            # Away from the edge, the whole filtered list is needed to keep the reader's entry.
            reader.refresh_feed(complete=not following)
            if following:
                reader.feed.go_to(0)
                self._set_new(0)
            elif added:
                ids = {entry.id for entry in added}
                arrived = sum(1 for item in reader.feed.items if item.id in ids)
                self._set_new(self.new_count + arrived)
        else:
            reader.update_status()
        if hits:
            title, text = alert_message(hits)
            reader.notify(text, title=title, severity="warning", markup=False)
            if self.bell:
                reader.bell()

    def _apply(self, events: Sequence[IngestEvent]) -> tuple[list[Entry], list[Entry], bool]:
        """Put ``events`` into the timeline: (entries added, entries updated, anything changed)."""
        timeline = self.reader.timeline
        dirty: dict[str, None] = {}
        added: list[Entry] = []
        updated: list[Entry] = []
        changed = False

        def upsert_dirty() -> None:
            for path in dirty:
                copy = self.sources.get(path)
                if copy is not None:
                    timeline.upsert(copy.document())
            dirty.clear()

        for event in events:
            if isinstance(event, SourceRead):
                document = event.document
                path = document.source.path
                copy = self.sources.get(path)
                if copy is None:
                    self.sources[path] = SourceCopy(
                        replace(document, entries=(), problems=()),
                        problems=dict.fromkeys(document.problems),
                    )
                else:
                    copy.header = replace(document, entries=(), problems=())
                    copy.problems = dict.fromkeys(document.problems)
                dirty[path] = None
            elif isinstance(event, Added | Updated):
                for entry in event.entries:
                    path = entry.source.path
                    copy = self.sources.get(path)
                    if copy is None:  # not announced by a SourceRead: a bare header
                        copy = SourceCopy(Document(source=entry.source, format="none"))
                        self.sources[path] = copy
                    copy.entries[entry.id] = entry
                    dirty[path] = None
                (added if isinstance(event, Added) else updated).extend(event.entries)
            elif isinstance(event, ProblemFound):
                copy = self.sources.get(event.problem.source)
                if copy is not None:
                    copy.problems[event.problem] = None
                    dirty[event.problem.source] = None
                else:
                    timeline.add_problem(event.problem)
                    changed = True
            elif isinstance(event, SourceBack):
                dirty[event.path] = None  # upserting it clears its "gone" mark
            elif isinstance(event, SourceGone):
                upsert_dirty()
                timeline.mark_gone(event.path)
                changed = True
            elif isinstance(event, SourceRenamed):
                upsert_dirty()
                timeline.mark_renamed(event.old, event.new)
                self.sources.pop(event.old, None)
                moved = timeline.document(event.new)
                if moved is not None:
                    self.sources[event.new] = SourceCopy.of(moved)
                changed = True
            elif isinstance(event, Ready):
                self.mode = event.mode
        changed = changed or bool(dirty)
        upsert_dirty()
        return added, updated, changed

    def _match_alerts(
        self, added: Sequence[Entry], updated: Sequence[Entry]
    ) -> list[tuple[Entry, tuple[str, ...]]]:
        """Mark entries that mention alert words; those that newly do, to notify about."""
        if not self.alerts:
            return []
        hits: list[tuple[Entry, tuple[str, ...]]] = []
        for entry in [*added, *updated]:
            words = self.alerts.matches(entry)
            before = self.alerted.get(entry.id)
            if words:
                self.alerted[entry.id] = words
                if before is None:
                    hits.append((entry, words))
            elif before is not None:
                del self.alerted[entry.id]
        return hits

    # -- follow mode ---------------------------------------------------------------------------

    def at_edge(self) -> bool:
        """True when the reader is at the live edge: the newest entry, at the top, no view open."""
        reader = self.reader
        feed = reader.feed
        return len(reader.screen_stack) == 1 and feed.cursor == 0 and feed.top == (0, 0)

    def _set_new(self, count: int) -> None:
        self.new_count = count
        self.marker.show(count)

    def view_moved(self) -> None:
        """The feed's cursor moved: back at the live edge, the marker goes."""
        if self.new_count and self.at_edge():
            self._set_new(0)

    def jump(self) -> None:
        """Go to the newest entry and follow again."""
        self.reader.feed.go_to(0)
        self._set_new(0)

    def status(self) -> Text:
        """The status line's word on watching."""
        if self.mode is None:
            return Text("starting watch…", WAITING)
        if self.mode == "stopped":
            return Text("not watching", WAITING)
        text = Text("● live", LIVE)
        if self.mode == "polling":
            text.append(" (polling)", WAITING)
        return text
