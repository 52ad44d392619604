"""Keywords of an article: TF-IDF over the article's own tokens, filtered to words a reader
would search for.

The same tokens the summariser uses (one segmentation pass), jieba's IDF table, and each
word's part of speech from jieba's dictionary: nouns of all kinds, verbal nouns, idioms and
abbreviations, Latin words, and words the dictionary does not know (names, new terms).
What the segmenter cut in pieces is put back together from the article itself: a name cut
short ("张崇|和"), a name in Latin letters ("Good Design Award"), two keywords the article
never writes apart ("平板|电脑").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from generator.analysis.figures.quantities import DIRECTIONS
from generator.analysis.figures.units import CURRENCIES, UNITS
from generator.analysis.tokens import STOPWORDS, glossary_generation, rarity, tokens, word_tag
from generator.data import Sentence

_NOT_KEYWORD = re.compile(r"^[\d.,%％]+$|^[\W_]+$")
# Parts of speech worth listing: nouns of all kinds, verbal nouns, idioms, abbreviations.
_POS = frozenset(("n", "nr", "ns", "nt", "nz", "vn", "nrt", "j", "l"))
_UNKNOWN_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")  # a name or new term jieba's dictionary lacks
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9.+\-]*$")
_ENGLISH_STOPWORDS = frozenset(
    ["the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with", "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or"]
)
# Words that say how a figure is measured, not what the article is about: a direction, also
# with its basis glued on as Taiwan's papers write it (年增, 季减), and units other than money
# (pct, 万吨).
_FIGURE_WORDS = (
    frozenset(DIRECTIONS)
    | frozenset(basis + direction for basis in "年季月" for direction in DIRECTIONS)
    | frozenset(unit for unit, code in UNITS.items() if code not in CURRENCIES)
    | frozenset(("同比增加", "同比减少", "同比增长", "同比下降"))  # jieba's dictionary has the first as a name
)
# ... and the basis of a change as English notes write it ("YoY+38.8%"), and the ratios every
# report of earnings gives (EPS was the commonest keyword of the development news), in any case
_LATIN_BASIS = frozenset(("yoy", "qoq", "mom", "hoh", "eps", "pe", "pb", "roe"))
# A company's legal form after its name ("Apple Inc", "Samsung Electronics Co., Ltd."): the name
# is what a reader searches for
_LEGAL_FORMS = frozenset(("Inc", "Ltd", "Co", "Corp", "Corporation", "Limited", "LLC", "PLC", "plc"))
# A table's head and foot ("单位：仟元", "百分比", "总计"): how figures are laid out, not what.
_TABLE_WORDS = frozenset(("总计", "合计", "总数", "单位", "百分比"))
# What a page of financial news is full of without being about it.
_BOILERPLATE = frozenset((
    "公司", "报导", "报道", "新闻报导", "新闻报道", "法人", "预估", "预期", "预计", "预测", "去年同期", "同期", "单季",
    "单月", "归母", "扣非", "此一", "KY", "链接",
    # how well a business goes or at what level, whatever it is ("营运成长", "本业获利", "维持高档水准")
    "营运", "本业", "水准",
    # when, not what: a period, or the rate of a change by its basis
    "月份", "年度", "季度", "年增率", "季增率", "月增率", "年成长率", "年减率", "日起", "日止",
    # Taiwan's words jieba's table lacks (so they count as rarest of all): revenue, which 47%
    # of the development articles had as a keyword, "along with" (随著) and how a figure is
    # booked (自结, 认列)
    "营收", "随著", "自结", "认列",
    # revenue as the segmenter leaves it of 营业收入, 营业利益 (营业|收入), and a broker's note: its
    # rating, its valuation ("对应PE 15倍") and the value before ("前值")
    "营业", "增持", "减持", "评级", "对应", "前值",
    # ... and its verbs of how a business is going, which the dictionary lacks too: they say
    # how, not what ("回温", "创高", "转亏", "下修", "不淡"), and "三大", "逐季"
    "回温", "创高", "走升", "续升", "持稳", "转亏", "转盈", "调涨", "下修", "上修", "初估", "不淡", "不旺", "三大", "逐季",
    "续旺", "续增", "续减", "续创", "转强", "转弱", "走扬", "看增", "看旺",
    # how much, how it went or what may come, of whatever the article is about ("创历史新高",
    # "整体营收", "营收持平", "受疫情影响", "有机会", "交易金额", "获利状况", "增长幅度", "营收占比")
    "历史", "整体", "持平", "影响", "机会", "金额", "状况", "幅度", "占比", "比重", "个位数", "两位数", "二位数", "双位数", "三位数",
    # who buys and sells what, in any business ("客户", "产品", "业务": 20% of the development
    # articles had one as a keyword, and a topic of 240 articles says nothing), and what every
    # report of earnings measures (its key figures name it: "毛利率", "净利润")
    "客户", "产品", "业务", "市场", "销售", "业绩", "事业", "大厂", "厂商", "产业", "企业", "全球", "全省", "全市", "优势", "发展", "领域",
    "毛利率", "毛利", "盈余", "净利", "净利润", "利润", "营益", "营益率", "费用率",
))
# This module's own words that jieba's dictionary mostly lacks: no word the segmenter cut from
# one of them, or glued to one, is a keyword
_LISTED_WORDS = frozenset(w for w in _FIGURE_WORDS | _BOILERPLATE if len(w) == 2)
# Idioms of how something went or when, which jieba's dictionary files as nouns ("再创新高",
# "止跌回升", "告一段落", "供过于求", "近两年", "相差不远", "接下来", "第一季度")
_HOW_IT_WENT = re.compile(r"^(?:再创|止跌|告一段落|供过于求|供不应求|持续(?:上升|下降|成长|增长)|相差|接下来|一则以"
                          r"|近[一二两三四五六七八九十\d]+[年月天季]|第[一二三四]季度?$)")
# "Smart", as Taiwan's papers write it: jieba's dictionary has both as names, but they only
# qualify the noun after them, so they are keywords only joined to it (智慧型手机, 智慧手表)
_QUALIFIERS = frozenset(("智慧", "智慧型"))
# ... and the quarters and halves a figure is dated by
_PERIOD_WORD = re.compile(r"^(?:\d{0,2}Q[1-4]|[1-4]Q|H[12]|[12]H|前季|上季|本季|当季|下季|首季|全年|上半年|下半年)$", re.IGNORECASE)
# A word the dictionary lacks that starts or ends on a function character, starts on a
# period, a comparison or what a number counts with, or ends on a word that leads into a
# number, is a piece the segmenter cut off ("增长面为82.4%" → 面为, "创近8季新高" → 创近, 季底,
# 较前周, "3条产线" → 条产线), not a name; so is one that starts on a conjunction or a share
# ("并营", "且明", "占营收"), an adverb ("仍佳", "均会", "再冲"), "because" ("因营收", "系因") or
# "estimates" ("估会", "估年"), or ends on what a change goes on with ("增则", "营收季"), on "has"
# ("因有", "估有"), on "before" ("其前" of 累计其前4月, "季底前") or on an ordinal's 第 ("电第" of
# 宏达电第4季).
_FUNCTION_CHARS = "为是在的了和与及或等将已也都就被把对从向由以"
_LEADS_ON = "近达至约逾超且而较"  # what leads into a number or the next clause
_COUNTERS = "个条家座项只次"  # what a number counts with: "3条产线" → 条产线, "18个州" → 个州
_FRAGMENT_EDGE = re.compile(
    f"^[{_FUNCTION_CHARS}较于年季月并且占仍亦均皆再还因系估{_COUNTERS}]|[{_FUNCTION_CHARS}{_LEADS_ON}则估季有前第]$"
)
# A name the segmenter cut short ends on a Han character, never on a particle, a word that
# leads into a number or a comparison, or a change's glued basis (营收|年增 is no name)
_PARTICLES = frozenset(_FUNCTION_CHARS.replace("和", "") + _LEADS_ON + "着过地得之到占并再仍前后则比年季月")  # 张崇|和
# ... nor does it start on one, or on a period or a place in a sequence (季|营收, 原|厂)
_NOT_FIRST = _PARTICLES | frozenset("原第")
# Latin words one space apart: a name written in Latin letters ("Good Design Award")
# ("3D NAND", "LTE-Advanced", "Book-to-Bill"; a number after a hyphen is no part: "yoy-14.93%")
_LATIN_PART = r"(?:[A-Za-z]|\d+[A-Za-z])[A-Za-z0-9]*(?:[\-.+&][A-Za-z][A-Za-z0-9]*)*"
_LATIN_RUN = re.compile(rf"(?<![A-Za-z0-9]){_LATIN_PART}(?: {_LATIN_PART})*")
_MAX_NAME_WORDS = 4
_LATIN_JOINER = re.compile(r"[\-.+&]")  # what the segmenter cuts a Latin word at: G|-|Mark
# A link printed in the text ("链接：http://www.yeda.gov.cn/art/2021/…"): its path is no topic
_URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")
# Money's units are what figures are counted in (the yen was a keyword of 61 development
# articles, most of them only reporting in yen): a keyword only where the headline names one
# ("受惠日圆贬 横滨橡胶营益大增14%", "不堪卢布重贬").
_CURRENCY_WORDS = frozenset(unit for unit, code in UNITS.items() if code in CURRENCIES)
# Words of the title count this much more: the editor chose them.
_TITLE_WEIGHT = 2.0
# Candidates considered per keyword shown (jieba's extract_tags takes topK this way too).
_CANDIDATES_PER_KEYWORD = 4


def extract_keywords(sentences: Sequence[Sentence], *, title: str = "", printed: bool = True, limit: int = 8) -> list[str]:
    """Up to ``limit`` keywords, best first. ``printed``: the title is the source's, not one
    the generator proposed from the body; only a printed one makes its currency a keyword
    (a proposed title is the clause of a figure: "实现净利润人民币64.0亿元")."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        text = sentence.text
        counts.update(tokens(_URL.sub(" ", text) if "://" in text or "www." in text else text))
    weights = _weights()
    rarities: dict[str, float] = {}
    for word in counts:
        known = weights.get(word)
        if known is None:
            known = weights[word] = rarity(word) if _is_candidate(word) else _NO_CANDIDATE
        if known != _NO_CANDIDATE:
            rarities[word] = known
    if not rarities:
        return []
    total = sum(counts[w] for w in rarities)
    words = list(rarities)
    weight = [-counts[w] * r / total for w, r in rarities.items()]
    best = sorted(range(len(words)), key=weight.__getitem__)[: limit * _CANDIDATES_PER_KEYWORD]
    title_words = set(tokens(title)) if title else set()
    scored = [
        (-weight[i] * (_TITLE_WEIGHT if words[i] in title_words else 1.0), words[i])
        for i in best
        if not _NOT_KEYWORD.match(words[i]) and (words[i] not in _CURRENCY_WORDS or (printed and words[i] in title_words))
    ]
    scored.sort(key=lambda p: (-round(p[0], 9), p[1]))
    shortlist = [w for _, w in scored[: limit * 2]]
    unknown = [w for w in shortlist if _UNKNOWN_WORD.match(w) and word_tag(w) in (None, "nz")]  # (nz: a name)
    pieces = _cut_from_listed_words(sentences, unknown)
    whole = _whole_names(sentences, [w for w in unknown if w not in pieces])
    whole |= _whole_latin_names(sentences, [w for w in shortlist if _LATIN_WORD.match(w)])
    whole |= _inseparable(sentences, counts, [w for w in shortlist if _HAN_WORD.match(w) and w not in whole])
    chosen: list[str] = []
    folded_chosen: list[str] = []
    for _, word in scored:
        if word in pieces:
            continue
        word = whole.get(word, word)
        if word in _QUALIFIERS:
            continue
        # no word that is part of one already chosen (北斗 beside 北斗导航), in any case
        # ("S6 edge" beside "S6 Edge": a reader's search ignores case)
        folded = word.casefold()
        if any(folded in c or c in folded for c in folded_chosen):
            continue
        chosen.append(word)
        folded_chosen.append(folded)
        if len(chosen) == limit:
            break
    return chosen


