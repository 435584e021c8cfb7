"""The knowledge base end to end: ingest, consolidation of our test reports, re-ingest, URL
versions, interrupted ingests, corrections, exports, the command line, the schema migrations."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from synthetic import generate
from typer.testing import CliRunner

from parley import export as ex
from parley.store import read
from parley.store.corrections import add_correction, revert_correction
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest, iter_sources
from parley.store.judgements import list_corrections

KB = Path(__file__).parent / "data" / "kb"
CIS14 = "cis-security-council-secretaries/14"


@pytest.fixture(scope="module")
def kb_items() -> list[Incoming]:
    """Our test reports, extracted once (the real extractor, the real language models)."""
    items = list(iter_sources([str(KB)]))
    assert all(isinstance(i, Incoming) for i in items), items
    return items


def fresh(tmp_path: Path, name: str = "kb.db"):
    return open_store(str(tmp_path / name))


def dump(store) -> dict[str, str]:
    """Every export as text: what "the same database content" means."""
    out = {}
    with store.connect() as conn:
        for kind in ("meetings", "agreements", "statements", "people", "graph"):
            path = Path(os.environ.get("TMPDIR", "/tmp")) / f"parley-dump-{os.getpid()}-{kind}.jsonl"
            ex.export(conn, kind, "jsonl", path)
            out[kind] = path.read_text(encoding="utf-8")
            path.unlink()
    return out


def by_name(items: list[Incoming]) -> dict[str, Incoming]:
    return {i.record["document"]["name"].removeprefix("reports-"): i for i in items}


# --------------------------------------------------------------------------- consolidation of our reports


def test_reports_of_the_same_meetings_consolidate_with_sources_and_flags(tmp_path, kb_items):
    store = fresh(tmp_path)
    report = ingest(store, kb_items)
    assert (report.added, report.failures) == (8, [])
    with store.connect() as conn:
        meetings = {m.key: m for m in read.list_meetings(conn)}
        assert set(meetings) == {CIS14, "cis-security-council-secretaries/13",
                                 "sco-security-council-secretaries/2026-05-21", "bilateral/2026-10-14/minsk"}
        m = read.get_meeting(conn, CIS14)
        # five reports: announced, held (two outlets in different words), a wrong date, Russian
        assert m.documents == 5 and m.status == "held" and m.start == "2026-10-14" and m.place == "Minsk"
        assert {s.outlet for s in m.sources} == {"Minsk Courier", "Eurasia Desk", "Steppe News", "Regional Wire",
                                                 "Vecherniy Minsk"}
        assert {s.status for s in m.sources} == {"planned", "held"}
        assert all(s.url and s.evidence for s in m.sources)
        [conflict] = [f for f in m.open_flags if f["code"] == "conflict"]
        assert conflict["field"] == "start" and [v["value"] for v in conflict["values"]] == ["2026-10-14", "2026-10-15"]
        wrong = [e for e in m.fields["start"] if e["value"] == "2026-10-15"][0]
        assert [s["outlet"] for s in wrong["sources"]] == ["Regional Wire"] and not wrong["chosen"]
        assert {p["label"] for p in m.members["person"]} == {"Sergei Shoigu", "Alexander Volfovich"}
        assert [s.documents for s in m.statements] == [2]  # one quotation, two outlets
        assert [a.key for a in m.agreements] == ["BLR+RUS/plan/2028-2029"]
        # a planned meeting and the report of it being held are one meeting
        sco = read.get_meeting(conn, "sco-security-council-secretaries/2026-05-21")
        assert sco.status == "held" and {s.status for s in sco.sources} == {"planned", "held"}
        talks = read.get_meeting(conn, "bilateral/2026-10-14/minsk")
        assert talks.documents == 2  # English and Russian reports of the same talks
        plans = {a.key: a for a in read.list_agreements(conn, party="BLR")}
        assert plans["BLR+RUS/plan/2028-2029"].documents == 2
        assert plans["BLR+RUS/plan/2028-2029"].predecessor == "BLR+RUS/plan/2026-2027"
        # evidence offsets point into the original text, which is kept
        doc = read.get_document(conn, m.sources[1].document_id)
        assert doc.raw_text and "Minsk" in "".join(doc.evidence(m.sources[1].evidence))
        assert doc.record["meetings"][0]["ordinal"] == 14  # the record is rebuilt whole


def test_reingesting_the_same_documents_changes_nothing(tmp_path, kb_items):
    store = fresh(tmp_path)
    ingest(store, kb_items)
    before = dump(store)
    with store.connect() as conn:
        stamps = conn.exec_driver_sql("select id, ingested_at from documents order by id").all()
    report = ingest(store, kb_items)
    assert (report.added, report.unchanged) == (0, 8)
    assert sum(report.consolidation.blocks.values()) == 0
    assert dump(store) == before
    with store.connect() as conn:
        assert conn.exec_driver_sql("select id, ingested_at from documents order by id").all() == stamps


def test_a_changed_version_of_a_url_replaces_its_facts(tmp_path, kb_items):
    store = fresh(tmp_path)
    ingest(store, kb_items)
    wrong = by_name(kb_items)["a4-wrong-date"]
    fixed = copy.deepcopy(wrong)
    text = wrong.raw_text.replace("on 15 October", "on 14 October")
    fixed.raw_text = text
    fixed.record["document"]["id"] = "f" * 64
    fixed.record["document"]["text_sha"] = hashlib.sha256("".join(text.split()).encode()).hexdigest()  # a new text
    fixed.record["meetings"][0]["start"] = "2026-10-14"
    report = ingest(store, [fixed])
    assert report.replaced == 1
    with store.connect() as conn:
        m = read.get_meeting(conn, CIS14)
        assert not [f for f in m.flags if f["code"] == "conflict"]  # the outlet corrected its report
        assert m.documents == 5 and "f" * 64 in {s.document_id for s in m.sources}
        old = read.get_document(conn, wrong.record["document"]["id"])
        assert old.superseded_by == "f" * 64 and old.raw_text == wrong.raw_text  # kept, facts gone
        assert old.record["meetings"] == []
    # ingesting the old version again does not bring it back
    assert ingest(store, [wrong]).unchanged == 1


def test_ingest_is_order_independent_and_incremental_equals_a_full_rebuild(tmp_path, kb_items):
    from parley.store.blocks import consolidate

    a, b = fresh(tmp_path, "a.db"), fresh(tmp_path, "b.db")
    ingest(a, kb_items)
    ingest(b, list(reversed(kb_items[4:])))
    ingest(b, list(reversed(kb_items[:4])))
    assert dump(a) == dump(b)
    consolidate(b, full=True)
    assert dump(a) == dump(b)


# --------------------------------------------------------------------------- interruptions


def _records_file(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "records.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for rec in generate(n, seed=3):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def test_a_failure_mid_batch_leaves_no_half_document_and_a_rerun_completes(tmp_path, monkeypatch):
    from parley.store import ingest as ingest_module

    path = _records_file(tmp_path, 40)
    store = fresh(tmp_path)
    real = ingest_module.fact_rows
    calls = {"n": 0}

    def failing(rec, *rules):
        calls["n"] += 1
        rows = real(rec, *rules)
        if calls["n"] == 25:
            raise RuntimeError("disk full")
        return rows

    monkeypatch.setattr(ingest_module, "fact_rows", failing)
    with pytest.raises(RuntimeError):
        ingest(store, iter_sources([str(path)], records_only=True))
    with store.connect() as conn:
        docs = conn.exec_driver_sql("select count(*) from documents").scalar()
        orphans = conn.exec_driver_sql(
            "select count(*) from documents d where not exists (select 1 from facts f where f.document_id = d.id)"
        ).scalar()
        pending = conn.exec_driver_sql("select count(*) from dirty_blocks").scalar()
    assert docs == 24 and orphans == 0 and pending > 0  # the 25th rolled back whole; marks kept
    monkeypatch.setattr(ingest_module, "fact_rows", real)
    report = ingest(store, iter_sources([str(path)], records_only=True))
    assert (report.added, report.unchanged) == (16, 24)
    clean = fresh(tmp_path, "clean.db")
    ingest(clean, iter_sources([str(path)], records_only=True))
    assert dump(store) == dump(clean)


def test_a_killed_ingest_resumes_with_nothing_lost_or_doubled(tmp_path):
    path = _records_file(tmp_path, 1000)
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli", "ingest", "--records", str(path), "--db", str(db),
                             "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = 0
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as c:
                    seen = c.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if seen >= 100:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()
    store = open_store(str(db))
    with store.connect() as conn:
        done = conn.exec_driver_sql("select count(*) from documents").scalar()
        assert 100 <= done < 1000
    report = ingest(store, iter_sources([str(path)], records_only=True))
    assert report.added + report.unchanged == 1000 and report.unchanged == done
    clean = fresh(tmp_path, "clean.db")
    ingest(clean, iter_sources([str(path)], records_only=True))
    assert dump(store) == dump(clean)


# --------------------------------------------------------------------------- corrections


def test_corrections_are_kept_apart_and_survive_reingest_and_reextraction(tmp_path, kb_items):
    store = fresh(tmp_path)
    ingest(store, kb_items)
    # a reviewer settles the date conflict and rejects the talks
    c1 = add_correction(store, "meeting", CIS14, "edit", field="start", value="2026-10-15", author="ana",
                        reason="the ministry's release says 15 October")
    add_correction(store, "meeting", "bilateral/2026-10-14/minsk", "reject", author="ana", reason="a courtesy call")
    # ... and moves one report's meeting into another series, at the fact level
    b2 = by_name(kb_items)["b2-held"].record["document"]["id"]
    add_correction(store, "fact", f"{b2[:10]}:meeting:0", "edit", field="ordinal", value="21", author="ben",
                   reason="the Kyrgyz release numbers it")
    with store.connect() as conn:
        m = read.get_meeting(conn, CIS14)
        assert m.start == "2026-10-15" and m.reviewed and c1.id in m.corrections
        assert not m.open_flags or all(f["field"] != "start" for f in m.open_flags)
        assert "bilateral/2026-10-14/minsk" not in {x.key for x in read.list_meetings(conn)}
        keys = {x.key for x in read.list_meetings(conn, series="sco-security-council-secretaries")}
        assert keys == {"sco-security-council-secretaries/21"}  # the announcement joined the numbered report
    after_fix = dump(store)

    # re-ingest the same documents: nothing changes, corrections included
    ingest(store, kb_items)
    assert dump(store) == after_fix
    # re-extraction (a new extractor numbers items differently): the fact correction follows its item
    reextracted = copy.deepcopy(by_name(kb_items)["b2-held"])
    extra = copy.deepcopy(reextracted.record["meetings"][0])
    extra.update(name="a press conference", series=None, format="bilateral", status="held", persons=[])
    reextracted.record["meetings"].insert(0, extra)
    reextracted.record["extractor"] = "parley 0.2.0"
    assert ingest(store, [reextracted]).reextracted == 1
    with store.connect() as conn:
        assert "sco-security-council-secretaries/21" in {x.key for x in read.list_meetings(conn)}
    # a fresh database, the same documents and the corrections (as records) -> the same record
    with store.connect() as conn:
        views = list_corrections(conn)
    assert [v.status for v in views] == ["applied", "applied", "applied"]
    revert_correction(store, views[1].id, author="ana", reason="it was a real meeting")
    with store.connect() as conn:
        assert "bilateral/2026-10-14/minsk" in {x.key for x in read.list_meetings(conn)}
    with store.connect() as conn:
        statuses = [v.status for v in list_corrections(conn)]
    assert statuses == ["applied", "reverted", "applied", "revert"]  # nothing is ever deleted


def test_bad_corrections_say_what_to_do(tmp_path, kb_items):
    from parley.errors import CorrectionError

    store = fresh(tmp_path)
    ingest(store, kb_items)
    with pytest.raises(CorrectionError, match="why"):
        add_correction(store, "meeting", CIS14, "reject", reason=" ")
    with pytest.raises(CorrectionError, match="ISO date"):
        add_correction(store, "meeting", CIS14, "edit", field="start", value="14 Oct", reason="x")
    with pytest.raises(CorrectionError, match="did you mean"):
        add_correction(store, "meeting", "cis-security-council-secretaries/1", "reject", reason="x")
    with pytest.raises(CorrectionError, match="unknown series"):
        add_correction(store, "meeting", CIS14, "edit", field="series", value="nato", reason="x")


# --------------------------------------------------------------------------- queries and exports


def test_people_offices_over_time_and_office_holders(tmp_path, kb_items):
    store = fresh(tmp_path)
    ingest(store, kb_items)
    with store.connect() as conn:
        p = read.get_person(conn, "Александр Вольфович")
        assert p.key == "volfovich:a" and p.name == "Alexander Volfovich"
        reported = [o for o in p.offices if o.basis == "reports"]
        assert [(o.title, o.state, o.first_seen, o.last_seen) for o in reported] == [
            ("State Secretary of the Security Council", "BLR", "2025-11-05", "2026-10-14")]
        assert {m.key for m in p.meetings} >= {CIS14, "cis-security-council-secretaries/13"}
        assert read.find_people(conn, "Aleksandr Wolfovich") == ["volfovich:a"]
        assert read.parse_office("Secretary of the Security Council of Russia") == (
            "Secretary of the Security Council", "RUS")
        [holder] = read.office_holders(conn, "Secretary of the Security Council", "RUS", at="2023-05-01")
        assert holder.name == "Nikolai Patrushev" and holder.basis == "registry"
        [holder] = read.office_holders(conn, "Secretary of the Security Council", "RUS", at="2026-10-14")
        assert holder.name == "Sergei Shoigu"
        rows = read.search_statements(conn, speaker="Wolfovich", contains="EXPERTS constant")
        assert len(rows) == 1 and rows[0].meeting == CIS14 and len(rows[0].sources) == 2
        assert read.search_statements(conn, contains="no such words here") == []
        queue = read.review_page(conn).items
        assert queue[0].key == CIS14 and "conflict start" in queue[0].reasons


def test_exports_in_every_format_list_their_sources(tmp_path, kb_items):
    store = fresh(tmp_path)
    ingest(store, kb_items)
    with store.connect() as conn:
        n = ex.export(conn, "meetings", "jsonl", tmp_path / "m.jsonl")
        rows = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text().splitlines()]
        assert n == len(rows) == 4
        cis = next(r for r in rows if r["key"] == CIS14)
        assert len(cis["sources"]) == 5
        assert {"document_id", "url", "outlet", "evidence", "item", "published"} <= set(cis["sources"][0])
        ex.export(conn, "agreements", "csv", tmp_path / "a.csv")
        table = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text())))
        assert {r["key"] for r in table} == {"BLR+RUS/plan/2026-2027", "BLR+RUS/plan/2028-2029"}
        assert json.loads(table[1]["sources"])[0]["document_id"]
        import pyarrow.parquet as pq

        for kind in ("meetings", "people", "statements", "agreements"):
            ex.export(conn, kind, "parquet", tmp_path / f"{kind}.parquet")
        assert pq.read_table(tmp_path / "meetings.parquet").num_rows == 4
        assert pq.read_table(tmp_path / "people.parquet").column("name").to_pylist()
        ex.export(conn, "graph", "graphml", tmp_path / "g.graphml")
        root = ET.parse(tmp_path / "g.graphml").getroot()
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        ids = {n.get("id") for n in root.iterfind(".//g:node", ns)}
        assert {"person:volfovich:a", "person:shoigu:s", f"meeting:{CIS14}"} <= ids
        kinds = {d.text for d in root.iterfind(".//g:edge/g:data[@key='e_kind']", ns)}
        assert {"attended", "represented", "co_attended", "succeeds", "adopted_at"} <= kinds
        with pytest.raises(ex.ExportError, match="graph"):
            ex.export(conn, "meetings", "graphml", tmp_path / "x")


def test_command_line(tmp_path, kb_items):
    from parley.cli import app

    store = fresh(tmp_path)
    ingest(store, kb_items)
    store.close()
    db = str(tmp_path / "kb.db")
    run = CliRunner().invoke
    res = run(app, ["meetings", "--db", db, "--series", "cis-security-council-secretaries", "--json"])
    assert res.exit_code == 0, res.output
    assert [m["key"] for m in json.loads(res.stdout)] == ["cis-security-council-secretaries/13", CIS14]
    res = run(app, ["meetings", "--db", db, "--state", "RUS", "--since", "2026", "--person", "Shoigu"])
    assert res.exit_code == 0 and CIS14 in res.stdout
    res = run(app, ["person", "Secretary of the Security Council of Russia", "--at", "2023-05-01", "--db", db])
    assert res.exit_code == 0 and "Patrushev" in res.stdout
    res = run(app, ["series", "cis-security-council-secretaries", "--db", db, "--json"])
    entries = json.loads(res.stdout)["entries"]
    assert [(e["ordinal"], e["state"]) for e in entries] == [(9, "missing"), (10, "missing"), (11, "missing"),
                                                             (12, "missing"), (13, "held"), (14, "held")]
    res = run(app, ["fix", "meeting", CIS14, "--set", "start=2026-10-15", "--why", "release", "--by", "ana",
                    "--db", db])
    assert res.exit_code == 0, res.output
    res = run(app, ["fix", "list", "--db", db, "--json"])
    assert [(c["author"], c["status"]) for c in json.loads(res.stdout)] == [("ana", "applied")]
    res = run(app, ["statements", "--speaker", "Volfovich", "--contains", "experts", "--db", db])
    assert res.exit_code == 0 and "Steppe News" in res.stdout
    res = run(app, ["export", "people", "--format", "csv", "--db", db])
    assert res.exit_code == 0 and res.stdout.startswith("key,name,")
    res = run(app, ["meetings", "--db", str(tmp_path / "missing" / "x.db")])
    assert res.exit_code == 2 and "parley ingest" in res.output
    res = run(app, ["db", "upgrade", "--db", db])
    assert res.exit_code == 0 and "nothing to do" in res.output
    res = run(app, ["db", "status", "--db", db, "--json"])
    assert json.loads(res.stdout)["documents"] == 8


def test_record_files_from_parley_extract_are_ingested_with_their_text(tmp_path, kb_items):
    out = tmp_path / "records"
    out.mkdir()
    for i in kb_items[:3]:
        rec = dict(i.record)
        (out / f"{rec['document']['name']}.json").write_text(json.dumps(rec), encoding="utf-8")
    (out / "broken.json").write_text('{"schema": "parley/extraction/v1", "document": {}}', encoding="utf-8")
    store = fresh(tmp_path)
    report = ingest(store, iter_sources([str(out)]))
    assert report.added == 3 and [f.reason for f in report.failures] == ["document.id: missing: every record needs its document's id"]
    with store.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from documents where raw_text is null").scalar() == 3
    # JSON Lines documents cannot be re-read by their origin ("file:line"): a record with its text
    rec = dict(kb_items[0].record, text=kb_items[0].raw_text)
    (out / "with-text.json").write_text(json.dumps(rec), encoding="utf-8")
    report = ingest(store, iter_sources([str(out / "with-text.json")], records_only=True))
    assert report.unchanged == 1
    with store.connect() as conn:
        assert conn.exec_driver_sql("select count(*) from documents where raw_text is null").scalar() == 2


def test_the_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from parley.store.fulltext import include_name
    from parley.store.models import Base

    store = fresh(tmp_path)
    with store.engine.connect() as conn:
        # The full-text engine's own tables (SQLite FTS5) are the migration's, not the models'.
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_name": include_name}), Base.metadata)
    assert diff == []
