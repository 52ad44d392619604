"""Segment stage: repaired blocks become articles with titles, bylines and sections.

How a newspaper page is read:
- a page block, a page header, a dateline ("本报讯", "X报X月X日讯") or a leading byline
  starts a new run of text; a trailing byline ends one;
- a heading with body text before and after it in the same run is a section head, and so is a
  research note's part label ("事件描述", "投资要点") before the first paragraph;
- other headings (and the headlines a page header runs together) float: text extracted
  from PDF pages often prints a headline after its body. Each floating headline goes to the
  untitled run whose text shares most of its words (nearby runs win ties); a headline left
  over splits a run at a paragraph that opens like a news lead, when the text after that
  point matches it better than its own title; in a source of one untitled article, the one
  left nearest above the body is its title;
- Markdown headings that are followed by a byline or a dateline are headlines in place;
- headlines printed as several lines (a kicker above, a subhead below) are one title when
  their lines stand together and match the same run (a subhead opening with a dash always
  joins the line above);
- captions never join a body: a short untitled run that ends in a caption is a photo item,
  other captions are dropped; pull quotes were marked by reflow and are dropped here.

Nothing is dropped without a word: every block that does not end up in a body, a title or a
section head becomes a :class:`~generator.data.Dropped` record with its lines and a reason,
on the article whose lines hold it, or on the document when no article's do.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from generator.data import Article, Block, Document, Dropped, Section
from generator.ingest.datelines import iso_date, page_year, parse_dateline
from generator.ingest.furniture import (
    byline_names,
    byline_outlet,
    caption_credit,
    date_line,
    header_headlines,
    page_line,
    post_line,
)
from generator.ingest.metadata import (
    PRINTED_DATE,
    as_published,
    credited_source,
    dateline_meta,
    merge_meta,
    shared_edition,
)
from generator.ingest.paragraphs import join_wrapped
from generator.ingest.reports import analysts, institute
from generator.text import ends_sentence, is_part_label, to_simplified, without_part_label, without_spaces

# A paragraph that opens like a news lead: where a run may be split for a leftover headline.
_LEAD = re.compile(r"^(\d{1,2}月\d{1,2}日|今天|昨天|近日|日前|本报讯)")
# A leftover headline takes the tail of a run that does not open like a lead only where it
# matches the tail this many times better than the run's own headline does.
_FAR_BETTER = 2.0
# An untitled run shorter than this that ends in a caption is a photo story (characters).
_MAX_PHOTO_STORY_CHARS = 400
# A caption with no body before it this long stands as a photo item of its own (characters).
_MIN_PHOTO_ITEM_CAPTION_CHARS = 60
# A floating headline goes to a run only if at least this share of its (weighted) character
# pairs occur in the run's text; below it the match is chance.
_MIN_HEADLINE_MATCH = 0.2
# A leftover headline splits a run only where the tail matches it at least this well.
_MIN_SPLIT_MATCH = 0.4
# Nearby runs win ties: a bonus of this much for a run next to the headline, halving about
# every 28 lines (e-folding distance in source lines).
_PROXIMITY_WEIGHT = 0.1
# A headline is printed on the page of its body: runs further than this (source lines) are not
# considered, which keeps the matching linear in a file of thousands of articles.
_HEADLINE_REACH = 1500
_PROXIMITY_LINES = 40


@dataclass
class _Run:
    """A stretch of body text being assembled into an article."""

    items: list[Block] = field(default_factory=list)  # paragraphs and section heads
    title: str | None = None
    title_line: int | None = None
    byline: list[str] = field(default_factory=list)
    captions: list[Block] = field(default_factory=list)
    source: str | None = None  # the origin a site's notice credits ("来源：新华社")
    outlet: str | None = None  # the paper its byline's reporters write for ("湖南日报全媒体记者 X")
    posted: str | None = None  # the day a copied WeChat post says it was posted (ISO)

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.items if b.kind == "paragraph"]

    @property
    def text(self) -> str:
        return "".join(b.text for b in self.paragraphs)

    @property
    def first_line(self) -> int:
        return min(b.first_line for b in self.items)

    @property
    def last_line(self) -> int:
        return max(b.last_line for b in self.items)


@dataclass
class _Floating:
    text: str
    line: int
    byline: list[str] = field(default_factory=list)
    index: int = -1  # the heading block's position among the blocks (-1: not a heading block)
    header: bool = False  # one of the headlines a page header runs together
    page_start: bool = False
    last_line: int = 0
    last_index: int = -1
    parts: list[str] = field(default_factory=list)  # the printed lines of a headline

    def __post_init__(self) -> None:
        self.last_line = self.last_line or self.line
        self.last_index = self.last_index if self.last_index >= 0 else self.index
        self.parts = self.parts or [self.text]


@dataclass(frozen=True)
class Segmented:
    """A source split into articles, and the text dropped outside every article's lines."""

    articles: list[Article]
    dropped: tuple[Dropped, ...] = ()


