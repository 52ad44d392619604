"""Extractive summaries: the sentences that say most of what the article says.

A sentence scores by centrality (TextRank over shared jieba words), a lead prior (news puts
the point first), how much of the title and the keywords it covers, and whether it carries a
key figure; fragments and sentences with a dangling quotation mark are held back. Sentences
are picked by MMR, so a second sentence must add something the first did not say, and come
out in document order, copied from the body (a loose leading connective trimmed).
"""

from __future__ import annotations

import math
import re
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


def sentence_count(body_chars: int, config: SummaryConfig) -> int:
    """One sentence for a brief, up to four for a long feature."""
    n = 1 if body_chars < 300 else 2 if body_chars < 900 else 3 if body_chars < 2200 else 4
    return max(config.min_sentences, min(config.max_sentences, n))


def rank_sentences(
    sentences: Sequence[Sentence],
    *,
    title: str = "",
    keywords: Sequence[str] = (),
    figure_sentences: Collection[int] = (),
) -> list[float]:
    """A score per sentence (higher is more summary-worthy)."""
    n = len(sentences)
    if n == 0:
        return []
    bags = [set(words(s.text)) for s in sentences]
    central = _textrank(bags)
    top = max(central) or 1.0
    title_words = set(words(title)) if title else set()
    keys = set(keywords)
    scores = []
    for i, s in enumerate(sentences):
        bag = bags[i]
        # weights tuned on the first half of the development data (bench/summary_eval.py)
        score = 0.3 * central[i] / top
        score += 2.0 / (1 + i)  # news puts the point first
        score -= 0.3 * len(s.text) / 100  # compact sentences read (and summarise) better
        if title_words:
            score += 0.7 * len(bag & title_words) / len(title_words)
        if keys:
            score += 0.4 * len(bag & keys) / len(keys)
            score += 1.5 * len(bag & keys) / max(1, len(bag))  # dense in what the article is about
        if i in figure_sentences:
            score += 0.15
        score -= _defects(s.text)
        scores.append(score)
    return scores


def _defects(text: str) -> float:
    """Penalty for what reads badly out of context."""
    penalty = 0.0
    if len(text) < _MIN_CHARS:
        penalty += 1.0
    if text.count("“") != text.count("”") or text.count("‘") != text.count("’"):
        penalty += 0.35
    if _LEADING_CONNECTIVE.match(text):
        penalty += 0.1
    if text.rstrip("”’\"").endswith(("？", "?")):
        penalty += 0.3
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
    body_chars = sum(len(s.text) for s in sentences)
    wanted = count or sentence_count(body_chars, config)
    bags = [set(words(s.text)) for s in sentences]
    chosen: list[int] = []
    used = 0
    candidates = set(range(len(sentences)))
    while candidates and len(chosen) < wanted:
        best, best_value = None, -math.inf
        for i in sorted(candidates):
            redundancy = max((_overlap(bags[i], bags[j]) for j in chosen), default=0.0)
            value = scores[i] - 0.3 * redundancy
            if value > best_value:
                best, best_value = i, value
        candidates.discard(best)
        redundancy = max((_overlap(bags[best], bags[j]) for j in chosen), default=0.0)
        if redundancy > 0.6:
            continue  # a near-duplicate of a chosen sentence
        length = len(sentences[best].text)
        if chosen and count is None and used + length > config.char_budget:
            continue
        chosen.append(best)
        used += length
    return [clean(sentences[i]) for i in sorted(chosen)]


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
