"""Key figures on a table of real news phrases (tests/data/figure_phrases.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.analysis.figures import extract_figures, rank_figures
from generator.analysis.numerals import parse_number
from generator.analysis.sentences import split_sentences

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
    assert_english_keeps_every_number(f)


_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


def assert_english_keeps_every_number(f) -> None:
    """Every number in the English, with its magnitude word, is a number of the source, and
    the source value is there: nothing rounded away, nothing invented."""
    source = {f.value, f.upper} | ({f.change.amount} if f.change else set())
    source.discard(None)
    english = re.sub(r"vs (?:19|20)\d{2}", "", f.en.replace(",", ""))  # a basis year is not a figure
    found = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?(?:\s*(million|billion|trillion))?", english):
        scale = _SCALE.get(m.group(3) or "", 1.0)
        found += [float(n) * scale for n in m.group(1, 2) if n is not None]
    for number in found:
        assert any(number == pytest.approx(s, rel=1e-9) for s in source), (f.en, number, source)
    assert any(number == pytest.approx(f.value, rel=1e-9) for number in found), (f.en, f.value)


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


def test_a_decrease_is_signed_in_brackets_and_spelled_out_alone():
    [profit] = extract_figures(split_sentences("实现利润1973.8亿元，同比下降26.9%。"))
    assert profit.en == "CNY 197.38 billion (-26.9% y/y)"
    [alone] = extract_figures(split_sentences("规模以上工业增加值同比下降6.7%。"))
    assert alone.en == "down 6.7% y/y"


# Every unit the parser knows, as a newsroom writes it, with the code and English a reader
# gets (written by hand, not derived from the parser's table).
UNIT_CASES = [
    ("利润率提高了1.5个百分点以后", "1.5个百分点", "pp", "1.5 percentage points"),
    ("占比为12百分点的份额", "12百分点", "pp", "12 percentage points"),
    ("增速达到7.5%的水平", "7.5%", "%", "7.5%"),
    ("增速达到7.5％的水平", "7.5％", "%", "7.5%"),
    ("合同金额1200元人民币整", "1200元人民币", "CNY", "CNY 1,200"),
    ("销售额达到300万元", "300万元", "CNY", "CNY 3 million"),
    ("出口额为45亿美元", "45亿美元", "USD", "USD 4.5 billion"),
    ("募集资金12亿港元", "12亿港元", "HKD", "HKD 1.2 billion"),
    ("募集资金3亿港币", "3亿港币", "HKD", "HKD 300 million"),
    ("投资总额8亿欧元", "8亿欧元", "EUR", "EUR 800 million"),
    ("营收增至500亿日元", "500亿日元", "JPY", "JPY 50 billion"),
    ("营收12.77亿新台币", "12.77亿新台币", "TWD", "TWD 1.277 billion"),
    ("营收6亿台币", "6亿台币", "TWD", "TWD 600 million"),
    ("产量达到20万吨", "20万吨", "t", "200,000 tonnes"),
    ("发电量为3亿千瓦时", "3亿千瓦时", "kWh", "300 million kWh"),
    ("节约用电500万度电", "500万度电", "kWh", "5 million kWh"),
    ("装机容量120兆瓦", "120兆瓦", "MW", "120 MW"),
    ("装机容量3吉瓦", "3吉瓦", "GW", "3 GW"),
    ("单机功率6000千瓦", "6000千瓦", "kW", "6,000 kW"),
    ("新建道路35公里", "35公里", "km", "35 km"),
    ("管线长达12千米", "12千米", "km", "12 km"),
    ("建筑面积8000平方米", "8000平方米", "m²", "8,000 m²"),
    ("占地面积3平方公里", "3平方公里", "km²", "3 km²"),
    ("桥梁全长860米", "860米", "m", "860 m"),
    ("种植水稻1200亩", "1200亩", "mu", "1,200 mu"),
    ("造林面积50公顷", "50公顷", "ha", "50 ha"),
    ("签约企业32家", "32家", "companies", "32 companies"),
    ("接待游客85万人次", "85万人次", "visits", "850,000 visits"),
    ("培训人员300人", "300人", "people", "300 people"),
    ("招聘员工120名", "120名", "people", "120 people"),
    ("产能扩大了3倍", "3倍", "times", "3 times"),
    ("新增汽车500辆", "500辆", "vehicles", "500 vehicles"),
    ("新增设备40台", "40台", "units", "40 units"),
    ("安装系统25套", "25套", "sets", "25 sets"),
    ("收到提案150件", "150件", "items", "150 items"),
    ("取得专利18项", "18项", "items", "18 items"),
    ("建成基站60个", "60个", "items", "60 items"),
    ("发放消费券2000张", "2000张", "items", "2,000 items"),
    ("上证指数上涨了30点", "30点", "points", "30 points"),
    ("算力规模达到200P算力", "200P", "PFLOPS", "200 PFLOPS"),
    ("算力规模达到12EFLOPS", "12EFLOPS", "EFLOPS", "12 EFLOPS"),
    ("算力规模达到300PFLOPS", "300PFLOPS", "PFLOPS", "300 PFLOPS"),
]


@pytest.mark.parametrize("sentence, written, unit, english", UNIT_CASES, ids=[c[1] for c in UNIT_CASES])
def test_every_unit(sentence, written, unit, english):
    figures = [f for f in extract_figures(split_sentences(sentence + "。")) if f.text.endswith(written)]
    assert figures, [f.text for f in extract_figures(split_sentences(sentence + "。"))]
    assert figures[0].unit == unit
    assert figures[0].en.endswith(english)


def test_every_unit_of_the_parser_has_a_case():
    from generator.analysis.figures.units import UNITS

    written = {c[1].lstrip("0123456789.万亿") for c in UNIT_CASES}
    assert set(UNITS) <= written, set(UNITS) - written
