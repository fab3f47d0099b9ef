"""Dates and zones for stamps that lack them: order, anchors, midnight rollover, home zones.

Live blogs often print only a time of day per entry (``19.30 GMT``, ``17:52``, ``8.40am:``).
The day comes from an anchor (a header date line, a day-group header, a dated stamp) and is
carried along the entries, stepping one day back (newest-first) or forward (oldest-first)
where the times cross midnight. Which way the page runs is detected, not assumed. Where no
zone is printed, the page's home zone (from an ``All times…`` line, the zones the other
stamps print, outlet names, the language) is applied and the result says it was assumed.

Everything here is called once per document (or once per entry), never per body line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from parsers.dates.grammar import CAPTURE_PREFIX_RE, YEAR_RE
from parsers.dates.names import trie
from parsers.dates.vocabulary import HOME_ZONE_WORDS, ZONE_WORDS
from parsers.model import TimeOfDay, Timestamp, ZoneBasis
from parsers.timestamps import Stamp, fallback_date, from_epoch, parse_stamp, to_timestamp
from parsers.zones import zone_key


class Order(StrEnum):
    """Which way a page's entries run."""

    NEWEST_FIRST = "newest-first"
    OLDEST_FIRST = "oldest-first"


ROLLOVER_TOLERANCE = 60
"""Minutes a time may run against the page's order before it counts as crossing midnight.

Pages edit and re-pin entries, so a newest-first page sometimes shows 14:05 above 14:20;
only a larger jump (23:50 below 00:10) is read as the day changing.
"""


