"""The parsed model: documents, their entries and what went wrong reading them.

Every record is a frozen, slotted dataclass. Times are timezone-aware ``datetime`` objects
that carry the zone the source used, so they compare as instants and still display in the
source's own wall-clock time. Nothing here knows about Rich or Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from functools import lru_cache


class Precision(StrEnum):
    """How much of a published time the text actually gave."""

    TIME = "time"
    """A time of day on a known (stated or inferred) date."""
    DATE = "date"
    """A calendar date only; the time of day is unknown and must not be shown."""


class ZoneBasis(StrEnum):
    """Where the time zone of a published time came from."""

    STATED = "stated"
    """The text printed a zone (``GMT``, ``ET``, ``+0200``...)."""
    ASSUMED = "assumed"
    """No zone was printed; the page's home zone was applied."""
    NONE = "none"
    """No zone applies (date-only times); ``at`` is midnight UTC of that date."""


@dataclass(frozen=True, slots=True)
class Timestamp:
    """When an entry was published, with what is known about it."""

    at: datetime
    """Aware datetime in the source's own zone (compare as instants, never as strings)."""
    precision: Precision = Precision.TIME
    """Whether the time of day is known or only the date."""
    zone: ZoneBasis = ZoneBasis.STATED
    """Whether the zone was printed, assumed, or does not apply."""
    date_inferred: bool = False
    """True when the day came from a page header or a midnight rollover, not the stamp."""

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError("Timestamp.at must be timezone-aware")

    def iso(self) -> str:
        """ISO 8601: with offset for a time of day, ``YYYY-MM-DD`` for a date only."""
        if self.precision is Precision.DATE:
            return self.at.date().isoformat()
        return self.at.isoformat()

    @property
    def instant(self) -> float:
        """POSIX seconds, for sorting."""
        return self.at.timestamp()


@dataclass(frozen=True, slots=True)
class TimeOfDay:
    """A time of day as the page printed it, with its zone, whether or not a date goes with it.

    Live blogs often print ``22:15`` and never say which day. Such an entry has no
    ``published`` instant (there is none), but it keeps this: the reader shows
    ``22:15 (no date)`` and orders it by its place in the page.
    """

    hour: int
    """0-23, after am/pm was resolved."""
    minute: int
    second: int = 0
    zone: str | None = None
    """IANA name or offset (``Europe/London``, ``+05:30``); None when no zone is known."""
    basis: ZoneBasis = ZoneBasis.ASSUMED
    """Whether the page printed the zone or the page's home zone was assumed."""
    printed: str | None = None
    """The stamp as printed (``Tue 10.15pm GMT``), when the page gave more than the time."""

    def __post_init__(self) -> None:
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59 and 0 <= self.second <= 59):
            raise ValueError("TimeOfDay out of range")

    def clock(self) -> str:
        """``22:15`` (``22:15:30`` when seconds were printed)."""
        text = f"{self.hour:02d}:{self.minute:02d}"
        return f"{text}:{self.second:02d}" if self.second else text

    @property
    def minutes(self) -> int:
        """Minutes after midnight."""
        return self.hour * 60 + self.minute


def time_of_day_of(stamp: Timestamp) -> TimeOfDay | None:
    """The wall-clock time of a timed :class:`Timestamp` in its own zone (None for a date)."""
    if stamp.precision is not Precision.TIME:
        return None
    at = stamp.at
    key = _zone_name(at.tzinfo, at.utcoffset())
    basis = ZoneBasis.ASSUMED if stamp.zone is ZoneBasis.ASSUMED else ZoneBasis.STATED
    return TimeOfDay(at.hour, at.minute, at.second, key, basis)


def _zone_name(zone: object, offset: timedelta | None) -> str:
    """The IANA name of a ``ZoneInfo``, else ``UTC`` or ``+05:30`` for a fixed offset."""
    key = getattr(zone, "key", None)
    return key if isinstance(key, str) else _offset_name(offset)


