"""Where every character of a source went: an article's body, title or section head, or a
reported drop. Shared by the coverage tests and the property-based test.

A source line is covered when its characters (whitespace, Markdown marks and a bullet opening
the line aside) can be
read, left to right, as pieces of the texts that hold that line: the articles whose span
holds it, the drops whose lines do, and any title (a headline may float far from its
body). A piece must be at least ``MIN_PIECE`` characters long (shorter at either end of a
line, where a paragraph wraps, or a whole short text such as "本报讯"), so that a lost
sentence is not "found" one common character at a time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.data import Article, Dropped
from generator.ingest.paragraphs import BULLET

MIN_PIECE = 4
_MARKUP = re.compile(r"^\s*(#{1,6}\s+|>\s?|[-*+]\s+)|\*\*|__|\s+")


def _norm(text: str) -> str:
    return _MARKUP.sub("", BULLET.sub("", text.strip()))


@dataclass
class Coverage:
    covered: int
    total: int
    missing: list[tuple[int, str]]  # (line, characters no text accounts for)

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 1.0


def coverage(source: str, articles: Sequence[Article], document_dropped: Sequence[Dropped]) -> Coverage:
    holders: list[tuple[int, int, list[str]]] = []
    titles = [_norm(a.title) for a in articles if a.title]
    for a in articles:
        texts = [_norm(p) for p in a.paragraphs] + [_norm(h) for h in a.section_heads]
        holders.append((a.span[0], a.span[1], texts))
        holders.extend((d.lines[0], d.lines[1], [_norm(d.text)]) for d in a.dropped)
    holders.extend((d.lines[0], d.lines[1], [_norm(d.text)]) for d in document_dropped)
    covered = total = 0
    missing: list[tuple[int, str]] = []
    for number, raw in enumerate(source.split("\n"), start=1):
        line = _norm(raw)
        if not line:
            continue
        texts = titles + [t for first, last, ts in holders if first <= number <= last for t in ts]
        lost = _uncovered(line, texts)
        total += len(line)
        covered += len(line) - len(lost)
        if lost:
            missing.append((number, lost))
    return Coverage(covered, total, missing)


def _uncovered(line: str, texts: Sequence[str]) -> str:
    """The characters of ``line`` that no piece of ``texts`` accounts for."""
    lost = []
    i = 0
    while i < len(line):
        size = 0
        for text in texts:
            k = size + 1
            while i + k <= len(line) and line[i : i + k] in text:
                k += 1
            size = max(size, k - 1)
        whole = max((len(t) for t in texts if t and line.startswith(t, i)), default=0)
        if size >= min(MIN_PIECE, len(line) - i) or (size and i == 0) or (whole and whole == size):
            i += size
        else:
            lost.append(line[i])
            i += 1
    return "".join(lost)
