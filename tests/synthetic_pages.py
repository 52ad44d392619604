"""Synthetic newspaper pages damaged the way PDF text extraction damages them.

Clean articles (from the development data when it is there, else a small built-in set)
are laid out on a page and dumped like a PDF text layer. The layout does not share the
segmenter's assumptions:

- headlines are the ones the newsroom wrote, punctuation and all (，：；！？、——, spaces
  between two parts); some pages print a two-part headline with a space instead of its
  semicolon; some have a kicker (引题) above the headline or a subhead (副题) below it;
- lines are hard-wrapped by display width (a CJK character takes one column, a Latin letter
  or digit half of one), with the first line of a paragraph indented by two columns (lost
  in extraction) and closing punctuation hanging past the margin; on some pages the column
  is exactly as wide as one of its headlines;
- headlines stand before or after their bodies; page headers run headlines together (one
  twice); datelines, bylines, trailing reporter names, photo captions, pull quotes,
  page-block markers, blank lines between lines, spaces around digits.

Each page keeps the truth, so segmentation can be scored. The development data is read at
run time and never copied; its first half is for tuning (``part="tune"``), its second half
held out (``part="test"``), as in ``bench/devdata.py``.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.text import display_width

# The development data lives beside the repository (``../shared/devdata``); a clone elsewhere
# points to it with BRIEFING_DEVDATA (a directory).
DEVDATA = (
    Path(os.environ["BRIEFING_DEVDATA"]) if os.environ.get("BRIEFING_DEVDATA")
    else Path(__file__).resolve().parent.parent.parent / "shared" / "devdata"
) / "news-headlines-dev.jsonl"

# Headlines as the sample pages print them (punctuation kept), over briefs written for tests.
_BUILT_IN = [
    ("一季度中小企业发展指数上升，经济回暖势头增强", "今年一季度，我国中小企业发展指数为89.3，比去年四季度上升1.3点。中国中小企业协会有关负责人表示，春节后生产加速回升。经济回暖势头不断增强，企业生产经营持续改善。分行业指数全面回升，交通运输邮政仓储业指数上升明显。随着各项支持政策持续落地，预计二季度中小企业仍会保持一定的增长速度。"),
    ("前两月规上轻工企业利润增26.9%", "中国轻工业联合会近日发布的数据显示，今年前2个月，规模以上轻工企业实现营业收入3.26万亿元，同比增长4.1%。轻工行业生产较快回升，盈利持续改善。国内消费市场稳步增长，轻工业经济运行延续回升向好态势。线上消费持续增长，实物商品网上零售额增长14.4%。"),
    ("工业领域迎大规模设备更新：到2027年投资规模增长25%以上", "工业和信息化部等七部门联合印发实施方案，提出到2027年，工业领域设备投资规模较2023年增长25%以上。方案明确，以大规模设备更新为抓手，实施制造业技术改造升级工程。相关部门初步估算，设备更新市场需求规模将在5万亿元以上。方案提出了4方面重点任务。"),
    ("新材料项目产业链专场 湖南“磁吸”超千亿元", "新材料产业链专场对接活动发布转移项目105个，总投资超1260亿元。现场签约的12个项目涉及电池新材料、陶瓷新材料等领域。企业负责人表示，湖南具有优良原材料资源禀赋。石门县优质矽砂储量20亿吨，为亚洲之最。"),
    ("空天产业，硬实力就是号召力", "手册上显示近80家外埠空天产业企业慕名而来，本土200多家相关企业踊跃参会。经过70多年的沉淀与发展，湖南已成为全国重要的中小航空发动机研制基地。专场活动上，32家企事业单位共同签署16项合作协议。合作项目聚焦低空经济、航空航天和北斗等领域。"),
    ("绿色智能计算，湖南开启下一程", "当前，全球人工智能爆发式发展，智能算力增速远超通用算力。去年全省绿色智能计算产业规模达8520亿元，同比增长19.2%。根据规划，相关产业规模将在2030年达到2万亿元左右。专家建议布局建设面向行业的公共算力服务平台。"),
    ("风电装备产值破60亿元！产业集群加快成长", "近年来，某县立足区位优势，大力发展风电装备制造产业。该县通过引进龙头企业和配套企业，不断延伸上下游产业链。去年全县风电装备产值突破60亿元，同比增长18%。当地还将建设风电装备检测中心，服务周边企业。"),
    ("“算力券”力促智算奔赴新质生产力", "首批算力券发放以来，申领企业超过70家，其中民营企业达到近七成。企业打折购买算力服务，可降低发展成本。专家表示，要注意补贴的准确性，规范补贴对象和用途。同时要建立算力中心运营统筹和结算机制。"),
    ("AI芯片需求旺，Q2营收季增两位数？", "受AI服务器需求带动，该公司第2季营收有望季增10%至15%。公司表示，HBM与CoWoS产能持续吃紧，客户追单不断。法人预估，今年EPS可望挑战8元。下半年随着新产品量产，营运可望逐季走高。"),
    ("从制造业大省向强省跨越 新材料产业是突破口", "一批新材料产业集群上发力，7500亿元营收背后是全链条布局。企业负责人说，这得益于从矿产到材料的完整链条。全省新材料企业超过3000家，规模以上企业营收增长12.5%。下一步将培育更多单项冠军。"),
]
_NAMES = ["叶伟", "姚雯", "童晟", "张伟", "彭雅惠", "刘乐", "孟姣燕", "黄利飞", "王强", "李明"]
_PAPERS = ["湖南日报", "经济日报", "中国工业报", "科技日报"]
# Closing marks that a typesetter never puts at the start of a line: they hang at the end.
_NO_LINE_START = "，。、；：！？）》”’」』%,.;:!?)"
# Indent of a paragraph's first line (display columns), lost in extraction.
_INDENT = 2.0


@dataclass
class TruthArticle:
    title: str  # the main headline as printed
    paragraphs: list[str]
    byline: str | None = None
    kicker: str | None = None  # 引题, printed above the headline
    subhead: str | None = None  # 副题, printed below it

    @property
    def body(self) -> str:
        return "".join(self.paragraphs)

    def title_matches(self, found: str | None) -> bool:
        """The main headline, alone or with its kicker and subhead in page order."""
        if not found:
            return False
        got = _norm(found)
        forms = {_norm(self.title)}
        parts = [p for p in (self.kicker, self.title, self.subhead) if p]
        forms.add(_norm("".join(parts)))
        return got in forms


@dataclass
class Page:
    text: str
    articles: list[TruthArticle] = field(default_factory=list)
    width: float = 0.0  # the column width the page was wrapped at (display columns)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]+[。！？]”?", text) if s.strip()]


def _clean_body(text: str) -> str:
    """One space between Latin words and digits, none elsewhere (extraction adds its own)."""
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"(?<![A-Za-z0-9%.,]) | (?![A-Za-z0-9(])", "", text)


def _printed_headline(raw: str, rng: random.Random) -> str:
    """The headline as the newsroom wrote it; the data masks some numbers as '___'."""
    return re.sub(r"_{2,}(\.?_+)?", lambda _: str(rng.randint(1, 99)), raw).strip()


def clean_articles(limit: int = 400, seed: int = 1, devdata: bool = True, part: str = "tune") -> list[tuple[str, list[str]]]:
    """(headline, paragraphs): read from the development data at run time, never copied.

    ``part`` is ``tune`` (first half of the data), ``test`` (second half, held out) or
    ``all``; without the data, the built-in articles.
    """
    out: list[tuple[str, list[str]]] = []
    if devdata and DEVDATA.exists():
        rng = random.Random(seed)
        items = [json.loads(line) for line in DEVDATA.read_text(encoding="utf-8").splitlines() if line.strip()]
        half = len(items) // 2
        items = {"tune": items[:half], "test": items[half:], "all": items}[part]
        for item in items:
            title = _printed_headline(item["headline"], rng)
            # (not the disclaimer a financial site closes its articles with, "＊编者按：本文仅供参考…":
            # a paper's page prints none under an article, and a reader drops it as a notice)
            sentences = [s for s in _sentences(_clean_body(item["article"])) if not s.startswith("＊编者按")]
            if len(sentences) < 3 or not 6 <= len(title) <= 40 or "___" in item["article"]:
                continue
            paragraphs, current = [], []
            for s in sentences[:12]:
                current.append(s)
                if len(current) >= rng.randint(1, 3):
                    paragraphs.append("".join(current))
                    current = []
            if current:
                paragraphs.append("".join(current))
            out.append((title, paragraphs))
            if len(out) >= limit:
                break
    if not out:
        out = [(t, _split_paragraphs(b)) for t, b in _BUILT_IN]
    return out


def _split_paragraphs(body: str) -> list[str]:
    sentences = _sentences(body)
    return ["".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]


def wrap(paragraph: str, width: float, *, indent: float = _INDENT) -> list[str]:
    """Hard-wrap like a PDF column, by display width: the first line is indented (the indent
    is lost in extraction), closing punctuation hangs at the end of a line, and extraction
    drops the spaces at either edge."""
    lines: list[str] = []
    line, used, limit = "", 0.0, width - indent
    for ch in paragraph:
        w = display_width(ch)
        if used + w > limit and line.strip() and ch not in _NO_LINE_START:
            lines.append(line.strip())
            line, used, limit = "", 0.0, width
        line += ch
        used += w
    if line.strip():
        lines.append(line.strip())
    return lines


def _space_digits(line: str) -> str:
    """Some text layers put a space between Chinese and a number ("增长 25%以上"); the gap
    takes room on the line, so it is put in before wrapping."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=[\d%])(?=[\u4e00-\u9fff])", " ", line)


