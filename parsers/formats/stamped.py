"""Stamp-separated live blogs: an entry starts where a time stands in separator position.

The generic text layout of live pages: Guardian ``19.30 GMT`` lines, Sky ``2h ago`` /
``17:52`` / title / ``By …``, Guardian 2011 ``8.40am: It's…`` paragraphs, CNN
``4:12 p.m. ET, February 25, 2022``, AP ``April 14, 2022 7:40 p.m.``, Al Jazeera
``Title`` / ``22:15 – 10 Mar 2022``, German and French tickers (``14:31 Uhr``, ``+++ 14:31 Uhr:
… +++``, ``21h05 : …``), stamps glued to the start or the end of a title, Unix epochs.

:mod:`parsers.separators` finds the lines where entries start; this module splits the page
into a header and entries around them, reads titles, labels, bylines, captions and edit
times, drops boilerplate and navigation duplicates, and dates the entries with
:mod:`parsers.dating` (order, anchors, midnight rollover, home zone).

A time inside prose (``(see 14.31)``, ``at 9.30pm``, ``um 14 Uhr``) is never in separator
position; ``Updated at 19.47 GMT`` lines become the entry's edit time; diary lists inside a
post stay body text. Every line ends up in a field, the header, or ``dropped``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from parsers.blocks import BULLET_RE, blocks, ends_sentence, paragraphs
from parsers.body import fill_body
from parsers.boilerplate import is_boilerplate, is_summary_heading
from parsers.bylines import blog_byline, byline, is_person_name, name_and_role, trailer
from parsers.captions import credit_only, glued_caption
from parsers.dates.grammar import CAPTURE_PREFIX_RE, YEAR_RE, ZONE_ABBREVIATION
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
    resolve_minutes,
    twelve_hour_page,
    undated_time,
    zone_statement,
)
from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff
from parsers.headline_case import PageWords, split_title_case
from parsers.labels import glued_label, label_line
from parsers.model import Author, Timestamp
from parsers.page_head import split_head
from parsers.separators import (
    EDIT_RE,
    GLUED,
    LEAD,
    OWN,
    PAGE_DATE_RE,
    RELATIVE,
    SPACE,
    Separator,
    own_stamp,
    scan,
    stamp_minutes,
)
from parsers.signatures import Induction, induce
from parsers.timestamps import (
    RELATIVE_RE,
    WEEKDAY_RE,
    Stamp,
    fallback_date,
    parse_stamp,
    to_timestamp,
)

# Linear: a match may only start after a non-space (no retry inside a run of spaces) and the
# possessive runs never give back what the next run would take again.
_NAV_SUFFIX = re.compile(r"(?<!\s)\s*+(?:\|\s*+[^|]{2,60}?)?\s*+View post$", re.IGNORECASE)
_NAV_PREFIX = re.compile(
    r"^(?:\d+\s*(?:[smhd]|mins?|hrs?)\s+ago\s*)?(?:(?:[01]?\d|2[0-3])[:.][0-5]\d"
    rf"(?:\s?[ap]\.?m\.?)?(?:\s(?:{ZONE_ABBREVIATION}))?\s*)?",
    re.IGNORECASE,
)
_NAME_DATE = re.compile(
    r"^(?P<name>\D{3,60}?)\s*[,|–-]?\s*(?P<date>[0-3]?\d\.?\s+[^\W\d_]+\.?,?\s+(?:19|20)\d\d"
    r"|[^\W\d_]+\.?\s+[0-3]?\d,?\s+(?:19|20)\d\d)$"
)
_NUMBERING = re.compile(r"^\d{1,3}\.\s+(?=\S)")
_TRAILER_PAREN = re.compile(r"^\((?P<name>[A-Z][^()/]{2,60})\)$")
_LIVE_KICKER = re.compile(
    r"^(?:live|live updates?|live reporting|en direct|liveticker|live-ticker)$", re.IGNORECASE
)

SCAN_LIMIT = 40_000
"""Characters the sniff examines (the head of a page decides its layout)."""
SNIFF_ENOUGH = 4
"""Separator candidates after which the sniff has seen enough."""
FALLBACK_BUDGET = 4
"""Header lines per page that may go to ``dateparser`` (the regexes read the rest)."""
_YEAR = YEAR_RE
_NEAR = timedelta(days=62)
"""How far a day-group header may lie from the page's own dates."""
_NO_EDITS: tuple[Stamp, ...] = ()
"""Shared by the many entries with no edit time."""


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
        chosen = induce(scan(lines, SNIFF_ENOUGH), lines).chosen
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

    def explain(self, text: str) -> list[str]:
        """The candidate separator signatures, their evidence and the winner."""
        parser = StampedParser(text)
        lines = ["separator signatures (best first):"]
        lines += [f"  {line}" for line in parser.induction.explain()]
        lines.append(f"separators chosen: {len(parser.seps)}")
        return lines


