"""From "this file changed" to model updates: the tailing engine shared by the app and ``tail``.

:class:`Tracker` is the pure part: it remembers every page's entries as last reported and every
source, and turns a freshly parsed document into events: :class:`Added` for new ids,
:class:`Updated` for known ids whose content changed, :class:`Removed` for ids a re-read file
no longer holds (the partial entries of a half-written file, the entries of a file rewritten
shorter), and source events when files vanish, move or come back. A deleted or renamed file
leaves its entries readable: only a file that is still there, and was read, withdraws entries.

:class:`Ingest` drives it: it watches folders (:class:`tui.engine.watcher.Watcher`), waits until a
changed file has been stable for ``settle`` seconds (so a half-written file is not parsed in a
broken state; the next change re-reads it anyway), parses due files in batches in a worker
thread, and yields lists of events. Nothing here knows about Textual.

A renamed file keeps the identity of its first path: its entries keep their ids (a rename
does not double the feed), while ``Entry.source`` shows where the file lives now.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncGenerator, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from parsers.model import Document, Entry, Problem
from parsers.read import expand_paths, parse_bytes, parse_file, read_file, source_for
from tui.engine.copies import Page, PageInfo, Pages
from tui.engine.watcher import Changed, Deleted, Stamp, Watcher


@dataclass(frozen=True, slots=True)
class Added:
    """Entries seen for the first time, in document order per file."""

    entries: tuple[Entry, ...]
    copies: tuple[str, ...] = field(default=(), compare=False)
    """The file each entry was read from, one per entry (empty: ``entry.source.path``).
    An entry's source is its page: the first copy of a page saved in several files."""

    def copy_of(self, index: int) -> str:
        """The file the ``index``-th entry was read from."""
        return self.copies[index] if self.copies else self.entries[index].source.path


@dataclass(frozen=True, slots=True)
class Updated:
    """Known entries (same id) whose content changed: replace them in place."""

    entries: tuple[Entry, ...]
    copies: tuple[str, ...] = field(default=(), compare=False)
    """The file each entry was read from, as for :class:`Added`."""

    def copy_of(self, index: int) -> str:
        return self.copies[index] if self.copies else self.entries[index].source.path


@dataclass(frozen=True, slots=True)
class PageChanged:
    """A page saved in several files gained, lost or re-read a copy (its copies, the time
    of its newest one, its posts marked edited or removed from the page)."""

    info: PageInfo
    copy: str
    """The file whose reading (or loss) changed it."""


@dataclass(frozen=True, slots=True)
class Removed:
    """Entries that were in a re-read file and are no longer there: withdraw them.

    (A deleted file is :class:`SourceGone`; its entries stay.)
    """

    path: str
    """The file the entries came from."""
    ids: tuple[str, ...]
    """The withdrawn entries' ids."""


@dataclass(frozen=True, slots=True)
class SourceRead:
    """A document was read for the first time, or its header (title, format...) changed."""

    document: Document


@dataclass(frozen=True, slots=True)
class SourceGone:
    """The file was deleted (or moved out of the watched folders); its entries stay."""

    path: str


