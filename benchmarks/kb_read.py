"""Read benchmark: every endpoint and page of `parley serve` on a large store, side by side with
Datasette serving the very same SQLite file.

    PYTHONPATH=src .venv/bin/python benchmarks/kb_read.py                        # 100,000 documents
    PYTHONPATH=src .venv/bin/python benchmarks/kb_read.py --db kb.db --reuse /tmp/kb-read
    PYTHONPATH=src .venv/bin/python benchmarks/kb_read.py --quick                # a small store, seconds

The store is copied (never changed), brought to this tree's schema (`parley db upgrade`, then
`parley db consolidate --all` if the schema changed), given 1,000 corrections, and served by
`parley serve` and by `datasette serve -i` (immutable, no plugins), both running during the
measurement. Each read is requested after a warm-up, N times, over one keep-alive connection per
server; the comparable list reads are also asked of Datasette as the equivalent SQL (same filter,
ordering and page size, with the total count), the two servers taking turns. Prints median and p95
per read, the answer's size, the ratio parley/Datasette and the bars (every read's median under
100 ms; the list reads at most 1.5x Datasette's time). Exits 0: it measures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _served import PARLEY, ROOT, Server, env, free_port, stop_process, working_copy  # noqa: E402
from kb_concurrency import Client  # noqa: E402

DEFAULT_KB = Path(tempfile.gettempdir()) / "parley-bench" / "kb100k" / "parley.db"
CORRECTIONS = 1_000
PAGE = 50  # the API's default page size: the parley URLs below leave `limit` out
BAR_MS = 100.0
BAR_RATIO = 1.5
NO_MATCH = "zqxjvorpleth"  # no word of the synthetic reports (nor of English)


# --------------------------------------------------------------------------- the store


def revision(db: Path) -> str | None:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        try:
            return c.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        except sqlite3.Error:
            return None


def build(path: Path, n: int) -> Path:
    """The synthetic store of ``kb_ingest.py`` (same generator and seed) at ``path``."""
    print(f"building {path} with benchmarks/kb_ingest.py --n {n:,} (100,000: about 4 minutes) ...", flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "kb_ingest.py"), "--n", str(n), "--keep",
                    "--dir", str(path.parent), "--json"], check=True, env=env(), stdout=subprocess.DEVNULL)
    (path.parent / "bare.db").unlink(missing_ok=True)  # kb_ingest's baseline: not read here
    return path


def source_store(args: argparse.Namespace, work: Path) -> Path:
    """The store to copy: ``--db``, else the synthetic one (built when missing)."""
    if args.db:
        return args.db
    if args.quick:
        source = work / "source" / "parley.db"
        return source if source.exists() else build(source, 1_000)
    return DEFAULT_KB if DEFAULT_KB.exists() else build(DEFAULT_KB, 100_000)


def prepare(args: argparse.Namespace, work: Path) -> Path:
    """The working copy in ``work`` (made once: a reused directory keeps it, and its source is not
    even looked for), at this tree's schema; consolidated again when the upgrade changed the schema
    (new derived columns are filled then)."""
    copy = work / "kb.db"
    if not copy.exists():
        source = source_store(args, work)
        print(f"copying {source} to {copy} ...", flush=True)
        wal = source.with_name(source.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            working_copy(source, work)  # folds the WAL in first
        else:  # nothing to fold in: the source is only read (it may belong to someone else)
            shutil.copyfile(source, copy)
    before = revision(copy)
    subprocess.run([*PARLEY, "db", "upgrade", "--db", str(copy)], check=True, env=env(), capture_output=True)
    after = revision(copy)
    if before != after:
        print(f"schema {before} -> {after}: parley db consolidate --all (about 90 s at 100,000 documents) ...",
              flush=True)
        subprocess.run([*PARLEY, "db", "consolidate", "--all", "--db", str(copy)], check=True, env=env(),
                       stdout=subprocess.DEVNULL)
    return copy


def make_corrections(db: Path, wanted: int) -> None:
    """Accept meetings, agreements and statements in turn until the store holds ``wanted``
    corrections (the corrections list reads each one's status)."""
    from parley.store.corrections import CorrectionSpec, add_corrections
    from parley.store.db import open_store

    with sqlite3.connect(db) as c:
        have = c.execute("SELECT count(*) FROM corrections").fetchone()[0]
        if have >= wanted:
            return
        keys = {kind: [r[0] for r in c.execute(f"SELECT key FROM {kind}s WHERE NOT rejected ORDER BY key")]
                for kind in ("meeting", "agreement", "statement")}
    print(f"making {wanted - have:,} corrections ...", flush=True)
    specs: list[CorrectionSpec] = []
    for i in range(wanted - have):
        kind = ("meeting", "agreement", "statement")[i % 3]
        pool = keys[kind]  # every 7919th key (a prime): spread over the record, not one block's keys
        specs.append(CorrectionSpec(kind, pool[(i * 7919) % len(pool)], "accept"))
    store = open_store(str(db))
    try:
        for i in range(0, len(specs), 100):
            add_corrections(store, specs[i:i + 100], author="kb_read benchmark", reason="benchmark: review")
    finally:
        store.close()


def checkpoint(db: Path) -> None:
    """Everything written (upgrade, consolidation, corrections) into the file itself: Datasette
    opens it immutable and never reads the WAL."""
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@dataclass
class Picks:
    """What the reads ask for, chosen from the store at run time."""

    meeting: str  # the most reported meeting
    meeting_docs: int
    person: str  # the most reported person
    person_docs: int
    document: str  # one of that meeting's reports, whose first meeting fact is shown with its spans
    series: str  # the series with the most meetings
    state: str  # the state at the most meetings
    topic: str  # terrorism, else the commonest topic
    since: str
    until: str
    order: dict[str, str]  # table -> ORDER BY of its list, "{a}" standing for the table's alias
    counts: dict[str, int]

    def offset(self, table: str, wanted: int) -> int:
        """The issue's offset, or on a smaller store one that still skips most of the list."""
        return wanted if self.counts[table] > wanted + PAGE else self.counts[table] * 4 // 5 // PAGE * PAGE


def pick(db: Path) -> Picks:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        one = lambda sql, *a: c.execute(sql, a).fetchone()  # noqa: E731
        meeting, meeting_docs = one("SELECT key, documents FROM meetings WHERE NOT rejected "
                                    "ORDER BY documents DESC, key LIMIT 1")
        person, person_docs = one("SELECT key, documents FROM people WHERE NOT rejected "
                                  "ORDER BY documents DESC, key LIMIT 1")
        document = one("SELECT document_id FROM meeting_sources WHERE meeting_key = ? AND fact_idx = 0 "
                       "ORDER BY document_id LIMIT 1", meeting)[0]
        series = one("SELECT series FROM meetings WHERE series IS NOT NULL AND NOT rejected "
                     "GROUP BY series ORDER BY count(*) DESC, series LIMIT 1")[0]
        state = one("SELECT value FROM meeting_members WHERE kind = 'state' "
                    "GROUP BY value ORDER BY count(*) DESC, value LIMIT 1")[0]
        topics = [r[0] for r in c.execute("SELECT value FROM meeting_members WHERE kind = 'topic' "
                                          "GROUP BY value ORDER BY count(*) DESC, value")]
        # Two years around the median dated meeting: a range of a few hundred meetings at 100,000.
        n_dated = one("SELECT count(*) FROM meetings WHERE start IS NOT NULL")[0]
        mid = one("SELECT start FROM meetings WHERE start IS NOT NULL ORDER BY start LIMIT 1 OFFSET ?",
                  n_dated // 2)[0]
        counts = {t: one(f"SELECT count(*) FROM {t}")[0]
                  for t in ("documents", "meetings", "people", "agreements", "statements", "corrections")}

        def columns(table: str) -> set[str]:
            return {r[1] for r in c.execute(f"PRAGMA table_info({table})")}

        # The lists' orders as the read layer has them ({a}: the table's alias); a precomputed
        # `sort_key` (indexed) replaces the expression once the schema has one.
        natural = {"meetings": "{a}.start IS NULL, {a}.start, {a}.key",
                   "statements": "{a}.date IS NULL, {a}.date, {a}.key",
                   "agreements": "{a}.block, {a}.valid_from IS NULL, {a}.valid_from, {a}.signed, {a}.key"}
        order = {t: ("{a}.sort_key, {a}.key" if "sort_key" in columns(t) else o) for t, o in natural.items()}
    year = int(mid[:4])
    return Picks(meeting, meeting_docs, person, person_docs, document, series, state,
                 "terrorism" if "terrorism" in topics else (topics[0] if topics else "terrorism"),
                 str(year - 1), str(year), order, counts)


# --------------------------------------------------------------------------- the reads


def page_sql(p: Picks, table: str, columns: str, where: str, extra: str) -> str:
    """The page first (plain columns, filtered, ordered, LIMIT/OFFSET), then the per-row
    subqueries ``extra`` for its rows only, and the total as one uncorrelated subquery: the SQL a
    careful hand writes, so that Datasette's time is a fair bar."""
    order = p.order[table]
    sort_key = ", x.sort_key" if "sort_key" in order else ""
    return (f"SELECT p.*, {extra}, (SELECT count(*) FROM {table} x WHERE {where.format(a='x')}) AS total "
            f"FROM (SELECT {columns}{sort_key} FROM {table} x WHERE {where.format(a='x')} "
            f"ORDER BY {order.format(a='x')} LIMIT :limit OFFSET :offset) AS p ORDER BY {order.format(a='p')}")


def meetings_sql(p: Picks, where: list[str]) -> str:
    """One page of meetings as the API lists them (summary columns, states and person names),
    with the total the filter matches."""
    return page_sql(
        p, "meetings",
        "x.key, x.series, x.ordinal, x.name, x.format, x.status, x.start, x.\"end\", x.place, x.country, x.chair, "
        "x.confidence, x.documents, x.reviewed, x.rejected",
        " AND ".join(["NOT {a}.rejected", *where]),
        "(SELECT json_group_array(mm.value) FROM meeting_members mm WHERE mm.meeting_key = p.key"
        " AND mm.kind = 'state') AS states, "
        "(SELECT json_group_array(mm.label) FROM meeting_members mm WHERE mm.meeting_key = p.key"
        " AND mm.kind = 'person') AS persons")


def statements_sql(p: Picks) -> str:
    """One page of statements: the row, its meeting (through its reports), its number of sources."""
    return page_sql(
        p, "statements",
        "x.key, x.speaker, x.speaker_key, x.quote, x.date, x.language, x.documents, x.confidence, x.reviewed, "
        "x.rejected",
        "NOT {a}.rejected",
        "(SELECT ms.meeting_key FROM statement_sources ss JOIN meeting_sources ms ON ms.document_id = ss.document_id"
        " AND ms.fact_idx = ss.meeting_idx WHERE ss.statement_key = p.key ORDER BY ms.meeting_key LIMIT 1)"
        " AS meeting, "
        "(SELECT count(*) FROM statement_sources ss WHERE ss.statement_key = p.key) AS sources")


def agreements_sql(p: Picks) -> str:
    """One page of agreements with their number of sources."""
    return page_sql(
        p, "agreements",
        "x.key, x.block, x.title, x.title_en, x.kind, x.parties, x.signatories, x.signed, x.valid_from, "
        "x.valid_to, x.sequence, x.predecessor, x.successor, x.confidence, x.documents, x.reviewed, x.rejected",
        "NOT {a}.rejected",
        "(SELECT count(*) FROM agreement_sources src WHERE src.agreement_key = p.key) AS sources")


@dataclass
class Read:
    name: str
    path: str  # parley's URL
    sql: str | None = None  # the comparable SQL for Datasette (list reads)
    params: dict[str, Any] = field(default_factory=dict)
    # figures
    status: int = 0
    kb: float = 0.0
    ms: list[float] = field(default_factory=list)
    ds_status: int = 0
    ds_kb: float = 0.0
    ds_ms: list[float] = field(default_factory=list)
    same_rows: bool | None = None  # parley's page and Datasette's rows have the same keys in the same order
    ds_error: str = ""  # Datasette's answer when it was not 200 (an SQL error says what)
    error: str = ""  # the request failed: no figures


def reads(p: Picks) -> list[Read]:
    topic = ["{a}.key IN (SELECT meeting_key FROM meeting_members WHERE kind = 'topic' AND value = :topic)"]
    state = ["{a}.key IN (SELECT meeting_key FROM meeting_members WHERE kind = 'state' AND value = :state)"]
    # (`{a}`: filled with the table's alias in the page and in the count)
    series = ["{a}.series = :series"]
    dates = ["{a}.start >= :since", "{a}.start <= :until || '~'"]  # `until` is inclusive, as the API has it
    page = {"limit": PAGE, "offset": 0}
    mk, pk = quote(p.meeting, safe="/~"), quote(p.person, safe="/~")
    q = lambda **kw: "?" + urlencode(kw)  # noqa: E731
    mo, so, ao = p.offset("meetings", 4000), p.offset("statements", 5000), p.offset("agreements", 3000)
    return [
        Read("/api", "/api"),
        Read("meetings: topic", "/api/meetings" + q(topic=p.topic), meetings_sql(p, topic), {**page, "topic": p.topic}),
        Read("timeline: topic", "/timeline" + q(topic=p.topic)),
        Read(f"meetings: offset {mo}", f"/api/meetings?offset={mo}", meetings_sql(p, []), {**page, "offset": mo}),
        Read(f"timeline: offset {mo}", f"/timeline?offset={mo}"),
        Read("meetings: series", "/api/meetings" + q(series=p.series), meetings_sql(p, series),
             {**page, "series": p.series}),
        Read("meetings: state", "/api/meetings" + q(state=p.state), meetings_sql(p, state), {**page, "state": p.state}),
        Read("meetings: dates", "/api/meetings" + q(since=p.since, until=p.until), meetings_sql(p, dates),
             {**page, "since": p.since, "until": p.until}),
        Read("meetings: first page", "/api/meetings", meetings_sql(p, []), page),
        Read(f"statements: offset {so}", f"/api/statements?offset={so}", statements_sql(p), {**page, "offset": so}),
        Read(f"agreements: offset {ao}", f"/api/agreements?offset={ao}", agreements_sql(p), {**page, "offset": ao}),
        Read("timeline", "/timeline"),
        Read("timeline: series", "/timeline" + q(series=p.series)),
        Read("timeline: state", "/timeline" + q(state=p.state)),
        Read("meeting: most reported", f"/api/meetings/{mk}"),
        Read("meeting page: most reported", f"/meetings/{mk}"),
        Read("person: most reported", f"/api/people/{pk}"),
        Read("person page: most reported", f"/people/{pk}"),
        Read("document with spans", f"/api/documents/{p.document}?fact=meeting:0"),
        Read("document page with spans", f"/documents/{p.document}?fact=meeting:0"),
        Read("search: security", "/api/search?q=security"),
        Read("search page: security", "/search?q=security"),
        Read("search: no match", "/api/search" + q(q=NO_MATCH)),
        Read("network", "/api/network"),
        Read("review", "/api/review"),
        Read("review page", "/review"),
        Read("corrections", "/api/corrections"),
        Read("corrections page", "/corrections"),
    ]


# --------------------------------------------------------------------------- servers and timing


class Datasette:
    """``datasette serve -i FILE`` on 127.0.0.1: the file immutable, no plugins, 5 s SQL limit."""

    def __init__(self, cmd: list[str], db: Path, log: Path) -> None:
        self.port = free_port()
        self.name = db.stem  # Datasette names a database after its file
        self._log = log.open("wb")
        self.proc = subprocess.Popen([*cmd, "serve", "-i", str(db), "--host", "127.0.0.1", "--port", str(self.port),
                                      "--setting", "sql_time_limit_ms", "5000"],
                                     stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/-/versions.json", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
                    raise RuntimeError(f"datasette did not start (exit code {self.proc.returncode}; its log: "
                                       f"{' | '.join(tail) or 'empty'})") from None
                time.sleep(0.3)

    def path(self, sql: str, params: dict[str, Any]) -> str:
        return f"/{self.name}.json?" + urlencode({"sql": sql, **params, "_shape": "array"})

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()


def datasette_command(given: str | None) -> list[str] | None:
    """``--datasette``, else Datasette installed with this interpreter, else one on the PATH."""
    if given:
        return given.split()
    try:
        import datasette  # noqa: F401

        return [sys.executable, "-m", "datasette"]
    except ImportError:
        found = shutil.which("datasette")
        return [found] if found else None


def fetch(client: Client, path: str) -> tuple[float, int, bytes]:
    """One timed GET; (ms, status, body)."""
    try:
        t0 = time.perf_counter()
        status, body = client.request("GET", path)
    except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
        # uvicorn closes a keep-alive connection idle for 5 s (while the other server answered
        # slow reads): the client has dropped it, so this attempt opens a new one.
        t0 = time.perf_counter()
        status, body = client.request("GET", path)
    return (time.perf_counter() - t0) * 1000, status, body


def keys_of(body: bytes, parley: bool) -> list[str] | None:
    try:
        data = json.loads(body)
        rows = data["items"] if parley else data
        return [r["key"] for r in rows]
    except (ValueError, KeyError, TypeError):
        return None


def measure(rd: Read, parley: Client, ds: Client | None, ds_path: str | None, repeat: int, warmup: int) -> None:
    """Warm-up, then ``repeat`` rounds in which the two servers take turns on the same read."""
    for _ in range(max(1, warmup)):  # at least one: the answer's size and rows come from it
        _, rd.status, body = fetch(parley, rd.path)
        if ds and ds_path:
            _, rd.ds_status, ds_body = fetch(ds, ds_path)
    rd.kb = len(body) / 1024
    if ds and ds_path:
        rd.ds_kb = len(ds_body) / 1024
        mine, theirs = keys_of(body, True), keys_of(ds_body, False)
        rd.same_rows = mine is not None and mine == theirs
        if rd.ds_status != 200:
            rd.ds_error = ds_body[:500].decode("utf-8", "replace")
    for _ in range(repeat):
        ms, rd.status, _ = fetch(parley, rd.path)
        rd.ms.append(ms)
        if ds and ds_path:
            ms, rd.ds_status, _ = fetch(ds, ds_path)
            rd.ds_ms.append(ms)


def p95(xs: list[float]) -> float:
    s = sorted(xs)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def ratio(rd: Read) -> float | None:
    return statistics.median(rd.ms) / statistics.median(rd.ds_ms) if rd.ms and rd.ds_ms else None


def commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True,
                               text=True).stdout.strip()
        return out + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# --------------------------------------------------------------------------- output


def report(rows: list[Read], picks: Picks, args: argparse.Namespace, started: float,
           load: list[float]) -> dict[str, Any]:
    med = statistics.median
    fmt = lambda x: "-" if x is None else f"{x:.1f}"  # noqa: E731
    print(f"\n{picks.counts['documents']:,} documents, {picks.counts['meetings']:,} meetings, "
          f"{picks.counts['people']:,} people, {picks.counts['agreements']:,} agreements, "
          f"{picks.counts['statements']:,} statements, {picks.counts['corrections']:,} corrections; "
          f"{args.repeat} repeats after {args.warmup} warm-up; commit {commit()}")
    print(f"1-minute load average {' -> '.join(f'{x:.1f}' for x in load)} on {os.cpu_count()} CPUs "
          "(above the CPU count: other work shared the machine and the times are pessimistic)")
    print(f"most reported meeting {picks.meeting} ({picks.meeting_docs} reports), person {picks.person} "
          f"({picks.person_docs}); series {picks.series}, state {picks.state}, topic {picks.topic}, "
          f"dates {picks.since}..{picks.until}\n")
    head = f"{'read':<30} {'parley ms':>9} {'p95':>7} {'KB':>8} {'status':>6}   {'datasette':>9} {'p95':>7} " \
           f"{'KB':>6}   {'ratio':>6}  rows"
    print(head)
    print("-" * len(head))
    out_rows = []
    for rd in rows:
        r = ratio(rd)
        same = "" if rd.same_rows is None else ("same" if rd.same_rows else "DIFFER")
        ds = (f"{med(rd.ds_ms):>9.1f} {p95(rd.ds_ms):>7.1f} {rd.ds_kb:>6.1f}" if rd.ds_ms else f"{'':>9} {'':>7} {'':>6}")
        print(f"{rd.name:<30} {med(rd.ms):>9.1f} {p95(rd.ms):>7.1f} {rd.kb:>8.1f} {rd.status:>6}   {ds}   "
              f"{fmt(r) + 'x' if r else '':>6}  {same}")
        out_rows.append({
            "read": rd.name, "url": rd.path, "status": rd.status, "median_ms": round(med(rd.ms), 1),
            "p95_ms": round(p95(rd.ms), 1), "kb": round(rd.kb, 1),
            **({"datasette": {"sql": rd.sql, "params": rd.params, "status": rd.ds_status,
                              "median_ms": round(med(rd.ds_ms), 1), "p95_ms": round(p95(rd.ds_ms), 1),
                              "kb": round(rd.ds_kb, 1)},
                "ratio": round(r, 2) if r else None, "same_rows": rd.same_rows} if rd.ds_ms else {}),
        })
    slow = [rd.name for rd in rows if med(rd.ms) >= BAR_MS]
    behind = [rd.name for rd in rows if (r := ratio(rd)) is not None and r > BAR_RATIO]
    failed = [f"{rd.name} ({rd.status})" for rd in rows if rd.status != 200] + \
        [f"{rd.name} (datasette {rd.ds_status}: {rd.ds_error})" for rd in rows if rd.ds_ms and rd.ds_status != 200]
    bars = {f"every read median < {BAR_MS:.0f} ms": not slow,
            f"list reads <= {BAR_RATIO}x Datasette": not behind if any(rd.ds_ms for rd in rows) else None}
    print()
    print(f"bar: every read median < {BAR_MS:.0f} ms: " + ("met" if not slow else
                                                           f"NOT met ({len(slow)}: {', '.join(slow)})"))
    if bars[f"list reads <= {BAR_RATIO}x Datasette"] is None:
        print(f"bar: list reads <= {BAR_RATIO}x Datasette: not measured (no datasette)")
    else:
        print(f"bar: list reads <= {BAR_RATIO}x Datasette: " + ("met" if not behind else
                                                                 f"NOT met ({len(behind)}: {', '.join(behind)})"))
    if failed:
        print("not 200: " + ", ".join(failed))
    if any(rd.same_rows is False for rd in rows):
        print("rows DIFFER: parley's page and the SQL's rows are not the same keys in the same order "
              "(the SQL in kb_read.py no longer matches the read layer's filter or order)")
    print(f"({time.perf_counter() - started:.0f} s in all)")
    return {"commit": commit(), "load_average": load, "repeat": args.repeat, "warmup": args.warmup, "counts": picks.counts,
            "picks": {k: v for k, v in vars(picks).items() if k != "counts"}, "reads": out_rows, "bars": bars,
            "slow": slow, "behind_datasette": behind, "not_200": failed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="a SQLite store (never changed: a copy is measured); default: the "
                                            f"synthetic 100,000 documents at {DEFAULT_KB}, built when missing")
    ap.add_argument("--reuse", type=Path, metavar="DIR",
                    help="keep the working copy in DIR and use it again next time (skips the copy, the "
                         "corrections and, unless the schema changed, the consolidation)")
    ap.add_argument("--repeat", type=int, help="timed requests per read and server (default 20; --quick 3)")
    ap.add_argument("--warmup", type=int, default=2, help="untimed requests first (default 2)")
    ap.add_argument("--quick", action="store_true", help="a store of 1,000 documents built in seconds, 3 repeats")
    ap.add_argument("--only", help="time only the reads whose name contains this")
    ap.add_argument("--datasette", help="the datasette command (default: the one installed with this Python, "
                                        "else on the PATH); without one, parley alone is timed")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write the figures to FILE as well")
    args = ap.parse_args()
    args.repeat = args.repeat or (3 if args.quick else 20)
    started = time.perf_counter()

    work = args.reuse or Path(tempfile.mkdtemp(prefix="parley-kb-read-"))
    work.mkdir(parents=True, exist_ok=True)
    db = prepare(args, work)
    make_corrections(db, 100 if args.quick else CORRECTIONS)
    checkpoint(db)
    picks = pick(db)
    rows = [rd for rd in reads(picks) if not args.only or args.only in rd.name]

    cmd = datasette_command(args.datasette)
    if cmd is None:
        print("no datasette found (pip install -e '.[dev]', or --datasette CMD): timing parley alone", flush=True)
    parley = Server(db, work / "serve.log")
    ds = None
    if cmd:
        try:
            ds = Datasette(cmd, db, work / "datasette.log")
        except (RuntimeError, OSError) as e:
            print(f"{e}: timing parley alone", flush=True)
    load = [os.getloadavg()[0]]
    try:
        pc, dc = Client(parley.port, 120), (Client(ds.port, 120) if ds else None)
        for rd in rows:
            if sys.stderr.isatty():
                print(f"\r\033[K  {rd.name} ...", end="", flush=True, file=sys.stderr)
            try:
                measure(rd, pc, dc, ds.path(rd.sql, rd.params) if ds and rd.sql else None, args.repeat,
                        args.warmup)
            except (OSError, http.client.HTTPException) as e:  # a timeout (120 s) or a dropped server
                rd.error = f"{type(e).__name__}: {e}"
        if sys.stderr.isatty():
            print("\r\033[K", end="", file=sys.stderr)
        pc.close()
        if dc:
            dc.close()
        load.append(os.getloadavg()[0])
    finally:
        parley.stop()
        if ds:
            ds.stop()
    figures = report([rd for rd in rows if not rd.error], picks, args, started, load)
    for rd in rows:
        if rd.error:
            print(f"{rd.name} ({rd.path}) not measured: {rd.error}")
    figures["not_measured"] = {rd.name: rd.error for rd in rows if rd.error}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    if not args.reuse:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
