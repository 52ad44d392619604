"""Analyse stage: one article in, its sentences, summary, key figures and keywords out.

The body is split once (the program's one splitter) and every analysis works on those
sentences, so summary, figures and translation agree on sentence boundaries.
"""

from __future__ import annotations

from dataclasses import replace

from generator.config import SummaryConfig
from generator.data import Analysis, Article
from generator.figures import extract_figures, figure_sentences, rank_figures
from generator.keywords import extract_keywords
from generator.sentences import split_sentences
from generator.summarise import summarise
from generator.titles import propose_title


def analyse(article: Article, config: SummaryConfig) -> Analysis:
    sentences = split_sentences(article.body)
    if article.title_generated and sentences:
        article = replace(article, title=propose_title(sentences))
    keywords = extract_keywords(article.body, title=article.title, limit=config.max_keywords)
    figures = extract_figures(sentences)
    summary = summarise(
        sentences,
        title=article.title,
        figure_sentences=figure_sentences(sentences, figures),
        config=config,
    )
    ranked = rank_figures(figures, title=article.title, summary=summary, limit=config.max_figures)
    return Analysis(
        article=article,
        sentences=tuple(sentences),
        summary=tuple(summary),
        figures=tuple(ranked),
        keywords=tuple(keywords),
    )
