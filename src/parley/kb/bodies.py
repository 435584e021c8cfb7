"""Which body meets: a meeting fact's series or its ``body`` name as (body key, organisation)
pairs of the domain registry, so that a report naming the series and one naming only the body
("the Security Council secretaries", no organisation) can be told to be about the same body.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from parley.resolve.names import fold

Body = frozenset[tuple[str, str | None]]  # the (body key, organisation) pairs a name stands for


@cache
def _names() -> dict[str, Body]:
    from parley.domain.registry import get_domain

    d = get_domain()
    out: dict[str, set[tuple[str, str | None]]] = {}
    for key, body in d.bodies_by_key.items():
        for org, name in body.names.items():
            out.setdefault(name, set()).add((key, org or None))
    return {name: frozenset(pairs) for name, pairs in out.items()}


@cache
def _series_body(series: str) -> Body | None:
    from parley.domain.registry import get_domain

    s = get_domain().series.get(series)
    return frozenset({(s.body, s.organization)}) if s else None


def meeting_body(data: dict[str, Any]) -> Body | None:
    """The body a meeting fact is of: its series' body, else its ``body`` name's (a name the
    registry does not know stands for itself, with no organisation)."""
    series = data.get("series")
    if isinstance(series, str) and series:
        b = _series_body(series)
        if b is not None:
            return b
    name = data.get("body")
    if not isinstance(name, str) or not name.strip():
        return None
    return _names().get(name) or frozenset({(fold(name).strip(), None)})


def same_body(a: Body, b: Body) -> bool:
    """One body meeting: the same body key, in the same organisation or with one of the two
    naming no organisation."""
    return any(ka == kb and (oa == ob or oa is None or ob is None) for ka, oa in a for kb, ob in b)
