"""Fallback: headline-separated posts without times (and single articles)."""

from __future__ import annotations

from parsers.draft import DocumentDraft, EntryDraft
from parsers.formats.base import Sniff


class HeadlinesFormat:
    """Posts separated by short headline lines; a single post is an article."""

    name = "headlines"

    def sniff(self, text: str) -> Sniff | None:
        return Sniff(0.05, "fallback: no stronger signature found")

    def parse(self, text: str) -> DocumentDraft:
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        return DocumentDraft(entries=[EntryDraft(body=paragraphs)])
