"""The review queue and corrections: read openly, written with a token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy.engine import Connection

from parley.server.auth import writer
from parley.server.http import After, Limit, Offset, correct, get_conn, page_response, revert
from parley.server.schemas import MAX_KEY, CorrectionIn, Page, RevertIn
from parley.server.tokens import TokenInfo
from parley.store import read
from parley.store.judgements import CorrectionView

router = APIRouter(prefix="/api", tags=["review"])


# Correction ids are 64-bit integers in the database; a path id past 2^53 (also the largest a
# JavaScript client keeps exactly) cannot name one, and would overflow the driver before that.
CorrectionId = Annotated[int, Path(ge=1, le=2**53, description="The correction's id (`GET /api/corrections`).")]


@router.get("/review", response_model=Page[read.ReviewItem], summary="Facts to review: conflicts, then low confidence")
def api_review(request: Request, conn: Annotated[Connection, Depends(get_conn)],
               below: Annotated[float, Query(ge=0, le=1, description="Confidence under which a fact is listed.")] = 0.7,
               limit: Limit = 50, offset: Offset = 0, after: After = None):
    """Unresolved conflicts first, then low-confidence meetings, agreements, statements and
    people; reviewed and rejected ones are left out; ``count`` is the whole queue. Each item
    carries its open ``conflicts`` (every value with how many documents give it and its first
    sources, ``sources_total`` saying how many there are) and ``evidence`` (its first source's
    spans). ``failed_blocks`` lists the blocks whose consolidation failed (their documents and
    the error): they show what they held before until the cause is fixed (a document removed, a
    correction reverted)."""
    from parley.store.blocks import failed_blocks

    page = read.review_page(conn, below=below, limit=limit, offset=offset, after=after)
    return page_response(request, page,
                         extra={"below": below, "failed_blocks": [f.to_dict() for f in failed_blocks(conn)]})


@router.get("/corrections", response_model=Page[CorrectionView], summary="Every correction, newest first")
def api_corrections(request: Request, conn: Annotated[Connection, Depends(get_conn)],
                    target_kind: Annotated[str | None, Query(max_length=16, description="meeting, person, agreement, "
                                                                                       "statement, fact")] = None,
                    target_key: Annotated[str | None, Query(max_length=MAX_KEY,
                                                            description="Only this target.")] = None,
                    limit: Limit = 50, offset: Offset = 0, after: After = None):
    """Who changed what, when and why; ``status`` says whether it still applies (applied,
    reverted, orphaned when its target is no longer in the record, or revert); ``count`` is
    the number of corrections the filter matches."""
    page = read.corrections_page(conn, limit=limit, offset=offset, after=after, target_kind=target_kind,
                                 target_key=target_key)
    return page_response(request, page)


@router.post("/corrections", response_model=CorrectionView, status_code=201, summary="Accept, reject or edit a fact; judge a record's identity",
             responses={400: {"description": "The correction cannot be made (the message says why)"},
                        401: {"description": "No valid token"}})
def api_correct(request: Request, body: CorrectionIn, who: Annotated[TokenInfo, Depends(writer)]):
    """Record a correction (the token's name is its author) and re-consolidate: an accepted
    entity leaves the review queue, a rejected one is hidden, an edited value is shown as chosen
    with the correction as its source. A meeting or a person can be judged ``same_as`` another
    (merged), ``not_same_as`` another (kept apart) or ``split`` by groups of its documents.
    Corrections survive re-ingestion."""
    return correct(request.app.state.store, body, who.name)


@router.post("/corrections/{correction_id}/revert", response_model=CorrectionView, status_code=201,
             summary="Undo a correction (a revert record is added)")
def api_revert(request: Request, correction_id: CorrectionId, body: RevertIn,
               who: Annotated[TokenInfo, Depends(writer)]):
    return revert(request.app.state.store, correction_id, body.reason, who.name)
