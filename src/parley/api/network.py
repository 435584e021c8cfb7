"""The co-attendance network of states and people."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.engine import Connection

from parley.server.http import MAX_KEY, MAX_OFFSET, DateQ, get_conn
from parley.server.schemas import NetworkOut
from parley.store import read

router = APIRouter(prefix="/api", tags=["network"])


@router.get("/network", response_model=NetworkOut, summary="States and people linked by co-attendance")
def api_network(conn: Annotated[Connection, Depends(get_conn)],
                series: Annotated[str | None, Query(max_length=MAX_KEY,
                                                    description="Only meetings of this series.")] = None,
                since: DateQ = None,
                until: DateQ = None,
                kinds: Annotated[str, Query(pattern="^(person|state|organization)(,(person|state|organization))*$",
                                            description="Which members are nodes, comma-separated.")] = "person,state",
                min_weight: Annotated[int, Query(ge=1, le=MAX_OFFSET, description="Only links shared at this many meetings.")] = 1,
                max_nodes: Annotated[int, Query(ge=2, le=1000, description="Keep the members with most meetings.")] = 150,
                max_edges: Annotated[int, Query(ge=1, le=5000, description="Keep the heaviest links.")] = read.MAX_EDGES):
    """Nodes are states and people (``meetings``: how many meetings they attended); an edge joins
    two members of the same meeting, ``weight`` = the number of meetings they shared; counted in
    the database over the meetings the filters let through."""
    return read.network(conn, read.MeetingFilters(series or None, since or None, until or None),
                        kinds=tuple(dict.fromkeys(kinds.split(","))), min_weight=min_weight, max_nodes=max_nodes,
                        max_edges=max_edges)
