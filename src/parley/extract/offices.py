"""Office titles next to a person's name: "Russian Security Council Secretary Sergey Shoigu",
"Ajit Doval, National Security Advisor to the Prime Minister of India", "госсекретарь совбеза
Беларуси Александр Вольфович". A title yields the office (English), its state and organisation.

The words of titles are each language's (``ctx.profile.people``, parley.lang): English titles are
read from their own words (``english_*``: WrittenNames), Russian ones through the registry's
phrasings, offices.json (``russian_*``: DeclinedNames)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from parley.domain import load_entries
from parley.domain.gazetteer import Match
from parley.domain.registry import get_domain
from parley.lang import DeclinedNames, WrittenNames

Span = tuple[int, int]

_TOKEN = re.compile(r"\S+")


@dataclass
class OfficeMention:
    span: Span
    title: str
    state: str | None
    organization: str | None
    role: str | None = None
    plural_states: tuple[str, ...] = ()  # "Secretaries of ... of Armenia and Azerbaijan": one state per person

    @property
    def is_expert(self) -> bool:
        words = set(re.findall(r"[a-z]+", self.title.lower()))
        return bool(words & {"expert", "professor", "analyst", "scientist", "researcher", "journalist"}) or (
            "director" in words and self.state is None and self.organization is None
            and not words & {"security", "intelligence", "federal", "executive"}
        )


@cache
def russian_offices() -> list[tuple[re.Pattern[str], dict]]:
    out = []
    for e in load_entries("offices"):
        for p in e.get("ru", []):
            # "секретарь совбеза" must not match inside "пресс-секретарь совбеза".
            out.append((re.compile(r"(?<![\w-])(?:" + p + ")", re.I), e))
    return out


@cache
def _russian_office_words() -> tuple[list[tuple[re.Pattern[str], dict]], ahocorasick.Automaton, tuple[int, ...]]:
    """The Russian office patterns, an automaton that finds in a text the Cyrillic words written in
    them (each word -> the patterns that contain it), and the patterns with no such word. A match
    contains at least one of its pattern's words, so only the patterns of the words a text holds
    need run (the registry has some 250 patterns, tried before every name)."""
    patterns = russian_offices()
    by_word: dict[str, list[int]] = {}
    wordless = []
    for i, (pat, _) in enumerate(patterns):
        # Stems of four letters or more: shorter runs are endings ("ями", "ей"), which every pattern has.
        words = set(re.findall(r"[а-яё]{4,}", pat.pattern.lower()))
        if not words:
            wordless.append(i)
        for w in words:
            by_word.setdefault(w, []).append(i)
    auto = ahocorasick.Automaton()
    for w, idx in by_word.items():
        auto.add_word(w, tuple(idx))
    auto.make_automaton()
    return patterns, auto, tuple(wordless)


def russian_offices_in(text: str) -> list[tuple[re.Pattern[str], dict]]:
    """The office patterns that may match in ``text`` (those whose stems it holds), in the
    registry's order."""
    patterns, automaton, wordless = _russian_office_words()
    candidates = set(wordless)
    for _, idx in automaton.iter(text.lower()):
        candidates.update(idx)
    return [patterns[i] for i in sorted(candidates)]


@cache
def institution_states() -> dict[str, str]:
    """Names of state institutions ("Kremlin", "FSB", "Roskomnadzor") and the state they belong to."""
    out: dict[str, str] = {}
    for e in load_entries("institutions"):
        for n in e["names"]:
            out[n] = e["state"]
    return out


def role_of_title(title: str) -> str | None:
    t = title.lower()
    if re.search(r"security council|national security advis|national security division|security office", t):
        return "security-council"
    if re.search(r"president|prime minister|leader|head of state|premier", t) and "vice" not in t:
        return "head-of-state"
    if re.search(r"minister", t):
        return "minister"
    if re.search(r"security service|intelligence|fsb|kgb|special service|state security", t):
        return "special-services"
    if re.search(r"secretary.general|executive secretary|executive committee|anti-terror", t):
        return "organization"
    if re.search(r"spokes|press secretary", t):
        return "press"
    return None


