"""Copies of one live page: snapshots saved again and again, or a blog's feed beside its page.

:class:`Pages` takes documents one at a time, each read from its own path, and puts each in a
page. A document is another copy of a known page when its page identity matches (its address
when both have one, else its title and kicker, normalised) and its posts overlap the page's;
or, without a matching identity, when nearly all its posts are the page's. Two pages that
only share a generic title ("Live updates") share no posts, so they stay apart.

Within a page each post is kept once. The same post is the same time (to the minute) with
the same headline, or the same time with the same opening words, after normalising, so a
post whose body was edited, or whose headline was, is still the same post. Its id is the one
its first copy gave it, so read state and marks survive new snapshots. The version shown is
the newest copy's, from the richest format (the one with authors and captions), with an
author list, captions or headline the chosen version lacks taken from another version.

A post that a later copy no longer holds, though that copy covers its time, is
"removed from the page"; a post two copies of one format print differently is "edited".
A page read from one path only is its document, unchanged.
Pure: no Textual.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from parsers.model import Document, Entry, Source
from tui.engine.key_index import KeyIndex

OPENING_WORDS = 8
"""How many words of a post's first paragraph identify it."""

REMOVED = "removed from the page"
EDITED = "edited"

_FALLBACK_SHARE = 0.8
"""Without a matching identity, the share of a document's posts a page must hold."""
_FALLBACK_LEAST = 3
"""...and the fewest posts that share may be."""


_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits."""
_CHARS_PER_WORD = 24
"""Enough text for a word, looked at per word wanted (the rest of a paragraph is not read)."""


def words(text: str, limit: int) -> list[str]:
    """The first ``limit`` words of ``text``, case-folded, letters and digits only (a word
    with an apostrophe or a hyphen is its parts)."""
    return _WORD.findall(text[: limit * _CHARS_PER_WORD].casefold())[:limit]


def post_keys(entry: Entry) -> tuple[int, ...]:
    """What identifies a post across copies: its minute with its headline, its minute with
    its opening words (an untimed post: its headline and opening words together), hashed
    (equal within one process, which is all a key is compared in)."""
    headline = " ".join(words(entry.title or "", 40))
    opening = ""
    for paragraph in entry.body:
        opening = " ".join(words(paragraph, OPENING_WORDS))
        if opening:
            break
    if not opening and entry.captions:
        opening = " ".join(words(entry.captions[0].text, OPENING_WORDS))
    if entry.published is not None:
        minute = int(entry.published.instant // 60)
        keys = []
        if headline:
            keys.append(hash((minute, "h", headline)))
        if opening:
            keys.append(hash((minute, "o", opening)))
        return tuple(keys)
    clock = entry.clock
    when = clock.clock() if clock is not None else "-"
    if not headline and not opening:
        return ()
    return (hash((when, "u", headline, opening)),)


def index_key(entry: Entry) -> int | None:
    """A cheap key of a post, to find the page a document may be a copy of: its minute and
    headline (else its first words), case-folded. Posts are matched by :func:`post_keys`."""
    if entry.title:
        text = entry.title
    elif entry.body:
        text = entry.body[0][: OPENING_WORDS * _CHARS_PER_WORD]
    else:
        return None
    if entry.published is not None:
        when: object = int(entry.published.instant // 60)
    else:
        clock = entry.clock
        when = clock.clock() if clock is not None else None
    return hash((when, " ".join(text.casefold().split()[: 40 if entry.title else OPENING_WORDS])))


def url_key(url: str | None) -> str | None:
    """An address as a page identity: host without ``www.``, path without a trailing slash,
    no query nor fragment, case-folded."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = parts.netloc.casefold().removeprefix("www.")
    if not host:
        return None
    return f"{host}{parts.path.rstrip('/')}".casefold()


def title_key(document: Document) -> str | None:
    """The page's title and kicker as a page identity (None without a title)."""
    title = " ".join(words(document.title or "", 40))
    if not title:
        return None
    kicker = " ".join(words(document.kicker or "", 10))
    return f"{kicker}|{title}"


