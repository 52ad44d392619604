"""Plain records that cross from one pipeline stage to the next.

Every stage takes and returns these; no stage imports another stage's internals. Line
numbers are 1-based lines of the decoded source text, so a page can link back to the
exact place an article came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

SourceFormat = Literal["text", "markdown", "html", "pdf", "docx", "feed"]
# quote: a pull quote; repeat: a paragraph printed twice; fragment: words a column break
# repeated; credit: a picture's source closing a paragraph ("(图片来源:…)"); staff: the editors
# a web page credits ("(责编：李四、王五)"); notice: a site's line for its app ("尽在新浪财经APP")
# or its notice of rights ("转载请注明出处"); table: a Markdown table ("| 指标 | 2023Q1 | … |"),
# which reads as no sentence (a web page's tables are left out by its extractor too).
BlockKind = Literal[
    "paragraph", "heading", "caption", "byline", "dateline", "header", "quote", "repeat", "fragment", "credit", "staff",
    "notice", "table", "report", "disclaimer",
]


@dataclass(frozen=True)
class SourceMeta:
    """What is known about where a source was published; empty fields are unknown, never guessed."""

    publication: str | None = None
    date: str | None = None  # ISO date, YYYY-MM-DD (or YYYY-MM when the day is unknown)
    url: str | None = None
    title: str | None = None  # e.g. an HTML page title
    # what a bare 元 is in this source, an ISO 4217 code ("TWD" for a Taiwanese paper); None:
    # read from the article (:func:`generator.analysis.figures.units.home_currency`)
    currency: str | None = None
    # the web site a page was saved from ("人民网"): the publication of its articles where
    # neither the page's markup nor the article's dateline names one
    site: str | None = None
    # the reporters a web page names under its headline, outside the text it is read from
    byline: tuple[str, ...] = ()
    origin: str | None = None  # where the metadata came from: "front-matter", "sidecar", "sources.yaml", "html", "dateline"


@dataclass(frozen=True)
class Entry:
    """One article a source divides itself into (a feed's item): its lines of the text and
    what the source says of it alone (title, link, date, author)."""

    first_line: int
    last_line: int
    meta: SourceMeta

    def blocks_of(self, blocks: Sequence[Block]) -> list[Block]:
        """The blocks that start on the entry's lines."""
        return [b for b in blocks if self.first_line <= b.first_line <= self.last_line]


@dataclass(frozen=True)
class Document:
    """A decoded source file (reader output)."""

    path: str  # the path as given by the user, for messages and links
    name: str  # file name, used for stable page slugs
    text: str  # decoded text; for HTML/PDF the extracted text
    format: SourceFormat
    encoding: str | None = None
    meta: SourceMeta = field(default_factory=SourceMeta)
    # True when the text is a raw PDF text dump (hard-wrapped lines) that needs reflow.
    needs_reflow: bool = False
    # What a PDF's reader measured that a text dump cannot show: the lines (numbered from 1)
    # set as headlines (larger type), which reflow keeps apart from the text; and each line's
    # length on the page in characters of the page's text (its characters are no measure of
    # it where digits are set narrower, or side by side in one place of a vertical line)
    headlines: tuple[int, ...] = ()
    line_widths: tuple[float, ...] = ()
    warnings: tuple[str, ...] = ()
    # The text is a part taken out of a container (a saved mail's message): its lines are not
    # the file's, and a link to the file cannot point at them.
    extracted: bool = False
    # The source's own articles (a feed's items), which segmentation keeps to: none for a page
    # or a file whose articles are found in its layout.
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Block:
    """A unit of repaired layout: a whole paragraph, a heading, a caption... (reflow output)."""

    text: str
    kind: BlockKind
    first_line: int
    last_line: int
    level: int = 0  # heading level when known (Markdown '#' count), else 0
    page_start: bool = False  # the block opens a new page block / column (PDF text dumps)


@dataclass(frozen=True)
class Section:
    """A run of paragraphs under an in-article section head (heading None for the lead)."""

    heading: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Dropped:
    """Source text that is in no article body, and why (nothing is lost without a word).

    ``reason`` is one of: ``caption`` (a photo caption), ``photo credit`` (the credit closing a
    caption whose words went into a photo item), ``picture credit`` ("(图片来源:…)" closing a
    paragraph), ``editor credit`` ("(责编：李四)"), ``site notice`` ("尽在新浪财经APP",
    "转载请注明出处"), ``table`` (a Markdown table, a report's rows of figures), ``pull quote``, ``repeated paragraph``,
    ``repeated fragment`` (words a column break printed twice), ``page header``, ``report
    furniture`` (what a research report prints on its pages: the reminder to read its disclaimer,
    page numbers, its analysts' registration numbers, the side bar's heads), ``disclaimer`` (a
    report's end matter: disclaimer and ratings' definitions), ``byline`` and
    ``dateline`` (kept as the article's metadata), ``unplaced headline`` (a headline no article
    could be found for).
    """

    lines: tuple[int, int]  # first and last source line, 1-based, inclusive
    reason: str
    text: str


@dataclass(frozen=True)
class Article:
    """One article of a source (segmentation output)."""

    source: str  # Document.path
    index: int  # position in the source, 0-based, page order
    title: str | None  # the headline as printed; None when the source printed none
    sections: tuple[Section, ...]
    span: tuple[int, int]  # first and last source line, 1-based, inclusive
    byline: tuple[str, ...] = ()
    meta: SourceMeta = field(default_factory=SourceMeta)
    kind: Literal["article", "photo"] = "article"
    # source text of this article's lines (``span``) that is not in its body
    dropped: tuple[Dropped, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return [p for s in self.sections for p in s.paragraphs]

    @property
    def body(self) -> str:
        """Cleaned body text: paragraphs separated by blank lines (section heads excluded)."""
        return "\n\n".join(self.paragraphs)

    @property
    def section_heads(self) -> list[str]:
        return [s.heading for s in self.sections if s.heading]


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body; ``start``/``end`` are offsets into ``Article.body``."""

    text: str
    start: int
    end: int
    paragraph: int = 0  # index of the paragraph it belongs to


@dataclass(frozen=True)
class Change:
    """A change attached to a figure: 同比增长19.2% → direction +1, amount 19.2, unit '%', basis 'y/y'."""

    direction: int  # +1 up, -1 down, 0 flat/unknown
    amount: float
    unit: str | None  # '%', 'pp' (percentage points), 'points', or a unit like 'CNY'
    basis: str | None  # 'y/y', 'm/m', 'q/q', 'vs previous year', ...
    text: str  # as written


@dataclass(frozen=True)
class Figure:
    """A key figure: a measured value with its unit, as written and as a number."""

    text: str  # as written in the source, e.g. "8520亿元"
    value: float | None  # 852000000000.0
    unit: str | None  # 'CNY', '%', 'pp', 'people', 't', 'MW', ...
    en: str | None  # house-style English, e.g. "CNY 852 billion (+19.2% y/y)"
    sentence: str  # the sentence it came from (verbatim)
    metric: str | None = None  # what is measured, e.g. "全省绿色智能计算产业规模"
    change: Change | None = None
    approx: str | None = None  # 'about', 'over', 'nearly', 'under', ... from 约/超/近/以上
    upper: float | None = None  # upper bound for ranges (value is the lower bound)
    period: str | None = None  # e.g. "2024年", "前2个月"
    score: float = 0.0  # importance, higher first


@dataclass(frozen=True)
class Analysis:
    """What the analyse stage knows of one article."""

    article: Article
    title: str  # the printed headline, or the one the analysis proposed
    title_generated: bool  # the source printed no headline: ``title`` was proposed
    sentences: tuple[Sentence, ...]
    summary: tuple[Sentence, ...]  # in document order, copied verbatim from the body
    figures: tuple[Figure, ...]  # ranked, most important first
    keywords: tuple[str, ...]
    currency: str = "CNY"  # what a bare 元 is in the article (ISO 4217), for its figures and its English


@dataclass(frozen=True)
class Quality:
    """Checks a machine translation passed or failed, for marks on the page and in JSON."""

    numbers_ok: bool = True
    glossary_ok: bool = True
    retried: bool = False
    fallback: bool = False  # translation unavailable: the page shows the Chinese instead
    problems: tuple[str, ...] = ()  # e.g. ("repetition", "lost-number:19.2")


@dataclass(frozen=True)
class Translation:
    source: str
    text: str
    quality: Quality = field(default_factory=Quality)


@dataclass(frozen=True)
class ArticleDigest:
    """An analysed article with its English: what a page is rendered from."""

    analysis: Analysis
    title_en: Translation | None
    summary_en: tuple[Translation, ...] | None
    metrics_en: tuple[Translation | None, ...] | None  # per figure, its metric phrase in English


@dataclass(frozen=True)
class DocumentDigest:
    document: Document
    articles: tuple[ArticleDigest, ...]
    # source text outside every article's lines that is in no article (page headers,
    # captions between articles, headlines no article was found for...)
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class Digest:
    documents: tuple[DocumentDigest, ...]
    model_id: str | None = None
