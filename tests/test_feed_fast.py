"""The fast feed reader gives the documents feedparser gives, and hands over what it cannot read.

Every feed fixture, a sample of feedparser's own well-formed test corpus and generated feeds
(RSS 2.0, RSS 1.0 and Atom, each choice varied independently) are read both ways and compared
field by field on the document and every entry.
"""

from __future__ import annotations

import random
import resource
import time
from html import escape
from pathlib import Path

import pytest
from feed_equivalence import by_fast_reader, by_feedparser, differences

from parsers.decode import decode
from parsers.formats import feed_fast
from parsers.formats.feed import FeedFormat, _bytes_for_feedparser
from parsers.read import parse_text

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "fixtures" / "feedparser_wellformed"


def test_the_tables_copied_from_feedparser_are_its_own() -> None:
    from feedparser.html import _cp1252
    from feedparser.mixin import _FeedParserMixin

    assert feed_fast.NAMESPACES == {k.lower(): v for k, v in _FeedParserMixin.namespaces.items()}
    handlers = {
        name.split("_", 2)[2].lower()
        for name in dir(_FeedParserMixin)
        if name.startswith(("_start_", "_end_"))
    }
    assert {name.lower() for name in feed_fast.HANDLED_BY_FEEDPARSER} == handlers
    assert feed_fast._CP1252 == _cp1252
    assert feed_fast.HARMLESS <= feed_fast.HANDLED_BY_FEEDPARSER


def _feed_texts() -> list[Path]:
    paths = sorted((ROOT / "fixtures").rglob("*"))
    paths += sorted((ROOT.parent / "seeds").glob("*"))
    texts = []
    for path in paths:
        if not path.is_file() or path.name.endswith(".expected.json"):
            continue
        text = decode(path.read_bytes()).text
        if text is not None and FeedFormat().sniff(text) is not None:
            texts.append(path)
    return texts


@pytest.mark.parametrize("path", _feed_texts(), ids=lambda p: p.name)
def test_every_feed_fixture_reads_the_same_both_ways(path: Path) -> None:
    text = decode(path.read_bytes()).text
    assert text is not None
    _, found = differences(text)
    assert found == []


def test_the_well_formed_fixtures_take_the_fast_path() -> None:
    taken = {p.name for p in _feed_texts() if differences(decode(p.read_bytes()).text or "")[0]}
    assert {"four_zones.rss", "live_blog_item.rss"} <= taken
    assert "malformed.rss" not in taken


def _corpus(kind: str) -> list[Path]:
    return sorted((CORPUS / kind).rglob("*.xml"))


@pytest.mark.parametrize("path", _corpus("fast"), ids=lambda p: str(p.relative_to(CORPUS)))
def test_feedparser_corpus_files_the_fast_reader_takes_read_the_same(path: Path) -> None:
    text = decode(path.read_bytes()).text
    assert text is not None
    taken, found = differences(text)
    assert taken, "the fast reader declined a plain feed"
    assert found == []


@pytest.mark.parametrize("path", _corpus("declined"), ids=lambda p: str(p.relative_to(CORPUS)))
def test_feedparser_corpus_files_it_declines_go_to_feedparser(path: Path) -> None:
    text = decode(path.read_bytes()).text
    assert text is not None
    assert by_fast_reader(text) is None


def test_the_corpus_sample_is_there() -> None:
    assert len(_corpus("fast")) >= 100
    assert len(_corpus("declined")) >= 30


# -- generated feeds ---------------------------------------------------------------------------

DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
MEDIA = "http://search.yahoo.com/mrss/"
ATOM = "http://www.w3.org/2005/Atom"
WORDS = (
    "river bridge council Zoë café naïve “quoted” it’s €5 budget mayor vote "
    "CafÃ© &#150; &#8217;s"  # UTF-8 read as Latin-1, a Windows-1252 dash: both repaired
).split()


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _html(rng: random.Random) -> str:
    parts = [f"<p>{_words(rng, rng.randrange(5, 60))}</p>" for _ in range(rng.randrange(1, 4))]
    if rng.random() < 0.3:
        parts.append(
            '<figure><img src="a.jpg" alt="A view"><figcaption>The bridge at dawn. '
            "Photograph: Ann Lee/Agency</figcaption></figure>"
        )
    if rng.random() < 0.2:
        parts.append("<p>Continue reading...</p>")
    if rng.random() < 0.2:
        parts.append("<p>Fish &amp; chips &mdash; &ldquo;fine&rdquo; &#8217;s &nbsp;x</p>")
    return "".join(parts)


def _wrap(rng: random.Random, html: str) -> str:
    """HTML as element text: CDATA, or escaped (sometimes with character references)."""
    if rng.random() < 0.5 and "]]>" not in html:
        return f"<![CDATA[{html}]]>"
    text = escape(html, quote=False)
    return text.replace("’", "&#8217;") if rng.random() < 0.5 else text


DATES = (
    "Tue, 05 Mar 2024 09:{m:02d}:00 -0500",
    "Tue, 5 Mar 2024 14:{m:02d}:00 GMT",
    "2024-03-05T09:{m:02d}:00+01:00",
    "2024-03-05T09:{m:02d}:00Z",
    "2024-03-05",
    "Tuesday, 05-Mar-24 09:{m:02d}:00 GMT",
    "05 Mar 2024 09:{m:02d} EST",
    "sometime soon",
    "",
)
AUTHORS_RSS = (
    "ann@example.com (Ann Lee)",
    "Ann Lee <ann@example.com>",
    "ann@example.com",
    "By Ann Lee and Bob Ray",
    "Ann Lee, Political editor",
)


def _rss_item(rng: random.Random, n: int, dc: str) -> str:
    parts = []
    choices = rng.sample(range(9), rng.randrange(3, 9))
    for choice in choices:
        if choice == 0:
            title = _words(rng, rng.randrange(1, 8))
            if rng.random() < 0.3:
                title = escape(f"<b>{title}</b> &amp; more", quote=False)
            if rng.random() < 0.2:  # an empty title first: the next one counts
                parts.append(f"<{dc}:title></{dc}:title>")
            parts.append(f"<title>{title}</title>")
            if rng.random() < 0.2:  # a second title: the first one that is not empty counts
                parts.append(f"<{dc}:title>{_words(rng, 2)}</{dc}:title>")
        elif choice == 1:
            query = rng.choice(["a=1&amp;b=2", "a=1&amp;amp;b=2", "x=&amp;y;", ""])
            parts.append(f"<link>https://example.com/{n}?{query}</link>")
        elif choice == 2:
            permalink = rng.choice(["", ' isPermaLink="false"', ' isPermaLink="true"'])
            parts.append(f"<guid{permalink}>https://example.com/g/{n}</guid>")
        elif choice == 3:
            date = rng.choice(DATES).format(m=n % 60)
            tag = rng.choice(["pubDate", f"{dc}:date"])
            parts.append(f"<{tag}>{date}</{tag}>")
        elif choice == 4:
            for _ in range(rng.randrange(1, 3)):
                if rng.random() < 0.5:
                    parts.append(f"<author>{escape(rng.choice(AUTHORS_RSS))}</author>")
                else:
                    who = rng.choice(["Ann Lee", "Bob Ray"])
                    parts.append(f"<{dc}:creator>{who}</{dc}:creator>")
        elif choice == 5:
            for _ in range(rng.randrange(1, 4)):
                domain = ' domain="https://example.com/t"' if rng.random() < 0.3 else ""
                term = rng.choice(["News", "Politics", "News"])
                parts.append(f"<category{domain}>{term}</category>")
        elif choice == 6:
            parts.append(f"<description>{_wrap(rng, _html(rng))}</description>")
        elif choice == 7:
            parts.append(f"<content:encoded>{_wrap(rng, _html(rng))}</content:encoded>")
        elif choice == 8:
            parts.append('<enclosure url="https://example.com/a.mp3" length="1" type="audio/mp3"/>')
            parts.append(
                '<media:content url="https://example.com/a.jpg"><media:credit>Agency'
                "</media:credit></media:content>"
            )
    return f"<item>{''.join(parts)}</item>"


