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

import bisect
import dataclasses
import operator
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

from parsers.model import Document, Entry, Problem, Source, Timestamp
from tui.engine.copies import PageInfo, Pages, saved_time
from tui.engine.grouping import Groups
from tui.engine.packed_text import pack
from tui.engine.query import Query
from tui.engine.text_index import ALL, TextIndex

SortKey = int
"""Where an item sorts, packed in one int (:func:`sort_key`): a tuple of four numbers and a
float cost twice as much at 100,000 items."""

_PART = 32
"""Bits for the document's sequence and for the position."""
_PART_MASK = (1 << _PART) - 1
_TIME_BITS = 62
_TIME_ZERO = 1 << (_TIME_BITS - 1)
"""Minus the instant in microseconds, shifted to be positive (years 1 to 9999 fit)."""
_UNDATED = 1 << (_TIME_BITS + 2 * _PART)


def sort_key(instant: float | None, sequence: int, position: int) -> SortKey:
    """Dated first (newest first) then undated, then by document sequence, then position."""
    if instant is None:
        high = _UNDATED
    else:
        high = (_TIME_ZERO - round(instant * 1_000_000)) << (2 * _PART)
    return high | (sequence & _PART_MASK) << _PART | (position & _PART_MASK)


def key_instant(key: SortKey) -> float | None:
    """The instant (POSIX seconds, to the microsecond) a key sorts by; None: undated."""
    if key >= _UNDATED:
        return None
    return (_TIME_ZERO - (key >> (2 * _PART))) / 1_000_000


@dataclass(slots=True, eq=False)
class Page:
    """What searching looks at in a document rather than in one entry (shared by its items):
    the page's own text and the word index of its entries' text."""

    document: Document
    """The document; its entries are the ones indexed, in order (an item's ``ordinal`` is
    its place among them)."""
    page_lc: str
    """Lower-cased key points of the page: a word found there matches every entry."""
    source_lc: str
    """Lower-cased display name and file name, for ``source:``."""
    built: TextIndex | None = None
    """The index, once made (where the document was parsed, or at the first search)."""

    @classmethod
    def of(cls, document: Document, index: TextIndex | None = None) -> Page:
        return cls(
            document,
            "\n".join(document.key_points).lower(),
            f"{document.display_name}\n{document.source.name}".lower(),
            index if index is not None and index.count == len(document.entries) else None,
        )

    @property
    def index(self) -> TextIndex:
        if self.built is None:
            self.built = TextIndex.of(self.document.entries, _hay)
        return self.built

    def plan(self, needles: tuple[str, ...], excluded: tuple[str, ...]) -> TextPlan:
        """What an entry of this page must hold for ``needles`` and not for ``excluded``."""
        need, excluding = ALL, 0
        confirm: list[tuple[str, int, bool]] = []
        for needle in needles:
            if needle in self.page_lc:
                continue  # in the key points: every entry of the page has it
            mask, exact = self.index.candidates(needle)
            if exact or mask == 0:
                need &= mask
            else:
                confirm.append((needle, mask, True))
        for needle in excluded:
            mask, exact = self.index.candidates(needle)
            if exact or mask == 0:
                excluding |= mask
            else:
                confirm.append((needle, mask, False))
        return need & ~excluding, tuple(confirm)


TextPlan = tuple[int, tuple[tuple[str, int, bool], ...]]
"""Per page: the mask of the entries that pass on the index alone, and the needles to
confirm in the text of the others (needle, the entries that may hold it, wanted or not)."""

_ORDINALS: list[int] = []
"""Shared int objects for ordinals (a large document's items do not each make their own)."""


def _ordinals(count: int) -> list[int]:
    if len(_ORDINALS) < count:
        _ORDINALS.extend(range(len(_ORDINALS), count))
    return _ORDINALS