def _clean_title(titles: WrittenNames, words: list[str]) -> str:
    while words and words[0].lower() in titles.title_function_words:
        words = words[1:]
    # "... Colonel General", "... Army General", "... Dr": a rank at the end, "General" only after one.
    while words and (words[-1].lower().rstrip(".") in titles.ranks or (
            words[-1].lower() == "general" and len(words) > 1 and words[-2].lower().rstrip(".") in titles.ranks)):
        words = words[:-2] if words[-1].lower() == "general" else words[:-1]
    while words and words[-1].lower() in titles.title_function_words | {"'s", "’s"}:
        words = words[:-1]
    title = " ".join(words).strip(" ,;:")
    title = re.sub(r"\s+([,])", r"\1", title)
    return title[:1].upper() + title[1:] if title else title


def _strip_states(text: str, span: Span, states: list[Match]) -> tuple[str, list[str]]:
    """Title text without its state names/adjectives, and the states it named (in order)."""
    s0 = span[0]
    found: list[str] = []
    pieces = []
    pos = s0
    for m in states:
        if m.start < span[0] or m.end > span[1]:
            continue
        pieces.append(text[pos:m.start])
        pos = m.end
        if text[pos:pos + 2] in ("'s", "’s"):  # "India's National Security Adviser"
            pos += 2
        if m.value not in found:
            found.append(m.value)
    pieces.append(text[pos:span[1]])
    out = "".join(pieces)
    # "of the Republic of", "of the" left dangling where a state name was.
    out = re.sub(r"\b(?:of|to|in)\s+(?:the\s+)?(?:Republic\s+of\s+|Federation\s+of\s+)?(?=\s*(?:$|[,–—-]|\band\b|\bunder\b))", "", out)
    out = re.sub(r"\b(?:Republic|People's Republic|Russian Federation|Federation)\b(?:\s+of)?\s*$", "", out.strip())
    out = re.sub(r"\b(?:of|and)\s+(?:the\s+)?(?:and\s+)?$", "", out.strip())
    out = re.sub(r"(?:['’]s)?\s*$", "", re.sub(r"\s+", " ", out)).strip(" ,")
    out = re.sub(r"\s+(?:of|and|the)$", "", out)
    return out, found


def english_left_title(titles: WrittenNames, text: str, sent_start: int, name_start: int, blocked: list[Span],
                       states: list[Match], orgs: list[Match]) -> OfficeMention | None:
    """The office title written just before a name ("Belarusian President Aleksandr Lukashenko")."""
    left = text[sent_start:name_start]
    toks = [(m.start() + sent_start, m.end() + sent_start, m.group()) for m in _TOKEN.finditer(left)]
    picked: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(reversed(toks)):
        if any(s < b and e > a for a, b in blocked):
            break
        core = w.rstrip(",")
        if w.endswith(",") and i > 0 and not all(_bare(p[2]).rstrip(".") in titles.ranks | {"general"}
                                                 or "-general" in p[2].lower() for p in picked):
            # "Minister of Defence of Azerbaijan, Colonel-General X": only ranks may stand after a comma.
            break
        if w.endswith((".", ";", ":", "\"", "”", "»")) and not re.fullmatch(r"[A-Z]\.|St\.", w) and not (
                w.endswith(".") and w[:-1].lower() in titles.ranks):  # "Engr.", "Dr." before a name
            break
        bare = core.strip("(\"“«").lower()
        if not (core[:1].isupper() or bare in titles.title_function_words or bare in titles.title_heads
                or bare.endswith("'s")):
            break
        picked.append((s, e, core))
        if len(picked) > 16:
            break
    picked.reverse()
    while picked and not _is_starter(titles, picked[0][2], states, orgs, picked[0][0]):
        picked = picked[1:]
    if picked and text[picked[-1][1]:name_start].strip() == ",":
        # "Name, Title, Name2": a title between two names belongs to the first (an appositive).
        before = text[sent_start:picked[0][0]].rstrip()
        if before.endswith(",") and any(b[1] <= picked[0][0] and before[:-1].rstrip().endswith(text[b[0]:b[1]])
                                        for b in blocked):
            return None
    if not picked or not any(_bare(p[2]) in titles.title_heads or "-general" in p[2].lower() for p in picked):
        return None
    span = (picked[0][0], picked[-1][1])
    return make_office(titles, text, span, states, orgs)


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word.lower().strip(",;:()\"“”«»"))


