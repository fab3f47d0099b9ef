"""Live blogs written from independent layout choices, with their ground truth by construction.

Each page draws one value per axis in :data:`AXES` (stamp form, stamp position, where the
headline sits, byline form, labels, captions, chrome lines, separator lines, order, language,
page head, line endings, encoding) from a seeded :class:`random.Random`, writes fictional
posts in that layout and records what a perfect parser would return for each post: its time
(an aware instant when the page gives a date, else only the time of day), title, authors,
labels and first sentence. The same seed always gives the same bytes.

A few combinations cannot be written (a label line needs a line to stand on; a headline that
ends with its stamp is always *before* it); the page then records the value it actually used,
so per-choice figures count what the page shows.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from layout_banks import AGENCIES, BANKS, FIRST_NAMES, LAST_NAMES, Bank

ZONE_WORDS: dict[str, tuple[str, tzinfo, str]] = {
    "zone_GMT": ("GMT", UTC, "winter"),
    "zone_BST": ("BST", timezone(timedelta(hours=1)), "summer"),
    "zone_EET": ("EET", timezone(timedelta(hours=2)), "winter"),
    "zone_CET": ("CET", timezone(timedelta(hours=1)), "winter"),
    "zone_ET": ("ET", ZoneInfo("America/New_York"), "any"),
    "zone_offset": ("UTC+2", timezone(timedelta(hours=2)), "any"),
}
"""Stamp forms that print a zone: the word, the zone it means, the season it is printed in."""

STAMP_FORMS = (
    "h24_colon", "h24_dot", "h12_compact", "h12_dotted", "four_digit", *ZONE_WORDS,
    "uhr", "french_h", "dated_dmy", "dated_mdy", "dated_iso", "dated_time_first", "h12_bare",
    "none",
)

HEADLINE_PLACES: dict[str, tuple[str, ...]] = {
    "own_line": ("after", "absent"),
    "line_after_headline": ("before",),
    "prefix_colon": ("after", "before", "absent"),
    "prefix_dash": ("after", "before", "absent"),
    "prefix_pipe": ("after", "before", "absent"),
    "prefix_space": ("after", "before", "absent"),
    "end_paren": ("before",),
    "end_dash": ("before",),
    "framed_plus": ("after", "before", "absent"),
    "framed_pipe": ("after", "before", "absent"),
    "glued": ("after", "before", "absent"),
    "none": ("after", "absent"),
}
"""Where the headline may sit for each stamp position (``none``: the page prints no times)."""

AXES: dict[str, tuple[str, ...]] = {
    "stamp_form": STAMP_FORMS,
    "stamp_position": tuple(HEADLINE_PLACES),
    "headline": ("after", "before", "absent"),
    "byline": ("by", "name_role", "trailer", "none"),
    "label": ("none", "Breaking", "Analysis", "local"),
    "caption": ("none", "photograph", "pic_line", "paren_credit"),
    "chrome": ("none", "Share", "Copy link", "Advertisement", "local_share"),
    "separator": ("blank", "rule", "none"),
    "order": ("newest", "oldest", "newest_midnight", "oldest_midnight"),
    "language": tuple(BANKS),
    "page_head": ("none", "title", "title_date", "title_zone", "full"),
    "line_ending": ("LF", "CRLF"),
    "encoding": ("utf-8", "utf-8-sig", "cp1252", "utf-16"),
}
"""Every axis a page varies on and its values."""

_PREFIX_JOINERS = {
    "prefix_colon": ": ", "prefix_dash": " – ", "prefix_pipe": " | ", "prefix_space": " ",
}
_WINTER = (11, 12, 1, 2)
_SUMMER = (6, 7, 8)


@dataclass(frozen=True, slots=True)
class TruthPost:
    """What a perfect parser returns for one post."""

    published: str | None
    """ISO instant when the page gives a date (in the stamp or the page head), else ``None``."""
    time_of_day: str | None
    """``HH:MM`` (24-hour, the page's own wall clock) whenever the page printed a time."""
    title: str | None
    authors: tuple[str, ...]
    labels: tuple[str, ...]
    first_words: str | None
    """The post's first body sentence (without any stamp glued to it)."""
    body: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One generated live blog: its bytes, the choices that made it and its truth."""

    name: str
    choices: dict[str, str]
    data: bytes
    text: str
    """The page as written, before line endings and encoding were applied."""
    posts: tuple[TruthPost, ...]


def corpus(count: int, seed: int = 9) -> list[Page]:
    """``count`` pages, the same ones for the same seed."""
    return list(iter_pages(count, seed))


def iter_pages(count: int, seed: int = 9) -> Iterator[Page]:
    rng = random.Random(seed)
    for index in range(count):
        yield page(random.Random(rng.getrandbits(64)), f"gen_{seed}_{index:04d}.txt")


def draw_choices(rng: random.Random) -> dict[str, str]:
    """One value per axis; the headline's place is drawn among those its position allows."""
    choices = {axis: rng.choice(values) for axis, values in AXES.items()}
    if choices["stamp_form"] == "none":
        choices["stamp_position"] = "none"
    elif choices["stamp_position"] == "none":
        choices["stamp_position"] = rng.choice(tuple(HEADLINE_PLACES)[:-1])
    choices["headline"] = rng.choice(HEADLINE_PLACES[choices["stamp_position"]])
    return choices


def page(rng: random.Random, name: str, choices: dict[str, str] | None = None) -> Page:
    """Write one page from ``choices`` (drawn from ``rng`` when not given)."""
    choices = dict(choices) if choices is not None else draw_choices(rng)
    bank = BANKS[choices["language"]]
    form = choices["stamp_form"]
    position = choices["stamp_position"]
    blockless = choices["headline"] == "absent" and (
        position.startswith("prefix") or position in ("glued", "none")
    )
    if blockless:
        # Nothing stands above the body to carry a label or a byline line.
        choices["label"] = "none"
        if choices["byline"] in ("by", "name_role"):
            choices["byline"] = "trailer"
    zone_word, zone = _zone(choices, bank)
    times = _times(rng, choices, zone_word)
    ordered = times if choices["order"].startswith("oldest") else list(reversed(times))
    date_known = form.startswith("dated") or choices["page_head"] in ("title_date", "full")
    reporters = [
        f"{first} {last}"
        for first, last in zip(
            rng.sample(FIRST_NAMES, 3), rng.sample(LAST_NAMES, 3), strict=True
        )
    ]
    sentences = _sentences(rng, bank)
    headlines = _headlines(rng, bank, len(ordered))
    head = _page_head(rng, choices, bank, ordered[0].date(), reporters, zone_word)
    if form == "h12_bare":
        # 12-hour times without am/pm need an anchor: a 24-hour "updated" time in the head.
        head.insert(min(1, len(head)), f"{bank.updated_word} {times[-1]:%H:%M}")
    sep = choices["separator"]
    posts: list[list[str]] = []
    truths: list[TruthPost] = []
    count = len(ordered)
    labelled = set(rng.sample(range(count), max(1, round(count * 0.4))))
    credited = set(rng.sample(range(count), max(1, round(count * 0.75))))
    for number, (when, headline) in enumerate(zip(ordered, headlines, strict=True)):
        lines, truth = _post(
            rng, choices, bank, (when, headline), (number in labelled, number in credited),
            sentences, reporters,
        )
        posts.append(lines)
        stamp = form != "none"
        aware = when.replace(tzinfo=zone)
        truths.append(
            TruthPost(
                published=aware.isoformat() if stamp and date_known else None,
                time_of_day=f"{when:%H:%M}" if stamp else None,
                **truth,
            )
        )
    between = {"blank": [""], "rule": ["", "---", ""], "none": []}[sep]
    out = list(head)
    if head and sep != "none":
        out.append("")
    for number, lines in enumerate(posts):
        if number:
            out += between
        out += lines
    text = "\n".join(out) + "\n"
    written = text.replace("\n", "\r\n") if choices["line_ending"] == "CRLF" else text
    return Page(name, choices, written.encode(choices["encoding"]), text, tuple(truths))


def _zone(choices: dict[str, str], bank: Bank) -> tuple[str | None, tzinfo]:
    form = choices["stamp_form"]
    if form in ZONE_WORDS:
        word, zone, _season = ZONE_WORDS[form]
        return word, zone
    return None, ZoneInfo(bank.home_zone)


def _season(choices: dict[str, str]) -> tuple[int, ...]:
    form = choices["stamp_form"]
    if form in ZONE_WORDS:
        season = ZONE_WORDS[form][2]
        return {"winter": _WINTER, "summer": _SUMMER}.get(season, tuple(range(1, 13)))
    if choices["page_head"] in ("title_zone", "full") and choices["language"] in ("en", "de"):
        return _WINTER  # "All times are GMT" / "Alle Zeiten MEZ" are winter time
    return tuple(range(1, 13))


def _times(rng: random.Random, choices: dict[str, str], zone_word: str | None) -> list[datetime]:
    """Wall-clock times of the posts, oldest first, on a day without a clock change."""
    count = rng.randint(3, 8)
    steps = [rng.randint(4, 45) for _ in range(count - 1)]
    zone = ZONE_WORDS[choices["stamp_form"]][1] if zone_word else ZoneInfo(
        BANKS[choices["language"]].home_zone
    )
    day = date(rng.randint(2019, 2024), rng.choice(_season(choices)), rng.randint(1, 28))
    while True:
        if choices["order"].endswith("midnight"):
            cross = rng.randint(1, count - 1)
            after = datetime.combine(day + timedelta(days=1), datetime.min.time())
            anchor = after + timedelta(minutes=rng.randint(0, steps[cross - 1] - 1))
            start = anchor - timedelta(minutes=sum(steps[:cross]))
        else:
            start = datetime.combine(day, datetime.min.time()) + timedelta(
                hours=8, minutes=rng.randint(0, 240)
            )
        times = [start]
        for step in steps:
            times.append(times[-1] + timedelta(minutes=step))
        offsets = {t.replace(tzinfo=zone).utcoffset() for t in (times[0], times[-1])}
        if len(offsets) == 1:
            return times
        day += timedelta(days=7)


def _sentences(rng: random.Random, bank: Bank) -> Iterator[str]:
    """Distinct sentences for one page (subject, verb, when or where, what was said)."""
    seen: set[tuple[str, str, str]] = set()
    while True:
        subject, verb = rng.choice(bank.subjects), rng.choice(bank.verbs)
        tail, clause = rng.choice(bank.tails), rng.choice(bank.clauses)
        key = (subject, tail, clause)
        if key in seen:
            continue
        seen.add(key)
        yield f"{subject} {verb} {tail}{bank.clause_joiner}{clause}."


def _headlines(rng: random.Random, bank: Bank, count: int) -> list[str]:
    pairs = rng.sample([(lead, obj) for lead in bank.leads for obj in bank.objects], count)
    return [f"{lead} {obj}" for lead, obj in pairs]


def _clock(when: datetime) -> str:
    return f"{when:%H:%M}"


def _twelve(when: datetime) -> tuple[int, str]:
    return when.hour % 12 or 12, "am" if when.hour < 12 else "pm"


def stamp_text(form: str, when: datetime, bank: Bank) -> str:
    """How a stamp of ``form`` prints ``when`` (a wall-clock time) in ``bank``'s language."""
    hour, half = _twelve(when)
    dotted = f"{hour}:{when.minute:02d} {half[0]}.m."
    if form == "h24_colon":
        return _clock(when)
    if form == "h24_dot":
        return f"{when:%H.%M}"
    if form == "h12_compact":
        return f"{hour}.{when.minute:02d}{half}"
    if form == "h12_dotted":
        return dotted
    if form == "four_digit":
        return f"{when:%H%M}"
    if form == "zone_ET":
        return f"{dotted} ET"
    if form in ZONE_WORDS:
        return f"{_clock(when)} {ZONE_WORDS[form][0]}"
    if form == "uhr":
        return f"{_clock(when)} Uhr"
    if form == "french_h":
        return f"{when.hour}h{when.minute:02d}"
    if form == "dated_dmy":
        return f"{bank.day_month_year(when.day, when.month, when.year)}, {_clock(when)}"
    if form == "dated_mdy":
        month = bank.months[when.month - 1]
        clock = dotted if bank is BANKS["en"] else _clock(when)
        return f"{month.capitalize()} {when.day}, {when.year}, {clock}"
    if form == "dated_iso":
        return f"{when:%Y-%m-%d} {_clock(when)}"
    if form == "dated_time_first":
        return f"{_clock(when)} – {bank.day_month_year(when.day, when.month, when.year)}"
    if form == "h12_bare":
        return f"{hour}:{when.minute:02d}"
    raise ValueError(f"unknown stamp form {form!r}")


def _stamp_block(position: str, place: str, stamp: str, headline: str) -> tuple[list[str], str]:
    """The lines above the body, and what is glued to the start of the first paragraph."""
    if position == "own_line":
        return ([stamp, headline] if place == "after" else [stamp]), ""
    if position == "line_after_headline":
        return [headline, stamp], ""
    if position in _PREFIX_JOINERS:
        joiner = _PREFIX_JOINERS[position]
        if place == "after":
            return [f"{stamp}{joiner}{headline}"], ""
        return ([headline] if place == "before" else []), f"{stamp}{joiner}"
    if position == "end_paren":
        return [f"{headline} ({stamp})"], ""
    if position == "end_dash":
        return [f"{headline} – {stamp}"], ""
    if position in ("framed_plus", "framed_pipe"):
        plus = position == "framed_plus"
        alone = f"+++ {stamp} +++" if plus else f"| {stamp} |"
        if place == "after":
            return [f"+++ {stamp}: {headline} +++" if plus else f"| {stamp} | {headline} |"], ""
        return ([headline, alone] if place == "before" else [alone]), ""
    if position == "glued":
        if place == "after":
            return [f"{stamp}{headline}"], ""
        if place == "before":
            return [f"{headline}{stamp}"], ""
        return [], stamp
    if position == "none":
        return ([headline] if place == "after" else []), ""
    raise ValueError(f"unknown stamp position {position!r}")


def _caption(rng: random.Random, choices: dict[str, str], bank: Bank) -> list[str]:
    style = choices["caption"]
    text, agency = rng.choice(bank.captions), rng.choice(AGENCIES)
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    if style == "photograph":
        return [f"{text} Photograph: {person}/{agency}"]
    if style == "pic_line":
        return [text, f"Pic: {agency}"]
    return [f"{text} ({agency}/{person})"]


def _post(
    rng: random.Random,
    choices: dict[str, str],
    bank: Bank,
    moment: tuple[datetime, str],
    marks: tuple[bool, bool],
    sentences: Iterator[str],
    reporters: list[str],
) -> tuple[list[str], dict[str, object]]:
    """One post's lines and truth; ``marks`` says whether it carries its label and its byline."""
    when, headline = moment
    labelled, credited = marks
    form, position, place = choices["stamp_form"], choices["stamp_position"], choices["headline"]
    title = None if place == "absent" else headline
    stamp = "" if form == "none" else stamp_text(form, when, bank)
    block, glue = _stamp_block(position, place, stamp, headline)
    label = {"none": None, "local": bank.local_label}.get(choices["label"], choices["label"])
    label = label if labelled else None
    reporter = rng.choice(reporters)
    role = rng.choice(bank.roles)
    byline = choices["byline"] if credited else "none"
    paragraphs = [
        " ".join(next(sentences) for _ in range(rng.randint(1, 2)))
        for _ in range(rng.randint(1, 3))
    ]
    first = paragraphs[0].split(". ")[0].rstrip(".") + "."
    head = list(block)
    if label:
        head.append(label)
    if byline == "by":
        head.append(f"{bank.by_word} {reporter}, {role}")
    elif byline == "name_role":
        head.append(f"{reporter}, {role}")
    chunks: list[list[str]] = [head] if head else []
    chunks.append([glue + paragraphs[0]])
    if choices["caption"] != "none" and rng.random() < 0.6:
        chunks.append(_caption(rng, choices, bank))
    chunks += [[paragraph] for paragraph in paragraphs[1:]]
    if byline == "trailer":
        chunks.append([f"({reporter})"])
    chrome = choices["chrome"]
    if chrome != "none":
        chunks.append([bank.local_share if chrome == "local_share" else chrome])
    gap = [] if choices["separator"] == "none" else [""]
    lines: list[str] = []
    for number, chunk in enumerate(chunks):
        if number:
            lines += gap
        lines += chunk
    truth: dict[str, object] = {
        "title": title,
        "authors": () if byline == "none" else (reporter,),
        "labels": (label,) if label else (),
        "first_words": first,
        "body": tuple(paragraphs),
    }
    return lines, truth


def _page_head(
    rng: random.Random,
    choices: dict[str, str],
    bank: Bank,
    day: date,
    reporters: list[str],
    zone_word: str | None,
) -> list[str]:
    kind = choices["page_head"]
    if kind == "none":
        return []
    lines = [rng.choice(bank.titles)]
    date_line = bank.date_line(day.weekday(), day.day, day.month, day.year)
    zone_line = [] if zone_word else [bank.zone_line]
    if kind == "title_date":
        lines.append(date_line)
    elif kind == "title_zone":
        lines += zone_line
    elif kind == "full":
        lines.append(rng.choice(bank.standfirsts))
        lines.append(f"{bank.by_word} {reporters[0]} {bank.and_word} {reporters[1]}")
        lines += zone_line
        lines.append(date_line)
    return lines
