"""Entry bodies: paragraphs, captions with credits, and boilerplate set aside."""

from __future__ import annotations

from parsers.blocks import ends_sentence, paragraphs
from parsers.boilerplate import is_boilerplate
from parsers.captions import CAPTION_MARKER, credit_only, glued_caption
from parsers.draft import DocumentDraft, EntryDraft
from parsers.model import Caption


def _plain_prose(paragraph: str) -> bool:
    """A long paragraph none of the caption, credit or chrome forms can match (fast path)."""
    return (
        len(paragraph) > 240
        and paragraph[-1] not in ")]"
        and ":" not in paragraph[-120:]
        and "Image source," not in paragraph
    )


def fill_body(entry: EntryDraft, groups: list[list[str]], draft: DocumentDraft) -> None:
    """Body paragraphs and captions from blocks of lines; boilerplate goes to ``dropped``."""
    caption_next = False
    for group in groups:
        for number, paragraph in enumerate(paragraphs(group)):
            if _plain_prose(paragraph) and not caption_next:
                entry.body.append(paragraph)
                continue
            if is_boilerplate(paragraph):
                draft.dropped.append(paragraph)
                continue
            if CAPTION_MARKER.match(paragraph):
                draft.dropped.append(paragraph)
                caption_next = True
                continue
            if caption_next and entry.captions:
                last = entry.captions[-1]
                entry.captions[-1] = Caption(paragraph, last.credit, last.text or None)
                caption_next = False
                continue
            caption_next = False
            credit = credit_only(paragraph)
            if credit is not None:
                # The caption is the paragraph above: on the line right above the credit, or
                # a caption-like line (no closing full stop) above a blank line.
                above = entry.body[-1] if entry.body else ""
                is_caption = len(above) <= 300 and (number > 0 or not ends_sentence(above))
                text = entry.body.pop() if above and is_caption else ""
                if text and entry.body and entry.body[-1] == text:
                    # Alt text printed above an identical caption: keep one.
                    draft.dropped.append(entry.body.pop())
                if not text and entry.captions and entry.captions[-1].credit == credit:
                    # A credit repeated alone under its caption: "(AP Photo/Jane Doe)".
                    draft.dropped.append(paragraph)
                    continue
                entry.captions.append(Caption(text, credit))
                continue
            caption = glued_caption(paragraph)
            if caption is not None:
                entry.captions.append(caption)
                continue
            entry.body.append(paragraph)
