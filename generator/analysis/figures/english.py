"""Key figures in English, in one house style.

"CNY 852 billion (+19.2% y/y)", "over 70 companies", "up 4.9 percentage points": money is
scaled into millions, billions and trillions, a change goes in brackets after its value (or
is spelled out when it stands alone), and every number in the English equals the source value.
"""

from __future__ import annotations

from decimal import Decimal

from generator.analysis.figures.units import CURRENCIES
from generator.analysis.numerals import grouped, plain, scaled
from generator.data import Change, Figure

_SYMBOL_UNITS = {"%": "%", "t": " tonnes", "kWh": " kWh", "MW": " MW", "GW": " GW", "kW": " kW", "km": " km",
                 "m²": " m²", "km²": " km²", "m": " m", "mu": " mu", "ha": " ha", "PFLOPS": " PFLOPS",
                 "EFLOPS": " EFLOPS"}


def _amount(value: float | None, unit: str | None, upper: float | None = None) -> str:
    if value is None:
        return ""
    v = Decimal(str(value))
    if unit in CURRENCIES:
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