@dataclass(frozen=True, slots=True)
class SourceRenamed:
    """The file moved from ``old`` to ``new``; its entries keep their ids."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class SourceBack:
    """A file appeared again at a path that was gone."""

    path: str


@dataclass(frozen=True, slots=True)
class ProblemFound:
    """Something could not be read or watched (each problem is reported once)."""

    problem: Problem


@dataclass(frozen=True, slots=True)
class Ready:
    """The files present at start have been read and the watch is live."""

    files: int
    """How many files were read at start."""
    mode: str
    """How changes are detected: ``events`` or ``polling``."""


IngestEvent = (
    Added
    | Updated
    | Removed
    | SourceRead
    | PageChanged
    | SourceGone
    | SourceRenamed
    | SourceBack
    | ProblemFound
    | Ready
)


def _content(entry: Entry) -> tuple[object, ...]:
    """What a reader sees of an entry (not its position nor which path it was read from)."""
    return (
        entry.published,
        entry.title,
        entry.labels,
        entry.authors,
        entry.body,
        entry.captions,
        entry.updated,
    )


def _header(document: Document) -> Document:
    """A document without its entries: what a :class:`SourceRead` reports a change of (its
    problems included, so a re-read file's problems replace those of its last reading)."""
    return replace(document, entries=(), dropped=())


@dataclass(slots=True)
class SourceState:
    """What the tracker knows of one path."""

    identity: str
    """The path entry ids are derived from: the path, or the first path of a renamed file."""
    stamp: Stamp | None = None
    """The file's stamp when it was last read."""
    gone: bool = False
    """True once the file was found missing (deleted or renamed away)."""
    moved_to: str | None = None
    """Where the file was renamed to, if it was."""
    header: Document | None = None
    problems: frozenset[Problem] = frozenset()
    """The problems reported for it (each once)."""


class Tracker:
    """Remembers entries and sources; turns parse results into events.

    No threads and no clocks; it only looks at the filesystem to tell whether a path still
    exists (renames) or still is the same file as another path (aliases).
    """

    def __init__(self) -> None:
        self.sources: dict[str, SourceState] = {}
        self.by_inode: dict[tuple[int, int], str] = {}
        """The path each file (device, inode) was last read under."""
        self.pages = Pages()
        """Which files are copies of one page (:mod:`tui.engine.copies`)."""
        self.reported: dict[str, tuple[Entry, ...]] = {}
        """Per page, its entries when last reported (its merged document's own tuple, so
        held at no cost); a page read again is told apart from these."""
        self.page_headers: dict[str, Document] = {}
        self.page_infos: dict[str, PageInfo] = {}

    def seed(self, documents: Iterable[Document]) -> None:
        """Remember documents already shown (read by the app itself), without any event.

        ``documents`` are each file's own document (a timeline's ``read_documents``), in the
        order they were read, so copies of one page merge here as they did there."""
        touched: dict[str, None] = {}
        for document in documents:
            path = document.source.path
            state = self.sources.setdefault(path, SourceState(path))
            state.header = _header(document)
            if document.problems:  # (an empty union would still be a new set)
                state.problems |= frozenset(document.problems)
            state.stamp = Stamp.of(path)
            if state.stamp is not None:
                self.by_inode[(state.stamp.dev, state.stamp.ino)] = path
            touched[self.pages.add(document, _saved(state.stamp)).path] = None
        for key in touched:
            page = self.pages.pages[key]
            merged = self.pages.document(page)
            self.page_headers[key] = self._page_header(page, merged)
            self.reported[key] = merged.entries
            if len(page.copies) > 1:
                self.page_infos[key] = page.info()
        self.pages.compact()

    def canonical(self, path: str, stamp: Stamp | None) -> str:
        """The known path of the same file when ``path`` is a second way to it, else ``path``.

        A folder reached through a symlink (or a hard link) shows one file under two paths;
        it is read, and its entries reported, under the first path only.
        """
        if stamp is None or path in self.sources:
            return path
        other = self.by_inode.get((stamp.dev, stamp.ino))
        if other is None or other == path or self.sources[other].gone:
            return path
        now = Stamp.of(other)
        if now is not None and (now.dev, now.ino) == (stamp.dev, stamp.ino):
            return other
        return path

    def identity(self, path: str, stamp: Stamp | None) -> tuple[str, list[IngestEvent]]:
        """The identity to parse ``path`` under, and a :class:`SourceRenamed` if it moved here.

        A path never seen before whose stamp (inode, size, mtime) is that of a known source
        that has vanished is that source, renamed: it keeps its identity, so its ids.
        """
        state = self.sources.get(path)
        if state is not None:
            return state.identity, []
        old = self.by_inode.get((stamp.dev, stamp.ino)) if stamp is not None else None
        other = self.sources.get(old) if old is not None else None
        if (
            old is not None
            and other is not None
            and other.stamp == stamp
            and other.moved_to is None
            and (other.gone or not os.path.lexists(old))
        ):
            other.gone, other.moved_to = True, path
            self.sources[path] = SourceState(
                other.identity,
                stamp,
                header=other.header,
                problems=other.problems,
            )
            self._moved(old, path)
            return other.identity, [SourceRenamed(old, path)]
        self.sources[path] = SourceState(path)
        return path, []

    def rename_candidate(self, path: str, stamp: Stamp | None) -> str | None:
        """A known source ``path``'s file may be, moved here and changed since (appended to
        before it was read, or moved over a file that was here): same device and inode, and
        its old path no longer holds it. Confirm by the entries' ids before :meth:`adopt`.
        """
        if stamp is None:
            return None
        inode = (stamp.dev, stamp.ino)
        old = self.by_inode.get(inode)
        other = self.sources.get(old) if old is not None else None
        if old is None or other is None or old == path or other.moved_to is not None:
            return None
        if not self._held(old):
            return None  # nothing to confirm the move by
        mine = self.sources.get(path)
        if mine is not None and mine.stamp is not None:
            if (mine.stamp.dev, mine.stamp.ino) == inode:
                return None  # the same file as before at this path
        there = Stamp.of(old)
        if there is not None and (there.dev, there.ino) == inode:
            return None  # still at its old path too: a second way to it, not a move
        return old

    def expected_ids(self, path: str) -> tuple[str, frozenset[str]]:
        """The identity of the source at ``path`` and the ids it held."""
        state = self.sources[path]
        return state.identity, frozenset(entry.id for entry in self._held(path))

    def _held(self, path: str) -> tuple[Entry, ...]:
        """The entries the file at ``path`` held when it was last read (its copy's own)."""
        page = self.pages.page(path)
        copy = page.copies.get(path) if page is not None else None
        return copy.document.entries if copy is not None else ()

    def adopt(self, path: str, old: str) -> list[IngestEvent]:
        """``path`` is the file known as ``old``, moved: it keeps its identity and ids."""
        other = self.sources[old]
        other.gone, other.moved_to = True, path
        self.sources[path] = SourceState(
            other.identity,
            other.stamp,
            header=other.header,
            problems=other.problems,
        )
        self._moved(old, path)
        return [SourceRenamed(old, path)]

    def _moved(self, old: str, new: str) -> None:
        """The copy at ``old`` is at ``new`` now (a page keyed by it is keyed by ``new``)."""
        page = self.pages.rename(old, new)
        if page is None or page.path != new:
            return
        for table in (self.reported, self.page_headers, self.page_infos):
            if old in table:
                table[new] = table.pop(old)  # type: ignore[assignment]

    def parsed(self, path: str, document: Document, stamp: Stamp | None) -> list[IngestEvent]:
        """Events for a document just read from ``path`` (call :meth:`identity` first).

        Entry events are of the document's page: a file that is another copy of a known page
        reports only the posts it adds and the posts it edits (:mod:`tui.engine.copies`)."""
        state = self.sources.setdefault(path, SourceState(path))
        events: list[IngestEvent] = []
        known = self.pages.page(path)
        came_back = state.gone
        if state.gone:
            state.gone, state.moved_to = False, None
            self.pages.back(path)
        state.stamp = stamp
        if stamp is not None:
            self.by_inode[(stamp.dev, stamp.ino)] = path
        state.header = _header(document)
        if known is not None and not document.readable:
            # A copy that cannot be read now keeps what it held.
            if came_back:
                events.append(SourceBack(known.path))
            return events + self._problems(state, document)
        page = self.pages.add(document, _saved(stamp))
        key = page.path
        merged = self.pages.document(page)
        if came_back:
            events.append(SourceBack(key))
        header = self._page_header(page, merged)
        if header != self.page_headers.get(key):
            self.page_headers[key] = header
            events.append(SourceRead(merged))
        events += self._problems(state, document)
        before = self.reported.get(key, ())
        self.reported[key] = merged.entries
        added, updated = diff(before, merged.entries)
        if added:
            events.append(Added(added, (path,) * len(added)))
        if updated:
            events.append(Updated(updated, (path,) * len(updated)))
        if document.readable and before:  # a file that could not be read withdraws nothing
            ids = {entry.id for entry in merged.entries}
            gone = tuple(dict.fromkeys(e.id for e in before if e.id not in ids))
            if gone:
                events.append(Removed(key, gone))
        events += self._page_changed(key, path)
        return events

    def _page_header(self, page: Page, merged: Document) -> Document:
        """The header of ``page`` (``merged``): a page read from one file shares its file's."""
        header = _header(merged)
        if len(page.copies) == 1:
            (path,) = page.copies
            state = self.sources.get(path)
            if state is not None and state.header == header:
                return state.header
        return header

    def _problems(self, state: SourceState, document: Document) -> list[IngestEvent]:
        events: list[IngestEvent] = []
        for problem in document.problems:
            if problem not in state.problems:
                state.problems |= {problem}
                events.append(ProblemFound(problem))
        return events

    def _page_changed(self, key: str, path: str) -> list[IngestEvent]:
        """A :class:`PageChanged` when a page of several copies changed."""
        page = self.pages.pages.get(key)
        if page is None or (len(page.copies) < 2 and key not in self.page_infos):
            return []
        info = page.info()
        if self.page_infos.get(key) == info:
            return []
        self.page_infos[key] = info
        return [PageChanged(info, path)]

    def known(self) -> dict[str, Entry]:
        """Every entry as last reported, by id (made when asked)."""
        return {entry.id: entry for entries in self.reported.values() for entry in entries}

    def missing(self, path: str) -> list[IngestEvent]:
        """Events for a path found missing: :class:`SourceGone` the first time, if known."""
        state = self.sources.get(path)
        if state is None or state.gone:
            return []
        state.gone = True
        page = self.pages.gone(path)
        if page is None:
            return [SourceGone(path)]
        if any(not copy.gone for copy in page.copies.values()):
            return self._page_changed(page.path, path)  # other copies hold the page
        return [SourceGone(page.path), *self._page_changed(page.path, path)]

    def known_under(self, folder: str) -> list[str]:
        """Known, present sources at or below ``folder`` (for a folder deleted or moved)."""
        prefix = folder.rstrip(os.sep) + os.sep
        return [
            path
            for path, state in self.sources.items()
            if not state.gone and (path == folder or path.startswith(prefix))
        ]


def diff(
    before: Iterable[Entry], entries: Iterable[Entry]
) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
    """Split ``entries`` (a page read again) into new ones and changed ones, against what
    was reported of that page ``before`` (by id: of two entries with one id, the second is
    told apart from the first)."""
    known = {entry.id: entry for entry in before}
    added: list[Entry] = []
    updated: list[Entry] = []
    for entry in entries:
        old = known.get(entry.id)
        if old is None:
            added.append(entry)
        elif _content(old) != _content(entry):
            updated.append(entry)
        known[entry.id] = entry
    return tuple(added), tuple(updated)


def _saved(stamp: Stamp | None) -> float | None:
    """A file's modification time in seconds, from its stamp."""
    return stamp.mtime_ns / 1e9 if stamp is not None else None


def read_document(path: str, identity: str) -> Document:
    """Parse the file at ``path``, giving entry ids as if it lived at ``identity``."""
    if identity == path:
        return parse_file(path)
    data = read_file(path)
    if isinstance(data, Document):
        return data
    document = parse_bytes(data, identity)
    source = source_for(path)
    entries = tuple(replace(entry, source=source) for entry in document.entries)
    return replace(document, source=source, entries=entries)


@dataclass(frozen=True, slots=True)
class _Job:
    path: str
    identity: str
    moved_from: str | None = None
    """A source this file may be, moved (see :meth:`Tracker.rename_candidate`)."""
    moved_identity: str = ""
    moved_ids: frozenset[str] = frozenset()


def _read_batch(
    jobs: Sequence[_Job], keep: Callable[[Document], Document] | None = None
) -> list[tuple[Document, Stamp | None, bool]]:
    """Each job's document (as ``keep`` makes it) and stamp, and whether it proved to be the
    source it may be."""
    out = []
    for job in jobs:
        # Reading never blocks: a named pipe comes back as an unreadable document.
        if job.moved_from is not None:
            document = read_document(job.path, job.moved_identity)
            if any(entry.id in job.moved_ids for entry in document.entries):
                out.append((keep(document) if keep else document, Stamp.of(job.path), True))
                continue
        document = read_document(job.path, job.identity)
        out.append((keep(document) if keep else document, Stamp.of(job.path), False))
    return out


def _one_path_per_file(paths: Sequence[str]) -> list[tuple[str, Stamp | None]]:
    """``paths`` with their stamps, one per file: a file reached twice in a batch (through a
    symlink loop, a second link) keeps the path with no symlink in it, else the shortest."""
    best: dict[tuple[int, int], str] = {}
    out: list[tuple[str, Stamp | None]] = []
    stamps: dict[str, Stamp | None] = {}
    for path in paths:
        stamp = stamps[path] = Stamp.of(path)
        if stamp is None:
            out.append((path, None))
            continue
        key = (stamp.dev, stamp.ino)
        other = best.get(key)
        if other is None or _directness(path) < _directness(other):
            best[key] = path
    chosen = set(best.values())
    out += [(path, stamps[path]) for path in paths if path in chosen]
    return sorted(out, key=lambda item: paths.index(item[0]))


def _directness(path: str) -> tuple[bool, int]:
    """Sorts a path with no symlinked folder in it first, then shorter paths."""
    folder = os.path.dirname(os.path.abspath(path))
    return os.path.realpath(folder) != folder, len(path)


@dataclass(slots=True)
class _Pending:
    stamp: Stamp | None
    since: float
    """When the stamp last changed."""
    first: float
    """When the path was first seen changing (for ``max_delay``)."""


class Ingest:
    """The tailing engine: watch ``roots``, yield lists of :data:`IngestEvent` as files change.

    At start it reads every file present (in batches) and reports what is not already
    ``known``; then yields :class:`Ready`; then follows changes until :meth:`stop`.
    ``known`` are documents a caller already shows (an app that loaded the folder itself):
    only what changed since is reported, so nothing written meanwhile is lost. With
    ``known_since`` (a ``time.time()`` taken before the caller started reading them), a known
    file last modified well before it and unchanged since is not read again at start. With
    ``emit_existing`` False, entries present at start are remembered but not reported
    (``tail --new-only``). ``settle`` is how long a file must keep the same size and
    modification time before it is read; a file that never keeps still (written to all the
    time) is read anyway once it has waited ``max_delay`` seconds, and again after.

    In a Textual app, run it in an async worker and post each list as one message::

        async for events in ingest.run():
            self.post_message(Tailed(events))

    Parsing happens in the engine's own thread, so the event loop stays responsive.
    """

    def __init__(
        self,
        roots: Sequence[str],
        *,
        settle: float = 0.15,
        batch_size: int = 50,
        emit_existing: bool = True,
        force_polling: bool | None = None,
        poll_interval: float = 0.5,
        watcher: Watcher | None = None,
        known: Iterable[Document] = (),
        max_delay: float = 0.5,
        known_since: float | None = None,
        keep: Callable[[Document], Document] | None = None,
    ) -> None:
        self.roots = list(roots)
        self.keep = keep
        """Applied to each document read, in the engine's thread, before it is reported (the
        reader packs its bodies: :func:`tui.engine.packed_text.pack`)."""
        self.settle = settle
        self.max_delay = max(settle, max_delay)
        self.batch_size = max(1, batch_size)
        self.emit_existing = emit_existing
        self.tracker = Tracker()
        self.tracker.seed(known)
        self.known_since = known_since
        self.watcher = watcher or Watcher(
            self.roots, force_polling=force_polling, poll_interval=poll_interval
        )
        self._pending: dict[str, _Pending] = {}
        self._stopping = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="liveblog-ingest")

    def stop(self) -> None:
        """End :meth:`run` soon; safe to call from a signal handler or another thread."""
        self._stopping = True
        self.watcher.stop()

    async def run(self) -> AsyncGenerator[list[IngestEvent], None]:
        """Read what is there, then follow changes until :meth:`stop`. Run it once."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[list[object]] = asyncio.Queue()
        try:
            problems = await loop.run_in_executor(self._pool, self.watcher.start)
            start_events: list[IngestEvent] = [ProblemFound(p) for p in problems]
            if start_events:
                yield start_events
            existing = await loop.run_in_executor(self._pool, self._existing)
            async for batch in self._read(existing, emit=self.emit_existing):
                yield batch
            yield [Ready(len(existing), self.watcher.mode)]
            if not self.watcher.roots:
                return  # nothing exists to watch
            pump = asyncio.create_task(self._pump(queue))
            try:
                async for batch in self._follow(queue):
                    yield batch
            finally:
                self.watcher.stop()  # the pump's wait returns within milliseconds
                try:
                    await asyncio.wait_for(pump, 5)
                except (TimeoutError, asyncio.CancelledError):
                    pass
        finally:
            self.watcher.close()
            self._pool.shutdown(wait=False, cancel_futures=True)

    def _existing(self) -> list[str]:
        """The files present under the roots (walked in the engine's thread), but for known
        files that cannot have changed since the caller read them."""
        found = [path for path, problem in expand_paths(self.watcher.roots) if problem is None]
        if self.known_since is None:
            return found
        # A second of margin for coarse file times and clocks.
        cutoff = int((self.known_since - 1.0) * 1e9)
        out = []
        for path in found:
            state = self.tracker.sources.get(path)
            seen = state.stamp if state is not None else None
            if seen is None or seen.mtime_ns >= cutoff or Stamp.of(path) != seen:
                out.append(path)
        return out

    async def _pump(self, queue: asyncio.Queue[list[object]]) -> None:
        async for batch in self.watcher.stream():
            await queue.put(list(batch))

    async def _follow(
        self, queue: asyncio.Queue[list[object]]
    ) -> AsyncGenerator[list[IngestEvent], None]:
        tick = max(0.005, self.settle / 4)
        while not self._stopping:
            timeout = tick if self._pending else 0.25
            try:
                batch = await asyncio.wait_for(queue.get(), timeout)
            except TimeoutError:
                batch = []
            problems = self._note(batch)
            if problems:
                yield problems
            due_present, due_missing = self._due()
            if due_present:
                async for read in self._read(due_present, emit=True):
                    yield read
            gone: list[IngestEvent] = []
            for path in due_missing:
                gone += self.tracker.missing(path)
            if gone:
                yield gone

    def _note(self, batch: Iterable[object]) -> list[IngestEvent]:
        now = time.monotonic()
        problems: list[IngestEvent] = []
        for event in batch:
            if isinstance(event, Problem):
                problems.append(ProblemFound(event))
            elif isinstance(event, Changed):
                self._touch(event.path, now)
            elif isinstance(event, Deleted):
                self._touch(event.path, now)
                for path in self.tracker.known_under(event.path):
                    self._touch(path, now)
        return problems

    def _touch(self, path: str, now: float) -> None:
        stamp = Stamp.of(path)
        pending = self._pending.get(path)
        if pending is None:
            self._pending[path] = _Pending(stamp, now, now)
        elif pending.stamp != stamp:
            pending.stamp, pending.since = stamp, now

    def _due(self) -> tuple[list[str], list[str]]:
        now = time.monotonic()
        present: list[str] = []
        missing: list[str] = []
        for path, pending in list(self._pending.items()):
            stamp = Stamp.of(path)
            overdue = stamp is not None and now - pending.first >= self.max_delay
            if stamp != pending.stamp and not overdue:
                pending.stamp, pending.since = stamp, now
                continue
            # A vanished path waits twice as long: when it was renamed, its new name (seen at
            # the same moment) is read first, so the move is reported, not a loss.
            wait = self.settle if stamp is not None else 2 * self.settle
            if now - pending.since < wait and not overdue:
                continue
            del self._pending[path]
            if stamp is None:
                missing.append(path)
            elif not os.path.isdir(path):
                present.append(path)
        return sorted(present), sorted(missing)

    async def _read(
        self, paths: Sequence[str], *, emit: bool
    ) -> AsyncGenerator[list[IngestEvent], None]:
        loop = asyncio.get_running_loop()
        for start in range(0, len(paths), self.batch_size):
            if self._stopping:
                return
            chunk = paths[start : start + self.batch_size]
            events: list[IngestEvent] = []
            jobs: list[_Job] = []
            for given, stamp in _one_path_per_file(chunk):
                path = self.tracker.canonical(given, stamp)
                if any(path == job.path for job in jobs):
                    continue
                moved = self.tracker.rename_candidate(path, stamp)
                identity, renamed = self.tracker.identity(path, stamp)
                events += renamed
                if renamed or moved is None:
                    jobs.append(_Job(path, identity))
                else:
                    jobs.append(_Job(path, identity, moved, *self.tracker.expected_ids(moved)))
            results = await loop.run_in_executor(self._pool, _read_batch, jobs, self.keep)
            added: list[Entry] = []
            updated: list[Entry] = []
            added_from: list[str] = []
            updated_from: list[str] = []
            for job, (document, stamp, proved) in zip(jobs, results, strict=True):
                path = job.path
                if proved and job.moved_from is not None:
                    events += self.tracker.adopt(path, job.moved_from)
                for event in self.tracker.parsed(path, document, stamp):
                    if isinstance(event, Added):
                        added += event.entries
                        added_from += (event.copy_of(i) for i in range(len(event.entries)))
                    elif isinstance(event, Updated):
                        updated += event.entries
                        updated_from += (event.copy_of(i) for i in range(len(event.entries)))
                    else:
                        events.append(event)
            if emit:
                if added:
                    events.append(Added(tuple(added), tuple(added_from)))
                if updated:
                    events.append(Updated(tuple(updated), tuple(updated_from)))
            else:
                kept = ProblemFound | SourceRead | PageChanged
                events = [e for e in events if isinstance(e, kept)]
            if events:
                yield events
