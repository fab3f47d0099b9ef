"""Follow mode, as a model: what arrived since the view left the newest entry, and alerts.

At the live edge (the newest entry under the cursor, at the top, no other view open) new
entries show at once; anywhere else the view stays and a count of what arrived grows until
the reader goes back (``f``, ``g``, or a click on the "+N new" marker). New or edited entries
that mention an ``--alert`` word are remembered (the feed badges them) and reported once.
The reader tells the model where its view is; the model says what to show. Pure: no Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from parsers.model import Entry
from tui.engine.alerts import Alerts

SETTLE_SECONDS = 0.15
"""How long a changed file must keep still before it is read (``Ingest``'s ``settle``)."""

POLL_SECONDS = 0.5
"""How often folders without change events are polled."""

STEP_MS = 10
"""How often the change-event thread looks for news (1 ms, the engine's default, costs 5% of
a core while nothing happens; 10 ms costs under 1% and adds at most 10 ms to the latency)."""

Hit = tuple[Entry, tuple[str, ...]]
"""An entry and the alert words it newly mentions."""


class Follow:
    """The reader's follow mode over a watched folder."""

    def __init__(self, alerts: Sequence[str] = ()) -> None:
        self.alerts = Alerts(alerts)
        self.alerted: dict[str, tuple[str, ...]] = {}
        """Entry id to the alert words it mentions."""
        self.new_count = 0
        """Entries that arrived (and pass the filters) since the view left the live edge."""
        self.mode: str | None = None
        """How changes are detected: None before the watch is live, ``events``, ``polling``,
        or ``stopped``."""

    def arrived(self, at_edge: bool, shown: int) -> int:
        """``shown`` new entries pass the filters; the "+N new" count to show after them."""
        self.new_count = 0 if at_edge else self.new_count + shown
        return self.new_count

    def moved(self, at_edge: bool) -> int:
        """The view moved; back at the edge, nothing is new any more."""
        if at_edge:
            self.new_count = 0
        return self.new_count

    def jump(self) -> int:
        """The reader went to the newest entry."""
        self.new_count = 0
        return 0

    def match(
        self, added: Iterable[Entry], updated: Iterable[Entry], removed: Iterable[str] = ()
    ) -> list[Hit]:
        """Remember which entries mention alert words; those that newly do, to report."""
        for entry_id in removed:
            self.alerted.pop(entry_id, None)
        if not self.alerts:
            return []
        hits: list[Hit] = []
        for entries in (added, updated):
            for entry in entries:
                words = self.alerts.matches(entry)
                before = self.alerted.get(entry.id)
                if words:
                    self.alerted[entry.id] = words
                    if before is None:
                        hits.append((entry, words))
                elif before is not None:
                    del self.alerted[entry.id]
        return hits