def rss(rng: random.Random, items: int) -> str:
    dc = rng.choice(["dc", "dublin"])  # the prefix is the document's choice
    head = [
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:{dc}="{DC}" '
        f'xmlns:content="{CONTENT}" xmlns:media="{MEDIA}" xmlns:atom="{ATOM}"><channel>',
        f"<title>{_words(rng, 3)} &amp; co</title><link>https://example.com/</link>",
        f"<description>{_words(rng, 8)}</description>",
        '<atom:link href="https://example.com/feed" rel="self" type="application/rss+xml"/>',
    ]
    if rng.random() < 0.5:
        head.append("<image><url>https://example.com/i.png</url><title>Logo</title></image>")
    if rng.random() < 0.3:
        head.append(f"<managingEditor>{escape(rng.choice(AUTHORS_RSS))}</managingEditor>")
    if rng.random() < 0.5:
        head.append(f"<lastBuildDate>{rng.choice(DATES).format(m=1)}</lastBuildDate>")
    body = [_rss_item(rng, n, dc) for n in range(items)]
    return "".join(head + body) + "</channel></rss>"


def rdf(rng: random.Random, items: int) -> str:
    rows = []
    for n in range(items):
        date = rng.choice(DATES).format(m=n % 60)
        rows.append(
            f'<item rdf:about="https://example.com/{n}"><title>{_words(rng, 4)}</title>'
            f"<link>https://example.com/{n}</link><dc:date>{date}</dc:date>"
            f"<dc:creator>{rng.choice(['Ann Lee', 'Bob Ray'])}</dc:creator>"
            f"<dc:subject>{rng.choice(['News', 'Sport'])}</dc:subject>"
            f"<description>{_wrap(rng, _html(rng))}</description></item>"
        )
    return (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns="http://purl.org/rss/1.0/" xmlns:dc="{DC}">'
        '<channel rdf:about="https://example.com/"><title>RDF blog</title>'
        "<link>https://example.com/</link><description>Daily</description>"
        '<items><rdf:Seq><rdf:li resource="https://example.com/0"/></rdf:Seq></items></channel>'
        + "".join(rows)
        + "</rdf:RDF>"
    )


def atom(rng: random.Random, items: int) -> str:
    prefix = rng.choice(["", "atom:"])
    declare = f'xmlns{":atom" if prefix else ""}="{ATOM}"'
    p = prefix
    rows = []
    for n in range(items):
        parts = [f"<{p}id>urn:example:{n}</{p}id>"]
        if rng.random() < 0.8:
            kind = rng.choice(["text", "html"])
            parts.append(f'<{p}title type="{kind}">{_words(rng, 4)}</{p}title>')
        if rng.random() < 0.7:
            href = f"https://example.com/{n}"
            parts.append(f'<{p}link rel="alternate" type="text/html" href="{href}"/>')
        if rng.random() < 0.3:
            parts.append(f'<{p}link rel="enclosure" href="https://example.com/{n}.mp3"/>')
        for tag in ("published", "updated"):
            if rng.random() < 0.6:
                parts.append(f"<{p}{tag}>{rng.choice(DATES).format(m=n % 60)}</{p}{tag}>")
        for _ in range(rng.randrange(0, 3)):
            email = f"<{p}email>x@example.com</{p}email>" if rng.random() < 0.4 else ""
            who = rng.choice(["Ann Lee", "Bob Ray"])
            name = f"<{p}name>{who}</{p}name>" if rng.random() < 0.9 else ""
            parts.append(f"<{p}author>{name}{email}</{p}author>")
        for _ in range(rng.randrange(0, 3)):
            label = ' label="Athletics"' if rng.random() < 0.3 else ""
            parts.append(f'<{p}category term="{rng.choice(["Run", "Race"])}"{label}/>')
        if rng.random() < 0.6:
            kind = rng.choice(["text", "html"])
            body = _html(rng) if kind == "html" else _words(rng, 30)
            parts.append(f'<{p}summary type="{kind}">{escape(body, quote=False)}</{p}summary>')
        if rng.random() < 0.7:
            parts.append(f'<{p}content type="html">{_wrap(rng, _html(rng))}</{p}content>')
        rng.shuffle(parts)
        rows.append(f"<{p}entry>{''.join(parts)}</{p}entry>")
    return (
        f'<?xml version="1.0" encoding="utf-8"?><{p}feed {declare}>'
        f"<{p}title>Atom blog</{p}title><{p}subtitle type=\"html\">A &lt;b&gt;race&lt;/b&gt;"
        f"</{p}subtitle><{p}author><{p}name>Desk</{p}name></{p}author>"
        f'<{p}link href="https://example.com/"/><{p}updated>2024-04-14T12:30:00+02:00'
        f"</{p}updated>" + "".join(rows) + f"</{p}feed>"
    )


