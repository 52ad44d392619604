"""Saved web pages: the main article text and title (trafilatura), never the page chrome.

Navigation, scripts, styles, comments and footers are dropped by the extractor; the result is
Markdown-like text (a '# title' line, paragraphs separated by blank lines) so segmentation
treats it like any Markdown source.
"""

from __future__ import annotations

import re

from generator.data import Document, SourceMeta
from generator.errors import SourceError
from generator.ingest.metadata import merge_meta
from generator.ingest.reader import Reader, Source

# Fewer word characters than this is a menu word or two, not an article.
_MIN_WORD_CHARS = 20
# How much of the text is sniffed for an HTML document start.
_SNIFF_CHARS = 2048


class HtmlReader(Reader):
    file_extensions = (".html", ".htm", ".xhtml")

    def claims_text(self, text: str) -> bool:
        head = text[:_SNIFF_CHARS].lstrip().lower()
        return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)

    def read_text(self, source: Source, text: str, encoding: str) -> Document:
        body, page_meta = html_to_text(text, source.shown)
        meta = merge_meta(source.sidecar, source.indexed, page_meta)
        return source.document(body, "html", meta, encoding=encoding)


def html_to_text(html: str, shown: str) -> tuple[str, SourceMeta | None]:
    import trafilatura

    # trafilatura's balanced setting first: favouring recall kept a news site's navigation,
    # date-and-source line and footer in the body of every page of bench/html_extraction.py
    # (sina, people.cn and cnyes layouts) and lost no paragraph more; recall only where the
    # balanced pass finds no article
    for favor_recall in (False, True):
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_recall=favor_recall,
        )
        text = (doc.text or "").strip() if isinstance(doc, trafilatura.settings.Document) else ""
        if len(re.findall(r"\w", text)) >= _MIN_WORD_CHARS:
            break
    if len(re.findall(r"\w", text)) < _MIN_WORD_CHARS:
        raise SourceError(f"{shown}: no article text found in the web page")
    assert isinstance(doc, trafilatura.settings.Document)
    title = (doc.title or "").strip() or None
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    body = (f"# {title}\n\n" if title else "") + "\n\n".join(paragraphs) + "\n"
    meta = SourceMeta(
        publication=(doc.sitename or None),
        date=(doc.date or None),
        url=(doc.url or None),
        title=title,
        origin="html",
    )
    return body, meta
