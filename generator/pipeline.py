"""Wires the stages: sources → documents → articles → analyses → translations → digest.

Translation happens once per build over every text of every article, so the engine sees
large batches and the cache is consulted in one pass. Sources that cannot be used are
reported as :class:`Problem` (file name and reason) and the rest of the build goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.analyse import analyse
from generator.config import Config
from generator.data import (
    Analysis,
    Article,
    ArticleDigest,
    Digest,
    Document,
    DocumentDigest,
    Translation,
)
from generator.read import SourceError, discover_sources, load_sources_index, read_document
from generator.reflow import reflow
from generator.segment import segment, single_article


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


def load_sources(paths: Sequence[Path | str], *, single: bool = False) -> LoadResult:
    """Read and segment every source under ``paths`` (files or directories)."""
    result = LoadResult()
    files, missing = discover_sources_checked(paths)
    result.problems.extend(missing)
    indexes: dict[Path, dict] = {}
    for file in files:
        directory = file.parent
        if directory not in indexes:
            try:
                indexes[directory] = load_sources_index(directory)
            except SourceError as exc:
                result.problems.append(Problem(str(directory / "sources.yaml"), str(exc)))
                indexes[directory] = {}
        try:
            document = read_document(file, display_path=str(file), sources_index=indexes[directory])
        except SourceError as exc:
            result.problems.append(Problem(str(file), _reason(exc, file)))
            continue
        for warning in document.warnings:
            result.problems.append(Problem(document.path, warning))
        blocks = reflow(document)
        articles = single_article(document, blocks) if single else segment(document, blocks)
        if not articles:
            result.problems.append(Problem(document.path, "no article text found"))
            continue
        result.documents.append((document, articles))
    return result


def discover_sources_checked(paths: Sequence[Path | str]) -> tuple[list[Path], list[Problem]]:
    problems = [Problem(str(p), "no such file or directory") for p in paths if not Path(p).exists()]
    files = discover_sources([p for p in paths if Path(p).exists()])
    return files, problems


def _reason(exc: SourceError, file: Path) -> str:
    """SourceError messages may already start with the path; don't repeat it."""
    text = str(exc)
    prefix = f"{file}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def analyse_sources(loaded: LoadResult, config: Config) -> list[tuple[Document, list[Analysis]]]:
    return [
        (document, [analyse(article, config.summary) for article in articles])
        for document, articles in loaded.documents
    ]


def texts_to_translate(analysed: Sequence[tuple[Document, Sequence[Analysis]]]) -> list[str]:
    """Every text a digest needs in English, first occurrence order, no duplicates."""
    seen: dict[str, None] = {}
    for _, analyses in analysed:
        for a in analyses:
            seen.setdefault(a.article.title, None)
            for s in a.summary:
                seen.setdefault(s.text, None)
            for f in a.figures:
                if f.metric:
                    seen.setdefault(f.metric, None)
    return [t for t in seen if t.strip()]


def assemble_digest(
    analysed: Sequence[tuple[Document, Sequence[Analysis]]],
    english: dict[str, Translation] | None,
    model_id: str | None = None,
) -> Digest:
    """Attach translations to analyses; ``english`` None means built without translation."""

    def en(text: str | None) -> Translation | None:
        if english is None or not text:
            return None
        return english.get(text)

    documents = []
    for document, analyses in analysed:
        articles = []
        for a in analyses:
            articles.append(
                ArticleDigest(
                    analysis=a,
                    title_en=en(a.article.title),
                    summary_en=None if english is None else tuple(english[s.text] for s in a.summary),
                    metrics_en=None if english is None else tuple(en(f.metric) for f in a.figures),
                )
            )
        documents.append(DocumentDigest(document=document, articles=tuple(articles)))
    return Digest(documents=tuple(documents), model_id=model_id)


def translate_texts(
    texts: Sequence[str],
    translator,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Translation]:
    translations = translator.translate(list(texts), progress=progress)
    return {t: tr for t, tr in zip(texts, translations)}


@dataclass
class Timer:
    start: float = field(default_factory=time.perf_counter)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start
