"""JSON Feed (jsonfeed.org, versions 1 and 1.1): the JSON sibling of RSS and Atom.

The feed is the document (``title``, ``description`` as standfirst, ``authors``); each item an
entry: ``title``, ``date_published`` (``date_modified`` as the edit time), ``authors`` (or the
1.0 ``author``), ``tags`` as labels, ``content_html`` (or ``content_text``, ``summary``) as
paragraphs and captions. Item images (``image``, ``banner_image``) carry no caption text and
are left out.
"""

from __future__ import annotations

import json
import re
from typing import Any

from parsers.decode import load_json
from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff
from parsers.model import Author

_VERSION = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/[\d.]+"')


def _text(value: Any) -> str | None:
    from parsers.html_text import strip_tags

    return strip_tags(value) or None if isinstance(value, str) and value.strip() else None


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _authors(node: dict[str, Any]) -> list[Author]:
    from parsers.structured_authors import people

    found: list[Author] = []
    values = node.get("authors")
    if not isinstance(values, list):
        values = [node.get("author")]
    for value in values:
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            found += people(value["name"])
    return found


def _entry(item: dict[str, Any]) -> EntryDraft:
    from parsers.html_text import body_of, plain_paragraphs
    from parsers.isodates import parse_machine_date

    entry = EntryDraft(title=_text(item.get("title")))
    entry.url = _string(item.get("url")) or _string(item.get("external_url"))
    html, plain = item.get("content_html"), item.get("content_text")
    if isinstance(html, str) and html.strip():
        entry.body, entry.captions = body_of(html)
    elif isinstance(plain, str) and plain.strip():
        entry.body = plain_paragraphs(plain)
    elif isinstance(item.get("summary"), str):
        entry.body = plain_paragraphs(item["summary"])
    published = parse_machine_date(item.get("date_published"))
    modified = parse_machine_date(item.get("date_modified"))
    entry.published = published or modified
    if published is not None and modified is not None and modified.at != published.at:
        entry.updated = modified
    entry.authors = _authors(item)
    tags = item.get("tags")
    if isinstance(tags, list):
        entry.labels = [tag for tag in (_text(t) for t in tags) if tag]
    return entry


class JsonFeedFormat:
    """JSON Feed documents."""

    name = "jsonfeed"

    def sniff(self, text: str) -> Sniff | None:
        head = text[:2048]
        if not head.lstrip().startswith("{") or _VERSION.search(head) is None:
            return None
        return Sniff(0.95, "JSON document with a jsonfeed.org version")

    def parse(self, text: str) -> DocumentDraft:
        try:
            feed = load_json(text)
        except (ValueError, RecursionError) as exc:
            where = f" at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
            return DocumentDraft(problems=[f"the JSON feed is not valid JSON{where}"])
        if not isinstance(feed, dict):
            return DocumentDraft(problems=["the JSON feed is not a JSON object"])
        draft = DocumentDraft(
            title=_text(feed.get("title")),
            standfirst=_text(feed.get("description")),
            authors=_authors(feed),
            url=_string(feed.get("home_page_url")),
        )
        items = feed.get("items")
        if not isinstance(items, list):
            draft.problems.append("the JSON feed has no items list")
            return draft
        skipped = 0
        for item in items:
            if isinstance(item, dict):
                draft.entries.append(_entry(item))
            else:
                skipped += 1
        if skipped:
            noun = "item is" if skipped == 1 else "items are"
            draft.problems.append(f"{skipped} feed {noun} not a JSON object; skipped")
        return draft
