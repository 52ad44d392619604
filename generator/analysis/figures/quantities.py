"""Quantities in a sentence: every number with its unit, in the written forms news uses.

Reads a sentence already folded to simplified script and half-width forms (same length as
written, so every span is a span of the sentence as printed). A quantity is a number with
its magnitude and unit ("8520亿元", "8千元", "1兆7058亿元"), a percentage in words ("百分之五",
"千分之一"), tenths ("三成", "三成半", "半成"), money with a symbol or currency before it
("$20", "US$12.5", "人民币3.14亿") or in parts ("50元6角三分"), a magnitude alone after how
near it comes ("逾千亿元", "近万人", "破兆元"), with its sign ("-22.2%",
"负3.9%"), its approximation ("约", "以上") and, in a range or a list, the unit and magnitude
its neighbours share ("5-20%", "2.41~3.05亿元", "0.46、0.56、0.64元", "13/16/19亿元").

What is written like a number but is no amount is left out: dates and years (no unit),
times ("9点33分"), ordinals ("第3季"), tolerances ("正负2个百分点"), numeral words ("一家",
"千家万户", "唯一成长", "千亿元级"), and anything malformed (".22%"). A quantity this module is unsure of
is dropped rather than guessed: a missing figure is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise

from generator.analysis.figures.units import (
    CURRENCIES,
    CURRENCY_BEFORE,
    PER_UNITS,
    PERCENT_WORDS,
    UNIT_SCALE,
    UNITS,
)
from generator.analysis.numerals import ARABIC, CHINESE, MAGNITUDE, MAGNITUDES, MULTIPLIERS, NUMBER, parse_number


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "约为" wins over "约")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


APPROX_BEFORE = {
    "约": "about", "大约": "about", "约为": "about", "大约为": "about", "约合": "about", "约有": "about",
    "近": "nearly", "将近": "nearly", "接近": "nearly", "逼近": "nearly", "近乎": "nearly", "超过": "over",
    "超": "over", "逾": "over", "突破": "over", "破": "over", "跌破": "under", "不到": "under", "不足": "under", "低于": "under",
    "高于": "over", "多于": "over", "不超过": "at most", "不高于": "at most", "不多于": "at most", "最多": "at most",
    "至多": "at most", "不低于": "at least", "不少于": "at least", "至少": "at least", "最少": "at least",
}
APPROX_AFTER = {"以上": "over", "多": "over", "余": "over", "左右": "about", "上下": "about", "以下": "under",
                "以内": "under", "之多": "over"}
_APPROX_BEFORE_RE = re.compile(rf"(?:{alternatives(APPROX_BEFORE)})\s*$")
_APPROX_AFTER_RE = re.compile(rf"\s*(?:{alternatives(APPROX_AFTER)})")


# Direction words before a change, with the basis some of them carry (Taiwan's 年增, 季减).
DIRECTIONS = {
    "增长": 1, "成长": 1, "上升": 1, "提高": 1, "提升": 1, "增加": 1, "上涨": 1, "上扬": 1, "攀升": 1,
    "扩大": 1, "上调": 1, "调升": 1, "调高": 1, "增": 1, "涨": 1, "升": 1, "扬": 1,
    "下降": -1, "减少": -1, "下滑": -1, "下跌": -1, "降低": -1, "回落": -1, "衰退": -1, "萎缩": -1,
    "缩减": -1, "缩小": -1, "缩水": -1, "收窄": -1, "下调": -1, "调降": -1, "调低": -1, "减": -1,
    "降": -1, "跌": -1, "挫": -1, "衰": -1, "贬值": -1, "贬": -1, "升值": 1, "短少": -1,
    "高出": 1, "上行": 1, "下行": -1,
}
# Compounds of an adverb and a one-character direction ("大增", "下挫", "微升").
DIRECTIONS |= {w: 1 for w in ("大增", "大涨", "跳增", "飙增", "飙升", "暴增", "骤增", "高增", "劲扬", "劲升", "微增", "微升",
                               "小升", "小涨", "小增", "续增", "净增", "剧增", "回升", "扬升", "走扬", "急升", "狂飙",
                               "暴涨", "狂涨", "飙涨", "跃升", "扩增", "激增", "猛增", "跳升", "跳涨", "扩充", "窜升", "狂升", "突增", "走高", "攀高",
                               "逆增", "逆升", "逆扬", "逆涨")}
DIRECTIONS |= {w: -1 for w in ("大减", "大跌", "暴跌", "骤降", "骤减", "重挫", "下挫", "微降", "微减", "小跌", "小减", "续减",
                                "净减", "剧减", "急跌", "陡降", "重贬", "走贬", "大贬", "急贬", "狂泻", "重泻", "大泻",
                                "狂跌", "崩跌", "削减", "锐减", "惨跌", "突减", "删减", "重跌", "走低", "逆减", "逆跌")}
_DIRECTION_END = re.compile(rf"(?:{alternatives(DIRECTIONS)})\s*$")
# Units of a share or a multiple: "提升5%至10%" is a range even after a verb.
_RELATIVE_UNITS = frozenset({"%", "pp", "bp", "times"})


def _unit_pattern() -> str:
    """Units longest first; Latin ones not followed by a letter, 成 not starting a word."""
    parts = []
    for unit in sorted(UNITS, key=len, reverse=True):
        if unit == "成":
            # 成长, 成本, 成为, 成立, 一成不变 ...: 成 starting a word is no share
            # 七成五 (75%) is read by no rule here: left out rather than read as 70%
            parts.append("成半|成(?![长本为功交立果员绩品熟都就型效像分份败年人事套片批群形材活真文才行色语因书案器风全不千百天日"
                         "一二两三四五六七八九0-9])")
        elif unit.isascii() and unit[-1].isalpha():
            parts.append(re.escape(unit) + "(?![A-Za-z])")
        else:
            parts.append(re.escape(unit))
    return "|".join(parts)


_CURRENCY_BEFORE_RE = alternatives(CURRENCY_BEFORE)
_PER_RE = alternatives(PER_UNITS)
# A sign: "-"/"+" not after a digit, letter or closing mark (a range's dash, "COVID-19") but
# after yoy/qoq/mom ("yoy-55.57%"), or 负.
_SIGN = r"(?:(?:(?<![0-9A-Za-z.%)\]])|(?<=[Yy][Oo][Yy]|[Qq][Oo][Qq]|[Mm][Oo][Mm]))[-+](?=\d)|负(?=\d))"
# The characters a quantity can start with (a currency, a space, a sign, a numeral): tested
# first, so the scan skips every other position at the cost of one character-class check.
_STARTS = "[" + re.escape("".join(sorted({c[0] for c in CURRENCY_BEFORE}))) + r"\s\d零〇一二两三四五六七八九十百千+\-负]"
_GENERAL = re.compile(
    rf"(?={_STARTS})(?P<cur>{_CURRENCY_BEFORE_RE})?\s*(?P<sign>{_SIGN})?(?P<num>{NUMBER})\s*(?P<mid0>多|余)?\s*"
    rf"(?P<mags>{MAGNITUDES})?\s*(?P<mid>多|余)?\s*"
    rf"(?:(?P<unit>{_unit_pattern()})(?:/(?P<per>{_PER_RE}))?)?"
)
# What is counted in money, right before a number in 亿 with no unit ("营收26.5亿"), and what
# may follow such a number: a break, not a unit this parser does not know ("26.5亿股")
_IMPLIED_YUAN = re.compile(
    r"(?:营收|营业收入|收入|净利润?|获利|盈余|利润|营业额|销售额|净损|亏损|营益|营业利益|毛利|市值)[^，,。；;、\d]{0,4}$")
_BREAK = re.compile(r"\s*(?:[，,。；;、）)]|$)")
_PERCENT_WORDS = re.compile(rf"(?P<sign>负)?(?P<pw>百分之|千分之|万分之)(?P<num>百(?!分)|{ARABIC}|{CHINESE})")
_HALF_TENTH = re.compile(r"(?<![一二两三四五六七八九十\d])半成")
# A magnitude alone after how near it comes, as headlines and leads round a figure: "逾千亿元"
# (over CNY 100 billion), "近万人", "超百家", "破兆元"; not a class of things ("千亿元级产业")
_BARE_MAGNITUDE = re.compile(
    rf"(?<=逾|超|近|破|达|约|足)(?P<mags>万亿|千亿|百亿|亿|千万|百万|万|兆|千|百)(?P<unit>{_unit_pattern()})(?!级|量级)"
)
_DIGIT = r"[0-9一二两三四五六七八九]"
# Money in parts: yuan, jiao (角, 毛) and fen; yen and sen.
_PARTS = re.compile(
    rf"(?P<y>{NUMBER})(?:元|块)(?P<j>{_DIGIT})(?:角|毛)(?:(?P<f>{_DIGIT})分)?"
    rf"|(?P<y2>{NUMBER})元零?(?P<f2>{_DIGIT})分"
    rf"|(?P<y3>{NUMBER})日元(?P<s>\d{{1,2}}|{_DIGIT})日本?[銭钱]"
)
_PARTS_NEED = re.compile("[角毛分钱銭]")  # every form of ``_PARTS`` has one of them
_BARE_NEED = re.compile("[逾超近破达约足][万千百亿兆]")
_RANGE_GAP = re.compile(r"\s*(?:[-~—–]|至|到)\s*")
LIST_GAP = re.compile(r"\s*(?:、|和|及|与|/)\s*")  # between the items of a list
_SINGLE_CN = re.compile(r"[零〇一二两三四五六七八九十]")
# Units a single Chinese numeral may carry ("三成", "两倍", "两个百分点"); "一家", "两个" are words.
_WORD_UNITS = frozenset({"成", "成半", "倍", "个百分点", "百分点", "个基点", "基点", "个bp", "个bps"})
# The character before 一 in words that end in it: 唯一, 统一, 之一, 第一, 万一, 合一, 扳回一...
_ONE_WORDS = "唯统之第万合其划同单逐专回"
# What stands around a number that is no amount (``_not_an_amount``).
_MAGNITUDE_RE = re.compile(MAGNITUDE)
_TOLERANCE_BEFORE = re.compile(r"(?:正负|±|\+/-)\s*$")
_CUT_NUMBER_AFTER = re.compile(r"[-~]\s*\.\d")
_HYPHEN_BEFORE = re.compile(r"[A-Za-z]-$")
_SEVERAL_BEFORE = re.compile(r"(?:数|几|若干)$")
_LATIN_AFTER = re.compile(r"\s?[A-Za-z]")
_TIME_BEFORE = re.compile(r"(?:时间|上午|下午|晚上|凌晨|早上|中午|傍晚|晚|早|日)\s*$")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit code, where the sentence writes it."""

    start: int  # span in the sentence: approximation words included
    end: int
    value: Decimal
    unit: str  # unit code: "CNY", "%", "pp", "companies", "CNY/t" ...
    upper: Decimal | None = None  # upper bound of a range
    approx: str | None = None  # "about", "over", "nearly", "under"
    sign: int = 0  # +1 / -1 when written with a sign ("+27.58%", "-22.2%", "负3.9%")
    written_unit: str = ""  # the unit as written ("个", "点", "家"): some rules read it


