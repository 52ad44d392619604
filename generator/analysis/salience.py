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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat

import numpy as np

from generator.analysis.tokens import STOPWORDS, is_content, rarity

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

    @cached_property
    def _arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array([self.hidden[name] for name in FEATURES]), np.array(self.output)

    def probabilities(self, rows: np.ndarray | Sequence[Sequence[float]]) -> list[float]:
        if len(rows) == 0:
            return []
        layer, output = self._arrays
        z = np.tanh(np.asarray(rows, dtype=float) @ layer) @ output + self.output_bias
        return (1 / (1 + np.exp(-np.clip(z, -50, 50)))).tolist()


# Fitted by ``python bench/summary_fit.py`` on the tune half of the development data (does
# the newsroom headline use the token?); ``--write`` rewrites everything between the markers.
# fitted: begin
FITTED = WordModel(
    hidden={
        "bias":                (-4.0414, 0.43898, 2.1684, 5.5517, -4.8224, 0.70026, 9.1896, 0.8675,),
        "log_count":           (0.42651, 0.28912, -0.49616, -0.21717, -0.85343, -0.14868, 0.35647, 0.24994,),
        "sentence_share":      (-1.2658, 0.24101, -0.14357, -1.584, -0.31424, 1.4413, -2.547, -3.9325,),
        "first_seen":          (1.7982, 0.74293, -0.85593, 0.65569, 0.20676, -0.52982, -0.80625, -0.047952,),
        "first_seen_relative": (1.0026, 0.24417, -0.017137, -1.1219, -0.18079, 0.6311, -0.88235, -0.28933,),
        "in_opening":          (-0.28347, 0.38443, 0.30562, 0.40209, 0.016012, -0.37139, 0.76323, 0.29051,),
        "rarity":              (-0.47034, -0.17057, -0.80381, -0.051539, 2.0581, -0.62577, -0.19359, 0.46427,),
        "rarity_early":        (0.1864, -0.2439, -0.10673, -0.72523, -0.31875, -0.065156, 0.33688, -0.90586,),
        "punctuation":         (-1.0767, -0.043039, 3.4654, 0.81434, -1.5675, -1.554, 1.7389, 0.26359,),
        "stopword":            (1.1963, -0.94197, 0.47134, -2.5176, 0.81995, 1.3681, -0.05495, -0.80316,),
        "digits":              (0.13747, 0.36755, 1.9206, -2.821, -0.73238, -0.58234, 0.22216, 0.43174,),
        "latin":               (0.24844, 0.77169, 1.1198, 1.1723, -0.94261, -0.1409, 1.2742, -1.9508,),
        "length":              (0.3847, -2.2226, -1.0441, -1.0818, 1.5986, 1.1217, 0.336, 1.5973,),
        "in_brackets":         (0.10803, 0.17375, 0.43921, -0.11271, 0.55687, -0.39005, -0.37165, -0.14962,),
        "opens_sentence":      (0.22699, 0.7791, 0.45746, -0.080913, -0.040824, -0.43532, 1.298, 0.54723,),
        "near_figure":         (0.19969, 0.028965, 0.10933, -0.34931, -0.27776, 0.045992, 0.34886, 0.67714,),
        "in_first_clause":     (-0.40707, -0.063215, -0.08084, -0.61927, 0.079857, 0.14769, 0.27174, 1.3913,),
        "in_repeated_pair":    (0.45007, 2.9462, 0.48747, 0.57929, 0.59508, 1.2196, 0.10583, 0.23471,),
        "centrality_best":     (-0.37726, -0.65954, 0.28408, -0.75545, 0.08454, 0.33596, 0.82062, -0.49443,),
        "centrality_share":    (-1.6969, -0.57148, 0.30769, 1.4247, 0.42834, -1.9033, -2.89, -0.43139,),
        "log_sentences":       (-0.88579, -0.74872, 0.050901, -0.37519, 0.44548, 0.50391, -0.69477, -0.4244,),
        "log_sentence_tokens": (1.5387, 0.09189, -0.48886, -0.72241, 0.30937, -0.29267, -1.764, 0.017293,),
    },
    output=(-1.0922, 1.3292, -1.5863, -1.0209, -1.1642, -1.1556, 0.99101, -0.75513,),
    output_bias=-3.0181,
)
# fitted: end

_PUNCTUATION = re.compile(r"^[\W_]+$")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"^[A-Za-z]")
_OPEN, _CLOSE = "(（[【", ")）]】"
_CLAUSE_END = frozenset("，,；;：:")
_TEXTRANK_DAMPING, _TEXTRANK_STEPS = 0.85, 50  # PageRank's usual damping; 50 steps settle well below 1e-6
_FIGURE_REACH = 2  # tokens: a word this close before a number names what it measures ("营收" in "营收3.2亿元")

