"""What the extraction tests share: running a text through the pipeline and reading its record."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parley.ingest.document import Document
from parley.pipeline import Extractor

Json = dict[str, Any]
_STOP = {"of", "the", "a", "an", "and", "for", "in", "on", "at", "to"}


def run(extractor: Extractor, text: str, published: str | None = None, language: str | None = "en") -> Json:
    """The record of ``text`` (a plain-text report), after checking that all its spans are sound."""
    doc = Document(id="test", name="test", raw=text, text=text, origin="<test>", published=published, language=language)
    record = extractor.extract(doc).to_json()
    check_spans(record, text)
    return record


def run_in(extractor: Extractor, text: str, language: str, published: str | None = None) -> Json:
    """``run`` with the language first: the form the tests of both languages call."""
    return run(extractor, text, published, language)


def spans(value: Any) -> Iterator[list[int]]:
    """Every [start, end] pair in an item's evidence or support, however nested."""
    if isinstance(value, dict):
        for v in value.values():
            yield from spans(v)
    elif isinstance(value, list):
        if len(value) == 2 and all(isinstance(i, int) for i in value):
            yield value
        else:
            for v in value:
                yield from spans(v)


def check_spans(record: Json, raw: str) -> None:
    """Every evidence and support span is a non-empty range of the original input."""
    for key in ("meetings", "agreements", "statements", "people"):
        for item in record[key]:
            for start, end in [*spans(item.get("evidence", [])), *spans(item.get("support", {}))]:
                assert 0 <= start < end <= len(raw), (key, item.get("name") or item.get("title"), start, end)


def ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def words(title: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (title or "").lower()) if w not in _STOP}


def people(record: Json) -> dict[str, Json]:
    return {p["name"]: p for p in record["people"]}


def main_meeting(record: Json) -> Json:
    found = [m for m in record["meetings"] if m["part_of"] is None and m["format"] == "multilateral"]
    assert found, f"no multilateral meeting in {record['meetings']}"
    return found[0]


def speakers(record: Json) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in record["statements"]:
        out.setdefault(s["speaker"], []).append(s["quote"])
    return out


def extract_and_score(texts: Path, gold: Path, out: Path) -> Json:
    """``parley extract`` on a directory of reports, then ``parley eval`` of the records against their gold
    (the commands a user runs); the scorer's JSON report."""
    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "parley.cli", *args], capture_output=True, text=True, timeout=300)

    done = cli("extract", str(texts), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    scored = cli("eval", str(gold), str(out), "--json")
    assert scored.returncode == 0, scored.stderr
    return json.loads(scored.stdout)


def check_floors(written_set: Path, language: str, floors: tuple[float, float], out: Path) -> None:
    """A written set (``written_set/<language>`` with ``written_set/gold-<language>``) scores at least
    its floors: (overall F1, meeting recall)."""
    report = extract_and_score(written_set / language, written_set / f"gold-{language}", out)
    f1_floor, recall_floor = floors
    assert report["all"]["f1"] >= f1_floor, report["all"]
    assert report["meetings"]["recall"] >= recall_floor, report["meetings"]


def check_gold_set(texts: Path, gold: Path, language: str) -> None:
    """Every report of a written set has its gold record, in the extraction schema and its language."""
    stems = {p.stem for p in texts.glob("*.txt")}
    assert len(stems) >= 20 and stems == {p.stem for p in gold.glob("*.json")}
    for path in gold.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["schema"] == "parley/extraction/v1"
        assert record["document"]["language"] == language
