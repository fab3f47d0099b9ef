"""A fast reader for well-formed RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds.

feedparser stays the reference for what a feed means; it costs about 0.4 ms an item in its
Python event handlers. This module reads the same XML with the standard library's expat in
one pass and builds the few fields :mod:`parsers.formats.feed` reads from feedparser's result
(``title``/``title_detail``, ``link``, ``published``/``updated``, ``author``/``authors``,
``tags``, ``content``, ``summary``/``summary_detail``, the feed's ``subtitle``) with
feedparser's own rules: element names matched through its namespace table, the first title
that is not empty kept, a guid that is a permalink standing in for a missing link, a second
summary-like element becoming content, its author-detail bookkeeping, its tag merging, the
UTF-8-read-as-Latin-1 repair and the Windows-1252 code points.

Whenever a document steps outside what this mapping covers (a DOCTYPE, ``xml:base``, inline
XHTML or base64 content, an element feedparser gives a meaning this module does not model,
a known element in an unexpected place, any XML error), :func:`read_fast` returns None and
the caller uses feedparser. Refusing any DOCTYPE also means no entity is ever declared: no
external entity can be resolved and no entity expansion can blow up.
"""

from __future__ import annotations

import re
from typing import Any, NoReturn
from xml.parsers import expat

_SEPARATOR = "\x01"

ATOM = "http://www.w3.org/2005/atom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

_FEEDPARSER_NAMESPACES: dict[str, str] = {
    "": "",
    "http://backend.userland.com/rss": "",
    "http://blogs.law.harvard.edu/tech/rss": "",
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://example.com/newformat#": "",
    "http://example.com/necho": "",
    "http://purl.org/echo/": "",
    "uri/of/echo/namespace#": "",
    "http://purl.org/pie/": "",
    "http://purl.org/atom/ns#": "",
    "http://www.w3.org/2005/atom": "",
    "http://purl.org/rss/1.0/modules/rss091#": "",
    "http://webns.net/mvcb/": "admin",
    "http://purl.org/rss/1.0/modules/aggregation/": "ag",
    "http://purl.org/rss/1.0/modules/annotate/": "annotate",
    "http://media.tangent.org/rss/1.0/": "audio",
    "http://backend.userland.com/blogchannelmodule": "blogChannel",
    "http://creativecommons.org/ns#license": "cc",
    "http://web.resource.org/cc/": "cc",
    "http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html": "creativeCommons",
    "http://backend.userland.com/creativecommonsrssmodule": "creativeCommons",
    "http://purl.org/rss/1.0/modules/company": "co",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://my.theinfo.org/changed/1.0/rss/": "cp",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/rss/1.0/modules/email/": "email",
    "http://purl.org/rss/1.0/modules/event/": "ev",
    "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
    "http://freshmeat.net/rss/fm/": "fm",
    "http://xmlns.com/foaf/0.1/": "foaf",
    "http://www.w3.org/2003/01/geo/wgs84_pos#": "geo",
    "http://www.georss.org/georss": "georss",
    "http://www.opengis.net/gml": "gml",
    "http://postneo.com/icbm/": "icbm",
    "http://purl.org/rss/1.0/modules/image/": "image",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://example.com/dtds/podcast-1.0.dtd": "itunes",
    "http://purl.org/rss/1.0/modules/link/": "l",
    "http://search.yahoo.com/mrss": "media",
    "http://search.yahoo.com/mrss/": "media",
    "http://madskills.com/public/xml/rss/module/pingback/": "pingback",
    "http://prismstandard.org/namespaces/1.2/basic/": "prism",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs",
    "http://purl.org/rss/1.0/modules/reference/": "ref",
    "http://purl.org/rss/1.0/modules/richequiv/": "reqv",
    "http://purl.org/rss/1.0/modules/search/": "search",
    "http://purl.org/rss/1.0/modules/slash/": "slash",
    "http://schemas.xmlsoap.org/soap/envelope/": "soap",
    "http://purl.org/rss/1.0/modules/servicestatus/": "ss",
    "http://hacks.benhammersley.com/rss/streaming/": "str",
    "http://purl.org/rss/1.0/modules/subscription/": "sub",
    "http://purl.org/rss/1.0/modules/syndication/": "sy",
    "http://schemas.pocketsoap.com/rss/mydescmodule/": "szf",
    "http://purl.org/rss/1.0/modules/taxonomy/": "taxo",
    "http://purl.org/rss/1.0/modules/threading/": "thr",
    "http://purl.org/rss/1.0/modules/textinput/": "ti",
    "http://madskills.com/public/xml/rss/module/trackback/": "trackback",
    "http://wellformedweb.org/commentapi/": "wfw",
    "http://purl.org/rss/1.0/modules/wiki/": "wiki",
    "http://www.w3.org/1999/xhtml": "xhtml",
    "http://www.w3.org/1999/xlink": "xlink",
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://podlove.org/simple-chapters": "psc",
}
"""feedparser's namespace table (URIs to its prefixes); a test keeps it equal."""

