"""The page head is the document's header: title, kicker, standfirst; chrome is dropped.

What stands above a page's first separator (once bylines, dates, captions and boilerplate are
taken out) is, in order: site chrome (``Skip to main content``, ``Menu``, the outlet's name),
maybe a kicker, the headline, maybe a standfirst, then captions, alt texts, counters. It
becomes a post only when it holds post text: a paragraph that reads as prose. Then the
post starts at that paragraph; the short lines before it are chrome.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.blocks import ends_sentence

_SHORT_CHARS = 24
_SHORT_WORDS = 4
_PROSE_WORDS = 12
"""Words a sentence needs to count as post text (a caption or a counter has fewer)."""


@dataclass(slots=True)
class PageHead:
    """The header fields read from the lines above the first entry."""

    title: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    intro: list[str] = field(default_factory=list)
    """Post text above the first separator: the page's untimed opening post."""
    dropped: list[str] = field(default_factory=list)
    """Chrome, captions and counters that are neither header field nor post text."""


def _short(line: str) -> bool:
    return len(line) <= _SHORT_CHARS and len(line.split()) <= _SHORT_WORDS and not ends_sentence(
        line
    )


def is_chrome(line: str) -> bool:
    """Blank, or a short line that is no sentence (``Share``, ``Comments 112``)."""
    return not line or _short(line)


def is_post_text(line: str) -> bool:
    """A line that reads as a paragraph of prose (ends a sentence, has enough words)."""
    return ends_sentence(line) and len(line.split()) >= _PROSE_WORDS


def split_head(lines: list[str], has_kicker: bool) -> PageHead:
    """Title, kicker, standfirst, post text and chrome from the page head's leftover lines.

    A run of two or more short lines before a longer headline is chrome, its last line the
    kicker; one short line before it stays the title, as a page with no chrome prints it.
    """
    head = PageHead()
    rest = list(lines)
    run = 0
    while run < len(rest) and _short(rest[run]):
        run += 1
    if 2 <= run < len(rest) and not ends_sentence(rest[run]):
        head.dropped += rest[: run - 1]
        if has_kicker:
            head.dropped.append(rest[run - 1])
        else:
            head.kicker = rest[run - 1]
        rest = rest[run:]
    if rest:
        head.title = rest.pop(0)
    if rest and (len(rest[0]) > 40 or ends_sentence(rest[0])):
        head.standfirst = rest.pop(0)
    start = next((i for i, line in enumerate(rest) if is_post_text(line)), len(rest))
    head.dropped += rest[:start]
    head.intro = rest[start:]
    return head
