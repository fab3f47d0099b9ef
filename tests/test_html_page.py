"""HTML pages without structured data: HTML to text, then the text handlers."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.formats.html_page import HtmlPageFormat
from parsers.html_text import html_to_text, split_credit, strip_tags
from parsers.model import Caption
from parsers.read import parse_file, parse_text

HTML = Path(__file__).parent / "fixtures" / "html"


def _all_text(path: Path) -> str:
    document = parse_file(path)
    parts = [document.title or "", document.standfirst or ""]
    for entry in document.entries:
        parts += [entry.title or "", *entry.body, *(c.text for c in entry.captions)]
    return "\n".join(parts)


def test_page_text_keeps_the_story_and_drops_chrome() -> None:
    document = parse_file(HTML / "plain_page.html")
    assert document.format == "html"
    assert document.title == "Orchard Fire: what we know"
    assert document.standfirst == "A grass fire near the fictional village of Orchard Hill."
    text = _all_text(HTML / "plain_page.html")
    assert "A grass fire broke out on the slope above Orchard Hill on Sunday afternoon." in text
    assert "Fire crews from three towns – about 40 firefighters – were at the scene." in text
    for chrome in ("tracking", "font-family", "Home", "Copy link", "Most read", "© Example"):
        assert chrome not in text
    assert document.dropped[:4] == (
        "Home News",
        "Copy link",
        "Most read: an unrelated story",
        "© Example Times 2024",
    )


def test_page_figure_becomes_a_caption_with_credit_and_alt() -> None:
    captions = [c for e in parse_file(HTML / "plain_page.html").entries for c in e.captions]
    assert captions == [
        Caption("Smoke rises above the orchards.", "Jo Marsh/Example Agency", "Smoke over the hill")
    ]


def test_text_from_html_is_never_handed_back_to_a_markup_handler() -> None:
    page = (
        '<!doctype html><html><body><pre>&lt;rss version="2.0"&gt;&lt;channel&gt;'
        "&lt;item&gt;&lt;title&gt;Quoted feed&lt;/title&gt;&lt;/item&gt;"
        "&lt;/channel&gt;&lt;/rss&gt;</pre></body></html>"
    )
    document = parse_text(page)
    assert document.format == "html"
    assert "<rss" in "\n".join(p for e in document.entries for p in e.body)


def test_blocks_become_paragraphs_and_breaks_lines() -> None:
    converted = html_to_text(
        "<div>One <i>two</i>\n three</div><ul><li>Four</li><li>Five&nbsp;six</li></ul>"
        "<p>Seven<br/>Eight</p><h2>Nine &amp; ten</h2>"
    )
    assert converted.paragraphs == [
        "One two three",
        "Four",
        "Five six",
        "Seven\nEight",
        "Nine & ten",
    ]


def test_hidden_and_unclosed_elements_do_not_swallow_or_leak_text() -> None:
    converted = html_to_text(
        "<p>Before</p><div hidden>secret</div><aside><p>rail<aside>inner</aside>"
        "more rail</aside><p>After<script>var x = '</p>';</script></p><nav>menu"
    )
    assert converted.paragraphs == ["Before", "After"]


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "Crowds in the square. Photograph: Jane Roe/Example Agency",
            ("Crowds in the square.", "Jane Roe/Example Agency"),
        ),
        ("Police at the scene (AP Photo/Sam Poe)", ("Police at the scene", "AP Photo/Sam Poe")),
        (
            "Boats in the harbour [Lena Ortiz/Al Example]",
            ("Boats in the harbour", "Lena Ortiz/Al Example"),
        ),
        ("Pic: Reuters", ("", "Reuters")),
        ("Just a caption", ("Just a caption", None)),
    ],
)
def test_caption_credits_are_split_off(caption: str, expected: tuple[str, str | None]) -> None:
    assert split_credit(caption) == expected


def test_lone_image_alt_is_a_caption_but_placeholders_are_not() -> None:
    converted = html_to_text(
        '<p>Text</p><img alt="Firefighters on the ridge at dusk"><img alt="image"><img alt="x">'
    )
    assert converted.captions == [Caption("Firefighters on the ridge at dusk")]


def test_strip_tags_decodes_entities_in_plain_and_html_snippets() -> None:
    assert strip_tags("Fish &amp; chips &#x27;n&#39; peas") == "Fish & chips 'n' peas"
    assert strip_tags("<p>A <b>&#163;86m</b> deal</p><p>signed</p>") == "A £86m deal signed"


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with a < sign and a > sign.",
        "14:31 GMT\nHeadline\n\nBody <b>bold</b> glued in prose.",
        '<?xml version="1.0"?><rss version="2.0"></rss>',
        "",
    ],
)
def test_sniff_returns_none_for_non_html(text: str) -> None:
    assert HtmlPageFormat().sniff(text) is None


def test_sniff_accepts_pages_and_fragments() -> None:
    handler = HtmlPageFormat()
    page = handler.sniff("<!DOCTYPE html>\n<html><body><p>x</p></body></html>")
    fragment = handler.sniff("<div class='post'><p>One</p></div>")
    assert page is not None and fragment is not None and page.score > fragment.score


def test_text_for_the_text_handlers_is_laid_out_like_a_browser_copy() -> None:
    converted = html_to_text(
        "<div class='block'><div class='time'>14.31 GMT</div><h2>Ferries resume</h2>"
        "<p>First crossing at noon.</p><p>Queues are short.</p></div>"
        "<table><tr><td>Left</td><td>Right</td></tr></table>"
    )
    assert converted.text() == (
        "14.31 GMT\nFerries resume\n\nFirst crossing at noon.\n\nQueues are short.\n\nLeft Right"
    )


def test_scripts_styles_and_comments_vanish_without_gluing_or_splitting_words() -> None:
    converted = html_to_text(
        "<p>14:31<!-- --> GMT</p><p>Break<script>document.write('x')</script>ing</p>"
        "<style>p { color: red }</style><p>Last<script>never closed <p>hidden</p>"
    )
    assert converted.paragraphs == ["14:31 GMT", "Breaking", "Last"]


def test_saved_live_page_text_keeps_stamps_on_their_own_lines_without_chrome() -> None:
    text = html_to_text((HTML / "stamped_blocks.html").read_text("utf-8")).text()
    lines = text.split("\n")
    for stamp in ("16.05 BST", "14.40 BST", "12.15 BST"):
        assert stamp in lines
    for chrome in ("Key events", "Share", "Sport", "© 2024", "window.config"):
        assert chrome not in text


def test_saved_live_page_with_the_project_stamped_handler() -> None:
    import parsers.formats

    if "stamped" not in parsers.formats.names():
        pytest.skip("the stamped text handler is not in this tree yet")
    document = parse_file(HTML / "stamped_blocks.html")
    assert document.format == "html"
    assert (
        document.title == "Canal strike live: dock workers walk out at the fictional port of Selm"
    )
    assert [(e.title, e.published.iso() if e.published else None) for e in document.entries] == [
        ("Talks to resume on Wednesday", "2024-05-07T16:05:00+01:00"),
        ("Queue of ships grows to 31", "2024-05-07T14:40:00+01:00"),
        ("Union sets out its demands", "2024-05-07T12:15:00+01:00"),
    ]
    caption = document.entries[1].captions[0]
    assert (caption.credit, caption.alt) == (
        "Ida Brandt/Example Agency",
        "Container ships at anchor",
    )


def test_text_that_merely_opens_with_a_tag_is_not_html() -> None:
    readme = '<div align="center"><img src="logo.png"></div>\n\n' + "\n".join(
        f"Line {n} of plain text, with its own line break." for n in range(12)
    )
    assert HtmlPageFormat().sniff(readme) is None


def test_tokenizer_handles_quoted_brackets_case_entities_and_stray_signs() -> None:
    converted = html_to_text(
        '<P CLASS="a>b">Prices <B>rose</B> 3 < 4 &amp; 5 > 2</P>'
        "<figure><IMG SRC=x.jpg ALT='Fish &amp; chips on the pier'/>"
        "<figcaption>Lunch (AP Photo/Kim Lo)</figcaption></figure><p>a<br>b<BR/>c</p>"
    )
    assert converted.paragraphs == ["Prices rose 3 < 4 & 5 > 2", "a\nb\nc"]
    assert converted.captions == [Caption("Lunch", "AP Photo/Kim Lo", "Fish & chips on the pier")]
