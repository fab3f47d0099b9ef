"""Stamp-separated live blogs: an entry starts where a time stands in separator position.

The generic text layout of live pages: Guardian ``19.30 GMT`` lines, Sky ``2h ago`` /
``17:52`` / title / ``By …``, Guardian 2011 ``8.40am: It's…`` paragraphs, CNN
``4:12 p.m. ET, February 25, 2022``, German and French tickers (``14:31 Uhr``, ``14h31``),
stamps glued to the start or the end of a title, Unix epochs glued to titles.

Separator positions, per line (after trimming):

``own``     the whole line is a stamp (fillers such as ``Uhr``, ``published at``, a weekday
            allowed); a date-only line is a day-group header instead;
``lead``    the line starts with a stamp and a ``:``/dash separator: ``8.40am: It's…``;
``glued``   a stamp glued to a capitalised title: ``14:31Scholz arrives``;
``suffix``  a title ending in a stamp: ``Scholz arrives 14:31``, ``…published at 13:11 GMT``;
``epoch``   a Unix epoch glued to the start or end of a title.

A time inside prose (``(see 14.31)``, ``at 9.30pm``, ``um 14 Uhr``) is never in one of these
positions; ``Updated at 19.47 GMT`` lines become the entry's edit time; diary lists inside a
post (``10am: …``, times out of the page's order) stay body text; suffix, glued and lead forms
must recur before they count. Lines are screened with length and first/last character checks
before any regex runs, and :func:`parsers.timestamps.parse_stamp` only sees candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from parsers.blocks import BULLET_RE, blocks, ends_sentence, paragraphs
from parsers.body import fill_body
from parsers.boilerplate import is_boilerplate, is_summary_heading
from parsers.bylines import blog_byline, byline, is_person_name, name_and_role, trailer
from parsers.captions import credit_only, glued_caption
from parsers.dating import (
    Anchor,
    HomeZone,
    Item,
    Order,
    assign,
    capture_date,
    detect_order,
    header_anchors,
    home_zone,
    pick_anchor,
    zone_statement,
)
from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff
from parsers.labels import glued_label, label_line
from parsers.model import Author, Timestamp
from parsers.timestamps import (
    RELATIVE_RE,
    WEEKDAY_RE,
    Stamp,
    fallback_date,
    parse_stamp,
    to_timestamp,
)

OWN = "own"
LEAD = "lead"
GLUED = "glued"
SUFFIX = "suffix"
EPOCH = "epoch"
RELATIVE = "relative"

_ZONES = (
    r"GMT|BST|UTC|CET|CEST|MEZ|MESZ|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|IST|JST|AEST|AEDT|UK"
)
_HM = r"(?:[01]?\d|2[0-3])(?:[:.]|h)[0-5]\d"
_AMPM = r"\s?(?i:[ap]\.\s?m\.?|[ap]m\b)"
_LEAD_RE = re.compile(
    rf"^(?P<stamp>{_HM}(?:{_AMPM})?(?:\s?(?i:uhr)\b)?(?:\s(?:{_ZONES})\b)?"
    rf"|(?:1[0-2]|0?[1-9]){_AMPM}|(?:[01]?\d|2[0-3])\s?(?i:uhr)\b)"
    r"\s*(?::|\s[-–—|])\s*(?P<rest>\S.*)$"
)
_GLUED_RE = re.compile(
    rf"^(?P<stamp>{_HM}(?:{_AMPM})?(?:\s?(?:{_ZONES})(?=[A-Z]))?)"
    r"(?P<rest>[A-ZÀ-ÖØ-Þ\"“‘'„«][^\n]{3,})$"
)
_EPOCH_RE = re.compile(r"^(?P<e1>1\d{9})(?P<rest1>\D.*)$|^(?P<rest2>.*\D)(?P<e2>1\d{9})$")
_OWN_START = re.compile(
    r"^[\W_]{0,3}(?:\d|(?i:(?:le|am|on|the|published|posted|mon|tue|wed|thu|fri|sat|sun"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mo|di|mi|do|fr|sa|so|lun|mar|mer|jeu"
    r"|ven|sam|dim|jän|mär|mai|okt|dez|janv|févr|avr|juin|juil|août|déc|maa|woe|don|vri|zat"
    r"|zon|lun|mié|jue|vie|sáb|dom|gio|sab|ene|abr|ago|dic|gen|giu|lug|set|ott|maart|mei)"
    r"(?:[a-zäéûìá]{0,7})\.?"
    r"(?:\s|,)))"
)
_DIGIT = re.compile(r"\d")
_RELATIVE_ENDS = ("ago", "now", " fa", "geleden", "eben", "instant")
"""How the relative lines of :data:`RELATIVE_RE` end (those not starting vor/il/just/hace)."""
_WORD_TIMES = frozenset("noon midnight mittag mitternacht midi minuit".split())
_WORDS = re.compile(r"[^\W\d_]+")
_FILLERS = frozenset(
    """uhr uur h published posted at on am um le à a the den der du de local time heure locale
    ortszeit el del""".split()
)
_SUFFIX_ENDS = ("gmt", "bst", "utc", "uhr", "uur", "am", "pm", "a.m.", "p.m.", " et", "edt",
                "est", "time", "cet", "mez", "ist")
_SUFFIX_LAST = frozenset("TtMmRr.EeZzCc")
"""Last characters of the words in :data:`_SUFFIX_ENDS`."""
_SUFFIX_CONNECTOR = re.compile(
    r"(?:\s*[-–—|,(\[]\s*|\s*(?:published|posted)(?:\s+(?:at|on))?\s*|\s+)$", re.IGNORECASE
)
_PROSE_BEFORE = re.compile(
    r"(?:\b(?:at|um|à|a|from|to|until|till|since|by|before|after|around|about|see|gegen|vers"
    r"|bis|ab|seit|von|and|or|und|et|between|zwischen|entre|dès|depuis|vor|nach|is|was|of)"
    r"|[(\[,;:])$",
    re.IGNORECASE,
)
_EDIT_RE = re.compile(
    r"^(?:updated|update|edited|aktualisiert|mis à jour)\b\s*(?:at|on|am|um|le|à)?\s*:?\s*"
    r"(?P<stamp>\S.{2,60})$",
    re.IGNORECASE,
)
_PAGE_DATE_RE = re.compile(
    r"^(?:first published|last modified|last updated|published|publié|veröffentlicht|stand)"
    r"\b\s*(?:on|at|am|le|:)?\s*(?P<stamp>\S.{2,80})$",
    re.IGNORECASE,
)
_NAV_SUFFIX = re.compile(r"\s*(?:\|\s*[^|]{2,60}?)?\s*View post$", re.IGNORECASE)
_NAV_PREFIX = re.compile(
    r"^(?:\d+\s*(?:[smhd]|mins?|hrs?)\s+ago\s*)?(?:(?:[01]?\d|2[0-3])[:.][0-5]\d"
    r"(?:\s?[ap]\.?m\.?)?(?:\s(?:GMT|BST|UTC|ET|CET))?\s*)?",
    re.IGNORECASE,
)
_NAME_DATE = re.compile(
    r"^(?P<name>\D{3,60}?)\s*[,|–-]?\s*(?P<date>[0-3]?\d\.?\s+[^\W\d_]+\.?,?\s+(?:19|20)\d\d"
    r"|[^\W\d_]+\.?\s+[0-3]?\d,?\s+(?:19|20)\d\d)$"
)
_NUMBERING = re.compile(r"^\d{1,3}\.\s+(?=\S)")
_TRAILER_PAREN = re.compile(r"^\((?P<name>[A-Z][^()/]{2,60})\)$")
_SOURCE_AFTER = re.compile(r"^\s*(?:-|–|—)?\s*source\b", re.IGNORECASE)
_LIVE_KICKER = re.compile(
    r"^(?:live|live updates?|live reporting|en direct|liveticker|live-ticker)$", re.IGNORECASE
)

SCAN_LIMIT = 60_000
"""Characters the sniff examines (the head of a page decides its layout)."""
SNIFF_ENOUGH = 6
"""Separator candidates after which the sniff has seen enough."""
FALLBACK_BUDGET = 4
"""Header lines per page that may go to ``dateparser`` (the regexes read the rest)."""
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NEAR = timedelta(days=62)
"""How far a day-group header may lie from the page's own dates."""


@dataclass(slots=True)
class Separator:
    """A line where an entry starts, and what the line said."""

    line: int
    kind: str
    stamp: Stamp | None = None
    epoch: float | None = None
    title: str | None = None
    """Title text sharing the line (glued, suffix and epoch forms)."""
    rest: str | None = None
    """Text after a ``lead`` stamp's separator."""
    has_minutes: bool = True


@dataclass(slots=True)
class Scan:
    """What the line screen found in a text."""

    separators: list[Separator] = field(default_factory=list)
    day_stamps: dict[int, Stamp] = field(default_factory=dict)
    """Day-group header lines (a date alone on a line) and what they state."""
    relatives: set[int] = field(default_factory=set)
    edits: dict[int, Stamp] = field(default_factory=dict)
    page_dates: set[int] = field(default_factory=set)


_FAST_TIME = re.compile(
    r"^(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?:\s?(?P<ap>[aApP])\.?\s?[mM]\.?)?"
    r"(?:\s?(?P<z>GMT|BST|UTC|ET|EST|EDT|CET|CEST|MEZ|MESZ|PT|PST|PDT|IST|JST)|\s?(?i:uhr|uur|h))?$"
)


@lru_cache(maxsize=8192)
def _fast_time(text: str) -> Stamp | None:
    """The common stamp lines (``19.30 GMT``, ``17:52``, ``4:12 p.m.``) without the full parser."""
    match = _FAST_TIME.match(text)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"])
    twelve = match["ap"] is not None
    if twelve:
        if not 1 <= hour <= 12:
            return None
        pm = match["ap"] in "pP"
        hour = (12 if pm else 0) if hour == 12 else hour + (12 if pm else 0)
    return Stamp(0, len(text), hour, minute, zone=match["z"], twelve_hour=twelve)


def _own(text: str) -> Stamp | None:
    """The stamp when the whole line is one (with allowed fillers), else None."""
    fast = _fast_time(text)
    if fast is not None:
        return fast
    stamp = parse_stamp(text)
    if stamp is None:
        return None
    leftover = f"{text[: stamp.start]} {text[stamp.end :]}"
    if any(c.isdigit() for c in leftover):
        return None
    leftover = WEEKDAY_RE.sub(" ", leftover)
    for word in _WORDS.findall(leftover):
        if word.casefold() not in _FILLERS:
            return None
    return stamp