NAMESPACES = {uri.lower(): prefix for uri, prefix in _FEEDPARSER_NAMESPACES.items()}
"""The table as feedparser matches it: by lower-cased URI."""

HANDLED_BY_FEEDPARSER = frozenset(
    "abstract author body category cc_license channel cloud content content_encoded "
    "contributor copyright created creativeCommons_license creativecommons_license dc_author "
    "dc_contributor dc_creator dc_date dc_description dc_language dc_publisher dc_rights "
    "dc_subject dc_title dcterms_created dcterms_issued dcterms_modified dcterms_valid "
    "description email enclosure entry expirationdate feed feedburner_browserfriendly fullitem "
    "generator geom georss_box georss_line georss_point georss_polygon georss_where georssgeom "
    "gml_exterior gml_linearring gml_linestring gml_point gml_polygon gml_pos gml_poslist guid "
    "height homepage id image info issued item itunes_author itunes_block itunes_category "
    "itunes_email itunes_explicit itunes_image itunes_keywords itunes_link itunes_name "
    "itunes_owner itunes_subtitle itunes_summary keywords language lastbuilddate link "
    "managingeditor media_category media_content media_credit media_description media_group "
    "media_keywords media_license media_player media_rating media_restriction media_thumbnail "
    "media_title modified name newlocation psc_chapter psc_chapters pubdate published rights "
    "rss source subtitle summary tagline tags textInput textinput title updated uri url "
    "webmaster where width xhtml_body".split()
)
"""Element names feedparser has a handler for (a test keeps this equal to its own list)."""

HARMLESS = frozenset(
    "enclosure media_content media_thumbnail media_credit media_rating media_player "
    "media_restriction media_license generator language rights copyright cloud webmaster "
    "expirationdate created dcterms_created dc_language dc_rights dc_publisher itunes_image "
    "itunes_explicit itunes_block".split()
)
"""Handled by feedparser, but only into keys the feed handler never reads."""

READ_KEYS = frozenset(
    "authors author_detail title_detail summary_detail subtitle_detail published_parsed "
    "updated_parsed".split()
)
"""Keys the feed handler reads that no feedparser handler is named after: an element of such
a name (``<authors>``) would be stored under it by feedparser's default handler."""

_TITLE = frozenset({"title", "dc_title"})
_DESCRIPTION = frozenset({"description", "dc_description"})
_PUBLISHED = frozenset({"pubdate", "published", "issued", "dcterms_issued"})
_UPDATED = frozenset({"updated", "modified", "dc_date", "dcterms_modified", "lastbuilddate"})
_AUTHOR = frozenset({"author", "dc_creator", "dc_author", "managingeditor"})
_CATEGORY = frozenset({"category", "dc_subject", "keywords"})
_GUID = frozenset({"guid", "id"})
_IMAGE_PARTS = frozenset({"url", "title", "link", "width", "height", "description"})
_AUTHOR_PARTS = {"name": "name", "email": "email", "uri": "href", "url": "href", "homepage": "href"}
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CANONICAL = frozenset(prefix.lower() for prefix in NAMESPACES.values() if prefix)

_CP1252 = {i: bytes([i]).decode("cp1252") for i in range(128, 160)
           if i not in (129, 141, 143, 144, 157)}  # fmt: skip
_URI_FIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
_LINK_REFERENCE = re.compile(r"&([A-Za-z0-9_]+);")
_EMAIL = re.compile(
    r"(([a-zA-Z0-9\_\-\.\+]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9\-]+\.)+))"
    r"([a-zA-Z]{2,4}|[0-9]{1,3})(\]?))(\?subject=\S+)?"
)


