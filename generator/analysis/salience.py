"""How likely a headline or an analyst's key points are to use each word of an article.

A newsroom headline reuses a handful of the article's words: the subject named in the lead,
the words the article keeps coming back to, the figure it is about. Key points, the other
reference a briefing is read against, draw more on the sentences the rest of the article
echoes (TextRank centrality) and on what stands right before a number. Which words a
reference uses can be predicted from where and how often a word occurs, how central its
sentences are, how rare it is in Chinese at large (jieba's IDF table, not anything learned
from our data) and what kind of token it is. A small neural network over those signals gives
each distinct token a probability; a plain logistic model over the same signals does
measurably worse, because position matters differently for punctuation, names and numbers.
The summariser then looks for the sentences that cover the most probable words in the
fewest words.

Nothing here is lexical: no word list is learned, so the model carries over from the
financial wires and research notes it was fitted on (``bench/summary_fit.py``, both
development sets) to other news.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from generator.analysis.tokens import STOPWORDS, idf, is_content

FEATURES = (
    "bias", "log_count", "sentence_share", "first_seen", "first_seen_relative", "in_opening",
    "rarity", "rarity_early", "punctuation", "stopword", "digits", "latin", "length",
    "in_brackets", "opens_sentence",
    # where the token stands in its sentences
    "near_figure", "in_first_clause", "in_repeated_pair",
    # how central the sentences that use it are (TextRank)
    "centrality_best", "centrality_share",
    # the article as a whole: a long analysis is summarised differently from a short wire
    "log_sentences", "log_sentence_tokens",
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
        "bias":                (-4.0067, 0.41671, 2.1579, 5.5277, -4.8061, 0.67694, 9.1634, 0.88531,),
        "log_count":           (0.42772, 0.28807, -0.49417, -0.21587, -0.8528, -0.14748, 0.35561, 0.25055,),
        "sentence_share":      (-1.2583, 0.23669, -0.13888, -1.5786, -0.31022, 1.4466, -2.5393, -3.9167,),
        "first_seen":          (1.7945, 0.74548, -0.85784, 0.64944, 0.20373, -0.53043, -0.80539, -0.051669,),
        "first_seen_relative": (1.0041, 0.24442, -0.018593, -1.1187, -0.18023, 0.63139, -0.88175, -0.29034,),
        "in_opening":          (-0.28543, 0.38221, 0.30465, 0.3965, 0.015641, -0.36946, 0.75859, 0.29107,),
        "rarity":              (-0.46953, -0.17211, -0.80298, -0.048365, 2.0526, -0.62064, -0.19265, 0.46451,),
        "rarity_early":        (0.18791, -0.24412, -0.10241, -0.72613, -0.31873, -0.06099, 0.33261, -0.90252,),
        "punctuation":         (-1.0751, -0.035887, 3.447, 0.81132, -1.5556, -1.5579, 1.7399, 0.25959,),
        "stopword":            (1.1902, -0.94377, 0.46963, -2.5084, 0.82247, 1.3606, -0.053462, -0.79511,),
        "digits":              (0.13732, 0.36184, 1.9026, -2.8078, -0.72995, -0.57478, 0.2203, 0.43099,),
        "latin":               (0.24559, 0.77284, 1.1137, 1.1699, -0.94194, -0.14527, 1.2806, -1.9413,),
        "length":              (0.38228, -2.2258, -1.0418, -1.0775, 1.5969, 1.1163, 0.33288, 1.5855,),
        "in_brackets":         (0.10212, 0.17337, 0.43629, -0.11369, 0.55497, -0.39088, -0.36855, -0.15058,),
        "opens_sentence":      (0.2231, 0.77539, 0.45378, -0.081681, -0.042038, -0.4362, 1.2972, 0.54446,),
        "near_figure":         (0.19864, 0.030802, 0.1084, -0.3486, -0.27883, 0.045212, 0.34765, 0.67142,),
        "in_first_clause":     (-0.40323, -0.06314, -0.082692, -0.6161, 0.079453, 0.14777, 0.27212, 1.3815,),
        "in_repeated_pair":    (0.44763, 2.9417, 0.48434, 0.57669, 0.59402, 1.2126, 0.10682, 0.23079,),
        "centrality_best":     (-0.37707, -0.65644, 0.28263, -0.7516, 0.084211, 0.33581, 0.81957, -0.4908,),
        "centrality_share":    (-1.6964, -0.56869, 0.30743, 1.4228, 0.42479, -1.9034, -2.8795, -0.42834,),
        "log_sentences":       (-0.88242, -0.7453, 0.052282, -0.37323, 0.44436, 0.50618, -0.69786, -0.42692,),
        "log_sentence_tokens": (1.5266, 0.096734, -0.48577, -0.71926, 0.3076, -0.29, -1.7553, 0.014214,),
    },
    output=(-1.1008, 1.337, -1.5976, -1.0304, -1.1675, -1.1615, 0.99592, -0.76155,),
    output_bias=-3.0162,
)
# fitted: end

_PUNCTUATION = re.compile(r"^[\W_]+$")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"^[A-Za-z]")
_OPEN, _CLOSE = "(（[【", ")）]】"
_CLAUSE_END = frozenset("，,；;：:")
_TEXTRANK_DAMPING, _TEXTRANK_STEPS = 0.85, 50  # PageRank's usual damping; 50 steps settle well below 1e-6
_FIGURE_REACH = 2  # tokens: a word this close before a number names what it measures ("营收" in "营收3.2亿元")


def token_features(sentence_tokens: Sequence[Sequence[str]]) -> tuple[list[str], list[tuple[float, ...]]]:
    """The article's distinct tokens (in order of first use) and one row of ``FEATURES`` each."""
    n = len(sentence_tokens)
    count: Counter[str] = Counter()
    sentences_with: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    opens: Counter[str] = Counter()
    pairs = Counter(pair for toks in sentence_tokens for pair in pairwise(toks))
    first: dict[str, int] = {}
    bracketed: set[str] = set()
    near_figure: set[str] = set()
    first_clause: set[str] = set()
    repeated_pair: set[str] = set()
    central = centrality(sentence_tokens)
    best_central: dict[str, float] = {}
    central_share: dict[str, float] = {}
    for i, toks in enumerate(sentence_tokens):
        distinct = set(toks)
        count.update(toks)
        sentences_with.update(distinct)
        if i < 2:
            opening.update(toks)
        if toks:
            opens[toks[0]] += 1
        for t in toks:
            if t not in first:
                first[t] = i  # in order of first use
        for t in distinct:
            best_central[t] = max(best_central.get(t, 0.0), central[i])
            central_share[t] = central_share.get(t, 0.0) + central[i]
        if not distinct.isdisjoint(_OPEN):
            depth = 0
            for t in toks:
                if t in _OPEN:
                    depth += 1
                elif t in _CLOSE:
                    depth = max(0, depth - 1)
                elif depth:
                    bracketed.add(t)
        first_clause.update(toks[: next((j for j, t in enumerate(toks) if t in _CLAUSE_END), len(toks))])
        digit = [_DIGIT.search(t) is not None for t in toks]
        near_figure.update(t for j, t in enumerate(toks) if any(digit[j + 1 : j + 1 + _FIGURE_REACH]))
        for a, b in pairwise(toks):
            if len(a) > 1 and len(b) > 1 and pairs[(a, b)] > 1:
                repeated_pair.update((a, b))
    table, median = idf()
    total_central = math.fsum(central) or 1.0
    article = (math.log(max(1, n)), math.log1p(sum(count.values()) / max(1, n)))
    rows: list[tuple[float, ...]] = []
    for t, i in first.items():
        early = 1 / (1 + i)
        rarity = table.get(t, median) / 10
        rows.append((
            1.0, math.log(count[t]), sentences_with[t] / n, early, i / max(1, n - 1), math.log1p(opening[t]),
            rarity, early * rarity, float(bool(_PUNCTUATION.match(t))), float(t in STOPWORDS),
            float(bool(_DIGIT.search(t))), float(bool(_LATIN.match(t))), min(len(t), 6) / 6,
            float(t in bracketed), math.log1p(opens[t]),
            float(t in near_figure), float(t in first_clause), float(t in repeated_pair),
            best_central.get(t, 0.0), central_share.get(t, 0.0) / total_central,
            *article,
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


def centrality(sentence_tokens: Sequence[Sequence[str]]) -> list[float]:
    """TextRank of each sentence over its content words (TextRank4ZH's similarity), the most central 1.

    Key points are drawn from the sentences the rest of the article keeps echoing, which
    position alone does not find.
    """
    bags = [{t for t in toks if is_content(t)} for toks in sentence_tokens]
    n = len(bags)
    if not n:
        return []
    weight = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if len(bags[i]) > 1 and len(bags[j]) > 1 and (shared := len(bags[i] & bags[j])):
                weight[i, j] = weight[j, i] = shared / (math.log(len(bags[i])) + math.log(len(bags[j])))
    out = weight.sum(axis=1)
    walk = np.divide(weight, out[:, None], out=np.zeros_like(weight), where=out[:, None] > 0)
    rank = np.ones(n)
    for _ in range(_TEXTRANK_STEPS):
        rank = (1 - _TEXTRANK_DAMPING) + _TEXTRANK_DAMPING * (walk.T @ rank)
    return (rank / rank.max()).tolist()