# What a token is, whatever article it stands in: the model's per-token features
# (rarity … length, in ``FEATURES`` order) and the kinds the per-article features look for.
_RARITY, _LENGTH = 0, 5  # the model's columns: rarity, punctuation, stopword, digits, latin, length
_DIGITS, _CONTENT, _ENDS_CLAUSE, _LONG, _OPENS, _CLOSES = 3, 6, 7, 8, 9, 10


def _kind(token: str) -> tuple[float, ...]:
    return (
        rarity(token) / 10, float(bool(_PUNCTUATION.match(token))), float(token in STOPWORDS),
        float(bool(_DIGIT.search(token))), float(bool(_LATIN.match(token))), min(len(token), 6) / 6,
        float(is_content(token)), float(token in _CLAUSE_END), float(len(token) > 1),
        float(token in _OPEN), float(token in _CLOSE),
    )


class _Vocabulary:
    """Every token met so far, numbered, with its ``_kind`` row: an article's kinds are then
    one array lookup, not a Python call per token."""

    def __init__(self) -> None:
        self.number: dict[str, int] = {}
        self.words = np.empty(1024, dtype=object)
        self.kinds = np.zeros((1024, 11))

    def numbers(self, words: list[str]) -> np.ndarray:
        found = np.fromiter(map(self.number.get, words, repeat(-1)), dtype=np.intp, count=len(words))
        missing = found < 0
        if missing.any():  # an article's new words: its names and numbers
            new = sorted({words[i] for i in np.flatnonzero(missing).tolist()})
            start = len(self.number)
            while start + len(new) > len(self.kinds):
                self.kinds = np.concatenate([self.kinds, np.zeros_like(self.kinds)])
                self.words = np.concatenate([self.words, np.empty_like(self.words)])
            self.kinds[start : start + len(new)] = [_kind(w) for w in new]
            self.words[start : start + len(new)] = new
            self.number.update(zip(new, range(start, start + len(new)), strict=True))
            found[missing] = [self.number[words[i]] for i in np.flatnonzero(missing).tolist()]
        return found


_vocabulary = _Vocabulary()


# log and log1p of counts, from Python's math (numpy's vectorised logs may differ in the
# last bit, and the features must not change with how they are computed)
_COUNTS = 1 << 14
_LOG = np.array([math.log(k) if k else -math.inf for k in range(_COUNTS)])
_LOG1P = np.array([math.log1p(k) for k in range(_COUNTS)])


def _table(table: np.ndarray, counts: np.ndarray, exact: Callable[[float], float]) -> np.ndarray:
    if counts.max(initial=0) < _COUNTS:
        return table[counts]
    return np.array([exact(int(k)) for k in counts])


