"""Key figures: the numbers an article is about, as structured facts.

A figure is a value with a unit ("8520亿元" → 852,000,000,000 CNY), what it measures (the
words before it in its clause), an approximation ("超", "约", "以上"), a range, the period,
and the change given with it ("同比增长19.2%" → +19.2% y/y). Years, dates, ordinals and
bare numbers without a unit are not figures. English follows one house style, and every
number in it equals the source value: "CNY 852 billion (+19.2% y/y)", "over 70 companies",
"1.1 percentage points".
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from generator.data import Change, Figure, Sentence
from generator.numerals import MAGNITUDE, NUMBER, grouped, parse_number, plain, scaled

# unit as written → (unit code, extra scale)
_UNITS: dict[str, tuple[str, int]] = {
    "个百分点": ("pp", 1), "百分点": ("pp", 1), "%": ("%", 1), "％": ("%", 1),
    "元人民币": ("CNY", 1), "元": ("CNY", 1), "美元": ("USD", 1), "港元": ("HKD", 1), "港币": ("HKD", 1),
    "欧元": ("EUR", 1), "日元": ("JPY", 1), "新台币": ("TWD", 1), "台币": ("TWD", 1),
    "吨": ("t", 1), "千瓦时": ("kWh", 1), "度电": ("kWh", 1), "兆瓦": ("MW", 1), "吉瓦": ("GW", 1),
    "千瓦": ("kW", 1), "公里": ("km", 1), "千米": ("km", 1), "平方米": ("m²", 1), "平方公里": ("km²", 1),
    "米": ("m", 1), "亩": ("mu", 1), "公顷": ("ha", 1), "家": ("companies", 1), "人次": ("visits", 1),
    "人": ("people", 1), "名": ("people", 1), "倍": ("times", 1), "辆": ("vehicles", 1), "台": ("units", 1),
    "套": ("sets", 1), "件": ("items", 1), "项": ("items", 1), "个": ("items", 1), "张": ("items", 1),
    "点": ("points", 1), "P": ("PFLOPS", 1), "EFLOPS": ("EFLOPS", 1), "PFLOPS": ("PFLOPS", 1),
}
_UNIT_RE = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
_COUNT_NOUNS = {
    "重点项目": "key projects", "项目": "projects", "企业": "companies", "行业": "industries", "产品": "products",
    "国家": "countries", "城市": "cities", "省市区": "provinces and regions", "省份": "provinces",
    "分项指数": "sub-indices", "分行业指数": "sector indices", "指数": "indices", "集群": "clusters",
    "集聚区": "clusters", "大模型": "models", "合作协议": "agreements", "协议": "agreements",
    "领域": "fields", "单位": "organisations", "园区": "parks", "基地": "bases", "中心": "centres",
    "人才": "people", "岗位": "jobs", "学校": "schools", "医院": "hospitals", "门店": "stores",
}
_APPROX_BEFORE = {
    "约": "about", "大约": "about", "约为": "about", "大约为": "about", "约合": "about",
    "近": "nearly", "将近": "nearly", "接近": "nearly", "超过": "over",
    "超": "over", "逾": "over", "突破": "over", "不到": "under", "不足": "under", "低于": "under",
    "高于": "over", "多于": "over",
}
_APPROX_AFTER = {"以上": "over", "多": "over", "余": "over", "左右": "about", "以下": "under", "以内": "under"}
_APPROX_B = "|".join(sorted(_APPROX_BEFORE, key=len, reverse=True))

_CURRENCY_BEFORE = {"新台币": "TWD", "台币": "TWD", "人民币": "CNY", "港币": "HKD"}
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


def extract_figures(sentences: Sequence[Sentence]) -> list[Figure]:
    figures: list[Figure] = []
    for sentence in sentences:
        figures.extend(_sentence_figures(sentence.text))
    return figures


def figure_sentences(sentences: Sequence[Sentence], figures: Sequence[Figure]) -> set[int]:
    """Indices of the sentences that carry one of ``figures`` (the summariser favours them)."""
    texts = {f.sentence for f in figures}
    return {i for i, s in enumerate(sentences) if s.text in texts}


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
            change = None
            if verb:
                basis = _basis(verb.group("basis"), text)
                change = Change(_DIRECTIONS[verb.group("dir")], float(value), unit, basis, written)
            values.append(_Span(m.start(), m.end(), Figure(
                text=written, value=float(value), unit=unit, en=None, change=change,
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
    return [replace(s.figure, en=render_en(s.figure)) for s in result]


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
    if basis == "同比" or ("去年" in basis or "上年" in basis) and "季度" not in basis and "年末" not in basis:
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
    if before == "第" or re.match(r"^[一二三四五六七八九十]$", num) and unit in ("个", "项", "家", "名", "张", "件", "套", "台"):
        return True  # ordinals and "一个": words, not figures
    return False
    return False


def _value_figure(text: str, m: re.Match, period: str | None) -> Figure:
    code, _ = _UNITS[m.group("unit")]
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
        code = _CURRENCY_BEFORE[m.group("cur")]  # "新台币12.77亿元": the currency is named first
    noun = None
    metric = _metric(text, m.start())
    if code in ("items", "companies", "people"):
        # "80个特色化行业大模型" names the thing after the count, "就业岗位1.2万个" before it
        noun = _count_noun(text[m.end() : m.end() + 24])
        if noun is None and code == "items" and metric:
            noun = next((en for zh, en in _COUNT_NOUNS.items() if metric.endswith(zh)), None)
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
    for zh, en in _COUNT_NOUNS.items():
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


_CURRENCY = {"CNY", "USD", "HKD", "EUR", "JPY", "TWD"}
_SYMBOL_UNITS = {"%": "%", "t": " tonnes", "kWh": " kWh", "MW": " MW", "GW": " GW", "kW": " kW", "km": " km",
                 "m²": " m²", "km²": " km²", "m": " m", "mu": " mu", "ha": " ha", "PFLOPS": " PFLOPS",
                 "EFLOPS": " EFLOPS"}


def _amount(value: float | None, unit: str | None, upper: float | None = None) -> str:
    if value is None:
        return ""
    v = Decimal(str(value))
    if unit in _CURRENCY:
        if upper is not None:
            u = Decimal(str(upper))
            low, high = scaled(v), scaled(u)
            lw, hw = low.split(" ")[-1], high.split(" ")[-1]
            if lw == hw and lw.isalpha():
                return f"{unit} {low.rsplit(' ', 1)[0]}-{high}"
            return f"{unit} {low}-{high}"
        return f"{unit} {scaled(v)}"
    number = scaled(v) if unit in ("t", "kWh", "people", "companies", "visits", "vehicles") else grouped(v)
    if upper is not None:
        number = f"{number}-{scaled(Decimal(str(upper))) if number[-1].isalpha() else grouped(Decimal(str(upper)))}"
    if unit == "pp":
        return f"{number} percentage point" + ("" if v == 1 and upper is None else "s")
    if unit == "points":
        return f"{number} point" + ("" if v == 1 and upper is None else "s")
    if unit == "times":
        return f"{number} times"
    if unit in _SYMBOL_UNITS:
        return f"{number}{_SYMBOL_UNITS[unit]}"
    if unit:
        return f"{number} {unit}"
    return number


_CHANGE_UNITS = {"%": "%", "pp": " pp", "points": " points", "times": " times"}


def _change_en(change: Change, upper: float | None = None, *, words: bool = False, approx: str | None = None) -> str:
    """"+19.2% y/y" or "+1.1 pp y/y" inside brackets; "up 6.7% y/y" or "up 4.9 percentage
    points" when the change is the figure itself."""
    suffix = _CHANGE_UNITS.get(change.unit or "", "")
    if words and change.unit == "pp":  # spelled out where the change stands alone
        suffix = " percentage point" + ("" if change.amount == 1 and upper is None else "s")
    number = plain(change.amount) + (f"-{plain(upper)}" if upper is not None else "") + suffix
    if words:
        verb = "up" if change.direction > 0 else "down" if change.direction < 0 else "changed"
        amount = f"{verb} {approx + ' ' if approx else ''}{number}"
    else:
        sign = "+" if change.direction > 0 else "-" if change.direction < 0 else ""
        amount = f"{sign}{number}"
    return f"{amount} {change.basis}" if change.basis else amount


