"""Names for the domain's codes and keys, in English: states by ISO 3166-1 alpha-3 code,
series and topics by key (the code or key itself when the domain data does not know it)."""

from __future__ import annotations

from parley.domain.registry import get_domain


def state_name(iso: str | None) -> str:
    """The English name of a state by ISO 3166-1 alpha-3 code (the code when unknown)."""
    if not iso:
        return ""
    e = get_domain().states.get(iso)
    return e["name"] if e else iso


def series_name(key: str | None) -> str:
    if not key:
        return ""
    s = get_domain().series.get(key)
    return s.name if s else key


def topic_name(key: str) -> str:
    return key.replace("_", " ")