class _Drops:
    """Text that goes into no body, noted as it is set aside."""

    def __init__(self) -> None:
        self.items: list[Dropped] = []

    def add(self, first: int, last: int, reason: str, text: str) -> None:
        if text.strip():
            self.items.append(Dropped((first, last), reason, text.strip()))

    def block(self, b: Block, reason: str) -> None:
        self.add(b.first_line, b.last_line, reason, b.text)


# Kinds of block set aside wherever they stand (a caption may still head a photo item).
_SET_ASIDE = frozenset(("quote", "fragment", "credit", "staff", "notice", "table", "report", "disclaimer"))
# A digest's headlines are at least this long; a section head is often shorter ("需求回暖")
_MIN_DIGEST_HEADLINE = 8
# How an article numbers its parts: "一、", "（二）", "3.", "第一部分"
_SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|第[一二三四五六七八九十\d]+[部章节])")
# Why a block of each kind is not body text.
_REASONS = {
    "quote": "pull quote",
    "fragment": "repeated fragment",
    "repeat": "repeated paragraph",
    "credit": "picture credit",
    "staff": "editor credit",
    "notice": "site notice",
    "table": "table",
    "report": "report furniture",
    "disclaimer": "disclaimer",
    "header": "page header",
    "byline": "byline",
    "caption": "caption",
}


def segment(document: Document, blocks: Sequence[Block]) -> list[Article]:
    """The articles of a source (see :func:`split_articles` for what was set aside)."""
    return split_articles(document, blocks).articles


def split_articles(document: Document, blocks: Sequence[Block]) -> Segmented:
    if document.entries:
        return _by_entry(document, blocks)
    if any(b.kind == "report" for b in blocks):
        return single_article(document, blocks)  # a research report is one piece of writing
    drops = _Drops()
    blocks, page_date = _digest(blocks)
    runs, floating, photos = _runs(blocks, drops)
    runs = [r for r in runs if r.paragraphs]
    _assign_floating(runs, floating, drops)
    photos += [r for r in runs if r.captions and not r.title]
    runs = [r for r in runs if not (r.captions and not r.title)]
    articles = _to_articles(document, runs, photos, drops)
    if page_date:  # the digest's date, for its articles that name none
        articles = [a if a.meta.date else replace(a, meta=merge_meta(a.meta, dateline_meta(None, page_date))) for a in articles]
    return _place_drops(articles, drops.items)


def _digest(blocks: Sequence[Block]) -> tuple[Sequence[Block], str | None]:
    """A Markdown page of several articles under one title ("# 财经早报 | 2024年4月18日", then
    "## 一季度湖南外贸进出口增长8.2%" and its text, for each): the second-level headings are the
    articles' headlines, the title the page's header (its date, where it has one, theirs).

    Only where the title has no text of its own before them, and they are not numbered as an
    article's parts are ("一、", "（二）", "3.") nor as short as a part's head ("需求回暖"): then
    they are its sections (under a subtitle set as one of them)."""
    tops = [i for i, b in enumerate(blocks) if b.kind == "heading" and b.level == 1]
    if len(tops) != 1:
        return blocks, None
    top = tops[0]
    after = [b for b in blocks[top + 1 :] if b.kind not in _SET_ASIDE]
    heads = [b for b in after if b.kind == "heading" and b.level == 2]
    if len(heads) < 2 or after[0] is not heads[0] or any(_SECTION_NUMBER.match(h.text) or len(h.text) < _MIN_DIGEST_HEADLINE for h in heads):
        return blocks, None
    if any(b.kind == "heading" and b.level == 2 and (nxt is None or nxt.kind == "heading") for b, nxt in zip(after, [*after[1:], None], strict=True)):
        return blocks, None  # a heading with no text under it: an outline, not a page of articles
    date = PRINTED_DATE.search(blocks[top].text)
    digest = [
        replace(b, kind="header") if i == top else replace(b, level=1) if b.kind == "heading" and b.level == 2 else b
        for i, b in enumerate(blocks)
    ]
    return digest, iso_date(int(date.group(1)), int(date.group(2)), int(date.group(3))) if date else None


def single_article(document: Document, blocks: Sequence[Block]) -> Segmented:
    """The whole source as one article (``--single-article``): no segmentation at all.

    Headings before the first paragraph make the title (a kicker, a headline, a subhead),
    later ones section heads, and so are those after a part label ("投资要点", "事件"); a date
    alone under the title dates it. A source that is only a caption is that caption's article.
    """
    drops = _Drops()
    run = _Run()
    heads: list[Block] = []
    captions = [b for b in blocks if b.kind == "caption"]
    has_body = any(b.kind in ("paragraph", "repeat") for b in blocks)
    for b in blocks:
        if b.kind in ("paragraph", "repeat") or (b.kind == "caption" and not has_body):
            run.items.append(replace(b, kind="paragraph"))
        elif b.kind == "heading" and not run.items and (day := date_line(b.text)):
            run.posted = run.posted or day
            drops.block(b, "dateline")
        elif b.kind == "heading" and (run.items or is_part_label(b.text)):
            run.items.append(b)
        elif b.kind == "heading":
            heads.append(b)
        elif b.kind == "byline":
            run.byline.extend(byline_names(b.text) or [b.text])
            run.outlet = run.outlet or byline_outlet(b.text)
            drops.block(b, "byline")
        else:
            drops.block(b, _REASONS.get(b.kind, b.kind))
            run.source = run.source or _source_of(b)
            run.byline.extend(n for n in _analysts(b) if n not in run.byline)
    if heads:
        run.title, run.title_line = " ".join(h.text for h in heads), heads[0].first_line
    if not run.paragraphs:
        return Segmented([], tuple(drops.items))
    if not has_body:
        run.captions = captions
    return _place_drops(_to_articles(document, [run], [], drops), drops.items)


def _by_entry(document: Document, blocks: Sequence[Block]) -> Segmented:
    """A source that divides itself into articles (a feed's items): each entry is one
    article, with what the entry says of itself before what the source says."""
    articles: list[Article] = []
    dropped: list[Dropped] = []
    shared = replace(document.meta, title=None)  # (the feed's title is no item's)
    for entry in document.entries:
        found = single_article(replace(document, meta=merge_meta(entry.meta, shared)), entry.blocks_of(blocks))
        articles += [replace(a, index=len(articles) + i) for i, a in enumerate(found.articles)]
        dropped += found.dropped
    return Segmented(articles, tuple(dropped))


def _is_markdown_headline(blocks: Sequence[Block], i: int) -> bool:
    """A Markdown heading in place: the top-level one, or one a byline or dateline follows."""
    b = blocks[i]
    if b.level == 0:
        return False
    if b.level == 1:
        return True
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and (nxt.kind == "byline" or (nxt.kind == "paragraph" and parse_dateline(nxt.text) is not None))


def _source_of(b: Block) -> str | None:
    """The origin a site's notice credits, or the broker a report's furniture names, for the
    article it stands in."""
    return credited_source(b.text) if b.kind == "notice" else institute(b.text) if b.kind == "report" else None


def _analysts(b: Block) -> list[str]:
    """A report's analysts, named in its furniture: its authors."""
    return analysts(b.text) if b.kind == "report" else []


