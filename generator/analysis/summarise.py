"""Extractive summaries: the few sentences a headline or key points would be drawn from.

Each token of the article gets the probability that an editor's headline or an analyst's
key points would use it (:mod:`generator.analysis.salience`: position, repetition, how
central its sentences are, rarity); words of the title printed with the article are known
headline words. A title the generator proposed is not: it was cut from one clause of the
body, and fed back it would pull the summary onto that clause. A set of sentences is worth
the expected F-measure of its words against such a reference: the probable words it covers,
over its length plus the reference's. That one objective rewards the lead, central
sentences and the title's subject, prefers short sentences that say it all, and makes a
second sentence that repeats the first worth nothing. Two more terms are fitted with it:
each sentence after the first must add a fact, not just be short, and the article's first
sentence is worth a little more, as news writes its lead to carry the news. A broker's
research note opens on the event ("事件：公司发布三季报…"), not on its point: there the most
central sentence (TextRank) is worth more as well, fitted after the rest. On top come
hand-set terms the data cannot teach: a summary that carries a key figure is worth more
(readers ask for figures); what reads badly out of context (fragments, thin lines,
dangling or bare quotations) is held back; and two rules
are absolute: a sentence cut off mid-clause never joins, and one that leans on the sentence
before it ("这是…", "该公司…", "他说…") joins only right after it, so the summary's first
sentence always stands alone. Sentences are picked greedily and come out in document order,
copied from the body (a loose leading connective, a lone quote mark and the stock codes after
company names trimmed: "国巨(2327)宣布…" reads "国巨宣布…").
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from itertools import chain

from generator.analysis.salience import FITTED, WordModel, centrality, headline_probabilities
from generator.analysis.tokens import tokens, words
from generator.config import SummaryConfig
from generator.data import Sentence
from generator.text import PART_LABEL, ends_sentence, shown_alone

CONNECTIVES = (
    "与此同时", "另一方面", "此外", "同时", "其中", "另外", "对此", "因此", "但是", "不过", "而且",
    "所以", "然而", "总之", "当然", "首先", "其次", "最后", "并且", "此前", "随后", "据此",
)
_LEADING_CONNECTIVE = re.compile("^(" + "|".join(CONNECTIVES) + r")[，,、]\s*")
# The number of a point in a list: "（3）", "(1)", "1、", "2．", "一、", "①"
LIST_MARKER = re.compile(
    r"^\s*(?:[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)]|\d{1,2}(?:[、．)）]|\.(?!\d))|[一二三四五六七八九十]{1,3}、|[①-⑳])\s*"
)
_MIN_CHARS = 12
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"))
# When or where, as the sentence before set it: "当天" is the day it named, "会上" its meeting
LEANING_TIME = (
    r"(?:同|当|次|翌|同一)(?:日|天)(?:上午|下午|晚间|晚上)?|当(?:晚|夜|时)|(?:同|当|次)(?:月|年|周)|同期"
    r"|届时|(?:会|席|仪式)(?:上|间)|(?:会议|活动|仪式)(?:上|期间|现场)|期间|此间|其间"
)
# Openings that lean on an earlier sentence: a demonstrative or pronoun naming the subject
# (also after a short lead-in, "据悉，该公司…"), or a conjunction. Such a sentence is
# summarised only right after the sentence it leans on.
# The verbs a speaker says or announces with ("华义宣布，…", "公司表示，…")
SPEAKER_VERBS = ("宣布", "指出", "表示", "强调", "透露", "公布", "发布", "说", "称")
# "华义宣布，其旗下…": after a speaker's verb, 其 is that speaker, named in the sentence.
_SPEAKER_SAID = "".join(f"(?<!{verb})" for verb in SPEAKER_VERBS)
DEPENDENT_OPENING = re.compile(
    r"^(?:(?:[^，,。；;：:！？]{1,12}[，,])?(?:这|那(?!么)|该|此(?!外)|[他她它]"
    # "this" of what the sentence before announced: "本次交易…", "本计划获股东大会批准后…"
    r"|本(?:次|届|轮|案|计划|项目|方案|政策|激励|协议|合同|交易))"
    rf"|(?:[^，,。；;：:！？]{{1,12}}{_SPEAKER_SAID}[，,])?其(?!他|它|余|实|次|中[，,])"
    r"|而|但|却|并(?!购|表)|且"
    # a point of a list the sentence before announced: "二是长期注重研发投入…", "其二，…"
    r"|[一二三四五六七八九十]是|其[一二三四五六七八九十](?:是|[，,])"
    # a subjectless instruction continues a speaker's words: "同时要建立…", "还要…"
    r"|(?:同时|还|也|更)?要(?!求|素|点|闻|么)"
    # the day, time or occasion the sentence before set: "当天，…", "同日，公司发布…", "会上，…"
    rf"|(?:{LEANING_TIME})[，,])"
)
# An analyst's voice: a rating, a forecast of earnings, "we think"; or a note's part label
# (PART_LABEL) opening a sentence.
RESEARCH_NOTE = re.compile(
    r"(?:买入|增持|推荐|中性|减持|优于大市|跑赢行业)”?评级|(?:维持|给予|首次覆盖).{0,12}评级|评级(?:为|至)?“?(?:买入|增持|推荐)"
    r"|盈利预测|我们(?:认为|预计|预测|判断|看好|维持|给予)|风险提示"
)
# A broker's rating, which a note's title often ends on: "首次覆盖，给予“买入”评级"
_RATING_CLAUSE = re.compile(r"评级|首次覆盖")
_TITLE_CLAUSE = re.compile(r"[，,；;]")
# A feature may open on a quotation ("…副总经理王艳说：“这对有需求的企业是一场及时雨”。"): a
# scene set before the news, not a lead written to carry it.
_SAYS = "(?:" + "|".join(SPEAKER_VERBS) + ")"
QUOTED_OPENING = re.compile(
    rf"^(?:[^。]{{0,60}}{_SAYS}[：:]\s*[“「][^”」]*[”」]|[“「][^”」]*[”」][^。“「]{{0,30}}{_SAYS}(?:道|说)?)[。！!]?$"
)
# "…用这句话概括…": the words it points at were quoted in the sentence before.
POINTS_AT_QUOTE = re.compile(r"(?:这|此|那)(?:句|番|段)话|此言|这一说法")
_DIGIT = re.compile(r"\d")
_THIN_WORDS = 6
# A teaser names what it reveals without saying it; the next sentence does:
# "…覃玲俐透露了“适度超前”部署的“小目标”。"
_TEASER = re.compile(r"(?:透露|道出|说出|揭示|揭秘|分享|讲述)了?[^。！？!?]{0,30}[“「][^”」]{1,12}[”」][。！!]?$")

# Chosen by ``python bench/summary_fit.py`` on the tune half of the development data;
# ``--write`` refreshes the block below. HEADLINE_TOKENS is the length of the imagined
# headline in the F-measure; LENGTH_BLEND weighs a summary's total tokens (repeats counted,
# as ROUGE-L sees them) against its distinct tokens (as ROUGE-1 sees them). Each sentence
# after the first is judged against a headline EXTRA_SENTENCE_TOKENS longer: the headline
# benchmark alone would fill a longer summary with the shortest sentences it can find
# ("同时，消费品市场稳步增长。"); readers want the next fact. LEAD_BONUS is what the article's
# first sentence is worth for being the lead, which news writes to carry the news (a research
# note opens on what prompted it, "事件：公司发布三季报…", a feature may open on a quotation:
# neither opening is worth anything extra).
HEADLINE_TOKENS = 10.0
LENGTH_BLEND = 1.0
EXTRA_SENTENCE_TOKENS = 12.0
LEAD_BONUS = 0.15
# A research note is not written as news: its key points are what the analyst keeps coming
# back to, not its opening ("事件：公司发布三季报…"). In a note the summary is worth this much
# more (on the log scale) for its most central sentence (TextRank, 1 for the most central);
# fitted after the four above, on the notes of the tune halves.
NOTE_CENTRALITY = 0.4
# Set by hand, not fitted: the development data has no separate title, and readers ask for
# figures even where a headline would not carry them. TITLE_PROBABILITY is the least
# probability a word of the article's own title gets: enough that a printed title pointing
# past the lead decides (0.6 did while LEAD_BONUS was 0.05; at 0.15 the lead won, and "亿光
# 胜诉！日亚化JP4530094白光专利在日无效" was summarised by the filing, not the win). The bonus
# and the penalties act on the log of the objective, so FIGURE_BONUS 0.1 makes a summary with
# a key figure worth ~10% more.
# (Half that scores up to 0.15 ROUGE-1 better on key points, and the summary's first sentence
# then loses its figure more often: "湖南省数字经济基础深厚…" for "数字经济总量突破1.7万亿元…".)
# A sentence whose words and numbers are less than this share new to the summary repeats it.
NEW_WORDS = 0.3
TITLE_PROBABILITY = 0.7
FIGURE_BONUS = 0.1
DEFECT_WEIGHT = 1.0


def sentence_count(body_chars: int, config: SummaryConfig) -> int:
    """One sentence for a brief, up to four for a long feature."""
    n = 1 if body_chars < 300 else 2 if body_chars < 900 else 3 if body_chars < 2200 else 4
    return max(config.min_sentences, min(config.max_sentences, n))


def summarise(
    sentences: Sequence[Sentence],
    *,
    title: str,
    figure_sentences: Collection[int],
    config: SummaryConfig,
    count: int | None = None,
) -> list[Sentence]:
    """The summary, in document order; ``count`` fixes the number of sentences (evaluation).

    ``title`` is the headline as printed (its words are headline words), never one proposed
    from the body.
    """
    if not sentences:
        return []
    objective = Objective(sentences, title=title, figure_sentences=figure_sentences)
    wanted = count or sentence_count(sum(len(s.text) for s in sentences), config)
    budget = None if count else config.char_budget
    return [clean(sentences[i]) for i in select(sentences, objective, wanted, budget=budget)]


class Objective:
    """What a set of sentences is worth as the summary of one article, and which sentences may join it."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        *,
        title: str = "",
        figure_sentences: Collection[int] = (),
        headline_tokens: float = HEADLINE_TOKENS,
        length_blend: float = LENGTH_BLEND,
        extra_sentence_tokens: float = EXTRA_SENTENCE_TOKENS,
        lead_bonus: float = LEAD_BONUS,
        note_centrality: float = NOTE_CENTRALITY,
        word_model: WordModel = FITTED,
    ):
        self.headline_tokens, self.length_blend = headline_tokens, length_blend
        texts = [s.text for s in sentences]
        note = is_research_note(texts)
        news_lead = not note and bool(texts) and not QUOTED_OPENING.match(texts[0])
        self.extra_sentence_tokens, self.lead_bonus = extra_sentence_tokens, lead_bonus if news_lead else 0.0
        self.tokens = [tokens(t) for t in texts]
        self.distinct = [set(t) for t in self.tokens]
        self.lengths = [len(t) for t in self.tokens]
        self.probability = headline_probabilities(self.tokens, word_model)
        for t in self.probability.keys() & set(tokens(_news_of(title))):
            self.probability[t] = max(self.probability[t], TITLE_PROBABILITY)
        self.figures = set(figure_sentences)
        self.defects = [_defects(t) for t in texts]
        # judged as the reader gets it: "然而，分析人士认为，这一切…" loses its 然而 in ``clean``,
        # "华映(2475)指出，该公司…" its stock code
        self.dependent = [
            bool(DEPENDENT_OPENING.match(t) or DEPENDENT_OPENING.match(shown_alone(clean_text(t))) or POINTS_AT_QUOTE.search(t))
            for t in texts
        ]
        self.complete = [ends_sentence(t) for t in texts]
        self.centrality_weight = note_centrality if note else 0.0
        self.centrality = centrality(self.tokens) if self.centrality_weight else []
        self._base: tuple[int, ...] | None = None
        self._base_covered: tuple[set[str], list[float]] = (set(), [])

    def value(self, chosen: Collection[int]) -> float:
        if not chosen:
            return -math.inf  # no summary says nothing
        *base, last = chosen
        covered, probabilities = self._covered(tuple(base))
        new = self.distinct[last] - covered
        # fsum is exact, so neither the order of a set nor reusing the base's values changes it
        expected_overlap = math.fsum(chain(probabilities, map(self.probability.__getitem__, new)))
        blend = self.length_blend
        length = (len(covered) + len(new) + blend * sum(map(self.lengths.__getitem__, chosen))) / (1 + blend)
        # a reader who asks for more sentences expects more said, not the same headline
        headline = self.headline_tokens + self.extra_sentence_tokens * (len(chosen) - 1)
        f_measure = 2 * expected_overlap / (length + headline)
        figure = FIGURE_BONUS if self.figures.intersection(chosen) else 0.0
        lead = self.lead_bonus if 0 in chosen else 0.0
        defects = sum(map(self.defects.__getitem__, chosen))
        central = self.centrality_weight * max(map(self.centrality.__getitem__, chosen)) if self.centrality_weight else 0.0
        return math.log(f_measure + 1e-9) + figure + lead + central - DEFECT_WEIGHT * defects

    def _covered(self, base: tuple[int, ...]) -> tuple[set[str], list[float]]:
        """The tokens of ``base`` and their probabilities, kept while the greedy search tries
        each candidate after the same chosen sentences."""
        if self._base != base:
            covered = set().union(*(self.distinct[i] for i in base))
            self._base, self._base_covered = base, (covered, [self.probability[t] for t in covered])
        return self._base_covered

    def allowed(self, i: int, chosen: Collection[int]) -> bool:
        """A sentence cut off mid-clause never joins; "这是…", "该公司…", "他说…" only right after
        the sentence they lean on (so the first sentence of a summary always stands alone)."""
        return self.complete[i] and (not self.dependent[i] or i - 1 in chosen)


