"""Where posts start on a page that prints no times: candidate boundaries and the ones chosen.

Each signal is a *family* of candidate boundaries, found over the page's paragraphs:

- ``closer``: a line that ends a post. Repeated chrome (:mod:`parsers.chrome`), separator
  rules, ``Updated ...`` trailers and reporter-name lines (``(Jane Doe)``, ``— Jane Doe``).
- ``headline``: a short line without a final full stop that follows a finished post and
  precedes body text (or another post's headline: a post that is a headline only).
- ``tag``: an ALL-CAPS topic line (``POLITICS``) or a repeated label line above body text.
- ``marker``: paragraphs that open with the same marker (``■``, ``•``, ``+``...), with body text
  between them: posts that each start with a marker.
- ``day``: a line that is only a date, heading the posts of that day.

A family counts when it is consistent: a closer, tag or marker family needs two members or
more, spread over the page rather than bunched. Boundaries of every consistent family are
merged, and boundaries that agree (a closer right before a headline) make one boundary. With
no consistent family the page is one article, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from parsers.blocks import BULLET_RE, BYLINE_OPENERS, ends_sentence
from parsers.bylines import byline, is_person_name, trailer
from parsers.captions import credit_only, glued_caption
from parsers.chrome import textual
from parsers.labels import label_line
from parsers.model import Author
from parsers.timestamps import parse_stamp

_OPENERS = re.compile(r"^[A-Z0-9\"“‘'À-Ö]")
_RULE = re.compile(r"^(?:[-_*=~#•·]\s*){3,}$")
_UPDATED = re.compile(
    r"^(?:updated|last updated|aktualisiert|mis à jour|actualizado|aggiornato|atualizado)\b"
    r"[\s:,]*.{0,60}$",
    re.IGNORECASE,
)
"""An ``Updated ...`` trailer (the words match those :mod:`parsers.formats.stamped` reads)."""
_NAME_LINE = re.compile(r"^(?:\((?P<paren>[^()]{3,60})\)|[—–-]\s*(?P<dash>[^—–-]{3,60}))$")
_MARKS = frozenset("■□▪▫►▶▸●•◆◇★☆+>»✓✔")
_MARKER = re.compile(r"^(?P<mark>[■□▪▫►▶▸●•◆◇★☆+>»✓✔])\s+")
_DIGIT = re.compile(r"\d")
_TAG_CHARS = re.compile(r"^[^\W\d_][^\W_]*(?:[ &/'’-][^\W_]+){0,3}$")


@lru_cache(maxsize=4096)
def headline_like(text: str, most_words: int = 12) -> bool:
    """A short line that reads as a headline, not a sentence, a caption or a list item.

    Cached: the boundary search asks about the same paragraphs several times."""
    if len(text) > 120:
        return False
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
        and not _sentence_then_credit(text)
    )


def _sentence_then_credit(text: str) -> bool:
    """A sentence followed by a parenthesised credit: ``Boats in port. (Agency/Name)``."""
    if not text.endswith(")") or "(" not in text:
        return False
    return ends_sentence(text[: text.rfind("(")])


def name_role(text: str) -> Author | None:
    """A ``Name Surname, role`` byline line (any language: the role is a short tail)."""
    if len(text) > 90 or ends_sentence(text):
        return None
    name, comma, role = text.partition(", ")
    if name.startswith(BYLINE_OPENERS):
        name = name.split(None, 1)[-1]  # ``Par Jane Doe, correspondante``
    if not comma or not is_person_name(name) or not 1 <= len(role.split()) <= 6:
        return None
    return Author(name.strip(), role.strip())


def closing_name(text: str) -> Author | None:
    """A reporter-name line that closes a post: ``(Jane Doe)``, ``— Jane Doe``, or a trailer."""
    if len(text) > 80:
        return None
    match = _NAME_LINE.match(text.strip())
    if match is not None:
        name = (match["paren"] or match["dash"] or "").strip().rstrip(".")
        return Author(name) if is_person_name(name) else None
    return trailer(text)


def is_rule(text: str) -> bool:
    """A separator line: ``---``, ``* * *``, ``___``."""
    return len(text) <= 80 and _RULE.match(text) is not None


def is_updated(text: str) -> bool:
    """An ``Updated ...`` line (an edit note, never a post)."""
    return len(text) <= 80 and _UPDATED.match(text) is not None


def is_tag(text: str) -> bool:
    """An ALL-CAPS topic line: ``POLITICS``, ``WORLD NEWS``."""
    return (
        len(text) <= 30
        and text.isupper()
        and len(text.split()) <= 4
        and _TAG_CHARS.match(text) is not None
    )


def is_day_header(text: str) -> bool:
    """A line that is only a date (``Tuesday, May 7``), no time of day."""
    text = text.strip()
    if len(text) > 50 or text.endswith(("!", "?", ";")) or _DIGIT.search(text) is None:
        return False
    stamp = parse_stamp(text)
    if stamp is None or stamp.month is None or stamp.hour is not None:
        return False
    rest = (text[: stamp.start] + " " + text[stamp.end :]).strip(" ,.")
    if rest.endswith(")") and "(" in rest:
        rest = rest[: rest.rfind("(")].strip(" ,.")  # ``(local time)``
    return len(rest.split()) <= 1  # a weekday at most


@dataclass(slots=True)
class Post:
    """One post found on the page."""

    title: str | None = None
    labels: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)


@dataclass(slots=True)
class Split:
    """The posts of a page and the lines set aside while splitting it."""

    posts: list[Post]
    dropped: list[str]
    families: dict[str, int]
    """Consistent families and how many boundaries each gave (for ``--explain`` and tests)."""


def _spread(positions: list[int], length: int) -> bool:
    """Members spread over the page, not bunched in one place (a list)."""
    if len(positions) < 2:
        return False
    gaps = [b - a for a, b in zip(positions, positions[1:], strict=False)]
    return max(gaps) >= 2 and positions[-1] - positions[0] >= length // 4


def _strict_headline(body: list[str], index: int, cut_before: bool) -> bool:
    """The fallback's long-standing rule: after a finished sentence, before body text."""
    paragraph = body[index]
    before = body[index - 1] if index else None
    after = body[index + 1] if index + 1 < len(body) else None
    if after is not None and name_role(after) is not None and index + 2 < len(body):
        after = body[index + 2]  # the post's byline sits between its headline and its text
    return (
        after is not None
        and (before is None or cut_before or ends_sentence(before))
        and headline_like(paragraph)
        and not headline_like(unmarked(after))
        and credit_only(after) is None
    )


