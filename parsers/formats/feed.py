"""RSS 0.9x/1.0/2.0 and Atom feeds, read with feedparser: one entry per item.

The feed itself is the document (title, subtitle as standfirst, feed-level authors). Each item
gives its title, published time (or updated time) in the zone the feed printed, its people
(``author``, ``dc:creator``, several Atom authors; organisations left out), labels from its
categories, and its HTML content as plain paragraphs and captions. An item that carries a whole
live blog (many stamped blocks) is split into those blocks by the text handlers. A malformed
feed gives what feedparser could still read, plus a problem line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff
from parsers.formats.headlines import HeadlinesFormat
from parsers.formats.html_page import HEAD_CHARS, text_handler
from parsers.model import Author, Timestamp

if TYPE_CHECKING:
    from feedparser import FeedParserDict

_PROLOGUE = re.compile(
    r"^\s*(?:<\?[^>]*\?>\s*|<!--(?:(?!-->).)*-->\s*|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>\s*)*"
    r"<([A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]",
    re.DOTALL,
)
_XML_ENCODING = re.compile(r"(<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")
_CONTINUE = re.compile(r"^(?:Continue reading|Read more|Read the full story)\b.{0,20}$", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()

SPLIT_MIN_CHARS = 400
"""Items with less text than this are never tried as a whole live blog."""

PARTS_MIN_CHARS = 1 << 20
"""Feeds at least this long are read in two steps by :meth:`FeedFormat.parse_parts`."""
FIRST_ITEMS = 40
"""Items in the first step (more than a screen shows)."""
PART_CHARS = 16 << 10
"""The first step reads the document this much at a time until it has those items."""


def feed_signature(text: str) -> str | None:
    """The root element when the head of ``text`` is an RSS/Atom/RDF document, else None."""
    head = text[:HEAD_CHARS]
    if "<" not in head:
        return None
    match = _PROLOGUE.match(head)
    if match is None:
        return None
    prefix, root = match.group(1) or "", match.group(2)
    if root == "RDF" and not prefix:
        return None
    return f"{prefix}{root}"


def _value(mapping: Any, key: str) -> Any:
    """``mapping[key]`` without feedparser's deprecated ``updated``-to-``published`` fallback."""
    return dict.get(mapping, key) if isinstance(mapping, dict) else None


def _text_of(detail: Any, value: Any) -> str | None:
    """A one-line field (title, subtitle) as plain text, whatever type the feed gave it."""
    if not isinstance(value, str) or not value.strip():
        return None
    kind = _value(detail, "type") or ""
    if kind in _HTML_TYPES or "<" in value or "&" in value:
        from parsers.html_text import strip_tags

        return strip_tags(value) or None
    return " ".join(value.split())


def _link(node: Any) -> str | None:
    """An item's (or the feed's) ``<link>``: the alternate page, else its first link."""
    link = _value(node, "link")
    return link if isinstance(link, str) and link.strip() else None


def _stamp(item: Any, key: str) -> Timestamp | None:
    from parsers.isodates import from_struct_time, parse_machine_date

    raw = _value(item, key)
    stamp = parse_machine_date(raw)
    if stamp is None:
        parsed = f"{key}_parsed"
        if isinstance(item, dict) and parsed not in item and isinstance(raw, str):
            from feedparser.datetimes import _parse_date  # the fast reader leaves it to here

            stamp = from_struct_time(_parse_date(raw))
        else:
            stamp = from_struct_time(_value(item, parsed))
    return stamp


@lru_cache(maxsize=1024)
def _people(name: str) -> tuple[Author, ...]:
    """The people a byline names (a feed repeats its few bylines: read once each)."""
    from parsers.structured_authors import people

    return tuple(people(name))


@lru_cache(maxsize=1024)
def _label(term: str) -> str:
    from parsers.html_text import strip_tags

    return strip_tags(term)


def _authors(item: Any) -> list[Author]:
    found: list[Author] = []
    details = _value(item, "authors")
    if isinstance(details, list):
        for detail in details:
            name = _value(detail, "name")
            if isinstance(name, str):
                found += _people(name)
    if not found:
        author = _value(item, "author")
        if isinstance(author, str):
            found = list(_people(author))
    return found


