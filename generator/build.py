"""The jobs the command line and the MkDocs plugin run: build the digest pages, inspect sources.

One orchestration for both: sources are read and segmented (ingest), analysed, translated
once per run over every text of every article (so the engine sees large batches and the
cache is consulted in one pass), then either rendered and written (build) or turned into
records (inspect). Sources that cannot be used are reported as :class:`Problem` (file name
and reason) and the rest goes on.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.analysis import analyse
from generator.analysis.tokens import use_glossary
from generator.config import Config, load_config
from generator.data import Analysis, ArticleDigest, Digest, Document, DocumentDigest, Dropped, Translation
from generator.errors import SourceError, UserError
from generator.glossary import load_glossary
from generator.ingest.metadata import INDEX_FILE, read_index
from generator.ingest.readers import discover_sources, read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import single_article, split_articles
from generator.records import article_record
from generator.site.paths import HOME, SitePaths
from generator.site.render import Renderer, SiteSettings
from generator.site.write import write_pages

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


@dataclass
class BuildReport:
    documents: int = 0
    articles: int = 0
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
            f"{self.documents} document{'s' if self.documents != 1 else ''}",
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
    root: Path | str = ".",
) -> BuildReport:
    started = time.perf_counter()
    config = _setup(root)
    seeds_dir = Path(seeds) if seeds else config.path(config.seeds)
    docs_dir = Path(docs) if docs else config.path(config.docs)
    translator = _open_translator(config) if translate else None  # fail fast, before the work
    report = BuildReport()
    try:
        if not seeds_dir.is_dir():
            raise UserError(f"{seeds_dir}: no such folder of sources")
        loaded = load_sources([seeds_dir])
        report.problems = loaded.problems
        if strict and loaded.problems:
            report.aborted = True
            return report
        digest = _digest(loaded, config, translator, progress=progress)
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
        if translator is not None:
            translator.close()
        report.seconds = time.perf_counter() - started
    return report


def inspect_sources(
    paths: Sequence[str], *, translate: bool = True, single_article: bool = False
) -> tuple[list[dict], list[Problem]]:
    """Analyse ``paths`` in one process; returns one JSON-ready record per article."""
    config = _setup(".")
    translator = _open_translator(config) if translate else None
    try:
        loaded = load_sources(list(paths), single=single_article)
        digest = _digest(loaded, config, translator, progress=False)
    finally:
        if translator is not None:
            translator.close()
    site_paths = SitePaths(config.digest_dir, tuple(d.document.name for d in digest.documents))
    records = [article_record(d, a, paths=site_paths) for d in digest.documents for a in d.articles]
    return records, loaded.problems


def load_sources(paths: Sequence[Path | str], *, single: bool = False) -> LoadResult:
    """Read and segment every source under ``paths`` (files or directories)."""
    result = LoadResult()
    result.problems.extend(Problem(str(p), "no such file or directory") for p in paths if not Path(p).exists())
    files = discover_sources([p for p in paths if Path(p).exists()])
    indexes: dict[Path, dict] = {}
    for file in files:
        directory = file.parent
        if directory not in indexes:
            try:
                indexes[directory] = read_index(directory)
            except SourceError as exc:
                result.problems.append(Problem(str(directory / INDEX_FILE), str(exc)))
                indexes[directory] = {}
        try:
            document = read_document(file, display_path=str(file), sources_index=indexes[directory])
        except SourceError as exc:
            result.problems.append(Problem(str(file), _reason(exc, file)))
            continue
        for warning in document.warnings:
            result.problems.append(Problem(document.path, warning))
        blocks = reflow(document)
        found = single_article(document, blocks) if single else split_articles(document, blocks)
        if not found.articles:
            result.problems.append(Problem(document.path, "no article text found"))
            continue
        result.documents.append((document, found.articles))
        result.dropped[document.path] = found.dropped
    return result


def _reason(exc: SourceError, file: Path) -> str:
    """SourceError messages may already start with the path; don't repeat it."""
    text = str(exc)
    prefix = f"{file}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def _digest(loaded: LoadResult, config: Config, translator: Translator | None, *, progress: bool) -> Digest:
    """Analyse every article, translate what the pages need, and put each with its English."""
    analysed = [
        (document, [analyse(article, config.summary) for article in articles])
        for document, articles in loaded.documents
    ]
    english: dict[str, Translation] | None = None
    if translator is not None:
        texts = texts_to_translate(analysed)
        translations = translator.translate(texts, progress=_progress_bar(len(texts), progress))
        english = dict(zip(texts, translations, strict=False))
    return Digest(
        documents=tuple(
            DocumentDigest(
                document=document,
                articles=tuple(_article_digest(a, english) for a in analyses),
                dropped=loaded.dropped.get(document.path, ()),
            )
            for document, analyses in analysed
        ),
        model_id=translator.model_id if translator is not None else None,
    )


def texts_to_translate(analysed: Sequence[tuple[Document, Sequence[Analysis]]]) -> list[str]:
    """Every text a digest needs in English, first occurrence order, no duplicates."""
    seen: dict[str, None] = {}
    for _, analyses in analysed:
        for a in analyses:
            seen.setdefault(a.title, None)
            for s in a.summary:
                seen.setdefault(s.text, None)
            for f in a.figures:
                if f.metric:
                    seen.setdefault(f.metric, None)
    return [t for t in seen if t.strip()]


def _article_digest(a: Analysis, english: dict[str, Translation] | None) -> ArticleDigest:
    """The one place an analysis gets its English (``english`` None: built without)."""
    if english is None:
        return ArticleDigest(analysis=a, title_en=None, summary_en=None, metrics_en=None)

    def en(text: str | None) -> Translation | None:
        return english.get(text) if text else None

    return ArticleDigest(
        analysis=a,
        title_en=en(a.title),
        summary_en=tuple(english[s.text] for s in a.summary),
        metrics_en=tuple(en(f.metric) for f in a.figures),
    )


def _site_settings(config: Config, docs_dir: Path) -> SiteSettings:
    def source_link(doc: DocumentDigest, page: str) -> str:
        """The source file relative to the page's folder, as GitHub resolves a link."""
        folder = (docs_dir / page).parent.resolve()
        return Path(os.path.relpath(Path(doc.document.path).resolve(), folder)).as_posix()

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
    use_glossary(load_glossary(config.path(config.glossary)))
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
