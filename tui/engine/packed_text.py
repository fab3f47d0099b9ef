"""Entry bodies held compressed: the reader keeps 100,000 entries' paragraphs in memory.

The text of the bodies is most of what a loaded folder holds (about 1 KB an entry, where
the rest of an entry is 0.5 KB), and the reader shows a screenful of it at a time.
:class:`PackedText` is a read-only sequence of paragraphs kept as one zlib stream, opened
when read; up to :data:`OPEN_LIMIT` opened stay open, so drawing, copying and searching
the entries on screen do not decompress them again. Everything that reads a body reads a
sequence of strings, as before: a packed body equals, and hashes as, the tuple it holds.

:func:`pack` packs a document's bodies where it is parsed (a worker process or the loading
thread), after its word index was made from the text. The parse cache stores the packed
bytes as they are.
Pure: no Textual.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterator, Sequence
from typing import overload

from parsers.model import Document, Entry

SEPARATOR = "\x1e"
"""Between paragraphs in the packed text (a body holding it is not packed)."""
LEVEL = 1
"""zlib's fastest level: on live-blog text it packs as tight as level 6, 20% faster."""
SMALLEST = 160
"""Bodies shorter (in characters) are kept as they are: a packed body costs about 80
bytes of its own, more than it saves on a short one."""
OPEN_LIMIT = 512
"""Packed bodies kept open (a few screens of entries)."""

_open: dict[int, tuple[PackedText, tuple[str, ...]]] = {}
"""id of a packed body -> (it, its paragraphs); holding the body keeps its id from being
reused. Emptied when it holds :data:`OPEN_LIMIT` (a scan of every body, such as grouping's,
opens each once): no lock, each step is one dict operation, atomic for the threads that
read bodies (the loading thread, the grouping worker, the UI thread)."""


class PackedText(Sequence[str]):
    """Paragraphs kept as one zlib stream; read like the tuple of them."""

    __slots__ = ("data", "length")

    def __init__(self, data: bytes, length: int) -> None:
        self.data = data
        """The paragraphs joined by :data:`SEPARATOR`, UTF-8 (lone surrogates kept), packed."""
        self.length = length

    @classmethod
    def of(cls, paragraphs: Sequence[str]) -> PackedText | None:
        """``paragraphs`` packed; None when they are better kept as they are."""
        if isinstance(paragraphs, PackedText):
            return paragraphs
        if sum(map(len, paragraphs)) < SMALLEST:
            return None
        text = SEPARATOR.join(paragraphs)
        if text.count(SEPARATOR) != len(paragraphs) - 1:
            return None  # a paragraph holds the separator itself
        return cls(zlib.compress(text.encode("utf-8", "surrogatepass"), LEVEL), len(paragraphs))

    def opened(self) -> tuple[str, ...]:
        """The paragraphs."""
        held = _open.get(id(self))
        if held is not None and held[0] is self:
            return held[1]
        text = zlib.decompress(self.data).decode("utf-8", "surrogatepass")
        paragraphs = tuple(text.split(SEPARATOR)) if self.length else ()
        if len(_open) >= OPEN_LIMIT:
            _open.clear()
        _open[id(self)] = (self, paragraphs)
        return paragraphs

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self.opened()[index]

    def __iter__(self) -> Iterator[str]:
        return iter(self.opened())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedText):
            return self.length == other.length and (
                self.data == other.data or self.opened() == other.opened()
            )
        if isinstance(other, tuple | list):
            return len(other) == self.length and self.opened() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.opened())

    def __repr__(self) -> str:
        return repr(self.opened())

    def __reduce__(self) -> tuple[type[PackedText], tuple[bytes, int]]:
        return (PackedText, (self.data, self.length))


def packed_entry(entry: Entry) -> Entry:
    """``entry`` with its body packed (itself when it is not worth packing)."""
    body = PackedText.of(entry.body)
    if body is None or body is entry.body:
        return entry
    return dataclasses.replace(entry, body=body)


def pack(document: Document) -> Document:
    """``document`` with its entries' bodies packed."""
    entries = tuple(map(packed_entry, document.entries))
    if all(new is old for new, old in zip(entries, document.entries, strict=True)):
        return document
    return dataclasses.replace(document, entries=entries)
