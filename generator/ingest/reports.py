"""Broker research reports: what their PDFs print around the analysis.

Besides its points, a report's text layer carries the furniture of every page (a reminder to
read the disclaimer, the page number "2 / 3", the research institute's name), its analysts'
registration numbers and addresses, the tables of forecasts and market data beside the text,
and at its end the disclaimer and the definitions of its ratings. None of it is news; read as
text it ran into the points ("…汽车业务快速增长》2023-08-30 1 / 3 东吴证券研究所请务必阅读…")
and the disclaimer was summarised ("本研究报告仅供…的客户使用。"). Such lines are set aside
before the text is reflowed, and reported.

Only a text that reads as a report (two of its marks: "证券研究报告", an analyst's
registration number, a disclaimer, the definitions of ratings, a research institute) is read
this way: a newspaper's line "市场数据" or "免责声明" stays what it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.data import Block, BlockKind
from generator.text import ends_sentence, to_simplified

_MARKS = (
    re.compile(r"证券研究报告|(?:公司|行业|策略|宏观)(?:研究|点评|深度)报告"),
    re.compile(r"执业证书|SAC\s*(?:执业)?证书|证书编号[:：]?\s*S\d{6}"),
    re.compile(r"免责(?:声明|条款|申明)|重要声明|法律声明"),
    re.compile(r"(?:投资)?评级(?:说明|标准|体系|定义)"),
    re.compile(r"(?:证券|金融|期货)[^，。\n]{0,10}研究(?:所|院|部|中心)"),
)
_MIN_MARKS = 2

# Where the end matter begins: a line that heads the disclaimer or the ratings' definitions
# ("免责声明", "分析师声明", "东吴证券投资评级标准", "评级说明：…"). It runs to the end of the text.
_END_MATTER = re.compile(
    r"^(?:[一二三四五六七八九十\d]+[、.．]\s*)?(?:[^，。：:]{0,12}(?:投资)?评级(?:说明|标准|体系|定义)"
    r"|免责(?:声明|条款|申明)|重要声明|法律声明|特别声明|一般声明|版权声明|分析师(?:声明|承诺)|信息披露|披露声明)"
    r"(?:[：:]|$)"
)
# The end matter is after the report's text: not in its first part (a contents line may name it)
_END_MATTER_FROM = 0.3

# The furniture of a report's pages, each alone on its line:
_FURNITURE = re.compile(
    "|".join(
        (
            # the reminder every page prints: "请务必阅读正文之后的免责声明部分", "敬请参阅末页重要声明"
            r"^.{0,10}(?:请|敬请|务必)[^。]{0,16}(?:声明|免责|评级说明|披露|条款)[^。]{0,12}$",
            # page numbers: "2 / 3", "- 5 -", "第3页 共12页"
            r"^(?:第\s*)?\d{1,3}\s*(?:/|／|of)\s*\d{1,3}\s*页?$|^[-–—]?\s*\d{1,3}\s*[-–—]?$|^第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?$",
            # the kind of report, as its pages head it: "证券研究报告·公司点评报告·消费电子", "公司点评报告"
            r"^(?:证券研究报告|(?:公司|行业|策略|宏观|晨会|债券|基金)?(?:研究|点评|深度|跟踪|动态|调研|专题|首次覆盖)?报告)[^。，；]{0,24}$",
            # the institute alone: "东吴证券研究所", "中信证券股份有限公司"
            r"^\S{2,10}(?:证券|期货|研究)(?:股份)?(?:有限(?:责任)?公司)?(?:研究(?:所|院|部|中心))?$",
            # the rating, as the first page prints it: "买入（维持）", "增持|首次覆盖", "投资评级：推荐"
            r"^(?:(?:投资)?评级[：:]\s*)?(?:强烈推荐|谨慎推荐|审慎增持|买入|增持|推荐|中性|持有|减持|卖出|优于大市|强于大市|同步大市|跑赢行业)"
            r"(?:\s*[（(|｜/-]?\s*(?:维持|首次覆盖|首次|上调|下调)\s*[)）]?)?$",
            # analysts, their registration numbers and addresses
            r"^(?:证券)?(?:分析师|研究助理|联系人)[：:\s]",
            r"执业证书|SAC\s*(?:执业)?(?:证书)?编号|证书编号|登记编号",
            r"^(?:电话|Tel|TEL|传真|Fax|邮箱|Email|E-mail|邮编|邮政编码|地址|网址|公司网址)\s*[：:]",
            r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$",
            # the side bar's heads and the reports it lists: "市场数据", "《立讯精密(002475)：…》 2023-08-30"
            r"^(?:市场数据|基础数据|股价走势|股价表现|相对市场表现|市场表现|公司基本数据|基本数据|主要财务指标|财务摘要"
            r"|相关研究|相关报告|近期研究|近期报告|往期报告|数据来源[:：].*|资料来源[:：].*)$",
            r"^《[^》]{4,}》\s*\S{0,12}\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$",
        )
    )
)
# A row of a table: a label and three or more numbers set apart ("营业总收入（百万元） 214,028
# 231,263 …", "2022A 2023E 2024E 2025E"), or a label with its unit in brackets and its value
# ("收盘价(元) 31.52", "流通 A 股市值(百万元) 22,403.51"), or a label and a pair of values
# ("一年最低/最高价 26.72/40.99"). A line of text that ends on a number ("…期间费用率16.03")
# is none of these.
_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?(?:%|[AaEe](?![A-Za-z]))?"
_TABLE_ROW = re.compile(
    rf"^[^。；！？]{{0,30}}?(?<![\d.,]){_NUMBER}(?:\s+{_NUMBER}){{2,}}\s*$"
    rf"|^[^。；！？，]{{1,20}}?(?:[（(][^（）()]{{1,8}}[)）]\s*{_NUMBER}(?:/{_NUMBER})?|\s+{_NUMBER}/{_NUMBER})$"
)


# The company a report is on, alone on the line over its title ("立讯精密（002475）", "腾讯控股
# (0700.HK)"), or before it on the same line, as a PDF's text layer may give it
_COMPANY = re.compile(
    r"^(?P<name>[\u4e00-\u9fffA-Za-z·\-]{2,16})\s*[（(]\s*(?:\d{6}|\d{4,5}|[A-Z]{1,5})(?:\.[A-Z]{2})?\s*[)）]"
    r"(?:$|\s*(?P<title>[^：:\s].*)$)"
)
_MAX_TITLE_CHARS = 60
# An analyst's line: "证券分析师 张三", "分析师：李四 王五"
_ANALYST = re.compile(r"^(?:证券)?(?:分析师|研究助理|联系人)\s*[：:]?\s*(?P<names>[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4})*)$")
# The institute alone on its line names the report's publisher: "东吴证券研究所" -> 东吴证券
_INSTITUTE = re.compile(r"^(?P<name>\S{2,10}?(?:证券|期货))(?:股份)?(?:有限(?:责任)?公司)?(?:研究(?:所|院|部|中心))?$")


def analysts(line: str) -> list[str]:
    """The names on an analyst's line of a report ("证券分析师 张三": 张三)."""
    m = _ANALYST.match(to_simplified(line.strip()))
    return re.split(r"[\s、，,]+", line.strip()[m.start("names") :]) if m else []


