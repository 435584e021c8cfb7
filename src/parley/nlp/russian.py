"""Russian: natasha (razdel segmentation, slovnet NER and morphology, pymorphy2 lemmas).

All models ship inside the PyPI packages; nothing is downloaded at run time."""

from __future__ import annotations

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


class RussianPipeline:
    language = "ru"

    def __init__(self) -> None:
        # natasha must be imported before pymorphy2 on Python 3.11: it patches what pymorphy2 needs.
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        emb = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(emb)
        self.ner_tagger = NewsNERTagger(emb)
        self._lemmas: dict[tuple, str] = {}

    def lemma(self, word: str) -> str:
        """The dictionary form of a single word, without context."""
        forms = self.morph_vocab.parse(word)
        return forms[0].normal if forms else word.lower()

    def analyse(self, text: str) -> Analysis:
        parts = [(off, self._analyse_piece(chunk)) for off, chunk in chunk_text(text)]
        return join_analyses(text, self.language, parts)

    def _analyse_piece(self, text: str) -> Analysis:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.tag_ner(self.ner_tagger)
        tokens = []
        for t in doc.tokens:
            feats = t.feats or {}
            # The same word in the same form has the same lemma: a cache spares most of pymorphy2's work.
            key = (t.text, t.pos, tuple(sorted(feats.items())))
            lemma = self._lemmas.get(key)
            if lemma is None:
                lemma = (self.morph_vocab.lemmatize(t.text, t.pos, feats) or t.text).lower()
                if len(self._lemmas) < 200_000:
                    self._lemmas[key] = lemma
            tokens.append(Token(t.start, t.stop, t.text, lemma, t.pos or "", feats.get("Case", ""),
                                feats.get("Number", ""), feats.get("Tense", "")))
        ents = []
        for span in doc.spans:
            # Only names need their nominative form; places and organisations match on lemmas.
            if span.type == "PER":
                span.normalize(self.morph_vocab)
            ents.append(Entity(span.start, span.stop, span.type, span.text, span.normal or span.text))
        sents = split_at_lines(text, ((s.start, s.stop) for s in doc.sents))
        return Analysis(text=text, language=self.language, sentences=sents, tokens=tokens, entities=ents)

    def analyse_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Analysis]:
        for text in texts:
            yield self.analyse(text)


@register_pipeline("ru")
def russian_pipeline() -> RussianPipeline:
    return RussianPipeline()
