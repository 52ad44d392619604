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
        "bias":                (-1.4112, 0.76933, 6.5773, 0.57645, -0.45397, -13.347, 2.3888, -0.048194,),
        "log_count":           (0.49015, 0.16332, 0.21826, -0.68966, -0.92985, 0.11872, 0.23231, 0.25333,),
        "sentence_share":      (-3.336, 0.40689, 0.40186, -0.9289, -1.169, 0.56056, -2.1388, -0.50735,),
        "first_seen":          (1.4037, 1.1612, -0.10552, 0.40786, -0.90595, 1.4928, -0.35494, -0.073053,),
        "first_seen_relative": (-0.54023, -0.069424, -0.049105, 0.23547, -0.64697, 1.7343, -0.45463, -0.29648,),
        "in_opening":          (0.053364, 0.24295, 0.50599, 0.12513, 0.38544, -0.55046, -0.040834, -1.014,),
        "rarity":              (-0.23286, 0.053375, -1.6111, -0.28269, 0.46434, 0.0016563, -1.6976, -0.066554,),
        "rarity_early":        (-0.23414, -1.098, -1.2132, -0.24286, -0.22339, -0.44186, 0.64053, 0.30035,),
        "punctuation":         (-0.73711, -0.080529, 2.4785, 2.0081, -0.98437, -2.1769, 1.1561, -1.2067,),
        "stopword":            (1.8408, -0.93287, -1.1879, -1.1178, 1.4369, 0.14113, 0.38544, 1.1276,),
        "digits":              (2.215, 0.44625, -1.1908, -1.3714, 1.0461, -0.19559, 0.18573, -0.093634,),
        "latin":               (0.69388, 1.4463, 1.9289, -1.2036, 0.51438, -0.58691, -0.18339, -0.12378,),
        "length":              (0.046134, -2.5035, -3.2211, 1.9357, -0.12415, 0.69038, 0.47059, 0.33023,),
        "in_brackets":         (0.18278, 0.071404, -0.29849, 0.17994, 0.52965, 0.48272, 0.17649, 0.22443,),
        "opens_sentence":      (-0.10816, 0.56411, 0.37799, -0.016002, 0.73702, -0.3998, 1.1726, -0.08222,),
        "near_figure":         (0.064511, -0.037491, 0.2887, -0.53413, 0.028046, -0.34255, -0.20556, 0.56242,),
        "in_first_clause":     (-0.45127, -0.27846, -0.14745, 0.41993, 0.25159, -0.434, 0.87792, 0.52757,),
        "in_repeated_pair":    (0.34069, 2.2508, -0.32145, 1.1745, 0.79862, -0.12218, 0.32237, 1.2222,),
        "centrality_best":     (-0.23928, -0.35115, -0.093941, -0.33147, 0.23752, -0.69918, 0.43309, 0.2211,),
        "centrality_share":    (-0.85792, -0.63284, 0.015329, 1.3603, 0.21273, 0.93787, -0.21946, -2.4303,),
        "log_sentences":       (-1.0528, -0.59546, -0.65405, 0.29879, 0.076371, -0.18796, -0.68317, -0.13613,),
        "log_sentence_tokens": (1.2029, 0.045931, -0.90853, -0.36048, 0.012265, 3.2922, 0.15667, 0.26573,),
    },
    output=(-0.90245, 1.3725, -1.2739, -1.3941, -1.1596, -0.86486, 1.1957, -1.0036,),
    output_bias=-3.1821,
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
    pairs = Counter(pair for toks in sentence_tokens for pair in zip(toks, toks[1:], strict=False))
    first: dict[str, int] = {}
    bracketed: set[str] = set()
    near_figure: set[str] = set()
    first_clause: set[str] = set()
    repeated_pair: set[str] = set()
    central = centrality(sentence_tokens)
    best_central: dict[str, float] = {}
    central_share: Counter[str] = Counter()
    for i, toks in enumerate(sentence_tokens):
        count.update(toks)
        sentences_with.update(set(toks))
        if i < 2:
            opening.update(toks)
        if toks:
            opens[toks[0]] += 1
        for t in set(toks):
            best_central[t] = max(best_central.get(t, 0.0), central[i])
            central_share[t] += central[i]
        depth = 0
        in_first = True
        for j, t in enumerate(toks):
            first.setdefault(t, i)
            if t in _OPEN:
                depth += 1
            elif t in _CLOSE:
                depth = max(0, depth - 1)
            elif depth:
                bracketed.add(t)
            in_first = in_first and t not in _CLAUSE_END
            if in_first:
                first_clause.add(t)
            if any(_DIGIT.search(u) for u in toks[j + 1 : j + 1 + _FIGURE_REACH]):
                near_figure.add(t)
            if j and len(t) > 1 and len(toks[j - 1]) > 1 and pairs[(toks[j - 1], t)] > 1:
                repeated_pair.update((toks[j - 1], t))
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
            best_central.get(t, 0.0), central_share[t] / total_central,
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
