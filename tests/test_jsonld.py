"""Pages with a schema.org LiveBlogPosting in ld+json: one entry per liveBlogUpdate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from stub_text_handler import StampedLines

import parsers.formats
from parsers.formats.jsonld import JsonLdFormat
from parsers.model import ZoneBasis
from parsers.read import parse_file, parse_text

HTML = Path(__file__).parent / "fixtures" / "html"


def _page(*blocks: Any, raw: tuple[str, ...] = (), body: str = "<p>Visible text.</p>") -> str:
    scripts = [
        f'<script type="application/ld+json">{json.dumps(block)}</script>' for block in blocks
    ]
    scripts += [f'<script type="application/ld+json">{text}</script>' for text in raw]
    return f"<!DOCTYPE html><html><head>{''.join(scripts)}</head><body>{body}</body></html>"


def _update(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "@type": "BlogPosting",
        "@id": f"#post-{n}",
        "headline": f"Update {n}",
        "datePublished": f"2024-06-01T1{n}:00:00+02:00",
        "articleBody": f"Body of update {n}.",
        **extra,
    }


def test_broken_block_is_skipped_and_the_good_one_read() -> None:
    document = parse_file(HTML / "two_ldjson_one_broken.html")
    assert document.format == "jsonld"
    assert len(document.problems) == 1
    assert "ld+json block 1" in document.problems[0].message
    assert [e.title for e in document.entries] == [
        "All four climbers safe",
        "Helicopter grounded by cloud 'for now'",
        None,
    ]
    first = document.entries[0]
    assert first.published is not None and first.published.zone is ZoneBasis.STATED
    assert first.updated is not None and first.updated.instant - first.published.instant == 960
    assert [(a.name, a.role) for a in first.authors] == [("Karin Lutz", "Alpine correspondent")]
    assert (
        first.body[1] == 'Rescuers said the group was "cold but in good spirits" & walking unaided.'
    )
    assert document.entries[2].authors == ()  # "Mountain Rescue Service" is not a person
    assert "This text is only for browsers." not in "".join(
        p for e in document.entries for p in e.body
    )


def test_top_level_blog_with_nested_arrays_and_organisation_authors() -> None:
    blog = {
        "@context": "https://schema.org",
        "@type": ["LiveBlogPosting"],
        "headline": "Summit day &amp; after",
        "description": "<p>All the news from the <b>summit</b>.</p>",
        "author": [
            {"@type": "Person", "name": "Ines Duarte"},
            {"@type": "Organization", "name": "Wire"},
        ],
        "liveBlogUpdate": [
            [_update(3)],
            [[_update(2, author={"@type": "Organization", "name": "X"})]],
        ],
    }
    document = parse_text(_page(blog))
    assert document.title == "Summit day & after"
    assert document.standfirst == "All the news from the summit."
    assert [a.name for a in document.authors] == ["Ines Duarte"]
    assert [e.title for e in document.entries] == ["Update 3", "Update 2"]
    assert document.entries[1].authors == ()


def test_updates_repeated_across_blocks_are_kept_once() -> None:
    blog = {
        "@type": "LiveBlogPosting",
        "headline": "Twice",
        "liveBlogUpdate": [_update(1), _update(2)],
    }
    document = parse_text(_page(blog, {"@graph": [blog]}))
    assert [e.title for e in document.entries] == ["Update 1", "Update 2"]


def test_generated_first_words_headline_is_not_a_title() -> None:
    body = "The bridge reopened to traffic at noon after inspectors signed off the repairs today."
    update = _update(1, headline="The bridge reopened to traffic at noon after inspectors signed…")
    update["articleBody"] = body
    document = parse_text(_page({"@type": "LiveBlogPosting", "liveBlogUpdate": update}))
    assert document.entries[0].title is None
    assert document.entries[0].body == (body,)


def test_image_caption_and_credit_from_the_update() -> None:
    image = {"@type": "ImageObject", "caption": "Crowds at the gate", "creditText": "Ana Velt"}
    update = _update(1, image=image)
    document = parse_text(_page({"@type": "LiveBlogPosting", "liveBlogUpdate": [update]}))
    caption = document.entries[0].captions[0]
    assert (caption.text, caption.credit) == ("Crowds at the gate", "Ana Velt")


def test_bare_json_ld_document() -> None:
    blog = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "liveBlogUpdate": [_update(4)],
    }
    document = parse_text(json.dumps(blog, indent=1))
    assert document.format == "jsonld"
    stamp = document.entries[0].published
    assert stamp is not None and stamp.iso() == "2024-06-01T14:00:00+02:00"


def test_blog_without_updates_falls_back_to_the_page_text() -> None:
    blog = {"@type": "LiveBlogPosting", "headline": "Quiet blog", "description": "Nothing yet."}
    document = parse_text(_page(blog, body="<p>First visible post.</p><p>Second one.</p>"))
    assert document.title == "Quiet blog"
    paragraphs = [p for e in document.entries for p in e.body]
    assert paragraphs == ["First visible post.", "Second one."]


def test_only_broken_blocks_give_problems_never_a_crash() -> None:
    page = _page(raw=('{"@type": "LiveBlogPosting", "headline": ', "[[[[[[[[[[[["))
    document = parse_text(page)
    assert document.readable
    assert sum("not valid JSON" in p.message for p in document.problems) == 2


def test_sniff_needs_both_html_and_a_live_blog() -> None:
    handler = JsonLdFormat()
    assert handler.sniff(_page({"@type": "NewsArticle", "headline": "x"})) is None
    assert handler.sniff("A text that mentions LiveBlogPosting in prose.") is None
    assert handler.sniff(_page({"@type": "LiveBlogPosting"})) is not None


def _visible_blocks(count: int) -> str:
    blocks = "".join(
        f"<p>{16 - n}.05 BST</p><p>Visible post {n}</p><p>Body {n}.</p>" for n in range(count)
    )
    return f"<h1>Strike live</h1><p>Tuesday 7 May 2024</p>{blocks}"


@pytest.mark.parametrize(("updates", "visible", "from_page"), [(1, 4, True), (3, 4, False)])
def test_page_text_wins_only_when_it_shows_clearly_more_posts(
    monkeypatch: pytest.MonkeyPatch, updates: int, visible: int, from_page: bool
) -> None:
    monkeypatch.setattr(parsers.formats, "FORMATS", (*parsers.formats.FORMATS, StampedLines()))
    blog = {
        "@type": "LiveBlogPosting",
        "headline": "Strike live",
        "liveBlogUpdate": [_update(n) for n in range(updates)],
    }
    document = parse_text(_page(blog, body=_visible_blocks(visible)))
    titles = [e.title for e in document.entries]
    if from_page:
        assert titles == [f"Visible post {n}" for n in range(visible)]
        assert document.title == "Strike live"
        assert "read from the page text instead" in document.problems[-1].message
    else:
        assert titles == [f"Update {n}" for n in range(updates)]
        assert document.problems == ()
