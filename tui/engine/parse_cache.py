"""Parsed documents kept on disk, so that reopening a folder skips reading and parsing.

One file per document under :func:`cache_folder` (``$XDG_CACHE_HOME/liveblog/parsed``, by
default ``~/.cache/liveblog/parsed``), named by a hash of the path and one of the file's
status (size, mtime, ctime, inode, device) and the :func:`parser_version`: looking a
document up is one ``stat`` of its file and one of the name that status gives. Each holds
a header -- that version, the path as given, that status, a checksum -- then the
:class:`~parsers.model.Document` in MessagePack (msgspec: typed decoding, nothing in the
file is ever run).

A document is served only when the file's status now equals the status stored with it.
It is stored only when the file kept still while it was parsed (the same status before
and after) and had been untouched for :data:`SETTLED_SECONDS` before the parse started:
a file edited again within its filesystem's timestamp granularity, with the same size,
would otherwise look unchanged (git's "racily clean" entries). The ctime is part of the
status, so restoring an mtime (``touch -d``, ``cp -p``) does not hide an edit.

Writes go to a temporary file renamed into place (two processes may share the folder: a
reader sees a whole file or none). The folder is bounded (:data:`CACHE_BYTES`), the least
recently used files going first. A file that cannot be read back raises
:class:`CacheError` (and is removed), and the caller parses the document again.
Pure: no Textual.
"""

from __future__ import annotations

import functools
import hashlib
import operator
import os
import queue
import re
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo

from parsers.model import Document, Problem, Timestamp
from tui.engine.packed_text import PackedText

if TYPE_CHECKING:
    from tui.engine.text_index import TextIndex
from tui.engine.xdg import xdg_home

CACHE_BYTES = 1 << 30
"""The folder's default bound (1 GiB)."""

SETTLED_SECONDS = 2.0
"""How long a file must have been untouched (mtime and ctime) before its parse is stored:
more than the coarsest timestamp granularity of common filesystems (FAT's 2 s)."""

SUFFIX = ".lbdoc"
MAGIC = b"liveblog parsed\n"
STALE_TEMPORARY = 3600.0
"""Seconds after which a temporary file (left by a process that died writing) is removed."""

SUPERSEDED_AFTER = 86400.0
"""Seconds after which the cache file of an older version of a file (or of older parsers),
unused since, is removed even while the folder is under its bound."""

TOUCH_AFTER = 3600.0
"""A file served is marked as used (its mtime, for eviction) when older than this."""

_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+([A-Za-z_]\w*)[\w.]*[ \t]+import|import[ \t]+([A-Za-z_]\w*))", re.M
)
"""The top-level module of an import statement (linear: no nested repetition)."""


class CacheError(Exception):
    """A cache file that cannot be read back (truncated, corrupt, tampered with)."""


class FileKey(NamedTuple):
    """What identifies one version of a file's content."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileKey:
        return cls(
            status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev
        )

    def settled(self, started: float, seconds: float) -> bool:
        """Whether the file was last touched at least ``seconds`` before ``started``."""
        touched = max(self.mtime_ns, self.ctime_ns) / 1e9
        return touched <= started - seconds


def cache_folder(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/liveblog/parsed``, or ``~/.cache/liveblog/parsed`` (a relative
    ``XDG_CACHE_HOME`` is ignored, as the XDG spec says)."""
    return xdg_home("XDG_CACHE_HOME", ".cache", environ) / "parsed"


def stat_key(path: str) -> FileKey | None:
    """The file's :class:`FileKey`, or None when it cannot be read (gone, not a file...)."""
    try:
        return FileKey.of(os.stat(path))
    except (OSError, ValueError):
        return None


@functools.cache
def parser_version() -> str | None:
    """The digest of the parsers this process runs (:func:`source_digest`), computed once;
    None when their sources cannot be read (then nothing is cached)."""
    import parsers

    return source_digest(Path(parsers.__file__).parent)


