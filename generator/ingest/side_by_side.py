"""Text laid out as its page prints it: columns side by side on each line.

poppler's ``pdftotext -layout`` (and copies from some PDF viewers) keep a page's columns where
they stand, so each line holds a line of every column, parted by a run of spaces:

    Sony智慧机大改革，旗舰机Z6没了，要以X系列取而代      Thomson Reuters报导，英特尔(Intel)8日宣布…
    之？Sony 22日在世界行动通讯大会(MWC)上，未发布    创立的哥斯大黎加晶片封测厂、预计将裁员…

Read line by line, two articles run into each other a line at a time. Each column starts at
the same character of every line (the tool pads to a grid), so a gutter is a position where
many lines resume after spaces and no line's text runs across. Between lines that run across
the page (a headline set across, a folio) and gaps of blank lines, the lines are unfolded: the left column's parts,
then the right one's, each column a block of the dump (a line led by a space, as
:mod:`~generator.ingest.hardwrap` reads one), columns within columns too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from generator.text import ends_sentence

# A column resumes after at least this many spaces
_MIN_GUTTER_SPACES = 2
# A gutter is where at least this many lines, and this share of the page's lines with text,
# resume after spaces
_MIN_LINES = 2
_MIN_SHARE = 0.25
# This many blank lines in a row part the page's bands (articles stacked one under another)
_BAND_GAP = 2
# Columns within columns: at most this deep
_MAX_DEPTH = 3
_RESUMES = re.compile(rf"\S( {{{_MIN_GUTTER_SPACES},}})(?=\S)|^( {{{_MIN_GUTTER_SPACES},}})(?=\S)")


def unfold_columns(text: str) -> str | None:
    """The text with side-by-side columns one after another, page by page (``\\f`` parts the
    pages); None where no page has columns side by side."""
    pages = text.split("\f")
    unfolded = [_unfold(page.split("\n"), 0) for page in pages]
    if all(lines is None for lines in unfolded):
        return None
    return "\f".join("\n".join(lines) if lines is not None else page for lines, page in zip(unfolded, pages, strict=True))


def _unfold(lines: Sequence[str], depth: int) -> list[str] | None:
    gutter = _gutter(lines) if depth < _MAX_DEPTH else None
    if gutter is None:
        return None
    out: list[str] = []
    band: list[str] = []

    def close_band() -> None:
        if sum(1 for line in band if line[gutter:].strip()) < _MIN_LINES:
            out.extend(band)  # too little on the right to be a column here
        else:
            columns = []
            for side in ([line[:gutter].rstrip() for line in band], [line[gutter:] for line in band]):
                text = [part for part in (p.strip() for p in (_unfold(side, depth + 1) or side)) if part]
                if text:
                    columns.append(text)
            for n, text in enumerate(columns):
                # a block of the dump; the next column of an article under a headline set across
                # them both goes on in it where the column before breaks off mid-sentence
                if n == 0 or ends_sentence(columns[n - 1][-1]):
                    out.extend(["", " " + text[0], *text[1:]])
                else:
                    out.extend(text)
            out.append("")
        band.clear()

    blank = 0
    for line in lines:
        blank = blank + 1 if not line.strip() else 0
        if _across(line, gutter) or blank >= _BAND_GAP:
            close_band()  # a line across the page, or the gap over the next band of the page
            out.append(line)
        else:
            band.append(line)
    close_band()
    return out


def _gutter(lines: Sequence[str]) -> int | None:
    """The position where the most lines resume after a run of spaces, if enough do and no
    more than a few lines' text runs across it."""
    starts: Counter[int] = Counter()
    for line in lines:
        for m in _RESUMES.finditer(line):
            starts[m.end()] += 1
    written = sum(1 for line in lines if line.strip())
    for at, count in starts.most_common(3):
        if count < max(_MIN_LINES, _MIN_SHARE * written):
            return None
        crossing = sum(1 for line in lines if _across(line, at))
        if crossing <= count:
            return at
    return None


def _across(line: str, at: int) -> bool:
    """The line's text runs across ``at``: text on both sides, and no gutter's spaces before it."""
    return len(line) > at and line[at - _MIN_GUTTER_SPACES : at] != " " * _MIN_GUTTER_SPACES and bool(line[:at].strip()) and bool(
        line[at:].strip())
