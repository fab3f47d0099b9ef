"""HTML pages without structured live-blog data: HTML to text, then the text handlers.

A saved page is turned into what a reader would copy out of it (paragraphs, captions; scripts,
navigation and footers dropped) and handed to whichever text handler claims that text best.
"""

from __future__ import annotations

import re

from parsers.draft import DocumentDraft
from parsers.formats.base import FormatHandler, Sniff
from parsers.links import clean_url, saved_from_url
from parsers.model import Caption

MARKUP_FORMATS = frozenset({"feed", "jsonfeed", "jsonld", "html"})
_NOT_FOR_PAGE_TEXT = MARKUP_FORMATS | {"unstructured"}
"""Never asked about a page's text: markup handlers, and the not-a-live-blog verdict (a page
this handler claimed is a page, even when its text is a code listing)."""
"""Handlers that read markup; text extracted from markup is never given back to them."""

HEAD_CHARS = 4096
"""How much of a text the markup sniffers look at."""

_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_FRAGMENT = re.compile(
    r"^\s*(?:<!--(?:(?!-->).)*-->\s*)*<(?:div|article|section|main|p|h[1-6]|ul|ol|figure|time|span|a)"
    r"[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_CLOSING = re.compile(r"</(?:p|div|article|section|li|h[1-6])>", re.IGNORECASE)


def html_signature(text: str) -> str | None:
    """Why the head of ``text`` looks like HTML, or None when it does not."""
    head = text[:HEAD_CHARS]
    if "<" not in head:
        return None
    match = _PAGE.search(head)
    if match:
        return f"HTML page ({match.group(0).rstrip('> ').strip()}> near the start)"
    if _FRAGMENT.match(head) and _mostly_markup(head):
        return "HTML fragment (starts with a block element, tags on most lines)"
    return None


def _mostly_markup(head: str) -> bool:
    """True when most non-empty lines carry a tag (unlike a README that opens with a div)."""
    if len(_CLOSING.findall(head)) < 2:
        return False
    lines = [line for line in head.split("\n") if line.strip()]
    tagged = sum(1 for line in lines if "<" in line and ">" in line)
    return tagged * 2 >= len(lines)


def text_draft(text: str) -> tuple[DocumentDraft, str]:
    """Parse plain ``text`` with the best text handler (never a markup one): draft and name."""
    best = text_handler(text)
    if best is None:
        return DocumentDraft(problems=["no text format handler is available"]), "none"
    try:
        return best.parse(text), best.name
    except Exception as exc:  # noqa: BLE001 - never raise on bad input: report it
        failed = DocumentDraft(problems=[f"{best.name} parser failed: {type(exc).__name__}"])
        return failed, best.name


def text_handler(text: str) -> FormatHandler | None:
    """The text handler (never a markup one) that claims ``text`` most; None if there is none."""
    from parsers.formats import FORMATS

    best: FormatHandler | None = None
    best_score = 0.0
    for handler in FORMATS:
        if handler.name in _NOT_FOR_PAGE_TEXT:
            continue
        try:
            sniff = handler.sniff(text)
        except Exception:  # noqa: BLE001 - a faulty sniff must not stop reading
            continue
        if sniff is not None and sniff.score > best_score:
            best, best_score = handler, sniff.score
    if best is None:
        candidates = [h for h in FORMATS if h.name not in _NOT_FOR_PAGE_TEXT]
        best = candidates[-1] if candidates else None
    return best


def _restore_captions(draft: DocumentDraft, captions: dict[str, Caption]) -> None:
    """Turn body paragraphs that were figure captions in the HTML back into captions.

    Captions the text handler already recognised get back the image's alt text.
    """
    if not captions:
        return
    by_wording = {(c.text, c.credit): c for c in captions.values()}
    for entry in draft.entries:
        entry.captions = [by_wording.get((c.text, c.credit), c) for c in entry.captions]
        kept = []
        for paragraph in entry.body:
            caption = captions.get(" ".join(paragraph.split()))
            if caption is None:
                kept.append(paragraph)
            elif caption not in entry.captions:
                entry.captions.append(caption)
        entry.body = kept


class HtmlPageFormat:
    """An HTML page or fragment: converted to text, then split by the text handlers."""

    name = "html"

    def sniff(self, text: str) -> Sniff | None:
        reason = html_signature(text)
        if reason is None:
            return None
        score = 0.9 if reason.startswith("HTML page") else 0.7
        return Sniff(score, reason)

    def parse(self, text: str) -> DocumentDraft:
        from parsers.html_text import html_to_text

        converted = html_to_text(text)
        plain = converted.text()
        url = (
            clean_url(converted.canonical)
            or clean_url(converted.meta.get("og:url"))
            or saved_from_url(text[:HEAD_CHARS])
        )
        if not plain.strip():
            draft = DocumentDraft(title=converted.title, url=url)
            draft.problems.append("the HTML page holds no readable text")
            return draft
        draft, _ = text_draft(plain)
        draft.url = url or draft.url
        _restore_captions(draft, converted.caption_blocks)
        draft.dropped[:0] = converted.dropped
        meta = converted.meta
        if not draft.title:
            draft.title = meta.get("og:title") or converted.title
        if not draft.standfirst:
            draft.standfirst = meta.get("og:description") or meta.get("description")
        return draft
