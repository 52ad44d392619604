"""Segment stage: repaired blocks become articles with titles, bylines and sections.

How a newspaper page is read:
- a page block, a page header, a dateline ("本报讯", "X报X月X日讯") or a leading byline
  starts a new run of text; a trailing byline ends one;
- a heading with body text before and after it in the same run is a section head;
- other headings (and the headlines a page header runs together) float: text extracted
  from PDF pages often prints a headline after its body. Each floating headline goes to the
  untitled run whose text shares most of its words (nearby runs win ties); a headline left
  over splits a run at a paragraph that opens like a news lead, when the text after that
  point matches it better than its own title;
- Markdown headings that are followed by a byline or a dateline are headlines in place;
- captions never join a body: a short untitled run that ends in a caption is a photo item,
  other captions are dropped; pull quotes were marked by reflow and are dropped here.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from generator.data import Article, Block, Document, Section
from generator.ingest.datelines import iso_date, page_year, parse_dateline
from generator.ingest.furniture import byline_names, caption_credit, header_headlines
from generator.ingest.metadata import dateline_meta, merge_meta, shared_edition
from generator.text import ends_sentence

# A paragraph that opens like a news lead: where a run may be split for a leftover headline.
_LEAD = re.compile(r"^(\d{1,2}月\d{1,2}日|今天|昨天|近日|日前|本报讯)")
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
_PROXIMITY_LINES = 40


@dataclass
class _Run:
    """A stretch of body text being assembled into an article."""

    items: list[Block] = field(default_factory=list)  # paragraphs and section heads
    title: str | None = None
    title_line: int | None = None
    byline: list[str] = field(default_factory=list)
    captions: list[Block] = field(default_factory=list)

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


def segment(document: Document, blocks: Sequence[Block]) -> list[Article]:
    runs, floating, photos = _runs(blocks)
    runs = [r for r in runs if r.paragraphs]
    _assign_floating(runs, floating)
    photos += [r for r in runs if r.captions and not r.title]
    runs = [r for r in runs if not (r.captions and not r.title)]
    articles = _to_articles(document, runs, photos)
    return articles


def single_article(document: Document, blocks: Sequence[Block]) -> list[Article]:
    """The whole source as one article (``--single-article``): no segmentation at all."""
    run = _Run()
    for b in blocks:
        if b.kind == "paragraph" or (b.kind == "heading" and run.paragraphs):
            run.items.append(b)
        elif b.kind == "heading" and run.title is None:
            run.title, run.title_line = b.text, b.first_line
        elif b.kind == "byline":
            run.byline.extend(byline_names(b.text) or [b.text])
    if not run.paragraphs:
        return []
    return _to_articles(document, [run], [])


def _is_markdown_headline(blocks: Sequence[Block], i: int) -> bool:
    """A Markdown heading in place: the top-level one, or one a byline or dateline follows."""
    b = blocks[i]
    if b.level == 0:
        return False
    if b.level == 1:
        return True
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and (nxt.kind == "byline" or (nxt.kind == "paragraph" and parse_dateline(nxt.text) is not None))


def _runs(blocks: Sequence[Block]) -> tuple[list[_Run], list[_Floating], list[_Run]]:
    runs: list[_Run] = []
    floating: list[_Floating] = []
    photos: list[_Run] = []
    current = _Run()
    pending_heads: list[Block] = []  # headings not yet known to be sections

    def close() -> None:
        nonlocal current
        for head in pending_heads:
            floating.append(_Floating(head.text, head.first_line))
        pending_heads.clear()
        if current.paragraphs or current.title:
            if current.paragraphs:
                runs.append(current)
            elif current.title:
                floating.append(_Floating(current.title, current.title_line or 0, current.byline))
        current = _Run()

    for i, b in enumerate(blocks):
        if b.kind in ("quote",):
            continue
        if b.kind == "header":
            close()
            for piece in header_headlines(b.text):
                floating.append(_Floating(piece, b.first_line))
            continue
        if b.kind == "heading" and b.level > 0 and _is_markdown_headline(blocks, i):
            close()
            current.title, current.title_line = b.text, b.first_line
            # a headline with nothing after it but a byline floats (printed apart from its body)
            rest = [x for x in blocks[i + 1 :] if x.kind not in ("quote", "caption")]
            if not any(x.kind == "paragraph" for x in rest[:2]):
                bylines = [n for x in rest[:1] if x.kind == "byline" for n in (byline_names(x.text) or [])]
                floating.append(_Floating(b.text, b.first_line, bylines))
                current = _Run()
            continue
        if b.kind == "heading":
            if b.page_start:
                close()
            if current.paragraphs:
                pending_heads.append(b)
            elif b.level == 0:
                floating.append(_Floating(b.text, b.first_line))
            elif current.title is None:
                current.title, current.title_line = b.text, b.first_line
            else:
                floating.append(_Floating(b.text, b.first_line))
            continue
        if b.kind == "byline":
            names = byline_names(b.text) or [b.text.strip("▶►> ")]
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
            continue
        # a paragraph
        dateline = parse_dateline(b.text)
        if b.page_start or (dateline is not None and current.paragraphs):
            close()
        if pending_heads and current.paragraphs:
            current.items.extend(pending_heads)
            pending_heads.clear()
        current.items.append(b)
    close()
    return runs, floating, photos


def _trails(byline: Block, blocks: Sequence[Block], i: int) -> bool:
    """A byline on the last line of a paragraph belongs to the article it ends."""
    prev = blocks[i - 1] if i else None
    return prev is not None and prev.kind == "paragraph" and prev.last_line == byline.first_line


def _bigrams(text: str) -> set[str]:
    chars = re.findall(r"[\u4e00-\u9fff]|[A-Za-z0-9.%]+", text)
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


def _assign_floating(runs: list[_Run], floating: list[_Floating]) -> None:
    seen: set[str] = set()
    pool = []
    for f in floating:
        key = re.sub(r"\s+", "", f.text)
        if key not in seen:
            seen.add(key)
            pool.append(f)
    texts = [r.text for r in runs]
    grams = [_bigrams(t) for t in texts]
    # pairs found in many runs say little about which run a headline belongs to
    # (and pairs found in none of them say nothing at all)
    df = {g: sum(g in gs for gs in grams) for f in pool for g in _bigrams(f.text)}
    weight = {g: math.log(1 + len(runs) / n) if n else 0.0 for g, n in df.items()}
    pairs = []
    for fi, f in enumerate(pool):
        for ri, r in enumerate(runs):
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
    for fi, f in enumerate(pool):
        if fi not in used_f:
            _split_for(runs, f)


def _split_for(runs: list[_Run], f: _Floating) -> bool:
    """Give a leftover headline the tail of a run that opens like a lead and matches it best."""
    best = None
    for ri, r in enumerate(runs):
        paras = [k for k, b in enumerate(r.items) if b.kind == "paragraph"]
        for k in paras[1:]:
            if not _LEAD.match(r.items[k].text) or not ends_sentence(r.items[k - 1].text if r.items[k - 1].kind == "paragraph" else "。"):
                continue
            tail = "".join(b.text for b in r.items[k:] if b.kind == "paragraph")
            sim_new = _similarity(f.text, tail)
            sim_own = _similarity(r.title or "", tail) if r.title else 0.0
            if sim_new >= _MIN_SPLIT_MATCH and sim_new > sim_own and (best is None or sim_new > best[0]):
                best = (sim_new, ri, k)
    if best is None:
        return False
    _, ri, k = best
    r = runs[ri]
    new = _Run(items=r.items[k:], title=f.text, title_line=f.line, byline=list(f.byline))
    r.items = r.items[:k]
    runs.insert(ri + 1, new)
    return True


def _to_articles(document: Document, runs: Sequence[_Run], photos: Sequence[_Run]) -> list[Article]:
    year = _year(document)
    entries = [(r, "article") for r in runs] + [(p, "photo") for p in photos]
    entries.sort(key=lambda e: e[0].first_line)
    articles: list[Article] = []
    for run, kind in entries:
        article = _article(document, run, kind, year, len(articles))
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


def _article(document: Document, run: _Run, kind: str, year: int | None, index: int) -> Article | None:
    byline = list(run.byline)
    meta = document.meta
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for n, b in enumerate(run.items):
        if b.kind == "heading":
            sections.append((b.text, []))
            continue
        text = b.text
        if n == 0 or (not sections[-1][1] and len(sections) == 1):
            dateline = parse_dateline(text)
            if dateline is not None:
                text = text[dateline.end :].strip()
                byline.extend(x for x in dateline.reporters if x not in byline)
                date = iso_date(year, dateline.month, dateline.day)
                meta = merge_meta(meta, dateline_meta(dateline.publication, date))
        if text:
            sections[-1][1].append(text)
    for caption in run.captions:
        words, photographers = caption_credit(caption.text)
        byline.extend(n for n in photographers if n not in byline)
        if kind == "photo" and words and words not in "".join(sections[-1][1]):
            sections[-1][1].append(words)
    built = tuple(Section(h, tuple(ps)) for h, ps in sections if ps or h)
    built = tuple(s for s in built if s.paragraphs or s.heading)
    if not any(s.paragraphs for s in built):
        return None
    return Article(
        source=document.path,
        index=index,
        title=run.title or None,  # none printed: the analysis proposes one
        sections=built,
        span=(run.first_line, run.last_line),
        byline=tuple(dict.fromkeys(byline)),
        meta=meta,
        kind=kind,  # type: ignore[arg-type]
    )
