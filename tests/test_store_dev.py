"""The dev corpus (../shared, English and Russian) through the knowledge base: ingested twice
and in another order it gives exactly the same record; what it says about series and people."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.export import export
from parley.store import read
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest, iter_sources

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV, DEV_RU = SHARED / "corpus" / "dev", SHARED / "corpus" / "dev-ru"

pytestmark = pytest.mark.skipif(not DEV.is_dir() or not DEV_RU.is_dir(), reason="../shared/corpus is not here")


def reports(path: Path) -> int:
    """How many reports a corpus directory holds (its files; hidden names are skipped, as ingest skips them)."""
    return sum(1 for f in path.iterdir() if f.is_file() and not f.name.startswith("."))


@pytest.fixture(scope="module")
def dev_items() -> dict[str, list[Incoming]]:
    """The dev reports, extracted once for the whole module."""
    out = {}
    for name, path in (("en", DEV), ("ru", DEV_RU)):
        items = list(iter_sources([str(path)]))
        assert all(isinstance(i, Incoming) for i in items)
        assert len(items) == reports(path) > 0  # one record per report
        out[name] = items
    return out


def exports(store, tmp_path: Path) -> dict[str, bytes]:
    out = {}
    with store.connect() as conn:
        for kind in ("meetings", "agreements", "statements", "people", "graph"):
            path = tmp_path / f"{kind}.jsonl"
            export(conn, kind, "jsonl", path)
            out[kind] = path.read_bytes()
        path = tmp_path / "graph.graphml"
        export(conn, "graph", "graphml", path)
        out["graphml"] = path.read_bytes()
    return out


def test_ingesting_the_dev_corpus_twice_gives_the_same_database(tmp_path, dev_items):
    one = open_store(str(tmp_path / "one.db"))
    ingest(one, dev_items["en"] + dev_items["ru"])
    first = exports(one, tmp_path)
    again = ingest(one, dev_items["en"] + dev_items["ru"])
    assert (again.added, again.unchanged) == (0, reports(DEV) + reports(DEV_RU))
    assert exports(one, tmp_path) == first
    # another database, the other order, in two runs
    two = open_store(str(tmp_path / "two.db"))
    ingest(two, list(reversed(dev_items["ru"])))
    ingest(two, list(reversed(dev_items["en"])))
    assert exports(two, tmp_path) == first
    assert first["meetings"].count(b"\n") >= 25


def test_what_the_dev_corpus_says_across_documents(tmp_path, dev_items):
    store = open_store(str(tmp_path / "dev.db"))
    ingest(store, dev_items["en"] + dev_items["ru"])
    with store.connect() as conn:
        # the XIII CIS meeting of 5 November 2025: English and Russian reports are one meeting
        m = read.get_meeting(conn, "cis-security-council-secretaries/13")
        docs = {s.document_id for s in m.sources}
        names = {d.name for d in (read.get_document(conn, i) for i in docs)}
        assert {"d01", "r01", "r03"} <= names and m.start == "2025-11-05" and m.place == "Moscow"
        # the CIS series: one a year (IX 2021, XIII 2025), the XII (2024) reported by no one
        tl = read.series_timeline(conn, "cis-security-council-secretaries")
        assert tl.regular == "annual" and tl.offset == 2012
        assert (12, 2024) in {(e.ordinal, e.expected_year) for e in tl.missing}
        # Russia-Belarus plans follow each other
        plans = {a.key: a for a in read.list_agreements(conn, party="BLR", kind="plan")}
        assert plans["BLR+RUS/plan/2024-2025"].predecessor == "BLR+RUS/plan/2022-2023"
        assert plans["BLR+RUS/plan/2026-2027"].predecessor == "BLR+RUS/plan/2024-2025"
        assert plans["BLR+RUS/plan/2026-2027"].documents == 2  # d01 and r03
        # one person across spellings, scripts and documents
        p = read.get_person(conn, "Aleksandr Volfovich")
        assert p.documents >= 6 and "Александр Вольфович" in p.aliases
        assert read.get_person(conn, "Вольфович").key == p.key
        holders = read.office_holders(conn, "Secretary of the Security Council", "RUS", at="2021-11-17")
        assert [h.name for h in holders] == ["Nikolai Patrushev"]


def test_every_dev_meeting_has_an_english_label_and_talks_are_named_by_their_sides(tmp_path, dev_items):
    import json
    import re

    store = open_store(str(tmp_path / "labels.db"))
    ingest(store, dev_items["en"] + dev_items["ru"])
    meetings = [json.loads(line) for line in exports(store, tmp_path)["meetings"].decode().splitlines()]
    store.close()
    assert meetings and all(m["label"] for m in meetings)
    assert not [m["label"] for m in meetings if re.search("[\u0400-\u04ff]", m["label"])]
    talks = [m["label"] for m in meetings if m["format"] == "bilateral"]
    assert talks and all(t.startswith(("Talks: ", "Bilateral talks")) for t in talks), talks
    # the reports' own wording is kept beside it, in the script it was written in
    assert any(re.search("[\u0400-\u04ff]", m["name"] or "") for m in meetings)
