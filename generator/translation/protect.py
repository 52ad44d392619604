"""Protecting numbers and glossary terms through machine translation.

Small NMT models garble exactly what a briefing needs: numbers and names. Before
translation every number is replaced by its English form (8520亿元 → "852 billion yuan",
3月29日 → "March 29", 19.2% stays "19.2%") and every glossary term by its English, which
the model copies as Latin text; afterwards the checks verify that each one survived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.analysis.numerals import WAN_TAIL, parse_number, scaled
from generator.glossary import Glossary

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_SPAN = re.compile(
    r"(?P<date>(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日)"
    r"|(?P<year>(?:19|20)\d{2})\s*年"
    rf"|(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?P<mag>万亿|亿|万(?:{WAN_TAIL})?)?\s*(?P<cur>元|美元)?(?P<pct>\s*[%％])?"
)
NUMBER_IN_TEXT = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


@dataclass(frozen=True)
class Protected:
    source: str  # the Chinese sentence
    text: str  # what the model sees
    numbers: tuple[str, ...]  # numbers the English must contain (as written in English)
    terms: tuple[str, ...]  # glossary English the output must contain
    renderings: tuple[str, ...]  # the English of each protected span, in order


def _english(m: re.Match) -> str:
    if m.group("date"):
        month = int(m.group("month"))
        if 1 <= month <= 12:
            return f"{_MONTHS[month - 1]} {int(m.group('day'))}"
        return m.group(0)
    if m.group("year"):
        return m.group("year")
    number = m.group("num")
    text = number
    value = parse_number(number + m.group("mag")) if m.group("mag") else None
    if value is not None:
        text = scaled(value)
    if m.group("pct"):
        text += "%"
    if m.group("cur"):
        text += " yuan" if m.group("cur") == "元" else " US dollars"
    return text


def protect(sentence: str, glossary: Glossary) -> Protected:
    pieces: list[str] = []
    renderings: list[str] = []
    numbers: list[str] = []
    terms: list[str] = []
    position = 0
    term_re = re.compile("|".join(re.escape(zh) for zh, _ in glossary.terms)) if glossary else None
    english = glossary.as_dict()
    while position < len(sentence):
        m = _SPAN.search(sentence, position)
        t = term_re.search(sentence, position) if term_re else None
        if t and (not m or t.start() < m.start()):
            pieces.append(sentence[position : t.start()])
            pieces.append(f" {english[t.group(0)]} ")
            renderings.append(english[t.group(0)])
            terms.append(english[t.group(0)])
            position = t.end()
            continue
        if not m:
            break
        pieces.append(sentence[position : m.start()])
        rendered = _english(m)
        pieces.append(f" {rendered} ")
        renderings.append(rendered)
        numbers.extend(n.replace(",", "") for n in NUMBER_IN_TEXT.findall(rendered))
        position = m.end()
    pieces.append(sentence[position:])
    text = re.sub(r"\s{2,}", " ", "".join(pieces)).strip()
    return Protected(sentence, text, tuple(numbers), tuple(terms), tuple(renderings))
