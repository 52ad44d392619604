"""Key figures on a table of real news phrases (tests/data/figure_phrases.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.figures import extract_figures, rank_figures
from generator.numerals import parse_number
from generator.sentences import split_sentences

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "figure_phrases.yaml").read_text(encoding="utf-8"))


def test_the_table_is_large_enough():
    assert len(TABLE) >= 60


@pytest.mark.parametrize("row", TABLE, ids=[r["text"] for r in TABLE])
def test_phrase(row):
    figures = extract_figures(split_sentences(row["phrase"]))
    match = [f for f in figures if f.text == row["text"]]
    assert match, [f.text for f in figures]
    f = match[0]
    assert f.value == pytest.approx(row["value"], rel=1e-12)
    assert f.unit == row["unit"]
    assert f.upper == (pytest.approx(row["upper"]) if "upper" in row else None)
    if "change" in row:
        direction, amount, unit, basis = row["change"]
        assert f.change is not None
        assert (f.change.direction, f.change.unit, f.change.basis) == (direction, unit, basis)
        assert f.change.amount == pytest.approx(amount)
    else:
        assert f.change is None
    assert f.en == row["en"]
    if "metric" in row:
        assert f.metric == row["metric"]
    # house style keeps every number of the source value
    for number in re.findall(r"\d+(?:\.\d+)?", f.en.replace(",", "")):
        assert float(number) > 0


@pytest.mark.parametrize(
    "text",
    ["3月29日，活动在长沙举行。", "2025年规划建设。", "第一批项目开工。", "前2个月，生产较快回升。", "华电网（6163）董事会决议。"],
)
def test_dates_years_ordinals_and_codes_are_not_figures(text):
    assert extract_figures(split_sentences(text)) == []


def test_period_is_recorded():
    [f] = extract_figures(split_sentences("2024年，全省绿色智能计算产业规模达8520亿元。"))
    assert f.period == "2024年"


@pytest.mark.parametrize(
    "written, value",
    [("8520亿", 852e9), ("1.2955万亿", 1.2955e12), ("两百", 200), ("三十五亿", 3.5e9), ("1,600", 1600), ("3.26万", 32600)],
)
def test_numerals(written, value):
    assert float(parse_number(written)) == pytest.approx(value)


def test_ranking_prefers_summary_title_and_change():
    sentences = split_sentences(
        "今年前2个月，营业收入3.26万亿元，同比增长4.1%。企业数量达到120家。投资总额约20亿元。"
    )
    figures = extract_figures(sentences)
    ranked = rank_figures(figures, title="营收3.26万亿元", summary=sentences[:1], limit=2)
    assert ranked[0].text == "3.26万亿元"
    assert len(ranked) == 2 and ranked[0].score >= ranked[1].score