def _labels(item: Any) -> list[str]:
    labels = []
    tags = _value(item, "tags")
    if isinstance(tags, list):
        for tag in tags:
            term = _value(tag, "label") or _value(tag, "term")
            if isinstance(term, str) and term.strip():
                labels.append(_label(term))
    return labels


def _content(item: Any) -> tuple[str, bool]:
    """The richest body an item has (content over summary) and whether it is HTML."""
    best, best_is_html = "", False
    contents = _value(item, "content")
    candidates: list[tuple[str, str]] = []
    if isinstance(contents, list):
        for part in contents:
            value = _value(part, "value")
            if isinstance(value, str):
                candidates.append((value, _value(part, "type") or ""))
    summary = _value(item, "summary")
    if isinstance(summary, str):
        candidates.append((summary, _value(_value(item, "summary_detail"), "type") or "text/html"))
    for value, kind in candidates:
        if len(value.strip()) > len(best.strip()):
            best, best_is_html = value, kind in _HTML_TYPES or kind == ""
    return best, best_is_html


def _entry(item: Any, dropped: list[str]) -> tuple[EntryDraft, str]:
    from parsers.html_text import body_of, html_to_text

    entry = EntryDraft(title=_text_of(_value(item, "title_detail"), _value(item, "title")))
    entry.url = _link(item)
    published = _stamp(item, "published")
    updated = _stamp(item, "updated")
    entry.published = published or updated
    if published is not None and updated is not None and updated.at != published.at:
        entry.updated = updated
    entry.authors = _authors(item)
    entry.labels = _labels(item)
    content, is_html = _content(item)
    if is_html:
        converted = html_to_text(content)
        entry.body, entry.captions = converted.paragraphs, converted.captions
        plain = converted.text()
    else:
        entry.body, entry.captions = body_of(content)
        plain = "\n\n".join(entry.body)
    while entry.body and _CONTINUE.match(entry.body[-1]):
        line = entry.body.pop()
        dropped.append(line)
        end = plain.rstrip()
        if end.endswith(line):
            plain = end[: -len(line)]
    return entry, plain


def _split_live_blog(plain: str, item: EntryDraft) -> DocumentDraft | None:
    """The item's own entries when its text is a whole stamped live blog, else None.

    The item's title and date are put above its text, as a saved page would show them, so
    the text handlers can date time-only stamps (``16.05 BST``) from that header.
    """
    if len(plain) < SPLIT_MIN_CHARS:
        return None
    header = [item.title or ""]
    if item.published is not None:
        at = item.published.at
        header.append(f"{_DAYS[at.weekday()]} {at.day} {_MONTHS[at.month - 1]} {at.year}")
    text = "\n\n".join([*filter(None, header), plain])
    handler = text_handler(text)
    if handler is None or handler.name == HeadlinesFormat.name:
        return None  # headline-split posts carry no times of their own: never two stamped
    try:
        draft = handler.parse(text)
    except Exception:  # noqa: BLE001 - the item stays one entry
        return None
    draft.dropped = [line for line in draft.dropped if line not in header]
    draft.key_points = [line for line in draft.key_points if line not in header]
    stamped = sum(1 for e in draft.entries if e.published is not None)
    if len(draft.entries) > 1 and stamped > 1:
        return draft
    return None


_ITEM_START = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s>]")
_TAG = re.compile(r"<(/?)([A-Za-z_][\w:.-]*)[^<>]*?(/?)>")
_CDATA = re.compile(r"<!\[CDATA\[.*?\]\]>", re.DOTALL)


