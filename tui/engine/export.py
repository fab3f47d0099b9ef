"""Writing what the reader shows to a file: Markdown for people, JSON Lines for scripts.

The JSON Lines rows are exactly ``liveblog parse --json``'s (:func:`parsers.export.entry_to_dict`).
The file name comes from the query and the time of export, in safe characters only
(``liveblog-author-inwood-kyiv-20220224-0600.md``). Everything but :func:`write_export` is
pure; that one creates a new file and never overwrites one. No Textual, no Rich.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from parsers.clean import json_line
from parsers.export import entry_to_dict
from parsers.model import Entry, Precision, Timestamp
from tui.engine.query import Clock


class ExportFormat(StrEnum):
    MARKDOWN = "md"
    JSON_LINES = "jsonl"


SLUG_CHARS = 48
"""The longest query part of a file name."""

_UNSAFE = re.compile(r"[^a-z0-9]+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_BULLET = re.compile(r"^([ \t]*)([-+=])", re.MULTILINE)
_NUMBERED = re.compile(r"^([ \t]*\d{1,9})([.)])", re.MULTILINE)


def file_name(query: str, when: datetime, kind: ExportFormat) -> str:
    """``liveblog-<query words>-<YYYYmmdd-HHMM>.<md|jsonl>``: lower-case letters, digits and
    dashes only (``all`` for an empty query), so it is safe in any shell and file system."""
    slug = _UNSAFE.sub("-", query.casefold()).strip("-")
    if not slug.isascii():  # pragma: no cover - the pattern keeps ASCII only
        slug = ""
    slug = slug[:SLUG_CHARS].rstrip("-") or "all"
    return f"liveblog-{slug}-{when:%Y%m%d-%H%M}.{kind.value}"


def to_json_lines(entries: Iterable[Entry]) -> str:
    """One ``parse --json`` row per entry."""
    return "".join(json_line(entry_to_dict(e)) + "\n" for e in entries)


def shown_time(stamp: Timestamp, clock: Clock = "source") -> str:
    """``2022-02-24 06:00 UTC+02:00``; ``2022-02-24 (date only)`` for a date alone."""
    if stamp.precision is Precision.DATE:
        return f"{stamp.at:%Y-%m-%d} (date only)"
    at = stamp.at if clock == "source" else stamp.at.astimezone(clock)
    offset = at.strftime("%z")
    name = at.tzname() or ""
    if not name or name.startswith(("+", "-")):
        name = f"UTC{offset[:3]}:{offset[3:]}" if offset and offset != "+0000" else "UTC"
    return f"{at:%Y-%m-%d %H:%M} {name}"


def plain_text(entry: Entry, clock: Clock = "source") -> str:
    """An entry as plain text for the clipboard: headline, time and source, body, link."""
    stamp = shown_time(entry.published, clock) if entry.published else "undated"
    lines = [entry.title or "(no headline)", f"{stamp} · {entry.source.name}"]
    if entry.authors:
        lines.append("By " + ", ".join(a.name for a in entry.authors))
    lines.append("")
    for paragraph in entry.body:
        lines += [paragraph, ""]
    if entry.url:
        lines.append(entry.url)
    return "\n".join(lines).rstrip("\n") + "\n"


def _escape(text: str) -> str:
    """Plain text that Markdown shows as written (no headings, links, emphasis or HTML)."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _BULLET.sub(r"\1\\\2", text)
    return _NUMBERED.sub(r"\1\\\2", text)


def to_markdown(
    entries: Iterable[Entry],
    *,
    title: str = "liveblog export",
    query: str = "",
    clock: Clock = "source",
    exported: datetime | None = None,
) -> str:
    """A Markdown document: a heading with the query, then one section per entry (time,
    source, labels, headline, authors, body, captions, link)."""
    when = exported or datetime.now(UTC)
    rows = list(entries)
    out = [f"# {_escape(title)}", ""]
    notes = [f"{len(rows)} {'entry' if len(rows) == 1 else 'entries'}"]
    if query.strip():
        shown_query = query.replace("`", "'")
        notes.append(f"query: `{shown_query}`")
    notes.append(f"exported {when:%Y-%m-%d %H:%M %Z}".rstrip())
    out += [" · ".join(notes), ""]
    for entry in rows:
        stamp = shown_time(entry.published, clock) if entry.published else "undated"
        labels = "".join(f" [{label}]" for label in entry.labels)
        heading = entry.title or "(no headline)"
        out.append(f"## {_escape(heading)}")
        out.append("")
        out.append(f"*{_escape(stamp)} · {_escape(entry.source.name)}{_escape(labels)}*")
        if entry.authors:
            people = ", ".join(f"{a.name} ({a.role})" if a.role else a.name for a in entry.authors)
            out.append(f"By {_escape(people)}")
        out.append("")
        for paragraph in entry.body:
            out.append(_escape(paragraph).replace("\n", "  \n"))
            out.append("")
        for caption in entry.captions:
            credit = f" ({caption.credit})" if caption.credit else ""
            out.append(f"> Image: {_escape(caption.text + credit)}")
            out.append("")
        if entry.url:
            out.append(f"<{entry.url}>")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render(
    entries: Iterable[Entry],
    kind: ExportFormat,
    *,
    query: str = "",
    clock: Clock = "source",
    exported: datetime | None = None,
) -> str:
    """The file's text in ``kind``."""
    if kind is ExportFormat.JSON_LINES:
        return to_json_lines(entries)
    return to_markdown(entries, query=query, clock=clock, exported=exported)


def write_export(
    entries: Iterable[Entry],
    folder: str | os.PathLike[str],
    kind: ExportFormat,
    *,
    query: str = "",
    clock: Clock = "source",
    now: datetime | None = None,
) -> Path:
    """Write a new file in ``folder`` (``-2``, ``-3``... when the name is taken) and return
    its path. Raises ``OSError`` when the folder cannot be written (the caller says so)."""
    when = now or datetime.now(UTC)
    text = render(entries, kind, query=query, clock=clock, exported=when)
    base = file_name(query, when.astimezone() if now is None else when, kind)
    stem, suffix = base.rsplit(".", 1)
    for number in range(1, 1000):
        name = base if number == 1 else f"{stem}-{number}.{suffix}"
        path = Path(folder) / name
        try:
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"{Path(folder) / base}: too many exports with this name")