def _is_starter(titles: WrittenNames, word: str, states: list[Match], orgs: list[Match], start: int) -> bool:
    w = word.lower()
    if w in titles.title_starters or w.split("-")[0] in titles.title_starters:
        return True
    # "Belarusian Defence Minister", "Kazakhstan Prime Minister", "Pakistan's National Security Advisor"
    return any(m.start == start for m in states if m.kind in ("adjective", "name")) or any(
        m.start == start for m in orgs)


def english_right_title(titles: WrittenNames, text: str, name_end: int, sent_end: int,
                        states: list[Match], orgs: list[Match]) -> OfficeMention | None:
    """An appositive title after a name ("Ajit Doval, National Security Advisor to the Prime Minister of India,")."""
    m = re.match(r",\s+(?:the\s+|a\s+)?", text[name_end:sent_end])
    if not m:
        return None
    start = name_end + m.end()
    first = re.match(r"[\w'’-]+", text[start:sent_end])
    if not first or not _is_starter(titles, first.group(), states, orgs, start):
        return None
    end = start
    while end < sent_end:
        stop = titles.appositive_end.search(text, end, sent_end)
        if not stop:
            end = sent_end
            break
        # "Chairman of the Executive Committee – Executive Secretary of the CIS": a dash joins, a comma ends.
        end = stop.start()
        break
    seg = text[start:end]
    if not seg or len(seg.split()) > 16:
        return None
    words = {_bare(w) for w in seg.split()}
    if not words & titles.title_heads and "secretary-general" not in seg.lower():
        return None
    return make_office(titles, text, (start, end), states, orgs)


def make_office(titles: WrittenNames, text: str, span: Span, states: list[Match], orgs: list[Match]) -> OfficeMention:
    title, found = _strip_states(text, span, states)
    if not found:
        # "Kremlin Spokesman", "head of Roskomnadzor": an institution that belongs to one state.
        found = [st for word, st in institution_states().items()
                 if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text[span[0]:span[1]], re.I)][:1]
    org = next((m.value for m in orgs if m.start >= span[0] and m.end <= span[1]), None)
    words = title.split()
    plural = bool(words) and any(w.lower() in titles.plural_titles for w in words)
    if plural:
        words = [titles.plural_titles.get(w.lower(), w) for w in words]
    title = _clean_title(titles, words)
    return OfficeMention(
        span=span,
        title=title,
        state=found[0] if len(found) == 1 or (found and not plural) else None,
        organization=org,
        role=role_of_title(title),
        plural_states=tuple(found) if plural and len(found) > 1 else (),
    )


def _blank(text: str, lo: int, hi: int, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text[lo:hi])
    for a, b in spans:
        for i in range(max(a, lo), min(b, hi)):
            chars[i - lo] = " "
    return "".join(chars)


