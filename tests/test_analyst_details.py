"""The small things an analyst trips over, each checked where it showed."""

from __future__ import annotations

import copy

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parley.cli import app
from parley.server.app import create_app
from parley.store.corrections import add_correction
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from test_store_robust import doc_id, record


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = open_store(str(tmp_path_factory.mktemp("details") / "kb.db"))
    talks = record(doc_id(61), series=None, ordinal=None, place="Moscow", start="2025-11-05")
    talks["meetings"][0].update(format="bilateral", states=["BLR"], persons=["Alexander Volfovich", "Sergei Shoigu"],
                                name="Shoigu and Volfovich")
    ingest(store, [Incoming(copy.deepcopy(r), None, f"t:{i}") for i, r in enumerate([record(doc_id(60)), talks])])
    add_correction(store, "fact", f"{doc_id(60)}:meeting:0", "edit", field="ordinal", value="99",
                   reason="the report's number is a typo")
    with TestClient(create_app(store=store)) as c:
        yield c
    store.close()


def test_the_corrections_page_is_its_own_place_in_the_navigation(client):
    page = client.get("/corrections").text
    assert 'class="active" aria-current="page">Corrections<' in page
    assert 'aria-current="page">Review<' not in page


def test_a_corrections_target_is_a_separate_short_word(client):
    page = client.get("/corrections").text
    assert "<b>99</b>" in page and "<b>99</b>fact" not in page.replace("\n", "").replace("  ", "")
    assert f"fact {doc_id(60)[:8]}:meeting:0" in page and f">fact {doc_id(60)}" not in page


def test_the_series_page_calls_the_status_column_status(client):
    page = client.get("/series/cis-security-council-secretaries").text
    assert "<th>Status</th>" in page and "<th>State</th>" not in page


def test_talks_between_two_people_do_not_count_one_state(client):
    timeline = client.get("/timeline").text
    row = timeline[timeline.index("Talks: Alexander Volfovich – Sergei Shoigu"):][:600]
    assert "1 state" not in row and "Alexander Volfovich" in row


def test_an_impossible_date_is_refused_by_the_api_and_the_page(client):
    assert client.get("/api/meetings?since=2025-13-01").status_code == 422
    page = client.get("/timeline?since=2025-13-01")
    assert page.status_code == 422 and "not a date of the calendar" in page.text


def test_fix_help_uses_the_right_article():
    out = CliRunner().invoke(app, ["fix", "--help"], env={"COLUMNS": "200"}).output
    assert "Correct an agreement" in out and "Correct a agreement" not in out and "Correct a meeting" in out


def test_three_undated_reports_of_one_outlet_are_told_apart():
    from parley.web.render import source_label

    sources = [{"document": doc_id(n), "item": 0, "outlet": "BelTA", "name": f"d0{n}", "published": None}
               for n in (5, 7, 8)]
    labels = [source_label(s) for s in sources]
    assert labels == ["BelTA · d05", "BelTA · d07", "BelTA · d08"]
    assert source_label({**sources[0], "published": "2025-11-05"}) == "BelTA · 5 November 2025"
    assert source_label({"document": doc_id(5), "item": 0, "outlet": None, "name": None}) == doc_id(5)[:10]


def test_no_timeline_line_starts_with_a_separator(client):
    import re

    timeline = client.get("/timeline").text
    metas = re.findall(r'<div class="mt-meta muted">([^<]*)</div>', timeline)
    assert metas and not any(m.strip().startswith("·") for m in metas)