def _clause(text: str, rng: random.Random, low: int = 6, high: int = 16) -> str | None:
    """A clause of the article (between commas), for a kicker or a subhead."""
    clauses = [c for c in re.split(r"[，。；！？：]", text) if low <= len(c) <= high and "“" not in c and "”" not in c]
    return rng.choice(clauses) if clauses else None


def _headline_lines(title: str, rng: random.Random) -> str:
    """A two-part headline is often printed with a space where the newsroom wrote '；'."""
    if "；" in title and rng.random() < 0.4:
        return re.sub(r"\s*；\s*", " ", title)
    return title


def _pick_width(rng: random.Random, titles: Sequence[str]) -> float:
    """Most pages: a column of 12–20 characters; a quarter of them exactly as wide as one of
    their headlines (then the headline's width cannot tell it from a line of body)."""
    if rng.random() < 0.25:
        fits = [display_width(t) for t in titles if 12 <= display_width(t) <= 24 and display_width(t).is_integer()]
        if fits:
            return rng.choice(fits)
    return float(rng.randint(12, 20))


def make_page(rng: random.Random, pool: Sequence[tuple[str, list[str]]]) -> Page:
    count = rng.randint(2, 4)
    chosen = rng.sample(list(pool), min(count, len(pool)))
    printed = [_headline_lines(title, rng) for title, _ in chosen]
    width = _pick_width(rng, printed)
    spaced_digits = rng.random() < 0.3
    lines: list[str] = []
    truth: list[TruthArticle] = []
    if rng.random() < 0.3:  # a page header: headlines run together, the first one twice
        first, second = printed[0].replace(" ", ""), printed[min(1, len(printed) - 1)].replace(" ", "")
        lines.append(" " + first + first + " " + second)
    for (_, paragraphs), title in zip(chosen, printed, strict=True):
        paragraphs = list(paragraphs)
        article = TruthArticle(title, list(paragraphs))
        if rng.random() < 0.15:
            article.kicker = _clause(paragraphs[0], rng)
        if rng.random() < 0.15:
            words = _clause("".join(paragraphs[1:]) or paragraphs[0], rng, 8, 18)
            article.subhead = ("——" + words) if words and rng.random() < 0.5 else words
        heading = [x for x in (article.kicker, title, article.subhead) if x]
        headline_after = rng.random() < 0.4
        dateline = rng.random() < 0.5
        block: list[str] = []
        if not headline_after:
            block.extend(heading)
        if rng.random() < 0.25:
            name = rng.choice(_NAMES)
            article.byline = name
            block.append(f"本报记者 {name}")
        for i, paragraph in enumerate(paragraphs):
            text = paragraph
            if i == 0 and dateline:
                if rng.random() < 0.5:
                    text = f"本报讯（记者 {rng.choice(_NAMES)}） " + text
                else:
                    text = f"{rng.choice(_PAPERS)}{rng.randint(1, 12)}月{rng.randint(1, 28)}日讯 " + text
            wrapped = wrap(_space_digits(text) if spaced_digits else text, width)
            if i == len(paragraphs) - 1 and article.byline is None and rng.random() < 0.25:
                # the reporter's name closes the last line, or stands on a line of its own
                article.byline = rng.choice(_NAMES)
                last = wrapped[-1] + " " + article.byline
                fits = display_width(last) <= width
                wrapped[-1:] = [last] if fits else [wrapped[-1], article.byline]
            block.extend(wrapped)
        if rng.random() < 0.2:  # a pull quote repeating a body sentence
            sentence = rng.choice(_sentences(article.body))
            if len(sentence) >= 12:
                block.append(sentence.rstrip("。！？"))
        if headline_after:
            block.extend(heading)
        if rng.random() < 0.2:
            block.extend(wrap(f"图为工人在车间装配设备。新华社记者 {rng.choice(_NAMES)}/摄", width + 10, indent=0))
        block[0] = " " + block[0]  # every article opens a new page block
        lines.extend(block)
        truth.append(article)
    spaced = rng.random() < 0.6
    text = ("\n\n" if spaced else "\n").join(lines) + "\n"
    return Page(text=text, articles=truth, width=width)


