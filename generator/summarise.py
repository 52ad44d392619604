"""Extractive summaries: the sentences that say most of what the article says.

A sentence scores by a linear model over position, length, centrality (TextRank over shared
jieba words), keyword coverage and closeness to the lead, with weights fitted on newsroom
headlines (``bench/summary_fit.py``); on top come hand-set terms the data cannot teach:
coverage of the article's title, a bonus for carrying a key figure, and penalties for what
reads badly out of context (fragments, dangling or bare quotations, cut-off sentences).
Sentences are picked by MMR, so a later pick must add something the earlier ones did not
say, and come out in document order, copied from the body (a loose leading connective or a
lone quote mark trimmed).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence

from generator.config import SummaryConfig
from generator.data import Sentence
from generator.textstats import words

CONNECTIVES = (
    "与此同时", "另一方面", "此外", "同时", "其中", "另外", "对此", "因此", "但是", "不过", "而且",
    "所以", "然而", "总之", "当然", "首先", "其次", "最后", "并且", "此前", "随后", "据此",
)
_LEADING_CONNECTIVE = re.compile("^(" + "|".join(CONNECTIVES) + r")[，,、]\s*")
_MIN_CHARS = 12
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"))
_TERMINAL = ("。", "！", "？", "!", "?", ".", "…", "；", ";")


def sentence_count(body_chars: int, config: SummaryConfig) -> int:
    """One sentence for a brief, up to four for a long feature."""
    n = 1 if body_chars < 300 else 2 if body_chars < 900 else 3 if body_chars < 2200 else 4
    return max(config.min_sentences, min(config.max_sentences, n))


# Sentence features, in the order of ``WEIGHTS``. Position, length, centrality and keyword
# coverage are the classic signals; asides (bracketed stock codes, glosses) and attribution
# say how much of a sentence is about the news itself.
FEATURES = (
    "inverse_position", "relative_position", "first", "second", "third", "last",
    "length", "length_squared", "log_length", "short", "medium", "very_long",
    "centrality", "keyword_coverage", "keyword_density", "top_keyword", "second_keyword",
    "opens_with_keyword", "digit_share", "clause_marks", "asides", "aside_share",
    "attribution", "similarity_to_lead", "content_word_share",
    "lead_precision", "lead_recall", "centroid", "opening_clause",
)
# Fitted by ``python bench/summary_fit.py`` (listwise, on the tune half of the development
# data, ROUGE against newsroom headlines); ``--write`` refreshes the two values below.
WEIGHTS = dict(zip(FEATURES, (
    0.07124, -1.268, -0.4372, 0.5699, 0.1372,
    0.4609, -0.6381, -0.08124, -0.7131, -0.2872,
    -0.1862, 0.06101, 1.296, -0.8491, 0.4053,
    0.1108, 0.08469, -0.1215, 0.209, 0.6293,
    0.09824, -0.7523, 0.2449, 0.6481, -0.03201,
    1.863, -0.1497, 1.362, -0.6609,
), strict=True))
REDUNDANCY = 2.0
# Set by hand, not fitted: the development data has no separate title, and readers ask for
# figures even where a headline would not carry them.
TITLE_WEIGHT = 1.5
FIGURE_BONUS = 0.5
DEFECT_WEIGHT = 1.0

_ASIDE = re.compile(r"[（(][^（）()]{0,60}[)）]")
_DIGIT = re.compile(r"\d")
_CLAUSE_MARK = re.compile(r"[，、；,;]")
_ATTRIBUTION = re.compile("表示|指出|认为|强调|称|报道|报导|透露|介绍")


def sentence_features(sentences: Sequence[Sentence], keywords: Sequence[str] = ()) -> list[tuple[float, ...]]:
    """One row of ``FEATURES`` per sentence (shared with the weight fitting script)."""
    bags = [set(words(s.text)) for s in sentences]
    central = _textrank(bags)
    top = max(central, default=0.0) or 1.0
    keys = [k for k in keywords if k]
    keyset = set(keys)
    n = len(sentences)
    lead = bags[0] if bags else set()
    opening = set(words(_CLAUSE_MARK.split(sentences[0].text, 1)[0])) if sentences else set()
    frequency = Counter(w for bag in bags for w in bag)
    norm = math.sqrt(sum(v * v for v in frequency.values())) or 1.0
    rows = []
    for i, s in enumerate(sentences):
        text, bag = s.text, bags[i]
        length = max(1, len(text))
        asides = _ASIDE.findall(text)
        row = (
            1 / (1 + i), i / max(1, n - 1), i == 0, i == 1, i == 2, i == n - 1 and n > 1,
            length / 100, (length / 100) ** 2, math.log(length), length < 25, 25 <= length < 50, length >= 150,
            central[i] / top,
            len(bag & keyset) / max(1, len(keyset)),
            len(bag & keyset) / max(1, len(bag)),
            bool(keys) and keys[0] in bag,
            len(keys) > 1 and keys[1] in bag,
            bool(keys) and text.startswith(tuple(keys[:3])),
            len(_DIGIT.findall(text)) / length,
            10 * len(_CLAUSE_MARK.findall(text)) / length,
            len(asides),
            sum(map(len, asides)) / length,
            bool(_ATTRIBUTION.search(text)),
            _overlap(bag, lead) if i else 1.0,
            10 * len(bag) / length,
            len(bag & lead) / max(1, len(bag)) if i else 1.0,
            len(bag & lead) / max(1, len(lead)) if i else 1.0,
            sum(frequency[w] for w in bag) / norm / math.sqrt(max(1, len(bag))),
            len(bag & opening) / max(1, len(opening)),
        )
        rows.append(tuple(float(v) for v in row))
    return rows


def fixed_scores(
    sentences: Sequence[Sentence], *, title: str = "", figure_sentences: Collection[int] = ()
) -> list[float]:
    """The hand-set part of a score: title coverage, a figure bonus and reading defects."""
    title_words = set(words(title)) if title else set()
    out = []
    for i, s in enumerate(sentences):
        score = -DEFECT_WEIGHT * _defects(s.text)
        if title_words:
            score += TITLE_WEIGHT * len(set(words(s.text)) & title_words) / len(title_words)
        if i in figure_sentences:
            score += FIGURE_BONUS
        out.append(score)
    return out


def rank_sentences(
    sentences: Sequence[Sentence],
    *,
    title: str = "",
    keywords: Sequence[str] = (),
    figure_sentences: Collection[int] = (),
) -> list[float]:
    """A score per sentence (higher is more summary-worthy)."""
    weights = [WEIGHTS[name] for name in FEATURES]
    fixed = fixed_scores(sentences, title=title, figure_sentences=figure_sentences)
    return [
        sum(w * x for w, x in zip(weights, row, strict=True)) + f
        for row, f in zip(sentence_features(sentences, keywords), fixed, strict=True)
    ]


def _defects(text: str) -> float:
    """Penalty for what reads badly out of context."""
    penalty = 0.0
    if len(text) < _MIN_CHARS:
        penalty += 1.0
    if any(text.count(a) != text.count(b) for a, b in _QUOTE_PAIRS):
        penalty += 0.35
    elif text[:1] in "“「" and text.rstrip("。！？!?.")[-1:] in "”」":
        penalty += 1.0  # a bare quotation: who said it is in another sentence
    if _LEADING_CONNECTIVE.match(text):
        penalty += 0.1
    if text.rstrip("”’\"」").endswith(("？", "?")):
        penalty += 0.3
    if not text.rstrip("”’\"」）)").endswith(_TERMINAL):
        penalty += 0.3  # cut off: the article (or the page) ends mid-sentence
    if len(text) > 160:
        penalty += 0.2 * (len(text) - 160) / 160
    return penalty


def _textrank(bags: Sequence[set[str]], damping: float = 0.85, iterations: int = 40) -> list[float]:
    n = len(bags)
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            shared = len(bags[i] & bags[j])
            if shared and len(bags[i]) > 1 and len(bags[j]) > 1:
                w = shared / (math.log(len(bags[i])) + math.log(len(bags[j])))
                weights[i][j] = weights[j][i] = w
    out_sum = [sum(row) for row in weights]
    rank = [1.0] * n
    for _ in range(iterations):
        rank = [
            (1 - damping) + damping * sum(weights[j][i] / out_sum[j] * rank[j] for j in range(n) if weights[j][i])
            for i in range(n)
        ]
    return rank


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def summarise(
    sentences: Sequence[Sentence],
    *,
    title: str,
    keywords: Sequence[str],
    figure_sentences: Collection[int],
    config: SummaryConfig,
    count: int | None = None,
) -> list[Sentence]:
    """The summary, in document order; ``count`` fixes the number of sentences (evaluation)."""
    if not sentences:
        return []
    scores = rank_sentences(sentences, title=title, keywords=keywords, figure_sentences=figure_sentences)
    wanted = count or sentence_count(sum(len(s.text) for s in sentences), config)
    budget = None if count else config.char_budget
    chosen = select(sentences, scores, wanted, budget=budget)
    return [clean(sentences[i]) for i in chosen]


def select(
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    wanted: int,
    *,
    budget: int | None = None,
    redundancy: float = REDUNDANCY,
) -> list[int]:
    """Maximal marginal relevance: each pick must add something the earlier picks did not say."""
    bags = [set(words(s.text)) for s in sentences]
    chosen: list[int] = []
    used = 0
    candidates = set(range(len(sentences)))
    while candidates and len(chosen) < wanted:
        overlap = {i: max((_overlap(bags[i], bags[j]) for j in chosen), default=0.0) for i in candidates}
        best = max(sorted(candidates), key=lambda i: scores[i] - redundancy * overlap[i])
        candidates.discard(best)
        said = set().union(*(bags[j] for j in chosen))
        if chosen and len(bags[best] - said) < 0.3 * len(bags[best]):
            continue  # a near-duplicate: it adds almost nothing the summary has not said
        length = len(sentences[best].text)
        if chosen and budget is not None and used + length > budget:
            continue
        chosen.append(best)
        used += length
    return sorted(chosen)


def clean(sentence: Sentence) -> Sentence:
    """Trim what only made sense next to the previous sentence: a leading connective, a lone quote mark."""
    text, start, end = sentence.text, sentence.start, sentence.end
    m = _LEADING_CONNECTIVE.match(text)
    if m and len(text) - m.end() >= _MIN_CHARS:
        text, start = text[m.end() :], start + m.end()
    if text.startswith("“") and "”" not in text:
        text, start = text[1:], start + 1
    if text.endswith("”") and "“" not in text:
        text, end = text[:-1], end - 1
    if text.endswith("”") and text.count("”") > text.count("“"):
        text, end = text[:-1], end - 1
    return Sentence(text=text, start=start, end=start + len(text), paragraph=sentence.paragraph)
