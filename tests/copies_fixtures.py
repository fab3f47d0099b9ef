"""Generated live pages for the copies and grouping tests: snapshots, feeds, wire copy.

Every page is built from independent choices (a seeded random pick of words, times and
authors), so no test depends on the wording of one hand-written sample.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

VOCABULARY = (
    "port crane union dockers talks wages night shift ferry cargo berth pickets council "
    "minister vote offer harbour tanker pilots strike rail bridge tide warehouse lorry "
    "ballot mayor court police inquiry budget"
).split()

SEED_PAGE = Path(__file__).resolve().parent.parent / "seeds" / "003_816f4847ca21db51.txt"
"""The built-in BBC page (20 numbered posts)."""


@dataclass(frozen=True)
class Post:
    title: str
    at: datetime
    author: str
    body: tuple[str, ...]
    caption: str | None = None


def make_posts(seed: int, count: int, start: datetime | None = None) -> list[Post]:
    """``count`` distinct posts, oldest first, a few minutes apart."""
    rng = random.Random(seed)
    at = start or datetime(2024, 5, 3, 8, 0, tzinfo=UTC) + timedelta(minutes=rng.randrange(60))
    authors = ["Ana Pires", "Tom Reyes", "Mia Okafor", "Lev Brandt"]
    out = []
    for n in range(count):
        words = rng.sample(VOCABULARY, 8)
        at += timedelta(minutes=rng.randrange(3, 12))
        out.append(
            Post(
                title=f"{words[0].capitalize()} {words[1]} {words[2]} (item {seed}-{n})",
                at=at,
                author=rng.choice(authors),
                body=(
                    f"The {words[3]} and the {words[4]} met again near the {words[5]} "
                    f"this morning, officials said in update {seed}-{n}.",
                    f"Further talks on the {words[6]} and the {words[7]} are expected.",
                ),
                caption=f"Pickets by the {words[5]}" if rng.random() < 0.5 else None,
            )
        )
    return out


def edited(post: Post) -> Post:
    """The same post, its second paragraph rewritten (as a page corrects a post)."""
    return replace(post, body=(post.body[0], "Correction: the talks were postponed to Monday."))


def html_page(posts: list[Post], *, title: str, url: str | None) -> str:
    """A live page: newest post first, each with its time, headline, byline and caption."""
    articles = []
    for post in sorted(posts, key=lambda p: p.at, reverse=True):
        figure = ""
        if post.caption:
            figure = (
                f'<figure><img src="p.jpg" alt="photo"><figcaption>{escape(post.caption)}'
                "<span>Image source, Example Agency</span></figcaption></figure>"
            )
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in post.body)
        articles.append(
            f'<article><time datetime="{post.at.isoformat()}">{post.at:%H:%M} GMT '
            f"{post.at:%d %B %Y}</time><h2>{escape(post.title)}</h2>"
            f"<p>By {escape(post.author)}</p>{figure}{paragraphs}</article>"
        )
    link = f'<link rel="canonical" href="{url}">' if url else ""
    return (
        f"<!doctype html><html><head><title>{escape(title)}</title>{link}</head>"
        f"<body><h1>{escape(title)}</h1>{''.join(articles)}</body></html>"
    )


def rss_feed(posts: list[Post], *, title: str, url: str) -> str:
    """The page's feed: headline, time and first paragraph of each post, no bylines."""
    items = "".join(
        f"<item><title>{escape(p.title)}</title><link>{url}#post-{n}</link>"
        f"<pubDate>{p.at:%a, %d %b %Y %H:%M:%S} +0000</pubDate>"
        f"<description>{escape(p.body[0])}</description></item>"
        for n, p in enumerate(sorted(posts, key=lambda p: p.at, reverse=True))
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{url}</link>{items}</channel></rss>"
    )


def seed_with_new_post(headline: str, body: str) -> str:
    """The built-in BBC page with one post more on top (renumbered as the page numbers)."""
    text = SEED_PAGE.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  (\d+)\. ", lambda m: f"  {int(m.group(1)) + 1}. ", text)
    top = text.index("  2. ")
    new = (
        f"  1. {headline}published at 13:25 Greenwich Mean Time 21 February 2022\n\n"
        f"    {body}\n\n"
    )
    return text[:top] + new + text[top:]


def wire_paragraph(seed: int, words: int = 45) -> str:
    """A long agency paragraph (the kind several outlets carry whole)."""
    rng = random.Random(seed)
    return " ".join(rng.choice(VOCABULARY) for _ in range(words)).capitalize() + "."


def lightly_edited(text: str, seed: int, edits: int = 3) -> str:
    """``text`` with a few words changed, as an outlet edits wire copy."""
    rng = random.Random(seed)
    words = text.split()
    for _ in range(edits):
        words[rng.randrange(len(words))] = rng.choice(["reportedly", "late", "Friday", "also"])
    return " ".join(words)
