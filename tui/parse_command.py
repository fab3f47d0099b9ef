"""``liveblog parse``: print the entries of files and folders, as text or JSON Lines."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TextIO

from parsers import Document, Entry, expand_paths, explain, parse_file
from parsers.clean import guard_stream, json_line, shown
from parsers.decode import clean_line
from parsers.export import entry_to_dict
from parsers.formats import names as format_names
from parsers.model import Precision, ZoneBasis
from parsers.read import unreadable
from tui.engine.query import Query, QueryError, parse_query
from tui.engine.timeline import Filter, Timeline
from tui.sample import sample_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveblog parse",
        description="Print the entries of saved live blogs, each document in its own order.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the built-in sample)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON Lines, one per entry")
    parser.add_argument(
        "--format", choices=format_names(), help="use this format instead of detecting it"
    )
    parser.add_argument(
        "--explain", action="store_true", help="say which format each file gets, and why"
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="print copies of one page (snapshots saved again, a feed beside its page) as "
        "one document, each post once",
    )
    parser.add_argument(
        "--query",
        metavar="QUERY",
        help="print only the entries the reader's query selects (words, \"phrases\", -word, "
        "author:, source:, label:, since:, until:); times of day and dates on each "
        "source's own clock",
    )
    return parser


def run_parse(argv: Sequence[str]) -> int:
    """Run the command; 0 when every input was read, 1 when some could not be, 2 on misuse."""
    args = build_parser().parse_args(list(argv))
    paths = args.paths or [str(sample_dir())]
    out = guard_stream(sys.stdout)
    guard_stream(sys.stderr)
    if args.explain:
        return _explain(paths, args.format, out)
    select: Callable[[Document], Document] | None = None
    if args.query is not None:
        query = parse_query(args.query, clock="source")
        if isinstance(query, QueryError):
            print(f"liveblog parse: --query: {clean_line(query.message)}", file=sys.stderr)
            return 2
        if query.states:
            print(
                "liveblog parse: --query: is: asks what the reader remembers, which parse "
                "does not read",
                file=sys.stderr,
            )
            return 2
        if query.grouped or query.also:
            print(
                "liveblog parse: --query: is:grouped and also: ask for the reader's grouping "
                "of posts across pages, which parse does not do",
                file=sys.stderr,
            )
            return 2
        select = _selector(query)
    failed = False
    try:
        documents: Iterable[Document] = _documents(paths, args.format)
        if args.merge:
            documents = _merged(documents)
        for document in documents:
            if not args.merge:
                failed = _report(document) or failed
            if not document.readable:
                failed = True
                continue
            if select is not None:
                document = select(document)
                if not document.entries:
                    continue
            if args.json:
                for entry in document.entries:
                    out.write(json_line(entry_to_dict(entry)))
                    out.write("\n")
            else:
                _print_document(document, out)
        out.flush()
    except BrokenPipeError:
        # The reader of the output went away (``| head``): stop, but keep the status of
        # what was read. Missing paths are reported before any file is parsed, so they
        # always count.
        _drop_stdout()
    return 1 if failed else 0


def _report(document: Document) -> bool:
    """Print a document's problems; True when it could not be read at all."""
    for problem in document.problems:
        print(f"liveblog: {shown(problem)}", file=sys.stderr)
    return not document.readable


def _merged(documents: Iterable[Document]) -> Iterator[Document]:
    """The readable documents with copies of one page merged (problems reported as read)."""
    from tui.engine.copies import merge_documents

    readable: list[Document] = []
    for document in documents:
        if _report(document):
            yield document  # counted as failed, printed nowhere
        else:
            readable.append(document)
    yield from merge_documents(readable)


