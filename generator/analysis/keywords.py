"""Keywords of an article: jieba's TF-IDF, filtered to words a reader would search for."""

from __future__ import annotations

import re

import jieba.analyse

from generator.analysis.tokens import STOPWORDS

_NOT_KEYWORD = re.compile(r"^[\d.,%％]+$|^[\W_]+$")
# Parts of speech worth listing: nouns of all kinds, verbal nouns, English words, user terms.
_POS = ("n", "nr", "ns", "nt", "nz", "vn", "eng", "nrt", "j", "l")


def extract_keywords(text: str, *, title: str = "", limit: int = 8) -> list[str]:
    """Up to ``limit`` keywords, best first; words of the title count double."""
    if not text.strip():
        return []
    weighted = jieba.analyse.extract_tags(text, topK=limit * 4, withWeight=True, allowPOS=_POS)
    title_words = set(jieba.lcut(title)) if title else set()
    scored = []
    for word, weight in weighted:
        if len(word) < 2 or word in STOPWORDS or _NOT_KEYWORD.match(word):
            continue
        scored.append((weight * (2.0 if word in title_words else 1.0), word))
    scored.sort(key=lambda p: (-round(p[0], 9), p[1]))
    chosen: list[str] = []
    for _, word in scored:
        # no word that is part of one already chosen (北斗 beside 北斗导航)
        if any(word in c or c in word for c in chosen):
            continue
        chosen.append(word)
        if len(chosen) == limit:
            break
    return chosen