@dataclass(slots=True, eq=False)
class Item:
    """One entry in the timeline, with what sorting needs precomputed.

    The entry's lower-cased text is not stored (it cost as much memory as the text itself):
    searching asks its page's word index (:meth:`matches_text`) and lower-cases the text
    only to confirm a needle the index cannot settle alone (:attr:`hay`).
    """

    entry: Entry
    sort_key: SortKey
    page: Page
    ordinal: int
    """The entry's place in ``page.document.entries``."""

    @property
    def document(self) -> Document:
        return self.page.document

    @property
    def hay(self) -> str:
        """Lower-cased headline, body, captions, labels and authors (made on each access)."""
        return _hay(self.entry)

    def matches_text(
        self, needles: tuple[str, ...], excluded: tuple[str, ...], memo: dict[object, object]
    ) -> bool:
        """Whether every needle is in the text or the page's key points, and no excluded one
        in the text (all lower-cased). ``memo`` is kept by the caller across items."""
        page = self.page
        plan = memo.get(page)
        if plan is None:
            plan = memo[page] = page.plan(needles, excluded)
        passing, confirm = cast(TextPlan, plan)
        ordinal = self.ordinal
        if not passing >> ordinal & 1:
            return False
        hay = None
        for needle, mask, wanted in confirm:
            found = False
            if mask >> ordinal & 1:  # the index cannot tell: the text itself
                if hay is None:
                    hay = self.hay
                found = needle in hay
            if found is not wanted:
                return False
        return True

    @property
    def page_lc(self) -> str:
        """Lower-cased key points of the page (shared by its items)."""
        return self.page.page_lc

    @property
    def source_lc(self) -> str:
        return self.page.source_lc

    @property
    def authors_lc(self) -> str:
        authors = self.entry.authors
        if len(authors) == 1:
            return authors[0].name.lower()
        return "\n".join([a.name for a in authors]).lower() if authors else ""

    @property
    def labels_lc(self) -> str:
        labels = self.entry.labels
        return "\n".join(labels).lower() if labels else ""

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
    state_test: Callable[[str], bool] | None = None
    """The query's ``is:`` terms as a test of an entry id (:meth:`Query.state_test`), made
    when the query was applied; None when it has none."""
    group: bool = True
    """Show a group of near-duplicate posts of several pages once (its newest post)."""
    expanded: frozenset[str] = frozenset()
    """Ids of groups shown in full."""

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


def _merged(
    base: list[Item], keys: list[SortKey], fresh: list[Item]
) -> tuple[list[Item], list[SortKey]]:
    """``base`` (with its sort keys) and ``fresh`` (both in reading order) as one list in
    reading order, with its keys.

    Each fresh item finds its place by bisection over the keys and the runs of ``base``
    between them are copied whole: a few thousand items merge into 100,000 in milliseconds,
    where sorting the lot again compares every item.
    """
    out: list[Item] = []
    out_keys: list[SortKey] = []
    start = 0
    for item in fresh:
        key = item.sort_key
        at = bisect.bisect_right(keys, key, lo=start)
        if at > start:
            out.extend(base[start:at])
            out_keys.extend(keys[start:at])
        out.append(item)
        out_keys.append(key)
        start = at
    out.extend(base[start:])
    out_keys.extend(keys[start:])
    return out, out_keys


def source_for_path(path: str) -> Source:
    """The source of a file at ``path`` (its name is the last part of the path)."""
    return Source(path=path, name=os.path.basename(path.rstrip("/\\")) or path)


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


SearchText = tuple[str, str, str]
"""An entry's lower-cased search text: its words, its authors, its labels."""


def search_text(entry: Entry) -> SearchText:
    """What searching an entry looks at (made on demand; nothing stores it)."""
    return (
        _hay(entry),
        "\n".join(a.name for a in entry.authors).lower(),
        "\n".join(entry.labels).lower(),
    )


