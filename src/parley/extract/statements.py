"""Statements: direct quotations and who said them.

A statement is recorded as "X said Y", never as Y: the quote is verbatim and the
speaker is a person, found in the attribution next to the quote ("...," Volfovich
said; «...», – заявил глава МИД РБ Владимир Макей; He noted: "..."), through a pronoun
or a role ("the state secretary noted", "the expert explained") resolved to the person
meant, from a speaker's label ("Alexander Lukashenko, President of the Republic of
Belarus:"), or, in interviews and speech transcripts, from the interviewee's answers
and the speaker's paragraphs. Quotes whose source is an institution ("the press
service said", "говорится в сообщении") are not a person's statements.

Each language's words (speech verbs, pronouns, institutions) are its profile's ``statements``
(parley.lang). The few patterns here that hold English and Russian words together ("according to" /
"по словам") read every report alike, whatever its language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.extract.context import DocContext, coverage
from parley.extract.offices import role_of_title
from parley.extract.people import PersonMention

Span = tuple[int, int]

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", '"': '"', "”": "”"}
_MIN_WORDS = 3


@dataclass
class Quote:
    start: int  # inside the quote marks
    end: int
    speaker: int | None = None
    attribution: Span | None = None
    mode: str = "quote"  # quote | dash | answer | speech

    @property
    def span(self) -> Span:
        return (self.start, self.end)


def _paragraphs(text: str) -> list[Span]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        s, e = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def find_quotes(text: str) -> list[Span]:
    """Spans between matching quotation marks (the marks excluded), across paragraphs where a
    quotation continues ("... first paragraph / “Second paragraph ...”")."""
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in "“«„" or (ch == '"' and _opens_straight(text, i)):
            close = _OPEN_CLOSE[ch]
            j = _find_close(text, i + 1, ch, close)
            if j is not None:
                # Blanks inside the marks (padding of an HTML entity such as "&laquo;") are not words.
                s, e = i + 1, j
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append((s, e))
                i = j + 1
                continue
        i += 1
    return spans


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([:—–-,") and not after.isspace()


def _find_close(text: str, start: int, opener: str, close: str) -> int | None:
    depth = 0
    i = start
    limit = min(len(text), start + 6000)
    while i < limit:
        ch = text[i]
        if ch == "\n":
            # A quotation spanning paragraphs reopens each paragraph with a quote mark.
            nxt = re.match(r"\n\s*", text[i:])
            j = i + (nxt.end() if nxt else 1)
            if j < len(text) and text[j] in (opener, "“", "«", '"') and close not in text[start:i]:
                i = j + 1
                continue
            return None
        if opener != close and ch == opener and opener not in "\"":
            depth += 1
        elif ch == close and (close != '"' or _closes_straight(text, i)):
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return None


def _closes_straight(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


class _Resolver:
    """Who a speaker phrase ("he", "the state secretary", "Volfovich") refers to."""

    def __init__(self, ctx: DocContext, quote_spans: list[Span]) -> None:
        self.ctx = ctx
        self.quote_spans = quote_spans

    def _outside_quotes(self, m: PersonMention) -> bool:
        return not any(a <= m.start < b for a, b in self.quote_spans)

    def person_in(self, s: int, e: int) -> int | None:
        for m in self.ctx.mentions:
            if m.start >= s and m.end <= e:
                return m.person
        return None

    def labelled(self, s: int, e: int) -> int | None:
        """The person a transcript's label [s, e) names: the label ends with the name ("President of
        Russia Vladimir Putin", "Р.Т.Эрдоган (как переведено)"); a headline that starts with a name and
        goes on ("Volodin in Yerevan: the council met") is no label."""
        for m in self.ctx.mentions:
            if m.start >= s and m.end <= e and _LABEL_TAIL.fullmatch(self.ctx.text, m.end, e):
                return m.person
        return None

    def recent(self, before: int, skip_experts: bool = False) -> int | None:
        """The person most recently mentioned (outside quotes) before an offset."""
        for m in reversed(self.ctx.mentions):
            if m.end <= before and self._outside_quotes(m):
                if skip_experts and self.ctx.people[m.person].is_expert:
                    continue
                return m.person
        return None

    def subject(self, before: int) -> int | None:
        """Whom "he" or "she" stands for: the sentence that last named someone before the quote
        ("Putin received Tokayev in the Kremlin.") is about its first person outside a prepositional
        phrase (Putin), not its last name seen."""
        last = next((m for m in reversed(self.ctx.mentions) if m.end <= before and self._outside_quotes(m)), None)
        if last is None:
            return None
        ss, se = self.ctx.sentence(last.start)
        for m in self.ctx.mentions:
            if ss <= m.start < se and m.end <= before and self._outside_quotes(m):
                lead = self.ctx.text[max(ss, m.start - 40):m.start]
                if not _OBJECT_LEAD.search(lead) and not self.ctx.people[m.person].is_expert:
                    return m.person
        return last.person

    def role(self, s: int, e: int, before: int) -> int | None:
        """A role or description ("the Belarusian leader", "the expert") as one person named earlier."""
        phrase = self.ctx.text[s:e]
        words = set(re.findall(r"\w+", phrase.lower()))
        if not words:
            return None
        if words & {"expert", "analyst", "scientist", "professor", "эксперт", "политолог", "аналитик"}:
            for m in reversed(self.ctx.mentions):
                if m.end <= before and self.ctx.people[m.person].is_expert:
                    return m.person
            return None
        states = {st.value for st in self.ctx.states if s <= st.start < e}
        if self.ctx.profile.people.declined is not None:
            # "госсекретарь Совбеза", "глава МИД РБ": a language whose titles are read through the
            # registry (parley.lang.DeclinedNames) gives the registry's English title for the role.
            from parley.extract.offices import russian_offices_in

            entry = next((en for pat, en in russian_offices_in(phrase) if pat.search(phrase)), None)
            if entry is not None:
                words |= set(re.findall(r"\w+", entry["en"].lower()))
                words -= {"of", "the"}
                if entry.get("role") in ("head-of-state", "head-of-government"):
                    words |= {"leader", "head"}
        # "сказал министр", "отметил постпред": a role noun in its own words.
        heads = self.ctx.profile.statements.role_heads
        words |= {en for w in list(words) for stem, en in heads.items() if w.startswith(stem)}
        when = self.ctx.published.isoformat() if self.ctx.published else None
        for m in reversed(self.ctx.mentions):
            if m.end > before or not self._outside_quotes(m):
                continue
            p = self.ctx.people[m.person]
            # The offices the text gives, else those the registry says the person held at the time.
            held = [(o.title, o.state, o.role) for o in p.offices] or (
                [(t.title, t.state, role_of_title(t.title)) for t in p.official.terms if t.covers(when)]
                if p.official is not None and when is not None else [])
            for title, state, role in held:
                ow = set(re.findall(r"\w+", title.lower()))
                head_ok = bool(words & ow - {"of", "the", "security", "council"}) or (
                    words & {"leader", "head", "лидер", "глава"} and role in ("head-of-state", "head-of-government")
                )
                if head_ok and (not states or state in states):
                    return m.person
        return None

    def resolve(self, phrase: str, s: int, e: int, before: int) -> int | None:
        if self.ctx.profile.statements.institution.search(phrase):
            if re.search(r"statement|message|greeting|address|обращени|послани|приветстви", phrase, re.I):
                return self._greeting_sender(before)
            return None
        who = self.person_in(s, e)
        if who is not None:
            return who
        if self.ctx.profile.statements.pronoun.match(phrase):
            return self.subject(before)
        who = self.role(s, e, before)
        if who is None and _word_count(phrase) <= 3 and self._role_noun(phrase):
            # "– сказал постпред" of an official whose title the text did not give: the sentence's subject.
            who = self.subject(before)
            if who is not None and self.ctx.people[who].is_expert:
                who = None
        return who

    def _role_noun(self, phrase: str) -> bool:
        """Whether a phrase names an office ("the minister", "постпред"), not anything else."""
        words = re.findall(r"\w+", phrase.lower())
        people = self.ctx.profile.people
        heads = people.written.title_heads if people.written is not None else frozenset()
        stems = self.ctx.profile.statements.role_heads
        return any(w in heads or any(w.startswith(stem) for stem in stems) for w in words)

    def _greeting_sender(self, before: int) -> int | None:
        """ "the statement reads" after "Putin sent greetings to the participants": the sender."""
        pat = self.ctx.profile.statements.greeting
        for ps, pe in reversed(self.ctx.analysis.sentences):
            if pe > before:
                continue
            if before - pe > 1200:
                break
            if pat.search(self.ctx.text, ps, pe):
                return self.person_in(ps, pe)
        return None


# The words before a name that make it an object: "met with X", "gave the floor to X", "встретился с X".
_OBJECT_LEAD = re.compile(r"(?:\b(?:with|to|by|from|received|met|welcomed|hosted|and)\s+(?:[\w’'.-]+\s+){0,6}|"
                          r"(?<![а-яё])(?:с|со|к|от|принял\w*|встретил\w*|и)\s+(?:[\w.-]+\s+){0,6})$", re.I)


def _attribution_after(ctx: DocContext, end: int, res: _Resolver, quote_start: int) -> tuple[int | None, Span | None]:
    """ '," Volfovich said' / ', – заявил глава МИД Владимир Макей' / ', the state secretary noted'."""
    text = ctx.text
    verbs = ctx.profile.statements.speech_verb
    tail_end = min(len(text), end + 200)
    nl = text.find("\n", end + 1)
    if nl != -1:
        tail_end = min(tail_end, nl)
    # An initial's period ("Н.Абыкаева", "V.G. Khrenin") ends no clause: masked, at the same length.
    tail = ctx.initials_masked[end:tail_end]
    # Speaker then verb: '," Aleksandr Volfovich noted.' / '," the Belarusian leader said'
    m = re.match(rf"^[”\"»“]?\s*[,.!?…]?\s*[”\"»]?\s*[-–—]?\s*(?P<who>\w[^,.;:!?\"“”«»\n]{{0,89}}?)\s+{verbs}\b", tail)
    if m and _word_count(m.group("who")) <= 12:
        s, e = end + m.start("who"), end + m.end("who")
        who = res.resolve(text[s:e], s, e, quote_start)
        if who is not None:
            return who, (s, end + m.end())
    # Verb then speaker: '," said the Secretary of the Russian Security Council.' / ', – отметил он' /
    # ', - сообщил на итоговой пресс-конференции председатель Совета, директор ФСБ России Николай Патрушев'
    # Initials may open the name: ', – сказал Н. Бордюжа'.
    m = re.match(rf"^[”\"»“]?\s*[,.!?…]?\s*[”\"»]?\s*[-–—]?\s*{verbs}\s+(?P<who>(?:[A-ZА-ЯЁ]\.\s?){{0,2}}"
                 rf"[^.;:!?\"“”«»\n]{{1,160}}?)(?:[.;:!?\n]|$)", tail)
    if m:
        s, e = end + m.start("who"), end + m.end("who")
        who = res.person_in(s, e)
        if who is None:
            # No name: the phrase is a pronoun or a role ("the state secretary", "глава МИД РБ").
            # The phrase may open with circumstances ("at the press conference, the state secretary"):
            # the speaker is then the part after the last comma.
            phrase = text[s:e]
            who = res.resolve(phrase, s, e, quote_start)
            last = phrase.rfind(",")
            if who is None and last != -1:
                who = res.resolve(phrase[last + 1:], s + last + 1, e, quote_start)
        return who, (s, end + m.end())
    return None, None


def _attribution_before(ctx: DocContext, start: int, res: _Resolver) -> tuple[int | None, Span | None]:
    """ 'He noted: "..."' / 'Putin expressed confidence that the meeting“will ...”' in the same sentence."""
    text = ctx.text
    verbs = ctx.profile.statements.speech_verb
    para_start = text.rfind("\n", 0, start) + 1
    ss = max(ctx.sentence(max(start - 2, 0))[0], para_start)
    head = text[ss:start - 1]
    # "According to X, "..."" / "По словам X, «...»"
    acc = re.search(r"(?:\baccording to|(?<![а-яё])по словам|(?<![а-яё])как (?:заявил|отметил|сообщил|подчеркнул)\w*)\s+"
                    r"(?P<who>[^.;:!?\"“”«»\n]{2,140}?)\s*,\s*$", head, re.I)
    if acc:
        s, e = ss + acc.start("who"), ss + acc.end("who")
        who = res.resolve(text[s:e], s, e, start)
        if who is not None:
            return who, (ss + acc.start(), ss + len(head))
    # The speech verb nearest the quote introduces it ('..., the Secretary noted: "'); an earlier one
    # ('Asked about the states that ...') belongs to another clause.
    tail_ok = re.compile(r"(?:\s+(?:that|что)\b[^.;:\"“”«»]*|\s+(?:in|during|at)\s[^:]*)?\s*:?\s*")
    for vm in reversed(list(re.finditer(rf"\s+{verbs}\b", head))):
        if not tail_ok.fullmatch(head, vm.end()):
            continue
        # An initial's period ("Н.П. Патрушев отметил:") ends no clause: looked for in the masked text.
        left = ctx.initials_masked[ss:ss + vm.start()]
        clause = max(left.rfind(c) for c in ".;!?\"“”«»\n")
        s = ss + clause + 1
        while s < ss + vm.start() and text[s].isspace():
            s += 1
        e = ss + vm.start()
        if e <= s or e - s > 160:
            return None, None
        who = res.resolve(text[s:e], s, e, start)
        comma = text.rfind(",", s, e)
        if who is None and comma != -1:
            # "Asked about ..., the Russian Security Council Secretary noted:": the speaker follows the comma.
            who = res.resolve(text[comma + 1:e], comma + 1, e, start)
        return who, (s, ss + len(head))
    return None, None


def _verb_after(ctx: DocContext, end: int) -> bool:
    """A speech verb in the rest of the quote's sentence ('," the Pakistani minister said'): the text
    attributes the quote, even when the speaker cannot be resolved."""
    verbs = ctx.profile.statements.speech_verb
    tail = ctx.text[end:end + 200]
    return re.match(rf"[”\"»“]?\s*[,.!?…]?\s*[”\"»]?\s*[-–—]?\s*(?:[^\W\d][^,.;:!?\"“”«»\n]{{0,89}}?\s+)?{verbs}\b",
                    tail) is not None


def _implied_speaker(ctx: DocContext, start: int, res: _Resolver) -> tuple[int | None, Span | None]:
    """A quotation that opens its sentence and says nowhere who speaks is the words of whom the
    sentence before introduces: its speech verb's subject ("The President added that ... . "The
    visit will be useful ...""), else its subject ("Lukashenko met Patrushev on 29 June. "There is
    always something to talk about ...""): an official, never an expert or a spokesman."""
    text = ctx.text
    ss, _ = ctx.sentence(start)
    if text[ss:start - 1].strip(" \t\n\"“«„—–-"):
        return None, None  # words before the quote in its sentence: not a quotation standing alone
    prev = next((x for x in reversed(ctx.analysis.sentences) if x[1] <= ss and text[x[0]:x[1]].strip()), None)
    if prev is None or not re.fullmatch(r"\s*", text[prev[1]:ss]) or res.ctx.in_quote(prev[0]):
        return None, None
    verbs = ctx.profile.statements.speech_verb
    m = re.search(rf"(?P<who>[^,.;:!?\"“”«»\n]{{2,120}}?)\s+{verbs}\b", text[prev[0]:prev[1]])
    who = None
    if m:
        a, b = prev[0] + m.start("who"), prev[0] + m.end("who")
        who = res.resolve(text[a:b], a, b, start)
    if who is None:
        who = res.subject(start)
        if who is None or not any(prev[0] <= x.start < prev[1] and x.person == who for x in ctx.mentions):
            return None, None
    person = ctx.people[who]
    if person.is_expert or "press" in person.roles():
        return None, None
    return who, prev


def _speaker_label(ctx: DocContext, line_start: int, res: _Resolver) -> int | None:
    """The line before is a speaker's label: "Alexander Lukashenko, President of the Republic of Belarus:"."""
    text = ctx.text
    prev_end = text.rfind("\n", 0, max(line_start - 1, 0))
    cur = prev_end
    # Skip blank lines between the label and the quote.
    while cur > 0 and not text[text.rfind("\n", 0, cur) + 1:cur].strip():
        cur = text.rfind("\n", 0, cur)
    ls = text.rfind("\n", 0, cur) + 1 if cur > 0 else 0
    line = text[ls:cur] if cur > 0 else ""
    if not line.strip().endswith(":") or len(line) > 200:
        return None
    return res.person_in(ls, cur)


