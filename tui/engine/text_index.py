"""A compact word index of a document's entries, for the reader's case-insensitive search.

The timeline used to keep a lower-cased copy of every entry's text to search in: as much
memory as the text itself. A :class:`TextIndex` keeps, per document, each distinct word of
the lower-cased text once (``vocabulary``; a word is what ``str.split`` gives: text between
white space, punctuation included) and, per word, the entries holding it (``postings``,
packed integers). A needle without white space is in an entry's text exactly when it is
inside one of the entry's words, so the index answers it alone; a phrase is answered for the
entries holding each of its words, which the caller confirms in the text itself.
Pure: no Textual.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain

from parsers.model import Entry

ALL = -1
"""The mask of every entry (all bits set)."""


@dataclass(frozen=True, slots=True)
class TextIndex:
    """The words of a document's entries (their lower-cased text) and the entries of each."""

    count: int
    """How many entries were indexed (their ordinals are 0 to ``count - 1``)."""
    vocabulary: str
    """Every distinct word, once, each followed by a newline."""
    offsets: array[int]
    """Word ``k``'s entries are ``postings[offsets[k]:offsets[k + 1]]``."""
    postings: array[int]
    """Entry ordinals, word after word, each word's in increasing order."""

    @classmethod
    def of(cls, entries: Sequence[Entry], text: Callable[[Entry], str]) -> TextIndex:
        """The index of ``entries``; ``text`` gives an entry's lower-cased search text."""
        words: dict[str, list[int]] = {}
        get = words.get
        for ordinal, entry in enumerate(entries):
            for word in dict.fromkeys(text(entry).split()):  # in order met: reproducible
                holders = get(word)
                if holders is None:
                    words[word] = [ordinal]
                else:
                    holders.append(ordinal)
        offsets = list(accumulate(map(len, words.values()), initial=0))
        return cls(
            count=len(entries),
            vocabulary="".join(word + "\n" for word in words),
            offsets=array(_typecode(offsets[-1]), offsets),
            postings=array(_typecode(len(entries)), chain.from_iterable(words.values())),
        )

    def holding(self, word: str) -> int:
        """The mask (bit ``i`` for entry ``i``) of the entries with a word containing
        ``word`` (itself one word, lower-cased)."""
        vocabulary, offsets, postings = self.vocabulary, self.offsets, self.postings
        full = (1 << self.count) - 1
        mask = 0
        k = counted = 0  # word k starts after the newline before ``counted``
        at = vocabulary.find(word)
        while at >= 0:
            k += vocabulary.count("\n", counted, at)
            for ordinal in postings[offsets[k] : offsets[k + 1]]:
                mask |= 1 << ordinal
            if mask == full:
                break
            counted = vocabulary.index("\n", at) + 1  # on to the next word
            k += 1
            at = vocabulary.find(word, counted)
        return mask

    def candidates(self, needle: str) -> tuple[int, bool]:
        """The mask of the entries whose text may contain ``needle`` (lower-cased), and
        whether it is exact (True: those and only those contain it; False: the others do
        not, these are to be confirmed in their text)."""
        words = needle.split()
        if not words:
            return ALL, False
        mask = ALL
        for word in dict.fromkeys(words):
            mask &= self.holding(word)
            if not mask:
                return 0, True
        return mask, words[0] == needle


def _typecode(largest: int) -> str:
    """The smallest array type that holds ``largest``."""
    return "B" if largest <= 0xFF else "H" if largest <= 0xFFFF else "I"
