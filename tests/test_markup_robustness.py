"""Any text or bytes given to the feed and HTML handlers: no exception, no control characters."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.formats.feed import FeedFormat
from parsers.formats.html_page import HtmlPageFormat
from parsers.formats.json_feed import JsonFeedFormat
from parsers.formats.jsonld import JsonLdFormat
from parsers.model import Document
from parsers.read import parse_bytes

HANDLERS = (FeedFormat(), JsonFeedFormat(), JsonLdFormat(), HtmlPageFormat())
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

FRAGMENTS = st.sampled_from(
    [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<rss>",
        '<rss version="2.0">',
        "<channel>",
        "<item>",
        "</item>",
        "<title>",
        "</title>",
        "<description>",
        "</description>",
        "<pubDate>Tue, 05 Mar 2024 09:40:00 -0500</pubDate>",
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<entry>",
        "<author><name>Ann Lee</name></author>",
        '<content type="html">',
        "</content>",
        "<!DOCTYPE html>",
        "<html>",
        "<body>",
        "<p>",
        "</p>",
        "<figure>",
        "<figcaption>",
        '<img alt="A long alt text here">',
        "<script>",
        "</script>",
        '<script type="application/ld+json">',
        '{"@type": "LiveBlogPosting", "liveBlogUpdate": [',
        '{"headline": "H", "articleBody": "<b>x</b>", "datePublished": "2024-01-01T10:00:00Z"}',
        "]}",
        '{"version": "https://jsonfeed.org/version/1.1", "items": [',
        '{"title": "T", "content_html": "<p>x</p>"}',
        "&amp;",
        "&#x1b;[31m",
        "&#0;",
        "&#x9b;",
        "\x1b]8;;x\x07",
        "\x00",
        "\x85",
        "\r\n",
        "14.31 GMT",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        "\ufeff",
        "\u2028",
        "é",
        "🙂",
    ]
)
MARKUPISH = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map("".join)


def _fields(document: Document) -> list[str]:
    out = [document.title, document.kicker, document.standfirst, *document.key_points]
    out += [p.message for p in document.problems]
    out += [a.name for a in document.authors] + [a.role or "" for a in document.authors]
    for entry in document.entries:
        out += [entry.title, *entry.labels, *entry.body]
        out += [a.name for a in entry.authors] + [a.role or "" for a in entry.authors]
        out += [c.text for c in entry.captions] + [c.credit or "" for c in entry.captions]
        out += [c.alt or "" for c in entry.captions]
    return [field for field in out if field]


@settings(max_examples=60, deadline=None)
@given(MARKUPISH)
def test_markup_handlers_never_raise_on_text(text: str) -> None:
    for handler in HANDLERS:
        handler.sniff(text)
        handler.parse(text)


@settings(max_examples=60, deadline=None)
@given(st.one_of(MARKUPISH.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary()))
def test_forced_markup_formats_leave_no_control_characters(data: bytes) -> None:
    for handler in HANDLERS:
        document = parse_bytes(data, "x", handler.name)
        for field in _fields(document):
            assert CONTROL.search(field.replace("\n", "")) is None, field


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="<"), max_size=200))
def test_plain_text_is_never_claimed(text: str) -> None:
    for handler in HANDLERS:
        assert handler.sniff(text) is None
