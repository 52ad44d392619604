"""How likely an editor's headline is to use each word of an article.

A newsroom headline reuses a handful of the article's words: the subject named in the lead,
the words the article keeps coming back to, the figure it is about. Which ones can be
predicted from where and how often a word occurs, how rare it is in Chinese at large
(jieba's IDF table, not anything learned from our data) and what kind of token it is. A
small neural network over those signals gives each distinct token a probability; a plain
logistic model over the same signals does measurably worse, because position matters
differently for punctuation, names and numbers. The summariser then looks for the sentences
that cover the most probable words in the fewest words.

Nothing here is lexical: no word list is learned, so the model carries over from the
financial wires it was fitted on (``bench/summary_fit.py``) to other news.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from generator.analysis.tokens import STOPWORDS, idf

FEATURES = (
    "bias", "log_count", "sentence_share", "first_seen", "first_seen_relative", "in_opening",
    "rarity", "rarity_early", "punctuation", "stopword", "digits", "latin", "length",
    "in_brackets", "opens_sentence",
)


@dataclass(frozen=True)
class WordModel:
    """A small neural network: ``FEATURES`` → a layer of tanh units → the probability."""

    hidden: dict[str, tuple[float, ...]]  # per feature, its weight into each hidden unit
    output: tuple[float, ...]  # per hidden unit, its weight into the output
    output_bias: float

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        if not rows:
            return []
        layer = np.array([self.hidden[name] for name in FEATURES])
        z = np.tanh(np.array(rows) @ layer) @ np.array(self.output) + self.output_bias
        return (1 / (1 + np.exp(-np.clip(z, -50, 50)))).tolist()


# Fitted by ``python bench/summary_fit.py`` on the tune half of the development data (does
# the newsroom headline use the token?); ``--write`` rewrites everything between the markers.
# fitted: begin
FITTED = WordModel(
    hidden={
        "bias":                (0.31837, -1.0199, 2.1683, 2.7347, -1.7482, -1.3499, 0.36666, -2.3777,),
        "log_count":           (0.18411, 0.08685, -0.48054, -0.24838, -0.61746, -0.13684, -0.45357, -0.15935,),
        "sentence_share":      (0.21082, 0.46819, -2.3695, 0.20374, -1.7236, -0.13478, -0.6884, 2.2737,),
        "first_seen":          (2.1504, 0.10445, 0.5043, 0.23638, 0.76475, 0.23231, 0.96125, 0.74798,),
        "first_seen_relative": (-0.4073, -0.51739, -0.59271, 0.11068, 0.16787, -0.081167, 0.65152, 1.8075,),
        "in_opening":          (-1.2026, 0.72885, 0.12838, 0.62617, -0.95305, -0.052577, -0.51344, 0.92656,),
        "rarity":              (-0.71325, 1.9921, -0.943, -1.571, 1.3264, -0.41819, -0.16256, -0.34938,),
        "rarity_early":        (1.3819, 0.299, -0.97703, -0.91016, 0.17467, -0.45335, 0.90103, 0.3949,),
        "punctuation":         (0.72735, 0.8751, 2.5687, 1.8233, 3.979, -0.68792, 0.2692, 2.4124,),
        "stopword":            (-1.2319, -1.0169, -1.0147, -1.0359, 0.47766, 1.4798, -0.54677, 1.7161,),
        "digits":              (-0.078216, -1.338, 0.28247, 1.0141, -1.3571, -0.076855, -0.76704, 0.52763,),
        "latin":               (-0.52568, 0.63886, 2.0051, 2.0875, -0.2358, -1.7111, -0.45533, -0.022312,),
        "length":              (-0.23263, -1.0081, -0.13975, -4.9049, 1.5911, 6.2945, 0.7093, 0.12577,),
        "in_brackets":         (0.014175, -1.0457, 0.10187, -0.66575, 0.99433, -0.18583, -0.46202, -1.3034,),
        "opens_sentence":      (-0.3877, -0.47367, 2.9255, 0.63014, 0.067005, -0.20064, -0.48501, -0.28319,),
    },
    output=(1.0771, 0.94088, 0.85658, -1.1227, -1.2131, -0.97492, -1.2637, 0.88734,),
    output_bias=-3.6933,
)
# fitted: end

_PUNCTUATION = re.compile(r"^[\W_]+$")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"^[A-Za-z]")
_OPEN, _CLOSE = "(（[【", ")）]】"


def token_features(sentence_tokens: Sequence[Sequence[str]]) -> tuple[list[str], list[tuple[float, ...]]]:
    """The article's distinct tokens (in order of first use) and one row of ``FEATURES`` each."""
    n = len(sentence_tokens)
    count: Counter[str] = Counter()
    sentences_with: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    opens: Counter[str] = Counter()
    first: dict[str, int] = {}
    bracketed: set[str] = set()
    for i, toks in enumerate(sentence_tokens):
        count.update(toks)
        sentences_with.update(set(toks))
        if i < 2:
            opening.update(toks)
        if toks:
            opens[toks[0]] += 1
        depth = 0
        for t in toks:
            first.setdefault(t, i)
            if t in _OPEN:
                depth += 1
            elif t in _CLOSE:
                depth = max(0, depth - 1)
            elif depth:
                bracketed.add(t)
    table, median = idf()
    rows: list[tuple[float, ...]] = []
    for t, i in first.items():
        early = 1 / (1 + i)
        rarity = table.get(t, median) / 10
        rows.append((
            1.0, math.log(count[t]), sentences_with[t] / n, early, i / max(1, n - 1), math.log1p(opening[t]),
            rarity, early * rarity, float(bool(_PUNCTUATION.match(t))), float(t in STOPWORDS),
            float(bool(_DIGIT.search(t))), float(bool(_LATIN.match(t))), min(len(t), 6) / 6,
            float(t in bracketed), math.log1p(opens[t]),
        ))
    return list(first), rows


def headline_probabilities(
    sentence_tokens: Sequence[Sequence[str]], model: WordModel = FITTED
) -> dict[str, float]:
    """P(a headline written for this article uses the token), for every token of the article.

    A fresh dict each call; the model runs once per article however many stages ask (the
    title and the summary both do).
    """
    key = tuple(tuple(t) for t in sentence_tokens)
    return dict(_fitted_probabilities(key) if model is FITTED else _probabilities(key, model))


@lru_cache(maxsize=8)
def _fitted_probabilities(sentence_tokens: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, float], ...]:
    return _probabilities(sentence_tokens, FITTED)


def _probabilities(sentence_tokens: Sequence[Sequence[str]], model: WordModel) -> tuple[tuple[str, float], ...]:
    found, rows = token_features(sentence_tokens)
    return tuple(zip(found, model.probabilities(rows), strict=True))
