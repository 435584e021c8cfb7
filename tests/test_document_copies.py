"""The same article found again (syndicated under another URL, mirrored, or the page fetched again
with other furniture) is a copy of the stored document: not a second source, not a second
meeting; its URL is kept and names the document. A changed article is still a new version."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from parley.ingest.readers import iter_inputs
from parley.pipeline import Extractor
from parley.store import models as m
from parley.store.db import open_store
from parley.store.ingest import ingest, iter_sources
from parley.store.read import find_documents, get_document

ARTICLE = [
    "SCO security council secretaries meet in Astana",
    "ASTANA, April 16 (Kazinform) – The 19th meeting of the secretaries of the Security Councils of the SCO "
    "member states took place in Astana on Wednesday, chaired by Kazakhstan's Security Council Secretary "
    "Gizat Nurdauletov.",
    "Delegations of China, India, Pakistan, Russia, Tajikistan and Uzbekistan attended the meeting.",
    '"Our states share one view of the threats in the region," Nurdauletov said after the talks.',
]
PUBLISHED = "2026-04-16"


def page(url: str, paragraphs: list[str], furniture: list[str], quote: bool = False) -> str:
    """An outlet's page: its own menu and related links around the article."""
    escape = (lambda s: html.escape(s, quote=True)) if quote else (lambda s: html.escape(s, quote=False))
    menu = "".join(f'<li><a href="/{i}">{w}</a></li>' for i, w in enumerate(furniture))
    return "\n".join([
        f'<!DOCTYPE html><html lang="en"><head><title>{escape(paragraphs[0])}</title>',
        f'<link rel="canonical" href="{url}">',
        f'<meta property="article:published_time" content="{PUBLISHED}T10:00:00+05:00"></head><body>',
        f'<header><nav class="menu"><ul>{menu}</ul></nav></header>',
        f"<main><article><h1>{escape(paragraphs[0])}</h1>",
        *(f"<p>{escape(p)}</p>" for p in paragraphs[1:]),
        f'</article><aside class="related"><h2>More news</h2><p>{escape(furniture[-1])} wins the cup</p></aside></main>',
        f"<footer><p>© 2026 {escape(url.split('/')[2])}</p></footer></body></html>",
    ])


@pytest.fixture
def store(tmp_path: Path):
    s = open_store(str(tmp_path / "kb.db"))
    yield s
    s.engine.dispose()


def run(store, *paths: Path):
    return ingest(store, iter_sources([str(p) for p in paths]))


def counts(store) -> tuple[int, int, int]:
    with store.connect() as conn:
        docs = conn.execute(select(func.count()).select_from(m.Document)).scalar()
        copies = conn.execute(select(func.count()).select_from(m.DocumentCopy)).scalar()
        meetings = conn.execute(select(func.count()).select_from(m.Meeting).where(m.Meeting.rejected.is_(False))).scalar()
    return docs, copies, meetings


def test_a_syndicated_copy_is_no_second_source(store, tmp_path: Path):
    first = tmp_path / "first.html"
    first.write_text(page("https://kazinform.example/news/sco-19", ARTICLE, ["Home", "Politics", "Sport"]))
    # Another outlet: other menus and links, and it spells its quotation marks as references.
    second = tmp_path / "second.html"
    second.write_text(page("https://eurasia-daily.example/2026/04/16/sco", ARTICLE, ["Main", "World", "Economy",
                                                                                    "Video"], quote=True))
    report = run(store, first, second)
    assert (report.added, report.copied, report.failures) == (1, 1, [])
    assert counts(store) == (1, 1, 1)
    with store.connect() as conn:
        meeting = conn.execute(select(m.Meeting.series, m.Meeting.ordinal, m.Meeting.place)).one()
        assert tuple(meeting) == ("sco-security-council-secretaries", 19, "Astana")
        sources = conn.execute(select(func.count()).select_from(m.MeetingSource)).scalar()
        assert sources == 1
        # The copy's URL and name find the document it copies, which lists it.
        (by_url,) = find_documents(conn, "https://eurasia-daily.example/2026/04/16/sco")
        assert by_url.url == "https://kazinform.example/news/sco-19"
        view = get_document(conn, "second")
        assert view is not None and view.name == "first"
        assert [(c.name, c.url) for c in view.copies] == [("second", "https://eurasia-daily.example/2026/04/16/sco")]

    again = run(store, first, second)  # re-runs change nothing
    assert (again.added, again.copied, again.unchanged) == (0, 0, 2)
    assert counts(store) == (1, 1, 1)


