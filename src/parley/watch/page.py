"""A fetched page as a Document, through the step every reader of pages shares
(parley.ingest.page): the same decoding, the same masking of page furniture, the id the sha256 of
the bytes as served - so a changed article is a new document with the same URL, which the store
keeps as a new version of it (and the same article in other furniture, a copy)."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit

from parley.errors import Failure
from parley.ingest.document import Document
from parley.ingest.html import hostname
from parley.ingest.page import HTML, TEXT, PageFields, page_item

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
    # The URL the feed gave, not the page's canonical one: versions of an article are found by it.
    fields = PageFields(url=url, modified=published, charset=charset, source=hostname(url)
                        if content_type in _PLAIN else None)
    doc = page_item(body, url, url_name(url), TEXT if content_type in _PLAIN else HTML, fields)
    if isinstance(doc, Document) and doc.title is None:
        doc.title = title
    return doc
