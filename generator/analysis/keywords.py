"""Keywords of an article: TF-IDF over the article's own tokens, filtered to words a reader
would search for.

The same tokens the summariser uses (one segmentation pass), jieba's IDF table, and each
word's part of speech from jieba's dictionary: nouns of all kinds, verbal nouns, idioms and
abbreviations, Latin words, and words the dictionary does not know (names, new terms).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from generator.analysis.tokens import STOPWORDS, glossary_generation, rarity, tokens, word_tag
from generator.data import Sentence

_NOT_KEYWORD = re.compile(r"^[\d.,%％]+$|^[\W_]+$")
# Parts of speech worth listing: nouns of all kinds, verbal nouns, idioms, abbreviations.
_POS = frozenset(("n", "nr", "ns", "nt", "nz", "vn", "nrt", "j", "l"))
_UNKNOWN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")  # a name or new term jieba's dictionary lacks
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9.+\-]*$")
_ENGLISH_STOPWORDS = frozenset(
    ["the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with", "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or"]
)
# Words of the title count this much more: the editor chose them.
_TITLE_WEIGHT = 2.0
# Candidates considered per keyword shown (jieba's extract_tags takes topK this way too).
_CANDIDATES_PER_KEYWORD = 4


def extract_keywords(sentences: Sequence[Sentence], *, title: str = "", limit: int = 8) -> list[str]:
    """Up to ``limit`` keywords, best first."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(tokens(sentence.text))
    generation = glossary_generation()
    counts = Counter({word: n for word, n in counts.items() if _is_candidate(word, generation)})
    if not counts:
        return []
    total = sum(counts.values())
    weighted = sorted(counts, key=lambda w: -counts[w] * rarity(w) / total)
    title_words = set(tokens(title)) if title else set()
    scored = [
        (counts[w] * rarity(w) / total * (_TITLE_WEIGHT if w in title_words else 1.0), w)
        for w in weighted[: limit * _CANDIDATES_PER_KEYWORD]
        if not _NOT_KEYWORD.match(w)
    ]
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


@lru_cache(maxsize=262_144)
def _is_candidate(word: str, generation: int) -> bool:
    """A word a reader would search for (``generation``: the glossary's, which may tag it)."""
    if len(word) < 2 or word in STOPWORDS or word.lower() in _ENGLISH_STOPWORDS:
        return False
    tag = word_tag(word)
    if tag is None:
        return bool(_UNKNOWN_WORD.match(word) or _LATIN_WORD.match(word))
    return tag in _POS or (tag == "eng" and bool(_LATIN_WORD.match(word)))
