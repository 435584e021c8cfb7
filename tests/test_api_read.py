"""The JSON API, read side: every page's endpoint, pagination, ETags, filters, evidence, search,
network, review queue, OpenAPI (FastAPI test client on our hand-written reports)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from parley.server.app import create_app
from web_support import CIS13, CIS14, PLAN_2627, PLAN_2829, build_store


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("api-read") / "kb.db")
    with TestClient(create_app(store=store)) as c:
        yield c
    store.close()


def test_index_lists_the_endpoints_and_totals(client):
    r = client.get("/api")
    assert r.status_code == 200
    body = r.json()
    assert body["totals"]["documents"] == 8 and body["totals"]["meetings"] == 5
    assert body["endpoints"]["meetings"] == "/api/meetings" and body["docs"] == "/docs"


def test_meetings_are_paged_with_next_links_until_the_end(client):
    everything = [m["key"] for m in client.get("/api/meetings?limit=500").json()["items"]]
    assert len(everything) == 5
    seen, url = [], "/api/meetings?limit=2"
    while url:
        r = client.get(url)
        page = r.json()
        assert page["limit"] == 2 and len(page["items"]) <= 2 and page["count"] == 5  # count: the total
        if page["next"]:
            assert "after=" in page["next"]  # the next page starts after this one's last item
            assert f'<{page["next"]}>; rel="next"' in r.headers["link"]
        seen += [m["key"] for m in page["items"]]
        url = page["next"]
    assert seen == everything
    second = client.get("/api/meetings?limit=2&offset=2").json()
    assert second["prev"] == "/api/meetings?limit=2&offset=0"
    assert client.get("/api/meetings?limit=0").status_code == 422
    assert client.get("/api/meetings?limit=501").status_code == 422


def test_meeting_filters(client):
    def keys(query: str) -> list[str]:
        r = client.get("/api/meetings?" + query)
        assert r.status_code == 200, r.text
        return [m["key"] for m in r.json()["items"]]

    assert keys("series=cis-security-council-secretaries") == [CIS13, CIS14]
    assert keys("status=planned") == ["csto-security-council-secretaries/2027-05"]
    assert keys("state=KAZ") == [CIS13, CIS14]
    assert keys("topic=drug_trafficking") == [CIS14]
    assert keys("since=2026-01-01&until=2026-06-30") == ["multilateral/2026-03-01/b-minsk-b",
                                                         "csto-security-council-secretaries/2026-06-12"]
    assert keys("person=Шойгу") == [CIS13, "csto-security-council-secretaries/2026-06-12", CIS14]
    assert client.get("/api/meetings?status=cancelled").status_code == 422


def test_a_meeting_has_every_value_with_its_sources_conflicts_and_participants_by_state(client):
    r = client.get("/api/meetings/" + CIS14)
    assert r.status_code == 200
    view = r.json()
    m = view["meeting"]
    assert m["key"] == CIS14 and m["status"] == "held" and m["documents"] == 3
    [conflict] = [f for f in m["flags"] if f["code"] == "conflict"]
    assert conflict["field"] == "start" and [v["value"] for v in conflict["values"]] == ["2026-10-14", "2026-10-15"]
    chair = [e for e in m["fields"]["chair"] if e["chosen"]][0]
    assert chair["value"] == "Alexander Volfovich"
    src = chair["sources"][0]
    assert src["outlet"] == "Steppe News" and src["name"] == "w04-cis14-held" and src["spans"]
    groups = {g["state"]: g for g in view["participants"]}
    assert [p["name"] for p in groups["RUS"]["people"]] == ["Sergei Shoigu"]
    assert groups["RUS"]["people"][0]["office"] == "Secretary of the Security Council"
    assert {s["speaker"] for s in m["statements"]} == {"Alexander Volfovich", "Sergei Shoigu"}
    assert [a["key"] for a in m["agreements"]] == [PLAN_2829]
    assert view["series_name"].startswith("Meeting of the Secretaries")
    missing = client.get("/api/meetings/cis-security-council-secretaries/99")
    assert missing.status_code == 404 and "GET /api/meetings" in missing.json()["detail"]


def test_etags_give_304_when_nothing_changed(client):
    r = client.get("/api/meetings/" + CIS13)
    tag = r.headers["etag"]
    assert tag.startswith('W/"')
    again = client.get("/api/meetings/" + CIS13, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    other = client.get("/api/meetings/" + CIS13, headers={"If-None-Match": 'W/"something-else"'})
    assert other.status_code == 200
    page = client.get("/timeline")
    assert client.get("/timeline", headers={"If-None-Match": page.headers["etag"]}).status_code == 304


def test_person_offices_meetings_statements_and_co_attendees(client):
    r = client.get("/api/people/Шойгу")  # any spelling finds the person
    assert r.status_code == 200
    view = r.json()
    p = view["person"]
    assert p["key"] == "shoigu:s" and p["name"] == "Sergei Shoigu" and "Сергей Шойгу" in p["aliases"]
    assert any(o["title"] == "Secretary of the Security Council" and o["state"] == "RUS" and o["basis"] == "reports"
               for o in p["offices"])
    assert [m["key"] for m in p["meetings"]] == [CIS13, "csto-security-council-secretaries/2026-06-12", CIS14]
    assert [s["date"] for s in view["statements"]] == ["2025-11-05", "2026-10-14"]
    assert all(s["sources"] and s["sources"][0]["evidence"] for s in view["statements"])
    co = {c["name"]: c["meetings"] for c in view["co_attendees"]}
    assert co["Armen Grigoryan"] == 3 and co["Alexander Volfovich"] == 2
    assert client.get("/api/people/Nobody Atall").status_code == 404
    people = client.get("/api/people?contains=volf").json()["items"]
    assert [x["key"] for x in people] == ["volfovich:a"]


def test_agreements_with_their_sequence(client):
    items = client.get("/api/agreements?party=RUS").json()["items"]
    assert [a["key"] for a in items] == [PLAN_2627, PLAN_2829]
    view = client.get("/api/agreements/" + PLAN_2829).json()
    a = view["agreement"]
    assert a["predecessor"] == PLAN_2627 and a["meetings"] == [CIS14]
    assert [c["key"] for c in a["chain"]] == [PLAN_2627, PLAN_2829]
    assert client.get("/api/agreements/" + PLAN_2627).json()["agreement"]["documents"] == 2


def test_statements_and_one_statement(client):
    rows = client.get("/api/statements?contains=THREATS today").json()["items"]
    assert [s["speaker"] for s in rows] == ["Sergei Shoigu"]
    one = client.get("/api/statements/" + rows[0]["key"]).json()
    assert one["quote"].startswith("Our cooperation") and one["meeting"] == CIS13
    assert client.get("/api/statements?meeting=" + CIS14).json()["count"] == 2


def test_document_evidence_highlights_the_supporting_words(client):
    chair = [e for e in client.get("/api/meetings/" + CIS14).json()["meeting"]["fields"]["chair"] if e["chosen"]][0]
    src = chair["sources"][0]
    spans = ",".join(f"{a}-{b}" for a, b in src["spans"])
    doc = client.get(f"/api/documents/{src['document']}?spans={spans}").json()
    assert doc["outlet"] == "Steppe News" and doc["raw_text"].startswith("MINSK, 14 October.")
    assert [h["text"] for h in doc["highlights"]] == [
        "chaired by State Secretary of the Security Council of Belarus Alexander Volfovich"]
    by_fact = client.get(f"/api/documents/{src['document'][:12]}?fact=statement:0").json()
    assert by_fact["highlights"] and "We agreed to meet again" in by_fact["highlights"][0]["text"]
    assert client.get("/api/documents/ffffffff").status_code == 404


def test_search_finds_meetings_people_agreements_and_statement_text(client):
    r = client.get("/api/search?q=experts constant").json()
    assert [s["speaker"] for s in r["statements"]] == ["Alexander Volfovich"]
    r = client.get("/api/search?q=minsk").json()
    assert CIS14 in [m["key"] for m in r["meetings"]]
    r = client.get("/api/search?q=вольфович").json()
    assert [p["key"] for p in r["people"]] == ["volfovich:a"]
    r = client.get("/api/search?q=plan 2028").json()
    assert [a["key"] for a in r["agreements"]] == [PLAN_2829]
    assert client.get("/api/search?q=").json()["meetings"] == []
    assert client.get("/api/search?q=%25").status_code == 200  # LIKE wildcards are escaped


def test_network_links_states_and_people_by_co_attendance(client):
    net = client.get("/api/network").json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"person:shoigu:s", "person:volfovich:a", "state:RUS", "state:BLR"} <= ids
    weight = {(e["source"], e["target"]): e["weight"] for e in net["edges"]}
    assert weight[("person:shoigu:s", "person:volfovich:a")] == 2
    assert weight[("state:BLR", "state:RUS")] == 2
    only = client.get("/api/network?series=csto-security-council-secretaries&kinds=person").json()
    assert {n["id"] for n in only["nodes"]} == {"person:shoigu:s", "person:grigoryan:a"}
    assert client.get("/api/network?kinds=planets").status_code == 422


def test_review_queue_puts_conflicts_first_with_their_values(client):
    page = client.get("/api/review").json()
    first = page["items"][0]
    assert (first["kind"], first["key"]) == ("meeting", CIS14)
    [c] = first["conflicts"]
    assert c["field"] == "start" and [v["value"] for v in c["values"]] == ["2026-10-14", "2026-10-15"]
    assert c["values"][1]["sources"][0]["outlet"] == "Regional Wire"
    kinds = {(i["kind"], i["key"]) for i in page["items"]}
    assert ("agreement", "CSTO/memorandum/memorandum-on-information-security") in kinds
    assert all(i["confidence"] < 0.7 for i in page["items"][1:])
    assert client.get("/api/review?below=0.3").json()["items"][0]["key"] == CIS14


def test_series_endpoints(client):
    series = {s["key"]: s for s in client.get("/api/series").json()}
    assert series["cis-security-council-secretaries"]["meetings"] == 2
    tl = client.get("/api/series/cis-security-council-secretaries").json()
    assert [e["ordinal"] for e in tl["entries"] if e["state"] == "held"] == [13, 14]
    assert client.get("/api/series/no-such-series").status_code == 404


def test_openapi_documents_every_endpoint_and_docs_work_offline(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/meetings", "/api/meetings/{key}", "/api/people", "/api/people/{key}", "/api/agreements",
                 "/api/agreements/{key}", "/api/statements", "/api/statements/{key}", "/api/documents/{doc_id}",
                 "/api/search", "/api/network", "/api/review", "/api/corrections", "/api/ingest", "/api/series"):
        assert path in spec["paths"], path
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    assert "limit" in {p["name"] for p in spec["paths"]["/api/meetings"]["get"]["parameters"]}
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "http" not in docs.lower().replace(
        "http-equiv", "")
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/swagger-ui/swagger-ui.css",
                  "/static/vendor/cytoscape.min.js", "/static/parley.css", "/static/network.js"):
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("path", ["/timeline", "/timeline?series=cis-security-council-secretaries&state=RUS",
                                  "/meetings/" + CIS14, "/people", "/people/shoigu:s", "/agreements",
                                  "/agreements/" + PLAN_2829, "/series", "/series/cis-security-council-secretaries",
                                  "/network", "/search?q=Minsk", "/review", "/corrections", "/login"])
def test_every_page_renders_and_links_its_json(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert "content-security-policy" in r.headers and "script-src 'self'" in r.headers["content-security-policy"]
    for section in ("Timeline", "Series", "People", "Agreements", "Network", "Search", "Review", "Corrections"):
        assert f">{section}</a>" in r.text
    if path != "/login":
        assert "JSON for this page" in r.text


def test_pages_say_what_to_do_when_something_is_missing(client):
    r = client.get("/meetings/no/such/meeting")
    assert r.status_code == 404 and "the timeline lists them" in r.text
    assert client.get("/api/nothing-here").json() == {"detail": "Not Found"}