def render_en(figure: Figure) -> str:
    """House style: "CNY 852 billion (+19.2% y/y)", "over 70 companies", "+6.7% y/y"."""
    change = figure.change
    if change is not None and figure.text == change.text:
        # the figure is the change itself: "同比增长6.7%" → "up 6.7% y/y"
        return _change_en(change, figure.upper, words=True, approx=figure.approx)
    text = _amount(figure.value, figure.unit, figure.upper)
    if figure.approx:
        text = f"{figure.approx} {text}"
    if change is not None:
        text += f" ({_change_en(change)})"
    return text


def rank_figures(figures: Sequence[Figure], *, title: str, summary: Sequence[Sentence], limit: int) -> list[Figure]:
    """Most important first: figures of the summary and title, with a change, big money first."""
    summary_texts = {s.text for s in summary}
    scored = []
    for position, f in enumerate(figures):
        score = 0.0
        if any(f.sentence.endswith(t) or t in f.sentence for t in summary_texts):
            score += 3.0
        if title and _number_in(f.text, title):
            score += 2.0
        if f.change is not None:
            score += 1.5
        if f.metric:
            score += 1.0
        if f.unit in _CURRENCY and f.value:
            score += min(2.0, math.log10(max(f.value, 1.0)) / 6)
        score -= 0.02 * position
        scored.append((round(score, 6), position, replace(f, score=round(score, 6))))
    scored.sort(key=lambda p: (-p[0], p[1]))
    seen: set[str] = set()
    out = []
    for _, _, f in scored:
        if f.text in seen:
            continue
        seen.add(f.text)
        out.append(f)
        if len(out) == limit:
            break
    return out


def _number_in(figure_text: str, title: str) -> bool:
    nums = re.findall(r"\d+(?:\.\d+)?", figure_text)
    return bool(nums) and any(n in title for n in nums)
