"""What the reader does with entries beyond reading them: open, copy, export, go to a time,
and the activity strip.

:class:`EntryActions` is a base of the reader's app (on :class:`~tui.reader_settings.SettingsApp`).
Each action reads the feed as it is shown (the filtered, sorted timeline) and says what it did
in a notification. Slow work runs off the UI thread: starting a browser, writing an export,
counting entries per hour for the strip. Everything shown is made safe first (file names and
entry text are data).
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from textual import work
from textual.binding import Binding
from textual.timer import Timer

from parsers.clean import shown
from parsers.model import Entry
from tui.engine.follow import Follow
from tui.engine.query import Clock, Query
from tui.engine.timeline import Item, find_index, key_instant
from tui.reader_settings import SettingsApp
from tui.time_display import ZoneMode
from tui.widgets.activity_strip import ActivityStrip
from tui.widgets.entry_lines import safe
from tui.widgets.feed import Feed

if TYPE_CHECKING:  # these load with the first use of their key
    import webbrowser

    from tui.engine.activity import Activity
    from tui.engine.export import ExportFormat

# What each key needs (the export and activity code, the browser module) loads when the key
# is first pressed, not with the first screen.

ACTIVITY_POLL_SECONDS = 0.3
"""How often the shown strip looks whether what the feed shows changed."""

MAX_NAME = 60
"""The longest headline quoted in a notification."""


def instant_of(item: Item) -> float | None:
    """Where ``item`` sits in time (POSIX seconds), as the feed orders it; None: undated."""
    return key_instant(item.sort_key)


def web_url(url: str | None) -> bool:
    """An absolute http(s) address: the only kind handed to a browser."""
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def quoted(entry: Entry) -> str:
    """The entry's headline (or first words), short and safe, for a notification."""
    text = safe(entry.title or (entry.body[0] if entry.body else "") or "(empty entry)")
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def clipboard_text(entry: Entry, clock: Clock) -> str:
    """The entry as plain text, each line made safe (no control characters)."""
    from tui.engine.export import plain_text

    return "\n".join(shown(line) for line in plain_text(entry, clock).split("\n"))


