"""Page furniture: the text on a newspaper page that is not article body.

Photo captions and their credits, bylines, and page headers that run the page's headlines
together. Reflow uses these rules to set such lines apart as blocks of their own; segment
uses them to attach a byline or a photo credit to its article.
"""

from __future__ import annotations

import re

_CAPTION_END = re.compile(r"(/?\s*摄|[（(]资料(照片|图片)?[)）]|[（(]图片来源[^)）]*[)）])\s*$")
_BYLINE = re.compile(
    r"^[▶►>\-—\s]*(?P<org>\S{0,12}?)(全媒体)?(首席)?(特约)?(记者|通讯员|撰稿|编辑)\s*"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(\s+[\u4e00-\u9fff·]{2,4}){0,5})\s*$"
)
# The photographer's credit at the end of a caption: "……。 记者 张三 摄".
_CREDIT = re.compile(r"[。.]?\s*([^。]{0,20}?)\s*/?\s*摄\s*$")
_SENTENCE_PUNCTUATION = re.compile(r"[，,。；;：:！!？?]")
# The shortest headline a page header is checked for repeating (characters).
_MIN_REPEATED_HEADLINE = 6


def is_caption(text: str) -> bool:
    """Photo captions end in a photographer credit ("…/摄", "记者 X 摄") or "(资料照片)"."""
    return bool(_CAPTION_END.search(text.strip()))


def caption_credit(caption: str) -> tuple[str, list[str]]:
    """A caption's words without the credit, and the photographers' names in the credit."""
    words = _CREDIT.sub("。", caption).strip()
    credit = _CREDIT.search(caption)
    names = re.findall(r"[\u4e00-\u9fff]{2,4}$", credit.group(1).strip()) if credit else []
    return words, names


def byline_names(text: str) -> list[str] | None:
    """Reporter names of a byline line ("本报记者 张伟", "湖南日报全媒体记者 X Y"), else None."""
    m = _BYLINE.match(text.strip())
    if not m:
        return None
    return m.group("names").split()


def has_sentence_punctuation(text: str) -> bool:
    """Commas, stops, colons: a line with any is prose, never a headline or a header."""
    return bool(_SENTENCE_PUNCTUATION.search(text))


def is_page_header(text: str) -> bool:
    """A page header: headlines run together, one of them twice, with no sentence punctuation."""
    return not has_sentence_punctuation(text) and _repeats_itself(text)


def _repeats_itself(text: str) -> bool:
    """A page header repeats a headline twice in a row ("XYZXYZ"), which no headline does."""
    t = re.sub(r"\s+", "", text)
    for size in range(_MIN_REPEATED_HEADLINE, len(t) // 2 + 1):
        for start in range(0, len(t) - 2 * size + 1):
            if t[start : start + size] == t[start + size : start + 2 * size]:
                return True
    return False


def header_headlines(text: str) -> list[str]:
    """The headlines a page header runs together; a headline printed twice counts once."""
    pieces = []
    for piece in text.split():
        t = piece
        for size in range(len(t) // 2, 3, -1):
            if len(t) >= 2 * size and t[:size] == t[size : 2 * size]:
                rest = t[2 * size :]
                pieces.append(t[:size])
                t = rest
                break
        if t:
            pieces.append(t)
    out: list[str] = []
    for p in pieces:
        if p not in out and len(p) >= 4:
            out.append(p)
    return out
