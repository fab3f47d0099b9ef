"""``liveblog tail DIR...``: follow folders without the UI and print each new entry.

The entries already present are printed first (in file order, then document order), unless
``--new-only``; then each entry as it arrives (``added``), and again when its content changes
(``updated``). With ``--json`` every line is a JSON object: entries have the keys of
``liveblog parse --json`` plus ``event``; ``removed`` (``source``, ``ids``) withdraws entries a
re-read file no longer holds (the partial entries of a half-written file). Entry records
also carry ``page`` (the page's identity: its address, else its title, else its path) and
``copy`` (the file the event came from): snapshots of one page saved in several files are one
page, whose entries' ``source`` is its first copy, and a new copy prints only the posts it
adds or edits; ``copies`` says a page gained or lost a copy (``source``, ``page``, ``copy``,
``copies``, ``removed_from_page`` and ``edited`` ids). Source events are
``gone``, ``renamed`` (``old`` and ``source``), ``back``, ``problem`` (``source``, ``message``,
``fatal``) and ``ready`` (once the
files present at start are read and the watch is live: ``files``, ``mode``). Without
``--json``, source events and problems go to standard error. SIGINT or SIGTERM end it cleanly
(exit status 0).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from collections.abc import Sequence
from typing import TextIO

from parsers.clean import guard_stream, json_line, shown
from parsers.export import entry_to_dict
from parsers.model import Entry
from tui.engine.alerts import Alerts
from tui.engine.copies import EDITED, REMOVED, page_identity
from tui.engine.ingest import (
    Added,
    Ingest,
    IngestEvent,
    PageChanged,
    ProblemFound,
    Ready,
    Removed,
    SourceBack,
    SourceGone,
    SourceRead,
    SourceRenamed,
    Updated,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveblog tail",
        description="Follow folders of live pages and print each new entry as it arrives.",
    )
    parser.add_argument("paths", nargs="+", metavar="DIR", help="folders (or files) to follow")
    parser.add_argument("--json", action="store_true", help="print JSON Lines")
    parser.add_argument(
        "--new-only", action="store_true", help="do not print the entries already present"
    )
    parser.add_argument(
        "--alert",
        action="append",
        default=[],
        metavar="WORD",
        help="mark entries that mention WORD, whole word, any case (repeatable)",
    )
    parser.add_argument(
        "--bell",
        action="store_true",
        help="ring the terminal bell when a new entry matches an alert",
    )
    parser.add_argument(
        "--poll", action="store_true", help="poll for changes instead of using change events"
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=0.15,
        metavar="SECONDS",
        help="how long a file must stay unchanged before it is read (default 0.15)",
    )
    parser.add_argument(
        "--exit-after",
        type=float,
        default=None,
        metavar="SECONDS",
        help="stop SECONDS after the files present at start were printed",
    )
    parser.add_argument(
        "--max-events",
        type=int,
        default=None,
        metavar="N",
        help="stop after printing N entries (added or updated)",
    )
    return parser


class Printer:
    """Writes ingest events as text or JSON Lines; counts the entries printed."""

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        *,
        as_json: bool,
        alerts: Alerts,
        bell: bool,
        limit: int | None = None,
    ) -> None:
        self.out = out
        self.err = err
        self.as_json = as_json
        self.alerts = alerts
        self.bell = bell
        self.entries = 0
        self.limit = limit
        """Print no more than this many entries (``--max-events``)."""
        self.live = False
        self.pages: dict[str, str] = {}
        """Page path -> the page's identity."""

    @property
    def full(self) -> bool:
        return self.limit is not None and self.entries >= self.limit

    def write(self, events: Sequence[IngestEvent]) -> None:
        rang = False
        for event in events:
            if isinstance(event, Added | Updated):
                kind = "added" if isinstance(event, Added) else "updated"
                for index, entry in enumerate(event.entries):
                    if self.full:
                        break
                    matched = self.alerts.matches(entry)
                    self._entry(entry, kind, matched, event.copy_of(index))
                    rang = rang or bool(matched)
            elif isinstance(event, SourceRead):
                document = event.document
                self.pages[document.source.path] = page_identity(document)
            elif isinstance(event, PageChanged):
                info = event.info
                self.pages[info.path] = info.identity
                marks = dict(info.marks)
                self._note(
                    {
                        "event": "copies",
                        "source": info.path,
                        "page": info.identity,
                        "copy": event.copy,
                        "copies": list(info.copies),
                        "removed_from_page": [i for i, m in marks.items() if m == REMOVED],
                        "edited": [i for i, m in marks.items() if m == EDITED],
                    },
                    f"{len(info.copies)} copies of {info.path} (read {event.copy})",
                )
            elif isinstance(event, Removed):
                count = len(event.ids)
                self._note(
                    {"event": "removed", "source": event.path, "ids": list(event.ids)},
                    f"removed {count} {'entry' if count == 1 else 'entries'}: {event.path}",
                )
            elif isinstance(event, Ready):
                self.live = True
                self._note(
                    {"event": "ready", "files": event.files, "mode": event.mode},
                    f"watching ({event.mode}); {event.files} files read",
                )
            elif isinstance(event, SourceGone):
                self._note({"event": "gone", "source": event.path}, f"gone: {event.path}")
            elif isinstance(event, SourceRenamed):
                self._note(
                    {"event": "renamed", "source": event.new, "old": event.old},
                    f"renamed: {event.old} -> {event.new}",
                )
            elif isinstance(event, SourceBack):
                self._note({"event": "back", "source": event.path}, f"back: {event.path}")
            elif isinstance(event, ProblemFound):
                p = event.problem
                self._note(
                    {
                        "event": "problem",
                        "source": p.source,
                        "message": p.message,
                        "fatal": p.fatal,
                    },
                    f"problem: {p}",
                )
        if rang and self.bell and self.live:
            self.err.write("\a")
            self.err.flush()
        self.out.flush()

    def _entry(self, entry: Entry, kind: str, matched: tuple[str, ...], copy: str) -> None:
        self.entries += 1
        if self.as_json:
            record = {"event": kind, **entry_to_dict(entry)}
            record["page"] = self.pages.get(entry.source.path, entry.source.path)
            record["copy"] = copy
            if self.alerts:
                record["alerts"] = list(matched)
            self.out.write(json_line(record) + "\n")
            return
        when = entry.published.iso() if entry.published else "-"
        first = entry.body[0] if entry.body else ""
        text = entry.title or first
        if entry.title and first:
            text = f"{entry.title} | {first}"
        text = " ".join(text.split())  # one line per entry
        if len(text) > 160:
            text = text[:159] + "…"
        mark = "+" if kind == "added" else "~"
        alert = f"ALERT({', '.join(matched)}) " if matched else ""
        name = shown(entry.source.name)  # a file name may hold escape sequences too
        self.out.write(f"{mark} {alert}{shown(when)}  {shown(text)}  ({name})\n")

    def _note(self, record: dict[str, object], text: str) -> None:
        if self.as_json:
            self.out.write(json_line(record) + "\n")
        else:
            self.err.write(f"liveblog tail: {shown(text)}\n")
            self.err.flush()


async def tail(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Follow ``args.paths`` until stopped; returns the exit status."""
    ingest = Ingest(
        args.paths,
        settle=max(0.0, args.settle),
        emit_existing=not args.new_only,
        force_polling=True if args.poll else None,
    )
    printer = Printer(
        out,
        err,
        as_json=args.json,
        alerts=Alerts(args.alert),
        bell=args.bell,
        limit=args.max_events,
    )
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, ingest.stop)
    async with contextlib.aclosing(ingest.run()) as stream:
        async for events in stream:
            printer.write(events)
            if args.exit_after is not None and any(isinstance(e, Ready) for e in events):
                loop.call_later(max(0.0, args.exit_after), ingest.stop)
            if printer.full:
                ingest.stop()
                break
    if not ingest.watcher.roots:
        err.write("liveblog tail: nothing to watch\n")
        return 2
    return 0


def run_tail(argv: Sequence[str]) -> int:
    """Entry point of ``liveblog tail``; returns the exit status."""
    args = build_parser().parse_args(list(argv))
    return asyncio.run(tail(args, guard_stream(sys.stdout), guard_stream(sys.stderr)))