AUTHOR_CHARS = 300
"""Author texts longer than this are left to feedparser (its e-mail pattern backtracks)."""


class Unsure(Exception):
    """The document needs feedparser."""


def _repair(text: str) -> str:
    """feedparser's last steps on a text value: UTF-8 that was read as Latin-1 is read again,
    and C1 controls become the Windows-1252 characters they stand for."""
    if text.isascii():
        return text
    try:
        text = text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return text.translate(_CP1252)


def _resolve(uri: str) -> str:
    """feedparser's ``_urljoin`` against the empty base it has for a document read from bytes
    (it only drops slashes after a leading ``scheme://``)."""
    return _URI_FIXER.sub(r"\1\3", uri) if ":///" in uri else uri


def _content_type(value: str) -> str:
    value = value.lower()
    if value in ("text", "plain"):
        return "text/plain"
    if value == "html":
        return "text/html"
    if value == "xhtml":
        return "application/xhtml+xml"
    return value


def _checked_type(attrs: dict[str, str], default: str) -> str:
    """The content type feedparser gives an element; Unsure for base64 or inline XHTML."""
    kind = _content_type(attrs.get("type", default))
    if attrs.get("mode") is not None or kind == "application/xhtml+xml":
        raise Unsure
    if kind not in ("text/plain", "text/html"):
        raise Unsure  # base64, XML: feedparser's other ways
    return kind


def _sync_author(context: dict[str, Any]) -> None:
    """feedparser's ``_sync_author_detail``, on its keys."""
    detail = context.get("authors", [{}])[-1]
    if detail:
        name, email = detail.get("name"), detail.get("email")
        if name and email:
            context["author"] = f"{name} ({email})"
        elif name:
            context["author"] = name
        elif email:
            context["author"] = email
        return
    author, email = context.get("author"), None
    if not author:
        return
    if len(author) > AUTHOR_CHARS:
        raise Unsure  # feedparser's e-mail pattern is not linear-time: bounded input only
    match = _EMAIL.search(author)
    if match:
        email = match.group(0)
        author = author.replace(email, "").replace("()", "").replace("<>", "")
        author = author.replace("&lt;&gt;", "").strip()
        if author and author[0] == "(":
            author = author[1:]
        if author and author[-1] == ")":
            author = author[:-1]
        author = author.strip()
    if author or email:
        context.setdefault("author_detail", detail)
    if author:
        detail["name"] = author
    if email:
        detail["email"] = email


def _save_author(context: dict[str, Any], key: str, value: str) -> None:
    context.setdefault("author_detail", {})[key] = value
    _sync_author(context)
    context.setdefault("authors", [{}])[-1][key] = value


def _add_tag(context: dict[str, Any], term: Any, scheme: Any, label: Any) -> None:
    tags = context.setdefault("tags", [])
    if not term and not scheme and not label:
        return
    value = {"term": term, "scheme": scheme, "label": label}
    if value not in tags:
        tags.append(value)


_NO_ATTRIBUTES: dict[str, str] = {}

# What an open element is, for the reader.
_ROOT, _CHANNEL, _ITEM, _IMAGE, _AUTHOR_BOX, _TEXT, _SKIP = range(7)


