"""Documents and evidence: a stored report's original text with the supporting words marked."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.engine import Connection

from parley.server.http import get_conn, not_found
from parley.server.schemas import DocumentOut
from parley.store import read

router = APIRouter(prefix="/api", tags=["documents"])


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
    view = read.document_view(conn, doc_id, spans, fact)
    if view is None:
        return not_found(f"single document {doc_id!r}", "give the id (or a longer prefix) from a source list")
    d = view["document"]
    return {**vars(d), "highlights": view["highlights"]}
