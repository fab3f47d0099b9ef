"""Throughput of the feed, JSON-LD and HTML page handlers, and the cost of their sniffs.

Prints MB/s (median of several runs) for generated documents of each kind, parsed end to end
with ``parse_text`` (decode-free), and the time the four markup sniffers take on a large
plain-text document (which they must decline cheaply).
Run: ``python benchmarks/markup_throughput.py``.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable

from parsers.formats.feed import FeedFormat
from parsers.formats.html_page import HtmlPageFormat
from parsers.formats.json_feed import JsonFeedFormat
from parsers.formats.jsonld import JsonLdFormat
from parsers.read import parse_text

PARAGRAPH = (
    "The council said the new bridge would open in spring, after a delay caused by flooding "
    "along the river bank, and that buses would run every ten minutes until then."
)


def rss(items: int) -> str:
    parts = ['<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">']
    parts.append("<channel><title>Bench feed</title><description>Generated</description>")
    for n in range(items):
        body = f"&lt;p&gt;{PARAGRAPH}&lt;/p&gt;&lt;p&gt;{PARAGRAPH}&lt;/p&gt;"
        parts.append(
            f"<item><title>Item {n}</title><pubDate>Tue, 05 Mar 2024 09:{n % 60:02d}:00 -0500"
            f"</pubDate><dc:creator>Ann Lee</dc:creator><category>News</category>"
            f"<description>{body}</description></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts)


def jsonld_page(updates: int) -> str:
    blog = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Bench blog",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": f"Update {n}",
                "datePublished": f"2024-03-05T10:{n % 60:02d}:00+01:00",
                "author": {"@type": "Person", "name": "Ann Lee"},
                "articleBody": f"<p>{PARAGRAPH}</p><p>{PARAGRAPH} &amp; more.</p>",
            }
            for n in range(updates)
        ],
    }
    script = f'<script type="application/ld+json">{json.dumps(blog)}</script>'
    return f"<!DOCTYPE html><html><head>{script}</head><body><p>x</p></body></html>"


def html_page(posts: int) -> str:
    body = "".join(
        f"<article><p>14.{n % 60:02d} GMT</p><h2>Post {n}</h2><p>{PARAGRAPH}</p>"
        f"<figure><img alt='Alt text here'><figcaption>A view. Photograph: A B/Agency</figcaption>"
        f"</figure><nav><a href='#'>Share</a></nav></article>"
        for n in range(posts)
    )
    return f"<!DOCTYPE html><html><head><title>Bench</title></head><body>{body}</body></html>"


def median_seconds(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    cases = {
        "feed (RSS, 2,000 items)": rss(2000),
        "jsonld (4,000 updates)": jsonld_page(4000),
        "html (4,000 posts)": html_page(4000),
    }
    print(f"{'document':<28} {'MB':>6} {'median s':>9} {'MB/s':>7} {'entries':>8}")
    for name, text in cases.items():
        size = len(text.encode("utf-8")) / 1e6
        document = parse_text(text)
        seconds = median_seconds(lambda text=text: parse_text(text))
        print(
            f"{name:<28} {size:6.2f} {seconds:9.3f} {size / seconds:7.1f} {len(document.entries):8}"
        )
    plain = ("14.31 GMT\nA headline\n\n" + PARAGRAPH + "\n\n") * 60000
    size = len(plain.encode("utf-8")) / 1e6
    handlers = (FeedFormat(), JsonFeedFormat(), JsonLdFormat(), HtmlPageFormat())
    seconds = median_seconds(lambda: [h.sniff(plain) for h in handlers])
    print(
        f"sniffs of the 4 markup handlers on {size:.1f} MB of plain text: "
        f"median {seconds * 1000:.2f} ms ({size / seconds:,.0f} MB/s)"
    )


if __name__ == "__main__":
    main()
