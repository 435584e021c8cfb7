"""Search across meetings, people, agreements, statements (full text) and documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from parley.server.http import MAX_TEXT, check_words, get_conn, json_response
from parley.server.schemas import SearchOut
from parley.store import read

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=SearchOut, summary="Search everything")
def api_search(conn: Annotated[Connection, Depends(get_conn)],
               q: Annotated[str, AfterValidator(check_words),
                            Query(max_length=MAX_TEXT, description="Words, any case, any script; all must match "
                                                                   "(at most 500 characters and 32 words: more "
                                                                   "is refused with 422).")] = "",
               limit: Annotated[int, Query(ge=1, le=100, description="At most this many of each kind.")] = 20):
    """Meetings (name, place, series, key), people (any spelling), agreements (titles),
    statements (the full text of the quotation) and documents (title, outlet) that contain all
    the words."""
    return json_response(read.search(conn, q, limit=limit))