@dataclass(slots=True)
class _Token:
    start: int  # the number (with its sign or currency before it)
    end: int  # after the unit, or after the number when none follows
    value: Decimal | None
    base: Decimal | None  # the number before its magnitude, to share a range's magnitude
    magnitude: str | None  # the last magnitude word
    unit: str | None  # as written
    per: str | None = None
    currency: str | None = None  # code of a currency named before the number
    sign: int = 0
    chinese: str | None = None  # the numeral when written in Chinese
    over: bool = False  # "200多家", "60余家": more than the number
    blocked: bool | None = None  # no amount (``_blocked``): decided only when a reading needs it
    # the numeral and magnitude words of a number with neither unit nor currency, read into
    # value, base and magnitude only when a range or a list takes it (``_parsed``)
    unread: tuple[str, str] | None = None


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity of ``text`` (a folded sentence) in order; dates, codes and words left out."""
    tokens = _tokens(text)
    quantities: list[Quantity] = []
    i = 0
    while i < len(tokens):
        run = _list_run(text, tokens, i)
        if len(run) > 1:
            quantities.extend(_read_list(text, run))
            i += len(run)
            continue
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and _is_range(text, t, nxt):
            q = _read(text, nxt, low=t)
            i += 2
        else:
            q = _read(text, t)
            i += 1
        if q is not None:
            quantities.append(q)
    return quantities


def _tokens(text: str) -> list[_Token]:
    """Numbers in text order; the special forms first, then every other number."""
    tokens: list[_Token] = []
    taken: list[tuple[int, int]] = []
    # the rarer forms are looked for only where the characters they need are present
    for m in _PARTS.finditer(text) if _PARTS_NEED.search(text) else ():
        tokens.append(_parts_token(m))
        taken.append((m.start(), m.end()))
    for m in _PERCENT_WORDS.finditer(text) if "分之" in text else ():
        if _overlaps(m.start(), m.end(), taken):
            continue
        number = Decimal(100) if m.group("num") == "百" else parse_number(m.group("num"))
        value = number * PERCENT_WORDS[m.group("pw")] if number is not None else None
        tokens.append(_Token(m.start(), m.end(), value, value, None, "%", sign=-1 if m.group("sign") else 0))
        taken.append((m.start(), m.end()))
    for m in _HALF_TENTH.finditer(text) if "半成" in text else ():
        if not _overlaps(m.start(), m.end(), taken):
            tokens.append(_Token(m.start(), m.end(), Decimal(5), Decimal(5), None, "%"))
            taken.append((m.start(), m.end()))
    for m in _BARE_MAGNITUDE.finditer(text) if _BARE_NEED.search(text) else ():
        value = MULTIPLIERS[m.group("mags")]
        tokens.append(_Token(m.start(), m.end(), value, Decimal(1), m.group("mags"), m.group("unit"), chinese=m.group("mags")))
        taken.append((m.start(), m.end()))
    for m in _GENERAL.finditer(text):
        if taken and _overlaps(m.start("num"), m.end(), taken):
            continue
        tokens.append(_general_token(m))
    tokens.sort(key=lambda t: t.start)
    for before, t in pairwise(tokens):
        if t.sign < 0 and t.start == before.end and text[t.start] == "-":
            t.start, t.sign = t.start + 1, 0  # "3万-5万元", "3万元-5万元": a range's dash, not a minus
    return tokens


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _parts_token(m: re.Match) -> _Token:
    """"50元6角三分" → 50.63 CNY, "10日元5日本銭" → 10.05 JPY: whole units plus tenths and hundredths."""
    parts: list[tuple[str, Decimal]]
    if m.group("y3"):
        parts, unit = [(m.group("y3"), Decimal(1)), (m.group("s"), Decimal("0.01"))], "日元"
    elif m.group("y2"):
        parts, unit = [(m.group("y2"), Decimal(1)), (m.group("f2"), Decimal("0.01"))], "元"
    else:
        parts = [(m.group("y"), Decimal(1)), (m.group("j"), Decimal("0.1")), (m.group("f") or "0", Decimal("0.01"))]
        unit = "元"
    value: Decimal | None = Decimal(0)
    for text, scale in parts:
        number = parse_number(text)
        value = value + number * scale if value is not None and number is not None else None
    return _Token(m.start(), m.end(), value, value, None, unit)


def _general_token(m: re.Match) -> _Token:
    cur, sign_text, number, mid0, mags, mid, unit, per = m.group("cur", "sign", "num", "mid0", "mags", "mid", "unit", "per")
    mags = mags or ""
    currency = CURRENCY_BEFORE.get(cur or "")
    start = m.start("cur") if cur else (m.start("sign") if sign_text else m.start("num"))
    end = m.end("per") if per else m.end("unit") if unit else m.end("mags") if mags else m.end("num")
    if currency and unit is not None and _code(unit) not in CURRENCIES:
        currency, start = None, (m.start("sign") if sign_text else m.start("num"))  # "美金3%": not money
    sign = 0
    if sign_text:
        sign = 1 if sign_text == "+" else -1
    chinese = number if not number[0].isdigit() else None
    if unit is None and currency is None and "亿" in mags and _IMPLIED_YUAN.search(m.string, 0, start) and _BREAK.match(m.string, end):
        unit = "元"  # "营收26.5亿，年增14.77%": money in 亿 with its 元 left out, as financial news writes it
    token = _Token(start, end, None, None, None, unit, per, currency, sign, chinese, bool(mid0 or mid), unread=(number, mags))
    return token if unit is None and currency is None else _parsed(token)


def _parsed(t: _Token) -> _Token:
    """``t`` with its number read (most numbers, with no unit, are never read: a year, a code)."""
    if t.unread is not None:
        number, mags = t.unread
        t.base = parse_number(number)
        t.value = parse_number(number + mags) if mags else t.base
        t.magnitude = _MAGNITUDE_RE.findall(mags)[-1] if mags else None
        t.unread = None
    return t


def _blocked(text: str, t: _Token) -> bool:
    """Whether ``t`` is no amount, decided once and only for a token a reading takes: most
    numbers (years, codes, counts without a unit) are dropped for want of a unit first."""
    if t.blocked is None:
        t.blocked = _not_an_amount(text, _parsed(t))
    return t.blocked


def _not_an_amount(text: str, t: _Token) -> bool:
    """Numbers that are no amount: see the module docstring."""
    if t.value is None:
        return True  # "千亿元级", "百家": numeral words
    before = text[max(0, t.start - 8) : t.start]
    after = text[t.end : t.end + 4]
    unit = t.unit or ""
    if before.rstrip().endswith("第"):
        return True  # 第3季
    if _TOLERANCE_BEFORE.search(before) or (before.endswith("正") and text[t.start] == "负"):
        return True  # 正负2个百分点: a tolerance, not a value
    if _CUT_NUMBER_AFTER.match(after):
        return True  # "65.88%-.37%": the second number is cut
    if _HYPHEN_BEFORE.search(before):
        return True  # "EPS-0.8元": a minus or a hyphen ("COVID-19")? the sign cannot be known
    if t.chinese is not None and _SEVERAL_BEFORE.search(before):
        return True  # 数十亿元, 几百万人: "several", not a number
    if t.unit is None and _LATIN_AFTER.match(after):
        return True  # "$20k", "US$ 3.2 billion": an English magnitude this parser does not read
    if t.chinese is not None and _SINGLE_CN.fullmatch(t.chinese) and t.magnitude is None and unit not in _WORD_UNITS:
        return True  # 一家, 两个, 五台山, 三人行
    if unit.startswith("成"):
        if t.base is None or t.base != int(t.base) or not 1 <= t.base <= 9:
            return True
        if t.chinese is not None and before and before[-1] in _ONE_WORDS:
            return True  # 唯一成长, 统一成本, 扳回一成
    if t.magnitude == "兆" and not t.currency and (t.unit is None or _code(t.unit) not in CURRENCIES):
        return True  # 兆 before money is Taiwan's 10^12; elsewhere it is mega
    return _word_after(unit, after) or _time(unit, t, before, after)


# Unit characters that also start a common word, and the characters that would follow them
# then: 3部门, 支出, 只要, 条件, 款项, 座位, 头部, 名单, 台湾, 人民路, "A11项目" (a model's project).
_STARTS_WORD = {
    "部": "分门署长位落件", "支": "出持付撑援柱票", "只": "要有是能会需剩限在不可好得见", "户": "外口型籍",
    "架": "构设上", "款": "项式额", "座": "位谈椅席", "条": "件款例约", "头": "部条寸等号",
    "项": "目", "名": "单次", "台": "湾州北南中东资企风", "人": "民制均们员工造力类格口士",
}


def _word_after(unit: str, after: str) -> bool:
    """The unit character starts a word: 3个月, 名单, 台湾, 人民路 (nothing after: the text's end)."""
    if unit == "个" and re.match(r"多?月|半月|季|多?小时|工作[日天]|交易日|营业日|星期|礼拜|位数", after):
        return True  # a time (3个多月, 2个工作天), or the digits of a number (个位数增长)
    return bool(after) and after[0] in _STARTS_WORD.get(unit, "")


def _time(unit: str, t: _Token, before: str, after: str) -> bool:
    """9点33分, 下午3点: a time; 200P算力 is computing power, P alone is no unit."""
    if unit == "点":
        return t.chinese is not None or bool(re.match(r"\d{1,2}分|[半整钟]", after) or _TIME_BEFORE.search(before))
    return unit == "P" and not after.lstrip().startswith("算")


def _code(unit: str) -> str:
    return UNITS["成" if unit == "成半" else unit]


def _unit_code(t: _Token) -> tuple[str, Decimal] | None:
    """The token's unit code and the factor its number is scaled by (三成 → %, 10)."""
    if t.unit is None:
        return (t.currency, Decimal(1)) if t.currency else None  # "$20", "人民币3.14亿"
    code = _code(t.unit)
    scale = UNIT_SCALE.get("成" if t.unit == "成半" else t.unit, Decimal(1))
    if t.currency and code == "CNY":
        code = t.currency  # "新台币12.77亿元", "美金300亿元"
    if t.per:
        code = f"{code}/{PER_UNITS[t.per]}"
    return code, scale


def _scaled(t: _Token, number: Decimal, scale: Decimal) -> Decimal:
    value = number * scale + (Decimal(5) if t.unit == "成半" else 0)  # 三成半: 35%
    return -value if t.sign < 0 else value


def _read(text: str, t: _Token, *, low: _Token | None = None) -> Quantity | None:
    """``t`` as a quantity; with ``low``, the range from ``low`` to ``t``."""
    if t.unit is None and t.currency is None:
        return None  # a year, a code, a count without its unit: no amount (the commonest number)
    code = _unit_code(t)
    if code is None or t.value is None or _blocked(text, t):
        return None
    unit, scale = code
    value, upper = _scaled(t, t.value, scale), None
    begin = t.start
    if low is not None:
        _parsed(low)
        if low.value is None or low.base is None or _blocked(text, low):
            return None
        number = low.value
        if low.magnitude is None and t.magnitude is not None and t.base is not None and low.base < t.base:
            number = low.base * MULTIPLIERS[t.magnitude]  # "2.41~3.05亿元": one magnitude for both
        value, upper, begin = _scaled(low, number, scale), value, low.start
        if value >= upper:
            return None  # "45~42%": not a range a reader can trust
    approx_m = _APPROX_BEFORE_RE.search(text[:begin])
    if approx_m and approx_m.group(0).strip() == "超" and text[approx_m.start() - 1 : approx_m.start()] in ("卖", "买"):
        approx_m = None  # "卖超1,962张" is a net sale of 1,962 lots, not "over"
    after_m = _APPROX_AFTER_RE.match(text, t.end)
    if after_m and after_m.group(0).strip() == "多" and not (t.unit or "").startswith(("成", "倍")):
        after_m = None  # "较A350的306人多": more than the other, not "over 306"; "一成多", "1倍多" are
    approx = APPROX_BEFORE[approx_m.group(0).strip()] if approx_m else ("over" if t.over else None)
    if after_m:
        approx = approx or APPROX_AFTER[after_m.group(0).strip()]
    return Quantity(
        start=approx_m.start() if approx_m else begin,
        end=after_m.end() if after_m else t.end,
        value=value,
        unit=unit,
        upper=upper,
        approx=approx,
        sign=(low or t).sign,
        written_unit=t.unit or "",
    )


def _is_range(text: str, a: _Token, b: _Token) -> bool:
    """"5-20%", "5%至10%", "10亿元—50亿元": two numbers, one unit, a dash or 至 between."""
    gap = text[a.end : b.start]
    if gap == "、":
        return _neighbours(text, a, b)
    if not _RANGE_GAP.fullmatch(gap) or b.unit is None:
        return False
    relative = a.unit is None or _code(a.unit) in _RELATIVE_UNITS
    if not relative and re.search("[至到]", gap) and _DIRECTION_END.search(text[: a.start]):
        return False  # "减少2.2万桶至35.6万桶": by one amount, to the other
    return a.unit is None or a.unit == b.unit


def _neighbours(text: str, a: _Token, b: _Token) -> bool:
    """"5、6成", "1、2成", "5、6亿元": two digits a step apart before one unit say "about 50-60%",
    a range, where "分别为1、2%" lists two values."""
    if a.unit is not None or a.currency is not None or b.unit is None or "分别" in text[max(0, a.start - 8) : a.start]:
        return False
    _parsed(a)
    _parsed(b)
    return a.magnitude is None and a.base is not None and b.base is not None and a.base in range(1, 10) and b.base == a.base + 1


def _list_run(text: str, tokens: list[_Token], i: int) -> list[_Token]:
    """"0.46、0.56、0.64元", "13/16/19亿元": numbers without a unit, then one with it."""
    run = [tokens[i]]
    j = i
    while j + 1 < len(tokens) and tokens[j].unit is None and LIST_GAP.fullmatch(text[tokens[j].end : tokens[j + 1].start]):
        j += 1
        run.append(tokens[j])
    if len(run) < 2 or run[-1].unit is None or (len(run) == 2 and _neighbours(text, *run)):
        return [tokens[i]]
    return run


def _read_list(text: str, run: list[_Token]) -> list[Quantity]:
    last = run[-1]
    if any(_blocked(text, _parsed(t)) for t in run):
        return []
    out = []
    for t in run[:-1]:
        value = t.value
        if t.magnitude is None and last.magnitude is not None and t.base is not None:
            value = t.base * MULTIPLIERS[last.magnitude]  # "13/16/19亿元"
        item = replace(t, value=value, unit=last.unit, per=last.per, currency=t.currency or last.currency)
        q = _read(text, item)
        if q is not None:
            out.append(replace(q, end=t.end))
    q = _read(text, last)
    if q is not None:
        out.append(q)
    return out
