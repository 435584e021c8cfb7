"""The pages: server-rendered HTML over the same functions the JSON API serves.

Each page links to its JSON (``/api/...``); forms that write go through the login cookie and a
CSRF field (``parley.server.auth``) and end in a redirect, so a reload never sends them twice.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import AfterValidator
from sqlalchemy.engine import Connection

from parley.errors import StoreError
from parley.server.auth import COOKIE, require_page_writer, require_same_site
from parley.server.http import (
    CSP_INLINE_STYLES,
    MAX_KEY,
    MAX_OFFSET,
    MAX_TEXT,
    DateQ,
    Words,
    check_words,
    correct,
    get_conn,
    keypath,
    local_path,
    page_links,
    request_conn,
    search_links,
)
from parley.server.schemas import CorrectionIn
from parley.server.tokens import verify_token
from parley.store import read
from parley.store.corrections import EDITABLE
from parley.store.judgements import holders, list_corrections
from parley.web.render import agreement_url, meeting_url, person_url, render, statement_url

router = APIRouter(include_in_schema=False)

PAGE = 100
Conn = Annotated[Connection, Depends(get_conn)]
# The same bounds as the API's: a page's parameters reach the same queries.
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Key = Annotated[str | None, Query(max_length=MAX_KEY)]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]

# The form posts, and whether each needs the login cookie: ``parley.server.guard.TokenFirst``
# checks their Origin (and cookie) before their body is read.
FORMS = {"/review/decide": True, "/logout": True, "/login": False}


def _years(items: list[read.MeetingSummary]) -> list[tuple[str, list[read.MeetingSummary]]]:
    groups: OrderedDict[str, list[read.MeetingSummary]] = OrderedDict()
    for m in items:
        groups.setdefault(m.start[:4] if m.start else "Undated", []).append(m)
    return list(groups.items())


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/timeline", status_code=302)


@router.get("/timeline")
def timeline(request: Request, conn: Conn, series: Key = None, since: DateQ = None, until: DateQ = None,
             state: Key = None, person: Key = None, topic: Key = None, offset: Offset = 0,
             after: Annotated[str | None, Query(max_length=1000)] = None):
    f = read.MeetingFilters(series, since, until, state, person, None, topic).clean()
    planned = read.meetings_page(conn, read.MeetingFilters(**{**vars(f), "status": "planned"}), 200)
    held = read.meetings_page(conn, read.MeetingFilters(**{**vars(f), "status": "held"}), PAGE, offset, after)
    nxt, prev = _cursor_links(request, held)
    topics = read.meeting_topics(conn, [m.key for m in planned.items + held.items])
    return render(request, "timeline.html", {
        "filters": f, "options": read.filter_options(conn), "planned": _years(planned.items),
        "held": _years(held.items), "n_planned": planned.total, "n_held": held.total, "offset": offset, "next": nxt,
        "prev": prev, "topics": topics, "api": page_url_api("/api/meetings", **f.active()),
    }, section="timeline")


def _cursor_links(request: Request, page: read.Page[Any]) -> tuple[str | None, str | None]:
    """The next page (starting after this page's last item: no rows skipped) and the previous."""
    def at(url) -> str:
        return url.path + ("?" + url.query if url.query else "")

    url = request.url.remove_query_params("after")
    nxt = at(url.include_query_params(offset=page.offset + len(page.items), after=page.after)) \
        if page.more and page.after else None
    prev = at(url.include_query_params(offset=max(0, page.offset - page.limit))) if page.offset > 0 else None
    return nxt, prev


@router.get("/series")
def series_list(request: Request, conn: Conn):
    return render(request, "series_list.html", {"series": read.list_series(conn), "api": "/api/series"},
                  section="series")


@router.get("/series/{key}")
def series_page(request: Request, key: str, conn: Conn):
    known = {s["key"]: s for s in read.list_series(conn)}
    if key not in known:
        raise HTTPException(404, f"no series {key!r}: see /series")
    tl = read.series_timeline(conn, key)
    return render(request, "series.html", {"info": known[key], "timeline": tl, "api": f"/api/series/{key}"},
                  section="series")


@router.get("/meetings/{key:path}/sources")
def meeting_sources(request: Request, key: str, conn: Conn, field: Annotated[str | None, Query(max_length=64)] = None,
                    value: Key = None, offset: Offset = 0):
    page = read.meeting_sources(conn, key, field or None, value, limit=PAGE, offset=offset)
    if page is None:
        raise HTTPException(404, f"no meeting {key!r}" + (f" with {field} {value!r}" if field else ""))
    nxt, prev = page_links(request, limit=PAGE, offset=offset, more=page.more)
    params = {"field": field, "value": value} if field else {}
    return render(request, "meeting_sources.html", {
        "key": key, "field": field, "value": value, "page": page, "next": nxt, "prev": prev,
        "back": request.url.path, "meeting_page": "/meetings/" + keypath(key),
        "api": page_url_api("/api/meetings/" + keypath(key) + "/sources", **params)}, section="timeline")


@router.get("/meetings/{key:path}")
def meeting(request: Request, key: str, conn: Conn):
    view = read.meeting_view(conn, key)
    if view is None:
        raise HTTPException(404, f"no meeting {key!r}: the timeline lists them")
    m = view["meeting"]
    flags = {f.get("field"): f for f in m.open_flags if f.get("code") == "conflict"}
    return render(request, "meeting.html", {**view, "m": m, "conflicts": flags, "back": request.url.path,
                                            "api": "/api/meetings/" + keypath(m.key)}, section="timeline")


def _api(path: str, request: Request) -> str:
    """The JSON behind a page: the same path under /api, with the page's query."""
    return "/api" + path + ("?" + request.url.query if request.url.query else "")


@router.get("/people")
def people(request: Request, conn: Conn, contains: Text = None, state: Key = None, offset: Offset = 0):
    page = read.people_page(conn, contains=contains, state=state, limit=PAGE, offset=offset)
    nxt, prev = page_links(request, limit=PAGE, offset=offset, more=page.more)
    return render(request, "people.html", {"people": page.items, "total": page.total, "contains": contains or "",
                                           "state": state or "", "next": nxt, "prev": prev, "offset": offset,
                                           "options": read.filter_options(conn), "api": _api("/people", request)},
                  section="people")


# The sub-lists come before the person: ``{key:path}`` would take "KEY/sources" as a key.
@router.get("/people/{key:path}/sources")
def person_sources(request: Request, key: str, conn: Conn, offset: Offset = 0):
    pk = read.person_key_for(conn, key)
    if pk is None:
        raise HTTPException(404, f"no person matches {key!r}: try another spelling on /people")
    return _sources_page(request, conn, "person", pk, offset, person_url(pk), pk)


@router.get("/people/{key:path}/co-attendees")
def person_co_attendees(request: Request, key: str, conn: Conn, offset: Offset = 0):
    pk = read.person_key_for(conn, key)
    if pk is None:
        raise HTTPException(404, f"no person matches {key!r}: try another spelling on /people")
    page = read.co_attendees(conn, pk, limit=PAGE, offset=offset)
    nxt, prev = page_links(request, limit=PAGE, offset=offset, more=page.more)
    return render(request, "co_attendees.html", {"key": pk, "page": page, "next": nxt, "prev": prev,
                                                 "api": _api(f"/people/{keypath(pk)}/co-attendees", request)},
                  section="people")


@router.get("/people/{key:path}")
def person(request: Request, key: str, conn: Conn):
    view = read.person_view(conn, key)
    if view is None:
        raise HTTPException(404, f"no person matches {key!r}: try another spelling on /people")
    p = view["person"]
    return render(request, "person.html", {**view, "p": p, "back": request.url.path,
                                           "api": "/api/people/" + keypath(p.key)}, section="people")


@router.get("/agreements")
def agreements(request: Request, conn: Conn, party: Key = None, kind: Key = None, contains: Words = None,
               offset: Offset = 0):
    page = read.agreements_page(conn, party=party, kind=kind, contains=contains, limit=PAGE, offset=offset)
    nxt, prev = page_links(request, limit=PAGE, offset=offset, more=page.more)
    return render(request, "agreements.html", {"agreements": page.items, "total": page.total, "party": party or "",
                                               "kind": kind or "", "contains": contains or "", "next": nxt,
                                               "prev": prev, "offset": offset, "api": _api("/agreements", request)},
                  section="agreements")


@router.get("/agreements/{key:path}/sources")
def agreement_sources(request: Request, key: str, conn: Conn, offset: Offset = 0):
    a = read.get_agreement(conn, key)
    if a is None:
        raise HTTPException(404, f"no agreement {key!r}: see /agreements")
    return _sources_page(request, conn, "agreement", key, offset, agreement_url(key), a.title_en or a.title)


@router.get("/agreements/{key:path}")
def agreement(request: Request, key: str, conn: Conn):
    view = read.agreement_view(conn, key)
    if view is None:
        raise HTTPException(404, f"no agreement {key!r}: see /agreements")
    a = view["agreement"]
    return render(request, "agreement.html", {**view, "a": a, "back": request.url.path,
                                              "api": "/api/agreements/" + keypath(a.key)}, section="agreements")


@router.get("/statements")
def statements(request: Request, conn: Conn, speaker: Text = None, contains: Words = None, meeting: Key = None,
               offset: Offset = 0):
    page = read.statements_page(conn, speaker=speaker, contains=contains, meeting=meeting, limit=PAGE, offset=offset)
    nxt, prev = page_links(request, limit=PAGE, offset=offset, more=page.more)
    return render(request, "statements.html", {"page": page, "speaker": speaker or "", "contains": contains or "",
                                               "meeting": meeting or "",
                                               "meeting_label": read.meeting_labels(conn, [meeting]).get(meeting or "")
                                               if meeting else None, "next": nxt, "prev": prev,
                                               "back": str(request.url.path), "api": _api("/statements", request)},
                  section="search")


@router.get("/statements/{key:path}/sources")
def statement_sources(request: Request, key: str, conn: Conn, offset: Offset = 0):
    s = read.get_statement(conn, key)
    if s is None:
        raise HTTPException(404, f"no statement {key!r}: search for its words on /search")
    return _sources_page(request, conn, "statement", key, offset, statement_url(key),
                         f"statement by {s.speaker or 'unknown speaker'}")


@router.get("/statements/{key:path}")
def statement(request: Request, key: str, conn: Conn):
    s = read.get_statement(conn, key)
    if s is None:
        raise HTTPException(404, f"no statement {key!r}: search for its words on /search")
    return render(request, "statement.html", {"s": s, "back": request.url.path,
                                              "api": "/api/statements/" + keypath(s.key)}, section="search")


def _sources_page(request: Request, conn: Connection, kind: str, key: str, offset: int, up: str, title: str):
    """Every source of a person, agreement or statement, a page at a time (its "show all")."""
    page = read.sources_page(conn, kind, key, limit=PAGE, offset=offset)
    assert page is not None  # the callers found the owner
    nxt, prev = page_links(request, limit=PAGE, offset=offset, more=page.more)
    section = {"person": "people", "agreement": "agreements"}.get(kind, "search")
    return render(request, "sources.html", {"page": page, "kind": kind, "title": title, "up": up, "next": nxt,
                                            "prev": prev, "back": up, "api": _api(request.url.path, request)},
                  section=section)


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: str, conn: Conn, spans: Annotated[str | None, Query(max_length=4000)] = None,
             fact: Annotated[str | None, Query(max_length=64)] = None, what: Text = None, back: Key = None):
    view = read.document_view(conn, doc_id, spans, fact)
    if view is None:
        raise HTTPException(404, f"no single document {doc_id!r}: give the whole id from a source list")
    d = view["document"]
    api = "/api/documents/" + d.id + ("?" + request.url.query if request.url.query else "")
    return render(request, "document.html", {**view, "d": d, "what": what, "back": local_path(back, ""),
                                             "api": api}, section="")


