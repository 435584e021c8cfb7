"""What a watched source lists: the articles of an RSS/Atom feed (feedparser) or a sitemap
(``urlset``, and a ``sitemapindex`` naming more sitemaps), and the list of sources itself (FEEDS.txt).

The kind of a source is told by its content, not by its URL: FEEDS.txt mixes both, one URL a line.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from parley.ingest.readers import normalise_date

FEED, SITEMAP = "feed", "sitemap"
# A gzipped sitemap is inflated to at most this much (sitemaps are capped at 50 MB by the protocol).
MAX_INFLATED = 60_000_000


class ListingError(ValueError):
    """The source answered, but with neither a feed nor a sitemap."""


@dataclass(frozen=True)
class Entry:
    url: str
    stamp: str | None = None  # the date the source gives the article (updated, else published; lastmod)
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD


@dataclass
class Listing:
    kind: str
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # the sitemaps a sitemap index names


def read_sources(path: Path) -> list[str]:
    """The URLs of FEEDS.txt: one a line; blank lines and ``#`` comments (whole or trailing) skipped.
    Raises ValueError naming the first line that is not an http(s) URL."""
    urls: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        url = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if not url:
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{path}:{n}: not an http(s) URL: {url}")
        urls.append(url)
    return list(dict.fromkeys(urls))


def parse_listing(body: bytes, base: str) -> Listing:
    """The articles ``body`` (fetched from ``base``) lists, each URL once, in the source's order."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body)
    root = _sitemap_root(body)
    listing = _sitemap(root, base) if root is not None else _feed(body, base)
    seen: set[str] = set()
    listing.entries = [e for e in listing.entries if not (e.url in seen or seen.add(e.url))]
    return listing


def _gunzip(body: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, MAX_INFLATED)
    except zlib.error as exc:
        raise ListingError(f"a damaged gzip file ({exc})") from None
    if inflater.unconsumed_tail:
        raise ListingError(f"inflates to over {MAX_INFLATED} bytes")
    return data


def _sitemap_root(body: bytes) -> etree._Element | None:
    """The root of a sitemap document, or None when ``body`` is something else (a feed)."""
    head = body[:4096]
    if not head.lstrip().startswith(b"<") or (b"<urlset" not in head and b"<sitemapindex" not in head):
        return None
    # No entities resolved, nothing fetched: a sitemap is data from someone else's server.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    return root if root is not None and etree.QName(root).localname in ("urlset", "sitemapindex") else None


def _sitemap(root: etree._Element, base: str) -> Listing:
    listing = Listing(SITEMAP)
    index = etree.QName(root).localname == "sitemapindex"
    for node in root:
        if not isinstance(node.tag, str):
            continue  # comments, processing instructions
        fields = {etree.QName(child).localname: (child.text or "").strip() for child in node
                  if isinstance(child.tag, str)}
        loc = fields.get("loc")
        if not loc:
            continue
        url = urljoin(base, loc)
        if index:
            listing.sitemaps.append(url)
        else:
            lastmod = fields.get("lastmod") or None
            listing.entries.append(Entry(url, lastmod, None, normalise_date(lastmod)))
    return listing


def _feed(body: bytes, base: str) -> Listing:
    parsed = feedparser.parse(body, response_headers={"content-location": base})
    if not parsed.get("version") and not parsed.entries:
        why = parsed.get("bozo_exception")
        raise ListingError("neither an RSS/Atom feed nor a sitemap" + (f" ({why})" if why else ""))
    listing = Listing(FEED)
    for e in parsed.entries:
        link = e.get("link")
        if not link:
            continue
        # Read as a plain dict: feedparser's own lookup answers "updated" with the published date.
        updated, issued = dict.get(e, "updated"), dict.get(e, "published")
        stamp = updated or issued
        published = normalise_date(issued or updated)
        listing.entries.append(Entry(urljoin(base, link), stamp, e.get("title") or None, published))
    return listing

