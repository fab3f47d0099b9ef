"""Lines into blocks and paragraphs, the shape every text handler starts from."""

from __future__ import annotations

import re

from parsers.boilerplate import is_boilerplate
from parsers.bylines import _BYLINE_OPENERS as BYLINE_OPENERS
from parsers.bylines import is_person_name

BULLET_RE = re.compile(r"^\s*(?:[•●◦▪‣·*–-]|\d{1,2}[.)])\s+")
"""A bulleted or numbered list item."""

_SENTENCE_END = re.compile(r"[.!?…:;]['\"’”)\]]*$")


def byline_shaped(line: str) -> bool:
    """``By Jane Doe, role`` in any language the byline openers know, role or not."""
    if not line.startswith(BYLINE_OPENERS) or len(line) > 120:
        return False
    names = line.partition(",")[0].split(None, 1)[1:]
    return bool(names) and is_person_name(names[0])


def ends_sentence(text: str) -> bool:
    """True when text ends like a sentence (full stop, question mark... maybe quoted)."""
    return _SENTENCE_END.search(text.rstrip()) is not None


def blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (stripped), in order."""
    out: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _hard_wrapped(block: list[str]) -> bool:
    """True when a block looks like one paragraph wrapped at a fixed width."""
    if len(block) < 2:
        return False
    if len(block) == 2 and byline_shaped(block[1]):
        return False  # a headline over its byline (``Par Jane Doe, correspondante``)
    lengths = [len(line) for line in block[:-1]]
    shortest, longest = min(lengths), max(lengths)
    if shortest < 45 or longest > 100 or longest - shortest > 30:
        return False  # the cheap test first: most blocks are not even-width runs
    if all(ends_sentence(line) for line in block[:-1]):
        return False  # a wrap breaks sentences: these are one-sentence lines (and a caption)
    return not any(BULLET_RE.match(line) for line in block)


def paragraphs(block: list[str]) -> list[str]:
    """The paragraphs of one block: joined if hard-wrapped, else one per line.

    A chrome line closing the block (``Copy link`` under a post's last sentence) is never
    wrapped into the paragraph above it: it stays a line of its own, for the body filler to drop.
    """
    if _hard_wrapped(block):
        if is_boilerplate(block[-1]):
            return [*paragraphs(block[:-1]), block[-1]]
        return [" ".join(block)]
    return list(block)
