"""Key figures on a table of real news phrases (tests/data/figure_phrases.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.analysis.figures import extract_figures, in_english, parse_figures, rank_figures
from generator.analysis.figures.units import home_currency
from generator.analysis.numerals import parse_number
from generator.analysis.sentences import split_sentences
from generator.text import to_half_width, to_simplified
from tests.figure_table import Row, Score, figure_dict, load, score, variants

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
    if "period" in row:
        assert f.period == row["period"]
    assert_english_keeps_every_number(f)


_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
# A number in the English: its sign (not a range's dash), a range's upper end, a magnitude word.
_EN_NUMBER = re.compile(r"(?<![\d.])(-?\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?(?:\s*(million|billion|trillion))?")


def assert_english_keeps_every_number(f) -> None:
    """Every number in the English, with its sign and magnitude word, is a number of the
    source, and the source value is there: nothing rounded away, nothing invented."""
    source = {f.value, f.upper}
    if f.change:
        source |= {f.change.amount, f.change.direction * f.change.amount}
    source.discard(None)
    english = re.sub(r"vs (?:19|20)\d{2}", "", f.en.replace(",", ""))  # a basis year is not a figure
    found = []
    for m in _EN_NUMBER.finditer(english):
        scale = _SCALE.get(m.group(3) or "", 1.0)
        found += [float(n) * scale for n in m.group(1, 2) if n is not None]
    for number in found:
        assert any(number == pytest.approx(s, rel=1e-9) for s in source), (f.en, number, source)
    assert any(number == pytest.approx(f.value, rel=1e-9) for number in found), (f.en, f.value)


# The tables of issue 13 (tests/figure_table.py): real news phrases and tricky cases, each in
# every written form (as written, full-width, traditional script), set in a news sentence.
LEAD = "记者获悉，"
TUNING = load("news") + load("tricky")
HELD_OUT = load("news-heldout") + load("tricky-heldout") + load("news-blind")
# Held out (never tuned on): bench/figures_eval.py reports on them row by row; here they must
# meet issue 13's goals as a whole: no wrong value at all, and this share of figures found.
HELD_OUT_RECALL = 0.95


def _table_result(row: Row) -> list[tuple[str, str, Score, list]]:
    out = []
    for form, phrase in variants(row).items():
        text = LEAD + phrase + "。"
        # a bare 元 in the dollar the article reads in, as analyse() decides it
        figures = in_english(parse_figures(split_sentences(text), currency=home_currency(to_simplified(text))))
        out.append((form, phrase, score(row, [figure_dict(f) for f in figures], phrase), figures))
    return out


def test_the_tables_are_large_enough():
    assert len(load("news")) + len(load("news-heldout")) >= 200
    assert sum(len(r.figures) == 0 for r in TUNING + HELD_OUT) >= 100  # negatives: dates, codes, times


@pytest.mark.parametrize("row", TUNING, ids=[r.phrase[:24] for r in TUNING])
def test_news_phrase(row):
    """Every figure of the phrase found, nothing else shown, the English keeps every number:
    as written, in full-width forms and in traditional script inside a simplified text."""
    for form, phrase, result, figures in _table_result(row):
        assert not result.problems, (form, phrase, result.problems)
        for f in figures:
            assert_english_keeps_every_number(f)


def test_held_out_phrases_show_no_wrong_value():
    total = Score()
    wrong = []
    for row in HELD_OUT:
        for form, phrase, result, figures in _table_result(row):
            total.add(result)
            wrong += [(form, phrase, p) for p in result.problems or [] if p.startswith("WRONG")]
            for f in figures:
                assert_english_keeps_every_number(f)
    assert not wrong, wrong
    assert total.found / total.expected >= HELD_OUT_RECALL


@pytest.mark.parametrize(
    "text",
    [
        "3月29日，活动在长沙举行。", "2025年规划建设。", "第一批项目开工。", "前2个月，生产较快回升。", "华电网（6163）董事会决议。",
        # a number in 亿 is money with its 元 left out only after money, before a break
        "全国人口14亿。", "公司营收26.5亿股。",
    ],
)
def test_dates_years_ordinals_and_codes_are_not_figures(text):
    assert extract_figures(split_sentences(text)) == []


def test_period_is_recorded():
    [f] = extract_figures(split_sentences("2024年，全省绿色智能计算产业规模达8520亿元。"))
    assert f.period == "2024年"


@pytest.mark.parametrize(
    "written, value",
    [("8520亿", 852e9), ("1.2955万亿", 1.2955e12), ("两百", 200), ("三十五亿", 3.5e9), ("1,600", 1600), ("3.26万", 32600),
     ("8千", 8000), ("3千万", 3e7), ("65百万", 6.5e7), ("1兆7058亿", 1.7058e12), ("16万2千", 162000),
     ("三千二百万", 3.2e7), ("一百二十点五", 120.5), ("十亿", 1e9), ("16万9,806", 169806), ("9万1000", 91000)],
)
def test_numerals(written, value):
    assert float(parse_number(written)) == pytest.approx(value)


@pytest.mark.parametrize("written", ["千", "百亿", "千家", "一万二", "3万5亿", "16万98", "3亿1234"])
def test_numeral_words_are_no_numbers(written):
    """千家万户, 百亿元级: magnitude words alone; 一万二 (12,000 or 10,002?), 3万5亿: not read;
    after 万 a bare tail is read only as four digits ("16万9,806"), never "16万98" or after 亿."""
    assert parse_number(written) is None


def test_full_width_forms_fold_one_for_one():
    written = "营收３．２６万亿元，同比－２２．２％　ＵＳ＄１２"
    folded = to_half_width(written)
    assert folded == "营收3.26万亿元,同比-22.2% US$12" and len(folded) == len(written)


def test_ranking_prefers_summary_title_and_change():
    sentences = split_sentences(
        "今年前2个月，营业收入3.26万亿元，同比增长4.1%。企业数量达到120家。投资总额约20亿元。"
    )
    figures = extract_figures(sentences)
    ranked = rank_figures(figures, title="营收3.26万亿元", summary=sentences[:1], limit=2)
    assert ranked[0].text == "3.26万亿元"
    assert len(ranked) == 2 and ranked[0].score >= ranked[1].score


def test_a_count_of_a_few_things_ranks_below_what_the_article_reports():
    sentences = split_sentences("公司新建3座工厂，推出2款新机。第二季营收40亿元。")
    ranked = rank_figures(extract_figures(sentences), title="", summary=sentences[:1], limit=3)
    assert [f.text for f in ranked] == ["40亿元", "3座", "2款"]  # the summary's counts, but after the money


def test_a_full_width_figure_in_the_title_ranks_first():
    figures = extract_figures(split_sentences("投资总额约50万亿元。营业收入３．２６万亿元。"))
    ranked = rank_figures(figures, title="营收3.26万亿元", summary=[], limit=1)
    assert ranked[0].text == "３．２６万亿元"


@pytest.mark.parametrize(
    "sentence, text, english",
    [
        ("新车售价介于4,558万-4,779万韩圜之间。", "4,558万-4,779万韩圜", "KRW 45.58-47.79 million"),
        ("單價為3萬元-5萬元。", "3萬元-5萬元", "CNY 30,000-50,000"),
        ("全年营收约3亿-5亿元。", "约3亿-5亿元", "about CNY 300-500 million"),
        ("归母净利润-2亿元。", "-2亿元", "CNY -200 million"),  # a minus after words stays a minus
    ],
)
def test_a_dash_between_two_amounts_is_a_range_not_a_minus(sentence, text, english):
    assert [(f.text, f.en) for f in extract_figures(split_sentences(sentence))] == [(text, english)]


@pytest.mark.parametrize(
    "sentence, shown",
    [
        ("3月营收达到1.08亿元，月增率高达107.88%。", [("1.08亿元", "CNY 108 million (+107.88% m/m)")]),
        ("营收月减率高达3成。", [("月减率高达3成", "down 30% m/m")]),
        ("EPS年增幅约45%。", [("年增幅约45%", "up about 45% y/y")]),
        ("营收年成长率为8%。", [("年成长率为8%", "up 8% y/y")]),
        ("产值以年复合成长率12%增长。", [("12%", "12%")]),  # a rate alone is a level
    ],
)
def test_the_rate_of_a_change_with_its_basis_glued_on_is_the_change(sentence, shown):
    assert [(f.text, f.en) for f in extract_figures(split_sentences(sentence))] == shown


def test_a_change_is_written_from_inside_the_bracket_it_opens():
    [change, _] = extract_figures(split_sentences("手机出货量较去年同月腰斩（骤减51.6%）至52.6万支。"))
    assert (change.text, change.en) == ("骤减51.6%", "down 51.6% y/y")  # not "较去年同月腰斩（骤减51.6%"


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
    ("产能扩大了3倍", "3倍", "times", "3×"),
    ("新增汽车500辆", "500辆", "vehicles", "500 vehicles"),
    ("新增设备40台", "40台", "units", "40 units"),
    ("安装系统25套", "25套", "sets", "25 sets"),
    ("收到提案150件", "150件", "items", "150 items"),
    ("完成改革任务18项", "18项", "items", "18 items"),
    ("取得专利18项", "18项", "patents", "18 patents"),
    ("今年规划净展600家店", "600家", "stores", "600 stores"),
    ("集团旗下共有12家酒店", "12家", "hotels", "12 hotels"),
    ("建成充电桩60个", "60个", "items", "60 items"),
    ("建成基站60个", "60个", "base stations", "60 base stations"),
    ("售出门票2000张", "2000张", "items", "2,000 items"),
    ("上证指数上涨了30点", "30点", "points", "30 points"),
    ("算力规模达到200P算力", "200P", "PFLOPS", "200 PFLOPS"),
    ("算力规模达到12EFLOPS", "12EFLOPS", "EFLOPS", "12 EFLOPS"),
    ("算力规模达到300PFLOPS", "300PFLOPS", "PFLOPS", "300 PFLOPS"),
    ("两者差距为2pct的水平", "2pct", "pp", "2 percentage points"),
    ("两者差距为0.11个百分比的水平", "0.11个百分比", "pp", "0.11 percentage points"),
    ("两者差距为3pcts的水平", "3pcts", "pp", "3 percentage points"),
    ("两者差距为4ppt的水平", "4ppt", "pp", "4 percentage points"),
    ("两者差距为5PCT的水平", "5PCT", "pp", "5 percentage points"),
    ("利差收窄至25个基点", "25个基点", "bp", "25 basis points"),
    ("利差收窄至30基点", "30基点", "bp", "30 basis points"),
    ("信用利差为150bp", "150bp", "bp", "150 basis points"),
    ("信用利差为120bps", "120bps", "bp", "120 basis points"),
    ("存款成本为6个bp", "6个bp", "bp", "6 basis points"),
    ("信用利差为35个bps", "35个bps", "bp", "35 basis points"),
    ("手续费率为3‰", "3‰", "%", "0.3%"),
    ("费率为5‱", "5‱", "%", "0.05%"),
    ("外销比重约占8成", "8成", "%", "80%"),
    ("合计为5000人民币元", "5000人民币元", "CNY", "CNY 5,000"),
    ("售价为4人民币", "4人民币", "CNY", "CNY 4"),
    ("打车花了30块钱", "30块钱", "CNY", "CNY 30"),
    ("售价为250美圆", "250美圆", "USD", "USD 250"),
    ("日均消费350美金", "350美金", "USD", "USD 350"),
    ("营收129.71亿元港币", "129.71亿元港币", "HKD", "HKD 12.971 billion"),
    ("营收降至262亿日圆", "262亿日圆", "JPY", "JPY 26.2 billion"),
    ("营收为12亿元新台币", "12亿元新台币", "TWD", "TWD 1.2 billion"),
    ("营业利润为6.6万亿韩元", "6.6万亿韩元", "KRW", "KRW 6.6 trillion"),
    ("股价收在76900韩圆", "76900韩圆", "KRW", "KRW 76,900"),
    ("收盘价为59400韩圜", "59400韩圜", "KRW", "KRW 59,400"),
    ("季度营收为3.5亿英镑", "3.5亿英镑", "GBP", "GBP 350 million"),
    ("美元兑瑞郎报1.0092瑞士法郎", "1.0092瑞士法郎", "CHF", "CHF 1.0092"),
    ("投资12亿澳元", "12亿澳元", "AUD", "AUD 1.2 billion"),
    ("投资8亿澳币", "8亿澳币", "AUD", "AUD 800 million"),
    ("收购价为20亿加元", "20亿加元", "CAD", "CAD 2 billion"),
    ("收购价为5亿加币", "5亿加币", "CAD", "CAD 500 million"),
    ("投资3亿新加坡元", "3亿新加坡元", "SGD", "SGD 300 million"),
    ("罚款100亿卢布", "100亿卢布", "RUB", "RUB 10 billion"),
    ("套餐售价为1500泰铢", "1500泰铢", "THB", "THB 1,500"),
    ("投资500亿印度卢比", "500亿印度卢比", "INR", "INR 50 billion"),
    ("手机售价为999卢比", "999卢比", "INR", "INR 999"),
    ("博彩收入为80亿澳门元", "80亿澳门元", "MOP", "MOP 8 billion"),
    ("门票为200澳门币", "200澳门币", "MOP", "MOP 200"),
    ("投资20亿林吉特", "20亿林吉特", "MYR", "MYR 2 billion"),
    ("出口量为58.5公吨", "58.5公吨", "t", "58.5 tonnes"),
    ("装机容量为500MW", "500MW", "MW", "500 MW"),
    ("装机容量为3GW", "3GW", "GW", "3 GW"),
    ("单机功率为50kW", "50kW", "kW", "50 kW"),
    ("日发电量为800kWh", "800kWh", "kWh", "800 kWh"),
    ("储能容量为100MWh", "100MWh", "MWh", "100 MWh"),
    ("电池装机量为35GWh", "35GWh", "GWh", "35 GWh"),
    ("原油日产量为1025万桶", "1025万桶", "barrels", "10.25 million barrels"),
    ("面板出货量为1.8亿片", "1.8亿片", "pieces", "180 million pieces"),
    ("芯片出货量为3000万颗", "3000万颗", "pieces", "30 million pieces"),
    ("手机出货量为7200万部", "7200万部", "units", "72 million units"),
    ("新机每日热销1.5万支", "1.5万支", "units", "15,000 units"),
    ("光模块年产能为101万只", "101万只", "units", "1.01 million units"),
    ("新增销售户数为1582户", "1582户", "units", "1,582 units"),
    ("航空公司订购了65架", "65架", "aircraft", "65 aircraft"),
    ("船厂今年交付了12艘", "12艘", "vessels", "12 vessels"),
    ("生猪出栏量为3200万头", "3200万头", "head", "32 million head"),
    ("今年计划推出8款", "8款", "models", "8 models"),
    ("在越南兴建了3座", "3座", "sites", "3 sites"),
    ("新增产线10条", "10条", "lines", "10 lines"),
]


@pytest.mark.parametrize("sentence, written, unit, english", UNIT_CASES, ids=[c[1] for c in UNIT_CASES])
def test_every_unit(sentence, written, unit, english):
    figures = [f for f in extract_figures(split_sentences(sentence + "。")) if f.text.endswith(written)]
    assert figures, [f.text for f in extract_figures(split_sentences(sentence + "。"))]
    assert figures[0].unit == unit
    assert figures[0].en.endswith(english)


@pytest.mark.parametrize(
    "sentence, english",
    [
        ("新增签约企业1家。", "1 company"),
        ("公司只招聘了1名。", "1 person"),
        ("今年新建基站1个。", "1 base station"),
        ("新增签约企业1-2家。", "1-2 companies"),  # a range is counted in the plural
        ("新增签约企业11家。", "11 companies"),
        # what is counted named before the count, with how many there are
        ("公司医保门店数量为3，503家。", "3,503 stores"),
        ("分店总数达120家。", "120 stores"),
        ("分项指数有8个。", "8 sub-indices"),
        ("发放了首批89张“贵州算力券”。", "89 vouchers"),  # quoted, as the seeds print it
    ],
)
def test_a_count_is_of_what_it_counts(sentence, english):
    assert [f.en for f in extract_figures(split_sentences(sentence))] == [english]


@pytest.mark.parametrize(
    "sentence",
    ["新款iPhone 8只要搭配新系统即可。", "共有3部门联合发文。", "其中2支出项目已完成。", "满足3条件即可。", "另设200座位。"],
)
def test_a_count_word_that_starts_a_word_is_no_unit(sentence):
    assert extract_figures(split_sentences(sentence)) == []


@pytest.mark.parametrize("text, written", [("营收3亿元", "3亿元"), ("新增产线10条", "10条"), ("出货量7200万部", "7200万部")])
def test_a_figure_that_ends_the_text_without_a_mark_is_read(text, written):
    assert [f.text for f in extract_figures(split_sentences(text))] == [written]


def test_every_unit_of_the_parser_has_a_case():
    from generator.analysis.figures.units import UNITS

    written = {c[1].lstrip("0123456789.万亿") for c in UNIT_CASES}
    assert set(UNITS) <= written, set(UNITS) - written


@pytest.mark.parametrize(
    "text, currency",
    [
        ("宏达电第三季合并营收为新台币12.77亿元。税后净利3.2亿元。", "TWD"),
        ("恒生银行上半年盈利为港币45亿元，派息每股1.2元。", "HKD"),
        ("台湾出口额达新台币3000亿元，大陆对台投资人民币500亿元。", "CNY"),  # both named: no guess
        ("新台币兑港币汇率走强，出口额3000亿元。", "CNY"),  # two dollars named: no guess
        ("全省实现营业收入3.26万亿元，同比增长4.1%。", "CNY"),
        # a company listed in Shanghai and Hong Kong reports in renminbi; 港元 is its H shares' price
        ("公司收入687亿元，同比增长160%。A/H股维持跑赢行业评级，目标价3.80元/2.65港元。", "CNY"),
        ("公司归母净利润18.6亿元，H股目标价2.65港元，A股目标价3.80元。", "CNY"),
        # a Taiwanese report in simplified script: a four-digit stock code and 年增/季减
        ("国巨(2327)第三季营收310亿元，季增12%，年增35%。", "TWD"),
        ("国巨（２３２７）第三季营收310亿元，季减5%。", "TWD"),
        ("美团(3690)第三季营收310亿元，同比增长12%，年增长率达10%。", "CNY"),  # a code, a mainland change
        ("全省3月营收310亿元，月减5%，年增3%。", "CNY"),  # no listed company named by its code
        # ... or two other signs: Taiwan's words (自结, 合并营收, 随著, 每股盈余), also printed in
        # traditional script inside a simplified article
        ("川湖自结10月合并营收5.2亿元，随著伺服器导轨出货增加。", "TWD"),
        ("记者获悉，世界今年前2月合併營收40.34億元，年減1.49%。", "TWD"),
        ("税后净利20.77亿元、每股盈余4.47元、年增22%。", "TWD"),
        # one sign is not two: a mainland company's legal representative, its network business
        ("公司法人代表称，公司营业收入3亿元，同比增长12%。", "CNY"),
        ("公司网路业务收入3亿元，同比增长12%。", "CNY"),
    ],
)
def test_a_bare_yuan_is_the_one_dollar_the_article_names(text, currency):
    from generator.analysis.figures.units import home_currency

    assert home_currency(text) == currency


@pytest.mark.parametrize(
    "text, currency",
    [
        # printed in traditional script with no dollar named: Taiwan's, unless the city's own words
        # say Hong Kong (not its name alone, which Taiwan's market reports give all the time)
        ("香港樓市回暖，港股造好，新盤呎價1.8萬元，恒指升200點。", "HKD"),
        ("特區政府公布預算案，立法會通過撥款300億元。", "HKD"),
        ("新加坡出口年減15.6%，僅香港逆勢增長，港股亦受惠，出口額12.8億元。", "TWD"),
        ("鴻海董事會通過，香港子公司增資3億元。", "TWD"),
    ],
)
def test_a_traditional_script_article_is_taiwanese_unless_it_reads_as_hong_kong(text, currency):
    from generator.analysis.figures.units import home_currency

    assert home_currency(text, traditional=True) == currency


def test_figures_of_a_taiwanese_report_are_in_new_taiwan_dollars():
    sentences = split_sentences("宏达电第三季合并营收为新台币12.77亿元。税后净利3.2亿元，较去年同期增加5000万元。汇出人民币3亿元。")
    from generator.analysis.figures import in_english, parse_figures

    shown = {f.text: f.en for f in in_english(parse_figures(sentences, currency="TWD"))}
    assert shown["新台币12.77亿元"] == "TWD 1.277 billion"
    assert shown["3.2亿元"].startswith("TWD 320 million"), shown
    assert shown["人民币3亿元"] == "CNY 300 million", "the renminbi named stays the renminbi"
    assert all("CNY" not in en for text, en in shown.items() if "人民币" not in text), shown


def test_a_source_says_which_dollar_its_bare_yuan_is(tmp_path, capsys):
    import json

    from generator import cli

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    body = "# 广颖第三季营收\n\n广颖第三季营收4.1亿元，季增12%，毛利率回升。\n"
    (seeds / "tw.md").write_text("---\ncurrency: twd\n---\n" + body, encoding="utf-8")
    (seeds / "cn.md").write_text(body, encoding="utf-8")
    (seeds / "bad.md").write_text("---\ncurrency: dollars\n---\n" + body, encoding="utf-8")
    status = cli.main(["inspect", "--json", "--no-translate", str(seeds)])
    out, err = capsys.readouterr()
    figures = {Path(r["source"]).name: r["figures"][0]["en"] for r in map(json.loads, out.splitlines())}
    assert figures == {"tw.md": "TWD 410 million (+12% q/q)", "cn.md": "CNY 410 million (+12% q/q)",
                       "bad.md": "CNY 410 million (+12% q/q)"}
    assert status == 0 and "bad.md: front matter: 'currency' 'dollars' is not a currency code" in err, err


def test_a_traditional_article_that_names_no_dollar_is_read_in_new_taiwan_dollars(tmp_path, capsys):
    import json

    from generator import cli

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "tw.md").write_text("# 廣穎第三季營收\n\n廣穎第三季營收4.1億元，季增12%，毛利率回升。\n", encoding="utf-8")
    (seeds / "hk.md").write_text("# 恒生銀行盈利\n\n恒生銀行上半年盈利45億元，派息每股1.2港元。\n", encoding="utf-8")
    (seeds / "cn.md").write_text("# 广颖第三季营收\n\n广颖第三季营收4.1亿元，季增12%，毛利率回升。\n", encoding="utf-8")
    (seeds / "tw-cny.md").write_text("# 廣穎營收\n\n廣穎在大陸的營收為人民幣4.1億元，季增12%。\n", encoding="utf-8")
    assert cli.main(["inspect", "--json", "--no-translate", str(seeds)]) == 0
    figures = {Path(r["source"]).name: r["figures"][0]["en"] for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert figures == {"tw.md": "TWD 410 million (+12% q/q)", "hk.md": "HKD 4.5 billion",
                       "cn.md": "CNY 410 million (+12% q/q)", "tw-cny.md": "CNY 410 million (+12% q/q)"}


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("英特尔在当地拥有2,500名员工。", "英特尔在当地"),  # not "…拥": the verb goes whole
        ("公司全年营收高达3.2亿元。", "公司全年营收"),
        ("外资持股比率可达55%。", "外资持股比率"),
        ("4月份合并营收来到8亿元。", "4月份合并营收"),
        ("单季营收降到795亿元。", "单季营收"),
        ("截至3月底全国纯碱库存为52.3万吨。", "截至3月底全国纯碱库存"),  # 存为 is a word, not here
        ("晶电今(2018)年5月营收约1.64亿元。", "晶电今(2018)年5月营收"),  # the year set aside is no break
    ],
)
def test_what_a_figure_measures_never_ends_in_half_a_word(sentence, metric):
    assert [f.metric for f in extract_figures(split_sentences(sentence))] == [metric]


@pytest.mark.parametrize(
    "sentence, metrics",
    [
        # a label stops at an earlier figure joined to its own: by a list word, or a change's 至
        ("公司营收1,234万元与净利567万元。", ["公司营收", "净利"]),
        ("公司营收1，234万元与净利567万元。", ["公司营收", "净利"]),  # full-width comma, as printed
        ("9月份原油进口量年增7.4%至2,758万吨。", ["9月份原油进口量", "9月份原油进口量"]),
        # a list over as many years: each figure its year's
        ("我们预计公司2021-2023年实现营业收入39.40/64.08/78.02亿元。", ["2021年实现营业收入", "2022年实现营业收入", "2023年实现营业收入"]),
        ("营收从10%提高到15%。", ["营收", "营收"]),
        # ... or by a verb alone in the same clause: where a change took it measures the same
        ("晶片厂营收年增12.4%达3.15亿元。", ["晶片厂营收", "晶片厂营收"]),
        ("比特币下跌2.38%报4,085.80美元。", ["比特币", "比特币"]),
        ("累积1~10月营收，则年增125.55%为18.07亿元。", [None, None]),  # never "则年增125.55%"
        # a report's revenue named in a clause of its own: what figures with no words of their own
        # after it measure (not a range's end, a share of it, nor a figure in brackets after other words)
        ("扬智(3041)公布11月营收，月增3.35%来到4.02亿元、年增16.71%。", ["11月营收"] * 2),
        ("台积电公布10月营收，随著时序进入淡季，月减6.48%来到517.95亿元。", ["10月营收"] * 2),
        ("带动6月营收达今年新高纪录，也突破2月旺季的营收(3.63亿元)表现。", [None]),
        ("畜产试剂的8月营收占比，从去年同期仅1%大幅成长至15%。", [None, None]),
        # the words that lead into what is measured are no part of it, nor "all", "also" after it
        ("受长假影响，使得该月合并营收较上月衰退2.2%。", ["该月合并营收"]),
        ("若屏除汇兑损失，则第一季EPS将逾2元水准。", ["第一季EPS"]),
        ("客户面临重整，是以全年营收11.9亿元。", ["全年营收"]),
        ("公告其前三季营收为20亿元。", ["前三季营收"]),
        ("加快算力建设，促进其设备单价提升5%至10%。", ["其设备单价"]),
        ("8月营收皆较上月衰退2%，毛利率亦达35%。", ["8月营收", "毛利率"]),
        ("月平均营收3亿元。", ["月平均营收"]),
        # a number inside the label stays: what is counted needs it
        ("贵州省向全国72家企业发放了首批89张。", ["贵州省向全国", "贵州省向全国72家企业发放了首批"]),
        ("开工率在75%及以上的企业占比55.95%。", ["开工率", "开工率在75%及以上的企业占比"]),
        # a comma inside a number is no clause break; a label starts at a word, not inside one
        ("预计2016年的4,327亿美元以年复合成长率12%增长。", ["预计2016年", "4,327亿美元以年复合成长率"]),
        ("规划2020年底非石化能源占能源消费总量比例达到15%。", ["2020年底非石化能源占能源消费总量比例"]),
        ("今年前三季与去年同期相比营收增加了2亿元。", ["前三季与去年同期相比营收"]),
        # a forecast's words are not what is measured; a word that ends in one stays whole
        ("程泰6月合并营收可望月增逾2成。", ["程泰6月合并营收"]),
        ("点水楼营收将上看7亿元。", ["点水楼营收"]),
        ("目标价从2,130日圆大幅调升至4,000日圆。", ["目标价", "目标价"]),
        ("7月南韩出口金额初估年减10.2%。", ["7月南韩出口金额初估"]),
        # a quoted name is part of a label; a quoted statement still starts a clause
        ("培育出国家制造业单项冠军企业24家、国家专精特新“小巨人”企业218家。", ["培育出国家制造业单项冠军企业", "国家专精特新“小巨人”企业"]),
        ("“十四五”期间全省投资达到1.2万亿元。", ["“十四五”期间全省投资"]),
        ("國家專精特新「小巨人」企業218家。", ["國家專精特新「小巨人」企業"]),  # corner quotes, as Taiwan prints
        ("閱讀器「PRS-T2(見附圖)」售價將自9,980日圓調降至7,980日圓。", ["閱讀器「PRS-T2(見附圖)」售價"] * 2),
        # a long label is cut where a word starts, but not inside a quoted name
        ("任天堂「Nintendo Switch」游戏机于日本市场的销售量达12万7,314台。", ["「Nintendo Switch」游戏机于日本市场的销售量"]),
        ("公司表示，“营收增长10%”。", ["营收"]),
        # 相较 is the basis's, 略 the comparison's (not half of 相较, 略高于)
        ("故合并营收相较去年第四季下滑12%。", ["合并营收"]),
        ("首季每股税后盈余有望略高于1元。", ["首季每股税后盈余"]),
        ("子公司第一季税后获利更成长22.1%。", ["子公司第一季税后获利"]),
        ("营收仍逆势上涨8000万元。", ["营收"]),
        ("公司股权变更达10%。", ["公司股权变更"]),  # 更 of 变更 stays
        # where a change starts is not what it measures; a research note's part label is not either
        ("激光器市场规模从2016年的8.95亿美元增至2020年的22.05亿美元。", ["激光器市场规模", "激光器市场规模"]),
        ("代工占比重也由去年底的30%提升至40%。", ["代工占比重", "代工占比重"]),
        ("工厂稼动率自去年同期的60%提升至80%。", ["工厂稼动率", "工厂稼动率"]),
        ("日产量将从2017年的239.3万桶，增加至2020年的324.1万桶。", ["日产量", "日产量"]),
        ("市场规模将达到159亿美元，到2024年有望达到190亿美元。", ["市场规模", "市场规模"]),
        ("营收10亿元，5亿元来自海外。", ["营收", None]),  # words of its own, after the figure
        # a label cut to length starts before a date set aside, never inside it
        ("昨(13)日已率先公告财报的阳明Q2税后亏损为26.2亿元。", ["昨(13)日已率先公告财报的阳明Q2税后亏损"]),
        # ... nor inside a Latin name or a range, nor right after a number
        ("调研机构Strategy Analytics与IDC等机构先前估计今年全球平板电脑出货将年减3%。", ["IDC等机构先前估计今年全球平板电脑出货"]),
        ("市调机构Counterpoint Research最新报告中的国内手机出货量为7,200万部。", ["最新报告中的国内手机出货量"]),  # too long whole: what follows it
        ("据报道称新款Galaxy Tab S9平板电脑的电池续航时间比前代延长了约25%。", ["Galaxy Tab S9平板电脑的电池续航时间比前代延长了"]),
        ("21-27日当周国产品牌于国内智能手机市场的市占率接近4成。", ["国产品牌于国内智能手机市场的市占率"]),
        ("法人指出，科纳去（2014）年有美国国税局递延所得税额外收益约2千万元。", ["去（2014）年有美国国税局递延所得税额外收益"]),
        ("ICE布兰特近(6)月原油期货下跌0.53美元。", ["ICE布兰特近(6)月原油期货"]),
        # the day a figure was reported on is no part of it either
        ("华硕(2357)昨(9)日公告今(2018)年3月集团营收408亿元。", ["今(2018)年3月集团营收"]),
        ("云品今(7)日公布9月合并营收为9,629万元。", ["云品今(7)日公布9月合并营收"]),  # the company's, not the day's
        ("5日公告11月合并营收1.2亿元，30日均线为52.3元。", ["11月合并营收", "30日均线"]),
        # the word that joins a clause to the one before is no part of what it measures
        ("今年手机销售量目标成长5倍，至于成长10倍虽难以达成。", ["手机销售量目标", None]),
        ("至于桂盟1月营收为5.64亿元。", ["桂盟1月营收"]),
        ("公司表示，将金属线圈年产能提高至5亿个。", ["金属线圈年产能"]),  # 将 ("will", or the object marker)
        ("该公司在印度的智慧型手机出货量达655万支，在手订单约3亿元。", ["该公司在印度的智慧型手机出货量", "在手订单"]),
        ("在大陆汽车连接器市场的占有率约5-6%。", ["大陆汽车连接器市场的占有率"]),  # 在 ("in"), not 在手
        ("由于大立光今年3月份合并营收约45亿元。", ["大立光今年3月份合并营收"]),
        ("营业利润达14兆韩圜，相当于120亿美元。", ["营业利润", None]),
        ("目前已有2-3名国内业者表达收购意愿。", [None]),
        ("归母净利润18.6亿元，对应每股盈利0.09元。", ["归母净利润", "每股盈利"]),
        # how likely, or where it stays, is no part of what it measures
        ("整体第一季营收有机会达65亿元以上。", ["整体第一季营收"]),
        ("预估营收将介于131.9亿元至139.9亿元。", ["预估营收"]),
        ("单季每股盈余可能在0.6元以上。", ["单季每股盈余"]),
        ("OEM占比重维持2-3成。", ["OEM占比重"]),
        ("年底单月出货量只有1-2万台，库存只剩3000吨，产量或许仅有5万吨。", ["年底单月出货量", "库存", "产量"]),
        ("斐成前10月營收18.09億元，則較去年同期下滑10.84%。", ["斐成前10月營收"] * 2),
        ("营收月增19.48%来到6038万元。", ["营收", "营收"]),
        ("营收月增9.99%来到5.78亿元、年减则为10.39%。", ["营收", "营收"]),  # 年减则为: a change
        # a Latin name is a label; a bare code is not
        ("税后亏损3.34亿元，EPS -0.2元。", ["税后亏损", "EPS"]),
        ("JFE Holdings涨2.76%。", ["JFE Holdings"]),
        ("永裕受惠于营收创高，带动Q3 EPS达到0.86元。", ["Q3 EPS"]),  # what drove it is no label either
        # a dated change in percent a clause or three after the first amount of its part is that amount's
        ("鸿海公布8月合并营收3,126.97亿元，重回3,000亿元之上，改写历年同期新高，月增6.72%，年增6.75%。",
         ["鸿海公布8月合并营收", "重回", "鸿海公布8月合并营收", "鸿海公布8月合并营收"]),
        # not a change in points, which is a ratio's, nor one past a semicolon
        ("受惠于台币兑美元贬至31元，拉高毛利率达到近33%的高水位，年增逾6.5个百分点。", ["受惠于台币兑美元", "毛利率", None]),
        ("营收10亿元；库存去化，年增5%。", ["营收", None]),
        # who says it, or an adverb alone, is no label; a count with none says what it counts
        ("从北京到深圳,手册上显示近80家外埠空天产业企业慕名而来。", ["外埠空天产业企业"]),
        ("限于场地,仍旧有60余家报名的本土企业只能场外参与。", [None]),  # a verb before what is counted
        ("专场活动上,32家企事业单位共同签署16项合作协议。", ["企事业单位", "32家企事业单位共同签署"]),
        ("P3的3家航商旗下全都参与。", ["航商"]),  # up to a noun of what is counted
        # a share's close, a bracketed change and where a change ends go on from the change before
        ("苹果26日劲扬1.72%，收153.14美元。", ["苹果26日", "苹果26日"]),
        ("三星第3季IM营益年减74%(季减60%)至1.75兆韩圜。", ["三星第3季IM营益"] * 3),
        ("8日下跌2.47%，收40.26美元。", [None, None]),  # a day alone says when, not what
        ("事件评论 前三季度公司收入同比增长19.2%。", ["前三季度公司收入"]),
        # an abbreviation in brackets right before the figure names what the words before it measure
        ("国内生产总值（GDP）同比增长5.2%。", ["国内生产总值（GDP）"]),
        ("第一季EPS为0.47元、股东权益报酬率(ROE)12.09%、资产报酬率(ROA)0.83%。",
         ["第一季EPS", "股东权益报酬率(ROE)", "资产报酬率(ROA)"]),
        ("资本适足率（BIS）为14.5%。", ["资本适足率（BIS）"]),
        # a stock code or an amount in brackets is no name: the label starts after it
        ("晶电(2448)公布6月合并营收22.38亿元。", ["6月合并营收"]),
        # a change right after a figure, with no words of its own, is that figure's change
        ("美律实业（2439）公布6月合并营收7.59亿元、月增1.1%、年增25.9%。", ["6月合并营收"] * 2),
        # how a company reports a figure is not what it measures; a word that starts so is
        ("公司实现营收10亿元，实现率达到90%。", ["公司实现营收", "实现率"]),
        ("实现归母净利润5亿元。", ["归母净利润"]),
        ("带动合并营收成长5%，致伸今年上半年营收100亿元。", ["合并营收", "致伸今年上半年营收"]),  # 致伸 is a name
        ("第二季合并营收5.06亿元，季成长7.6%，年增28.34%，税后净利1亿元。", ["第二季合并营收"] * 2 + ["税后净利"]),
        ("营收降到3.01亿元，较上月减少约5.8%。", ["营收", "营收"]),
        # not over words of another subject, nor a change's own subject
        ("鸿海(2317)增加0.05%、东元(1504)增0.02%。", [None, None]),
        ("出口增长5%，进口下降3%。", ["出口", "进口"]),
        ("服务业共有28.7万个工作机会，年增21%。", ["服务业", None]),
        # items named in a list, then 分别 ("respectively") and as many figures: one item each
        ("数字化研发设计工具普及率、关键工序数控化率分别超过90%、75%。", ["数字化研发设计工具普及率", "关键工序数控化率"]),
        ("该公司第三季毛利率、营业利益率分别为7.5%、3.2%。", ["该公司第三季毛利率", "营业利益率"]),
        ("非洲、南美洲、亚洲与欧洲产量分别年增1%、3%、9%与2%。", ["非洲", "南美洲", "亚洲", "欧洲产量"]),
        ("流动负债及非流动负债分别占5%、95%。", ["流动负债", "非流动负债"]),
        # a list of examples before a count names some of what is counted; the words after it name it
        ("长沙工程机械产业园项目、株洲轨道交通装备研发中心项目等12个先进制造重点项目集中开工。", ["先进制造重点项目"]),
        ("参展企业来自江苏、浙江、广东等21个省市区。", ["省市区"]),
        ("台积电、联电等3家上市公司出席。", ["上市公司"]),
        # a list of values after one label: each value measures it
        ("我们预计2019-2021年EPS分别为0.78元、1.05元和1.34元。", ["2019年EPS", "2020年EPS", "2021年EPS"]),
        ("盟立通过每股配发1.8元现金股利、0.2元股票股利。", ["盟立通过每股配发", None]),  # words between: no list
    ],
)
def test_what_a_figure_measures_starts_where_its_words_start(sentence, metrics):
    assert [f.metric for f in extract_figures(split_sentences(sentence))] == metrics


@pytest.mark.parametrize(
    "sentence, not_labels",
    [
        ("预计公司2020、2021年EPS分别为1.19元、1.5元。", {"预计公司2020", "2021年EPS"}),  # years of one label
        ("铝价较前季以及去年同期分别下跌1%与2%。", {"去年同期", "铝价较前季"}),  # bases, not items
        ("特力屋及和乐台湾分别有26家、30家、12家。", {"特力屋", "和乐台湾"}),  # two items, three figures
    ],
)
def test_a_list_before_respectively_is_paired_only_item_for_figure(sentence, not_labels):
    labels = {f.metric for f in extract_figures(split_sentences(sentence))}
    assert not labels & not_labels, labels


def test_a_figures_label_reads_as_shown_on_its_own_in_either_script():
    """Under a headline or in the table a label stands alone, as a summary sentence does: the
    date written out ("今(2018)年" -> "2018年"), in the article's own script."""
    import opencc

    from generator.analysis import analyse
    from generator.config import SummaryConfig
    from generator.data import Article, Section

    body = "华硕今(2018)年3月集团营收408亿元，月增51%，年减10%。"
    for text, label in ((body, "华硕2018年3月集团营收"), (opencc.OpenCC("s2t").convert(body), "華碩2018年3月集團營收")):
        article = Article(source="t.txt", index=0, title=None, sections=(Section(None, (text,)),), span=(1, 1))
        figures = analyse(article, SummaryConfig()).figures
        assert figures and {f.metric for f in figures} == {label}, [f.metric for f in figures]


