"""Key figures in English, in one house style.

"CNY 852 billion (+19.2% y/y)", "over 70 companies", "up 4.9 percentage points",
"CNY 13,979/t", "5-20%": money is scaled into millions, billions and trillions (so are large
counts), a change goes in brackets after its value (or is spelled out when it stands alone),
and every number in the English equals the source value.
"""

from __future__ import annotations

from decimal import Decimal

from generator.analysis.figures.units import CURRENCIES
from generator.analysis.numerals import grouped, plain, scaled
from generator.data import Change, Figure

_SYMBOL_UNITS = {"%": "%", "t": " tonnes", "kWh": " kWh", "MW": " MW", "GW": " GW", "kW": " kW", "MWh": " MWh",
                 "GWh": " GWh", "km": " km", "m²": " m²", "km²": " km²", "m": " m", "mu": " mu", "ha": " ha",
                 "PFLOPS": " PFLOPS", "EFLOPS": " EFLOPS", "times": "×"}
# Units counted in points of something, singular for exactly one.
_POINT_UNITS = {"pp": "percentage point", "points": "point", "bp": "basis point"}
_SINGULAR = {"people": "person", "indices": "index", "sub-indices": "sub-index"}
# Units written without magnitude words: a percentage or a multiple is never "1.2 million %".
_UNSCALED = frozenset({"%", "pp", "points", "times", "bp"})
# A change's unit in brackets: "+19.2%", "+1.1 pp", "-22 bp", "+1.6×" ("增长1.6倍": "up 1.6 times"
# reads as a count of occasions, and "1.6-fold" is as ambiguous as the source; the sign keeps its number).
_CHANGE_UNITS = {"%": "%", "pp": " pp", "points": " points", "times": "×", "bp": " bp"}


def _one(noun: str) -> str:
    """A count noun for exactly one: "1 company", "1 person", "1 base station" (not "1 companies")."""
    return " ".join(w if w == "and" else _SINGULAR.get(w) or _singular(w) for w in noun.split(" "))


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _numbers(value: Decimal, upper: Decimal | None, *, scale: bool) -> str:
    """"852 billion", "1-5 billion", "5-20", "-5 to -2", "900 million to 1.1 billion"."""
    low = scaled(value) if scale else grouped(value)
    if upper is None:
        return low
    high = scaled(upper) if scale else grouped(upper)
    word, high_word = low.rpartition(" ")[2], high.rpartition(" ")[2]
    if " " in low and word == high_word:
        return f"{low.rsplit(' ', 1)[0]}-{high}"
    if value < 0 or upper < 0 or " " in low:
        return f"{low} to {high}"  # "-5 to -2", "900 million to 1.1 billion": a dash would read as a sign
    return f"{low}-{high}"


def _amount(value: float | None, unit: str | None, upper: float | None = None) -> str:
    if value is None:
        return ""
    base, _, per = (unit or "").partition("/")
    v = Decimal(str(value))
    u = Decimal(str(upper)) if upper is not None else None
    number = _numbers(v, u, scale=base not in _UNSCALED)
    if base in CURRENCIES:
        text = f"{base} {number}"
    elif base in _POINT_UNITS:
        text = f"{number} {_POINT_UNITS[base]}" + ("" if v == 1 and u is None else "s")
    elif base in _SYMBOL_UNITS:
        text = f"{number}{_SYMBOL_UNITS[base]}"
    elif base:
        text = f"{number} {_one(base) if v == 1 and u is None else base}"
    else:
        text = number
    return f"{text}/{per}" if per else text


def _change_en(change: Change, upper: float | None = None, *, words: bool = False, approx: str | None = None) -> str:
    """"+19.2% y/y" or "+1.1 pp y/y" inside brackets; "up 6.7% y/y" or "up 4.9 percentage
    points" when the change is the figure itself; other units as amounts ("up CNY 12 million")."""
    unit = change.unit or ""
    if unit in _CHANGE_UNITS and not (words and unit in _POINT_UNITS):
        number = plain(change.amount) + (f"-{plain(upper)}" if upper is not None else "") + _CHANGE_UNITS[unit]
    else:  # spelled out where the change stands alone, or a change in money, tonnes, companies
        number = _amount(change.amount, unit, upper)
    if words and change.amount == 0 and upper is None:
        amount = f"unchanged ({number})"  # "环比增长…/0/…": one of a list that did not move
    elif words:
        verb = "up" if change.direction > 0 else "down" if change.direction < 0 else "changed"
        amount = f"{verb} {approx + ' ' if approx else ''}{number}"
    else:
        sign = "" if not change.amount else "+" if change.direction > 0 else "-" if change.direction < 0 else ""
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
