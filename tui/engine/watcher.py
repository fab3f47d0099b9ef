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
from parsers.read import is_ignored, is_ignored_folder, walk

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

    The walk is :func:`parsers.read.walk`, the one ``parse`` and the reader use. Never raises.
    """
    files: dict[str, Stamp] = {}
    problems: list[Problem] = []
    if not os.path.isdir(root):
        stamp = Stamp.of(root)
        if stamp is not None:
            files[root] = stamp
        return files, problems
    for path, found in walk(root):
        if isinstance(found, str):
            problems.append(Problem(path, found))
        else:
            files[path] = Stamp(found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)
    return files, problems


def _identity(path: str) -> tuple[int, int] | None:
    """The (device, inode) of a folder, or None when it is missing."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class _Backend:
    """One ``watchfiles.watch`` generator and the thread that runs it, feeding a queue.

    Only watchfiles' public API is used. The generator yields an empty set every
    ``READY_MS`` when nothing happens, which tells :meth:`wait_ready` that the notifier exists.
    """

    READY_MS = 50

    def __init__(
        self, paths: list[str], recursive: bool, owner: Watcher, out: queue.Queue[object]
    ) -> None:
        self.paths = paths
        self.recursive = recursive
        self.owner = owner
        self.out = out
        self.ready = threading.Event()
        self.failure: Exception | None = None
        self.thread = threading.Thread(target=self._run, name="liveblog-watch", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        from watchfiles import watch

        owner = self.owner
        try:
            for changes in watch(
                *self.paths,
                watch_filter=None,
                debounce=owner.debounce_ms,
                step=owner.step_ms,
                stop_event=owner.stop_event,
                rust_timeout=self.READY_MS,
                yield_on_timeout=True,
                raise_interrupt=False,
                recursive=self.recursive,
                ignore_permission_denied=True,
            ):
                self.ready.set()
                if changes:
                    self.out.put({(int(change), path) for change, path in changes})
                if owner.stopped:
                    return
        except Exception as exc:  # noqa: BLE001 - reported; the watcher then polls
            self.failure = exc
            self.out.put(exc)
        finally:
            self.ready.set()

    def wait_ready(self, timeout: float = 5.0) -> None:
        """Return once the notifier watches; raise what stopped it from starting."""
        self.ready.wait(timeout)
        if self.failure is not None:
            raise self.failure

    def close(self) -> None:
        self.thread.join(5)


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
        self._root_ids: dict[str, tuple[int, int] | None] = {}

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
                for backend in self._backends:
                    backend.wait_ready()
                self.mode = "events"
            except Exception as exc:  # noqa: BLE001 - e.g. the inotify watch limit: poll instead
                problems.append(Problem(roots[0], f"change events unavailable ({exc}); polling"))
                self._close_backends()
                polling = True
        snapshot, walk_problems = self._walk()
        problems += walk_problems
        # Kept up to date from the events too: if the event backend ever stops, polling starts
        # from what was last known, so nothing that changed meanwhile is missed.
        self._snapshot = snapshot
        self._root_ids = {r: _identity(r) for r in self.roots if os.path.isdir(r)}
        if polling:
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
            items = []
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
        failures += self._roots_replaced(raw)
        events = self._events(raw)
        self._note(events)
        if failures and not self.stopped:
            self._switch_to_polling()
            events = [*self._fresh(failures), *events, *self._poll(0)]
        return events

    def _roots_replaced(self, raw: set[tuple[int, str]]) -> list[Problem]:
        """Problems for watched folders deleted, re-created or moved away (and maybe back):
        inotify's watch on them is gone, so later changes would be missed."""
        hit = {path for change, path in raw if change == 3}
        out = []
        for root, absolute in zip(self.roots, self._absolute, strict=True):
            if root not in self._root_ids:
                continue
            if absolute in hit or _identity(root) != self._root_ids[root]:
                message = "the watched folder was removed, replaced or moved; watching by polling"
                out.append(Problem(root, message))
        return out

    def _holds(self, folder: str) -> bool:
        prefix = folder.rstrip(os.sep) + os.sep
        return any(path.startswith(prefix) for path in self._snapshot)

    def _note(self, events: Iterable[WatchEvent]) -> None:
        """Keep the snapshot in step with what the events said."""
        for event in events:
            if isinstance(event, Changed):
                stamp = Stamp.of(event.path)
                if stamp is not None:
                    self._snapshot[event.path] = stamp
            elif isinstance(event, Deleted):
                prefix = event.path.rstrip(os.sep) + os.sep
                for path in [p for p in self._snapshot if p == event.path or p.startswith(prefix)]:
                    del self._snapshot[path]

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
                # The name's own rule (file or folder) is applied once its kind is known.
                if any(is_ignored_folder(part) for part in rel.split(os.sep)):
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
                if is_ignored(os.path.basename(path)) and not self._holds(path):
                    continue  # a temporary file, not a folder we watched
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
            elif is_ignored(os.path.basename(path)):
                continue
            else:
                event = Changed(path)
            if event not in seen:
                seen.add(event)
                events.append(event)
        return [*self._fresh(problems), *events]

    def _switch_to_polling(self) -> None:
        self._close_backends()
        self.mode = "polling"  # from the snapshot kept so far: the first poll reports the rest

    def _poll(self, timeout: float) -> list[WatchEvent]:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if self.stop_event.wait(max(0.0, min(self.poll_interval, remaining))):
                return []
            files, problems = self._walk()
            # Files under a folder that cannot be read now are not gone: only unreadable.
            hidden = [p.source.rstrip(os.sep) + os.sep for p in problems if "folder" in p.message]
            for path, stamp in self._snapshot.items():
                if path not in files and any(path.startswith(h) for h in hidden):
                    files[path] = stamp
            events: list[WatchEvent] = [*self._fresh(problems)]
            for path, stamp in files.items():
                if self._snapshot.get(path) != stamp:
                    events.append(Changed(path))
            events += [Deleted(path) for path in self._snapshot if path not in files]
            self._snapshot = files
            if events or time.monotonic() >= deadline:
                return events