def source_digest(root: Path) -> str | None:
    """A digest of everything a parse depends on: every file of the package at ``root``,
    this module (the layout of a cache file), the libraries the package imports (the size
    and mtime of each one's main file: an upgrade rewrites it), msgspec's and Python's
    versions."""
    import importlib.util

    import msgspec

    digest = hashlib.sha256()
    imported: set[str] = set()
    try:
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        named = [(os.fsencode(file.relative_to(root)), file) for file in files]
        for label, file in [*named, (b"parse_cache", Path(__file__))]:
            data = file.read_bytes()
            digest.update(label + b"\0")
            digest.update(len(data).to_bytes(8, "big") + data)
            if file.suffix == ".py":
                text = data.decode("utf-8", "replace")
                imported.update(a or b for a, b in _IMPORT.findall(text))
    except (OSError, ValueError):
        return None
    for name in sorted(imported - set(sys.stdlib_module_names) - {"parsers", "tui"}):
        try:
            spec = importlib.util.find_spec(name)
            status = os.stat(spec.origin) if spec and spec.origin else None
        except (ImportError, OSError, ValueError):
            status = None
        found = f"{status.st_size}:{status.st_mtime_ns}" if status else "-"
        digest.update(f"{name}={found}\0".encode())
    digest.update(f"msgspec={msgspec.__version__}\0python={sys.version}\0".encode())
    return digest.hexdigest()[:32]


# -- time zones ---------------------------------------------------------------------------------
# MessagePack keeps a datetime as an instant (UTC): the zone each one was printed in is kept
# beside the document, one spec per timestamp in the order of :func:`_timestamps`.

ZoneSpec = str | int | tuple[int, str]
"""A ``ZoneInfo`` key; a fixed offset in microseconds; a fixed offset with its own name."""

Wall = tuple[int, int, int, int, int, int, int, int]
"""A wall clock (year... microsecond, fold), for a time the instant does not give back (a
time in a daylight-saving gap)."""


class _Zones(NamedTuple):
    specs: list[ZoneSpec]
    which: list[int]
    walls: dict[int, Wall]


def _timestamps(document: Document) -> Iterator[Timestamp | None]:
    """Every timestamp of the document, in a fixed order (None where there is none)."""
    yield document.published
    for entry in document.entries:
        yield entry.published
        yield entry.updated


def _spec(zone: object) -> ZoneSpec | None:
    if type(zone) is ZoneInfo:
        return zone.key
    if type(zone) is timezone:
        offset = zone.utcoffset(None)
        micros = offset // timedelta(microseconds=1)
        name = zone.tzname(None)
        return micros if name == timezone(offset).tzname(None) else (micros, name)
    return None


@functools.lru_cache(maxsize=256)
def _zone(spec: ZoneSpec) -> ZoneInfo | timezone:
    if isinstance(spec, str):
        return ZoneInfo(spec)
    if isinstance(spec, int):
        return timezone(timedelta(microseconds=spec))
    return timezone(timedelta(microseconds=spec[0]), spec[1])


def _zones(document: Document) -> _Zones | None:
    """The zones of the document's timestamps (None: a zone that cannot be kept)."""
    specs: list[ZoneSpec] = []
    index: dict[ZoneSpec, int] = {}
    seen: dict[int, tuple[int, ZoneInfo | None]] = {}
    """Per zone object met: its spec's index, and the zone itself when it has rules."""
    which: list[int] = []
    walls: dict[int, Wall] = {}
    for number, stamp in enumerate(_timestamps(document)):
        if stamp is None:
            continue
        at = stamp.at
        zone = at.tzinfo
        known = seen.get(id(zone))
        if known is None:
            spec = _spec(zone)
            if spec is None:
                return None
            if spec not in index:
                index[spec] = len(specs)
                specs.append(spec)
            made = _zone(spec)
            known = seen[id(zone)] = (index[spec], made if isinstance(made, ZoneInfo) else None)
        which.append(known[0])
        rules = known[1]
        if rules is None:  # a fixed offset: the instant gives the wall clock back
            exact = not at.fold
        elif rules is zone:  # the same zone: == compares wall clocks
            again = at.astimezone(UTC).astimezone(rules)
            exact = again == at and again.fold == at.fold
        else:
            again = at.astimezone(UTC).astimezone(rules)
            same = again.replace(tzinfo=None) == at.replace(tzinfo=None)
            exact = same and again.fold == at.fold
        if not exact:
            wall = (at.year, at.month, at.day, at.hour, at.minute, at.second, at.microsecond)
            walls[number] = (*wall, at.fold)
    return _Zones(specs, which, walls)