def _runs(blocks: Sequence[Block], drops: _Drops) -> tuple[list[_Run], list[_Floating], list[_Run]]:
    runs: list[_Run] = []
    floating: list[_Floating] = []
    photos: list[_Run] = []
    current = _Run()
    pending_heads: list[tuple[int, Block]] = []  # headings not yet known to be sections

    def close() -> None:
        nonlocal current
        for index, head in pending_heads:
            floating.append(_floating(head, index))
        pending_heads.clear()
        if current.paragraphs or current.title:
            if current.paragraphs:
                runs.append(current)
            elif current.title:
                floating.append(_Floating(current.title, current.title_line or 0, current.byline))
        current = _Run()

    for i, b in enumerate(blocks):
        if b.kind in _SET_ASIDE:
            drops.block(b, _REASONS[b.kind])
            current.source = current.source or _source_of(b)
            current.byline.extend(n for n in _analysts(b) if n not in current.byline)
            if b.kind == "notice" and not current.paragraphs:  # "发布时间：2024-04-18 来源：… 作者：…"
                day, author = page_line(b.text)
                current.posted = current.posted or day
                current.byline.extend([author] if author and author not in current.byline else [])
            continue
        if b.kind == "repeat":
            # printed twice within one article (a repeat after its closing byline belongs to
            # the article just closed); a paragraph two articles share stays in both
            article = current.paragraphs or (runs[-1].paragraphs if runs else [])
            if any(_same_words(p.text, b.text) for p in article):
                drops.block(b, _REASONS[b.kind])
                continue
            b = replace(b, kind="paragraph")
        if b.kind == "header":
            close()
            drops.block(b, _REASONS[b.kind])
            for piece in header_headlines(b.text):
                floating.append(_Floating(piece, b.first_line, header=True))
            continue
        if b.kind in ("heading", "paragraph") and (posted := post_line(b.text)) is not None:
            drops.block(b, _REASONS["byline"])  # a copied WeChat post's author, account and day
            author, current.outlet, current.posted = posted[0], current.outlet or posted[1], posted[2]
            current.byline.extend([author] if author else [])
            continue
        if b.kind == "heading" and not current.paragraphs and (day := date_line(b.text)):
            drops.block(b, "dateline")  # the date a copied page or a report prints under its title
            current.posted = current.posted or day
            continue
        if b.kind == "heading" and b.level > 0 and _is_markdown_headline(blocks, i):
            close()
            current.title, current.title_line = b.text, b.first_line
            # a headline with nothing after it but a byline floats (printed apart from its body)
            rest = list(itertools.islice((x for x in blocks[i + 1 :] if x.kind not in _SET_ASIDE and x.kind != "caption"), 2))
            if not any(x.kind in ("paragraph", "repeat") for x in rest):
                bylines = [n for x in rest[:1] if x.kind == "byline" for n in (byline_names(x.text) or [])]
                floating.append(_Floating(b.text, b.first_line, bylines))
                current = _Run()
            continue
        if b.kind == "heading":
            if b.page_start:
                close()
            if current.paragraphs or is_part_label(b.text):
                pending_heads.append((i, b))
            elif b.level >= 2 and current.title is not None:
                current.items.append(b)  # a Markdown section right under its title ("# 标题", "## 一、…")
            elif b.level == 0 or current.title is not None:
                floating.append(_floating(b, i))
            else:
                current.title, current.title_line = b.text, b.first_line
            continue
        if b.kind == "byline":
            drops.block(b, _REASONS[b.kind])
            names = byline_names(b.text) or [b.text.strip("▶►> ")]
            current.outlet = current.outlet or byline_outlet(b.text)
            if current.paragraphs and (i + 1 >= len(blocks) or blocks[i + 1].kind != "paragraph" or _trails(b, blocks, i)):
                current.byline.extend(names)  # a name closing the article
                close()
            elif current.paragraphs:
                close()
                current.byline.extend(names)
            else:
                current.byline.extend(names)
            continue
        if b.kind == "caption":
            if pending_heads:
                close()
            if not current.title and current.paragraphs and len(current.text) < _MAX_PHOTO_STORY_CHARS and not pending_heads:
                # a photo story, unless a floating headline turns out to be its own
                current.captions.append(b)
                close()
            elif not current.paragraphs and len(b.text) >= _MIN_PHOTO_ITEM_CAPTION_CHARS:
                photo = _Run(items=[replace(b, kind="paragraph")], byline=list(current.byline))
                photo.captions.append(b)
                photos.append(photo)
                current.byline = []
            else:
                drops.block(b, _REASONS[b.kind])
            continue
        # a paragraph
        dateline = parse_dateline(b.text)
        if b.page_start or (dateline is not None and current.paragraphs):
            close()
        if pending_heads and (current.paragraphs or all(is_part_label(head.text) for _, head in pending_heads)):
            current.items.extend(head for _, head in pending_heads)
            pending_heads.clear()
        current.items.append(b)
    close()
    return runs, floating, photos


def _floating(b: Block, index: int) -> _Floating:
    # matched to its body without the label of the part it heads ("报告要点核心资产拥有…")
    text = without_part_label(b.text) or b.text
    return _Floating(text, b.first_line, index=index, page_start=b.page_start, last_line=b.last_line)


