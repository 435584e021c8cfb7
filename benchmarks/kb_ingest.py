"""Knowledge-base benchmark: ingest N synthetic extraction records into SQLite, then query.

    .venv/bin/python benchmarks/kb_ingest.py            # 100,000 documents
    .venv/bin/python benchmarks/kb_ingest.py --n 5000   # a quick look

Measured in one run, on the same rows (parley.store.synthetic, deterministic):
  * Parley's ingest (one transaction per document, facts, dirty marks) and its consolidation,
    in documents/s and as a ratio to a bare sqlite3 insert of the same document and fact rows
    (one table each, no indexes, a commit every 1,000 documents): the cost of the store;
  * database sizes, and their ratio;
  * latency of `parley meetings --series KEY` and `parley person NAME` as the query API runs
    them (median and worst over repeats; target < 100 ms), with the ratio to the bare
    database's nearest equivalent (a JSON scan of its fact rows), and once through the
    command line (process start-up included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import SERIES_HOSTS, generate

from parley.store import read
from parley.store.blocks import consolidate
from parley.store.db import open_store
from parley.store.ingest import KINDS, incoming_record, ingest, record_sha

PEOPLE = ("Sergei Shoigu", "Nikolai Patrushev", "Alexander Volfovich", "Sergey Lavrov", "Ajit Doval",
          "Stanislav Zas", "Vladimir Putin", "Alexander Lukashenko", "Emomali Rahmon", "Kassym-Jomart Tokayev")


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def bare_insert(path: Path, n: int, seed: int) -> float:
    c = sqlite3.connect(path)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA synchronous=NORMAL")
    c.execute("CREATE TABLE documents (id TEXT PRIMARY KEY, url TEXT, outlet TEXT, published TEXT, language TEXT,"
              " raw_text TEXT, record TEXT, record_sha TEXT)")
    c.execute("CREATE TABLE facts (document_id TEXT, kind TEXT, idx INTEGER, data TEXT)")
    t0 = time.perf_counter()
    for i, rec in enumerate(generate(n, seed)):
        text = rec.pop("text")
        d = rec["document"]
        header = {k: v for k, v in rec.items() if k not in {p for _, p in KINDS}}
        c.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?)",
                  (d["id"], d["url"], d["source"], d["published"], d["language"], text,
                   json.dumps(header, ensure_ascii=False), record_sha(rec)))
        c.executemany("INSERT INTO facts VALUES (?,?,?,?)",
                      [(d["id"], kind, j, json.dumps(item, ensure_ascii=False))
                       for kind, plural in KINDS for j, item in enumerate(rec[plural])])
        if i % 1000 == 999:
            c.commit()
    c.commit()
    c.close()
    return time.perf_counter() - t0


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


MEMORY_BAR_MB = 400


def ingest_memory(work: Path, n: int, seed: int) -> dict[str, float | int | bool]:
    """Peak RSS of ``parley ingest --records`` of ``n`` records from one JSON Lines file."""
    records, db = work / "records.jsonl", work / "memory.db"
    with records.open("w", encoding="utf-8") as out:
        for rec in generate(n, seed):  # each with its report's text, as `parley extract` writes them
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "parley.cli", "ingest", "--records", str(records), "--db", str(db)],
                   check=True, stdout=subprocess.DEVNULL, env=os.environ.copy())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    return {"documents": n, "file_mb": round(records.stat().st_size / 1e6, 1),
            "seconds": round(time.perf_counter() - t0, 1), "peak_rss_mb": round(peak),
            "under_400_mb": peak < MEMORY_BAR_MB}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="documents (default 100,000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dir", type=Path, default=None, help="where the databases go (default: a temporary directory)")
    ap.add_argument("--keep", action="store_true", help="keep the databases")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--memory", action="store_true",
                    help="measure the peak memory of `parley ingest --records` instead (bar: < 400 MB)")
    args = ap.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="parley-kb-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.memory:
        figures = ingest_memory(work, args.n, args.seed)
        print(json.dumps(figures, indent=1) if args.json else
              f"parley ingest --records of {figures['documents']:,} records ({figures['file_mb']} MB): "
              f"{figures['seconds']} s, peak RSS {figures['peak_rss_mb']} MB; bar < {MEMORY_BAR_MB} MB: "
              + ("met" if figures["under_400_mb"] else "NOT met"))
        if not args.keep and args.dir is None:
            shutil.rmtree(work)
        return
    kb_path, bare_path = work / "parley.db", work / "bare.db"
    for p in (kb_path, bare_path):
        for f in p.parent.glob(p.name + "*"):
            f.unlink()
    n = args.n
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr, flush=True))

    log(f"bare insert of {n:,} documents ...")
    bare_s = bare_insert(bare_path, n, args.seed)
    checkpoint(bare_path)

    log(f"parley ingest of {n:,} documents ...")
    store = open_store(str(kb_path))
    t0 = time.perf_counter()
    report = ingest(store, (incoming_record(r, f"synthetic:{i}", work) for i, r in enumerate(generate(n, args.seed))),
                    consolidate=False)
    store_s = time.perf_counter() - t0
    log("consolidating ...")
    rep = consolidate(store)
    cons_s = rep.seconds
    checkpoint(kb_path)
    assert report.added == n, report.to_dict()

    log("queries ...")
    series = sorted(SERIES_HOSTS)
    with store.connect() as conn:
        # Warm up once: the first query of a process loads the officials registry (that cost is
        # in the command-line figures below).
        read.list_meetings(conn, series=series[0])
        read.get_person(conn, PEOPLE[0])
        meet_ms = [t for s in series for t in timed(lambda s=s: read.list_meetings(conn, series=s), 5)]
        person_ms = [t for p in PEOPLE for t in timed(lambda p=p: read.get_person(conn, p), 3)]
        n_meetings = len(read.list_meetings(conn, series=series[0]))
        totals = read.totals(conn)
    bare = sqlite3.connect(bare_path)
    bare_meet_ms = [t for s in series for t in timed(lambda s=s: bare.execute(
        "SELECT document_id, idx, data FROM facts WHERE kind='meeting' AND json_extract(data,'$.series')=?",
        (s,)).fetchall(), 2)]
    bare_person_ms = [t for p in PEOPLE[:3] for t in timed(lambda p=p: bare.execute(
        "SELECT document_id, idx, data FROM facts WHERE kind='person' AND json_extract(data,'$.name')=?",
        (p,)).fetchall(), 2)]
    bare.close()
    cli = shutil.which("parley") or str(Path(sys.executable).with_name("parley"))
    cli_ms = {}
    for name, argv in (("meetings", [cli, "meetings", "--series", series[0], "--json", "--db", str(kb_path)]),
                       ("person", [cli, "person", PEOPLE[0], "--json", "--db", str(kb_path)])):
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "200"})
        cli_ms[name] = round((time.perf_counter() - t0) * 1000)
    store.close()

    med = statistics.median
    figures = {
        "documents": n,
        "bare_insert_docs_per_s": round(n / bare_s),
        "parley_store_docs_per_s": round(n / store_s),
        "parley_consolidate_docs_per_s": round(n / cons_s),
        "parley_total_docs_per_s": round(n / (store_s + cons_s)),
        "ratio_total_to_bare": round((store_s + cons_s) / bare_s, 2),
        "seconds": {"bare": round(bare_s, 1), "store": round(store_s, 1), "consolidate": round(cons_s, 1)},
        "bare_db_mb": round(size(bare_path) / 1e6, 1),
        "parley_db_mb": round(size(kb_path) / 1e6, 1),
        "ratio_size_to_bare": round(size(kb_path) / size(bare_path), 2),
        "meetings_by_series_ms": {"median": round(med(meet_ms), 1), "max": round(max(meet_ms), 1),
                                  "meetings_per_series": n_meetings},
        "person_ms": {"median": round(med(person_ms), 1), "max": round(max(person_ms), 1)},
        "bare_series_scan_ms": round(med(bare_meet_ms), 1),
        "bare_person_scan_ms": round(med(bare_person_ms), 1),
        "ratio_meetings_query_to_bare_scan": round(med(meet_ms) / med(bare_meet_ms), 3),
        "ratio_person_query_to_bare_scan": round(med(person_ms) / med(bare_person_ms), 3),
        "cli_ms_with_startup": cli_ms,
        "target_under_100ms": max(meet_ms) < 100 and max(person_ms) < 100,
        "record": totals,
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        f = figures
        print(f"""
{n:,} synthetic documents -> {totals['meetings']:,} meetings, {totals['people']:,} people, {totals['agreements']:,} agreements, {totals['statements']:,} statements

