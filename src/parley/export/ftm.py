"""FollowTheMoney: the whole record as entities of the FtM model, one JSON object a line, for
Aleph, OpenSanctions' tools, ``ftm`` and anything else that reads FtM.

Every entity is made with the library's model (``model.make_entity``, ``add``), so a value the
model does not accept is dropped by the library rather than written; its id is ``make_id`` of a
namespace and its Parley key (``parley-meeting``, ``cis-security-council-secretaries/14``), so
two exports of one record are byte-identical. Each entity cites the reports behind it: an
``Article`` per report (``proof``), and their URLs and outlets (``sourceUrl``, ``publisher``).
Only entities in the file are referenced.

What maps to what:

- a meeting is an ``Event`` (dates, place, country, the states, organisations and people
  involved, the chair as organizer, else the host state);
- a person a ``Person``, each office a ``Position`` (title, country, organisation) and the
  person's holding it an ``Occupancy``;
- a state a ``PublicBody`` (its government; country and jurisdiction its code), an organisation
  an ``Organization`` (with its parent organisation, as the domain registry knows it);
- an agreement a ``Document``, linked to its parties, signatories, the meeting that adopted it
  and its predecessor by ``Documentation`` (role party, signatory, adopted at, succeeds).

Statements are not exported: FtM has no schema for what someone said. ``Note`` is an annotation
*about* an entity (an analyst's remark), so a quotation there would read as a remark about the
speaker, not the speaker's words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any

from parley.export.base import Exporter, register
from parley.kb.keys import person_key
from parley.record import Party

if TYPE_CHECKING:
    from followthemoney import EntityProxy

    from parley.store.read import Conn


class FollowTheMoney(Exporter):
    name = "ftm"
    kinds = ("all",)

    def write(self, conn: Conn, kind: str, out: IO[Any], *, include_rejected: bool = False) -> int:
        entities = entities_of(conn, include_rejected)
        for e in entities:
            out.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        return len(entities)


def entities_of(conn: Conn, include_rejected: bool = False) -> list[EntityProxy]:
    """The record as FtM entities, in id order."""
    from parley.export import rows

    b = _Builder(rows.person_resolver(conn), rows.documents(conn))
    for p in rows.people(conn, include_rejected):
        b.person(p)
    for mt in rows.meetings(conn, include_rejected):
        b.meeting(mt)
    agreements = list(rows.agreements(conn, include_rejected))
    for ag in agreements:
        b.agreement(ag)
    for ag in agreements:  # predecessors and successors: every agreement is in by now
        b.succession(ag)
    return [b.entities[k] for k in sorted(b.entities)]


class _Builder:
    """Makes each entity once, under its stable id, and refers only to entities it made."""

    def __init__(self, person_key: Callable[[str], str], documents: dict[str, dict[str, Any]]) -> None:
        from followthemoney import model

        from parley.domain import load_entries

        self.model = model
        self.person_key = person_key  # a person key as reports give it -> the consolidated person's
        self.documents = documents
        self.entities: dict[str, EntityProxy] = {}
        self.people: dict[str, str] = {}  # person key -> entity id
        self.states = {e["iso3"]: e for e in load_entries("states")}
        self.organizations = {e["key"]: e for e in load_entries("organizations")}

    # ----------------------------------------------------------------- making and citing

    def make(self, schema: str, namespace: str, key: str) -> tuple[EntityProxy, bool]:
        """The entity of ``key`` in ``namespace`` and whether it is new."""
        e = self.model.make_entity(schema)
        e.make_id(f"parley-{namespace}", key)
        if e.id in self.entities:
            return self.entities[_id(e)], False
        self.entities[_id(e)] = e
        return e, True

    def existing(self, namespace: str, key: str | None) -> str | None:
        """The id of the entity of ``key`` in ``namespace`` when it was made, else None."""
        from followthemoney.util import make_entity_id

        eid = make_entity_id(f"parley-{namespace}", key) if key else None
        return eid if eid in self.entities else None

    def cite(self, e: EntityProxy, documents: Iterable[str]) -> None:
        """The reports behind ``e``: their URLs and outlets, and each report as an Article (proof)."""
        for doc in sorted(set(documents)):
            info = self.documents.get(doc, {})
            e.add("sourceUrl", info.get("url"))
            e.add("publisher", info.get("outlet"))
            e.add("proof", self.article(doc))

    def article(self, doc: str) -> str:
        """A report as an Article: its title, date, outlet, URL and language."""
        a, new = self.make("Article", "document", doc)
        if new:
            info = self.documents.get(doc, {})
            a.add("title", info.get("title") or info.get("name") or doc)
            a.add("publishedAt", info.get("published"))
            a.add("publisher", info.get("outlet"))
            a.add("sourceUrl", info.get("url"))
            a.add("language", info.get("language"))
        return _id(a)

    # ----------------------------------------------------------------- states and organisations

    def party(self, party: Party, sources: list[str]) -> str:
        return self.state(party.key, sources) if party.kind == "state" else self.organization(party.key, sources)

    def state(self, code: str, sources: list[str]) -> str:
        """A state as its government: a PublicBody whose country and jurisdiction are the state."""
        e, new = self.make("PublicBody", "state", code)
        if new:
            e.add("name", (self.states.get(code) or {}).get("name") or _country_name(code))
            e.add("country", code)
            e.add("jurisdiction", code)
        self.cite(e, sources)
        return _id(e)

    def organization(self, key: str, sources: list[str]) -> str:
        e, new = self.make("Organization", "organization", key)
        if new:
            known = self.organizations.get(key) or {}
            e.add("name", known.get("name") or key)
            e.add("alias", [*known.get("names_en", []), *known.get("names_ru", [])])
            e.add("abbreviation", [*known.get("abbreviations_en", []), *known.get("abbreviations_ru", [])])
            if known.get("parent"):
                e.add("parent", self.organization(known["parent"], []))
        self.cite(e, sources)
        return _id(e)

    # ----------------------------------------------------------------- people

    def person(self, p: dict[str, Any]) -> None:
        e, _ = self.make("Person", "person", p["key"])
        e.add("name", p["name"])
        e.add("alias", [a for a in p["aliases"] if a != p["name"]])
        self.cite(e, _docs_of(p["sources"]))
        self.people[p["key"]] = _id(e)
        for o in p["offices"]:
            e.add("country", o["state"])
            e.add("position", o["title"])
            self.occupancy(e, o, [s["document"] for s in o["sources"]])

    def occupancy(self, holder: EntityProxy, office: dict[str, Any], sources: list[str]) -> None:
        """The Position of an office (title, state, organisation) and the holder's Occupancy of it.

        The reports show someone in office on the dates they report, not when the term began or
        ended: those dates go to FtM's ``date`` ("a date associated with an interval that isn't
        its start or end"), never to ``startDate``/``endDate``."""
        where = [office["title"], office["state"] or "", office["organization"] or ""]
        post, new = self.make("Position", "position", "|".join(where))
        if new:
            post.add("name", office["title"])
            post.add("country", office["state"])
            if office["organization"]:
                party = Party.of(office["organization"])
                if party.kind == "state":
                    post.add("country", party.key)
                else:
                    post.add("organization", self.organization(party.key, sources))
        self.cite(post, sources)
        occ, _ = self.make("Occupancy", "occupancy", "|".join([_id(holder), *where]))
        occ.add("holder", _id(holder))
        occ.add("post", _id(post))
        occ.add("date", [office["first_seen"], office["last_seen"]])
        self.cite(occ, sources)

    def resolved_person(self, key: str | None) -> str | None:
        """The entity of a person a meeting or agreement names, when the file holds that person."""
        return self.people.get(self.person_key(key)) if key else None

    # ----------------------------------------------------------------- meetings and agreements

    def meeting(self, mt: dict[str, Any]) -> None:
        e, _ = self.make("Event", "meeting", mt["key"])
        src = _docs_of(mt["sources"])
        e.add("name", mt["label"] or mt["name"] or mt["key"])  # the canonical English label
        if mt["name"] and mt["name"] != mt["label"]:
            e.add("alias", mt["name"])  # as the reports word it
        e.add("recordId", mt["key"])
        e.add("startDate", mt["start"])
        e.add("endDate", mt["end"])
        e.add("location", mt["place"])
        e.add("country", mt["country"])
        e.add("keywords", mt["topics"])
        e.add("summary", _meeting_summary(mt))
        chair = self.resolved_person(mt["chair_key"])
        if chair:
            e.add("organizer", chair)
        elif mt["country"]:
            e.add("organizer", self.state(mt["country"], src))
        e.add("involved", [self.state(s, src) for s in mt["states"]])
        e.add("involved", [self.party(Party.of(o), src) for o in mt["organizations"]])
        e.add("involved", [p for p in (self.resolved_person(p["key"]) for p in mt["persons"]) if p])
        self.cite(e, src)

    def agreement(self, ag: dict[str, Any]) -> None:
        """An agreement as a Document linked to its parties by Documentation.

        Why Document: FtM's Contract is a procurement record (an Asset an authority issues and
        suppliers are awarded, with amounts), so a treaty there would read as public
        procurement; a treaty is a text its parties sign, and Documentation says how an entity
        relates to a text, with the role (party, signatory ...) spelled out. Document's
        ``fileName`` is left empty: Parley knows the agreement from reports, not as a file."""
        e, _ = self.make("Document", "agreement", ag["key"])
        src = _docs_of(ag["sources"])
        e.add("name", ag["title_en"] or ag["title"] or ag["key"])
        e.add("title", [ag["title_en"], ag["title"]])
        e.add("date", ag["signed"])
        e.add("keywords", ag["kind"])
        if ag["valid_from"] or ag["valid_to"]:
            e.add("description", f"valid {ag['valid_from'] or '?'}-{ag['valid_to'] or '?'}")
        self.cite(e, src)
        for party in map(Party.of, ag["parties"]):
            self.documentation(e, self.party(party, src), "party", src)
        for name in ag["signatories"]:
            person = self.resolved_person(person_key(name))
            if person:
                self.documentation(e, person, "signatory", src)
        for mk in ag["meetings"]:
            meeting = self.existing("meeting", mk)
            if meeting:
                self.documentation(e, meeting, "adopted at", src)

    def succession(self, ag: dict[str, Any]) -> None:
        doc, before = self.existing("agreement", ag["key"]), self.existing("agreement", ag["predecessor"])
        if doc and before:
            self.documentation(self.entities[doc], before, "succeeds", _docs_of(ag["sources"]))

    def documentation(self, doc: EntityProxy, entity: str, role: str, sources: list[str]) -> None:
        link, _ = self.make("Documentation", "documentation", "|".join([_id(doc), role, entity]))
        link.add("document", _id(doc))
        link.add("entity", entity)
        link.add("role", role)
        self.cite(link, sources)



def _docs_of(sources: list[dict[str, Any]]) -> list[str]:
    return [s["document_id"] for s in sources]


def _id(e: EntityProxy) -> str:
    assert e.id is not None
    return e.id


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else code


def _meeting_summary(mt: dict[str, Any]) -> str:
    """What kind of meeting, from its fields: "multilateral meeting, held; no. 14 of the series X"."""
    text = f"{mt['format']} meeting, {mt['status']}"
    if mt["series"]:
        text += f"; no. {mt['ordinal']} of the series {mt['series']}" if mt["ordinal"] else f"; series {mt['series']}"
    return text


register(FollowTheMoney())
