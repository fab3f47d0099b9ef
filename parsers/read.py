"""Reading documents: files and folders in, :class:`Document` out, never an exception."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.decode import MAX_BYTES, clean, decode
from parsers.model import Document, Problem, Source

if TYPE_CHECKING:
    from parsers.draft import DocumentDraft
    from parsers.formats.base import FormatHandler, Sniff

# The format handlers load with the first parse, not with this module: walking a folder
# and reading documents from the parse cache need none of them.

IGNORED_SUFFIXES = (".tmp", ".part", ".crdownload", ".swp", ".swx", ".lock", "~")
"""Editor and download temporaries that are never read."""

SIDECAR_SUFFIXES = (".expected.json",)
"""Test expectations that sit beside sample documents."""


def is_ignored(name: str) -> bool:
    """True for hidden files and editor/download temporaries."""
    return (
        name.startswith(".")
        or name.endswith(IGNORED_SUFFIXES)
        or name.endswith(SIDECAR_SUFFIXES)
        or (name.startswith("#") and name.endswith("#"))
    )


@dataclass(frozen=True, slots=True)
class Choice:
    """Which handler was picked for a text, and every handler's claim (for ``--explain``)."""

    handler: FormatHandler
    claims: tuple[tuple[str, Sniff | None], ...]


def choose(text: str, format_name: str | None = None) -> Choice:
    """Pick the handler for ``text``: the named one, else the highest sniff score."""
    from parsers.formats import FORMATS, by_name
    from parsers.formats.base import Sniff

    claims: list[tuple[str, Sniff | None]] = []
    best: FormatHandler | None = None
    best_score = 0.0
    for handler in FORMATS:
        try:
            sniff = handler.sniff(text)
        except Exception as exc:  # noqa: BLE001 - a faulty sniff must not stop reading
            sniff = Sniff(0.0, f"sniff failed: {type(exc).__name__}")
        claims.append((handler.name, sniff))
        if sniff is not None and sniff.score > best_score:
            best, best_score = handler, sniff.score
    if format_name is not None:
        best = by_name(format_name)
    if best is None:
        best = FORMATS[-1]
    return Choice(best, tuple(claims))


def source_for(path: str) -> Source:
    """The :class:`Source` of a path as given by the user."""
    return Source(path=path, name=os.path.basename(path.rstrip("/\\")) or path)


def unreadable(path: str, message: str) -> Document:
    """A document standing for a path that could not be read at all (a fatal problem)."""
    return Document(source_for(path), format="none", problems=(Problem(path, message, True),))


def parse_text(text: str, path: str = "<text>", format_name: str | None = None) -> Document:
    """Parse already-decoded text (it is cleaned again; cleaning is idempotent)."""
    return _parse_clean(clean(text), source_for(path), format_name, ())


def _parse_clean(
    text: str, source: Source, format_name: str | None, problems: tuple[str, ...]
) -> Document:
    from parsers.draft import DocumentDraft
    from parsers.finish import finish

    if not text.strip():
        return finish(DocumentDraft(), source, "empty", problems)
    handler = choose(text, format_name).handler
    try:
        draft = handler.parse(text)
    except Exception as exc:  # noqa: BLE001 - never raise on bad input: report it
        draft = DocumentDraft(problems=[f"{handler.name} parser failed: {type(exc).__name__}"])
    return _finished(draft, text, source, handler, problems)


def _finished(
    draft: DocumentDraft,
    text: str,
    source: Source,
    handler: FormatHandler,
    problems: tuple[str, ...],
) -> Document:
    from parsers.finish import finish
    from parsers.formats.html_page import MARKUP_FORMATS
    from parsers.links import url_in_text_head

    if draft.url is None and handler.name not in MARKUP_FORMATS:
        draft.url = url_in_text_head(text)
    return finish(draft, source, handler.name, problems)


def parse_file_parts(path: str, max_bytes: int = MAX_BYTES) -> Iterator[tuple[Document, bool]]:
    """:func:`parse_file`'s document, preceded, for a large feed, by documents of its first
    entries only, so a reader can show them before the rest is read; each with whether it is
    the whole file's (the last one is). Never raises on bad input."""
    data = read_file(path, max_bytes)
    if isinstance(data, Document):
        yield data, True
        return
    source = source_for(path)
    decoded = decode(data)
    if decoded.text is None:
        yield unreadable(source.path, "; ".join(decoded.problems) or "not text"), True
        return
    text = decoded.text
    handler = choose(text, None).handler if text.strip() else None
    parts = getattr(handler, "parse_parts", None)
    if handler is None or parts is None:
        yield _parse_clean(text, source, None, decoded.problems), True
        return
    try:
        for draft, whole in parts(text):
            yield _finished(draft, text, source, handler, decoded.problems), whole
            if whole:
                return
    except Exception as exc:  # noqa: BLE001 - never raise on bad input: report it
        from parsers.draft import DocumentDraft

        failed = DocumentDraft(problems=[f"{handler.name} parser failed: {type(exc).__name__}"])
        yield _finished(failed, text, source, handler, decoded.problems), True


def parse_bytes(data: bytes, path: str = "<bytes>", format_name: str | None = None) -> Document:
    """Decode and parse a file's bytes. Never raises on bad input."""
    source = source_for(path)
    decoded = decode(data)
    if decoded.text is None:
        return unreadable(source.path, "; ".join(decoded.problems) or "not text")
    return _parse_clean(decoded.text, source, format_name, decoded.problems)


