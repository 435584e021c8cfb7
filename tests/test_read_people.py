"""People, agreements and statements as the read layer pages them: totals, offset paging and
cursor paging give the same items, views stay bounded however often a thing is reported, their
paged sub-lists hold the rest, and the CLI, the API and the pages show the same views."""

from __future__ import annotations

import copy
import json
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from parley.server.app import create_app
from parley.store import read
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from pg import PG, SKIP, temporary_database
from test_store_robust import doc_id, record

N = 12  # reports: more than any view shows of a list
CHAIR = "Alexander Volfovich"


def _records() -> list[dict]:
    """Twelve yearly meetings chaired by one person, each reported once, each with its own
    quotation and a second participant; all of them report the same plan (two dates of signing)."""
    out = []
    for i in range(N):
        rec = record(doc_id(i), ordinal=i + 1, start=f"{2010 + i}-10-14", outlet=f"Outlet {i % 3}")
        guest = ["Armen Grigoryan", "Sergei Shoigu", f"Guest Number{i}"][i % 3]
        rec["meetings"][0]["persons"] = [CHAIR, guest]
        rec["people"].append(copy.deepcopy(rec["people"][0]) | {"name": guest, "offices": []})
        rec["statements"][0]["quote"] = f"Cooperation against terrorism goes on, year {i}."
        ag = rec["agreements"][0]
        ag["signed"] = "2025-11-05" if i % 4 else "2025-11-06"
        ag["valid_from"], ag["valid_to"] = 2026, 2027
        out.append(rec)
    return out


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory):
    """Every test on SQLite, and on PostgreSQL when PARLEY_TEST_PG_URL names a server."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("read-people") / "kb.db")
        return
    if not PG:
        pytest.skip(SKIP)
    with temporary_database("parley_test") as url:
        yield url


@pytest.fixture(scope="module")
def store(db_url):
    s = open_store(db_url)
    report = ingest(s, [Incoming(r, None, f"test:{i}") for i, r in enumerate(_records())])
    assert report.failures == [] and not report.consolidation.failures
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store=store)) as c:
        yield c


def _walk(client: TestClient, url: str) -> tuple[list[dict], set[int]]:
    """Every item by following ``next`` (the cursor), and the counts the pages gave."""
    items, counts = [], set()
    while url:
        page = client.get(url).json()
        items += page["items"]
        counts.add(page["count"])
        url = page["next"]
    return items, counts


def _person_key(client: TestClient) -> str:
    return client.get("/api/people?contains=volfovich").json()["items"][0]["key"]


# --------------------------------------------------------------------------- lists


@pytest.mark.parametrize("path, n", [("/api/statements", N), ("/api/agreements", 1), ("/api/people", None)])
def test_cursor_pages_offset_pages_and_one_page_agree_and_count_is_the_total(client, path, n):
    everything = client.get(f"{path}?limit=500").json()
    total = everything["count"]
    assert total == len(everything["items"]) and (n is None or total == n)
    walked, counts = _walk(client, f"{path}?limit=5")
    assert [x["key"] for x in walked] == [x["key"] for x in everything["items"]]
    assert counts == {total}
    by_offset = [x["key"] for o in range(0, total, 5) for x in client.get(f"{path}?limit=5&offset={o}").json()["items"]]
    assert by_offset == [x["key"] for x in everything["items"]]
    assert client.get(f"{path}?after=not-a-cursor").status_code == 422


def test_statements_are_oldest_first_with_their_first_sources_and_meeting(client):
    rows = client.get("/api/statements?limit=500").json()["items"]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert all(r["meeting"] and len(r["sources"]) <= read.SHOWN and r["documents"] >= 1 for r in rows)
    page = client.get("/api/statements?offset=10&limit=5").json()
    assert [r["key"] for r in page["items"]] == [r["key"] for r in rows[10:]] and page["count"] == N
    said = client.get("/api/statements?speaker=Volfovich&contains=year 3").json()
    assert said["count"] == 1 and said["items"][0]["quote"].endswith("year 3.")
    assert client.get("/api/statements?speaker=Nobody Atall").json()["count"] == 0


def test_a_statement_is_the_row_the_list_gives_and_its_sources_are_paged(client):
    row = client.get("/api/statements?limit=1").json()["items"][0]
    assert client.get("/api/statements/" + quote(row["key"])).json() == row
    srcs = client.get(f"/api/statements/{quote(row['key'])}/sources").json()
    assert srcs["count"] == len(srcs["items"]) >= 1 and srcs["items"][0]["evidence"]
    assert client.get("/api/statements/no-such-key/sources").status_code == 404


def test_agreements_filter_in_sql_and_summaries_count_documents_not_list_them(client):
    [plan] = client.get("/api/agreements?party=RUS&since=2026").json()["items"]
    assert client.get("/api/agreements?party=KAZ").json()["count"] == 0
    assert client.get("/api/agreements?contains=plan cooperation").json()["count"] == 1
    [conflict] = [f for f in plan["flags"] if f["field"] == "signed"]
    assert sorted(v["documents"] for v in conflict["values"]) == [3, 9]  # counts, not document ids


# --------------------------------------------------------------------------- bounded views, paged sub-lists


def test_an_agreement_carries_counts_and_its_first_sources(client):
    key = client.get("/api/agreements").json()["items"][0]["key"]
    a = client.get("/api/agreements/" + key).json()["agreement"]
    assert a["documents"] == N and a["sources_count"] == N and len(a["sources"]) == read.SHOWN
    assert len(a["meetings"]) == N
    for entries in a["fields"].values():
        for e in entries:
            assert len(e["sources"]) <= read.SHOWN and all("outlet" in s for s in e["sources"])
    walked, counts = _walk(client, f"/api/agreements/{key}/sources?limit=5")
    assert counts == {N} and len({s["document_id"] for s in walked}) == N
    assert [s["document_id"] for s in walked[:read.SHOWN]] == [s["document_id"] for s in a["sources"]]
    assert [s["document_id"] for s in walked] == sorted(s["document_id"] for s in walked)  # by the sources' key


def test_a_person_carries_counts_and_the_first_few_of_each_list(client):
    key = _person_key(client)
    view = client.get("/api/people/" + key).json()
    p = view["person"]
    assert p["meetings_count"] == N and len(p["meetings"]) == read.MEETINGS_SHOWN
    assert p["statements"] == N and len(view["statements"]) == read.STATEMENTS_SHOWN
    assert p["sources_count"] == N and len(p["sources"]) == read.SHOWN
    assert p["co_attendees_count"] == 2 + N // 3 and len(view["co_attendees"]) == p["co_attendees_count"]
    assert view["co_attendees"][0]["meetings"] == N // 3


@pytest.mark.parametrize("sub, total", [("meetings", N), ("statements", N), ("sources", N),
                                         ("co-attendees", 2 + N // 3)])
def test_a_persons_sub_lists_page_through_everything(client, sub, total):
    key = _person_key(client)
    walked, counts = _walk(client, f"/api/people/{key}/{sub}?limit=5")
    assert counts == {total} and len(walked) == total
    one = client.get(f"/api/people/{key}/{sub}?limit=500").json()["items"]
    assert walked == one
    assert client.get(f"/api/people/Nobody Atall/{sub}").status_code == 404


@pytest.mark.parametrize("sub", ["meetings", "statements", "sources"])
def test_a_persons_sub_lists_follow_the_cursor(client, sub):
    from urllib.parse import parse_qs, urlsplit

    key = _person_key(client)
    nxt = client.get(f"/api/people/{key}/{sub}?limit=5").json()["next"]
    query = parse_qs(urlsplit(nxt).query)
    assert query["after"] and query["offset"] == ["5"]
    by_cursor = client.get(f"/api/people/{key}/{sub}", params={"limit": 5, "after": query["after"][0]}).json()
    by_offset = client.get(f"/api/people/{key}/{sub}?limit=5&offset=5").json()
    assert by_cursor["items"] == by_offset["items"] and len(by_cursor["items"]) == 5


def test_the_person_view_starts_its_sub_lists(client):
    key = _person_key(client)
    view = client.get("/api/people/" + key).json()
    meetings = client.get(f"/api/people/{key}/meetings?limit={read.MEETINGS_SHOWN}").json()["items"]
    assert view["person"]["meetings"] == meetings
    statements = client.get(f"/api/people/{key}/statements?limit={read.STATEMENTS_SHOWN}").json()["items"]
    assert view["statements"] == statements
    sources = client.get(f"/api/people/{key}/sources?limit={read.SHOWN}").json()["items"]
    assert view["person"]["sources"] == sources


# --------------------------------------------------------------------------- one view, three renderings


def test_the_cli_json_and_the_api_show_the_same_views(db_url, client):
    from parley.cli import app

    db = db_url
    run = CliRunner().invoke
    key = _person_key(client)
    res = run(app, ["person", key, "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout) == client.get("/api/people/" + key).json()
    res = run(app, ["statements", "--db", db, "--limit", "5", "--offset", "5", "--json"])
    assert json.loads(res.stdout) == client.get("/api/statements?limit=5&offset=5").json()["items"]
    akey = client.get("/api/agreements").json()["items"][0]["key"]
    res = run(app, ["agreement", akey, "--db", db, "--json"])
    assert json.loads(res.stdout) == client.get("/api/agreements/" + akey).json()
    res = run(app, ["people", "--db", db, "--limit", "2", "--json"])
    assert json.loads(res.stdout) == client.get("/api/people?limit=2").json()["items"]
    res = run(app, ["statements", "--db", db, "--limit", "5"])
    assert res.exit_code == 0 and f"1–5 of {N} statement(s)" in res.stdout


def test_the_pages_show_the_first_few_and_link_to_all(client):
    key = _person_key(client)
    page = client.get("/people/" + key).text
    assert f"All {N} statements" in page and f"All {N} sources" in page and f"All {N} meetings" in page
    assert client.get(f"/statements?speaker={key}").text.count('<figure class="quote">') == N
    assert client.get(f"/people/{key}/sources").text.count("<tr><td>") == N
    assert client.get(f"/people/{key}/co-attendees").status_code == 200
    akey = client.get("/api/agreements").json()["items"][0]["key"]
    assert f"All {N} sources" in client.get("/agreements/" + akey).text
    assert client.get(f"/agreements/{akey}/sources").text.count("<tr><td>") == N
    skey = client.get("/api/statements?limit=1").json()["items"][0]["key"]
    assert client.get(f"/statements/{quote(skey)}/sources").status_code == 200
    assert client.get("/people").status_code == client.get("/agreements").status_code == 200
