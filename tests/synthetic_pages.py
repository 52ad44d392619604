"""Synthetic newspaper pages damaged the way PDF text extraction damages them.

Clean articles (from the development data when it is there, else a small built-in set)
are laid out on a page and dumped like a PDF text layer: hard-wrapped at 12–20 characters
with indented (shortened) first lines, blank lines between lines, headlines before or after
their bodies, page headers that run headlines together (one twice), datelines, bylines,
photo captions, pull quotes and page-block markers. Each page keeps the truth, so
segmentation can be scored: articles found exactly, titles right, body characters recovered.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

DEVDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "devdata" / "news-headlines-dev.jsonl"

_BUILT_IN = [
    ("一季度中小企业发展指数上升", "今年一季度，我国中小企业发展指数为89.3，比去年四季度上升1.3点。中国中小企业协会有关负责人表示，春节后生产加速回升。经济回暖势头不断增强，企业生产经营持续改善。分行业指数全面回升，交通运输邮政仓储业指数上升明显。随着各项支持政策持续落地，预计二季度中小企业仍会保持一定的增长速度。"),
    ("前两月规上轻工企业利润增长", "中国轻工业联合会近日发布的数据显示，今年前2个月，规模以上轻工企业实现营业收入3.26万亿元，同比增长4.1%。轻工行业生产较快回升，盈利持续改善。国内消费市场稳步增长，轻工业经济运行延续回升向好态势。线上消费持续增长，实物商品网上零售额增长14.4%。"),
    ("工业领域迎大规模设备更新", "工业和信息化部等七部门联合印发实施方案，提出到2027年，工业领域设备投资规模较2023年增长25%以上。方案明确，以大规模设备更新为抓手，实施制造业技术改造升级工程。相关部门初步估算，设备更新市场需求规模将在5万亿元以上。方案提出了4方面重点任务。"),
    ("新材料项目落户湖南", "新材料产业链专场对接活动发布转移项目105个，总投资超1260亿元。现场签约的12个项目涉及电池新材料、陶瓷新材料等领域。企业负责人表示，湖南具有优良原材料资源禀赋。石门县优质矽砂储量20亿吨，为亚洲之最。"),
    ("空天产业硬实力就是号召力", "手册上显示近80家外埠空天产业企业慕名而来，本土200多家相关企业踊跃参会。经过70多年的沉淀与发展，湖南已成为全国重要的中小航空发动机研制基地。专场活动上，32家企事业单位共同签署16项合作协议。合作项目聚焦低空经济、航空航天和北斗等领域。"),
    ("绿色智能计算产业规模创新高", "当前，全球人工智能爆发式发展，智能算力增速远超通用算力。去年全省绿色智能计算产业规模达8520亿元，同比增长19.2%。根据规划，相关产业规模将在2030年达到2万亿元左右。专家建议布局建设面向行业的公共算力服务平台。"),
    ("风电装备制造产业集群加快成长", "近年来，某县立足区位优势，大力发展风电装备制造产业。该县通过引进龙头企业和配套企业，不断延伸上下游产业链。去年全县风电装备产值突破60亿元，同比增长18%。当地还将建设风电装备检测中心，服务周边企业。"),
    ("算力券助力中小企业降本", "首批算力券发放以来，申领企业超过70家，其中民营企业达到近七成。企业打折购买算力服务，可降低发展成本。专家表示，要注意补贴的准确性，规范补贴对象和用途。同时要建立算力中心运营统筹和结算机制。"),
]
_NAMES = ["叶伟", "姚雯", "童晟", "张伟", "彭雅惠", "刘乐", "孟姣燕", "黄利飞", "王强", "李明"]
_PAPERS = ["湖南日报", "经济日报", "中国工业报", "科技日报"]


@dataclass
class TruthArticle:
    title: str
    paragraphs: list[str]
    byline: str | None = None

    @property
    def body(self) -> str:
        return "".join(self.paragraphs)


@dataclass
class Page:
    text: str
    articles: list[TruthArticle] = field(default_factory=list)


def _sentences(text: str) -> list[str]:
    return [s for s in re.findall(r"[^。！？]+[。！？]”?", text) if s.strip()]


def clean_articles(limit: int = 400, seed: int = 1, devdata: bool = True) -> list[tuple[str, list[str]]]:
    """(headline, paragraphs): read from the development data at run time, never copied."""
    out: list[tuple[str, list[str]]] = []
    if devdata and DEVDATA.exists():
        rng = random.Random(seed)
        with DEVDATA.open(encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                # a printed headline carries no sentence punctuation: clauses go on one line
                title = re.sub(r"[；;，,：:、！!？?\s]+", " ", item["headline"]).strip()
                sentences = _sentences(re.sub(r"\s+", "", item["article"]))
                if len(sentences) < 3 or not 6 <= len(title) <= 30:
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


def _wrap(paragraph: str, width: int, rng: random.Random) -> list[str]:
    """Hard-wrap like a PDF column: the first line is indented by two characters (lost)."""
    lines, position, first = [], 0, True
    while position < len(paragraph):
        size = width - 2 if first else width
        lines.append(paragraph[position : position + size].strip())  # extraction drops edge spaces
        position += size
        first = False
    return lines


def make_page(rng: random.Random, pool: list[tuple[str, list[str]]]) -> Page:
    width = rng.randint(12, 20)
    chosen = rng.sample(pool, rng.randint(2, 4))
    lines: list[str] = []
    truth: list[TruthArticle] = []
    header = rng.random() < 0.3
    if header:
        first, second = chosen[0][0].replace(" ", ""), chosen[min(1, len(chosen) - 1)][0].replace(" ", "")
        lines.append(" " + first + first + " " + second)
    for title, paragraphs in chosen:
        paragraphs = list(paragraphs)
        article = TruthArticle(title, list(paragraphs))
        headline_after = rng.random() < 0.4
        dateline = rng.random() < 0.5
        block: list[str] = []
        if not headline_after:
            block.append(title)
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
            if i == len(paragraphs) - 1 and article.byline is None and rng.random() < 0.25:
                article.byline = rng.choice(_NAMES)
                text = text + " " + article.byline
            block.extend(_wrap(text, width, rng))
        if rng.random() < 0.2:  # a pull quote repeating a body sentence
            sentence = rng.choice(_sentences(article.body))
            if len(sentence) >= 12:
                block.append(sentence.rstrip("。！？"))
        if headline_after:
            block.append(title)
        if rng.random() < 0.2:
            block.extend(_wrap(f"图为工人在车间装配设备。新华社记者 {rng.choice(_NAMES)}/摄", width + 10, rng))
        block[0] = " " + block[0]  # every article opens a new page block
        lines.extend(block)
        truth.append(article)
    spaced = rng.random() < 0.6
    text = ("\n\n" if spaced else "\n").join(lines) + "\n"
    return Page(text=text, articles=truth)


def pages(count: int, seed: int = 2024, devdata: bool = True) -> list[Page]:
    rng = random.Random(seed)
    pool = clean_articles(devdata=devdata)
    return [make_page(rng, pool) for _ in range(count)]


def score(page: Page, found) -> tuple[int, int, int, int]:
    """(articles found exactly, titles right, body characters recovered, body characters)."""
    norm = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    articles = [a for a in found if a.kind == "article"]
    exact = titles = recovered = total = 0
    for truth in page.articles:
        body = norm(truth.body)
        total += len(body)
        match = next((a for a in articles if a.title and norm(a.title) == norm(truth.title)), None)
        if match is not None:
            titles += 1
        candidates = [match] if match is not None else articles
        best = 0
        for a in candidates:
            got = norm(a.body)
            best = max(best, sum(len(s) for s in _sentences(body) if s in got))
        recovered += best
        if match is not None and norm(match.body) == body:
            exact += 1
    return exact, titles, recovered, total
