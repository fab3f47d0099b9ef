"""A compact map from hash keys to small numbers, the first number given a key kept.

:mod:`tui.engine.copies` finds the page a document may be a copy of by its posts' keys: one
key a post, a hundred thousand at a hundred thousand posts. A dict of Python ints costs about
90 bytes a key; :class:`KeyIndex` about 13: a sorted ``array('q')`` of keys beside an
``array('I')`` of their numbers, with a table of where each bucket of keys (their top bits)
starts, so a lookup bisects a handful; plus a small dict of the keys added since the last
sort (looked at first), sorted in once it holds more than a :data:`FRESH_SHARE`-th of the
sorted ones (and at least :data:`LEAST`), so adding ``n`` keys costs ``O(n log n)`` in all.
Pure: no Textual.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from itertools import repeat

FRESH_SHARE = 4
"""Keys added since the last sort are sorted in when they are more than this share of the
sorted ones..."""
LEAST = 2_000
"""...and at least this many (a dict this small costs little)."""
PER_BUCKET = 4
"""About how many sorted keys share a bucket of the table that says where to bisect."""
_OFFSET = 1 << 63
"""Makes a signed 64-bit key unsigned, so its top bits name its bucket."""
NUMBER_LIMIT = 2 ** (8 * array("I").itemsize)
"""Numbers are below this (4 bytes on the usual platforms)."""


class KeyIndex:
    """Signed 64-bit keys (what :func:`hash` gives) -> numbers below :data:`NUMBER_LIMIT`.

    :meth:`add` keeps a key's first number, as ``dict.setdefault`` does."""

    __slots__ = ("_fresh", "_keys", "_numbers", "_shift", "_starts")

    def __init__(self) -> None:
        self._keys = array("q")
        """Sorted, each key once."""
        self._numbers = array("I")
        """The number of each key in :attr:`_keys`, at the same place."""
        self._fresh: dict[int, int] = {}
        """Keys added since the last sort (none of them in :attr:`_keys`)."""
        self._shift = 64
        self._starts = array("I", (0, 0))
        """Where each bucket's keys start in :attr:`_keys` (and where the last one ends): a
        key's bucket is its unsigned value's top bits (``>> _shift``). Keys are hashes, so
        buckets hold about :data:`PER_BUCKET` keys each, and a lookup bisects only those."""

    def get(self, key: int) -> int | None:
        """The number ``key`` was first given, None if it was never added."""
        number = self._fresh.get(key)
        if number is not None:
            return number
        at = self._place(key)
        return self._numbers[at] if at >= 0 else None

    def __contains__(self, key: int) -> bool:
        return self.get(key) is not None

    def split(self, keys: Iterable[int | None]) -> tuple[list[int], list[int]]:
        """The numbers of those of ``keys`` that have one (in their order), and the keys that
        have none (None is no key)."""
        numbers: list[int] = []
        missing: list[int] = []
        sorted_keys, sorted_numbers, fresh = self._keys, self._numbers, self._fresh
        starts, shift = self._starts, self._shift
        for key in keys:
            if key is None:
                continue
            number = fresh.get(key)
            if number is not None:
                numbers.append(number)
                continue
            bucket = (key + _OFFSET) >> shift
            end = starts[bucket + 1]
            at = bisect_left(sorted_keys, key, starts[bucket], end)
            if at < end and sorted_keys[at] == key:
                numbers.append(sorted_numbers[at])
            else:
                missing.append(key)
        return numbers, missing

    def add(self, key: int, number: int) -> None:
        """Give ``key`` the number ``number``, unless it has one already."""
        self.add_all((key,), number)

    def add_all(self, keys: Iterable[int | None], number: int) -> None:
        """Give each of ``keys`` (None is no key) the number ``number``, unless it has one."""
        fresh, place = self._fresh, self._place
        novel = (k for k in keys if k is not None and k not in fresh and place(k) < 0)
        self.add_missing(novel, number)

    def add_missing(self, keys: Iterable[int], number: int) -> None:
        """Give ``keys``, which have no number (as :meth:`split` just said: nothing was added
        since), the number ``number``."""
        if not 0 <= number < NUMBER_LIMIT:
            raise ValueError(f"number out of range: {number}")
        fresh = self._fresh
        setdefault = fresh.setdefault
        for key in keys:
            setdefault(key, number)
        if len(fresh) > max(LEAST, len(self._keys) // FRESH_SHARE):
            self._sort()

    def __len__(self) -> int:
        """How many keys have a number."""
        self.pack()
        return len(self._keys)

    def pack(self) -> None:
        """Sort the keys added since the last sort in now (after a batch: a dict of them costs
        about seven times the arrays)."""
        self._sort()

    def _sort(self) -> None:
        """Merge the fresh keys into the sorted arrays."""
        fresh = self._fresh
        if not fresh:
            return
        keys = self._keys + array("q", fresh)
        numbers = self._numbers + array("I", fresh.values())
        fresh.clear()
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self._keys = keys = array("q", map(keys.__getitem__, order))
        self._numbers = array("I", map(numbers.__getitem__, order))
        bits = (len(keys) // PER_BUCKET).bit_length()
        self._shift = shift = 64 - bits
        # Bucket ``b`` starts at the first key >= its lowest value, ``(b << shift) - _OFFSET``.
        lowest = range(-_OFFSET, _OFFSET + 1, 1 << shift)
        self._starts = array("I", map(bisect_left, repeat(keys), lowest))

    def _place(self, key: int) -> int:
        """Where ``key`` is in :attr:`_keys`, -1 if it is not."""
        keys, starts = self._keys, self._starts
        bucket = (key + _OFFSET) >> self._shift
        end = starts[bucket + 1]
        at = bisect_left(keys, key, starts[bucket], end)
        return at if at < end and keys[at] == key else -1
