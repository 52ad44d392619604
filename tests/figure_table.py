"""The tables of key-figure phrases (tests/data/figure_*.yaml) and how a result is scored.

Shared by tests/test_figures.py and bench/figures_eval.py, so the unit tests and the benchmark
count the same thing. A figure the parser shows is cut into *atoms*: its level (value, upper
bound, unit) and its change (direction, amount, unit, basis). An expected figure is found when
one of its readings is among the atoms shown (recall); an atom shown that no expected figure
reads is a wrong value (precision). Grouping (which change a value carries) is the house
style's business and is tested row by row in figure_phrases.yaml, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"
# Tuning tables, and the held-out ones (never tuned on): written before the parser, and blind
# (labelled after it was written, before it was ever run on them).
TABLES = {
    "news": "figure_news.yaml",
    "tricky": "figure_tricky.yaml",
    "news-heldout": "figure_news_heldout.yaml",
    "tricky-heldout": "figure_tricky_heldout.yaml",
    "news-blind": "figure_news_blind.yaml",
}
# Bases that name the period before without saying which: right wherever m/m or q/q is.
_GENERIC_BASIS = "vs previous period"
_REL = 1e-9

_READING = re.compile(
    r"^(?P<delta>Δ(?P<sign>[+-]))?(?P<value>-?\d+(?:\.\d+)?(?:e\d+)?)(?:\.\.(?P<upper>-?\d+(?:\.\d+)?(?:e\d+)?))?"
    r"\s+(?P<unit>\S+)(?:\s+(?P<basis>.+))?$"
)


@dataclass(frozen=True)
class Atom:
    """One fact a figure states: a level (``direction`` 0) or a change (+1 up, -1 down)."""

    value: float
    upper: float | None
    unit: str | None
    direction: int = 0
    basis: str | None = None

    def reads(self, expected: Atom) -> bool:
        """This atom (shown) states what ``expected`` states; a basis may be left out."""
        if self.direction != expected.direction or self.unit != expected.unit:
            return False
        if not _close(self.value, expected.value) or (self.upper is None) != (expected.upper is None):
            return False
        if self.upper is not None and expected.upper is not None and not _close(self.upper, expected.upper):
            return False
        if self.basis is None or self.basis == expected.basis:
            return True
        return self.basis == _GENERIC_BASIS and expected.basis in ("m/m", "q/q")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _REL * max(abs(a), abs(b), 1.0)


@dataclass(frozen=True)
class Expected:
    written: str
    readings: tuple[Atom, ...]  # any one of them is right


@dataclass(frozen=True)
class Row:
    table: str
    phrase: str
    category: str
    figures: tuple[Expected, ...]


# A currency the text names; without one, a Taiwanese article's bare 元 is the New Taiwan dollar.
_NAMES_A_CURRENCY = re.compile(r"人民[币幣]|新?[台臺][币幣]|港[币幣元]|澳[门門][元币幣]|RMB|NT\$|HK\$|[¥￥]")


def read_in(row: Row, currency: str) -> Row:
    """``row`` as an article read in ``currency`` reads it: its bare 元 (CNY in the tables, the
    mainland reading) in that currency, what it names as renminbi still CNY."""
    if currency == "CNY" or _NAMES_A_CURRENCY.search(row.phrase):
        return row

    def home(a: Atom) -> Atom:
        unit = a.unit or ""
        return Atom(a.value, a.upper, currency + unit[3:], a.direction, a.basis) if unit.startswith("CNY") else a
    figures = tuple(Expected(e.written, tuple(home(a) for a in e.readings)) for e in row.figures)
    return Row(row.table, row.phrase, row.category, figures)


def parse_expected(spec: str) -> Expected:
    """"营收3亿元 = 3e8 CNY", "季减5% = Δ-5 % q/q", "5-20% = 5..20 %", "A = x % | Δ+x %"."""
    written, sep, rest = spec.partition(" = ")
    if not sep:
        raise ValueError(f"no ' = ' in figure spec {spec!r}")
    readings = []
    for part in rest.split(" | "):
        m = _READING.match(part.strip())
        if not m:
            raise ValueError(f"unreadable reading {part!r} in {spec!r}")
        direction = 0
        if m.group("delta"):
            direction = 1 if m.group("sign") == "+" else -1
        upper = float(m.group("upper")) if m.group("upper") else None
        readings.append(Atom(float(m.group("value")), upper, m.group("unit"), direction, m.group("basis")))
    return Expected(written.strip(), tuple(readings))


def load(name: str) -> list[Row]:
    rows = yaml.safe_load((DATA / TABLES[name]).read_text(encoding="utf-8"))
    out = []
    for r in rows:
        if set(r) - {"phrase", "category", "figures"}:
            raise ValueError(f"unknown keys in row {r}")
        specs = r.get("figures") or []
        if not all(isinstance(s, str) for s in specs):
            raise ValueError(f"a figure spec is not a string (a comma in a flow list?): {r}")
        out.append(Row(name, str(r["phrase"]), str(r["category"]), tuple(parse_expected(s) for s in specs)))
    return out


def atoms(figure: dict) -> list[Atom]:
    """What one shown figure (an ``inspect --json`` figure object) states."""
    change = figure.get("change")
    value, upper, unit = figure["value"], figure.get("upper"), figure["unit"]
    if value is None:
        return []
    if change is not None and change["text"] == figure["text"]:
        return [Atom(change["amount"], upper, change["unit"], change["direction"], change["basis"])]
    out = [Atom(value, upper, unit)]
    if change is not None:
        out.append(Atom(change["amount"], None, change["unit"], change["direction"], change["basis"]))
    return out


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    shown: int = 0  # atoms shown
    wrong: int = 0  # atoms shown that no expected figure reads
    problems: list[str] | None = None

    def add(self, other: Score) -> None:
        self.expected += other.expected
        self.found += other.found
        self.shown += other.shown
        self.wrong += other.wrong
        self.problems = (self.problems or []) + (other.problems or [])


def score(row: Row, figures: Iterable[dict], sentence_text: str) -> Score:
    """Recall and precision of the figures shown for one phrase (``sentence_text`` is the text
    the phrase was set in, as the parser saw it: every figure's text must be cut from it)."""
    figures = list(figures)
    shown = [(f, a) for f in figures for a in atoms(f)]
    result = Score(expected=len(row.figures), shown=len(shown), problems=[])
    for e in row.figures:
        if any(a.reads(r) for _, a in shown for r in e.readings):
            result.found += 1
        else:
            result.problems.append(f"missed {e.written}")
    for f, a in shown:
        if not any(a.reads(r) for e in row.figures for r in e.readings):
            result.wrong += 1
            result.problems.append(f"WRONG {f['text']} -> {_show(a)}")
    for f in figures:
        if f["text"] not in sentence_text:
            result.wrong += 1
            result.shown += 1
            result.problems.append(f"WRONG text {f['text']!r} is not as written")
    return result


def _show(a: Atom) -> str:
    sign = "" if a.direction == 0 else ("Δ+" if a.direction > 0 else "Δ-")
    upper = f"..{a.upper:g}" if a.upper is not None else ""
    return f"{sign}{a.value:g}{upper} {a.unit}" + (f" {a.basis}" if a.basis else "")


# Written forms of the same phrase: as written, with full-width digits and signs (as some
# papers and PDF text layers set them), and in traditional script (Taiwan, Hong Kong papers).
_FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789.,%+-$"})


def full_width(text: str) -> str:
    return text.translate(_FULL_WIDTH)


@cache
def _to_traditional() -> Any:
    import opencc

    return opencc.OpenCC("s2tw")


def traditional(text: str) -> str:
    """OpenCC's simplified → traditional (Taiwan characters) conversion of ``text``."""
    return str(_to_traditional().convert(text))


def variants(row: Row) -> dict[str, str]:
    """The phrase in each written form that differs from the phrase itself."""
    out = {"as written": row.phrase}
    for name, form in (("full-width", full_width(row.phrase)), ("traditional", traditional(row.phrase))):
        if form != row.phrase:
            out[name] = form
    return out


def figure_dict(f) -> dict:
    """A :class:`generator.data.Figure` as the ``inspect --json`` figure object has it."""
    from dataclasses import asdict

    return {"text": f.text, "value": f.value, "unit": f.unit, "upper": f.upper,
            "change": asdict(f.change) if f.change else None, "en": f.en}
