"""The full-text index that search reads: one ``search_entries`` row per searchable thing
(a current document, a meeting, a person, an agreement, a statement), indexed by the database
itself: SQLite FTS5 (one external-content table per kind over ``search_entries``, kept in step by
triggers), PostgreSQL a GIN index on a generated, weighted ``tsvector`` column ('simple'
configuration).

The words are folded here, in Python, for both databases (lower case, no diacritics, "ё" as "е",
punctuation as spaces), and the query is folded the same way, so the two databases find the same
things and no user input is ever parsed as query syntax.

Kept current by ingest (a document stored, re-extracted, superseded: ``index_document``,
``unindex_documents``) and by consolidation (a block's entities rebuilt: ``index_block``).
Documents removed by a correction stay indexed and are left out when searched (the removal can
be reverted). ``index_all`` fills the index of a store created before it (migration 0006).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, literal_column, select, text
from sqlalchemy.engine import Connection

from parley.domain.labels import series_name
from parley.resolve.names import fold
from parley.store import models as m

KINDS = ("meeting", "person", "agreement", "statement", "document")
# A document's body is indexed up to this many characters: PostgreSQL refuses a tsvector over
# 1 MB, and the start of a report is what ranks it.
MAX_BODY = 200_000
# The prefix of every SQLite FTS5 table (and its shadow tables), and PostgreSQL's generated
# column of each entry's tsvector and its GIN index: made by migration 0006, not part of the models (the same
# schema serves both databases), so schema comparisons leave them out (``include_name``).
FTS_PREFIX = "search_fts_"
PG_COLUMN, PG_INDEX = "words", "ix_search_entries_words"
# Title words weigh ten times body words (SQLite bm25 column weights; PostgreSQL weights A and D).
PG_VECTOR = "setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'D')"
_WORD = re.compile(r"[^\W_]+")


def words(value: str | None) -> list[str]:
    """The words of ``value`` as both indexes hold them: folded, split at anything not a letter or digit."""
    return _WORD.findall(fold(value).replace("ё", "е")) if value else []


def _text(*values: str | None) -> str:
    return " ".join(w for v in values for w in words(v))


def include_name(name: str | None, type_: str, parent: dict[str, str | None]) -> bool:
    """Alembic's ``include_name``: what schema comparisons look at; not what the database's
    full-text engine holds (SQLite FTS5 tables, PostgreSQL's tsvector column), which migration
    0006 makes and the models do not hold."""
    if type_ == "table":
        return not (name or "").startswith(FTS_PREFIX)
    if type_ == "index":
        return name != PG_INDEX
    return not (type_ == "column" and name == PG_COLUMN and parent.get("table_name") == "search_entries")


# --------------------------------------------------------------------------- schema (migration 0006)


def create_index(conn: Connection) -> None:
    """The database's index over ``search_entries`` (the table itself comes from the models)."""
    if conn.dialect.name == "sqlite":
        for kind in KINDS:
            t = FTS_PREFIX + kind
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE {t} USING fts5(title, body, content='search_entries', content_rowid='id', "
                "tokenize='unicode61 remove_diacritics 2')")
            add = f"INSERT INTO {t}(rowid, title, body) VALUES (new.id, new.title, new.body);"
            drop = f"INSERT INTO {t}({t}, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);"
            conn.exec_driver_sql(f"CREATE TRIGGER {t}_ai AFTER INSERT ON search_entries "
                                 f"WHEN new.kind = '{kind}' BEGIN {add} END")
            conn.exec_driver_sql(f"CREATE TRIGGER {t}_ad AFTER DELETE ON search_entries "
                                 f"WHEN old.kind = '{kind}' BEGIN {drop} END")
            conn.exec_driver_sql(f"CREATE TRIGGER {t}_au AFTER UPDATE ON search_entries "
                                 f"WHEN old.kind = '{kind}' BEGIN {drop} {add} END")
    else:
        # Stored, not an expression index: ranking reads each match's vector instead of parsing its text again.
        conn.exec_driver_sql(f"ALTER TABLE search_entries ADD COLUMN {PG_COLUMN} tsvector "
                             f"GENERATED ALWAYS AS ({PG_VECTOR}) STORED")
        conn.exec_driver_sql(f"CREATE INDEX {PG_INDEX} ON search_entries USING gin ({PG_COLUMN})")


def drop_index(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for kind in KINDS:
            for suffix in ("_ai", "_ad", "_au"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS_PREFIX}{kind}{suffix}")
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_PREFIX}{kind}")
    else:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {PG_INDEX}")
        conn.exec_driver_sql(f"ALTER TABLE search_entries DROP COLUMN IF EXISTS {PG_COLUMN}")


# --------------------------------------------------------------------------- upkeep


def index_document(conn: Connection, doc_id: str) -> None:
    """(Re)index one current document as stored: its title, outlet and name, and its text."""
    unindex_documents(conn, [doc_id])
    conn.execute(insert(m.SearchEntry), _document_entries(conn, [m.Document.id == doc_id]))


def unindex_documents(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Documents no longer searched (superseded by a new version)."""
    if doc_ids:
        conn.execute(delete(m.SearchEntry).where(m.SearchEntry.kind == "document",
                                                 m.SearchEntry.key.in_(list(doc_ids))))


def index_block(conn: Connection, kind: str, block: str) -> None:
    """Replace the entries of one consolidated block with its entities as they are now stored
    (rejected ones are not searched)."""
    conn.execute(delete(m.SearchEntry).where(m.SearchEntry.kind == kind, m.SearchEntry.block == block))
    rows = _entity_entries(conn, kind, [block])
    if rows:
        conn.execute(insert(m.SearchEntry), rows)


def index_all(conn: Connection, batch: int = 2000) -> None:
    """Fill the index from scratch: every current document and every entity."""
    conn.execute(delete(m.SearchEntry))
    for kind in KINDS[:-1]:
        blocks = list(conn.execute(select(m.DERIVED[kind][0].block).distinct()).scalars())
        for i in range(0, len(blocks), batch):
            rows = _entity_entries(conn, kind, blocks[i:i + batch])
            if rows:
                conn.execute(insert(m.SearchEntry), rows)
    ids = list(conn.execute(select(m.Document.id).where(m.Document.superseded_by.is_(None))
                            .order_by(m.Document.id)).scalars())
    for i in range(0, len(ids), batch):
        rows = _document_entries(conn, [m.Document.id.in_(ids[i:i + batch])])
        if rows:
            conn.execute(insert(m.SearchEntry), rows)


def _document_entries(conn: Connection, where: list[Any]) -> list[dict[str, Any]]:
    q = select(m.Document.id, m.Document.name, m.Document.title, m.Document.outlet,
               func.substr(m.Document.raw_text, 1, MAX_BODY).label("text")).where(*where)
    return [{"kind": "document", "key": r.id, "block": None, "title": _text(r.title, r.outlet, r.name),
             "body": _text(r.text)} for r in conn.execute(q)]


_WORDS_OF = {"meeting": ("name", "place", "series"), "person": ("name", "aliases"),
             "agreement": ("title", "title_en", "parties"), "statement": ("speaker", "quote")}


def _entity_entries(conn: Connection, kind: str, blocks: list[str]) -> list[dict[str, Any]]:
    """The entries of the entities of ``blocks``: title (what names it) and body (what else it is known by)."""

    table = m.DERIVED[kind][0]
    cols = [getattr(table, c) for c in ("key", "block", *_WORDS_OF[kind])]  # not the flags and fields (JSON)
    rows = list(conn.execute(select(*cols).where(table.block.in_(blocks), table.rejected.is_(False))))
    out = []
    if kind == "meeting":
        labels = _meeting_labels(conn, [r.key for r in rows])
        for r in rows:
            out.append((r.key, r.block, _text(r.name),
                        _text(r.place, *place_names().get(r.place or "", ()), series_name(r.series), r.key,
                              *labels.get(r.key, ()))))
    elif kind == "person":
        out = [(r.key, r.block, _text(r.name), _text(*(r.aliases or []))) for r in rows]
    elif kind == "agreement":
        out = [(r.key, r.block, _text(r.title, r.title_en), _text(r.key, *(r.parties or []))) for r in rows]
    else:
        out = [(r.key, r.block, _text(r.speaker), _text(r.quote)) for r in rows]
    return [{"kind": kind, "key": k, "block": b, "title": t, "body": body} for k, b, t, body in out]


@cache
def place_names() -> dict[str, list[str]]:
    """Every name of each place the registry knows, by each of its names: a meeting in "Moscow"
    is found as "Москва" too, one in "Минск" (as a Russian report placed it) as "Minsk"."""
    from parley.domain.registry import get_domain

    out: dict[str, list[str]] = {}
    for p in get_domain().places:
        names = list(dict.fromkeys([p["name"], *p.get("names_en", []), *p.get("names_ru", [])]))
        for n in names:
            out.setdefault(n, names)
    return out


def _meeting_labels(conn: Connection, keys: list[str]) -> dict[str, list[str]]:
    """What a meeting's members are called: states in English and Russian, people and organisations
    as the reports name them, topics."""
    from parley.domain.registry import get_domain

    states = get_domain().states
    out: dict[str, list[str]] = defaultdict(list)
    for i in range(0, len(keys), 500):
        for r in conn.execute(select(m.MeetingMember.meeting_key, m.MeetingMember.kind, m.MeetingMember.value,
                                     m.MeetingMember.label).where(m.MeetingMember.meeting_key.in_(keys[i:i + 500]))):
            if r.kind == "state":
                e = states.get(r.value) or {}
                out[r.meeting_key] += [r.value, e.get("name") or "", *(e.get("names_ru") or [])]
            else:
                out[r.meeting_key].append(r.label.replace("_", " ") if r.kind == "topic" else r.label)
    return out


# --------------------------------------------------------------------------- reading

# At most this many matches of one kind are ranked: a word that most documents hold ranks the
# newest entries that hold it (bm25 or ts_rank is computed for every ranked row: ranking 90,000
# matches of a common word costs more than a read may take, and such a word tells them apart
# little anyway). Fewer matches are all ranked; a page further down widens the window.
RANKED = 5_000
# A term of at least this many letters also matches the longer words it starts ("Минск" finds
# "Минске", "Volfovich" "Volfovich's"); a shorter one only itself: a prefix is merged from
# every word that starts with it, and "s" or "20" start most of them.
PREFIX_MIN = 4


def _prefix(term: str) -> bool:
    return len(term) >= PREFIX_MIN


def match(conn: Connection, kind: str, terms: list[str], limit: int, offset: int,
          exclude: Iterable[str] = ()) -> tuple[list[str], int]:
    """The keys of one kind's entries holding every term (a term of 4 letters or more also
    matches the words it starts), best match first, one page of them; and how many there are
    in all. ``exclude``: keys left out (documents removed from the record)."""
    if not terms:
        return [], 0
    index = _Sqlite(conn, kind, terms, list(exclude)) if conn.dialect.name == "sqlite" \
        else _Postgres(conn, kind, terms, list(exclude))
    total = index.count()
    if offset >= total:
        return [], total
    window = max(RANKED, offset + limit)
    ids = index.ranked(limit, offset, index.newest(window) if total > window else None)
    keys = dict(conn.execute(select(m.SearchEntry.id, m.SearchEntry.key).where(m.SearchEntry.id.in_(ids))).all()) \
        if ids else {}
    return [keys[i] for i in ids if i in keys], total


class _Sqlite:
    """FTS5: the query is each term quoted (never parsed as query syntax), a prefix or not; bm25 with
    the title ten times the body."""

    def __init__(self, conn: Connection, kind: str, terms: list[str], exclude: list[str]) -> None:
        self.conn, self.t = conn, FTS_PREFIX + kind
        self.where = f"{self.t} MATCH :q"
        self.params: dict[str, Any] = {"q": " ".join(f'"{t}"*' if _prefix(t) else f'"{t}"' for t in terms)}
        if exclude:
            self.where += " AND rowid NOT IN (SELECT id FROM search_entries WHERE kind = :kind AND key IN :exclude)"
            self.params |= {"kind": kind, "exclude": exclude}

    def _run(self, sql: str, **params: Any):
        stmt = text(sql)
        if "exclude" in self.params:
            stmt = stmt.bindparams(bindparam("exclude", expanding=True))
        return self.conn.execute(stmt, {**self.params, **params})

    def count(self) -> int:
        return int(self._run(f"SELECT count(*) FROM {self.t} WHERE {self.where}").scalar() or 0)

    def newest(self, n: int) -> int:
        return int(self._run(f"SELECT rowid FROM {self.t} WHERE {self.where} ORDER BY rowid DESC "
                             "LIMIT 1 OFFSET :n", n=n - 1).scalar() or 0)

    def ranked(self, limit: int, offset: int, floor: int | None) -> list[int]:
        since = " AND rowid >= :floor" if floor is not None else ""
        return [r[0] for r in self._run(
            f"SELECT rowid, bm25({self.t}, 10.0, 1.0) AS score FROM {self.t} WHERE {self.where}{since} "
            "ORDER BY score, rowid LIMIT :limit OFFSET :offset", floor=floor, limit=limit, offset=offset)]


class _Postgres:
    """A tsquery of the terms (prefixes or not), AND-ed (each term is letters and digits only, so
    quoting it cannot change the syntax); ts_rank of the weighted vector the GIN index holds."""

    def __init__(self, conn: Connection, kind: str, terms: list[str], exclude: list[str]) -> None:
        self.conn = conn
        self.vector = literal_column(f"search_entries.{PG_COLUMN}")
        terms_q = " & ".join(f"'{t}':*" if _prefix(t) else f"'{t}'" for t in terms)
        self.query = func.to_tsquery(literal_column("'simple'"), terms_q)
        self.where = [m.SearchEntry.kind == kind, self.vector.op("@@")(self.query)]
        if exclude:
            self.where.append(m.SearchEntry.key.not_in(exclude))

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(m.SearchEntry).where(*self.where)).scalar() or 0)

    def newest(self, n: int) -> int:
        return int(self.conn.execute(select(m.SearchEntry.id).where(*self.where).order_by(m.SearchEntry.id.desc())
                                     .limit(1).offset(n - 1)).scalar() or 0)

    def ranked(self, limit: int, offset: int, floor: int | None) -> list[int]:
        where = [*self.where, m.SearchEntry.id >= floor] if floor is not None else self.where
        return list(self.conn.execute(select(m.SearchEntry.id).where(*where).order_by(
            func.ts_rank(self.vector, self.query).desc(), m.SearchEntry.id).limit(limit).offset(offset)).scalars())