def pages(count: int, seed: int = 2024, devdata: bool = True, part: str = "tune") -> list[Page]:
    rng = random.Random(seed)
    pool = clean_articles(devdata=devdata, part=part)
    return [make_page(rng, pool) for _ in range(count)]


@dataclass
class Score:
    """Counts over pages: articles, titles right, exact articles, exact pages, body characters."""

    pages: int = 0
    pages_exact: int = 0
    articles: int = 0
    titles: int = 0
    exact: int = 0
    kept: int = 0  # truth body characters found in the article that got its title (or the best one)
    total: int = 0  # truth body characters
    precise: int = 0  # characters of found article bodies that belong to the body they were given for
    found: int = 0  # characters of found article bodies

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def table(self) -> dict[str, float]:
        return {
            "titles": self.titles / max(self.articles, 1),
            "articles exact": self.exact / max(self.articles, 1),
            "pages exact": self.pages_exact / max(self.pages, 1),
            "body kept": self.kept / max(self.total, 1),
            "body precision": self.precise / max(self.found, 1),
        }


def _pieces(text: str) -> list[str]:
    """Sentences, and whatever trails the last one: every character is in one piece."""
    return re.findall(r"[^。！？]*[。！？]+”?|[^。！？]+$", text)


def score(page: Page, found) -> Score:
    """Score the articles a segmenter found on ``page`` (objects with title, body and kind)."""
    articles = [a for a in found if a.kind == "article"]
    s = Score(pages=1, articles=len(page.articles))
    owner: dict[int, TruthArticle] = {}
    all_exact = len(articles) == len(page.articles)
    for truth in page.articles:
        body = _norm(truth.body)
        s.total += len(body)
        match = next((a for a in articles if truth.title_matches(a.title)), None)
        if match is not None:
            s.titles += 1
        candidates = [match] if match is not None else articles
        best, best_article = 0, None
        for a in candidates:
            got = _norm(a.body)
            kept = sum(len(x) for x in _sentences(body) if x in got)
            if best_article is None or kept > best:
                best, best_article = kept, a
        s.kept += best
        if best_article is not None and id(best_article) not in owner:
            owner[id(best_article)] = truth
        if match is not None and _norm(match.body) == body:
            s.exact += 1
        else:
            all_exact = False
    for a in articles:
        got = _norm(a.body)
        s.found += len(got)
        truth_for = owner.get(id(a))
        if truth_for is not None:
            wanted = _norm(truth_for.body)
            s.precise += sum(len(x) for x in _pieces(got) if x in wanted)
    s.pages_exact = int(all_exact)
    return s
