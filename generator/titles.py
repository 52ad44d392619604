"""A title for an article whose source printed none: its most central short clause."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.data import Sentence
from generator.summarise import CONNECTIVES, rank_sentences

_CLAUSE = re.compile(r"[，,；;：:。！？!?]")
_STRIP = "“”‘’\"'（）() "


def propose_title(sentences: Sequence[Sentence], *, max_chars: int = 24) -> str:
    if not sentences:
        return ""
    scores = rank_sentences(sentences)
    best = max(range(len(sentences)), key=lambda i: (scores[i], -i))
    clauses = [c.strip(_STRIP) for c in _CLAUSE.split(sentences[best].text)]
    clauses = [c for c in clauses if len(c) >= 4 and c not in CONNECTIVES and not re.fullmatch(r"[\d年月日]+", c)]
    if not clauses:
        return sentences[best].text[:max_chars]
    # the longest clause that fits reads most like a headline; else cut the first one
    fitting = [c for c in clauses if len(c) <= max_chars]
    title = max(fitting, key=len) if fitting else clauses[0][:max_chars]
    return title