def _selector(query: Query) -> Callable[[Document], Document]:
    """Keep the entries of a document that ``query`` selects, in the document's order.

    The reader's own timeline does the matching, so a script gets the reader's selection.
    """
    view = Filter(query=query)

    def select(document: Document) -> Document:
        timeline = Timeline()
        timeline.upsert(document)
        kept = {item.id for item in timeline.select(view)}
        entries = tuple(entry for entry in document.entries if entry.id in kept)
        return dataclasses.replace(document, entries=entries)

    return select


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def _documents(paths: list[str], format_name: str | None) -> Iterator[Document]:
    """Parse every file, with a progress bar on stderr when it is a terminal."""
    files: list[str] = []
    for path, problem in expand_paths(paths):
        if problem is not None:
            yield unreadable(path, problem)
        else:
            files.append(path)
    if not (sys.stderr.isatty() and len(files) > 1):
        for path in files:
            yield parse_file(path, format_name)
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    sizes = [_size(path) for path in files]
    total = sum(sizes)
    with Progress(
        TextColumn("parsing"),
        BarColumn(),
        TextColumn("{task.fields[counts]}", markup=False),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        # One bar, by bytes (files differ in size); the text gives both counts.
        task = progress.add_task("", total=max(1, total), counts=counts(0, len(files), 0, total))
        done_bytes = 0
        for done, (path, size) in enumerate(zip(files, sizes, strict=True), 1):
            yield parse_file(path, format_name)
            done_bytes += size
            progress.update(
                task, completed=done_bytes, counts=counts(done, len(files), done_bytes, total)
            )


def counts(done: int, files: int, done_bytes: int, total_bytes: int) -> str:
    """The progress bar's text: ``300/2158 files, 2.9/20.3 MB``."""
    return f"{done}/{files} files, {done_bytes / 1e6:.1f}/{total_bytes / 1e6:.1f} MB"


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _explain(paths: list[str], format_name: str | None, out: TextIO) -> int:
    failed = False
    for path, problem in expand_paths(paths):
        out.write(f"{shown(path)}\n")
        if problem is not None:
            out.write(f"  problem: {shown(problem)}\n")
            failed = True
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            out.write(f"  problem: cannot read: {shown(exc.strerror or exc)}\n")
            failed = True
            continue
        for line in explain(data, format_name):
            out.write(f"  {shown(line)}\n")
    return 1 if failed else 0


def describe_time(entry: Entry) -> str:
    """The entry's time as printed in the plain listing, honest about what is known."""
    stamp = entry.published
    if stamp is None and entry.time_of_day is not None:
        clock = entry.time_of_day
        zone = f" {clock.zone}" if clock.zone and clock.basis is ZoneBasis.STATED else ""
        return f"{clock.clock()}{zone} (no date)"
    if stamp is None:
        return "undated"
    if stamp.precision is Precision.DATE:
        return f"{stamp.at:%Y-%m-%d} (date only)"
    zone = stamp.at.tzname() or stamp.at.strftime("%z")
    text = f"{stamp.at:%Y-%m-%d %H:%M} {zone}"
    notes = []
    if stamp.zone is ZoneBasis.ASSUMED:
        notes.append("zone assumed")
    if stamp.date_inferred:
        notes.append("date inferred")
    return f"{text} ({', '.join(notes)})" if notes else text


def _print_document(document: Document, out: TextIO) -> None:
    width = 100
    out.write(f"== {shown(document.source.path)} [{document.format}]")
    out.write(f" {document.title}\n" if document.title else "\n")
    for point in document.key_points:
        out.write(textwrap.fill(point, width, initial_indent="  • ", subsequent_indent="    "))
        out.write("\n")
    for entry in document.entries:
        out.write("\n")
        labels = "".join(f"[{label}] " for label in entry.labels)
        out.write(f"{describe_time(entry)}  {labels}{entry.title or '(no headline)'}\n")
        if entry.authors:
            people = ", ".join(f"{a.name} ({a.role})" if a.role else a.name for a in entry.authors)
            out.write(f"  By {people}\n")
        for paragraph in entry.body:
            out.write(textwrap.fill(paragraph, width, initial_indent="  ", subsequent_indent="  "))
            out.write("\n")
        for caption in entry.captions:
            credit = f" [{caption.credit}]" if caption.credit else ""
            out.write(f"  (image) {caption.text}{credit}\n")
    out.write("\n")