def _size_text(size: int) -> str:
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def too_large(size: int, limit: int) -> str:
    """The message for a file over the size limit, with its real size (in bytes too when the
    rounded sizes would read the same)."""
    shown, most = _size_text(size), _size_text(limit)
    if shown == most:
        shown = f"{size:,} bytes"
        most = f"{limit:,} bytes"
    return f"too large ({shown}; the limit is {most})"


def read_file(path: str, max_bytes: int = MAX_BYTES) -> bytes | Document:
    """A file's bytes, or an unreadable :class:`Document` saying why not.

    Never blocks: a named pipe, socket or device is refused, not opened for a writer.
    """
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; we refuse it below.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if stat.S_ISDIR(status.st_mode):
                return unreadable(path, "is a directory")
            if not stat.S_ISREG(status.st_mode):
                return unreadable(path, "not a regular file (a pipe, socket or device); skipped")
            size = status.st_size
            if size > max_bytes:
                return unreadable(path, too_large(size, max_bytes))
            # Sized by the file: read(max_bytes + 1) would set aside 64 MiB for every file.
            data = handle.read(size + 1)
            if len(data) > size:  # it grew since: read on, up to the limit
                data += handle.read(max_bytes + 1 - len(data))
    except IsADirectoryError:
        return unreadable(path, "is a directory")
    except FileNotFoundError:
        return unreadable(path, "no such file")
    except PermissionError:
        return unreadable(path, "permission denied")
    except OSError as exc:
        return unreadable(path, f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return unreadable(path, f"too large (over {max_bytes / 2**20:.0f} MiB)")
    return data


def parse_file(
    path: str | os.PathLike[str], format_name: str | None = None, max_bytes: int = MAX_BYTES
) -> Document:
    """Read and parse one file. Unreadable, binary or oversized files give a problem."""
    shown = os.fspath(path)
    data = read_file(shown, max_bytes)
    if isinstance(data, Document):
        return data
    return parse_bytes(data, shown, format_name)


def is_ignored_folder(name: str) -> bool:
    """True for a folder never walked: a hidden one (``.git``). A folder named like a temporary
    file (``drafts.tmp``) is walked: the suffixes name editors' files, not folders."""
    return name.startswith(".")


def _folder_problem(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "folder not readable (permission denied)"
    return f"cannot read folder: {error.strerror or error}"


def walk(root: str) -> Iterator[tuple[str, os.stat_result | str]]:
    """Every file to read under the folder ``root``, with its status, in sorted order; or a
    path with a problem message (an unreadable folder, a symlink loop, a broken symlink).

    The one folder walker: ``parse``, the reader and the watcher all use it, so they read and
    follow the same files. Hidden folders and hidden or temporary files are skipped; symlinked
    folders are followed, each folder once. Never raises.
    """
    seen: set[tuple[int, int]] = set()
    errors: list[OSError] = []
    for folder, dirs, names in os.walk(root, onerror=errors.append, followlinks=True):
        while errors:
            error = errors.pop()
            yield os.fspath(error.filename or folder), _folder_problem(error)
        try:
            status = os.stat(folder)
        except OSError as exc:
            dirs[:] = []
            yield folder, _folder_problem(exc)
            continue
        key = (status.st_dev, status.st_ino)
        if key in seen:
            # Reached again through a symlink: a loop when it points back to an ancestor,
            # else a second way into a folder already walked (harmless, skipped quietly).
            target = os.path.realpath(folder)
            parent = os.path.realpath(os.path.dirname(folder))
            if parent == target or parent.startswith(target.rstrip(os.sep) + os.sep):
                yield folder, "symlink loop: not followed"
            dirs[:] = []
            continue
        seen.add(key)
        dirs[:] = sorted(d for d in dirs if not is_ignored_folder(d))
        for name in sorted(names):
            if is_ignored(name):
                continue
            path = os.path.join(folder, name)
            try:
                yield path, os.stat(path)
            except OSError as exc:
                if os.path.islink(path):
                    yield path, "broken or looping symlink"
                elif not isinstance(exc, FileNotFoundError):  # else deleted meanwhile
                    yield path, f"cannot read: {exc.strerror or exc}"
    while errors:  # the root itself could not be listed
        error = errors.pop()
        yield os.fspath(error.filename or root), _folder_problem(error)


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, problem)`` for each file named or found in a named folder.

    Folders are walked by :func:`walk`. ``problem`` is set for a path that does not exist and
    for what a walk could not read (an unreadable folder, a symlink loop).
    """
    for given in paths:
        if os.path.isdir(given):
            for path, found in walk(given):
                yield path, found if isinstance(found, str) else None
        elif os.path.exists(given) or os.path.islink(given):
            yield given, None
        else:
            yield given, "no such file or folder"


def explain(data: bytes, format_name: str | None = None) -> list[str]:
    """Human-readable lines saying which format would be chosen for ``data`` and why."""
    decoded = decode(data)
    lines = [f"encoding: {decoded.encoding}"]
    lines += [f"problem: {p}" for p in decoded.problems]
    if decoded.text is None:
        return lines
    if not decoded.text.strip():
        return [*lines, "chosen: empty (no text)"]
    choice = choose(decoded.text, format_name)
    for name, sniff in choice.claims:
        if sniff is None:
            lines.append(f"  {name:<12} no: not recognised")
        else:
            lines.append(f"  {name:<12} {sniff.score:.2f}: {sniff.reason}")
    how = "forced by --format" if format_name else "highest score"
    lines.append(f"chosen: {choice.handler.name} ({how})")
    # A handler may say more about how it reads this text (stamped: separator evidence).
    details = getattr(choice.handler, "explain", None)
    if callable(details):
        lines += [f"  {line}" for line in details(clean(decoded.text))]
    return lines
