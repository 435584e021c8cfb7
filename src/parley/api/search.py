"""Search across meetings, people, agreements, statements and documents (the full-text index)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from parley.server.http import MAX_TEXT, Offset, check_words, get_conn, search_links
from parley.server.schemas import SearchOut
from parley.store import read

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=SearchOut, summary="Search everything")
def api_search(request: Request, conn: Annotated[Connection, Depends(get_conn)],
               q: Annotated[str, AfterValidator(check_words),
                            Query(max_length=MAX_TEXT, description="Words, any case, any script; all must match, "
                                                                   "a word of 4 letters or more also matches the "
                                                                   "words it starts (at most 500 characters and 32 "
                                                                   "words: more is refused with 422).")] = "",
               kind: Annotated[str | None, Query(pattern="^(" + "|".join(read.SEARCH_KINDS) + ")$",
                                                 description="Only this kind (to page through it).")] = None,
               limit: Annotated[int, Query(ge=1, le=100, description="At most this many of each kind.")] = 20,
               offset: Offset = 0) -> SearchOut:
    """People (every spelling), meetings (name, place, series, states, participants, topics),
    agreements (titles), statements (speaker and quotation) and documents (title, outlet, text)
    holding all the words, best match first; the people a name gives in any spelling (a
    transliteration, the other script) first among the people, their meetings and statements
    first among those. ``count`` is each kind's total, ``next`` the next page of each kind that
    has more, ``all`` the search of each kind alone (``api``: this endpoint, ``page``: the
    search page)."""
    r = read.search(conn, q, kind=kind, limit=limit, offset=offset)
    nxt = {}
    for plural in r.count:
        if r.more(plural):
            url = request.url.include_query_params(kind=plural, limit=limit, offset=offset + limit)
            nxt[plural] = url.path + "?" + url.query
    return SearchOut.model_validate({**asdict(r), "next": nxt, "all": search_links(q, r.count)})

