"""The extraction pipeline: Document -> language -> cleaned text -> analysis -> components -> Record.

Components are assembled by name (``parley.extract.COMPONENTS``); each language runs
the same list over its own analysis, so the record is the same whatever the language.
Documents are analysed in batches (the language models are much faster that way) and
records are yielded one by one, so memory stays flat however long the input stream is.
"""

from __future__ import annotations

import importlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from parley.domain.registry import get_domain
from parley.errors import Failure
from parley.extract import COMPONENTS
from parley.extract.context import DocContext
from parley.ingest.clean import clean_text
from parley.ingest.document import Document
from parley.nlp.base import Analysis, available_languages, get_pipeline
from parley.nlp.detect import MIN_LETTERS, detect_language, letters
from parley.nlp.padding import Squeezed, squeeze
from parley.record import DocumentInfo, Record

# Modules that register language pipelines and components when imported.
_PLUGINS = (
    "parley.nlp.english", "parley.nlp.russian",
    "parley.extract.components",
)
DEFAULT_COMPONENTS = (
    "gazetteer", "metadata", "people", "statements", "meetings", "agreements", "topics",
)


def _load_plugins() -> None:
    for name in _PLUGINS:
        importlib.import_module(name)


class Extractor:
    def __init__(self, components: Iterable[str] = DEFAULT_COMPONENTS, batch_size: int = 16) -> None:
        _load_plugins()
        unknown = [c for c in components if c not in COMPONENTS]
        if unknown:
            raise ValueError(f"unknown components {unknown}; available: {sorted(COMPONENTS)}")
        self.components = [COMPONENTS[c] for c in components]
        self.batch_size = batch_size
        self.domain = get_domain()

    def _context(self, document: Document, language: str, analysis: Analysis) -> DocContext:
        lemmatize = getattr(get_pipeline(language), "lemma", None)
        return DocContext(
            document=document,
            analysis=analysis,
            language=language,
            domain=self.domain,
            matchers=self.domain.matchers(language, lemmatize),
        )

    def extract(self, document: Document) -> Record:
        out = next(self.extract_many([document]))
        if isinstance(out, Failure):
            raise ValueError(f"{out.origin}: {out.reason}")
        return out

    def extract_many(self, items: Iterable[Document | Failure], copies: set[str] | None = None
                     ) -> Iterator[Record | Failure | Failure]:
        """Records in input order; read failures pass through, so a caller sees every input once.

        With ``copies`` (a set the caller keeps for the run: ``parley ingest``), a document whose
        text was extracted before in the run (a syndicated article, a page crawled again) is not
        extracted again: its record is a copy's (``copy_record``), which the store keeps as a copy
        of the document it repeats. The texts extracted are added to the set."""
        it = iter(items)
        if copies is None:
            while batch := list(islice(it, self.batch_size)):
                yield from self._batch(batch)
            return
        # A batch never holds one text twice: the second waits for the first's outcome.
        batch: list[Document | Failure] = []
        texts: set[str] = set()
        for item in it:
            sha = item.text_sha if isinstance(item, Document) else None
            if sha in texts or len(batch) >= self.batch_size:
                yield from self._batch_once(batch, copies)
                batch, texts = [], set()
            batch.append(item)
            if sha is not None:
                texts.add(sha)
        if batch:
            yield from self._batch_once(batch, copies)

    def _batch_once(self, batch: list[Document | Failure], copies: set[str]) -> Iterator[Record | Failure]:
        """``_batch``, but for the documents whose text is in ``copies``: their copy records."""
        shas = {i: item.text_sha for i, item in enumerate(batch) if isinstance(item, Document)}
        known = {i for i, sha in shas.items() if sha in copies}
        done = self._batch([item for i, item in enumerate(batch) if i not in known])
        for i, item in enumerate(batch):
            if i in known:
                assert isinstance(item, Document)
                yield copy_record(item)
                continue
            out = next(done)
            if isinstance(out, Record) and i in shas:
                copies.add(shas[i])
            yield out

    def _batch(self, batch: list[Document | Failure]) -> Iterator[Record | Failure | Failure]:
        batch = list(batch)
        prepared: dict[int, tuple[str, str]] = {}
        padded: dict[int, Squeezed] = {}
        results: dict[int, Record | Failure | Failure] = {}
        for i, item in enumerate(batch):
            if isinstance(item, Failure):
                results[i] = item
                continue
            found = item.language or detect_language(item.text)
            if found not in available_languages():
                why = _not_read(found, item.language is not None, item.text)
                results[i] = Failure(
                    item.origin, f"{why} (Parley reads: {', '.join(available_languages())})", stage="extract", name=item.name)
                continue
            item.language = lang = found
            # Extraction reads the text without the padding of spelled-out characters; the
            # record's spans are moved back to the document's text (parley.nlp.padding).
            if squeezed := squeeze(item.raw, item.text):
                padded[i] = squeezed
                batch[i] = item = replace(item, raw=squeezed.text, text=squeezed.text, notes=list(item.notes))
            prepared[i] = (lang, clean_text(item.text, lang))
        for lang in sorted({lang for lang, _ in prepared.values()}):
            idxs = [i for i, (lg, _) in prepared.items() if lg == lang]
            pipe = get_pipeline(lang)
            analyses = pipe.analyse_many((prepared[i][1] for i in idxs), batch_size=self.batch_size)
            for i, analysis in zip(idxs, analyses, strict=True):
                doc = batch[i]
                assert isinstance(doc, Document)
                try:
                    results[i] = record = self.run(self._context(doc, lang, analysis))
                    if i in padded:
                        padded[i].restore(record)
                except Exception as exc:  # one bad document must not stop the batch
                    if os.environ.get("PARLEY_DEBUG"):
                        raise
                    results[i] = Failure(doc.origin, f"extraction failed: {exc!r}", stage="extract", name=doc.name)
        for i in range(len(batch)):
            yield results[i]

    def run(self, ctx: DocContext) -> Record:
        for comp in self.components:
            comp(ctx)
        from parley.extract.assemble import assemble

        return assemble(ctx)


