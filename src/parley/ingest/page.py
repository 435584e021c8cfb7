"""One page's bytes, with what its source says about it (URL, dates, charset), to a Document: the
step every reader of pages shares (files, JSON Lines records, WARC records), and the point where a
crawl's pre-filter drops a page before the costly main-text detection runs on it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from parley.errors import DecodeError, Failure
from parley.ingest.dates import normalise_date
from parley.ingest.decode import binary_kind, declared_html_charset, decode_bytes
from parley.ingest.document import Document
from parley.ingest.html import read_html, visible_text
from parley.ingest.prefilter import PageFilter

TEXT, HTML = "text/plain", "text/html"


@dataclass(frozen=True)
class PageFields:
    """What a page's source says about it; each value wins over the page's own metadata."""

    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, the source's publication date (a news API's field)
    modified: str | None = None  # YYYY-MM-DD, HTTP Last-Modified: used when the page gives no date
    source: str | None = None
    retrieved: str | None = None  # YYYY-MM-DD
    charset: str | None = None  # from the HTTP header


def page_item(
    data: bytes, origin: str, name: str, kind: str, fields: PageFields = PageFields(),
    prefilter: PageFilter | None = None,
) -> Document | Failure:
    """A Document for a page's bytes; a Failure when they are no readable text or the pre-filter drops it."""
    if not data.strip():
        return Failure(origin, "empty page" if fields.url else "empty file", name=name)
    binary = binary_kind(data)
    if binary:
        return Failure(origin, f"binary data ({binary}), not text - convert it to plain text or HTML first", name=name)
    # A charset in the page itself is the author's; the HTTP header's is the server's guess, often a default.
    declared, by = (declared_html_charset(data), "the page") if kind == HTML else (None, "")
    if declared is None and fields.charset:
        declared, by = fields.charset, "the HTTP header"
    try:
        decoded = decode_bytes(data, declared=declared, declared_by=by)
    except DecodeError as error:
        return Failure(origin, str(error), name=name)
    if not decoded.text.strip():
        return Failure(origin, "empty page" if fields.url else "empty file", name=name)
    if prefilter is not None:
        why = prefilter.reason(visible_text(decoded.text) if kind == HTML else decoded.text)
        if why:
            return Failure(origin, why, fatal=False, stage="filter", name=name)
    doc_id = hashlib.sha256(data).hexdigest()
    if kind == HTML:
        return html_document(doc_id, name, decoded.text, origin, list(decoded.notes), fields)
    return Document(
        doc_id, name, decoded.text, decoded.text, origin, title=fields.title,
        published=fields.published or fields.modified,
        url=fields.url, source=fields.source, retrieved=fields.retrieved, media_type=TEXT, notes=list(decoded.notes),
    )


def html_document(
    doc_id: str, name: str, raw: str, origin: str, notes: list[str], fields: PageFields = PageFields()
) -> Document | Failure:
    """A Document for an HTML page; values in ``fields`` win over the page's own metadata, but for
    ``modified``: a server's date, only used when the page gives none."""
    page = read_html(raw, url=fields.url)
    if not page.text.strip():
        return Failure(origin, "no readable text in HTML page")
    return Document(
        doc_id,
        name,
        raw,
        page.text,
        origin,
        title=fields.title or page.title,
        published=fields.published or normalise_date(page.date) or fields.modified,
        url=fields.url or page.url,
        source=fields.source or page.source,
        retrieved=fields.retrieved,
        media_type=HTML,
        notes=notes + page.notes,
    )
