"""Facts about written Chinese that several stages rely on, decided once.

Where a sentence may end, which marks close it, which characters are CJK, and how wide a
line is on the page: reflow, the sentence splitter and the summariser must agree on these,
or a paragraph break and a sentence break would disagree about the same full stop.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

# Marks that end a sentence; the splitter cuts after them (ellipses and ASCII '.' are
# decided there, with context).
FULL_STOPS = "。！？!?"
# Marks after which a line of print may end a paragraph or a summary may end: a full stop,
# an ellipsis, or a semicolon closing an enumerated clause.
SENTENCE_END = FULL_STOPS + "…；;"
# Closing quotes and brackets that belong to the sentence before them ("……升级。”").
CLOSERS = "”’」』）)》】\"'"

# The label a research note gives a part of itself: "事件：公司发布年报…", "投资要点 …",
# "【点评】" (a summary sentence or a figure's label starts after it). The labels no sentence
# opens on count also where extraction lost the break after them: "事件评论受制于矿价强势…"
_PART_LABELS = (
    r"事件描述|事件概述|事件评论|事件点评|事项点评|事件|事项|首次覆盖投资亮点|投资亮点|投资要点|支撑评级的要点|关注要点|报告要点|要点"
    r"|核心观点|核心结论|投资逻辑|投资摘要|报告摘要|摘要|业绩回顾|业绩简评|简评|点评如下|点评|评论|业绩预览|理由如下"
    r"|公司动态事项|公司动态|公司近况|动态事项|(?:[\u4e00-\u9fff]{2})?观点"
)
_GLUED_LABELS = r"事件描述|事件概述|事件评论|事件点评|投资要点|投资摘要|报告要点|业绩回顾"
PART_LABEL = re.compile(
    rf"^(?:[【\[](?:{_PART_LABELS})[】\]]\s*|(?:{_PART_LABELS})(?:\s*[：:]\s*|\s+)|(?:{_GLUED_LABELS})(?=[\u4e00-\u9fff\d]))+"
)
# A heading that is only a label, of a part PART_LABEL names or of the risks, the valuation or
# the forecast: a section head however it is printed, never a headline. (A sentence keeps
# these: "风险：原材料价格上涨" is a risk, not a fact.)
_SECTION_LABEL = re.compile(
    r"(?:风险(?:提示|分析|因素)?|评级面临的主要风险|估值(?:与建议)?|盈利预测(?:与估值|与投资建议)?|投资建议|发展趋势|分析)[：:]?"
)


# A listed company's stock code in brackets after its name: "国巨(2327)", "宏达电（2498）",
# "中国铝业（601600）", "联想(0992.HK)", "NVIDIA(NVDA.US)". Print gives it for the market
# reader; a sentence shown on its own (a summary, a title) reads without it. A year is no
# code: "今(2018)年", "去年(2017)", "(2016)年" stay.
STOCK_CODE = re.compile(
    r"(?<=[\u4e00-\u9fffA-Za-z])(?<![今去明前昨年])\s*[（(]\s*"
    r"(?:\d{4,6}(?:[.\-](?:TWO|TW|HK|SH|SZ|SS|JP|T|US|KS))?|[A-Z]{1,5}[.\-](?:US|HK|O|N))"
    r"\s*[）)](?![年月日])"
)
# A pointer at a picture or table the reader of a summary does not have, or its credit:
# "(见附图左二)", "（如附图）", "(见末表)", "(见此)" (a link in the source), "陈靖仁(左)",
# "(见下图；图片来源：FRED)", "(附图资料照片)", "(照片取自官网)", and a caption in brackets.
_PICTURE_PLACE = r"[一二三四五六七八九十\d左右上中下]{0,3}"  # which picture: 图二, 附图左二
PICTURE_POINTER = re.compile(
    r"\s*[（(]\s*(?:"
    # after the pointer, only the picture's credit: "(见附图；国际版型号为Xperia ZR)" says more
    rf"(?:详见|詳見|见|見|如)\s*[附上下左右末]?\s*[图圖表]{_PICTURE_PLACE}"
    r"(?:\s*[；;，,、／/]\s*(?:[图圖]片|照片|资料照|資料照)[^（()）]{0,24})?"
    rf"|附?[图圖]{_PICTURE_PLACE}|附表"
    r"|(?:附[图圖])?(?:资料|資料)?(?:照片|相片)[^（()）]{0,20}"
    r"|(?:图片|圖片)(?:来源|來源|说明|說明|提供)[:：][^（()）]{0,30}"
    r"|(?:见|見)此|[图圖]?[左右](?:[一二三四五六]|起)?"
    # a caption: what the picture shows ("(附图为Sony推出的4K电视)", "(图说：易威董事长李世仁)")
    r"|附?[图圖](?:为|為|爲|说|說)[:：]?[^（()）]{1,40}|[图圖]表(?:见此|見此)?"
    r")\s*[）)]"
)
# Full-width punctuation carries its own spacing: a space beside it is the typist's
_SPACE_BY_FULL_WIDTH = re.compile(r"[ \t\u3000]+(?=[，。；：、！？）」』”])|(?<=[，。；：、！？（）「」『』“”])[ \t\u3000]+")
# Taiwan's press dates a deictic word in brackets: "今(14)日", "昨（10）日", "本(11)月",
# "去(2017)年". Shown on its own the sentence says the date: "14日", "11月", "2017年".
BRACKETED_DATE = re.compile(r"[今昨前明去本上下后後][（(]\s*(\d{1,4})\s*[）)](?=[日月年])")


_ALNUM = re.compile(r"[A-Za-z0-9]")


def shown_alone(text: str) -> str:
    """``text`` as a sentence shown on its own (a summary, a title) reads: without stock codes,
    picture pointers and spaces beside full-width marks, with Taiwan's bracketed dates written
    out; the full text keeps them.

    A space stays where a code kept two Latin words or numbers apart ("NVIDIA(NVDA.US)22日"
    -> "NVIDIA 22日").
    """
    if _SPACE_BY_FULL_WIDTH.search(text):
        text = _SPACE_BY_FULL_WIDTH.sub("", text)  # "在国内， 公司…": a typist's space after a full-width mark
    if "(" not in text and "（" not in text:
        return text
    text = STOCK_CODE.sub(lambda m: " " if _ALNUM.match(text, m.end()) and text[m.start() - 1].isascii() else "", text)
    return BRACKETED_DATE.sub(r"\1", PICTURE_POINTER.sub("", text))


CJK = r"\u3400-\u9fff\uf900-\ufaff"
# CJK plus the full-width forms, CJK punctuation and the typographic marks set full-width.
CJK_OR_FULL = CJK + r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
_FULL_WIDTH = re.compile(f"[{CJK_OR_FULL}]")


def is_part_label(text: str) -> bool:
    """The whole text is a research note's label of a part ("事件描述", "投資要點", "【点评】",
    "风险提示"), in either script."""
    text = to_simplified(text.strip())
    return bool(_SECTION_LABEL.fullmatch(text) or _label_end(text) == len(text))


def without_part_label(text: str) -> str:
    """A headline as a research note prints it, without the label of its part: "业绩回顾
    3Q21业绩略低于我们预期" reads "3Q21业绩略低于我们预期" ("" when the label is all there is)."""
    text = text.strip()
    return "" if is_part_label(text) else text[_label_end(to_simplified(text)) :].strip()


