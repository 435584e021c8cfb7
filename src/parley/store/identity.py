"""Making identity judgements: "this meeting (person) is the same as that one", "... is not the
same as that one", "this record holds several: these reports are one, those another".

Checked against the record (both records exist and differ, the documents named are the
record's own) and anchored on the source facts of each side as they are now (document, item,
subject), so they find their facts again after re-ingestion renumbers items or new reports change
the records' keys. ``parley.kb.identity`` applies them at every consolidation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from parley.errors import CorrectionError
from parley.store import models as m
from parley.store.judgements import ENTITY_TABLE, anchor_sides

KINDS = ("meeting", "person")
_SOURCE_KEY = {"meeting": m.MeetingSource.meeting_key, "person": m.PersonSource.person_key}
_LIST_HINT = {"meeting": "`parley meetings` lists them", "person": "`parley person NAME` shows keys"}


@dataclass(frozen=True)
class Judgement:
    target_key: str
    new_value: Any  # the other record's key, or its documents (same record), or split's groups
    anchor: dict[str, Any]
    documents: set[str]  # whose facts it places: their blocks are recomputed


def find_entity(conn: Connection, kind: str, key: str):
    """The entity row a key names: exactly, else as the unique key it begins."""
    table = ENTITY_TABLE[kind]
    row = conn.execute(select(table).where(table.key == key)).first()
    if row is not None:
        return row
    near = conn.execute(select(table.key).where(table.key.startswith(key, autoescape=True))
                        .order_by(table.key).limit(6)).scalars().all()
    if len(near) == 1:
        return conn.execute(select(table).where(table.key == near[0])).first()
    hint = f"; did you mean: {', '.join(near)}" if near else f"; {_LIST_HINT.get(kind, f'`parley {kind}s` lists them')}"
    raise CorrectionError(f"no {kind} {key!r}{hint}")


def make_judgement(conn: Connection, kind: str, key: str, action: str, value: Any) -> Judgement:
    if kind not in KINDS:
        raise CorrectionError(f"{action} is a judgement on meetings and people, not on a {kind}")
    row = find_entity(conn, kind, key)
    facts = _source_facts(conn, kind, row.key)
    if action == "split":
        groups = [_documents_of(conn, kind, row.key, facts, tokens) for tokens in _groups(value)]
        if len(groups) < 2:
            raise CorrectionError("a split needs at least two groups of reports (--split DOCS --split DOCS); "
                                  "the reports not listed stay with the first group")
        seen: set[str] = set()
        for g in groups:
            if seen & set(g):
                raise CorrectionError(f"document {sorted(seen & set(g))[0][:12]} is in two groups; list each once")
            seen |= set(g)
        sides = [[f for f in facts if f[0] in g] for g in groups]
        sides[0] += [f for f in facts if f[0] not in seen]
        return _judgement(row.key, groups, sides, row.block)
    if not isinstance(value, str | list) or not value:
        raise CorrectionError(f"{action} needs the other {kind}'s key")
    other = _other(conn, kind, row, facts, value, action)
    if isinstance(other, list):  # the other's reports, in this same record
        mine = [f for f in facts if f[0] not in other]
        if not mine:
            raise CorrectionError(f"those are all of {row.key}'s reports: name the ones of the other {kind} only")
        return _judgement(row.key, other, [mine, [f for f in facts if f[0] in other]], row.block)
    if action == "same_as" and not _source_facts(conn, kind, other.key):
        raise CorrectionError(f"{kind} {other.key} has no reports to join")
    block = row.block if action == "same_as" and other.block != row.block else None
    return _judgement(row.key, other.key, [facts, _source_facts(conn, kind, other.key)], row.block, block)


def _judgement(key: str, new_value: Any, sides: list[list[tuple[str, int, str | None, str]]], block: str,
               move_to: str | None = None) -> Judgement:
    first = sides[0][0] if sides[0] else None
    anchor: dict[str, Any] = {"document": first[0] if first else None, "item": first[1] if first else None,
                              "sides": [[[d, i, s] for d, i, s, _ in side] for side in sides]}
    if move_to:
        anchor["block"] = move_to  # the other side's facts are consolidated in this record's block
    return Judgement(key, new_value, anchor, {d for side in sides for d, *_ in side})


def judgement_documents(anchor: dict[str, Any] | None) -> set[str]:
    return {d for side in anchor_sides(anchor) for d, _, _ in side}


def _other(conn: Connection, kind: str, row, facts, value: str | list, action: str):
    """The other side: another record (its row), or, for not_same_as, documents of this one (two
    people in one record today, merged by their name: the other's reports name the other)."""
    own = CorrectionError(f"{str(value)!r} names {row.key} itself" + (
        f"; when it holds two {kind}s, name the other's reports (document ids, prefixes or names), or split it"
        if action == "not_same_as" else f"; name another {kind}"))
    if isinstance(value, list) or "," in value:
        if action != "not_same_as":
            raise CorrectionError(f"{action} takes one other {kind}'s key")
        return _documents_of(conn, kind, row.key, facts, _tokens(value))
    table = ENTITY_TABLE[kind]
    text = value.strip()
    exact = conn.execute(select(table).where(table.key == text)).first()
    if exact is not None:
        if exact.key == row.key:
            raise own
        return exact
    if action == "not_same_as" and _is_own_document(conn, facts, text):
        return _documents_of(conn, kind, row.key, facts, [text])
    found = find_entity(conn, kind, text)
    if found.key == row.key:
        raise own
    return found


def _is_own_document(conn: Connection, facts, token: str) -> bool:
    try:
        _documents_of(conn, "", "", facts, [token])
    except CorrectionError:
        return False
    return True


def _source_facts(conn: Connection, kind: str, key: str) -> list[tuple[str, int, str | None, str]]:
    """The record's source facts: (document, item, subject, block), in document order."""
    src = m.SOURCES[kind]
    return [tuple(r) for r in conn.execute(
        select(src.document_id, src.fact_idx, m.Fact.subject, m.Fact.block)
        .join(m.Fact, (m.Fact.document_id == src.document_id) & (m.Fact.idx == src.fact_idx) & (m.Fact.kind == kind))
        .where(_SOURCE_KEY[kind] == key).order_by(src.document_id, src.fact_idx))]


def _tokens(value: str | list) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t.strip() for item in items for t in str(item).split(",") if t.strip()]


