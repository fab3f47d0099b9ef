"""Watching folders: a plain stream of "this file changed" / "this path is gone" events.

:class:`Watcher` watches one or more folders recursively with ``watchfiles`` (the Rust
``notify`` crate: inotify on Linux). On filesystems that do not deliver change events (network
and FUSE mounts), or when the kernel refuses more watches, it falls back to polling by itself.
Hidden files and editor or download temporaries are never reported. Symlink loops and folders
that cannot be read never hang or stop it: they are reported once, as :class:`Problem` events.

Nothing here parses files; :mod:`tui.engine.ingest` turns these events into entries.
"""

from __future__ import annotations

import asyncio
import os
import queue
import threading
import time
from collections.abc import AsyncGenerator, Iterable, Sequence
from dataclasses import dataclass

from parsers.model import Problem
from parsers.read import is_ignored

NO_EVENT_FILESYSTEMS = frozenset(
    "9p afs ceph cifs coda davfs glusterfs lustre ncpfs nfs nfs4 prl_fs smb smb2 smb3 smbfs "
    "sshfs vboxsf vmhgfs".split()
)
"""Filesystem types on which inotify misses changes made elsewhere: these are polled."""


@dataclass(frozen=True, slots=True)
class Changed:
    """A file was created or written (or moved into a watched folder)."""

    path: str


@dataclass(frozen=True, slots=True)
class Deleted:
    """A path was deleted or moved away. It may have been a folder."""

    path: str


WatchEvent = Changed | Deleted | Problem
"""What a :class:`Watcher` reports."""


