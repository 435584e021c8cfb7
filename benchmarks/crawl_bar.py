"""Issue 14's crawl bar, end to end: a 20,000-page synthetic crawl ingested with Dask on 2
workers stores every dev report's meetings, as ingesting the dev reports directly does; the
pre-filter passes every relevant page; pages/s with `--engine local` and with Dask.

    PYTHONPATH=src .venv/bin/python benchmarks/crawl_bar.py [--pages 20000] [--shards 20] [--dir DIR]

Builds the crawl with warc_synth.py as ``--shards`` archives (a crawl ships as many files; a
partition is a list of files), then three knowledge bases: the crawl with `--engine dask
--workers 2`, the crawl with `--engine local`, and the dev reports ingested directly. Compared:
the meetings and people exports of the Dask store and of the direct one, and the two engines'
exports. The crawl repeats each report with other page furniture; the copies are stored as copies
of the first (parley.store.models.DocumentCopy), so each store has one document per report. What
is compared leaves out what names the documents (sources, the document a label names an undated
meeting by, first-reported dates) and the "~N" that tells apart undated meetings of one place,
numbered in the order their documents' ids sort (a file's and a page's ids differ). Exits 1 when a
check fails.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _served import CORPUS, PARLEY, env  # noqa: E402

_NTH = re.compile(r"~[^/~]*$")
_PROVENANCE = ("sources", "fields", "documents", "confidence", "first_reported", "corrections", "flags", "label")

HERE = Path(__file__).resolve().parent


def ingest(inputs: list[str], db: Path, *extra: str) -> float:
    t0 = time.perf_counter()
    subprocess.run([*PARLEY, "ingest", *inputs, "--db", str(db), *extra], check=True, env=env(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def export(db: Path, kind: str) -> Counter[str]:
    """The export's rows without what names documents, as a multiset of JSON lines."""
    out = subprocess.run([*PARLEY, "export", kind, "--db", str(db)], check=True, env=env(), capture_output=True,
                         text=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    for r in rows:  # which documents back a value differs with the run's document ids: compare the values
        if isinstance(r.get("key"), str):
            r["key"] = _NTH.sub("", r["key"])
    return Counter(json.dumps(_values(r), sort_keys=True, ensure_ascii=False) for r in rows)


def _values(value):
    """``value`` without what names documents, at any depth."""
    if isinstance(value, dict):
        return {k: _values(v) for k, v in value.items() if k not in _PROVENANCE}
    if isinstance(value, list):
        return [_values(v) for v in value]
    return value


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
        urls = [u for (u,) in c.execute("SELECT url FROM documents UNION ALL SELECT url FROM document_copies")]
    relevant_stored = sum("/security/" in (u or "") for u in urls)
    relevant = round(args.pages * 0.05)
    with sqlite3.connect(work / "dask.db") as c:
        stored, copies = (c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "document_copies"))
    exports = {(db, kind): export(work / db, kind) for db in ("dask.db", "local.db", "direct.db")
               for kind in ("meetings", "people")}
    same_engines = all(exports["dask.db", k] == exports["local.db", k] for k in ("meetings", "people"))
    via_dask, direct = exports["dask.db", "meetings"], exports["direct.db", "meetings"]
    missing, extra = sorted((direct - via_dask).elements()), sorted((via_dask - direct).elements())
    people_same = exports["dask.db", "people"] == exports["direct.db", "people"]
    print(f"{args.pages:,} pages in {args.shards} archives; {relevant} relevant")
    print(f"ingest --engine dask --workers 2: {dask_s:.0f} s ({args.pages / dask_s:.0f} pages/s); "
          f"--engine local: {local_s:.0f} s ({args.pages / local_s:.0f} pages/s); dask/local {local_s / dask_s:.2f}x")
    print(f"pre-filter: {relevant_stored} of {relevant} relevant pages stored (recall {relevant_stored / relevant:.3f}); "
          f"{len(urls) - relevant_stored} other pages stored")
    print(f"documents stored from the crawl: {stored}, and {copies} copies of them")
    print(f"meetings: direct {direct.total()}, via the crawl on Dask {via_dask.total()}; "
          f"only direct {len(missing)}, only via the crawl {len(extra)}")
    for row in missing[:10]:
        print(f"  only direct: {row}")
    for row in extra[:10]:
        print(f"  only via the crawl: {row}")
    people = exports["direct.db", "people"] - exports["dask.db", "people"], \
        exports["dask.db", "people"] - exports["direct.db", "people"]
    print(f"people: direct {exports['direct.db', 'people'].total()}, via the crawl {exports['dask.db', 'people'].total()}"
          f"; only direct {people[0].total()}, only via the crawl {people[1].total()}"
          + ("" if people_same else " (an HTML page's byline is the page's metadata, not its text)"))
    for row in [*people[0].elements()][:5]:
        print(f"  only direct: {row}")
    for row in [*people[1].elements()][:5]:
        print(f"  only via the crawl: {row}")
    checks = {"pre-filter recall 1.0": relevant_stored == relevant,
              "the meetings export equals the direct ingest's": not missing and not extra,
              "Dask and local give the same meetings and people": same_engines}
    for name, ok in checks.items():
        print(f"{'ok ' if ok else 'NOT'} {name}")
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
