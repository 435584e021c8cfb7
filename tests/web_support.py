"""The web tests' knowledge base: our hand-written reports (tests/data/web/reports.json) turned
into extraction records with real character spans, stored without the language models."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

from parley.record import SCHEMA
from parley.server.tokens import create_token
from parley.store.db import Store, open_store
from parley.store.ingest import Incoming, ingest

DATA = Path(__file__).parent / "data" / "web" / "reports.json"
CIS13 = "cis-security-council-secretaries/13"
CIS14 = "cis-security-council-secretaries/14"
PLAN_2627 = "BLR+RUS/plan/2026-2027"
PLAN_2829 = "BLR+RUS/plan/2028-2029"


def _span(text: str, quoted: str) -> list[int]:
    """``"words"`` -> [start, end] of its first occurrence; ``"words#2"`` the second one."""
    words, _, nth = quoted.rpartition("#") if quoted.rpartition("#")[2].isdigit() else (quoted, "", "1")
    pos = -1
    for _ in range(int(nth)):
        pos = text.find(words, pos + 1)
        if pos < 0:
            raise AssertionError(f"{words!r} (occurrence {nth}) is not in the report")
    return [pos, pos + len(words)]


def _support(text: str, support: dict[str, Any]) -> tuple[dict[str, Any], list[list[int]]]:
    out: dict[str, Any] = {}
    spans: list[list[int]] = []
    for slot, value in support.items():
        if isinstance(value, dict):
            out[slot] = {k: [_span(text, v)] for k, v in value.items()}
            spans += [s for v in out[slot].values() for s in v]
        else:
            out[slot] = [_span(text, value)]
            spans += out[slot]
    return out, sorted(map(list, {tuple(s) for s in spans}))


HOSTILE = "w08-hostile"


def records(hostile: bool = True) -> list[dict[str, Any]]:
    """One extraction record (with its ``text``) per report (without the hostile one if asked)."""
    reports = [r for r in json.loads(DATA.read_text(encoding="utf-8"))["reports"] if hostile or r["name"] != HOSTILE]
    out = []
    for r in reports:
        text = r["text"]
        rec: dict[str, Any] = {
            "schema": SCHEMA,
            "document": {"id": hashlib.sha256(text.encode("utf-8")).hexdigest(), "name": r["name"],
                         "title": r["title"], "published": r["published"], "language": r["language"],
                         "source": r["outlet"], "url": r["url"], "origin": f"tests/data/web/{r['name']}"},
            "text": text,
        }
        for plural in ("meetings", "agreements", "statements", "people"):
            items = []
            for item in r.get(plural, []):
                item = copy.deepcopy(item)
                support, evidence = _support(text, item.pop("support", {}))
                item.setdefault("end", None) if plural == "meetings" else None
                item.setdefault("part_of", None) if plural == "meetings" else None
                items.append({**item, "support": support, "evidence": evidence})
            rec[plural] = items
        out.append(rec)
    return out


def build_store(path: Path, hostile: bool = True) -> Store:
    """A fresh knowledge base at ``path`` holding the reports, consolidated."""
    store = open_store(str(path))
    report = ingest(store, [Incoming(rec, rec.pop("text"), rec["document"]["origin"]) for rec in records(hostile)])
    assert not report.failures, report.failures
    return store


def token(store: Store, name: str = "alice") -> str:
    return create_token(store.engine, name)[1]
