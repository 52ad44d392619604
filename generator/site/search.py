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
        self.stack: list[tuple[str, dict]] = []
        self.seen_h2 = False
        self.body: list[str] = []
        self.english: list[str] = []
        self.alt: list[str] = []
        self.meta: list[str] = []
        self.cells: list[str] = []
        self.fulltext = False

    def _inside(self, test) -> bool:
        return any(test(tag, attrs) for tag, attrs in self.stack)

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = dict(attrs_list)
        if tag in {"br", "hr", "img", "input", "meta", "link"}:
            self._break()
            return
        if tag == "h2" and not self._inside(lambda t, a: "briefing-fulltext" in (a.get("class") or "")):
            self.seen_h2 = True
        if "briefing-fulltext" in (attrs.get("class") or ""):
            self.fulltext = True
        self.stack.append((tag, attrs))
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
        if self._inside(lambda t, a: "headerlink" in (a.get("class") or "")):
            return
        in_fulltext = self._inside(lambda t, a: "briefing-fulltext" in (a.get("class") or ""))
        if in_fulltext:
            if not self._inside(lambda t, a: t == "h2"):  # the section's own heading
                self.body.append(data)
            return
        if self._inside(lambda t, a: t in {"h1", "h2", "th", "summary", "nav", "script", "style", "code"}):
            return
        if self._inside(lambda t, a: a.get("lang") == "en"):
            self.english.append(data)
        elif self._inside(lambda t, a: t == "td"):
            self.cells.append(data)
        elif not self.seen_h2:
            zh = self._inside(lambda t, a: a.get("lang") == "zh")
            (self.alt if zh else self.meta).append(data)


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
