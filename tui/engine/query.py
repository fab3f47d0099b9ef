"""The query language of the reader's search bar. Pure: no Textual, no Rich.

``parse_query(text)`` gives a :class:`Query` or, for a query that cannot be understood, a
:class:`QueryError` (it never raises). The language:

- ``kyiv sanctions``: every word must appear (case-insensitive, anywhere in the entry).
- ``"no-fly zone"``: a phrase, matched as written (case-insensitive).
- ``-rumour`` / ``-"peace talks"``: entries containing it are excluded.
- ``author:inwood``, ``source:bbc``, ``label:breaking``: narrow by a field (substring,
  case-insensitive); values may be quoted (``author:"Joe Inwood"``); several are ANDed.
- ``since:2022-02-25``, ``until:"2022-02-25 18:00"``, ``since:10:30``, ``since:2h``: a date
  (compared with the entry's calendar date), a date and time (an instant; without an
  offset it is read in the given zone, local by default), a time of day (compared with the
  entry's wall-clock time) or an age (``30m``, ``2h``, ``3d`` ago). A time of day and a date
  are read on the clock the reader is shown (``clock``): each entry's own (its source's zone),
  local time or UTC, so ``since:08:00`` admits what the screen shows from 08:00 on.
  Bounds are inclusive. Entries without a time never pass a time bound.
- ``is:unread``, ``is:read``, ``is:marked``, ``is:unmarked``: by what the reader remembers
  (several are ANDed). The text predicate ignores them; :meth:`Query.state_test` applies them
  with the reader's state.
- ``is:grouped``: posts grouped with near-duplicates on other pages; ``also:reuters``: posts
  whose group has a post on a page named so (substring). :meth:`Query.group_test` applies
  them with the reader's groups.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Literal, Protocol, TypeAlias

from parsers.model import Precision, Timestamp

FIELDS = ("author", "source", "label", "since", "until", "is", "also")

STATES = ("read", "unread", "marked", "unmarked")
"""The values of ``is:``: what the reader remembers of an entry (see :meth:`Query.state_test`)."""
GROUPED = "grouped"
"""``is:grouped``: posts with near-duplicates on other pages (see :meth:`Query.group_test`)."""

Clock: TypeAlias = tzinfo | None | Literal["source"]
"""The clock times of day and dates are read on: ``"source"``, each entry's own (its source's
zone); a zone; None, the system's local zone (as ``datetime.astimezone`` reads it)."""


class BoundKind(StrEnum):
    """What a ``since:``/``until:`` value gave."""

    DATE = "date"
    INSTANT = "instant"
    CLOCK = "clock"


@dataclass(frozen=True, slots=True)
class Bound:
    """One end of a time range."""

    kind: BoundKind
    day: date | None = None
    instant: float | None = None
    clock: time | None = None
    text: str = ""
    zone: Clock = "source"
    """The clock a time of day or a date is read on (see :data:`Clock`)."""

    def admits(self, when: Timestamp, *, lower: bool) -> bool:
        """True when ``when`` is on the right side of this bound (inclusive)."""
        if self.kind is BoundKind.CLOCK:
            if when.precision is Precision.DATE or self.clock is None:
                return False
            wall = self._wall(when).time()
            return wall >= self.clock if lower else wall <= self.clock
        if self.kind is BoundKind.DATE or when.precision is Precision.DATE:
            mine = self.day if self.day is not None else _day_of_instant(self.instant)
            # A date-only time has no clock to convert: its date is the date.
            theirs = when.at.date() if when.precision is Precision.DATE else self._wall(when).date()
            return theirs >= mine if lower else theirs <= mine
        assert self.instant is not None
        return when.instant >= self.instant if lower else when.instant <= self.instant

    def _wall(self, when: Timestamp) -> datetime:
        """``when`` on this bound's clock."""
        return when.at if self.zone == "source" else when.at.astimezone(self.zone)


