"""Cross-outlet merging: do the reports of one real meeting end as one meeting record, and
reports of different meetings as different records?

    PYTHONPATH=src .venv/bin/python -m parley.cli extract /work/shared/corpus/dev /work/shared/corpus/dev-ru \\
        -o /tmp/merge-records                                    # once: the dev reports' records
    PYTHONPATH=src .venv/bin/python benchmarks/kb_merge.py       # --records DIR, --json, --quiet

The extracted records are ingested into a fresh SQLite store and consolidated as `parley
ingest` does; each meeting fact (document, index) then belongs to the meeting whose sources
hold it (meeting_sources). Labels (benchmarks/data/merge_labels.json) say which facts report
the same real meeting; every fact not listed there is a meeting of its own. Scored:

  * pairwise precision / recall / F1 over pairs of facts put in one meeting;
  * B-cubed precision / recall / F1 (per fact: how much of its meeting is right, how much of
    its real meeting it is with), averaged over facts;
  * per real meeting, what was split, and per record, what was wrongly joined.

Two sets: ``dev`` (the records as extracted) and ``hard`` (dev plus variants made from the
labelled meetings' reports: the date dropped with the report published a day later, date,
place and ordinal dropped with the report published a week later (a passing mention), the
series dropped, the date shifted by nine days with no ordinal, the place dropped, and two
distractors of the same series and place without an ordinal, five months and twenty years
earlier, which must stay apart). Targets: B-cubed F1 >= 0.95, pairwise F1 >= 0.90, no record joining two meetings.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from parley.store import models as m
from parley.store.db import open_store
from parley.store.ingest import incoming_record, ingest

LABELS = Path(__file__).parent / "data" / "merge_labels.json"
Item = tuple[str, int]  # (document name, meeting index)


def load_records(directory: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for p in sorted(directory.glob("*.json")):
        rec = json.loads(p.read_text(encoding="utf-8"))
        out[rec["document"]["name"]] = rec
    return out


def load_labels() -> dict[Item, str]:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    return {(e["document"], e["item"]): e["meeting"] for e in data["items"]}


# --------------------------------------------------------------------------- variants


def _doc_id(name: str) -> str:
    return hashlib.sha256(f"kb_merge:{name}".encode()).hexdigest()


def _variant(rec: dict[str, Any], index: int, suffix: str, published: str | None, **changes: Any) -> dict[str, Any]:
    """A new report holding one meeting of ``rec`` with some fields changed (no other items:
    they would be unlabelled copies of the original's)."""
    item = copy.deepcopy(rec["meetings"][index])
    item.update(changes)
    item["part_of"] = None
    if changes.get("start", item.get("start")) is None:
        item["end"] = None
    name = f"{rec['document']['name']}~{suffix}"
    # Another report: its own id, and no text hash (it stands for another outlet's text, not a copy).
    doc = {**{k: v for k, v in rec["document"].items() if k not in ("text_sha", "copy")}, "id": _doc_id(name),
           "name": name, "published": published, "url": None, "origin": f"kb_merge:{name}"}
    return {**{k: v for k, v in rec.items() if k not in ("meetings", "agreements", "statements", "people")},
            "document": doc, "meetings": [item], "agreements": [], "statements": [], "people": []}


def _shift(day: str, days: int = 0, years: int = 0) -> str:
    d = date.fromisoformat(day)
    try:
        d = d.replace(year=d.year + years)
    except ValueError:  # 29 February
        d = d.replace(year=d.year + years, day=28)
    return (d + timedelta(days=days)).isoformat()


def variants(records: dict[str, dict[str, Any]], labels: dict[Item, str]) -> tuple[list[dict[str, Any]], dict[Item, str]]:
    """Harder reports made from each labelled meeting's first report with a precise date."""
    out: list[dict[str, Any]] = []
    new_labels: dict[Item, str] = {}
    by_meeting: dict[str, list[Item]] = defaultdict(list)
    for item, label in sorted(labels.items()):
        by_meeting[label].append(item)
    for label, items in sorted(by_meeting.items()):
        src = next(((d, i) for d, i in items if len(records[d]["meetings"][i].get("start") or "") == 10
                    and records[d]["meetings"][i].get("status", "held") == "held"), None)
        if src is None:
            continue
        rec, i = records[src[0]], src[1]
        it = rec["meetings"][i]
        start = it["start"]
        pub = rec["document"].get("published") or start
        made = [
            _variant(rec, i, "undated", _shift(start, 1), start=None),
            _variant(rec, i, "mention", _shift(start, 7), start=None, place=None, country=None, ordinal=None),
            _variant(rec, i, "no-series", pub, series=None),
            _variant(rec, i, "wrong-date", pub, start=_shift(start, 9), ordinal=None),
            _variant(rec, i, "no-place", pub, place=None, country=None),
        ]
        for v in made:
            new_labels[(v["document"]["name"], 0)] = label
            out.append(v)
        if it.get("series"):
            # Other meetings of the series at the same place: five months earlier (bodies that meet
            # twice a year) and twenty years earlier (no report of the dev corpus is about either).
            for suffix, days, years in (("months-5", -150, 0), ("years-20", 0, -20)):
                v = _variant(rec, i, suffix, _shift(pub, days, years), start=_shift(start, days, years), ordinal=None)
                new_labels[(v["document"]["name"], 0)] = f"{label}~{suffix}"
                out.append(v)
    return out, new_labels


# --------------------------------------------------------------------------- scoring


def predicted(records: list[dict[str, Any]]) -> dict[Item, str]:
    """Ingest the records into a fresh store; (document name, index) -> meeting key."""
    names = {r["document"]["id"]: r["document"]["name"] for r in records}
    with tempfile.TemporaryDirectory(prefix="parley-kb-merge-") as tmp:
        store = open_store(str(Path(tmp) / "merge.db"))
        report = ingest(store, (incoming_record(copy.deepcopy(r), f"kb_merge:{r['document']['name']}")
                                for r in records))
        if report.failures:
            raise SystemExit(f"ingest failed: {report.to_dict()['failures'][:3]}")
        with store.connect() as conn:
            rows = conn.execute(m.MeetingSource.__table__.select()).all()
        store.close()
    return {(names[r.document_id], r.fact_idx): r.meeting_key for r in rows}


def scores(truth: dict[Item, str], pred: dict[Item, str]) -> dict[str, float]:
    items = sorted(truth)
    t_groups, p_groups = defaultdict(set), defaultdict(set)
    for it in items:
        t_groups[truth[it]].add(it)
        p_groups[pred.get(it, f"missing:{it}")].add(it)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_t, same_p = truth[a] == truth[b], pred.get(a) == pred.get(b) and pred.get(a) is not None
        tp += same_t and same_p
        fp += same_p and not same_t
        fn += same_t and not same_p
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    bp = br = 0.0
    for it in items:
        tg, pg = t_groups[truth[it]], p_groups[pred.get(it, f"missing:{it}")]
        both = len(tg & pg)
        bp += both / len(pg)
        br += both / len(tg)
    bp, br = bp / len(items), br / len(items)
    wrong = sum(1 for g in p_groups.values() if len({truth[i] for i in g}) > 1)
    return {"facts": len(items), "meetings": len(t_groups), "records": len(p_groups),
            "pairwise_precision": round(p, 3), "pairwise_recall": round(r, 3), "pairwise_f1": round(_f(p, r), 3),
            "bcubed_precision": round(bp, 3), "bcubed_recall": round(br, 3), "bcubed_f1": round(_f(bp, br), 3),
            "records_joining_meetings": wrong}


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def problems(truth: dict[Item, str], pred: dict[Item, str]) -> list[str]:
    t_groups, p_groups = defaultdict(list), defaultdict(list)
    for it in sorted(truth):
        t_groups[truth[it]].append(it)
        p_groups[pred.get(it, "?")].append(it)
    out = []
    for label, its in sorted(t_groups.items()):
        keys = sorted({pred.get(i, "?") for i in its})
        if len(keys) > 1:
            parts = "; ".join(f"{k}: {', '.join(f'{d}/{i}' for d, i in its if pred.get((d, i), '?') == k)}"
                              for k in keys)
            out.append(f"split   {label} -> {parts}")
    for key, its in sorted(p_groups.items()):
        labels = sorted({truth[i] for i in its})
        if len(labels) > 1:
            parts = "; ".join(f"{lb}: {', '.join(f'{d}/{i}' for d, i in its if truth[(d, i)] == lb)}" for lb in labels)
            out.append(f"joined  {key} <- {parts}")
    return out


def evaluate(records: list[dict[str, Any]], labels: dict[Item, str]) -> tuple[dict[str, float], list[str]]:
    truth = {(r["document"]["name"], i): labels.get((r["document"]["name"], i), f"{r['document']['name']}/{i}")
             for r in records for i in range(len(r.get("meetings") or []))}
    pred = predicted(records)
    return scores(truth, pred), problems(truth, pred)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=Path, default=Path("/tmp/merge-records"),
                    help="the dev corpus's extraction records (`parley extract ... -o DIR`)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--quiet", action="store_true", help="figures only, no list of splits and joins")
    args = ap.parse_args()
    if not args.records.is_dir():
        sys.exit(f"no records in {args.records}: run `parley extract /work/shared/corpus/dev "
                 f"/work/shared/corpus/dev-ru -o {args.records}` first")
    records = load_records(args.records)
    labels = load_labels()
    missing = [f"{d}/{i}" for d, i in labels if d not in records or i >= len(records[d].get("meetings") or [])]
    if missing:
        sys.exit(f"labelled facts missing from the records (re-extracted differently?): {', '.join(missing)}")
    extra, extra_labels = variants(records, labels)
    results = {}
    for name, recs, lab in (("dev", list(records.values()), labels),
                            ("hard", list(records.values()) + extra, {**labels, **extra_labels})):
        results[name] = evaluate(recs, lab)
    if args.json:
        print(json.dumps({k: {"scores": s, "problems": p} for k, (s, p) in results.items()}, indent=1))
        return
    for name, (s, probs) in results.items():
        print(f"{name}: {s['facts']} meeting facts, {s['meetings']} real meetings -> {s['records']} records")
        print(f"  pairwise  P {s['pairwise_precision']:.3f}  R {s['pairwise_recall']:.3f}  F1 {s['pairwise_f1']:.3f}")
        print(f"  B-cubed   P {s['bcubed_precision']:.3f}  R {s['bcubed_recall']:.3f}  F1 {s['bcubed_f1']:.3f}")
        print(f"  records joining different meetings: {s['records_joining_meetings']}")
        if not args.quiet:
            for line in probs:
                print("   ", line)


if __name__ == "__main__":
    main()