def _news_of(title: str) -> str:
    """A title without its rating clauses: "全球指纹识别芯片龙头，首次覆盖，给予“强烈推荐”评级"
    is about the company; its rating words would pull the summary to the rating sentence."""
    if not _RATING_CLAUSE.search(title):
        return title
    return "，".join(c for c in _TITLE_CLAUSE.split(title) if c and not _RATING_CLAUSE.search(c))


def is_research_note(texts: Sequence[str]) -> bool:
    """The sentences read as a broker's research note rather than as news."""
    return any(RESEARCH_NOTE.search(t) or PART_LABEL.match(t) for t in texts)


def select(
    sentences: Sequence[Sentence], objective: Objective, wanted: int, *, budget: int | None = None
) -> list[int]:
    """Greedy: add the allowed sentence that leaves the summary worth most, until ``wanted`` are in.

    An article with no sentence that may open a summary still gets one: its best sentence.
    """
    # what a sentence says: its content words and its numbers (a new figure is a new fact)
    bags = [
        words(s.text) | (set(filter(_DIGIT.search, tokens(s.text))) if _DIGIT.search(s.text) else set())
        for s in sentences
    ]
    chosen: list[int] = []
    used = 0
    candidates = list(range(len(sentences)))
    while candidates and len(chosen) < wanted:
        pool = [i for i in candidates if objective.allowed(i, chosen)] or ([] if chosen else candidates)
        if not pool:
            break
        best = max(pool, key=lambda i: (objective.value([*chosen, i]), -i))
        candidates.remove(best)
        said = set().union(*(bags[j] for j in chosen))
        if chosen and len(bags[best] - said) < NEW_WORDS * len(bags[best]):
            continue  # a near-duplicate: it adds almost nothing the summary has not said
        length = len(sentences[best].text)
        if chosen and budget is not None and used + length > budget:
            continue
        chosen.append(best)
        used += length
    return sorted(chosen)