def filesystem_type(path: str, mountinfo: str = "/proc/self/mountinfo") -> str | None:
    """The type of the filesystem holding ``path`` (``ext4``, ``nfs4``...), if it can be told."""
    try:
        with open(mountinfo, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    real = os.path.realpath(path)
    best, best_type = "", None
    for line in lines:
        fields = line.split(" - ", 1)
        if len(fields) != 2:
            continue
        left, right = fields[0].split(), fields[1].split()
        if len(left) < 5 or not right:
            continue
        mount = left[4].replace("\\040", " ")
        inside = real == mount or real.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, best_type = mount, right[0]
    return best_type


def needs_polling(path: str, mountinfo: str = "/proc/self/mountinfo") -> bool:
    """True when ``path`` sits on a filesystem that does not deliver change events."""
    kind = filesystem_type(path, mountinfo)
    if kind is None:
        return False
    return kind in NO_EVENT_FILESYSTEMS or kind.startswith("fuse.") or kind == "fuse"


@dataclass(frozen=True, slots=True)
class Stamp:
    """What identifies a file's current content cheaply: inode, size and modification time."""

    dev: int
    ino: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> Stamp | None:
        """The stamp of the file at ``path`` (following symlinks), or None if it is missing."""
        try:
            st = os.stat(path)
        except (OSError, ValueError):
            return None
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def walk_files(root: str) -> tuple[dict[str, Stamp], list[Problem]]:
    """Every watched file under ``root`` with its stamp, and the problems met walking.

    Symlinked folders are followed once (a folder seen before is a loop and is reported);
    unreadable folders are reported and skipped. Never raises.
    """
    files: dict[str, Stamp] = {}
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        where = error.filename or root
        problems.append(Problem(os.fspath(where), f"cannot watch: {error.strerror or error}"))

    if os.path.isfile(root):
        stamp = Stamp.of(root)
        if stamp is not None:
            files[root] = stamp
        return files, problems
    for folder, dirs, names in os.walk(root, onerror=on_error, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError as exc:
            problems.append(Problem(folder, f"cannot watch: {exc.strerror or exc}"))
            dirs[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            # Reached again through a symlink: a loop when it points back to an ancestor,
            # else a second way into a folder already watched (harmless, skipped quietly).
            target = os.path.realpath(folder)
            parent = os.path.realpath(os.path.dirname(folder))
            if parent == target or parent.startswith(target.rstrip(os.sep) + os.sep):
                problems.append(Problem(folder, "symlink loop: not followed"))
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not is_ignored(d))
        for name in sorted(names):
            if is_ignored(name):
                continue
            path = os.path.join(folder, name)
            stamp = Stamp.of(path)
            if stamp is None:
                if os.path.islink(path):
                    problems.append(Problem(path, "broken or looping symlink"))
                continue
            files[path] = stamp
    return files, problems


class _Backend:
    """One ``watchfiles`` notifier and the thread that waits on it, feeding a queue."""

    def __init__(
        self, paths: list[str], recursive: bool, owner: Watcher, out: queue.Queue[object]
    ) -> None:
        from watchfiles._rust_notify import RustNotify

        self.notify = RustNotify(paths, False, False, 0, recursive, True)
        self.owner = owner
        self.out = out
        self.thread = threading.Thread(target=self._run, name="liveblog-watch", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        owner = self.owner
        while not owner.stopped:
            try:
                raw = self.notify.watch(owner.debounce_ms, owner.step_ms, 500, owner.stop_event)
            except Exception as exc:  # noqa: BLE001 - reported; the watcher then polls
                self.out.put(exc)
                return
            if not isinstance(raw, str):
                self.out.put(raw)

    def close(self) -> None:
        self.thread.join(5)
        if not self.thread.is_alive():
            self.notify.close()


class Watcher:
    """Watches folders (recursively) and files; reports changes in batches.

    Use :meth:`start` once, then :meth:`wait` from a thread or :meth:`stream` from asyncio;
    :meth:`stop` may be called from any thread. ``force_polling`` None chooses by itself.
    A file given as a root is watched through its folder, so replacing it (an editor's or a
    scraper's atomic save) does not end its watch.
    """

    def __init__(
        self,
        roots: Sequence[str],
        *,
        force_polling: bool | None = None,
        debounce_ms: int = 50,
        step_ms: int = 1,
        poll_interval: float = 0.5,
    ) -> None:
        self.roots = list(roots)
        """The roots as given; events name paths under them in the same form."""
        self.force_polling = force_polling
        self.debounce_ms = debounce_ms
        self.step_ms = step_ms
        self.poll_interval = poll_interval
        self.mode = "stopped"
        """``events`` (inotify & co), ``polling``, or ``stopped``."""
        self.stop_event = threading.Event()
        self._backends: list[_Backend] = []
        self._queue: queue.Queue[object] = queue.Queue()
        self._snapshot: dict[str, Stamp] = {}
        self._reported: set[Problem] = set()
        self._absolute: list[str] = []

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> list[Problem]:
        """Start watching; returns the problems found (missing roots, loops, unreadable folders).

        Once this returns, every later change under the roots is reported.
        """
        problems: list[Problem] = []
        roots = []
        for root in self.roots:
            if os.path.exists(root):
                roots.append(root)
            else:
                problems.append(Problem(root, "no such file or folder: not watched"))
        self.roots = roots
        self._absolute = [os.path.abspath(r) for r in roots]
        polling = self.force_polling
        if polling is None:
            polling = any(needs_polling(r) for r in roots)
        if not polling and roots:
            folders = [a for a in self._absolute if os.path.isdir(a)]
            parents = sorted({os.path.dirname(a) for a in self._absolute if a not in folders})
            try:
                if folders:
                    self._backends.append(_Backend(folders, True, self, self._queue))
                if parents:
                    self._backends.append(_Backend(parents, False, self, self._queue))
                self.mode = "events"
            except Exception as exc:  # noqa: BLE001 - e.g. the inotify watch limit: poll instead
                problems.append(Problem(roots[0], f"change events unavailable ({exc}); polling"))
                self._close_backends()
                polling = True
        snapshot, walk_problems = self._walk()
        problems += walk_problems
        if polling:
            self._snapshot = snapshot
            self.mode = "polling"
        return self._fresh(problems)

    def stop(self) -> None:
        """Make :meth:`wait` and :meth:`stream` return; safe from any thread."""
        self.stop_event.set()
        self._queue.put(None)

    @property
    def stopped(self) -> bool:
        return self.stop_event.is_set()

    def close(self) -> None:
        """Stop and release the underlying watchers."""
        self.stop()
        self._close_backends()
        self.mode = "stopped"

    # -- waiting ------------------------------------------------------------------------------

    def wait(self, timeout: float = 1.0) -> list[WatchEvent]:
        """Block until changes arrive (a batch), ``timeout`` passes or :meth:`stop` is called."""
        if self.stopped:
            return []
        if self.mode == "polling":
            return self._poll(timeout)
        if self.mode != "events":
            self.stop_event.wait(timeout)
            return []
        try:
            items = [self._queue.get(timeout=timeout)]
        except queue.Empty:
            return []
        while True:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                break
        raw: set[tuple[int, str]] = set()
        failures: list[Problem] = []
        for item in items:
            if isinstance(item, Exception):
                failures.append(Problem(self.roots[0], f"watcher failed ({item}); polling"))
            elif isinstance(item, set):
                raw |= item
        events = self._events(raw)
        if failures and not self.stopped:
            self._switch_to_polling()
            events = [*self._fresh(failures), *events]
        return events

    async def stream(self, timeout: float = 0.5) -> AsyncGenerator[list[WatchEvent], None]:
        """Batches of events until :meth:`stop` is called (waits in a worker thread)."""
        while not self.stopped:
            batch = await asyncio.to_thread(self.wait, timeout)
            if batch:
                yield batch

    # -- internals ----------------------------------------------------------------------------

    def _close_backends(self) -> None:
        backends, self._backends = self._backends, []
        stopped = self.stop_event.is_set()
        self.stop_event.set()  # the backend threads check it every step
        for backend in backends:
            backend.close()
        if not stopped and self.mode != "stopped":
            self.stop_event.clear()

    def _fresh(self, problems: Iterable[Problem]) -> list[Problem]:
        out = []
        for problem in problems:
            if problem not in self._reported:
                self._reported.add(problem)
                out.append(problem)
        return out

    def _walk(self) -> tuple[dict[str, Stamp], list[Problem]]:
        files: dict[str, Stamp] = {}
        problems: list[Problem] = []
        for root in self.roots:
            found, trouble = walk_files(root)
            files.update(found)
            problems += trouble
        return files, problems

    def _as_given(self, path: str) -> str | None:
        """``path`` (absolute, from the backend) under the root it belongs to, as given."""
        for given, absolute in zip(self.roots, self._absolute, strict=True):
            if path == absolute:
                return given
            if path.startswith(absolute.rstrip(os.sep) + os.sep):
                rel = os.path.relpath(path, absolute)
                if any(is_ignored(part) for part in rel.split(os.sep)):
                    return None
                return os.path.join(given, rel)
        return None

    def _events(self, raw: Iterable[tuple[int, str]]) -> list[WatchEvent]:
        events: list[WatchEvent] = []
        seen: set[WatchEvent] = set()
        problems: list[Problem] = []
        for change, absolute in sorted(raw, key=lambda item: item[1]):
            path = self._as_given(absolute)
            if path is None:
                continue
            event: WatchEvent
            if change == 3:  # watchfiles.Change.deleted
                event = Deleted(path)
            elif os.path.isdir(path):
                if change != 1:  # a folder's own metadata changed: its files report themselves
                    continue
                found, trouble = walk_files(path)  # a folder created or moved in: its files
                problems += trouble
                for name in found:
                    if Changed(name) not in seen:
                        seen.add(Changed(name))
                        events.append(Changed(name))
                continue
            else:
                event = Changed(path)
            if event not in seen:
                seen.add(event)
                events.append(event)
        return [*self._fresh(problems), *events]

    def _switch_to_polling(self) -> None:
        self._close_backends()
        self._snapshot, _ = self._walk()
        self.mode = "polling"

    def _poll(self, timeout: float) -> list[WatchEvent]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if self.stop_event.wait(max(0.0, min(self.poll_interval, remaining))):
                return []
            files, problems = self._walk()
            events: list[WatchEvent] = [*self._fresh(problems)]
            for path, stamp in files.items():
                if self._snapshot.get(path) != stamp:
                    events.append(Changed(path))
            events += [Deleted(path) for path in self._snapshot if path not in files]
            self._snapshot = files
            if events or time.monotonic() >= deadline:
                return events
