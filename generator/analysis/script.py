"""Traditional-script articles are analysed in simplified script and shown as written.

jieba's dictionary, the figure parser's units (個百分點, 億元, 萬) and the summariser's word
model all know simplified Chinese. A traditional article (Taiwan, Hong Kong papers) is
folded character by character (:func:`generator.text.to_simplified` keeps every offset),
analysed like any other, and each piece of text the analysis picked is cut back out of the
original at the same place: the reader sees the article's own script.
"""

from __future__ import annotations

from dataclasses import replace

from generator.data import Analysis, Article, Figure, Section
from generator.text import is_traditional, shown_alone, to_simplified


def fold(article: Article) -> Article | None:
    """The article in simplified script, or None when it is not in traditional script."""
    if not is_traditional((article.title or "") + article.body):
        return None
    return replace(
        article,
        title=to_simplified(article.title) if article.title else article.title,
        sections=tuple(
            Section(to_simplified(s.heading) if s.heading else s.heading, tuple(to_simplified(p) for p in s.paragraphs))
            for s in article.sections
        ),
    )


def restore(analysis: Analysis, original: Article) -> Analysis:
    """The analysis of a folded article, with every text in the original's script."""
    folded_body, body = analysis.article.body, original.body
    originals = {s.text: body[s.start : s.end] for s in analysis.sentences}
    return replace(
        analysis,
        article=original,
        # a proposed title may have dropped a stock code: look for it where both bodies have
        title=original.title or _back(shown_alone(folded_body), shown_alone(body), analysis.title),
        sentences=tuple(replace(s, text=body[s.start : s.end]) for s in analysis.sentences),
        summary=tuple(replace(s, text=shown_alone(body[s.start : s.end])) for s in analysis.summary),
        figures=tuple(_figure(f, originals.get(f.sentence, f.sentence)) for f in analysis.figures),
        keywords=tuple(_back(folded_body, body, k) for k in analysis.keywords),
    )


def _figure(f: Figure, sentence: str) -> Figure:
    def back(piece: str | None) -> str | None:
        return _back(f.sentence, sentence, piece) if piece else piece

    change = replace(f.change, text=back(f.change.text) or f.change.text) if f.change else None
    return replace(
        f, text=back(f.text) or f.text, sentence=sentence, metric=back(f.metric), period=back(f.period), change=change
    )


def _back(folded: str, original: str, piece: str) -> str:
    """``piece`` (found in ``folded``) as the original text has it at the same place."""
    at = folded.find(piece)
    return original[at : at + len(piece)] if at >= 0 else piece