def _cut_from_listed_words(sentences: Sequence[Sentence], unknown: list[str]) -> set[str]:
    """Words the dictionary lacks that the segmenter made of one of this module's own words
    (which jieba's dictionary lacks as well) and its neighbour: "营收续创新高" → 营|收续|创新高,
    "月增率" → 月|增率, "持稳小增" → 持|稳小增, "自结营收" → 自结营|收. Such a word is a piece
    when, at half or more of its places, its first character ends one of those words or its
    last character starts one."""
    pieces = set()
    for word in unknown:
        places = cut = 0
        for sentence in sentences:
            text = sentence.text
            at = text.find(word)
            while at >= 0:
                places += 1
                end = at + len(word)
                cut += text[at - 1 : at + 1] in _LISTED_WORDS or text[end - 1 : end + 1] in _LISTED_WORDS
                at = text.find(word, end)
        if places and 2 * cut >= places:
            pieces.add(word)
    return pieces


def _whole_names(sentences: Sequence[Sentence], unknown: list[str]) -> dict[str, str]:
    """Names the segmenter cut short: a word the dictionary lacks (or has as a name, 宏达 of
    宏达电) that, each of the two or more
    times it stands in the article, is followed by the same character ("张崇和表示", "张崇和说":
    张崇|和 → 张崇和), or preceded by it ("智伸科(4551)", "智伸科1月营收": 智|伸科 → 智伸科)."""
    if not unknown:
        return {}
    around: dict[str, tuple[list[str], list[str]]] = {w: ([], []) for w in unknown}
    for sentence in sentences:
        words = tokens(sentence.text)
        for before, word, after in zip(("", *words[:-1]), words, (*words[1:], ""), strict=True):
            if word in around:
                around[word][0].append(before)
                around[word][1].append(after)
    whole: dict[str, str] = {}
    for word, (preceding, following) in around.items():
        first, last = _same_char(preceding), _same_char(following)
        name = (first if _may_open_name(first) else "") + word + (last if last not in _PARTICLES else "")
        if name != word:
            whole[word] = name
    return whole


