"""The fallback: pages without times (posts told apart by their own structure); articles.

The page head is the document's: site chrome above the title is dropped; an optional kicker
(``WAR``), the page headline (sometimes printed twice), a standfirst, page bylines, zone notes,
date lines and summary bullets go to the :class:`~parsers.model.Document`, never to an entry.

The posts under it are found by :func:`parsers.boundaries.split_posts` from the page's own
evidence: headlines, repeated chrome between posts (found by repetition,
:mod:`parsers.chrome`), separator rules, reporter-name and ``Updated`` trailers, ALL-CAPS tags,
markers and day headers, each family used only when it is consistent over the page. A page
with no consistent structure is a single article: its post takes the page headline. A
trailing byline sentence (``Name News Reporter.``) credits the last post.

Ids: an opening post (or an article) is keyed by the headline printed right above its text, so
it keeps its id when the page grows more posts, on top or below (see :mod:`parsers.finish`).
"""

from __future__ import annotations

import re

from parsers.blocks import BULLET_RE, blocks, ends_sentence, paragraphs
from parsers.body import fill_body
from parsers.boilerplate import is_boilerplate, is_summary_heading
from parsers.boundaries import (
    headline_like,
    is_day_header,
    is_rule,
    is_tag,
    name_role,
    split_posts,
    unmarked,
)
from parsers.bylines import blog_byline, byline, trailer
from parsers.captions import credit_only
from parsers.chrome import closing_chrome
from parsers.dating import zone_statement
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


def _chrome_word(paragraph: str) -> bool:
    return len(paragraph) <= 25 and len(paragraph.split()) <= 3 and not ends_sentence(paragraph)


