"""Key figures: the numbers an article is about, as structured facts with house-style English.

Parsing (:mod:`.parse`, units in :mod:`.units`), English (:mod:`.english`) and ranking
(:mod:`.rank`) are separate steps; :func:`extract_figures` is the first two. The analysis
parses, ranks, then writes English (:func:`in_english`) for the figures it keeps only: an
article has about twice as many figures as its page shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.analysis.figures.english import render_en
from generator.analysis.figures.parse import parse_figures
from generator.analysis.figures.rank import rank_figures
from generator.data import Figure, Sentence

__all__ = ["extract_figures", "figure_sentences", "in_english", "parse_figures", "rank_figures", "render_en"]


def extract_figures(sentences: Sequence[Sentence]) -> list[Figure]:
    """Every figure of the sentences, in text order, each with its English."""
    return in_english(parse_figures(sentences))


def in_english(figures: Sequence[Figure]) -> list[Figure]:
    """The figures, each with its house-style English."""
    return [replace(f, en=render_en(f)) for f in figures]


def figure_sentences(sentences: Sequence[Sentence], figures: Sequence[Figure]) -> set[int]:
    """Indices of the sentences that carry one of ``figures`` (the summariser favours them)."""
    texts = {f.sentence for f in figures}
    return {i for i, s in enumerate(sentences) if s.text in texts}