def _whole_latin_names(sentences: Sequence[Sentence], latin: list[str]) -> dict[str, str]:
    """Latin words as the name they are part of: "Good Design Award" where the article writes
    it, not Good, Design and Award as three keywords; "G-Mark", not Mark. A word takes the run
    of Latin words it stands in most often (alone, if it mostly stands alone; the first run
    on a tie)."""
    if not latin:
        return {}
    runs: dict[str, Counter[str]] = {w: Counter() for w in latin}
    for sentence in sentences:
        for run in _LATIN_RUN.findall(sentence.text):
            parts = run.split()
            while len(parts) > 1 and _PERIOD_WORD.match(parts[0]):
                parts = parts[1:]  # "Q3 EPS" is EPS, dated
            if len(parts) > _MAX_NAME_WORDS:
                continue  # a sentence in English, not a name
            while len(parts) > 1 and parts[-1].rstrip(".,") in _LEGAL_FORMS:
                parts = parts[:-1]  # "Apple Inc" is Apple
            run = " ".join(parts)
            for word in {piece for part in parts for piece in (part, *_LATIN_JOINER.split(part))}:
                if word in runs:
                    runs[word][run] += 1
    whole = {}
    for word, counted in runs.items():
        if counted:
            run = max(counted, key=counted.__getitem__)  # max keeps the first of equals: first seen
            if run != word:
                whole[word] = run
    return whole


