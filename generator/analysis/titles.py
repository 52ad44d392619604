"""A title for an article whose source printed none: the clause a headline would reuse.

Candidates are the clauses of the article's sentences, alone or with the clause after them
("一季度产量增长35%，全年计划新增投资80亿元" is two), copied as they read shown on their own
(``shown_alone``: "华新(1605)10月营收" -> 华新10月营收), short enough to read as a headline,
and stating the news rather than leading up to it. Each is scored like a one-sentence
summary: the headline words it is likely to share (:mod:`generator.salience`) over its
length, so the subject of the lead and its key figure win over a scene-setting opening.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from generator.analysis.salience import headline_probabilities
from generator.analysis.summarise import CONNECTIVES, DEPENDENT_OPENING, HEADLINE_TOKENS, LIST_MARKER, SPEAKER_VERBS
from generator.analysis.tokens import token_spans, tokens
from generator.data import Sentence
from generator.text import shown_alone

# Where a clause ends: its punctuation, or a gap between words of Chinese ("营收资料(单位千元)
# 当月…": a table's cells run together). A comma inside a number is a thousands separator
# ("营业利益6,643万元", "净利润46，084万元"), not a break: cut there, "643万元与税前净利…"
# would be a title.
_CLAUSE_END = re.compile(
    r"[；;：:。！？!?]|，(?!(?<=\d，)\d{3}(?!\d))|(?<!\d),|,(?!\d)"
    r"|(?<=[\u4e00-\u9fff)）])\s+(?=[\u4e00-\u9fff])"
)
# Clauses that frame the news rather than state it: when, and who says so ...
_WHEN_OR_WHO = (
    r"[\d年月日号时上下午今昨前（）()\-~至]+|据悉|据了解|据介绍|据统计|记者了解到|近年来|目前|截至目前|值得一提的是"
    r"|据.{1,10}(报道|报导|消息)|截至.{1,12}(为止|止)?"
)
# ... and from where it is seen ("从2季度具体来看", "就全年而言"), which at least names a topic
_VIEWPOINT = r"[^，,]{0,14}(来看|而言|来说)"
_FRAME = re.compile(f"{_WHEN_OR_WHO}|{_VIEWPOINT}")
# ... and where it is read in or takes place ("根据公司21年年报", "在汾酒全球经销商大会上"): no
# title alone, nor its end, but it may lead into the clause it sets ("根据F-众达财报显示，第一季
# 合并营收4.54亿元", "在双十一期间，公司位居抖音美妆自播排名第一" keep the subject)
_SETTING = re.compile(r"(?:根据|依据|按照)[^，,]{1,20}|在[^，,]{2,16}(?:上|中|期间|之际|方面|部分)")
_WHEN_OR_WHO_FRAME = re.compile(_WHEN_OR_WHO)
# A clause that ends by introducing what follows: "…负责人介绍", "…公布", "数据显示".
# So does one that looks ahead ("展望明年"), expects ("南六预期") or sets the time of what follows
# ("永新-KY 7月营收下滑后").
_INTRODUCES = re.compile(
    "(" + "|".join((*SPEAKER_VERBS, "介绍", "认为", "显示", "报道", "报导", "估算", "推估", "预期", "预估", "预计", "看好"))
    + "|展望[^，,]{0,6}|[^，,]{2}后)$"
)
# A concession that the next clause answers ("F-联德6月营收虽估可回温，…")
_CONCEDES = re.compile(r"虽(?![^，,]*[但却仍])[^，,]*$")
# A clause that picks out of what came before ("尤其是Swivel长椅", "包括…") or sets up what
# follows ("除了美观简约的线条", "由于明年初的中国农历年较往年要晚", "若把9月、10月营收相加"):
# no title on its own, nor after who says it ("敦南表示，除了分离式元件").
_LEANS_ON_CONTEXT = re.compile(
    "^(" + "|".join(CONNECTIVES) + "|该|尤其|特别是|包括|例如|比如|除了|除此"
    "|至于|由于|因为|因(?!应)|若(?!干)|如果|假如|倘若|虽然|虽|尽管|即使|随著|随着|为了|一旦|惟(?!一)|以及)"
)
# A change whose subject is in the clause before: "同比增长26.8%，环比下降17.39%" says what
# moved, not what it is.
# So does a run of periods ("连续第3个月呈现下滑", "4个月来首度呈现下滑", "7个交易日以来首度收低").
_CHANGE_FIRST = re.compile(
    r"^(?:同比|环比|[年季月][增减]|yoy|qoq|连续?第?[\d一二两三四五六七八九十]+个?(?:交易日|[年季月周日天])"
    r"|[\d一二两三四五六七八九十]+个?(?:交易日|[年季月周日天])(?:以)?来)",
    re.IGNORECASE,
)
# Who says it, opening a clause: "瑞智表示，…"
_SAYING = "|".join((*SPEAKER_VERBS, "认为", "坦言", "说明", "预估", "预期", "预计", "推估", "估计"))
_SAID = re.compile(rf"^[^，,：:]{{1,16}}?(?:{_SAYING})[，,：:]\s*")
# ... or a whole clause in which an unnamed observer only says, expects or estimates what
# the next says ("法人则估，泰升3月营收即有机会再创新高", "法人看好，…"): a headline states it
# without them. A company or a person who says it is the news's subject ("联发科表示，…").
_SAYER = re.compile(
    r"(?:法人|外资|投信|券商|分析师|分析人士|业界|业内人士|业者|市场人士|市场|专家|研究机构|研调机构|机构|报告)"
    rf"[^，,：:]{{0,4}}?(?:{_SAYING}|看好|初估|估算|估)"
)
# Words that tie a clause to the one before it (故: "therefore", as Taiwan's papers write
# it); told apart by the segmenter, so 故宫, 故事 and 故障 are not among them.
_THEREFORE = frozenset(("故", "因而", "于是", "从而", "进而", "则"))
# The words a title may not open on, as the segmenter reads its sentence: "therefore", a
# particle that binds it to the words before ("的专利学名药"), or an adverb, a verb or a
# comparison whose subject is there ("也使得10月营收较9月差", "为单季历史次高", "高于前季的
# 4.06元", "创下近两年新低"), or a verb of what it achieved.
_LEANS_BACK = _THEREFORE | frozenset(
    ("的", "之", "了", "地", "得", "着", "也", "亦", "还", "仍", "为", "将", "高于", "低于", "优于", "逊于", "创下", "创", "较",
     # what the company achieved, booked or completed, its name in the clause before
     # ("实现营业收入36.6亿元", "录得净利润…")
     "实现", "录得", "完成")
)
# A clause cannot end on a word that announces the next one ("…最淡的一季，因此").
_ANNOUNCES_NEXT = frozenset(CONNECTIVES) | _THEREFORE | frozenset(("但", "而", "并", "且", "和", "与", "及", "或"))
_MIN_CHARS = 6


def propose_title(sentences: Sequence[Sentence], *, max_chars: int = 24) -> str:
    """The clause (or two) of the article most like its headline.

    Where no clause states the news on its own, one that says from where it is seen
    ("以国家别市占率来看") names the topic at least; else the first clause, whole even if long
    (one that leans on the clause before, "惟低于去年同期的8.51元", says less).
    """
    if not sentences:
        return ""
    probability = headline_probabilities([tokens(s.text) for s in sentences])
    best = _best_clause(sentences, probability, max_chars, _FRAME) or _best_clause(
        sentences, probability, max_chars, _WHEN_OR_WHO_FRAME
    )
    return best or _first_clause(sentences[0].text)


def _best_clause(sentences: Sequence[Sentence], probability: dict[str, float], max_chars: int, frame: re.Pattern[str]) -> str:
    best: tuple[float, str] | None = None
    for sentence in sentences:
        candidates = _clause_spans(sentence.text, max_chars, frame)
        if not candidates:
            continue
        spans = token_spans(sentence.text)
        starts, ends = [a for _, a, _ in spans], [b for _, _, b in spans]
        for candidate, start, end in candidates:
            # the clause's words are the sentence's words inside it: jieba segments the runs
            # of text between punctuation on their own, and clauses end at punctuation
            inside = spans[bisect_left(starts, start) : bisect_right(ends, end)]
            if not inside or inside[0][0] in _LEANS_BACK or inside[-1][0] in _ANNOUNCES_NEXT:
                continue
            distinct = {word for word, _, _ in inside}
            expected = math.fsum(probability.get(t, 0.0) for t in distinct)  # exact: set order must not matter
            score = math.log(expected + 1e-9) - math.log(len(distinct) + HEADLINE_TOKENS)
            if best is None or score > best[0]:
                best = (score, candidate)
    return best[1] if best else ""


def _clause_spans(text: str, max_chars: int, frame: re.Pattern[str] = _FRAME) -> list[tuple[str, int, int]]:
    """The clauses of ``text`` (alone or with the next) a title may be, none that is only a
    ``frame``."""
    bounds = [0] + [m.end() for m in _CLAUSE_END.finditer(text)]
    if bounds[-1] != len(text):
        bounds.append(len(text))
    out = []
    # each clause as the frame test reads it: without the number of a point ("（2）据悉")
    parts = [LIST_MARKER.sub("", text[a:b].rstrip("，,；;：:。！？!?").strip(), count=1) for a, b in pairwise(bounds)]
    for a in range(len(bounds) - 1):
        if frame.fullmatch(parts[a]):
            continue  # "4月9日，…", "据悉，…" say when and who, not what
        for b in (a + 1, a + 2):
            if b == a + 2 and b < len(bounds) and any(_SAYER.fullmatch(p) for p in parts[a : a + 2]):
                break  # who says it is no part of the title: the other clause alone is a candidate
            if b >= len(bounds) or (b == a + 2 and (frame.fullmatch(parts[a + 1].lstrip("而并且")) or _SETTING.fullmatch(parts[a + 1]))):
                break  # "…作物报告则显示，截至5月7日" ends on when, not on what
            if b == a + 1 and _SETTING.fullmatch(parts[a]):
                continue
            piece = text[bounds[a] : bounds[b]].rstrip("，,；;：:。！？!?")
            marker = LIST_MARKER.match(piece)  # "（2）2021年坚果收入…": the point's number is no part of it
            lead = marker.end() if marker else 0
            piece = piece[lead:]
            candidate = piece.strip()
            shown = shown_alone(candidate)
            if (
                _MIN_CHARS <= len(shown) <= max_chars
                and _balanced(candidate)
                and not _leans(candidate)
            ):
                start = bounds[a] + lead + len(piece) - len(piece.lstrip())
                out.append((shown, start, start + len(candidate)))
    return out


def _leans(candidate: str) -> bool:
    """The clause introduces what follows, leans on what came before, or says how something
    moved without what."""
    return bool(
        _INTRODUCES.search(candidate)
        or _CONCEDES.search(candidate)
        or any(_LEANS_ON_CONTEXT.match(c) or DEPENDENT_OPENING.match(c) for c in _said_or_not(candidate))
        or _CHANGE_FIRST.match(candidate)
    )


def _said_or_not(candidate: str) -> tuple[str, ...]:
    """The candidate, and what is said in it if it opens on who says it."""
    said = _SAID.match(candidate)
    return (candidate, candidate[said.end() :]) if said else (candidate,)


def _first_clause(text: str) -> str:
    """Fallback when no clause qualifies: the first clause, whole even if long (never cut
    mid-word), that says more than when or who ("3月28日" is no title)."""
    clauses = [c for c in (p.strip() for p in _CLAUSE_END.split(text)) if c]
    return next((c for c in clauses if not _WHEN_OR_WHO_FRAME.fullmatch(c)), clauses[0] if clauses else text)


def _balanced(text: str) -> bool:
    """Each bracket and quote closed, and not closed before it opens ("500日圆)调升至64.99加币(约5")."""
    return all(
        text.count(a) == text.count(b) and (a not in text or (text.index(a) < text.index(b) and text.rindex(a) < text.rindex(b)))
        for a, b in ("“”", "（）", "()", "「」", "《》")
    )