def _same_words(a: str, b: str) -> bool:
    return re.sub(r"[\s\W_]+", "", a) == re.sub(r"[\s\W_]+", "", b)


def _trails(byline: Block, blocks: Sequence[Block], i: int) -> bool:
    """A byline on the last line of a paragraph belongs to the article it ends."""
    prev = blocks[i - 1] if i else None
    return prev is not None and prev.kind == "paragraph" and prev.last_line == byline.first_line


def _bigrams(text: str) -> set[str]:
    # Latin words and numbers are tokens of their own: "EPS0.63元" and "EPS 0.63元" agree
    chars = re.findall(r"[\u4e00-\u9fff]|[A-Za-z]+|[0-9][0-9.,]*%?", text)
    return {a + b for a, b in itertools.pairwise(chars)} | {c for c in chars if len(c) > 1}


def _similarity(headline: str, text: str, weight: dict[str, float] | None = None) -> float:
    """Share of the headline's character pairs that the text contains (rarer pairs weigh more)."""
    h = _bigrams(headline)
    if not h:
        return 0.0
    w = weight or {}
    total = sum(w.get(g, 1.0) for g in h)
    if not total:
        return 0.0
    return sum(w.get(g, 1.0) for g in h & _bigrams(text)) / total


class _Weights(dict):
    """How much a character pair says about which run a headline belongs to: pairs found in
    many runs say little (and pairs found in none of them say nothing at all)."""

    def __init__(self, grams: Sequence[set[str]]) -> None:
        super().__init__()
        self.runs = len(grams)
        self.found_in = Counter(g for gs in grams for g in gs)

    def __missing__(self, gram: str) -> float:
        n = self.found_in[gram]
        self[gram] = value = math.log(1 + self.runs / n) if n else 0.0
        return value


class _Nearby:
    """The runs a headline printed at a line may belong to: those on its page, at most
    ``_HEADLINE_REACH`` lines away (this keeps the matching linear in a file of thousands of
    articles)."""

    def __init__(self, runs: Sequence[_Run]) -> None:
        self.spans = [(r.first_line, r.last_line) for r in runs]
        self.order = sorted(range(len(runs)), key=lambda ri: self.spans[ri][0])
        self.starts = [self.spans[ri][0] for ri in self.order]
        self.longest = max((last - first for first, last in self.spans), default=0)

    def __call__(self, line: int) -> list[int]:
        lo = bisect.bisect_left(self.starts, line - _HEADLINE_REACH - self.longest)
        hi = bisect.bisect_right(self.starts, line + _HEADLINE_REACH)
        return sorted(
            ri for ri in self.order[lo:hi]
            if min(abs(line - self.spans[ri][0]), abs(line - self.spans[ri][1])) <= _HEADLINE_REACH
            or self.spans[ri][0] <= line <= self.spans[ri][1]
        )


