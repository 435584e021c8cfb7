"""Agreements: listing, and one agreement with its sequence of predecessors and successors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.engine import Connection

from parley.api.common import (
    MAX_KEY,
    Limit,
    Offset,
    Words,
    get_conn,
    json_response,
    not_found,
    paged,
)
from parley.api.schemas import AgreementView, Page
from parley.store import read
from parley.store.corrections import list_corrections

router = APIRouter(prefix="/api", tags=["agreements"])


def agreements_page(conn: Connection, party: str | None, kind: str | None, contains: str | None,
                    since: int | None, limit: int, offset: int) -> tuple[list[read.AgreementSummary], bool]:
    rows = read.list_agreements(conn, party=(party or "").strip() or None, kind=(kind or "").strip() or None,
                             contains=(contains or "").strip() or None, since=since, limit=offset + limit + 1)
    return rows[offset:offset + limit], len(rows) > offset + limit


def agreement_view(request: Request, conn: Connection, key: str) -> dict[str, Any] | None:
    detail = read.get_agreement(conn, key)
    if detail is None:
        return None
    read.enrich_sources(conn, [detail.fields])
    corrections = [c.to_dict() for c in list_corrections(conn, target_kind="agreement", target_key=detail.key)]
    return {"agreement": detail, "corrections": corrections}


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
    items, more = agreements_page(conn, party, kind, contains, since, limit, offset)
    return paged(request, items, limit=limit, offset=offset, more=more)


@router.get("/agreements/{key:path}", response_model=AgreementView, summary="One agreement with its sequence",
            responses={404: {"description": "No such agreement"}})
def api_agreement(request: Request, key: str, conn: Annotated[Connection, Depends(get_conn)]):
    """Parties, signatories, years, the meetings where it was signed, its sources, and the chain
    of plans it belongs to (``chain``, oldest first; ``predecessor`` / ``successor``)."""
    view = agreement_view(request, conn, key)
    if view is None:
        return not_found(f"agreement {key!r}", "GET /api/agreements lists the keys")
    return json_response(view)
