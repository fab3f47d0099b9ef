"""Where a headline ends and its body begins when only letter case tells them apart.

``14:31 Ferries Halted at Outer Pier The harbour master stopped…``: a Title-Case headline
run, then a sentence. The split word (``The``) must be one the page also prints in lower case
(a common word, not a name: ``Prime Minister Jonas Hale said…`` is one sentence, because
``hale`` never appears in lower case). The page's own words are the dictionary.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_SMALL = 3
"""Lower-case words this short (``of``, ``at``, ``the``) may stand inside a Title-Case run."""
_MIN_HEADLINE_WORDS = 2


class PageWords:
    """The words a page prints in lower case, read once on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lower: set[str] | None = None

    def has_lower(self, word: str) -> bool:
        """True when the page prints ``word`` in lower case somewhere."""
        if self._lower is None:
            self._lower = {w for w in _WORD.findall(self._text) if w.islower()}
        return word.casefold() in self._lower

    def starts_sentence(self, line: str) -> bool:
        """True when ``line`` opens with a capitalised common word (``The``, ``Forecasters``)."""
        first = line.split(maxsplit=1)[0] if line.strip() else ""
        word = _WORD.match(first)
        return (
            word is not None
            and word.end() == len(first.rstrip(",;:"))
            and first[:1].isupper()
            and self.has_lower(word.group(0))
        )


def split_title_case(text: str, words: PageWords) -> tuple[str, str] | None:
    """``(headline, body)`` when ``text`` is a Title-Case headline glued to a sentence."""
    tokens = text.split(" ")
    if len(tokens) < 5:
        return None
    capitals = 0
    for index, token in enumerate(tokens):
        if not token:
            return None
        if token[0].isupper() or token[0].isdigit():
            capitals += 1
            continue
        if token.islower() and len(token) <= _SMALL and index + 1 < len(tokens):
            nxt = tokens[index + 1]
            if nxt[:1].isupper() or nxt[:1].isdigit():
                continue  # "at" inside "Halted at Outer Pier"
        # ``token`` is the first lower-case word of the sentence; the one before opens it.
        split = index - 1
        if split < _MIN_HEADLINE_WORDS or capitals < _MIN_HEADLINE_WORDS + 1:
            return None
        opener = tokens[split]
        if not opener[0].isupper() or not words.has_lower(opener.strip("\"'“‘")):
            return None
        headline = " ".join(tokens[:split])
        if tokens[split - 1].islower():
            return None  # a headline does not end on "of"
        return headline, " ".join(tokens[split:])
    return None