def _no_body(value: object) -> object:
    """How msgspec writes what it does not know: a packed body as none (the body is written
    apart, packed: :attr:`Body.packed`)."""
    if isinstance(value, PackedText):
        return []
    raise TypeError(f"cannot store a {type(value).__name__}")


def _restore(
    document: Document, zones: _Zones, packed: Mapping[int, tuple[bytes, int]]
) -> None:
    """Put the zones and the packed bodies back on the decoded document (built here, not yet
    shared: its frozen records are completed in place, as their constructor would), and
    share what its parse shared: one :class:`Source` for the document, one object per
    author and label."""
    assign = object.__setattr__
    tables = [_zone(spec) for spec in zones.specs]
    which = iter(zones.which)
    walls = zones.walls
    source = document.source
    authors: dict[object, Any] = {}
    labels: dict[str, str] = {}

    def place(stamp: Timestamp, number: int) -> None:
        zone = tables[next(which)]
        wall = walls.get(number)
        if wall is None:
            at = stamp.at.astimezone(zone)
        else:
            at = datetime(*wall[:7], tzinfo=zone, fold=wall[7])
        assign(stamp, "at", at)

    if document.published is not None:
        place(document.published, 0)
    number = 1
    for place_in_document, entry in enumerate(document.entries):
        body = packed.get(place_in_document)
        if body is not None:
            assign(entry, "body", PackedText(*body))
        elif type(entry.body) is list:  # read back as a list: bodies are tuples
            assign(entry, "body", tuple(entry.body))
        if entry.published is not None:
            place(entry.published, number)
        if entry.updated is not None:
            place(entry.updated, number + 1)
        number += 2
        if entry.source == source:
            assign(entry, "source", source)
        if entry.authors:
            assign(entry, "authors", tuple([authors.setdefault(a, a) for a in entry.authors]))
        if entry.labels:
            assign(entry, "labels", tuple([labels.setdefault(s, s) for s in entry.labels]))
    if next(which, None) is not None:
        raise CacheError("more zones than timestamps")


# -- the file format ---------------------------------------------------------------------------

Header = tuple[str, str, int, int, int, int, int, int]
"""version, path as given, size, mtime_ns, ctime_ns, inode, device, CRC-32 of the body."""

IndexSpec = tuple[int, str, str, bytes, str, bytes]
"""A :class:`~tui.engine.text_index.TextIndex`: entries, vocabulary, the offsets' and the
postings' array type codes and bytes (an index is rebuilt faster from these than from the
text: a reopen spent most of its time indexing)."""


class Body(NamedTuple):
    """What a cache file holds after its header (a MessagePack array; the index, added
    later, may be missing)."""

    document: Document
    specs: list[ZoneSpec]
    which: list[int]
    walls: dict[int, Wall]
    text_index: IndexSpec | None = None
    packed: dict[int, tuple[bytes, int]] | None = None
    """Entry number -> its body packed (:class:`~tui.engine.packed_text.PackedText`'s bytes
    and paragraph count), stored as it is held; the entry itself is written with no body."""


_Job = tuple[str, FileKey, float, Document, "TextIndex | None"]
"""A document to store: path, status before its parse, when the parse began, document,
index."""


