"""PDF files: the text layer, column by column, as a PDF text dump the reflow stage repairs.

Newspaper pages set text in columns; reading a page line by line across the columns would
interleave two articles. Each page is cut at the widest vertical gap in its characters'
x-positions when that gap runs the full height of the text, and the columns are read left
to right.
"""

from __future__ import annotations

import io


def pdf_text(raw: bytes, shown: str) -> str:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    from generator.read import SourceError

    pages: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for page in pdf.pages:
                for column in _columns(page):
                    text = column.extract_text(layout=False) or ""
                    if text.strip():
                        pages.append(text)
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise SourceError(f"{shown}: unreadable PDF ({exc.__class__.__name__})") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        raise SourceError(f"{shown}: unreadable PDF ({exc.__class__.__name__})") from None
    text = "\n".join(pages)
    if not text.strip():
        raise SourceError(f"{shown}: the PDF has no text layer (scanned pages need OCR first)")
    # A PDF text dump: each page block starts on a new line led by a space, like other dumps.
    return "\n".join(" " + block if i else block for i, block in enumerate(pages)) + "\n"


def _columns(page):
    """Crop boxes of the page's text columns, left to right (the page itself if one column)."""
    chars = page.chars
    if len(chars) < 40:
        return [page]
    x0, x1 = page.bbox[0], page.bbox[2]
    width = x1 - x0
    bins = 100
    covered = [0] * bins
    for ch in chars:
        a = int((ch["x0"] - x0) / width * bins)
        b = int((ch["x1"] - x0) / width * bins)
        for i in range(max(0, a), min(bins, b + 1)):
            covered[i] += 1
    left = min(int((min(c["x0"] for c in chars) - x0) / width * bins), bins - 1)
    right = max(int((max(c["x1"] for c in chars) - x0) / width * bins), 0)
    cuts = []
    i = left
    while i < right:
        if covered[i] == 0:
            j = i
            while j < right and covered[j] == 0:
                j += 1
            if j - i >= 2 and left + 10 < i and j < right - 10:
                cuts.append((i + j) / 2 / bins * width + x0)
            i = j
        else:
            i += 1
    if not cuts:
        return [page]
    edges = [x0, *cuts, x1]
    return [page.crop((edges[k], page.bbox[1], edges[k + 1], page.bbox[3])) for k in range(len(edges) - 1)]
