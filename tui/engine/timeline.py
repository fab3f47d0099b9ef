"""The in-memory timeline the feed reads: every entry of every document, in reading order.

Order: entries with a time, newest first (as instants, whatever their zones); an entry
without a time whose document is dated sits at that date (a date alone counts as its
midnight, so after that day's timed entries); the rest come last, grouped by document in the
order documents were added, each in its document's order. Documents are keyed by source
path, so a re-parsed document replaces its previous version (:meth:`Timeline.upsert`),
keeping entry ids stable and reporting what is new.
Pure: no Textual.
"""

from __future__ import annotations

import dataclasses
import operator
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from parsers.model import Document, Entry, Problem, Source, Timestamp
from tui.engine.query import Query


@dataclass(slots=True, eq=False)
class Item:
    """One entry in the timeline, with what searching and sorting need precomputed."""

    entry: Entry
    document: Document
    sort_key: tuple[int, float, int, int]
    hay: str
    """Lower-cased headline, body, captions, labels and authors, for word search."""
    authors_lc: str
    source_lc: str
    labels_lc: str

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def published(self) -> Timestamp | None:
        return self.entry.published

    @property
    def placed(self) -> Timestamp | None:
        """Where the entry sits in time: its own time, else its document's date, else None."""
        return self.entry.published or self.document.published

    @property
    def path(self) -> str:
        return self.document.source.path


@dataclass(frozen=True, slots=True)
class Filter:
    """What the feed shows: selected sources and authors (empty = all) and a query."""

    sources: frozenset[str] = frozenset()
    """Source paths."""
    authors: frozenset[str] = frozenset()
    """Author names."""
    query: Query | None = None
    hide: bool = True
    """False: the query only highlights (every entry stays)."""

    @property
    def hides_by_query(self) -> bool:
        return self.hide and self.query is not None and not self.query.empty

    @property
    def active(self) -> bool:
        return bool(self.sources or self.authors or self.hides_by_query)


@dataclass(frozen=True, slots=True)
class AuthorCount:
    """A row of the authors pane."""

    name: str
    role: str | None
    count: int


_sort_key = operator.attrgetter("sort_key")


def _author_tally(items: Iterable[Item]) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """Entries per author name, and the roles printed for each, in one document."""
    counts: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = {}
    for item in items:
        for author in item.entry.authors:
            counts[author.name] += 1
            if author.role:
                roles.setdefault(author.name, Counter())[author.role] += 1
    return counts, roles


def _hay(entry: Entry) -> str:
    parts: list[str] = []
    if entry.title:
        parts.append(entry.title)
    parts.extend(entry.body)
    for caption in entry.captions:
        parts.append(caption.text)
        if caption.credit:
            parts.append(caption.credit)
    parts.extend(entry.labels)
    parts.extend(author.name for author in entry.authors)
    return "\n".join(parts).lower()