class _Codec:
    """msgspec's encoder and typed decoders (built once, on first use)."""

    def __init__(self) -> None:
        import msgspec

        self.error: type[Exception] = msgspec.MsgspecError
        self.encode: Callable[[object], bytes] = msgspec.msgpack.Encoder(enc_hook=_no_body).encode
        self.header: Callable[[bytes | memoryview], Header] = msgspec.msgpack.Decoder(Header).decode
        # An array-like struct: a file written without an index still decodes.
        body_type = msgspec.defstruct(
            "Body",
            [
                ("document", Document),
                ("specs", list[ZoneSpec]),
                ("which", list[int]),
                ("walls", dict[int, Wall]),
                ("text_index", IndexSpec | None, None),
                ("packed", dict[int, tuple[bytes, int]] | None, None),
            ],
            array_like=True,
        )
        decode_body = msgspec.msgpack.Decoder(body_type).decode

        def body(data: bytes | memoryview) -> Body:
            raw: Any = decode_body(data)
            return Body(
                raw.document, raw.specs, raw.which, raw.walls, raw.text_index, raw.packed
            )

        self.body: Callable[[bytes | memoryview], Body] = body


@functools.cache
def _codec() -> _Codec:
    return _Codec()


def encode(
    path: str, key: FileKey, document: Document, index: TextIndex | None = None
) -> bytes | None:
    """The cache file for ``document`` parsed from ``path`` with status ``key``, and the
    ``index`` of its entries if given (None: it holds something that cannot be kept, such
    as a zone of an unknown kind)."""
    version = parser_version()
    zones = _zones(document)
    if version is None or zones is None:
        return None
    codec = _codec()
    try:
        spec = None if index is None else _index_spec(index)
        packed = {
            number: (entry.body.data, entry.body.length)
            for number, entry in enumerate(document.entries)
            if isinstance(entry.body, PackedText)
        }
        body = codec.encode((document, zones.specs, zones.which, zones.walls, spec, packed))
        header = codec.encode((version, path, *key, zlib.crc32(body)))
    except (codec.error, TypeError, ValueError, UnicodeError, OverflowError):
        return None
    return b"".join((MAGIC, len(header).to_bytes(4, "big"), header, body))


def _split(data: bytes | memoryview) -> tuple[Header, memoryview]:
    view = memoryview(data)
    start = len(MAGIC) + 4
    if len(view) < start or view[: len(MAGIC)] != MAGIC:
        raise CacheError("not a cache file")
    end = start + int.from_bytes(view[len(MAGIC) : start], "big")
    if end > len(view):
        raise CacheError("truncated")
    try:
        header = _codec().header(view[start:end])
    except (_codec().error, ValueError) as exc:
        raise CacheError("unreadable header") from exc
    return header, view[end:]


def decode(data: bytes | memoryview) -> tuple[Header, Document]:
    """The header and the document of a cache file; :class:`CacheError` if it is damaged."""
    header, body = _split(data)
    return header, _document(header, body)


def _document(header: Header, body: memoryview) -> Document:
    return _indexed(header, body)[0]


def _indexed(header: Header, body: memoryview) -> tuple[Document, TextIndex | None]:
    if zlib.crc32(body) != header[7]:
        raise CacheError("bad checksum")
    codec = _codec()
    try:
        document, specs, which, walls, spec, packed = codec.body(body)
        _restore(document, _Zones(specs, which, walls), packed or {})
        index = None if spec is None else _index(spec, len(document.entries))
    except CacheError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the damage, the file is re-parsed
        raise CacheError(f"unreadable document ({type(exc).__name__})") from exc
    return document, index


_TYPECODES = ("B", "H", "I")


def _index_spec(index: TextIndex) -> IndexSpec:
    offsets, postings = index.offsets, index.postings
    return (
        index.count,
        index.vocabulary,
        offsets.typecode,
        offsets.tobytes(),
        postings.typecode,
        postings.tobytes(),
    )


def _index(spec: IndexSpec, entries: int) -> TextIndex:
    """The index ``spec`` holds, checked to be one of ``entries`` entries (a tampered file
    could otherwise point past them)."""
    from array import array

    from tui.engine.text_index import TextIndex

    count, vocabulary, offsets_code, offsets_bytes, postings_code, postings_bytes = spec
    if count != entries or offsets_code not in _TYPECODES or postings_code not in _TYPECODES:
        raise CacheError("an index of other entries")
    offsets, postings = array(offsets_code), array(postings_code)
    offsets.frombytes(offsets_bytes)
    postings.frombytes(postings_bytes)
    words = vocabulary.count("\n")
    if (
        len(offsets) != words + 1
        or (offsets and (offsets[0] != 0 or offsets[-1] != len(postings)))
        or not all(map(operator.le, offsets, offsets[1:]))
        or (postings and max(postings) >= count)
    ):
        raise CacheError("a damaged index")
    return TextIndex(count, vocabulary, offsets, postings)


