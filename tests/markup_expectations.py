"""What a parsed document looks like in a fixture's ``*.expected.json`` sidecar."""

from __future__ import annotations

from typing import Any

from parsers.model import Author, Caption, Document, Entry, Timestamp


def _stamp(stamp: Timestamp | None) -> str | None:
    return stamp.iso() if stamp else None


def _authors(authors: tuple[Author, ...]) -> list[list[str | None]]:
    return [[a.name, a.role] for a in authors]


def _captions(captions: tuple[Caption, ...]) -> list[list[str | None]]:
    return [[c.text, c.credit, c.alt] for c in captions]


def entry_view(entry: Entry) -> dict[str, Any]:
    """The fields of an entry a reader sees, in JSON types."""
    return {
        "title": entry.title,
        "published": _stamp(entry.published),
        "zone": entry.published.zone.value if entry.published else None,
        "updated": _stamp(entry.updated),
        "authors": _authors(entry.authors),
        "labels": list(entry.labels),
        "body": list(entry.body),
        "captions": _captions(entry.captions),
    }


def document_view(document: Document) -> dict[str, Any]:
    """The fields of a document a reader sees, in JSON types (problems as messages)."""
    return {
        "format": document.format,
        "title": document.title,
        "kicker": document.kicker,
        "standfirst": document.standfirst,
        "authors": _authors(document.authors),
        "published": _stamp(document.published),
        "problems": [p.message for p in document.problems],
        "entries": [entry_view(e) for e in document.entries],
    }