def _assign_floating(runs: list[_Run], floating: list[_Floating], drops: _Drops) -> None:
    if not floating:  # every headline already heads its article (Markdown, HTML)
        return
    texts = [r.text for r in runs]
    weight = _Weights([_bigrams(t) for t in texts])
    near = _Nearby(runs)
    stacked = _split_under_stacked_headlines(runs, floating)
    if stacked:
        floating = [f for fi, f in enumerate(floating) if fi not in stacked]
        texts = [r.text for r in runs]
        weight = _Weights([_bigrams(t) for t in texts])
        near = _Nearby(runs)
    pool = _group_headlines(floating, runs, texts, weight, near)
    pairs = []
    for fi, f in enumerate(pool):
        for ri in near(f.line):
            r = runs[ri]
            if r.title:
                continue
            sim = _similarity(f.text, texts[ri], weight)
            distance = min(abs(f.line - r.first_line), abs(f.line - r.last_line))
            proximity = _PROXIMITY_WEIGHT * math.exp(-distance / _PROXIMITY_LINES)
            pairs.append((sim + proximity, sim, fi, ri))
    used_f: set[int] = set()
    for _score, sim, fi, ri in sorted(pairs, key=lambda p: (-p[0], p[2], p[3])):
        if fi in used_f or runs[ri].title or sim < _MIN_HEADLINE_MATCH:
            continue
        runs[ri].title, runs[ri].title_line = pool[fi].text, pool[fi].line
        runs[ri].byline.extend(n for n in pool[fi].byline if n not in runs[ri].byline)
        used_f.add(fi)
    # in a source of one untitled article, the headline left over nearest above its body heads
    # it: there is nothing else it could head ("报告要点核心资产拥有“万有引力”" shares few words with
    # the note under it)
    if len(runs) == 1 and not runs[0].title:
        above = [fi for fi, f in enumerate(pool) if fi not in used_f and not f.header and f.line <= runs[0].first_line]
        if above:
            fi = max(above, key=lambda fi: (pool[fi].line, fi))
            runs[0].title, runs[0].title_line = pool[fi].text, pool[fi].line
            runs[0].byline.extend(n for n in pool[fi].byline if n not in runs[0].byline)
            used_f.add(fi)
    # a headline left over right above an untitled run, nothing between (not even a blank
    # line), heads it however few words they share ("诠欣Q1 EPS估逆增…" over "工作天数恢复，连接器厂诠欣…")
    for fi, f in enumerate(pool):
        below = next((r for r in runs if r.first_line == f.last_line + 1), None)
        if fi not in used_f and not f.header and below is not None and not below.title:
            below.title, below.title_line = f.text, f.line
            below.byline.extend(n for n in f.byline if n not in below.byline)
            used_f.add(fi)
    for fi, f in enumerate(pool):
        if fi not in used_f and not _split_for(runs, f) and not f.header:
            drops.add(f.line, f.last_line, "unplaced headline", f.text)


_MAX_STACKED = 4


def _split_under_stacked_headlines(runs: list[_Run], floating: Sequence[_Floating]) -> set[int]:
    """Headlines printed one after another right above an untitled run, each opening a block of
    the text (set apart by blank lines in a dump, not the lines of one headline), and the run's text in
    as many parts, each matching its own headline and no other as well: the articles of a page
    set side by side, whose text dump (``pdftotext``) gives every headline first and then every
    article's text ("大立光Q1启动扩厂计划…", "强化三支柱！国寿拟收购…", then both texts). The run
    is cut where the headlines match their parts best; returns the headlines used. (A kicker
    over a headline matches no part of its own.)"""
    used: set[int] = set()
    for ri in range(len(runs) - 1, -1, -1):
        run = runs[ri]
        floor = runs[ri - 1].last_line if ri else 0
        stack = [fi for fi, f in enumerate(floating)
                 if floor < f.line and f.last_line < run.first_line and not f.header and f.index >= 0 and f.page_start]
        stack = stack[-_MAX_STACKED:]
        paragraphs = [k for k, b in enumerate(run.items) if b.kind == "paragraph"]
        if run.title or len(stack) < 2 or len(paragraphs) < len(stack) or any(
                floating[b].index != floating[a].index + 1 for a, b in itertools.pairwise(stack)):
            continue
        best: tuple[float, list[int]] | None = None
        for cuts in itertools.combinations(paragraphs[1:], len(stack) - 1):
            bounds = [0, *cuts, len(run.items)]
            parts = ["".join(b.text for b in run.items[a:z] if b.kind == "paragraph") for a, z in itertools.pairwise(bounds)]
            similarity = [[_similarity(floating[fi].text, part) for part in parts] for fi in stack]
            own = [row[n] for n, row in enumerate(similarity)]
            # each headline matches its own part, and that part better than any other
            distinct = all(row[n] >= _MIN_HEADLINE_MATCH and row[n] == max(row) and row.count(row[n]) == 1 for n, row in enumerate(similarity))
            if distinct and (best is None or sum(own) > best[0]):
                best = (sum(own), bounds)
        if best is None:
            continue
        pieces = [
            replace(run, items=run.items[a:z], title=floating[fi].text, title_line=floating[fi].line,
                    byline=[*run.byline, *floating[fi].byline])
            for fi, (a, z) in zip(stack, itertools.pairwise(best[1]), strict=True)
        ]
        runs[ri : ri + 1] = pieces
        used.update(stack)
    return used


