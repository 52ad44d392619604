"""Reflow stage: repair the layout damage of extracted text into whole blocks.

Each format comes apart differently: a PDF text dump needs its hard-wrapped lines rebuilt
into paragraphs (:mod:`~generator.ingest.hardwrap`), Markdown, web and plain text come in
paragraphs (:mod:`~generator.ingest.paragraphs`). Then the damage columns do to any format is
mended (:mod:`~generator.ingest.columns`).
"""

from __future__ import annotations

from generator.data import Block, Document
from generator.ingest import reports
from generator.ingest.columns import mark_pull_quotes, mend_column_breaks
from generator.ingest.hardwrap import hardwrap_blocks
from generator.ingest.paragraphs import markdown_blocks, plain_blocks


def reflow(document: Document) -> list[Block]:
    if document.entries:
        # a feed's items are apart: a paragraph of one is no pull quote or repeat of another's
        blocks = markdown_blocks(document.text)
        return [b for e in document.entries for b in _mended(e.blocks_of(blocks))]
    if document.format in ("markdown", "html"):
        return _mended(markdown_blocks(document.text))
    # a research report's page furniture and end matter, on lines of their own in a text layer
    text, aside = reports.set_aside(document.text)
    if document.needs_reflow:
        blocks = hardwrap_blocks(text, headlines=document.headlines, widths=document.line_widths)
    else:
        blocks = plain_blocks(text)
    if aside:
        blocks = sorted([*blocks, *aside], key=lambda b: b.first_line)
    return _mended(blocks)


def _mended(blocks: list[Block]) -> list[Block]:
    """What columns do to any format, mended: pull quotes and repeats marked, paragraphs cut
    by a column break rejoined."""
    return mend_column_breaks(mark_pull_quotes(blocks))
