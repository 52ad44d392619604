"""Text that comes in paragraphs already: Markdown, web pages, plain text.

Paragraphs are separated by blank lines, the lines of one paragraph are joined, and Markdown
headings keep their level. Joining wrapped pieces of a line is also done here for every
format: no space inside Chinese, one between Latin words, none inside a number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.data import Block, BlockKind
from generator.ingest.furniture import (
    byline_names,
    could_be_listed,
    heads_reading_list,
    is_caption,
    is_site_notice,
    is_staff_credit,
    split_credit,
    split_staff,
)
from generator.text import CJK_OR_FULL, ends_sentence, is_part_label

# A headline or section head is at most this many characters; a longer line is prose.
MAX_HEADING_CHARS = 40
# How much of the end of a line decides whether it is Latin text (characters).
_LATIN_TAIL = 40
# A line whose tail has more than this share of ASCII characters wraps at spaces.
_LATIN_SHARE = 0.6


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one line of text: no space inside Chinese, one between Latin words."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if left.endswith("-") and left[-2:-1].isdigit() and right[:1].isdigit():
        return left + right  # "2-" + "3日": a range, not a hyphenated word
    if left[-1].isdigit() and right[0].isdigit():
        return left + right  # a number the column cut in two
    if re.match(r"[A-Za-z0-9%.,;:!?)]", left[-1]) and re.match(r"[A-Za-z0-9(]", right[0]) and _mostly_latin(left):
        return left + " " + right  # English text wraps at spaces
    return left + right


def _mostly_latin(text: str) -> bool:
    tail = text[-_LATIN_TAIL:]
    return sum(ch.isascii() for ch in tail) > _LATIN_SHARE * len(tail)


_SPACES = re.compile(r"[ \t\u3000]+")
_SPACE_BETWEEN = re.compile(  # Chinese, then Latin or digits, or the other way
    rf"(?<=[{CJK_OR_FULL}]) (?=[0-9A-Za-z%.])|(?<=[0-9A-Za-z%.]) (?=[{CJK_OR_FULL}])"
)
_SPACE_IN_RANGE = re.compile(r"(?<=\d) (?=\d*-\d)|(?<=\d-) (?=\d)")  # "5 -3", "5 12-3", "5- 3"


def tidy(text: str) -> str:
    """Drop the spaces PDF extraction leaves between Chinese and digits ("增长 26.9%"), then
    inside a range: after the first, as a range may only close up then ("2 2 ０-2": 2０-2)."""
    text = _SPACES.sub(" ", text.strip())
    if " " in text:
        text = _SPACE_BETWEEN.sub("", text)
    return _SPACE_IN_RANGE.sub("", text) if " " in text else text


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# An item of a Markdown list: "- …", "* …", "+ …", "1. …" (not a line set between dashes, "- END -")
_MD_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,2}[.)])\s+\S(?!.*\s[-*+]$)")
_MD_BULLET = re.compile(r"^[-*+]\s+")
# A row of a Markdown table: "| 营业收入（亿元） | 890.38 | 797.71 |"
_MD_TABLE_ROW = re.compile(r"^\|.*\|$")
# Two ideographic spaces open a Chinese paragraph. Text flattened into one line (copied from
# a web page or a report) keeps them where its paragraphs began: "…同比降97%　　巨化股份于…"
# is a heading, then a paragraph. Only in a line this long: a byline ("本报记者　　张三") or a
# table row spaces its cells the same way.
_INDENT = re.compile(r"(?<=\S)[ \t]*\u3000{2,}[ \t\u3000]*(?=\S)")
_FLATTENED_LINE_CHARS = 100


_EMPHASIS = re.compile(r"(?<![*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)")


def markdown_blocks(text: str) -> list[Block]:
    """Markdown: ATX headings, and paragraphs separated by blank lines (lines of one joined)."""
    blocks: list[Block] = []
    para: list[tuple[int, str]] = []
    listing = False  # inside the list of other articles a page closes with

    def flush() -> None:
        nonlocal listing
        if para:
            joined = para[0][1]
            for _, piece in para[1:]:
                joined = join_wrapped(joined, piece)
            joined = tidy(joined)
            if joined:
                kind: BlockKind = (
                    "notice" if listing and could_be_listed(joined)  # the headlines under "往期推荐"
                    else "caption" if is_caption(joined)
                    else "byline" if byline_names(joined)
                    else "staff" if is_staff_credit(joined)
                    else "notice" if is_site_notice(joined)
                    else "paragraph"
                )
                listing = kind == "notice" and (listing or heads_reading_list(joined))
                first, last = para[0][0], para[-1][0]
                body, credit = split_credit(joined) if kind == "paragraph" else (joined, "")
                body, staff = split_staff(body) if kind == "paragraph" else (body, "")
                if body:
                    blocks.append(Block(body, kind, first, last))
                if staff:  # "……季增逾1成。（編輯：林淑媛）1130510": the editors close the article
                    blocks.append(Block(staff, "staff", last, last))
                if credit:  # "……的机会。(图片来源:协禧网站)": the body names its picture's source
                    blocks.append(Block(credit, "credit", last, last))
            para.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        m = _MD_HEADING.match(raw.strip())
        if m:
            flush()
            heading = tidy(_strip_inline_markdown(m.group(2)))
            listing = heads_reading_list(heading)  # "## 往期推荐" heads no section: other articles follow
            if heading:
                blocks.append(Block(heading, "notice" if listing else "heading", number, number, level=len(m.group(1))))
        elif not raw.strip():
            flush()
        elif _MD_TABLE_ROW.match(raw.strip()):
            flush()
            if blocks and blocks[-1].kind == "table" and blocks[-1].last_line == number - 1:
                previous = blocks.pop()
                blocks.append(Block(previous.text + "\n" + raw.strip(), "table", previous.first_line, number))
            else:
                blocks.append(Block(raw.strip(), "table", number, number))
        else:
            line = raw.strip()
            if _MD_LIST_ITEM.match(line):
                flush()  # each item of a list is a paragraph of its own, its bullet no part of it
                line = _MD_BULLET.sub("", line)
            for n, piece in enumerate(_INDENT.split(line) if len(line) >= _FLATTENED_LINE_CHARS else [line]):
                if n:
                    flush()
                para.append((number, _strip_inline_markdown(piece)))
    flush()
    return _bracketed_headlines(blocks)


# A headline in black-lettered brackets opening its article's paragraph, as flash news and
# digests print each item: "【一季度湖南外贸进出口增长8.2%】据长沙海关统计，…". Not a label
# ("【点评】", "【延伸阅读】": fewer characters), a desk or a dateline ("【财新网】", "【财联社4月
# 18日电】"), nor a sentence.
_BRACKETED_HEADLINE = re.compile(r"^【(?P<head>[^【】。；;]{6,40})】\s*(?P<body>.*)$", re.DOTALL)
_DESK_OR_DATELINE = re.compile(r"(?:电|讯|报道|报导|消息|网|社|报)$|记者")
# ... nor a note's part ("【盈利预测与投资建议】", "【盈利预测及估值】", "【维持“买入”评级】")
_LABEL_IN_BRACKETS = re.compile(r"(?:评级|估值|建议|提示|要点|观点|点评|摘要|阅读|链接)$")


def _bracketed_headlines(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        m = _BRACKETED_HEADLINE.match(b.text) if b.kind == "paragraph" and b.text.startswith("【") else None
        if m is None or _DESK_OR_DATELINE.search(m.group("head")) or _LABEL_IN_BRACKETS.search(m.group("head")) or is_part_label(m.group("head")):
            out.append(b)
            continue
        out.append(Block(m.group("head").strip(), "heading", b.first_line, b.first_line, page_start=b.page_start, level=1))
        if m.group("body").strip():
            out.append(Block(m.group("body").strip(), "paragraph", b.first_line, b.last_line))
    return out


def _strip_inline_markdown(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their label
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    # emphasis in single stars, as a clipped page sets a picture's caption ("*图为…（张三 摄）*")
    text = _EMPHASIS.sub(r"\1", text)
    text = re.sub(r"^>\s?", "", text)
    return text.strip()


def plain_blocks(text: str) -> list[Block]:
    """Ordinary text: blank lines separate paragraphs; a short unpunctuated one-line paragraph
    is a heading, unless it closes a line that held paragraphs before it: the last words of a
    note copied into one line ("…风险提示　　新项目落地不及预期") head nothing."""
    blocks = markdown_blocks(text)
    out = []
    for i, b in enumerate(blocks):
        closes_shared_line = (
            i > 0 and blocks[i - 1].last_line == b.first_line and (i + 1 == len(blocks) or blocks[i + 1].first_line != b.last_line)
        )
        if (
            b.kind == "paragraph"
            and b.first_line == b.last_line
            and len(b.text) <= MAX_HEADING_CHARS
            and not ends_sentence(b.text)
            and b.text[-1] not in "，,、：:"
            and not closes_shared_line
        ):
            b = replace(b, kind="heading")
        out.append(b)
    return out
