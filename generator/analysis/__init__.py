"""Analyse stage: one article in, its title, sentences, summary, key figures and keywords out.

The body is split once (the program's one splitter) and every analysis works on those
sentences, so summary, figures and translation agree on sentence boundaries. The article's
title is decided here: the headline as printed, or, when the page printed none, one
proposed from the body (:mod:`~generator.analysis.titles`). Traditional-script articles
are analysed in simplified script and shown in their own (:mod:`~generator.analysis.script`).
"""

from __future__ import annotations

from dataclasses import replace

from generator.analysis.figures import figure_sentences, in_english, parse_figures, rank_figures
from generator.analysis.figures.units import home_currency
from generator.analysis.keywords import extract_keywords
from generator.analysis.script import fold, restore
from generator.analysis.sentences import split_sentences
from generator.analysis.summarise import summarise
from generator.analysis.titles import propose_title
from generator.analysis.tokens import warm_up as _warm_up_tokens
from generator.config import SummaryConfig
from generator.data import Analysis, Article
from generator.text import load_tables, shown_alone


def warm_up() -> None:
    """Load every table the analysis reads (the segmenter, jieba's tables, the script
    foldings, the numeral converter) now: before worker processes fork, so they share them
    instead of each building its own."""
    import cn2an  # noqa: F401  (numerals imports it on first use; a large input will use it)

    _warm_up_tokens()
    load_tables()


def analyse(article: Article, config: SummaryConfig) -> Analysis:
    folded = fold(article)
    currency = article.meta.currency or home_currency((folded or article).body, traditional=folded is not None)
    analysis = (
        restore(_analyse(folded, config, currency), article) if folded is not None else _analyse(article, config, currency)
    )
    # a figure's label is shown on its own, in a table or under a headline, as a summary is:
    # "宏达电(2498)今(2)日公布营收" reads "宏达电2日公布营收" (in the article's own script, so
    # after ``restore``, which finds labels where the sentence has them)
    shown = [shown_alone(f.metric) if f.metric else f.metric for f in analysis.figures]
    if all(s == f.metric for s, f in zip(shown, analysis.figures, strict=True)):
        return analysis  # most articles: no label has a code, a date set aside or a pointer
    figures = tuple(f if s == f.metric else replace(f, metric=s or None) for s, f in zip(shown, analysis.figures, strict=True))
    return replace(analysis, figures=figures)


def _analyse(article: Article, config: SummaryConfig, currency: str) -> Analysis:
    sentences = split_sentences(article.body)
    title = article.title or propose_title(sentences)
    keywords = extract_keywords(sentences, title=title, printed=article.title is not None, limit=config.max_keywords)
    figures = parse_figures(sentences, currency=currency)
    summary = summarise(
        sentences,
        # a title proposed from the body is no editor's word: fed back, it pulls the summary
        # onto the clause it was cut from (issue 14: -1.6 ROUGE-1 against headlines)
        title=article.title or "",
        figure_sentences=figure_sentences(sentences, figures),
        config=config,
    )
    ranked = in_english(rank_figures(figures, title=title, summary=summary, limit=config.max_figures))
    return Analysis(
        article=article,
        title=title,
        title_generated=article.title is None,
        sentences=tuple(sentences),
        summary=tuple(summary),
        figures=tuple(ranked),
        keywords=tuple(keywords),
        currency=currency,
    )
