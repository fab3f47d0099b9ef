"""The fallback: posts separated by headline paragraphs, without times; single articles.

Shape: an optional kicker (``WAR``), the page headline (sometimes printed twice), an optional
standfirst, optional summary bullets, then posts. A post starts at a short headline-like
paragraph that follows a finished sentence and precedes prose; the text before the first such
headline is the opening post. A page with a single post is an article: the post takes the
page headline. A trailing byline sentence (``Name News Reporter.``) credits the last post.
"""

from __future__ import annotations

import re

from parsers.blocks import BULLET_RE, blocks, ends_sentence, paragraphs
from parsers.body import fill_body
from parsers.boilerplate import is_boilerplate, is_summary_heading
from parsers.bylines import byline, trailer
from parsers.captions import credit_only, glued_caption
from parsers.draft import DocumentDraft, EntryDraft
from parsers.finish import entry_key
from parsers.formats.base import Sniff
from parsers.model import Author, Timestamp
from parsers.timestamps import parse_stamp, to_timestamp

# " date 2022-02-25 " (optionally with a time) glued before the first paragraph: the date a
# page was captured, a weak hint only (FORMATS.md §0).
_CAPTURE = re.compile(
    r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})(?:\s+\d{1,2}[.:]\d{2}\s*(?:[ap]m)?(?:\s+[A-Z]{2,4})?)?"
    r"(?:\s+|$)"
)
_KICKER = re.compile(r"^[A-Z0-9][A-Z0-9 &'’-]{1,30}$")
_OPENERS = re.compile(r"^[A-Z0-9\"“‘'À-Ö]")


def headline_like(text: str, most_words: int = 12) -> bool:
    """A short line that reads as a headline, not a sentence or a list item."""
    words = text.split()
    return (
        2 <= len(words) <= most_words
        and len(text) <= 120
        and not ends_sentence(text)
        and not text.endswith(",")
        and _OPENERS.match(text) is not None
        and BULLET_RE.match(text) is None
        and credit_only(text) is None
        and glued_caption(text) is None
    )


class HeadlinesFormat:
    """Headline-separated posts; the fallback for text no other handler claims."""

    name = "headlines"

    def sniff(self, text: str) -> Sniff | None:
        head = text.lstrip()[:200].lower()
        if head.startswith("<") and ("<html" in head or "<?xml" in head or "<!doctype" in head):
            return None
        return Sniff(0.05, "fallback: no stronger signature found")

    def parse(self, text: str) -> DocumentDraft:
        draft = DocumentDraft()
        lines = text.split("\n")
        self._capture_date(lines, draft)
        paras: list[str] = []
        for group in blocks(lines):
            for paragraph in paragraphs(group):
                if is_boilerplate(paragraph):
                    draft.dropped.append(paragraph)
                else:
                    paras.append(paragraph)
        body = self._header(paras, draft)
        head = paras[: len(paras) - len(body)]
        # The headline printed right above the opening post's text: the page title when nothing
        # (standfirst, key points, a printed date) came between, else a headline found there.
        lead = draft.title if draft.title and head and head[-1] == draft.title else None
        last_author = self._trailer(body)
        posts = self._split(body)
        if posts and posts[0][0] is not None and posts[0][1] and body and posts[0][0] == body[0]:
            lead = posts[0][0]
            if len(posts) == 1 and draft.title:
                # An article: its title is the page's; the line above its text stays body.
                posts = [(None, [lead, *posts[0][1]])]
        for title, segment in posts:
            entry = EntryDraft(title=title)
            if segment and (people := byline(segment[0])) is not None and title:
                entry.authors.extend(people)
                segment = segment[1:]
            fill_body(entry, [[p] for p in segment], draft)
            draft.entries.append(entry)
        if last_author is not None and draft.entries:
            draft.entries[-1].authors.append(last_author)
        opening = draft.entries[0] if draft.entries else None
        if opening is not None and opening.title is None:
            # Keyed as the post it becomes once the page grows: titled by ``lead`` (new posts
            # on top push it down under a headline) or, with no lead, by its first paragraph.
            opening.key = entry_key(EntryDraft(title=lead) if lead else opening)
        if len(draft.entries) == 1:
            article = draft.entries[0]
            if article.key is None:
                article.key = entry_key(article)
            if article.title is None:
                article.title = draft.title
            if draft.standfirst:
                article.body.insert(0, draft.standfirst)
            article.published = article.published or draft.published
        return draft

    def _capture_date(self, lines: list[str], draft: DocumentDraft) -> None:
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            match = _CAPTURE.match(line)
            if match:
                stamp = parse_stamp(match["date"])
                if stamp is not None:
                    draft.published = to_timestamp(stamp)
                lines[index] = line[match.end() :]
                draft.dropped.append(match.group(0).strip())
            return

    def _header(self, paras: list[str], draft: DocumentDraft) -> list[str]:
        """Take kicker, title, standfirst, key points and a printed date off the front."""
        i = 0
        if len(paras) > 2 and _KICKER.match(paras[0]) and len(paras[0].split()) <= 4:
            if headline_like(paras[1], 25):
                draft.kicker = paras[0]
                i = 1
        if i < len(paras) - 1 and headline_like(paras[i], 25):
            draft.title = paras[i]
            i += 1
            while i < len(paras) and paras[i] == draft.title:
                draft.dropped.append(paras[i])
                i += 1
        printed = self._printed_date(paras[i]) if i < len(paras) else None
        if printed is not None:
            draft.published = printed
            draft.dropped.append(paras[i])
            i += 1
        if (
            draft.title
            and i < len(paras) - 1
            and not ends_sentence(paras[i])
            and len(paras[i].split()) <= 60
            and not is_summary_heading(paras[i])
            and credit_only(paras[i + 1]) is None
            and BULLET_RE.match(paras[i]) is None
        ):
            draft.standfirst = paras[i]
            i += 1
        if i < len(paras) and is_summary_heading(paras[i]):
            draft.dropped.append(paras[i])
            i += 1
        while i < len(paras) and (bullet := BULLET_RE.match(paras[i])):
            draft.key_points.append(paras[i][bullet.end() :])
            i += 1
        return paras[i:]

    def _printed_date(self, paragraph: str) -> Timestamp | None:
        """A paragraph that is only a date (and maybe a time): the page's own date."""
        if len(paragraph) > 60:
            return None
        stamp = parse_stamp(paragraph)
        if stamp is None or stamp.year is None or stamp.end - stamp.start < len(paragraph) * 0.6:
            return None
        return to_timestamp(stamp)

    def _trailer(self, body: list[str]) -> Author | None:
        if body:
            author = trailer(body[-1])
            if author is not None:
                body.pop()
                return author
        return None

    def _split(self, body: list[str]) -> list[tuple[str | None, list[str]]]:
        posts: list[tuple[str | None, list[str]]] = [(None, [])]
        for index, paragraph in enumerate(body):
            before = body[index - 1] if index else None
            after = body[index + 1] if index + 1 < len(body) else None
            if (
                after is not None
                and (before is None or ends_sentence(before))
                and headline_like(paragraph)
                and not headline_like(after)
                and credit_only(after) is None
            ):
                posts.append((paragraph, []))
            else:
                posts[-1][1].append(paragraph)
        if not posts[0][1]:
            posts.pop(0)
        return posts
