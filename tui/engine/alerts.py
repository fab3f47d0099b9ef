"""Alert words: which of the words a reader watches for an entry mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from parsers.clean import shown
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


def alert_message(hits: Sequence[tuple[Entry, tuple[str, ...]]]) -> tuple[str, str]:
    """The title and text of the notification for entries that matched alert words.

    Both are :func:`parsers.clean.shown`: a file name or an alert word never reaches the
    terminal raw (a notification is drawn by the terminal like any other text).
    """
    words = sorted({word for _, found in hits for word in found}, key=str.lower)
    title = "Alert: " + ", ".join(words)
    if len(hits) == 1:
        entry = hits[0][0]
        line = entry.title or (entry.body[0] if entry.body else "(no text)")
        line = " ".join(line.split())
        return shown(title), shown(f"{line[:120]} — {entry.source.name}")
    return shown(title), shown(f"{len(hits)} new entries mention {', '.join(words)}")
