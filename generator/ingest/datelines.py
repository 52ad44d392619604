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
    r"|(?P<pub>[\u4e00-\u9fff]{2,12}?)\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日\s*(?:电|讯)"
    # a web desk's, undated: "新浪财经讯 4月15日晚间，…", "中证网讯（记者 X）"
    rf"|(?P<wire>{_DESK})讯(?=[\s（(\d])"
    rf"|【(?P<bracketed>{_DESK})】"  # "【财新网】（记者 X）…"
    # a wire's, dated by the day alone: "中央社台北3日电", "（中央社记者王承中台北10日电）" (its
    # reporter's name runs into the place, so only the agency is read)
    r"|[（(]?(?P<agency>[\u4e00-\u9fff]{1,6}?社)[\u4e00-\u9fff·]{0,10}?\d{1,2}\s*日\s*电(?:[）)]|(?=\s))"
    r")\s*" + _REPORTERS + r"\s*"
)
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
        # "新华社北京": an agency name, then the place it filed from
        agency = re.match(r"^(.*?(?:社|报|网|台))", m.group("pub"))
        publication = pub[: agency.end(1)] if agency else pub
    for group in ("wire", "bracketed", "agency"):
        if m.group(group):
            publication = paragraph[m.start(group) : m.end(group)]
    reporters = names_after_role(paragraph[m.start("who") : m.end("who")] if m.group("who") else "")
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
    if year is None or month is None or day is None:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
