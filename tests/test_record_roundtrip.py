"""``Record.from_json`` beside ``to_json``: a record ``parley extract`` writes reads back into the
dataclasses and writes out the same, checked on the way in by the one validator."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from parley.record import Agreement, Meeting, Person, Record
from parley.validation import Invalid

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPORTS = [SHARED / "corpus" / "dev" / "d01.txt", SHARED / "corpus" / "dev-ru" / "r01.txt"]


def _full() -> dict:
    """A record with every field the schema names set, support per slot and per list value."""
    return {
        "schema": "parley/extraction/v1",
        "document": {"id": "a" * 64, "name": "d99", "title": "Secretaries meet", "published": "2026-10-15",
                     "language": "en", "source": "Minsk Courier", "url": "https://courier.example/1",
                     "origin": "/reports/d99.txt"},
        "meetings": [
            {"name": "XIV meeting of the secretaries", "format": "multilateral",
             "series": "cis-security-council-secretaries", "ordinal": 14, "start": "2026-10-14", "end": "2026-10-15",
             "place": "Minsk", "country": "BLR", "chair": "Alexander Volfovich", "states": ["BLR", "RUS"],
             "organizations": ["CIS"], "persons": ["Alexander Volfovich"], "status": "held",
             "topics": ["terrorism"], "part_of": None, "body": "meeting of the secretaries",
             "evidence": [[0, 40], [41, 60]], "confidence": 0.875,
             "support": {"start": [[10, 20]], "states": {"BLR": [[30, 37]], "RUS": [[41, 47]]}}},
            {"name": "working session", "format": "multilateral", "series": None, "ordinal": None, "start": None,
             "end": None, "place": None, "country": None, "chair": None, "states": [], "organizations": [],
             "persons": [], "status": "planned", "topics": [], "part_of": 0, "body": None,
             "evidence": [], "confidence": 0.5, "support": {}},
        ],
        "agreements": [{"title": "план сотрудничества", "title_en": "plan of cooperation", "kind": "plan",
                        "parties": ["BLR", "СНГ"], "signatories": ["Alexander Volfovich"], "signed": "2026-10",
                        "valid_from": 2026, "valid_to": 2027, "meeting": 0, "evidence": [[61, 90]],
                        "confidence": 0.7, "support": {"title": [[61, 80]]}}],
        "statements": [{"speaker": "Alexander Volfovich", "quote": "We go on.", "meeting": 1,
                        "evidence": [[91, 100]], "confidence": 0.9, "support": {"quote": [[91, 100]]}}],
        "people": [{"name": "Alexander Volfovich", "aliases": ["Александр Вольфович"],
                    "offices": [{"title": "State Secretary of the Security Council", "state": "BLR",
                                 "organization": None}],
                    "evidence": [[0, 20]], "confidence": 0.95, "support": {"name": [[0, 20]]}}],
    }


def test_a_full_record_reads_back_and_writes_the_same():
    rec = _full()
    before = copy.deepcopy(rec)
    read = Record.from_json(rec)
    assert rec == before  # the input is not changed
    assert read.to_json() == rec
    assert isinstance(read.meetings[0], Meeting) and isinstance(read.agreements[0], Agreement)
    assert isinstance(read.people[0], Person) and read.people[0].offices[0].state == "BLR"
    assert read.meetings[0].evidence == [(0, 40), (41, 60)]  # spans as Supported keeps them
    assert read.meetings[0].support["states"]["RUS"] == [(41, 47)]


def test_a_record_read_back_takes_more_evidence_as_one_extracted():
    read = Record.from_json(_full())
    read.meetings[0].back("states", (50, 53), "KAZ")
    read.meetings[0].back("start", (10, 20))  # a span it had: kept once
    out = read.to_json()["meetings"][0]
    assert out["support"]["states"]["KAZ"] == [[50, 53]]
    assert out["support"]["start"] == [[10, 20]]
    assert out["evidence"] == [[0, 40], [10, 20], [41, 60], [50, 53]]


@pytest.mark.parametrize(("path", "value", "message"), [
    (("meetings", 0, "start"), "2025-13-45", "meetings[0].start: 2025-13-45 is not a date that exists"),
    (("agreements", 0, "meeting"), 5, "agreements[0].meeting: meeting 5 does not exist"),
    (("people", 0, "name"), " ", "people[0].name: is empty"),
    (("meetings", 0, "evidence"), "0-40", "meetings[0].evidence: takes a list"),
])
def test_an_invalid_record_is_refused_by_the_validator(path, value, message):
    rec = _full()
    rec[path[0]][path[1]][path[2]] = value
    with pytest.raises(Invalid) as caught:
        Record.from_json(rec)
    assert str(caught.value).startswith(message)


def test_a_field_the_dataclasses_cannot_hold_is_refused_not_dropped():
    rec = _full()
    rec["meetings"][0]["note"] = "added by another producer"
    with pytest.raises(Invalid, match=r"meetings\[0\]\.note: is not a field"):
        Record.from_json(rec)
    rec = _full()
    rec["document"]["mime"] = "text/plain"
    with pytest.raises(Invalid, match=r"document\.mime"):
        Record.from_json(rec)
    with pytest.raises(Invalid, match="not an extraction record"):
        Record.from_json({"document": {"id": "x"}})


@pytest.mark.skipif(not all(p.is_file() for p in REPORTS), reason="../shared/corpus is not here")
def test_records_the_extractor_writes_round_trip():
    """Two dev reports, English and Russian, through the real extractor."""
    from parley.store.ingest import Incoming, iter_sources

    items = list(iter_sources([str(p) for p in REPORTS]))
    assert len(items) == 2 and all(isinstance(i, Incoming) for i in items)
    for item in items:
        rec = item.record
        assert rec["meetings"] and rec["people"]  # reports with something to read back
        assert Record.from_json(rec).to_json() == rec