def _defects(text: str) -> float:
    """Penalty for what reads badly out of context."""
    penalty = 0.0
    if len(text) < _MIN_CHARS:
        penalty += 1.0
    elif len(words(text)) < _THIN_WORDS and not _DIGIT.search(text):
        penalty += 0.5  # too little said to stand for the article ("发展新材料，湖南别具慧眼。")
    if any(text.count(a) != text.count(b) for a, b in _QUOTE_PAIRS):
        penalty += 0.35
    elif text[:1] in "“「" and text.rstrip("。！？!?.")[-1:] in "”」":
        penalty += 1.0  # a bare quotation: who said it is in another sentence
    if _LEADING_CONNECTIVE.match(text):
        penalty += 0.1
    if text.rstrip("”’\"」").endswith(("？", "?")) or _TEASER.search(text):
        penalty += 0.3  # a question or a teaser: what it is about is in another sentence
    if len(text) > 160:
        penalty += 0.2 * (len(text) - 160) / 160
    return penalty


def clean_text(text: str) -> str:
    """The sentence without a research note's part label, the number of its list point and
    its leading connective, as ``clean`` shows it ("事件：…", "（1）前三季度…", "此外，…")."""
    for pattern in (PART_LABEL, LIST_MARKER, _LEADING_CONNECTIVE):
        m = pattern.match(text)
        if m and len(text) - m.end() >= _MIN_CHARS:
            text = text[m.end() :]
    return text


def clean(sentence: Sentence) -> Sentence:
    """Trim what only made sense in its place: a list point's number, a leading connective, a
    lone quote mark, a stock code after a company's name.

    ``start``/``end`` span the part of the body shown; the text is that span less its stock
    codes ("国巨(2327)宣布…" reads "国巨宣布…")."""
    text = clean_text(sentence.text)
    start = sentence.start + len(sentence.text) - len(text)
    if text.startswith("“") and "”" not in text:
        text, start = text[1:], start + 1
    if text.endswith("”") and "“" not in text:
        text = text[:-1]
    if text.endswith("”") and text.count("”") > text.count("“"):
        text = text[:-1]
    return Sentence(text=shown_alone(text), start=start, end=start + len(text), paragraph=sentence.paragraph)
