"""Reading key figures out of sentences: where a figure is parsed.

A figure is a value with a unit ("8520亿元" → 852,000,000,000 CNY), what it measures (the
words before it in its clause), an approximation ("超", "约", "以上"), a range, the period,
and the change given with it ("同比增长19.2%" → +19.2% y/y). Years, dates, ordinals and
bare numbers without a unit are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.analysis.figures.units import COUNT_NOUNS, CURRENCY_BEFORE, UNITS
from generator.analysis.numerals import MAGNITUDE, NUMBER, parse_number
from generator.data import Change, Figure, Sentence

_UNIT_RE = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_APPROX_BEFORE = {
    "约": "about", "大约": "about", "约为": "about", "大约为": "about", "约合": "about",
    "近": "nearly", "将近": "nearly", "接近": "nearly", "超过": "over",
    "超": "over", "逾": "over", "突破": "over", "不到": "under", "不足": "under", "低于": "under",
    "高于": "over", "多于": "over",
}
_APPROX_AFTER = {"以上": "over", "多": "over", "余": "over", "左右": "about", "以下": "under", "以内": "under"}
_APPROX_B = "|".join(sorted(_APPROX_BEFORE, key=len, reverse=True))

_VALUE = re.compile(
    rf"(?P<pre>{_APPROX_B})?\s*(?P<cur>新台币|台币|人民币|港币)?\s*(?P<num>{NUMBER})\s*(?P<mid0>多|余)?(?P<mag>{MAGNITUDE})\s*"
    rf"(?:(?P<sep>[—\-–~～至到])\s*(?P<num2>{NUMBER})\s*(?P<mag2>{MAGNITUDE})\s*)?"
    rf"(?P<mid>多|余)?\s*(?P<unit>{_UNIT_RE})(?P<post>以上|以下|左右|以内|多)?"
)
_LIST = re.compile(rf"(?P<items>{NUMBER}(?:\s*[、和及与]\s*{NUMBER})+)\s*(?P<unit>个百分点|百分点|%|％|点)")
_DIRECTIONS = {
    "增长": 1, "上升": 1, "提高": 1, "增加": 1, "上涨": 1, "提升": 1, "增": 1, "涨": 1, "回升": 1,
    "下降": -1, "减少": -1, "回落": -1, "下滑": -1, "降低": -1, "下跌": -1, "降": -1, "跌": -1, "收窄": -1,
}
_DIR_RE = "|".join(sorted(_DIRECTIONS, key=len, reverse=True))
_CHANGE = re.compile(
    r"(?P<basis>同比|环比|比上年同期|比上年|比去年同期|较上年|比上季度|较上季度|比上月|较上月|"
    r"(?:比|较)(?:去年|上年)[^\d，,。；;]{0,6}?|(?:比|较)(?:19|20)\d{2}年(?:同期|底|末)?)?\s*"
    rf"(?:分别)?(?P<dir>{_DIR_RE})了?\s*(?P<num>{NUMBER})\s*(?:(?:%|％)?\s*[至到—\-–~～]\s*(?P<num2>{NUMBER}))?\s*"
    r"(?P<unit>个百分点|百分点|%|％|点|倍)(?P<post>以上|左右)?"
)
_PERIOD = re.compile(
    r"((?:19|20)\d{2}年(?:前\d{1,2}个月|[一二三四]季度|上半年|下半年|全年)?|今年(?:前\d{1,2}个月|[一二三四]季度|上半年|以来)?"
    r"|前\d{1,2}个月|[一二三四]季度末?|上半年|下半年)"
)
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?、（(）)“”]")
_METRIC_TRAIL = re.compile(
    r"(达到|达|为|是|约为|约|近|超过|超|突破|实现|至|到|共|累计|合计|总计|增至|升至|降至|占|逾|不到|不足|有|在|"
    r"将|已|已经|分别|共计|同比|环比|比上年|比去年|接近|大约|低于|高于)$"
)
_METRIC_LEAD = re.compile(r"^(其中|此外|同时|目前|截至目前|据统计|数据显示|今年|去年|我国|全国)+")


def parse_figures(sentences: Sequence[Sentence]) -> list[Figure]:
    """Every figure of every sentence, in text order, without English yet."""
    figures: list[Figure] = []
    for sentence in sentences:
        figures.extend(_sentence_figures(sentence.text))
    return figures


@dataclass
class _Span:
    start: int
    end: int
    figure: Figure


def _sentence_figures(text: str) -> list[Figure]:
    period_m = _PERIOD.search(text)
    period = period_m.group(0) if period_m else None
    taken: list[tuple[int, int]] = []
    changes: list[_Span] = []
    for m in _CHANGE.finditer(text):
        amount = parse_number(m.group("num"))
        if amount is None:
            continue
        unit = _change_unit(m.group("unit"))
        direction = _DIRECTIONS[m.group("dir")]
        basis = _basis(m.group("basis"), text)
        change = Change(direction, float(amount), unit, basis, m.group(0).strip())
        upper = parse_number(m.group("num2")) if m.group("num2") else None
        fig = Figure(
            text=m.group(0).strip(), value=float(amount), unit=unit, en=None, sentence=text,
            metric=_metric(text, m.start()), change=change, period=period,
            approx=_APPROX_AFTER.get(m.group("post") or ""), upper=float(upper) if upper is not None else None,
        )
        changes.append(_Span(m.start(), m.end(), fig))
        taken.append((m.start(), m.end()))
    values: list[_Span] = []
    for m in _LIST.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        unit = _change_unit(m.group("unit"))
        # "环比分别上升2.5、2.0和1.6点": a list of changes shares the verb before it
        verb = re.search(rf"(?P<basis>同比|环比)?(?:分别)?(?P<dir>{_DIR_RE})了?\s*$", text[: m.start()])
        for item in re.finditer(NUMBER, m.group("items")):
            value = parse_number(item.group(0))
            if value is None:
                continue
            written = item.group(0) + m.group("unit")
            listed: Change | None = None
            if verb:
                basis = _basis(verb.group("basis"), text)
                listed = Change(_DIRECTIONS[verb.group("dir")], float(value), unit, basis, written)
            values.append(_Span(m.start(), m.end(), Figure(
                text=written, value=float(value), unit=unit, en=None, change=listed,
                sentence=text, metric=_metric(text, (verb or m).start()), period=period)))
        taken.append((m.start(), m.end()))
    for m in _VALUE.finditer(text):
        if _overlaps(m.start("num"), m.end(), taken) or _not_a_figure(text, m):
            continue
        figure = _value_figure(text, m, period)
        if figure.value is None:
            continue  # "千亿元级", "上百家": magnitude words, not amounts
        values.append(_Span(m.start(), m.end(), figure))
        taken.append((m.start(), m.end()))
    for m in re.finditer(r"指数(?:为|达到|达)\s*(?P<num>\d+(?:\.\d+)?)(?![\d.%％]|\s*[个点倍])", text):
        if not _overlaps(m.start("num"), m.end(), taken):
            value = parse_number(m.group("num"))
            if value is None:
                continue
            values.append(_Span(m.start("num"), m.end(), Figure(
                text=m.group("num"), value=float(value), unit="points", en=None, sentence=text,
                metric=_metric(text, m.start("num")), period=period)))
    values.sort(key=lambda s: s.start)
    values = _merge_ranges(text, values)
    # a change right after a value ("实现利润1973.8亿元，同比增长26.9%") belongs to it
    result: list[_Span] = []
    for span in sorted(values + changes, key=lambda s: s.start):
        if span.figure.change is not None and span.figure.unit is not None and result:
            prev = result[-1]
            gap = text[prev.end : span.start]
            is_share = prev.figure.unit == "%" and "占" in (prev.figure.metric or "")  # "占…的15.9%"
            if prev.figure.change is None and re.fullmatch(r"[\s，,、]*", gap) and prev.figure.unit != "pp" and not is_share:
                result[-1] = _Span(prev.start, span.end, replace(prev.figure, change=span.figure.change))
                continue
        result.append(span)
    return [s.figure for s in result]


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _change_unit(unit: str) -> str:
    return {"个百分点": "pp", "百分点": "pp", "%": "%", "％": "%", "点": "points", "倍": "times"}[unit]


def _basis(basis: str | None, sentence: str) -> str | None:
    if not basis:
        return None
    year = re.search(r"((?:19|20)\d{2})年", basis)
    if year:
        return f"vs {year.group(1)}"
    if basis == "同比" or (("去年" in basis or "上年" in basis) and "季度" not in basis and "年末" not in basis):
        return "y/y"
    if "季度" in basis or (basis == "环比" and "季度" in sentence):
        return "q/q"
    if "月" in basis or (basis == "环比" and "月" in sentence):
        return "m/m"
    if "年末" in basis:
        return "vs end of last year"
    return "vs previous period"


def _not_a_figure(text: str, m: re.Match) -> bool:
    unit = m.group("unit")
    num = m.group("num")
    after = text[m.end() : m.end() + 3].lstrip()
    before = text[max(0, m.start("num") - 1) : m.start("num")]
    if unit == "个" and (after.startswith("月") or after.startswith("季")):
        return True  # 前2个月: a period
    if unit in ("点", "P") and not re.search(r"\d", num):
        return True
    if unit == "P" and not after.startswith("算"):
        return True
    if unit == "名" and after[:1] in "单次":
        return True
    if unit == "台" and after[:1] in "湾州":
        return True
    # ordinals and "一个": words, not figures
    return before == "第" or bool(re.match(r"^[一二三四五六七八九十]$", num) and unit in ("个", "项", "家", "名", "张", "件", "套", "台"))


def _value_figure(text: str, m: re.Match, period: str | None) -> Figure:
    code = UNITS[m.group("unit")]
    value = parse_number(m.group("num") + (m.group("mag") or ""))
    upper = parse_number(m.group("num2") + (m.group("mag2") or "")) if m.group("num2") else None
    if upper is not None and not m.group("mag2") and m.group("mag"):
        upper = parse_number(m.group("num2") + m.group("mag"))  # "3至4万元": the magnitude is shared
    approx = (
        _APPROX_BEFORE.get(m.group("pre") or "")
        or _APPROX_AFTER.get(m.group("mid0") or m.group("mid") or "")
        or _APPROX_AFTER.get(m.group("post") or "")
    )
    if m.group("cur") and code == "CNY":
        code = CURRENCY_BEFORE[m.group("cur")]  # "新台币12.77亿元": the currency is named first
    noun = None
    metric = _metric(text, m.start())
    if code in ("items", "companies", "people"):
        # "80个特色化行业大模型" names the thing after the count, "就业岗位1.2万个" before it
        noun = _count_noun(text[m.end() : m.end() + 24])
        if noun is None and code == "items" and metric:
            noun = next((en for zh, en in COUNT_NOUNS.items() if metric.endswith(zh)), None)
    written = m.group(0).strip()
    figure = Figure(
        text=written,
        value=float(value) if value is not None else None,
        unit=code,
        en=None,
        sentence=text,
        metric=metric,
        approx=approx,
        upper=float(upper) if upper is not None else None,
        period=period,
    )
    if noun:
        figure = replace(figure, unit=noun)
    return figure


def _count_noun(after: str) -> str | None:
    """The head noun of the phrase a count word introduces ("80个特色化行业大模型" → models)."""
    phrase = re.split(r"[，,。；;、的在和与及\d]", after, maxsplit=1)[0]
    best = None
    for zh, en in COUNT_NOUNS.items():
        pos = phrase.rfind(zh)
        if pos != -1:
            key = (pos + len(zh), len(zh))
            if best is None or key > best[0]:
                best = (key, en)
    return best[1] if best else None


def _merge_ranges(text: str, spans: list[_Span]) -> list[_Span]:
    """"10亿元—50亿元", "5%至10%": two values with one unit and a dash between are one range."""
    out: list[_Span] = []
    for span in spans:
        if out:
            prev = out[-1]
            gap = text[prev.end : span.start]
            same_unit = prev.figure.unit == span.figure.unit and prev.figure.upper is None
            if same_unit and re.fullmatch(r"\s*[—\-–~～至到]\s*", gap) and span.figure.value is not None:
                merged = replace(
                    prev.figure,
                    text=text[prev.start : span.end].strip(),
                    upper=span.figure.value,
                    approx=prev.figure.approx or span.figure.approx,
                )
                out[-1] = _Span(prev.start, span.end, merged)
                continue
        out.append(span)
    return out


def _metric(text: str, position: int) -> str | None:
    """What a figure measures: the words of its clause before it, without the verb."""
    head = text[:position]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    clause = head[breaks[-1].end() :] if breaks else head
    clause = _PERIOD.sub("", clause).strip()
    prev = None
    while clause and clause != prev:
        prev = clause
        clause = _METRIC_TRAIL.sub("", clause).strip()
        clause = _METRIC_LEAD.sub("", clause).strip()
    clause = clause.strip("的 ")
    if len(clause) < 2 or not re.search(r"[\u4e00-\u9fff]", clause):
        return None
    return clause[-20:]