@dataclass(frozen=True, slots=True)
class Indexed:
    """A document with the word index of its entries' text, made where it was parsed (a
    worker process or thread), so the UI thread does not index 100,000 entries.

    ``texts`` is kept for callers that pass search texts along; nothing reads it now (the
    timeline stores no lower-cased copy of the text), so :meth:`of` leaves it empty."""

    document: Document
    texts: tuple[SearchText, ...] = ()
    index: TextIndex | None = None

    @classmethod
    def of(cls, document: Document) -> Indexed:
        """``document`` indexed, without what the reader never shows (the dropped lines),
        its bodies packed once indexed (:mod:`tui.engine.packed_text`)."""
        if document.dropped:
            document = dataclasses.replace(document, dropped=())
        index = TextIndex.of(document.entries, _hay)
        return cls(pack(document), index=index)


def _hay(entry: Entry) -> str:
    title, body = entry.title, entry.body
    if not (entry.captions or entry.labels or entry.authors):  # most entries: one join
        return ("\n".join((title, *body)) if title else "\n".join(body)).lower()
    parts: list[str] = []
    if title:
        parts.append(title)
    parts.extend(body)
    for caption in entry.captions:
        parts.append(caption.text)
        if caption.credit:
            parts.append(caption.credit)
    parts.extend(entry.labels)
    parts.extend(author.name for author in entry.authors)
    return "\n".join(parts).lower()


@dataclass(slots=True)
class Change:
    """What one call that changed the timeline changed (for the views to update only that)."""

    added: list[Item] = field(default_factory=list)
    """Items of entries new to the timeline."""
    updated: list[Item] = field(default_factory=list)
    """Items of known entries whose content changed."""
    removed: set[str] = field(default_factory=set)
    """Ids of entries withdrawn."""
    paths: dict[str, None] = field(default_factory=dict)
    """Sources whose pane row changed (new, grown, renamed, gone or back), in order."""
    renamed: list[tuple[str, str]] = field(default_factory=list)
    """Sources that moved: (old path, new path)."""
    problems: bool = False
    """The list of problems changed."""
    mode: str | None = None
    """How the watch detects changes, when the engine said (``events``, ``polling``)."""

    @property
    def any(self) -> bool:
        return bool(self.paths or self.removed or self.problems or self.added or self.updated)


