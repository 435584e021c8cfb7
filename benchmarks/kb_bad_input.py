"""The bad-input check: one folder of everything a careless crawl or an attacker hands `parley
ingest`, then a normal day's work on the same store.

    .venv/bin/python benchmarks/kb_bad_input.py            # SQLite in a temporary directory
    .venv/bin/python benchmarks/kb_bad_input.py --db postgresql://parley:parley@127.0.0.1/parley_bad

The folder holds:
  * records.jsonl: nine malformed extraction records (evidence as a string, a name as a number,
    a 30-digit ordinal, start 2025-13-45, ordinal -5, ordinal 1e30, 100,000 states, an agreement
    in a meeting that does not exist, confidence NaN) between two good ones;
  * documents.jsonl: JSON Lines documents, a good one, one with a lone surrogate escape
    ("\\ud800"), one binary line, another good one;
  * ru-report.txt: a Russian report in UTF-8 with three stray bytes;
  * loop -> .: a symbolic link loop.
Then `parley ingest DIR` must exit 1 without a traceback, name every bad input, store the good
records and documents, keep the Russian text free of mojibake, and export no impossible value;
afterwards a normal ingest and `parley db consolidate --all` must succeed (exit 0).
Prints each check with PASS or FAIL; exits 0 when all pass, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARLEY = [sys.executable, "-m", "parley.cli"]

RU_REPORT = (
    "МИНСК, 14 октября. Государственный секретарь Совета безопасности Беларуси Александр Вольфович "
    "провёл в Минске XIV встречу секретарей советов безопасности государств – участников СНГ.\n\n"
    "В работе встречи приняли участие делегации России, Казахстана, Киргизии, Таджикистана и Армении. "
    "Стороны обсудили противодействие терроризму, экстремизму и наркотрафику.\n\n"
    "«Мы договорились о совместных мерах по защите информационной инфраструктуры», – сказал Александр Вольфович.\n"
)
EN_DOC = ("MOSCOW, October 20 (Test Wire) - The Committee of Secretaries of the Security Councils of the CSTO "
          "met in Moscow on Monday under the chairmanship of Russian Security Council Secretary Sergei Shoigu. "
          "Delegations of Belarus, Kazakhstan, Kyrgyzstan and Tajikistan took part.")
EN_DOC_2 = ("BISHKEK, October 21 (Test Wire) - The secretaries of the Security Councils of the SCO member states "
            "held their 21st meeting in Bishkek on Tuesday, chaired by Marat Imankulov, Secretary of the Security "
            "Council of Kyrgyzstan.")


def good_record(n: int) -> dict:
    return {
        "schema": "parley/extraction/v1",
        "document": {"id": f"{n:02d}" + "ab" * 31, "name": f"good-{n}", "title": None, "published": "2026-10-14",
                     "language": "en", "source": "Test Wire", "url": None, "origin": None},
        "meetings": [{"name": "XIV meeting of the secretaries of the Security Councils of the CIS",
                      "format": "multilateral", "series": "cis-security-council-secretaries", "ordinal": 14,
                      "start": "2026-10-14", "end": None, "place": "Minsk", "country": "BLR",
                      "chair": "Alexander Volfovich", "states": ["BLR", "RUS", "KAZ"], "organizations": ["CIS"],
                      "persons": ["Alexander Volfovich"], "status": "held", "topics": [], "part_of": None,
                      "evidence": [[0, 50]], "confidence": 0.8}],
        "agreements": [{"title": "plan for 2026-2027", "kind": "plan", "parties": ["BLR", "RUS"],
                        "signatories": [], "signed": None, "valid_from": 2026, "valid_to": 2027, "meeting": 0}],
        "statements": [{"speaker": "Alexander Volfovich", "quote": "We agreed on joint measures.", "meeting": 0}],
        "people": [{"name": "Alexander Volfovich", "aliases": [], "offices": []}],
    }


MALFORMED = [
    ("meetings", "evidence", "0-40"), ("people", "name", 42), ("meetings", "ordinal", 10**29 + 1),
    ("meetings", "start", "2025-13-45"), ("meetings", "ordinal", -5), ("meetings", "ordinal", 1e30),
    ("meetings", "states", ["RUS"] * 100_000), ("agreements", "meeting", 7), ("statements", "confidence", "NaN"),
]


def build(folder: Path) -> None:
    lines = [json.dumps(good_record(1))]
    for i, (plural, field, value) in enumerate(MALFORMED):
        rec = good_record(10 + i)
        rec[plural][0][field] = value
        text = json.dumps(rec)
        if value == "NaN":
            text = text.replace('"NaN"', "NaN")  # Python's json writes and reads NaN; JSON has no such number
        lines.append(text)
    lines.append(json.dumps(good_record(2)))
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = [json.dumps({"id": "wire-1", "text": EN_DOC, "published": "2026-10-20"}).encode(),
            b'{"id": "wire-2", "text": "Talks in Minsk \\ud800 on border security were held on October 14."}',
            b"\x00\x01\x02\xff\xfe binary \x89PNG\r\n\x1a\x00\x00",
            json.dumps({"id": "wire-3", "text": EN_DOC_2, "published": "2026-10-21"}).encode()]
    (folder / "documents.jsonl").write_bytes(b"\n".join(docs) + b"\n")
    data = RU_REPORT.encode("utf-8")
    cut = data.index("делегации".encode())
    data = data[:cut] + b"\xff" + data[cut:]
    cut = data.index("терроризму".encode())
    data = data[:cut] + b"\xc0" + data[cut:]
    data = data + "Конец".encode()[:3]  # a cut multi-byte sequence at the end
    (folder / "ru-report.txt").write_bytes(data)
    os.symlink(".", folder / "loop")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="database URL (default: a SQLite file in a temporary directory)")
    args = ap.parse_args()
    results: list[tuple[str, bool, str]] = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        results.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f"  ({detail})" if detail and not ok else ""), flush=True)

    with tempfile.TemporaryDirectory(prefix="parley-bad-input-") as tmp:
        folder = Path(tmp) / "inbox"
        folder.mkdir()
        build(folder)
        db = args.db or str(Path(tmp) / "kb.db")

        def parley(*argv: str) -> subprocess.CompletedProcess:
            return subprocess.run([*PARLEY, *argv, "--db", db], capture_output=True, text=True, timeout=900,
                                  cwd=ROOT)

        run = parley("ingest", str(folder))
        err = run.stderr
        check("ingest of the bad folder exits 1", run.returncode == 1, f"exit {run.returncode}: {err[-2000:]}")
        check("no traceback", "Traceback" not in err and "Error:" not in err.split("\n")[-1], err[-2000:])
        for field in ("meetings[0].evidence", "people[0].name", "meetings[0].ordinal", "meetings[0].start",
                      "meetings[0].states", "agreements[0].meeting", "statements[0].confidence"):
            check(f"the refusal names {field}", field in err, err[-1500:])
        check("the binary line is named", "documents.jsonl:3" in err, err[-1500:])
        check("the symlink loop is named", "loop" in err, err[-1500:])
        status = json.loads(parley("db", "status", "--json").stdout or "{}")
        export = parley("export", "meetings")
        meetings = [json.loads(x) for x in export.stdout.splitlines() if x.strip()]
        docs = subprocess.run([sys.executable, "-c", (
            "import json,sys;from parley.store.db import open_store;from parley.store import models as m;"
            "from sqlalchemy import select;s=open_store(sys.argv[1]);c=s.engine.connect();"
            "print(json.dumps({r.name: r.raw_text for r in c.execute(select(m.Document.name, m.Document.raw_text))},"
            "ensure_ascii=False))"), db], capture_output=True, text=True, cwd=ROOT)
        texts = json.loads(docs.stdout or "{}")
        names = set(texts)
        check("the two good records are stored", {"good-1", "good-2"} <= names, str(sorted(names)))
        check("the good JSON Lines documents are stored (surrogate line included)",
              {"documents-wire-1", "documents-wire-2", "documents-wire-3"} <= names, str(sorted(names)))
        check("no malformed record is stored", not any(n.startswith("good-1") and n != "good-1" for n in names),
              str(sorted(names)))
        ru = texts.get("ru-report") or ""
        check("the Russian report is stored without mojibake",
              "Александр Вольфович" in ru and "терроризму" in ru and "Ð" not in ru and "Ã" not in ru,
              ru[:200])
        check("the bad bytes are replaced and counted", ru.count("\ufffd") >= 2, repr(ru[:120]))
        surrogate = texts.get("documents-wire-2") or ""
        check("the lone surrogate is replaced", "\ufffd" in surrogate and all(
            not 0xD800 <= ord(ch) <= 0xDFFF for ch in surrogate), repr(surrogate))

        def impossible(mt: dict) -> str | None:
            for f in ("start", "end"):
                v = mt.get(f)
                if v:
                    parts = [int(p) for p in v.split("-")]
                    try:
                        date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
                    except ValueError:
                        return f"{f} {v}"
            o = mt.get("ordinal")
            if o is not None and not (isinstance(o, int) and 1 <= o <= 999):
                return f"ordinal {o}"
            if len(mt.get("states") or []) > 500:
                return "states"
            return None

        bad = [(mt.get("key"), impossible(mt)) for mt in meetings if impossible(mt)]
        check("no impossible value exported", export.returncode == 0 and not bad and len(meetings) >= 1,
              f"{bad} exit {export.returncode}")
        check("nothing waits for consolidation", status.get("pending_blocks") == 0 and status.get("failed_blocks") == 0,
              str(status))
        normal = parley("ingest", str(ROOT / "examples" / "en-cis-secretaries-moscow.txt"))
        check("a normal ingest afterwards exits 0", normal.returncode == 0, normal.stderr[-1500:])
        full = parley("db", "consolidate", "--all")
        check("db consolidate --all afterwards exits 0", full.returncode == 0, full.stderr[-1500:])
        again = parley("ingest", str(folder))
        check("re-running the bad folder changes nothing", again.returncode == 1 and "0 added" in again.stderr
              and "Traceback" not in again.stderr, again.stderr[-1500:])

    failed = [r for r in results if not r[1]]
    print(f"\n{len(results) - len(failed)}/{len(results)} checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
