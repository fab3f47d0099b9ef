"""An entry as wrapped lines for the feed, built from Rich ``Text`` (never markup)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from parsers.clean import shown
from parsers.decode import clean_line
from parsers.model import Entry, Timestamp
from tui.time_display import ShownTime, ZoneMode, day_label, show, show_clock

HIGHLIGHT = Style(bgcolor="yellow", color="black", bold=True)
SEPARATOR = Style(color="cyan", bold=True)
TIME = Style(bold=True, color="green")
NOTE = Style(color="yellow", italic=True)  # no dim: 4.5:1 in every theme (tui.themes)
BADGE = Style(color="black", bgcolor="magenta", bold=True)
ALERT = Style(color="bright_white", bgcolor="red", bold=True)
TITLE = Style(bold=True)
BYLINE = Style(color="cyan")
SOURCE = Style(color="blue")  # no dim: 4.5:1 in every theme (tui.themes)
CAPTION = Style(dim=True, italic=True)
UNDATED = Style(color="yellow")

UNREAD = Style(color="bright_cyan", bold=True)
MARKED = Style(color="bright_yellow", bold=True)
VISIT = Style(color="bright_magenta", bold=True)
LIST_SOURCE = Style(color="blue")

UNDATED_LABEL = "undated"
UNREAD_MARK = "•"
"""Before an entry not read yet (in the feed and the list)."""
MARKED_MARK = "★"
"""Before an entry the reader marked (``m``)."""
VISIT_LABEL = "▲ new since your last visit"
"""The separator between entries newer than the last visit and older ones."""
FIRST_WORDS = 300
"""Characters of the body a list line looks at when the entry has no headline."""


def safe(text: str) -> str:
    """One line of untrusted text (a field, a file name), without escape sequences or control
    characters (:func:`parsers.decode.clean_line`), then :func:`parsers.clean.shown` (bytes of
    a name that are not UTF-8 shown as ``\\xff``, bidi controls removed)."""
    return shown(clean_line(text))


def shown_time(entry: Entry, mode: ZoneMode, local: tzinfo | None) -> ShownTime | None:
    return None if entry.published is None else show(entry.published, mode, local)


def separator_label(placed: Timestamp | None, mode: ZoneMode, local: tzinfo | None) -> str:
    """The day heading of an entry placed at ``placed`` (``undated`` when it has no place)."""
    return UNDATED_LABEL if placed is None else day_label(show(placed, mode, local).day)


def highlighted(text: str, style: Style, needles: Sequence[str]) -> Text:
    line = Text(safe(text), style=style)
    if needles:
        line.highlight_words(needles, HIGHLIGHT, case_sensitive=False)
    return line


def flag_marks(unread: bool, marked: bool) -> Text:
    """``• `` for an unread entry, ``★ `` for a marked one (both: ``•★ ``); empty when
    neither. Symbols, so they read without colour."""
    text = Text()
    if unread:
        text.append(UNREAD_MARK, UNREAD)
    if marked:
        text.append(MARKED_MARK, MARKED)
    if text:
        text.append(" ")
    return text


def entry_texts(
    entry: Entry,
    source_name: str,
    mode: ZoneMode,
    local: tzinfo | None,
    needles: Sequence[str],
    gone: bool = False,
    page_date: Timestamp | None = None,
    alert: Sequence[str] = (),
    flags: Text | None = None,
    remark: str | None = None,
) -> list[Text]:
    """The blocks of an entry: heading, byline, paragraphs, captions (each wraps alone).

    ``page_date``: the document's own date, for an entry without a time placed by it.
    ``alert``: the ``--alert`` words a new entry mentions, shown as a badge before its time.
    ``flags``: the unread and marked marks (:func:`flag_marks`), first on the heading.
    ``remark``: what else is known of it (``edited``, ``removed from the page``, ``also in: …``).
    """
    heading = Text()
    if flags:
        heading.append_text(flags)
    if alert:
        heading.append(f" ⚑ {safe(', '.join(alert))} ", ALERT)
        heading.append(" ")
    shown = shown_time(entry, mode, local)
    if shown is None and entry.time_of_day is not None:
        # A printed time with no date (issue 9): kept and shown, marked "no date".
        clock, notes = show_clock(entry.time_of_day, mode)
        heading.append(clock, TIME)
        heading.append(f" ({', '.join(notes)})", NOTE)
    elif shown is None:
        heading.append("no time", UNDATED)
        if page_date is not None:
            dated = show(page_date, mode, local)
            when = (
                dated.clock if "date only" in dated.notes else f"{dated.day:%d %b %Y} {dated.clock}"
            )
            heading.append(f" (page dated {when.lstrip('0')})", NOTE)
    else:
        heading.append(shown.clock, TIME)
        for note in shown.notes:
            heading.append(f" ({note})", NOTE)
        if entry.updated is not None:
            updated = show(entry.updated, mode, local)
            heading.append(f" updated {updated.clock}", NOTE)
    for label in entry.labels:
        heading.append(" ")
        heading.append(f" {safe(label)} ", BADGE)
    if entry.title:
        heading.append("  ")
        heading.append_text(highlighted(entry.title, TITLE, needles))
    byline = Text()
    if entry.authors:
        byline.append("by ", BYLINE)
        for index, author in enumerate(entry.authors):
            if index:
                byline.append(", ", BYLINE)
            byline.append(safe(author.name), Style(color="cyan", bold=True))
            if author.role:
                byline.append(f" ({safe(author.role)})", BYLINE)
        byline.append(" · ", SOURCE)
    byline.append(safe(source_name), SOURCE)
    if gone:
        byline.append(" (file gone)", NOTE)
    if remark:
        byline.append(f" · {safe(remark)}", NOTE)
    blocks = [heading, byline]
    for index, paragraph in enumerate(entry.body):
        if index:
            blocks.append(Text())  # a blank line between paragraphs, as on the page
        blocks.append(highlighted(paragraph, Style(), needles))
    for caption in entry.captions:
        line = Text("▣ ", CAPTION)
        line.append_text(highlighted(caption.text, CAPTION, needles))
        if caption.credit:
            line.append(f" — {safe(caption.credit)}", Style(dim=True))
        blocks.append(line)
    return blocks


def list_time(entry: Entry, mode: ZoneMode, local: tzinfo | None) -> Text:
    """The time column of a list line: the clock in the zone shown (``?`` after an assumed
    zone), a date alone, a time of day without a date (``~`` before it), or ``no time``."""
    shown = shown_time(entry, mode, local)
    if shown is not None:
        assumed = "?" if "zone assumed" in shown.notes else ""
        return Text(shown.clock + assumed, TIME)
    if entry.time_of_day is not None:
        clock, _ = show_clock(entry.time_of_day, mode)
        return Text("~" + clock, TIME)
    return Text("no time", UNDATED)


def first_words(entry: Entry) -> str:
    """The start of the body (and captions) as one line, for an entry without a headline."""
    parts: list[str] = []
    room = FIRST_WORDS
    for text in (*entry.body, *(caption.text for caption in entry.captions)):
        if room <= 0:
            break
        parts.append(text[:room])
        room -= len(parts[-1]) + 1
    return " ".join(parts)  # made safe where it is shown


def list_line(
    entry: Entry,
    source_name: str,
    mode: ZoneMode,
    local: tzinfo | None,
    needles: Sequence[str],
    *,
    flags: Text,
    width: int,
    gone: bool = False,
    alert: Sequence[str] = (),
) -> Text:
    """One line of the headline list: marks · time · source (short) · labels · headline (or
    the first words of the body), cut to ``width`` cells."""
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    marks = flags.copy()
    marks.rstrip()
    marks.truncate(3, pad=True)  # a column: unread, marked, a space
    line.append_text(marks)
    time_text = list_time(entry, mode, local)
    time_text.truncate(max(11, time_text.cell_len), pad=True)
    line.append_text(time_text)
    line.append(" ")
    room = max(8, min(20, width // 5))
    name = safe(source_name)
    if len(name) > room:
        name = name[: room - 1] + "…"
    source = Text(name.ljust(room), NOTE if gone else LIST_SOURCE)
    line.append_text(source)
    line.append(" ")
    if alert:
        line.append(f" ⚑ {safe(', '.join(alert))} ", ALERT)
        line.append(" ")
    for label in entry.labels:
        line.append(f" {safe(label)} ", BADGE)
        line.append(" ")
    if entry.title:
        line.append_text(highlighted(entry.title, TITLE, needles))
    else:
        line.append_text(highlighted(first_words(entry), Style(), needles))
    line.truncate(width, overflow="ellipsis", pad=True)
    return line


def one_line(console: Console, text: Text, width: int) -> Strip:
    """``text`` (one line, no wrapping) as exactly ``width`` cells (rendered directly: half
    the cost of laying it out as lines)."""
    return Strip(list(text.render(console))).adjust_cell_length(max(1, width))


def wrap(console: Console, blocks: Sequence[Text], width: int) -> list[Strip]:
    """Wrap each block to ``width`` cells and pad every line to exactly that width."""
    options = console.options.update(width=max(1, width), height=None, no_wrap=False)
    strips: list[Strip] = []
    for block in blocks:
        for line in console.render_lines(block, options, pad=True):
            strips.append(Strip(line, width))
    return strips


def separator(label: str, width: int, style: Style = SEPARATOR) -> Strip:
    """``── Friday 25 February 2022 ─────`` across ``width`` cells."""
    text = f"── {label} "
    text = text + "─" * max(0, width - len(text))
    return Strip([Segment(text[:width], style)], min(width, len(text)))


def blank(width: int) -> Strip:
    return Strip.blank(width)
