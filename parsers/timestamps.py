"""Timestamp recognition: compiled regexes and the standard library first, dateparser last.

``dateparser.parse`` costs milliseconds per call (seconds on the first), a regex plus
``datetime`` microseconds, so the common stamp forms are recognised here and
:func:`fallback_date` is only for header lines the regexes miss (cached, fixed languages).

A :class:`Stamp` is what a piece of text says (time of day, a date with or without the year,
a zone word); :func:`to_timestamp` turns it into a model :class:`Timestamp`, filling the day
from an anchor date and the zone from the page's home zone when the stamp lacks them.

The words and regex parts come from :mod:`parsers.dates` (one vocabulary for every handler):
month and weekday names of 30 languages are matched by word shape and looked up, so the
matchers stay small whatever the number of languages. :func:`parse_stamp` reads a stamp
anywhere in a short text; :func:`stamp_at` reads the stamp a line starts with (for
separator candidates). Four bare digits (``0942``) are a time only with a zone after them
or when the caller says the text stands in a stamp position (``weak``), and are marked weak.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache

from parsers.dates.grammar import (
    AMPM_AFTER,
    AMPM_LATIN,
    AMPM_PREFIX,
    CJK_DATE,
    CJK_TIME,
    DATE_LINK,
    HM_FOUR,
    HOUR12,
    HOUR24,
    NAME_WORD,
    OFFSET,
    ORDINAL,
    WEEKDAY_RE,
    YEAR,
    ZONE,
    ZONE_ABBREVIATION,
    is_pm,
    name_key,
)
from parsers.dates.names import LATIN_END, MONTH_NAMES, month_number
from parsers.dates.relative import EPOCH_RE as _EPOCH_RE
from parsers.dates.relative import RELATIVE_RE as _RELATIVE_RE
from parsers.dates.vocabulary import CLOCK_WORDS, NOON_WORDS
from parsers.model import Precision, Timestamp, ZoneBasis
from parsers.zones import zone_for_word, zone_named

__all__ = [
    "EPOCH_RE", "RELATIVE_RE", "WEEKDAY_RE", "Stamp", "fallback_date", "find_date",
    "find_time", "find_zone", "from_epoch", "make_aware", "parse_stamp", "to_timestamp",
]

_MONTH_NAMES = MONTH_NAMES
_MONTH = rf"{NAME_WORD}"
"""A month is any name-shaped word here; :func:`find_date` looks it up (see ``NAME_WORD``)."""
_CLOCK_WORDS = "|".join(CLOCK_WORDS)


def _date_regex(cjk: bool) -> re.Pattern[str]:
    """The date matcher, with the CJK numeric form or not."""
    cjk_form = rf"| (?P<cjk>(?<!\d){CJK_DATE})" if cjk else ""
    source = rf"""
    (?P<iso>(?<!\d)(?P<iy>{YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d))
    {cjk_form}
    | (?P<dmy>(?<![\w.])(?P<dd>[0-3]?\d)(?:{ORDINAL}|\.)?\s+{DATE_LINK}?
        (?P<dmon>{_MONTH})\.?(?:,?\s+{DATE_LINK}?(?P<dy>{YEAR})(?!\d))?)
    | (?P<mdy>(?<![^\W\d_])(?P<mmon>{_MONTH})\.?
        \s+(?P<md>[0-3]?\d)
        (?:st|nd|rd|th)?(?![\d:.]\d)(?:,?\s+(?P<my>{YEAR})(?!\d))?)
    | (?P<ymd>(?<![\w.])(?P<yy>{YEAR})\.?\s+(?P<ymon>{_MONTH})\.?\s+
        (?P<yd>[0-3]?\d)(?!\d)\.?)
    | (?P<num>(?<![\w.:/])(?P<nd>[0-3]?\d)(?P<nsep>[./])(?P<nm>[01]?\d)
        (?:(?P=nsep)(?P<ny>{YEAR}|\d\d)(?![\d:])|(?P<ndot>\.)(?!\d)|(?<=/\d)(?![\d.:])
        |(?<=/\d\d)(?![\d.:])))
    """
    return re.compile(source, re.IGNORECASE | re.VERBOSE)


_DATE = _date_regex(True)
_DATE_LATIN = _date_regex(False)
"""The date matchers for any text, and the faster one for Latin-script text."""


def _time_regex(ampm: str, cjk: bool) -> re.Pattern[str]:
    """The time matcher with the am/pm words ``ampm``, with the CJK forms or not."""
    cjk_forms = (
        rf"""| (?<!\d)(?:(?P<pre>{AMPM_PREFIX})\s?)?{CJK_TIME}
        | (?P<pre2>{AMPM_PREFIX})\s?(?P<ph>{HOUR12})(?::(?P<pm>[0-5]\d))?"""
        if cjk
        else ""
    )
    source = rf"""
    (?:
      (?<![\w.:/,-])
      (?:
        (?P<h>{HOUR24})\s?(?::\s?|\.|\s?h\s?)(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d])
          (?:\s?(?P<ampm>{ampm}))?(?:\s?(?P<uhr>uhr|heures)\b)?
      | (?P<h2>{HOUR12})\s?(?P<ampm2>{ampm})
      | (?P<h3>{HOUR24})\s?(?P<uhr3>uhr|uur|heures|h)\b
      | (?P<h4>{HM_FOUR})(?:\s?(?:hrs|h)\b|(?=\s?\(?(?:{ZONE_ABBREVIATION}|{OFFSET})(?![\w+-])))
      | (?P<word>{_CLOCK_WORDS})\b
      )
    {cjk_forms}
    )
    (?!\.?\d)
    """
    return re.compile(source, re.IGNORECASE | re.VERBOSE)


_TIME = _time_regex(AMPM_AFTER, True)
_TIME_LATIN = _time_regex(AMPM_LATIN, False)
"""The time matchers for any text, and the faster one for Latin-script text."""

_FOUR = re.compile(r"(?<![\w.:/,+-])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?![\d.,]|:\d)")
"""Four bare digits (``0942``): a time only with a zone after it or in a stamp position."""

_ZONE = re.compile(rf",?\s*\(?(?P<zone>{ZONE})\)?(?![\w+-])")

RELATIVE_RE = _RELATIVE_RE
EPOCH_RE = _EPOCH_RE


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a piece of text says about a time, before days and zones are filled in."""

    start: int
    """Where the stamp begins in the text examined."""
    end: int
    """Where it ends."""
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    year: int | None = None
    month: int | None = None
    day: int | None = None
    zone: str | None = None
    """The zone word as printed (``GMT``, ``ET``, ``+0200``)."""
    twelve_hour: bool = False
    """True when the hour came with am/pm (or noon/midnight)."""
    weak: bool = False
    """True for a form that is a number as often as a time (``0942``): a separator choice
    should want more evidence (a zone, a stamp position, recurrence) before trusting it."""

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    @property
    def has_date(self) -> bool:
        return self.month is not None and self.day is not None

    def date(self, year: int | None = None) -> date | None:
        """The calendar date, taking ``year`` when the stamp has none."""
        if not self.has_date:
            return None
        chosen = self.year if self.year is not None else year
        if chosen is None:
            return None
        try:
            return date(chosen, self.month or 0, self.day or 0)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class _DatePart:
    start: int
    end: int
    year: int | None
    month: int
    day: int


def find_date(text: str, pos: int = 0) -> _DatePart | None:
    """The first plausible calendar date in ``text`` at or after ``pos``."""
    pattern = _DATE_LATIN if text.isascii() or max(text) < LATIN_END else _DATE
    while True:
        match = pattern.search(text, pos)
        if match is None:
            return None
        # A name-shaped word that is no month: look again one character on (the match may
        # have swallowed the start of a real date: "Scholz 14 March").
        pos = match.start() + 1
        form = match.lastgroup
        year: int | None = None
        if form == "iso":
            year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
        elif form == "dmy" or form == "mdy" or form == "ymd":
            number = month_number(match["dmon" if form == "dmy" else form[:1] + "mon"])
            if number is None:
                continue
            month = number
            if form == "dmy":
                day, found_year = int(match["dd"]), match["dy"]
            elif form == "mdy":
                day, found_year = int(match["md"]), match["my"]
            else:
                day, found_year = int(match["yd"]), match["yy"]
            year = int(found_year) if found_year else None
        elif form == "cjk":
            year = int(match["cy"]) if match["cy"] else None
            month, day = int(match["cm"]), int(match["cd"])
        else:
            day, month = int(match["nd"]), int(match["nm"])
            if match["nsep"] == "." and not (match["ny"] or match["ndot"]):
                continue
            if match["ny"]:
                year = int(match["ny"])
                if year < 100:
                    year += 2000
            if month > 12 and day <= 12:
                day, month = month, day
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        return _DatePart(match.start(), match.end(), year, month, day)


@dataclass(frozen=True, slots=True)
class _TimePart:
    start: int
    end: int
    hour: int
    minute: int
    second: int
    twelve_hour: bool
    weak: bool = False


def find_time(
    text: str, pos: int = 0, endpos: int | None = None, weak: bool = False
) -> _TimePart | None:
    """The first plausible time of day in ``text[pos:endpos]``.

    Four bare digits (``0942``) count only when a zone follows them or with ``weak`` (the
    caller knows the text stands in a stamp position); the part is then marked weak.
    """
    end = len(text) if endpos is None else endpos
    latin = text.isascii() or max(text) < LATIN_END
    for match in (_TIME_LATIN if latin else _TIME).finditer(text, pos, end):
        twelve = False
        second = 0
        if match["word"]:
            word = match["word"].casefold()
            hour = 12 if word in NOON_WORDS else 0
            minute, twelve = 0, True
        elif match["h2"]:
            hour, minute = _twelve(int(match["h2"]), match["ampm2"]), 0
            twelve = True
        elif match["h3"]:
            hour, minute = int(match["h3"]), 0
        elif match["h4"]:
            hour, minute = int(match["h4"][:2]), int(match["h4"][2:])
            return _TimePart(match.start(), match.end(), hour, minute, 0, False, True)
        elif not latin and match["kh"]:
            hour, minute = int(match["kh"]), int(match["km"] or 0)
            if match["pre"]:
                if not 1 <= hour <= 12:
                    continue
                hour, twelve = _twelve(hour, match["pre"]), True
        elif not latin and match["ph"]:
            hour, minute = _twelve(int(match["ph"]), match["pre2"]), int(match["pm"] or 0)
            twelve = True
        else:
            hour, minute = int(match["h"]), int(match["m"])
            second = int(match["s"]) if match["s"] else 0
            if match["ampm"]:
                if hour == 0 or hour > 12:
                    continue
                hour = _twelve(hour, match["ampm"])
                twelve = True
        return _TimePart(match.start(), match.end(), hour, minute, second, twelve)
    if weak:
        four = _FOUR.search(text, pos, end)
        if four is not None:
            hour, minute = int(four["h"]), int(four["m"])
            return _TimePart(four.start(), four.end(), hour, minute, 0, False, True)
    return None


def _twelve(hour: int, ampm: str) -> int:
    """12-hour to 24-hour: 12 a.m. is 00, 12 p.m. is 12."""
    pm = is_pm(ampm)
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def find_zone(text: str, pos: int) -> tuple[str, int] | None:
    """A zone word starting at ``pos`` (after optional comma, space, parenthesis)."""
    match = _ZONE.match(text, pos)
    if match is None:
        return None
    return match["zone"], match.end()


_STAMP_WINDOW = 120
"""Characters :func:`stamp_at` reads (a stamp is short; the rest of the line is not its)."""
_JOIN = re.compile(r"\s*(?:[,–—|-]\s*|\s(?:on|le|am|el|il)\s+)?\s*")
_WEEKDAY_LEAD = re.compile(rf"({NAME_WORD})\.?,?\s+")


def stamp_at(text: str, pos: int = 0, weak: bool = False) -> Stamp | None:
    """The stamp that begins at ``pos`` (maybe inside a bracket), or None: for separators.

    A time with its am/pm, ``Uhr`` and zone (``0942 GMT``, ``7: 15 p.m.``, ``14.31 Uhr``),
    maybe followed by a date (``22:15 – 10 Mar 2022``); or a date, maybe after a weekday,
    maybe followed by a time (``Tuesday, March 3rd 2024, 9:15 a.m. ET``). Four bare digits
    (``0942:``) only with ``weak``, marked weak. Reads at most :data:`_STAMP_WINDOW`
    characters; the stamp's ``start``/``end`` are positions in ``text``.
    """
    window = text[pos : pos + _STAMP_WINDOW]
    start = 1 if window[:1] in "([" else 0
    lead = _WEEKDAY_LEAD.match(window, start)
    if lead is not None and name_key(lead[1]) in WEEKDAY_RE.names:
        start = lead.end()
    part = _time_at(window, start, weak)
    if part is not None:
        end, zone = part.end, None
        zoned = find_zone(window, end)
        if zoned is not None:
            zone, end = zoned
        joined = _JOIN.match(window, end)
        day = find_date(window, joined.end()) if joined is not None else None
        if day is not None and day.start == joined.end():  # type: ignore[union-attr]
            end = day.end
        else:
            day = None
        return _joined(pos, start, end, part, day, zone)
    day = find_date(window, start)
    if day is None or day.start != start:
        return None
    joined = _JOIN.match(window, day.end)
    after = joined.end() if joined is not None else day.end
    part = _time_at(window, after, weak)
    if part is None:
        return _joined(pos, start, day.end, None, day, None)
    end, zone = part.end, None
    zoned = find_zone(window, end)
    if zoned is not None:
        zone, end = zoned
    return _joined(pos, start, end, part, day, zone)


def _time_at(window: str, start: int, weak: bool) -> _TimePart | None:
    """A time of day that starts exactly at ``start``."""
    part = find_time(window, start, min(len(window), start + 40))
    if part is not None and part.start == start:
        return part
    if weak:
        four = _FOUR.match(window, start)
        if four is not None:
            hour, minute = int(four["h"]), int(four["m"])
            return _TimePart(four.start(), four.end(), hour, minute, 0, False, True)
    return None


def _joined(
    pos: int, start: int, end: int, part: _TimePart | None, day: _DatePart | None, zone: str | None
) -> Stamp:
    return Stamp(
        start=pos + start,
        end=pos + end,
        hour=part.hour if part else None,
        minute=part.minute if part else None,
        second=part.second if part else 0,
        year=day.year if day else None,
        month=day.month if day else None,
        day=day.day if day else None,
        zone=zone,
        twelve_hour=part.twelve_hour if part else False,
        weak=part.weak if part else False,
    )


_ISO_DATETIME = re.compile(
    rf"(?<!\d)(?P<y>{YEAR})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)[T ](?P<h>[01]\d|2[0-3])"
    r":(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d)(?:[.,]\d+)?)?\s?(?P<z>Z|[+-][01]\d:?[0-5]\d)?(?![\d:])"
)


def _iso_stamp(text: str) -> Stamp | None:
    """``2022-03-10T22:15:00Z`` / ``2022-03-10 22:15+01:00`` (CMS exports, feeds)."""
    match = _ISO_DATETIME.search(text)
    if match is None:
        return None
    zone = match["z"]
    return Stamp(
        start=match.start(),
        end=match.end(),
        hour=int(match["h"]),
        minute=int(match["mi"]),
        second=int(match["s"] or 0),
        year=int(match["y"]),
        month=int(match["mo"]),
        day=int(match["d"]),
        zone="UTC" if zone == "Z" else zone,
    )


def parse_stamp(text: str, weak: bool = False) -> Stamp | None:
    """Read a time, a date and a zone from ``text`` (a stamp line or a short phrase).

    Returns None when there is neither a time of day nor a date. The parts may come in any
    order (``13:11 GMT 21 February 2022``, ``February 25, 2022 4:12 p.m. ET``); an ISO 8601
    date-time (``2022-03-10T22:15:00Z``) is read whole. ``weak`` lets four bare digits
    (``0942``) be a time: pass it only for text in a stamp position.
    """
    if len(text) <= _CACHED_STAMP_TEXT:
        return _parse_short_stamp(text, weak)
    return _parse_stamp(text, weak)


_CACHED_STAMP_TEXT = 200
"""Stamp text up to this length is cached: a page's stamp lines are read by the sniff and
again by the parse, and a :class:`Stamp` is frozen (safe to share)."""


def _parse_stamp(text: str, weak: bool) -> Stamp | None:
    if "-" in text:
        iso = _iso_stamp(text)
        if iso is not None:
            return iso
    found_date = find_date(text)
    if found_date is not None:
        found_time = find_time(text, 0, found_date.start, weak) or find_time(
            text, found_date.end, None, weak
        )
    else:
        found_time = find_time(text, 0, None, weak)
    if found_date is None and found_time is None:
        return None
    zone: str | None = None
    spans = [p for p in (found_date, found_time) if p is not None]
    start = min(p.start for p in spans)
    end = max(p.end for p in spans)
    if found_time is not None:
        zoned = find_zone(text, found_time.end)
        if zoned is None and found_date is not None and found_date.start >= found_time.end:
            zoned = find_zone(text, found_date.end)
        if zoned is not None:
            zone = zoned[0]
            end = max(end, zoned[1])
    return _joined(0, start, end, found_time, found_date, zone)


_parse_short_stamp = lru_cache(maxsize=8192)(_parse_stamp)


def make_aware(
    day: date, hour: int, minute: int, second: int, zone: tzinfo
) -> datetime:
    """A wall-clock time on ``day`` in ``zone`` (earlier reading of a repeated DST hour)."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


def to_timestamp(
    stamp: Stamp,
    anchor: date | None = None,
    home_zone: str | None = None,
    zone_words: Mapping[str, str] | None = None,
) -> Timestamp | None:
    """Turn a :class:`Stamp` into a :class:`Timestamp`.

    ``anchor`` supplies the day for time-only stamps (marked ``date_inferred``) and the year
    for dates without one. ``home_zone`` (an IANA name or offset) applies when no zone is
    printed (marked ``ZoneBasis.ASSUMED``; UTC when there is no home zone either).
    ``zone_words`` overrides what a printed zone word means on this page (upper-case word
    to IANA name: ``{"IST": "Europe/Dublin"}`` on an Irish page).
    Returns None when no calendar date can be had.
    """
    inferred = False
    day = stamp.date(anchor.year if anchor else None)
    if day is None:
        if stamp.has_date or anchor is None or not stamp.has_time:
            return None
        day, inferred = anchor, True
    if not stamp.has_time:
        return Timestamp(
            datetime(day.year, day.month, day.day, tzinfo=UTC), Precision.DATE, ZoneBasis.NONE
        )
    zone: tzinfo | None = None
    if stamp.zone:
        override = zone_words.get(stamp.zone.upper()) if zone_words else None
        zone = zone_named(override) if override else zone_for_word(stamp.zone)
    basis = ZoneBasis.STATED
    if zone is None:
        basis = ZoneBasis.ASSUMED
        zone = (zone_named(home_zone) if home_zone else None) or UTC
    at = make_aware(day, stamp.hour or 0, stamp.minute or 0, stamp.second, zone)
    return Timestamp(at, Precision.TIME, basis, date_inferred=inferred)


def from_epoch(seconds: float) -> Timestamp:
    """A Unix epoch as a UTC :class:`Timestamp`."""
    return Timestamp(datetime.fromtimestamp(seconds, UTC), Precision.TIME, ZoneBasis.STATED)


@lru_cache(maxsize=1024)
def fallback_date(text: str) -> date | None:
    """Last resort for a header date line the regexes missed: ``dateparser``, cached.

    Languages are fixed (so dateparser does not guess among hundreds) and only lines that
    look like dates should be passed here; never call it per body line.
    """
    if len(text) > 80 or not any(c.isdigit() for c in text):
        return None
    import dateparser  # imported lazily: it costs ~1 s to load

    try:
        parsed = dateparser.parse(
            text,
            languages=["en", "de", "fr", "es", "it"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
        )
    except Exception:  # noqa: BLE001 - dateparser raises on odd input; a miss is a miss
        return None
    return parsed.date() if parsed else None
