"""Mutable drafts that format handlers fill in; :mod:`parsers.finish` freezes them.

A handler never builds ids, positions or sources, and never has to clean text: the
finishing step does that once, the same way for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parsers.model import Author, Caption, TimeOfDay, Timestamp


@dataclass(slots=True)
class EntryDraft:
    """An entry being built by a format handler."""

    title: str | None = None
    published: Timestamp | None = None
    labels: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    updated: Timestamp | None = None
    time_of_day: TimeOfDay | None = None
    """A printed time of day with no date to place it on (ignored when ``published`` is
    set: a timed ``published`` holds its own time of day)."""
    url: str | None = None
    """The entry's own link (absolute, or relative to the document's URL)."""
    key: str | None = None
    """Identity within the document, when the handler knows better than title and time
    (an article's post borrows the page title; it must keep the id it has as an opening
    post once the page grows more posts)."""

    def is_empty(self) -> bool:
        """True when the draft holds nothing a reader could see."""
        return not (
            self.title or self.body or self.captions or self.published or self.time_of_day
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
