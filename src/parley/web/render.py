"""Templates: one Jinja2 environment with autoescaping ON for every template, whatever its name.

Everything a report says is untrusted: it reaches the page only through ``{{ }}`` (escaped);
the only markup built in Python (``highlight_words``) escapes each piece itself; links to a
document's own URL are shown only for http(s) URLs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from parley.server.auth import page_csrf, page_user
from parley.server.http import keypath
from parley.store import read

TEMPLATES = Path(__file__).resolve().parent / "templates"

NAV = (("timeline", "Timeline", "/timeline"), ("series", "Series", "/series"), ("people", "People", "/people"),
       ("agreements", "Agreements", "/agreements"), ("network", "Network", "/network"),
       ("search", "Search", "/search"), ("review", "Review", "/review"), ("corrections", "Corrections", "/corrections"))

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def fmt_date(value: str | None, short: bool = False) -> str:
    """ "2025-11-05" -> "5 November 2025" ("5 Nov" with short); partial dates stay partial."""
    if not value:
        return "undated"
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return value
    y, mo, d = m.groups()
    if not mo or not 1 <= int(mo) <= 12:
        return y
    month = _MONTHS[int(mo) - 1]
    if short:
        month = month[:3]
    if not d:
        return f"{month} {y}" if not short else month
    return f"{int(d)} {month} {y}" if not short else f"{int(d)} {month}"


def safe_url(value: str | None) -> str | None:
    """The URL if it is http(s), else None (a report's ``javascript:`` URL is never a link)."""
    if isinstance(value, str) and re.match(r"^https?://[^\s\"'<>]+$", value.strip(), re.I):
        return value.strip()
    return None


def page_url(path: str, **params: Any) -> str:
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", [])})
    return path + ("?" + query if query else "")


def meeting_url(key: str) -> str:
    return "/meetings/" + keypath(key)


def person_url(key: str) -> str:
    return "/people/" + keypath(key)


def agreement_url(key: str) -> str:
    return "/agreements/" + keypath(key)


def statement_url(key: str) -> str:
    return "/statements/" + keypath(key)


def series_url(key: str) -> str:
    return "/series/" + keypath(key)


def doc_url(doc_id: str, spans: Any = None, fact: str | None = None, what: str | None = None,
            back: str | None = None) -> str:
    """The evidence page of a document with these spans (or one record item's evidence) marked,
    scrolled to the first mark."""
    params = {"spans": read.format_spans(spans) if spans else None, "fact": fact, "what": what, "back": back}
    url = page_url("/documents/" + keypath(doc_id), **params)
    return url + ("#m0" if spans or fact else "")


def source_url(src: Any, what: str | None = None, back: str | None = None, kind: str = "meeting") -> str:
    """Evidence link for a per-value source (``{"document", "item", "spans"}``) or a SourceRef."""
    if isinstance(src, dict):
        doc, spans, item = src.get("document") or src.get("document_id"), src.get("spans") or src.get("evidence"), \
            src.get("item")
    else:
        doc, spans, item = src.document_id, src.evidence, src.item
    if not doc:
        return "#"
    fact = f"{kind}:{item}" if not spans and item is not None else None
    return doc_url(doc, spans, fact, what, back)


def highlight_words(text: str | None, query: str | None) -> Markup:
    """``text`` escaped, with the query's words marked (search results)."""
    text = text or ""
    words = [w for w in (query or "").split() if len(w) > 1]
    if not words:
        return Markup(escape(text))
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(Markup("<mark>") + escape(m.group(0)) + Markup("</mark>"))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def source_label(src: Any) -> str:
    """A source as a link names it: the outlet with its report's date, else the report's name (three
    undated BelTA reports are "BelTA · d05", "BelTA · d07", "BelTA · r12", not "BelTA" three times)."""
    if isinstance(src, dict):
        if "correction" in src and "document" not in src:
            return f"correction {src['correction']} by {src.get('by', '?')}"
        outlet, name, published = src.get("outlet"), src.get("name"), src.get("published")
        doc = src.get("document") or src.get("document_id") or "?"
    else:
        outlet, name, published, doc = src.outlet, src.name, src.published, src.document_id
    head = outlet or name or doc[:10]
    if published:
        return f"{head} · {fmt_date(published)}"
    detail = name if outlet and name else (doc[:8] if outlet else "")
    return f"{head} · {detail}" if detail else head


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(date=fmt_date, state=read.state_name, series_name=read.series_name, topic=read.topic_name,
                       safe_url=safe_url, highlight_words=highlight_words, keypath=keypath)
    env.globals.update(meeting_url=meeting_url, person_url=person_url, agreement_url=agreement_url,
                       statement_url=statement_url, series_url=series_url, doc_url=doc_url, source_url=source_url,
                       source_label=source_label, page_url=page_url, plural=plural, nav=NAV)
    return env


templates = Jinja2Templates(env=_env())


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200, section: str = ""):
    user = page_user(request)
    ctx = {**context, "user": user, "csrf": page_csrf(request) if user else None, "section": section,
           "here": request.url.path + ("?" + request.url.query if request.url.query else "")}
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)