@dataclass(slots=True)
class Item:
    """One entry's time as the page printed it, with what the layout says around it."""

    stamp: Stamp | None = None
    """The stamp that started the entry (None for an entry without one)."""
    day: date | None = None
    """The date of the day-group header the entry sits under, if any."""
    epoch: float | None = None
    """A Unix epoch that started the entry instead of a stamp."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """A date (and maybe a time) the page states for itself, from its header lines."""

    day: date
    minutes: int | None = None
    """Minutes after midnight when the line also gave a time (a "last updated" time)."""


@dataclass(frozen=True, slots=True)
class HomeZone:
    """The zone applied to stamps that print none, and why."""

    name: str | None
    """IANA name or offset; None means UTC, assumed."""
    reason: str
    ist: str = "Asia/Kolkata"
    """What ``IST`` means on this page (India unless the page points to Ireland or Israel)."""


# --- anchors -------------------------------------------------------------------------------

_CAPTURE_PREFIX = CAPTURE_PREFIX_RE
_YEAR = YEAR_RE
_LETTER = re.compile(r"[^\W\d_]")


def capture_date(first_line: str) -> date | None:
    """The ` date YYYY-MM-DD` capture prefix some saved pages start with (a weak hint)."""
    match = _CAPTURE_PREFIX.match(first_line)
    if match is None:
        return None
    try:
        return date.fromisoformat(match["date"])
    except ValueError:
        return None


def header_anchors(lines: Iterable[str], fallback_budget: int = 6) -> list[Anchor]:
    """Dates (with years) the header lines state, in page order.

    The regexes read most lines; a few short lines that hold a year and a word but were not
    understood go to ``dateparser`` (cached), at most ``fallback_budget`` of them.
    """
    anchors: list[Anchor] = []
    for line in lines:
        if len(line) > 200 or not _YEAR.search(line):
            continue
        stamp = parse_stamp(line)
        if stamp is not None and stamp.has_date and stamp.year is not None:
            day = stamp.date()
            if day is not None:
                minutes = stamp.hour * 60 + (stamp.minute or 0) if stamp.hour is not None else None
                anchors.append(Anchor(day, minutes))
                continue
        if fallback_budget > 0 and len(line) <= 80 and _LETTER.search(line):
            fallback_budget -= 1
            found = fallback_date(line.strip())
            if found is not None:
                anchors.append(Anchor(found))
    return anchors


# --- order ---------------------------------------------------------------------------------


def _minutes(stamp: Stamp) -> int | None:
    if stamp.hour is None:
        return None
    return stamp.hour * 60 + (stamp.minute or 0)


def detect_order(
    items: Sequence[Item], updated_minutes: int | None = None, default: Order = Order.NEWEST_FIRST
) -> tuple[Order, str]:
    """Which way ``items`` run, and why (one line for ``--explain`` and tests).

    Full dates in the stamps decide first, then day-group headers, then the direction most
    steps between consecutive time-only stamps take, then a header "updated" time matching
    the first or the last entry, then ``default`` (most blogs since 2015 are newest-first).
    """
    keys: list[tuple[date, int]] = []
    for item in items:
        if item.epoch is not None:
            stamp_day = from_epoch(item.epoch).at
            keys.append((stamp_day.date(), stamp_day.hour * 60 + stamp_day.minute))
        elif item.stamp is not None and item.stamp.year is not None and item.stamp.has_date:
            day = item.stamp.date()
            if day is not None:
                keys.append((day, _minutes(item.stamp) or 0))
    if len(keys) >= 2 and keys[0] != keys[-1]:
        if keys[0] > keys[-1]:
            return Order.NEWEST_FIRST, "dated stamps run backwards in time"
        return Order.OLDEST_FIRST, "dated stamps run forwards in time"
    days = [item.day for item in items if item.day is not None]
    if len(days) >= 2 and days[0] != days[-1]:
        if days[0] > days[-1]:
            return Order.NEWEST_FIRST, "day headers run backwards in time"
        return Order.OLDEST_FIRST, "day headers run forwards in time"
    down = up = 0
    previous: int | None = None
    previous_day: date | None = None
    for item in items:
        if item.stamp is None or item.stamp.has_date:
            previous = None
            continue
        current = _minutes(item.stamp)
        if current is None:
            continue
        if previous is not None and item.day == previous_day:
            if current < previous:
                down += 1
            elif current > previous:
                up += 1
        previous, previous_day = current, item.day
    if down != up:
        # One midnight crossing costs a newest-first page one "up" step; it still wins.
        if down > up:
            return Order.NEWEST_FIRST, f"times mostly fall down the page ({down} vs {up})"
        return Order.OLDEST_FIRST, f"times mostly rise down the page ({up} vs {down})"
    times = [_minutes(i.stamp) for i in items if i.stamp is not None and i.stamp.has_time]
    if updated_minutes is not None and times:
        if times[0] == updated_minutes:
            return Order.NEWEST_FIRST, "the header's update time is the first entry's"
        if times[-1] == updated_minutes:
            return Order.OLDEST_FIRST, "the header's update time is the last entry's"
    return default, f"no evidence either way; assumed {default.value}"


# --- zones ---------------------------------------------------------------------------------

_ALL_TIMES = re.compile(
    r"\b(?:all\s+times?\s+(?:stated\s+)?(?:are\s+|in\s+)?|times?\s+(?:are|in)\s+)"
    rf"(?P<zone>{trie(sorted({*ZONE_WORDS, *HOME_ZONE_WORDS, 'local'} - {'z'}))})\b",
    re.IGNORECASE,
)


def zone_statement(line: str) -> bool:
    """True for a line that states the page's zone: ``All times stated are UK``."""
    return len(line) <= 60 and _ALL_TIMES.search(line) is not None

_OUTLET_ZONES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Irish Times", "RTÉ", "RTE News", "Irish Independent", "TheJournal.ie"), "Europe/Dublin"),
    (("Times of Israel", "Haaretz", "Jerusalem Post", "Ynet"), "Asia/Jerusalem"),
    (
        ("Hindustan Times", "Times of India", "NDTV", "Indian Express", "The Hindu",
         "India Today", "Mint", "News18"),
        "Asia/Kolkata",
    ),
    (
        ("Guardian", "BBC", "Sky News", "Telegraph", "The Independent", "Evening Standard",
         "The Times", "Daily Mail", "Reuters UK", "ITV News", "Channel 4 News"),
        "Europe/London",
    ),
    (
        ("CNN", "Associated Press", "AP Photo", "New York Times", "Washington Post", "NBC News",
         "CBS News", "ABC News", "Fox News", "NPR", "USA TODAY"),
        "America/New_York",
    ),
    (
        ("Sydney Morning Herald", "Brisbane Times", "The Age", "ABC Australia", "news.com.au"),
        "Australia/Sydney",
    ),
    (("Al Jazeera",), "UTC"),
)
"""Outlet names and their home zones, in order of precedence (Irish and Israeli outlets
first: they decide what ``IST`` means)."""