def with_warning(document: Document, path: str, error: CacheError) -> Document:
    """``document`` with a (non-fatal) problem saying its cached copy was damaged."""
    message = f"its parse cache file was damaged ({error}); parsed again"
    return replace(document, problems=(*document.problems, Problem(path, message)))


# -- the folder --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A cache file that matched its document's file when looked up."""

    path: str
    file: str
    key: FileKey
    size: int
    """The cache file's size."""


class ParseCache:
    """The cache folder: looking documents up, storing them, keeping the folder bounded.

    Safe to share between processes. :meth:`store_later` stores in a background thread of
    this process (:meth:`flush` waits for it).
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        *,
        max_bytes: int = CACHE_BYTES,
        settled: float = SETTLED_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = os.fspath(folder)
        self.max_bytes = max_bytes
        self.settled = settled
        """Seconds a file must have been untouched before a parse of it is stored."""
        self.clock = clock
        self._written = 0
        self._scanned = False
        self._queue: queue.Queue[_Job | None] | None = None
        self._lock = threading.Lock()
        self._cwd: str | None = None
        """The working directory relative paths are taken from (asked once)."""

    # -- for worker processes --

    def arguments(self) -> list[str]:
        """Command-line arguments that :meth:`from_arguments` turns back into this cache."""
        return [self.folder, str(self.max_bytes), repr(self.settled)]

    @classmethod
    def from_arguments(cls, arguments: Sequence[str]) -> ParseCache:
        folder, max_bytes, settled = arguments
        return cls(folder, max_bytes=int(max_bytes), settled=float(settled))

    # -- looking up --

    def file_for(self, path: str, key: FileKey) -> str | None:
        """The cache file of ``path`` with status ``key``, for these parsers: a hash of the
        path (as given: a relative path is told apart from its absolute form, since each
        names its document differently), then a hash of the status and the parser version.
        None when the parsers' version is unknown."""
        version = parser_version()
        if version is None:
            return None
        if self._cwd is None:
            self._cwd = os.getcwd()
        full = os.path.normpath(os.path.join(self._cwd, path))
        named = hashlib.sha256(os.fsencode(full) + b"\0" + os.fsencode(path)).hexdigest()
        state = hashlib.sha256(f"{version}{tuple(key)}".encode()).hexdigest()
        return os.path.join(self.folder, f"{named[:32]}-{state[:16]}{SUFFIX}")

    def find(self, path: str) -> Found | None:
        """The cache file of ``path`` as it is now, if there is one (two system calls: a
        load does this for every file before the first document)."""
        key = stat_key(path)
        file = None if key is None else self.file_for(path, key)
        if key is None or file is None:
            return None
        try:
            status = os.stat(file)
        except OSError:
            return None
        if self.clock() - status.st_mtime > TOUCH_AFTER:  # used now (for the eviction)
            try:
                os.utime(file)
            except OSError:
                pass
        return Found(path, file, key, status.st_size)

    def load(self, found: Found) -> Document | None:
        """The document of a cache file :meth:`find` found; None if the file changed since,
        or the cache file was removed meanwhile; :class:`CacheError` if it is damaged (it is
        removed)."""
        loaded = self.load_indexed(found)
        return None if loaded is None else loaded[0]

    def load_indexed(self, found: Found) -> tuple[Document, TextIndex | None] | None:
        """:meth:`load`'s document with the index of its entries, if it was stored."""
        try:
            descriptor = os.open(found.file, os.O_RDONLY)
            try:
                data = os.read(descriptor, found.size + 1)
            finally:
                os.close(descriptor)
        except OSError:
            return None
        version = parser_version()
        try:
            if len(data) != found.size:  # cache files are never rewritten, only replaced
                raise CacheError("changed size")
            header, body = _split(data)
            if (header[0], header[1], tuple(header[2:7])) != (version, found.path, found.key):
                raise CacheError("not the file its name says")
            loaded = _indexed(header, body)
        except CacheError:
            _remove(found.file)  # damaged: nothing in it to keep (the warning is given once)
            raise
        if stat_key(found.path) != found.key:
            return None
        return loaded

    # -- parsing and storing --

    def parse(self, path: str, parse: Callable[[str], Document]) -> Document:
        """``parse(path)``, the result stored in the background when the file kept still."""
        store = self.parsing(path)
        document = parse(path)
        store(document, None)
        return document

    def parsing(self, path: str) -> Callable[[Document, TextIndex | None], None]:
        """Call as a parse of ``path`` starts: the function returned stores the document that
        parse gives, in the background, if the file kept still meanwhile."""
        started = self.clock()
        before = stat_key(path)

        def store(document: Document, index: TextIndex | None = None) -> None:
            if before is not None:
                self.store_later(path, before, started, document, index)

        return store

    def store(
        self,
        path: str,
        before: FileKey,
        started: float,
        document: Document,
        index: TextIndex | None = None,
    ) -> bool:
        """Store the document parsed from ``path`` (whose status was ``before`` when the parse
        started at ``started``) if the file is still as it was and had settled. Never raises;
        True when stored."""
        after = stat_key(path)
        if after != before or not before.settled(started, self.settled):
            return False
        if not document.readable:
            return False
        data = encode(path, before, document, index)
        file = self.file_for(path, before)
        if data is None or file is None:
            return False
        try:
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(suffix=".tmp", dir=self.folder)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(data)
                os.replace(temporary, file)
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            return False
        self._written += len(data)
        if not self._scanned or self._written > self.max_bytes // 16:
            self.evict()
        return True

    def store_later(
        self,
        path: str,
        before: FileKey,
        started: float,
        document: Document,
        index: TextIndex | None = None,
    ) -> None:
        """:meth:`store` in this process's background thread."""
        with self._lock:
            if self._queue is None:
                self._queue = queue.Queue()
                threading.Thread(target=self._write, args=(self._queue,), daemon=True).start()
            self._queue.put((path, before, started, document, index))

    def _write(self, jobs: queue.Queue[_Job | None]) -> None:
        while True:
            job = jobs.get()
            try:
                if job is not None:
                    self.store(*job)
            except Exception:  # noqa: BLE001, S110 - a cache that cannot store just misses
                pass
            finally:
                jobs.task_done()

    def flush(self) -> None:
        """Wait for the documents handed to :meth:`store_later` to be stored."""
        if self._queue is not None:
            self._queue.join()

    # -- keeping it bounded --

    def evict(self) -> None:
        """Remove the least recently used files while the folder holds more than
        ``max_bytes`` (down to nine tenths of it), temporary files left behind, and the
        files of older versions of a document once unused for :data:`SUPERSEDED_AFTER`."""
        self._scanned, self._written = True, 0
        now = self.clock()
        files: list[tuple[float, int, str]] = []
        newest: dict[str, float] = {}
        total = 0
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if entry.name.endswith(".tmp"):
                if now - status.st_mtime > STALE_TEMPORARY:
                    _remove(entry.path)
                    continue
            elif not entry.name.endswith(SUFFIX):
                continue
            total += status.st_size
            files.append((status.st_mtime, status.st_size, entry.path))
            named = entry.name.partition("-")[0]
            newest[named] = max(newest.get(named, 0.0), status.st_mtime)
        kept = []
        for used, size, file in files:
            latest = newest.get(os.path.basename(file).partition("-")[0], used)
            if used < latest and now - used > SUPERSEDED_AFTER:
                _remove(file)
                total -= size
            else:
                kept.append((used, size, file))
        if total <= self.max_bytes:
            return
        files = sorted(kept)
        for _, size, file in files:
            if total <= self.max_bytes * 0.9:
                break
            if not file.endswith(".tmp"):
                _remove(file)
                total -= size


def _remove(file: str) -> None:
    try:
        os.unlink(file)
    except OSError:
        pass
