"""Issue 14's crawl bar, end to end: a 20,000-page synthetic crawl ingested with Dask on 2
workers stores every dev report's meetings, as ingesting the dev reports directly does; the
pre-filter passes every relevant page; pages/s with `--engine local` and with Dask.

    PYTHONPATH=src .venv/bin/python benchmarks/crawl_bar.py [--pages 20000] [--shards 20] [--dir DIR]

Builds the crawl with warc_synth.py as ``--shards`` archives (a crawl ships as many files; a
partition is a list of files), then three knowledge bases: the crawl with `--engine dask
--workers 2`, the crawl with `--engine local`, and the dev reports ingested directly. Compared:
the meetings (key, series, ordinal, start, end, place, country, format, states) of the Dask store
and of the direct one, and the two engines' meeting and people exports (the crawl repeats each
report with other page furniture, so its meetings have more sources than the direct store's, and
the comparison leaves sources out). Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _served import CORPUS, PARLEY, env  # noqa: E402

HERE = Path(__file__).resolve().parent
MEETING = ("key", "series", "ordinal", "start", "end", "place", "country", "format")
COLUMNS = ", ".join(f'm."{k}"' for k in MEETING)


def ingest(inputs: list[str], db: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([*PARLEY, "ingest", *inputs, "--db", str(db), *extra], check=True, env=env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def meetings(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as c:
        rows = c.execute(f"SELECT {COLUMNS}, "
                         "(SELECT group_concat(value, ' ') FROM (SELECT value FROM meeting_members mm "
                         "WHERE mm.meeting_key = m.key AND mm.kind = 'state' ORDER BY value)) "
                         "FROM meetings m WHERE NOT m.rejected").fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def export(db: Path, kind: str) -> list[dict]:
    out = subprocess.run([*PARLEY, "export", kind, "--db", str(db)], check=True, env=env(), capture_output=True,
                         text=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    for r in rows:  # which documents back a value differs with the run's document ids: compare the values
        for k in ("sources", "fields", "documents", "confidence", "first_reported", "corrections", "flags"):
            r.pop(k, None)
        for p in r.get("persons", []):
            if isinstance(p, dict):
                p.pop("sources", None)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--shards", type=int, default=20)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/parley-crawl-bar"))
    args = ap.parse_args()
    work: Path = args.dir
    work.mkdir(parents=True, exist_ok=True)
    crawl = work / "crawl"
    if not crawl.exists():
        subprocess.run([sys.executable, str(HERE / "warc_synth.py"), str(crawl), "--pages", str(args.pages),
                        "--shards", str(args.shards)], check=True, env=env())
    for name in ("dask.db", "local.db", "direct.db"):
        for f in work.glob(name + "*"):
            f.unlink()
    shutil.rmtree(work / "dask-work", ignore_errors=True)  # a run from scratch, not a resumed one
    dask_s = ingest([str(crawl)], work / "dask.db", "--engine", "dask", "--workers", "2",
                    "--work-dir", str(work / "dask-work"))
    local_s = ingest([str(crawl)], work / "local.db")
    ingest([str(CORPUS / "dev"), str(CORPUS / "dev-ru")], work / "direct.db")

    with sqlite3.connect(work / "dask.db") as c:
        urls = [u for (u,) in c.execute("SELECT url FROM documents")]
    relevant_stored = sum("/security/" in (u or "") for u in urls)
    relevant = round(args.pages * 0.05)
    via_dask, direct = meetings(work / "dask.db"), meetings(work / "direct.db")
    missing = sorted(set(direct) - set(via_dask))
    changed = sorted(k for k in set(direct) & set(via_dask) if direct[k] != via_dask[k])
    extra = sorted(set(via_dask) - set(direct))
    same_engines = all(export(work / "dask.db", k) == export(work / "local.db", k) for k in ("meetings", "people"))
    print(f"{args.pages:,} pages in {args.shards} archives; {relevant} relevant")
    print(f"ingest --engine dask --workers 2: {dask_s:.0f} s ({args.pages / dask_s:.0f} pages/s); "
          f"--engine local: {local_s:.0f} s ({args.pages / local_s:.0f} pages/s); dask/local {local_s / dask_s:.2f}x")
    print(f"pre-filter: {relevant_stored} of {relevant} relevant pages stored (recall {relevant_stored / relevant:.3f}); "
          f"{len(urls) - relevant_stored} other pages stored")
    print(f"meetings: direct {len(direct)}, via the crawl on Dask {len(via_dask)}; missing {len(missing)}, "
          f"different {len(changed)}, extra {len(extra)}")
    for k in missing[:10]:
        print(f"  missing {k}: {direct[k]}")
    for k in changed[:10]:
        print(f"  different {k}: direct {direct[k]} / crawl {via_dask[k]}")
    for k in extra[:10]:
        print(f"  extra {k}: {via_dask[k]}")
    checks = {"pre-filter recall 1.0": relevant_stored == relevant,
              "every directly ingested meeting stored, the same": not missing and not changed,
              "Dask and local give the same meetings and people": same_engines}
    for name, ok in checks.items():
        print(f"{'ok ' if ok else 'NOT'} {name}")
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