@pytest.mark.parametrize("kind", ["rss", "rdf", "atom"])
def test_generated_feeds_read_the_same_both_ways(kind: str) -> None:
    rng = random.Random(f"feed-fast-{kind}")
    make = {"rss": rss, "rdf": rdf, "atom": atom}[kind]
    taken = 0
    for _ in range(60):
        text = make(rng, rng.randrange(1, 6))
        took, found = differences(text)
        assert found == [], text
        taken += took
    assert taken == 60  # none of these needs feedparser


def test_a_long_live_blog_item_is_split_the_same_both_ways() -> None:
    posts = "".join(
        f"<p>{10 + n}.{n:02d} GMT</p><p>{'The council met again and said more. ' * 4}</p>"
        for n in range(6)
    )
    text = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Blog</title><item>"
        "<title>Council live</title><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate>"
        f"<description>{escape(posts, quote=False)}</description></item></channel></rss>"
    )
    took, found = differences(text)
    assert took and found == []
    assert len(by_feedparser(text).entries) == 6


@pytest.mark.parametrize(
    "element",
    [
        "<media:title>Other</media:title>",  # feedparser gives it a meaning this reader lacks
        "<description>One</description><description>Two</description>",  # a second summary
        '<content:encoded xml:base="https://example.com/">x</content:encoded>',
        "<description>a <b>bold</b> word</description>",  # inline markup
        "<title>AT&amp;T &nbsp; x</title>",  # not well-formed: an undeclared entity
        "<authors>Ann</authors>",  # feedparser would store it where authors are read
    ],
)
def test_what_the_fast_reader_does_not_model_goes_to_feedparser(element: str) -> None:
    text = (
        f"<?xml version='1.0'?><rss version='2.0' xmlns:media='{MEDIA}' "
        f"xmlns:content='{CONTENT}'><channel><title>Blog</title><item><title>T</title>"
        f"{element}</item></channel></rss>"
    )
    assert by_fast_reader(text) is None
    assert len(parse_text(text).entries) == 1


# -- hostile documents ---------------------------------------------------------------------------


def test_an_external_entity_is_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-CONTENT")
    text = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        "<rss version='2.0'><channel><title>Blog</title><item><title>A &xxe; B</title>"
        "<description>Body &xxe;</description></item></channel></rss>"
    )
    assert feed_fast.read_fast(_bytes_for_feedparser(text)) is None
    document = parse_text(text)
    shown = repr(document)
    assert "TOPSECRET" not in shown


def test_billion_laughs_is_harmless() -> None:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    text = (
        f'<?xml version="1.0"?><!DOCTYPE rss [{"".join(levels)}]>'
        "<rss version='2.0'><channel><title>Blog</title><item><title>&lol9;</title>"
        "<description>x</description></item></channel></rss>"
    )
    assert feed_fast.read_fast(_bytes_for_feedparser(text)) is None
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    document = parse_text(text)
    assert time.process_time() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024
    assert all(len(entry.title or "") < 10_000 for entry in document.entries)
