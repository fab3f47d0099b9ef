"""The texts of the full views: an entry with every field, a document's header, problems."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from rich.style import Style
from rich.text import Text

from parsers.model import Document, Precision, Problem
from tui.engine.timeline import Item
from tui.time_display import ZoneMode, full, full_clock
from tui.widgets.entry_lines import BADGE, CAPTION, HIGHLIGHT, safe

LABEL = Style(bold=True, color="cyan")
ZONE_LABEL = Style(color="cyan")

ZONE_LABELS = {ZoneMode.SOURCE: "source zone", ZoneMode.LOCAL: "your zone", ZoneMode.UTC: "UTC"}
"""What each of the full view's three times is (the feed shows one of them, ``z`` picks)."""
HEADLINE = Style(bold=True)


def _field(text: Text, name: str, value: str | Text) -> None:
    text.append(f"{name:<11}", LABEL)
    if isinstance(value, Text):
        text.append_text(value)
    else:
        text.append(safe(value))
    text.append("\n")


def _paragraph(
    text: Text, value: str, style: Style | str = "", needles: Sequence[str] = ()
) -> None:
    line = Text(safe(value), style=style)
    if needles:
        line.highlight_words(needles, HIGHLIGHT, case_sensitive=False)
    text.append_text(line)
    text.append("\n\n")


def entry_page(
    item: Item, mode: ZoneMode, local: tzinfo | None, needles: Sequence[str] = ()
) -> Text:
    """Every field of an entry, times in all three zones."""
    entry = item.entry
    text = Text()
    if entry.title:
        _paragraph(text, entry.title, HEADLINE, needles)
    if entry.published is None and entry.time_of_day is not None:
        _field(text, "published", full_clock(entry.time_of_day, mode))
    elif entry.published is None:
        _field(text, "published", "no time given")
    elif entry.published.precision is Precision.DATE:
        _field(text, "published", full(entry.published, mode, local))  # no clock to convert
    else:
        for index, shown in enumerate(ZoneMode):
            when = Text(f"{ZONE_LABELS[shown]:<13}", ZONE_LABEL)
            when.append(full(entry.published, shown, local, iso=False))
            _field(text, "published" if index == 0 else "", when)
        iso = Text(f"{'ISO 8601':<13}", ZONE_LABEL)
        iso.append(entry.published.at.isoformat())  # as the source gave it, offset included
        _field(text, "", iso)
    if entry.updated is not None:
        _field(text, "updated", full(entry.updated, mode, local))
    if entry.labels:
        badges = Text()
        for label in entry.labels:
            badges.append(f" {safe(label)} ", BADGE)
            badges.append(" ")
        _field(text, "labels", badges)
    for index, author in enumerate(entry.authors):
        who = safe(author.name) + (f" ({safe(author.role)})" if author.role else "")
        _field(text, "by" if index == 0 else "", who)
    _field(text, "source", item.document.display_name)
    _field(text, "file", item.document.source.path)
    _field(text, "format", item.document.format)
    _field(text, "position", f"{entry.position + 1} of {len(item.document.entries)}")
    _field(text, "id", entry.id)
    text.append("\n")
    for paragraph in entry.body:
        _paragraph(text, paragraph, "", needles)
    for caption in entry.captions:
        line = "▣ " + caption.text + (f" — {caption.credit}" if caption.credit else "")
        _paragraph(text, line, CAPTION, needles)
        if caption.alt:
            _paragraph(text, f"alt: {caption.alt}", CAPTION)
    return text


def document_page(document: Document, mode: ZoneMode, local: tzinfo | None) -> Text:
    """A document's header: kicker, headline, standfirst, key points, byline."""
    text = Text()
    if document.kicker:
        _paragraph(text, document.kicker, Style(color="red", bold=True))
    _paragraph(text, document.display_name, HEADLINE)
    if document.standfirst:
        _paragraph(text, document.standfirst, Style(italic=True))
    if document.key_points:
        text.append("Key points\n", LABEL)
        for point in document.key_points:
            text.append(" • ")
            text.append(safe(point))
            text.append("\n")
        text.append("\n")
    else:
        text.append("This document has no key points.\n\n", Style(dim=True))
    for index, author in enumerate(document.authors):
        who = safe(author.name) + (f" ({safe(author.role)})" if author.role else "")
        _field(text, "by" if index == 0 else "", who)
    if document.published is not None:
        _field(text, "published", full(document.published, mode, local))
    _field(text, "file", document.source.path)
    _field(text, "format", document.format)
    _field(text, "entries", str(len(document.entries)))
    if document.problems:
        text.append("\n")
        text.append_text(problems_page(document.problems))
    return text


def problems_page(problems: Sequence[Problem]) -> Text:
    """One line per problem, unreadable files first and marked so."""
    text = Text()
    if not problems:
        text.append("No problems: every file was read.\n")
        return text
    for problem in problems:
        text.append(
            "unreadable " if problem.fatal else "warning    ",
            Style(color="red", bold=True) if problem.fatal else Style(color="yellow"),
        )
        text.append(safe(problem.source), Style(bold=True))
        text.append(": ")
        text.append(safe(problem.message))
        text.append("\n")
    return text