def _day_of_instant(instant: float | None) -> date:
    return datetime.fromtimestamp(instant or 0.0, UTC).date()


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query. Every string is lower-cased; an empty query matches everything."""

    text: str = ""
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    since: Bound | None = None
    until: Bound | None = None
    states: tuple[str, ...] = ()
    """``is:`` values, each one of :data:`STATES`."""
    grouped: bool = False
    """``is:grouped`` was given."""
    also: tuple[str, ...] = ()
    """``also:`` values."""

    @property
    def empty(self) -> bool:
        return not (
            self.states
            or self.grouped
            or self.also
            or self.words
            or self.phrases
            or self.excluded
            or self.authors
            or self.sources
            or self.labels
            or self.since
            or self.until
        )

    @property
    def reads_clock(self) -> bool:
        """True when a bound is a time of day or a date, read on the clock shown."""
        return any(
            bound is not None and bound.kind is not BoundKind.INSTANT
            for bound in (self.since, self.until)
        )

    @property
    def highlights(self) -> tuple[str, ...]:
        """What to highlight in headlines and bodies: the words and phrases sought."""
        return self.phrases + self.words

    def narrows(self, other: Query) -> bool:
        """True when everything this query matches, ``other`` also matches.

        Cheap and conservative: used to filter the previous result instead of everything
        while the reader types.
        """
        return (
            _covers(other.words + other.phrases, self.words + self.phrases)
            and set(other.excluded) <= set(self.excluded)
            and _covers(other.authors, self.authors)
            and _covers(other.sources, self.sources)
            and _covers(other.labels, self.labels)
            and other.since == self.since
            and other.until == self.until
            and set(other.states) <= set(self.states)
            and (self.grouped or not other.grouped)
            and _covers(other.also, self.also)
        )

    def group_test(self, groups: GroupView) -> Callable[[str], bool] | None:
        """A test of an entry id against ``is:grouped`` and ``also:``, or None without them."""
        if not (self.grouped or self.also):
            return None
        also = self.also

        def test(entry_id: str) -> bool:
            if entry_id not in groups.group_of:
                return False
            if also:
                names = [name.lower() for name in groups.also_in(entry_id)]
                return all(any(value in name for name in names) for value in also)
            return True

        return test

    def state_test(self, state: EntryState) -> Callable[[str], bool] | None:
        """A test of an entry id against the ``is:`` values, or None when there are none."""
        if not self.states:
            return None
        checks: list[Callable[[str], bool]] = []
        for value in dict.fromkeys(self.states):
            if value == "read":
                checks.append(state.is_read)
            elif value == "unread":
                checks.append(lambda entry_id: not state.is_read(entry_id))
            elif value == "marked":
                checks.append(state.is_marked)
            else:
                checks.append(lambda entry_id: not state.is_marked(entry_id))
        return lambda entry_id: all(check(entry_id) for check in checks)

    def predicate(self) -> Callable[[Searchable], bool]:
        """A function telling whether a searchable record matches, specialised for speed."""
        needles = self.words + self.phrases
        excluded = self.excluded
        authors, sources, labels = self.authors, self.sources, self.labels
        since, until = self.since, self.until
        if not (excluded or authors or sources or labels or since or until):
            memo: dict[object, object] = {}
            return lambda item: item.matches_text(needles, (), memo)

        scratch: dict[object, object] = {}

        def matches(item: Searchable) -> bool:
            # The cheap tests first, the text last.
            if sources:
                source_lc = item.source_lc
                if not all(s in source_lc for s in sources):
                    return False
            if authors:
                authors_lc = item.authors_lc
                if not all(a in authors_lc for a in authors):
                    return False
            if labels:
                labels_lc = item.labels_lc
                if not all(label in labels_lc for label in labels):
                    return False
            if since or until:
                when = item.published
                if when is None:
                    return False
                if since and not since.admits(when, lower=True):
                    return False
                if until and not until.admits(when, lower=False):
                    return False
            return not (needles or excluded) or item.matches_text(needles, excluded, scratch)

        return matches


class Searchable(Protocol):
    """What a query looks at (the timeline's items provide these attributes)."""

    def matches_text(
        self, needles: tuple[str, ...], excluded: tuple[str, ...], memo: dict[object, object]
    ) -> bool:
        """Whether every needle is in the record's lower-cased text (headline, body,
        captions, labels, authors) or in :attr:`page_lc`, and no excluded one in the text.
        ``memo`` is scratch space one predicate keeps across the records it tests."""
        ...

    @property
    def page_lc(self) -> str:
        """The page's key points, lower-cased: a word found there matches every entry."""
        ...

    @property
    def authors_lc(self) -> str: ...
    @property
    def source_lc(self) -> str: ...
    @property
    def labels_lc(self) -> str: ...
    @property
    def published(self) -> Timestamp | None: ...


class GroupView(Protocol):
    """What ``is:grouped`` and ``also:`` ask (:class:`tui.engine.grouping.Groups`)."""

    @property
    def group_of(self) -> Mapping[str, str]: ...
    def also_in(self, entry_id: str) -> tuple[str, ...]: ...


class EntryState(Protocol):
    """What ``is:`` asks (the engine's state store provides it)."""

    def is_read(self, entry_id: str) -> bool: ...
    def is_marked(self, entry_id: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class StateSnapshot:
    """Read and marked ids as they were when a query was applied.

    A filter on ``is:unread`` tests this copy, not the live state: an entry read while it is
    shown stays in the list until the query changes, instead of vanishing under the cursor.
    """

    read: frozenset[str] = frozenset()
    marked: frozenset[str] = frozenset()

    def is_read(self, entry_id: str) -> bool:
        return entry_id in self.read

    def is_marked(self, entry_id: str) -> bool:
        return entry_id in self.marked


def _covers(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    """Every old needle is contained in some new needle (so the new ones demand more)."""
    return all(any(o in n for n in new) for o in old)


@dataclass(frozen=True, slots=True)
class QueryError:
    """A query that could not be understood, and why."""

    text: str
    message: str


_TOKEN = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?("([^"]*)"?|[^\s"]+|"?)')
_AGE = re.compile(r"^(\d+)\s*([mhd])$")
_AGE_UNITS = {"m": "minutes", "h": "hours", "d": "days"}


def parse_query(
    text: str,
    zone: tzinfo | None = None,
    now: datetime | None = None,
    *,
    clock: Clock = "source",
) -> Query | QueryError:
    """Parse ``text``. ``zone`` reads a date and time without an offset (default: local);
    ``clock`` is the clock a time of day or a date alone is read on (the one shown)."""
    words: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    fields: dict[str, list[str]] = {name: [] for name in FIELDS}
    pos = 0
    stripped = text.rstrip()
    while pos < len(stripped):
        match = _TOKEN.match(stripped, pos)
        if match is None or match.end() == pos:  # pragma: no cover - the pattern always moves
            return QueryError(text, f"cannot read the query at {stripped[pos:]!r}")
        pos = match.end()
        negate, field, raw, quoted = match.group(1), match.group(2), match.group(3), match.group(4)
        value = (quoted if quoted is not None else raw).strip().lower()
        if field is not None and field.lower() not in FIELDS:
            # ``10:30`` or ``http:`` are words, not fields.
            value = f"{field}:{value}".lower() if quoted is None else value
            field = None
        if field is not None:
            name = field.lower()
            if negate:
                return QueryError(text, f"-{name}: is not supported (only words can be excluded)")
            if not value:
                return QueryError(text, f"{name}: needs a value")
            if name == "is" and value not in (*STATES, GROUPED):
                known = ", ".join((*STATES, GROUPED))
                return QueryError(text, f"is:{value} is not known (is: {known})")
            fields[name].append(value)
            continue
        if not value:
            if negate:
                return QueryError(text, "- needs a word after it")
            continue
        if negate:
            excluded.append(value)
        elif quoted is not None:
            phrases.append(value)
        else:
            words.append(value)
    bounds: dict[str, Bound | None] = {"since": None, "until": None}
    for name in ("since", "until"):
        values = fields[name]
        if len(values) > 1:
            return QueryError(text, f"{name}: given more than once")
        if values:
            bound = parse_bound(values[0], zone, now, clock=clock)
            if isinstance(bound, str):
                return QueryError(text, f"{name}:{values[0]} {bound}")
            bounds[name] = bound
    return Query(
        text=text,
        words=tuple(words),
        phrases=tuple(phrases),
        excluded=tuple(excluded),
        authors=tuple(fields["author"]),
        sources=tuple(fields["source"]),
        labels=tuple(fields["label"]),
        since=bounds["since"],
        until=bounds["until"],
        states=tuple(v for v in fields["is"] if v != GROUPED),
        grouped=GROUPED in fields["is"],
        also=tuple(fields["also"]),
    )


def parse_bound(
    value: str, zone: tzinfo | None = None, now: datetime | None = None, *, clock: Clock = "source"
) -> Bound | str:
    """A ``since:``/``until:`` value as a :class:`Bound`, or the reason it is not one."""
    value = value.strip()
    age = _AGE.match(value)
    if age:
        current = now or datetime.now(UTC)
        delta = timedelta(**{_AGE_UNITS[age.group(2)]: int(age.group(1))})
        return Bound(BoundKind.INSTANT, instant=(current - delta).timestamp(), text=value)
    if re.fullmatch(r"\d{1,2}:\d{2}", value):
        hours, minutes = (int(part) for part in value.split(":"))
        if hours > 23 or minutes > 59:
            return "is not a time of day"
        return Bound(BoundKind.CLOCK, clock=time(hours, minutes), text=value, zone=clock)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return Bound(BoundKind.DATE, day=date.fromisoformat(value), text=value, zone=clock)
        except ValueError:
            return "is not a date"
    try:
        moment = datetime.fromisoformat(value.upper().replace(" ", "T", 1))
    except ValueError:
        return "is not a date (YYYY-MM-DD), a time (HH:MM), a date and time, or an age (2h)"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
    return Bound(BoundKind.INSTANT, instant=moment.timestamp(), text=value)