@dataclass(slots=True)
class Timeline:
    """Documents by source path and their entries in reading order."""

    _documents: dict[str, Document] = field(default_factory=dict)
    _sequence: dict[str, int] = field(default_factory=dict)
    _items: dict[str, list[Item]] = field(default_factory=dict)
    _sorted: list[Item] | None = None
    gone: set[str] = field(default_factory=set)
    """Paths of sources that disappeared (their entries stay until replaced)."""
    version: int = 0
    """Bumped on every change, so views know to refresh."""
    renamed: dict[str, str] = field(default_factory=dict)
    """Sources that moved: their path now to the path they were first read from."""
    loose_problems: list[Problem] = field(default_factory=list)
    """Problems that belong to no document (a folder that cannot be watched, a symlink loop)."""
    _last: tuple[int, Filter, list[Item]] | None = None
    _problems: tuple[int, list[Problem]] | None = None
    _authors: dict[str, tuple[Counter[str], dict[str, Counter[str]]]] = field(default_factory=dict)

    # -- changes -------------------------------------------------------------------------

    def upsert(self, document: Document) -> tuple[set[str], set[str]]:
        """Add a document or replace the one with the same source path.

        Returns ``(new_ids, changed_ids)``: ids not seen in that document before, and ids
        whose entry differs from the previous version.
        """
        path = document.source.path
        previous = self._items.get(path, [])
        before = {item.id: item.entry for item in previous}
        self._documents[path] = document
        self._sequence.setdefault(path, len(self._sequence))
        items = self._make_items(document)
        self._items[path] = items
        self._authors[path] = _author_tally(items)
        self.gone.discard(path)
        if self._sorted is not None:
            # Merge instead of sorting everything again: drop the old version's items, append
            # the new ones and let timsort merge the two sorted runs.
            old = previous[0].document if previous else None
            merged = [item for item in self._sorted if item.document is not old]
            merged.extend(sorted(items, key=_sort_key))
            merged.sort(key=_sort_key)
            self._touched()
            self._sorted = merged
        else:
            self._changed()
        new_ids = {e.id for e in document.entries if e.id not in before}
        changed_ids = {e.id for e in document.entries if e.id in before and before[e.id] != e}
        return new_ids, changed_ids

    def upsert_many(self, documents: Iterable[Document]) -> tuple[set[str], set[str]]:
        """:meth:`upsert` each document; the union of what changed."""
        new_ids: set[str] = set()
        changed_ids: set[str] = set()
        for document in documents:
            new, changed = self.upsert(document)
            new_ids |= new
            changed_ids |= changed
        return new_ids, changed_ids

    def mark_gone(self, path: str) -> None:
        """Record that a source no longer exists; its entries stay visible, flagged."""
        if path in self._documents:
            self.gone.add(path)
            self._touched()

    def remove(self, path: str) -> None:
        """Forget a document and its entries."""
        if self._documents.pop(path, None) is not None:
            self._items.pop(path, None)
            self._authors.pop(path, None)
            self.gone.discard(path)
            self._changed()

    def mark_renamed(self, old: str, new: str) -> None:
        """A source moved from ``old`` to ``new``: same document and ids, new path and name."""
        document = self._documents.pop(old, None)
        if document is None:
            return
        import os

        source = Source(path=new, name=os.path.basename(new.rstrip("/\\")) or new)
        entries = tuple(dataclasses.replace(e, source=source) for e in document.entries)
        renamed = dataclasses.replace(document, source=source, entries=entries)
        self._sequence[new] = self._sequence.pop(old, len(self._sequence))
        self._items.pop(old, None)
        self._authors[new] = self._authors.pop(old, (Counter(), {}))
        was_gone = old in self.gone
        self.gone.discard(old)
        self._documents[new] = renamed
        self._items[new] = self._make_items(renamed)
        if was_gone:
            self.gone.add(new)
        self.renamed[new] = self.renamed.pop(old, old)
        self._changed()

    def add_problem(self, problem: Problem) -> None:
        """Record a problem that belongs to no document (listed with the others)."""
        if problem not in self.loose_problems:
            self.loose_problems.append(problem)
            self._problems = None

    def _changed(self) -> None:
        """Something changed that needs the reading order built again."""
        self._sorted = None
        self._touched()

    def _touched(self) -> None:
        """Something changed: cached searches are stale."""
        self._last = None
        self.version += 1

    def _make_items(self, document: Document) -> list[Item]:
        sequence = self._sequence[document.source.path]
        source_lc = f"{document.display_name}\n{document.source.name}".lower()
        items: list[Item] = []
        for entry in document.entries:
            placed = entry.published or document.published
            if placed is not None:
                key = (0, -placed.instant, sequence, entry.position)
            else:
                key = (1, 0.0, sequence, entry.position)
            items.append(
                Item(
                    entry=entry,
                    document=document,
                    sort_key=key,
                    hay=_hay(entry),
                    authors_lc="\n".join(a.name for a in entry.authors).lower(),
                    source_lc=source_lc,
                    labels_lc="\n".join(entry.labels).lower(),
                )
            )
        return items

    # -- reading -------------------------------------------------------------------------

    @property
    def documents(self) -> list[Document]:
        """Documents in the order they were first added."""
        return sorted(self._documents.values(), key=lambda d: self._sequence[d.source.path])

    def document(self, path: str) -> Document | None:
        return self._documents.get(path)

    @property
    def items(self) -> list[Item]:
        """Every entry, in reading order."""
        if self._sorted is None:
            merged = [item for items in self._items.values() for item in items]
            merged.sort(key=_sort_key)
            self._sorted = merged
        return self._sorted

    def __len__(self) -> int:
        return sum(len(items) for items in self._items.values())

    @property
    def problems(self) -> list[Problem]:
        """Every problem of every document; fatal ones (unreadable files) first."""
        if self._problems is None or self._problems[0] != self.version:
            found = [p for d in self.documents for p in d.problems] + self.loose_problems
            self._problems = (self.version, sorted(found, key=lambda p: not p.fatal))
        return self._problems[1]

    def select(self, view: Filter) -> list[Item]:
        """The items ``view`` lets through, in reading order."""
        return self.scan(view).finish()

    def scan(self, view: Filter) -> Scan:
        """A search for the items ``view`` lets through, run as far as the caller needs.

        The feed asks for a screenful first and the rest in the background. While the reader
        types, each query usually narrows the last one: then only the last result is searched.
        """
        base = self.items
        if self._last is not None:
            version, last_view, last_result = self._last
            if (
                version == self.version
                and last_view.sources == view.sources
                and last_view.authors == view.authors
            ):
                if last_view == view:
                    return Scan(last_result, None)
                if (
                    last_view.hides_by_query
                    and view.hides_by_query
                    and view.query is not None
                    and last_view.query is not None
                    and view.query.narrows(last_view.query)
                ):
                    base = last_result
        tests: list[Callable[[Item], bool]] = []
        if view.sources:
            sources = view.sources
            tests.append(lambda item: item.path in sources)
        if view.authors:
            authors = view.authors
            tests.append(lambda item: any(a.name in authors for a in item.entry.authors))
        if view.hides_by_query and view.query is not None:
            tests.append(view.query.predicate())
        version = self.version

        def remember(found: list[Item]) -> None:
            if self.version == version:
                self._last = (version, view, found)

        if not tests:
            return Scan(list(base), None, remember)
        if len(tests) == 1:
            return Scan(base, tests[0], remember)
        return Scan(base, lambda item: all(test(item) for test in tests), remember)

    def source_counts(self) -> list[tuple[Document, int]]:
        """Every document with its number of entries, in the order they were added."""
        return [(d, len(d.entries)) for d in self.documents]

    def author_counts(self) -> list[AuthorCount]:
        """Every author with their most frequent role and entry count, most prolific first."""
        counts: Counter[str] = Counter()
        roles: dict[str, Counter[str]] = {}
        for tally, tally_roles in self._authors.values():
            counts.update(tally)
            for name, by_role in tally_roles.items():
                roles.setdefault(name, Counter()).update(by_role)
        rows = [
            AuthorCount(name, roles[name].most_common(1)[0][0] if name in roles else None, n)
            for name, n in counts.items()
        ]
        rows.sort(key=lambda row: (-row.count, row.name.lower()))
        return rows


