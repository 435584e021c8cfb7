"""Documents and evidence: a stored report's original text with the supporting words marked."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.engine import Connection

from parley.api.common import get_conn, json_response, not_found
from parley.api.schemas import DocumentOut
from parley.store import read

router = APIRouter(prefix="/api", tags=["documents"])

_PLURAL = {"meeting": "meetings", "agreement": "agreements", "statement": "statements", "person": "people"}


def fact_spans(record: dict[str, Any], fact: str | None) -> list[list[int]]:
    """The evidence of one item of the record: ``meeting:0`` -> its ``evidence`` spans."""
    if not fact:
        return []
    kind, _, idx = fact.partition(":")
    items = record.get(_PLURAL.get(kind, ""), [])
    # ASCII digits only: str.isdigit also takes '²', which int() refuses.
    if not (idx.isascii() and idx.isdigit()) or int(idx) >= len(items):
        return []
    ev = items[int(idx)].get("evidence") or []
    return [list(s) for s in ev if isinstance(s, list | tuple) and len(s) == 2]


def document_view(conn: Connection, doc_id: str, spans: str | None = None, fact: str | None = None
                  ) -> dict[str, Any] | None:
    d = read.get_document(conn, doc_id)
    if d is None:
        return None
    text = d.raw_text or ""
    wanted = [list(s) for s in read.parse_spans(spans)] + fact_spans(d.record, fact)
    merged = read.merge_spans(wanted, len(text))
    return {
        "document": d,
        "highlights": [{"start": s, "end": e, "text": text[s:e]} for s, e in merged],
        "segments": read.segments(text, merged),
        "text_kept": d.raw_text is not None,
    }


@router.get("/documents/{doc_id}", response_model=DocumentOut, summary="A document with its evidence highlighted",
            responses={404: {"description": "No document, or an ambiguous id prefix"}})
def api_document(doc_id: str, conn: Annotated[Connection, Depends(get_conn)],
                 spans: Annotated[str | None, Query(max_length=4000, description="Character spans to highlight: 12-40,88-93 "
                                                                "(offsets into the original text).")] = None,
                 fact: Annotated[str | None, Query(max_length=64, description="Highlight the evidence of one item of the "
                                                               "document's record: meeting:0, statement:2 ...")] = None):
    """The original text (``raw_text``; character offsets in every ``evidence`` and ``spans``
    point into it), the extraction record, and ``highlights``: the spans asked for, merged, with
    their text."""
    view = document_view(conn, doc_id, spans, fact)
    if view is None:
        return not_found(f"single document {doc_id!r}", "give the id (or a longer prefix) from a source list")
    d = view["document"]
    return json_response({**vars(d), "highlights": view["highlights"]})
