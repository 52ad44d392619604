"""The two jobs the command line (and the MkDocs hook) run: build the site pages, inspect sources."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from generator.config import Config, load_config
from generator.errors import UserError
from generator.data import Analysis, Figure, Translation
from generator.glossary import load_glossary, register_with_jieba
from generator.pipeline import (
    Problem,
    Timer,
    analyse_sources,
    assemble_digest,
    load_sources,
    texts_to_translate,
    translate_texts,
)
from generator.render import Renderer
from generator.write import write_pages


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
            + (f", {self.fallbacks} unavailable" if self.fallbacks else "")
            + ")",
            f"{self.pages_written} pages written, {self.pages_removed} removed",
        ]
        if self.problems:
            parts.append(f"{len(self.problems)} skipped")
        return f"briefing: built {', '.join(parts)} in {self.seconds:.1f}s"


def _setup(root: Path | str = ".") -> Config:
    config = load_config(root)
    register_with_jieba(load_glossary(config.path(config.glossary)))
    return config


def _open_translator(config: Config):
    from generator.translation import Translator

    glossary = load_glossary(config.path(config.glossary))
    return Translator.open(config.translation, glossary, config.path(config.translation.cache))


def run_build(
    *,
    seeds: str | None = None,
    docs: str | None = None,
    strict: bool = False,
    translate: bool = True,
    progress: bool = True,
    root: Path | str = ".",
) -> BuildReport:
    timer = Timer()
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
        analysed = analyse_sources(loaded, config)
        english = None
        model_id = None
        if translator is not None:
            texts = texts_to_translate(analysed)
            english = translate_texts(texts, translator, progress=_progress_bar(len(texts), progress))
            stats = translator.stats
            report.sentences, report.translated = len(texts), stats.translated
            report.cache_hits, report.fallbacks = stats.cache_hits, stats.fallbacks
            model_id = translator.model_id
        digest = assemble_digest(analysed, english, model_id)
        pages = Renderer(config.path("templates")).render(digest)
        written = write_pages(pages, docs_dir / config.digest_dir)
        report.warnings.extend(written.warnings)
        report.documents = len(digest.documents)
        report.articles = sum(len(d.articles) for d in digest.documents)
        report.pages_written, report.pages_removed = len(written.written), len(written.removed)
    finally:
        if translator is not None:
            translator.close()
        report.seconds = timer.seconds
    return report


def _progress_bar(total: int, enabled: bool):
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


def inspect_sources(
    paths: Sequence[str], *, translate: bool = True, single_article: bool = False
) -> tuple[list[dict], list[Problem]]:
    """Analyse ``paths`` in one process; returns one JSON-ready record per article."""
    config = _setup(".")
    translator = _open_translator(config) if translate else None
    try:
        loaded = load_sources(list(paths), single=single_article)
        analysed = analyse_sources(loaded, config)
        english = None
        if translator is not None:
            english = translate_texts(texts_to_translate(analysed), translator)
    finally:
        if translator is not None:
            translator.close()
    records = [
        _record(a, english) for _, analyses in analysed for a in analyses
    ]
    return records, loaded.problems


def _record(a: Analysis, english: dict[str, Translation] | None) -> dict:
    art = a.article

    def en(text: str | None) -> Translation | None:
        return english.get(text) if english is not None and text else None

    title_en = en(art.title)
    summary_en = [english[s.text] for s in a.summary] if english is not None else None
    return {
        "source": art.source,
        "title": art.title,
        "title_en": title_en.text if title_en else None,
        "title_generated": art.title_generated,
        "kind": art.kind,
        "body": art.body,
        "summary_zh": [s.text for s in a.summary],
        "summary_en": [t.text for t in summary_en] if summary_en is not None else None,
        "translation_quality": [asdict(t.quality) for t in summary_en] if summary_en is not None else None,
        "figures": [_figure(f, en(f.metric)) for f in a.figures],
        "keywords": list(a.keywords),
        "span": list(art.span),
        "byline": list(art.byline),
        "sections": art.section_heads,
        "publication": art.meta.publication,
        "date": art.meta.date,
        "url": art.meta.url,
    }


def _figure(f: Figure, metric_en: Translation | None) -> dict:
    return {
        "text": f.text,
        "value": f.value,
        "unit": f.unit,
        "en": f.en,
        "metric": f.metric,
        "metric_en": metric_en.text if metric_en else None,
        "change": asdict(f.change) if f.change else None,
        "approx": f.approx,
        "upper": f.upper,
        "period": f.period,
        "sentence": f.sentence,
    }