@router.get("/network")
def network(request: Request, conn: Conn, series: Key = None, since: DateQ = None, until: DateQ = None,
            kind: Annotated[list[Literal["person", "state", "organization"]] | None, Query()] = None,
            min_weight: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1):
    kinds = list(dict.fromkeys(kind or ("person", "state")))
    api = page_url_api("/api/network", series=series, since=since, until=until, kinds=",".join(kinds),
                       min_weight=min_weight if min_weight > 1 else None)
    resp = render(request, "network.html", {"options": read.filter_options(conn), "series": series or "",
                                            "since": since or "", "until": until or "", "kinds": kinds,
                                            "min_weight": min_weight, "api": api}, section="network")
    resp.headers["content-security-policy"] = CSP_INLINE_STYLES
    return resp


@router.get("/search")
def search(request: Request, conn: Conn,
           q_: Annotated[str, AfterValidator(check_words), Query(alias="q", max_length=MAX_TEXT)] = "",
           kind: Annotated[str | None, Query(pattern="^(" + "|".join(read.SEARCH_KINDS) + ")$")] = None,
           offset: Offset = 0):
    """The best matches of each kind, with each kind's total; ``kind`` pages through one kind."""
    results = read.search(conn, q_, kind=kind, limit=30, offset=offset) if q_.strip() else None
    return render(request, "search.html", {"query": q_, "r": results, "kind": kind,
                                           "all": search_links(q_, results.count) if results else {},
                                           "api": page_url_api("/api/search", q=q_, kind=kind, offset=offset or None)},
                  section="search")


