"""Agreements: listing, and one agreement with its sequence of predecessors and successors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.engine import Connection

from parley.server.http import (
    MAX_KEY,
    Limit,
    Offset,
    Words,
    get_conn,
    json_response,
    not_found,
    paged,
)
from parley.server.schemas import AgreementView, Page
from parley.store import read

router = APIRouter(prefix="/api", tags=["agreements"])


@router.get("/agreements", response_model=Page[read.AgreementSummary], summary="Agreements, grouped by parties")
def api_agreements(request: Request, conn: Annotated[Connection, Depends(get_conn)],
                   party: Annotated[str | None, Query(max_length=MAX_KEY,
                                                      description="A party: ISO3 or organisation key.")] = None,
                   kind: Annotated[str | None, Query(max_length=64,
                                                     description="plan, program, treaty, agreement, ...")] = None,
                   contains: Words = None,
                   since: Annotated[int | None, Query(ge=1, le=9999,
                                                      description="In force or signed from this year.")] = None,
                   limit: Limit = 50, offset: Offset = 0):
    items, more = read.agreements_page(conn, party, kind, contains, since, limit, offset)
    return paged(request, items, limit=limit, offset=offset, more=more)


@router.get("/agreements/{key:path}", response_model=AgreementView, summary="One agreement with its sequence",
            responses={404: {"description": "No such agreement"}})
def api_agreement(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """Parties, signatories, years, the meetings where it was signed, its sources, and the chain
    of plans it belongs to (``chain``, oldest first; ``predecessor`` / ``successor``)."""
    view = read.agreement_view(conn, key)
    if view is None:
        return not_found(f"agreement {key!r}", "GET /api/agreements lists the keys")
    return json_response(view)
