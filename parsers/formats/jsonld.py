"""HTML pages carrying a schema.org ``LiveBlogPosting`` in ``application/ld+json`` blocks.

Every ld+json block is read; a block that is not valid JSON is skipped with a problem and the
rest are kept. The ``LiveBlogPosting`` may sit at the top, inside ``@graph`` or in nested
arrays; its ``headline``/``description`` are the document's title/standfirst and each of its
``liveBlogUpdate`` items (``BlogPosting``, ``NewsArticle``...) is an entry: headline,
``datePublished``, ``dateModified`` (as the edit time), people (``Organization`` authors are not
people) and ``articleBody`` as plain paragraphs. A page whose LiveBlogPosting has no updates is
read as an ordinary HTML page. A bare JSON-LD document (``.json``) is read the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from parsers.decode import load_json
from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff
from parsers.formats.html_page import HtmlPageFormat, html_signature
from parsers.model import Author, Caption

_SCRIPT = re.compile(
    r"<script\b[^>]*?type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL,
)
_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!\[CDATA\[|<!--)|(?://\s*)?(?:\]\]>|-->)\s*$")
_MAX_DEPTH = 40
_ELLIPSIS = ("…", "...")


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type")
    if isinstance(kind, str):
        return [kind.rsplit("/", 1)[-1].rsplit(":", 1)[-1]]
    if isinstance(kind, list):
        return [k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kind if isinstance(k, str)]
    return []


def _walk(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every object in a JSON value, outermost first (``@graph`` and arrays included)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _walk(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value, depth + 1)


def _flatten(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """The objects of a value that may be one object or (nested) arrays of them."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, dict):
        yield node
    elif isinstance(node, list):
        for value in node:
            yield from _flatten(value, depth + 1)


def _string(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, list):
        return next((v for v in value if isinstance(v, str) and v.strip()), None)
    return None


def _line(value: Any) -> str | None:
    from parsers.html_text import strip_tags

    text = _string(value)
    return strip_tags(text) or None if text else None


def _authors(value: Any) -> list[Author]:
    from parsers.structured_authors import is_organisation, people

    found: list[Author] = []
    if isinstance(value, str):
        return people(value)
    for node in _flatten(value):
        name = _line(node.get("name"))
        if not name:
            continue
        kinds = _types(node)
        if kinds and "Person" not in kinds:
            continue
        if not kinds and is_organisation(name):
            continue
        role = _line(node.get("jobTitle"))
        if kinds:
            found.append(Author(name, role))
        else:
            found += [Author(p.name, role or p.role) for p in people(name)]
    return found


def _captions(value: Any) -> list[Caption]:
    from parsers.html_text import split_credit

    captions = []
    for node in _flatten(value):
        text = _line(node.get("caption")) or _line(node.get("description"))
        if not text:
            continue
        credit = _line(node.get("creditText")) or _line(node.get("copyrightNotice"))
        if credit is None:
            text, credit = split_credit(text)
        captions.append(Caption(text, credit))
    return captions


def _entry(node: dict[str, Any]) -> EntryDraft:
    from parsers.html_text import body_of
    from parsers.isodates import parse_machine_date

    body_text = _string(node.get("articleBody")) or _string(node.get("text")) or ""
    body, captions = body_of(body_text)
    title = _line(node.get("headline")) or _line(node.get("name"))
    if title and title.endswith(_ELLIPSIS) and body:
        stem = title.rstrip(".…").strip()
        if body[0].startswith(stem):  # a generated "first ten words…" headline, not a title
            title = None
    entry = EntryDraft(title=title, body=body, url=_link(node))
    entry.published = parse_machine_date(_string(node.get("datePublished")))
    modified = parse_machine_date(_string(node.get("dateModified")))
    if entry.published is None:
        entry.published = modified
    elif modified is not None and modified.at != entry.published.at:
        entry.updated = modified
    entry.authors = _authors(node.get("author"))
    entry.captions = captions + _captions(node.get("image"))
    entry.captions += _captions(node.get("associatedMedia"))
    return entry


