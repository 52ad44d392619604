"""Numbers as Chinese news writes them: "8520亿", "1.2955万亿", "两百", "3.26万", "1,600".

Chinese numerals go through cn2an (a maintained converter); the magnitude words 万/亿/万亿
multiply the number before them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

MULTIPLIERS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000)}
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# An Arabic number (thousands separators allowed) or a run of Chinese numerals.
NUMBER = r"(?:\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)"
MAGNITUDE = r"(?:万亿|亿|万(?!千瓦)|千(?=万|亿))?"


def parse_number(text: str) -> Decimal | None:
    """The value of a number with an optional magnitude word: "1.2955万亿" → 1295500000000."""
    text = text.strip().replace(",", "").replace(" ", "")
    if not text:
        return None
    scale = Decimal(1)
    for word in ("万亿", "亿", "万"):
        if text.endswith(word) and len(text) > len(word):
            head = text[: -len(word)]
            if re.fullmatch(r"\d+(\.\d+)?", head) or all(c in CN_DIGITS + "点" for c in head):
                scale = MULTIPLIERS[word]
                text = head
                break
    if re.fullmatch(r"\d+(\.\d+)?", text):
        try:
            return Decimal(text) * scale
        except InvalidOperation:
            return None
    if all(c in CN_DIGITS + "点" for c in text):
        try:
            value = cn2an.cn2an(text, "smart")
        except (ValueError, KeyError, TypeError):
            return None
        return Decimal(str(value)) * scale
    return None


def plain(value: Decimal | float) -> str:
    """A number without float artefacts or needless zeros: 197.38, 1.2955, 852, 0.5."""
    d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    d = d.normalize()
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def grouped(value: Decimal | float) -> str:
    """Thousands separators for whole parts: 1,600; 89.3 stays 89.3."""
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
