"""Finding the keys behind names: a person in any spelling, the meeting a fact was merged into."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.engine import Connection

from parley.kb.keys import person_key
from parley.resolve.names import fold
from parley.store import models as m
from parley.store.read.common import Conn, _chunks


def meeting_keys_for(conn: Conn, refs: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The consolidated meeting each (document, meeting item) belongs to."""
    out: dict[tuple[str, int], str] = {}
    docs = sorted({d for d, _ in refs})
    for chunk in _chunks(docs):
        for r in conn.execute(select(m.MeetingSource.document_id, m.MeetingSource.fact_idx,
                                     m.MeetingSource.meeting_key).where(m.MeetingSource.document_id.in_(chunk))):
            out[(r.document_id, r.fact_idx)] = r.meeting_key
    return {ref: out[ref] for ref in refs if ref in out}


def find_people(conn: Conn, name: str) -> list[str]:
    """Person keys for a name in any spelling (or a key): ``people_named``, else the people with
    a spelling that contains it."""
    found = people_named(conn, name)
    text = name.strip()
    if not found and text:
        pattern = f"%{fold(text)}%"
        found = sorted(set(conn.execute(select(m.PersonAlias.person_key).where(
            m.PersonAlias.alias.like(f"name:{pattern}")).limit(20)).scalars()))
    return found


def people_named(conn: Conn, name: str) -> list[str]:
    """Person keys a name gives: a key as written, the identity key of the name (every spelling
    the registry knows of an official, transliterations folded), a spelling a report used; else
    a spelling close to a known family name ("Wolfowitsch": ``near_spellings``)."""
    text = name.strip()
    if not text:
        return []
    if conn.execute(select(m.Person.key).where(m.Person.key == text)).first():
        return [text]
    found: set[str] = set()
    k = person_key(text)
    if k:
        found |= set(conn.execute(select(m.PersonAlias.person_key).where(m.PersonAlias.alias == f"key:{k}")).scalars())
    found |= set(conn.execute(select(m.PersonAlias.person_key).where(
        m.PersonAlias.alias == f"name:{fold(text)}"[:m.KEY])).scalars())
    return sorted(found) if found or not k else near_spellings(conn, k)


# A family name this long or longer may be matched by a near spelling; shorter ones are too
# alike ("Li", "Lee", "Liu") for a near spelling to say which.
NEAR_MIN = 5
# How alike two family keys must be (difflib's ratio: 2 * matching characters / both lengths):
# "volfovitsch" (Wolfowitsch, as German writes it) and "volfovich" are 0.9.
NEAR_RATIO = 0.8


def near_spellings(conn: Conn, identity_key: str) -> list[str]:
    """The people whose family key is nearest to ``identity_key``'s (``family:initial``), when
    near enough: a transliteration the folding rules do not know. Only keys sharing the first
    three letters are compared (an index range), and the initials must agree when both have one."""
    fam, _, initial = identity_key.partition(":")
    if len(fam) < NEAR_MIN:
        return []
    start = f"key:{fam[:3]}"
    best: dict[str, float] = {}
    for alias, person in conn.execute(select(m.PersonAlias.alias, m.PersonAlias.person_key).where(
            m.PersonAlias.alias >= start, m.PersonAlias.alias < start + "\U0010ffff").limit(2000)):
        other, _, other_initial = alias[4:].partition(":")
        if initial and other_initial and initial != other_initial:
            continue
        ratio = SequenceMatcher(None, fam, other).ratio()
        if ratio >= NEAR_RATIO:
            best[person] = max(ratio, best.get(person, 0.0))
    top = max(best.values(), default=0.0)
    return sorted(p for p, r in best.items() if r == top)


def person_alias_keys(conn: Conn, person_keys: list[str]) -> list[str]:
    """Every identity key that names these persons in meetings (theirs and their spellings')."""
    if not person_keys:
        return []
    keys = set(person_keys)
    for a in conn.execute(select(m.PersonAlias.alias).where(m.PersonAlias.person_key.in_(person_keys),
                                                            m.PersonAlias.alias.startswith("key:"))).scalars():
        keys.add(a[4:])
    return sorted(keys)


def person_keys_by_alias(conn: Connection, identity_keys: list[str]) -> dict[str, str]:
    """Identity keys as meetings store them ("shoigu:s") -> the person's key in ``people``."""
    if not identity_keys:
        return {}
    out = {k: k for k in conn.execute(select(m.Person.key).where(m.Person.key.in_(identity_keys))).scalars()}
    aliases = [f"key:{k}" for k in identity_keys]
    for a, pk in conn.execute(select(m.PersonAlias.alias, m.PersonAlias.person_key)
                              .where(m.PersonAlias.alias.in_(aliases)).order_by(m.PersonAlias.person_key)):
        out.setdefault(a[4:], pk)
    return out


def placed_at_meeting(source: type) -> ColumnElement[bool]:
    """Join condition from a statement's or agreement's source (``StatementSource``,
    ``AgreementSource``) to the meeting its report places it at (the report's meeting item)."""
    return and_(m.MeetingSource.document_id == source.document_id, m.MeetingSource.fact_idx == source.meeting_idx)


def keys_at_meeting(source: type, owner: ColumnElement[str], meeting: str) -> Select:
    """The keys (``owner``, a column of ``source``) of what reports place at ``meeting``."""
    return select(owner).join(m.MeetingSource, placed_at_meeting(source)).where(m.MeetingSource.meeting_key == meeting)


def meeting_labels(conn: Conn, keys: Iterable[str]) -> dict[str, str]:
    """The canonical label of each of these meetings (how pages name a meeting they link to)."""
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(keys))):
        out.update(conn.execute(select(m.Meeting.key, m.Meeting.label).where(m.Meeting.key.in_(chunk))).all())
    return {k: v for k, v in out.items() if v}
