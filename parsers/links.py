"""Entry and page addresses: clean a URL the source gave, find one a saved text names.

Only absolute ``http``/``https`` addresses are kept (a reader opens them in a browser, so
``javascript:`` or ``file:`` links are dropped); a relative link is resolved against the
page's own address when there is one. Every pattern here reads one bounded line.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsers.decode import clean_line

MAX_URL_CHARS = 2048
"""Longer values are not addresses anyone saved on purpose."""

HEAD_LINES = 40
"""How many leading non-empty lines of a text page are searched for its address."""

_NAMED = re.compile(
    r"(?:(?:url|source|link|permalink|address|saved from|original(?: url)?)\s*:\s*)?"
    r"<?(https?://[^\s<>\"]+)>?",
    re.IGNORECASE,
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d{1,5}\)(https?://[^\s>]{1,2048}?)\s*-->", re.I)


def clean_url(value: object, base: str | None = None) -> str | None:
    """``value`` as an absolute http(s) URL without control characters, or None.

    A relative reference (``#post-12``, ``/live/1``) is resolved against ``base``; without a
    base it is dropped.
    """
    if not isinstance(value, str):
        return None
    text = clean_line(value[: MAX_URL_CHARS + 1])
    if not text or len(text) > MAX_URL_CHARS or any(c.isspace() for c in text):
        return None
    if base is not None and not _absolute(text):
        try:
            text = urljoin(base, text)
        except ValueError:
            return None
    return text if _absolute(text) else None


def _absolute(text: str) -> bool:
    try:
        parts = urlsplit(text)
    except ValueError:  # a malformed IPv6 host, say
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def url_in_line(line: str) -> str | None:
    """The address a line names, when the line is nothing else: a bare ``https://…``, or
    ``URL: …``, ``Source: …``, ``Link: …``, ``Saved from: …`` followed by one."""
    line = line.strip()
    if len(line) > MAX_URL_CHARS + 40:
        return None
    match = _NAMED.fullmatch(line)
    return clean_url(match.group(1)) if match else None


def url_in_text_head(text: str) -> str | None:
    """The page address a saved text names in its first :data:`HEAD_LINES` lines, if any."""
    seen = 0
    start = 0
    while seen < HEAD_LINES and start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        start = end + 1
        if not line.strip():
            continue
        seen += 1
        if "http" in line:
            found = url_in_line(line)
            if found:
                return found
    return None


def saved_from_url(html_head: str) -> str | None:
    """The address in a browser's ``<!-- saved from url=(0042)https://… -->`` comment."""
    match = _SAVED_FROM.search(html_head)
    return clean_url(match.group(1)) if match else None
