"""Untrusted reports: script and HTML in every field of a report render as text on every page;
pages carry a strict Content-Security-Policy; no SQL is built from strings in the web layer."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from parley.server.app import create_app
from parley.server.auth import csrf_for
from web_support import build_store, token

HOSTILE_MEETING = "multilateral/2026-03-01/b-minsk-b"
RAW = ("<script>alert(1)</script>", "<script>alert('quote')</script>", "<b>html</b>", "<b>Minsk</b>",
       "<img src=x onerror=alert(2)>", "<b>Evil</b>", "<i>Org</i>", "<script>alert(4)</script>",
       "<script>alert(5)</script>", "<b>Minister</b>", "<script>alert(9)</script>")


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("xss") / "kb.db")
    tok = token(store, "mallory")
    with TestClient(create_app(store=store)) as c:
        # a reviewer's reason is untrusted too
        r = c.post("/api/corrections", headers={"Authorization": f"Bearer {tok}"},
                   json={"target_kind": "agreement", "target_key": "BLR/plan/2026-2027", "action": "edit",
                         "field": "title_en", "value": "<script>alert(9)</script>", "reason": "<b>html</b> reason"})
        assert r.status_code == 201, r.text
        yield c, store, tok
    store.close()


def hostile_pages(c) -> list[str]:
    m = c.get("/api/meetings/" + HOSTILE_MEETING).json()["meeting"]
    [statement] = m["statements"]
    src = m["sources"][0]
    spans = ",".join(f"{a}-{b}" for a, b in src["evidence"])
    return [
        "/timeline", "/meetings/" + HOSTILE_MEETING, "/people", "/people/hostilov:i", "/agreements",
        "/agreements/BLR/plan/2026-2027", "/statements/" + quote(statement["key"]),
        f"/documents/{src['document_id']}?spans={spans}&what={quote('<script>alert(1)</script>')}"
        f"&back={quote('javascript:alert(1)')}",
        "/search?q=" + quote("we say html"), "/search?q=" + quote("<script>alert(1)</script>"), "/review", "/review?below=1",
        "/corrections", "/network", "/series", "/login?next=" + quote("javascript:alert(1)"),
        "/meetings/" + quote("<script>alert(1)</script>"),
    ]


def assert_inert(html: str, where: str) -> None:
    for raw in RAW:
        assert raw not in html, f"{raw} rendered as markup on {where}"
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", html, re.I), where
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html), where  # only our own script files


def test_hostile_report_renders_as_text_on_every_page(setup):
    c, _, _ = setup
    for path in hostile_pages(c):
        r = c.get(path)
        assert r.status_code in (200, 404), (path, r.status_code)
        assert_inert(r.text, path)
    page = c.get("/meetings/" + HOSTILE_MEETING).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; The &lt;b&gt;html&lt;/b&gt; summit" in page
    assert "&lt;b&gt;Evil&lt;/b&gt; Wire" in page
    found = c.get("/search?q=" + quote("we say html")).text
    assert "&lt;b&gt;<mark>html</mark>&lt;/b&gt; here," in found  # the query's words marked, the rest escaped
    doc = c.get(hostile_pages(c)[7]).text
    assert '<mark id="m0" class="evidence">' in doc and "&lt;img src=x onerror=alert(2)&gt;" in doc


def test_hostile_report_renders_as_text_for_a_signed_in_reviewer(setup):
    c, _, tok = setup
    c.post("/login", data={"token": tok}, follow_redirects=False)
    try:
        page = c.get("/review").text
        assert f'value="{csrf_for(tok)}"' in page
        assert_inert(page, "/review (signed in)")
        assert "&lt;b&gt;html&lt;/b&gt; reason" in c.get("/corrections").text
    finally:
        c.cookies.clear()


def test_the_api_returns_the_reports_words_unchanged_as_json(setup):
    c, _, _ = setup
    r = c.get("/api/meetings/" + HOSTILE_MEETING)
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.json()["meeting"]["name"] == "<script>alert(1)</script> The <b>html</b> summit"


def test_pages_forbid_inline_scripts_and_framing(setup):
    c, _, _ = setup
    csp = c.get("/timeline").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "frame-ancestors 'none'" in csp
    net = c.get("/network").headers["content-security-policy"]
    assert "script-src 'self';" in net  # the graph library may style itself, never run inline code
    assert c.get("/timeline").headers["x-frame-options"] == "DENY"


def test_document_links_only_for_http_urls():
    from parley.web.render import safe_url

    assert safe_url("https://tass.example/x") == "https://tass.example/x"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", " javascript:x", "//evil", None,
                'https://x.example/"onmouseover=alert(1)'):
        assert safe_url(bad) is None, bad


def test_no_sql_is_built_from_strings_in_the_web_layer():
    root = Path(__file__).resolve().parent.parent / "src" / "parley"
    for path in [*(root / "api").glob("*.py"), *(root / "web").glob("*.py")]:
        code = path.read_text(encoding="utf-8")
        for pattern in (r"exec_driver_sql", r"\btext\(", r"""f["'](?:SELECT|INSERT|UPDATE|DELETE)\b""",
                        r"""["'](?:SELECT|INSERT|UPDATE|DELETE) """, r"\.execute\(\s*f[\"']"):
            assert not re.search(pattern, code, re.I), f"{path.name}: {pattern}"
