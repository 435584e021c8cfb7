"""A report reads the same whether its page spells its characters out or not: "&#x27;", "&quot;",
"&laquo;" and friends keep their source's length in the document's text (padded with spaces), the
extractors read it without the padding, and every span they report points into the HTML source."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest

from parley.ingest.document import Document
from parley.ingest.page import html_document
from parley.nlp.padding import squeeze

EN = [
    "Security chiefs of CIS states meet in Dushanbe",
    "DUSHANBE, March 12 (Asia-Plus) – The 14th meeting of the secretaries of the Security Councils of the CIS "
    "member states was held in Dushanbe on Thursday under the chairmanship of Tajikistan's Security Council "
    "Secretary Nasrullo Mahmudzoda.",
    "Kazakhstan's delegation was led by Security Council Secretary Gizat Nurdauletov, and Belarus's by State "
    "Secretary of the Security Council Alexander Volfovich.",
    '"We agreed to coordinate our efforts against cross-border crime and the recruitment of young people '
    'by extremists," Mahmudzoda told reporters after the meeting.',
]
RU = [
    "В Ереване прошло заседание Комитета секретарей советов безопасности ОДКБ",
    "ЕРЕВАН, 9 декабря — АРКА. Заседание Комитета секретарей советов безопасности ОДКБ прошло в Ереване "
    "под председательством секретаря Совета безопасности Армении Армена Григоряна.",
    "«Мы обсудили ситуацию на внешних границах Организации и подготовку к учениям», — сказал Григорян "
    "журналистам по итогам заседания.",
]


def _quote_entities(text: str) -> str:
    """The escaping some sites apply: every quotation mark and apostrophe as a reference."""
    return html.escape(text, quote=True)


def _numeric(text: str) -> str:
    return "".join(f"&#{ord(c)};" if c in "'\"«»—–" else c for c in html.escape(text, quote=False))


def _named(text: str) -> str:
    names = {"'": "&rsquo;", '"': "&quot;", "«": "&laquo;", "»": "&raquo;", "—": "&mdash;", "–": "&ndash;",
             " ": " "}
    out = "".join(names.get(c, c) for c in html.escape(text, quote=False))
    return out.replace("Thursday", "Thursday&nbsp;").replace("&nbsp; ", "&nbsp;")


def _plain(text: str) -> str:
    return html.escape(text, quote=False)


ESCAPES: dict[str, Callable[[str], str]] = {"plain": _plain, "quotes": _quote_entities, "numeric": _numeric,
                                            "named": _named}


def _page(paragraphs: list[str], escape: Callable[[str], str], language: str) -> str:
    menu = "".join(f'<li><a href="/{i}">{w}</a></li>' for i, w in enumerate(["World", "Sport", "Culture", "Video"]))
    return "\n".join([
        f'<!DOCTYPE html><html lang="{language}"><head><title>{escape(paragraphs[0])}</title></head><body>',
        f'<header><nav class="menu"><ul>{menu}</ul></nav></header>',
        f"<main><article><h1>{escape(paragraphs[0])}</h1>",
        *(f"<p>{escape(p)}</p>" for p in paragraphs[1:]),
        '</article><aside class="related"><h2>Related</h2><ul><li><a href="/r">Rovers beat United 2-1</a></li>'
        "</ul></aside></main>",
        "<footer><p>© 2026 Example News. All rights reserved.</p></footer></body></html>",
    ])


def _document(paragraphs: list[str], escape: Callable[[str], str], language: str) -> Document:
    raw = _page(paragraphs, escape, language)
    doc = html_document("0" * 64, "page", raw, "page.html", [])
    assert isinstance(doc, Document)
    return doc


def _facts(record: dict) -> dict:
    return {
        "meetings": sorted((m.get("series"), m.get("ordinal"), m.get("start"), m.get("place"), m.get("chair"),
                            tuple(sorted(m.get("states") or []))) for m in record["meetings"]),
        "people": sorted(p["name"] for p in record["people"]),
        "statements": sorted((s["speaker"], s["quote"]) for s in record["statements"]),
    }


@pytest.mark.parametrize("paragraphs,language", [(EN, "en"), (RU, "ru")], ids=["en", "ru"])
def test_every_spelling_of_the_page_gives_the_same_record(extractor, paragraphs, language):
    records = {name: extractor.extract(_document(paragraphs, escape, language)).to_json()
               for name, escape in ESCAPES.items()}
    plain = _facts(records["plain"])
    assert plain["statements"], "the test text has a statement to find"
    assert plain["meetings"]
    for name, record in records.items():
        assert _facts(record) == plain, name


@pytest.mark.parametrize("escape", list(ESCAPES), ids=list(ESCAPES))
def test_spans_point_into_the_html_source(extractor, escape):
    doc = _document(EN, ESCAPES[escape], "en")
    record = extractor.extract(doc).to_json()
    (statement,) = record["statements"]
    (quote,) = statement["support"]["quote"]
    # The quote's span holds exactly its words in the source, spelled as the page spells them.
    assert " ".join(html.unescape(doc.raw[quote[0]:quote[1]]).split()) == statement["quote"]
    assert statement["quote"].startswith("We agreed to coordinate")
    meeting = next(m for m in record["meetings"] if m.get("ordinal") == 14)
    (chair,) = meeting["support"]["chair"]
    assert html.unescape(doc.raw[chair[0]:chair[1]]).endswith("Mahmudzoda")
    for item in record["people"] + record["meetings"] + record["statements"]:
        for start, end in item["evidence"]:
            assert 0 <= start < end <= len(doc.raw)
            assert doc.text[start:end].strip(), (start, end)  # text the page shows, not markup


def test_squeeze_drops_only_the_padding_of_a_spelled_out_character():
    raw = "<p>Kazakhstan&#x27;s envoy &amp; <b>Russia</b>&rsquo;s</p>"
    doc = html_document("0" * 64, "page", raw, "page.html", [])
    assert isinstance(doc, Document)
    squeezed = squeeze(doc.raw, doc.text)
    assert squeezed is not None
    # The references became their characters; markup stays blank (its spaces are the page's).
    assert re.sub(r"\s+", " ", squeezed.text).strip() == "Kazakhstan's envoy & Russia’s"
    word = squeezed.text.index("Kazakhstan's")
    start, end = squeezed.span((word, word + len("Kazakhstan's")))
    assert raw[start:end] == "Kazakhstan&#x27;s"
    word = squeezed.text.index("Russia’s")
    start, end = squeezed.span((word, word + len("Russia’s")))
    assert raw[start:end] == "Russia</b>&rsquo;s"


def test_a_plain_text_is_read_as_it_is_and_markup_keeps_its_line_breaks():
    text = "MINSK, 11 November. The meeting was held in Minsk."
    assert squeeze(text, text) is None
    raw = "<p>The meeting</p>\n<p>was <i>held</i> in Minsk.</p>"
    doc = html_document("0" * 64, "page", raw, "page.html", [])
    assert isinstance(doc, Document)
    squeezed = squeeze(doc.raw, doc.text)
    assert squeezed is not None
    assert squeezed.text == "\nThe meeting\n \nwas held in Minsk.\n"