ingest                      docs/s      seconds
  bare sqlite3 insert     {f['bare_insert_docs_per_s']:>8,}   {f['seconds']['bare']:>8}
  parley: store           {f['parley_store_docs_per_s']:>8,}   {f['seconds']['store']:>8}
  parley: consolidate     {f['parley_consolidate_docs_per_s']:>8,}   {f['seconds']['consolidate']:>8}
  parley: total           {f['parley_total_docs_per_s']:>8,}   ratio to bare {f['ratio_total_to_bare']}x time

database size               bare {f['bare_db_mb']} MB, parley {f['parley_db_mb']} MB (ratio {f['ratio_size_to_bare']}x)

query latency (API)         median    max     bare JSON scan   ratio
  meetings --series         {f['meetings_by_series_ms']['median']:>6} ms {f['meetings_by_series_ms']['max']:>6} ms  {f['bare_series_scan_ms']:>8} ms   {f['ratio_meetings_query_to_bare_scan']}
  person NAME               {f['person_ms']['median']:>6} ms {f['person_ms']['max']:>6} ms  {f['bare_person_scan_ms']:>8} ms   {f['ratio_person_query_to_bare_scan']}
  through the CLI (with process start-up): meetings {cli_ms['meetings']} ms, person {cli_ms['person']} ms
  target < 100 ms: {'met' if f['target_under_100ms'] else 'NOT met'}
""")
    if not args.keep and args.dir is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