@dataclass(slots=True)
class _Segment:
    sep: Separator
    start: int
    """First line of the entry (its relative or label line, if any)."""
    end: int
    body_start: int = -1
    """First line of the text the stamp belongs to (after it, or above it on trailing pages)."""
    body_end: int = -1

    def __post_init__(self) -> None:
        if self.body_start < 0:
            self.body_start, self.body_end = self.sep.line + 1, self.end


class StampedParser:
    """One parse of one text: scan, split into header and entries, date, fill fields."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.draft = DocumentDraft()
        # " date 2024-03-05 14:31 GMT …": the capture prefix goes before the scan, so a stamp
        # sharing its line is found like any other.
        self.capture = capture_date(self.lines[0]) if self.lines else None
        if self.capture is not None:
            self.lines[0] = CAPTURE_PREFIX_RE.sub("", self.lines[0], count=1)
        self.words = PageWords(text)
        self.found = scan(self.lines)
        self.induction: Induction = induce(self.found, self.lines)
        self.seps = self.induction.chosen
        if self.induction.trailing:
            # "Actualizado 00:07" under each post: an edit time closing it, not a publish time.
            for sep in self.seps:
                if sep.stamp is not None:
                    self.found.edits[sep.line] = sep.stamp
            self.seps = [Separator(sep.line, RELATIVE) for sep in self.seps]
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
        self.entry_edits: list[Sequence[Stamp]] = []
        self.header_published: str | None = None
        self.fallback_anchors: list[Anchor] = []
        # Parallel to draft.entries: what dating needs about each entry.
        self.entry_items: list[Item] = []
        self.entry_seps: list[Separator | None] = []
        self.order = Order.NEWEST_FIRST
        self.zone = HomeZone(None, "not yet known")

    def parse(self) -> DocumentDraft:
        lines, draft = self.lines, self.draft
        capture = self.capture
        segments = self._trailing_segments() if self._stamps_trail() else self._segments()
        header_end = min(segments[0].start, segments[0].body_start) if segments else len(lines)
        self._header(lines[:header_end])
        anchors = header_anchors(self.header_anchor_lines, 0) + self.fallback_anchors
        if not anchors:
            # "Last modified on Fri 19 Feb 2021 21.03 GMT" in the footer, say.
            anchors = header_anchors(self.lines[i] for i in sorted(self.found.page_dates))
        if not anchors and capture is not None:
            anchors = [Anchor(capture)]
        days = self._day_headers(anchors)
        day_index = sorted(days)
        # Each segment goes once its entry is built (one per entry: dating does not need them).
        segments.reverse()
        while segments:
            segment = segments.pop()
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
            if len(line) <= 120 and (PAGE_DATE_RE.match(line) or EDIT_RE.match(line)):
                stamp = parse_stamp(line)
                if stamp is not None and stamp.has_date:
                    self.header_anchor_lines.append(line)
                    if self.header_published is None and stamp.year is not None:
                        self.header_published = line[stamp.start : stamp.end]
                elif stamp is not None and stamp.has_time and EDIT_RE.match(line):
                    self.updated_minutes = stamp_minutes(stamp)
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
                    self.updated_minutes = stamp_minutes(dated[1])
                draft.dropped.append(line)
                continue
            own = own_stamp(line) if len(line) <= 70 else None
            if own is not None:
                self.header_anchor_lines.append(line)
                if own.has_date and own.has_time and own.year is not None:
                    self.updated_minutes = self.updated_minutes or stamp_minutes(own)
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
        head = split_head(leftovers, draft.kicker is not None)
        draft.title, draft.standfirst = head.title, head.standfirst
        draft.kicker = draft.kicker or head.kicker
        draft.dropped.extend(head.dropped)
        if head.intro:
            intro = EntryDraft()
            fill_body(intro, [head.intro], draft)
            if not intro.is_empty():
                draft.entries.append(intro)
                self.entry_edits.append(_NO_EDITS)
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
            if sep.line in found.edits:
                edits.append(found.edits[sep.line])
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
        if sep.label:
            entry.labels.append(sep.label)
        title: str | None = sep.title or above
        first_body: str | None = None
        if sep.kind in (LEAD, SPACE) and sep.rest:
            first_body = sep.rest
        elif sep.kind == GLUED and title and _reads_as_sentence(title):
            # "10.03pmLa préfète a assuré … annulés.": the post's first sentence, no headline.
            first_body, title = title, above
        if title:
            glued = glued_label(title)
            if glued is not None:
                entry.labels.append(glued[0])
                title = glued[1]
        special = self.special
        rest: list[str] = []
        for index in range(segment.body_start, segment.body_end):
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
                split = split_title_case(first_body, self.words) if title is None else None
                if split is not None:  # "14:31 Ferries Halted at Pier The harbour…"
                    title, first_body = split
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
        if groups and len(groups[-1]) >= 2:
            last = groups[-1][-1]
            if len(last) <= 80 and last[-1].isdigit() and _NAME_DATE.match(last):
                # "Jane Doe7 May 2024" under the last paragraph: a trailer, not a wrapped line.
                groups[-1].pop()
                groups.append([last])
        self._bylines(entry, groups)
        fill_body(entry, groups, draft)
        self._trailer(entry)
        self.entry_edits.append(edits or _NO_EDITS)
        entry.compact()
        return entry

    def _stamps_trail(self) -> bool:
        """True when each stamp line closes the text above it instead of opening the next.

        Signs: nothing but page chrome after the last stamp, text right above most stamps
        and a blank line right under them (``…the end of the post.`` / ``14:31`` / blank).
        """
        seps, lines = self.seps, self.lines
        if self.induction.trailing:
            return True
        if len(seps) < 2 or any(sep.kind != OWN for sep in seps):
            return False
        tail = (line.strip() for line in lines[seps[-1].line + 1 :])
        if any(line and not is_boilerplate(line) for line in tail):
            return False
        shaped = 0
        for sep in seps:
            above = lines[sep.line - 1].strip() if sep.line else ""
            below = lines[sep.line + 1].strip() if sep.line + 1 < len(lines) else ""
            if above and not below and (sep.line - 1) not in self.special:
                shaped += 1
        return shaped * 5 >= len(seps) * 4

    def _trailing_segments(self) -> list[_Segment]:
        """Entries that end at their stamp; the first starts after the page's header block."""
        lines = self.lines
        first = 0
        # The header: the leading blocks of short lines (title, standfirst, date, byline).
        index = 0
        while index < self.seps[0].line:
            block_end = index
            while block_end < len(lines) and lines[block_end].strip():
                block_end += 1
            block = [line.strip() for line in lines[index:block_end]]
            if any(len(line) > 80 for line in block):
                break
            if block:
                first = block_end
            index = block_end + 1
        out: list[_Segment] = []
        body_start = first
        for sep in self.seps:
            out.append(_Segment(sep, sep.line, sep.line + 1, body_start, sep.line))
            body_start = sep.line + 1
        return out

    def _title_like(self, line: str, block: list[str]) -> bool:
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
        if len(paragraphs(block)) == len(block):
            return True
        # A long headline right above its body line, not a paragraph wrapped at a width:
        # the next line's first word would have fitted on it (a wrap takes every word that
        # fits), or the next line opens a sentence with a word the page prints in lower case.
        if len(block) < 2 or not ends_sentence(block[1]):
            return False
        following = block[1]
        fits = len(line) + 1 + len(following.split(maxsplit=1)[0]) <= len(following)
        return fits or self.words.starts_sentence(following)

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
        dated: Sequence[int] = [i for i, sep in enumerate(self.entry_seps) if sep is not None]
        items = self.entry_items
        if len(dated) == len(items):  # every entry has its stamp: no copies, one per entry
            dated = range(len(items))
        else:
            items = [items[i] for i in dated]
        stamps = [s.stamp for s in self.seps if s.stamp is not None]
        sample = "\n".join(self.lines[:40])[:4000] + "\n" + "\n".join(self.lines[-20:])[-2000:]
        # The zone the entries print, else the one the page's own date lines print.
        printed = [s.zone for s in stamps if s.zone] or [
            s.stamp.zone for s in self.found.separators if s.stamp is not None and s.stamp.zone
        ]
        zone = home_zone(sample, printed)
        twelve = twelve_hour_page(stamps, self.updated_minutes)
        order, _why = detect_order(items, self.updated_minutes)
        anchor = pick_anchor(anchors, order)
        # A blog-level "updated" time (no date) refines a date-only anchor.
        if anchor is not None and anchor.minutes is None and self.updated_minutes is not None:
            anchor = Anchor(anchor.day, self.updated_minutes)
        if order is Order.OLDEST_FIRST and self.updated_minutes is not None:
            # The updated time ends an oldest-first page: the last posts are read up to it.
            clocks = resolve_minutes(items, order, twelve, end=self.updated_minutes)
            stamped = assign(items, order, anchor, zone, twelve, clocks)
        else:
            stamped = assign(items, order, anchor, zone, twelve)
            clocks = resolve_minutes(items, order, twelve, self.updated_minutes)
        missing = 0
        for index, timestamp, clock in zip(dated, stamped, clocks, strict=True):
            entry = draft.entries[index]
            entry.published = timestamp
            sep = self.entry_seps[index]
            if timestamp is None and sep is not None and sep.stamp is not None:
                missing += 1
                line = self.lines[sep.line].strip()
                kept = undated_time(sep.stamp, zone, line[:80] if sep.kind == OWN else None, clock)
                entry.time_of_day = kept
                if kept is None:  # a date no year could be found for: stays visible
                    entry.body.insert(0, line)
            edits = self.entry_edits[index]
            if edits and timestamp is not None:
                entry.updated = _edit_time(edits[-1], timestamp, zone)
        if missing:
            draft.problems.append(
                f"{missing} entr{'y' if missing == 1 else 'ies'} printed a time without a date "
                "and the page states none: they keep their time of day, with no date"
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
        titled = {_norm(e.title): e for e in draft.entries if e.title and any(e.lists()[2:])}
        keep = [True] * len(draft.entries)
        for position, entry in enumerate(draft.entries):
            _, authors, body, captions = entry.lists()
            if captions or authors:
                continue
            # A navigation item: a title alone, or one line that the layout left untitled.
            if entry.title and not body:
                text = entry.title
            elif not entry.title and len(body) == 1:
                text = body[0]
            else:
                continue
            twin = titled.get(_norm(text))
            if twin is not None and twin is not entry:
                keep[position] = False
                draft.dropped.append(text)
        if not all(keep):
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


def _reads_as_sentence(text: str) -> bool:
    """Prose rather than a headline: ends with a full stop and runs to eight words or more."""
    return text.rstrip("'\"’”)").endswith(".") and len(text.split()) >= 8


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
