"""The JSON API and pages, write side: tokens (hashed at rest), corrections through the review
queue, their persistence across re-ingest, the login cookie with CSRF, ingest over HTTP."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from typer.testing import CliRunner

from parley.server.app import create_app
from parley.server.auth import COOKIE, csrf_for
from parley.server.tokens import api_tokens, list_tokens, revoke_token
from parley.store.blocks import consolidate
from parley.store.ingest import Incoming, ingest
from web_support import CIS14, build_store, records, token


@pytest.fixture
def kb(tmp_path):
    store = build_store(tmp_path / "kb.db")
    yield store
    store.close()


@pytest.fixture
def client(kb):
    with TestClient(create_app(store=kb)) as c:
        yield c


def bearer(tok: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tok}"}


ACCEPT = {"target_kind": "meeting", "target_key": CIS14, "action": "accept", "reason": "checked the ministry's release"}


def test_writing_needs_a_valid_token_and_says_how_to_get_one(client, kb):
    r = client.post("/api/corrections", json=ACCEPT)
    assert r.status_code == 401 and "parley token create" in r.json()["detail"]
    assert r.headers["www-authenticate"].startswith("Bearer")
    r = client.post("/api/corrections", json=ACCEPT, headers=bearer("plt_0000abcd_" + "x" * 43))
    assert r.status_code == 401 and "not valid" in r.json()["detail"]
    tok = token(kb, "alice")
    assert client.get("/api/whoami", headers=bearer(tok)).json()["name"] == "alice"
    r = client.post("/api/corrections", json=ACCEPT, headers=bearer(tok[:-2] + "zz"))
    assert r.status_code == 401
    assert client.post("/api/ingest", json={"records": []}).status_code == 401


def test_tokens_are_stored_hashed_and_can_be_revoked(client, kb):
    tok = token(kb, "bob")
    with kb.engine.connect() as conn:
        rows = conn.execute(select(api_tokens)).mappings().all()
    stored = json.dumps([dict(r) for r in rows])
    assert tok not in stored and tok.split("_", 2)[2] not in stored  # the secret may itself contain "_"
    [row] = rows
    assert row["name"] == "bob" and len(row["hash"]) == 64 and len(row["salt"]) == 32
    assert client.get("/api/whoami", headers=bearer(tok)).status_code == 200
    revoke_token(kb.engine, row["id"])
    assert client.get("/api/whoami", headers=bearer(tok)).status_code == 401
    assert not list_tokens(kb.engine)[0].active


def test_accepting_a_conflict_removes_it_from_the_queue_and_shows_who(client, kb):
    tok = token(kb, "alice")
    r = client.post("/api/corrections", json=ACCEPT, headers=bearer(tok))
    assert r.status_code == 201, r.text
    c = r.json()
    assert c["author"] == "alice" and c["action"] == "accept" and c["status"] == "applied"
    queue = client.get("/api/review").json()["items"]
    assert CIS14 not in [i["key"] for i in queue]
    m = client.get("/api/meetings/" + CIS14).json()
    assert m["meeting"]["reviewed"] and m["meeting"]["corrections"] == [c["id"]]
    assert m["corrections"][0]["author"] == "alice" and m["corrections"][0]["reason"] == ACCEPT["reason"]
    assert all(f.get("resolved_by") == c["id"] for f in m["meeting"]["flags"] if f["code"] == "conflict")
    page = client.get("/meetings/" + CIS14).text
    assert "alice" in page and "checked the ministry&#39;s release" in page
    listed = client.get("/api/corrections").json()["items"]
    assert listed[0]["id"] == c["id"]


def test_an_edit_becomes_the_chosen_value_with_the_correction_as_its_source(client, kb):
    tok = token(kb, "carol")
    body = {"target_kind": "meeting", "target_key": CIS14, "action": "edit", "field": "start", "value": "2026-10-15",
            "reason": "the ministry's release says 15 October"}
    r = client.post("/api/corrections", json=body, headers=bearer(tok))
    assert r.status_code == 201, r.text
    assert r.json()["old_value"] == "2026-10-14" and r.json()["new_value"] == "2026-10-15"
    m = client.get("/api/meetings/" + CIS14).json()["meeting"]
    assert m["start"] == "2026-10-15"
    chosen = [e for e in m["fields"]["start"] if e["chosen"]]
    assert chosen[0]["value"] == "2026-10-15" and chosen[0]["sources"][0]["by"] == "carol"
    assert "edited by carol" in client.get("/meetings/" + CIS14).text
    # revert: the reports' value is back, both records are kept
    rv = client.post(f"/api/corrections/{r.json()['id']}/revert", json={"reason": "wrong release"},
                     headers=bearer(tok))
    assert rv.status_code == 201 and rv.json()["action"] == "revert"
    assert client.get("/api/meetings/" + CIS14).json()["meeting"]["start"] == "2026-10-14"
    statuses = {c["id"]: c["status"] for c in client.get("/api/corrections").json()["items"]}
    assert statuses == {r.json()["id"]: "reverted", rv.json()["id"]: "revert"}


def test_bad_corrections_are_refused_with_what_to_do(client, kb):
    tok = token(kb)
    r = client.post("/api/corrections", json={**ACCEPT, "action": "edit", "field": "colour", "value": "red"},
                    headers=bearer(tok))
    assert r.status_code == 400 and "fields:" in r.json()["detail"]
    r = client.post("/api/corrections", json={**ACCEPT, "target_key": "no/such"}, headers=bearer(tok))
    assert r.status_code == 400 and "no meeting" in r.json()["detail"]
    r = client.post("/api/corrections", json={**ACCEPT, "reason": ""}, headers=bearer(tok))
    assert r.status_code == 422
    r = client.post("/api/corrections", json={**ACCEPT, "action": "edit", "field": "start", "value": "soon"},
                    headers=bearer(tok))
    assert r.status_code == 400 and "ISO date" in r.json()["detail"]


def test_decisions_survive_reingest_and_a_full_rebuild(client, kb):
    tok = token(kb, "alice")
    assert client.post("/api/corrections", json=ACCEPT, headers=bearer(tok)).status_code == 201
    memo = "CSTO/memorandum/memorandum-on-information-security"
    r = client.post("/api/corrections", json={"target_kind": "agreement", "target_key": memo, "action": "reject",
                                              "reason": "only rumoured"}, headers=bearer(tok))
    assert r.status_code == 201
    # a new report of the same meeting re-consolidates its block; then everything is rebuilt
    rec = records()[3]
    text = rec.pop("text") + "\n\nUpdated."
    rec["document"]["id"] = "f" * 64
    rec["document"]["url"] = "https://steppe-news.example/2026/10/14/secretaries-minsk-updated"
    assert ingest(kb, [Incoming(rec, text, "test")]).added == 1
    consolidate(kb, full=True)
    m = client.get("/api/meetings/" + CIS14).json()["meeting"]
    assert m["documents"] == 4 and m["reviewed"]
    assert memo not in [a["key"] for a in client.get("/api/agreements").json()["items"]]
    assert CIS14 not in [i["key"] for i in client.get("/api/review").json()["items"]]


def test_ingest_records_over_http(client, kb):
    tok = token(kb, "ingester")
    rec = records()[0]
    rec["document"]["id"] = "e" * 64
    rec["document"]["url"] = "https://eurasia-desk.example/2025/11/05/cis-secretaries-copy"
    r = client.post("/api/ingest", json={"records": [rec, {"schema": "nope"}]}, headers=bearer(tok))
    assert r.status_code == 200, r.text
    rep = r.json()
    assert rep["added"] == 1 and rep["failed"] == 1 and "not an extraction record" in rep["failures"][0]["reason"]
    assert client.get("/api/meetings/cis-security-council-secretaries/13").json()["meeting"]["documents"] == 3
    assert client.post("/api/ingest", json={}, headers=bearer(tok)).status_code == 400


@pytest.mark.slow
def test_ingest_documents_over_http_runs_the_extractor(client, kb):
    tok = token(kb)
    doc = {"id": "http-doc-1", "url": "https://example.test/cis-15", "source": "Test Wire", "published": "2027-10-20",
           "text": "MOSCOW, 20 October. The 15th meeting of the secretaries of the Security Councils of the CIS "
                   "member states was held in Moscow on 20 October. It was chaired by Secretary of the Security "
                   "Council of Russia Sergei Shoigu."}
    r = client.post("/api/ingest", json={"documents": [doc]}, headers=bearer(tok))
    assert r.status_code == 200 and r.json()["added"] == 1, r.text
    assert client.get("/api/meetings/cis-security-council-secretaries/15").status_code == 200


# --------------------------------------------------------------------------- the pages' forms


def login(client, tok: str) -> str:
    r = client.post("/login", data={"token": tok, "next": "/review"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict") and "Path=/" in cookie
    return csrf_for(tok)


def test_login_cookie_and_csrf_protect_the_review_forms(client, kb):
    tok = token(kb, "dora")
    assert client.post("/login", data={"token": "wrong"}).status_code == 401
    page = client.get("/review").text
    assert "sign in with a token" in page and 'name="csrf"' not in page
    csrf = login(client, tok)
    page = client.get("/review").text
    assert f'value="{csrf}"' in page and "dora" in page
    form = {"kind": "meeting", "key": CIS14, "action": "accept", "reason": "seen the video", "back": "/review"}
    assert client.post("/review/decide", data=form, follow_redirects=False).status_code == 422  # no csrf field
    assert client.post("/review/decide", data={**form, "csrf": "0" * 40}, follow_redirects=False).status_code == 403
    r = client.post("/review/decide", data={**form, "csrf": csrf}, headers={"Origin": "https://evil.example"},
                    follow_redirects=False)
    assert r.status_code == 403
    r = client.post("/review/decide", data={**form, "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/review?done=")
    done = client.get(r.headers["location"]).text
    assert "Recorded: dora accepted" in done
    assert client.get("/api/corrections").json()["items"][0]["author"] == "dora"
    # picking one of the conflicting values is an edit
    other = {"kind": "meeting", "key": "csto-security-council-secretaries/2026-06-12", "choose": "place=Moscow",
             "reason": "the delegations met in Moscow", "csrf": csrf}
    assert client.post("/review/decide", data=other, follow_redirects=False).status_code == 303
    assert client.get("/api/meetings/csto-security-council-secretaries/2026-06-12").json()["meeting"]["place"] == "Moscow"
    # without a reason nothing is recorded
    r = client.post("/review/decide", data={**form, "reason": " ", "csrf": csrf})
    assert r.status_code == 400 and "say why" in r.text
    # a revoked token's cookie no longer writes
    revoke_token(kb.engine, tok)
    r = client.post("/review/decide", data={**form, "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 401


def test_logout_needs_the_csrf_field_and_clears_the_cookie(client, kb):
    tok = token(kb, "erin")
    csrf = login(client, tok)
    assert client.post("/logout", data={"csrf": "x"}, follow_redirects=False).status_code == 403
    r = client.post("/logout", data={"csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and f'{COOKIE}=""' in r.headers["set-cookie"]


def test_redirects_stay_on_this_site(client, kb):
    tok = token(kb)
    r = client.post("/login", data={"token": tok, "next": "https://evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/review"
    r = client.post("/login", data={"token": tok, "next": "//evil.example/x"}, follow_redirects=False)
    assert r.headers["location"] == "/review"


# --------------------------------------------------------------------------- the command line


def test_token_commands(tmp_path):
    from parley.cli import app

    db = str(tmp_path / "kb.db")
    build_store(tmp_path / "kb.db").close()
    runner = CliRunner()
    r = runner.invoke(app, ["token", "create", "frank", "--db", db])
    assert r.exit_code == 0, r.output
    tok = r.stdout.strip().splitlines()[0]
    assert tok.startswith("plt_")
    r = runner.invoke(app, ["token", "list", "--db", db, "--json"])
    [row] = json.loads(r.stdout)
    assert row["name"] == "frank" and row["active"] and "hash" not in row and tok not in r.stdout
    assert runner.invoke(app, ["token", "revoke", row["id"], "--db", db]).exit_code == 0
    assert not json.loads(runner.invoke(app, ["token", "list", "--db", db, "--json"]).stdout)[0]["active"]
    assert runner.invoke(app, ["token", "create", "", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["token", "list", "--db", str(tmp_path / "none.db")]).exit_code == 2


def test_serve_binds_to_localhost_by_default():
    import inspect

    from parley.cli.serve import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve).parameters["port"].default == 8000
