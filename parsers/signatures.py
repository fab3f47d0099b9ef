"""Which stamps separate this page's entries: position signatures weighed by their evidence.

Every stamp :func:`parsers.separators.scan` found in a separator-like position is described by
its *signature*: where it stands (alone on a line, at a paragraph start before ``:``/a dash or
a plain space, glued to a headline, closing a headline, in parentheses, framed by ``+++``/``|``,
an epoch) and how its clock is printed (``h:mm``, an hour only, four digits). Stamps of one
signature are a page's separators when the evidence says so:

``count``      how often the signature occurs (two at least);
``regular``    how even the spacing between its lines is (prose times are scattered);
``ordered``    the share of its times that run in one direction, allowing for midnight;
``coverage``   how much of the page lies between its first and last occurrence.

The signature with the best score wins; another signature joins it when it stands on its own
line (``own``, ``epoch``, framed) or when its stamps recur and are not neighbouring items of
a list inside one entry (a diary list ``10am: …`` in one post stays body text).
:func:`induce` returns the chosen separators and, for ``parse --explain``, the evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from parsers.page_head import is_chrome
from parsers.separators import (
    EPOCH,
    FORM_FOUR,
    FORM_HOUR,
    GLUED,
    LEAD,
    OWN,
    RELATIVE,
    SPACE,
    SUFFIX,
    Scan,
    Separator,
    stamp_minutes,
)

POSITIONS: dict[str, str] = {
    OWN: "alone on a line",
    LEAD: "paragraph start, then ':' or a dash",
    SPACE: "paragraph start, then a space",
    GLUED: "glued to its headline",
    SUFFIX: "at the end of a headline",
    "paren": "in parentheses after a headline",
    "framed": "framed by +++ or |",
    EPOCH: "an epoch glued to a headline",
    RELATIVE: "a relative age alone on a line",
}
"""What each position means, for ``--explain``."""

_PRIOR: dict[str, float] = {
    OWN: 1.0,
    "framed": 1.0,
    EPOCH: 1.0,
    GLUED: 0.9,
    LEAD: 0.9,
    SUFFIX: 0.8,
    "paren": 0.8,
    SPACE: 0.6,
    RELATIVE: 0.3,
}
"""How much a position says by itself: a stamp alone on a line is rarely prose."""
_STANDALONE = frozenset((OWN, EPOCH, "framed"))
"""Positions that separate wherever they stand (a stamp line is never prose)."""
_ORDER_CHECKED = frozenset((LEAD, SPACE, "paren"))
"""Positions whose stamps out of the page's time order are read as body text."""


@dataclass(frozen=True, slots=True)
class Signature:
    """Where a stamp stands and how its clock is printed."""

    position: str
    form: str

    def describe(self) -> str:
        return f"{self.position} ({POSITIONS.get(self.position, self.position)}), {self.form}"


@dataclass(slots=True)
class Evidence:
    """What speaks for one signature being the page's separator."""

    signature: Signature
    seps: list[Separator]
    regular: float = 0.0
    ordered: float = 0.0
    coverage: float = 0.0
    score: float = 0.0
    chosen: bool = False
    why: str = ""

    @property
    def count(self) -> int:
        return len(self.seps)

    def line(self) -> str:
        """One line for ``--explain``."""
        zoned = sum(1 for s in self.seps if s.stamp is not None and s.stamp.zone)
        dated = sum(1 for s in self.seps if s.stamp is not None and s.stamp.has_date)
        extras = "".join(
            f", {n} {what}" for n, what in ((zoned, "with zone"), (dated, "with date")) if n
        )
        verdict = "WINNER" if self.chosen and self.why == "winner" else (
            f"kept: {self.why}" if self.chosen else f"not kept: {self.why}"
        )
        return (
            f"{self.signature.describe()}: {self.count} found{extras}; regular "
            f"{self.regular:.2f}, ordered {self.ordered:.2f}, coverage {self.coverage:.2f}, "
            f"score {self.score:.2f} -> {verdict}"
        )


@dataclass(slots=True)
class Induction:
    """The separators chosen for a page and the evidence behind the choice."""

    chosen: list[Separator] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    trailing: bool = False
    """True when the chosen stamps close their posts (trailers) instead of opening them."""
    trailers: list[Separator] = field(default_factory=list)
    """Stamps sharing their line with the same words each time (``Actualizado 00:07``): when
    nothing else separates the posts, each closes the post above it (an edit time)."""

    def explain(self) -> list[str]:
        if not self.evidence:
            return ["no stamp in separator position"]
        return [e.line() for e in sorted(self.evidence, key=lambda e: -e.score)]


