"""PDF files: the text layer, column by column, as a PDF text dump the reflow stage repairs.

Newspaper pages set text in columns; reading a page line by line across the columns would
interleave two articles. Each page is cut at the widest vertical gap in its characters'
x-positions when that gap runs the full height of the text, and the columns are read left
to right.
"""

from __future__ import annotations

import io

from generator.data import Document
from generator.errors import SourceError
from generator.ingest.metadata import merge_meta
from generator.ingest.reader import Reader, Source

# A page with fewer characters than this is read whole (too little to find columns in).
_MIN_CHARS_FOR_COLUMNS = 40
# The page width is cut into this many slots to find the gaps between columns.
_SLOTS = 100
# A gutter is at least this many empty slots wide...
_MIN_GUTTER_SLOTS = 2
# ...and at least this many slots away from the text's left and right edges.
_MIN_COLUMN_SLOTS = 10


class PdfReader(Reader):
    file_extensions = (".pdf",)
    binary = True

    def claims_bytes(self, raw: bytes) -> bool:
        return raw.startswith(b"%PDF-")

    def read(self, source: Source) -> Document:
        text = pdf_text(source.raw, source.shown)
        meta = merge_meta(source.sidecar, source.indexed)
        return source.document(text, "pdf", meta, needs_reflow=True)


def pdf_text(raw: bytes, shown: str) -> str:
    import pdfplumber

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if not pdf.pages:
                raise SourceError(f"{shown}: the PDF has no pages")
            for page in pdf.pages:
                for column in _columns(page):
                    text = column.extract_text(layout=False) or ""
                    if text.strip():
                        pages.append(text)
    except SourceError:
        raise
    except Exception as exc:  # pdfminer raises many kinds (wrapped by pdfplumber), all meaning "cannot read"
        raise SourceError(f"{shown}: {_plain_reason(exc)}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise SourceError(f"{shown}: the PDF has no text layer (scanned pages need OCR first)")
    # A PDF text dump: each page block starts on a new line led by a space, like other dumps.
    return "\n".join(" " + block if i else block for i, block in enumerate(pages)) + "\n"


def _plain_reason(exc: Exception) -> str:
    """What a pdfminer exception (often wrapped in pdfplumber's) means for the user."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = inner.__class__.__name__
    if "Password" in name or "Encryption" in name:
        return "the PDF is encrypted (password protected); save a copy without the password"
    if "ExtractionNotAllowed" in name:
        return "the PDF does not allow its text to be copied"
    return "the PDF is damaged or incomplete and cannot be read"


def _columns(page):
    """Crop boxes of the page's text columns, left to right (the page itself if one column)."""
    chars = page.chars
    if len(chars) < _MIN_CHARS_FOR_COLUMNS:
        return [page]
    x0, x1 = page.bbox[0], page.bbox[2]
    width = x1 - x0
    covered = [0] * _SLOTS
    for ch in chars:
        a = int((ch["x0"] - x0) / width * _SLOTS)
        b = int((ch["x1"] - x0) / width * _SLOTS)
        for i in range(max(0, a), min(_SLOTS, b + 1)):
            covered[i] += 1
    left = min(int((min(c["x0"] for c in chars) - x0) / width * _SLOTS), _SLOTS - 1)
    right = max(int((max(c["x1"] for c in chars) - x0) / width * _SLOTS), 0)
    cuts = []
    i = left
    while i < right:
        if covered[i] == 0:
            j = i
            while j < right and covered[j] == 0:
                j += 1
            if j - i >= _MIN_GUTTER_SLOTS and left + _MIN_COLUMN_SLOTS < i and j < right - _MIN_COLUMN_SLOTS:
                cuts.append((i + j) / 2 / _SLOTS * width + x0)
            i = j
        else:
            i += 1
    if not cuts:
        return [page]
    edges = [x0, *cuts, x1]
    return [page.crop((edges[k], page.bbox[1], edges[k + 1], page.bbox[3])) for k in range(len(edges) - 1)]