class _Reader:
    """Expat callbacks building feedparser-shaped dictionaries (see the module docstring)."""

    def __init__(self) -> None:
        self.feed: dict[str, Any] = {}
        self.entries: list[dict[str, Any]] = []
        self.atom = False
        self.depth = 0
        self.title_depth = -1
        self.guid_is_link = False
        self.has_content = False
        self.in_feed = False
        self.stack: list[tuple[int, str, dict[str, str], list[str]]] = []
        self.prefixes: dict[str, str] = {}
        """The document's prefixes for namespaces feedparser does not know, in order."""
        self.known_prefixes: set[str] = set()
        """The document's prefixes for namespaces feedparser knows."""
        self.collect: list[str] | None = None
        """Where the text read goes: the pieces of the open text element (or author)."""
        self.names: dict[str, str] = {}
        """Expat's element names and feedparser's names for them, as far as read."""

    # -- names ---------------------------------------------------------------------------------

    def namespace(self, prefix: str | None, uri: str | None) -> None:
        if not uri:
            return
        lower = uri.lower()
        if "backend.userland.com/rss" in lower:
            lower = "http://backend.userland.com/rss"
        key = prefix or ""
        if lower in NAMESPACES:
            # feedparser maps the document's prefix to its own: a prefix that is one of its
            # own for another namespace would rename elements of that one too
            if key and (key in self.prefixes or (key in _CANONICAL and key != NAMESPACES[lower])):
                raise Unsure
            if key:
                self.known_prefixes.add(key)
            return
        known = self.prefixes.get(key)
        if (
            (known is not None and known != uri)
            or (key and uri in self.prefixes.values())
            or key in self.known_prefixes
            or (key and key.lower() in _CANONICAL)
        ):
            raise Unsure  # a prefix bound twice, or to a name feedparser gives a meaning
        self.prefixes[key] = uri
        self.names.clear()  # an element's name may depend on this prefix now

    def canonical(self, name: str) -> str:
        """feedparser's name for an element (``dc_creator``, ``title``, ``foo_bar``)."""
        known = self.names.get(name)
        if known is None:
            known = self.names[name] = self._canonical(name)
        return known

    def _canonical(self, name: str) -> str:
        uri, _, local = name.rpartition(_SEPARATOR)
        local = local.lower()
        lower = uri.lower()
        if "backend.userland.com/rss" in lower:
            lower = "http://backend.userland.com/rss"
        prefix = NAMESPACES.get(lower)
        if prefix is None:
            prefix = next((p for p, u in self.prefixes.items() if p and u == uri), "")
        return f"{prefix.lower()}_{local}" if prefix else local

    def attributes(self, attrs: dict[str, str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, value in attrs.items():
            uri, _, local = name.rpartition(_SEPARATOR)
            prefix = NAMESPACES.get(uri.lower(), "") if uri else ""
            key = (f"{prefix}:{local}" if prefix else local).lower()
            out[key] = value.lower() if key in ("rel", "type") else value
        if "xml:base" in out or "base" in out:
            raise Unsure
        return out

    # -- expat callbacks -----------------------------------------------------------------------

    def start(self, name: str, raw: dict[str, str]) -> None:
        self.depth += 1
        tag = self.names.get(name) or self.canonical(name)
        attrs = self.attributes(raw) if raw else _NO_ATTRIBUTES
        if not self.stack:
            self.stack.append((self.root(name, tag, attrs), tag, attrs, []))
            return
        role = self.stack[-1][0]
        if tag in READ_KEYS:
            raise Unsure
        if role == _TEXT:
            raise Unsure  # markup inside a text element: feedparser reads it as XHTML
        if role == _SKIP:
            if tag in HANDLED_BY_FEEDPARSER and tag not in HARMLESS:
                raise Unsure
            kind = _SKIP
        elif role == _ROOT:
            kind = self.at_root(tag, attrs)
        elif role == _CHANNEL:
            kind = self.in_channel(tag, attrs)
        elif role == _ITEM:
            kind = self.in_item(tag, attrs)
        elif role == _IMAGE:
            if tag not in _IMAGE_PARTS:
                raise Unsure
            kind = _TEXT
        else:  # an author's parts
            if tag not in _AUTHOR_PARTS:
                raise Unsure
            kind = _TEXT
        pieces: list[str] = []
        self.stack.append((kind, tag, attrs, pieces))
        self.collect = pieces if kind == _TEXT or kind == _AUTHOR_BOX else None

    def text(self, data: str) -> None:
        collect = self.collect
        if collect is not None:
            collect.append(data)

    def end(self, name: str) -> None:
        stack = self.stack
        kind, tag, attrs, pieces = stack.pop()
        parent = stack[-1][0] if stack else None
        self.collect = stack[-1][3] if parent == _AUTHOR_BOX else None
        if kind == _TEXT:
            raw = "".join(pieces).strip()
            if parent == _IMAGE:
                self.image_part(tag, raw)
            elif parent == _AUTHOR_BOX:
                context = self.feed if self.stack[-2][0] != _ITEM else self.entries[-1]
                if _AUTHOR_PARTS[tag] == "href":
                    raw = _repair(_resolve(raw))
                _save_author(context, _AUTHOR_PARTS[tag], raw)
            else:
                self.field(parent, tag, attrs, raw)
        elif kind == _AUTHOR_BOX:
            context = self.entries[-1] if parent == _ITEM else self.feed
            context["author"] = _repair("".join(pieces).strip())  # its own text
            _sync_author(context)
        elif kind == _ITEM:
            self.has_content = False
        elif kind == _CHANNEL and tag == "channel":
            self.in_feed = False
        self.depth -= 1

    # -- where an element may be ---------------------------------------------------------------

    def root(self, name: str, tag: str, attrs: dict[str, str]) -> int:
        uri = name.rpartition(_SEPARATOR)[0].lower()
        if tag == "rss" and not uri:
            return _ROOT
        if tag == "rdf_rdf" and uri == RDF:
            return _ROOT
        if tag == "feed" and uri == ATOM:
            self.atom = self.in_feed = True
            return _CHANNEL
        raise Unsure

    def at_root(self, tag: str, attrs: dict[str, str]) -> int:
        if tag == "channel":
            if "lastmod" in attrs or "href" in attrs:
                raise Unsure
            self.in_feed = True
            return _CHANNEL
        if tag == "item" and not self.in_feed:  # RSS 1.0: items beside the channel
            return self.start_item(attrs)
        if tag == "image":
            self.title_depth = -1
            return _IMAGE
        if tag in HANDLED_BY_FEEDPARSER and tag not in HARMLESS:
            raise Unsure
        return _SKIP

    def in_channel(self, tag: str, attrs: dict[str, str]) -> int:
        if tag in ("item", "entry"):
            if (tag == "entry") != self.atom:
                raise Unsure
            return self.start_item(attrs)
        if tag == "image":
            self.title_depth = -1
            return _IMAGE
        if tag in _CATEGORY:
            return _SKIP  # the feed's own categories are not read
        return self.common(tag, attrs, self.feed)

    def in_item(self, tag: str, attrs: dict[str, str]) -> int:
        entry = self.entries[-1]
        if tag in _CATEGORY:
            _add_tag(entry, attrs.get("term"), attrs.get("scheme", attrs.get("domain")),
                     attrs.get("label"))  # fmt: skip
            return _TEXT
        if tag in ("content", "content_encoded"):
            if tag == "content" and attrs.get("src"):
                raise Unsure
            kind = _checked_type(attrs, "text/plain" if tag == "content" else "text/html")
            if kind == "text/plain" and not self.atom:
                raise Unsure  # feedparser guesses whether it is HTML
            self.has_content = True
            return _TEXT
        if tag == "summary":
            if "summary" in entry and not self.has_content:
                raise Unsure  # feedparser makes it content
            if _checked_type(attrs, "text/plain") == "text/plain" and not self.atom:
                raise Unsure
            return _TEXT
        if tag == "source":
            self.title_depth = -1
            return _TEXT
        return self.common(tag, attrs, entry)

    def common(self, tag: str, attrs: dict[str, str], context: dict[str, Any]) -> int:
        """Elements read the same way in a channel and in an item."""
        if tag in _TITLE or tag in _PUBLISHED or tag in _UPDATED or tag == "subtitle":
            if tag in _TITLE or tag == "subtitle":
                _checked_type(attrs, "text/plain")
            return _TEXT
        if tag in _DESCRIPTION:
            if "summary" in context and not self.has_content:
                raise Unsure
            _checked_type(attrs, "text/html")
            return _TEXT
        if tag == "link":
            attrs = dict(attrs)
            attrs.setdefault("rel", "alternate")
            own = attrs["rel"] == "self"
            attrs.setdefault("type", "application/atom+xml" if own else "text/html")
            href = attrs.get("url", attrs.get("uri", attrs.get("href")))
            if not href:
                return _TEXT
            if attrs["rel"] == "alternate" and _content_type(attrs["type"]) in _HTML_TYPES:
                context["link"] = _resolve(href)
            return _SKIP
        if tag in _GUID:
            self.guid_is_link = attrs.get("ispermalink", "true") == "true"
            return _TEXT
        if tag in _AUTHOR:
            context.setdefault("authors", []).append({})
            return _AUTHOR_BOX
        if tag in HANDLED_BY_FEEDPARSER and tag not in HARMLESS:
            raise Unsure
        return _SKIP

    def start_item(self, attrs: dict[str, str]) -> int:
        if "lastmod" in attrs or "href" in attrs:
            raise Unsure
        self.entries.append({})
        self.title_depth = -1
        self.guid_is_link = False
        return _ITEM

    # -- values ----------------------------------------------------------------------------------

    def image_part(self, tag: str, raw: str) -> None:
        if tag == "title" and _repair(raw):
            self.title_depth = self.depth

    def field(self, parent: int | None, tag: str, attrs: dict[str, str], raw: str) -> None:
        in_item = parent == _ITEM
        if not in_item and not self.in_feed:
            raise Unsure  # outside the channel (RSS 1.0): feedparser stores it nowhere
        context = self.entries[-1] if in_item else self.feed
        if tag == "link" or (tag in _GUID and self.guid_is_link):
            raw = _resolve(raw)
        value = _repair(raw)
        if tag in _TITLE:
            if not -1 < self.title_depth <= self.depth:
                context["title"] = value
                context["title_detail"] = {"type": _checked_type(attrs, "text/plain")}
            if value:
                self.title_depth = self.depth
        elif tag in _DESCRIPTION:
            key = "summary" if in_item else "subtitle"
            context[key] = value
            context[f"{key}_detail"] = {"type": _checked_type(attrs, "text/html")}
        elif tag in ("summary", "subtitle"):
            context[tag] = value
            context[f"{tag}_detail"] = {"type": _checked_type(attrs, "text/plain")}
        elif tag in ("content", "content_encoded"):
            kind = _checked_type(attrs, "text/plain" if tag == "content" else "text/html")
            context.setdefault("content", []).append({"type": kind, "value": value})
            context.setdefault("summary", value)
        elif tag in _PUBLISHED:
            context["published"] = value
        elif tag in _UPDATED:
            context["updated"] = value
        elif tag == "link":
            if in_item:
                value = value.replace("&amp;", "&")
            context["link"] = _LINK_REFERENCE.sub(r"&\g<1>", value)
        elif tag in _GUID:
            context["id"] = value
            if self.guid_is_link:
                context.setdefault("link", value)
        elif tag in _CATEGORY:
            if not value:
                return
            tags = context["tags"]
            if tags and not tags[-1]["term"]:
                tags[-1]["term"] = value
            else:
                _add_tag(context, value, None, None)
        # "source": only its effect on titles (above) matters


class FastRead:
    """The fast reader fed a document in pieces, with what it has read so far on the way."""

    def __init__(self) -> None:
        self.reader = _Reader()
        self.failed = False
        """True once the document needs feedparser (then nothing more is read)."""
        parser = expat.ParserCreate("utf-8", _SEPARATOR)
        parser.buffer_text = True
        parser.ordered_attributes = False
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def refuse(*_: object) -> NoReturn:
            raise Unsure

        parser.StartDoctypeDeclHandler = refuse
        parser.EntityDeclHandler = refuse
        parser.ExternalEntityRefHandler = refuse
        parser.StartNamespaceDeclHandler = self.reader.namespace
        parser.StartElementHandler = self.reader.start
        parser.EndElementHandler = self.reader.end
        parser.CharacterDataHandler = self.reader.text
        self.parser = parser

    def feed(self, data: bytes, final: bool = False) -> None:
        if self.failed:
            return
        try:
            self.parser.Parse(data, final)
        except Exception:  # noqa: BLE001 - Unsure, an XML error, anything unforeseen
            self.failed = True

    @property
    def items(self) -> int:
        """Items read to their end so far."""
        entries = self.reader.entries
        return len(entries) - (1 if any(f[0] == _ITEM for f in self.reader.stack) else 0)

    def so_far(self) -> dict[str, Any]:
        """feedparser's shape of the feed and the items read to their end so far."""
        reader = self.reader
        return {"feed": dict(reader.feed), "entries": reader.entries[: self.items], "bozo": 0}

    def result(self) -> dict[str, Any] | None:
        """The whole document, once fed to its end; None when it needs feedparser."""
        reader = self.reader
        if self.failed or (not reader.feed and not reader.entries):
            return None
        return {"feed": reader.feed, "entries": reader.entries, "bozo": 0}


def read_fast(data: bytes) -> dict[str, Any] | None:
    """feedparser's result for ``data`` (UTF-8 XML), the keys the feed handler reads; None when
    the document needs feedparser itself."""
    read = FastRead()
    read.feed(data, final=True)
    return read.result()
