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
from collections.abc import Iterable
from dataclasses import dataclass, field

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
"""Candidates' shingle sets kept while one batch is grouped, cleared when there are more."""

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
    hashes = []
    for word in words:
        value = known.get(word)
        if value is None:
            value = known[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        hashes.append(value)
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


@dataclass(slots=True)
class _Post:
    page: str
    name: str
    instant: float
    entry: Entry


def bands_of(hashed: set[int]) -> list[int]:
    """The band keys of a post's shingles (30-bit: small ints cost less)."""
    sig = signature(hashed)
    return [
        hash((band, *sig[band * ROWS : band * ROWS + ROWS])) & 0x3FFFFFFF
        for band in range(BINS // ROWS)
    ]


class Grouper:
    """Posts seen so far, their bands, and the pairs found alike; :meth:`add` is incremental."""

    def __init__(self) -> None:
        self._posts: dict[str, _Post] = {}
        self._buckets: dict[int, str | list[str]] = {}
        """Band key -> the post having it, or the posts (most bands have one)."""
        self._pairs: dict[str, set[str]] = {}
        self._words: dict[str, int] = {}
        """Each word's hash, made once."""

    def add(self, posts: Iterable[tuple[Entry, str, str]]) -> None:
        """Take ``(entry, page path, page name)`` triples (new or changed posts)."""
        known: dict[str, set[int]] = {}
        """Shingles of candidates looked at in this call (a few: most posts have none; never
        every post's, which would hold ~8 KB a post until the call ends)."""
        for entry, page, name in posts:
            self.remove(entry.id)
            stamp = entry.published
            if stamp is None:
                continue
            words = post_words(entry)
            if len(words) < MIN_WORDS:
                continue
            if len(self._words) > WORD_CACHE:
                self._words.clear()
            hashed = shingles(words, self._words)
            post = _Post(page, name, stamp.instant, entry)
            candidates: set[str] = set()
            buckets = self._buckets
            for key in bands_of(hashed):
                bucket = buckets.get(key)
                if bucket is None:
                    buckets[key] = entry.id
                elif isinstance(bucket, str):
                    candidates.add(bucket)
                    buckets[key] = [bucket, entry.id]
                else:
                    if len(bucket) <= BUCKET_LIMIT:
                        candidates.update(bucket)
                    bucket.append(entry.id)
            self._posts[entry.id] = post
            if len(known) > KNOWN_LIMIT:
                known.clear()
            for other_id in candidates:
                other = self._posts.get(other_id)
                if other is None or other.page == page:
                    continue
                if abs(other.instant - post.instant) > MAX_APART:
                    continue
                theirs = known.get(other_id)
                if theirs is None:
                    theirs = known[other_id] = shingles(post_words(other.entry), self._words)
                if jaccard(hashed, theirs) >= SIMILAR:
                    self._pairs.setdefault(entry.id, set()).add(other_id)
                    self._pairs.setdefault(other_id, set()).add(entry.id)

    def remove(self, entry_id: str) -> None:
        post = self._posts.pop(entry_id, None)
        if post is None:
            return
        for key in bands_of(shingles(post_words(post.entry), self._words)):
            bucket = self._buckets.get(key)
            if bucket == entry_id:
                del self._buckets[key]
            elif isinstance(bucket, list) and entry_id in bucket:
                bucket.remove(entry_id)
        for other in self._pairs.pop(entry_id, ()):
            pairs = self._pairs.get(other)
            if pairs is not None:
                pairs.discard(entry_id)
                if not pairs:
                    del self._pairs[other]

    def groups(self) -> Groups:
        """The groups now: posts linked by alike pairs, cut where they span too long."""
        seen: set[str] = set()
        group_of: dict[str, str] = {}
        members: dict[str, tuple[str, ...]] = {}
        names: dict[str, str] = {}
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
            component.sort(key=lambda i: (self._posts[i].instant, i))
            run: list[str] = []
            for entry_id in component:
                if run and self._posts[entry_id].instant - self._posts[run[0]].instant > MAX_APART:
                    self._keep(run, group_of, members, names)
                    run = []
                run.append(entry_id)
            self._keep(run, group_of, members, names)
        return Groups(group_of, members, names)

    def _keep(
        self,
        run: list[str],
        group_of: dict[str, str],
        members: dict[str, tuple[str, ...]],
        names: dict[str, str],
    ) -> None:
        if len({self._posts[i].page for i in run}) < 2:
            return
        members[run[0]] = tuple(run)
        for entry_id in run:
            group_of[entry_id] = run[0]
            names[entry_id] = self._posts[entry_id].name


Batch = tuple[list[tuple[Entry, str, str]], set[str]]
"""Posts to group (entry, page path, page name) and ids no longer in the timeline."""


class Background:
    """What waits to be grouped, for a reader grouping in a worker thread, one run at a time.

    :meth:`take` and :meth:`finished` run on the reader's thread; :meth:`run` in the worker.
    """

    def __init__(self) -> None:
        self.grouper = Grouper()
        self._posts: list[tuple[Entry, str, str]] = []
        self._gone: set[str] = set()
        self.busy = False

    def take(self, posts: Iterable[tuple[Entry, str, str]], gone: Iterable[str]) -> Batch | None:
        """Queue ``posts`` and ``gone``; the batch to run now, unless a run is going on."""
        self._posts += posts
        self._gone.update(gone)
        if self.busy or not (self._posts or self._gone):
            return None
        self.busy = True
        batch = (self._posts, self._gone)
        self._posts, self._gone = [], set()
        return batch

    def hold(self, posts: Iterable[tuple[Entry, str, str]], gone: Iterable[str]) -> None:
        """Queue ``posts`` and ``gone`` without starting a run (the next :meth:`take` has
        them)."""
        self._posts += posts
        self._gone.update(gone)

    def run(self, batch: Batch) -> Groups:
        posts, gone = batch
        for entry_id in gone:
            self.grouper.remove(entry_id)
        self.grouper.add(posts)
        return self.grouper.groups()

    def finished(self) -> Batch | None:
        """A run ended: the next batch, if posts arrived meanwhile."""
        self.busy = False
        return self.take((), ())
