"""The site's search index: one entry per article page, the fields a reader searches.

Material's search indexed every section of every page, split Chinese with jieba, and could
not find a phrase, a number with its unit, a single character inside a word or traditional
characters. The site's search worker (``search_assets/worker.js``, speaking Material's worker
protocol, so Material's search box and result list stay) finds any substring instead; this
module gives it what to search:

- an article page (it carries the ``briefing-fulltext`` block) becomes its title, its Chinese
  title when the shown one is English, the full text, the English of the page (summary, key
  figures) and its dateline, each once; the summary and figure sentences are copies of the
  full text and are left out;
- every other page (editions, publications, sources, topics) only by its title, and ranked
  after the articles, so an edition never outranks or repeats its articles;
- the traditional → simplified folding table (OpenCC's, one character for one: offsets stay
  valid), cut to the characters that can match something in the index;
- the glossary's English names, so that "Changsha" finds 长沙.

The text is stored as the page shows it (the worker folds it when it loads), so snippets and
highlighting keep the article's own script. Size grows with the text, one copy per article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from generator.text import to_simplified

INDEX_VERSION = 1
# Where the index and the worker live in the built site (the worker finds the index relative to itself).
INDEX_PATH = "search/briefing.json"
WORKER_PATH = "assets/javascripts/workers/briefing-search.js"
HIGHLIGHT_PATH = "assets/javascripts/briefing-search-highlight.js"

_FOLDABLE_RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00))
# Footnote marks the figures table adds to a figure ("3.26万亿元 ¹"); not part of the text.
_MARKS = re.compile(r"\s*[\u00b9\u00b2\u00b3\u2070-\u2079]+")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "div", "br", "blockquote", "dd", "dt"}


@dataclass(frozen=True)
class Entry:
    """One page of the index: ``body`` is empty for a page indexed by its title only."""

    url: str
    title: str
    alt_title: str = ""
    body: str = ""
    english: str = ""
    meta: str = ""

    def row(self) -> list[str]:
        if not self.body:
            return [self.url, self.title]
        return [self.url, self.title, self.alt_title, self.body, self.english, self.meta]


class _Extractor(HTMLParser):
    """Collects the searchable pieces of a rendered article page (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        # the open elements, each with what it and its ancestors are (a _Context), so text
        # asks the innermost element instead of walking the stack
        self.stack: list[tuple[str, _Context]] = []
        self.seen_h2 = False
        self.body: list[str] = []
        self.english: list[str] = []
        self.alt: list[str] = []
        self.meta: list[str] = []
        self.cells: list[str] = []
        self.fulltext = False

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = dict(attrs_list)
        if tag in {"br", "hr", "img", "input", "meta", "link"}:
            self._break()
            return
        outer = self.stack[-1][1] if self.stack else _NOWHERE
        if tag == "h2" and not outer.fulltext:
            self.seen_h2 = True
        classes, lang = attrs.get("class") or "", attrs.get("lang")
        if "briefing-fulltext" in classes:
            self.fulltext = True
        self.stack.append((tag, _Context(
            headerlink=outer.headerlink or "headerlink" in classes,
            fulltext=outer.fulltext or "briefing-fulltext" in classes,
            heading=outer.heading or tag == "h2",
            unsearched=outer.unsearched or tag in _UNSEARCHED,
            english=outer.english or lang == "en",
            cell=outer.cell or tag == "td",
            chinese=outer.chinese or lang == "zh",
        )))
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _BLOCKS:
            self._break()

    def _break(self) -> None:
        for part in (self.body, self.english, self.alt, self.meta, self.cells):
            if part and part[-1] != "\n":
                part.append("\n")

    def handle_data(self, data: str) -> None:
        inside = self.stack[-1][1] if self.stack else _NOWHERE
        if inside.headerlink:
            return
        if inside.fulltext:
            if not inside.heading:  # the section's own heading
                self.body.append(data)
            return
        if inside.unsearched or inside.heading:
            return
        if inside.english:
            self.english.append(data)
        elif inside.cell:
            self.cells.append(data)
        elif not self.seen_h2:
            (self.alt if inside.chinese else self.meta).append(data)


@dataclass(frozen=True)
class _Context:
    """What an element is inside (itself included)."""

    headerlink: bool = False  # a heading's permalink
    fulltext: bool = False  # the article's full text
    heading: bool = False  # an h2
    unsearched: bool = False  # a title, table header, menu, script or code
    english: bool = False
    cell: bool = False  # a table cell
    chinese: bool = False


_NOWHERE = _Context()
_UNSEARCHED = frozenset({"h1", "th", "summary", "nav", "script", "style", "code"})


def _lines(parts: list[str]) -> list[str]:
    text = "".join(parts)
    return [line for line in (_SPACE.sub(" ", raw).strip() for raw in text.split("\n")) if line]


def article_entry(url: str, title: str, html: str) -> Entry | None:
    """The index entry of an article page, or None when the page is not an article."""
    if "briefing-fulltext" not in html:
        return None
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    body = "\n".join(_lines(parser.body))
    if not body:
        return None
    # Figure cells repeat the full text ("3.26万亿元 ¹", the metric); keep what the text lacks.
    cells = [c for c in (_MARKS.sub("", line) for line in _lines(parser.cells)) if c and c not in body]
    english = [line for line in _lines(parser.english) if not line.startswith("English not generated")]
    alt = " ".join(_lines(parser.alt))
    return Entry(
        url=url,
        title=title,
        alt_title="" if alt == title else alt,
        body=body,
        english="\n".join(_dedupe(english + cells)),
        meta=" ".join(_lines(parser.meta)),
    )


def _dedupe(lines: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(lines))


def fold_table(text: str) -> tuple[str, str]:
    """OpenCC's traditional → simplified pairs whose simplified side occurs in ``text``: a
    query character folded to anything else could not match the index anyway."""
    chars = "".join(chr(c) for lo, hi in _FOLDABLE_RANGES for c in range(lo, hi))
    folded = to_simplified(chars)
    present = set(to_simplified(text))
    pairs = [(t, s) for t, s in zip(chars, folded, strict=True) if t != s and s in present]
    return "".join(t for t, _ in pairs), "".join(s for _, s in pairs)


def build_index(entries: Iterable[Entry], glossary: Iterable[tuple[str, str]] = ()) -> str:
    """The index as the worker reads it: compact JSON, UTF-8 as is, pages in URL order."""
    pages = sorted(entries, key=lambda e: e.url)
    text = "".join(e.title + e.alt_title + e.body + e.english + e.meta for e in pages)
    folded = to_simplified(text)
    names = sorted({(en.lower(), zh) for zh, en in glossary if en and to_simplified(zh) in folded})
    data = {
        "version": INDEX_VERSION,
        "fold": list(fold_table(text)),
        "names": [list(pair) for pair in names],
        "pages": [e.row() for e in pages],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
