"""A broker's research report, laid out as brokers lay out a note, for the tests and the
benchmark (bench/copied_text.py): its first page (the kind of report and a reminder to read the
disclaimer over it, the company and its code over the title, the date, the rating and the
analysts beside the text, tables of forecasts and market data) and its last (the disclaimer
and the definitions of ratings). None of that is the report's news.
"""

from __future__ import annotations

import re
from pathlib import Path

_FONT = "STSong-Light"
# The title as reports are cited: the company, then the title
CITED_TITLE = "立讯精密（002475）：2023年三季报点评：业绩稳健增长，汽车业务加速放量"
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
    "事件：公司发布 2023 年三季报，前三季度实现营收 1617.6 亿元，同比增长 4.58%；归母净利润 77.6 亿元，同比增长 16.3%。"
    "其中第三季度实现营收 631.6 亿元，同比下降 2.6%，业绩符合市场预期。",
    "盈利能力持续提升，费用管控良好。前三季度公司毛利率为 11.5%，同比提升 0.9 个百分点；净利率为 5.6%，同比提升 0.6 个百分点。",
    "汽车业务加速放量，打开第二成长曲线。公司汽车线束、连接器等产品已进入多家国内外主流车企供应链，前三季度汽车业务收入同比增长超过 60%。",
    "盈利预测与投资评级：我们维持公司 2023-2025 年归母净利润预测为 110/135/160 亿元，对应 PE 为 20/17/14 倍，维持“买入”评级。",
    "风险提示：下游需求不及预期，新业务拓展不及预期，汇率波动风险。",
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


def report_text(points: list[str]) -> str:
    """The report's text layer as copied: each point opened by a symbol font's bullet."""
    return "\n".join([*FIRST_PAGE, *("\uf0d8 " + p for p in points), *SIDE_BAR, *DISCLAIMER]) + "\n"


def report_pdf(path: Path, paragraphs: list[str]) -> None:
    """The report as a broker's PDF lays it out: the title and its company in larger type, the
    points in a justified column at the left, the side bar at the right (its related report's
    title runs past the page's edge, as a bleed does), the institute at the foot, and the
    disclaimer on a page of its own."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    page = canvas.Canvas(str(path))

    def draw(x: float, y: float, size: float, text: str, justify_to: float = 0.0) -> None:
        """``justify_to``: set the line to that width, as a justified column does."""
        shown = page.beginText(x, y)
        shown.setFont(_FONT, size)
        if justify_to and len(text) > 1:
            shown.setCharSpace((justify_to - pdfmetrics.stringWidth(text, _FONT, size)) / (len(text) - 1))
        shown.textOut(text)
        page.drawText(shown)

    draw(40, 815, 9, FIRST_PAGE[0])
    draw(360, 815, 9, FIRST_PAGE[1])
    draw(40, 785, 16, FIRST_PAGE[2])
    draw(40, 765, 14, FIRST_PAGE[3].replace(" ", ""))
    draw(40, 748, 9, FIRST_PAGE[4])
    for n, line in enumerate([*FIRST_PAGE[5:11], "", *SIDE_BAR[1:7]]):
        draw(400, 725 - 13 * n, 9, line)
    draw(40, 725, 12, FIRST_PAGE[-1])
    y = 705.0
    for paragraph in paragraphs:
        lines = wrapped(re.sub(r"\s+", "", paragraph), 26)
        for n, line in enumerate(lines):
            if y < 60:  # the points run on at the top of the next page
                draw(40, 30, 8, "东吴证券研究所")
                page.showPage()
                y = 790.0
            draw(40, y, 10.5, line, justify_to=26 * 10.5 if n < len(lines) - 1 else 0.0)
            y -= 15
    draw(40, 30, 8, "东吴证券研究所")
    page.showPage()
    draw(40, 780, 12, DISCLAIMER[0])
    y = 760
    for paragraph in DISCLAIMER[1:7]:
        for line in wrapped(paragraph, 44):
            draw(40, y, 10.5, line)
            y -= 15
    page.showPage()
    page.save()


def wrapped(text: str, columns: float) -> list[str]:
    """Lines of at most ``columns`` full-width characters (a Latin letter or digit is half
    one), as a column sets them."""
    lines, line, width = [], "", 0.0
    for ch in text:
        w = 0.5 if ch.isascii() else 1.0
        if width + w > columns:
            lines.append(line)
            line, width = "", 0.0
        line, width = line + ch, width + w
    return [*lines, line] if line else lines


