"""A broker's research report (tests/report_pages.py), as its PDF prints it and as its text
layer is copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analysis import analyse
from generator.config import SummaryConfig
from generator.ingest.readers import read_document
from generator.ingest.reflow import reflow
from generator.ingest.reports import is_research_report
from generator.ingest.segment import split_articles
from tests.report_pages import CITED_TITLE, DISCLAIMER, FIRST_PAGE, POINTS, SIDE_BAR, report_pdf, report_text

REPORT = report_text(POINTS)


def _read(path: Path):
    document = read_document(path)
    segmented = split_articles(document, reflow(document))
    (article,) = segmented.articles
    dropped = [*segmented.dropped, *article.dropped]
    return article, dropped


def test_a_copied_report_is_read_as_its_points_with_its_furniture_set_aside(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(REPORT, encoding="utf-8")
    article, dropped = _read(path)
    # cited as reports are: the company, then the title ("2023年三季报点评" alone says not whose)
    assert article.title == CITED_TITLE
    assert article.byline == ("张三", "李四")
    assert (article.meta.publication, article.meta.date) == ("东吴证券", "2023-10-27")
    paragraphs = article.body.split("\n\n")
    assert [p[:8] for p in paragraphs] == ["事件：公司发布2", "盈利能力持续提升", "汽车业务加速放量", "盈利预测与投资评", "风险提示：下游需"]
    for furniture in ("请务必", "执业证书", "@", "收盘价", "214,028", "1 / 3", "研究所", "本研究报告", "评级标准", "星阳街"):
        assert furniture not in article.body, furniture
    reasons = {d.reason for d in dropped}
    assert {"report furniture", "table", "disclaimer"} <= reasons
    said = "\n".join(d.text for d in dropped)
    for line in (*SIDE_BAR, *DISCLAIMER, "执业证书：S0600520040001", "同比 38.00% 8.05% 13.79% 13.47%"):
        assert line in said, line  # nothing is lost without a word
    summary = analyse(article, SummaryConfig()).summary
    assert summary and not any("本公司" in s.text or "预期未来" in s.text for s in summary)


def test_only_a_text_that_reads_as_a_report_loses_such_lines(tmp_path):
    """A news article that names one of a report's marks keeps its lines: "市场数据" heads a
    section of it, "免责声明" is a word of its text."""
    news = (
        "一季度湖南外贸进出口增长8.2%\n"
        "长沙海关4月18日发布数据，一季度湖南外贸进出口总值1325.6亿元，同比增长8.2%。\n"
        "市场数据\n"
        "其中，出口866.1亿元，增长11.5%；进口459.5亿元，增长2.4%，均高于全国平均水平。\n"
        "免责声明：本文仅供参考。\n"
    )
    assert not is_research_report(news)
    path = tmp_path / "news.txt"
    path.write_text(news, encoding="utf-8")
    article, _ = _read(path)
    assert article.title == "一季度湖南外贸进出口增长8.2%"
    assert "市场数据" in article.section_heads and "其中，出口866.1亿元" in article.body


def test_a_report_pdf_with_a_side_bar_and_a_disclaimer_page(tmp_path):
    path = tmp_path / "note.pdf"
    report_pdf(path, POINTS)
    article, dropped = _read(path)
    assert article.title == CITED_TITLE
    assert (article.meta.publication, article.meta.date, article.byline) == ("东吴证券", "2023-10-27", ("张三", "李四"))
    assert article.body.startswith("事件：公司发布2023年三季报") and article.body.rstrip().endswith("汇率波动风险。")
    assert not any(word in article.body for word in ("收盘价", "执业证书", "本公司", "预期未来"))
    assert any(d.reason == "disclaimer" and "本研究报告仅供" in d.text for d in dropped)


@pytest.mark.parametrize(
    "line, aside",
    [
        ("营业总收入（百万元） 214,028 231,263 263,157 298,604", True),
        ("流通 A 股市值(百万元) 22,403.51", True),
        ("一年最低/最高价 26.72/40.99", True),
        ("东吴证券研究所 1 / 3", True),  # two pieces of furniture the text layer ran together
        # a line of the text that wraps after a number, with or without the space a PDF adds
        ("费用方面，2022H1期间费用为24.59亿元，期间费用率16.03", False),
        ("前三季度公司毛利率为 11.5", False),
        ("2023 年三季报点评：业绩稳健增长", False),
    ],
)
def test_which_lines_of_a_report_are_set_aside(line, aside):
    from generator.ingest.reports import set_aside

    text = "\n".join([*FIRST_PAGE[:2], line, *POINTS]) + "\n"
    kept, blocks = set_aside(text)
    assert (line not in kept) == aside
    assert (line in "\n".join(b.text for b in blocks)) == aside
