"""PDF text dumps: rebuild paragraphs, headings and bylines from hard-wrapped lines.

A PDF text layer hard-wraps every line at the column width and often puts a blank line
after each, so blank lines carry nothing. A line ends a paragraph when it is clearly
narrower than its column and ends a sentence; a line that stands alone and ends no clause
is a heading (headline, kicker, subhead or section head: the segment stage decides which).
Headlines keep their commas, colons and question marks, and may be exactly as wide as the
column: what tells them from body text is that nothing before or after them could belong to
the same paragraph. A line led by a space opens a new page block. Widths are display widths
(``generator.text.display_width``: a CJK character is one column, a Latin letter or digit
half of one).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from generator.data import Block, BlockKind
from generator.ingest.datelines import starts_dateline
from generator.ingest.furniture import (
    byline_names,
    header_headlines,
    is_caption,
    is_page_header,
    is_site_notice,
    opens_caption,
    split_credit,
    split_staff,
)
from generator.ingest.paragraphs import (
    BULLET,
    MAX_HEADING_CHARS,
    MAX_HEADLINE_LINES,
    asks_or_exclaims,
    heading_text,
    join_wrapped,
    tidy,
)
from generator.text import CJK, display_width, ends_sentence, to_simplified, without_spaces

# Lines either side of a line that decide its column width (pages mix column widths).
_WIDTH_WINDOW = 12
# A line wider than its column by more than this runs across columns: a caption set wide,
# or the next block of the page (display width).
_OFF_COLUMN = 3.0
# A line this much narrower than its column ends its paragraph when it ends a sentence; a
# full line of Chinese is within a half-width character or so of the column (display width).
_PARAGRAPH_END_SHORTFALL = 1.5
# A standalone line at least this much narrower than its column is a heading, not the
# indented first line of a paragraph (display width).
_HEADING_SHORTFALL = 4.0
# A line at least this much narrower than its column that ends no sentence is the indented
# first line of a paragraph (an indent of two columns; justified lines of the sample page
# run up to 1.5 short), never the continuation of the line before it (display width).
_FIRST_LINE_SHORTFALL = 2.0
# A wide line followed by one within this much of its width is a paragraph set wide (a photo
# story), not a headline standing alone (display width).
_SAME_WIDE_MEASURE = 2.0
# Marks a headline never ends with: the clause goes on.
_OPEN_ENDINGS = "，,、；;：:（(“‘《—-"
# A byline line is at most this long (characters): "湖南日报全媒体记者 孟姣燕 刘乐".
_MAX_BYLINE_CHARS = 30

_TRAILING_NAME = re.compile(r"[。！？”]\s+([\u4e00-\u9fff]{2,3})$")


@dataclass
class _Line:
    text: str
    number: int
    page_start: bool
    dateline: bool = False  # a dateline starts here (it may wrap onto the next line)
    in_dateline: bool = False  # the rest of a dateline that wrapped from the line above
    headline: bool = False  # set as a headline (a PDF's type), or named as one by the page header
    in_place: bool = False  # set as a headline where it stands (a PDF's type): it heads the text after it
    width: float = 0.0  # how long the line is on the page, in characters (display_width, or the PDF's)
    sized: bool = False  # the reader measured the page's type: a headline is told by its size, not its shape
    after_blank: bool = False  # a blank line stands before it


def _dump_lines(text: str, headlines: Collection[int] = (), widths: Sequence[float] = ()) -> list[_Line]:
    lines = []
    marked = set(headlines)
    blank = False
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            width = widths[number - 1] if number <= len(widths) else display_width(raw.strip())
            lines.append(
                _Line(raw.strip(), number, raw[:1] in (" ", "\u3000", "\t"), width=width, in_place=number in marked, sized=bool(widths),
                      after_blank=blank)
            )
        blank = not raw.strip()
    for line, nxt in zip(lines, [*lines[1:], None], strict=False):
        line.dateline = starts_dateline(line.text + (nxt.text if nxt is not None else ""))
        if line.dateline and nxt is not None and not starts_dateline(line.text):
            nxt.in_dateline = True
    named = {
        without_spaces(piece)
        for n, line in enumerate(lines)
        if (n == 0 or line.page_start) and is_page_header(line.text)
        for piece in header_headlines(line.text)
    }
    for line in lines:
        line.headline = line.in_place or (without_spaces(line.text) in named and not line.dateline and not is_page_header(line.text))
    return lines


def _column_widths(lines: Sequence[_Line], *, measured: bool = False, grouped: bool = False) -> list[float]:
    """The column width around each line: the upper median of its neighbours' widths, leaving
    out headlines the PDF set larger (a line of them is no measure of the column). Where the
    reader ``measured`` the page, a block of the dump is a column or an article of its own,
    and only its lines count (a text dump's blocks are pages); so are the blocks blank lines
    part (``grouped``: a column's paragraph beside an article set across the page).

    Pages mix columns of different widths (and a photo caption may run wider), so one width
    for the whole page would misjudge short lines.
    """
    if measured or grouped:
        block = list(itertools.accumulate(int(line.page_start or (grouped and line.after_blank)) for line in lines))
    else:
        block = [0] * len(lines)
    local = []
    for i, line in enumerate(lines):
        near = range(max(0, i - _WIDTH_WINDOW), min(len(lines), i + _WIDTH_WINDOW + 1))
        around = sorted(lines[j].width for j in near if block[j] == block[i] and not lines[j].in_place) or [line.width]
        local.append(around[(len(around) * 2) // 3])
    return local


def hardwrap_blocks(text: str, *, headlines: Collection[int] = (), widths: Sequence[float] = ()) -> list[Block]:
    """Hard-wrapped PDF text: rebuild paragraphs from line shapes (blank lines carry nothing).

    What the reader measured on the page, where it could: ``headlines``, the numbers of the
    lines set as headlines (a PDF's type sizes); ``widths``, each line's length on the page
    in characters (else its display width)."""
    lines = _dump_lines(text, headlines, widths)
    grouped = _blank_lines_part_blocks(lines)
    widths = _column_widths(lines, measured=bool(widths), grouped=grouped)
    headline_groups = {group[0].number: group for group in _groups(lines) if _headline_group(group)} if grouped else {}
    inside_headline = {line.number for group in headline_groups.values() for line in group[1:]}
    blocks: list[Block] = []
    current: list[_Line] = []
    column = [0.0]  # the column width where the current paragraph started

    def flush(cut_short: bool = False) -> None:
        """End the current block; ``cut_short``: a new block starts before it ended a sentence."""
        if cut_short and _headline_lines(current):
            for line in current:  # a kicker and a headline, or a headline and a subhead
                start = line.page_start and line is current[0]
                blocks.append(Block(heading_text(line.text), "heading", line.number, line.number, page_start=start))
            current.clear()
        if current:
            joined = current[0].text
            for line in current[1:]:
                joined = join_wrapped(joined, line.text)
            joined = tidy(joined)
            first, last, start = current[0].number, current[-1].number, current[0].page_start
            # (a page's disclaimer, "本版文章仅供参考，不构成投资建议", is a notice as a site's is)
            kind: BlockKind = "caption" if is_caption(joined) else "notice" if is_site_notice(joined) else "paragraph"
            # a caption set in the column's own width may have swallowed the body above it
            in_column = current[0].width <= column[0] + _OFF_COLUMN
            if kind == "caption" and in_column:
                cut = _caption_start(joined)
                if cut:  # body text the column ran into the caption: keep it as a paragraph
                    blocks.append(Block(joined[:cut], "paragraph", first, last, page_start=start))
                    joined, start = joined[cut:], False
            m = _TRAILING_NAME.search(joined) if kind == "paragraph" else None
            body, credit = split_credit(joined) if kind == "paragraph" else (joined, "")
            if m:  # "……张崇和说。 姚雯": the reporter's name closes the article
                blocks.append(Block(joined[: m.start(1)].rstrip(), kind, first, last, page_start=start))
                blocks.append(Block(m.group(1), "byline", last, last))
            elif credit:  # "……的机会。(图片来源:协禧网站)": the body names its picture's source
                if body:
                    blocks.append(Block(body, kind, first, last, page_start=start))
                blocks.append(Block(credit, "credit", last, last, page_start=start and not body))
            elif kind == "paragraph" and (staff := split_staff(joined))[1]:
                blocks.append(Block(staff[0], kind, first, last, page_start=start))
                blocks.append(Block(staff[1], "staff", last, last))  # "（編輯：林淑媛）1130510"
            else:
                blocks.append(Block(joined, kind, first, last, page_start=start))
            current.clear()

    def byline(line: _Line) -> Block:
        return Block(tidy(line.text), "byline", line.number, line.number, page_start=line.page_start)

    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        w = line.width
        width = widths[i]
        if line.number in inside_headline:
            continue
        if line.number in headline_groups:  # a headline the column wrapped, a block of its own
            flush()
            group = headline_groups[line.number]
            joined = group[0].text
            for part in group[1:]:
                joined = join_wrapped(joined, part.text)
            # (a block of its own: the headline over the next column stands apart from this one)
            blocks.append(Block(tidy(joined), "heading", group[0].number, group[-1].number, page_start=True))
            continue
        if grouped and line.after_blank and current:
            flush(cut_short=not _closes(current[-1].text))  # the text's blocks stand apart
        if (not current or line.page_start) and is_page_header(line.text):
            flush()
            blocks.append(Block(tidy(line.text), "header", line.number, line.number, page_start=line.page_start))
            continue
        broke = False  # the line ends the block before it mid-page: a new block starts here
        if current:
            forced = line.page_start or line.dateline or line.headline or (_headline_shaped(line) and not line.in_dateline)
            # lines opening a page block that end no sentence and are followed by a paragraph's
            # indented first line were no paragraph: the lines of a headline
            headline_above = (
                _first_line(line.text, w, width)
                and (current[0].page_start or (bool(blocks) and blocks[-1].kind in ("heading", "header")))
                and _headline_lines(current)
            )
            if forced or headline_above or BULLET.match(line.text) or (
                _closes(current[-1].text)
                and (_is_heading_line(line, nxt, w, width) or w > width + _OFF_COLUMN or _first_line(line.text, w, width))
            ):
                flush(cut_short=forced or headline_above)
                broke = True
        if not current:
            if _is_byline_line(line.text) or _name_closing_article(line, nxt, blocks, width):
                blocks.append(byline(line))
                continue
            if _is_heading_line(line, nxt, w, width, opens=i == 0 or line.page_start):
                start = line.page_start or broke or (grouped and line.after_blank)  # a block of the dump opens on it
                # a headline the PDF sets where it stands heads the text under it, as a Markdown
                # headline does (level 1); one a dump prints may be apart from its text (level 0)
                blocks.append(Block(heading_text(line.text), "heading", line.number, line.number, page_start=start, level=int(line.in_place)))
                continue
            column[0] = width
        current.append(line)
        short = w < width - _PARAGRAPH_END_SHORTFALL
        # a line far wider than its column with nothing as wide after it stands alone (a pull
        # quote or a headline set wide); a paragraph set wide goes on at its own width
        wide_alone = len(current) == 1 and w > width + _OFF_COLUMN and not _same_wide_measure(w, nxt)
        if (
            is_caption(line.text)
            or (short and ends_sentence(line.text))
            or wide_alone
            or (nxt is not None and _TRAILING_NAME.search(line.text) and short)
        ):
            flush()
        elif nxt is None or nxt.page_start:
            flush(cut_short=True)
    return blocks


# Blank lines part a dump's blocks where at most this share of its lines has one before it (a
# dump that puts a blank line after every line, as some extractors do, says nothing by them),
# and at least one does
_BLANK_AFTER_EVERY_LINE = 0.6
_MIN_BLANK_PARTS = 1


def _blank_lines_part_blocks(lines: Sequence[_Line]) -> bool:
    """The dump parts its blocks with blank lines (poppler's ``pdftotext``): a headline, each
    column's paragraphs, a caption stand apart. Not where a blank line follows (nearly) every line."""
    parts = sum(line.after_blank for line in lines[1:])
    return _MIN_BLANK_PARTS <= parts <= _BLANK_AFTER_EVERY_LINE * (len(lines) - 1)


def _groups(lines: Sequence[_Line]) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    for line in lines:
        if not groups or line.after_blank or line.page_start:
            groups.append([])
        groups[-1].append(line)
    return groups


def _headline_group(group: Sequence[_Line]) -> bool:
    """A block of one to three short lines that say no sentence: a headline wrapped at its
    column's width ("Sony德国官网泄天机？传Z系" over "列卖太差遭斩、Z6没了")."""
    if not 1 <= len(group) <= MAX_HEADLINE_LINES:
        return False
    texts = [line.text for line in group]
    joined = "".join(texts)
    if len(joined) > MAX_HEADING_CHARS or "。" in joined or any(line.dateline or is_caption(line.text) for line in group):
        return False
    if any(t[-1] in _OPEN_ENDINGS for t in texts[-1:]) or _is_byline_line(joined) or is_page_header(joined):
        return False
    return not ends_sentence(joined) or asks_or_exclaims(joined)


def _is_byline_line(text: str) -> bool:
    return byline_names(text) is not None and len(text) <= _MAX_BYLINE_CHARS


def _is_heading_line(line: _Line, nxt: _Line | None, w: float, width: float, *, opens: bool = False) -> bool:
    """A standalone line (headline, kicker, subhead, section head), not a line of a paragraph.

    A headline may carry commas and question marks and be as wide as the column; it never
    has a full stop or ends mid-clause, and it stands alone: clearly shorter than the column,
    off the column, set as two parts with a space, or followed by something that cannot
    continue a paragraph. One that ends like a sentence ("……末日近？") must stand alone.
    """
    text = line.text
    if len(text) > MAX_HEADING_CHARS or line.dateline or line.in_dateline or is_caption(text):
        return False
    if line.headline:
        return True
    if "。" in text or text[-1] in _OPEN_ENDINGS:
        return False
    if ends_sentence(text):
        # (the text's or a page block's first line may ask or exclaim, short of the column:
        # "…一年内市值挑战1兆美元？" over its text)
        return asks_or_exclaims(text) and (_stands_alone(nxt, width) or (opens and w <= width - _HEADING_SHORTFALL))
    if w > width + _OFF_COLUMN:
        return not _same_wide_measure(w, nxt)
    if w <= width - _HEADING_SHORTFALL or _headline_shaped(line):
        return True
    return _stands_alone(nxt, width)


def _headline_lines(lines: Sequence[_Line]) -> bool:
    """Two or three lines that stop, ending no sentence, where a new block starts (a page
    block, a dateline, a headline, the end of the text): the lines of a headline (a kicker
    above it, a subhead below), each as wide as the column, not a paragraph."""
    if not 2 <= len(lines) <= MAX_HEADLINE_LINES:
        return False
    texts = [line.text for line in lines]
    if any(len(t) > MAX_HEADING_CHARS or "。" in t or t[-1] in _OPEN_ENDINGS for t in texts):
        return False
    if any(line.dateline or line.in_dateline or is_caption(line.text) for line in lines):
        return False
    return not any(ends_sentence(t) and not asks_or_exclaims(t) for t in texts)


def _same_wide_measure(w: float, nxt: _Line | None) -> bool:
    """A line set wide goes on in the next one: as wide, and no new block (a page block, a
    dateline, a caption) starts there. A headline set wide stands alone."""
    if nxt is None or nxt.page_start or nxt.dateline or opens_caption(nxt.text) or is_caption(nxt.text):
        return False
    return abs(nxt.width - w) <= _SAME_WIDE_MEASURE


def _closes(text: str) -> bool:
    """The line closes what it holds: a sentence, or an article with its reporter's name."""
    return ends_sentence(text) or bool(_TRAILING_NAME.search(text))


def _stands_alone(nxt: _Line | None, width: float) -> bool:
    """What follows a line cannot continue its paragraph: the end of a page block, a dateline,
    the indented first line of a paragraph, a line far wider than the column, a byline, a
    caption."""
    if nxt is None or nxt.page_start or nxt.dateline or opens_caption(nxt.text) or is_caption(nxt.text):
        return True
    next_w = nxt.width
    return _first_line(nxt.text, next_w, width) or next_w > width + _OFF_COLUMN or _is_byline_line(nxt.text)


def _first_line(text: str, w: float, width: float) -> bool:
    """Shorter than the column and ending no sentence: the indented first line of a paragraph
    (or a heading), never a line that continues the one before it. (A first line whose
    closing comma hangs past the margin is as wide as a full line with the comma inside: it
    is not told apart, so such a headline joins its paragraph rather than split a sentence.)"""
    return w <= width - _FIRST_LINE_SHORTFALL and not _closes(text)


def _headline_shaped(line: _Line) -> bool:
    """Words set apart by spaces with no full stop: a two-part headline.

    Wrapped body lines of Chinese text have no spaces between words (PDF extraction leaves
    them only around digits and Latin), so such a line is never part of a paragraph. Where the
    reader measured the page's type, its sizes tell the headlines: a line of text with a
    space before a Latin word ("国际研究暨顾问机构 Gartner表示，…") is text.
    """
    text = line.text
    if line.sized:
        return False
    if len(text) > MAX_HEADING_CHARS or starts_dateline(text) or "。" in text or text[-1] in _OPEN_ENDINGS:
        return False
    if ends_sentence(text) and not asks_or_exclaims(text):
        return False
    return bool(re.search(rf"[{CJK}”》」！？]\s+[{CJK}“《「]", text) or re.search(rf"[{CJK}”》」！？]\s+[A-Za-z]", text))


def _caption_start(text: str) -> int:
    """Where a caption begins inside a run of text ("……。图为……/摄"), 0 when it is all caption."""
    m = re.search(r"(?<=[。！？”])\s*图为", to_simplified(text))
    return m.start() if m and m.start() > 0 else 0


def _name_closing_article(line: _Line, nxt: _Line | None, blocks: Sequence[Block], width: float) -> bool:
    """A reporter's name wrapped onto a line of its own after the article's last sentence.

    Unlike a short section head, nothing of the article follows it: the page block ends,
    a dateline, caption or headline comes next.
    """
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", line.text):
        return False
    if not blocks or blocks[-1].kind != "paragraph" or not ends_sentence(blocks[-1].text):
        return False
    return (
        nxt is None
        or nxt.page_start
        or nxt.dateline
        or opens_caption(nxt.text)
        or _headline_shaped(nxt)
        or nxt.width > width + _OFF_COLUMN
    )