def _dash_speech(text: str, para: Span) -> Span | None:
    """The words of speech opened by a dash ('— Of course, we need ...," Volfovich said')."""
    s, e = para
    m = re.match(r"[—–-]\s+", text[s:e])
    if not m:
        return None
    body_start = s + m.end()
    close = re.search(r"[,.!?…]\s*[\"”»]\s*[,]?\s*(?=[\w\s-]*\b\w)|[,.!?…]\s+[—–-]\s+(?=\w)", text[body_start:e])
    if close:
        q_end = body_start + close.start() + 1
        return body_start, q_end
    return None


_QUESTION = re.compile(r"^\s*[—–-]\s.*\?\s*$")


def _interview(ctx: DocContext, res: _Resolver) -> list[Quote]:
    """Interview answers: paragraphs after a dash-led question, up to the next question."""
    text = ctx.text
    paras = _paragraphs(text)
    questions = [i for i, (s, e) in enumerate(paras) if _QUESTION.match(text[s:e])]
    if len(questions) < 2:
        return []
    first_q = paras[questions[0]]
    lead = (0, first_q[0])
    # Said to be an interview, or laid out as one: questions each answered by the paragraph after it
    # (a newspaper's interview under "Генсек ОДКБ Юрий Хачатуров — о предстоящем саммите").
    answered = sum(1 for i in questions if i + 1 < len(paras) and i + 1 not in questions)
    said = re.search(r"interview|интервью", text[lead[0]:lead[1]], re.I)
    if not said and answered < 2:
        return []
    before = [m for m in ctx.mentions if m.start < first_q[0] and not ctx.people[m.person].is_expert
              and "press" not in ctx.people[m.person].roles()]
    # The one interviewed holds an office; a byline's journalist does not.
    holders = [m for m in before if ctx.people[m.person].offices]
    if not (holders or (said and before)):
        return []
    speaker = (holders or before)[0].person
    out = []
    qset = set(questions)
    answering = False
    for i, (s, e) in enumerate(paras):
        if i in qset:
            answering = True
            continue
        if not answering:
            continue
        dm = re.match(r"[—–-]\s+", text[s:e])
        qs = s + (dm.end() if dm else 0)
        if _word_count(text[qs:e]) >= _MIN_WORDS:
            out.append(Quote(qs, e, speaker, None, "answer"))
    return out


