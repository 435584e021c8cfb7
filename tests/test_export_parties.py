"""Typed parties: a state is an ISO code the data knows, an organisation anything else (by its
registry key when the registry knows it, in Latin or Cyrillic); every exporter uses the one
classifier, so GraphML no longer makes CIS, SCO, G20 or OIC states."""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from parley.export import export
from parley.record import Party
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record

ORGANIZATIONS = ["CIS", "SCO", "G20", "OIC", "CSTO", "EAEU"]
STATES = ["RUS", "KAZ", "IND"]


@pytest.mark.parametrize("code", STATES)
def test_iso_codes_are_states(code):
    assert Party.of(code) == Party("state", code)


@pytest.mark.parametrize("key", ORGANIZATIONS)
def test_three_or_four_capitals_are_no_state_unless_the_data_says_so(key):
    assert Party.of(key) == Party("organization", key)


@pytest.mark.parametrize(("written", "key"), [("СНГ", "CIS"), ("ОДКБ", "CSTO"), ("ШОС", "SCO"), ("ЕАЭС", "EAEU"),
                                              ("EaEU", "EAEU"), ("Commonwealth of Independent States", "CIS"),
                                              ("shanghai cooperation organisation", "SCO")])
def test_organisations_the_registry_knows_are_named_by_its_key(written, key):
    assert Party.of(written) == Party("organization", key)


def test_what_nobody_knows_is_an_organisation_as_written():
    assert Party.of("XYZ") == Party("organization", "XYZ")  # three capitals, no ISO code
    assert Party.of(" Friends of Eurasia ") == Party("organization", "Friends of Eurasia")
    assert Party.of("rus") == Party("organization", "rus")  # codes are capitals; a lower-case word is not one


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    rec = record(doc_id(7))
    rec["agreements"][0]["parties"] = [*ORGANIZATIONS, "ОДКБ", "ШОС", *STATES]
    s = open_store(str(tmp_path_factory.mktemp("parties") / "kb.db"))
    report = ingest(s, [Incoming(copy.deepcopy(rec), None, "test:parties")])
    assert report.failures == []
    yield s
    s.close()


def test_graphml_types_every_organisation_as_an_organisation(store, tmp_path):
    with store.connect() as conn:
        export(conn, "graph", "graphml", tmp_path / "g.graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(tmp_path / "g.graphml").getroot()
    kind_key = next(k.get("id") for k in root.iterfind("g:key", ns) if k.get("attr.name") == "kind")
    kinds = {n.get("id"): n.find(f"g:data[@key='{kind_key}']", ns).text for n in root.iterfind(".//g:node", ns)}
    for key in ORGANIZATIONS:
        assert kinds[f"organization:{key}"] == "organization"
        assert f"state:{key}" not in kinds
    for code in STATES:
        assert kinds[f"state:{code}"] == "state"
    assert "organization:ОДКБ" not in kinds and "state:ШОС" not in kinds  # Cyrillic: the registry's key


def test_rows_keep_parties_as_reported_and_add_them_typed(store, tmp_path):
    with store.connect() as conn:
        export(conn, "agreements", "jsonl", tmp_path / "a.jsonl")
        export(conn, "agreements", "csv", tmp_path / "a.csv")
    row = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))
    assert sorted(row["parties"]) == sorted([*ORGANIZATIONS, "ОДКБ", "ШОС", *STATES])  # as consolidated
    typed = dict(zip(row["parties"], [(p["kind"], p["key"]) for p in row["parties_typed"]], strict=True))
    assert typed == {**{k: ("organization", k) for k in ORGANIZATIONS}, "ОДКБ": ("organization", "CSTO"),
                     "ШОС": ("organization", "SCO"), **{c: ("state", c) for c in STATES}}
    table = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert table[0]["parties"] == ";".join(row["parties"])
    assert json.loads(table[0]["parties_typed"]) == row["parties_typed"]


def test_the_read_layer_and_the_api_give_the_typed_parties(store):
    from fastapi.testclient import TestClient

    from parley.server.app import create_app
    from parley.store import read

    with store.connect() as conn:
        [summary] = read.list_agreements(conn)
    kinds = {p.key: p.kind for p in summary.parties_typed}
    assert all(kinds[k] == "organization" for k in ORGANIZATIONS) and all(kinds[k] == "state" for k in STATES)
    with TestClient(create_app(store=store)) as client:
        [item] = client.get("/api/agreements").json()["items"]
        detail = client.get(f"/api/agreements/{summary.key}").json()
        page = client.get(f"/agreements/{summary.key}").text
    assert {p["key"]: p["kind"] for p in item["parties_typed"]} == kinds
    assert {p["key"]: p["kind"] for p in detail["agreement"]["parties_typed"]} == kinds
    assert 'class="tag organization">CIS<' in page and 'class="tag state">Russia<' in page
