"""Text files: plain text, PDF text dumps (hard-wrapped lines) and Markdown.

Which of the three a file is, is read from its content as much as its suffix: Markdown is
often saved as ``.txt``, and a PDF text dump needs the reflow stage to rebuild paragraphs.
"""

from __future__ import annotations

import itertools
import re

from generator.data import Document, SourceFormat
from generator.errors import SourceError
from generator.ingest.metadata import folio_meta, merge_meta, read_front_matter
from generator.ingest.reader import Reader, Source
from generator.ingest.side_by_side import unfold_columns
from generator.text import display_width, ends_sentence


class TextReader(Reader):
    """Plain text, PDF text dumps (hard-wrapped lines) and Markdown, with YAML front matter."""

    file_extensions = (".txt", ".text", ".md", ".markdown")
    markdown_extensions = (".md", ".markdown")

    def read_text(self, source: Source, text: str, encoding: str) -> Document:
        text, front = read_front_matter(text, source.shown, source.warnings)
        if not text.strip():
            raise SourceError(f"{source.shown}: no text after the front matter")
        suffix = source.path.suffix.lower()
        fmt: SourceFormat = "markdown" if suffix in self.markdown_extensions or looks_like_markdown(text) else "text"
        # a page's columns side by side on each line (pdftotext -layout): one after another,
        # and the lines are no longer the file's
        unfolded = unfold_columns(text) if fmt == "text" else None
        text = unfolded or text
        dump = fmt == "text" and looks_hard_wrapped(text)
        meta = merge_meta(front, source.sidecar, source.indexed, folio_meta(text) if dump else None)
        return source.document(text, fmt, meta, encoding=encoding, needs_reflow=dump, extracted=unfolded is not None)


_MD_HEADING = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)
_MD_OTHER = re.compile(r"^(\s*[-*+]\s+\S|\s*>\s|```|\s*\d+\.\s+\S)", re.MULTILINE)
# Markdown saved as .txt: one ATX heading, or this many other block marks.
_MD_OTHER_MARKS = 3
# A PDF text dump: at least this many non-empty lines...
_DUMP_MIN_LINES = 8
# ...whose median length (characters) is at most this: a newspaper column, not prose lines...
_DUMP_MAX_MEDIAN = 60
# ...and of which this share is within a fifth of the median (at least 2 characters).
_DUMP_SAME_WIDTH_SHARE = 0.5
# Or this share of its lines run on into the next mid-sentence
_DUMP_BROKEN_SHARE = 0.5


def looks_like_markdown(text: str) -> bool:
    """Markdown saved as .txt: ATX headings (or several other block marks) decide it."""
    return len(_MD_HEADING.findall(text)) >= 1 or len(_MD_OTHER.findall(text)) >= _MD_OTHER_MARKS


def looks_hard_wrapped(text: str) -> bool:
    """A PDF text dump: most non-empty lines are short and of about the same width (as set:
    a line with Latin words and digits holds more characters, "Holdings Plc)分析师…"), or
    most lines break off mid-sentence into the next (a page of columns of two widths, an
    article set across the page under narrower columns)."""
    all_lines = text.split("\n")
    lines = [line.strip() for line in all_lines if line.strip()]
    if len(lines) < _DUMP_MIN_LINES:
        return False
    lengths = sorted(round(display_width(line)) for line in lines)
    median = lengths[len(lengths) // 2]
    near = sum(1 for n in lengths if abs(n - median) <= max(2, median // 5))
    if median <= _DUMP_MAX_MEDIAN and near / len(lengths) >= _DUMP_SAME_WIDTH_SHARE:
        return True
    broken = sum(
        1 for line, nxt in itertools.pairwise(all_lines) if line.strip() and nxt.strip() and not ends_sentence(line) and display_width(line.strip()) <= _DUMP_MAX_MEDIAN
    )
    return broken >= _DUMP_BROKEN_SHARE * len(lines)
