"""Datelines and bylines: who filed an article, for which paper, on which day.

"本报讯（记者 叶伟）", "湖南日报3月29日讯(全媒体记者 孟姣燕 刘乐)", "新华社北京4月9日电", "新浪财经讯",
"（中央社记者王承中台北10日电）" open
an article; they are metadata, not body text. This module is the one place that reads them:
reflow asks it where a dateline starts, segment what it says. The year is taken only from the document's
own metadata or, failing that, from a year the page itself keeps mentioning; otherwise the
date stays unknown. The rules read the text folded to simplified script (one character for
one), so "本報訊" and "中央社台北3日電" are datelines too; names are cut from the original.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from generator.text import to_simplified

# The publication and place before the date are at most 12 characters ("人民日报海外版北京"):
# longer, and a headline printed just above a dateline would be read as part of it.
# A web desk's or paper's name: "新浪财经", "中证网", "财新网"
_DESK = r"[\u4e00-\u9fff]{1,8}?(?:网|社|报|财经|新闻)"
_REPORTERS = r"(?:[（(](?P<who>[^）)]{0,40})[）)])?"
_DATELINE = re.compile(
    r"^\s*(?:"
    r"(?P<own>本报讯)"
    r"|【?(?P<pub>[\u4e00-\u9fff]{2,12}?)\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日\s*(?P<sent>电|讯)】?"  # (flash news: "【财联社4月18日电】")
    # a web desk's, undated: "新浪财经讯 4月15日晚间，…", "中证网讯（记者 X）"
    rf"|(?P<wire>{_DESK})讯(?=[\s（(\d])"
    rf"|【(?P<bracketed>{_DESK})】"  # "【财新网】（记者 X）…"
    # a wire's, dated by the day alone: "中央社台北3日电", "（中央社记者王承中台北10日电）" (its
    # reporter's name runs into the place, so only the agency is read)
    r"|[（(]?(?P<agency>[\u4e00-\u9fff]{1,6}?社)[\u4e00-\u9fff·]{0,10}?\d{1,2}\s*日\s*电(?:[）)]|(?=\s))"
    # a Taiwanese paper's reporters and the place they filed from: "〔記者蘇嘉維／台北報導〕"
    r"|[〔【]\s*(?P<filed>[\u4e00-\u9fff]{0,8}?记者\s*[\u4e00-\u9fff·、，,]{2,30}?)\s*[／/]\s*[\u4e00-\u9fff]{2,8}?(?:即时|综合)?报[导道]\s*[〕】]"
    r")\s*" + _REPORTERS + r"\s*(?:[，,]\s*)?"  # (a flash's comma after it: "财联社5月11日电，美股…")
)
# What a paper's, agency's, site's or station's name ends on: 湖南日报, 新华社, 人民网, 电视台;
# and a desk's: 界面新闻, 第一财经
OUTLET_WORD = "报|社|网|台"
OUTLET_END = rf"(?:{OUTLET_WORD}|新闻|财经)"
# An outlet's name, after at least one character of its own (a place such as 台北 opens on 台
# and ends on none)
_OUTLET_FIRST = re.compile(rf"^(.+?{OUTLET_END})")
_NAME = r"[\u4e00-\u9fff·]{2,4}"
_ROLE = re.compile(r"(?:全媒体|首席|特约|实习)?(?:记者|通讯员|撰稿|摄影)")


@dataclass(frozen=True)
class Dateline:
    end: int  # offset in the paragraph where the body starts
    publication: str | None
    month: int | None
    day: int | None
    reporters: tuple[str, ...]


def starts_dateline(text: str) -> bool:
    """The text opens with a dateline (reflow asks this of a line and the line after it)."""
    return parse_dateline(text) is not None


def parse_dateline(paragraph: str) -> Dateline | None:
    m = _DATELINE.match(to_simplified(paragraph))
    if not m:
        return None
    publication = None
    if m.group("pub"):
        pub = paragraph[m.start("pub") : m.end("pub")]
        # "新华社北京": an agency name, then the place it filed from ("湖南台", not "台北")
        agency = _OUTLET_FIRST.match(m.group("pub"))
        if agency:
            publication = pub[: agency.end(1)]
        elif m.group("sent") == "讯":
            publication = pub  # a paper's or site's news ("格隆汇4月18日讯")
        # else a wire's place alone ("长沙4月18日电", "台北4月18日电"): the agency is not named
    for group in ("wire", "bracketed", "agency"):
        if m.group(group):
            publication = paragraph[m.start(group) : m.end(group)]
    who = "filed" if m.group("filed") else "who"
    reporters = names_after_role(paragraph[m.start(who) : m.end(who)] if m.group(who) else "")
    month = int(m.group("month")) if m.group("month") else None
    day = int(m.group("day")) if m.group("day") else None
    if month is not None and not (1 <= month <= 12 and 1 <= (day or 1) <= 31):
        return None
    return Dateline(m.end(), publication, month, day, tuple(reporters))


def names_after_role(text: str) -> list[str]:
    """Names in "记者 孟姣燕 刘乐" / "全媒体记者 彭雅惠" / "通讯员 X、Y"."""
    m = _ROLE.search(to_simplified(text))
    if not m:
        return []
    rest = text[m.end() :]
    return re.findall(_NAME, re.sub(r"[、，,\s]+", " ", rest))


# What a web page prints under its headline besides its reporters: a place after a slash or
# one it reports from ("記者王莞甯／台北報導", "记者 张三 北京报道"); and the date and time,
# which a byline stops at ("作者：李四 2024-01-02 阅读 1024")
_WEB_ROLE = re.compile(rf"{_ROLE.pattern}|作者|撰文")
_WEB_HEAD_NOISE = re.compile(r"[／/]\s*\S*|\S{2,3}(?:报道|报导|報導|報道)")
_DATE_OR_TIME = re.compile(r"\d{1,4}\s*[-/.年月日:：]\s*\d{1,2}")
# A publication's name ends the reporters: a WeChat post prints its account (and the province
# it was posted from) right after them, "湖南日报全媒体记者 陈奕樊 湖南日报 湖南"
_OUTLET_NAME = re.compile(rf"(?:{OUTLET_WORD}|周刊|杂志|新闻)$")


def web_byline(head: str) -> tuple[str, ...]:
    """The reporters in what a web page prints between its headline and its text: "文｜本刊记者
    陈明 2023-11-02", "记者 黄利飞 于森", "鉅亨網記者王莞甯 台北 2017/05/10 14:35". A name glued
    to its role stands alone, or with others joined by 、: what follows a space is the place
    ("王莞甯 台北")."""
    between_dates = (piece for piece in _DATE_OR_TIME.split(head) if _WEB_ROLE.search(to_simplified(piece)))
    text = _WEB_HEAD_NOISE.sub(" ", next(between_dates, ""))
    roles = list(_WEB_ROLE.finditer(to_simplified(text)))  # folding keeps one character for one
    if not roles:
        return ()
    for role in roles[1:]:  # "本报记者 王雷 通讯员 陈刚"
        text = text[: role.start()] + " " * (role.end() - role.start()) + text[role.end() :]
    rest = text[roles[0].end() :]
    if rest[:1] not in ("", " ", "\u3000", "：", ":"):
        rest = re.split(r"\s", rest, maxsplit=1)[0]
    names = re.findall(rf"(?<![\u4e00-\u9fff·]){_NAME}(?![\u4e00-\u9fff·])", re.sub(r"[、，,\s：:]+", " ", rest))
    return tuple(itertools.takewhile(lambda name: not _OUTLET_NAME.search(to_simplified(name)), names))


def page_year(text: str) -> int | None:
    """The year a page keeps mentioning (at least twice, and more than any other), else None."""
    years = Counter(int(y) for y in re.findall(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)", text))
    if not years:
        return None
    (top, count), *rest = [*years.most_common(2), (None, 0)]
    if count >= 2 and count > rest[0][1]:
        return top
    return None


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """The day in ISO form; None where a part is missing or the calendar has no such day
    ("2024-02-30" in a copied post's line is a typo, not a date to file the article under)."""
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
