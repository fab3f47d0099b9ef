"""Where entries start in stamp-separated text: the line screen and the separator choice.

:func:`scan` classifies each line once, cheaply (length and first/last-character checks
before any regex; :func:`parsers.timestamps.parse_stamp` only for lines shaped like stamps):

``own``       the whole line is a stamp (fillers such as ``Uhr``, ``published at``, a weekday
              allowed); a date-only line is a day-group header candidate instead;
``lead``      the line starts with a stamp and a ``:``/dash separator: ``8.40am: It's…``;
``glued``     a stamp glued to a capitalised title: ``14:31Scholz arrives``;
``suffix``    a title ending in a stamp: ``Scholz arrives 14:31``, ``…published at 13:11 GMT``;
``epoch``     a Unix epoch glued to the start or end of a title;
``relative``  only when nothing else separates the posts: ``17 hr 44 min ago`` lines.

It also notes relative lines (``1h ago``), edit notes (``Updated at 19.47 GMT``) and page date
lines (``First published on …``). :func:`select` then keeps the separators that really start
entries in this document (see its docstring).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from parsers.blocks import ends_sentence
from parsers.dates.grammar import AMPM_LATIN, HM, LONG_ZONE, STAMP_START, ZONE_ABBREVIATION
from parsers.dates.relative import EPOCH_GLUED_RE, RELATIVE_ENDS, RELATIVE_FIRST
from parsers.dates.vocabulary import (
    EDIT_WORDS,
    FILLERS,
    PAGE_DATE_WORDS,
    TIME_PREPOSITIONS,
    WORD_TIME_LINES,
    ZONE_WORDS,
)
from parsers.timestamps import RELATIVE_RE, WEEKDAY_RE, Stamp, parse_stamp

# Separator kinds (see the module docstring).
OWN = "own"
LEAD = "lead"
GLUED = "glued"
SUFFIX = "suffix"
EPOCH = "epoch"
RELATIVE = "relative"

# --- vocabulary: every word list comes from parsers.dates (one copy for all handlers) ---
_ZONES = ZONE_ABBREVIATION
_HM = HM
_AMPM = rf"\s?(?i:{AMPM_LATIN})"
_ANY_ZONE = f"{ZONE_ABBREVIATION}|{LONG_ZONE}"
_LEAD_RE = re.compile(
    rf"^(?P<stamp>{_HM}(?:{_AMPM})?(?:\s?(?i:uhr)\b)?(?:\s(?:{_ANY_ZONE})\b)?"
    rf"|(?:1[0-2]|0?[1-9]){_AMPM}|(?:[01]?\d|2[0-3])\s?(?i:uhr)\b)"
    r"\s*(?::|\s[-–—|])\s*(?P<rest>\S.*)$"
)
_GLUED_RE = re.compile(
    rf"^(?P<stamp>{_HM}(?:{_AMPM})?(?:\s?(?:{_ZONES})(?=[A-Z]))?)"
    r"(?P<rest>[A-ZÀ-ÖØ-Þ\"“‘'„«][^\n]{3,})$"
)
_EPOCH_RE = EPOCH_GLUED_RE
_OWN_START = STAMP_START
_DIGIT = re.compile(r"\d")
_RELATIVE_ENDS = RELATIVE_ENDS
_WORD_TIMES = WORD_TIME_LINES
_WORDS = re.compile(r"[^\W\d_]+")
_FILLERS = FILLERS
_SUFFIX_ENDS = tuple(
    dict.fromkeys(
        (
            "gmt", "bst", "utc", "uhr", "uur", "am", "pm", "a.m.", "p.m.", " et", "edt", "est",
            "time", "cet", "mez", "ist",
            *(f" {w}" if len(w) <= 3 else w[-4:] for w in ZONE_WORDS if len(w) > 1),
        )
    )
)
"""How a title that ends in a stamp may end (zone words, am/pm, ``Uhr``), last 4 chars."""
_SUFFIX_LAST = frozenset(c for end in _SUFFIX_ENDS for c in (end[-1].lower(), end[-1].upper()))
"""Last characters of the words in :data:`_SUFFIX_ENDS`."""
_SUFFIX_CONNECTOR = re.compile(
    r"(?:\s*[-–—|,(\[]\s*|\s*(?:published|posted)(?:\s+(?:at|on))?\s*|\s+)$", re.IGNORECASE
)
_PROSE_BEFORE = re.compile(
    rf"(?:\b(?:{'|'.join(TIME_PREPOSITIONS)})|[(\[,;:])$",
    re.IGNORECASE,
)
EDIT_RE = re.compile(
    rf"^(?:{'|'.join(EDIT_WORDS)})\b\s*(?:at|on|am|um|le|à)?\s*:?\s*"
    r"(?P<stamp>\S.{2,60})$",
    re.IGNORECASE,
)
"""An edit note: ``Updated at 19.47 GMT`` (the entry's edit time, never a new entry)."""
PAGE_DATE_RE = re.compile(
    rf"^(?:{'|'.join(PAGE_DATE_WORDS)})"
    r"\b\s*(?:on|at|am|le|:)?\s*(?P<stamp>\S.{2,80})$",
    re.IGNORECASE,
)
"""A page date line: ``First published on Fri 19 Feb 2021 17.20 GMT``, ``Stand: …``."""
_SOURCE_AFTER = re.compile(r"^\s*(?:-|–|—)?\s*source\b", re.IGNORECASE)


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
    rf"(?:\s?(?P<z>{ZONE_ABBREVIATION})|\s?(?i:uhr|uur|h))?$"
)