def entry_count(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"


class EntryActions(SettingsApp):
    """``o``, ``y``, ``e``, ``t`` and ``H``."""

    BINDINGS = [
        Binding("o", "open_link", "Open link", id="open_link"),
        Binding("y", "copy_entry", "Copy", id="copy_entry"),
        Binding("e", "export", "Export", id="export"),
        Binding("t", "jump_time", "Go to a time", id="jump_time"),
        Binding("H", "activity", "Activity", id="activity"),
    ]

    local_zone: tzinfo | None
    query_value: Query | None
    hide: bool
    follow: Follow | None

    def __init__(self) -> None:
        super().__init__()
        self.export_folder: str | None = None
        """Where exports go (None: the working folder)."""
        self._activity_timer: Timer | None = None
        self._activity_key: tuple[object, ...] | None = None
        self._activity_items: list[Item] = []
        """The items the strip's counts were made from (a snapshot of the feed's)."""
        self._activity_keys: list[float] = []
        """Their instants negated, dated ones only (ascending): for jumps by bisection."""

    # -- what is shown ---------------------------------------------------------------------

    def _shown_feed(self) -> Feed:
        return self.query_one("#feed", Feed)

    def _all_shown(self) -> list[Item]:
        """Every item the feed shows, the search completed first."""
        feed = self._shown_feed()
        if feed.complete is not None:
            feed.complete()
        return feed.items

    def shown_clock(self) -> Clock:
        """The clock the feed shows times on (``"source"``: each entry's own)."""
        if self.mode is ZoneMode.UTC:
            return UTC
        if self.mode is ZoneMode.LOCAL:
            return self.local_zone  # None: the system's local zone
        return "source"

    def shown_zone(self, item: Item | None) -> tzinfo:
        """One zone for the clock shown: the entry's own in the source mode."""
        if self.mode is ZoneMode.UTC:
            return UTC
        if self.mode is ZoneMode.SOURCE and item is not None and item.placed is not None:
            zone = item.placed.at.tzinfo
            if zone is not None:
                return zone
        if self.local_zone is not None:
            return self.local_zone
        return datetime.now().astimezone().tzinfo or UTC

    def _current(self, doing: str) -> Item | None:
        item = self._shown_feed().current
        if item is None:
            self.notify(f"No entry under the cursor to {doing}.", severity="warning")
        return item

    # -- o: open the link ------------------------------------------------------------------

    def action_open_link(self) -> None:
        item = self._current("open")
        if item is None:
            return
        url = item.entry.url
        if not web_url(url):
            self.notify(
                f"“{quoted(item.entry)}” has no link to open (its source gave none).",
                severity="warning",
                markup=False,
            )
            return
        assert url is not None
        self.notify(f"Opening {shown(url)} in the browser…", markup=False)
        self._open_in_browser(url)

    @work(thread=True, group="browser", exit_on_error=False, description="open a link")
    def _open_in_browser(self, url: str) -> None:
        """Start the browser (finding one may run commands: never on the UI thread)."""
        import webbrowser

        try:
            browser = webbrowser.get()
            console = isinstance(browser, webbrowser.GenericBrowser) and not isinstance(
                browser, webbrowser.BackgroundBrowser
            )
            if console:  # a browser in this terminal: give it the screen meanwhile
                self.call_from_thread(self._open_in_terminal, browser, url)
                return
            opened = browser.open(url)
        except Exception as exc:  # noqa: BLE001 - said to the reader; the reader goes on
            self.call_from_thread(self._browser_failed, url, str(exc) or type(exc).__name__)
            return
        if not opened:
            self.call_from_thread(self._browser_failed, url, "the browser did not start")

    def _open_in_terminal(self, browser: webbrowser.BaseBrowser, url: str) -> None:
        try:
            with self.suspend():
                browser.open(url)
        except Exception as exc:  # noqa: BLE001 - e.g. suspending is not supported here
            self._browser_failed(url, str(exc) or type(exc).__name__)

    def _browser_failed(self, url: str, why: str) -> None:
        self.notify(
            f"Could not open {shown(url)}: {shown(why)} (y copies the entry with its link).",
            severity="error",
            markup=False,
        )

    # -- y: copy the entry -----------------------------------------------------------------

    def action_copy_entry(self) -> None:
        item = self._current("copy")
        if item is None:
            return
        text = clipboard_text(item.entry, self.shown_clock())
        self.copy_to_clipboard(text)
        lines = text.count("\n")
        self.notify(
            f"Copied “{quoted(item.entry)}” to the clipboard: headline, time, source, body"
            f"{', link' if item.entry.url else ''} ({lines} line{'' if lines == 1 else 's'}).",
            markup=False,
        )

    # -- e: export what is shown -----------------------------------------------------------

    def action_export(self) -> None:
        from tui.screens.export_prompt import ExportPrompt

        items = self._all_shown()
        if not items:
            self.notify("Nothing to export: no entry is shown.", severity="warning")
            return
        entries = [item.entry for item in items]
        query = self._export_query()
        folder = self.export_folder or os.getcwd()
        what = entry_count(len(entries)) + (f" (query: {query})" if query else "")

        def chosen(kind: ExportFormat | None) -> None:
            if kind is None:
                self.notify("Export cancelled.", timeout=2)
                return
            self._write_export(entries, folder, kind, query, self.shown_clock())

        self.push_screen(ExportPrompt(what, folder), chosen)

    def _export_query(self) -> str:
        """The query that narrows what is shown (a highlight-only query narrows nothing)."""
        query = self.query_value
        if query is None or query.empty or not self.hide:
            return ""
        return query.text.strip()

    @work(thread=True, group="export", exit_on_error=False, description="export")
    def _write_export(
        self,
        entries: Sequence[Entry],
        folder: str,
        kind: ExportFormat,
        query: str,
        clock: Clock,
    ) -> None:
        from tui.engine.export import ExportFormat, write_export

        try:
            path = write_export(entries, folder, kind, query=query, clock=clock)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.call_from_thread(
                self.notify,
                f"Could not export to {shown(folder)}: {shown(reason)}",
                severity="error",
                markup=False,
            )
            return
        name = "Markdown" if kind is ExportFormat.MARKDOWN else "JSON Lines"
        self.call_from_thread(
            self.notify,
            f"Wrote {entry_count(len(entries))} as {name} to {shown(path)}",
            title="Exported",
            markup=False,
            timeout=8,
        )

    # -- t: go to a time -------------------------------------------------------------------

    def action_jump_time(self) -> None:
        from tui.engine.time_jump import HINT, parse_jump
        from tui.screens.time_prompt import TimePrompt

        current = self._shown_feed().current
        zone = self.shown_zone(current)
        reference = datetime.now(UTC)
        if self.follow is None and current is not None and current.placed is not None:
            reference = current.placed.at  # "10:00": on the day being read
        when = reference.astimezone(zone)
        name = when.tzname() or "the zone shown"
        question = f"A time on the clock shown ({name}); \"today\" is {when:%a %d %b %Y}."

        def read(text: str) -> datetime | str:
            return parse_jump(text, zone, reference)

        def answered(moment: datetime | None) -> None:
            if moment is not None:
                self.go_to_time(moment)

        self.push_screen(TimePrompt(question, read, placeholder=HINT), answered)

    def go_to_time(self, moment: datetime) -> None:
        """Put the cursor on the entry nearest ``moment`` (nothing is filtered)."""
        from tui.engine.time_jump import nearest_index

        items = self._all_shown()
        index = nearest_index([instant_of(item) for item in items], moment.timestamp())
        if index is None:
            self.notify("No entry shown has a time to go to.", severity="warning")
            return
        self._shown_feed().go_to(index)
        self.notify(
            f"Nearest entry to {moment:%a %d %b %H:%M %Z}".rstrip(),
            markup=False,
            timeout=3,
        )

    # -- H: the activity strip -------------------------------------------------------------

    def _strip(self) -> ActivityStrip:
        return self.query_one("#activity", ActivityStrip)

    def action_activity(self) -> None:
        strip = self._strip()
        shown_now = not strip.has_class("-shown")
        strip.set_class(shown_now, "-shown")
        if shown_now:
            self._activity_key = None
            self._activity_tick()
            self._activity_timer = self.set_interval(ACTIVITY_POLL_SECONDS, self._activity_tick)
        else:
            if self._activity_timer is not None:
                self._activity_timer.stop()
                self._activity_timer = None
            if strip.has_focus:
                self._shown_feed().focus()

    def _activity_tick(self) -> None:
        """Count again when what the feed shows (or the clock) changed; the counting runs
        in a thread, on a copy of the list."""
        feed = self._shown_feed()
        items = feed.items
        current = feed.current
        zone = self.shown_zone(items[0] if items else None)
        key = (id(items), len(items), self.mode, zone, items[0].id if items else None)
        self._strip().set_cursor(instant_of(current) if current is not None else None)
        if key == self._activity_key:
            return
        self._activity_key = key
        self._strip().set_pending()
        self._count_activity(list(items), zone)

    @work(
        thread=True, exclusive=True, group="activity", exit_on_error=False, description="activity"
    )
    def _count_activity(self, items: list[Item], zone: tzinfo) -> None:
        from tui.engine.activity import activity

        instants = [instant_of(item) for item in items]
        counted = activity(instants, zone)
        keys = [-t for t in instants if t is not None]  # ascending: the items are newest first
        self.call_from_thread(self._show_activity, items, keys, counted)

    def _show_activity(self, items: list[Item], keys: list[float], counted: Activity) -> None:
        self._activity_items = items
        self._activity_keys = keys
        self._strip().show_activity(counted)

    def on_feed_cursor_moved(self, message: Feed.CursorMoved) -> None:
        if self._activity_timer is None:
            return
        item = message.item
        self._strip().set_cursor(instant_of(item) if item is not None else None)

    def on_activity_strip_jump(self, message: ActivityStrip.Jump) -> None:
        """To the entry nearest the middle of the span, among those inside it if any."""
        keys, items = self._activity_keys, self._activity_items
        index = nearest_in_span(keys, message.start.timestamp(), message.end.timestamp())
        if index is None:
            return
        feed = self._shown_feed()
        target = items[index]
        if not (index < len(feed.items) and feed.items[index] is target):
            # The feed changed since the strip was counted: find the entry there.
            found = find_index(feed.items, target.id)
            if found is None:
                return
            index = found
        feed.go_to(index)


def nearest_in_span(keys: Sequence[float], start: float, end: float) -> int | None:
    """The index of the entry nearest the middle of ``[start, end)``, preferring those inside.

    ``keys``: the dated entries' instants negated (ascending, as the feed is newest first).
    """
    if not keys:
        return None
    middle = (start + end) / 2
    low = bisect.bisect_right(keys, -end)
    high = bisect.bisect_right(keys, -start)
    if low >= high:  # nothing inside: the nearest anywhere
        low, high = 0, len(keys)
    at = bisect.bisect_left(keys, -middle, low, high)
    candidates = [i for i in (at - 1, at) if low <= i < high]
    return min(candidates, key=lambda i: (abs(-keys[i] - middle), i))
