"""The same report across outlets: near-duplicate posts of different pages, grouped.

Wire copy (a Reuters or AP paragraph, a statement quoted whole) turns up in several live
blogs with small edits. :class:`Grouper` finds such posts without comparing every pair: each
post's word shingles (three words) give a one-permutation MinHash signature (:data:`BINS`
bins, empty bins filled from their neighbour), cut into bands of :data:`ROWS` bins; posts
sharing a band are candidates, and a candidate pair is kept when the posts' shingle sets
really share :data:`SIMILAR` of their shingles. The cost grows with the number of posts, not
with its square: a band shared by more than :data:`BUCKET_LIMIT` posts is boilerplate and
proposes nobody.

Never grouped: posts of one page, posts more than :data:`MAX_APART` apart (or without a
time), posts with fewer than :data:`MIN_WORDS` words (``More to follow.``). A group never
spans more than :data:`MAX_APART` either.
Pure: no Textual. One thread at a time (the reader's grouping worker).
"""

from __future__ import annotations

import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

from parsers.model import Entry

SHINGLE = 3
"""Words per shingle."""
BINS = 20
ROWS = 2
"""Bins per band: 10 bands; posts sharing half their shingles meet in one with p = 0.94,
posts sharing 60% with p = 0.99 (each band costs about 80 bytes a post)."""
SIMILAR = 0.5
"""The share of shingles (Jaccard) two posts must have in common."""
MIN_WORDS = 20
MAX_WORDS = 150
"""Words of a post looked at (the opening, where wire copy is)."""
MAX_APART = 6 * 3600.0
BUCKET_LIMIT = 40
WORD_CACHE = 100_000
"""Word hashes kept (a vocabulary), cleared when there are more."""
KNOWN_LIMIT = 1_000
"""Candidates' shingles kept (as arrays) while one batch is grouped, cleared when there are more."""

_WORD = re.compile(r"\w+")
_EMPTY = 1 << 64
"""Above every hash."""


def post_words(entry: Entry) -> list[str]:
    """The words of a post's body (its headline aside: outlets rewrite headlines)."""
    found: list[str] = []
    for paragraph in entry.body:
        found += _WORD.findall(paragraph.casefold())
        if len(found) >= MAX_WORDS:
            return found[:MAX_WORDS]
    return found


def shingles(words: list[str], known: dict[str, int] | None = None) -> set[int]:
    """The hashed three-word shingles of ``words`` (``known``: word hashes already made).

    Words hash with CRC-32 and shingles as tuples of those ints: the same in every process."""
    known = {} if known is None else known
    hashes: list[int | None] = list(map(known.get, words))  # most words are known
    if None in hashes:
        for place, value in enumerate(hashes):
            if value is None:
                word = words[place]
                hashes[place] = known[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
    return set(map(hash, zip(hashes, hashes[1:], hashes[2:], strict=False)))


def signature(hashed: set[int]) -> list[object]:
    """A one-permutation MinHash of ``hashed`` over :data:`BINS` bins; an empty bin takes
    the next filled bin's value with its distance (so equal sets still agree)."""
    bins: list[object] = [_EMPTY] * BINS
    lowest = [_EMPTY] * BINS
    for value in hashed:
        slot = value % BINS
        if value < lowest[slot]:
            lowest[slot] = value
    for slot, value in enumerate(lowest):
        if value != _EMPTY:
            bins[slot] = value
            continue
        for step in range(1, BINS):
            other = lowest[(slot + step) % BINS]
            if other != _EMPTY:
                bins[slot] = (other, step)
                break
    return bins


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True, slots=True)
class Groups:
    """Posts grouped with their near-duplicates on other pages."""

    group_of: dict[str, str] = field(default_factory=dict)
    """Entry id -> its group's id (the id of its earliest post)."""
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Group id -> its posts' ids, earliest first."""
    names: dict[str, str] = field(default_factory=dict)
    """Entry id -> the display name of its page (for ``also in:``)."""

    def also_in(self, entry_id: str) -> tuple[str, ...]:
        """The pages the other posts of ``entry_id``'s group are on."""
        group = self.group_of.get(entry_id)
        if group is None:
            return ()
        mine = self.names.get(entry_id)
        names = (self.names[m] for m in self.members[group] if m != entry_id)
        return tuple(dict.fromkeys(n for n in names if n != mine))