def _suffix(text: str) -> tuple[str, Stamp] | None:
    """``Title 14:31`` / ``Titlepublished at 13:11 GMT 21 February 2022`` split apart."""
    space = text.rfind(" ")
    stamp = _fast_time(text[space + 1 :]) if space > 0 else None
    if stamp is not None:
        tail_start = space + 1
        tail = text[tail_start:]
    else:
        tail_start = max(0, len(text) - 60)
        tail = text[tail_start:]
        stamp = parse_stamp(tail)
    if stamp is None or not stamp.has_time or stamp.end < len(tail.rstrip(" .)]")):
        return None
    # The stamp must own everything from its start to the end of the line.
    head = text[: tail_start + stamp.start]
    if len(head) < 3 or head[-1].isdigit():
        return None
    connector = _SUFFIX_CONNECTOR.search(head)
    title = head[: connector.start()] if connector else head
    if not title or _PROSE_BEFORE.search(title.rstrip()):
        return None
    # "…published at 12:03": the connector makes it a stamp even after a full stop.
    if ends_sentence(title) and not (connector and connector.group(0).strip()[:1] in "pP"):
        return None
    if len(title.split()) > 25:
        return None
    return title.strip(), stamp


def _digit_first(text: str, index: int, found: Scan) -> bool:
    """Classify a line that starts with a digit; True when it was taken."""
    seps = found.separators
    match = _LEAD_RE.match(text)
    if match is not None and not match["rest"][0].isdigit():
        if not _SOURCE_AFTER.match(match["rest"]):
            stamp = _fast_time(match["stamp"]) or parse_stamp(match["stamp"])
            if stamp is not None:
                minutes = any(c in match["stamp"] for c in ":.h")
                seps.append(Separator(index, LEAD, stamp, rest=match["rest"], has_minutes=minutes))
                return True
        return False
    match = _GLUED_RE.match(text)
    if match is not None:
        stamp = _fast_time(match["stamp"]) or parse_stamp(match["stamp"])
        if stamp is not None:
            seps.append(Separator(index, GLUED, stamp, title=match["rest"]))
            return True
    size = len(text)
    if size > 10 and text[9].isdigit() and text[0] == "1":
        epoch = _EPOCH_RE.match(text)
        if epoch is not None and epoch["e1"] and not epoch["rest1"][0].isspace():
            seps.append(Separator(index, EPOCH, epoch=float(epoch["e1"]), title=epoch["rest1"]))
            return True
    if size <= 70:
        stamp = _own(text)
        if stamp is not None:
            if stamp.has_time:
                seps.append(Separator(index, OWN, stamp))
            else:
                found.day_stamps[index] = stamp
            return True
    return False


def scan(lines: list[str], enough: int | None = None) -> Scan:
    """Screen every line for stamps in separator position, day headers, edits and relatives.

    Prose lines fall through a few length and first/last-character checks; only lines shaped
    like stamps reach a regex. With ``enough``, stop once that many separator candidates are
    found (for sniffing).
    """
    found = Scan()
    seps = found.separators
    limit = len(lines) + 1 if enough is None else enough
    for index, raw in enumerate(lines):
        if not raw:
            continue
        if len(seps) >= limit:
            break
        text = raw.strip()
        if not text:
            continue
        if text[0] == "+" and text.startswith("++"):
            # German tickers: "+++ 14:31 Uhr: Scholz trifft Macron +++".
            text = text.strip("+ ")
            if not text:
                continue
        size = len(text)
        first = text[0]
        if size > 200 and not first.isdigit():
            continue
        if first.isdigit():
            if size <= 40:
                stamp = _fast_time(text)
                if stamp is not None:
                    seps.append(Separator(index, OWN, stamp))
                    continue
                if text.endswith(("ago", "now", " fa", "geleden")) and RELATIVE_RE.match(text):
                    found.relatives.add(index)
                    continue
            if _digit_first(text, index, found):
                continue
        elif size <= 70 and (
            (_DIGIT.search(text) and _OWN_START.match(text)) or text.casefold() in _WORD_TIMES
        ):
            stamp = _own(text)
            if stamp is not None:
                if stamp.has_time:
                    seps.append(Separator(index, OWN, stamp))
                else:
                    found.day_stamps[index] = stamp
                continue
        if size <= 32 and (text.endswith(_RELATIVE_ENDS) or first in "viVIjJhH"):
            if RELATIVE_RE.match(text):
                found.relatives.add(index)
                continue
        has_digit = size <= 120 and _DIGIT.search(text) is not None
        if has_digit and size <= 90 and first in "UuEeAaMm":
            match = _EDIT_RE.match(text)
            if match is not None:
                stamp = parse_stamp(match["stamp"])
                if stamp is not None and stamp.has_time:
                    found.edits[index] = stamp
                    continue
        if has_digit and first in "FfLlPpVvSs":
            match = _PAGE_DATE_RE.match(text)
            if match is not None and parse_stamp(match["stamp"]) is not None:
                found.page_dates.add(index)
                continue
        if 8 <= size <= 200:
            last = text[-1]
            if last.isdigit() and size > 14 and text[-10:].isdigit() and not text[-11].isdigit():
                epoch = _EPOCH_RE.match(text)
                if epoch is not None and epoch["e2"]:
                    rest = epoch["rest2"]
                    if rest and not rest[-1].isspace():
                        seps.append(Separator(index, EPOCH, epoch=float(epoch["e2"]), title=rest))
                        continue
            if (
                last.isdigit()
                or (last in ")]" and text[-2].isdigit())
                or (last in _SUFFIX_LAST and text[-4:].casefold().endswith(_SUFFIX_ENDS))
            ):
                split = _suffix(text)
                if split is not None:
                    seps.append(Separator(index, SUFFIX, split[1], title=split[0]))
    return found