def signature_of(sep: Separator) -> Signature:
    """A separator's position signature."""
    if sep.frame:
        position = "framed"
    elif sep.paren:
        position = "paren"
    else:
        position = sep.kind
    form = "epoch" if sep.kind == EPOCH else "relative" if sep.kind == RELATIVE else sep.form
    return Signature(position, form)


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


def in_order(seps: list[Separator]) -> set[int]:
    """Indexes of the longest run of ``seps`` whose times go one way (midnight allowed)."""
    times = [stamp_minutes(s.stamp) if s.stamp is not None else 0 for s in seps]
    ups = sum(1 for a, b in zip(times, times[1:], strict=False) if b > a)
    downs = sum(1 for a, b in zip(times, times[1:], strict=False) if b < a)
    rising = ups >= downs
    return _longest_monotonic(_unwrap(times, rising), rising)


def in_day_order(seps: list[Separator], day_lines: list[int]) -> list[Separator]:
    """The ``seps`` whose times run one way within each day group that ``day_lines`` head.

    A day header (``Tuesday, May 7``) between two stamps lets the clock start again.
    """
    if not day_lines:
        good = in_order(seps)
        return [s for i, s in enumerate(seps) if i in good]
    out: list[Separator] = []
    run: list[Separator] = []
    for sep in seps:
        if run and bisect_right(day_lines, run[-1].line) != bisect_right(day_lines, sep.line):
            good = in_order(run)
            out += [s for i, s in enumerate(run) if i in good]
            run = []
        run.append(sep)
    good = in_order(run)
    out += [s for i, s in enumerate(run) if i in good]
    return out


def _measure(evidence: Evidence, total_lines: int, day_lines: list[int]) -> None:
    seps = evidence.seps
    count = len(seps)
    timed = [s for s in seps if s.stamp is not None]
    if len(timed) >= 2:
        evidence.ordered = len(in_day_order(timed, day_lines)) / len(timed)
    else:
        evidence.ordered = 1.0
    if count >= 3:
        gaps = [b.line - a.line for a, b in zip(seps, seps[1:], strict=False)]
        mean = sum(gaps) / len(gaps)
        spread = (sum((g - mean) ** 2 for g in gaps) / len(gaps)) ** 0.5
        evidence.regular = 1.0 / (1.0 + spread / mean) if mean else 0.0
    else:
        evidence.regular = 0.5
    span = seps[-1].line - seps[0].line if count >= 2 else 0
    evidence.coverage = min(1.0, span / max(1, total_lines))
    strength = min(count, 12) / 12
    evidence.score = (
        _PRIOR.get(evidence.signature.position, 0.5)
        * (0.25 + 0.75 * strength)
        * evidence.ordered
        * (0.6 + 0.4 * evidence.regular)
        * (0.7 + 0.3 * evidence.coverage)
    )


def _year_list(seps: list[Separator]) -> bool:
    """Four-digit "stamps" that all read as years (``2015: …``) make a timeline, not a clock."""
    return all(
        s.form == FORM_FOUR
        and s.stamp is not None
        and not s.stamp.zone
        and s.stamp.hour in (19, 20)
        for s in seps
    )


def _same_words(seps: list[Separator]) -> bool:
    """True when every stamp of a signature shares its line with the very same text."""
    texts = {(s.title or s.rest or "").casefold() for s in seps}
    return len(seps) >= 2 and len(texts) == 1 and "" not in texts


def _listed(seps: list[Separator], starts: list[int], lines: list[str]) -> bool:
    """True when two of ``seps`` stand on neighbouring lines inside one entry ``starts`` open.

    ``10am: roads reopen`` / ``11am: ferries resume``: the items of a list in one post.
    """
    for before, after in zip(seps, seps[1:], strict=False):
        if bisect_right(starts, before.line) != bisect_right(starts, after.line):
            continue
        if all(lines[i].strip() for i in range(before.line, after.line + 1)):
            return True
    return False