def _close_unclosed(chunk: str) -> str:
    """Close the elements an item left open: just before the item's own end tag, or, for an
    item never closed, before the end tag of the element around it (or at the chunk's end)."""
    scan = _CDATA.sub(lambda m: " " * len(m.group(0)), chunk)
    stack: list[tuple[str, int]] = []
    for match in _TAG.finditer(scan):
        closing, name, empty = match.group(1), match.group(2), match.group(3)
        if empty:
            continue
        if not closing:
            stack.append((name, match.start()))
            continue
        names = [n for n, _ in stack]
        if name not in names:
            if stack and match.group(0).startswith("</"):  # closes what holds the item
                closers = "".join(f"</{n}>" for n, _ in reversed(stack))
                return chunk[: match.start()] + closers + chunk[match.start() :]
            continue
        depth = len(names) - 1 - names[::-1].index(name)
        if depth == 0 and name.rsplit(":", 1)[-1] in ("item", "entry"):
            closers = "".join(f"</{n}>" for n, _ in reversed(stack[1:]))
            return chunk[: match.start()] + closers + chunk[match.start() :]
        del stack[depth:]
    return chunk + "".join(f"</{n}>" for n, _ in reversed(stack))


def _salvage(text: str) -> FeedParserDict | None:
    """Read a broken feed again with every item's open elements closed: one more pass, so
    one bad item cannot swallow the others (and salvage costs one parse, not one per item)."""
    starts = [m.start() for m in _ITEM_START.finditer(text)]
    if not starts:
        return None
    bounds = [*starts[1:], len(text)]
    pieces = [text[: starts[0]]]
    pieces += [_close_unclosed(text[start:end]) for start, end in zip(starts, bounds, strict=True)]
    return _feedparser("".join(pieces))


_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9A-Fa-f]{1,8})|0*([0-9]{1,10}));|&#[xX]?[0-9A-Fa-f]{9,};")


def _xml_char(code: int) -> bool:
    """True for a code point XML 1.0 lets a character reference name."""
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _fix_reference(match: re.Match[str]) -> str:
    hexa, decimal = match.group(1), match.group(2)
    if hexa is None and decimal is None:
        return "&#xFFFD;"  # more digits than any character has
    code = int(hexa, 16) if hexa is not None else int(decimal)
    return match.group(0) if _xml_char(code) else "&#xFFFD;"


def repair_references(text: str) -> tuple[str, int]:
    """Character references to no character (a surrogate, past U+10FFFF, a control XML
    forbids) become U+FFFD, so one bad reference cannot stop the whole feed being read.

    Returns the text and how many references were replaced."""
    if "&#" not in text:
        return text, 0
    fixed = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal fixed
        out = _fix_reference(match)
        fixed += out != match.group(0)
        return out

    return _REFERENCE.sub(fix, text), fixed


def _read(text: str) -> dict[str, Any]:
    """The feed as feedparser reads it: by the fast reader when the document is plain enough
    for it (:mod:`parsers.formats.feed_fast`), else by feedparser itself."""
    from parsers.formats.feed_fast import read_fast

    fast = read_fast(_bytes_for_feedparser(text))
    return fast if fast is not None else _feedparser(text)


def _feedparser(text: str) -> FeedParserDict:
    import feedparser  # imported on first use: it costs ~60 ms at start-up

    return feedparser.parse(
        io.BytesIO(_bytes_for_feedparser(text)),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        resolve_relative_uris=False,
        sanitize_html=False,  # the HTML is reduced to plain text by parsers.html_text
    )


def _richness(parsed: dict[str, Any]) -> tuple[int, int]:
    entries = parsed.get("entries") or []
    return len(entries), sum(len(_content(item)[0]) for item in entries)


def _bytes_for_feedparser(text: str) -> bytes:
    """The text as UTF-8 bytes whose XML declaration says so (the text is already decoded)."""
    return _XML_ENCODING.sub(r"\1\2utf-8\2", text[:400], count=1).encode(
        "utf-8", "replace"
    ) + text[400:].encode("utf-8", "replace")


