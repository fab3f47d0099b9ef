"""Alert words: which of the words a reader watches for an entry mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.model import Entry


class Alerts:
    """Case-insensitive whole-word matching of ``--alert`` words against an entry's text."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(w.strip() for w in words if w.strip()))
        self._patterns = [
            (word, re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE))
            for word in self.words
        ]

    def __bool__(self) -> bool:
        return bool(self.words)

    def matches(self, entry: Entry) -> tuple[str, ...]:
        """The alert words found in the entry's title, labels, authors, body or captions."""
        if not self._patterns:
            return ()
        text = "\n".join(
            [
                entry.title or "",
                *entry.labels,
                *(a.name for a in entry.authors),
                *entry.body,
                *(c.text for c in entry.captions),
            ]
        )
        return tuple(word for word, pattern in self._patterns if pattern.search(text))