def institute(line: str) -> str | None:
    """The broker a report's line of its institute names ("东吴证券研究所": 东吴证券)."""
    for piece in _pieces(line.strip()):
        m = _INSTITUTE.match(to_simplified(piece[0]))
        if m and all(_FURNITURE.search(to_simplified(p)) for p in piece[1:]):
            return piece[0][: m.end("name")]
    return None


def _pieces(line: str) -> list[list[str]]:
    """The line, and the line cut in two at each space: a PDF's text layer runs the furniture
    printed level on one line together ("东吴证券研究所 1 / 2")."""
    cuts = [m.start() for m in re.finditer(r"\s+", line)]
    return [[line], *([line[:at].strip(), line[at:].strip()] for at in cuts)]


def is_research_report(text: str) -> bool:
    """Two of a report's marks (see the module's docstring)."""
    simplified = to_simplified(text)
    return sum(bool(mark.search(simplified)) for mark in _MARKS) >= _MIN_MARKS


def set_aside(text: str) -> tuple[str, list[Block]]:
    """A report's text with its furniture, tables and end matter blanked (lines stay where they
    are), and those as blocks to report; any other text as it is."""
    if not is_research_report(text):
        return text, []
    lines = text.split("\n")
    simplified = [to_simplified(line.strip()) for line in lines]
    end = _end_matter(simplified)
    _title_with_company(lines, simplified, end)
    aside: list[Block] = []
    for i, line in enumerate(simplified[:end]):
        kind = _kind(line)
        if kind is None:
            continue
        number = i + 1
        previous = aside[-1] if aside else None
        if previous is not None and previous.kind == kind == "table" and previous.last_line == number - 1:
            aside[-1] = Block(previous.text + "\n" + lines[i].strip(), "table", previous.first_line, number)
        else:
            aside.append(Block(lines[i].strip(), kind, number, number))
        lines[i] = ""
    if end < len(lines):
        matter = "\n".join(line.strip() for line in lines[end:] if line.strip())
        aside.append(Block(matter, "disclaimer", end + 1, len(lines)))
        lines[end:] = [""] * (len(lines) - end)
    return "\n".join(lines), aside


def _title_with_company(lines: list[str], simplified: Sequence[str], end: int) -> None:
    """The company line joined to the report's title under it, as reports are cited:
    "立讯精密（002475）：2023年三季报点评：业绩稳健增长…". The title alone does not say whose
    results it is about."""
    for i, line in enumerate(simplified[:end]):
        m = _COMPANY.match(line)
        if not m:
            continue
        if m.group("title"):  # "立讯精密（002475） 2023年三季报点评：…" on one line
            lead = len(lines[i]) - len(lines[i].lstrip())
            at = lead + m.start("title")
            lines[i] = f"{lines[i][:at].rstrip()}：{lines[i][at:]}"
            return
        j = next((k for k in range(i + 1, end) if simplified[k] and _kind(simplified[k]) is None), None)
        if j is not None and len(simplified[j]) <= _MAX_TITLE_CHARS and not ends_sentence(simplified[j]):
            lines[j] = f"{lines[i].strip()}：{lines[j].strip()}"
            lines[i] = ""
        return


def _end_matter(lines: Sequence[str]) -> int:
    """The index of the line the end matter begins on, or the number of lines."""
    first = int(len(lines) * _END_MATTER_FROM)
    return next((i for i in range(first, len(lines)) if _END_MATTER.match(lines[i])), len(lines))


def _kind(line: str) -> BlockKind | None:
    if not line or ends_sentence(line):
        return None
    if any(all(_FURNITURE.search(p) for p in piece) for piece in _pieces(line)):
        return "report"
    if _TABLE_ROW.match(line):
        return "table"
    return None