def page_url_api(path: str, **params: Any) -> str:
    from parley.web.render import page_url

    return page_url(path, **params)


# --------------------------------------------------------------------------- review and corrections


@router.get("/review")
def review(request: Request, conn: Conn, below: Annotated[float, Query(ge=0, le=1)] = 0.7, offset: Offset = 0,
           done: Annotated[int | None, Query(ge=1, le=2**53)] = None):
    page = read.review_page(conn, below=below, limit=50, offset=offset)
    nxt, prev = page_links(request, limit=50, offset=offset, more=page.more)
    recent = read.corrections_page(conn, limit=15).items
    made = next(iter(list_corrections(conn, ids=[done])), None) if done else None
    from parley.store.blocks import failed_blocks

    return render(request, "review.html", {"items": page.items, "total": page.total, "below": below, "next": nxt,
                                           "prev": prev, "recent": recent, "made": made, "editable": EDITABLE,
                                           "failed": failed_blocks(conn),
                                           "api": page_url_api("/api/review", below=below)}, section="review")


@router.post("/review/decide")
def review_decide(request: Request, csrf: Annotated[str, Form()], kind: Annotated[str, Form()],
                  key: Annotated[str, Form()], reason: Annotated[str, Form()] = "",
                  action: Annotated[str, Form()] = "", field: Annotated[str, Form()] = "",
                  value: Annotated[str, Form()] = "", choose: Annotated[str, Form()] = "",
                  back: Annotated[str, Form()] = "/review"):
    who = require_page_writer(request, csrf)
    if choose:  # a conflicting value picked: "FIELD=VALUE"
        action, (field, _, value) = "edit", choose.partition("=")
    if action not in ("accept", "reject", "edit", "same_as", "not_same_as"):
        raise HTTPException(400, "choose accept, reject, edit, or same as / not the same as")
    if not reason.strip():
        raise HTTPException(400, "say why: a decision is kept with its reason (go back and fill in the reason)")
    if action == "edit" and not field:
        raise HTTPException(400, "an edit needs the field to change")
    judged = action in ("same_as", "not_same_as")
    if judged and not value.strip():
        raise HTTPException(400, f"give the other {kind}'s key (go back and fill it in)")
    try:
        c = correct(request.app.state.store, CorrectionIn(
            target_kind=kind, target_key=key, action=action, field=(field or None) if action == "edit" else None,
            value=value if action == "edit" or judged else None, reason=reason), who.name)
    except StoreError as exc:
        raise HTTPException(400, f"{exc} (go back and change the form)") from None
    if judged:
        # The record's key may have changed (merged into the other): go to the one holding it now.
        with request_conn(request) as conn:
            keys = holders(conn, c.id)
        if keys:
            held = c.target_key if c.target_key in keys else keys[0]
            return RedirectResponse((meeting_url if kind == "meeting" else person_url)(held), status_code=303)
    target = local_path(back, "/review")
    sep = "&" if "?" in target else "?"
    return RedirectResponse(f"{target}{sep}done={c.id}" if target.startswith("/review") else target,
                            status_code=303)