def page_identity(document: Document, fallback: str | None = None) -> str:
    """A page's identity as a reader may see it: its address, else ``title: …``, else
    ``fallback`` (else its path)."""
    url = url_key(document.url)
    if url is not None:
        return url
    title = title_key(document)
    if title is not None:
        return f"title: {title.replace('|', ' ').strip()}"
    return fallback or document.source.path


def _richness(entry: Entry) -> int:
    return int(bool(entry.authors)) + int(bool(entry.captions))


@dataclass(slots=True)
class Post:
    """One post of a page and the version of it each copy holds."""

    id: str
    keys: tuple[int, ...]
    versions: dict[str, Entry] = field(default_factory=dict)
    """Copy path -> the entry that copy holds for this post."""
    edited: bool = False
    shown: Entry | None = None
    """The merged entry last built (kept while nothing it depends on changed)."""
    shown_from: tuple[Entry, ...] = ()


@dataclass(slots=True)
class Copy:
    """One file holding a page."""

    path: str
    document: Document
    sequence: int
    """Order of arrival (the later, the newer among equals)."""
    saved: float | None = None
    """When the file was last modified (POSIX seconds), if known."""
    posts: tuple[str, ...] = ()
    """The ids of the page's posts this copy holds, in its order (once the page holds its
    posts one by one)."""
    gone: bool = False
    _span: tuple[int, int] | None | bool = False
    """Made when first asked (False: not yet)."""

    @property
    def span(self) -> tuple[int, int] | None:
        """The first and last minute the copy's timed posts cover."""
        if self._span is False:
            stamps = [e.published.instant for e in self.document.entries if e.published]
            self._span = (int(min(stamps) // 60), int(max(stamps) // 60)) if stamps else None
            self._newest = max(stamps) if stamps else None
        return self._span  # type: ignore[return-value]

    @property
    def newest(self) -> float | None:
        """Its newest post's instant."""
        self.span  # noqa: B018 - made together
        return self._newest

    _newest: float | None = None

    @property
    def rank(self) -> tuple[float, float, int]:
        return (
            self.newest if self.newest is not None else float("-inf"),
            self.saved if self.saved is not None else float("-inf"),
            self.sequence,
        )

    @property
    def time(self) -> datetime | None:
        """When this copy was saved, else its newest post's time."""
        if self.saved is not None:
            return datetime.fromtimestamp(self.saved, UTC)
        stamped = [e.published for e in self.document.entries if e.published]
        return max(stamped, key=lambda s: s.instant).at if stamped else None


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the sources pane and ``tail`` say of a page."""

    path: str
    """The page's key: the path of its first copy (its entries' source)."""
    identity: str
    copies: tuple[str, ...]
    """The paths of the files present that hold it, oldest first."""
    newest: datetime | None
    """When its newest copy was saved (else that copy's newest post's time)."""
    marks: tuple[tuple[str, str], ...] = ()
    """(entry id, ``removed from the page`` / ``edited``) for its marked posts."""


@dataclass(slots=True)
class Page:
    """A page and its copies."""

    path: str
    source: Source
    number: int = 0
    """Its place in :attr:`Pages.numbered` (what the key index holds: a rename keeps it)."""
    urls: tuple[str, ...] = ()
    """Its copies' addresses (:func:`url_key`), each once: one or two (a tuple is a sixth of
    a set, and there is a page per file read)."""
    titles: tuple[str, ...] = ()
    """Its copies' titles (:func:`title_key`), each once."""
    copies: dict[str, Copy] = field(default_factory=dict)
    posts: dict[str, Post] = field(default_factory=dict)
    by_key: dict[int, str] = field(default_factory=dict)
    """Post key -> post id."""
    held: bool = False
    """True once its posts are kept one by one (from its second copy on: a page read from
    one file is its document, nothing more)."""
    merged: Document | None = None

    @property
    def size(self) -> int:
        """How many posts it has."""
        if self.held:
            return len(self.posts)
        return sum(len(copy.document.entries) for copy in self.copies.values())

    def newest_copy(self) -> Copy:
        return max(self.copies.values(), key=lambda c: c.rank)

    def info(self) -> PageInfo:
        present = sorted((c for c in self.copies.values() if not c.gone), key=lambda c: c.rank)
        newest = present[-1] if present else self.newest_copy()
        return PageInfo(
            self.path,
            page_identity(newest.document, self.path),
            tuple(c.path for c in present),
            newest.time,
            tuple(sorted(self.marks().items())),
        )

    def marks(self) -> dict[str, str]:
        """Marked posts: edited, or removed from the page (which says more)."""
        out: dict[str, str] = {}
        if len(self.copies) < 2:
            return out
        newest = self.newest_copy()
        span = newest.span
        held = set(newest.posts)
        for post in self.posts.values():
            if post.id not in held and span is not None and _within(post, span):
                out[post.id] = REMOVED
            elif post.edited:
                out[post.id] = EDITED
        return out