def _label_end(simplified: str) -> int:
    """Where the labels a text opens on end (0: it opens on none)."""
    found = PART_LABEL.match(simplified.rstrip("：:") + "：")
    return min(found.end(), len(simplified)) if found else 0


def without_spaces(text: str) -> str:
    """The text with no white space: how two printings of the same words are compared."""
    return _ANY_SPACE.sub("", text)


_ANY_SPACE = re.compile(r"\s+")


def ends_sentence(text: str) -> bool:
    """The text (a line, a paragraph, a sentence) ends where a sentence may end."""
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in SENTENCE_END


def display_width(text: str) -> float:
    """Width as a page sets it, in columns: CJK and full-width characters 1, others 1/2."""
    return sum(1.0 if _FULL_WIDTH.match(ch) else 0.5 for ch in text)


# Traditional characters make up a quarter or more of a traditional-script text and under 1%
# of a simplified one (measured on the development data and its OpenCC conversion): a text
# above this share is read as traditional script.
TRADITIONAL_SHARE = 0.05
_CJK_CHAR = re.compile(f"[{CJK}]")


@cache
def _simplified_table() -> dict[int, str]:
    """OpenCC's traditional → simplified conversion, character by character, for every CJK
    character it changes into exactly one other (so a folded text keeps its offsets)."""
    import opencc

    chars = [chr(c) for c in range(0x3400, 0xA000)] + [chr(c) for c in range(0xF900, 0xFB00)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {ord(a): b for a, b in zip(chars, converted, strict=True) if a != b and len(b) == 1}


@cache
def _traditional_char() -> re.Pattern[str]:
    """Any character ``to_simplified`` changes: one scan in C finds whether a text has one
    (most have none, and a translation looks up every character)."""
    return re.compile(f"[{_traditional_chars()}]")


@cache
def _traditional_chars() -> str:
    return "".join(sorted(map(chr, _simplified_table())))


def to_simplified(text: str) -> str:
    """Traditional characters folded to simplified, one for one: offsets stay valid."""
    return text.translate(_simplified_table()) if _traditional_char().search(text) else text


def to_mainland(text: str) -> str:
    """Traditional script as the mainland writes it, words included (軟體 → 软件, 網路 → 网络,
    億 → 亿): what a model trained on mainland Chinese reads best. Offsets do not stay valid."""
    return _mainland().convert(text) if _traditional_char().search(text) else text


@cache
def _mainland() -> opencc.OpenCC:
    import opencc

    return opencc.OpenCC("tw2sp")  # Taiwan's script and words; Hong Kong's script reads the same


def is_traditional(text: str) -> bool:
    """The text is written in traditional script (Taiwan, Hong Kong papers)."""
    if not _traditional_char().search(text):
        return False  # most texts: one scan, no counting
    cjk = _CJK_CHAR.subn("", text)[1]  # counts without a string per character
    return bool(cjk) and _traditional_char().subn("", text)[1] / cjk > TRADITIONAL_SHARE


# Full-width ASCII forms (U+FF01–U+FF5E: ０-９, ％, ．, ＋, －, Ａ-ｚ, ＄, ，) and the ideographic
# space, each as its ASCII character: some papers and PDF text layers set numbers this way.
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def to_half_width(text: str) -> str:
    """Full-width ASCII forms folded to ASCII, one for one ("５．５％" → "5.5%"): offsets stay valid."""
    return text.translate(_HALF_WIDTH)


@cache
def _folding_table() -> dict[int, int | str]:
    return {**_simplified_table(), **_HALF_WIDTH}  # apart: CJK characters, full-width forms


@cache
def _folded_char() -> re.Pattern[str]:
    return re.compile(f"[{_traditional_chars()}\uff01-\uff5e\u3000]")


def to_simplified_half_width(text: str) -> str:
    """Both foldings in one pass (``to_half_width(to_simplified(text))``): the figure parser
    folds every sentence that holds a number."""
    return text.translate(_folding_table()) if _folded_char().search(text) else text


# Radicals and compatibility forms that PDF text layers (macOS's above all) give in place of
# the ideograph they look like: "⽇本" for 日本, "⻓沙" for 长沙. Each is the ideograph, one for
# one. Unicode's compatibility mapping (NFKC) gives the Kangxi radicals and the compatibility
# ideographs theirs; the radicals supplement's it has none for are listed by their names
# ("CJK RADICAL C-SIMPLIFIED LONG"), as Unicode's EquivalentUnifiedIdeograph.txt pairs them.
_SUPPLEMENT_RADICALS = {
    0x2EA0: "民", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC8: "讠", 0x2EC9: "贝", 0x2ECB: "车",
    0x2ED0: "钅", 0x2ED3: "长", 0x2ED4: "门", 0x2ED8: "青", 0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风",
    0x2EDC: "飞", 0x2EE0: "饣", 0x2EE2: "马", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦",
    0x2EE9: "黄", 0x2EEA: "黾", 0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙",
    # ... and the radicals shaped as the whole character ("CJK RADICAL EAT ONE" for 食)
    0x2E81: "厂", 0x2E8A: "卜", 0x2E9D: "月", 0x2EA9: "王", 0x2EAC: "示", 0x2EAF: "糸", 0x2EBD: "臼",
    0x2ED1: "長", 0x2ED7: "雨", 0x2EDD: "食", 0x2EE3: "骨", 0x2EE4: "鬼", 0x2EEB: "斉", 0x2EED: "歯",
    0x2EEF: "竜", 0x2EF1: "龜", 0x2EF2: "亀",
}
_LOOKALIKE = re.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


@cache
def _ideograph_table() -> dict[int, str]:
    import unicodedata

    table = dict(_SUPPLEMENT_RADICALS)
    for first, last in ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for code in range(first, last + 1):
            unified = unicodedata.normalize("NFKC", chr(code))
            if len(unified) == 1 and unified != chr(code) and _CJK_CHAR.match(unified):
                table[code] = unified
    return table


# What a reader never sees: zero-width spaces and non-joiners, word joiners, soft hyphens, a
# BOM inside the text, and a zero-width joiner but between two emoji (👨‍💻). Sites insert them
# against copying, and copies keep them: "同比增长\u200b8.2%" parted a change from its figure.
_EMOJI = "\U0001f000-\U0001faff\u2600-\u27bf"
_INVISIBLE = re.compile(
    f"[\u00ad\u180e\u200b\u200c\u2060-\u2064\ufeff]|(?<![{_EMOJI}\ufe0f])\u200d|\u200d(?![{_EMOJI}])"
)
# Spaces that do not break, which a copied web page is full of: spaces like any other
_NO_BREAK_SPACES = str.maketrans({"\xa0": " ", "\u202f": " ", "\u2007": " "})
_UNSEEN = re.compile("[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff\xa0\u202f\u2007]")


def visible(text: str) -> str:
    """``text`` without the characters a reader never sees, and its no-break spaces as spaces;
    lines are kept, so line numbers stay valid."""
    if not _UNSEEN.search(text):
        return text
    return _INVISIBLE.sub("", text).translate(_NO_BREAK_SPACES)


def unify_ideographs(text: str) -> str:
    """Radicals and compatibility ideographs as the ideographs they stand for ("⽇本" → 日本),
    one for one: offsets stay valid."""
    return text.translate(_ideograph_table()) if _LOOKALIKE.search(text) else text


def load_tables() -> None:
    """Build the folding tables and patterns now (before worker processes fork)."""
    _traditional_char()
    _folded_char()
    _folding_table()
