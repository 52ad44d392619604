"""The jobs the command line and the MkDocs plugin run: build the digest pages, inspect sources.

One orchestration for both: sources are read and segmented (ingest), analysed, translated
once per run over every text of every article (so the engine sees large batches and the
cache is consulted in one pass), then either rendered and written (build) or turned into
records (inspect). Sources that cannot be used are reported as :class:`Problem` (file name
and reason) and the rest goes on.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import posixpath
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.analysis_cache import AnalysisCache, source_key
from generator.config import Config, SummaryConfig, load_config
from generator.data import Analysis, ArticleDigest, Digest, Document, DocumentDigest, Dropped, SourceMeta, Translation
from generator.errors import SourceError, UserError
from generator.glossary import Glossary, load_glossary
from generator.ingest.metadata import INDEX_FILE, read_index, sidecar_paths
from generator.ingest.readers import discover_sources, read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import Segmented, single_article, split_articles
from generator.records import article_record
from generator.site.paths import HOME, SitePaths
from generator.site.render import Renderer, SiteSettings
from generator.site.write import BuildLock, write_pages

if TYPE_CHECKING:
    from generator.data import Article
    from generator.translation import Translator


@dataclass(frozen=True)
class Problem:
    """A source (or part of one) that did not make it into the output, and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class LoadResult:
    documents: list[tuple[Document, list[Article]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # per document path: source text outside every article's lines that no article holds
    dropped: dict[str, tuple[Dropped, ...]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # read past, the source still built


@dataclass
class BuildReport:
    documents: int = 0
    articles: int = 0
    sources_cached: int = 0  # sources whose analysis came from the analysis cache
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: int = 0  # texts sent for translation (unique)
    translated: int = 0  # of those, translated by the model this time
    cache_hits: int = 0
    fallbacks: int = 0
    pages_written: int = 0
    pages_removed: int = 0
    seconds: float = 0.0
    aborted: bool = False  # --strict and something was skipped: nothing written

    def summary_line(self) -> str:
        if self.aborted:
            return f"briefing: build stopped (--strict): {len(self.problems)} source(s) skipped, nothing written"
        parts = [
            f"{self.documents} document{'s' if self.documents != 1 else ''}"
            + (f" ({self.sources_cached} unchanged, from the analysis cache)" if self.sources_cached else ""),
            f"{self.articles} article{'s' if self.articles != 1 else ''}",
            f"{self.sentences} sentences to translate ({self.translated} translated, {self.cache_hits} from cache"
            + (f"; {self.fallbacks} left in Chinese because the translation failed its checks" if self.fallbacks else "")
            + ")",
            f"{self.pages_written} pages written, {self.pages_removed} removed",
        ]
        if self.problems:
            parts.append(f"{len(self.problems)} skipped")
        return f"briefing: built {', '.join(parts)} in {self.seconds:.1f}s"


def run_build(
    *,
    seeds: str | None = None,
    docs: str | None = None,
    strict: bool = False,
    translate: bool = True,
    progress: bool = True,
    use_cache: bool = True,
    root: Path | str = ".",
) -> BuildReport:
    started = time.perf_counter()
    config = _setup(root)
    seeds_dir = Path(seeds) if seeds else config.path(config.seeds)
    docs_dir = Path(docs) if docs else config.path(config.docs)
    translator = _open_translator(config) if translate else None  # fail fast, before the work
    report = BuildReport()
    lock = BuildLock(docs_dir)
    try:
        if not seeds_dir.is_dir():
            raise UserError(f"{seeds_dir}: no such folder of sources")
        lock.acquire(notify=lambda message: print(f"briefing: {message}", file=sys.stderr))
        sources = analyse_sources([seeds_dir], config, use_cache=use_cache)
        report.problems = sources.problems
        report.warnings.extend(map(str, sources.warnings))
        report.sources_cached = sources.cached
        if strict and sources.problems:
            report.aborted = True
            return report
        digest = _digest(sources, translator, progress=progress)
        if translator is not None:
            stats = translator.stats
            report.sentences, report.translated = stats.unique, stats.translated
            report.cache_hits, report.fallbacks = stats.cache_hits, stats.fallbacks
        pages = Renderer(config.path("templates"), _site_settings(config, docs_dir)).render(digest)
        if not config.site.home:
            pages = [p for p in pages if p.path != HOME]
        written = write_pages(pages, docs_dir)
        report.warnings.extend(written.warnings)
        report.documents = len(digest.documents)
        report.articles = sum(len(d.articles) for d in digest.documents)
        report.pages_written, report.pages_removed = len(written.written), len(written.removed)
    finally:
        lock.release()
        if translator is not None:
            translator.close()
        report.seconds = time.perf_counter() - started
    return report


def inspect_sources(
    paths: Sequence[str], *, translate: bool = True, single_article: bool = False, use_cache: bool = True
) -> tuple[list[dict], list[Problem], list[Problem]]:
    """Analyse ``paths``: one JSON-ready record per article, the sources skipped, and the
    warnings about sources read anyway."""
    config = _setup(".")
    translator = _open_translator(config) if translate else None
    try:
        sources = analyse_sources(list(paths), config, single=single_article, use_cache=use_cache)
        digest = _digest(sources, translator, progress=False)
    finally:
        if translator is not None:
            translator.close()
    site_paths = SitePaths(config.digest_dir, tuple(d.document.name for d in digest.documents))
    records = [article_record(d, a, paths=site_paths) for d in digest.documents for a in d.articles]
    return records, sources.problems, sources.warnings


def load_sources(paths: Sequence[Path | str], *, single: bool = False) -> LoadResult:
    """Read and segment every source under ``paths`` (files or directories), as the build
    does, without analysing the articles (for tests and the segmentation benchmark)."""
    result = LoadResult()
    jobs, result.problems, result.warnings = _jobs(paths, single)
    for job in jobs:
        found = _segmented(job)
        if isinstance(found, Problem):
            result.problems.append(found)
            continue
        document, segmented = found
        result.warnings.extend(Problem(document.path, w) for w in document.warnings)
        result.documents.append((document, segmented.articles))
        result.dropped[document.path] = segmented.dropped
    return result


def _jobs(paths: Sequence[Path | str], single: bool) -> tuple[list[_Job], list[Problem], list[Problem]]:
    """One job per source file under ``paths``, with its sources.yaml entry; the entries not
    read (skipped) and what the sources.yaml files said that could not be used (warnings)."""
    problems = [Problem(str(p), "no such file or directory") for p in paths if not Path(p).exists()]
    warnings: list[Problem] = []
    jobs: list[_Job] = []
    indexes: dict[Path, dict] = {}
    discovered = discover_sources([p for p in paths if Path(p).exists()])
    problems.extend(Problem(str(path), reason) for path, reason in discovered.skipped)
    for file in discovered.files:
        if file.parent not in indexes:
            index = file.parent / INDEX_FILE
            notes: list[str] = []
            try:
                indexes[file.parent] = read_index(file.parent, notes)
            except SourceError as exc:
                problems.append(Problem(str(index), _reason(exc, index)))
                indexes[file.parent] = {}
            warnings.extend(Problem(str(index), note) for note in notes)
        jobs.append(_Job(str(file), indexes[file.parent].get(file.name), single))
    return jobs, problems, warnings


def _segmented(job: _Job) -> tuple[Document, Segmented] | Problem:
    file = Path(job.file)
    try:
        document = read_document(file, display_path=job.file, sources_index={file.name: job.index} if job.index else None)
    except SourceError as exc:
        return Problem(job.file, _reason(exc, file))
    blocks = reflow(document)
    found = single_article(document, blocks) if job.single else split_articles(document, blocks)
    if not found.articles:
        return Problem(document.path, "no article text found")
    return document, found


def _reason(exc: SourceError, file: Path) -> str:
    """SourceError messages may already start with the path; don't repeat it."""
    text = str(exc)
    prefix = f"{file}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


@dataclass(frozen=True)
class Analysed:
    """One source, read, segmented and analysed (what the analysis cache keeps)."""

    document: Document
    analyses: tuple[Analysis, ...]
    dropped: tuple[Dropped, ...]  # its text that no article holds
    warnings: tuple[str, ...] = ()


@dataclass
class Sources:
    analysed: list[Analysed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # read past, the source still built
    cached: int = 0  # sources whose analysis came from the cache


@dataclass(frozen=True)
class _Job:
    file: str
    index: SourceMeta | None
    single: bool


# Sources analysed at once, in parallel processes, only past this much text (bytes): below
# it, starting the workers costs more than they save.
_PARALLEL_BYTES = 200_000
_MAX_WORKERS = 4
_worker_config: SummaryConfig | None = None


def analyse_sources(
    paths: Sequence[Path | str], config: Config, *, single: bool = False, use_cache: bool = True
) -> Sources:
    """Read, segment and analyse every source under ``paths``: from the analysis cache when
    nothing that affects the result changed, else in parallel processes for large inputs.
    The order of sources and articles never depends on how the work was shared."""
    result = Sources()
    jobs, result.problems, result.warnings = _jobs(paths, single)
    cache = AnalysisCache(config.path(config.analysis_cache)) if use_cache else None
    glossary = load_glossary(config.path(config.glossary))  # once: a parse per source cost 13 ms each
    try:
        keys = [_job_key(job, config, glossary) for job in jobs]
        done: dict[int, Analysed | Problem] = {}
        if cache is not None:
            for i, key in enumerate(keys):
                hit = cache.get(key)
                if isinstance(hit, Analysed):
                    done[i] = hit
        result.cached = len(done)
        todo = [i for i in range(len(jobs)) if i not in done]
        for i, outcome in zip(todo, _run_jobs([jobs[i] for i in todo], config, glossary), strict=True):
            done[i] = outcome
        if cache is not None:
            cache.put_many((keys[i], done[i]) for i in todo if isinstance(done[i], Analysed))
    finally:
        if cache is not None:
            cache.close()
    for i in range(len(jobs)):
        outcome = done[i]
        if isinstance(outcome, Problem):
            result.problems.append(outcome)
            continue
        result.warnings.extend(Problem(outcome.document.path, w) for w in outcome.warnings)
        result.analysed.append(outcome)
    return result


def _job_key(job: _Job, config: Config, glossary: Glossary) -> str:
    """Everything the analysis of a source depends on, besides the code (see analysis_cache)."""
    file = Path(job.file)
    try:
        raw = file.read_bytes()
    except OSError:
        raw = b""  # the worker reports why it cannot be read
    sidecars = b"".join(p.read_bytes() for p in sidecar_paths(file) if p.is_file() and p != file)
    return source_key(job.file, raw, sidecars, repr(job.index), repr(job.single), repr(config.summary), repr(glossary.terms))


def _run_jobs(jobs: Sequence[_Job], config: Config, glossary: Glossary) -> list[Analysed | Problem]:
    if not jobs:
        return []
    size = sum(Path(j.file).stat().st_size for j in jobs if Path(j.file).is_file())
    workers = min(_MAX_WORKERS, os.cpu_count() or 1, len(jobs))
    _init_worker(config.summary, glossary)
    if workers < 2 or size < _PARALLEL_BYTES:
        return [_analyse_source(job) for job in jobs]
    from generator.analysis import warm_up

    warm_up()  # the segmenter and the tables loaded once, shared with the workers
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(config.summary, glossary)) as pool:
        return list(pool.map(_analyse_source, jobs, chunksize=max(1, len(jobs) // (workers * 8))))


def _init_worker(summary: SummaryConfig, glossary: Glossary) -> None:
    """Set up a process that analyses sources (the analysis stage loads only when needed)."""
    from generator.analysis.tokens import use_glossary

    global _worker_config
    _worker_config = summary
    use_glossary(glossary)


def _analyse_source(job: _Job) -> Analysed | Problem:
    segmented = _segmented(job)
    if isinstance(segmented, Problem):
        return segmented
    document, found = segmented
    from generator.analysis import analyse

    assert _worker_config is not None
    analyses = tuple(analyse(article, _worker_config) for article in found.articles)
    return Analysed(document, analyses, found.dropped, tuple(document.warnings))


def _digest(sources: Sources, translator: Translator | None, *, progress: bool) -> Digest:
    """Translate what the pages need, and put each analysis with its English."""
    analysed = [(s.document, s.analyses) for s in sources.analysed]
    english: dict[tuple[str, str], Translation] | None = None
    if translator is not None:
        requests = texts_to_translate(analysed)
        translations = translator.translate(
            [text for text, _ in requests], progress=_progress_bar(len(requests), progress), currencies=[c for _, c in requests]
        )
        english = dict(zip(requests, translations, strict=True))
    return Digest(
        documents=tuple(
            DocumentDigest(
                document=s.document,
                articles=tuple(_article_digest(a, english) for a in s.analyses),
                dropped=s.dropped,
            )
            for s in sources.analysed
        ),
        model_id=translator.model_id if translator is not None else None,
    )


def texts_to_translate(analysed: Sequence[tuple[Document, Sequence[Analysis]]]) -> list[tuple[str, str]]:
    """Every text a digest needs in English, with what a bare 元 is in its article; first
    occurrence order, no duplicates."""
    seen: dict[tuple[str, str], None] = {}
    for _, analyses in analysed:
        for a in analyses:
            for text in (a.title, *(s.text for s in a.summary), *(f.metric for f in a.figures if f.metric)):
                seen.setdefault((text, a.currency), None)
    return [request for request in seen if request[0].strip()]


def _article_digest(a: Analysis, english: dict[tuple[str, str], Translation] | None) -> ArticleDigest:
    """The one place an analysis gets its English (``english`` None: built without)."""
    if english is None:
        return ArticleDigest(analysis=a, title_en=None, summary_en=None, metrics_en=None)

    def en(text: str | None) -> Translation | None:
        return english.get((text, a.currency)) if text else None

    return ArticleDigest(
        analysis=a,
        title_en=en(a.title),
        summary_en=tuple(english[s.text, a.currency] for s in a.summary),
        metrics_en=tuple(en(f.metric) for f in a.figures),
    )


def _site_settings(config: Config, docs_dir: Path) -> SiteSettings:
    @functools.cache
    def resolved(path: Path | str) -> Path:  # one page per article: each folder resolved once
        return Path(path).resolve()

    def source_link(doc: DocumentDigest, page: str) -> str:
        """The source file relative to the page's folder, as GitHub resolves a link."""
        folder = resolved(docs_dir / posixpath.dirname(page))
        return Path(os.path.relpath(resolved(doc.document.path), folder)).as_posix()

    site = config.site
    return SiteSettings(
        digest_dir=config.digest_dir,
        glossary=load_glossary(config.path(config.glossary)),
        min_tag_articles=site.min_tag_articles,
        max_tags=site.max_tags,
        feed_items=site.feed_items,
        timezone=site.timezone,
        source_link=source_link,
    )


def _setup(root: Path | str = ".") -> Config:
    config = load_config(root)
    load_glossary(config.path(config.glossary))  # a broken glossary stops the build before any work
    return config


def _open_translator(config: Config) -> Translator:
    from generator.translation import Translator

    glossary = load_glossary(config.path(config.glossary))
    return Translator.open(config.translation, glossary, config.path(config.translation.cache))


def _progress_bar(total: int, enabled: bool) -> Callable[[int], None] | None:
    """A tqdm bar on a terminal (tqdm hides itself when stderr is not one)."""
    if not enabled or total == 0:
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, desc="translating", unit="sent", file=sys.stderr, disable=None, leave=False)

    def update(n: int) -> None:
        bar.update(n)
        if bar.n >= total:
            bar.close()

    return update