def _inseparable(sentences: Sequence[Sentence], counts: Counter[str], candidates: list[str]) -> dict[str, str]:
    """Two keywords the article never writes apart are one ("麦克|韦尔" -> 麦克韦尔, "透明质|酸钠"):
    each of the two or more times either stands (``counts``: the article's tokens), the other
    stands right beside it."""
    by_count: dict[int, list[str]] = {}
    for word in candidates:
        if counts[word] >= 2:
            by_count.setdefault(counts[word], []).append(word)
    texts = [s.text for s in sentences]
    joined = []
    for n, words in sorted(by_count.items()):
        for first in words:
            for second in words:
                together = first + second
                # the text first (cheap), then the tokens: "制造|商品" is not in "制造商|品牌"
                if first == second or sum(t.count(together) for t in texts) < n or not _may_join(first, second):
                    continue
                found = sum(
                    sum(pair == (first, second) for pair in pairwise(tokens(t))) for t in texts if together in t
                )
                if found == n:
                    joined.append((first, second))
    # "银座|杏子|日式|猪排": a chain is no one word
    uses = Counter(w for pair in joined for w in pair)
    return {w: first + second for first, second in joined if uses[first] == uses[second] == 1 for w in (first, second)}


def _may_join(first: str, second: str) -> bool:
    """Not a place or an organisation, which names itself ("欧洲|客户", "汉川市|人民政府"), nor a
    name after the noun that describes it ("制造商|特斯拉")."""
    tags = word_tag(first), word_tag(second)
    if any(t in ("ns", "nt") for t in tags):
        return False
    return not (tags[1] in ("nr", "nrt", "nz") and tags[0] in ("n", "vn"))


