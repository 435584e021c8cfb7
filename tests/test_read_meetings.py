"""Meetings read in SQL: the one filter (CLI, API, pages), keyset pages that equal offset pages,
bounded detail with the sources endpoint, the same view on the command line and the API, and the
co-attendance network kept by consolidation."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from itertools import combinations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from parley.cli import app
from parley.server.app import create_app
from parley.store import models as m
from parley.store import read
from parley.store.blocks import consolidate
from parley.store.corrections import add_correction
from parley.store.db import open_store
from parley.store.ingest import Incoming, ingest
from pg import PG, SKIP, temporary_database
from test_store_robust import doc_id, record

BIG = "cis-security-council-secretaries/30"  # reported by 8 documents, 2 of them with another date
SERIES = ("cis-security-council-secretaries", "brics-national-security")
COUNTRIES = ("BLR", "KAZ", "IND")
TOPICS = ("terrorism", "cybercrime", "extremism")
CHAIRS = ("Alexander Volfovich", "Ajit Doval")


def _meeting(i: int) -> dict:
    """Meeting i of 12: its series, date, states, topic and chair vary with i."""
    start = f"{2014 + i}-03-0{1 + i % 5}"
    r = record(doc_id(100 + i), series=SERIES[i % 2], ordinal=i + 1, start=start, place=f"City{i}",
               country=COUNTRIES[i % 3], outlet=f"Outlet {i}", chair=CHAIRS[i % 2])
    r["meetings"][0]["topics"] = [TOPICS[i % 3]]
    return r


def _expected(i: int) -> dict:
    return {"key": f"{SERIES[i % 2]}/{i + 1}", "series": SERIES[i % 2], "start": f"{2014 + i}-03-0{1 + i % 5}",
            "states": {COUNTRIES[i % 3], "RUS", "KAZ"}, "topic": TOPICS[i % 3], "chair": CHAIRS[i % 2]}


def _records() -> list[dict]:
    recs = [_meeting(i) for i in range(12)]
    for n in range(8):
        recs.append(record(doc_id(n), ordinal=30, start="2026-10-15" if n in (3, 6) else "2026-10-14",
                           outlet=f"Wire {n}"))
    return recs


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = tmp_path_factory.mktemp("read-meetings") / "kb.db"
    store = open_store(str(path))
    report = ingest(store, [Incoming(copy.deepcopy(r), None, f"test:{i}") for i, r in enumerate(_records())])
    assert report.failures == [] and not report.consolidation.failures
    yield store, str(path)
    store.close()


@pytest.fixture(scope="module")
def client(kb):
    with TestClient(create_app(store=kb[0])) as c:
        yield c


def _keys(client, query: str) -> list[str]:
    r = client.get("/api/meetings?limit=500&" + query)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["count"] == len(body["items"])  # the total, here all on one page
    return [x["key"] for x in body["items"]]


def test_each_filter_and_their_combinations_select_in_sql(client):
    every = [_expected(i) for i in range(12)] + [{"key": BIG, "series": SERIES[0], "start": "2026-10-14",
                                                  "states": {"BLR", "RUS", "KAZ"}, "topic": "terrorism",
                                                  "chair": CHAIRS[0]}]

    def want(pred) -> list[str]:
        return [e["key"] for e in sorted(every, key=lambda e: e["start"]) if pred(e)]

    assert _keys(client, "series=brics-national-security") == want(lambda e: e["series"] == SERIES[1])
    assert _keys(client, "state=ind") == want(lambda e: "IND" in e["states"])
    assert _keys(client, "topic=cybercrime") == want(lambda e: e["topic"] == "cybercrime")
    assert _keys(client, "person=Doval") == want(lambda e: e["chair"] == "Ajit Doval")
    assert _keys(client, "since=2016&until=2019-06") == want(lambda e: "2016" <= e["start"] <= "2019-06~")
    combined = want(lambda e: e["topic"] == "terrorism" and "BLR" in e["states"] and e["chair"] == CHAIRS[0]
                    and e["start"] >= "2015")
    assert combined and _keys(client, "topic=terrorism&state=BLR&person=Volfovich&since=2015") == combined
    assert _keys(client, "person=nobody-at-all") == []


def test_cursor_pages_are_the_offset_pages_and_count_is_the_total(client):
    everything = _keys(client, "")
    assert len(everything) == 13 and everything[-1] == BIG  # 2026: the latest
    seen, url, pages = [], "/api/meetings?limit=5", 0
    while url:
        body = client.get(url).json()
        assert body["count"] == 13
        by_offset = client.get(f"/api/meetings?limit=5&offset={body['offset']}").json()["items"]
        assert [x["key"] for x in body["items"]] == [x["key"] for x in by_offset]
        seen += [x["key"] for x in body["items"]]
        url, pages = body["next"], pages + 1
        assert url is None or "after=" in url
    assert seen == everything and pages == 3
    assert client.get("/api/meetings?after=not-a-cursor").status_code == 422


def test_summaries_count_documents_per_flag_value_instead_of_listing_them(client):
    [big] = [x for x in client.get("/api/meetings?limit=500").json()["items"] if x["key"] == BIG]
    [conflict] = [f for f in big["flags"] if f["code"] == "conflict"]
    assert conflict["values"] == [{"value": "2026-10-14", "documents": 6}, {"value": "2026-10-15", "documents": 2}]


def test_a_list_names_a_flags_first_values_and_the_detail_every_one(tmp_path):
    chairs = ("Alexander Volfovich", "Ajit Doval", "Nikolai Patrushev", "Sergei Shoigu", "Wang Yi")
    store = open_store(str(tmp_path / "kb.db"))
    ingest(store, [Incoming(record(doc_id(500 + n), ordinal=41, chair=chair, outlet=f"Desk {n}"), None, f"t:{n}")
                   for n, chair in enumerate([chairs[0]] * 3 + list(chairs[1:]))])
    key = "cis-security-council-secretaries/41"
    add_correction(store, "meeting", key, "add", field="states", value="ARM", reason="Armenia was there")
    with store.connect() as conn:
        [summary] = read.meeting_summaries(conn, [key])
        detail = read.get_meeting(conn, key)
        listed = read.meetings_page(conn, read.MeetingFilters(), limit=5).items
        past_end = read.meetings_page(conn, read.MeetingFilters(), limit=5, offset=40)
    [brief] = [f for f in summary.flags if f.get("field") == "chair"]
    assert brief["values_count"] == 5 and len(brief["values"]) == m.FLAG_VALUES
    assert brief["values"][0] == {"value": chairs[0], "documents": 3}
    [full] = [f for f in detail.flags if f.get("field") == "chair"]
    assert full["values_count"] == 5 and sorted(v["value"] for v in full["values"]) == sorted(chairs)
    assert all(v["documents"] == 1 for v in full["values"][1:])
    # The states and persons a list shows are the members, a correction's included, in value order.
    assert summary.states == ["ARM", "BLR", "KAZ", "RUS"] == sorted(x["value"] for x in detail.members["state"])
    assert sorted(summary.persons) == sorted(chairs) and listed == [summary]
    assert past_end.items == [] and past_end.total == 1  # counted apart: no row carries the total
    store.close()


def test_the_detail_carries_the_first_sources_and_the_endpoint_pages_the_rest(client):
    m_ = client.get("/api/meetings/" + BIG).json()["meeting"]
    assert m_["sources_count"] == 8 and len(m_["sources"]) == read.FIRST_SOURCES
    [chosen] = [e for e in m_["fields"]["start"] if e["chosen"]]
    assert (chosen["value"], chosen["sources_count"], len(chosen["sources"])) == ("2026-10-14", 6, 5)
    assert chosen["sources"][0]["outlet"].startswith("Wire ")  # the shown sources are named
    [blr] = m_["members"]["state"][:1]
    assert blr["sources_count"] == 8 and len(blr["sources"]) == 5

    def walk(url: str) -> list[str]:
        out = []
        while url:
            body = client.get(url).json()
            assert body["count"] == total
            out += [s["document_id"] for s in body["items"]]
            url = body["next"]
        return out

    total = 6
    docs = walk("/api/meetings/" + BIG + "/sources?field=start&value=2026-10-14&limit=4")
    assert sorted(docs) == sorted(doc_id(n) for n in range(8) if n not in (3, 6))
    total = 8
    assert sorted(walk("/api/meetings/" + BIG + "/sources?limit=3")) == sorted(doc_id(n) for n in range(8))
    assert sorted(walk("/api/meetings/" + BIG + "/sources?field=state&value=BLR&limit=5")) == \
        sorted(doc_id(n) for n in range(8))
    assert client.get("/api/meetings/" + BIG + "/sources?field=start&value=1999").status_code == 404
    assert client.get("/api/meetings/no/such/sources").status_code == 404
    page = client.get("/meetings/" + BIG).text
    assert f"/meetings/{BIG}/sources" in page and "show all (8)" in page
    listing = client.get(f"/meetings/{BIG}/sources?field=start&value=2026-10-14")
    assert listing.status_code == 200 and listing.text.count('class="ext"') + listing.text.count("Wire ") >= 6


def test_the_command_line_shows_the_api_views(kb, client):
    _, path = kb
    runner = CliRunner()
    res = runner.invoke(app, ["meeting", BIG, "--json", "--db", path])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == client.get("/api/meetings/" + BIG).json()
    res = runner.invoke(app, ["meetings", "--json", "--topic", "terrorism", "--db", path])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output) == client.get("/api/meetings?topic=terrorism&limit=500").json()["items"]


def _recount(conn, series: str | None = None) -> tuple[dict, dict]:
    """The network counted the slow way, from meeting_members."""
    q = select(m.MeetingMember.meeting_key, m.MeetingMember.kind, m.MeetingMember.value).join(
        m.Meeting, m.Meeting.key == m.MeetingMember.meeting_key).where(
        m.Meeting.rejected.is_(False), m.MeetingMember.kind.in_(m.NETWORK_KINDS))
    if series:
        q = q.where(m.Meeting.series == series)
    members = defaultdict(set)
    for r in conn.execute(q):
        members[r.meeting_key].add((r.kind, r.value))
    nodes, edges = defaultdict(int), defaultdict(int)
    for ms in members.values():
        for x in ms:
            nodes[x] += 1
        for a, b in combinations(sorted(ms), 2):
            edges[a + b] += 1
    return dict(nodes), dict(edges)


def _stored(conn) -> tuple[dict, dict]:
    nodes = {(r.kind, r.value): r.meetings for r in conn.execute(select(m.NetworkNode))}
    edges = {(r.kind_a, r.value_a, r.kind_b, r.value_b): r.weight for r in conn.execute(select(m.NetworkEdge))}
    return nodes, edges


def test_the_network_is_kept_by_consolidation_and_filtered_in_sql(tmp_path):
    store = open_store(str(tmp_path / "kb.db"))
    ingest(store, [Incoming(copy.deepcopy(r), None, f"t:{i}") for i, r in enumerate(_records())])
    with store.connect() as conn:
        assert _stored(conn) == _recount(conn) and _stored(conn)[1]
    # a rejected meeting leaves the network, an edited one changes it, a full rebuild agrees
    add_correction(store, "meeting", "brics-national-security/2", "reject", reason="not a meeting")
    add_correction(store, "meeting", BIG, "add", field="states", value="ARM", reason="Armenia was there")
    with store.connect() as conn:
        stored = _stored(conn)
        assert stored == _recount(conn) and ("state", "ARM") in stored[0]
    assert consolidate(store, full=True).failures == []
    with store.connect() as conn:
        assert _stored(conn) == stored
        whole = read.network(conn, kinds=("person", "state"))
        nodes, edges = _recount(conn)
        assert {n["id"]: n["meetings"] for n in whole.nodes} == {
            f"{k}:{read.person_keys_by_alias(conn, [v]).get(v, v) if k == 'person' else v}": c
            for (k, v), c in nodes.items() if k in ("person", "state")}
        assert sum(e["weight"] for e in whole.edges) == sum(w for (a, _, b, _), w in edges.items()
                                                            if {a, b} <= {"person", "state"})
        part = read.network(conn, read.MeetingFilters(series="brics-national-security"), kinds=("state",))
        _, series_edges = _recount(conn, "brics-national-security")
        assert {(e["source"], e["target"]): e["weight"] for e in part.edges} == {
            (f"state:{b}", f"state:{d}"): w for (a, b, c, d), w in series_edges.items() if a == c == "state"}
        assert part.meetings == 5  # six of the series, one rejected
        top = read.network(conn, kinds=("state",), max_edges=2)
        assert len(top.edges) == 2 and top.truncated
        assert min(e["weight"] for e in top.edges) >= max(
            w for (a, b, c, d), w in edges.items() if a == c == "state"
            and (f"state:{b}", f"state:{d}") not in {(e["source"], e["target"]) for e in top.edges})
    store.close()


def _derived(conn) -> tuple:
    return (sorted(tuple(r) for r in conn.execute(select(m.Meeting.key, m.Meeting.sort_key, m.Meeting.brief))),
            _stored(conn))


def test_the_migration_fills_the_new_columns_as_consolidation_does(tmp_path):
    from alembic import command

    from parley.store.db import _alembic_config, upgrade

    store = open_store(str(tmp_path / "kb.db"))
    ingest(store, [Incoming(copy.deepcopy(r), None, f"t:{i}") for i, r in enumerate(_records())])
    add_correction(store, "meeting", "brics-national-security/2", "reject", reason="not a meeting")
    with store.connect() as conn:
        consolidated = _derived(conn)
    with store.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0003")
    assert upgrade(store.engine)[0] == "0003"
    with store.connect() as conn:
        assert _derived(conn) == consolidated
    store.close()


@pytest.mark.skipif(not PG, reason=SKIP)
def test_postgres_pages_filters_and_network_match_sqlite(tmp_path):
    with temporary_database("parley_test_meetings") as url:
        stores = [open_store(url), open_store(str(tmp_path / "lite.db"))]
        seen = []
        for store in stores:
            ingest(store, [Incoming(copy.deepcopy(r), None, f"t:{i}") for i, r in enumerate(_records())])
            add_correction(store, "meeting", BIG, "add", field="states", value="ARM", reason="Armenia was there")
            with store.connect() as conn:
                f = read.MeetingFilters(topic="terrorism", state="BLR", since="2015")
                first = read.meetings_page(conn, read.MeetingFilters(), 4)
                second = read.meetings_page(conn, read.MeetingFilters(), 4, 4, first.after)
                seen.append(([x.key for x in read.meetings_page(conn, f, 50).items],
                             [x.key for x in first.items + second.items], second.total, _stored(conn),
                             read.network(conn, read.MeetingFilters(series=SERIES[0]))))
            store.close()
        assert seen[0] == seen[1]