def _group_headlines(
    floating: Sequence[_Floating], runs: Sequence[_Run], texts: Sequence[str], weight: dict[str, float], near: _Nearby
) -> list[_Floating]:
    """Join the lines of one printed headline (kicker, headline, subhead) and drop repeats.

    Lines that follow each other with nothing between are one headline when they match the
    same run best (two headlines of different articles can stand together too); a line
    opening with a dash is a subhead of the line above. A headline a page header repeats
    is taken where it is printed; other repeats count once.
    """

    def best_run(text: str, line: int) -> int | None:
        scores = [(_similarity(text, texts[ri], weight), ri) for ri in near(line) if not runs[ri].title]
        top = max(scores, default=(0.0, -1), key=lambda x: (x[0], -x[1]))
        return top[1] if top[0] >= _MIN_HEADLINE_MATCH else None

    groups: list[tuple[_Floating, int | None]] = []
    for f in sorted((f for f in floating if f.index >= 0), key=lambda f: f.index):
        best = best_run(f.text, f.line)
        if groups:
            g, g_best = groups[-1]
            # (a block of its own one blank line under it, as a text dump parts a subhead set
            # in another size, when both match the same run best)
            together = f.index == g.last_index + 1 and (not f.page_start or f.line == g.last_line + 2)
            # the line right under a headline that opens its block (no blank line between): its
            # second line, as a text dump gives a headline its column wrapped (not a name
            # closing the article before, "王强")
            wrapped = together and g.page_start and f.line == g.last_line + 1 and len(g.text) >= _MIN_DIGEST_HEADLINE
            if together and (wrapped or f.text.lstrip().startswith(("—", "-")) or (best is not None and best == g_best)):
                # (a wrapped headline's lines run on as text does: "传Z系" + "列卖太差…" is "传Z系列卖…")
                joined = join_wrapped(g.text, f.text) if wrapped else f"{g.text} {f.text}"
                g.text, g.last_line, g.last_index = joined, f.last_line, f.index
                g.parts.append(f.text)
                continue
        groups.append((replace(f, parts=list(f.parts)), best))
    printed = {without_spaces(p) for g, _ in groups for p in [*g.parts, g.text, *g.text.split()]}
    others = [f for f in floating if f.index < 0 and not (f.header and without_spaces(f.text) in printed)]
    seen: set[str] = set()
    pool = []
    for f in sorted([*others, *(g for g, _ in groups)], key=lambda f: (f.line, f.index)):
        if without_spaces(f.text) not in seen:
            seen.add(without_spaces(f.text))
            pool.append(f)
    return pool


def _split_for(runs: list[_Run], f: _Floating) -> bool:
    """Give a leftover headline the tail of a run that opens like a lead and matches it best."""
    best = None
    for ri, r in enumerate(runs):
        paras = [k for k, b in enumerate(r.items) if b.kind == "paragraph"]
        for k in paras[1:]:
            if not ends_sentence(r.items[k - 1].text if r.items[k - 1].kind == "paragraph" else "。"):
                continue
            tail = "".join(b.text for b in r.items[k:] if b.kind == "paragraph")
            sim_new = _similarity(f.text, tail)
            sim_own = _similarity(r.title or "", tail) if r.title else 0.0
            # where the paragraph opens like a lead, the headline need only match its tail
            # better; else, printed above the run (a text dump giving the headlines of two
            # articles side by side first, then both texts), far better
            lead = _LEAD.match(to_simplified(r.items[k].text))
            if not lead and f.line >= r.first_line:
                continue
            margin = 1.0 if lead else _FAR_BETTER
            if sim_new >= _MIN_SPLIT_MATCH and sim_new > margin * sim_own and (best is None or sim_new > best[0]):
                best = (sim_new, ri, k)
    if best is None:
        return False
    _, ri, k = best
    r = runs[ri]
    new = _Run(items=r.items[k:], title=f.text, title_line=f.line, byline=list(f.byline))
    r.items = r.items[:k]
    runs.insert(ri + 1, new)
    return True


def _to_articles(document: Document, runs: Sequence[_Run], photos: Sequence[_Run], drops: _Drops) -> list[Article]:
    year = _year(document)
    entries = [(r, "article") for r in runs] + [(p, "photo") for p in photos]
    entries.sort(key=lambda e: e[0].first_line)
    articles: list[Article] = []
    for run, kind in entries:
        article = _article(document, run, kind, year, len(articles), drops)
        if article is not None:
            articles.append(article)
    if len(articles) == 1 and articles[0].title is None and document.meta.title:
        articles[0] = replace(articles[0], title=document.meta.title)  # a front-matter or <title> title
    edition = shared_edition([a.meta for a in articles])
    return [replace(a, meta=merge_meta(a.meta, edition)) if not a.meta.date else a for a in articles]


