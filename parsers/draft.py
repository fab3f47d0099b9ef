"""Mutable drafts that format handlers fill in; :mod:`parsers.finish` freezes them.

A handler never builds ids, positions or sources, and never has to clean text: the
finishing step does that once, the same way for every format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from parsers.model import Author, Caption, TimeOfDay, Timestamp


class EntryDraft:
    """An entry being built by a format handler.

    ``labels``, ``authors``, ``body`` and ``captions`` are lists a handler appends to; each is
    made on first use, so a document of many tiny entries does not hold four empty lists per
    entry (:meth:`lists` reads them without making any).
    """

    __slots__ = (
        "title",
        "published",
        "_labels",
        "_authors",
        "_body",
        "_captions",
        "updated",
        "time_of_day",
        "url",
        "key",
    )

    def __init__(
        self,
        title: str | None = None,
        published: Timestamp | None = None,
        labels: list[str] | None = None,
        authors: list[Author] | None = None,
        body: list[str] | None = None,
        captions: list[Caption] | None = None,
        updated: Timestamp | None = None,
        time_of_day: TimeOfDay | None = None,
        url: str | None = None,
        key: str | None = None,
    ) -> None:
        self.title = title
        self.published = published
        self._labels = labels
        self._authors = authors
        self._body = body
        self._captions = captions
        self.updated = updated
        self.time_of_day = time_of_day
        """A printed time of day with no date to place it on (ignored when ``published`` is
        set: a timed ``published`` holds its own time of day)."""
        self.url = url
        """The entry's own link (absolute, or relative to the document's URL)."""
        self.key = key
        """Identity within the document, when the handler knows better than title and time
        (an article's post borrows the page title; it must keep the id it has as an opening
        post once the page grows more posts)."""

    @property
    def labels(self) -> list[str]:
        if self._labels is None:
            self._labels = []
        return self._labels

    @labels.setter
    def labels(self, value: list[str]) -> None:
        self._labels = value

    @property
    def authors(self) -> list[Author]:
        if self._authors is None:
            self._authors = []
        return self._authors

    @authors.setter
    def authors(self, value: list[Author]) -> None:
        self._authors = value

    @property
    def body(self) -> list[str]:
        if self._body is None:
            self._body = []
        return self._body

    @body.setter
    def body(self, value: list[str]) -> None:
        self._body = value

    @property
    def captions(self) -> list[Caption]:
        if self._captions is None:
            self._captions = []
        return self._captions

    @captions.setter
    def captions(self, value: list[Caption]) -> None:
        self._captions = value

    def lists(
        self,
    ) -> tuple[Sequence[str], Sequence[Author], Sequence[str], Sequence[Caption]]:
        """Labels, authors, body and captions as they stand, without making empty lists."""
        return (
            self._labels or (),
            self._authors or (),
            self._body or (),
            self._captions or (),
        )

    def compact(self) -> None:
        """Let go of lists left empty (reading one made it): a finished entry keeps none."""
        if not self._labels:
            self._labels = None
        if not self._authors:
            self._authors = None
        if not self._body:
            self._body = None
        else:
            self._body = self._body[:]  # exactly its size: appends leave room to spare
        if not self._captions:
            self._captions = None

    def is_empty(self) -> bool:
        """True when the draft holds nothing a reader could see."""
        return not (
            self.title or self._body or self._captions or self.published or self.time_of_day
        )

    def __repr__(self) -> str:
        labels, authors, body, captions = self.lists()
        return (
            f"EntryDraft(title={self.title!r}, published={self.published!r}, "
            f"labels={list(labels)!r}, authors={list(authors)!r}, body={list(body)!r}, "
            f"captions={list(captions)!r}, updated={self.updated!r}, "
            f"time_of_day={self.time_of_day!r}, url={self.url!r}, key={self.key!r})"
        )


@dataclass(slots=True)
class DocumentDraft:
    """A document being built by a format handler."""

    entries: list[EntryDraft] = field(default_factory=list)
    title: str | None = None
    kicker: str | None = None
    standfirst: str | None = None
    key_points: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    published: Timestamp | None = None
    url: str | None = None
    """The page's own address; entries without a link of their own get it."""
    dropped: list[str] = field(default_factory=list)
    """Boilerplate lines the handler removed."""
    problems: list[str] = field(default_factory=list)
    """Messages about what could not be understood (a date that did not parse...)."""
