"""Property tests: no input makes parsing raise or leak control characters into a field."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import Document, parse_bytes, parse_text

CONTROL = {chr(c) for c in range(32) if c != 10} | {chr(c) for c in range(0x7F, 0xA0)}

LINES = st.sampled_from(
    [
        "",
        "  1. Title of a post published at 13:11 Greenwich Mean Time 21 February 2022",
        "  2. Another post",
        "Analysis",
        "Breaking",
        "Jane Doe",
        "BBC Europe correspondent",
        "Caption textImage source, Reuters",
        "Image caption,",
        "Image: REUTERS",
        "WATCH: a promo",
        "Share this:",
        "  • a bullet",
        "Summary",
        "14:31",
        "5.51pm GMT",
        " date 2022-02-25 text",
        "By Jane Doe, Europe correspondent, in Warsaw",
        "A short headline here",
        "A sentence that ends with a full stop.",
        "\x1b[31mred\x1b[0m [bold]markup[/]",
    ]
)


def _fields(document: Document) -> list[str]:
    out = [document.title or "", document.kicker or "", document.standfirst or ""]
    out += list(document.key_points)
    for entry in document.entries:
        out += [entry.id, entry.title or "", *entry.labels, *entry.body]
        out += [a.name for a in entry.authors] + [a.role or "" for a in entry.authors]
        out += [c.text for c in entry.captions] + [c.credit or "" for c in entry.captions]
    out += [p.message for p in document.problems]
    return out


def _assert_clean(document: Document) -> None:
    for value in _fields(document):
        assert not CONTROL.intersection(value), repr(value)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    _assert_clean(parse_bytes(data))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=1500))
def test_arbitrary_text_never_raises(text: str) -> None:
    _assert_clean(parse_text(text))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=60))
def test_live_blog_shaped_text_never_raises(lines: list[str]) -> None:
    document = parse_text("\n".join(lines))
    _assert_clean(document)
    for entry in document.entries:
        assert entry.published is None or entry.published.at.tzinfo is not None