def _outlet(sample: str) -> tuple[str, str] | None:
    """The zone of the highest-precedence outlet named in ``sample`` (as a word), and the name.

    Plain substring tests first (fast), a word-boundary regex only for names that occur.
    """
    for names, zone in _OUTLET_ZONES:
        for name in names:
            if name in sample and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sample):
                return zone, name
    return None


_LANGUAGE_WORDS = {
    "en": ("the", "and", "of", "to", "is", "was", "with", "for", "that", "have"),
    "de": ("der", "die", "und", "nicht", "ist", "mit", "auch", "sich", "uhr", "wurde", "haben"),
    "fr": ("le", "les", "des", "est", "une", "dans", "pour", "avec", "heure", "été", "sont", "qui"),
    "es": ("el", "los", "las", "del", "por", "con", "una", "para", "según", "fue", "está"),
    "it": ("il", "della", "che", "sono", "gli", "delle", "nel", "alla", "è", "anche", "questo"),
    "nl": ("het", "een", "van", "niet", "zijn", "voor", "met", "ook", "uur", "wordt", "naar"),
}


def language(sample: str) -> str:
    """``en``, ``de``, ``fr``, ``es``, ``it`` or ``nl``: whose common words occur most."""
    words = Counter(sample.casefold().split())
    counts = {
        lang: sum(words[word] for word in common) for lang, common in _LANGUAGE_WORDS.items()
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] > 0 else "en"


_LANGUAGE_ZONES = {
    "de": "Europe/Berlin",
    "fr": "Europe/Paris",
    "es": "Europe/Madrid",
    "it": "Europe/Rome",
    "nl": "Europe/Amsterdam",
}
"""Where an unzoned page in each language most likely keeps its clocks (always "assumed")."""


def home_zone(sample: str, printed_zones: Iterable[str] = ()) -> HomeZone:
    """The zone a page's unzoned stamps are in, with the cue that gave it.

    ``sample`` is the page's head and tail (header lines, footer), ``printed_zones`` the zone
    words its stamps print. The order of trust: an ``All times are …`` line, the zone most
    stamps print, an outlet's name, the language; else None (UTC, assumed).
    """
    ist = "Asia/Kolkata"
    outlet = _outlet(sample)
    if outlet is not None and outlet[0] in ("Europe/Dublin", "Asia/Jerusalem"):
        ist = outlet[0]
    stated = _ALL_TIMES.search(sample) if "time" in sample.casefold() else None
    if stated is not None:
        word = stated.group("zone").casefold()
        named = {**HOME_ZONE_WORDS, "ist": ist}.get(word) or zone_key(word)
        if named is not None:
            return HomeZone(named, f"the page says {stated.group(0)!r}", ist)
    counted = Counter(
        key for key in (zone_key(w) if w.upper() != "IST" else ist for w in printed_zones) if key
    )
    if counted:
        key, _ = counted.most_common(1)[0]
        if key == "UTC":
            key = "Europe/London" if outlet is None or outlet[0] == "Europe/London" else "UTC"
        return HomeZone(key, "the zone the other stamps print", ist)
    if outlet is not None:
        return HomeZone(outlet[0], f"outlet named on the page ({outlet[1]})", ist)
    lang = language(sample[:20000])
    if lang in _LANGUAGE_ZONES:
        return HomeZone(_LANGUAGE_ZONES[lang], f"the page is in {lang}", ist)
    return HomeZone(None, "no zone cue on the page (UTC assumed)", ist)


# --- dating --------------------------------------------------------------------------------


def _nearest_year(stamp: Stamp, near: date) -> date | None:
    """A year-less stamp date placed in the year that puts it nearest ``near``."""
    best: date | None = None
    for year in (near.year - 1, near.year, near.year + 1):
        candidate = stamp.date(year)
        if candidate is not None and (best is None or abs(candidate - near) < abs(best - near)):
            best = candidate
    return best