def token_features(sentence_tokens: Sequence[Sequence[str]]) -> tuple[list[str], np.ndarray]:
    """The article's distinct tokens (in order of first use) and one row of ``FEATURES`` each.

    Computed over the whole article at once (token ids, a sentence-by-token incidence
    matrix), because a per-token Python loop cost as much as segmenting the article.
    """
    n = len(sentence_tokens)
    distinct, ids, lengths, uses = _incidence(sentence_tokens)
    if not len(ids):
        return [], np.zeros((0, len(FEATURES)))
    v = len(distinct)
    kind = _vocabulary.kinds[distinct]
    row = np.repeat(np.arange(n), lengths)  # the sentence of each position
    starts = np.cumsum(lengths) - lengths
    pos = np.arange(len(ids)) - starts[row]  # the position inside its sentence
    central = np.array(_textrank(uses[:, kind[:, _CONTENT] > 0]))

    count = np.bincount(ids, minlength=v)
    first = uses.argmax(axis=0)  # the first sentence that uses each token
    opening = np.bincount(ids[row < 2], minlength=v)
    opens = np.bincount(ids[starts[lengths > 0]], minlength=v)

    flags = np.zeros((4, v))  # in brackets, near a figure, in the first clause, in a repeated pair
    opening_ids = set(np.flatnonzero(kind[:, _OPENS]).tolist())
    closing_ids = set(np.flatnonzero(kind[:, _CLOSES]).tolist())
    for i in sorted(set(row[kind[ids, _OPENS] > 0].tolist())):  # depth counting, only where a bracket opens
        depth = 0
        for t in ids[row == i].tolist():
            if t in opening_ids:
                depth += 1
            elif t in closing_ids:
                depth = max(0, depth - 1)
            elif depth:
                flags[0, t] = 1
    digit = kind[ids, _DIGITS] > 0
    near = np.zeros(len(ids), dtype=bool)
    for k in range(1, _FIGURE_REACH + 1):
        near[:-k] |= digit[k:] & (row[k:] == row[:-k])
    flags[1, ids[near]] = 1
    clause_end = lengths.copy()
    ends = kind[ids, _ENDS_CLAUSE] > 0
    hit = row[ends]  # sentence numbers never decrease along the article: each sentence's first break
    at = np.flatnonzero(np.concatenate(([True], hit[1:] != hit[:-1]))) if len(hit) else np.zeros(0, dtype=np.intp)
    hit_rows = hit[at]
    clause_end[hit_rows] = pos[ends][at]
    flags[2, ids[pos < clause_end[row]]] = 1
    same = row[1:] == row[:-1]
    a, b = ids[:-1][same], ids[1:][same]
    repeated = _repeated(a * v + b) & (kind[a, _LONG] > 0) & (kind[b, _LONG] > 0)
    flags[3, a[repeated]] = flags[3, b[repeated]] = 1

    total_central = math.fsum(central) or 1.0
    weighted = uses * central[:, None]
    early = 1 / (1 + first)
    columns = [
        np.ones(v), _table(_LOG, count, math.log), uses.sum(axis=0) / n, early, first / max(1, n - 1),
        _table(_LOG1P, opening, math.log1p), kind[:, _RARITY], early * kind[:, _RARITY], *kind[:, _RARITY + 1 : _LENGTH + 1].T,
        flags[0], _table(_LOG1P, opens, math.log1p), *flags[1:],
        weighted.max(axis=0), weighted.sum(axis=0) / total_central,  # row by row: the sum of a loop
        np.full(v, math.log(max(1, n))), np.full(v, math.log1p(len(ids) / max(1, n))),
    ]
    return _vocabulary.words[distinct].tolist(), np.column_stack(columns)


def _repeated(values: np.ndarray) -> np.ndarray:
    """Which elements occur more than once (np.unique's counts would do, but its first call in a
    process imports numpy.ma, 10-20 ms in every worker, and each call costs more than this)."""
    order = np.argsort(values, kind="stable")
    same = values[order][1:] == values[order][:-1]
    repeated = np.zeros(len(values), dtype=bool)
    repeated[order] = np.concatenate(([False], same)) | np.concatenate((same, [False]))
    return repeated


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
    distinct, _, _, uses = _incidence(sentence_tokens)
    return _textrank(uses[:, _vocabulary.kinds[distinct, _CONTENT] > 0])


def _incidence(sentence_tokens: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The article's distinct tokens (vocabulary numbers, in order of first use), each
    position's token as an index into them, the sentences' lengths, and which sentence uses
    which token."""
    flat = [t for toks in sentence_tokens for t in toks]
    first_use = list(dict.fromkeys(flat))
    position = {t: i for i, t in enumerate(first_use)}
    ids = np.fromiter(map(position.__getitem__, flat), dtype=np.intp, count=len(flat))
    lengths = np.array([len(toks) for toks in sentence_tokens], dtype=np.intp)
    uses = np.zeros((len(sentence_tokens), len(first_use)), dtype=bool)
    uses[np.repeat(np.arange(len(sentence_tokens)), lengths), ids] = True
    return _vocabulary.numbers(first_use), ids, lengths, uses


def _textrank(uses: np.ndarray) -> list[float]:
    """TextRank over a sentence-by-word incidence matrix: similarity is the shared words over
    the sum of the log sizes, for sentences of two words or more."""
    n = len(uses)
    if not n:
        return []
    size = uses.sum(axis=1)
    log_size = np.array([math.log(k) if k > 1 else 0.0 for k in size.tolist()])
    shared = uses.astype(float) @ uses.T.astype(float)
    linked = (size[:, None] > 1) & (size[None, :] > 1) & (shared > 0) & ~np.eye(n, dtype=bool)
    weight = np.divide(shared, log_size[:, None] + log_size[None, :], out=np.zeros((n, n)), where=linked)
    out = weight.sum(axis=1)
    walk = np.divide(weight, out[:, None], out=np.zeros_like(weight), where=out[:, None] > 0)
    rank, step, across = np.ones(n), np.empty(n), walk.T
    for _ in range(_TEXTRANK_STEPS):  # (1 - d) + d * (walk.T @ rank), without a new array per step
        np.matmul(across, rank, out=step)
        np.multiply(step, _TEXTRANK_DAMPING, out=step)
        np.add(step, 1 - _TEXTRANK_DAMPING, out=rank)
    return (rank / rank.max()).tolist()
