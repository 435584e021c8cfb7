"""The FollowTheMoney export of the dev knowledge base, checked as a consumer reads it.

    PYTHONPATH=src .venv/bin/python benchmarks/export_ftm.py              # the dev reports' store
    PYTHONPATH=src .venv/bin/python benchmarks/export_ftm.py --db kb.db

Builds the dev store once (benchmarks/_served.py: `parley ingest` of ../shared/corpus/dev and
dev-ru), works on a copy brought to this tree's schema and consolidated again, runs `parley
export all --format ftm`, then loads the file entity by entity through the followthemoney model
with every warning an error and counts: entities per schema, warnings, references to an entity
not in the file, meetings that are not an Event, people that are not a Person, and whether a
second export gives the same bytes. Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _served import PARLEY, dev_kb, env, working_copy  # noqa: E402


def export(db: Path, out: Path) -> None:
    subprocess.run([*PARLEY, "export", "all", "--format", "ftm", "--out", str(out), "--db", str(db)], check=True,
                   env=env(), capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="a SQLite knowledge base (a copy is used); default: the dev reports'")
    args = ap.parse_args()
    from followthemoney import model
    from followthemoney.types import registry

    with tempfile.TemporaryDirectory(prefix="parley-ftm-") as tmp:
        work = Path(tmp)
        db = working_copy(args.db or dev_kb(), work)
        subprocess.run([*PARLEY, "db", "consolidate", "--all", "--db", str(db)], check=True, env=env(),
                       capture_output=True)
        first, second = work / "a.ftm.json", work / "b.ftm.json"
        export(db, first)
        export(db, second)
        entities, caught = [], []
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            for line in first.read_text(encoding="utf-8").splitlines():
                data = json.loads(line)
                model.get(data["schema"]).validate(data)
                entities.append(model.get_proxy(data))
            caught = [str(w.message) for w in seen]
        ids = {e.id for e in entities}
        missing = sorted({v for e in entities for p in e.iterprops() if p.type == registry.entity
                          for v in e.get(p) if v not in ids})
        by_schema = Counter(e.schema.name for e in entities)
        with sqlite3.connect(db) as c:
            meetings = c.execute("SELECT count(*) FROM meetings WHERE NOT rejected").fetchone()[0]
            people = c.execute("SELECT count(*) FROM people WHERE NOT rejected").fetchone()[0]
        same = first.read_bytes() == second.read_bytes()
    print(f"{len(entities):,} entities: " + ", ".join(f"{k} {v}" for k, v in sorted(by_schema.items())))
    checks = {
        "no warning on load": not caught,
        "every reference is an entity of the file": not missing,
        f"every meeting an Event ({meetings} meetings, {by_schema['Event']} Events)": by_schema["Event"] == meetings,
        f"every person a Person ({people} people, {by_schema['Person']} Persons)": by_schema["Person"] == people,
        "a second export gives the same bytes": same,
    }
    for name, ok in checks.items():
        print(f"{'ok ' if ok else 'NOT'} {name}")
    for w in caught[:10]:
        print(f"  warning: {w}")
    for ref in missing[:10]:
        print(f"  missing: {ref}")
    sys.exit(0 if all(checks.values()) else 1)


if __name__ == "__main__":
    main()