def test_a_page_fetched_again_with_other_furniture_is_no_new_version(store, tmp_path: Path):
    url = "https://belta.example/security/csto-secretaries"
    before = tmp_path / "before.html"
    before.write_text(page(url, ARTICLE, ["Home", "Society", "Weather"]))
    after = tmp_path / "after.html"  # the next day: the most-read list changed, the article did not
    after.write_text(page(url, ARTICLE, ["Home", "Society", "Weather", "Live"]))
    report = run(store, before, after)
    assert (report.added, report.copied, report.replaced) == (1, 1, 0)
    assert counts(store) == (1, 1, 1)

    edited = tmp_path / "edited.html"  # the article itself was edited: a new version
    edited.write_text(page(url, [*ARTICLE, "The next meeting will be held in Bishkek in 2027."],
                           ["Home", "Society"]))
    report = run(store, edited)
    assert report.replaced == 1
    with store.connect() as conn:
        current = conn.execute(select(m.Document.name).where(m.Document.superseded_by.is_(None))).scalars().all()
    assert current == ["edited"]


def test_records_without_the_text_hash_are_never_taken_for_copies(store, tmp_path: Path):
    first = tmp_path / "first.html"
    first.write_text(page("https://kazinform.example/news/sco-19", ARTICLE, ["Home", "Politics"]))
    second = tmp_path / "second.html"
    second.write_text(page("https://eurasia-daily.example/sco", ARTICLE, ["Main", "World"]))
    records = tmp_path / "records.jsonl"
    with records.open("w") as out:
        for record in Extractor().extract_many(iter_inputs([str(first), str(second)])):  # as `parley extract`
            rec = record.to_json()
            rec["document"].pop("text_sha")  # a record written by another tool, or an older Parley
            out.write(json.dumps(rec) + "\n")
    report = ingest(store, iter_sources([str(records)], records_only=True))
    assert (report.added, report.copied) == (2, 0)
    assert counts(store)[:2] == (2, 0)


def test_a_copy_in_the_same_run_is_not_extracted_again(store, tmp_path: Path):
    first = tmp_path / "first.html"
    first.write_text(page("https://kazinform.example/news/sco-19", ARTICLE, ["Home", "Politics"]))
    second = tmp_path / "second.html"
    second.write_text(page("https://eurasia-daily.example/sco", ARTICLE, ["Main", "World"], quote=True))
    items = list(iter_sources([str(first), str(second)]))
    assert items[0].record["meetings"] and "copy" not in items[0].record["document"]
    copy = items[1].record
    assert copy["document"]["copy"] is True and copy["meetings"] == [] and copy["people"] == []
    assert copy["document"]["text_sha"] == items[0].record["document"]["text_sha"]
    assert copy["document"]["url"] == "https://eurasia-daily.example/sco"

    # The copy's record alone (its original not stored) is refused, by name, not stored empty.
    report = ingest(store, [items[1]])
    assert report.added == 0 and "ingest this one again by itself" in report.failures[0].reason
    assert counts(store) == (0, 0, 0)

    # In another run the copy may come first: it is extracted then, and the other is its copy.
    report = run(store, second, first)
    assert (report.added, report.copied, report.failures) == (1, 1, [])
    with store.connect() as conn:
        assert conn.execute(select(m.Document.name)).scalars().all() == ["second"]

    # A copy record for a document stored with its items leaves it as it is.
    report = ingest(store, [items[1]])
    assert report.unchanged == 1
    assert counts(store) == (1, 1, 1)


def test_the_api_and_the_page_show_a_documents_copies(store, tmp_path: Path):
    from fastapi.testclient import TestClient

    from parley.server.app import create_app

    first = tmp_path / "first.html"
    first.write_text(page("https://kazinform.example/news/sco-19", ARTICLE, ["Home", "Politics"]))
    second = tmp_path / "second.html"
    second.write_text(page("https://eurasia-daily.example/sco", ARTICLE, ["Main", "World"], quote=True))
    run(store, first, second)
    with TestClient(create_app(store=store)) as client:
        doc = client.get("/api/documents/second").json()  # the copy's name finds the document
        assert doc["name"] == "first"
        assert [(c["name"], c["url"]) for c in doc["copies"]] == [("second", "https://eurasia-daily.example/sco")]
        html_page = client.get("/documents/first").text
        assert "copies, not further sources" in html_page and "https://eurasia-daily.example/sco" in html_page
