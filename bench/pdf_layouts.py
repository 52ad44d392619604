"""Newspaper PDF pages as a reader gets them: is each article found, with its headline and its whole text?

Development texts (``../shared/devdata``, never copied in) are set on PDF pages in seven layouts
of Chinese papers, drawn with reportlab in Adobe's standard CID font (headlines 18 pt, text
10-12 pt, no datelines, so only the page's layout tells one article from the next):

- ``columns``: two articles side by side, each a headline over its column;
- ``across``: one article, its headline set across the two columns its text runs on in;
- ``stacked``: three articles one under another, each a headline over text across the page;
- ``subhead``: two stacked articles whose headlines have two parts ("…年增近2.4倍，每股税前盈余
  9.94元"), printed as a main line and a smaller subhead under it (the title is both, the
  punctuation between them not printed);
- ``small parts``: the same, the smaller part set only a little larger than the text (12 pt
  over 10), a subhead under the main line in one article and a kicker over it in the other;
- ``folio``: a folio line, two articles side by side and one across the page under them;
- ``vertical``: two stacked articles in traditional script set in vertical lines (read top to
  bottom and right to left), each under a headline set across, digits side by side.

Each article is its title and first two sentences (what a page holds). The folder is run
through ``briefing inspect --json --no-translate``, the path a reader's page takes. With
``--as-text``, each page is first turned into the text a user would save from it with
poppler's ``pdftotext`` (``raw``: in reading order; ``layout``: ``-layout``, the columns side
by side on each line, as the page prints them), and the ``.txt`` files are read instead. Reported per
layout: articles found with their headline as title; of those, the share whose body is the
article's text exactly (whitespace aside); the share of all the articles' sentences that are
in some body; and pages read exactly (every article, nothing else).

    .venv/bin/python bench/pdf_layouts.py [--pages 40] [--as-text raw|layout]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from devdata import DATA_DIR, inspect_records  # noqa: E402

_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”」]?")
_FONT = "STSong-Light"
_HEADLINE, _TEXT = 18, 10
_LEADING = 14
_PIECE = re.compile(r"\d{1,3}|.")  # down a vertical line, up to three digits stand side by side

Article = tuple[str, str]


def _articles(count: int, seed: int) -> list[Article]:
    """Headlines and their articles' first two sentences."""
    rows = [json.loads(line) for line in (DATA_DIR / "news-headlines-dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for row in random.Random(seed).sample(rows, len(rows)):
        title, sentences = row["headline"].strip(), _SENTENCE.findall(row["article"].strip())
        text = "".join(sentences[:2])
        if 6 <= len(title) <= 28 and 40 <= len(text) <= 220 and "\n" not in text:
            out.append((title, text))
        if len(out) == count:
            break
    return out


def _lines(text: str, per: int, size: float = _TEXT) -> list[str]:
    """The text set in lines ``per`` characters of ``size`` wide, as a page sets it: by the
    width of the font's glyphs (a Latin letter or digit is narrower), not by count."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for ch in text:
        if line and stringWidth(line + ch, _FONT, size) > per * size:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def _headline(page, x: float, top: float, width: float, title: str, *, right: bool = False) -> float:
    """A headline in as many lines as the width needs, as papers set a long one; the top of
    what goes under it."""
    page.setFont(_FONT, _HEADLINE)
    lines = _lines(title, int(width // _HEADLINE), _HEADLINE)
    for row, line in enumerate(lines):
        (page.drawRightString if right else page.drawString)(x, top - 22 * row, line)
    return top - 22 * len(lines) - 6


def _article(page, x: float, top: float, per: int, article: Article) -> float:
    """A headline over its text, ``per`` characters a line; the bottom of the text."""
    top = _headline(page, x, top, per * _TEXT, article[0])
    page.setFont(_FONT, _TEXT)
    lines = _lines(article[1], per)
    for row, line in enumerate(lines):
        page.drawString(x, top - _LEADING * row, line)
    return top - _LEADING * len(lines)


def columns(page, articles: list[Article]) -> None:
    _article(page, 40, 790, 24, articles[0])
    _article(page, 310, 790, 24, articles[1])


def across(page, articles: list[Article]) -> None:
    title, text = articles[0]
    top = _headline(page, 40, 790, 510, title) - 14
    page.setFont(_FONT, _TEXT)
    lines = _lines(text, 24)
    half = (len(lines) + 1) // 2
    for column, chunk in enumerate((lines[:half], lines[half:])):
        for row, line in enumerate(chunk):
            page.drawString(40 + 270 * column, top - _LEADING * row, line)


def stacked(page, articles: list[Article]) -> None:
    top = 790
    for article in articles[:3]:
        top = _article(page, 40, top, 50, article) - 40


def _two_part_headlines(page, articles: list[Article], part_size: float, *, kicker_second: bool) -> None:
    """Two stacked articles, each headline printed as a main line and its other part in
    ``part_size`` under it (a subhead) or, in the second article where ``kicker_second``, over
    it (a kicker), where the headline has two parts ("…2.4倍，每股税前盈余9.94元")."""
    top = 790
    for n, (title, text) in enumerate(articles[:2]):
        first, *rest = re.split(r"[，；]", title, maxsplit=1)
        if rest and kicker_second and n == 1:
            page.setFont(_FONT, part_size)
            page.drawString(40, top, first)
            top = _headline(page, 40, top - 22, 500, rest[0])
        else:
            top = _headline(page, 40, top, 500, first)
            if rest:
                page.setFont(_FONT, part_size)
                page.drawString(40, top + 2, rest[0])
                top -= 18
        page.setFont(_FONT, _TEXT)
        lines = _lines(text, 50)
        for row, line in enumerate(lines):
            page.drawString(40, top - _LEADING * row, line)
        top -= _LEADING * len(lines) + 40


def subhead(page, articles: list[Article]) -> None:
    _two_part_headlines(page, articles, 14, kicker_second=False)


def small_parts(page, articles: list[Article]) -> None:
    """The smaller part only a little larger than the text (12 pt over 10, as many papers set a
    kicker or a subhead)."""
    _two_part_headlines(page, articles, 12, kicker_second=True)


def folio(page, articles: list[Article]) -> None:
    page.setFont(_FONT, 9)
    page.drawString(40, 815, "2025年3月29日 星期六 湖南日报 04 经济")
    bottom = min(_article(page, 40, 780, 24, articles[0]), _article(page, 310, 780, 24, articles[1]))
    _article(page, 40, bottom - 40, 50, articles[2])


def vertical(page, articles: list[Article]) -> None:
    size, per = 12, 20
    for (title, text), top in zip(articles[:2], (800, 430), strict=True):
        top = _headline(page, 560, top, 500, title, right=True) + 30
        page.setFont(_FONT, size)
        pieces = _PIECE.findall(text)
        for column, start in enumerate(range(0, len(pieces), per)):
            for row, piece in enumerate(pieces[start : start + per]):
                width = size / 2 * len(piece) if piece.isdigit() else size
                page.drawString(548 - (size + 6) * column + (size - width) / 2, top - 30 - (size + 2) * row, piece)


# layout: (how it is drawn, articles per page)
LAYOUTS = {"columns": (columns, 2), "across": (across, 1), "stacked": (stacked, 3), "subhead": (subhead, 2),
           "small parts": (small_parts, 2), "folio": (folio, 3), "vertical": (vertical, 2)}


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _printed(title: str) -> str:
    """A two-part headline as ``subhead`` and ``small parts`` print it: without the mark between the parts."""
    return re.sub("[，；]", "", title, count=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=40, help="pages per layout")
    parser.add_argument("--as-text", choices=("raw", "layout"), help="read the text pdftotext gives of each page instead")
    args = parser.parse_args()
    if args.as_text and shutil.which("pdftotext") is None:
        raise SystemExit("pdf_layouts.py: --as-text needs poppler's pdftotext (Debian: apt install poppler-utils)")
    import opencc
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    to_taiwan = opencc.OpenCC("s2twp")
    expected: dict[str, tuple[str, list[Article]]] = {}
    with tempfile.TemporaryDirectory(prefix="pdf-layouts-") as tmp:
        folder = Path(tmp)
        wanted = args.pages * sum(n for _, n in LAYOUTS.values())
        pool = _articles(wanted, seed=20261203)
        if len(pool) < wanted:
            raise SystemExit(f"pdf_layouts.py: {len(pool)} development texts fit a page, {wanted} wanted: ask for fewer --pages")
        for layout, (draw, per_page) in LAYOUTS.items():
            for n in range(args.pages):
                articles = [pool.pop() for _ in range(per_page)]
                if layout == "vertical":
                    articles = [(to_taiwan.convert(t), to_taiwan.convert(x)) for t, x in articles]
                name = f"{layout}-{n:03d}.pdf"
                page = canvas.Canvas(str(folder / name))
                draw(page, articles)
                page.save()
                if args.as_text:
                    pdf, name = folder / name, f"{layout}-{n:03d}.txt"
                    options = ["-layout"] if args.as_text == "layout" else []
                    subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(pdf), str(folder / name)], check=True)
                    pdf.unlink()
                expected[name] = (layout, articles)
        found = inspect_records(folder)

    print("| layout | pages | articles | titled as printed | of those, body exact | sentences kept | pages exact |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for layout in LAYOUTS:
        names = [n for n, (lay, _) in expected.items() if lay == layout]
        articles = titled = exact = sentences = kept = pages = 0
        for name in names:
            want, got = expected[name][1], found.get(name, [])
            by_title = {_bare(r["title"]): r for r in got if not r.get("title_generated")}
            want = [(_printed(title) if layout in ("subhead", "small parts") else title, text) for title, text in want]
            bodies = "".join(_bare(r["body"]) for r in got)
            page_exact = len(got) == len(want)
            for title, text in want:
                articles += 1
                record = by_title.get(_bare(title))
                titled += record is not None
                body_exact = record is not None and _bare(record["body"]) == _bare(text)
                exact += body_exact
                page_exact = page_exact and body_exact
                for sentence in _SENTENCE.findall(text):
                    sentences += 1
                    kept += _bare(sentence) in bodies
            pages += page_exact
        print(f"| {layout} | {len(names)} | {articles} | {titled / articles:.1%} | {exact / max(titled, 1):.1%} | "
              f"{kept / sentences:.1%} | {pages / len(names):.1%} |")


if __name__ == "__main__":
    main()
