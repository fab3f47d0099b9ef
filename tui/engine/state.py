"""What the reader remembers between sessions: read and marked entries, visits, the last view.

One SQLite file under the XDG state directory (``$XDG_STATE_HOME/liveblog/state.sqlite3``,
default ``~/.local/state/liveblog/``). Everything is loaded into memory when the store opens,
so asking is a set or dict lookup; changes update memory at once and are written by a
background thread in batches, so a key press never waits for the disk.

Nothing here raises on a bad database: a folder that cannot be created, a locked, corrupt or
newer-format file gives a :class:`~parsers.model.Problem` in :attr:`StateStore.problems` and a
store that keeps state for this session only (as ``persist=False`` does on purpose, for
``--no-state``). A write that fails later does the same, reported through ``on_problem``.
Pure: no Textual, no Rich.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from parsers.model import Problem
from tui.engine.xdg import xdg_home

SCHEMA_VERSION = 1
FILE_NAME = "state.sqlite3"
BATCH_SECONDS = 0.2
"""How long the writer waits for more changes before it writes a batch."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    marked INTEGER NOT NULL DEFAULT 0,
    changed REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS visits (folder TEXT PRIMARY KEY, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

VIEW_MODES = ("feed", "list")
ZONES = ("source", "local", "utc")


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_STATE_HOME/liveblog``, or ``~/.local/state/liveblog`` (a relative
    ``XDG_STATE_HOME`` is ignored, as the XDG spec says)."""
    return xdg_home("XDG_STATE_HOME", ".local/state", environ)


def folder_key(path: str) -> str:
    """The key a folder's visits are stored under: its resolved absolute path."""
    return os.path.realpath(os.path.abspath(path))


@dataclass(frozen=True, slots=True)
class ViewSettings:
    """The last view, restored at start. None: not saved yet (use the default)."""

    zone: str | None = None
    """``source``, ``local`` or ``utc``: the clock the times are shown on."""
    panes: tuple[str, ...] | None = None
    """Names of the panes shown (``sources``, ``authors``...)."""
    mode: str | None = None
    """``feed`` (every entry in full) or ``list`` (one line per entry)."""


_Op = tuple[str, tuple[object, ...]]


class StateStore:
    """Read flags, marks, folder visits and view settings, kept in memory and saved behind.

    ``path``: the database file (default: :func:`state_dir` / :data:`FILE_NAME`).
    ``persist=False``: nothing is read or written (``--no-state``).
    ``on_problem``: called (from the writer thread) when saving fails mid-session.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        persist: bool = True,
        timeout: float = 1.0,
        batch_seconds: float = BATCH_SECONDS,
        on_problem: Callable[[Problem], None] | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else state_dir() / FILE_NAME
        self.problems: list[Problem] = []
        """What went wrong opening or writing the database (empty when all is well)."""
        self._on_problem = on_problem
        self._batch_seconds = batch_seconds
        self._read: set[str] = set()
        self._marked: set[str] = set()
        self._visits: dict[str, float] = {}
        self._settings: dict[str, str] = {}
        self._queue: queue.SimpleQueue[_Op | threading.Event | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._failed = False
        self._lock = threading.Lock()
        if not persist:
            return
        connection = self._open(timeout)
        if connection is None:
            return
        self._thread = threading.Thread(
            target=self._write_loop, args=(connection,), name="liveblog-state", daemon=True
        )
        self._thread.start()

    # -- opening ---------------------------------------------------------------------------

    @property
    def persistent(self) -> bool:
        """True while changes are being saved."""
        return (
            self._thread is not None
            and self._thread.is_alive()
            and not (self._closed or self._failed)
        )

    def _problem(self, what: str) -> Problem:
        problem = Problem(
            str(self.path), f"{what}; read state and marks are kept for this session only"
        )
        with self._lock:
            self.problems.append(problem)
        return problem

    def _open(self, timeout: float) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._problem(f"cannot create the state folder ({exc.strerror or exc})")
            return None
        connection: sqlite3.Connection | None = None
        try:
            connection = sqlite3.connect(
                self.path, timeout=timeout, check_same_thread=False, isolation_level=None
            )
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                connection.close()
                self._problem("the state database was written by a newer liveblog")
                return None
            connection.executescript(_SCHEMA)
            if version < SCHEMA_VERSION:
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            for entry_id, read, marked in connection.execute(
                "SELECT id, read, marked FROM entries"
            ):
                if read:
                    self._read.add(str(entry_id))
                if marked:
                    self._marked.add(str(entry_id))
            for folder, at in connection.execute("SELECT folder, at FROM visits"):
                self._visits[str(folder)] = float(at)
            for key, value in connection.execute("SELECT key, value FROM settings"):
                self._settings[str(key)] = str(value)
        except sqlite3.Error as exc:
            if connection is not None:
                connection.close()
            self._read.clear()
            self._marked.clear()
            self._visits.clear()
            self._settings.clear()
            self._problem(_describe(exc))
            return None
        return connection

    # -- asking (memory only, never waits) --------------------------------------------------

    def is_read(self, entry_id: str) -> bool:
        return entry_id in self._read

    def is_marked(self, entry_id: str) -> bool:
        return entry_id in self._marked

    @property
    def read_ids(self) -> frozenset[str]:
        return frozenset(self._read)

    @property
    def marked_ids(self) -> frozenset[str]:
        return frozenset(self._marked)

    def last_visit(self, folder: str) -> datetime | None:
        """When ``folder`` was last opened (as recorded by :meth:`record_visit`), in UTC."""
        at = self._visits.get(folder_key(folder))
        return datetime.fromtimestamp(at, UTC) if at is not None else None

    def get(self, key: str) -> str | None:
        """A saved setting."""
        return self._settings.get(key)

    def view(self) -> ViewSettings:
        """The last view saved by :meth:`save_view`; values no longer understood are None."""
        zone = self._settings.get("view.zone")
        mode = self._settings.get("view.mode")
        panes = self._settings.get("view.panes")
        return ViewSettings(
            zone=zone if zone in ZONES else None,
            panes=tuple(p for p in panes.split(",") if p) if panes is not None else None,
            mode=mode if mode in VIEW_MODES else None,
        )

    # -- changing (memory at once, disk behind) ---------------------------------------------

    def set_read(self, entry_ids: Iterable[str], read: bool = True) -> int:
        """Mark entries read (or unread); returns how many changed."""
        changed = [i for i in entry_ids if (i in self._read) != read]
        if not changed:
            return 0
        (self._read.update if read else self._read.difference_update)(changed)
        self._send("read", (tuple(changed), read))
        return len(changed)

    def toggle_read(self, entry_id: str) -> bool:
        """Flip an entry's read flag; returns the new value."""
        now = entry_id not in self._read
        self.set_read((entry_id,), now)
        return now

    def set_marked(self, entry_id: str, marked: bool) -> None:
        if (entry_id in self._marked) == marked:
            return
        (self._marked.add if marked else self._marked.discard)(entry_id)
        self._send("marked", ((entry_id,), marked))

    def toggle_mark(self, entry_id: str) -> bool:
        """Flip an entry's mark; returns the new value."""
        now = entry_id not in self._marked
        self.set_marked(entry_id, now)
        return now

    def record_visit(self, folder: str, when: datetime | None = None) -> datetime | None:
        """Remember that ``folder`` was opened at ``when`` (default: now); returns the visit
        before, so the reader can show "new since your last visit"."""
        previous = self.last_visit(folder)
        at = (when or datetime.now(UTC)).timestamp()
        key = folder_key(folder)
        self._visits[key] = at
        self._send("visit", (key, at))
        return previous

    def put(self, key: str, value: str) -> None:
        """Save a setting."""
        if self._settings.get(key) == value:
            return
        self._settings[key] = value
        self._send("setting", (key, value))

    def save_view(self, view: ViewSettings) -> None:
        """Save the parts of ``view`` that are set."""
        if view.zone is not None:
            self.put("view.zone", view.zone)
        if view.mode is not None:
            self.put("view.mode", view.mode)
        if view.panes is not None:
            self.put("view.panes", ",".join(view.panes))

    def _send(self, kind: str, args: tuple[object, ...]) -> None:
        if self.persistent:
            self._queue.put((kind, args))

    # -- writing ----------------------------------------------------------------------------

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every change so far is written; False on timeout or when not saving."""
        if not self.persistent:
            return False
        done = threading.Event()
        self._queue.put(done)
        return done.wait(timeout) and self.persistent

    def close(self, timeout: float = 5.0) -> None:
        """Write what is pending (waiting at most ``timeout``) and stop the writer."""
        if self._thread is None or self._closed:
            self._closed = True
            return
        self._queue.put(None)
        self._thread.join(timeout)
        self._closed = True

    def _write_loop(self, connection: sqlite3.Connection) -> None:
        try:
            while True:
                first = self._queue.get()
                batch: list[_Op] = []
                waiters: list[threading.Event] = []
                stop = False
                item: _Op | threading.Event | None = first
                deadline = time.monotonic() + self._batch_seconds
                while True:
                    if item is None:
                        stop = True
                    elif isinstance(item, threading.Event):
                        waiters.append(item)
                    else:
                        batch.append(item)
                    if stop or waiters:
                        break  # someone waits: write now
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    try:
                        item = self._queue.get(timeout=remaining)
                    except queue.Empty:
                        break
                # Drain what is already queued without waiting more.
                while not stop:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is None:
                        stop = True
                    elif isinstance(item, threading.Event):
                        waiters.append(item)
                    else:
                        batch.append(item)
                ok = self._write(connection, batch)
                for waiter in waiters:
                    waiter.set()
                if stop or not ok:
                    return
        finally:
            connection.close()
            self._closed = True
            # Release anyone still waiting for a flush.
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    break
                if isinstance(item, threading.Event):
                    item.set()

    def _write(self, connection: sqlite3.Connection, batch: list[_Op]) -> bool:
        if not batch:
            return True
        now = time.time()
        touched = [
            (i,) for kind, args in batch if kind in ("read", "marked") for i in _ids(args)
        ]
        try:
            connection.execute("BEGIN IMMEDIATE")
            for kind, args in batch:
                if kind in ("read", "marked"):
                    ids, value = _ids(args), args[1]
                    column = "read" if kind == "read" else "marked"
                    connection.executemany(
                        f"INSERT INTO entries (id, {column}, changed) VALUES (?, ?, ?) "
                        f"ON CONFLICT(id) DO UPDATE SET {column} = excluded.{column}, "
                        "changed = excluded.changed",
                        [(i, int(bool(value)), now) for i in ids],
                    )
                elif kind == "visit":
                    connection.execute(
                        "INSERT INTO visits (folder, at) VALUES (?, ?) "
                        "ON CONFLICT(folder) DO UPDATE SET at = excluded.at",
                        args,
                    )
                elif kind == "setting":
                    connection.execute(
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        args,
                    )
            connection.executemany(
                "DELETE FROM entries WHERE id = ? AND read = 0 AND marked = 0", touched
            )
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                connection.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self._failed = True  # before any flush() waiter is released
            problem = self._problem(f"saving failed: {_describe(exc)}")
            if self._on_problem is not None:
                self._on_problem(problem)
            return False
        return True


def _ids(args: tuple[object, ...]) -> tuple[str, ...]:
    ids = args[0]
    return tuple(str(i) for i in ids) if isinstance(ids, tuple) else ()


def _describe(exc: sqlite3.Error) -> str:
    text = str(exc) or type(exc).__name__
    if "locked" in text or "busy" in text:
        return "the state database is locked by another program"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"the state database is damaged ({text}); move it away to start afresh"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return f"the state database cannot be written ({text})"
    return f"the state database cannot be used ({text})"
