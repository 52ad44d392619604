"""Which key figures an article is about: the ones its summary and title carry come first.

A figure in a summary sentence or in the title, one given with its change, one that says
what it measures, and big money rank higher; a count of a few things ranks lower; the first
figures of the article win ties.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import replace

from generator.analysis.figures.units import COUNTS, CURRENCIES
from generator.data import Figure, Sentence
from generator.text import shown_alone, to_half_width

# Score of each reason a figure matters (added up).
_IN_SUMMARY = 3.0
_IN_TITLE = 2.0
_WITH_CHANGE = 1.5
_WITH_METRIC = 1.0
# Money adds up to this much, growing with the amount's order of magnitude (1 per 10^6).
_MONEY_MAX = 2.0
_MONEY_DIGITS = 6
# A count of fewer things than this is a detail ("2座工厂", "3款新机"), not what the article reports.
_FEW = 10
_FEW_PENALTY = 2.0
# Later figures lose this much per position, so the article's order breaks ties.
_POSITION_DECAY = 0.02


def rank_figures(figures: Sequence[Figure], *, title: str, summary: Sequence[Sentence], limit: int) -> list[Figure]:
    """Most important first: figures of the summary and title, with a change, big money first."""
    summary_texts = {s.text for s in summary}
    in_summary: dict[str, bool] = {}  # per sentence: an article's figures share a few sentences
    title = to_half_width(title)
    scored = []
    for position, f in enumerate(figures):
        score = 0.0
        if f.sentence not in in_summary:
            # as the summary shows it: "国巨(2327)宣布…" is summarised "国巨宣布…"
            shown = shown_alone(f.sentence)
            in_summary[f.sentence] = any(shown.endswith(t) or t in shown for t in summary_texts)
        if in_summary[f.sentence]:
            score += _IN_SUMMARY
        if title and _number_in(f.text, title):
            score += _IN_TITLE
        if f.change is not None:
            score += _WITH_CHANGE
        if f.metric:
            score += _WITH_METRIC
        if f.unit in CURRENCIES and f.value:
            score += min(_MONEY_MAX, math.log10(max(f.value, 1.0)) / _MONEY_DIGITS)
        if f.unit in COUNTS and f.value is not None and abs(f.value) < _FEW:
            score -= _FEW_PENALTY
        score -= _POSITION_DECAY * position
        scored.append((round(score, 6), position, f))
    scored.sort(key=lambda p: (-p[0], p[1]))
    seen: set[str] = set()
    out = []
    for score, _, f in scored:
        if f.text in seen:
            continue
        seen.add(f.text)
        out.append(replace(f, score=score))  # only the figures kept: a copy each costs more than the score
        if len(out) == limit:
            break
    return out


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _number_in(figure_text: str, title: str) -> bool:
    """A number of the figure is in the title (``title`` folded to half width, as the figure is here)."""
    return any(n in title for n in _NUMBER.findall(to_half_width(figure_text)))
