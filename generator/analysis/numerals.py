"""Numbers as Chinese news writes them: "8520亿", "1.2955万亿", "两百", "3.26万", "1,600",
"8千", "3千万", "1兆7058亿", "16万2千", "16万9,806".

Chinese numerals go through cn2an (a maintained converter that knows 两, 〇, 点 and colloquial
forms); the magnitude words 万/亿/万亿 (and 千, 百万, 千万, Taiwan's 兆) multiply the number
before them, and a number written in parts ("1兆7058亿") is their sum. Arabic numbers are
read exactly (Decimal), so "1.2955万亿" is 1295500000000, not a float's approximation.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Magnitude words → their value. 兆 is 10^12 in Taiwan's usage (1.58兆日圆); the parser only
# takes it before money, where the mainland's 兆 (mega: 兆瓦) cannot be meant.
MULTIPLIERS = {
    "万亿": Decimal(10) ** 12, "兆": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10,
    "亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4,
    "千": Decimal(1000), "百": Decimal(100),
}
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# A Chinese numeral names an amount only with a digit in it ("三千", "十五", "十亿"): "千",
# "百" alone are words ("千家万户", "百家争鸣", "千亿元级").
_CN_AMOUNT = re.compile(r"[零〇一二两三四五六七八九]|^十")
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
# An Arabic number (thousands separators allowed, never the tail of a longer number or of
# ".22") or a run of Chinese numerals.
NUMBER = rf"(?:(?<![\d.])(?<!\d,){ARABIC}(?![\d])|{CHINESE})"
# A magnitude word after a number. 千 is not one before 米/瓦/克 (千米 is a unit: km), nor 百
# before 分 (百分点) or 米, nor 兆 before 瓦 (兆瓦: MW).
MAGNITUDE = r"(?:万亿|兆(?![瓦赫帕焦伏欧字位比])|千亿|百亿|亿|千万|百万|万|千(?![米瓦克卡])|百(?![分米]))"
# Four digits after 万 complete the number: Taiwan's papers write 169,806 as "16万9,806" and
# 91,000 as "9万1000"; four digits before 年, 月 or 日 are a date, not a tail
WAN_TAIL = r"(?<=\d万)\d,?\d{3}(?![\d.,年月日])"
# The magnitude words after a number, possibly in parts: "万亿" of "3.26万亿", "兆7058亿" of
# "1兆7058亿", "万2千" of "16万2千", "万9,806" of "16万9,806".
MAGNITUDES = rf"{MAGNITUDE}(?:{NUMBER}{MAGNITUDE})*(?:{WAN_TAIL})?"
_PART = re.compile(rf"(?P<num>{ARABIC}|{CHINESE})\s*(?P<mag>{MAGNITUDE})?")


@lru_cache(maxsize=8192)
def parse_number(text: str) -> Decimal | None:
    """The value of a number with its magnitude: "1.2955万亿" → 1295500000000, "1兆7058亿" →
    1705800000000; None when it is not an amount ("千", "百亿" alone, "3万5亿", "一万二")."""
    text = text.strip().replace(",", "").replace(" ", "")
    if not text:
        return None
    total = Decimal(0)
    position = 0
    last_scale: Decimal | None = None
    while position < len(text):
        m = _PART.match(text, position)
        if not m or m.end() == position:
            return None
        number = _plain_number(m.group("num"))
        scale = MULTIPLIERS[m.group("mag")] if m.group("mag") else Decimal(1)
        # parts get smaller ("1兆7058亿"); a bare tail is read only as four digits after 万
        # ("16万9806"): "一万二" is colloquial (12,000), not 10,002
        tail = scale == 1 and last_scale == MULTIPLIERS["万"] and re.fullmatch(r"\d{4}", m.group("num"))
        if number is None or (last_scale is not None and (scale >= last_scale or scale == 1) and not tail):
            return None
        total += number * scale
        last_scale = scale
        position = m.end()
    return total


def _plain_number(text: str) -> Decimal | None:
    if re.fullmatch(r"\d+(\.\d+)?", text):
        try:
            return Decimal(text)
        except InvalidOperation:
            return None
    if not _CN_AMOUNT.search(text):
        return None
    import cn2an  # here, not at the top: its import compiles patterns for a fifth of a second

    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError):
        return None
    return Decimal(str(value))


def plain(value: Decimal | float) -> str:
    """A number without float artefacts or needless zeros: 197.38, 1.2955, 852, 0.5."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    d = d.normalize()
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def grouped(value: Decimal | float) -> str:
    """Thousands separators for whole parts: 1,600; 89.3 stays 89.3; -22.2 keeps its sign."""
    text = plain(value)
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    whole = f"{int(whole):,}" if whole else "0"
    return sign + whole + ("." + frac if frac else "")


def scaled(value: Decimal | float) -> str:
    """English magnitude words: 852 billion, 1.2955 trillion, 50 million, 12,000."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if abs(d) >= size:
            return f"{grouped(d / size)} {word}"
    return grouped(d)
