"""The one sentence splitter of the program.

Summaries, translation and figures all use :func:`split_sentences`, so they agree on where a
sentence starts and ends. It never splits inside a number ("19.2%", "1.2955万亿元",
"2018-2020"), keeps a closing quote or bracket with the sentence it closes, keeps a short
attribution ("……升级。”张宏博说。") with its quote, and does not cut a quotation in pieces
unless it runs on far too long (PDF text sometimes loses a closing quote).
"""

from __future__ import annotations

import re

from generator.data import Sentence
from generator.text import CLOSERS, FULL_STOPS

_OPENERS = {"“": "”", "「": "」", "『": "』"}
_ELLIPSIS = re.compile(r"(……|…{1,2}|\.{3,6})")
# The characters the splitter acts on; it jumps from one to the next.
_MARK = re.compile("[" + re.escape("".join(_OPENERS) + "".join(_OPENERS.values()) + "…." + FULL_STOPS) + "]")
# A quotation longer than this is allowed to split: a lost closing quote must not glue a
# whole paragraph into one "sentence".
_MAX_QUOTED = 160
_ATTRIBUTION = re.compile(
    r"^[^。！？!?“”]{1,30}?(说|表示|介绍|认为|指出|坦言|透露|称|强调|告诉记者|对记者说|介绍说|建议)[。！？!?]?$"
)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` (paragraphs separated by blank lines or newlines) into sentences.

    Offsets refer to ``text``; surrounding whitespace is not part of a sentence.
    """
    sentences: list[Sentence] = []
    for para_index, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        for s, e in _split_paragraph(text, p_start, p_end):
            sentences.append(Sentence(text=text[s:e], start=s, end=e, paragraph=para_index))
    return sentences


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds: list[int] = []  # end offsets of sentences
    depth = 0
    quote_start = -1
    sent_start = start
    i = start
    while i < end:
        mark = _MARK.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch in _OPENERS:
            if depth == 0:
                quote_start = i
            depth += 1
        elif ch in _OPENERS.values():
            depth = max(0, depth - 1)
        boundary = None
        m = _ELLIPSIS.match(text, i) if ch in "…." else None
        if m and (ch == "…" or m.end() - i >= 3):
            boundary = m.end()
        elif ch in FULL_STOPS or (ch == "." and _is_ascii_full_stop(text, i, end)):
            boundary = i + 1
        if boundary is None:
            i += 1
            continue
        # absorb further terminators and closing marks: "？！", "。”", "。）"
        j = boundary
        while j < end and (text[j] in FULL_STOPS or text[j] in CLOSERS):
            if text[j] in _OPENERS.values():
                depth = max(0, depth - 1)
            j += 1
        inside_quote = depth > 0 and (j - max(quote_start, sent_start)) < _MAX_QUOTED
        if j >= end or inside_quote:
            i = j
            continue
        bounds.append(j)
        sent_start = j
        i = j
    bounds.append(end)
    spans = []
    s = start
    for b in bounds:
        while s < b and text[s].isspace():
            s += 1
        e = b
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
        s = b
    return _merge_attributions(text, spans)


def _is_ascii_full_stop(text: str, i: int, end: int) -> bool:
    """A '.' ends a sentence only before whitespace/end and not inside a number or abbreviation."""
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < end else ""
    if prev.isdigit() and nxt.isdigit():
        return False
    if nxt and not nxt.isspace():
        return False
    # "Mr." / "No. 5" / single capital initials: not a full stop
    word = re.search(r"([A-Za-z]+)$", text[max(0, i - 4) : i])
    return not (word and (len(word.group(1)) == 1 or word.group(1) in {"Mr", "Mrs", "Ms", "Dr", "No", "St", "vs", "etc"}))


def _merge_attributions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue "张崇和说。" back to the quotation it attributes."""
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        piece = text[s:e]
        if merged and text[merged[-1][1] - 1] in "”’」" and _ATTRIBUTION.match(piece):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged
