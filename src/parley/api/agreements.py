"""Agreements: listing, and one agreement with its sequence of predecessors and successors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.engine import Connection

from parley.server.http import MAX_KEY, After, Limit, Offset, Words, get_conn, not_found, page_response
from parley.server.schemas import AgreementView, Page
from parley.store import read

router = APIRouter(prefix="/api", tags=["agreements"])
NOT_FOUND = {404: {"description": "No such agreement"}}


@router.get("/agreements", response_model=Page[read.AgreementSummary], summary="Agreements, grouped by parties")
def api_agreements(request: Request, conn: Annotated[Connection, Depends(get_conn)],
                   party: Annotated[str | None, Query(max_length=MAX_KEY,
                                                      description="A party: ISO3 or organisation key.")] = None,
                   kind: Annotated[str | None, Query(max_length=64,
                                                     description="plan, program, treaty, agreement, ...")] = None,
                   contains: Words = None,
                   since: Annotated[int | None, Query(ge=1, le=9999,
                                                      description="In force or signed from this year.")] = None,
                   limit: Limit = 50, offset: Offset = 0, after: After = None):
    return page_response(request, read.agreements_page(conn, party=party, kind=kind, contains=contains, since=since,
                                                       limit=limit, offset=offset, after=after))


# Before the agreement: ``{key:path}`` would take "KEY/sources" as a key.
@router.get("/agreements/{key:path}/sources", response_model=Page[read.SourceRef],
            summary="Every report of an agreement, oldest first", responses=NOT_FOUND)
def api_agreement_sources(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)],
                          limit: Limit = 50, offset: Offset = 0, after: After = None):
    page = read.sources_page(conn, "agreement", key, limit=limit, offset=offset, after=after)
    if page is None:
        return not_found(f"agreement {key!r}", "GET /api/agreements lists the keys")
    return page_response(request, page)


@router.get("/agreements/{key:path}", response_model=AgreementView, summary="One agreement with its sequence",
            responses=NOT_FOUND)
def api_agreement(key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """Parties, signatories, years, the meetings where it was signed, the first few of its
    sources (``sources_count`` counts them all: ``/sources`` under its URL pages them) and of
    each value's, and the chain of plans it belongs to (``chain``, oldest first;
    ``predecessor`` / ``successor``)."""
    view = read.agreement_view(conn, key)
    return not_found(f"agreement {key!r}", "GET /api/agreements lists the keys") if view is None else view