def _same_char(neighbours: list[str]) -> str:
    """The one Han character beside a word at each of its two or more places, else ""."""
    if len(neighbours) >= 2 and len(set(neighbours)) == 1 and len(neighbours[0]) == 1 and "\u4e00" <= neighbours[0] <= "\u9fff":
        return neighbours[0]
    return ""


def _may_open_name(char: str) -> bool:
    """A character the dictionary has as a noun, a name's or a morpheme (智|伸科, 裕|日车, 兆|丰银),
    not one that qualifies, counts or points (大|单品, 12吋|晶圆, 阶段|行建, 该|公司)."""
    if not char or char in _NOT_FIRST:
        return False
    tag = word_tag(char)
    return tag is None or tag == "g" or tag.startswith("n")


_NO_CANDIDATE = -1.0  # a rarity is never negative
_weight_table: dict[str, float] = {}
_weight_generation = -1


def _weights() -> dict[str, float]:
    """Per word: its rarity when a reader would search for it, else ``_NO_CANDIDATE``; one
    dict lookup per word of an article, emptied when the glossary (which may tag a word) changes."""
    global _weight_generation
    if _weight_generation != glossary_generation():
        _weight_table.clear()
        _weight_generation = glossary_generation()
    return _weight_table


def _is_candidate(word: str) -> bool:
    """A word a reader would search for."""
    if len(word) < 2 or word in STOPWORDS or word.lower() in _ENGLISH_STOPWORDS or word.lower() in _LATIN_BASIS:
        return False
    if word in _FIGURE_WORDS or word in _BOILERPLATE or _PERIOD_WORD.match(word) or word.endswith(("于", "幅度")):
        return False  # (a comparison the dictionary has as an idiom: "略低于"; "增长幅度")
    if _HOW_IT_WENT.match(word):
        return False
    if word[0] in "每较" or word in _TABLE_WORDS or word in _LEGAL_FORMS:
        return False  # the unit of a price ("每吨", "每坪"), a comparison (jieba has "较前年" as a noun), a table's word, "Inc"
    tag = word_tag(word)
    if tag is None:
        if word[:2] in _LISTED_WORDS or word[-2:] in _LISTED_WORDS:
            return False  # one of those words and a piece of the next: "营收创", "视营收", "自结数"
        return bool((_UNKNOWN_WORD.match(word) and not _FRAGMENT_EDGE.search(word)) or _LATIN_WORD.match(word))
    return tag in _POS or (tag == "eng" and bool(_LATIN_WORD.match(word)))