_LABEL = re.compile(r"^(?P<label>[^\n:]{3,120}):\s*(?P<rest>[^\n]*)$")
# What may follow the speaker's name in a transcript's label: "(как переведено)", "(in translation)".
_LABEL_TAIL = re.compile(r"\s*(?:\([^()\n]{0,40}\))?\s*")


def _speech(ctx: DocContext, res: _Resolver) -> list[Quote]:
    """A transcript: every paragraph of a speech is its speaker's, from a title ("Sergey Lavrov's speech at
    ...") or a label ("President of Russia Vladimir Putin: Colleagues,")."""
    text = ctx.text
    paras = _paragraphs(text)
    phrasing = ctx.profile.statements
    speaker, start_idx = None, None
    for i, (s, e) in enumerate(paras[:12]):
        line = text[s:e]
        lm = _LABEL.match(line)
        if lm and res.labelled(s, s + len(lm.group("label"))) is not None and len(lm.group("label").split()) <= 12:
            speaker, start_idx = res.labelled(s, s + len(lm.group("label"))), i
            if _word_count(lm.group("rest")) >= 8:
                start_idx = i - 1  # the label line itself carries speech
            break
        tm = phrasing.speech_title.search(line)
        if tm and len(line) < 250:
            who = res.person_in(s, s + tm.end("who") + 3)
            if who is not None:
                speaker, start_idx = who, i
                break
    if speaker is None or start_idx is None:
        return []
    body = [(s, e) for s, e in paras[start_idx + 1:]]
    speech = [p for p in body if _word_count(text[p[0]:p[1]]) >= 8]
    if len(speech) < 2:
        return []
    first_person = sum(1 for s, e in speech if phrasing.first_person.search(text[s:e]))
    reported = sum(1 for s, e in speech if re.search(rf"\b{phrasing.speech_verb}\b", text[s:e])
                   and not phrasing.first_person.search(text[s:e]))
    if first_person < max(2, len(speech) // 3) or reported > len(speech) // 3:
        return []
    out = []
    for s, e in body:
        seg = text[s:e]
        lm = _LABEL.match(seg)
        who = res.labelled(s, s + len(lm.group("label"))) if lm and len(lm.group("label").split()) <= 12 else None
        if who is not None:
            # The next speaker of a transcript ("Р.Т.Эрдоган (как переведено): Уважаемый господин Президент!"):
            # the rest of the label's line is theirs, and the paragraphs after it.
            speaker = who
            s += lm.start("rest")
            seg = text[s:e]
        if _word_count(seg) < _MIN_WORDS or (seg.rstrip().endswith(",") and _word_count(seg) <= 6):
            # Salutations ("Colleagues,", "Mr Naryshkin, audience members,"): whom the speaker addressed.
            for m in ctx.mentions:
                if s <= m.start < e and m.person != speaker and m.person not in ctx.addressed:
                    ctx.addressed.append(m.person)
            continue
        if any(q0 <= s < q1 for q0, q1 in res.quote_spans):
            continue
        out.append(Quote(s, e, speaker, None, "speech"))
    return out


# Between a quotation's attribution and the rest of it: the verb's object at the most (", Kurenkov told
# the participants, "that ...").
_CONTINUED = re.compile(r"(?:\s+[^\s,.;:!?\"“”«»]+){0,4}[\s,\"“”«»—–-]*")


def _split_inside(ctx: DocContext, spans: list[Span]) -> tuple[list[Span], dict[Span, Span]]:
    """Quotations with their attribution inside the marks, as Russian writes them («Мы видим, — сказал
    Горовой, — что каналы ...»): two spans, each attributed by the clause between them."""
    verbs = ctx.profile.statements.speech_verb
    inside = re.compile(rf",?\s*[—–-]\s*(?:{verbs})\s+(?P<who>[^,—–«»\"“”\n]{{2,80}}?)\s*,\s*[—–-]\s*", re.I)
    out: list[Span] = []
    attributed: dict[Span, Span] = {}
    for s, e in spans:
        m = inside.search(ctx.text, s, e)
        if m is None or not any(m.start("who") <= x.start < m.end("who") for x in ctx.mentions):
            out.append((s, e))
            continue
        for part in ((s, m.start()), (m.end(), e)):
            out.append(part)
            attributed[part] = m.span("who")
    return out, attributed


def extract_statements(ctx: DocContext) -> None:
    text = ctx.text
    spans, inside = _split_inside(ctx, find_quotes(text))
    res = _Resolver(ctx, spans)
    quotes: list[Quote] = []
    for s, e in spans:
        words = _word_count(text[s:e])
        if (s, e) in inside:
            a0, a1 = inside[(s, e)]
            who = res.person_in(a0, a1)
            if who is not None and words >= 2:
                quotes.append(Quote(s, e, who, (a0, a1), "quote"))
            continue
        if words < _MIN_WORDS:
            continue
        who, attr = _attribution_after(ctx, e, res, s)
        if who is None:
            who, attr = _attribution_before(ctx, s - 1, res)
        if who is None and quotes and quotes[-1].attribution and quotes[-1].attribution[1] <= s \
                and s - quotes[-1].end < 120 and _CONTINUED.fullmatch(text, quotes[-1].attribution[1], s):
            # '"We have agreed," Kurenkov told the participants, "that ..."': the quotation goes on.
            who, attr = quotes[-1].speaker, quotes[-1].attribution
        if who is None:
            line_start = text.rfind("\n", 0, s) + 1
            if not text[line_start:s - 1].strip():
                who = _speaker_label(ctx, line_start, res)
        mode = "quote"
        if who is None and attr is None and words >= 5 and not _verb_after(ctx, e):
            who, attr = _implied_speaker(ctx, s, res)
            mode = "implied"
        if who is not None:
            # A comma the writer put inside the marks before "he said" is the sentence's, not the speaker's.
            trimmed = len(text[s:e].rstrip().rstrip(","))
            quotes.append(Quote(s, s + trimmed if trimmed else e, who, attr, mode))
    covered = [q.span for q in quotes]
    for para in _paragraphs(text):
        if any(a <= para[0] < b or para[0] <= a < para[1] for a, b in covered):
            continue
        dash = _dash_speech(text, para)
        if dash is None:
            continue
        qs, qe = dash
        if _word_count(text[qs:qe]) < _MIN_WORDS:
            continue
        who, attr = _attribution_after(ctx, qe, res, qs)
        if who is not None:
            quotes.append(Quote(qs, qe, who, attr, "dash"))
    for extra in (_interview(ctx, res), _speech(ctx, res)):
        taken = [q.span for q in quotes]
        for q in extra:
            if not any(a < q.end and q.start < b for a, b in taken):
                quotes.append(q)
    ctx.quotes = sorted(quotes, key=lambda q: q.start)
    ctx.quoted = coverage(len(text), ctx.quotes)