@lru_cache(maxsize=8192)
def fast_time(text: str) -> Stamp | None:
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


def own_stamp(text: str) -> Stamp | None:
    """The stamp when the whole line is one (with allowed fillers), else None."""
    fast = fast_time(text)
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
    stamp = fast_time(text[space + 1 :]) if space > 0 else None
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
            stamp = fast_time(match["stamp"]) or parse_stamp(match["stamp"])
            if stamp is not None:
                minutes = any(c in match["stamp"] for c in ":.h")
                seps.append(Separator(index, LEAD, stamp, rest=match["rest"], has_minutes=minutes))
                return True
        return False
    match = _GLUED_RE.match(text)
    if match is not None:
        stamp = fast_time(match["stamp"]) or parse_stamp(match["stamp"])
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
        stamp = own_stamp(text)
        if stamp is not None:
            _add_own(found, index, stamp)
            return True
    return False


def _add_own(found: Scan, index: int, stamp: Stamp) -> None:
    """A stamp alone on its line: a separator if it has a time, else a day header."""
    if stamp.has_time:
        found.separators.append(Separator(index, OWN, stamp))
    else:
        found.day_stamps[index] = stamp


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
                stamp = fast_time(text)
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
            stamp = own_stamp(text)
            if stamp is not None:
                _add_own(found, index, stamp)
                continue
        if size <= 32 and (text.endswith(_RELATIVE_ENDS) or first in RELATIVE_FIRST):
            if RELATIVE_RE.match(text):
                found.relatives.add(index)
                continue
        has_digit = size <= 120 and _DIGIT.search(text) is not None
        if has_digit and size <= 90 and first in "UuEeAaMm":
            match = EDIT_RE.match(text)
            if match is not None:
                stamp = parse_stamp(match["stamp"])
                if stamp is not None and stamp.has_time:
                    found.edits[index] = stamp
                    continue
        if has_digit and first in "FfLlPpVvSs":
            match = PAGE_DATE_RE.match(text)
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


def stamp_minutes(stamp: Stamp) -> int:
    """Minutes after midnight of a stamp's time (0 when it has none)."""
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
            times = [stamp_minutes(s.stamp) for s in leads if s.stamp is not None]
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