def _readings(stamp: Stamp, twelve_hour_page: bool) -> tuple[int, ...]:
    """The minutes-after-midnight a stamp may mean (two for a bare 12-hour time)."""
    minutes = _minutes(stamp)
    if minutes is None:
        return ()
    if twelve_hour_page and not stamp.twelve_hour and stamp.hour is not None:
        hour = stamp.hour
        if 1 <= hour <= 11:
            return (minutes, minutes + 12 * 60)
        if hour == 12:
            return (minutes - 12 * 60, minutes)
    return (minutes,)


def twelve_hour_page(stamps: Sequence[Stamp], updated_minutes: int | None = None) -> bool:
    """True when a page's clock times are on a 12-hour clock.

    Either most stamps print am/pm, or none does but the times only make sense on a 12-hour
    clock: every hour is 1-12 and the page's "updated" time is in the afternoon (``15:30``
    above ``3:20``), or in the midnight hour a 12-hour clock prints as 12 (``00:26`` above
    ``12:26``, within :data:`ROLLOVER_TOLERANCE` after a stamp on the 12-hour dial), or two
    neighbouring posts step between 12 and 1 (``1:05`` next to ``12:40``: eleven hours
    apart on a 24-hour clock, twenty-five minutes on a 12-hour one) or across 12 from 11
    (``11:50`` next to ``1:10``: ten hours apart as written, eighty minutes on the dial).
    The bare times are then resolved by the page's order (see :func:`resolve_minutes`).
    """
    timed = [s for s in stamps if s.hour is not None]
    if not timed:
        return False
    flagged = sum(1 for s in timed if s.twelve_hour)
    if flagged * 2 > len(timed):
        return True
    if flagged or len(timed) < 2 or any(not 1 <= (s.hour or 0) <= 12 for s in timed):
        return False
    dial = [(_minutes(s) or 0) % _HALF_DAY for s in timed]
    if updated_minutes is not None:
        if updated_minutes >= 13 * 60:
            return True
        if updated_minutes < 60 and any(
            (updated_minutes - m) % _HALF_DAY <= ROLLOVER_TOLERANCE for m in dial
        ):
            return True
    written = [_minutes(s) or 0 for s in timed]
    return any(
        {a // 60, b // 60} == {12, 1}
        or (abs(a - b) >= 10 * 60 and min((a - b) % _HALF_DAY, (b - a) % _HALF_DAY) <= 120)
        for a, b in zip(written, written[1:], strict=False)
    )


_HALF_DAY = 12 * 60


def _walk(
    readings: Sequence[tuple[int, ...]], first: int, order: Order
) -> tuple[list[int], int]:
    """Greedy readings after ``first``, and how many steps run against ``order``."""
    chosen = [first]
    against = 0
    for options in readings[1:]:
        previous = chosen[-1]
        value = _pick(options, options[0], previous, order)
        if order is Order.NEWEST_FIRST and value > previous + ROLLOVER_TOLERANCE:
            against += 1
        elif order is Order.OLDEST_FIRST and value < previous - ROLLOVER_TOLERANCE:
            against += 1
        chosen.append(value)
    return chosen, against


def resolve_minutes(
    items: Sequence[Item],
    order: Order,
    twelve_hour_page: bool = False,
    start: int | None = None,
    end: int | None = None,
) -> list[int | None]:
    """Minutes after midnight each item's clock time means, 12-hour times resolved.

    A bare ``7:15`` on a 12-hour page is 07:15 or 19:15: the reading that keeps the page's
    order after the time before it (``start`` is the page's "updated" time, if any, on a
    newest-first page). ``end`` is a time the page's last item is at or before (the updated
    time of an oldest-first page): the last run is read backwards from it. For the first
    time of a run with nothing before it (the top of a page without an updated time, a day
    header), the reading that gives the run the fewest steps against the order.
    Dated stamps and epochs give their own minutes; items without a time give None.
    """
    if not twelve_hour_page:
        # Every time means what it says: no reading to choose.
        return [
            _epoch_minutes(item.epoch)
            if item.epoch is not None
            else (_minutes(item.stamp) if item.stamp is not None else None)
            for item in items
        ]
    out: list[int | None] = [None] * len(items)
    before = start
    run: list[int] = []
    last_header: date | None = None
    timed = False  # a time seen yet: the first day header keeps ``start`` (the page's top)
    for index, item in enumerate(items):
        if item.epoch is not None:
            _resolve_run(items, run, before, order, twelve_hour_page, out)
            out[index] = before = _epoch_minutes(item.epoch)
            timed = True
            continue
        if item.day is not None and item.day != last_header:
            _resolve_run(items, run, before, order, twelve_hour_page, out)
            last_header = item.day
            before = before if not timed else None
        stamp = item.stamp
        if stamp is None or stamp.hour is None:
            continue
        timed = True
        if stamp.has_date:
            _resolve_run(items, run, before, order, twelve_hour_page, out)
            out[index] = before = _minutes(stamp)
            continue
        run.append(index)
    if before is None and end is not None and run:
        _resolve_backwards(items, run, end, twelve_hour_page, out)
    _resolve_run(items, run, before, order, twelve_hour_page, out)
    return out


def _resolve_backwards(
    items: Sequence[Item], run: list[int], end: int, twelve_hour_page: bool, out: list[int | None]
) -> None:
    """Resolve a page's last run from the time it ends by (read newest-first); empties it."""
    options = [_readings(items[i].stamp, twelve_hour_page) for i in reversed(run)]  # type: ignore[arg-type]
    written = _minutes(items[run[-1]].stamp) or 0  # type: ignore[arg-type]
    backwards = Order.NEWEST_FIRST
    chosen, _ = _walk(options, _pick(options[0], written, end, backwards), backwards)
    for index, value in zip(reversed(run), chosen, strict=True):
        out[index] = value
    run.clear()


def _epoch_minutes(epoch: float) -> int:
    at = from_epoch(epoch).at
    return at.hour * 60 + at.minute


def _resolve_run(
    items: Sequence[Item],
    run: list[int],
    before: int | None,
    order: Order,
    twelve_hour_page: bool,
    out: list[int | None],
) -> None:
    """Resolve one run of time-only items (see :func:`resolve_minutes`); empties ``run``."""
    if not run:
        return
    options = [_readings(items[i].stamp, twelve_hour_page) for i in run]  # type: ignore[arg-type]
    written = _minutes(items[run[0]].stamp) or 0  # type: ignore[arg-type]
    if before is not None:
        chosen, _ = _walk(options, _pick(options[0], written, before, order), order)
    else:
        firsts = sorted(options[0], key=lambda value: value != written)  # as written first
        chosen = min((_walk(options, first, order) for first in firsts), key=lambda w: w[1])[0]
    for index, value in zip(run, chosen, strict=True):
        out[index] = value
    run.clear()


def _pick(readings: tuple[int, ...], written: int, previous: int | None, order: Order) -> int:
    """For an ambiguous 12-hour time: the reading that keeps the page's order."""
    if len(readings) == 1 or previous is None:
        return written
    if order is Order.NEWEST_FIRST:
        fitting = [r for r in readings if r <= previous]
        return max(fitting) if fitting else max(readings)
    fitting = [r for r in readings if r >= previous]
    return min(fitting) if fitting else min(readings)


def assign(
    items: Sequence[Item],
    order: Order,
    anchor: Anchor | None,
    zone: HomeZone,
    twelve_hour_page: bool = False,
    clock_minutes: Sequence[int | None] | None = None,
) -> list[Timestamp | None]:
    """A timestamp for each item (None where no date can be had).

    ``clock_minutes`` are the items' clock times as :func:`resolve_minutes` reads them
    (computed here from the anchor's time when not given).

    The walk goes down the page from ``anchor`` (the newest date for a newest-first page,
    the oldest for an oldest-first one); dated stamps and day headers reset the day, and a
    time running against the order by more than :data:`ROLLOVER_TOLERANCE` minutes steps
    the day back (newest-first) or forward (oldest-first).
    """
    out: list[Timestamp | None] = []
    current: date | None = anchor.day if anchor else None
    previous: int | None = anchor.minutes if anchor else None
    from_anchor = previous is not None
    last_header: date | None = None
    zone_words = {"IST": zone.ist} if zone.ist != "Asia/Kolkata" else None
    step = timedelta(days=-1 if order is Order.NEWEST_FIRST else 1)
    if clock_minutes is None:
        clock_minutes = resolve_minutes(items, order, twelve_hour_page, previous)
    for position, item in enumerate(items):
        if item.epoch is not None:
            stamped = from_epoch(item.epoch)
            out.append(stamped)
            current, previous = stamped.at.date(), stamped.at.hour * 60 + stamped.at.minute
            from_anchor = False
            continue
        stamp = item.stamp
        if item.day is not None and item.day != last_header:
            current, previous, last_header = item.day, None, item.day
            from_anchor = False
        if stamp is None:
            out.append(None)
            continue
        if stamp.has_date:
            day = stamp.date() if stamp.year is not None else None
            if day is None and current is not None:
                day = _nearest_year(stamp, current)
            if day is None:
                out.append(None)
                continue
            current, previous, from_anchor = day, _minutes(stamp), False
            out.append(to_timestamp(stamp, day, zone.name, zone_words))
            continue
        minutes = clock_minutes[position]
        if minutes is None or current is None:
            out.append(None)
            continue
        if previous is not None:
            # Against the header's own time, only a clear midnight crossing counts: the
            # header may give the first-published time rather than the last update.
            tolerance = 12 * 60 if from_anchor else ROLLOVER_TOLERANCE
            if order is Order.NEWEST_FIRST and minutes > previous + tolerance:
                current += step
            elif order is Order.OLDEST_FIRST and minutes < previous - tolerance:
                current += step
        previous, from_anchor = minutes, False
        resolved = stamp if minutes == _minutes(stamp) else Stamp(
            stamp.start,
            stamp.end,
            minutes // 60 % 24,
            minutes % 60,
            stamp.second,
            zone=stamp.zone,
            twelve_hour=stamp.twelve_hour,
        )
        stamped_ts = to_timestamp(resolved, current, zone.name, zone_words)
        out.append(stamped_ts)
    return out


_time_of_day = lru_cache(maxsize=4096)(TimeOfDay)
"""TimeOfDay records are frozen: entries printing the same time share one (a page of tiny
entries would otherwise hold one per entry)."""


def undated_time(
    stamp: Stamp,
    zone: HomeZone | str | None,
    printed: str | None = None,
    minutes: int | None = None,
) -> TimeOfDay | None:
    """The time of day of a stamp no date could be found for, with its zone.

    The printed zone when there is one (``22:15 GMT``: stated), else the page's home zone
    (assumed; None when the page gives no cue). ``printed`` is the stamp's text, kept when
    it says more than the time (``Tuesday 22:15``); ``minutes`` the clock as resolved by
    :func:`resolve_minutes` (a bare 12-hour ``7:15`` read as 19:15). None when the stamp has
    no time.
    """
    if stamp.hour is None:
        return None
    if not isinstance(zone, HomeZone):
        zone = HomeZone(zone, "given")
    zone_name: str | None = None
    basis = ZoneBasis.ASSUMED
    if stamp.zone:
        word = stamp.zone.upper()
        zone_name = zone.ist if word == "IST" else zone_key(stamp.zone)
        basis = ZoneBasis.STATED if zone_name is not None else ZoneBasis.ASSUMED
    if zone_name is None:
        zone_name = zone.name
    hour, minute = stamp.hour, stamp.minute or 0
    if minutes is not None:
        hour, minute = minutes // 60 % 24, minutes % 60
    clock = f"{hour:02d}:{minute:02d}"
    keep = printed if printed and printed.strip() != clock else None
    return _time_of_day(hour, minute, stamp.second, zone_name, basis, keep)


def pick_anchor(anchors: Sequence[Anchor], order: Order) -> Anchor | None:
    """The header date at the anchor end: the latest for newest-first pages, else the earliest."""
    if not anchors:
        return None
    chosen = max if order is Order.NEWEST_FIRST else min
    return chosen(anchors, key=_anchor_key)


def _anchor_key(anchor: Anchor) -> tuple[date, int]:
    return anchor.day, anchor.minutes if anchor.minutes is not None else -1