def _title_view(declined: DeclinedNames, text: str, lo: int, hi: int, states: list[Match]) -> tuple[str, list[int]]:
    """The words before a name without the states named inside a title ("Секретарь российского
    Совета Безопасности", "советником премьер-министра Индии по национальной безопасности"), so that
    the registry's phrasings match; with each character's place in the text. A state that ends the
    title (before ranks and the name) stays: some phrasings tell states apart by it."""
    inner = []
    for m in states:
        if lo <= m.start and m.end <= hi:
            after = _blank(text, m.end, hi, [(o.start, o.end) for o in states])
            after = declined.ranks.sub(" ", re.sub(r"\([А-ЯЁA-Z]{2,6}\)", " ", after))
            if re.search(r"\w", after):
                inner.append(m)
    view, where = [], []
    pos = lo
    for m in sorted(inner, key=lambda m: m.start):
        for i in range(pos, m.start):
            view.append(text[i])
            where.append(i)
        pos = m.end
        while pos < hi and text[pos] == " ":
            pos += 1
    for i in range(pos, hi):
        view.append(text[i])
        where.append(i)
    return "".join(view), where


def russian_right_title(text: str, name_end: int, sent_end: int,
                        states: list[Match], orgs: list[Match]) -> OfficeMention | None:
    """An appositive title after a name ("Николай Патрушев, секретарь Совета безопасности РФ, заявил")."""
    m = re.match(r",\s+", text[name_end:sent_end])
    if not m:
        return None
    start = name_end + m.end()
    seg_end = start + len(re.split(r"[,;:.()«»\"]", text[start:sent_end], maxsplit=1)[0])
    segment = text[start:seg_end]
    for pat, entry in russian_offices_in(segment):
        t = pat.match(segment)
        if not t:
            continue
        s, e = start + t.start(), start + t.end()
        found = [st.value for st in states if e <= st.start < seg_end]
        org = next((o.value for o in orgs if o.end > s and o.start < seg_end), entry.get("organization"))
        return OfficeMention(
            span=(s, seg_end), title=entry["en"], state=entry.get("state") or (found[0] if found else None),
            organization=org if entry.get("role") == "organization" or entry.get("organization") else None,
            role=entry.get("role"),
        )
    return None


def russian_left_title(declined: DeclinedNames, text: str, sent_start: int, name_start: int, blocked: list[Span],
                       states: list[Match], orgs: list[Match]) -> OfficeMention | None:
    """The office title before a name in Russian, translated through the office registry."""
    lo = max(sent_start, name_start - 160)
    for _, b in blocked:
        if lo < b <= name_start:
            lo = b
    left, where = _title_view(declined, text, lo, name_start, states)
    best: tuple[int, int, dict] | None = None
    for pat, entry in russian_offices_in(left):
        for m in pat.finditer(left):
            if m.end() == m.start():
                continue
            s, e = where[m.start()], where[m.end() - 1] + 1
            if best is None or e > best[1] or (e == best[1] and s < best[0]):
                best = (s, e, entry)
    if best is None:
        return None
    s, e, entry = best
    # What lies between the title and the name may only be states, organisations, ranks and a few words.
    between = declined.ranks.sub(" ", _blank(text, e, name_start, [(m.start, m.end) for m in (*states, *orgs)]))
    if not declined.between_title_and_name.match(between):
        return None
    found = [m.value for m in states if m.start >= s and m.end <= name_start]
    found += [m.value for m in states if m.kind == "adjective" and s - 25 <= m.start < s]
    org = next((m.value for m in orgs if m.end > e and m.start < name_start), entry.get("organization"))
    state = entry.get("state") or (found[0] if found else None)
    plural = bool(declined.plural_title.match(text[s:e]))
    if org and not entry.get("state"):
        state = state if found else None
    title = entry["en"]
    if entry.get("organization") is None and org and re.search(r"Secretary General", title):
        title = f"{title} of the {org}" if org in get_domain().convening_organizations else title
    return OfficeMention(
        span=(s, e if not found else max(e, max(m.end for m in states if m.start >= e and m.end <= name_start)
                                          if any(m.start >= e and m.end <= name_start for m in states) else e)),
        title=title,
        state=None if plural and len(found) > 1 else state,
        organization=org if entry.get("role") == "organization" or entry.get("organization") else None,
        role=entry.get("role"),
        plural_states=tuple(found) if plural and len(found) > 1 else (),
    )