def induce(found: Scan, lines: list[str]) -> Induction:
    """The separators that really start entries in this document, and the evidence."""
    groups: dict[Signature, list[Separator]] = {}
    for sep in found.separators:
        groups.setdefault(signature_of(sep), []).append(sep)
    result = Induction()
    total = len(lines) or 1
    day_lines = sorted(found.day_stamps)
    for signature, seps in groups.items():
        evidence = Evidence(signature, seps)
        if signature.position in _ORDER_CHECKED and len(seps) >= 3:
            evidence.seps = in_day_order(seps, day_lines) or seps
        _measure(evidence, total, day_lines)
        if signature.form == FORM_FOUR and _year_list(evidence.seps):
            evidence.score = 0.0
            evidence.why = "every value reads as a year"
        elif _same_words(evidence.seps):
            evidence.score = 0.0
            evidence.why = "the same words at every stamp: a trailer (Updated 14:31), no headline"
            result.trailers.extend(evidence.seps)
        result.evidence.append(evidence)
    _choose(result, lines)
    chosen = sorted((s for e in result.evidence if e.chosen for s in e.seps), key=lambda s: s.line)
    chosen = _header_stamps(chosen, lines)
    if len(chosen) < 2 and len(result.trailers) >= 2:
        chosen = sorted(result.trailers, key=lambda s: s.line)
        for evidence in result.evidence:
            if evidence.seps[0] in chosen:
                evidence.chosen, evidence.why = True, "a trailer closing each post (edit times)"
        result.trailing = True
    elif len(chosen) < 2 and len(found.relatives) >= 2:
        # Only "17 hr 44 min ago" lines (a copy saved without absolute times): they still
        # separate the posts, which then carry no time.
        relatives = [Separator(line, RELATIVE) for line in sorted(found.relatives)]
        evidence = Evidence(Signature(RELATIVE, "relative"), relatives, chosen=True, why="winner")
        _measure(evidence, total, day_lines)
        result.evidence.append(evidence)
        chosen = relatives
    result.chosen = chosen
    return result


def _choose(result: Induction, lines: list[str]) -> None:
    """Mark the winning signature and the ones that join it."""
    candidates = [e for e in result.evidence if e.score > 0]
    if not candidates:
        return
    own = sum(e.count for e in result.evidence if e.signature.position == OWN)
    alone = len(result.evidence) == 1
    with_minutes = sum(
        e.count
        for e in result.evidence
        if e.signature.position == LEAD and e.signature.form != FORM_HOUR
    )
    for evidence in candidates:
        position, form = evidence.signature.position, evidence.signature.form
        if evidence.count < 2 and position not in _STANDALONE and not (
            alone and position in (LEAD, GLUED, SPACE)
        ):
            evidence.score *= 0.2
            evidence.why = "occurs once"
        if form == FORM_HOUR and with_minutes * 2 > with_minutes + evidence.count:
            evidence.score *= 0.2
            evidence.why = "hours without minutes beside stamps with minutes (a diary list)"
    winner = max(candidates, key=lambda e: e.score)
    if winner.count < 2 and not (winner.signature.position in _STANDALONE or alone):
        for evidence in candidates:
            evidence.why = evidence.why or "too little evidence"
        return
    winner.chosen, winner.why = True, "winner"
    starts = sorted(s.line for s in winner.seps)
    for evidence in candidates:
        if evidence is winner:
            continue
        position = evidence.signature.position
        if evidence.why:
            continue
        if position in _STANDALONE and evidence.signature.form != FORM_FOUR:
            if position == OWN or not (own >= 3 and evidence.count < own):
                evidence.chosen, evidence.why = True, "a stamp line separates wherever it stands"
                continue
        if own >= 3 and evidence.count < own and winner.signature.position == OWN:
            evidence.why = "fewer than the stamp lines: a list inside posts"
            continue
        if evidence.count < 2:
            evidence.why = "occurs once beside the winner"
            continue
        if position == SUFFIX and evidence.count * 2 < own:
            evidence.why = "fewer than half the stamp lines"
            continue
        if evidence.score < 0.25 * winner.score:
            evidence.why = "much weaker than the winner"
            continue
        if position not in (SUFFIX, GLUED) and _listed(evidence.seps, starts, lines):
            evidence.why = "a list inside one entry"
            continue
        evidence.chosen, evidence.why = True, "recurs beside the winner"


def _header_stamps(seps: list[Separator], lines: list[str]) -> list[Separator]:
    """Leave out dated stamp lines at the top of a page whose entries carry times only.

    ``Fri 19 Feb 2021 19.41 GMT`` above ``19.30 GMT`` entries is the page's own date line:
    it heads no text of its own (nothing but short lines before the next stamp).
    """
    # A dated stamp line with nothing but chrome under it before the next stamp: the page's
    # date line ("Feb. 26, 2022, 2:59 a.m. ET" above the first post, maybe "Share" under it).
    while (
        len(seps) >= 2
        and seps[0].kind == OWN
        and seps[0].stamp is not None
        and seps[0].stamp.has_date
        and all(is_chrome(line.strip()) for line in _between(lines, seps[0], seps[1]))
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


def _between(lines: list[str], first: Separator, second: Separator) -> list[str]:
    """The lines between two stamps, less a headline printed right above the second."""
    inside = lines[first.line + 1 : second.line]
    if len(inside) >= 2 and inside[-1].strip() and not inside[-2].strip():
        inside = inside[:-1]
    return inside