class FeedFormat:
    """RSS and Atom feeds."""

    name = "feed"

    def sniff(self, text: str) -> Sniff | None:
        root = feed_signature(text)
        if root is None:
            return None
        return Sniff(0.95, f"XML document whose root element is <{root}>")

    def parse(self, text: str) -> DocumentDraft:
        text, repaired = repair_references(text)
        return self._whole(text, _read(text), repaired)

    def parse_parts(self, text: str) -> Iterator[tuple[DocumentDraft, bool]]:
        """:meth:`parse`'s draft, preceded, for a large well-formed feed, by a draft of its
        first items (read before the rest of the document, so they can be shown at once);
        each with whether it is the whole document's."""
        text, repaired = repair_references(text)
        if len(text) < PARTS_MIN_CHARS:
            yield self._whole(text, _read(text), repaired), True
            return
        from parsers.formats.feed_fast import FastRead

        read = FastRead()
        read.feed(_bytes_for_feedparser(text[:PART_CHARS]))  # its head names the encoding
        offset = PART_CHARS
        while offset < len(text) and not read.failed and read.items < FIRST_ITEMS:
            read.feed(text[offset : offset + PART_CHARS].encode("utf-8", "replace"))
            offset += PART_CHARS
        if not read.failed and read.items > 1 and offset < len(text):
            yield self._draft(read.so_far(), None, repaired, partial=True), False
        read.feed(text[offset:].encode("utf-8", "replace"), final=True)
        fast = read.result()
        yield self._whole(text, fast if fast is not None else _feedparser(text), repaired), True

    def _whole(self, text: str, parsed: dict[str, Any], repaired: int) -> DocumentDraft:
        from xml.sax import SAXParseException

        exception = parsed.get("bozo_exception") if parsed.get("bozo") else None
        problem = _bozo_message(exception) if exception is not None else None
        if isinstance(exception, SAXParseException):
            salvaged = _salvage(text)
            if salvaged is not None and _richness(salvaged) > _richness(parsed):
                parsed = salvaged
                problem = f"{problem or 'the feed is not well-formed'} (read item by item)"
        return self._draft(parsed, problem, repaired)

    def _draft(
        self, parsed: dict[str, Any], problem: str | None, repaired: int, partial: bool = False
    ) -> DocumentDraft:
        """The draft of feedparser's result (``partial``: of the first items of a feed)."""
        feed = parsed.get("feed", {})
        draft = DocumentDraft(
            title=_text_of(_value(feed, "title_detail"), _value(feed, "title")),
            standfirst=_text_of(_value(feed, "subtitle_detail"), _value(feed, "subtitle")),
            authors=_authors(feed),
            published=_stamp(feed, "published") or _stamp(feed, "updated"),
            url=_link(feed),
        )
        if problem:
            draft.problems.append(problem)
        if repaired:
            draft.problems.append(
                f"{repaired} character reference{'s' if repaired > 1 else ''} to no character"
                " (read as U+FFFD)"
            )
        items = parsed.get("entries") or []
        for item in items:
            entry, plain = _entry(item, draft.dropped)
            blog = _split_live_blog(plain, entry)
            if blog is None:
                draft.entries.append(entry)
                continue
            for part in blog.entries:  # the item's categories describe every block of it
                part.labels += [label for label in entry.labels if label not in part.labels]
                part.url = part.url or entry.url
            draft.entries += blog.entries
            draft.dropped += blog.dropped
            draft.problems += blog.problems
            draft.authors += entry.authors + blog.authors
            if len(items) == 1 and not partial:  # the feed is this one live blog: it leads
                draft.kicker, draft.title = draft.title, entry.title or blog.title or draft.title
                draft.standfirst = blog.standfirst or draft.standfirst
                draft.published = entry.published or blog.published or draft.published
                draft.url = entry.url or draft.url
            draft.key_points += blog.key_points
        if not items and not draft.problems:
            draft.problems.append("the feed has no items")
        return draft


_HARMLESS = ("CharacterEncodingOverride", "NonXMLContentType")
"""feedparser's complaints about transport details that do not affect what is read."""


def _bozo_message(exception: object) -> str | None:
    """A problem line for feedparser's bozo exception, or None when it is harmless."""
    if type(exception).__name__ in _HARMLESS:
        return None
    detail = str(exception or "")
    where = ""
    try:
        message = getattr(exception, "getMessage", None)
        line = getattr(exception, "getLineNumber", None)
        column = getattr(exception, "getColumnNumber", None)
        if callable(message) and callable(line) and callable(column):
            detail, where = str(message()), f" at line {line()}, column {column()}"
    except Exception:  # noqa: BLE001 - the position is a nicety
        where = ""
    detail = " ".join(detail.split())[:200]
    reason = f" ({detail})" if detail else ""
    return f"the feed is not well-formed{where}{reason}; showing what could be read"
