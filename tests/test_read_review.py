"""The review queue, the corrections and the documents read in SQL: filtered, sorted and paged by
the database (count = the total, a cursor behind `next`), each page's details in a fixed number of
queries whatever its size, document ids found through the primary key's index."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select

from parley.server.app import create_app
from parley.store import models as m
from parley.store import read
from parley.store.corrections import add_correction, revert_correction
from parley.store.db import open_store
from parley.store.derived import SOURCES_PER_VALUE
from parley.store.ingest import Incoming, ingest
from parley.store.judgements import list_corrections
from test_store_robust import doc_id, record

CIS = "cis-security-council-secretaries"


def _records() -> list[dict[str, Any]]:
    """Meeting 14 reported by six outlets, five saying it began on the 14th and one on the 15th
    (an open conflict on `start`), and meetings 1-9 of another series once each."""
    recs = [record(doc_id(i), outlet=f"Outlet {i}") for i in range(5)]
    recs.append(record(doc_id(5), start="2026-10-15", outlet="Regional Wire"))
    for n in range(1, 10):
        recs.append(record(doc_id(100 + n), series="csto-security-council-secretaries", ordinal=n,
                           start=f"20{10 + n}-05-0{n}", place="Yerevan", country="ARM"))
    return recs


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "kb.db"))
    report = ingest(s, [Incoming(copy.deepcopy(r), None, f"test:{i}") for i, r in enumerate(_records())])
    assert report.failures == [] and not report.consolidation.failures
    yield s
    s.close()


@contextmanager
def counted(conn) -> Iterator[list[str]]:
    """The SQL statements run on ``conn`` inside the block."""
    seen: list[str] = []

    def count(*args: Any) -> None:
        if args[2] != "BEGIN":
            seen.append(args[2])

    event.listen(conn, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(conn, "before_cursor_execute", count)


def _queue(conn, **kw) -> list[tuple[str, str]]:
    return [(i.kind, i.key) for i in read.review_page(conn, below=1.0, limit=500, **kw).items]


def test_the_queue_puts_open_conflicts_first_then_the_lowest_confidence_and_counts_all(store):
    with store.connect() as conn:
        page = read.review_page(conn, below=1.0, limit=500)
        # the agreements (signed on the 14th or the 15th) and the meeting, by confidence, then the others
        assert [(i.kind, i.reasons[0]) for i in page.items[:3]] == [
            ("agreement", "conflict signed"), ("agreement", "conflict signed"), ("meeting", "conflict start")]
        assert page.items[0].confidence <= page.items[1].confidence
        first = page.items[2]
        rest = page.items[3:]
        assert all(not r.reasons[0].startswith("conflict") for r in rest)
        assert [r.confidence for r in rest] == sorted(r.confidence for r in rest)
        assert page.total == len(page.items) and not page.more
        # the counted column is what consolidation found among the flags
        assert conn.execute(select(m.Meeting.open_conflicts).where(m.Meeting.key == f"{CIS}/14")).scalar() == 1
        [conflict] = first.conflicts
        values = {v["value"]: v for v in conflict["values"]}
        assert values["2026-10-14"]["documents"] == 5 and values["2026-10-14"]["sources_total"] == 5
        assert len(values["2026-10-14"]["sources"]) == SOURCES_PER_VALUE  # a few; the meeting's page has all
        assert values["2026-10-15"]["sources"][0]["outlet"] == "Regional Wire"
        assert first.evidence["document"] in {doc_id(i) for i in range(6)} and first.evidence["spans"]


def test_cursor_and_offset_pages_walk_the_same_queue(store):
    with store.connect() as conn:
        whole = _queue(conn)
        walked, after = [], None
        while True:
            page = read.review_page(conn, below=1.0, limit=4, after=after)
            walked += [(i.kind, i.key) for i in page.items]
            assert page.total == len(whole)
            if not page.items or len(page.items) < 4:
                break
            after = page.after
        assert walked == whole
        assert [(i.kind, i.key) for i in read.review_page(conn, below=1.0, limit=4, offset=4).items] == whole[4:8]
        with pytest.raises(ValueError, match="cursor"):
            read.review_page(conn, after="bm90IGEgY3Vyc29y")


def test_a_page_of_the_queue_takes_the_same_few_queries_whatever_its_size(store):
    with store.connect() as conn:
        with counted(conn) as small:
            assert len(read.review_page(conn, below=1.0, limit=2).items) == 2
        with counted(conn) as large:
            assert len(read.review_page(conn, below=1.0, limit=40).items) > 20
    # the total, the page, one query per kind on the page (at most four), the sources' documents
    assert len(small) <= len(large) <= 7


def test_settling_a_conflict_takes_it_off_the_queue_and_a_reject_too(store):
    with store.connect() as conn:
        before = read.review_page(conn, below=1.0).total
    add_correction(store, "meeting", f"{CIS}/14", "edit", field="start", value="2026-10-14", author="ana",
                   reason="the ministry's release")
    with store.connect() as conn:
        assert conn.execute(select(m.Meeting.open_conflicts).where(m.Meeting.key == f"{CIS}/14")).scalar() == 0
        page = read.review_page(conn, below=1.0)
        assert [i.kind for i in page.items if i.reasons[0].startswith("conflict")] == ["agreement", "agreement"]
        assert f"{CIS}/14" not in {k for _, k in _queue(conn)} and page.total == before - 1
    add_correction(store, "meeting", "csto-security-council-secretaries/3", "reject", author="ana", reason="no")
    with store.connect() as conn:
        assert "csto-security-council-secretaries/3" not in {k for _, k in _queue(conn)}
        assert read.review_page(conn, below=1.0).total == before - 2


def test_correction_statuses_come_from_the_derived_record_in_a_few_queries(store):
    ids = [add_correction(store, "meeting", f"{CIS}/14", "accept", author="ana", reason="checked").id,
           add_correction(store, "fact", f"{doc_id(101)}:agreement:0", "edit", field="title", value="A plan",
                          author="ana", reason="typo").id,
           add_correction(store, "document", doc_id(102), "remove", author="ana", reason="a forgery").id]
    revert_correction(store, ids[2], author="bo", reason="it was genuine")
    # re-extracted without its agreement: the fact correction no longer finds its item
    rec = record(doc_id(101), series="csto-security-council-secretaries", ordinal=1, start="2011-05-01",
                 place="Yerevan", country="ARM")
    rec["agreements"] = []
    rec["extractor"] = "parley 9.9"
    assert ingest(store, [Incoming(rec, None, "again")]).reextracted == 1
    with store.connect() as conn:
        assert [c.status for c in list_corrections(conn)] == ["applied", "orphaned", "reverted", "revert"]
        assert conn.execute(select(m.AppliedCorrection.correction_id)).scalars().all() == [ids[0]]
        with counted(conn) as queries:
            page = read.corrections_page(conn, limit=2)
        assert len(queries) <= 5
        assert [c.id for c in page.items] == [ids[2] + 1, ids[2]] and page.total == 4 and page.more
        rest = read.corrections_page(conn, limit=2, after=page.after)
        assert [c.status for c in rest.items] == ["orphaned", "applied"] and rest.total == 4
        assert read.corrections_page(conn, limit=10, target_kind="fact").total == 1


def test_a_document_is_found_by_id_or_unique_prefix_through_the_index(store):
    ids = sorted([doc_id(i) for i in range(6)] + [doc_id(100 + n) for n in range(1, 10)])
    shared = next(a[:1] for a, b in zip(ids, ids[1:], strict=False) if a[0] == b[0])
    unique = next(i[:6] for i in ids if sum(j.startswith(i[:6]) for j in ids) == 1)
    with store.connect() as conn:
        assert read.matching_documents(conn, ids[0]) == [ids[0]]
        assert read.get_document(conn, unique).id.startswith(unique)
        assert len(read.matching_documents(conn, shared)) == 2 and read.get_document(conn, shared) is None
        for odd in ("%", "_", "", unique.upper() + "%", "z" * 65):
            assert read.get_document(conn, odd) is None
        with counted(conn) as queries:
            read.matching_documents(conn, unique)
        assert all("LIKE" not in q.upper() for q in queries)


def test_the_api_pages_the_queue_and_the_corrections_with_totals(store):
    for n in range(1, 4):
        add_correction(store, "meeting", f"csto-security-council-secretaries/{n}", "accept", author="ana",
                       reason="checked")
    client = TestClient(create_app(store=store))
    first = client.get("/api/review?below=1&limit=3").json()
    assert first["count"] > 3 and len(first["items"]) == 3 and "after=" in first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 3 and second["items"][0]["key"] != first["items"][-1]["key"]
    assert client.get("/api/review?after=garbage").status_code == 422
    corr = client.get("/api/corrections?limit=2").json()
    assert corr["count"] == 3 and [c["status"] for c in corr["items"]] == ["applied", "applied"]
    assert len(client.get(corr["next"]).json()["items"]) == 1
    assert "3 correction(s)" in client.get("/corrections").text
    doc = client.get(f"/api/documents/{doc_id(5)[:10]}?fact=meeting:0").json()
    assert doc["id"] == doc_id(5) and doc["record"]["meetings"][0]["start"] == "2026-10-15"