def _relaxed_headline(body: list[str], index: int) -> bool:
    """A headline under a paragraph that lost its final full stop: long prose above, short line."""
    if index == 0 or index + 1 >= len(body):
        return False
    paragraph, before, after = body[index], body[index - 1], body[index + 1]
    return (
        headline_like(paragraph, 10)
        and len(before.split()) >= 6
        and len(paragraph) < len(after)
        and textual(after)
        and not headline_like(unmarked(after))
        and credit_only(after) is None
    )


def split_posts(
    body: list[str], chrome: set[str], cut_before: set[int], indented: frozenset[int] = frozenset()
) -> Split:
    """Split ``body`` paragraphs into posts.

    ``chrome`` holds folded repeated chrome lines still in ``body``; ``cut_before`` holds
    indexes where a chrome line the caller already removed stood (a post ended there);
    ``indented`` the paragraphs printed indented on a page whose text mostly is not.
    """
    dropped: list[str] = []
    kinds = ["text"] * len(body)
    # Only short paragraphs can be closers, tags, day headers or headlines (a fast path).
    shorts = [i for i, paragraph in enumerate(body) if len(paragraph) <= 125]
    for i in shorts:
        paragraph = body[i]
        if (chrome and paragraph.casefold() in chrome) or is_rule(paragraph):
            kinds[i] = "chrome"
        elif is_updated(paragraph):
            kinds[i] = "updated"
        elif closing_name(paragraph) is not None and not (i and headline_like(body[i - 1])):
            kinds[i] = "name"  # (under a headline it is the post's byline, not its close)
    closer_kinds = ("chrome", "updated", "name")
    closers = [i for i, kind in enumerate(kinds) if kind in closer_kinds]
    cuts = set(cut_before)
    families: dict[str, int] = {}
    if len(closers) + len(cut_before) >= 2:
        cuts |= {i + 1 for i in closers}
        families["closer"] = len(closers) + len(cut_before)
    else:
        closers = []
    starts: set[int] = set()
    # Markers: posts that each open with the same marker, with text between them.
    marks: dict[str, list[int]] = {}
    for index, paragraph in enumerate(body):
        if paragraph[:1] not in _MARKS:
            continue
        match = _MARKER.match(paragraph)
        if match is not None and kinds[index] == "text":
            marks.setdefault(match["mark"], []).append(index)
    marker_starts: set[int] = set()
    for positions in marks.values():
        if _spread(positions, len(body)):
            marker_starts |= set(positions)
    if marker_starts:
        families["marker"] = len(marker_starts)
        starts |= marker_starts
    # Tags: ALL-CAPS topic lines and repeated label lines above text.
    tag_lines = [
        i
        for i in shorts
        if kinds[i] == "text"
        and i + 1 < len(body)
        and (is_tag(body[i]) or label_line(body[i]) is not None)
        and kinds[i + 1] == "text"
    ]
    # Openers when most stand over a post (not under a headline, as a label does).
    over = [
        i
        for i in tag_lines
        if i == 0 or kinds[i - 1] != "text" or not headline_like(body[i - 1], 7)
    ]
    if len(over) * 3 >= len(tag_lines) * 2 and _spread(tag_lines, len(body)):
        families["tag"] = len(tag_lines)
        starts |= set(tag_lines)
    # Day headers.
    days = [i for i in shorts if kinds[i] == "text" and is_day_header(body[i])]
    for index in days:
        kinds[index] = "day"
    if days:
        families["day"] = len(days)
        cuts |= {i + 1 for i in days}
    # Bulleted headlines: single bullets, each over body text, spread over the page.
    bullets = [
        i
        for i in shorts
        if kinds[i] == "text"
        and (BULLET_RE.match(body[i]) or i in indented)
        and headline_like(unmarked(body[i]))
        and i + 1 < len(body)
        and kinds[i + 1] == "text"
        and BULLET_RE.match(body[i + 1]) is None
        and textual(body[i + 1])
        and (i == 0 or BULLET_RE.match(body[i - 1]) is None)
    ]
    if _spread(bullets, len(body)) or (len(bullets) >= 2 and families.get("closer")):
        families["bullet"] = len(bullets)
        starts |= set(bullets)
    # Headlines.
    heads: set[int] = set()
    relaxed: set[int] = set()
    loose: set[int] = set()
    for index in shorts:
        paragraph = body[index]
        if kinds[index] != "text" or index in starts:
            continue
        line = unmarked(paragraph)
        if index in cuts or (index - 1 in starts and is_tag(body[index - 1])):
            if headline_like(line) and index + 1 < len(body) and kinds[index + 1] == "text":
                heads.add(index)
            continue
        if _strict_headline(body, index, False):
            # Over a closer (``(Jane Doe)``, ``Share``) it may be a last paragraph's sentence.
            closed = index + 1 < len(body) and (kinds[index + 1] != "text" or index + 1 in starts)
            (loose if closed else heads).add(index)
        elif index - 1 in heads or name_role(paragraph) or byline(paragraph) is not None:
            continue  # the line under a headline: its byline, never a second headline
        elif _relaxed_headline(body, index):
            relaxed.add(index)
        elif _headline_only(body, kinds, index) or (
            index + 1 in starts and _ends_post(body, index)
        ):
            loose.add(index)
    # The page's own headline length: looser candidates must match it (a last paragraph
    # that lost its full stop is a sentence's length, not a headline's).
    sizes = sorted(len(unmarked(body[h]).split()) for h in heads | set(bullets))
    longest = sizes[len(sizes) // 2] + 2 if sizes else 9
    relaxed = {i for i in relaxed if len(body[i].split()) <= longest}
    loose = {i for i in loose if len(body[i].split()) <= longest}
    if len(relaxed) >= 2 or (relaxed and len(heads) >= 2):
        heads |= relaxed
    heads |= loose
    heads |= {i + 1 for i in loose if kinds[i + 1] == "text" and i + 1 not in starts}
    # A headline whose next line is the next post's headline: a post that is a headline only.
    heads |= {
        h + 1
        for h in heads
        if _next_is_headline(body, kinds, h) and len(body[h + 1].split()) <= longest
    }
    if heads:
        families["headline"] = len(heads)
    starts |= heads
    return Split(_assemble(body, kinds, starts, cuts, set(closers), dropped), dropped, families)


def _ends_post(body: list[str], index: int) -> bool:
    """A headline right before a post start (a tag line): a post that is a headline only."""
    return index > 0 and textual(body[index - 1]) and headline_like(body[index])


def _next_is_headline(body: list[str], kinds: list[str], index: int) -> bool:
    """The line after headline ``index`` heads a post of its own (not a label or byline)."""
    if index + 2 >= len(body) or kinds[index + 1] != "text":
        return False
    after = body[index + 1]
    return (
        headline_like(after)
        and label_line(after) is None
        and not is_tag(after)
        and name_role(after) is None
        and byline(after) is None
        and _strict_headline(body, index + 1, True)
    )


def _headline_only(body: list[str], kinds: list[str], index: int) -> bool:
    """A post that is only a headline: the next line is itself a post's headline."""
    if index == 0 or index + 2 >= len(body):
        return False
    before, paragraph, after = body[index - 1], body[index], body[index + 1]
    return (
        textual(before)
        and headline_like(paragraph)
        and kinds[index + 1] == "text"
        and label_line(after) is None
        and not is_tag(after)
        and _strict_headline(body, index + 1, True)
    )


def unmarked(paragraph: str) -> str:
    match = _MARKER.match(paragraph) or BULLET_RE.match(paragraph)
    return paragraph[match.end() :] if match else paragraph


def _assemble(
    body: list[str],
    kinds: list[str],
    starts: set[int],
    cuts: set[int],
    closers: set[int],
    dropped: list[str],
) -> list[Post]:
    posts: list[Post] = [Post()]
    for index, paragraph in enumerate(body):
        kind = kinds[index]
        current = posts[-1]
        opens = index in starts or (index in cuts and kind == "text")
        if opens and (current.title or current.body):  # a tag line opens with its headline
            current = Post()
            posts.append(current)
        if kind in ("chrome", "updated", "day"):
            dropped.append(paragraph)
            if index in closers:
                posts.append(Post())
            continue
        if kind == "name":
            author = closing_name(paragraph)
            if author is not None:
                current.authors.append(author)
            if index in closers:
                posts.append(Post())
            continue
        if not current.body:
            line = unmarked(paragraph) if opens else paragraph
            label = label_line(line)
            if label is not None or (opens and is_tag(line)):
                current.labels.append(label or line)
                continue
            if (opens or current.labels) and not current.title and headline_like(line):
                current.title = line
                continue
            current.body.append(line)
            continue
        current.body.append(paragraph)
    return [p for p in posts if p.title or p.body or p.labels]
