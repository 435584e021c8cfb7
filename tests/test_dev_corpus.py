"""The real dev reports in ../shared: facts of single reports, evidence integrity on all of
them, and the end-to-end figures of ``parley extract`` + ``parley eval`` against the gold.

The texts are read from ../shared (never copied into the project); every test here is
skipped when that directory is absent.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from helpers import spans
from parley.ingest.document import Document
from parley.ingest.readers import iter_inputs
from parley.resolve.officials import get_officials

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CORPUS / "dev").is_dir() or not (CORPUS / "dev-ru").is_dir(),
                       reason="../shared/corpus is not available"),
]

Json = dict[str, Any]
DEV = sorted((CORPUS / "dev").glob("*.txt")) + sorted((CORPUS / "dev-ru").glob("*.txt"))
# Known extractor faults on particular reports (strict: the mark must go when the fault is fixed).
KNOWN: dict[str, str] = {}


def read(path: Path) -> Document:
    (doc,) = list(iter_inputs([str(path)]))
    assert isinstance(doc, Document), doc
    return doc


@pytest.fixture(scope="module")
def records(extractor) -> dict[str, tuple[Document, Json]]:
    """Every dev report with its record, extracted once for the module."""
    docs = [read(path) for path in DEV]
    out = {}
    for doc, record in zip(docs, extractor.extract_many(docs), strict=True):
        assert not isinstance(record, Exception) and hasattr(record, "to_json"), record
        out[doc.name] = (doc, record.to_json())
    return out


def ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def words(title: str | None) -> set[str]:
    stop = {"of", "the", "a", "an", "and", "for", "in", "on", "at", "to"}
    return {w for w in re.findall(r"[a-z]+", (title or "").lower()) if w not in stop}


def people(record: Json) -> dict[str, Json]:
    return {p["name"]: p for p in record["people"]}


# ------------------------------------------------------------------ single reports


def test_d01_the_xiii_meeting(records):
    _, rec = records["d01"]
    (meeting,) = [m for m in rec["meetings"] if m["series"] == "cis-security-council-secretaries"]
    assert meeting["ordinal"] == 13
    assert meeting["start"] == "2025-11-05"
    assert (meeting["place"], meeting["country"]) == ("Moscow", "RUS")
    assert meeting["chair"] == "Sergei Shoigu"
    assert meeting["status"] == "held"
    assert {"RUS", "BLR"} <= set(meeting["states"])


def test_d01_the_russia_belarus_plan_for_2026_2027(records):
    _, rec = records["d01"]
    (plan,) = [a for a in rec["agreements"] if a["kind"] == "plan"]
    assert (plan["valid_from"], plan["valid_to"]) == (2026, 2027)
    assert set(plan["signatories"]) == {"Sergei Shoigu", "Alexander Volfovich"}
    assert set(plan["parties"]) == {"RUS", "BLR"}
    assert plan["signed"] == "2025-11-05"


def test_d01_em_dash_quote_is_volfovichs(records):
    doc, rec = records["d01"]
    (statement,) = [s for s in rec["statements"] if "meet at least annually" in s["quote"]]
    assert statement["speaker"] == "Alexander Volfovich"
    assert statement["quote"].startswith("Of course, we need to meet")
    (start, end), *_ = statement["support"]["quote"]
    assert ws(doc.raw[start:end]) == ws(statement["quote"])


def test_d01_no_furniture_or_notice_in_the_record(records):
    _, rec = records["d01"]
    text = json.dumps(rec, ensure_ascii=False)
    assert "Яндекс" not in text and "Skip to main content" not in text


def test_r04_inflected_name_to_canonical_with_office(records):
    doc, rec = records["r04"]
    assert doc.language in (None, "ru") and rec["document"]["language"] == "ru"
    zas = people(rec)["Stanislav Zas"]
    assert "Станиславом Засем" in zas["aliases"]
    assert any(words(o["title"]) == words("State Secretary of the Security Council") and o["state"] == "BLR"
               for o in zas["offices"])
    makei = people(rec)["Vladimir Makei"]
    assert any(o["state"] == "BLR" and "minister" in words(o["title"]) for o in makei["offices"])


def test_r04_makei_quote_with_dash_attribution(records):
    _, rec = records["r04"]
    (statement,) = rec["statements"]
    assert statement["speaker"] == "Vladimir Makei"
    assert statement["quote"].startswith("Наша встреча проходит накануне сессии")
    assert not statement["quote"].endswith("»")


def test_r04_joint_session_in_minsk(records):
    _, rec = records["r04"]
    meeting = next(m for m in rec["meetings"] if m["status"] == "held")
    assert (meeting["start"], meeting["place"], meeting["country"]) == ("2017-11-30", "Minsk", "BLR")
    assert "CSTO" in meeting["organizations"]
    assert {"Vladimir Makei", "Andrei Ravkov", "Stanislav Zas"} <= set(meeting["persons"])


# ------------------------------------------------------------------ evidence integrity on every report




def _stem(word: str) -> str:
    return word.lower()[:4]


def _name_forms(person: Json) -> set[str]:
    """The family-name stems a span naming this person may show (any case, any script); a name
    written family name first ("Wang Yi") shows its first word."""
    names = [n.split() for n in [person["name"], *person["aliases"]] if n.split()]
    official = get_officials().lookup(person["name"])
    family_first = official is not None and official.family_first
    return {_stem(w[0] if family_first else w[-1]) for w in names} | {_stem(w[-1]) for w in names}


def _names(name: str, span_text: str) -> bool:
    """A meeting's name is the text of its span, its first word perhaps in the nominative
    ("заседание Совета" for "заседании Совета")."""
    if ws(name) in ws(span_text):
        return True
    first, _, rest = ws(name).partition(" ")
    return ws(rest) in ws(span_text) and _stem(first)[:3] in span_text.lower()


def _params():
    for path in DEV:
        name = path.stem
        marks = [pytest.mark.xfail(reason=KNOWN[name], strict=True)] if name in KNOWN else []
        yield pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("name", list(_params()))
def test_evidence_lies_in_the_document_and_shows_the_value(records, name):
    doc, rec = records[name]
    raw = doc.raw
    english = rec["document"]["language"] == "en"
    forms = {p["name"]: _name_forms(p) for p in rec["people"]}

    def shows_person(person: str, start: int, end: int) -> bool:
        text = raw[start:end].lower()
        return any(stem in text for stem in forms.get(person, {_stem(person.split()[-1])}))

    for key in ("meetings", "agreements", "statements", "people"):
        for item in rec[key]:
            for start, end in [*spans(item["evidence"]), *spans(item["support"])]:
                assert 0 <= start < end <= len(raw), (key, item.get("name") or item.get("title"), start, end)
    for s in rec["statements"]:
        assert s["support"].get("quote"), s
        assert any(ws(raw[a:b]) == ws(s["quote"]) for a, b in s["support"]["quote"]), s["quote"][:60]
    for p in rec["people"]:
        for a, b in p["support"].get("name", []):
            assert shows_person(p["name"], a, b), (p["name"], raw[a:b])
    for m in rec["meetings"]:
        if m["support"].get("name"):
            assert any(_names(m["name"], raw[a:b]) for a, b in m["support"]["name"]), m["name"]
        if english and m["place"]:
            # Place support may be absent (talks inherit the place of the meeting they are part of).
            assert all(m["place"].lower() in raw[a:b].lower() for a, b in m["support"].get("place", [])), m["place"]
        if m["chair"]:
            assert any(shows_person(m["chair"], a, b) for a, b in m["support"]["chair"]), m["chair"]
    for ag in rec["agreements"]:
        assert any(ws(ag["title"]) in ws(raw[a:b]) for a, b in ag["support"]["title"]), ag["title"]
        for person, person_spans in ag["support"].get("signatories", {}).items():
            assert all(shows_person(person, a, b) for a, b in person_spans), person


def test_no_date_without_a_year(records):
    iso = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")
    for name, (_, rec) in records.items():
        dates = [m[k] for m in rec["meetings"] for k in ("start", "end") if m[k]]
        dates += [a["signed"] for a in rec["agreements"] if a["signed"]]
        assert all(iso.match(d) for d in dates), (name, dates)


# ------------------------------------------------------------------ end to end: the command line and the scorer


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parley.cli", *args], capture_output=True, text=True, timeout=300)


# Overall F1 floors: the figures measured when the dev set grew to 46 English and 39 Russian reports
# (0.827 and 0.748 by shared/tools/score.py), rounded down. They are the starting floors: raise
# them as work lands, never lower them (raised with open meeting detection: 0.894 and 0.886 measured,
# then 0.931 and 0.933, then 0.946 and 0.939).
# There are no per-category floors.
FLOORS = {"dev": 0.94, "dev-ru": 0.93}


@pytest.mark.parametrize(("corpus", "floor"), sorted(FLOORS.items()))
def test_extract_then_eval_overall_f1(tmp_path, corpus, floor):
    out = tmp_path / corpus
    done = _cli("extract", str(CORPUS / corpus), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert len(list(out.glob("*.json"))) == len(list((CORPUS / corpus).glob("*.txt")))
    scored = _cli("eval", str(GOLD / corpus), str(out), "--json")
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    f1 = report["all"]["f1"]
    assert f1 >= floor, f"overall F1 on {corpus} is {f1:.3f} (< {floor})"
    text = _cli("eval", str(GOLD / corpus), str(out))
    match = re.search(r"overall F1 ([0-9.]+)", text.stdout)
    assert match and abs(float(match.group(1)) - f1) < 1e-3, text.stdout
    # The project's scorer gives exactly the reference scorer's figures on real predictions.
    reference = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(GOLD / corpus), str(out),
                                "--json"], capture_output=True, text=True, timeout=120)
    assert reference.returncode == 0, reference.stderr
    expected = json.loads(reference.stdout)
    for category in ("meetings", "agreements", "statements", "people", "topics", "all"):
        assert report[category] == expected[category], category
