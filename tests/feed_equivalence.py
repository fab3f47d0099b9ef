"""Compare the fast feed reader with feedparser on one text: the documents both give."""

from __future__ import annotations

import dataclasses
from unittest import mock

from parsers.formats import feed_fast
from parsers.model import Document
from parsers.read import parse_text


def by_feedparser(text: str) -> Document:
    """The document as feedparser alone reads ``text`` (the fast reader switched off)."""
    with mock.patch.object(feed_fast, "read_fast", return_value=None):
        return parse_text(text, "feed.xml", "feed")


def by_fast_reader(text: str) -> Document | None:
    """The document as the fast reader gives it, or None when it hands the text over."""
    from parsers.formats.feed import _bytes_for_feedparser, repair_references

    if feed_fast.read_fast(_bytes_for_feedparser(repair_references(text)[0])) is None:
        return None
    return parse_text(text, "feed.xml", "feed")


def differences(text: str) -> tuple[bool, list[str]]:
    """Whether the fast reader took the text, and every field where the two documents differ
    (each entry compared field by field)."""
    fast = by_fast_reader(text)
    if fast is None:
        return False, []
    reference = by_feedparser(text)
    found: list[str] = []
    for field in dataclasses.fields(Document):
        if field.name == "entries":
            continue
        mine, theirs = getattr(fast, field.name), getattr(reference, field.name)
        if mine != theirs:
            found.append(f"document {field.name}: {mine!r} != {theirs!r}")
    if len(fast.entries) != len(reference.entries):
        found.append(f"{len(fast.entries)} entries != {len(reference.entries)}")
    for index, (mine, theirs) in enumerate(zip(fast.entries, reference.entries, strict=False)):
        for field in dataclasses.fields(mine):
            a, b = getattr(mine, field.name), getattr(theirs, field.name)
            if a != b:
                found.append(f"entry {index} {field.name}: {a!r} != {b!r}")
    return True, found
