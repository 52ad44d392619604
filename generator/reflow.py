"""Reflow stage: repair the layout damage of extracted text into whole blocks.

PDF text dumps hard-wrap every line at the column width and often put a blank line after
each. A line ends a paragraph when it is clearly shorter than the column and ends a
sentence; a short unpunctuated line standing alone is a heading (headline or section head —
the segment stage decides which); a line led by a space opens a new page block. Markdown
and web text come in paragraphs already, but columns still cut paragraphs in two (around a
photo caption, or with a repeated fragment), which is mended here for every format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.data import Block, Document

# A sentence may end in these (possibly followed by closing quotes/brackets).
TERMINAL = "。！？!?…；;"
CLOSING = "”’」』）)》】\"'"
_CAPTION_END = re.compile(r"(/?\s*摄|[（(]资料(照片|图片)?[)）]|[（(]图片来源[^)）]*[)）])\s*$")
_CREDIT = re.compile(r"^(.{0,12}记者|[^\s，。,]{2,12}(社|报|网))?\s*\S{2,4}(\s+\S{2,4})*\s*/?\s*摄\s*$")
_BYLINE = re.compile(r"^[▶►>\-—\s]*(?P<org>\S{0,12}?)(全媒体)?(首席)?(特约)?(记者|通讯员|撰稿|编辑)\s*(?P<names>[\u4e00-\u9fff·]{2,4}(\s+[\u4e00-\u9fff·]{2,4}){0,5})\s*$")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_OR_FULL = _CJK + r"\u3000-\u303f\uff00-\uffef“”‘’—…·"


def is_caption(text: str) -> bool:
    """Photo captions end in a photographer credit ("…/摄", "记者 X 摄") or "(资料照片)"."""
    return bool(_CAPTION_END.search(text.strip()))


def byline_names(text: str) -> list[str] | None:
    """Reporter names of a byline line ("本报记者 张伟", "湖南日报全媒体记者 X Y"), else None."""
    m = _BYLINE.match(text.strip())
    if not m:
        return None
    return m.group("names").split()


def ends_sentence(text: str) -> bool:
    t = text.rstrip()
    while t and t[-1] in CLOSING:
        t = t[:-1]
    return bool(t) and t[-1] in TERMINAL


def display_width(text: str) -> float:
    """Column width as a page sets it: CJK and full-width characters count 1, others 1/2."""
    return sum(1.0 if re.match(f"[{_CJK_OR_FULL}]", ch) else 0.5 for ch in text)


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
    tail = text[-40:]
    return sum(ch.isascii() for ch in tail) > 0.6 * len(tail)


def tidy(text: str) -> str:
    """Drop the spaces PDF extraction leaves between Chinese and digits ("增长 26.9%")."""
    text = re.sub(r"[ \t\u3000]+", " ", text.strip())
    text = re.sub(rf"(?<=[{_CJK_OR_FULL}]) (?=[0-9A-Za-z%.])", "", text)
    text = re.sub(rf"(?<=[0-9A-Za-z%.]) (?=[{_CJK_OR_FULL}])", "", text)
    text = re.sub(r"(?<=\d) (?=\d*-\d)|(?<=\d-) (?=\d)|(?<=\d) (?=-\d)", "", text)
    return text


def reflow(document: Document) -> list[Block]:
    if document.format in ("markdown", "html"):
        blocks = _markdown_blocks(document.text)
    elif document.needs_reflow:
        blocks = _dump_blocks(document.text)
    else:
        blocks = _plain_blocks(document.text)
    return mend_column_breaks(mark_pull_quotes(blocks))


@dataclass
class _Line:
    text: str
    number: int
    page_start: bool
    dateline: bool = False  # a dateline starts here (it may wrap onto the next line)
    in_dateline: bool = False  # the rest of a dateline that wrapped from the line above


def _dump_lines(text: str) -> list[_Line]:
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            lines.append(_Line(raw.strip(), number, raw[:1] in (" ", "\u3000", "\t")))
    for line, nxt in zip(lines, lines[1:] + [None]):
        line.dateline = _starts_dateline(line.text + (nxt.text if nxt is not None else ""))
        if line.dateline and nxt is not None and not _starts_dateline(line.text):
            nxt.in_dateline = True
    return lines


def _column_widths(lines: Sequence[_Line], window: int = 12) -> list[float]:
    """The column width around each line: the upper median of its neighbours' widths.

    Pages mix columns of different widths (and a photo caption may run wider), so one width
    for the whole page would misjudge short lines.
    """
    widths = [display_width(line.text) for line in lines]
    local = []
    for i in range(len(widths)):
        around = sorted(widths[max(0, i - window) : i + window + 1])
        local.append(around[(len(around) * 2) // 3])
    return local


def _dump_blocks(text: str) -> list[Block]:
    """Hard-wrapped PDF text: rebuild paragraphs from line shapes (blank lines carry nothing)."""
    lines = _dump_lines(text)
    widths = _column_widths(lines)
    blocks: list[Block] = []
    current: list[_Line] = []
    column = [0.0]  # the column width where the current paragraph started

    def flush() -> None:
        if current:
            joined = current[0].text
            for line in current[1:]:
                joined = join_wrapped(joined, line.text)
            joined = tidy(joined)
            first, last, start = current[0].number, current[-1].number, current[0].page_start
            kind = "caption" if is_caption(joined) else "paragraph"
            # a caption set in the column's own width may have swallowed the body above it
            in_column = display_width(current[0].text) <= column[0] + 3
            if kind == "caption" and in_column:
                cut = _caption_start(joined)
                if cut:  # body text the column ran into the caption: keep it as a paragraph
                    blocks.append(Block(joined[:cut], "paragraph", first, last, page_start=start))
                    joined, start = joined[cut:], False
            m = _TRAILING_NAME.search(joined) if kind == "paragraph" else None
            if m:  # "……张崇和说。 姚雯": the reporter's name closes the article
                blocks.append(Block(joined[: m.start(1)].rstrip(), kind, first, last, page_start=start))
                blocks.append(Block(m.group(1), "byline", last, last))
            else:
                blocks.append(Block(joined, kind, first, last, page_start=start))
            current.clear()

    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        w = display_width(line.text)
        width = widths[i]
        if (not current or line.page_start) and _is_header_line(line.text):
            flush()
            blocks.append(Block(tidy(line.text), "header", line.number, line.number, page_start=line.page_start))
            continue
        if not current:
            names = byline_names(line.text)
            if (names is not None and len(line.text) <= 30) or _name_closing_article(line, nxt, blocks, width):
                blocks.append(Block(tidy(line.text), "byline", line.number, line.number, page_start=line.page_start))
                continue
            if _is_heading_line(line, nxt, w, width):
                blocks.append(Block(tidy(line.text), "heading", line.number, line.number, page_start=line.page_start))
                continue
        elif line.page_start or line.dateline or (_headline_shaped(line.text) and not line.in_dateline) or (
            ends_sentence(current[-1].text) and (_is_heading_line(line, nxt, w, width) or w > width + 3)
        ):
            flush()
            if byline_names(line.text) is not None and len(line.text) <= 30:
                blocks.append(Block(tidy(line.text), "byline", line.number, line.number, page_start=line.page_start))
                continue
            if _is_heading_line(line, nxt, w, width):
                blocks.append(Block(tidy(line.text), "heading", line.number, line.number, page_start=True))
                continue
        if not current:
            column[0] = width
        current.append(line)
        short = w < width - 1.5
        if is_caption(line.text) or (short and ends_sentence(line.text)) or (nxt is not None and nxt.page_start):
            flush()
        elif nxt is not None and _trailing_byline(line.text) and short:
            flush()
    flush()
    return blocks


def _is_heading_line(line: _Line, nxt: _Line | None, w: float, width: float) -> bool:
    """A standalone line (headline, section head) rather than the first line of a paragraph.

    Paragraph first lines are indented, so they run a little short; headings carry no
    sentence punctuation and stand alone: clearly shorter than that, off the column, or
    followed by something that cannot continue a paragraph.
    """
    text = line.text
    if len(text) > 40 or line.dateline or line.in_dateline or is_caption(text):
        return False
    if re.search(r"[，,。；;：:！!？?]", text) or text[-1] in "、（(“‘《—-":
        return False
    if len(text) <= width - 4 or w > width + 3:
        return True
    if _headline_shaped(text):
        return True
    if nxt is None or nxt.page_start or nxt.dateline:
        return True
    next_w = display_width(nxt.text)
    # what follows could not continue a paragraph: a short line that ends no sentence, or a
    # line far wider than this column (another block starts)
    return (len(nxt.text) <= width - 2.5 and not ends_sentence(nxt.text)) or next_w > width + 3


def _headline_shaped(text: str) -> bool:
    """Words set apart by spaces with no sentence punctuation: a two-part headline.

    Wrapped body lines of Chinese text have no spaces between words (PDF extraction leaves
    them only around digits and Latin), so such a line is never part of a paragraph.
    """
    if len(text) > 40 or _starts_dateline(text) or re.search(r"[，,。；;：:！!？?]", text):
        return False
    return bool(re.search(rf"[{_CJK}”》]\s+[{_CJK}“《]", text) or re.search(rf"[{_CJK}”》]\s+[A-Za-z]", text))


_DATELINE_START = re.compile(r"^(本[报報][讯訊]|[\u4e00-\u9fff]{2,12}\d{1,2}\s*月\s*\d{1,2}\s*日\s*(电|電|讯|訊))")


def _starts_dateline(text: str) -> bool:
    return bool(_DATELINE_START.match(text.strip()))


_TRAILING_NAME = re.compile(r"[。！？”]\s+([\u4e00-\u9fff]{2,3})$")


def _caption_start(text: str) -> int:
    """Where a caption begins inside a run of text ("……。图为……/摄"), 0 when it is all caption."""
    m = re.search(r"(?<=[。！？”])\s*图为", text)
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
        or nxt.text.startswith("图为")
        or _headline_shaped(nxt.text)
        or display_width(nxt.text) > width + 3
    )


def _trailing_byline(text: str) -> bool:
    return bool(_TRAILING_NAME.search(text))


def _is_header_line(text: str) -> bool:
    """A page header: headlines run together, one of them twice, with no sentence punctuation."""
    return not re.search(r"[，,。；;：:！!？?]", text) and _repeats_itself(text)


def _repeats_itself(text: str) -> bool:
    """A page header repeats a headline twice in a row ("XYZXYZ"), which no headline does."""
    t = re.sub(r"\s+", "", text)
    for size in range(6, len(t) // 2 + 1):
        for start in range(0, len(t) - 2 * size + 1):
            if t[start : start + size] == t[start + size : start + 2 * size]:
                return True
    return False


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _markdown_blocks(text: str) -> list[Block]:
    """Markdown: ATX headings, and paragraphs separated by blank lines (lines of one joined)."""
    blocks: list[Block] = []
    para: list[tuple[int, str]] = []

    def flush() -> None:
        if para:
            joined = para[0][1]
            for _, piece in para[1:]:
                joined = join_wrapped(joined, piece)
            joined = tidy(joined)
            if joined:
                kind = "caption" if is_caption(joined) else ("byline" if byline_names(joined) else "paragraph")
                blocks.append(Block(joined, kind, para[0][0], para[-1][0]))
            para.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        m = _MD_HEADING.match(raw.strip())
        if m:
            flush()
            heading = tidy(_strip_inline_markdown(m.group(2)))
            if heading:
                blocks.append(Block(heading, "heading", number, number, level=len(m.group(1))))
        elif not raw.strip():
            flush()
        else:
            para.append((number, _strip_inline_markdown(raw.strip())))
    flush()
    return blocks


def _strip_inline_markdown(text: str) -> str:
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # links keep their label
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"^>\s?", "", text)
    return text.strip()


def _plain_blocks(text: str) -> list[Block]:
    """Ordinary text: blank lines separate paragraphs; a short unpunctuated paragraph is a heading."""
    blocks = _markdown_blocks(text)
    out = []
    for b in blocks:
        if b.kind == "paragraph" and b.first_line == b.last_line and len(b.text) <= 40 and not ends_sentence(b.text) and b.text[-1] not in "，,、：:":
            b = replace(b, kind="heading")
        out.append(b)
    return out


_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_QUOTED = re.compile(r"[“「]([^”」]{8,})[”」]")


def _letters(text: str) -> str:
    return _PUNCT.sub("", text)


def mark_pull_quotes(blocks: Sequence[Block]) -> list[Block]:
    """A pull quote repeats a sentence of the body in large type; mark it so it appears once.

    A short block (paragraph or heading-like line) whose words — or whose quotation, when
    it is attributed ("“…”某某公司") — occur verbatim inside another, longer paragraph.
    """
    texts = [_letters(b.text) for b in blocks]
    out = []
    for i, b in enumerate(blocks):
        if b.kind in ("paragraph", "heading") and b.level == 0 and len(b.text) <= 200:
            m = _QUOTED.search(b.text)
            probe = _letters(m.group(1)) if m else texts[i]
            # inside a longer paragraph, or a repeat of an earlier one (the later copy goes)
            if len(probe) >= 10 and any(
                j != i and probe in texts[j] and (len(texts[j]) > len(probe) or j < i)
                for j, other in enumerate(blocks)
                if other.kind == "paragraph"
            ):
                b = replace(b, kind="quote")
        out.append(b)
    return out


def mend_column_breaks(blocks: Sequence[Block]) -> list[Block]:
    """Rejoin a paragraph the layout cut in two (across a caption, or a repeated fragment).

    A paragraph that stops mid-sentence continues in the next paragraph; a caption between
    the two halves is kept as its own block after the mended paragraph. When the layout
    repeats the end of a column at the top of the next one, the repetition is dropped.
    """
    out: list[Block] = []
    pending_captions: list[Block] = []
    for block in blocks:
        if block.kind in ("caption", "quote") and out and out[-1].kind == "paragraph" and not ends_sentence(out[-1].text):
            pending_captions.append(block)
            continue
        if (
            block.kind == "paragraph"
            and out
            and out[-1].kind == "paragraph"
            and not ends_sentence(out[-1].text)
            and not block.page_start
            and not _starts_dateline(block.text)
            and out[-1].text[-1:] not in "：:"
        ):
            prev = out[-1]
            if block.text in prev.text and len(block.text) >= 8:
                out[-1] = replace(prev, last_line=block.last_line)  # a repeated fragment
                continue
            fragment = _repeated_tail(prev.text, block.text)
            merged = prev.text + block.text[fragment:]
            out[-1] = replace(prev, text=merged, last_line=block.last_line)
            out.extend(pending_captions)
            pending_captions = []
            continue
        out.extend(pending_captions)
        pending_captions = []
        out.append(block)
    out.extend(pending_captions)
    # captions were held back: keep page order by first line
    return sorted(out, key=lambda b: (b.first_line, b.last_line))


def _repeated_tail(prev: str, nxt: str) -> int:
    """Length of the start of ``nxt`` that repeats the end of ``prev`` (a column repetition)."""
    for size in range(min(len(prev), len(nxt)), 7, -1):
        if prev.endswith(nxt[:size]):
            return size
    return 0