def _groups(value: Any) -> list[list[str]]:
    """Split's groups: a list of groups, each a list of documents or one comma-separated string."""
    if not isinstance(value, list) or not all(isinstance(g, str | list) for g in value):
        raise CorrectionError("split takes groups of reports: a list of lists of document ids, prefixes or names "
                              '(e.g. [["d01", "d07"], ["d12"]])')
    groups = [_tokens(g) for g in value]
    if any(not g for g in groups):
        raise CorrectionError("a group of a split is empty: list at least one document in each")
    return groups


def _documents_of(conn: Connection, kind: str, key: str, facts, tokens: list[str]) -> list[str]:
    """The record's documents these name (a whole id, a unique id prefix, or a document's name as
    `parley document show` prints it), sorted; an error says which one is not the record's."""
    ids = sorted({f[0] for f in facts})
    names = dict(conn.execute(select(m.Document.id, m.Document.name).where(m.Document.id.in_(ids))).all()) \
        if ids else {}
    out: set[str] = set()
    for t in tokens:
        found = [d for d in ids if d == t] or [d for d in ids if names.get(d) == t] or \
            [d for d in ids if d.startswith(t)]
        if len(found) > 1:
            raise CorrectionError(f"{t!r} names {len(found)} of {key}'s documents: give more of the id")
        if not found:
            listed = sorted(names.get(d) or d[:12] for d in ids)
            shown = ", ".join(listed[:8]) + (" ..." if len(listed) > 8 else "")
            raise CorrectionError(f"{t!r} is not one of the documents of {kind} {key} ({shown})")
        out.add(found[0])
    return sorted(out)