def _minutes(stamp: Stamp) -> int:
    return (stamp.hour or 0) * 60 + (stamp.minute or 0)


def _longest_monotonic(values: list[int], rising: bool) -> set[int]:
    """Indexes of a longest non-decreasing (or non-increasing) subsequence of ``values``."""
    keyed = values if rising else [-v for v in values]
    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(keyed)
    for i, value in enumerate(keyed):
        pos = bisect_right(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[pos] = value
            tail_index[pos] = i
        parent[i] = tail_index[pos - 1] if pos else -1
    out: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        out.add(i)
        i = parent[i]
    return out


def _unwrap(times: list[int], rising: bool) -> list[int]:
    """Times made monotone across midnight: a jump of more than 12 hours is a day change."""
    out: list[int] = []
    shift = 0
    previous: int | None = None
    for value in times:
        if previous is not None:
            if rising and value < previous - 12 * 60:
                shift += 24 * 60
            elif not rising and value > previous + 12 * 60:
                shift -= 24 * 60
        previous = value
        out.append(value + shift)
    return out


def select(found: Scan, lines: list[str]) -> list[Separator]:
    """The separators that really start entries in this document.

    ``own`` lines always count; ``lead``, ``glued``, ``suffix`` and ``epoch`` forms count
    when they recur (a lone ``lead`` counts when it is the page's only form). ``lead`` stamps
    without minutes (diary lists: ``10am: …``) are dropped when most have minutes, and
    ``lead`` stamps that break the page's time order are read as body text.
    """
    counts: dict[str, int] = {}
    for sep in found.separators:
        counts[sep.kind] = counts.get(sep.kind, 0) + 1
    own = counts.get(OWN, 0)
    keep: list[Separator] = []
    for sep in found.separators:
        count = counts[sep.kind]
        if sep.kind == OWN or sep.kind == EPOCH:
            keep.append(sep)
        elif own >= 3 and count < own:
            # A page separated by stamp lines: a few "09:00 - …" lines are a list in a post.
            continue
        elif sep.kind == SUFFIX and count >= 2 and count * 2 >= own:
            keep.append(sep)
        elif sep.kind in (LEAD, GLUED) and (count >= 2 or (own == 0 and len(counts) == 1)):
            keep.append(sep)
    leads = [s for s in keep if s.kind == LEAD]
    if leads:
        with_minutes = sum(1 for s in leads if s.has_minutes)
        if with_minutes * 2 > len(leads):
            keep = [s for s in keep if s.kind != LEAD or s.has_minutes]
            leads = [s for s in keep if s.kind == LEAD]
        if len(leads) >= 3:
            times = [_minutes(s.stamp) for s in leads if s.stamp is not None]
            ups = sum(1 for a, b in zip(times, times[1:], strict=False) if b > a)
            downs = sum(1 for a, b in zip(times, times[1:], strict=False) if b < a)
            rising = ups >= downs
            good = _longest_monotonic(_unwrap(times, rising), rising)
            bad = {id(s) for i, s in enumerate(leads) if i not in good}
            keep = [s for s in keep if id(s) not in bad]
    keep = _header_stamps(keep, lines)
    if len(keep) < 2 and len(found.relatives) >= 2:
        # Only "17 hr 44 min ago" lines (a copy saved without absolute times): they still
        # separate the posts, which then carry no time.
        keep = [Separator(line, RELATIVE) for line in sorted(found.relatives)]
    return keep


def _header_stamps(seps: list[Separator], lines: list[str]) -> list[Separator]:
    """Leave out dated stamp lines at the top of a page whose entries carry times only.

    ``Fri 19 Feb 2021 19.41 GMT`` above ``19.30 GMT`` entries is the page's own date line:
    it heads no text of its own (nothing but short lines before the next stamp).
    """
    # A dated stamp line with nothing under it before the next stamp: the page's date line
    # ("Feb. 26, 2022, 2:59 a.m. ET" above the first post).
    while (
        len(seps) >= 2
        and seps[0].kind == OWN
        and seps[0].stamp is not None
        and seps[0].stamp.has_date
        and not any(line.strip() for line in lines[seps[0].line + 1 : seps[1].line])
    ):
        seps = seps[1:]
    undated = [i for i, s in enumerate(seps) if s.stamp is not None and not s.stamp.has_date]
    if not undated or len(undated) * 2 < len(seps):
        return seps
    first = undated[0]
    out: list[Separator] = []
    for position, sep in enumerate(seps):
        if position < first and sep.stamp is not None and sep.stamp.has_date:
            end = seps[position + 1].line if position + 1 < len(seps) else len(lines)
            if all(len(line.strip()) <= 80 for line in lines[sep.line + 1 : end]):
                continue
        out.append(sep)
    return out


class StampedFormat:
    """Live blogs whose entries start at stamps in separator position."""

    name = "stamped"

    def sniff(self, text: str) -> Sniff | None:
        head = text[:1000].lstrip()[:200].lower()
        if head.startswith("<") and (
            "<html" in head or "<?xml" in head or "<!doctype" in head or "<rss" in head
            or "<feed" in head or "<body" in head or "<head" in head
        ):
            return None
        head = text[:SCAN_LIMIT]
        lines = head.split("\n")
        chosen = select(scan(lines, SNIFF_ENOUGH), lines)
        if len(chosen) < 2:
            return None
        kinds = sorted({s.kind for s in chosen})
        example = lines[chosen[0].line].strip()[:40]
        if kinds == [RELATIVE]:
            # Weaker than numbered posts, stronger than the headline fallback.
            return Sniff(0.3, f"{len(chosen)} relative times in separator position, no clock")
        score = min(0.8, 0.45 + 0.03 * len(chosen))
        return Sniff(
            score,
            f"{len(chosen)} stamps in separator position ({', '.join(kinds)}), "
            f"first {example!r}",
        )

    def parse(self, text: str) -> DocumentDraft:
        return StampedParser(text).parse()


@dataclass(slots=True)
class _Segment:
    sep: Separator
    start: int
    """First line of the entry (its relative or label line, if any)."""
    end: int


class StampedParser:
    """One parse of one text: scan, split into header and entries, date, fill fields."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.draft = DocumentDraft()
        self.found = scan(self.lines)
        self.seps = select(self.found, self.lines)
        self._keep_day_headers()
        self.special: set[int] = (
            set(self.found.edits)
            | self.found.relatives
            | set(self.found.day_stamps)
            | self.found.page_dates
        )
        self.nav: list[str] = []
        self.header_anchor_lines: list[str] = []
        self.updated_minutes: int | None = None
        self.entry_edits: list[list[Stamp]] = []
        self.header_published: str | None = None
        self.fallback_anchors: list[Anchor] = []
        # Parallel to draft.entries: what dating needs about each entry.
        self.entry_items: list[Item] = []
        self.entry_seps: list[Separator | None] = []
        self.order = Order.NEWEST_FIRST
        self.zone = HomeZone(None, "not yet known")

    def parse(self) -> DocumentDraft:
        lines, draft = self.lines, self.draft
        capture = capture_date(lines[0]) if lines else None
        if capture is not None:
            lines[0] = re.sub(r"^\s*date\s+\S+\s*", "", lines[0])
        segments = self._segments()
        header_end = segments[0].start if segments else len(lines)
        self._header(lines[:header_end])
        anchors = header_anchors(self.header_anchor_lines, 0) + self.fallback_anchors
        if not anchors:
            # "Last modified on Fri 19 Feb 2021 21.03 GMT" in the footer, say.
            anchors = header_anchors(self.lines[i] for i in sorted(self.found.page_dates))
        if not anchors and capture is not None:
            anchors = [Anchor(capture)]
        days = self._day_headers(anchors)
        day_index = sorted(days)
        for segment in segments:
            pos = bisect_right(day_index, segment.sep.line)
            day = days[day_index[pos - 1]] if pos else None
            self.entry_items.append(Item(segment.sep.stamp, day, segment.sep.epoch))
            self.entry_seps.append(segment.sep)
            draft.entries.append(self._entry(segment))
        # Navigation duplicates go before dating: their times would fake a midnight crossing.
        self._dedupe_navigation()
        self._date(anchors)
        return draft

    # --- splitting ---------------------------------------------------------------------

    def _segments(self) -> list[_Segment]:
        lines = self.lines
        starts: list[int] = []
        for sep in self.seps:
            start = sep.line
            # A relative line ("1h ago") and a label line ("Breaking") just above belong to it.
            probe = start - 1
            while probe >= 0 and not lines[probe].strip():
                probe -= 1
            if probe >= 0 and probe in self.found.relatives:
                start = probe
                probe -= 1
                while probe >= 0 and not lines[probe].strip():
                    probe -= 1
            if probe >= 0 and label_line(lines[probe]) is not None:
                before = probe - 1
                if before < 0 or not lines[before].strip() or before in self.found.relatives:
                    start = probe
            elif (
                sep.kind == OWN
                and start == sep.line
                and sep.line >= 2
                and lines[sep.line - 1].strip()
                and not lines[sep.line - 2].strip()
                and (sep.line - 1) not in self.special
                and _title_above(lines[sep.line - 1].strip())
            ):
                # "Title" / "22:15 – 10 Mar 2022" / body: the title stands above its stamp.
                start = sep.line - 1
            if starts and start <= starts[-1]:
                start = sep.line
            starts.append(start)
        out: list[_Segment] = []
        for position, sep in enumerate(self.seps):
            end = starts[position + 1] if position + 1 < len(starts) else len(lines)
            out.append(_Segment(sep, starts[position], end))
        return out

    def _keep_day_headers(self) -> None:
        """A date alone on a line heads a day only when an entry follows it at once.

        Otherwise (the date closing an embedded post, a date in a list) it is body text.
        """
        starts = {sep.line for sep in self.seps}
        lines, found = self.lines, self.found
        for index in list(found.day_stamps):
            probe = index + 1
            while probe < len(lines) and (not lines[probe].strip() or probe in found.relatives):
                probe += 1
            # The stamp itself, or a title printed above its stamp.
            if probe not in starts and probe + 1 not in starts:
                del found.day_stamps[index]

    def _day_headers(self, anchors: list[Anchor]) -> dict[int, date]:
        """Day-group header lines and their dates (a missing year from the page's anchors)."""
        year = anchors[0].day.year if anchors else None
        out: dict[int, date] = {}
        for index, stamp in list(self.found.day_stamps.items()):
            if stamp.year is not None:
                day = stamp.date()
            else:
                day = stamp.date(year) if year is not None else None
            # Far from every date the header states: an old date quoted in a post.
            if day is not None and anchors and min(abs(day - a.day) for a in anchors) > _NEAR:
                day = None
            if day is None:
                del self.found.day_stamps[index]
                self.special.discard(index)
                continue
            out[index] = day
        return out

    # --- header ------------------------------------------------------------------------

    def _header(self, lines: list[str]) -> None:
        draft = self.draft
        leftovers: list[str] = []
        in_nav = False
        fallbacks = FALLBACK_BUDGET
        for line in (raw.strip() for raw in lines):
            if not line:
                continue
            if is_summary_heading(line) or line.casefold() in ("key events", "key moments"):
                draft.dropped.append(line)
                in_nav = True
                continue
            if is_boilerplate(line) or RELATIVE_RE.match(line):
                draft.dropped.append(line)
                continue
            if len(line) <= 120 and (_PAGE_DATE_RE.match(line) or _EDIT_RE.match(line)):
                stamp = parse_stamp(line)
                if stamp is not None and stamp.has_date:
                    self.header_anchor_lines.append(line)
                    if self.header_published is None and stamp.year is not None:
                        self.header_published = line[stamp.start : stamp.end]
                elif stamp is not None and stamp.has_time and _EDIT_RE.match(line):
                    self.updated_minutes = _minutes(stamp)
                draft.dropped.append(line)
                continue
            if zone_statement(line) or (
                _LIVE_KICKER.match(line) and (draft.kicker is not None or leftovers)
            ):
                draft.dropped.append(line)
                continue
            if _LIVE_KICKER.match(line) and not leftovers:
                draft.kicker = line
                continue
            dated = _dated_line(line) if len(line) <= 100 else None
            if dated is not None:
                self.header_anchor_lines.append(line)
                if self.header_published is None:
                    self.header_published = line[: dated[0].end]
                if dated[1] is not None:
                    self.updated_minutes = _minutes(dated[1])
                draft.dropped.append(line)
                continue
            own = _own(line) if len(line) <= 70 else None
            if own is not None:
                self.header_anchor_lines.append(line)
                if own.has_date and own.has_time and own.year is not None:
                    self.updated_minutes = self.updated_minutes or _minutes(own)
                if self.header_published is None and own.has_date and own.year is not None:
                    self.header_published = line
                draft.dropped.append(line)
                continue
            people = blog_byline(line)
            if people is not None:
                draft.authors.extend(people)
                continue
            bullet = BULLET_RE.match(line)
            if in_nav or _NAV_SUFFIX.search(line):
                self.nav.append(line)
                continue
            if bullet:
                draft.key_points.append(line[bullet.end() :])
                continue
            caption = glued_caption(line)
            if caption is not None or credit_only(line) is not None:
                # The image's alt text often stands just above its caption: drop both.
                if caption is not None and leftovers and leftovers[-1] == caption.text:
                    draft.dropped.append(leftovers.pop())
                    self.header_anchor_lines.pop()
                draft.dropped.append(line)
                continue
            if leftovers and line == leftovers[-1]:
                draft.dropped.append(line)
                continue
            if fallbacks and len(line) <= 80 and _YEAR.search(line) and not _has_date(line):
                # A date line the regexes cannot read ("the 5th of March, 2023"): dateparser,
                # cached, for at most a handful of header lines.
                fallbacks -= 1
                found_date = fallback_date(line)
                if found_date is not None:
                    self.fallback_anchors.append(Anchor(found_date))
                    draft.dropped.append(line)
                    continue
            leftovers.append(line)
            self.header_anchor_lines.append(line)
        if leftovers:
            draft.title = leftovers.pop(0)
        if leftovers and (len(leftovers[0]) > 40 or ends_sentence(leftovers[0])):
            draft.standfirst = leftovers.pop(0)
        if leftovers:
            intro = EntryDraft()
            fill_body(intro, [leftovers], draft)
            if not intro.is_empty():
                draft.entries.append(intro)
                self.entry_edits.append([])
                self.entry_items.append(Item())
                self.entry_seps.append(None)

    # --- entries -----------------------------------------------------------------------

    def _entry(self, segment: _Segment) -> EntryDraft:
        lines, found, draft = self.lines, self.found, self.draft
        sep = segment.sep
        entry = EntryDraft()
        edits: list[Stamp] = []
        above: str | None = None
        if sep.kind == RELATIVE:
            draft.dropped.append(lines[sep.line].strip())
        for index in range(segment.start, sep.line):
            text = lines[index].strip()
            if not text:
                continue
            label = label_line(text)
            if label is not None:
                entry.labels.append(label)
            elif index in found.relatives:
                draft.dropped.append(text)
            else:
                above = text
        title: str | None = sep.title or above
        first_body: str | None = None
        if sep.kind == LEAD and sep.rest:
            first_body = sep.rest
        if title:
            glued = glued_label(title)
            if glued is not None:
                entry.labels.append(glued[0])
                title = glued[1]
        special = self.special
        rest: list[str] = []
        for index in range(sep.line + 1, segment.end):
            if index not in special:
                rest.append(lines[index])
            elif index in found.edits:
                edits.append(found.edits[index])
            else:
                draft.dropped.append(lines[index].strip())
        groups = blocks(rest)
        # Label lines right after the stamp.
        while groups and len(groups[0]) >= 1 and label_line(groups[0][0]) is not None:
            entry.labels.append(label_line(groups[0].pop(0)) or "")
            if not groups[0]:
                groups.pop(0)
        if first_body is not None:
            label = label_line(first_body)
            if label is not None:  # "14:31 | Breaking"
                entry.labels.append(label)
            elif is_person_name(first_body):  # "14:31 – Jane Doe"
                entry.authors.append(Author(first_body.strip()))
            elif not ends_sentence(first_body) and len(first_body) <= 120 and groups:
                title = first_body
            else:
                groups.insert(0, [first_body])
        if title is None and groups and len(groups) + len(groups[0]) > 2:
            candidate = groups[0][0]
            if self._title_like(candidate, groups[0]):
                title = candidate
                groups[0].pop(0)
                if not groups[0]:
                    groups.pop(0)
        if title:
            if title.startswith("++"):
                title = title.strip("+ ") or None
            elif title[0].isdigit():
                title = _NUMBERING.sub("", title, count=1) or title  # "  2. Title"
            glued = glued_label(title) if title else None
            if glued is not None:
                entry.labels.append(glued[0])
                title = glued[1]
        # Label lines right after the title ("Breaking").
        while title and groups and label_line(groups[0][0]) is not None:
            entry.labels.append(label_line(groups[0].pop(0)) or "")
            if not groups[0]:
                groups.pop(0)
        entry.title = title
        self._bylines(entry, groups)
        fill_body(entry, groups, draft)
        self._trailer(entry)
        self.entry_edits.append(edits)
        return entry

    @staticmethod
    def _title_like(line: str, block: list[str]) -> bool:
        if len(line) > 160 or ends_sentence(line) or line.endswith(","):
            return False
        if BULLET_RE.match(line) or byline(line) is not None:
            return False
        if len(block) >= 2 and name_and_role(block[0], block[1]) is not None:
            return False
        if credit_only(line) is not None or glued_caption(line) is not None:
            return False
        if is_boilerplate(line):
            return False
        return len(paragraphs(block)) == len(block)

    def _bylines(self, entry: EntryDraft, groups: list[list[str]]) -> None:
        if not groups:
            return
        first = groups[0]
        if len(first) >= 2 and (author := name_and_role(first[0], first[1])) is not None:
            entry.authors.append(author)
            del first[:2]
        elif (people := byline(first[0])) is not None:
            entry.authors.extend(people)
            if not people:  # "From CNN staff": an organisation, not a person
                self.draft.dropped.append(first[0])
            del first[0]
        if not first:
            groups.pop(0)

    def _trailer(self, entry: EntryDraft) -> None:
        if not entry.body:
            return
        last = entry.body[-1]
        match = _TRAILER_PAREN.match(last)
        if match is not None:
            people = [Author(n) for n in _names(match["name"])]
            if people:
                entry.authors.extend(people)
                entry.body.pop()
                return
        if len(last) <= 80 and last[-1].isdigit():
            # "Jane Doe21 February 2022": a name glued to the post's date.
            glued = _NAME_DATE.match(last)
            stamp = parse_stamp(glued["date"]) if glued else None
            name = glued["name"].strip(" ,|–-") if glued else ""
            if stamp is not None and stamp.has_date and _names(name):
                entry.authors.extend(Author(n) for n in _names(name))
                self.draft.dropped.append(entry.body.pop())
                return
        author = trailer(last)
        if author is not None and len(entry.body) > 1:
            entry.authors.append(author)
            entry.body.pop()

    # --- dates -------------------------------------------------------------------------

    def _date(self, anchors: list[Anchor]) -> None:
        draft = self.draft
        dated = [i for i, sep in enumerate(self.entry_seps) if sep is not None]
        items = [self.entry_items[i] for i in dated]
        stamps = [s.stamp for s in self.seps if s.stamp is not None]
        sample = "\n".join(self.lines[:40])[:4000] + "\n" + "\n".join(self.lines[-20:])[-2000:]
        zone = home_zone(sample, (s.zone for s in stamps if s.zone))
        twelve = sum(1 for s in stamps if s.twelve_hour) * 2 > len(stamps)
        order, _why = detect_order(items, self.updated_minutes)
        anchor = pick_anchor(anchors, order)
        # A blog-level "updated" time (no date) refines a date-only anchor.
        if anchor is not None and anchor.minutes is None and self.updated_minutes is not None:
            anchor = Anchor(anchor.day, self.updated_minutes)
        stamped = assign(items, order, anchor, zone, twelve)
        missing = 0
        for index, timestamp in zip(dated, stamped, strict=True):
            entry = draft.entries[index]
            entry.published = timestamp
            sep = self.entry_seps[index]
            if timestamp is None and sep is not None and sep.stamp is not None:
                missing += 1
                draft.dropped.append(self.lines[sep.line].strip())
            edits = self.entry_edits[index]
            if edits and timestamp is not None:
                entry.updated = _edit_time(edits[-1], timestamp, zone)
        if missing:
            draft.problems.append(
                f"{missing} entr{'y' if missing == 1 else 'ies'} printed a time without a date "
                "and the page states none: their times are not shown"
            )
        if anchors:
            first = anchors[0]
            stamp_text = self.header_published
            if stamp_text is not None:
                stamp = parse_stamp(stamp_text)
                if stamp is not None:
                    draft.published = to_timestamp(stamp, first.day, zone.name)
            if draft.published is None:
                draft.published = to_timestamp(
                    Stamp(0, 0, year=first.day.year, month=first.day.month, day=first.day.day),
                    first.day,
                    zone.name,
                )
        self.order = order
        self.zone = zone

    def _dedupe_navigation(self) -> None:
        """Drop key-event lists: title-only entries and header items repeating a title."""
        draft = self.draft
        titled = {
            _norm(e.title): e for e in draft.entries if e.title and (e.body or e.captions)
        }
        keep = [True] * len(draft.entries)
        for position, entry in enumerate(draft.entries):
            if entry.captions or entry.authors:
                continue
            # A navigation item: a title alone, or one line that the layout left untitled.
            if entry.title and not entry.body:
                text = entry.title
            elif not entry.title and len(entry.body) == 1:
                text = entry.body[0]
            else:
                continue
            twin = titled.get(_norm(text))
            if twin is not None and twin is not entry:
                keep[position] = False
                draft.dropped.append(text)
        draft.entries = [e for e, k in zip(draft.entries, keep, strict=True) if k]
        self.entry_edits = [e for e, k in zip(self.entry_edits, keep, strict=True) if k]
        self.entry_items = [e for e, k in zip(self.entry_items, keep, strict=True) if k]
        self.entry_seps = [e for e, k in zip(self.entry_seps, keep, strict=True) if k]
        for line in self.nav:
            text = _NAV_SUFFIX.sub("", line)
            bullet = BULLET_RE.match(text)
            if bullet:
                text = text[bullet.end() :]
            text = _NAV_PREFIX.sub("", text).strip()
            if not text or _norm(text) in titled:
                draft.dropped.append(line)
            else:
                draft.key_points.append(text)


def _edit_time(stamp: Stamp, published: Timestamp, zone: HomeZone) -> Timestamp | None:
    """An ``Updated at`` time on the entry's day (or the next day, if it reads earlier)."""
    day = published.at.date()
    edited = to_timestamp(stamp, day, zone.name)
    if edited is None:
        return None
    if not stamp.has_date and edited.instant < published.instant - 60:
        later = day + timedelta(days=1)
        edited = to_timestamp(stamp, later, zone.name) or edited
    return edited


_UPDATED_AFTER = re.compile(
    r"^\s*[|,;–—-]?\s*(?:updated|aktualisiert|mis à jour|modifié)\b\s*(?:at|on|:|le|à|am|um)?"
    r"\s*:?\s*(?P<stamp>.*)$",
    re.IGNORECASE,
)


def _dated_line(line: str) -> tuple[Stamp, Stamp | None] | None:
    """A header line that starts with a full date (and time), maybe with an update time.

    ``Apr 14, 2022, 6:02 AM | Updated: 7:57 pm`` gives both stamps.
    """
    if not any(c.isdigit() for c in line[:16]):
        return None
    stamp = parse_stamp(line)
    if stamp is None or not stamp.has_date or stamp.year is None or stamp.start > 4:
        return None
    if WEEKDAY_RE.sub("", line[: stamp.start]).strip(" ,"):
        return None
    rest = line[stamp.end :].strip()
    if not rest:
        return stamp, None
    match = _UPDATED_AFTER.match(rest)
    if match is None:
        return None
    updated = parse_stamp(match["stamp"]) if match["stamp"] else None
    return stamp, updated if updated is not None and updated.has_time else None


def _has_date(line: str) -> bool:
    stamp = parse_stamp(line)
    return stamp is not None and stamp.has_date


def _title_above(line: str) -> bool:
    """A short line that can be a title printed above its stamp."""
    return (
        len(line) <= 120
        and not ends_sentence(line)
        and (BULLET_RE.match(line) is None or _NUMBERING.match(line) is not None)
        and label_line(line) is None
        and not is_boilerplate(line)
        and byline(line) is None
        and RELATIVE_RE.match(line) is None
        and credit_only(line) is None
        and glued_caption(line) is None
    )


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split()).rstrip(".")


def _names(text: str) -> list[str]:
    from parsers.bylines import is_person_name, split_names

    return [n for n in split_names(text) if is_person_name(n)]