def _link(node: dict[str, Any]) -> str | None:
    """``url``, else ``@id`` when that is an address (absolute, or an anchor on the page)."""
    url = _string(node.get("url"))
    if url:
        return url
    ident = _string(node.get("@id"))
    if ident and ident.strip().lower().startswith(("http://", "https://", "#")):
        return ident
    return None


def _update_key(node: dict[str, Any]) -> str:
    ident = _string(node.get("@id")) or _string(node.get("url"))
    if ident:
        return ident
    return json.dumps(
        [node.get("datePublished"), node.get("headline"), str(node.get("articleBody"))[:200]],
        default=str,
    )


def _blocks(text: str, problems: list[str]) -> list[Any]:
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        raw = [stripped]
    else:
        raw = [m.group(1) for m in _SCRIPT.finditer(text)]
    values = []
    for number, block in enumerate(raw, start=1):
        block = _WRAPPERS.sub("", block.strip())
        if not block.strip():
            continue
        try:
            values.append(load_json(block))
        except (ValueError, RecursionError) as exc:
            where = (
                f" at line {exc.lineno}, column {exc.colno}"
                if isinstance(exc, json.JSONDecodeError)
                else ""
            )
            problems.append(f"ld+json block {number} is not valid JSON{where}: skipped")
    return values


def _looks_like_json_ld(text: str) -> bool:
    head = text[:4096]
    return head.lstrip()[:1] in ("{", "[") and ('"@context"' in head or '"@type"' in head)


def _page_is_fuller(page: DocumentDraft, data: DocumentDraft) -> bool:
    """True when the page text holds clearly more timed posts than the structured data.

    Some pages list only their latest few updates in ld+json while showing many more.
    """
    if not data.entries:
        return True
    timed = sum(1 for entry in page.entries if entry.published is not None)
    return timed >= len(data.entries) + 2


class JsonLdFormat:
    """Pages (or JSON-LD documents) with a schema.org LiveBlogPosting."""

    name = "jsonld"

    def sniff(self, text: str) -> Sniff | None:
        if "LiveBlogPosting" not in text:
            return None
        page = html_signature(text)
        if page is not None and "application/ld+json" in text:
            return Sniff(0.97, f"{page} with a schema.org LiveBlogPosting in ld+json")
        if page is None and _looks_like_json_ld(text):
            return Sniff(0.97, "JSON-LD document with a schema.org LiveBlogPosting")
        return None

    def parse(self, text: str) -> DocumentDraft:
        from parsers.isodates import parse_machine_date

        problems: list[str] = []
        blogs = [
            node
            for value in _blocks(text, problems)
            for node in _walk(value)
            if "LiveBlogPosting" in _types(node)
        ]
        draft = DocumentDraft()
        seen: set[str] = set()
        for blog in blogs:
            draft.title = draft.title or _line(blog.get("headline")) or _line(blog.get("name"))
            draft.standfirst = draft.standfirst or _line(blog.get("description"))
            draft.url = draft.url or _link(blog)
            draft.authors = draft.authors or _authors(blog.get("author"))
            draft.published = draft.published or parse_machine_date(
                _string(blog.get("datePublished")) or _string(blog.get("coverageStartTime"))
            )
            for update in _flatten(blog.get("liveBlogUpdate")):
                key = _update_key(update)
                if key in seen:
                    continue
                seen.add(key)
                draft.entries.append(_entry(update))
        if html_signature(text) is not None:
            page = HtmlPageFormat().parse(text)
            if _page_is_fuller(page, draft):
                page.title = draft.title or page.title
                page.standfirst = draft.standfirst or page.standfirst
                page.authors = draft.authors or page.authors
                page.published = draft.published or page.published
                page.url = draft.url or page.url
                page.problems[:0] = problems
                if draft.entries:
                    page.problems.append(
                        f"the page shows more posts than its LiveBlogPosting data lists "
                        f"({len(draft.entries)}); read from the page text instead"
                    )
                return page
            draft.url = draft.url or page.url
        if not blogs:
            problems.append("no readable LiveBlogPosting found")
        draft.problems += problems
        return draft
