"""PDF files: the text layer, column by column, as a PDF text dump the reflow stage repairs.

Newspaper pages set text in columns; reading a page line by line across the columns would
interleave two articles. A page is cut at the gutters that run the height of its text
(columns, read left to right), and where a headline runs across the columns or articles are
stacked, first at the gaps that run across it (read top to bottom), and so on within each
part (a recursive XY-cut). The columns under a headline follow each other in one block of
the dump, as its article flows on from one into the next; the reflow stage repairs the
column breaks.

Taiwan's and Hong Kong's papers set their text in vertical lines, read top to bottom and
right to left, under headlines that may run across. Read across, such a page is a column of
single characters. A page where most characters follow the one before them downwards is
read as it is set: the page is cut into bands at the gaps that run across it (stacked
articles, or a picture across one), and each band's lines are read right to left, a
headline just before the first line under it. As in a horizontal page's text dump, a short
line ends a paragraph, and a part that opens on a headline starts a block of the dump.
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import re
import statistics

from generator.data import Document
from generator.errors import SourceError
from generator.ingest.metadata import folio_meta, merge_meta
from generator.ingest.reader import Reader, Source
from generator.text import unify_ideographs

# A page with fewer characters than this is read whole (too little to find columns in).
_MIN_CHARS_FOR_COLUMNS = 40
# A gutter between columns is at least this share of the page's width wide...
_MIN_GUTTER = 0.02
# ...and leaves no column narrower than this share of it.
_MIN_COLUMN = 0.10


class PdfReader(Reader):
    file_extensions = (".pdf",)
    binary = True

    def claims_bytes(self, raw: bytes) -> bool:
        return raw.startswith(b"%PDF-")

    def read(self, source: Source) -> Document:
        text, headlines, widths = pdf_text(source.raw, source.shown, source.warnings)
        meta = merge_meta(source.sidecar, source.indexed, folio_meta(text))
        return source.document(text, "pdf", meta, needs_reflow=True, headlines=headlines, line_widths=widths)


# A character pdfminer could not map to text, and the share of them past which a PDF is unreadable
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_MAX_UNREADABLE = 0.2
# A page is read as vertical text when at least this share of its characters stand in vertical lines.
_VERTICAL_SHARE = 0.5
# (in character sizes) how far the next character of a vertical line may stand below the last,
# and across from where the line started (digits set side by side inside it: "10月")
_LINE_STEP = 2.5
_LINE_WIDTH = 1.6
# (in character sizes) a gap across a page at least this tall separates two bands of text
_BAND_GAP = 1.5
# A line set at least this much larger than the page's text is a headline
_HEADLINE_SIZE = 1.3
# ... and one right over or under a headline set at least this much larger is a part of it, a
# kicker ("引题") or a subhead ("副题"), which papers often set only a size above the text
_PART_SIZE = 1.15


# A line of the dump, whether it is set as a headline (larger than the page's text), and its
# length on the page in characters of the page's text
_DumpLine = tuple[str, bool, float]


def pdf_text(raw: bytes, shown: str, warnings: list[str] | None = None) -> tuple[str, tuple[int, ...], tuple[float, ...]]:
    """The PDF as a text dump, the numbers of its lines that are set as headlines, and each
    line's length on the page: a dump shows neither, and reflow is told them.

    A character whose font maps it to no Unicode text (pdfminer writes it "(cid:4096)") cannot
    be read: a page made of them is an error, a few are left out with a warning."""
    import pdfplumber

    # pdfminer logs what it works around in a damaged font ("Could not get FontBBox…"); what
    # the reader cannot read is reported here, once, in words
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    blocks: list[list[_DumpLine]] = []
    unreadable = total = 0
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if not pdf.pages:
                raise SourceError(f"{shown}: the PDF has no pages")
            for page in pdf.pages:
                chars = [c for c in page.chars if c["text"].strip()]
                readable = [c for c in chars if not _UNMAPPED.fullmatch(c["text"])]
                unreadable, total = unreadable + len(chars) - len(readable), total + len(chars)
                if len(readable) < len(chars):
                    page = page.filter(lambda o: o.get("object_type") != "char" or not _UNMAPPED.fullmatch(o["text"]))
                blocks.extend(block for block in _page_blocks_or_lines(page, warnings) if block)
    except SourceError:
        raise
    except Exception as exc:  # pdfminer raises many kinds (wrapped by pdfplumber), all meaning "cannot read"
        raise SourceError(f"{shown}: {_plain_reason(exc)}") from None
    if unreadable > _MAX_UNREADABLE * total:
        raise SourceError(
            f"{shown}: the PDF's fonts map {unreadable} of its {total} characters to no text"
            " (its text layer cannot be copied); OCR the pages or export the text another way"
        )
    if unreadable and warnings is not None:
        warnings.append(f"{unreadable} characters the PDF's fonts map to no text were left out")
    if not blocks:
        raise SourceError(f"{shown}: the PDF has no text layer (scanned pages need OCR first)")
    # A PDF text dump: each page block starts on a new line led by a space, like other dumps.
    lines = [(" " if i and not j else "") + text for i, block in enumerate(blocks) for j, (text, _, _) in enumerate(block)]
    every = [line for block in blocks for line in block]
    headlines = tuple(number for number, (_, headline, _) in enumerate(every, start=1) if headline)
    # a text layer may give a radical for the ideograph it looks like ("⽇本"): read as the ideograph
    return unify_ideographs("\n".join(lines) + "\n"), headlines, tuple(round(width, 2) for _, _, width in every)


def _plain_reason(exc: Exception) -> str:
    """What a pdfminer exception (often wrapped in pdfplumber's) means for the user."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    name = inner.__class__.__name__
    if "Password" in name or "Encryption" in name:
        return "the PDF is encrypted (password protected); save a copy without the password"
    if "ExtractionNotAllowed" in name:
        return "the PDF does not allow its text to be copied"
    return "the PDF is damaged or incomplete and cannot be read"


def _page_blocks_or_lines(page, warnings: list[str] | None) -> list[list[_DumpLine]]:
    """The page's blocks; where this reader cannot work out the page's layout (a fault of its
    own, not of the file), the page's lines in the order the PDF gives them, with a warning,
    rather than the whole file skipped as damaged. A page the PDF library cannot read fails
    here too, and the file is reported as damaged."""
    try:
        return _page_blocks(page)
    except Exception as exc:  # any fault of the layout code
        lines = page.extract_text_lines(layout=False)
        if warnings is not None:
            warnings.append(
                f"page {page.page_number}: its layout could not be worked out ({exc.__class__.__name__}: {exc});"
                " its lines are read in the order the PDF gives them"
            )
        size = statistics.median(c["size"] for c in page.chars) if page.chars else 1.0
        return [[(line["text"], False, (line["x1"] - line["x0"]) / size) for line in lines if line["text"].strip()]]


def _page_blocks(page) -> list[list[_DumpLine]]:
    """The page's lines, block by block: column by column, or band by band where it is set
    vertically."""
    chars = [c for c in page.chars if c["text"].strip()]
    lines = _vertical_lines(chars)
    if chars and sum(map(len, lines)) >= _VERTICAL_SHARE * len(chars):
        return _vertical_text(page, lines)
    size = statistics.median(c["size"] for c in chars) if chars else 0.0
    return [
        [(line["text"], line["headline"], line["width"]) for box in group for line in _text_lines(box, size)]
        for group in _blocks(page)
    ]


def _text_lines(region, size: float) -> list[dict]:
    """The region's lines of text, a headline set in several lines joined into one: a line
    wrapped at the column's edge runs on, and a kicker above or a subhead below in another
    size ("引题", "副题") is a part of it after a space, as a text dump prints such parts."""
    joined: list[dict] = []
    for line in region.extract_text_lines(layout=False, return_chars=True):
        if not line["text"].strip():
            continue
        line_size = statistics.median(c["size"] for c in line["chars"])
        last = joined[-1] if joined else None
        if (
            last is not None
            and max(line_size, last["size"]) >= _HEADLINE_SIZE * size
            and min(line_size, last["size"]) >= _PART_SIZE * size
            and line["top"] - last["bottom"] < 0.8 * max(line_size, last["size"])
        ):
            wrapped = abs(line_size - last["size"]) < 0.1 * line_size
            glue = "" if wrapped and not (_latin_letter(last["text"][-1:]) and _latin_letter(line["text"][:1])) else " "
            width = last["width"] + (line["x1"] - line["x0"]) / size  # as long as if set in one line
            last.update(text=last["text"] + glue + line["text"], bottom=line["bottom"], width=width, size=line_size,
                        headline=last["headline"] or line_size >= _HEADLINE_SIZE * size)
        else:
            joined.append({"text": line["text"], "top": line["top"], "bottom": line["bottom"], "x0": line["x0"], "x1": line["x1"],
                           "size": line_size, "width": (line["x1"] - line["x0"]) / size,
                           "headline": line_size >= _HEADLINE_SIZE * size})
    return joined


def _vertical_lines(chars: list[dict]) -> list[list[dict]]:
    """Runs of characters the text layer writes downwards, one under the other (digits may
    stand side by side inside the line)."""
    runs: list[list[dict]] = []
    for c in chars:
        run = runs[-1] if runs else None
        if run:
            last, size = run[-1], max(run[0]["size"], 1.0)
            down = c["top"] - last["top"]
            # (a headline's last character over the first line is no part of it: it is set larger)
            if (
                -0.3 * size <= down <= _LINE_STEP * size
                and run[0]["x0"] - 0.5 * size <= c["x0"]
                and c["x1"] <= run[0]["x0"] + _LINE_WIDTH * size
                and abs(c["size"] - size) < 0.2 * size
            ):
                run.append(c)
                continue
        runs.append([c])
    lines: list[list[dict]] = []
    for before, run in zip([None, *runs], runs, strict=False):
        # a line is vertical where it steps down at least twice (a word set across never does),
        # or where it is a paragraph's last line, a character or two at the top of the next
        # line to the left of a vertical line ("折。")
        steps = sum(b["top"] - a["top"] > 0.5 * a["size"] for a, b in itertools.pairwise(run))
        size = run[0]["size"]
        tail = (
            len(run) <= 2 and before is not None and bool(lines) and lines[-1] is before
            and abs(run[0]["top"] - before[0]["top"]) < 0.5 * size and 0.8 * size < before[0]["x0"] - run[0]["x0"] < 3 * size
        )
        if steps >= 2 or tail:
            lines.append(run)
    return lines


def _latin_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _vertical_text(page, lines: list[list[dict]]) -> list[list[_DumpLine]]:
    """A vertically set page, band by band: its lines right to left, each headline set across
    just before the first line under it. A band that opens on a headline (set across, or a
    line set larger than the page's text) starts a block of the dump, as on a horizontal page."""
    size = statistics.median(c["size"] for line in lines for c in line)
    in_lines = {id(c) for line in lines for c in line}
    across = page.filter(lambda o: o.get("object_type") != "char" or id(o) not in in_lines)
    headlines = _text_lines(across, size)
    boxes = [(min(c["x0"] for c in line), line[0]["top"], max(c["x1"] for c in line), line[-1]["bottom"], line) for line in lines]
    items = [(b[1], b[3]) for b in boxes] + [(h["top"], h["bottom"]) for h in headlines]
    blocks: list[list[_DumpLine]] = []
    for top, bottom in _bands(items, _BAND_GAP * size):
        band = sorted((b for b in boxes if top <= b[1] <= bottom), key=lambda b: -b[2])
        heads = [h for h in headlines if top <= h["top"] <= bottom]
        out: list[_DumpLine] = []
        for x0, line_top, x1, _, line in band:
            # a headline goes before the first (rightmost) line it stands over
            for h in [h for h in heads if h["bottom"] <= line_top and h["x0"] < x1 and x0 < h["x1"]]:
                out.append((h["text"], True, h["width"]))
                heads.remove(h)
            # top to bottom; digits set side by side inside the line, left to right
            text = "".join(c["text"] for c in sorted(line, key=lambda c: (round(c["top"] / size * 2), c["x0"])))
            out.append((text, statistics.median(c["size"] for c in line) >= _HEADLINE_SIZE * size, (line[-1]["bottom"] - line_top) / size))
        out = [(h["text"], True, h["width"]) for h in heads] + out  # set across but over no line
        if blocks and out and not out[0][1]:
            blocks[-1].extend(out)
        else:
            blocks.append(out)
    return blocks


def _bands(spans: list[tuple[float, float]], gap: float) -> list[tuple[float, float]]:
    """The stretches of a page's height that text spans, cut where a gap at least ``gap`` tall runs across."""
    bands: list[tuple[float, float]] = []
    for top, bottom in sorted(spans):
        if bands and top - bands[-1][1] < gap:
            bands[-1] = (bands[-1][0], max(bands[-1][1], bottom))
        else:
            bands.append((top, bottom))
    return bands


def _blocks(page) -> list[list]:
    """Crop boxes of the page's text in reading order, grouped into the blocks of the dump
    (the page itself when it has too few characters to cut).

    A recursive XY-cut: at gutters that run the height of what is cut (columns, read left to
    right) before gaps that run across it (a headline across the columns under it, stacked
    articles: read top to bottom). A block starts at a column the height of the page, as
    before this cut went further, and at a part that opens on a headline (set larger than
    the page's text): a text dump has no sizes, and without a dateline the segmenter would
    read the next article's headline as a section head. The columns under a headline across
    them are one article and follow each other in its block."""
    chars = [c for c in page.chars if c["text"].strip()]
    if len(chars) < _MIN_CHARS_FOR_COLUMNS:
        return [[page]]
    width, size = page.bbox[2] - page.bbox[0], statistics.median(c["size"] for c in chars)
    gaps = {"x": (_MIN_GUTTER * width, _MIN_COLUMN * width), "y": (_BAND_GAP * size, 0.0)}
    blocks: list[list] = []
    columns = _split(chars, "x", *gaps["x"])
    for n, column in enumerate(columns):
        if not (n and _runs_on(columns[n - 1], column, size)):
            blocks.append([])
        before: list[dict] = []
        for part in _xy_cut(column, gaps):
            # (a headline cut in two at a wide space is one: the part before it is all headline)
            if blocks[-1] and _opens_on_headline(part, size) and any(c["size"] < _HEADLINE_SIZE * size for c in before):
                blocks.append([])
            blocks[-1].append(page.crop(_box(part), strict=False))
            before = part
    return blocks


def _runs_on(left: list[dict], column: list[dict], size: float) -> bool:
    """A column with no headline of its own, starting under the headline of the column to its
    left (set over that column only, the gutter runs the page's height): the article's text
    runs on in it."""
    if _opens_on_headline(column, size) or not _opens_on_headline(left, size):
        return False
    top = min(c["top"] for c in left)
    headline_bottom = max(c["bottom"] for c in left if c["top"] < top + 0.5 * size)  # its first line
    return min(c["top"] for c in column) >= headline_bottom - 0.5 * size


def _xy_cut(chars: list[dict], gaps: dict[str, tuple[float, float]]) -> list[list[dict]]:
    # a single line is not cut into columns at a wide space ("七部门印发…方案　轻工业生产较快回升")
    one_line = max(c["top"] for c in chars) - min(c["top"] for c in chars) < 0.5 * min(c["size"] for c in chars)
    for axis in ("y",) if one_line else ("x", "y"):
        parts = _split(chars, axis, *gaps[axis])
        if len(parts) > 1:
            return [leaf for part in parts for leaf in _xy_cut(part, gaps)]
    return [chars]


def _box(chars: list[dict]) -> tuple[float, float, float, float]:
    return min(c["x0"] for c in chars), min(c["top"] for c in chars), max(c["x1"] for c in chars), max(c["bottom"] for c in chars)


def _opens_on_headline(chars: list[dict], size: float) -> bool:
    """The part's first line is set at least ``_HEADLINE_SIZE`` times the page's text size."""
    top = min(c["top"] for c in chars)
    first = [c["size"] for c in chars if c["top"] < top + 0.5 * size]
    return statistics.median(first) >= _HEADLINE_SIZE * size


def _split(chars: list[dict], axis: str, gap: float, least: float) -> list[list[dict]]:
    """``chars`` cut at every empty stretch at least ``gap`` wide down the whole height (``axis``
    "x": the gutters between columns), leaving no part narrower than ``least`` (but a last
    column that holds one line: an article's last words, "出现回温。"); or, across the
    whole width ("y"), at the widest such stretch only: the parts are cut again in turn, so
    the columns under one headline are read before the next headline's ("湖南日报 04 经济" over
    two articles side by side, each a headline over its text)."""
    low, high = ("x0", "x1") if axis == "x" else ("top", "bottom")
    start, end = min(c[low] for c in chars), max(c[high] for c in chars)
    found: list[tuple[float, float]] = []  # (width, middle) of each empty stretch
    reach = start
    for a, b in sorted((c[low], c[high]) for c in chars):
        if a - reach >= gap and a - (found[-1][1] if found else start) >= least and (end - a >= least or _last_column_line(chars, a)):
            found.append((a - reach, (reach + a) / 2))
        reach = max(reach, b)
    cuts = [middle for _, middle in (found if axis == "x" else sorted(found)[-1:])]
    parts: list[list[dict]] = [[] for _ in range(len(cuts) + 1)]
    for c in chars:
        parts[bisect.bisect(cuts, (c[low] + c[high]) / 2)].append(c)
    return [part for part in parts if part]


def _last_column_line(chars: list[dict], x: float) -> bool:
    """What stands right of ``x`` is one line level with the top of the region, under more
    lines left of it: the last column of an article that ends in one line."""
    right = [c for c in chars if c["x0"] >= x]
    top, size = min(c["top"] for c in chars), min(c["size"] for c in chars)
    left_lines = {round(c["top"] / size) for c in chars if c["x1"] <= x}
    return bool(right) and all(abs(c["top"] - top) < 0.5 * size for c in right) and len(left_lines) > 1
