"""Text files as people save them: copied from a page, a document or a research report's PDF.

Development texts (``../shared/devdata``, never copied in) are written as ``.txt`` files in
the shapes a copy takes, not in the shape this project writes its own test pages:

- news (newsroom headlines, their articles cut into paragraphs of about 120 characters):
  ``one a line`` (the headline, then one paragraph to a line, no blank line anywhere, as a
  copy from a web page or a Word file comes); ``date line`` (the same with the page's time,
  "2024-04-18 08:30", under the headline); ``blank lines`` (paragraphs apart, the shape
  readers handled before); ``broken at commas`` (one a line, each paragraph broken once more
  after a comma, as a copy from a PDF's page comes); ``CRLF GB18030`` (one a line, Windows
  line ends, in GB18030); ``wrapped`` (every paragraph wrapped at 30 columns, no blank line:
  a PDF dump);
- ``report`` (analysts' research notes, the key-point set's texts): each note set in a
  broker's report (``tests/report_pages.py``) as its PDF's text layer gives it: the kind of report and the reminder to
  read the disclaimer, the company and its code over the title, the date, the rating, the
  analysts and their registration numbers, a table of forecasts, "投资要点" over the note's
  paragraphs (each opened by a symbol font's bullet), the side bar's market data and related
  reports, the page number and the institute, then the disclaimer and the ratings' meaning.

- ``report PDF``: the same reports as their PDF prints them (drawn with reportlab in Adobe's
  standard CID font): the title and its company in larger type, the note's points in a
  justified column at the left, the side bar at the right, the institute at the foot, and
  the disclaimer on a page of its own.

The folder is run through ``briefing inspect --json --no-translate``, the path a reader's page
takes. Reported per layout: files read as one article; the title as printed; for ``date
line`` and ``report`` the date; for news, paragraphs exactly as written (but for a closing
disclaimer set as a paragraph of its own, "＊编者按：本文仅供参考之用…", a site's notice) (a note's text runs
its part labels in, "事件描述…", and is read into sections); sentences kept (the share of the
text's sentences in the body and its section heads); for ``report`` also its publisher and
analysts, and how many bodies and summaries hold a line of the report's furniture or
disclaimer.

    .venv/bin/python bench/copied_text.py [--per-layout 200]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from devdata import DATA_DIR, DATASETS, inspect_records, part_indexes  # noqa: E402

from tests.report_pages import CITED_TITLE, report_pdf, report_text, wrapped  # noqa: E402

_PARAGRAPH_CHARS = 120
_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”」]?|[^。！？]+$")
_WRAP_COLUMNS = 30
NEWS_LAYOUTS = ("one a line", "date line", "blank lines", "broken at commas", "CRLF GB18030", "wrapped")
REPORT_LAYOUTS = ("report", "report PDF")

# What of the furniture would show that it leaked: a word of each kind of line
_LEAKS = ("请务必", "执业证书", "@", "收盘价(元)", "214,028", "1 / 3", "研究所", "本研究报告", "本公司", "预期未来", "星阳街", "买入（维持）")


def _paragraphs(article: str) -> list[str]:
    out, current = [], ""
    for sentence in _SENTENCE.findall(article.replace("\n", "")):
        current += sentence
        if len(current) >= _PARAGRAPH_CHARS:
            out.append(current.strip())
            current = ""
    return [*out, current.strip()] if current.strip() else out


def _without_disclaimer(paragraphs: list[str]) -> list[str]:
    """The paragraphs but one that is a site's closing disclaimer ("＊编者按：本文仅供参考之用…",
    closing 317 of the 2,000 texts), which is set aside and reported as the site's notice (run
    into a paragraph of text, it stays)."""
    return [p for p in paragraphs if not p.startswith(("＊编者按", "＊編者按"))]


def _broken_at_comma(paragraph: str) -> str:
    at = paragraph.find("，", 10)
    return paragraph if at < 0 else paragraph[: at + 1] + "\n" + paragraph[at + 1 :]


def news_file(layout: str, headline: str, paragraphs: list[str]) -> tuple[str, bytes]:
    """The file's name suffix and bytes."""
    if layout == "date line":
        text = "\n".join([headline, "2024-04-18 08:30", *paragraphs])
    elif layout == "blank lines":
        text = "\n\n".join([headline, *paragraphs])
    elif layout == "broken at commas":
        text = "\n".join([headline, *map(_broken_at_comma, paragraphs)])
    elif layout == "wrapped":
        text = "\n".join([headline, *(line.strip() for p in paragraphs for line in wrapped(p, _WRAP_COLUMNS))])
    else:
        text = "\n".join([headline, *paragraphs])
    if layout == "CRLF GB18030":
        return text.replace("\n", "\r\n") + "\r\n", (text.replace("\n", "\r\n") + "\r\n").encode("gb18030")
    return text + "\n", (text + "\n").encode("utf-8")