class HeadlinesFormat:
    """Headline-separated posts; the fallback for text no other handler claims."""

    name = "headlines"

    def sniff(self, text: str) -> Sniff | None:
        head = text[:1000].lstrip()[:200].lower()
        if head.startswith("<") and ("<html" in head or "<?xml" in head or "<!doctype" in head):
            return None
        return Sniff(0.05, "fallback: no stronger signature found")

    def parse(self, text: str) -> DocumentDraft:
        draft = DocumentDraft()
        lines = text.split("\n")
        self._capture_date(lines, draft)
        found = [p for group in blocks(lines) for p in paragraphs(group)]
        indented_lines = {x.strip() for x in lines if x[:1] in (" ", "\t") and x.strip()}
        chrome = closing_chrome(found)
        rules = sum(1 for p in found if is_rule(p))
        paras: list[str] = []
        cut_at: set[int] = set()
        for paragraph in found:
            repeated = bool(chrome) and len(paragraph) <= 40 and paragraph.casefold() in chrome
            repeated = repeated or (rules >= 2 and is_rule(paragraph))
            if repeated or is_boilerplate(paragraph):
                draft.dropped.append(paragraph)
                if repeated:
                    cut_at.add(len(paras))  # a post ended here
            else:
                paras.append(paragraph)
        body = self._header(paras, draft)
        offset = len(paras) - len(body)
        head = paras[:offset]
        # The headline printed right above the opening post's text: the page title when nothing
        # (standfirst, key points, a printed date) came between, else a headline found there.
        lead = draft.title if draft.title and head and head[-1] == draft.title else None
        last_author = self._trailer(body)
        cut_before = {i - offset for i in cut_at if 0 < i - offset < len(body)}
        # Indented lines on a page of flush text: a signal (headlines printed indented).
        indented = frozenset(i for i, p in enumerate(body) if p in indented_lines)
        if len(indented) * 3 > len(body):
            indented = frozenset()
        posts = split_posts(body, set(), cut_before, indented).posts
        standfirst = draft.standfirst
        at = head.index(standfirst) if standfirst in head else -1
        tail = head[at + 1 :] if at >= 0 else []  # page bylines taken under the "standfirst"
        if (
            standfirst
            and draft.kicker is None
            and all(blog_byline(line) for line in tail)
            and len(tail) <= 1
            and body
            and headline_like(standfirst)
        ):
            # A "standfirst" that is the first of several posts' headlines (with its byline):
            # the page's own headline shape says so (it titles a post like the others do). A
            # head with a kicker is a full one (kicker, title, standfirst) and keeps its own.
            moved = [standfirst, *tail]
            shift = len(moved)
            trial = split_posts(
                [*moved, *body],
                set(),
                {i + shift for i in cut_before},
                frozenset(i + shift for i in indented),
            ).posts
            if len([p for p in trial if p.title]) >= 2 and trial[0].title == standfirst:
                draft.standfirst = None
                for line in tail:
                    for person in blog_byline(line) or []:
                        if person in draft.authors:
                            draft.authors.remove(person)
                body, posts, head = [*moved, *body], trial, head[:at]
        first = posts[0] if posts else None
        if first is not None and first.title is not None and first.title == unmarked(body[0]):
            lead = first.title
            if len(posts) == 1 and draft.title and not first.labels:
                # An article: its title is the page's; the line above its text stays body.
                first.body.insert(0, body[0])
                first.title = None
        for post in posts:
            entry = EntryDraft(title=post.title, labels=post.labels)
            segment = post.body
            if segment and (people := byline(segment[0])) is not None and post.title:
                entry.authors.extend(people)
                segment = segment[1:]
            elif segment and post.title and (named := name_role(segment[0])) is not None:
                entry.authors.append(named)
                segment = segment[1:]
            fill_body(entry, [[p] for p in segment], draft)
            entry.authors.extend(post.authors)
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
        i = self._page_chrome(paras, draft)
        if len(paras) > i + 2 and _KICKER.match(paras[i]) and len(paras[i].split()) <= 4:
            if headline_like(paras[i + 1], 25):
                draft.kicker = paras[i]
                i += 1
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
            and not is_tag(paras[i])
            and not is_day_header(paras[i])
        ):
            draft.standfirst = paras[i]
            i += 1
        if draft.title:
            i = self._head_lines(paras, i, draft)
        summary = i < len(paras) and is_summary_heading(paras[i])
        if summary:
            draft.dropped.append(paras[i])
            i += 1
        listed = i < len(paras) and (
            summary or (i + 1 < len(paras) and BULLET_RE.match(paras[i + 1]) is not None)
        )
        while listed and i < len(paras) and (bullet := BULLET_RE.match(paras[i])):
            # Key points: a run of bullets (one bullet over prose is a post's headline).
            draft.key_points.append(paras[i][bullet.end() :])
            i += 1
        return paras[i:]

    @staticmethod
    def _page_chrome(paras: list[str], draft: DocumentDraft) -> int:
        """Site chrome above the title (``Menu``, ``Home``, ``News``): a run of two or more
        one- to three-word lines right before a headline. Dropped; the last may be the kicker."""
        run = 0
        while run < min(len(paras) - 1, 10) and _chrome_word(paras[run]):
            run += 1
        if run < 2 or not headline_like(paras[run], 25):
            return 0
        keep = 1 if _KICKER.match(paras[run - 1]) else 0  # ``WAR`` over the headline
        draft.dropped.extend(paras[: run - keep])
        return run - keep

    def _head_lines(self, paras: list[str], i: int, draft: DocumentDraft) -> int:
        """Page bylines, zone notes and date lines under the title (and the standfirst above
        them): the page's, not a post's. Returns the index of the first paragraph left."""
        start = i
        while i < len(paras) and i - start < 6:
            paragraph = paras[i]
            after = paras[i + 1] if i + 1 < len(paras) else None
            if (people := blog_byline(paragraph)) is not None and people:
                draft.authors.extend(people)
            elif zone_statement(paragraph) or is_day_header(paragraph):
                draft.dropped.append(paragraph)
                stamp = parse_stamp(paragraph)
                if draft.published is None and stamp is not None and stamp.year is not None:
                    draft.published = to_timestamp(stamp)
            elif after is not None and self._head_line(after) and len(paragraph.split()) <= 60:
                if draft.standfirst is None and i == start and BULLET_RE.match(paragraph) is None:
                    draft.standfirst = paragraph  # a standfirst over the page's byline or date
                elif i > start and headline_like(paragraph, 8):
                    draft.dropped.append(paragraph)  # a note between head lines (a zone note)
                else:
                    break
            else:
                break
            i += 1
        return i

    @staticmethod
    def _head_line(paragraph: str) -> bool:
        return (
            zone_statement(paragraph)
            or is_day_header(paragraph)
            or bool(blog_byline(paragraph))
        )

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
