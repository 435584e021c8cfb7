"""Every answer of the JSON API conforms to what its OpenAPI document declares: the response
models are the answers' real shape, not documentation that can drift (each GET route with a
declared model, asked with real keys from our hand-written reports, validated against the
schema of its 200 response)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from jsonschema_rs import Draft202012Validator  # schemathesis's validator (dev extras)

from parley.server.app import create_app
from web_support import CIS14, PLAN_2627, build_store, token


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("api-conformance") / "kb.db")
    with TestClient(create_app(store=store)) as client:
        yield client, store
    store.close()


def _validator(spec: dict, path: str, method: str = "get", status: str = "200") -> Draft202012Validator | None:
    content = spec["paths"][path][method]["responses"].get(status, {}).get("content", {})
    schema = content.get("application/json", {}).get("schema")
    if not schema:
        return None
    return Draft202012Validator({**schema, "components": spec["components"]})


def _route(spec: dict, url: str) -> str:
    """The OpenAPI path template a concrete URL is served by."""
    path = url.split("?", 1)[0]
    for template in sorted(spec["paths"], key=lambda t: -len(t)):
        head, _, tail = template.partition("{")
        if tail and path.startswith(head) and (not tail.split("}", 1)[1] or path.endswith(tail.split("}", 1)[1])):
            return template
        if template == path:
            return template
    raise AssertionError(f"no route for {url}")


def test_every_answer_has_the_shape_its_openapi_document_declares(api):
    client, store = api
    spec = client.get("/openapi.json").json()
    person = client.get("/api/people?limit=1").json()["items"][0]["key"]
    statement = client.get("/api/statements?limit=1").json()["items"][0]["key"]
    document = client.get(f"/api/meetings/{CIS14}").json()["meeting"]["sources"][0]["document_id"]
    urls = [
        "/api/meetings", "/api/meetings?topic=terrorism", "/api/meetings?state=BLR&limit=2",
        f"/api/meetings/{CIS14}", f"/api/meetings/{CIS14}/sources",
        "/api/people", f"/api/people/{quote(person, safe='')}",
        f"/api/people/{quote(person, safe='')}/meetings", f"/api/people/{quote(person, safe='')}/statements",
        "/api/agreements", f"/api/agreements/{PLAN_2627}", f"/api/agreements/{PLAN_2627}/sources",
        "/api/statements", f"/api/statements/{quote(statement, safe='/')}",
        f"/api/documents/{document}?fact=meeting:0", "/api/search?q=security", "/api/network",
        "/api/review", "/api/corrections",
    ]
    checked = 0
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        validator = _validator(spec, _route(spec, url))
        if validator is None:
            continue
        errors = list(validator.iter_errors(r.json()))
        assert not errors, (url, [e.message[:200] for e in errors[:5]])
        checked += 1
    assert checked >= 15
    # A write's answer too: a correction, as POST /api/corrections declares it.
    auth = {"Authorization": f"Bearer {token(store)}"}
    made = client.post("/api/corrections", headers=auth, json={
        "target_kind": "meeting", "target_key": CIS14, "action": "accept", "reason": "checked"})
    assert made.status_code == 201
    validator = _validator(spec, "/api/corrections", "post", "201")
    assert validator is not None and not list(validator.iter_errors(made.json()))