def _year(document: Document) -> int | None:
    if document.meta.date and re.match(r"^\d{4}", document.meta.date):
        return int(document.meta.date[:4])
    return page_year(document.text)


def _article(document: Document, run: _Run, kind: str, year: int | None, index: int, drops: _Drops) -> Article | None:
    byline = [*document.meta.byline, *run.byline]  # (a name in both is kept once, below)
    meta = document.meta
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for b in run.items:
        if b.kind == "heading":
            sections.append((b.text, []))
            continue
        text = b.text
        if not any(paragraphs for _, paragraphs in sections):  # the first paragraph, maybe after a part label
            dateline = parse_dateline(text)
            if dateline is not None:
                drops.add(b.first_line, _line_at(document, b, dateline.end), "dateline", text[: dateline.end])
                text = text[dateline.end :].strip()
                byline.extend(x for x in dateline.reporters if x not in byline)
                date = iso_date(year, dateline.month, dateline.day)
                meta = merge_meta(meta, dateline_meta(dateline.publication, date))
        if text:
            sections[-1][1].append(text)
    if run.source:  # a dateline names the publication before a site's "来源" line does
        meta = merge_meta(meta, dateline_meta(run.source, None))
    if run.outlet:  # ... and both before the paper a byline names ("湖南日报全媒体记者 陈奕樊")
        meta = merge_meta(meta, dateline_meta(run.outlet, None))
    if run.posted:
        meta = merge_meta(meta, dateline_meta(None, run.posted))
    for caption in run.captions:
        words, credit, photographers = caption_credit(caption.text)
        byline.extend(n for n in photographers if n not in byline)
        body = "".join(sections[-1][1])
        if kind != "photo":
            drops.block(caption, "caption")
        elif caption.text not in body:  # a photo story: the caption's words close its body
            if words and words not in body:
                sections[-1][1].append(words)
            drops.add(caption.last_line, caption.last_line, "photo credit", credit)
    built = tuple(Section(h, tuple(ps)) for h, ps in sections if ps or h)
    built = tuple(s for s in built if s.paragraphs or s.heading)
    if not any(s.paragraphs for s in built):
        if run.title:
            drops.add(run.title_line or run.first_line, run.title_line or run.first_line, "unplaced headline", run.title)
        return None
    return Article(
        source=document.path,
        index=index,
        title=without_part_label(run.title or "") or None,  # none printed (or only a part label): the analysis proposes one
        sections=built,
        span=_span(run, kind),
        byline=tuple(dict.fromkeys(byline)),
        meta=as_published(meta),
        kind=kind,  # type: ignore[arg-type]
    )


def _line_at(document: Document, b: Block, offset: int) -> int:
    """The source line of a block that holds the character at ``offset - 1`` of its text
    (counted without whitespace, which reflow changes)."""
    need = len(re.sub(r"\s+", "", b.text[:offset]))
    lines = document.text.split("\n")
    seen = 0
    for number in range(b.first_line, b.last_line + 1):
        seen += len(re.sub(r"\s+", "", lines[number - 1])) if number <= len(lines) else 0
        if seen >= need:
            return number
    return b.last_line


def _span(run: _Run, kind: str) -> tuple[int, int]:
    """The source lines of an article; a photo item's caption is part of it."""
    lines = [(b.first_line, b.last_line) for b in run.items + (run.captions if kind == "photo" else [])]
    return min(a for a, _ in lines), max(b for _, b in lines)


def _place_drops(articles: list[Article], dropped: Sequence[Dropped]) -> Segmented:
    """Each dropped text goes to the article whose lines hold it (the narrowest, when spans
    overlap), else to the document."""
    own: dict[int, list[Dropped]] = {}
    outside: list[Dropped] = []
    for d in sorted(dropped, key=lambda d: (d.lines, d.reason, d.text)):
        holders = [i for i, a in enumerate(articles) if a.span[0] <= d.lines[0] <= a.span[1]]
        if holders:
            home = min(holders, key=lambda i: (articles[i].span[1] - articles[i].span[0], i))
            own.setdefault(home, []).append(d)
        else:
            outside.append(d)
    placed = [replace(a, dropped=tuple(own.get(i, ()))) for i, a in enumerate(articles)]
    return Segmented(placed, tuple(outside))
