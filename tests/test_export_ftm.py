"""The FollowTheMoney export on a small store: every meeting an Event, every person a Person with
their offices as Positions and Occupancies, states and organisations typed, agreements as
Documents linked to their parties; every reference inside the file, every value as the library
itself would clean it, no warning on loading, the same bytes twice, the reports cited."""

from __future__ import annotations

import copy
import json
import warnings
from collections import Counter
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.types import registry

from parley.export import export
from parley.export.rows import table
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record

URL = "https://news.example/{n}"


def _records() -> list[dict]:
    """Two reports of one meeting, one of another; an agreement with organisations among its
    parties and a signatory; an official of an organisation."""
    recs = []
    for n, (ordinal, place, country) in enumerate([(14, "Minsk", "BLR"), (14, "Minsk", "BLR"), (15, "Astana", "KAZ")]):
        r = record(doc_id(n), ordinal=ordinal, place=place, country=country, start=f"202{6 + n // 2}-10-14",
                   outlet=f"Outlet {n}")
        r["document"]["url"] = URL.format(n=n)
        recs.append(r)
    recs[2]["agreements"][0].update(parties=["KAZ", "RUS", "CIS", "ОДКБ"], signatories=["Alexander Volfovich"])
    recs[2]["meetings"][0]["persons"].append("Sergei Lebedev")
    recs[2]["people"].append({"name": "Sergei Lebedev", "aliases": ["Сергей Лебедев"], "evidence": [[0, 10]],
                              "confidence": 0.9, "offices": [{"title": "Secretary General", "state": None,
                                                              "organization": "CIS"}]})
    return recs


def _store(path: Path, order: list[int]):
    store = open_store(str(path))
    recs = _records()
    report = ingest(store, [Incoming(copy.deepcopy(recs[i]), None, f"test:{i}") for i in order])
    assert report.failures == [] and not report.consolidation.failures
    return store


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict]:
    """The export of the small store, and the store's own rows to check it against."""
    tmp = tmp_path_factory.mktemp("ftm")
    store = _store(tmp / "kb.db", [0, 1, 2])
    with store.connect() as conn:
        assert export(conn, "all", "ftm", tmp / "a.ftm.json") > 0
        rows = {kind: table(conn, kind) for kind in ("meetings", "people", "agreements")}
    store.close()
    return tmp / "a.ftm.json", rows


def _load(path: Path) -> list:
    """The file loaded back entity by entity, with any warning an error."""
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for line in path.read_text(encoding="utf-8").splitlines():
            data = json.loads(line)
            model.get(data["schema"]).validate(data)
            # Read with every value cleaned again by the library: nothing it would change or drop.
            assert model.get_proxy(data, cleaned=False).to_dict() == data
            out.append(model.get_proxy(data))
    return out


def test_every_meeting_is_an_event_and_every_person_a_person(exported):
    path, rows = exported
    entities = _load(path)
    by_schema = Counter(e.schema.name for e in entities)
    assert by_schema["Event"] == len(rows["meetings"]) == 2
    assert by_schema["Person"] == len(rows["people"]) == 2
    assert by_schema["Document"] == len(rows["agreements"])
    events = {e.first("recordId"): e for e in entities if e.schema.name == "Event"}
    assert set(events) == {r["key"] for r in rows["meetings"]}
    minsk = events["cis-security-council-secretaries/14"]
    assert minsk.get("startDate") == ["2026-10-14"] and minsk.get("location") == ["Minsk"]
    assert minsk.get("country") == ["by"]
    assert sorted(minsk.get("sourceUrl")) == [URL.format(n=0), URL.format(n=1)]
    assert sorted(minsk.get("publisher")) == ["Outlet 0", "Outlet 1"]
    assert {e.first("name") for e in entities if e.schema.name == "Person"} == \
        {r["name"] for r in rows["people"]}


def test_every_reference_is_an_entity_of_the_file(exported):
    entities = _load(exported[0])
    ids = {e.id for e in entities}
    assert len(ids) == len(entities)
    refs = [(e.schema.name, p.name, v) for e in entities for p in e.iterprops() if p.type == registry.entity
            for v in e.get(p)]
    assert refs and [r for r in refs if r[2] not in ids] == []


def test_states_organisations_offices_and_agreements_are_typed(exported):
    entities = _load(exported[0])
    by_id = {e.id: e for e in entities}
    names = {(e.schema.name, e.first("name", quiet=True)) for e in entities}
    assert {("PublicBody", "Belarus"), ("PublicBody", "Russia"), ("PublicBody", "Kazakhstan"),
            ("Organization", "Commonwealth of Independent States"),
            ("Organization", "Collective Security Treaty Organization")} <= names
    kaz = next(e for e in entities if e.schema.name == "PublicBody" and e.first("name") == "Kazakhstan")
    assert kaz.get("jurisdiction") == ["kz"] and kaz.get("country") == ["kz"]

    astana = next(e for e in entities if e.first("recordId", quiet=True) == "cis-security-council-secretaries/15")
    involved = {(by_id[i].schema.name, by_id[i].first("name")) for i in astana.get("involved")}
    assert {("PublicBody", "Kazakhstan"), ("Organization", "Commonwealth of Independent States"),
            ("Person", "Sergei Lebedev"), ("Person", "Alexander Volfovich")} <= involved
    assert [by_id[i].first("name") for i in astana.get("organizer")] == ["Alexander Volfovich"]

    links = [e for e in entities if e.schema.name == "Documentation"]
    parties = {(by_id[d.first("document")].first("date"), by_id[d.first("entity")].schema.name,
                by_id[d.first("entity")].first("name")) for d in links if d.first("role") == "party"}
    assert {("2027-10-14", "Organization", "Commonwealth of Independent States"),
            ("2027-10-14", "Organization", "Collective Security Treaty Organization"),
            ("2027-10-14", "PublicBody", "Kazakhstan")} <= parties
    signed = [by_id[d.first("entity")].first("name") for d in links if d.first("role") == "signatory"]
    assert signed == ["Alexander Volfovich"]

    lebedev = next(e for e in entities if e.first("name", quiet=True) == "Sergei Lebedev")
    assert lebedev.get("alias") == ["Сергей Лебедев"]
    occupancy = next(e for e in entities if e.schema.name == "Occupancy" and e.first("holder") == lebedev.id)
    post = by_id[occupancy.first("post")]
    assert post.first("name") == "Secretary General"
    assert by_id[post.first("organization")].first("name") == "Commonwealth of Independent States"
    assert occupancy.get("date") == ["2027-10-14"] and not occupancy.get("startDate")


def test_every_entity_cites_its_reports(exported):
    entities = _load(exported[0])
    articles = {e.id: e for e in entities if e.schema.name == "Article"}
    assert sorted(a.first("sourceUrl") for a in articles.values()) == [URL.format(n=n) for n in range(3)]
    for e in entities:
        if e.schema.name != "Article":
            assert e.get("proof") and set(e.get("proof")) <= set(articles), e.to_dict()
            assert e.get("sourceUrl"), e.to_dict()


def test_two_exports_of_one_record_are_the_same_bytes(exported, tmp_path):
    """Ids are the Parley keys hashed in a namespace: the same in a store ingested in another order."""
    store = _store(tmp_path / "other.db", [2, 1, 0])
    with store.connect() as conn:
        export(conn, "all", "ftm", tmp_path / "b.ftm.json")
    store.close()
    assert (tmp_path / "b.ftm.json").read_bytes() == exported[0].read_bytes()