@dataclass(slots=True)
class Timeline:
    """The one store of entries: documents by source path and their entries in reading order.

    Documents arrive whole (:meth:`upsert_many`, the loading) or as the tailing engine's
    events (:meth:`apply`); either way the reading order is rebuilt once per call, by merging
    the new items into the sorted list.
    """

    _documents: dict[str, Document] = field(default_factory=dict)
    _sequence: dict[str, int] = field(default_factory=dict)
    _items: dict[str, list[Item]] = field(default_factory=dict)
    """Per source path, its items in document order."""
    _sorted: list[Item] | None = None
    _keys: list[SortKey] = field(default_factory=list)
    """The sort keys of ``_sorted``, in the same order (bisected when items arrive)."""
    _count: int = 0
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
    _author_total: Counter[str] = field(default_factory=Counter)
    pages: Pages = field(default_factory=Pages)
    """Which documents are copies of one page (:mod:`tui.engine.copies`); a page is kept
    once, under its first copy's path."""
    page_info: dict[str, PageInfo] = field(default_factory=dict)
    """Pages saved in several files, by page path: their copies and marked posts."""
    marks: dict[str, str] = field(default_factory=dict)
    """Entry id -> ``edited`` or ``removed from the page``."""
    groups: Groups = field(default_factory=Groups)
    """Near-duplicate posts of several pages (:mod:`tui.engine.grouping`), found in the
    background and set with :meth:`set_groups`."""

    # -- changes -------------------------------------------------------------------------

    def upsert(self, document: Document) -> Change:
        """Add a document or replace the one with the same source path."""
        return self.upsert_many([document])

    def upsert_many(self, documents: Iterable[Document | Indexed]) -> Change:
        """Add documents or replace those with the same source paths; one re-sort in all."""
        change = Change()
        replaced: list[list[Item]] = []
        fresh: list[Item] = []
        given_index: dict[int, TextIndex | None] = {}
        touched: dict[str, None] = {}
        for given in documents:
            if isinstance(given, Indexed):
                document, index = given.document, given.index
            else:
                document, index = given, None
            given_index[id(document)] = index
            touched[self.pages.add(document, saved_time(document.source.path)).path] = None
        for key in touched:
            page = self.pages.pages[key]
            document = self.pages.document(page)
            if len(page.copies) > 1:
                self._page_changed(page.info())
            old = self._put(document, change, given_index.get(id(document)))
            if old:
                replaced.append(old)
            fresh.extend(self._items[document.source.path])
        change.added = fresh
        self._merge(replaced, fresh)
        return change

    def apply(self, events: Iterable[object]) -> Change:
        """Apply the tailing engine's events (:mod:`tui.engine.ingest`); what they changed.

        Entries are added, replaced in place (same id) or withdrawn; a document's header and
        problems are replaced by those of its latest reading; gone, back and renamed sources
        are marked. The reading order is rebuilt once, at the end.
        """
        from tui.engine import ingest

        change = Change()
        pending: dict[str, tuple[Document, dict[str, Entry]]] = {}
        added_ids: set[str] = set()
        updated_ids: set[str] = set()

        def current(path: str) -> tuple[Document, dict[str, Entry]]:
            if path not in pending:
                document = self._documents.get(path)
                if document is None:
                    document = Document(source=source_for_path(path), format="none")
                pending[path] = (document, {e.id: e for e in document.entries})
            return pending[path]

        def flush() -> None:
            replaced: list[list[Item]] = []
            fresh: list[Item] = []
            for header, entries in pending.values():
                document = dataclasses.replace(header, entries=tuple(entries.values()))
                old = self._put(document, change)
                if old:
                    replaced.append(old)
                fresh.extend(self._items[document.source.path])
            pending.clear()
            if replaced or fresh:
                self._merge(replaced, fresh)
                for item in fresh:
                    if item.id in added_ids:
                        change.added.append(item)
                    elif item.id in updated_ids:
                        change.updated.append(item)

        for event in events:
            if isinstance(event, ingest.SourceRead):
                path = event.document.source.path
                _, entries = current(path)
                pending[path] = (event.document, entries)
                change.problems = True
            elif isinstance(event, ingest.Added | ingest.Updated):
                ids = added_ids if isinstance(event, ingest.Added) else updated_ids
                for entry in event.entries:
                    header, entries = current(entry.source.path)
                    if header.source != entry.source:  # a renamed file: the path it has now
                        header = dataclasses.replace(header, source=entry.source)
                        pending[entry.source.path] = (header, entries)
                    entries[entry.id] = entry
                    ids.add(entry.id)
            elif isinstance(event, ingest.Removed):
                _, entries = current(event.path)
                for entry_id in event.ids:
                    if entries.pop(entry_id, None) is not None:
                        change.removed.add(entry_id)
            elif isinstance(event, ingest.ProblemFound):
                problem = event.problem
                if problem.source in self._documents or problem.source in pending:
                    header, entries = current(problem.source)
                    if problem not in header.problems:
                        header = dataclasses.replace(header, problems=(*header.problems, problem))
                        pending[problem.source] = (header, entries)
                else:
                    self.add_problem(problem)
                change.problems = True
            elif isinstance(event, ingest.SourceBack):
                if event.path in self.gone:
                    self.gone.discard(event.path)
                    change.paths[event.path] = None
                    self._touched()
            elif isinstance(event, ingest.SourceGone):
                flush()
                if event.path in self._documents and event.path not in self.gone:
                    self.mark_gone(event.path)
                    change.paths[event.path] = None
            elif isinstance(event, ingest.SourceRenamed):
                flush()
                if self.mark_renamed(event.old, event.new):
                    change.renamed.append((event.old, event.new))
                    change.paths[event.new] = None
            elif isinstance(event, ingest.PageChanged):
                self._page_changed(event.info)
                change.paths[event.info.path] = None
                self._touched()
            elif isinstance(event, ingest.Ready):
                change.mode = event.mode
        flush()
        return change

    def _page_changed(self, info: PageInfo) -> None:
        """Record a page's copies and marks."""
        before = self.page_info.get(info.path)
        if before is not None:
            for entry_id, _ in before.marks:
                self.marks.pop(entry_id, None)
        self.page_info[info.path] = info
        self.marks.update(info.marks)

    def note(self, entry_id: str) -> str | None:
        """What the feed notes on an entry: ``edited`` or ``removed from the page``, and
        ``also in: …`` the pages its near-duplicates are on."""
        parts = []
        mark = self.marks.get(entry_id)
        if mark:
            parts.append(mark)
        also = self.groups.also_in(entry_id)
        if also:
            parts.append(f"also in: {', '.join(also)}")
        return " · ".join(parts) or None

    def set_groups(self, groups: Groups) -> None:
        """Use ``groups`` (found in the background) from now on."""
        self.groups = groups
        self._touched()

    @property
    def read_documents(self) -> list[Document]:
        """Each file's own document, in the order read (to seed the tailing engine)."""
        return self.pages.documents()

    def _put(
        self, document: Document, change: Change, index: TextIndex | None = None
    ) -> list[Item]:
        """Store ``document`` (its items made); the items of the version it replaced."""
        path = document.source.path
        previous = self._items.get(path)
        was = self._documents.get(path)
        if document.problems or (was is not None and was.problems):
            change.problems = True
        self._documents[path] = document
        self._sequence.setdefault(path, len(self._sequence))
        before = previous or []
        items = self._make_items(document, index)
        self._items[path] = items
        self._count += len(items) - len(before)
        old_tally = self._authors.get(path)
        if old_tally is not None:
            self._author_total.subtract(old_tally[0])
        tally = _author_tally(items)
        self._authors[path] = tally
        self._author_total.update(tally[0])
        self.gone.discard(path)
        change.paths[path] = None
        return before

    def _merge(self, replaced: list[list[Item]], fresh: list[Item]) -> None:
        """Rebuild the reading order after :meth:`_put`: drop ``replaced``, merge ``fresh``."""
        if self._sorted is None:
            self._changed()
            return
        merged, keys = self._sorted, self._keys
        if replaced:
            stale = {id(item) for items in replaced for item in items}
            merged = [item for item in merged if id(item) not in stale]
            keys = [item.sort_key for item in merged]
        if fresh:
            merged, keys = _merged(merged, keys, sorted(fresh, key=_sort_key))
        self._touched()
        self._sorted, self._keys = merged, keys

    def mark_gone(self, path: str) -> None:
        """Record that a source no longer exists; its entries stay visible, flagged."""
        if path in self._documents:
            self.gone.add(path)
            self._touched()

    def remove(self, path: str) -> None:
        """Forget a document and its entries."""
        if self._documents.pop(path, None) is not None:
            items = self._items.pop(path, [])
            self._count -= len(items)
            tally = self._authors.pop(path, None)
            if tally is not None:
                self._author_total.subtract(tally[0])
            self.gone.discard(path)
            self._changed()

    def mark_renamed(self, old: str, new: str) -> bool:
        """A source moved from ``old`` to ``new``: same document and ids, new path and name.

        Returns False when ``old`` is not known.
        """
        document = self._documents.pop(old, None)
        if document is None:
            return False
        source = source_for_path(new)
        entries = tuple(dataclasses.replace(e, source=source) for e in document.entries)
        renamed = dataclasses.replace(document, source=source, entries=entries)
        self._sequence[new] = self._sequence.pop(old, len(self._sequence))
        if old in self.page_info:
            self.page_info[new] = dataclasses.replace(self.page_info.pop(old), path=new)
        old_items = self._items.pop(old, [])
        self._authors[new] = self._authors.pop(old, (Counter(), {}))
        was_gone = old in self.gone
        self.gone.discard(old)
        self._documents[new] = renamed
        index = old_items[0].page.built if old_items else None
        self._items[new] = self._make_items(renamed, index)  # same text: same index
        if was_gone:
            self.gone.add(new)
        self.renamed[new] = self.renamed.pop(old, old)
        self._changed()
        return True

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

    def _make_items(self, document: Document, index: TextIndex | None = None) -> list[Item]:
        """The items of ``document``, in document order (``index``: its word index, if made)."""
        sequence = self._sequence[document.source.path]
        page = Page.of(document, index)
        dated = document.published
        ordinals = _ordinals(len(document.entries))
        items: list[Item] = []
        for number, entry in enumerate(document.entries):
            placed = entry.published or dated
            key = sort_key(placed.instant if placed is not None else None, sequence, entry.position)
            items.append(Item(entry, key, page, ordinals[number]))
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
            self._keys = [item.sort_key for item in merged]
        return self._sorted

    def __len__(self) -> int:
        return self._count

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
        # A group shows the first of its posts a pass finds: narrowing the last result could
        # miss a post whose group was shown by one the narrower view drops.
        grouping = view.group and bool(self.groups.members)
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
                    not grouping
                    and last_view.hides_by_query
                    and view.hides_by_query
                    and view.query is not None
                    and last_view.query is not None
                    and view.query.narrows(last_view.query)
                    and view.state_test is last_view.state_test
                ):
                    base = last_result
        test = self.test(view)
        version = self.version

        def remember(found: list[Item]) -> None:
            if self.version == version:
                self._last = (version, view, found)

        if test is None:
            return Scan(list(base), None, remember)
        return Scan(base, test, remember)

    def test(self, view: Filter) -> Callable[[Item], bool] | None:
        """Whether ``view`` lets an item through (None: it lets everything through).

        With grouping on, the test remembers the groups it let a post of through: ask a new
        one for each pass over the items in reading order."""
        tests: list[Callable[[Item], bool]] = []
        if view.sources:
            sources = view.sources
            tests.append(lambda item: item.path in sources)
        if view.authors:
            authors = view.authors
            tests.append(lambda item: any(a.name in authors for a in item.entry.authors))
        if view.hides_by_query and view.query is not None:
            tests.append(cast(Callable[[Item], bool], view.query.predicate()))
            state_test = view.state_test
            if state_test is not None:
                tests.append(lambda item: state_test(item.id))
            group_test = view.query.group_test(self.groups)
            if group_test is not None:
                tests.append(lambda item: group_test(item.id))
        if view.group and self.groups.members:
            tests.append(_first_of_group(self.groups, view.expanded))
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        return lambda item: all(test(item) for test in tests)

    def source_counts(self) -> list[tuple[Document, int]]:
        """Every document with its number of entries, in the order they were added."""
        return [(d, len(self._items.get(d.source.path, ()))) for d in self.documents]

    def author_counts(self) -> list[AuthorCount]:
        """Every author with their most frequent role and entry count, most prolific first."""
        roles: dict[str, Counter[str]] = {}
        for _, tally_roles in self._authors.values():
            for name, by_role in tally_roles.items():
                roles.setdefault(name, Counter()).update(by_role)
        rows = [
            AuthorCount(name, roles[name].most_common(1)[0][0] if name in roles else None, n)
            for name, n in self._author_total.items()
            if n > 0
        ]
        rows.sort(key=lambda row: (-row.count, row.name.lower()))
        return rows

    def source_row(self, path: str) -> tuple[Document, int] | None:
        """One document with its number of entries."""
        document = self._documents.get(path)
        return None if document is None else (document, len(self._items.get(path, ())))


def _first_of_group(groups: Groups, expanded: frozenset[str]) -> Callable[[Item], bool]:
    """A test letting through one post of each group (the first it is asked about), every
    post of an ``expanded`` group, and every post in no group."""
    shown: set[str] = set()
    group_of = groups.group_of

    def test(item: Item) -> bool:
        group = group_of.get(item.id)
        if group is None or group in expanded:
            return True
        if group in shown:
            return False
        shown.add(group)
        return True

    return test


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