@pytest.mark.parametrize(
    "sentence, english",
    [
        ("产品均价环比增长7.53%/-1.07%/0/-12.27%。", ["up 7.53% vs previous period", "down 1.07% vs previous period",
                                                "unchanged (0%) vs previous period", "down 12.27% vs previous period"]),
        ("营收3亿元，同比增长0%。", ["CNY 300 million (0% y/y)"]),
    ],
)
def test_a_change_of_nothing_reads_unchanged_not_up(sentence, english):
    assert [f.en for f in extract_figures(split_sentences(sentence))] == english


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # (figure as written, what it measures, period, change as written)
        ("预计2021-2023年EPS分别为4.42、6.18、8.11元，同比增75%、40%、31%，维持买入评级。", [
            ("4.42", "2021年EPS", "2021年", "同比增75%"), ("6.18", "2022年EPS", "2022年", "40%"),
            ("8.11元", "2023年EPS", "2023年", "31%")]),
        ("我们维持公司2023E-2025E归母净利润预测为110/135/160亿元，对应PE为20/17/14倍。", [
            ("110", "2023年归母净利润预测", "2023年", None), ("135", "2024年归母净利润预测", "2024年", None),
            ("160亿元", "2025年归母净利润预测", "2025年", None), ("20", "2023年PE", "2023年", None),
            ("17", "2024年PE", "2024年", None), ("14倍", "2025年PE", "2025年", None)]),
        ("2021年至2023年，公司营收分别为10亿元、12亿元、15亿元。", [
            ("10亿元", "2021年营收", "2021年", None), ("12亿元", "2022年营收", "2022年", None), ("15亿元", "2023年营收", "2023年", None)]),
        ("预计公司22-23年营业收入分别为216.5亿元、239.3亿元。", [
            ("216.5亿元", "2022年营业收入", "2022年", None), ("239.3亿元", "2023年营业收入", "2023年", None)]),
    ],
)
def test_a_list_of_figures_over_a_range_of_as_many_years_is_one_a_year(sentence, expected):
    figures = parse_figures(split_sentences(sentence))
    found = [(f.text, f.metric, f.period, f.change.text if f.change else None) for f in figures]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "2021-2023年，公司在A、B、C三地的投资分别为10亿元、20亿元和30亿元。",  # items of their own
        "2021-2023年公司营收分别为10亿元、12亿元。",  # fewer figures than years
    ],
)
def test_a_list_that_is_not_one_a_year_keeps_its_labels(sentence):
    figures = parse_figures(split_sentences(sentence))
    assert figures and not any(f.period and f.period.startswith("2022") for f in figures)