class Scan:
    """An incremental filter over a list of items: ``found`` grows as it advances."""

    CHUNK = 4000

    def __init__(
        self,
        source: list[Item],
        test: Callable[[Item], bool] | None,
        on_done: Callable[[list[Item]], None] | None = None,
    ) -> None:
        self.source = source
        self.test = test
        self.on_done = on_done
        self.position = 0 if test is not None else len(source)
        self.found: list[Item] = [] if test is not None else source
        if test is None and on_done is not None:
            on_done(self.found)

    @property
    def done(self) -> bool:
        return self.position >= len(self.source)

    def advance(self, count: int) -> None:
        """Examine up to ``count`` more items."""
        if self.done or self.test is None:
            return
        end = self.position + count
        self.found.extend(filter(self.test, self.source[self.position : end]))
        self.position = min(end, len(self.source))
        if self.done and self.on_done is not None:
            self.on_done(self.found)

    def until(self, count: int, seconds: float | None = None) -> None:
        """Advance until ``count`` items are found, everything was examined, or ``seconds``
        have passed."""
        deadline = None if seconds is None else time.perf_counter() + seconds
        while not self.done and len(self.found) < count:
            self.advance(self.CHUNK)
            if deadline is not None and time.perf_counter() > deadline:
                return

    @property
    def progress(self) -> float:
        """The fraction of items examined."""
        return self.position / len(self.source) if self.source else 1.0

    def finish(self) -> list[Item]:
        """Examine everything left; the complete result."""
        self.advance(len(self.source))
        return self.found


def find_index(items: Sequence[Item], entry_id: str) -> int | None:
    """The position of the entry with ``entry_id`` in ``items``, if it is there."""
    for index, item in enumerate(items):
        if item.id == entry_id:
            return index
    return None