def bands_of(hashed: set[int]) -> list[int]:
    """The band keys of a post's shingles (30-bit: small ints cost less)."""
    sig = signature(hashed)
    return [
        hash((band, *sig[band * ROWS : band * ROWS + ROWS])) & 0x3FFFFFFF
        for band in range(BINS // ROWS)
    ]


BANDS = BINS // ROWS
BULK = 2_000
"""A batch this long (a first load) is indexed at once: its band keys sorted, not one by one."""
FRESH_SHARE = 4
"""Posts indexed one by one since the last sort are merged into the sorted index when there
are more than a :data:`FRESH_SHARE`-th of the sorted ones (and at least :data:`BULK`)."""
_NUMBER = 0xFFFFFFFF


class Grouper:
    """Posts seen so far, their bands, and the pairs found alike; :meth:`add` is incremental.

    Compact: a post is a number (its place in flat arrays of instants, pages and names, the
    entry itself held as the timeline holds it); each band's index is a sorted
    ``array('Q')`` of ``key << 32 | number`` (8 bytes a post and band), plus a small dict of
    the posts added one by one since the last sort. A removed post leaves a tombstone
    (``None`` for its entry), dropped when the index is sorted again."""

    def __init__(self) -> None:
        self._number: dict[str, int] = {}
        """Entry id -> its post number (live posts only)."""
        self._entries: list[Entry | None] = []
        self._instants = array("d")
        self._pages = array("L")
        self._names = array("L")
        self._texts: dict[str, int] = {}
        """Page paths and names -> their number in :attr:`_text`."""
        self._text: list[str] = []
        self._sorted: list[array[int]] = [array("Q") for _ in range(BANDS)]
        self._fresh: dict[int, int | list[int]] = {}
        """``band << 30 | key`` -> the post(s) added one by one since the last sort."""
        self._fresh_count = 0
        self._first_fresh = 0
        """Posts numbered from here on may be in :attr:`_fresh`."""
        self._dead = 0
        self._pairs: dict[int, set[int]] = {}
        self._words: dict[str, int] = {}
        """Each word's hash, made once."""

    def _intern(self, text: str) -> int:
        number = self._texts.get(text)
        if number is None:
            number = self._texts[text] = len(self._text)
            self._text.append(text)
        return number

    def _hashed(self, entry: Entry) -> set[int] | None:
        """The shingles of ``entry`` if it can be grouped (a time, enough words)."""
        if entry.published is None:
            return None
        words = post_words(entry)
        if len(words) < MIN_WORDS:
            return None
        if len(self._words) > WORD_CACHE:
            self._words.clear()
        return shingles(words, self._words)

    def _new(self, entry: Entry, page: str, name: str) -> int:
        assert entry.published is not None
        number = len(self._entries)
        self._entries.append(entry)
        self._instants.append(entry.published.instant)
        self._pages.append(self._intern(page))
        self._names.append(self._intern(name))
        self._number[entry.id] = number
        return number

    def _members(self, band: int, key: int) -> list[int]:
        """The live posts having ``key`` in ``band``, earliest added first."""
        found: list[int] = []
        index = self._sorted[band]
        at = bisect_left(index, key << 32)
        entries = self._entries
        while at < len(index) and index[at] >> 32 == key:
            number = index[at] & _NUMBER
            if entries[number] is not None:
                found.append(number)
            at += 1
        fresh = self._fresh.get(band << 30 | key)
        if isinstance(fresh, int):
            found.append(fresh)
        elif fresh is not None:
            found += fresh
        return found

    def add(self, posts: Iterable[tuple[Entry, str, str]]) -> None:
        """Take ``(entry, page path, page name)`` triples (new or changed posts)."""
        posts = posts if isinstance(posts, list) else list(posts)
        if len(posts) >= BULK:
            self._add_many(posts)
            return
        known: dict[int, array[int]] = {}
        """Shingles of candidates looked at in this call, packed (a few: most posts have none;
        never every post's, which would hold ~8 KB a post as sets until the call ends)."""
        for entry, page, name in posts:
            self.remove(entry.id)
            hashed = self._hashed(entry)
            if hashed is None:
                continue
            number = self._new(entry, page, name)
            candidates: set[int] = set()
            for band, key in enumerate(bands_of(hashed)):
                members = self._members(band, key)
                if len(members) <= BUCKET_LIMIT:
                    candidates.update(members)
                slot = band << 30 | key
                fresh = self._fresh.get(slot)
                if fresh is None:
                    self._fresh[slot] = number
                elif isinstance(fresh, int):
                    self._fresh[slot] = [fresh, number]
                else:
                    fresh.append(number)
                self._fresh_count += 1
            if len(known) > KNOWN_LIMIT:
                known.clear()
            for other in candidates:
                self._check(number, hashed, other, known)
        if self._fresh_count + self._dead > max(BULK, len(self._sorted[0]) // FRESH_SHARE):
            self._sort()

    def _check(
        self, number: int, hashed: set[int], other: int, known: dict[int, array[int]]
    ) -> None:
        """Keep the pair ``number``, ``other`` if the posts are alike."""
        entry = self._entries[other]
        if entry is None or self._pages[other] == self._pages[number]:
            return
        if abs(self._instants[other] - self._instants[number]) > MAX_APART:
            return
        theirs = known.get(other)
        if theirs is None:
            theirs = known[other] = array("q", shingles(post_words(entry), self._words))
        if theirs and hashed:
            common = len(hashed.intersection(theirs))
            alike = common / (len(hashed) + len(theirs) - common)  # jaccard() of the sets
        else:
            alike = 0.0
        if alike >= SIMILAR:
            self._pairs.setdefault(number, set()).add(other)
            self._pairs.setdefault(other, set()).add(number)

    def _add_many(self, posts: list[tuple[Entry, str, str]]) -> None:
        """Index a long batch at once: each band's keys sorted with the index, then each run
        of equal keys proposes what adding its posts one by one would have."""
        first = len(self._entries)
        added: list[array[int]] = [array("Q") for _ in range(BANDS)]
        for entry, page, name in posts:
            self.remove(entry.id)
            hashed = self._hashed(entry)
            if hashed is None:
                continue
            number = self._new(entry, page, name)
            for band, key in enumerate(bands_of(hashed)):
                added[band].append(key << 32 | number)
        candidates: dict[int, array[int]] = {}
        """Post -> earlier posts proposed (packed: there are ~5 a post at 100k posts)."""
        for band in range(BANDS):
            index = self._merged(band, added[band])
            added[band] = array("Q")
            self._propose(index, first, candidates)
        self._fresh.clear()
        self._fresh_count = self._dead = 0
        self._first_fresh = len(self._entries)
        known: dict[int, array[int]] = {}
        for number in sorted(candidates):
            held = self._entries[number]
            assert held is not None
            hashed = shingles(post_words(held), self._words)
            if len(known) > KNOWN_LIMIT:
                known.clear()
            for other in set(candidates.pop(number)):
                self._check(number, hashed, other, known)

    def _merged(self, band: int, added: array[int] | None = None) -> array[int]:
        """``band``'s index with its fresh posts (and ``added``) sorted in, tombstones out."""
        entries = self._entries
        fresh: list[int] = []
        for slot, numbers in self._fresh.items():
            if slot >> 30 == band:
                key = (slot & 0x3FFFFFFF) << 32
                if isinstance(numbers, int):
                    fresh.append(key | numbers)
                else:
                    fresh += (key | n for n in numbers)
        index = array(
            "Q",
            sorted(
                v
                for v in chain(self._sorted[band], fresh, added or ())
                if entries[v & _NUMBER] is not None
            ),
        )
        self._sorted[band] = index
        return index

    def _propose(self, index: array[int], first: int, candidates: dict[int, array[int]]) -> None:
        """Add to ``candidates`` (post -> earlier posts) the pairs a run of equal keys in
        ``index`` proposes for posts numbered from ``first``: as if added one by one, a post
        meets the posts before it in a band shared by at most :data:`BUCKET_LIMIT` more."""
        at, size = 0, len(index)
        while at < size:
            key = index[at] >> 32
            end = at + 1
            while end < size and index[end] >> 32 == key:
                end += 1
            if end - at > 1:
                run = [v & _NUMBER for v in index[at : min(end, at + BUCKET_LIMIT + 1)]]
                for place in range(1, len(run)):
                    if run[place] >= first:
                        found = candidates.get(run[place])
                        if found is None:
                            candidates[run[place]] = array("L", run[:place])
                        else:
                            found.extend(run[:place])
            at = end

    def _sort(self) -> None:
        for band in range(BANDS):
            self._merged(band)
        self._fresh.clear()
        self._fresh_count = self._dead = 0
        self._first_fresh = len(self._entries)

    def remove(self, entry_id: str) -> None:
        number = self._number.pop(entry_id, None)
        if number is None:
            return
        entry = self._entries[number]
        self._entries[number] = None
        self._dead += 1
        if number >= self._first_fresh and entry is not None:
            hashed = shingles(post_words(entry), self._words)
            for band, key in enumerate(bands_of(hashed)):
                slot = band << 30 | key
                fresh = self._fresh.get(slot)
                if fresh == number:
                    del self._fresh[slot]
                    self._fresh_count -= 1
                elif isinstance(fresh, list) and number in fresh:
                    fresh.remove(number)
                    self._fresh_count -= 1
        for other in self._pairs.pop(number, ()):
            pairs = self._pairs.get(other)
            if pairs is not None:
                pairs.discard(number)
                if not pairs:
                    del self._pairs[other]

    def groups(self) -> Groups:
        """The groups now: posts linked by alike pairs, cut where they span too long."""
        seen: set[int] = set()
        group_of: dict[str, str] = {}
        members: dict[str, tuple[str, ...]] = {}
        names: dict[str, str] = {}
        entries, instants = self._entries, self._instants
        ids = {n: e.id for n in self._pairs if (e := entries[n]) is not None}
        for start in self._pairs:
            if start in seen:
                continue
            component = [start]
            seen.add(start)
            for node in component:  # grows while walked: a breadth-first walk
                for other in self._pairs.get(node, ()):
                    if other not in seen:
                        seen.add(other)
                        component.append(other)
            component.sort(key=lambda n: (instants[n], ids[n]))
            run: list[int] = []
            for number in component:
                if run and instants[number] - instants[run[0]] > MAX_APART:
                    self._keep(run, ids, group_of, members, names)
                    run = []
                run.append(number)
            self._keep(run, ids, group_of, members, names)
        return Groups(group_of, members, names)

    def _keep(
        self,
        run: list[int],
        ids: dict[int, str],
        group_of: dict[str, str],
        members: dict[str, tuple[str, ...]],
        names: dict[str, str],
    ) -> None:
        if len({self._pages[n] for n in run}) < 2:
            return
        first = ids[run[0]]
        members[first] = tuple(ids[n] for n in run)
        for number in run:
            group_of[ids[number]] = first
            names[ids[number]] = self._text[self._names[number]]


Batch = tuple[list[tuple[Entry, str, str]], set[str]]
"""Posts to group (entry, page path, page name) and ids no longer in the timeline."""


class Background:
    """What waits to be grouped, for a reader grouping in a worker thread, one run at a time.

    :meth:`take` and :meth:`finished` run on the reader's thread; :meth:`run` in the worker.
    """

    def __init__(self) -> None:
        self.grouper = Grouper()
        self._posts: dict[str, tuple[Entry, str, str]] = {}
        """Entry id -> its latest version waiting (an earlier one, superseded while the files
        load, is let go: never held until the run)."""
        self._gone: set[str] = set()
        self.busy = False

    def take(self, posts: Iterable[tuple[Entry, str, str]], gone: Iterable[str]) -> Batch | None:
        """Queue ``posts`` and ``gone``; the batch to run now, unless a run is going on."""
        self.hold(posts, gone)
        if self.busy or not (self._posts or self._gone):
            return None
        self.busy = True
        batch = (list(self._posts.values()), self._gone)
        self._posts, self._gone = {}, set()
        return batch

    def hold(self, posts: Iterable[tuple[Entry, str, str]], gone: Iterable[str]) -> None:
        """Queue ``posts`` and ``gone`` without starting a run (the next :meth:`take` has
        them)."""
        waiting = self._posts
        for post in posts:
            waiting.pop(post[0].id, None)  # the latest version goes last
            waiting[post[0].id] = post
        for entry_id in gone:
            waiting.pop(entry_id, None)
            self._gone.add(entry_id)

    def run(self, batch: Batch) -> Groups:
        """Group ``batch`` (emptied once taken in: whoever still holds it, a finished worker
        waiting for the garbage collector, holds no posts)."""
        posts, gone = batch
        for entry_id in gone:
            self.grouper.remove(entry_id)
        self.grouper.add(posts)
        posts.clear()
        gone.clear()
        return self.grouper.groups()

    def finished(self) -> Batch | None:
        """A run ended: the next batch, if posts arrived meanwhile."""
        self.busy = False
        return self.take((), ())
