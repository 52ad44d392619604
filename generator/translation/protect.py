"""Protecting numbers and glossary terms through machine translation.

Small NMT models garble exactly what a briefing needs: numbers and names. Before
translation every number is replaced by its English form (8520亿元 → "852 billion yuan",
3月29日 → "March 29", 10月营收 → "October 营收", 19.2% stays "19.2%") and every glossary term by its English, which
the model copies as Latin text; afterwards the checks verify that each one survived.

A bare 元 is the article's own currency: a Taiwanese report's 3億元 is "TWD 300 million", as
its figure table writes it, never "300 million yuan". Traditional script is given to the
model as the mainland writes it (the zh→en model was trained on mainland text; Argos has a
separate model for traditional script).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.analysis.numerals import WAN_TAIL, parse_number, scaled
from generator.glossary import Glossary
from generator.text import to_mainland

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
# A currency named before or after an amount ("新台币3亿元", "3亿元人民币", "5亿港元")
_NAMED = {"新台币": "TWD", "台币": "TWD", "人民币": "CNY", "港币": "HKD", "港元": "HKD", "美元": "USD", "美金": "USD"}
_NAME = "|".join(sorted(_NAMED, key=len, reverse=True))
_MONTH = r"(?:1[0-2]|[1-9])"
_SPAN = re.compile(
    r"(?P<date>(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})(?:\s*(?:至|到|[-－—–~～])\s*(?P<until>\d{1,2}))?\s*日)"
    # a range of months, "1-10月", "1～2月", "1至10月", and the first months of a year, "前10个月"
    rf"|(?<![\d.])(?:(?P<first>{_MONTH})\s*(?:至|到|[-－—–~～])\s*|(?P<opening>前))(?P<last>{_MONTH})\s*个?月份?(?![\d日])"
    # a month alone, "10月营收", "3月份": not the end of a range ("1至10月", "前10月", "1-10月")
    r"|(?<![\d前至到~\-－—、])(?P<alone>1[0-2]|[1-9])\s*月份?(?![\d个])"
    r"|(?P<year>(?:19|20)\d{2})\s*年"
    rf"|(?:(?P<before>{_NAME})\s*)?(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?P<mag>万亿|亿|万(?:{WAN_TAIL})?)?\s*"
    rf"(?P<cur>元(?:{_NAME})?|{_NAME})?(?P<pct>\s*[%％])?"
)
# Taiwan's financial words whose mainland reading is another thing or none, as the mainland
# writes them: in a Taiwanese report 法人 are institutional investors ("法人预估…"), on the
# mainland a legal person ("法人代表"); 每股盈余 is earnings per share (每股收益), 营益 operating
# profit. A report in New Taiwan dollars is read as Taiwan's.
# And its changes with their basis glued on, as only Taiwan writes them, right before how much
# ("年增12.3%", "季减逾一成", "月增率"): the mainland's 同比 (year on year) and 环比 (on the
# period before); "每年增加" and "年增长" are no such change.
_TAIWAN_WORDS = {"法人": "机构投资者", "每股盈余": "每股收益", "营益率": "营业利润率", "营益": "营业利润"}
_TAIWAN_CHANGES = {"年增": "同比增长", "年减": "同比下降", "季增": "环比增长", "季减": "环比下降", "月增": "环比增长", "月减": "环比下降"}
_TAIWAN_WORD = re.compile(
    "|".join(sorted(_TAIWAN_WORDS, key=len, reverse=True))
    + r"|(?<![每今去明前全本该当同近逐])(?:年|季|月)[增减](?=\d|逾|近|约|达|幅|率|[一二两三四五六七八九十半]成|[一二两三四五六七八九十\d.]+倍)"
)
_TAIWAN = {**_TAIWAN_WORDS, **_TAIWAN_CHANGES}
# How an amount of money reads: yuan and US dollars in words, as they always have been here
# (a cached translation stays valid); any other currency as the figure tables write it
_IN_WORDS = {"CNY": "{} yuan", "USD": "{} US dollars"}
NUMBER_IN_TEXT = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


@dataclass(frozen=True)
class Protected:
    source: str  # the Chinese sentence
    text: str  # what the model sees
    numbers: tuple[str, ...]  # numbers the English must contain (as written in English)
    terms: tuple[str, ...]  # glossary English the output must contain
    renderings: tuple[str, ...]  # the English of each protected span, in order


def _currency(m: re.Match, home: str) -> str | None:
    """The currency of an amount: the one named beside it, else the article's for a bare 元."""
    if m.group("before"):
        return _NAMED[m.group("before")]
    if not m.group("cur"):
        return None
    named = m.group("cur").removeprefix("元")  # "元人民币" names it; "元" alone is the article's
    return _NAMED[named] if named else home


def _english(m: re.Match, home: str) -> str:
    if m.group("date"):
        month = int(m.group("month"))
        if 1 <= month <= 12:
            until = f"-{int(m.group('until'))}" if m.group("until") else ""  # "3月1-10日": March 1-10
            return f"{_MONTHS[month - 1]} {int(m.group('day'))}{until}"
        return m.group(0)
    if m.group("last"):
        first, last = int(m.group("first") or 1), int(m.group("last"))
        if first < last:
            return f"{_MONTHS[first - 1]}-{_MONTHS[last - 1]}"
        return m.group(0)
    if m.group("alone"):
        return _MONTHS[int(m.group("alone")) - 1]
    if m.group("year"):
        return m.group("year")
    number = m.group("num")
    text = number
    value = parse_number(number + m.group("mag")) if m.group("mag") else None
    if value is not None:
        text = scaled(value)
    if m.group("pct"):
        return text + "%"
    code = _currency(m, home)
    return _IN_WORDS.get(code, f"{code} {{}}").format(text) if code else text


@lru_cache(maxsize=8)
def _terms(glossary: Glossary) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The glossary's terms as the model input writes them (mainland script), with their English."""
    english = {to_mainland(zh): en for zh, en in reversed(glossary.terms)}  # a term as written wins
    english.update(glossary.as_dict())
    found = re.compile("|".join(re.escape(zh) for zh in sorted(english, key=len, reverse=True))) if english else None
    return found, english


def protect(sentence: str, glossary: Glossary, currency: str = "CNY") -> Protected:
    """What the model is given for ``sentence`` of an article whose bare 元 is ``currency``."""
    source, sentence = sentence, to_mainland(sentence)
    if currency == "TWD":
        sentence = _TAIWAN_WORD.sub(lambda m: _TAIWAN[m.group(0)], sentence)
    pieces: list[str] = []
    renderings: list[str] = []
    numbers: list[str] = []
    terms: list[str] = []
    position = 0
    term_re, english = _terms(glossary)
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
        rendered = _english(m, currency)
        pieces.append(f" {rendered} ")
        renderings.append(rendered)
        numbers.extend(n.replace(",", "") for n in NUMBER_IN_TEXT.findall(rendered))
        position = m.end()
    pieces.append(sentence[position:])
    text = re.sub(r"\s{2,}", " ", "".join(pieces)).strip()
    return Protected(source, text, tuple(numbers), tuple(terms), tuple(renderings))
