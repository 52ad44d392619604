"""Text that comes in paragraphs already: Markdown, web pages, plain text.

Paragraphs are separated by blank lines, the lines of one paragraph are joined, and Markdown
headings keep their level. Joining wrapped pieces of a line is also done here for every
format: no space inside Chinese, one between Latin words, none inside a number.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from generator.data import Block, BlockKind
from generator.ingest.furniture import (
    byline_names,
    could_be_listed,
    heads_reading_list,
    is_caption,
    is_mail_notice,
    is_site_notice,
    is_staff_credit,
    split_credit,
    split_staff,
)
from generator.text import CJK_OR_FULL, CLOSERS, display_width, ends_sentence, is_part_label, without_spaces

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


# A bullet opening a line: a list's point or a report's paragraph. PDF text layers give a
# symbol font's bullet as a private-use character ("\uf0d8", Wingdings' arrowhead).
BULLET = re.compile(r"^[\uf020-\uf0ff•●◆◇■□▪▫►▶▷➢➤➣✓✔❖◼◾]\s*(?=\S)")
_SPACES = re.compile(r"[ \t\u3000]+")
_SPACE_BETWEEN = re.compile(  # Chinese, then Latin or digits, or the other way
    rf"(?<=[{CJK_OR_FULL}]) (?=[0-9A-Za-z%.])|(?<=[0-9A-Za-z%.]) (?=[{CJK_OR_FULL}])"
)
_SPACE_IN_RANGE = re.compile(r"(?<=\d) (?=\d*-\d)|(?<=\d-) (?=\d)")  # "5 -3", "5 12-3", "5- 3"


def tidy(text: str) -> str:
    """Drop the spaces PDF extraction leaves between Chinese and digits ("增长 26.9%"), then
    inside a range: after the first, as a range may only close up then ("2 2 ０-2": 2０-2); and
    the bullet opening a point."""
    text = BULLET.sub("", _SPACES.sub(" ", text.strip()))
    if " " in text:
        text = _SPACE_BETWEEN.sub("", text)
    return _SPACE_IN_RANGE.sub("", text) if " " in text else text


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# An item of a Markdown list: "- …", "* …", "+ …", "1. …" (not a line set between dashes, "- END -")
_MD_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,2}[.)])\s+\S(?!.*\s[-*+]$)")
_MD_BULLET = re.compile(r"^[-*+]\s+")
# A row of a Markdown table: "| 营业收入（亿元） | 890.38 | 797.71 |"
MD_TABLE_ROW = re.compile(r"^\|.*\|$")
# Two ideographic spaces open a Chinese paragraph. Text flattened into one line (copied from
# a web page or a report) keeps them where its paragraphs began: "…同比降97%　　巨化股份于…"
# is a heading, then a paragraph. Only in a line this long: a byline ("本报记者　　张三") or a
# table row spaces its cells the same way.
_INDENT = re.compile(r"(?<=\S)[ \t]*\u3000{2,}[ \t\u3000]*(?=\S)")
_FLATTENED_LINE_CHARS = 100


_EMPHASIS = re.compile(r"(?<![*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)")


def markdown_blocks(text: str, *, line_breaks: bool = False) -> list[Block]:
    """Markdown: ATX headings, and paragraphs separated by blank lines (lines of one joined).

    With ``line_breaks`` (plain text), a line break also ends a paragraph (``_line_ends``).
    """
    blocks: list[Block] = []
    para: list[tuple[int, str]] = []
    listing = False  # inside the list of other articles a page closes with
    foot = False  # after a mailing list's notice: the mail's foot

    def flush() -> None:
        nonlocal listing, foot
        if para:
            joined = para[0][1]
            for _, piece in para[1:]:
                joined = join_wrapped(joined, piece)
            joined = tidy(joined)
            if joined:
                kind: BlockKind = (
                    "notice" if (listing or foot) and could_be_listed(joined)  # the headlines under "往期推荐", a mail's foot
                    else "caption" if is_caption(joined)
                    else "byline" if byline_names(joined)
                    else "staff" if is_staff_credit(joined)
                    else "notice" if is_site_notice(joined)
                    else "paragraph"
                )
                listing = kind == "notice" and (listing or heads_reading_list(joined))
                foot = foot or (kind == "notice" and is_mail_notice(joined))  # (only a notice can be one)
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

    lines = text.split("\n")
    paragraph_ends = _line_ends(lines) if line_breaks else None
    for number, raw in enumerate(lines, start=1):
        m = _MD_HEADING.match(raw.strip())
        if m:
            flush()
            heading = heading_text(_strip_inline_markdown(m.group(2)))  # as typed: "…需求加持 2022年…"
            listing = heads_reading_list(heading)  # "## 往期推荐" heads no section: other articles follow
            if heading:
                blocks.append(Block(heading, "notice" if listing else "heading", number, number, level=len(m.group(1))))
        elif not raw.strip():
            flush()
        elif MD_TABLE_ROW.match(raw.strip()):
            flush()
            if blocks and blocks[-1].kind == "table" and blocks[-1].last_line == number - 1:
                previous = blocks.pop()
                blocks.append(Block(previous.text + "\n" + raw.strip(), "table", previous.first_line, number))
            else:
                blocks.append(Block(raw.strip(), "table", number, number))
        else:
            line = BULLET.sub("", raw.strip())
            if _MD_LIST_ITEM.match(line):
                flush()  # each item of a list is a paragraph of its own, its bullet no part of it
                line = _MD_BULLET.sub("", line)
            for n, piece in enumerate(_INDENT.split(line) if len(line) >= _FLATTENED_LINE_CHARS else [line]):
                if n:
                    flush()
                para.append((number, _strip_inline_markdown(piece)))
            if paragraph_ends is not None and paragraph_ends[number - 1]:
                flush()
    flush()
    return _bracketed_headlines(blocks)


# A line at least this share as wide as the text's wide lines (its 90th percentile) is full: a
# wrap, if it ends no sentence.
_FULL_LINE = 0.85
_WIDE_LINES = 0.9
# Marks after which a clause goes on: a line ending on one runs on into the next.
_GOES_ON = "，,、；;（(“‘《—-"


def _line_ends(lines: list[str]) -> list[bool]:
    """For plain text, whether the paragraph ends with each line.

    Text copied from a web page or a document puts one paragraph to a line, and a headline,
    byline or date on a line of its own; a dump wrapped at a fixed width goes to
    :mod:`~generator.ingest.hardwrap`. A line runs on into the next where it ends on a mark
    after which the clause goes on, or where it is a full line (about as wide as
    the text's wide lines, and not narrower than the next) that ends no sentence: a paragraph wrapped by
    whoever saved it.
    """
    widths = [display_width(line.strip()) for line in lines]
    ranked = sorted(w for w in widths if w)
    wide = ranked[math.ceil(_WIDE_LINES * (len(ranked) - 1))] if ranked else 0.0
    headline = _wrapped_headlines(lines)
    ends = []
    for i, line in enumerate(lines):
        text = line.rstrip()
        after = widths[i + 1] if i + 1 < len(lines) and lines[i + 1].strip() else None
        if not text or after is None:
            ends.append(True)
            continue
        if i in headline and i + 1 in headline:
            ends.append(False)  # a headline wrapped at its column's width runs on
            continue
        full = widths[i] >= _FULL_LINE * wide and widths[i] + 2 >= after
        runs_on = text[-1] in _GOES_ON or (full and not ends_sentence(text))
        ends.append(not runs_on or bool(BULLET.match(lines[i + 1].strip())))
    return ends


# A headline printed on several lines (kicker, headline, subhead; or wrapped) has at most this many.
MAX_HEADLINE_LINES = 3


def _wrapped_headlines(lines: list[str]) -> set[int]:
    """The lines of blocks (between blank lines) of two or three lines that together are a
    headline's length and say no sentence: a headline its column wrapped ("离岸风力发电获欧洲追捧！20"
    over "20年安装量料暴增6.5倍"), as a PDF's text comes out of ``pdftotext``."""
    found: set[int] = set()
    start = 0
    for end in [*(i for i, line in enumerate(lines) if not line.strip()), len(lines)]:
        block = [t.strip() for t in lines[start:end]]
        joined = "".join(block)
        if (
            2 <= len(block) <= MAX_HEADLINE_LINES
            and len(joined) <= MAX_HEADING_CHARS
            and "。" not in joined
            and not any(ends_sentence(t) and not asks_or_exclaims(t) for t in block)
            and block[-1][-1] not in _GOES_ON
        ):
            found.update(range(start, end))
        start = end + 1
    return found


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
    """Ordinary text: blank lines separate paragraphs, and so does a line break after a
    sentence, as text copied from a web page or a document puts one paragraph to a line (a
    dump wrapped at the column width goes to :mod:`~generator.ingest.hardwrap`).

    A short unpunctuated one-line paragraph is a heading, unless it closes a line that held
    paragraphs before it: the last words of a note copied into one line ("…风险提示　　新项目落地
    不及预期") head nothing. So is the text's first line where it asks or exclaims
    ("…一年内市值挑战1兆美元？"), as headlines may. A heading keeps the spaces it was typed with
    (a headline's space parts two clauses: "印度/非洲需求加持 2022年全球智慧机…"), not those a PDF's
    text layer puts around every number ("2023 年三季报点评").
    """
    blocks = markdown_blocks(text, line_breaks=True)
    lines = text.split("\n")
    out: list[Block] = []
    for i, b in enumerate(blocks):
        closes_shared_line = (
            i > 0 and blocks[i - 1].last_line == b.first_line and (i + 1 == len(blocks) or blocks[i + 1].first_line != b.last_line)
        )
        if (
            b.kind == "paragraph"
            and b.last_line - b.first_line < MAX_HEADLINE_LINES  # a line, or a headline wrapped
            and len(b.text) <= MAX_HEADING_CHARS
            and (not ends_sentence(b.text) or (not out and asks_or_exclaims(b.text)))
            and b.text[-1] not in "，,、：:"
            and not closes_shared_line
        ):
            typed = lines[b.first_line - 1]
            keep = b.first_line == b.last_line and without_spaces(typed) == without_spaces(b.text)
            b = replace(b, kind="heading", text=heading_text(typed) if keep else b.text)
        out.append(b)
    return out


def heading_text(line: str) -> str:
    """A heading as it was typed: a space that parts a headline's clauses stays ("印度/非洲需求
    加持 2022年全球智慧机…"), but not the spaces a PDF's text layer puts around every number
    ("2023 年三季报点评"), which :func:`tidy` drops."""
    typed = _SPACES.sub(" ", BULLET.sub("", line.strip()))
    return tidy(typed) if _spaced_by_extraction(typed) else typed


_IDEOGRAPH_BY_ALNUM = re.compile(r"(?<=[\u4e00-\u9fff])\s*(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])\s*(?=[\u4e00-\u9fff])")


def _spaced_by_extraction(text: str) -> bool:
    """Every number and Latin word stands apart from the ideographs beside it ("2023 年三季报
    点评"): the spacing of a PDF's text layer, not a space typed to part a headline's clauses."""
    meets = [m.group() for m in _IDEOGRAPH_BY_ALNUM.finditer(text)]
    return bool(meets) and all(meets)


def asks_or_exclaims(text: str) -> bool:
    """The text ends on a question or an exclamation mark, as a headline may end."""
    return text.rstrip().rstrip(CLOSERS)[-1:] in ("？", "！", "?", "!")