def _within(post: Post, span: tuple[int, int]) -> bool:
    for entry in post.versions.values():
        if entry.published is not None:
            return span[0] <= int(entry.published.instant // 60) <= span[1]
    return False


class Pages:
    """Every page seen, with its copies; one instance per owner (the timeline, the tracker)."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        """By page key (the first copy's path)."""
        self.page_of: dict[str, str] = {}
        """Copy path -> page key."""
        self.numbered: list[Page] = []
        """Every page, by its :attr:`Page.number`."""
        self._key_pages = KeyIndex()
        """Post key -> the number of the first page holding a post with it (to find a
        document's page)."""
        self._sequence = 0

    # -- adding --------------------------------------------------------------------------

    def add(self, document: Document, saved: float | None = None) -> Page:
        """Put ``document`` (read from ``document.source.path``) in its page; that page.

        A path read before stays in the page it joined (a growing file is one copy).
        """
        path = document.source.path
        found = [index_key(entry) for entry in document.entries]
        key = self.page_of.get(path)
        page = self.pages.get(key) if key is not None else None
        missing: list[int] | None = None
        """The keys no page holds (None: not looked up)."""
        if page is None:
            page, missing = self._page_for(document, found)
            self.page_of[path] = page.path
        self._sequence += 1
        old = page.copies.get(path)
        copy = Copy(path, document, self._sequence if old is None else old.sequence, saved)
        held: dict[str, str] = {}
        """What this path held before: its entries' ids -> their posts."""
        if old is not None and page.held:
            for post_id in old.posts:
                post = page.posts.get(post_id)
                version = post.versions.get(path) if post is not None else None
                if version is not None:
                    held[version.id] = post_id
            self._release(page, old)
        page.copies[path] = copy
        url, title = url_key(document.url), title_key(document)
        if url and url not in page.urls:
            page.urls += (url,)
        if title and title not in page.titles:
            page.titles += (title,)
        if missing is None:
            self._key_pages.add_all(found, page.number)
        else:
            self._key_pages.add_missing(missing, page.number)
        if page.held or len(page.copies) > 1:
            if not page.held:  # a second copy: keep the first one's posts one by one
                page.held = True
                (first,) = (c for c in page.copies.values() if c is not copy)
                self._hold(page, first, {}, [index_key(e) for e in first.document.entries])
            self._hold(page, copy, held, found)
        page.merged = None
        return page

    def _page_for(self, document: Document, found: list[int | None]) -> tuple[Page, list[int]]:
        """The known page ``document`` is a copy of, else a new page of its own; and the keys
        of ``found`` no page holds yet."""
        hits, missing = self._key_pages.split(found)
        shared = Counter(hits) if hits else Counter[int]()
        keyed = sum(1 for key in found if key is not None)
        url, title = url_key(document.url), title_key(document)
        best: tuple[int, Page] | None = None
        for number, count in shared.items():
            page = self.numbered[number]
            if not self._is_copy(page, url, title, count, keyed):
                continue
            if best is None or count > best[0]:
                best = (count, page)
        if best is not None:
            return best[1], missing
        path = document.source.path
        page = Page(path, document.source, len(self.numbered))
        self.pages[path] = page
        self.numbered.append(page)
        return page, missing

    @staticmethod
    def _is_copy(page: Page, url: str | None, title: str | None, shared: int, keyed: int) -> bool:
        posts = page.size
        if url is not None and page.urls:
            same = url in page.urls
            least = 1
        else:
            same = title is not None and title in page.titles
            least = min(2, keyed, posts)
        if same and shared >= max(1, least):
            return True
        # No identity in common (a feed beside its page): nearly every post must match.
        smaller = min(keyed, posts)
        return shared >= _FALLBACK_LEAST and shared >= _FALLBACK_SHARE * smaller

    def _release(self, page: Page, old: Copy) -> None:
        """Forget what a copy held before it was read again."""
        for post_id in old.posts:
            post = page.posts.get(post_id)
            if post is None:
                continue
            post.versions.pop(old.path, None)
            if not post.versions:
                self._drop(page, post)

    def _drop(self, page: Page, post: Post) -> None:
        del page.posts[post.id]
        for key in post.keys:
            if page.by_key.get(key) == post.id:
                del page.by_key[key]

    def _hold(self, page: Page, copy: Copy, held: dict[str, str], found: list[int | None]) -> None:
        """Match each entry of ``copy`` to a post of ``page`` (or make it one): by its cheap
        :func:`index_key` first, by its :func:`post_keys` when that finds nothing.

        What the path held before (``held``: entry id -> post id) is matched by id only: a
        file read again is the same file, and what its parser calls new is new.
        """
        taken: set[str] = set()
        before = set(held.values())
        order: list[str] = []
        for entry, quick in zip(copy.document.entries, found, strict=True):
            post = page.posts.get(held.get(entry.id, entry.id))
            if post is not None and post.id in taken:
                post = None
            keys: tuple[int, ...] = (quick,) if quick is not None else ()
            if post is None:
                post = self._match(page, keys, taken, before)
                if post is None:
                    keys += post_keys(entry)
                    post = self._match(page, keys, taken, before)
            if post is None:
                post_id = entry.id
                if post_id in page.posts:  # the same id twice in a page: keep both
                    post_id = f"{entry.id}-{copy.sequence}"
                post = Post(post_id, keys)
                page.posts[post_id] = post
            else:
                self._note_edit(page, post, copy, entry)
            taken.add(post.id)
            post.versions[copy.path] = entry
            for key in keys:
                page.by_key.setdefault(key, post.id)
            order.append(post.id)
        copy.posts = tuple(order)

    @staticmethod
    def _match(
        page: Page, keys: tuple[int, ...], taken: set[str], before: set[str]
    ) -> Post | None:
        for key in keys:
            found_id = page.by_key.get(key)
            if found_id is not None and found_id not in taken and found_id not in before:
                found = page.posts.get(found_id)
                if found is not None:
                    return found
        return None

    def _note_edit(self, page: Page, post: Post, copy: Copy, entry: Entry) -> None:
        """A post the last other copy of the same format printed differently was edited."""
        for path in reversed(post.versions):
            if path == copy.path:
                continue
            held = page.copies.get(path)
            if held is None or held.document.format != copy.document.format:
                continue
            other = post.versions[path]
            if (
                other.title != entry.title
                or other.body != entry.body
                or other.captions != entry.captions
            ):
                post.edited = True
            return

    def compact(self) -> None:
        """Pack what finding pages needs, after a batch of documents (a first load)."""
        self._key_pages.pack()

    # -- files going and moving ----------------------------------------------------------

    def gone(self, path: str) -> Page | None:
        """The copy at ``path`` was deleted: its posts stay, it is no longer counted."""
        page = self.page(path)
        if page is not None:
            page.copies[path].gone = True
        return page

    def back(self, path: str) -> None:
        page = self.page(path)
        if page is not None:
            page.copies[path].gone = False

    def rename(self, old: str, new: str) -> Page | None:
        """The copy at ``old`` moved to ``new`` (a page keyed by it moves too)."""
        key = self.page_of.pop(old, None)
        if key is None:
            return None
        page = self.pages[key]
        copy = page.copies.pop(old)
        source = source_for(new)
        entries = tuple(dataclasses.replace(e, source=source) for e in copy.document.entries)
        copy.document = dataclasses.replace(copy.document, source=source, entries=entries)
        copy.path = new
        page.copies[new] = copy
        for post in page.posts.values():
            if old in post.versions:
                version = post.versions.pop(old)
                post.versions[new] = dataclasses.replace(version, source=source)
        if key == old:
            del self.pages[old]
            page.path, page.source = new, source
            displaced = self.pages.get(new)
            if displaced is not None:  # a page keyed by ``new`` is found as this one now
                self.numbered = [page if p is displaced else p for p in self.numbered]
            self.pages[new] = page
            for copy_path, page_key in self.page_of.items():
                if page_key == old:
                    self.page_of[copy_path] = new
            for post in page.posts.values():
                post.shown = None
        self.page_of[new] = page.path
        page.merged = None
        return page

    # -- reading -------------------------------------------------------------------------

    def page(self, path: str) -> Page | None:
        """The page the copy at ``path`` belongs to."""
        key = self.page_of.get(path)
        return self.pages.get(key) if key is not None else None

    def document(self, page: Page) -> Document:
        """The page as one document: the newest copy's header, each post once."""
        if page.merged is not None:
            return page.merged
        if len(page.copies) == 1:
            (only,) = page.copies.values()
            page.merged = only.document
            return only.document
        newest = page.newest_copy()
        ranked = sorted(page.copies.values(), key=lambda c: c.rank, reverse=True)
        order: dict[str, None] = {}
        for copy in ranked:
            order.update(dict.fromkeys(copy.posts))
        entries = tuple(self._shown(page, page.posts[i], ranked) for i in order)
        page.merged = dataclasses.replace(
            newest.document, source=page.source, entries=entries, dropped=()
        )
        return page.merged

    def _shown(self, page: Page, post: Post, ranked: list[Copy]) -> Entry:
        """The version of ``post`` to show, filled in from the others."""
        versions = [(c, post.versions[c.path]) for c in ranked if c.path in post.versions]
        richest = max(_richness(entry) for _, entry in versions)
        chosen = next(entry for _, entry in versions if _richness(entry) == richest)
        depends = tuple(entry for _, entry in versions)
        if (
            post.shown is not None
            and post.shown.source == page.source
            and len(post.shown_from) == len(depends)
            and all(a is b for a, b in zip(post.shown_from, depends, strict=True))
        ):
            return post.shown
        changes: dict[str, object] = {}
        if chosen.id != post.id:
            changes["id"] = post.id
        if chosen.source != page.source:
            changes["source"] = page.source
        for name in ("title", "authors", "captions", "url"):
            if not getattr(chosen, name):
                for _, other in versions:
                    if getattr(other, name):
                        changes[name] = getattr(other, name)
                        break
        shown = dataclasses.replace(chosen, **changes) if changes else chosen  # type: ignore[arg-type]
        post.shown, post.shown_from = shown, depends
        return shown

    def documents(self) -> list[Document]:
        """Every copy's own document, in the order they were added (to seed another owner)."""
        copies = [c for page in self.pages.values() for c in page.copies.values()]
        return [c.document for c in sorted(copies, key=lambda c: c.sequence)]


def saved_time(path: str) -> float | None:
    """When the file at ``path`` was last modified, if it is there."""
    try:
        return os.stat(path).st_mtime
    except (OSError, ValueError):
        return None


def source_for(path: str) -> Source:
    return Source(path=path, name=os.path.basename(path.rstrip("/\\")) or path)


def merge_documents(documents: Iterable[Document]) -> list[Document]:
    """``documents`` with copies of one page merged: each page once, each post once, in the
    order pages were first seen (``liveblog parse --merge``)."""
    pages = Pages()
    order: dict[str, None] = {}
    for document in documents:
        order[pages.add(document).path] = None
    return [pages.document(pages.pages[key]) for key in order]
