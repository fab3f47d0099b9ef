"""Timestamp recognition: compiled regexes and the standard library first, dateparser last.

``dateparser.parse`` costs milliseconds per call (seconds on the first), a regex plus
``datetime`` microseconds, so the common stamp forms are recognised here and
:func:`fallback_date` is only for header lines the regexes miss (cached, fixed languages).

A :class:`Stamp` is what a piece of text says (time of day, a date with or without the year,
a zone word); :func:`to_timestamp` turns it into a model :class:`Timestamp`, filling the day
from an anchor date and the zone from the page's home zone when the stamp lacks them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache

from parsers.model import Precision, Timestamp, ZoneBasis
from parsers.zones import ZONE_WORDS, zone_for_word, zone_named

_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar jänner janvier janv enero gennaio januari janeiro",
        "february feb febr februar février fevrier févr fevr febrero febbraio februari"
        " fevereiro",
        "march mar märz maerz mars marzo maart março",
        "april apr avril avr abril aprile",
        "may mai mayo maggio mei maio",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet juil julio luglio julho",
        "august aug août aout agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct okt oktober octobre octubre ottobre outubro",
        "november nov novembre noviembre novembro",
        "december dec dez dezember décembre decembre déc diciembre dicembre dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number

def _trie(words: list[str]) -> str:
    """An alternation of ``words`` nested by shared prefixes (``ja(?:n|nuary|…)``).

    The regex engine then tries one branch per first letter instead of every word, which
    makes date search several times faster; longer words come first within a branch.
    """
    if not words:
        return ""
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    if not groups:
        return ""
    parts = []
    for first in sorted(groups, key=lambda c: -max(len(w) for w in groups[c])):
        rest = _trie(groups[first])
        parts.append(re.escape(first) + (f"(?:{rest})" if rest else ""))
    body = "|".join(parts)
    return f"(?:{body})?" if ends else body


_MONTHS = _trie(sorted(_MONTH_NAMES, key=len, reverse=True))
_WEEKDAYS = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so)\.?"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"|(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
    r"|(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
    r"|(?:lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)"
)
WEEKDAY_RE = re.compile(rf"(?i:\b(?:{_WEEKDAYS}))")

_DATE = re.compile(
    rf"""
    (?P<iso>(?<!\d)(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?!\d))
    | (?P<dmy>(?<![\w.])(?P<dd>[0-3]?\d)(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?
        (?P<dmon>{_MONTHS})\b\.?(?:,?\s+(?:de\s+)?(?P<dy>(?:19|20)\d\d)(?!\d))?)
    | (?P<mdy>(?<!\w)(?P<mmon>{_MONTHS})\b\.?\s+(?P<md>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.]\d)
        (?:,?\s+(?P<my>(?:19|20)\d\d)(?!\d))?)
    | (?P<num>(?<![\w.:/])(?P<nd>[0-3]?\d)(?P<nsep>[./])(?P<nm>[01]?\d)
        (?:(?P=nsep)(?P<ny>(?:19|20)\d\d|\d\d)(?![\d:])|(?P<ndot>\.)(?!\d)|(?<=/\d)(?![\d.:])
        |(?<=/\d\d)(?![\d.:])))
    """,
    re.IGNORECASE | re.VERBOSE,
)

_AMPM = r"(?:[ap]\.\s?m\.?|[ap]m\b)"
_TIME = re.compile(
    rf"""
    (?<![\w.:/,-])
    (?:
      (?P<h>[01]?\d|2[0-3])\s?(?:[:.]|\s?h\s?)(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d])
        (?:\s?(?P<ampm>{_AMPM}))?(?:\s?(?P<uhr>uhr)\b)?
    | (?P<h2>1[0-2]|0?[1-9])\s?(?P<ampm2>{_AMPM})
    | (?P<h3>[01]?\d|2[0-3])\s?(?P<uhr3>uhr|h)\b
    | (?P<word>noon|midnight|midi|minuit|mitternacht)\b
    )
    (?!\.?\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_ABBREVIATIONS = [w for w in ZONE_WORDS if " " not in w and len(w) <= 5]
_LONG_ZONES = [w for w in ZONE_WORDS if w not in _ABBREVIATIONS]
_ZONE = re.compile(
    r",?\s*\(?(?P<zone>"
    r"(?:UTC|GMT)\s?[+-−]\s?\d{1,2}(?::?\d{2})?"
    r"|[+-−]\d{2}:?\d{2}"
    rf"|(?i:{'|'.join(re.escape(w) for w in _LONG_ZONES)})"
    rf"|{'|'.join(re.escape(w.upper()) for w in _ABBREVIATIONS)}"
    r")\)?(?![\w+-])"
)

RELATIVE_RE = re.compile(
    r"^(?:(?:updated\s+)?(?:about\s+)?\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)"
    r"(?:\s+\d+\s*(?:m|mins?|minutes?|s|secs?))?\s+ago"
    r"|vor\s+\d+\s+(?:minuten|minute|stunden|stunde|tagen|tag)"
    r"|il y a\s+\d+\s*(?:min|minutes?|h|heures?|jours?)"
    r"|hace\s+\d+\s*(?:min|minutos?|h|horas?|días?)"
    r"|\d+\s*(?:min|minuti|minuto|ore|ora|giorni)\s+fa"
    r"|\d+\s*(?:min|minuten|minuut|uur|dagen|dag)\s+geleden"
    r"|just now|now|gerade eben|à l'instant)$",
    re.IGNORECASE,
)
"""A line that only says how long ago something was (``1h ago``, ``17 hr 44 min ago``)."""

EPOCH_RE = re.compile(r"(?<!\d)(1[0-9]{9})(?:\.\d+)?(?!\d)")
"""A Unix epoch in seconds between 2001 and 2033."""


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


def _month(name: str) -> int | None:
    name = name.casefold().rstrip(".")
    number = _MONTH_NAMES.get(name)
    if number is None:
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
        number = _MONTH_NAMES.get(stripped)
    return number


@dataclass(frozen=True, slots=True)
class _DatePart:
    start: int
    end: int
    year: int | None
    month: int
    day: int


def find_date(text: str, pos: int = 0) -> _DatePart | None:
    """The first plausible calendar date in ``text`` at or after ``pos``."""
    for match in _DATE.finditer(text, pos):
        year: int | None
        if match.group("iso"):
            year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
        elif match.group("dmy"):
            month_number = _month(match["dmon"])
            if month_number is None:
                continue
            year = int(match["dy"]) if match["dy"] else None
            month, day = month_number, int(match["dd"])
        elif match.group("mdy"):
            month_number = _month(match["mmon"])
            if month_number is None:
                continue
            year = int(match["my"]) if match["my"] else None
            month, day = month_number, int(match["md"])
        else:
            day, month = int(match["nd"]), int(match["nm"])
            if match["nsep"] == "." and not (match["ny"] or match["ndot"]):
                continue
            year = None
            if match["ny"]:
                year = int(match["ny"])
                if year < 100:
                    year += 2000
            if month > 12 and day <= 12:
                day, month = month, day
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        return _DatePart(match.start(), match.end(), year, month, day)
    return None


@dataclass(frozen=True, slots=True)
class _TimePart:
    start: int
    end: int
    hour: int
    minute: int
    second: int
    twelve_hour: bool


def find_time(text: str, pos: int = 0, endpos: int | None = None) -> _TimePart | None:
    """The first plausible time of day in ``text[pos:endpos]``."""
    end = len(text) if endpos is None else endpos
    for match in _TIME.finditer(text, pos, end):
        twelve = False
        if match["word"]:
            word = match["word"].casefold()
            hour = 12 if word in ("noon", "midi") else 0
            minute, second, twelve = 0, 0, True
        elif match["h2"]:
            hour, minute, second = int(match["h2"]), 0, 0
            hour = _twelve(hour, match["ampm2"])
            twelve = True
        elif match["h3"]:
            hour, minute, second = int(match["h3"]), 0, 0
        else:
            hour, minute = int(match["h"]), int(match["m"])
            second = int(match["s"]) if match["s"] else 0
            if match["ampm"]:
                if hour == 0 or hour > 12:
                    continue
                hour = _twelve(hour, match["ampm"])
                twelve = True
        return _TimePart(match.start(), match.end(), hour, minute, second, twelve)
    return None


def _twelve(hour: int, ampm: str) -> int:
    """12-hour to 24-hour: 12 a.m. is 00, 12 p.m. is 12."""
    pm = ampm.lstrip()[0] in "pP"
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def find_zone(text: str, pos: int) -> tuple[str, int] | None:
    """A zone word starting at ``pos`` (after optional comma, space, parenthesis)."""
    match = _ZONE.match(text, pos)
    if match is None:
        return None
    return match["zone"], match.end()


_ISO_DATETIME = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)[T ](?P<h>[01]\d|2[0-3])"
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


def parse_stamp(text: str) -> Stamp | None:
    """Read a time, a date and a zone from ``text`` (a stamp line or a short phrase).

    Returns None when there is neither a time of day nor a date. The parts may come in any
    order (``13:11 GMT 21 February 2022``, ``February 25, 2022 4:12 p.m. ET``); an ISO 8601
    date-time (``2022-03-10T22:15:00Z``) is read whole.
    """
    if "-" in text:
        iso = _iso_stamp(text)
        if iso is not None:
            return iso
    found_date = find_date(text)
    if found_date is not None:
        found_time = find_time(text, 0, found_date.start) or find_time(text, found_date.end)
    else:
        found_time = find_time(text)
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
    return Stamp(
        start=start,
        end=end,
        hour=found_time.hour if found_time else None,
        minute=found_time.minute if found_time else None,
        second=found_time.second if found_time else 0,
        year=found_date.year if found_date else None,
        month=found_date.month if found_date else None,
        day=found_date.day if found_date else None,
        zone=zone,
        twelve_hour=found_time.twelve_hour if found_time else False,
    )


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
