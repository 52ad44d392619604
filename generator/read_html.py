"""Saved web pages: the main article text and title (trafilatura), never the page chrome.

Navigation, scripts, styles, comments and footers are dropped by the extractor; the result is
Markdown-like text (a '# title' line, paragraphs separated by blank lines) so segmentation
treats it like any Markdown source.
"""

from __future__ import annotations

import re

from generator.data import SourceMeta


def html_to_text(html: str, shown: str) -> tuple[str, SourceMeta | None]:
    import trafilatura

    from generator.read import SourceError

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_recall=True,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(re.findall(r"\w", text)) < 20:  # a menu word or two is not an article
        raise SourceError(f"{shown}: no article text found in the web page")
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
