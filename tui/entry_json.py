"""Entries as JSON: one shape for ``liveblog parse --json`` and ``liveblog tail --json``."""

from __future__ import annotations

import json
from typing import Any

from parsers.model import Entry


def entry_to_json(entry: Entry) -> dict[str, Any]:
    """A JSON-ready dict of ``entry``.

    Keys: ``id``, ``source`` (the path), ``published`` (ISO 8601 with offset, ``YYYY-MM-DD``
    for a date-only time, or null), ``title``, ``labels``, ``authors`` (``[{name, role}]``),
    ``body`` (paragraphs joined by a blank line) and ``captions`` (``[{text, credit}]``).
    """
    return {
        "id": entry.id,
        "source": entry.source.path,
        "published": entry.published.iso() if entry.published else None,
        "title": entry.title,
        "labels": list(entry.labels),
        "authors": [{"name": a.name, "role": a.role} for a in entry.authors],
        "body": "\n\n".join(entry.body),
        "captions": [{"text": c.text, "credit": c.credit} for c in entry.captions],
    }


def dumps(record: dict[str, Any]) -> str:
    """One JSON Lines record (one line: newlines in text are escaped), UTF-8 kept as is."""
    return json.dumps(record, ensure_ascii=False)
