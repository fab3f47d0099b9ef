"""Text that is neither a live blog nor an article: source code, config files, lists of values.

A live blog or an article is written in sentences. A Python module, ``/etc/fstab`` or a
``key=value`` file is not: most of its lines are code, comments or settings, and little of it
reads as prose. Such a text is reported as a problem ("not a live blog or article") and gives no
entries, instead of becoming an "undated (no headline)" post.

The test reads a bounded window at the head of the text (so it costs the same on any size) and
stops as soon as enough prose has been seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.draft import DocumentDraft
from parsers.formats.base import Sniff

WINDOW = 8192
"""Characters read from the head of the text."""

_STRIP = ".,;:!?…\"'“”‘’„«»()[]-–—*"
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "’", "»", ")")
_COMMENT_STARTS = ("#", "//", "/*", "--", ";", "%", "!", "<!--", "@", "$ ", ".\\\"")
_CODE_ENDS = ("{", "}", ";", "(", "[", "\\", "=", ",\\", "*/", "-->", "/>", ">", "):", "->")
_CODE_ANYWHERE = re.compile(r" # | = |==|!=|&&|\|\||\t|   |\(\);|<|/>|\w\((?!\d{1,2}\))")
"""Code anywhere on a line: operators, inline comments, aligned columns, ``name(`` calls (not
a man-page section such as ``ls(1)``). Alternatives of fixed text: linear time."""
_FIRST_TOKEN_CODE = re.compile(r"(?<!\S)[^\s]*?(?:=|\{|\}|->|::|_|/|<|>|\$|\()")
"""A first token holding code marks: ``key=value``, ``set_x``, ``/path``, ``$VAR``, ``f(``."""

_ADDRESS = re.compile(r"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")


@dataclass(frozen=True, slots=True)
class Shape:
    """What the head of a text is made of, line by line (blank lines aside)."""

    lines: int
    """Non-blank lines read."""
    prose: int
    """Lines that read as running text (mostly words)."""
    sentences: int
    """Prose lines that end like a sentence or run to eight words and more."""
    code: int
    """Lines of code, comments, settings or table rows."""
    prose_chars: int
    """Characters of the prose lines."""
    chars: int
    """Characters of all the lines read."""

    def verdict(self) -> str | None:
        """Why this is not a live blog or article, or None when it may be one."""
        if self.code == 0 and self.lines < 8:
            return None  # a few words with nothing code-like: too little to judge
        if self.sentences == 0:
            return "no sentences"
        if self.prose_chars * 4 < self.chars and (
            self.code * 10 >= self.lines * 4 or self.prose * 10 <= self.lines
        ):
            return f"{self.lines - self.prose} of {self.lines} lines are code, settings or lists"
        return None

    def strong(self) -> bool:
        """True when hardly anything reads as prose (then no other layout's claim stands)."""
        return self.prose_chars * 7 < self.chars and self.prose * 10 <= self.lines


def _word(token: str) -> bool:
    core = token.strip(_STRIP)
    if not core:
        return False
    if core.isalpha():
        return True
    if "'" in core or "’" in core or "-" in core:
        return core.replace("'", "").replace("’", "").replace("-", "").isalpha()
    return core.replace(",", "").replace(".", "").replace("%", "").isdigit()


def _words(line: str) -> tuple[int, int]:
    """How many of the first twelve tokens are words, and how many tokens were read."""
    tokens = line.split(None, 12)[:12]
    return sum(map(_word, tokens)), len(tokens)


def _is_code(line: str) -> bool:
    """A comment, a setting, a statement or a row of a table."""
    if line.startswith(_COMMENT_STARTS) or line.endswith(_CODE_ENDS):
        return True
    if _CODE_ANYWHERE.search(line) is not None:
        return True
    if line[0].islower() and line.endswith(":"):
        return True  # ``if x:``
    return _FIRST_TOKEN_CODE.match(line) is not None


def _is_setting(line: str) -> bool:
    """A line that is not prose and holds a URL, a path, an IP address or ``Key: value``."""
    if "://" in line or " /" in line or _ADDRESS.search(line) is not None:
        return True
    first, _, rest = line.partition(" ")
    return first.endswith(":") and len(rest.split()) <= 3


def shape(text: str) -> Shape:
    """Measure the head of ``text``; stops early once it is clearly prose."""
    head = text[:WINDOW]
    window = len(head)
    lines = prose = sentences = code = prose_chars = chars = 0
    after_prose = False
    for raw in head.split("\n"):
        line = raw.strip()
        if not line:
            after_prose = False
            continue
        lines += 1
        chars += len(line)
        if _is_code(line):
            code += 1
            after_prose = False
            continue
        if line[0].islower() and not after_prose:
            code += _is_setting(line)
            continue  # a table row or a setting; a wrapped sentence continues a prose line
        words, tokens = _words(line)
        # Three words in four; one in two for a capitalised line with a closing full stop.
        share = 2 if line[0].isupper() and line.endswith(_SENTENCE_ENDS) else 4 / 3
        after_prose = tokens >= 4 and words * share >= tokens
        if not after_prose:
            code += _is_setting(line)
            continue
        prose += 1
        prose_chars += len(line)
        if tokens >= 8 or line.endswith(_SENTENCE_ENDS):
            sentences += 1
            if sentences >= 3 and (
                prose_chars * 3 >= window or (code * 10 < lines and prose * 2 >= lines)
            ):
                break  # clearly running text: the rest of the head cannot turn the verdict
    return Shape(lines, prose, sentences, code, prose_chars, chars)


def _plainly_prose(head: str) -> bool:
    """Many sentence ends and hardly any code punctuation: running text (a cheap first test)."""
    if head.count(". ") < 10:
        return False
    return head.count("=") + head.count("{") + head.count(";") + head.count("#") < 4


def _markup(text: str) -> bool:
    """An XML or HTML document (the markup handlers claim the ones they can read)."""
    head = text[:1000].lstrip()[:200].lower()
    return head.startswith("<") and ("<html" in head or "<?xml" in head or "<!doctype" in head)


class UnstructuredFormat:
    """Claims text with no live-blog or article structure, to report it instead of parsing it."""

    name = "unstructured"

    def sniff(self, text: str) -> Sniff | None:
        if _markup(text):
            return Sniff(0.06, "not a live blog or article: markup that no markup handler reads")
        if _plainly_prose(text[:4096]):
            return None
        measured = shape(text)
        reason = measured.verdict()
        if reason is None:
            return None
        # Above the fallback always; above the text layouts when hardly anything is prose.
        # Markup and JSON keep the low claim: their own handlers outbid it when they read them.
        head = "".join(text[:1000].lstrip()[:40].split())[:2]
        json = head[:1] == "{" or head in ("[{", '["', "[[")
        score = 0.92 if measured.strong() and not json else 0.06
        return Sniff(score, f"not a live blog or article: {reason}")

    def parse(self, text: str) -> DocumentDraft:
        if _markup(text):
            reason = "markup that no markup handler reads"
        else:
            reason = shape(text).verdict() or "no live-blog or article structure"
        return DocumentDraft(problems=[f"not a live blog or article ({reason})"])