@lru_cache(maxsize=64)
def _offset_name(offset: timedelta | None) -> str:
    """``UTC`` or ``+05:30`` for a fixed offset."""
    if not offset:
        return "UTC"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class Author:
    """A person credited with an entry or a document."""

    name: str
    """The person's name, as printed."""
    role: str | None = None
    """Their role or title (``BBC Brussels correspondent``), if printed."""


@dataclass(frozen=True, slots=True)
class Caption:
    """An image caption with its credit."""

    text: str
    """What the caption says (empty if only a credit survived)."""
    credit: str | None = None
    """Who the image is credited to (``Reuters``), if printed."""
    alt: str | None = None
    """The image's alternative text, when the page printed it besides a distinct caption."""


@dataclass(frozen=True, slots=True)
class Source:
    """The document an entry came from."""

    path: str
    """The path as given by the user (or a pseudo path for in-memory input)."""
    name: str
    """A short display name: the file name."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that went wrong while reading a document. Never raised, always reported."""

    source: str
    """The path of the document, as given."""
    message: str
    """A one-line, human-readable description."""
    fatal: bool = False
    """True when nothing could be read from the document at all."""

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One post of a live blog (or the single post of an article)."""

    id: str
    """Stable id: parsing the same entry again (say, after its file grew) gives the same id."""
    source: Source
    """The document the entry came from."""
    position: int
    """Zero-based position in the document, in document order."""
    published: Timestamp | None = None
    """When it was published, if the text says; never invented."""
    title: str | None = None
    """Its headline, if it has one."""
    labels: tuple[str, ...] = ()
    """Labels such as ``Breaking`` or ``Analysis``."""
    authors: tuple[Author, ...] = ()
    """The people credited with this entry (blog-level bylines live on the document)."""
    body: Sequence[str] = ()
    """Body paragraphs, plain text."""
    captions: tuple[Caption, ...] = ()
    """Image captions with their credits."""
    updated: Timestamp | None = None
    """Last edit time, when the page printed one (``Updated at 19.47 GMT``)."""
    time_of_day: TimeOfDay | None = None
    """A time of day the page printed with no date to place it on (``published`` is then
    None: there is no instant). See :attr:`clock` for the printed time of any entry."""

    url: str | None = None
    """Where the entry can be read online (its own link, else the page's), if the file says."""

    @property
    def clock(self) -> TimeOfDay | None:
        """The time of day the page printed: ``published``'s wall clock when that is timed,
        else :attr:`time_of_day`; None when the page printed no time for this entry."""
        if self.published is not None:
            return time_of_day_of(self.published) or self.time_of_day
        return self.time_of_day


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed file: its header, its entries and the problems found reading it."""

    source: Source
    """Where it came from."""
    format: str
    """Name of the format handler that parsed it (``numbered``, ``rss``...)."""
    entries: tuple[Entry, ...] = ()
    """Entries in document order."""
    problems: tuple[Problem, ...] = ()
    """What went wrong; empty when all went well."""
    title: str | None = None
    """The page's headline."""
    kicker: str | None = None
    """The small label above the headline (``WAR``)."""
    standfirst: str | None = None
    """The summary line under the headline."""
    key_points: tuple[str, ...] = ()
    """Summary bullets / key points at the top of the page."""
    authors: tuple[Author, ...] = ()
    """Blog-level byline (for the whole page, not one entry)."""
    published: Timestamp | None = None
    """The page's own date, if it prints one."""
    url: str | None = None
    """The page's own address (canonical link, feed link, a URL the saved text names)."""
    dropped: tuple[str, ...] = field(default=(), repr=False)
    """Boilerplate lines that were dropped (share buttons, promos...), for auditing."""

    @property
    def display_name(self) -> str:
        """The title when there is one, else the file name."""
        return self.title or self.source.name

    @property
    def readable(self) -> bool:
        """False when a fatal problem stopped the document from being read at all."""
        return not any(p.fatal for p in self.problems)
