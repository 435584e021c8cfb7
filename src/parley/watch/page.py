"""A fetched page as a Document, as parley.ingest.readers reads an HTML file: the same decoding
(BOM, UTF-8, the charset the HTTP header or the page declares, then a guess), the same masking
of page furniture, the id the sha256 of the bytes as served - so a changed article is a new
document with the same URL, which the store keeps as a new version of it."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit

from parley.errors import DecodeError, Failure
from parley.ingest.decode import binary_kind, declared_html_charset, decode_bytes
from parley.ingest.document import Document
from parley.ingest.html import hostname, read_html
from parley.ingest.readers import normalise_date

_UNSAFE = re.compile(r"[^\w.-]+")
_PLAIN = ("text/plain", "text/markdown")


def content_sha(body: bytes) -> str:
    """The id a page's bytes get as a document."""
    return hashlib.sha256(body).hexdigest()


def url_name(url: str) -> str:
    """A document name for ``url``, as a file's is its stem: the last segment of the path without
    its extension, else the host."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    stem = segments[-1].rsplit(".", 1)[0] if segments else ""
    name = _UNSAFE.sub("_", stem).strip("._")[:100]
    return name or hostname(url) or "page"


def page_document(body: bytes, url: str, *, content_type: str | None = None, charset: str | None = None,
                  title: str | None = None, published: str | None = None) -> Document | Failure:
    """The page fetched from ``url`` as a Document; ``title`` and ``published`` (the feed's) are used
    when the page gives none. A page that is no text comes back as a Failure saying why."""
    if not body.strip():
        return Failure(url, "empty page")
    binary = binary_kind(body)
    if binary:
        return Failure(url, f"not a text page ({binary})")
    try:
        decoded = decode_bytes(body, declared=charset or declared_html_charset(body))
    except DecodeError as exc:
        return Failure(url, str(exc))
    doc_id, name, raw = content_sha(body), url_name(url), decoded.text
    if content_type in _PLAIN:
        return Document(doc_id, name, raw, raw, url, title=title, published=published, url=url,
                        source=hostname(url), media_type="text/plain", notes=list(decoded.notes))
    page = read_html(raw, url=url)
    if not page.text.strip():
        return Failure(url, "no readable text in the page")
    # The URL the feed gave, not the page's canonical one: versions of an article are found by it.
    return Document(doc_id, name, raw, page.text, url, title=page.title or title,
                    published=normalise_date(page.date) or published, url=url, source=page.source,
                    media_type="text/html", notes=list(decoded.notes) + page.notes)