def _kept(sentences: list[str], body: str) -> tuple[int, int]:
    """How many sentences are in ``body``: each piece of one, where a note runs a part label in
    with two ideographic spaces ("事件描述\u3000\u3000晨光文具发布…": the label heads a section)."""
    squeezed = re.sub(r"\s+", "", body)
    pieces = [[re.sub(r"\s+", "", p) for p in re.split(r"\u3000{2,}", s) if p.strip()] for s in sentences]
    return sum(all(p in squeezed for p in piece) for piece in pieces), len(sentences)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-layout", type=int, default=200)
    args = parser.parse_args()
    news = _rows("headlines")[: args.per_layout]
    notes = _rows("keypoints")[: args.per_layout]
    expected: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-copied-") as name:
        folder = Path(name)
        for n, row in enumerate(news):
            paragraphs = _paragraphs(row["article"])
            headline = row["headline"].replace("\n", " ").strip()
            for k, layout in enumerate(NEWS_LAYOUTS):
                _, data = news_file(layout, headline, paragraphs)
                file = f"news-{k}-{n:04d}.txt"
                (folder / file).write_bytes(data)
                expected[file] = {"layout": layout, "title": headline, "paragraphs": paragraphs}
        for n, row in enumerate(notes):
            paragraphs = _paragraphs(row["article"])
            file = f"report-{n:04d}.txt"
            (folder / file).write_text(report_text(paragraphs), encoding="utf-8")
            expected[file] = {"layout": "report", "title": CITED_TITLE, "paragraphs": paragraphs}
            file = f"report-{n:04d}.pdf"
            report_pdf(folder / file, paragraphs)
            expected[file] = {"layout": "report PDF", "title": CITED_TITLE, "paragraphs": paragraphs}
        records = inspect_records(folder)
    print(_table(expected, records))


def _rows(dataset: str) -> list[dict]:
    path = DATA_DIR / DATASETS[dataset][0]
    if not path.exists():
        raise SystemExit(f"copied_text.py: {path} not found (the development data lives outside the repository)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [rows[i] for i in part_indexes(len(rows), "test")]


def _same_title(found: str | None, printed: str) -> bool:
    """The title as printed, but for runs of spaces, and runs of underscores (the headline
    set masks some numbers with "___", which Markdown's "__" would read as bold)."""
    def norm(text: str) -> str:
        return re.sub(r"_+", "_", re.sub(r"\s+", " ", text.strip()))

    return found is not None and norm(found) == norm(printed)


def _table(expected: dict[str, dict], records: dict[str, list[dict]]) -> str:
    layouts = [*NEWS_LAYOUTS, *REPORT_LAYOUTS]
    rows = [
        "| layout | files | one article | titled as printed | dated | paragraphs exact | sentences kept "
        "| publisher, analysts | furniture in body | furniture in summary |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for layout in layouts:
        files = [f for f, e in expected.items() if e["layout"] == layout]
        one = titled = dated = exact = credited = leak_body = leak_summary = 0
        kept = total = 0
        for f in files:
            found = records.get(f, [])
            e = expected[f]
            paragraphs = e["paragraphs"] if layout in REPORT_LAYOUTS else _without_disclaimer(e["paragraphs"])
            sentences = [s for p in paragraphs for s in _SENTENCE.findall(p) if s.strip()]
            # a note's run-in part labels ("事件描述", "业绩回顾") head sections: the heads count
            body = "\n\n".join(h + r["body"] for r in found for h in ["".join(r["sections"])])
            k, t = _kept(sentences, body)
            kept, total = kept + k, total + t
            if len(found) != 1:
                continue
            r = found[0]
            one += 1
            titled += _same_title(r["title"], e["title"])
            dated += r["date"] == ("2023-10-27" if layout in REPORT_LAYOUTS else "2024-04-18")
            exact += [re.sub(r"\s+", "", p) for p in r["body"].split("\n\n")] == [re.sub(r"\s+", "", p) for p in paragraphs]
            credited += r["publication"] == "东吴证券" and r["byline"] == ["张三", "李四"]
            leak_body += any(w in r["body"] for w in _LEAKS)
            leak_summary += any(w in s for s in r["summary_zh"] for w in _LEAKS)
        n = len(files) or 1
        report = layout in REPORT_LAYOUTS
        rows.append(
            f"| {layout} | {len(files)} | {one / n:.1%} | {titled / n:.1%} | "
            + (f"{dated / n:.1%}" if layout in ("date line", *REPORT_LAYOUTS) else "–")
            + f" | {'–' if report else f'{exact / n:.1%}'} | {kept / max(1, total):.1%} | "
            + (f"{credited / n:.1%} | {leak_body} | {leak_summary} |" if report else "– | – | – |")
        )
    return "\n".join(rows)


if __name__ == "__main__":
    main()
