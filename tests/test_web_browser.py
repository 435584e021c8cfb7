"""The pages in a real browser (Playwright driving Debian's chromium, headless): the timeline,
a meeting, a value's evidence highlighted, a review decision that survives a reload, the
network graph, and a hostile report that must not run a script. Screenshots of the timeline,
a meeting, an evidence page and the network go to artifacts/screenshots/ (and to docs/screenshots/ with PARLEY_UPDATE_SCREENSHOTS=1).

Skipped when /usr/bin/chromium or the playwright package is missing; CI installs both."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from web_support import CIS14, build_store, token

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "screenshots"

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing: `apt-get install -y chromium` runs the browser tests",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing: "
                               "pip install -e '.[dev]' (never `playwright install`: Debian's chromium is used)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(store):
    """The app on ``store``, served by uvicorn in a thread on a free port."""
    import uvicorn

    from parley.server.app import create_app

    tok = token(store, "alice")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store=store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", tok
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Our hand-written reports (the screenshots show these)."""
    yield from _serve(build_store(tmp_path_factory.mktemp("browser") / "kb.db", hostile=False))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The same with the hostile report: script and HTML in every field."""
    yield from _serve(build_store(tmp_path_factory.mktemp("browser-hostile") / "kb.db"))


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    pg = context.new_page()
    pg.dialogs, pg.errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def shoot(pg, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path))
    if os.environ.get("PARLEY_UPDATE_SCREENSHOTS"):
        docs = ROOT / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs / f"{name}.png")


def test_timeline_meeting_and_evidence(site, page):
    base, _ = site
    page.goto(base + "/timeline")
    assert page.locator("h1").inner_text() == "Timeline of meetings"
    planned = page.locator(".planned-block li.mt")
    assert planned.count() == 1 and "Moscow" in planned.first.inner_text()
    assert page.locator("li.mt").filter(has_text="14th Meeting").locator(".badge.conflict").count() == 1
    shoot(page, "timeline")

    page.get_by_role("link", name="14th meeting of CIS Security Council secretaries").click()  # its label
    page.wait_for_url("**/meetings/" + CIS14)
    assert page.locator("tr#field-start .badge.conflict").is_visible()
    assert "Sources disagree" in page.locator(".callout.warn").inner_text()
    groups = page.locator(".group")
    assert groups.filter(has_text="Russia").locator("a", has_text="Sergei Shoigu").count() == 1
    assert page.locator("figure.quote").count() == 2
    shoot(page, "meeting")

    page.locator('a.value[data-field="chair"]').click()
    page.wait_for_url("**/documents/**")
    mark = page.locator("mark.evidence").first
    assert mark.inner_text() == "chaired by State Secretary of the Security Council of Belarus Alexander Volfovich"
    assert mark.is_visible() and "current" in (mark.get_attribute("class") or "")
    box, viewport = mark.bounding_box(), page.viewport_size
    assert box and 0 <= box["y"] < viewport["height"]  # scrolled into view
    assert "chair: Alexander Volfovich" in page.locator(".evidence-bar").inner_text()
    shoot(page, "evidence")
    assert not page.errors and not page.dialogs


def test_accepting_a_fact_in_the_review_queue_persists_after_reload(site, page):
    base, tok = site
    page.goto(base + "/review")
    assert page.locator(f'article.review-item[data-key="{CIS14}"]').count() == 1
    page.get_by_role("link", name="sign in with a token").click()
    page.locator('input[name="token"]').fill(tok)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/review")
    assert "alice" in page.locator(".who").inner_text()

    item = page.locator(f'article.review-item[data-key="{CIS14}"]')
    item.locator('input[name="reason"]').fill("both dates checked: the ministry says 14 October")
    item.get_by_role("button", name="Accept").click()
    page.wait_for_url("**/review?done=*")
    assert "Recorded: alice accepted" in page.locator("#made").inner_text()

    page.reload()
    assert page.locator(f'article.review-item[data-key="{CIS14}"]').count() == 0
    assert "both dates checked" in page.locator(".col-side").inner_text()
    page.goto(base + "/meetings/" + CIS14)
    assert page.locator(".lede .badge.reviewed").is_visible()
    assert "alice" in page.locator("ul.corrections").inner_text()
    assert not page.errors and not page.dialogs


def test_network_graph_draws_offline(site, page):
    base, _ = site
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base + "/network")
    page.wait_for_selector("#network[data-ready='1']", timeout=15000)
    assert page.locator("#network canvas").count() > 0
    assert "nodes" in page.locator("#net-status").inner_text()
    assert all(u.startswith(base) or u.startswith("data:") for u in requests), requests
    assert not page.errors and not page.dialogs


def test_a_hostile_report_runs_no_script_anywhere(hostile_site, page):
    base, _ = hostile_site
    for path in ("/timeline", "/meetings/multilateral/2026-03-01/b-minsk-b", "/people/hostilov:i",
                 "/agreements/BLR/plan/2026-2027", "/search?q=html", "/review", "/network"):
        page.goto(base + path)
        page.wait_for_load_state("load")
    page.goto(base + "/meetings/multilateral/2026-03-01/b-minsk-b")
    assert page.locator("h1").inner_text() == "<i>Org</i> meeting · <b>Minsk</b> · 1 Mar 2026"  # the label, as text
    assert page.locator("tr#field-name").inner_text().count("<script>alert(1)</script> The <b>html</b> summit") == 1
    page.locator('a.value[data-field="name"]').click()
    page.wait_for_url("**/documents/**")
    assert page.locator("mark.evidence").first.inner_text() == "<script>alert(1)</script> The <b>html</b> summit"
    assert page.locator("article.doc-text b, article.doc-text script, article.doc-text img").count() == 0
    assert page.dialogs == []
    assert not page.errors


# --------------------------------------------------------------------------- evidence page and network

REPORT = ROOT / "tests" / "data" / "heldout" / "en" / "b15.txt"  # ends with a photo credit: furniture
PASSAGE = "The sides agreed to hold the next round of Armenian-Iranian consultations"


@pytest.fixture(scope="module")
def report_site(tmp_path_factory):
    """A real report stored with its text (a record with no items: the page needs none)."""
    from parley.record import SCHEMA
    from parley.store.db import open_store
    from parley.store.ingest import Incoming, ingest

    text = REPORT.read_text(encoding="utf-8")
    rec = {"schema": SCHEMA, "document": {"id": hashlib.sha256(text.encode("utf-8")).hexdigest(), "name": "b15",
                                          "title": None, "published": "2024-02-21", "language": "en",
                                          "source": "Armenpress", "origin": str(REPORT)},
           "meetings": [], "agreements": [], "statements": [], "people": []}
    store = open_store(str(tmp_path_factory.mktemp("browser-report") / "kb.db"))
    assert not ingest(store, [Incoming(rec, text, str(REPORT))]).failures
    yield from _serve(store)


def _below_the_bar(page) -> None:
    """The current mark lies whole inside the window, under the sticky evidence bar."""
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # the browser's own jump to the fragment, then ours
    bar = page.locator("#evidence-bar").bounding_box()
    mark = page.locator("mark.evidence.current").bounding_box()
    assert bar and mark
    assert page.evaluate("window.scrollY") > 0  # the page did scroll: the bar is stuck at the top
    assert bar["y"] <= 1 and mark["y"] >= bar["y"] + bar["height"], (bar, mark)
    assert mark["y"] + mark["height"] <= page.viewport_size["height"], mark


def test_a_values_evidence_link_shows_its_mark_below_the_sticky_bar(site, browser):
    base, _ = site
    context = browser.new_context(viewport={"width": 1280, "height": 420}, locale="en-GB")
    page = context.new_page()
    page.goto(base + "/meetings/" + CIS14)
    page.locator('a.value[data-field="chair"]').click()
    page.wait_for_url("**/documents/**#m0")
    _below_the_bar(page)
    side = page.locator("aside.doc-side a.jump")
    assert side.count() == page.locator("mark.evidence").count() >= 1
    assert side.first.get_attribute("href") == "#m0"
    context.close()


def test_the_evidence_page_dims_furniture_and_lists_its_passages(report_site, browser):
    base, _ = report_site
    text = REPORT.read_text(encoding="utf-8")
    start = text.index(PASSAGE)
    second = text.index("Ali Akbar Ahmadian reaffirmed")
    context = browser.new_context(viewport={"width": 1400, "height": 360}, locale="en-GB")
    page = context.new_page()
    doc_id = hashlib.sha256(text.encode("utf-8")).hexdigest()
    page.goto(f"{base}/documents/{doc_id}?spans={second}-{second + 29},{start}-{start + len(PASSAGE)}&what=test#m1")
    _below_the_bar(page)
    assert page.locator("mark.evidence.current").inner_text() == PASSAGE
    # the photo credit cleaning blanks is shown, dimmed; the report itself is not
    furniture = page.locator("article.doc-text .furniture")
    assert furniture.all_inner_texts() == ["Photo: Office of the Security Council of Armenia"]
    grey, ink = (page.evaluate("e => getComputedStyle(e).color", h) for h in
                 (furniture.first.element_handle(), page.locator("article.doc-text").element_handle()))
    assert grey != ink
    # the side list steps to the other passage, which lands below the bar too
    page.locator("aside.doc-side a.jump").first.click()
    assert page.locator("mark#m0").get_attribute("class") == "evidence current"
    _below_the_bar(page)
    # the text column takes the page's width beside the list
    article, side = page.locator("article.doc-text").bounding_box(), page.locator("aside.doc-side").bounding_box()
    assert article and side and article["width"] + side["width"] > 0.8 * (page.viewport_size["width"] - 40)
    context.close()


_LABELS = """() => {
  const cy = window.parleyNetwork;
  const boxes = cy.nodes().filter(n => n.style('label')).map(
    n => n.renderedBoundingBox({includeLabels: true, includeNodes: false, includeEdges: false}));
  const overlapping = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push([a, b]);
  }));
  const all = cy.nodes().renderedBoundingBox({includeLabels: false});
  return {labels: boxes.length, nodes: cy.nodes().length, overlapping, all, width: cy.width(), height: cy.height()};
}"""


def test_the_network_is_readable_filterable_and_links_its_json(site, browser):
    base, _ = site
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/network")
    page.wait_for_selector("#network[data-ready='1']", timeout=15000)
    drawn = page.evaluate(_LABELS)
    assert drawn["nodes"] >= 5 and drawn["labels"] >= 3, drawn
    assert drawn["overlapping"] == []
    # the nodes spread over most of the canvas, both ways
    assert drawn["all"]["w"] > 0.8 * drawn["width"] and drawn["all"]["h"] > 0.8 * drawn["height"], drawn
    shoot(page, "network")

    # zoomed out, the graph is crowded: only some nodes are named, still apart; zoomed in, more
    def zoom(factor: float) -> dict:
        page.evaluate("f => { const cy = window.parleyNetwork; cy.zoom({level: cy.zoom() * f, "
                      "renderedPosition: {x: cy.width() / 2, y: cy.height() / 2}}); }", factor)
        page.wait_for_timeout(100)
        return page.evaluate(_LABELS)

    crowded = zoom(0.15)
    assert crowded["overlapping"] == [] and 1 <= crowded["labels"] < crowded["nodes"], crowded
    spread = zoom(1 / 0.15)
    assert spread["overlapping"] == [] and spread["labels"] > crowded["labels"]

    # a click picks out the node's neighbourhood and names it in the panel
    page.evaluate("() => { const cy = window.parleyNetwork; cy.fit(); }")
    page.wait_for_timeout(100)
    node = page.evaluate("""() => { const cy = window.parleyNetwork;
      const n = cy.nodes().max(n => n.degree()).ele; const p = n.renderedPosition();
      return {id: n.id(), label: n.data('label'), x: p.x, y: p.y, near: n.closedNeighborhood().length,
              all: cy.elements().length}; }""")
    canvas = page.locator("#network").bounding_box()
    assert canvas
    page.mouse.click(canvas["x"] + node["x"], canvas["y"] + node["y"])
    page.wait_for_timeout(100)
    lit = page.evaluate("""id => { const cy = window.parleyNetwork; const n = cy.getElementById(id);
      return {faded: cy.elements('.faded').length, nearFaded: n.closedNeighborhood('.faded').length,
              focus: cy.nodes('.focus').map(n => n.id())}; }""", node["id"])
    assert lit == {"faded": node["all"] - node["near"], "nearFaded": 0, "focus": [node["id"]]}
    assert page.locator("#net-info h2").inner_text() == node["label"]
    assert page.evaluate(_LABELS)["overlapping"] == []

    # the JSON link gives the graph drawn, with the page's filters
    page.goto(base + "/network?kind=state&since=2025")
    page.wait_for_selector("#network[data-ready='1']", timeout=15000)
    json_link = page.get_by_role("link", name="JSON for this page")
    href = json_link.get_attribute("href")
    assert href and href.startswith("/api/network?") and "kinds=state" in href and "since=2025" in href
    drawn_ids = sorted(page.evaluate("() => window.parleyNetwork.nodes().map(n => n.id())"))
    assert page.locator('input[name="kind"][value="state"]').is_checked()
    assert not page.locator('input[name="kind"][value="person"]').is_checked()
    api = page.request.get(base + href).json()
    assert sorted(n["id"] for n in api["nodes"]) == drawn_ids and all(i.startswith("state:") for i in drawn_ids)
    assert not errors
    context.close()
