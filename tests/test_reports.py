"""A broker's research report, as its PDF prints it and as its text layer is copied.

The report below is laid out as brokers lay out a note's first page (the kind of report and a
reminder to read the disclaimer over it, the company and its code over the title, the date,
the rating and the analysts beside the text, tables of forecasts and market data) and its
last (the disclaimer and the definitions of ratings). None of that is the report's news.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.analysis import analyse
from generator.config import SummaryConfig
from generator.ingest.readers import read_document
from generator.ingest.reflow import reflow
from generator.ingest.reports import is_research_report
from generator.ingest.segment import split_articles

TITLE = "2023 年三季报点评：业绩稳健增长，汽车业务加速放量"
FIRST_PAGE = [
    "证券研究报告·公司点评报告·消费电子",
    "请务必阅读正文之后的免责声明部分",
    "立讯精密（002475）",
    TITLE,
    "2023 年 10 月 27 日",
    "买入（维持）",
    "证券分析师 张三",
    "执业证书：S0600520040001",
    "zhangsan@example.com.cn",
    "研究助理 李四",
    "执业证书：S0600122070002",
    "盈利预测与估值 2022A 2023E 2024E 2025E",
    "营业总收入（百万元） 214,028 231,263 263,157 298,604",
    "同比 38.00% 8.05% 13.79% 13.47%",
    "归母净利润（百万元） 9,163 11,027 13,455 16,011",
    "投资要点",
]
POINTS = [
    "\uf0d8 事件：公司发布 2023 年三季报，前三季度实现营收 1617.6 亿元，同比增长 4.58%；归母净利润 77.6 亿元，同比增长 16.3%。"
    "其中第三季度实现营收 631.6 亿元，同比下降 2.6%，业绩符合市场预期。",
    "\uf0d8 盈利能力持续提升，费用管控良好。前三季度公司毛利率为 11.5%，同比提升 0.9 个百分点；净利率为 5.6%，同比提升 0.6 个百分点。",
    "\uf0d8 汽车业务加速放量，打开第二成长曲线。公司汽车线束、连接器等产品已进入多家国内外主流车企供应链，前三季度汽车业务收入同比增长超过 60%。",
    "\uf0d8 盈利预测与投资评级：我们维持公司 2023-2025 年归母净利润预测为 110/135/160 亿元，对应 PE 为 20/17/14 倍，维持“买入”评级。",
    "\uf0d8 风险提示：下游需求不及预期，新业务拓展不及预期，汇率波动风险。",
]
SIDE_BAR = [
    "股价走势",
    "市场数据",
    "收盘价(元) 31.52",
    "一年最低/最高价 26.72/40.99",
    "市净率(倍) 4.35",
    "相关研究",
    "《立讯精密(002475)：2023 年中报点评：业绩符合预期，汽车业务快速增长》 2023-08-30",
    "1 / 3",
    "东吴证券研究所",
    "请务必阅读正文之后的免责声明部分",
]
DISCLAIMER = [
    "免责声明",
    "东吴证券股份有限公司经中国证券监督管理委员会批准，已具备证券投资咨询业务资格。",
    "本研究报告仅供东吴证券股份有限公司（以下简称“本公司”）的客户使用。本公司不会因接收人收到本报告而视其为客户。",
    "市场有风险，投资需谨慎。本报告的版权归本公司所有，未经书面许可，任何机构和个人不得以任何形式翻版、复制和发布。",
    "东吴证券投资评级标准",
    "买入：预期未来 6 个月个股涨跌幅相对基准在 15%以上；",
    "增持：预期未来 6 个月个股涨跌幅相对基准介于 5%与 15%之间；",
    "东吴证券研究所",
    "苏州工业园区星阳街 5 号",
    "公司网址： http://www.dwzq.com.cn",
    "3 / 3",
]
REPORT = "\n".join([*FIRST_PAGE, *POINTS, *SIDE_BAR, *DISCLAIMER]) + "\n"


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
    assert article.title == "立讯精密（002475）：2023年三季报点评：业绩稳健增长，汽车业务加速放量"
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
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "note.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 9)
    page.drawString(40, 815, FIRST_PAGE[0])
    page.drawString(360, 815, FIRST_PAGE[1])
    page.setFont("STSong-Light", 16)
    page.drawString(40, 785, FIRST_PAGE[2])
    page.setFont("STSong-Light", 14)
    page.drawString(40, 765, TITLE.replace(" ", ""))
    page.setFont("STSong-Light", 9)
    page.drawString(40, 748, FIRST_PAGE[4])
    y = 725
    page.setFont("STSong-Light", 10.5)
    for point in POINTS:
        for line in _wrapped(point.replace("\uf0d8 ", "").replace(" ", ""), 26):
            page.drawString(40, y, line)
            y -= 15
    y = 725
    page.setFont("STSong-Light", 9)
    # the side bar; the related report's title runs past the page's edge, as a bleed does
    for line in [*FIRST_PAGE[5:11], *SIDE_BAR[1:7]]:
        page.drawString(400, y, line)
        y -= 13
    page.setFont("STSong-Light", 8)
    page.drawString(40, 30, "东吴证券研究所")
    page.drawString(280, 30, "1 / 2")
    page.showPage()
    page.setFont("STSong-Light", 12)
    page.drawString(40, 780, DISCLAIMER[0])
    page.setFont("STSong-Light", 10.5)
    y = 760
    for paragraph in DISCLAIMER[1:7]:
        for line in _wrapped(paragraph, 44):
            page.drawString(40, y, line)
            y -= 15
    page.showPage()
    page.save()

    article, dropped = _read(path)
    assert article.title == "立讯精密（002475）：2023年三季报点评：业绩稳健增长，汽车业务加速放量"
    assert (article.meta.publication, article.meta.date, article.byline) == ("东吴证券", "2023-10-27", ("张三", "李四"))
    assert article.body.startswith("事件：公司发布2023年三季报") and article.body.rstrip().endswith("汇率波动风险。")
    assert not any(word in article.body for word in ("收盘价", "执业证书", "本公司", "预期未来"))
    assert any(d.reason == "disclaimer" and "本研究报告仅供" in d.text for d in dropped)


def _wrapped(text: str, columns: float) -> list[str]:
    """Lines of at most ``columns`` full-width characters (a Latin letter or digit is half
    one), as a justified column sets them."""
    lines, line, width = [], "", 0.0
    for ch in text:
        w = 0.5 if ch.isascii() else 1.0
        if width + w > columns:
            lines.append(line)
            line, width = "", 0.0
        line, width = line + ch, width + w
    return [*lines, line] if line else lines


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
