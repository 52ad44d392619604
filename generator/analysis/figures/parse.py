"""Reading key figures out of sentences: where a figure is parsed.

A figure is a quantity (:mod:`.quantities`: "8520亿元" → 852,000,000,000 CNY) with what it
measures (the words before it in its clause), the period, and the change given with it
("同比增长19.2%" → +19.2% y/y, "年减6.4%" → -6.4% y/y, "同比-13.7%"). Years, dates, ordinals
and bare numbers without a unit are not figures.

Each sentence is read folded to simplified script and half-width forms, one character for
one (:func:`generator.text.to_simplified`, :func:`generator.text.to_half_width`), so a
traditional phrase in a simplified article (個百分點, 億元) and full-width digits (５．５％)
read like any other; every text a figure keeps (the figure as written, its metric, its period)
is cut from the sentence as written, at the same place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.analysis.figures.quantities import DIRECTIONS, LIST_GAP, Quantity, alternatives, find_quantities
from generator.analysis.figures.units import COUNT_NOUNS, CURRENCIES, in_home_currency
from generator.analysis.tokens import token_spans, word_tag
from generator.data import Change, Figure, Sentence
from generator.text import PART_LABEL, to_simplified, to_simplified_half_width

# Minus signs and the small percent sign, folded like full-width forms (one for one).
_SIGNS = str.maketrans({"\u2212": "-", "\ufe63": "-", "\ufe6a": "%"})
_SIGN_CHARS = re.compile("[" + "".join(map(chr, _SIGNS)) + "]")

# The basis glued to a direction: 年增 (y/y), 季减, 月增, 同增 (同比), 环降 (环比).
_GLUED_BASIS = {"年": "按年", "季": "按季", "月": "按月", "同": "同比", "环": "环比"}
_DIR_RE = alternatives(DIRECTIONS)
_BASIS = (
    r"同比|环比|按年|按季|按月|(?i:yoy|qoq|mom)|比上年同期|比上年|比去年同期|较上年同期|较上年|较去年同期|较上季度?|较前一?季|"
    r"比上季度?|较上一?月|比上月|较前一?月|较首季|(?:较|比)(?:上|前)一?周|按周|(?:比|较)(?:去年|今年|上年)?\d{1,2}月份?|(?:比|较)(?:去年|上年)[^\d，,。；;、]{0,6}?|"
    r"(?:比|较)(?:19|20)\d{2}年?(?:同期|底|末|度)?|"
    # "与上月营收相较增加8.73%", "与去年同期相比减少": a period set against, then the direction
    r"(?:与|和|跟)(?:去年|上年|今年|上一?季度?|上一?月|前一?季|前一?月|\d{1,2}月份?|(?:19|20)\d{2}年?)[^\d，,。；;、]{0,6}?相(?:较|比)(?:之下)?"
)
# "营收相较去年同期下滑": 相较, 相比 are 较, 比
_BASIS_RE = rf"相?(?:{_BASIS})"
# What may stand between a direction and its number: "增长了", "增长达", "增估".
# The rate of a change with its basis glued on ("年增率达17%", "月减率高达3成", "年增幅约45%"); a
# rate alone ("年复合成长率12%") is a level
_GLUED_RATE = r"(?:(?:(?<=[年季月][增减])|(?<=[年季月]成长))(?:率|幅度?))?"
_AFTER_DIRECTION = r"了?\s*(?:则|亦|也)?\s*(?:达到|达|高达|多达|约达|估计|估|仅|为|是)?\s*$"  # "年减则为10.39%"
# "同比大幅增长", "年增近", "季增估", "较去年同期微幅衰退": a basis, adverbs, a direction, fillers.
_CHANGE_BEFORE = re.compile(
    rf"(?:(?P<basis>{_BASIS_RE})\s*)?(?:分别|大幅|小幅|微幅|明显|显著|稳步|持续|进一步|则|也|将|可望|有望|预计|再|均|仍|亦|略|"
    rf"累计|同步|双双|都|已|实质|实际)*(?P<core>(?P<glued>(?<![今去全前本每上下一二三四首第单当该明后近半元正腊\d])[年季月](?=[增减衰降]|成长)"
    rf"|(?<![共相协一等不])[同环](?=[增减降]))?(?<![新公毫])(?P<dir>{_DIR_RE})){_GLUED_RATE}{_AFTER_DIRECTION}"
)
# A basis right before a signed number: "同比-13.7%", "环比+7.33%", "yoy-55.57%".
_SIGNED_BASIS = re.compile(rf"(?P<basis>{_BASIS_RE})\s*(?:分别)?\s*$")
# Both patterns end at the number, and the words they read before it (basis, adverbs,
# direction) are far shorter than this: a search from every position of a long sentence's
# head cost more than the rest of the figure parser. The direction word and what may follow
# it come last; when the head's last characters hold none, no change is written before it.
_CHANGE_REACH = 48
_DIRECTION_REACH = 16
_DIRECTION_LAST = re.compile(rf"(?:{_DIR_RE}){_GLUED_RATE}{_AFTER_DIRECTION}")
_PERIOD = re.compile(
    r"((?:19|20)\d{2}年(?:前\d{1,2}个月|[一二三四]季度|上半年|下半年|全年)?|今年(?:前\d{1,2}个月|[一二三四]季度|上半年|以来)?"
    r"|前\d{1,2}个月|[一二三四]季度末?|上半年|下半年)"
)
# A comma inside a number ("4,327亿美元", "46，084") breaks no clause
_HARD_BREAKS = "；;：:。！？!?（(）)“”「」『』"  # every clause break but 、, which also lists items
_BREAKING_COMMA = r"[，,](?!(?<=\d[，,])\d{3}(?!\d))"
_CLAUSE_BREAK = re.compile(rf"[{_HARD_BREAKS}、]|{_BREAKING_COMMA}")
_UP_TO_LAST_BREAK = re.compile(rf".*(?:{_CLAUSE_BREAK.pattern})", re.S)  # ends after a clause's last break
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SAYS = ("显示", "表示", "指出", "透露")  # who says it ends so: "数据显示", "手册上显示"
_ONLY_WHEN = re.compile(r"(?:\d{1,2}月)?\d{1,2}日(?:终场|盘中|早盘|午盘)?|周[一二三四五六日]|今日|昨日|当日")
_LATIN_NAME = re.compile(r"(?=.*[A-Za-z]{2})[A-Z][A-Za-z0-9]*(?:[ .&'-]+[A-Za-z0-9]+)*")
# a run of Latin letters and digits a cut would halve: "LMC Automotive", "Galaxy Note 7", "X-Fab", "11-17日"
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+(?:(?: |[.&'+-] ?)[A-Za-z0-9]+)+")
# "毛利率、营业利益率分别为7.5%、3.2%": 分别 and what it may say before the first figure
_RESPECTIVELY = re.compile(r"分别[^，,；;：:。！？!?、()“”\d]{0,6}$")
_ITEM_BREAK = re.compile(r"以及|、|和|及|与")
_UP_TO_LAST_HARD_BREAK = re.compile(rf".*(?:[{_HARD_BREAKS}]|{_BREAKING_COMMA})", re.S)
# "较第一季与去年同期分别成长", "前月以及去年同期分别为": bases, not items
_BASIS_ITEM = re.compile(r"^比|较|^(?:前|上)一?[月季]$|^(?:去年)?同期$|^(?:去|前|上)年$")
# "今(2018)年", "去(2017)年", "昨(10)日", "近(5)月" (the near month): Taiwan's papers set the year,
# month or day aside, inside a word. (text.BRACKETED_DATE writes such dates out for a sentence
# shown alone; here 上/下 stay out, "较上(4)月" is a basis, and 近 is in: a contract month.)
_ASIDE_WORDS = "今去明前本昨后近"
_YEAR_ASIDE = re.compile(rf"(?<=[{_ASIDE_WORDS}])[(（](\d{{1,4}})[)）](?=[年月日])")
_ASIDE_AT = re.compile(rf"[{_ASIDE_WORDS}]_\d")  # where a date set aside starts, once _YEAR_ASIDE has run
# A short quoted name inside a label: 专精特新“小巨人”企业, “十四五”期间
_QUOTED_NAME = re.compile(r"[“\"]([^“”\"，,。；;：:！？!?\d%]{1,8})[”\"]|[「『]([^「」『』，,。；;：:！？!?%]{1,16})[」』]")
# A name or an abbreviation in brackets as the last break before a figure: "国内生产总值（GDP）增长
# 5.2%", "股东权益报酬率(ROE)12.09%" measure what the words before the brackets name
_NAME_ASIDE = re.compile(r"\([A-Za-z\u4e00-\u9fff&·.\- ]{1,12}\)(?=[^；;：:。！？!?、()“”，,]*$)")
# How a forecast or a change is said before its number: "营收可望", "将上看", "大幅调升至"
_MODAL = r"大幅|小幅|微幅|明显|显著|稳步|持续|进一步|逆势|可望|有望|上看|挑战|应可|将可|可|预估|预计|也|都|则|仍旧|依旧|依然|仍|亦|再|还|更|均|各|略|虽然|虽|仅"
_METRIC_TRAIL = re.compile(
    r"(高达|可达|约达|已达|将达|可望达|有望达|拥有|具有|共有|仅有|只有|只剩|仅剩|来到|降到|升到|回到|降为|升为|达到|达|为|是|约为|约|近|超过|(?<![卖买])超|突破|实现|至|到|共|累计|合计|总计|增至|升至|降至|占|逾|不到|不足|有|在|从|由|自|"
    rf"将|已|已经|分别|共计|同比|环比|比上年|比去年|接近|大约|略高于|略低于|远高于|远低于|低于|高于|{_MODAL}|(?:{_DIR_RE})(?:至|到|为)|"
    # "营收有机会65亿元以上", "营收将介于131.9亿元至139.9亿元", "营收皆", "毛利率亦" (平均 stays whole)
    r"可能|可以|或许|也许|恐怕|有机会|介于|维持在|维持|皆|均|都|亦|也|"
    # where a change starts: "市场规模从2016年的8.95亿美元", "EPS也由2012年"
    r"(?:从|由|自)(?:(?:19|20)\d{2}年|\d{1,2}月份?|去年|今年|上年|原先|原本|现行|目前)(?:底|末|初|同期)?的?)$"
)
# ... and the words that join a clause to the one before, no part of what it measures ("至于成长
# 10倍", "由于大立光今年3月份合并营收", "不仅年增50%", "相当于120亿美元", "目前已有2-3名"),
# and the day a figure was reported on
_METRIC_LEAD = re.compile(
    r"^(其中|此外|同时|目前|截至目前|据统计|数据显示|今年|去年|我国|全国|将(?![来近军])|在(?![于内建线手职场地])"
    r"|至于|由于|因为|对于|关于|不过|但是|然而|尽管|虽然|甚至|不仅|而且|并且|另外|相当于|已有|是以|则|其(?=\d|前|全|今|上|下|第|首|单)"
    r"|对应(?=每股|PE|PB|EPS|市盈率|市净率)"  # a note's valuation: "对应每股盈利0.09元"
    # the day a company reports on: "(于)今(10)日公布8月营收" measures 8月营收
    r"|于?[今昨前明本]?_?\d{1,2}_?日(?=公布|公告|发布|自结|揭露))+"
)
# A period or a lead word the next characters belong to: 2020年底, 2016年度, 去年同期
_LEAD_GOES_ON = re.compile(r"[底初末度]|同期")
# Where a change goes to: "增至", "大幅调升至", "来到"
_GOES_ON_TO = rf"(?:{_MODAL})*(?:(?:{_DIR_RE})?(?:至|到)|来到|落在)"
# Joining words a label may open with after an earlier figure ("…1,234万元与净利567万元"),
# taken off only when a word does not go on from them (与会, 并购, 和解, 及时)
_METRIC_JOIN = re.compile(rf"^(?:以及|与|和|及|或为|或|而|并|且|但|因此|所以|因而|故|{_GOES_ON_TO})")
# How a company reports a figure or what drove it, not what it measures: "公布5月合并营收",
# "实现归母净利润", "带动第三季营收", "使得上半年每股盈余" (a forecast's 预估, 预计 stay: they say
# the figure is one)
_REPORTING = ("公布", "公告", "自结", "实现", "发布", "录得", "缴出", "揭露",
              "带动", "推升", "拉抬", "拉高", "促使", "促进", "推动", "使得", "致使", "导致", "使", "让", "令", "致")
_REPORTED = re.compile(f"^(?:{'|'.join(_REPORTING)})")
# The first characters of both (most labels open on none: tried only then)
_OPENERS_FIRST = frozenset(
    w[0] for w in (*"以与和及或而并且但因所故至到来落", *_MODAL.split("|"), *DIRECTIONS, *_REPORTING)
)
# What joins a figure to the next one: a list, or a change and where it ended ("年增7.4%至",
# "从2,130日圆大幅调升至")
_JOINED = re.compile(rf"\s*(?:以及|与|和|及(?!以上)|或|、|/|{_GOES_ON_TO}|而|并)")
_PART_BREAK = re.compile(r"[；;。！？!?]")
# up to three commas (not those inside a number), nothing stronger
_CLAUSE_PIECE = r"(?:[^；;。！？!?()（），,]|(?<=\d)[，,](?=\d{3}(?!\d)))*"
_SAME_PART = re.compile(rf"{_CLAUSE_PIECE}(?:[，,]{_CLAUSE_PIECE}){{1,3}}")
# A report's revenue named in a clause of its own before its figures ("公布10月营收，随著时序进入
# 淡季，月减6.48%来到517.95亿元", "10月营收面临客户库存调整，月减13%来到44.6亿元"): what the figures
# after it measure when their own clauses say nothing
_REVENUE_TOPIC = re.compile(
    r"(?<![\d~～\-－至到、])(?:\d{1,2}月份?|第?[1-4一二三四]季度?|Q[1-4]|[上下]半年|前\d{1,2}个?月|全年)(?:集团)?(?:合并)?(?:营收|营业收入)(?:净额)?"
    r"(?![占比的率幅]|[年季月]?[增减]|成长|增长|目标|规模)"  # not its share, its growth rate or its target
)
_NEXT_CLAUSE = re.compile(rf"\s*[，,、；;(（]\s*(?:但|而|惟|并|且|将|{_MODAL})*\s*")  # "，则", "，但将", "(季减60%)"
# How a figure goes on from the one before it with no words of its own: where (and when) a
# change ends, "增加至2020年的", "到2024年有望达到", "至2022年降至", or a share's close
# after its change ("上扬1.11%，收227.50元")
_WHEN = r"(?:(?:19|20)\d{2}年|\d{1,2}月份?|去年|今年|明年|[上下]半年|第?[一二三四1-4]季度?)(?:底|末|初)?的?"
_REACHES = rf"(?:将|{_MODAL})*(?:(?:{_DIR_RE})(?:至|到)?|达到|达|收在|收于|收报|报收|收|报)"  # 收: a close
_ENDS_AT = re.compile(rf"\s*[，,、)）]?\s*(?:(?:到|至)(?:{_WHEN})?\s*(?:{_REACHES})?|{_REACHES}\s*(?:{_WHEN})?|{_WHEN}\s*{_REACHES})\s*")
_METRIC_LONGEST = 20  # characters
_QUOTED_LONGEST = 32  # ... but a label that opens on a quoted name keeps the name whole up to this
_NO_BREAK = str.maketrans("()（）", "____")  # inside a quoted name
# What a count counts ends on one of these ("外埠空天产业企业", "航商")
_COUNTED = (*COUNT_NOUNS, "公司", "厂", "商", "业者", "客户", "用户", "机构", "银行", "席位", "车位", "系统")
# A sentence about trading or holding shares, where 张 counts lots of 1,000 shares
_SHARE_TRADING = re.compile(r"股|卖超|买超|申购|承销|张数|外资|投信|自营商")
# Points ("30点") are an index's: a level in points needs an index in its sentence.
_INDEX_WORDS = re.compile(r"指数|点位|大盘|股指|道琼|道指|纳指|恒指|收盘|收报|报收")
_INDEX_LEVEL = re.compile(r"指数(?:为|达到|达|报|收报|收于|收在)\s*(?P<num>\d+(?:\.\d+)?)(?![\d.%]|\s*[个点倍])")


# A sentence with none of these characters holds no number, so no figure (a quick test that
# spares the full reading of most sentences without one).
_ANY_NUMBER = re.compile(r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億兆半]")


def parse_figures(sentences: Sequence[Sentence], *, currency: str = "CNY") -> list[Figure]:
    """Every figure of every sentence, in text order, without English yet; a bare 元 is
    ``currency`` (the source's, or :func:`~.units.home_currency` of the article)."""
    figures: list[Figure] = []
    for sentence in sentences:
        if _ANY_NUMBER.search(sentence.text):
            figures.extend(_sentence_figures(sentence.text))
    if currency == "CNY":
        return figures
    return [_in_currency(f, currency) for f in figures]


def _in_currency(figure: Figure, currency: str) -> Figure:
    change = figure.change and replace(figure.change, unit=in_home_currency(figure.change.unit, figure.change.text, currency))
    return replace(figure, unit=in_home_currency(figure.unit, figure.text, currency), change=change)


def fold(text: str) -> str:
    """The sentence as the parser reads it: simplified, half-width, ASCII signs; same length."""
    text = to_simplified_half_width(text)
    return text.translate(_SIGNS) if _SIGN_CHARS.search(text) else text


_Change = tuple[int, str | None, int]  # a change's direction, basis and where its words start


@dataclass
class _Span:
    start: int
    end: int
    figure: Figure


def _sentence_figures(sentence: str) -> list[Figure]:
    text = fold(sentence)
    period_m = _PERIOD.search(text)
    period = _cut(sentence, period_m.start(), period_m.end()) if period_m else None
    spans: list[_Span] = []
    last: tuple[Quantity, _Change | None, int] | None = None
    label: str | None = None
    amount: tuple[str, int] | None = None  # the label and end of this part's first amount of money
    for q in find_quantities(text):
        change = _change_before(text, q)
        measured_at = change[2] if change else q.start  # where the words of what it measures end
        if change is None and last is not None and last[1] is not None and LIST_GAP.fullmatch(text[last[0].end : q.start]):
            # "分别上升2.5、2.0和1.6点", "同比增长8%/22%/19%": the items after the first share its
            # verb (the first one's direction, its own sign taken out, times this one's sign) and label
            direction = last[1][0] * (last[0].sign or 1) * (q.sign or 1)
            change, measured_at = (direction, last[1][1], q.start), last[2]
        elif last is not None and last[0].end <= measured_at and _JOINED.match(text, last[0].end):
            # a label never reaches back over an earlier figure joined to this one ("营收1,234万元与
            # 净利567万元": 净利); with no words of its own in the same clause ("年增7.4%至2,758万吨",
            # "39.40/64.08亿元", "EPS分别为0.78元、1.05元") it measures what the figure before it
            # measures. A number that is part of the label stays in it: "72家企业发放了首批",
            # "开工率在75%及以上的企业"
            own = _metric(sentence, text, measured_at, last[0].end)
            same_clause = not _CLAUSE_BREAK.search(text, last[0].end, measured_at) or bool(
                LIST_GAP.fullmatch(text, last[0].end, measured_at))
            label = own if own or not (same_clause or _goes_on(text, last, change, measured_at)) else label
        else:
            own = _metric(sentence, text, measured_at, 0)
            if last is not None and not _CLAUSE_BREAK.search(text, last[0].end, measured_at) and (
                    _metric(sentence, text, measured_at, last[0].end) is None):
                # "营收年增12%达3亿元", "股价下挫0.42%收在30元": where a change took it measures the
                # same, never "营收年增12%"
                own = label
            label = own if own or not _goes_on(text, last, change, measured_at) else label
            if label is None and (change is not None or q.unit in CURRENCIES) and text[measured_at - 1 : measured_at] not in "(（":
                # (a figure in brackets is the words' before it: "2月的营收(3.63亿元)")
                label = _topic(sentence, text, last[0].end if last else 0, measured_at)
            if label is None and change is not None and change[1] is not None and q.unit in ("%", "times") and (
                    amount is not None and _SAME_PART.fullmatch(text, amount[1], measured_at)):
                # "营收为4.63亿元，也是历史新高纪录，月增为6.73%": a dated change in percent with no
                # words of its own, up to three commas after the first amount of its part of the
                # sentence, is that amount's (not "重回3,000亿元之上" after it)
                label = amount[0]
        last = (q, change, measured_at)
        if amount is not None and _PART_BREAK.search(text, amount[1], q.start):
            amount = None
        if amount is None and label is not None and q.unit in CURRENCIES:
            amount = (label, q.end)
        if change is None and q.written_unit == "点" and not _INDEX_WORDS.search(text[: q.start]):
            continue  # "3点建议": points without an index are no figure
        figure = _figure(sentence, text, q, change, period, label)
        spans.append(_Span(change[2] if change else q.start, q.end, figure))
    taken = [(s.start, s.end) for s in spans]
    for m in _INDEX_LEVEL.finditer(text):
        if not any(m.start("num") < e and s < m.end() for s, e in taken):
            value = float(m.group("num"))
            spans.append(_Span(m.start("num"), m.end(), Figure(
                text=_cut(sentence, m.start("num"), m.end()), value=value, unit="points", en=None, sentence=sentence,
                metric=_metric(sentence, text, m.start("num")), period=period)))
    spans.sort(key=lambda s: s.start)
    _label_respectively(sentence, text, spans)
    return [s.figure for s in _attach_changes(text, _by_year(sentence, text, spans))]


def _topic(sentence: str, text: str, floor: int, position: int) -> str | None:
    """The revenue named last before ``position`` (after ``floor``, the figure before), in the
    same part of the sentence."""
    found = max(_REVENUE_TOPIC.finditer(text, floor, position), key=lambda m: m.start(), default=None)
    if found is None or _PART_BREAK.search(text, found.end(), position):
        return None
    return sentence[found.start() : found.end()]


def _label_respectively(sentence: str, text: str, spans: list[_Span]) -> None:
    """"毛利率、营业利益率分别为7.5%、3.2%": as many items named in a list, then 分别
    ("respectively") and a list of figures: each figure measures its own item."""
    k = 0
    while k < len(spans):
        head_start = spans[k - 1].end if k else 0
        said = _RESPECTIVELY.search(text, head_start, spans[k].start)
        run = _run_end(text, spans, k)
        if said and run - k > 1:
            labels = _items(sentence, text, head_start, said.start())
            if len(labels) == run - k:
                for span, label in zip(spans[k:run], labels, strict=True):
                    span.figure = replace(span.figure, metric=label)
        k = run


# A range of years a list of figures runs over: "2023-2025年", "2023E-2025E", "21-23年"
_YEAR_RANGE = re.compile(
    r"(?<![\d.])(?P<a>(?:19|20)\d{2}|\d{2})[EeAa]?\s*(?:年)?\s*[-－—–~～至到]\s*(?P<b>(?:19|20)\d{2}|\d{2})(?:[EeAa]|年度?)"
)
_MAX_YEARS = 6
# What opens a forecast's label and is no part of what it measures: "我们维持公司…", "预计…"
_FORECAST_VERB = re.compile(r"^(?:我们)?(?:预计|预测|维持|上调|下调|调整|给予)?(?:公司)?")
# Between a list of values and the list of their changes: "8.11元，同比增75%、40%、31%"
_BEFORE_CHANGES = re.compile(r"[\s，,(（]*")


def _by_year(sentence: str, text: str, spans: list[_Span]) -> list[_Span]:
    """A list of figures after a range of as many years, one a year ("预计2021-2023年EPS分别为
    4.42、6.18、8.11元"): each figure is its year's, and so is its label ("2021年EPS"); a
    list of as many changes right after it ("，同比增75%、40%、31%") gives each its change. Read
    as one list, every figure was the range's last year's, and the first change the last
    figure's."""
    out: list[_Span] = []
    k = 0
    while k < len(spans):
        run = _run_end(text, spans, k)
        items = spans[k:run]
        years = _years_before(text, items[0].start) if len(items) > 1 else []
        if len(years) != len(items) or len({s.figure.metric for s in items}) != 1:
            out.extend(items)
            k = run
            continue
        after = _run_end(text, spans, run) if run < len(spans) else run
        changes = spans[run:after]
        paired = (
            len(changes) == len(items)
            and all(s.figure.change is None for s in items)
            and all(s.figure.change is not None and s.figure.unit == "%" for s in changes)
            and bool(_BEFORE_CHANGES.fullmatch(text, items[-1].end, changes[0].start))
        )
        for i, (span, year) in enumerate(zip(items, years, strict=True)):
            figure = replace(span.figure, period=f"{year}年", metric=_year_label(span.figure.metric, year))
            if paired:
                figure = replace(figure, change=changes[i].figure.change)
            out.append(_Span(span.start, changes[i].end if paired else span.end, figure))
        k = after if paired else run
    return out


def _run_end(text: str, spans: list[_Span], k: int) -> int:
    """The end of the list of figures that starts with ``spans[k]`` ("4.42、6.18、8.11元")."""
    run = k + 1
    while run < len(spans) and LIST_GAP.fullmatch(text, spans[run - 1].end, spans[run].start):
        run += 1
    return run


def _years_before(text: str, at: int) -> list[int]:
    """The years of the last range of years before ``at`` in the sentence, if a list runs over
    it: not where items are listed between them ("2021-2023年，公司在A、B、C三地的投资分别为…")."""
    found = None
    for m in _YEAR_RANGE.finditer(text, 0, at):
        found = m
    if found is None or "、" in text[found.end() : at]:
        return []
    a, b = int(found.group("a")), int(found.group("b"))
    a = a + 2000 if a < 100 else a
    b = b + a // 100 * 100 if b < 100 else b
    return list(range(a, b + 1)) if 2 <= b - a + 1 <= _MAX_YEARS else []


def _year_label(label: str | None, year: int) -> str:
    """The label of one year's figure: the range it was given for becomes the year, and a
    forecast's verb goes ("维持公司2023-2025年归母净利润预测" -> "2023年归母净利润预测")."""
    if not label:
        return f"{year}年"
    one = _YEAR_RANGE.sub(f"{year}年", label, count=1)
    one = _FORECAST_VERB.sub("", one) or one
    return one if str(year) in one else f"{year}年{one}"


def _items(sentence: str, text: str, floor: int, end: int) -> list[str]:
    """The labels of the items listed in the clause that ends at ``end`` (after ``floor``);
    none when one is no label of its own ("2020、2021年EPS": years of one label; bases)."""
    clause = _UP_TO_LAST_HARD_BREAK.match(text, floor, end)
    start = clause.end() if clause else floor
    bounds = [start]
    for joiner in _ITEM_BREAK.finditer(text, start, end):  # 、, or 和/及/与 as words (not 普及率)
        if joiner.group() == "、" or not _inside_word(text[start:end], joiner.start() - start):
            bounds += [joiner.start(), joiner.end()]
    bounds.append(end)
    labels = []
    for at, stop in zip(bounds[::2], bounds[1::2], strict=True):
        item = text[at:stop]
        label = _clause_metric(sentence, text, stop, at) if item and not item[-1].isdigit() else None
        if label is None or _BASIS_ITEM.search(item):
            return []
        labels.append(label)
    return labels


def _goes_on(text: str, last: tuple[Quantity, _Change | None, int] | None, change: _Change | None, at: int) -> bool:
    """Whether a figure goes on from the one before it with no words of its own: a change
    with nothing but a break between ("营收7.59亿元、月增1.1%、年增25.9%", "营收3.01亿元，较上月
    减少5.8%"), or where a change ends ("从2017年的239.3万桶，增加至2020年的324.1万桶"). Then it
    measures what that one measures."""
    if last is None or last[0].end > at:
        return False
    return bool(_ENDS_AT.fullmatch(text, last[0].end, at) or (change is not None and _NEXT_CLAUSE.fullmatch(text, last[0].end, at)))


def _change_before(text: str, q: Quantity) -> _Change | None:
    """Direction, basis and start of the change ``q`` is the amount of, if it is one."""
    head = text[: q.start]
    end = len(head.rstrip())
    reach = max(0, end - _CHANGE_REACH)  # a search from here still sees what stands before
    m = _CHANGE_BEFORE.search(head, reach) if _DIRECTION_LAST.search(head, max(0, end - _DIRECTION_REACH)) else None
    if m:
        direction = DIRECTIONS[m.group("dir")] * (q.sign or 1)  # "增长负3.9%": down
        basis = _basis(m.group("basis") or _GLUED_BASIS.get(m.group("glued") or ""), text)
        if m.group("basis") and _shared_basis(head, m.start("basis")):
            basis = None  # "环比、同比分别上涨18.3%、16.1%": which basis is whose is not said
        return direction, basis, m.start("basis") if m.group("basis") else m.start("core")
    if q.sign == 0:
        return None
    s = _SIGNED_BASIS.search(head, reach)
    if s:
        basis = None if _shared_basis(head, s.start("basis")) else _basis(s.group("basis"), text)
        return q.sign, basis, s.start()
    if q.sign > 0 or head.rstrip().endswith("("):
        return q.sign, None, q.start  # "+27.58%", "（-3.91pct）" after a value: its change
    return None


def _shared_basis(head: str, at: int) -> bool:
    """"环比、同比分别…", "同环比分别…": two bases for a list of changes, which is whose is not said."""
    return bool(re.search(r"(?:同比|环比)\s*[、和及与/]\s*$|同$", head[:at]))


def _basis(basis: str | None, sentence: str) -> str | None:
    if not basis:
        return None
    lower = basis.lower()
    if lower in ("yoy", "qoq", "mom", "按年", "按季", "按月"):
        return {"yoy": "y/y", "qoq": "q/q", "mom": "m/m", "按年": "y/y", "按季": "q/q", "按月": "m/m"}[lower]
    year = re.search(r"((?:19|20)\d{2})", basis)
    if year:
        return f"vs {year.group(1)}"
    if basis == "同比" or (("去年" in basis or "上年" in basis) and "季度" not in basis and "年末" not in basis):
        return "y/y"
    if "周" in basis:
        return "w/w"
    if "季" in basis or (basis == "环比" and "季" in sentence):
        return "q/q"
    if "月" in basis or (basis == "环比" and "月" in sentence):
        return "m/m"
    if "年末" in basis:
        return "vs end of last year"
    return "vs previous period"


def _figure(
    sentence: str, text: str, q: Quantity, change: _Change | None, period: str | None,
    metric: str | None,
) -> Figure:
    value, upper = float(q.value), float(q.upper) if q.upper is not None else None
    if change is not None:
        direction, basis, start = change
        # "较去年同月腰斩(骤减51.6%": the change is written from inside the bracket it opens
        opened = text.rfind("(", start, q.start)
        if opened >= 0 and ")" not in text[opened : q.start]:
            start = opened + 1
        written = _cut(sentence, start, q.end)
        amount = abs(value)
        return Figure(
            text=written, value=amount, unit=q.unit, en=None, sentence=sentence, metric=metric,
            change=Change(direction, amount, q.unit, basis, written), period=period, approx=q.approx,
            upper=abs(upper) if upper is not None else None,
        )
    unit = q.unit
    if unit in ("items", "companies"):
        # "80个特色化行业大模型" names the thing after the count, "就业岗位1.2万个" before it; a
        # count of people (人, 名) stays people: "300名民营企业家" are entrepreneurs, not companies
        noun = _count_noun(text[q.end : q.end + 24])
        if noun is None and metric:
            named = to_simplified(metric)
            # ... or names it with how many there are: "医保门店数量为3,503家", "分店总数"
            for head in (named, _HOW_MANY.sub("", named)):
                noun = noun or next((en for zh, en in COUNT_NOUNS.items() if head.endswith(zh)), None)
        if noun is None and q.written_unit == "张" and _SHARE_TRADING.search(text):
            noun = "lots"  # Taiwan's shares trade in lots of 1,000: "卖超1,962张", "持股张数3,173张"
        unit = noun or unit
    if q.unit in ("items", "companies", "people") and (metric is None or metric.endswith("等")):
        # "A、B、C等14个装备制造重点项目": the words before name examples, those after what is counted
        metric = _counted(sentence, text, q.end) or metric
    return Figure(
        text=_cut(sentence, q.start, q.end), value=value, unit=unit, en=None, sentence=sentence, metric=metric,
        approx=q.approx, upper=upper, period=period,
    )


_HOW_MANY = re.compile(r"(?:总数|数量|家数|个数|总量|数)$")


def _counted(sentence: str, text: str, end: int) -> str | None:
    """What a count with no words before it counts: the words right after it, up to a noun of
    what is counted ("近80家外埠空天产业企业慕名而来" → 外埠空天产业企业, "3个商业化产品上市" →
    商业化产品); none when a verb or anything else comes first ("60余家报名的本土企业"). An
    adjective, or a verb after its first word, is part of the phrase ("12个先进制造重点项目")."""
    stop = 0
    after = text[end : end + _METRIC_LONGEST]
    for word, at, at_end in token_spans(after):
        tag = word_tag(word)
        nominal = tag is None or tag.startswith("n") or tag in ("a", "b", "j") or (at > 0 and tag.startswith("v"))
        if not (_HAN.match(word) and nominal):
            break
        if after[:at_end].endswith(_COUNTED):
            stop = at_end
    return sentence[end : end + stop] if stop >= 2 else None


def _count_noun(after: str) -> str | None:
    """The head noun of the phrase a count word introduces ("80个特色化行业大模型" → models)."""
    phrase = re.split(r"[，,。；;、的在和与及\d]", after, maxsplit=1)[0]
    best = None
    for zh, en in COUNT_NOUNS.items():
        pos = phrase.rfind(zh)
        if pos != -1:
            key = (pos + len(zh), len(zh))
            if best is None or key > best[0]:
                best = (key, en)
    return best[1] if best else None


def _attach_changes(text: str, spans: list[_Span]) -> list[_Span]:
    """A change right after a value ("实现利润1973.8亿元，同比增长26.9%", "3.23亿元（+27.58%）")
    belongs to it; ranges written as two values ("10亿元—50亿元") are already one quantity."""
    result: list[_Span] = []
    for span in spans:
        if span.figure.change is not None and result:
            prev = result[-1]
            gap = text[prev.end : span.start]
            is_share = prev.figure.unit == "%" and "占" in (prev.figure.metric or "")  # "占…的15.9%"
            # a Change has no upper bound nor approximation: "年减10%-12%", "年增近1.4倍" stand alone
            alone = span.figure.upper is not None or span.figure.approx is not None
            if prev.figure.change is None and re.fullmatch(r"[\s，,、(]*", gap) and prev.figure.unit != "pp" and not is_share and not alone:
                result[-1] = _Span(prev.start, span.end, replace(prev.figure, change=span.figure.change))
                continue
        result.append(span)
    return result


def _cut(sentence: str, start: int, end: int) -> str:
    """The sentence as written between two offsets of its folded text, without outer spaces."""
    return sentence[start:end].strip()


def _metric(sentence: str, text: str, position: int, floor: int = 0) -> str | None:
    """What a figure measures: the words of its clause before it (after ``floor``), without
    the verb (read on the folded text, cut from the sentence as written)."""
    label = _clause_metric(sentence, text, position, floor)
    if label is None and ")" in text and (aside := _NAME_ASIDE.search(text, floor, position)):
        named = _clause_metric(sentence, text, aside.start(), floor)
        if named and sentence.endswith(named, 0, aside.start()):
            return named + sentence[aside.start() : aside.end()]
    return label


def _clause_metric(sentence: str, text: str, position: int, floor: int) -> str | None:
    names: list[tuple[int, int]] = []  # spans a long label is not cut inside
    if "(" in text:
        # "昨(13)日" whole: a label cut to length starts before it, never at "13)日"
        names = [(m.start() - 1, m.end() + 1) for m in _YEAR_ASIDE.finditer(text)]
        text = _YEAR_ASIDE.sub(lambda m: f"_{m.group(1)}_", text)  # same length, no break
    if "“" in text or '"' in text or "「" in text or "『" in text:
        names += [m.span() for m in _QUOTED_NAME.finditer(text)]
        text = _QUOTED_NAME.sub(lambda m: "_" + (m.group(1) or m.group(2)).translate(_NO_BREAK) + "_", text)
    names += [m.span() for m in _LATIN_RUN.finditer(text, floor, position)]
    last_break = _UP_TO_LAST_BREAK.match(text, floor, position)
    start = last_break.end() if last_break else floor
    end = position
    prev = None
    while (start, end) != prev:
        prev = (start, end)
        clause = text[start:end]
        start += len(clause) - len(clause.lstrip())
        end -= len(clause) - len(clause.rstrip())
        clause = text[start:end]
        lead = _PERIOD.match(clause) or _METRIC_LEAD.match(clause) or PART_LABEL.match(clause)
        if lead and _LEAD_GOES_ON.match(clause, lead.end()):
            lead = None
        if not lead and clause[:1] in _OPENERS_FIRST:
            if (join := _METRIC_JOIN.match(clause)) and not _inside_word(clause, join.end()):
                lead = join
            elif (said := _REPORTED.match(clause)) and (
                _word_at(clause, said.end()) or _ASIDE_AT.match(clause, said.end())  # "公告今(2018)年3月营收"
            ):
                lead = said
        trail = _METRIC_TRAIL.search(clause)
        if lead:
            start += lead.end()
        elif trail and not _inside_word(clause, trail.start()):
            end = start + trail.start()
        elif len(clause) > _METRIC_LONGEST:
            # keep the end, cut where a word starts: a few characters more rather than half a word
            cut = len(clause) - _METRIC_LONGEST
            spans = token_spans(clause)
            at = next(
                (
                    at
                    for word, at, stop in spans
                    if stop > cut and at >= cut - 4 and word[0].isalnum() and not clause[at - 1 : at].isdigit()
                ),
                cut,
            )  # nor right after a number: "27|日当周" is half of "21-27日"
            # nor half a quoted or Latin name: the whole name, or what follows it when that would be too long
            name = next(((a, b) for a, b in names if a < start + at < b), None)
            start = (name[0] if len(clause) - (name[0] - start) <= _QUOTED_LONGEST else name[1]) if name else start + at
    clause = text[start:end]
    start += len(clause) - len(clause.lstrip("的 "))
    end -= len(clause) - len(clause.rstrip("的 "))
    if end - start < 2 or text[start:end] in DIRECTIONS or _JOINED.fullmatch(text, start, end):
        return None  # nothing, or only the verb of a change ("从10%提高到15%", "由3139万元提升至")
    if text.endswith(_SAYS, start, end) or _ONLY_WHEN.fullmatch(text, start, end):
        return None  # "手册上显示近80家": who says it, not what is counted; "8日下跌2.47%": when
    if not _HAN.search(text, start, end) and not _LATIN_NAME.fullmatch(text, start, end):
        return None  # no words: "Q3", "1-2"; but "EPS", "ROE", "JFE Holdings" are what they measure
    return sentence[start:end]


# One character that opens what is measured: "使得|该|月合并营收"
_DETERMINERS = frozenset("该本其此这")


def _word_at(clause: str, start: int) -> bool:
    """A word of two characters or more, a number or a determiner starts at ``start`` ("实现|营收",
    "公布|6月", "使得|该月…"; not "实现|率")."""
    return any(at == start and (len(word) > 1 or word.isdigit() or word in _DETERMINERS) for word, at, _ in token_spans(clause))


def _inside_word(clause: str, start: int) -> bool:
    """``start`` falls inside a word ("有" of 现有): cut there, a reader would see half a word.
    A word of the dictionary that the segmenter also reads as one: 存为 is a word, but not in
    "库存为"; and the segmenter alone splits words it does not know ("营收达" as 营|收达)."""
    if start == 0 or word_tag(clause[start - 1 : start + 1]) is None:
        return False
    return any(at < start < end for _, at, end in token_spans(clause))
