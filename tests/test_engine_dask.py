"""Distributed runs (``--engine dask``) on a LocalCluster of two worker processes.

All tests but one replace the language models with a cheap extraction (``one_meeting``: a
record with one meeting per report, named by its first line), passed to the workers as a
picklable function; the one test with the real models checks that a distributed run writes
exactly what a local run writes."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.engine.dask import RunStats
from parley.engine.partitions import Partition, RecordFile, plan
from parley.engine.runs import RunSettings, run_items
from parley.errors import Failure
from parley.export import export
from parley.ingest.document import Document
from parley.record import DocumentInfo, Meeting, Record
from parley.store.db import open_store
from parley.store.ingest import IngestReport, ingest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"

REPORTS = {
    "r1": ("Meeting of the CSTO Collective Security Council", "Minsk", "2024-05-01"),
    "r2": ("Session of the CIS Council of Defence Ministers", "Moscow", "2024-05-02"),
    "r3": ("Meeting of the SCO Security Council Secretaries", "Astana", "2024-05-03"),
    "r4": ("BRICS meeting of National Security Advisers", "Saint Petersburg", "2024-05-04"),
    "r5": ("Meeting of the CSTO Foreign Ministers Council", "Yerevan", "2024-05-05"),
    "r6": ("CIS Council of Heads of Security Agencies", "Dushanbe", "2024-05-06"),
}


# ----------------------------------------------------------------- the cheap extractions (run on the workers)

def one_meeting(items: list[Document | Failure]) -> list[Record | Failure]:
    """A record per report with one meeting: its first line, held where and when the text says."""
    out: list[Record | Failure] = []
    for item in items:
        if isinstance(item, Failure):
            out.append(item)
            continue
        title, place, start = REPORTS[item.name]
        at = item.raw.index(title)
        info = DocumentInfo(item.id, item.name, title, start, "en", None, item.url, item.origin)
        out.append(Record(info, meetings=[Meeting(name=title, place=place, start=start, evidence=[(at, at + len(title))],
                                                  confidence=0.9)]))
    return out


def logged(items: list[Document | Failure], log: Path) -> list[Record | Failure]:
    """one_meeting, leaving a file per report extracted (how many times it was)."""
    for item in items:
        if isinstance(item, Document):
            with (log / item.name).open("a") as fh:
                fh.write("x")
    return one_meeting(items)


def fails_once(items: list[Document | Failure], marker: Path, name: str) -> list[Record | Failure]:
    """Raises the first time it sees report ``name`` (a transient error: a network file system)."""
    if any(i.name == name for i in items if isinstance(i, Document)) and not marker.exists():
        marker.touch()
        raise OSError(f"transient error reading {name}")
    return one_meeting(items)


def always_fails(items: list[Document | Failure], name: str) -> list[Record | Failure]:
    if any(i.name == name for i in items if isinstance(i, Document)):
        raise ValueError(f"cannot extract {name}")
    return one_meeting(items)


def kills_its_worker(items: list[Document | Failure], marker: Path, name: str) -> list[Record | Failure]:
    """Ends its worker process outright (as the OOM killer would) the first time it sees ``name``."""
    if any(i.name == name for i in items if isinstance(i, Document)) and not marker.exists():
        marker.touch()
        os._exit(1)
    return one_meeting(items)


# ----------------------------------------------------------------- helpers

@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, (title, place, start) in REPORTS.items():
        (folder / f"{name}.txt").write_text(
            f"{title}\n\n{place}, {start}. The delegations discussed regional security, counter-terrorism "
            f"cooperation and the situation on the borders, and agreed to meet again next year.\n", encoding="utf-8")
    return folder


def run_ingest(db: Path, inputs: Path, work: Path, extract, *, retries: int = 2) -> tuple[IngestReport, RunStats]:
    settings = RunSettings("dask", workers=2, partition_files=2, retries=retries, work_dir=work)
    with open_store(str(db)) as store:
        report = ingest(store, run_items([str(inputs)], settings, ingest=True, extract=extract))
    return report, settings.stats


def exported(db: Path, kind: str = "meetings") -> list[dict]:
    out = db.with_suffix(f".{kind}.jsonl")
    with open_store(str(db), create=False) as store, store.connect() as conn:
        export(conn, kind, "jsonl", out)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def stored_texts(db: Path) -> dict[str, str | None]:
    from sqlalchemy import select

    from parley.store import models as m

    with open_store(str(db), create=False) as store, store.connect() as conn:
        return dict(conn.execute(select(m.Document.name, m.Document.raw_text)).all())


# ----------------------------------------------------------------- planning (no cluster)

def test_partitions_group_files_in_order_and_a_changed_file_gets_a_new_name(reports: Path, tmp_path: Path):
    steps = plan([str(reports)], size=4)
    assert [len(s.paths) for s in steps if isinstance(s, Partition)] == [4, 2]
    assert [Path(p).stem for s in steps for p in s.paths] == list(REPORTS)
    assert [s.name for s in plan([str(reports)], size=4)] == [s.name for s in steps]  # stable across runs

    (reports / "r6.txt").write_text("CIS Council of Heads of Security Agencies\n\nrevised\n", encoding="utf-8")
    again = plan([str(reports)], size=4)
    assert again[0].name == steps[0].name and again[1].name != steps[1].name
    assert plan([str(reports)], size=4, options="ru")[0].name != steps[0].name  # other options, other records

    record = tmp_path / "r7.json"
    record.write_text(json.dumps({"schema": "parley/extraction/v1", "document": {}}), encoding="utf-8")
    mixed = plan([str(reports / "r1.txt"), str(record), str(reports / "r2.txt"), "-"], size=4)
    assert [type(s).__name__ for s in mixed] == ["Partition", "RecordFile", "Failure", "Partition"]
    assert isinstance(mixed[1], RecordFile) and "standard input" in mixed[2].reason  # a failure closes no partition


def archive(tmp_path: Path, pages: int = 60) -> Path:
    """A crawl archive of ``pages`` distinct pages, each record a gzip member of its own."""
    from parley.ingest.warc import response_record

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        for n in range(pages):
            body = (f"<html><body><h1>Page {n}</h1><p>Item {n}: " + " ".join(f"w{n * 7 + k}" for k in range(150))
                    + "</p></body></html>").encode()
            out.write(response_record(f"https://news.example/{n}", body))
    return path


def no_items(items: list[Document | Failure]) -> list[Record | Failure]:
    return [item if isinstance(item, Failure) else
            Record(DocumentInfo(item.id, item.name, None, None, "en", None, item.url, item.origin)) for item in items]


def test_a_large_archive_is_cut_at_record_boundaries_and_its_pieces_read_each_record_once(tmp_path: Path):
    from parley.engine.work import read_partition, run_partition
    from parley.ingest.warc import iter_warc

    path = archive(tmp_path)
    assert plan([str(path)], split_bytes=path.stat().st_size)[0].piece is None  # not over the size: whole
    steps = plan([str(path)], split_bytes=8_000)
    assert len(steps) >= 4 and all(isinstance(s, Partition) and s.paths == (str(path),) for s in steps)
    pieces = [s.piece for s in steps]
    assert pieces[0][0] == 0 and pieces[-1][1] is None
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))  # contiguous
    assert [s.name for s in plan([str(path)], split_bytes=8_000)] == [s.name for s in steps]  # stable
    assert "bytes 0-" in steps[0].describe()

    read = []
    for step in steps:
        out = tmp_path / f"{step.name}.parquet"
        out.write_bytes(run_partition(step, no_items, max_bytes=1_000_000, prefilter=False))
        read += [item.origin for item in read_partition(str(out))]
    assert read == [doc.origin for doc in iter_warc(str(path), max_bytes=1_000_000)]
    assert len(read) == 60 and len(set(read)) == 60


# ----------------------------------------------------------------- runs on a LocalCluster

def test_one_large_archive_is_spread_over_the_workers(tmp_path: Path):
    path = archive(tmp_path)
    settings = RunSettings("dask", workers=2, partition_bytes=8_000, work_dir=tmp_path / "work")
    with open_store(str(tmp_path / "kb.db")) as store:
        report = ingest(store, run_items([str(path)], settings, ingest=True, extract=no_items, prefilter=False))
    assert (report.added, report.failures) == (60, [])
    assert settings.stats.partitions >= 4 and settings.stats.extracted == settings.stats.partitions

def test_a_distributed_ingest_stores_every_report_with_its_text(reports: Path, tmp_path: Path):
    report, stats = run_ingest(tmp_path / "kb.db", reports, tmp_path / "work", one_meeting)
    assert (report.added, report.failures, stats.partitions, stats.extracted) == (6, [], 3, 3)
    assert sorted(m["name"] for m in exported(tmp_path / "kb.db")) == sorted(t for t, _, _ in REPORTS.values())
    texts = stored_texts(tmp_path / "kb.db")
    assert texts["r3"] == (reports / "r3.txt").read_text(encoding="utf-8")
    assert len(list((tmp_path / "work").glob("part-*.parquet"))) == 3


def test_a_partition_that_raises_once_is_retried(reports: Path, tmp_path: Path):
    marker = tmp_path / "raised"
    report, stats = run_ingest(tmp_path / "kb.db", reports, tmp_path / "work", partial(fails_once, marker=marker,
                                                                                          name="r3"))
    assert marker.exists()  # it did fail once
    assert (report.added, report.failures, stats.failed) == (6, [], 0)


def test_a_partition_that_always_fails_is_reported_by_name_and_the_rest_stored(reports: Path, tmp_path: Path):
    report, stats = run_ingest(tmp_path / "kb.db", reports, tmp_path / "work", partial(always_fails, name="r3"),
                               retries=1)
    assert (report.added, stats.failed, len(report.failures)) == (4, 1, 1)
    failure = report.failures[0]
    name = failure.origin.split()[1]  # "partition NAME (2 file(s): FIRST ... LAST)"
    assert name.startswith("part-00001-") and str(reports / "r3.txt") in failure.origin
    done = sorted(p.stem for p in (tmp_path / "work").glob("*.parquet"))
    assert len(done) == 2 and name not in done
    assert "cannot extract r3" in failure.reason
    assert sorted(stored_texts(tmp_path / "kb.db")) == ["r1", "r2", "r5", "r6"]


def test_a_rerun_extracts_only_the_partitions_not_done(reports: Path, tmp_path: Path):
    db, work, log = tmp_path / "kb.db", tmp_path / "work", tmp_path / "log"
    log.mkdir()
    first, stats = run_ingest(db, reports, work, partial(always_fails, name="r5"), retries=0)
    assert (first.added, stats.extracted, stats.failed) == (4, 2, 1)

    second, stats = run_ingest(db, reports, work, partial(logged, log=log))
    assert (stats.skipped, stats.extracted, stats.failed) == (2, 1, 0)
    assert sorted(p.name for p in log.iterdir()) == ["r5", "r6"]  # only the failed partition ran again
    assert (second.added, second.unchanged, second.failures) == (2, 4, [])


def test_killing_a_worker_mid_run_loses_no_partition(reports: Path, tmp_path: Path):
    run_ingest(tmp_path / "clean.db", reports, tmp_path / "clean-work", one_meeting)
    marker = tmp_path / "killed"
    report, stats = run_ingest(tmp_path / "kb.db", reports, tmp_path / "work",
                               partial(kills_its_worker, marker=marker, name="r4"))
    assert marker.exists()  # a worker did die
    assert (report.added, report.failures, stats.extracted) == (6, [], 3)
    for kind in ("meetings", "graph"):
        assert exported(tmp_path / "kb.db", kind) == exported(tmp_path / "clean.db", kind)


# ----------------------------------------------------------------- the real models

@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus is not available")
def test_with_the_models_a_distributed_run_writes_what_a_local_run_writes(tmp_path: Path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("d01", "d02", "d03", "d04", "d05"):
        (inputs / f"{name}.txt").write_bytes((DEV / f"{name}.txt").read_bytes())
    cli = CliRunner()
    dask = ["--engine", "dask", "--workers", "2", "--partition-files", "2"]
    for engine in ([], dask):
        tag = "dask" if engine else "local"
        r = cli.invoke(app, ["extract", str(inputs), "--out", str(tmp_path / tag), "-q", *engine])
        assert r.exit_code == 0, r.output
        r = cli.invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / f"{tag}.db"), "-q", *engine])
        assert r.exit_code == 0, r.output
    local_files = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert local_files == sorted(p.name for p in (tmp_path / "dask").glob("*.json")) and len(local_files) == 5
    for name in local_files:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    for kind in ("meetings", "people", "graph"):
        assert exported(tmp_path / "dask.db", kind) == exported(tmp_path / "local.db", kind)
    assert stored_texts(tmp_path / "dask.db") == stored_texts(tmp_path / "local.db")
    assert len(list((tmp_path / ".parley-work").glob("part-*.parquet"))) == 3  # next to the knowledge base
