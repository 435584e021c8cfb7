"""The knowledge base never breaks: records and corrected values are checked at the boundary,
a block that fails to consolidate is isolated, corrections that move facts between blocks work
in either direction, documents can be taken out of the record, and a second writer on SQLite
waits or stops with a message. The records here are written by hand (no language models)."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from typer.testing import CliRunner

from parley.cli import app
from parley.errors import CorrectionError, Invalid
from parley.store import models as m
from parley.store import read
from parley.store.blocks import consolidate, failed_blocks
from parley.store.corrections import add_correction, revert_correction
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from parley.store.judgements import list_corrections
from parley.validation import check_record, check_value, validate_record

PARLEY = [sys.executable, "-m", "parley.cli"]


def record(doc_id: str, *, series: str = "cis-security-council-secretaries", ordinal: int | None = 14,
           start: str = "2026-10-14", place: str = "Minsk", country: str = "BLR", outlet: str = "Minsk Courier",
           chair: str = "Alexander Volfovich") -> dict[str, Any]:
    """A valid record of one report of one meeting, with a person, an agreement and a quotation."""
    return {
        "schema": "parley/extraction/v1",
        "document": {"id": doc_id, "name": f"report-{doc_id[:6]}", "title": f"Secretaries meet in {place}",
                     "published": start, "language": "en", "source": outlet, "url": None, "origin": None},
        "meetings": [{
            "name": f"meeting of the secretaries of the Security Councils in {place}", "format": "multilateral",
            "series": series, "ordinal": ordinal, "start": start, "end": None, "place": place, "country": country,
            "chair": chair, "states": [country, "RUS", "KAZ"], "organizations": ["CIS"], "persons": [chair],
            "status": "held", "topics": ["terrorism"], "part_of": None, "evidence": [[0, 40]], "confidence": 0.8,
        }],
        "agreements": [{"title": "plan of cooperation for 2026-2027", "kind": "plan", "parties": [country, "RUS"],
                        "signatories": [], "signed": start, "valid_from": 2026, "valid_to": 2027, "meeting": 0,
                        "evidence": [[41, 80]], "confidence": 0.7}],
        "statements": [{"speaker": chair, "quote": "Cooperation against terrorism goes on.", "meeting": 0,
                        "evidence": [[81, 120]], "confidence": 0.9}],
        "people": [{"name": chair, "aliases": [], "offices": [{"title": "State Secretary of the Security Council",
                                                                "state": country, "organization": None}],
                    "evidence": [[0, 20]], "confidence": 0.9}],
    }


def doc_id(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


# --------------------------------------------------------------------------- validation


BAD_RECORDS: list[tuple[str, Any, str]] = [
    ("meetings", ("evidence", "0-40"), "meetings[0].evidence: takes a list"),
    ("people", ("name", 42), "people[0].name: takes a string"),
    ("meetings", ("ordinal", 10**29 + 7), "meetings[0].ordinal: 100000000000000000000000000007 is out of range"),
    ("meetings", ("start", "2025-13-45"), "meetings[0].start: 2025-13-45 is not a date that exists"),
    ("meetings", ("ordinal", -5), "meetings[0].ordinal: -5 is out of range"),
    ("meetings", ("ordinal", 1e30), "meetings[0].ordinal: takes a whole number"),
    ("meetings", ("states", ["RUS"] * 100_000), "meetings[0].states: has 100,000 values; at most 500"),
    ("agreements", ("meeting", 3), "agreements[0].meeting: meeting 3 does not exist"),
    ("statements", ("confidence", float("nan")), "statements[0].confidence: takes a number from 0 to 1"),
]


@pytest.mark.parametrize(("plural", "change", "message"), BAD_RECORDS, ids=[b[2].split(":")[0] for b in BAD_RECORDS])
def test_an_invalid_record_is_refused_with_the_field_and_the_reason(plural, change, message):
    rec = record(doc_id(1))
    rec[plural][0][change[0]] = change[1]
    with pytest.raises(Invalid) as caught:
        check_record(rec)
    assert str(caught.value).startswith(message)


def test_valid_records_pass_and_lone_surrogates_become_replacement_characters():
    rec = record(doc_id(2))
    rec["statements"][0]["quote"] = "Cooperation \ud800 goes on."
    rec["people"][0]["aliases"] = ["Volfovich\x00"]  # a NUL: PostgreSQL's text refuses it
    rec["meetings"][0]["states"] = ["BLR", "RUS", "BLR"]
    rec["meetings"][0]["note"] = {"added by": "a producer \udc80"}  # fields the schema does not name are kept
    assert validate_record(rec) is None
    assert rec["statements"][0]["quote"] == "Cooperation \ufffd goes on."
    assert len(rec["statements"][0]["quote"]) == len("Cooperation \ud800 goes on.")
    assert rec["people"][0]["aliases"] == ["Volfovich\ufffd"]
    assert rec["meetings"][0]["states"] == ["BLR", "RUS"]
    assert rec["meetings"][0]["note"] == {"added by": "a producer \ufffd"}
    assert json.dumps(rec, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(("kind", "field", "value", "ok"), [
    ("meeting", "start", "2024-02-29", True), ("meeting", "start", "2023-02-29", False),
    ("meeting", "start", "12.10.2025", False), ("meeting", "ordinal", 999, True), ("meeting", "ordinal", 1000, False),
    ("meeting", "ordinal", True, False), ("meeting", "country", "rus", False), ("agreement", "valid_to", 2027, True),
    ("agreement", "valid_to", 27, False), ("agreement", "kind", "pact", False), ("statement", "quote", "x" * 200, True),
])
def test_corrected_values_take_the_same_checks_as_records(kind, field, value, ok):
    if ok:
        assert check_value(kind, field, value) == value
    else:
        with pytest.raises(Invalid):
            check_value(kind, field, value)


def test_ingest_stores_the_good_records_and_names_every_bad_one(tmp_path):
    lines = []
    for n, (plural, (field, value), _) in enumerate(BAD_RECORDS):
        rec = record(doc_id(100 + n))
        rec[plural][0][field] = value
        lines.append(json.dumps(rec))
    good = [record(doc_id(1)), record(doc_id(2), start="2026-10-15", outlet="Eurasia Desk")]
    lines[3:3] = [json.dumps(good[0])]
    lines.append(json.dumps(good[1]))
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "kb.db")
    run = subprocess.run([*PARLEY, "ingest", "--records", str(tmp_path / "batch.jsonl"), "--db", db],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    for _, _, message in BAD_RECORDS:
        assert message.split(":")[0] in run.stderr
    assert "2 added" in run.stderr and f"{len(BAD_RECORDS)} failure(s)" in run.stderr
    with open_store(db) as store, store.connect() as conn:
        [meeting] = read.list_meetings(conn)
        assert meeting.key == "cis-security-council-secretaries/14" and meeting.documents == 2
        stored = conn.execute(select(m.Fact.data).where(m.Fact.kind == "meeting")).scalars().all()
        assert all(d["ordinal"] == 14 and d["start"].startswith("2026-10") for d in stored)
    again = subprocess.run([*PARLEY, "ingest", "--records", str(tmp_path / "batch.jsonl"), "--db", db],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "0 added, 2 unchanged" in again.stderr
    full = subprocess.run([*PARLEY, "db", "consolidate", "--all", "--db", db], capture_output=True, text=True,
                          timeout=120)
    assert full.returncode == 0, full.stderr


# --------------------------------------------------------------------------- failure isolation


def _store_with(tmp_path: Path, records: list[dict[str, Any]]):
    store = open_store(str(tmp_path / "kb.db"))
    report = ingest(store, [Incoming(copy.deepcopy(r), None, f"test:{i}") for i, r in enumerate(records)])
    assert report.failures == [] and not report.consolidation.failures
    return store


# The meeting block of record()'s report: meetings are blocked by their year.
BROKEN_BLOCK = "y:2026"


def _break_fact(store, did: str) -> None:
    """What an older Parley, with no validator, could have stored: evidence as a string."""
    with store.engine.begin() as conn:
        data = conn.execute(select(m.Fact.data).where(m.Fact.document_id == did, m.Fact.kind == "meeting")).scalar()
        conn.execute(update(m.Fact).where(m.Fact.document_id == did, m.Fact.kind == "meeting")
                     .values(data={**data, "evidence": "0-40", "states": 7}))
        conn.execute(m.Dirty.__table__.insert().values(kind="meeting", block=BROKEN_BLOCK))


def test_a_block_that_fails_is_reported_and_never_stops_the_others_or_later_ingests(tmp_path):
    store = _store_with(tmp_path, [record(doc_id(1)), record(doc_id(2), series="sco-security-council-secretaries",
                                                             ordinal=21, place="Bishkek", country="KGZ",
                                                             start="2025-06-10")])
    _break_fact(store, doc_id(1))
    rep = consolidate(store, full=True)
    [failure] = rep.failures
    assert (failure.kind, failure.block, failure.documents) == ("meeting", BROKEN_BLOCK, [doc_id(1)])
    assert failure.error.startswith(("TypeError", "AttributeError", "ValueError"))
    assert rep.blocks["person"] >= 1 and rep.entities["meeting"] >= 1  # the other blocks went on
    with store.connect() as conn:
        keys = {x.key for x in read.list_meetings(conn)}
        assert "sco-security-council-secretaries/21" in keys
        assert "cis-security-council-secretaries/14" in keys  # kept as it was before the failure
        assert [f.block for f in failed_blocks(conn)] == [BROKEN_BLOCK]
    # A later ingest goes on, and so do corrections elsewhere.
    later = ingest(store, [Incoming(record(doc_id(3), series="brics-national-security", ordinal=15,
                                           place="Moscow", country="RUS", start="2025-09-17"), None, "test:later")])
    assert later.added == 1 and later.consolidation.failures == []
    add_correction(store, "meeting", "sco-security-council-secretaries/21", "accept", reason="checked")
    # Taking the bad document out of the record lets the block consolidate again.
    add_correction(store, "document", doc_id(1)[:10], "remove", reason="an old, damaged record")
    with store.connect() as conn:
        assert failed_blocks(conn) == []
        assert "cis-security-council-secretaries/14" not in {x.key for x in read.list_meetings(conn)}
    assert consolidate(store, full=True).failures == []


def test_the_cli_reports_failed_blocks_with_their_documents_and_exits_1(tmp_path):
    store = _store_with(tmp_path, [record(doc_id(1))])
    _break_fact(store, doc_id(1))
    store.close()
    db = str(tmp_path / "kb.db")
    run = subprocess.run([*PARLEY, "db", "consolidate", "--db", db], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "not consolidated" in run.stderr and doc_id(1)[:12] in run.stderr and "document remove" in run.stderr
    status = subprocess.run([*PARLEY, "db", "status", "--json", "--db", db], capture_output=True, text=True,
                            timeout=120)
    assert json.loads(status.stdout)["failed_blocks"] == 1


# --------------------------------------------------------------------------- documents out of the record


def test_a_removed_document_stays_out_across_reingest_and_comes_back_on_revert(tmp_path):
    recs = [record(doc_id(1)), record(doc_id(2), start="2026-10-15", outlet="Eurasia Desk")]
    store = _store_with(tmp_path, recs)
    c = add_correction(store, "document", doc_id(2)[:8], "remove", author="analyst", reason="a copy of a wire story")
    assert (c.target_kind, c.target_key, c.action, c.author) == ("document", doc_id(2), "remove", "analyst")
    with store.connect() as conn:
        meeting = read.get_meeting(conn, "cis-security-council-secretaries/14")
        assert meeting.documents == 1 and meeting.start == "2026-10-14"
        assert read.get_document(conn, doc_id(2)).removed_by == c.id
    changed = copy.deepcopy(recs[1])
    changed["meetings"][0]["topics"] = ["extremism"]  # a re-extraction of the same document
    assert ingest(store, [Incoming(changed, None, "test:again")]).reextracted == 1
    with store.connect() as conn:
        assert read.get_meeting(conn, "cis-security-council-secretaries/14").documents == 1
    with pytest.raises(CorrectionError, match="already removed"):
        add_correction(store, "document", doc_id(2), "remove", reason="twice")
    revert_correction(store, c.id, reason="it is an independent report after all")
    with store.connect() as conn:
        assert read.get_meeting(conn, "cis-security-council-secretaries/14").documents == 2
    with store.connect() as conn:
        assert [x.status for x in list_corrections(conn, target_kind="document")] == ["reverted", "revert"]


def test_document_remove_on_the_command_line(tmp_path):
    _store_with(tmp_path, [record(doc_id(1)), record(doc_id(2), start="2026-10-15")]).close()
    db = str(tmp_path / "kb.db")
    runner = CliRunner()
    res = runner.invoke(app, ["document", "remove", doc_id(2)[:9], "--why", "duplicate", "--db", db])
    assert res.exit_code == 0, res.output
    assert "removed from the record" in res.output
    res = runner.invoke(app, ["document", "remove", "zzz", "--why", "typo", "--db", db])
    assert res.exit_code == 2 and "no document 'zzz'" in res.output
    res = runner.invoke(app, ["document", "show", doc_id(2)[:9], "--db", db])
    assert res.exit_code == 0 and "removed from the record by correction 1" in res.output


# --------------------------------------------------------------------------- corrections that move facts


@pytest.mark.parametrize("target", ["brics-national-security", "sco-security-council-secretaries"],
                         ids=["to-a-series-sorting-before", "to-a-series-sorting-after"])
def test_a_fact_moves_to_another_series_in_either_direction(tmp_path, target):
    store = _store_with(tmp_path, [record(doc_id(1)), record(doc_id(2), start="2026-10-15"),
                                   record(doc_id(3), series=target, ordinal=14, place="Moscow", country="RUS")])
    c = add_correction(store, "fact", f"{doc_id(2)[:8]}:meeting:0", "edit", field="series", value=target,
                       reason="the report is about the other body")
    with store.connect() as conn:
        moved = read.get_meeting(conn, f"{target}/14")
        assert moved is not None and {s.document_id for s in moved.sources} == {doc_id(2), doc_id(3)}
        assert read.get_meeting(conn, "cis-security-council-secretaries/14").documents == 1
    # ... and back, then everything that used to fail after such a move.
    revert_correction(store, c.id, reason="it was right")
    add_correction(store, "fact", f"{doc_id(1)}:meeting:0", "edit", field="series", value=target, reason="move")
    assert ingest(store, [Incoming(record(doc_id(4), start="2026-10-16"), None, "test:4")]).added == 1
    assert consolidate(store, full=True).failures == []
    with store.connect() as conn:
        assert read.get_meeting(conn, "cis-security-council-secretaries/14").documents == 2
        assert read.get_meeting(conn, f"{target}/14").documents == 2


@pytest.mark.parametrize("year", ["2025", "2027"], ids=["to-an-earlier-year", "to-a-later-year"])
def test_a_corrected_date_moves_a_numbered_meeting_to_another_year_and_it_keeps_its_key(tmp_path, year):
    # The registry knows no year for this series' ordinals: the date decides the block, and the
    # meeting's rows in its old block hold its key until that block is rebuilt, whichever first.
    csto = "csto-security-council-secretaries"
    store = _store_with(tmp_path, [record(doc_id(1), series=csto, ordinal=5)])
    add_correction(store, "fact", f"{doc_id(1)[:8]}:meeting:0", "edit", field="start", value=f"{year}-05-20",
                   reason="the ministry's release gives this date")
    with store.connect() as conn:
        moved = read.get_meeting(conn, f"{csto}/5")
        assert moved is not None and moved.start == f"{year}-05-20"
        blocks = conn.execute(select(m.MeetingSource.block)).scalars().all()
        assert blocks == [f"y:{year}"] and failed_blocks(conn) == []


def test_the_same_series_and_ordinal_held_in_two_years_is_flagged_not_a_failed_block(tmp_path):
    csto = "csto-security-council-secretaries"
    store = open_store(str(tmp_path / "kb.db"))
    report = ingest(store, [Incoming(record(doc_id(1), series=csto, ordinal=5, start="2025-05-20"), None, "t:1"),
                            Incoming(record(doc_id(2), series=csto, ordinal=5), None, "t:2"),
                            Incoming(record(doc_id(3), series=csto, ordinal=6, start="2026-10-02",
                                            place="Astana", country="KAZ"), None, "t:3")])
    assert report.consolidation.failures == []
    with store.connect() as conn:
        first, second = read.get_meeting(conn, f"{csto}/5"), read.get_meeting(conn, f"{csto}/5~2026")
        # One wrong report does not stop its year: the other meeting of 2026 is consolidated too.
        assert read.get_meeting(conn, f"{csto}/6") is not None
    assert first.start == "2025-05-20" and second.start == "2026-10-14"
    assert {"code": "duplicate_ordinal", "field": "ordinal", "others": [f"{csto}/5"]} in second.flags
    # Corrected, the report joins its year's block and the two are one meeting.
    add_correction(store, "fact", f"{doc_id(2)[:8]}:meeting:0", "edit", field="start", value="2025-05-20",
                   reason="the year was misread")
    with store.connect() as conn:
        assert read.get_meeting(conn, f"{csto}/5").documents == 2 and failed_blocks(conn) == []
        assert read.get_meeting(conn, f"{csto}/5~2026") is None


def test_a_series_report_and_one_naming_only_the_body_and_place_are_one_meeting(tmp_path):
    plain = record(doc_id(2), series=None, ordinal=None, outlet="Steppe News")
    plain["meetings"][0]["body"] = "meeting of the secretaries of the Security Councils"
    store = _store_with(tmp_path, [record(doc_id(1)), plain])
    with store.connect() as conn:
        [only] = read.list_meetings(conn)
        assert only.key == "cis-security-council-secretaries/14" and only.documents == 2


def test_series_moves_on_the_command_line_then_ingest_consolidate_and_export(tmp_path):
    recs = [record(doc_id(1)), record(doc_id(2), start="2026-10-15")]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = str(tmp_path / "kb.db")

    def parley(*args: str) -> subprocess.CompletedProcess:
        res = subprocess.run([*PARLEY, *args, "--db", db], capture_output=True, text=True, timeout=120)
        assert "Traceback" not in res.stderr
        return res

    assert parley("ingest", "--records", str(path)).returncode == 0
    for series in ("brics-national-security", "sco-security-council-secretaries", "cis-security-council-secretaries"):
        res = parley("fix", "fact", f"{doc_id(2)[:8]}:meeting:0", "--set", f"series={series}", "--why", "move")
        assert res.returncode == 0, res.stderr
    assert parley("fix", "fact", f"{doc_id(1)[:8]}:meeting:0", "--set", "ordinal=3",
                  "--why", "the report gives a number").returncode == 0
    assert parley("ingest", "--records", str(path)).returncode == 0
    assert parley("db", "consolidate", "--all").returncode == 0
    res = subprocess.run([*PARLEY, "export", "corrections", "--format", "parquet", "-o", str(tmp_path / "c.parquet"),
                          "--db", db], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "c.parquet")
    assert table.num_rows == 4


def test_a_refused_value_stores_no_correction(tmp_path):
    store = _store_with(tmp_path, [record(doc_id(1))])
    for field, value in (("ordinal", "-5"), ("ordinal", "1e30"), ("start", "2025-13-45"), ("series", "nonsense")):
        with pytest.raises(CorrectionError):
            add_correction(store, "fact", f"{doc_id(1)}:meeting:0", "edit", field=field, value=value, reason="x")
    with pytest.raises(CorrectionError, match="1 to"):
        add_correction(store, "meeting", "x" * 1_000_000, "accept", reason="x")
    with pytest.raises(CorrectionError, match="no correction"):
        revert_correction(store, 10**20, reason="x")
    with store.connect() as conn:
        assert list_corrections(conn) == []


# --------------------------------------------------------------------------- two writers on SQLite


def _hold_write_lock(db: str, seconds: float, taken: threading.Event) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    taken.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


@pytest.mark.parametrize(("hold", "wait", "code", "says"), [
    (1.5, "30", 0, "waiting for it to finish"),
    (6.0, "1", 2, "stayed locked by another writer"),
], ids=["waits-then-goes-on", "gives-up-with-exit-2"])
def test_a_second_writer_on_sqlite_waits_with_a_message_or_exits_2(tmp_path, hold, wait, code, says):
    _store_with(tmp_path, [record(doc_id(1))]).close()
    db = str(tmp_path / "kb.db")
    path = tmp_path / "more.json"
    path.write_text(json.dumps(record(doc_id(2), start="2026-10-15")), encoding="utf-8")
    taken = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db, hold, taken))
    holder.start()
    taken.wait(10)
    res = subprocess.run([*PARLEY, "ingest", "--records", str(path), "--db", db], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PARLEY_LOCK_WAIT": wait})
    holder.join()
    assert res.returncode == code, res.stderr
    assert says in res.stderr and "Traceback" not in res.stderr and "database is locked" not in res.stderr
    with open_store(db) as store, store.connect() as conn:
        documents = conn.execute(select(m.Document.id)).scalars().all()
    assert len(documents) == (2 if code == 0 else 1)


def test_failed_blocks_are_listed_for_review_in_the_api_the_page_and_the_cli(tmp_path):
    from fastapi.testclient import TestClient

    from parley.server.app import create_app

    store = _store_with(tmp_path, [record(doc_id(1)), record(doc_id(2), series="sco-security-council-secretaries",
                                                             ordinal=21, place="Bishkek", country="KGZ",
                                                             start="2025-06-10")])
    _break_fact(store, doc_id(1))
    consolidate(store)
    client = TestClient(create_app(store=store))
    [failed] = client.get("/api/review").json()["failed_blocks"]
    assert failed["block"] == BROKEN_BLOCK and failed["documents"] == [doc_id(1)]
    page = client.get("/review").text
    assert "1 block(s) could not be consolidated" in page and doc_id(1)[:12] in page
    res = CliRunner().invoke(app, ["review", "--db", str(tmp_path / "kb.db")])
    assert "not consolidated" in res.output and doc_id(1)[:12] in res.output
    # Fixed by taking the document out: the queue no longer lists the block.
    add_correction(store, "document", doc_id(1), "remove", reason="damaged")
    assert client.get("/api/review").json()["failed_blocks"] == []


def test_a_server_write_blocked_by_another_process_is_a_503_and_stores_nothing(tmp_path):
    from fastapi.testclient import TestClient

    from parley.server.app import create_app
    from parley.server.guard import ServerLimits
    from parley.server.tokens import create_token

    store = _store_with(tmp_path, [record(doc_id(1))])
    token = create_token(store.engine, "reviewer")[1]
    client = TestClient(create_app(store=store, limits=ServerLimits(queue_timeout=1.0)))
    taken = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(str(tmp_path / "kb.db"), 4.0, taken))
    holder.start()
    taken.wait(10)
    body = {"target_kind": "meeting", "target_key": "cis-security-council-secretaries/14", "action": "accept",
            "reason": "checked against the ministry's release"}
    res = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/meetings").status_code == 200  # readers go on meanwhile
    holder.join()
    assert res.status_code == 503 and res.headers["retry-after"]
    assert "another process is writing" in res.json()["detail"]
    with store.connect() as conn:
        assert list_corrections(conn) == []
    again = client.post("/api/corrections", json=body, headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 201


def test_an_ingest_waiting_for_its_next_document_does_not_hold_the_write_lock(tmp_path):
    """While the language models work on the next batch, a correction from elsewhere gets in."""
    store = _store_with(tmp_path, [record(doc_id(1))])
    started, finished = threading.Event(), threading.Event()

    def slow_source():
        yield Incoming(record(doc_id(2), start="2026-10-15"), None, "test:2")
        started.set()
        finished.wait(20)  # the models analysing the next batch
        yield Incoming(record(doc_id(3), start="2026-10-16"), None, "test:3")

    result: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: result.update(report=ingest(store, slow_source())))
    worker.start()
    started.wait(10)
    time.sleep(0.6)  # past the idle commit
    other = open_store(str(tmp_path / "kb.db"))
    other.lock_wait = 1.0
    try:
        c = add_correction(other, "meeting", "cis-security-council-secretaries/14", "accept", reason="checked")
    finally:
        finished.set()
        worker.join(30)
    assert c.status == "applied"
    assert result["report"].added == 2 and result["report"].consolidation.failures == []
    other.close()


def test_a_document_is_removed_and_restored_over_the_api(tmp_path):
    from fastapi.testclient import TestClient

    from parley.server.app import create_app
    from parley.server.tokens import create_token

    store = _store_with(tmp_path, [record(doc_id(1)), record(doc_id(2), start="2026-10-15")])
    auth = {"Authorization": f"Bearer {create_token(store.engine, 'editor')[1]}"}
    client = TestClient(create_app(store=store))
    body = {"target_kind": "document", "target_key": doc_id(2), "action": "remove", "reason": "a reprint"}
    assert client.post("/api/corrections", json=body).status_code == 401
    made = client.post("/api/corrections", json=body, headers=auth)
    assert made.status_code == 201 and made.json()["author"] == "editor"
    assert client.get(f"/api/documents/{doc_id(2)}").json()["removed_by"] == made.json()["id"]
    assert f"removed from the record by correction {made.json()['id']}" in client.get(f"/documents/{doc_id(2)}").text
    assert client.get("/api/meetings/cis-security-council-secretaries/14").json()["meeting"]["documents"] == 1
    refused = client.post("/api/corrections", json={**body, "action": "edit", "field": "name"}, headers=auth)
    assert refused.status_code == 400 and "can only be removed" in refused.json()["detail"]
    back = client.post(f"/api/corrections/{made.json()['id']}/revert", json={"reason": "original"}, headers=auth)
    assert back.status_code == 201
    assert client.get(f"/api/documents/{doc_id(2)}").json()["removed_by"] is None
    assert client.get("/api/meetings/cis-security-council-secretaries/14").json()["meeting"]["documents"] == 2