def copy_record(document: Document) -> Record:
    """The record of a document not extracted because an earlier one of the run had its text."""
    return Record(DocumentInfo(id=document.id, name=document.name, title=document.title, published=document.published,
                               language=document.language, source=document.source, url=document.url,
                               origin=document.origin, text_sha=document.text_sha, copy=True))


# ------------------------------------------------------------------ several processes

_WORKER: Extractor | None = None
_COPIES: set[str] = set()  # the texts this worker process extracted in its run


def _init_worker(batch_size: int) -> None:
    global _WORKER
    _WORKER = Extractor(batch_size=batch_size)


def _work(batch: list[Document | Failure], skip_copies: bool) -> list[Record | Failure | Failure]:
    assert _WORKER is not None
    return list(_WORKER.extract_many(batch, _COPIES if skip_copies else None))


def _not_read(language: str | None, given: bool, text: str) -> str:
    """Why a document in ``language`` (None: not told) is not read: a language Parley does not
    read, or a text that does not tell its language."""
    if given:
        return f"language {language} is not supported"
    n = letters(text)
    if n == 0:
        return "no words to tell the language by"
    if n < MIN_LETTERS:
        return f"too short to tell its language ({n} letter{'s' * (n != 1)}): give it with --language"
    return f"language {language} is not supported" if language else "its language could not be told: give it " \
        "with --language"


def _in_language(items: Iterable[Document | Failure], language: str) -> Iterator[Document | Failure]:
    for item in items:
        if isinstance(item, Document):
            item.language = language
        yield item


def extract_stream(
    items: Iterable[Document | Failure], batch_size: int = 16, processes: int = 1, language: str | None = None,
    skip_copies: bool = False,
) -> Iterator[Record | Failure | Failure]:
    """Extract a stream of documents, in order, in this process or in a pool of worker processes.
    ``language``: every document's language, not detected (None: each one's is detected).
    ``skip_copies``: a text extracted before in the stream is not extracted again (its record is a
    ``copy_record``; each worker process knows the texts it extracted).

    With several processes, at most ``2 * processes`` batches are in flight, so memory stays
    flat however long the stream is."""
    if language:
        items = _in_language(items, language)
    if processes <= 1:
        yield from Extractor(batch_size=batch_size).extract_many(items, set() if skip_copies else None)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    it = iter(items)
    with ProcessPoolExecutor(max_workers=processes, initializer=_init_worker, initargs=(batch_size,)) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 2 * processes and (batch := list(islice(it, batch_size))):
                pending.append(pool.submit(_work, batch, skip_copies))
            if not pending:
                break
            yield from pending.popleft().result()


# ------------------------------------------------------------------ per-stage counts


@dataclass
class StageCounts:
    """How many pages each stage saw: read, filtered (by reason), extracted, failed (by stage).

    Fed every item a run yields (a Record or anything with a Failure's ``stage``); notices that are
    not pages (a README in a folder, a second way into a directory) count as ``skipped``."""

    read: int = 0
    filtered: Counter[str] = field(default_factory=Counter)
    extracted: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    skipped: int = 0

    def see(self, item: object) -> None:
        if not isinstance(item, Failure):
            self.read += 1
            self.extracted += 1
        elif item.stage == "filter":
            self.read += 1
            self.filtered[item.reason] += 1
        elif not item.fatal:
            self.skipped += 1
        else:
            self.read += 1  # an input that could not be read was still one to read
            self.failed[item.stage] += 1

    def to_dict(self) -> dict[str, object]:
        """The counts as ``parley ingest --json`` gives them: {"read": 20000, "filtered": {"total":
        19000, "by_reason": {...}}, "extracted": 1000, "failed": {"total": 0, "by_stage": {}}, "skipped": 0}."""
        return {"read": self.read,
                "filtered": {"total": sum(self.filtered.values()), "by_reason": dict(sorted(self.filtered.items()))},
                "extracted": self.extracted,
                "failed": {"total": sum(self.failed.values()), "by_stage": dict(sorted(self.failed.items()))},
                "skipped": self.skipped}

    def summary(self) -> str:
        """One line: "read 20000 page(s); filtered 19000 (no domain vocabulary: 18990, ...); extracted
        1000; failed 0"."""
        filtered = sum(self.filtered.values())
        why = ", ".join(f"{reason}: {n}" for reason, n in sorted(self.filtered.items(), key=lambda r: (-r[1], r[0])))
        failed = sum(self.failed.values())
        where = ", ".join(f"{stage}: {n}" for stage, n in sorted(self.failed.items()))
        return (f"read {self.read} page(s); filtered {filtered}" + (f" ({why})" if why else "")
                + f"; extracted {self.extracted}; failed {failed}" + (f" ({where})" if where else ""))