@router.get("/corrections")
def corrections(request: Request, conn: Conn, offset: Offset = 0):
    page = read.corrections_page(conn, limit=100, offset=offset)
    nxt, prev = page_links(request, limit=100, offset=offset, more=page.more)
    return render(request, "corrections.html", {"items": page.items, "total": page.total, "next": nxt,
                                                "prev": prev, "api": "/api/corrections"}, section="corrections")


@router.get("/login")
def login_form(request: Request, next: Annotated[str, Query(max_length=MAX_KEY)] = "/review"):  # noqa: A002
    return render(request, "login.html", {"next": local_path(next, "/review"), "error": None}, section="review")


@router.post("/login")
def login(request: Request, token: Annotated[str, Form(max_length=200)],
          next: Annotated[str, Form(max_length=MAX_KEY)] = "/review"):  # noqa: A002 - the form field's name
    # A foreign page must not sign a visitor in under a token of its choosing (login CSRF);
    # TokenFirst refused it before the form was read, this is the same rule for direct callers.
    require_same_site(request)
    with request_conn(request) as conn:
        info = verify_token(conn, token)
    if info is None:
        return render(request, "login.html", {"next": local_path(next, "/review"),
                                              "error": "That token is not valid (mistyped or revoked). "
                                                       "`parley token create NAME` makes a new one."},
                      status_code=401, section="review")
    resp = RedirectResponse(local_path(next, "/review"), status_code=303)
    resp.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", secure=request.url.scheme == "https",
                    max_age=30 * 24 * 3600, path="/")
    return resp


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form()]) -> Response:
    require_page_writer(request, csrf)
    resp = RedirectResponse("/timeline", status_code=303)
    resp.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return resp
