"""The ordered set of format handlers. Adding a format is adding a module and a line here.

Detection asks every handler to sniff the text and picks the highest score; on a tie the
earlier handler wins. ``headlines`` is the fallback and always claims a little;
``unstructured`` claims text with no sentences (code, settings) to report it, not parse it.
"""

from __future__ import annotations

from parsers.formats.base import FormatHandler
from parsers.formats.feed import FeedFormat
from parsers.formats.headlines import HeadlinesFormat
from parsers.formats.html_page import HtmlPageFormat
from parsers.formats.json_feed import JsonFeedFormat
from parsers.formats.jsonld import JsonLdFormat
from parsers.formats.numbered import NumberedFormat
from parsers.formats.stamped import StampedFormat
from parsers.formats.unstructured import UnstructuredFormat

FORMATS: tuple[FormatHandler, ...] = (
    FeedFormat(),
    JsonFeedFormat(),
    JsonLdFormat(),
    HtmlPageFormat(),
    NumberedFormat(),
    StampedFormat(),
    UnstructuredFormat(),
    HeadlinesFormat(),
)


def names() -> list[str]:
    """The names accepted by ``--format``."""
    return [handler.name for handler in FORMATS]


def by_name(name: str) -> FormatHandler:
    """The handler called ``name``; raises ``KeyError`` for an unknown name."""
    for handler in FORMATS:
        if handler.name == name:
            return handler
    raise KeyError(name)
