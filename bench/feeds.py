"""News feeds as sites and RSSHub serve them, each item a development article.

Development news (``../shared/devdata``, never copied in: the headlines set's test half, its
articles cut into paragraphs of about 120 characters) is written as the items of feeds of 20
items, in the shapes feeds take on the web, not in the shape this project reads them:

- ``portal RSS``: RSS 2.0 declared gb2312 and sent as GB18030, each item's HTML in CDATA,
  opening on its headline again in bold, a picture between paragraphs, published at 23:30 in
  Beijing, its author a mail address with the name in brackets;
- ``RSSHub Atom``: Atom with the HTML escaped, paragraphs parted by ``<br><br>``, updated at
  00:30 in Beijing (the day before in UTC);
- ``RSS 1.0``: RDF with Dublin Core dates and creators and ``content:encoded`` in ``<div>``s;
- ``JSON Feed``: JSON Feed 1.1, ``content_html``;
- ``teaser RSS``: RSS 2.0 whose items carry only the first paragraph, every fourth item only
  a title and a link (a feed of links), which must be reported, not lost quietly.

The folder is run through ``briefing inspect --json --no-translate``, the path a reader's page
takes. Per shape: items with text read as articles, titles as printed, paragraphs exact (but
for a site's closing disclaimer, "＊编者按：本文仅供参考之用…", set aside as its notice), the
date (the day in Beijing), the link, the author, the publication (the site the feed's title
names), and the items with no text named in a warning.

    .venv/bin/python bench/feeds.py [--items 200]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from copied_text import _paragraphs, _rows, _same_title, _without_disclaimer  # noqa: E402
from devdata import inspect_run  # noqa: E402

PER_FEED = 20
SHAPES = {  # shape: (suffix, the feed's title, the site it names)
    "portal RSS": (".xml", "人民网-财经频道", "人民网"),
    "RSSHub Atom": (".atom", "华尔街见闻 - 最新", "华尔街见闻"),
    "RSS 1.0": (".rss", "第一财经", "第一财经"),
    "JSON Feed": (".json", "财联社 - 电报", "财联社"),
    "teaser RSS": (".xml", "新浪财经_新浪网", "新浪财经"),
}
AUTHOR = "张三"
DAY = "2024-04-18"


def _link(shape: str, n: int) -> str:
    return f"https://news.example.cn/{shape.replace(' ', '-').lower()}/{n:05d}.html"


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


def feed(shape: str, title: str, items: list[tuple[int, str, list[str]]]) -> bytes:
    """The feed's bytes: ``items`` are (number, headline, paragraphs); a teaser feed's every
    fourth item has no text."""
    if shape == "JSON Feed":
        return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": title, "items": [
            {"id": str(n), "url": _link(shape, n), "title": h, "content_html": "".join(f"<p>{_escaped(p)}</p>" for p in ps),
             "date_published": f"{DAY}T09:30:00+08:00", "authors": [{"name": AUTHOR}]} for n, h, ps in items
        ]}, ensure_ascii=False, indent=1).encode("utf-8")
    if shape == "RSSHub Atom":
        entries = "".join(
            f"<entry><title>{_escaped(h)}</title><link href=\"{_link(shape, n)}\"/><id>{_link(shape, n)}</id>"
            f"<updated>{DAY}T00:30:00+08:00</updated><author><name>{AUTHOR}</name></author>"
            f"<content type=\"html\">{_escaped('<br><br>'.join(_escaped(p) for p in ps))}</content></entry>\n"
            for n, h, ps in items)
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>'
                f"<id>https://rsshub.app/x</id><updated>{DAY}T00:30:00+08:00</updated>\n{entries}</feed>\n").encode()
    if shape == "RSS 1.0":
        entries = "".join(
            f'<item rdf:about="{_link(shape, n)}"><title>{_escaped(h)}</title><link>{_link(shape, n)}</link>'
            f"<dc:date>{DAY}T07:30:00+08:00</dc:date><dc:creator>{AUTHOR}</dc:creator>"
            f"<content:encoded><![CDATA[{''.join(f'<div>{_escaped(p)}</div>' for p in ps)}]]></content:encoded></item>\n"
            for n, h, ps in items)
        return ('<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/">'
                f'<channel rdf:about="https://www.yicai.com/"><title>{title}</title><link>https://www.yicai.com/</link>'
                f"<description>{title}</description></channel>\n{entries}</rdf:RDF>\n").encode()
    teaser = shape == "teaser RSS"
    entries = []
    for n, h, ps in items:
        if teaser:
            text = "" if n % 4 == 3 else _escaped(ps[0])
        else:
            shown = [f"<p><strong>{_escaped(h)}</strong></p>", *(f"<p>{_escaped(p)}</p>" for p in ps)]
            shown.insert(2, '<p><img src="/NMediaFile/2024/0418/a.jpg" alt=""/></p>')
            text = f"<![CDATA[{''.join(shown)}]]>"
        entries.append(
            f"<item><title><![CDATA[{h}]]></title><link>{_link(shape, n)}</link>"
            f"<pubDate>Thu, 18 Apr 2024 23:30:00 +0800</pubDate><author>news@example.cn ({AUTHOR})</author>"
            f"<description>{text}</description></item>\n")
    declared = "utf-8" if teaser else "gb2312"
    return (f'<?xml version="1.0" encoding="{declared}"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://finance.example.cn/</link><description>{title}</description>\n{''.join(entries)}</channel></rss>\n"
            ).encode("utf-8" if teaser else "gb18030")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200, help="items per shape")
    args = parser.parse_args()
    rows = _rows("headlines")[: args.items]
    items = [(n, row["headline"].replace("\n", " ").strip(), _paragraphs(row["article"])) for n, row in enumerate(rows)]
    with tempfile.TemporaryDirectory(prefix="briefing-feeds-") as name:
        folder = Path(name)
        for k, (shape, (suffix, title, _)) in enumerate(SHAPES.items()):
            for start in range(0, len(items), PER_FEED):
                (folder / f"feed-{k}-{start // PER_FEED:03d}{suffix}").write_bytes(feed(shape, title, items[start : start + PER_FEED]))
        records, stderr = inspect_run(folder)
    print(_table(items, records, stderr))


def _table(items: list[tuple[int, str, list[str]]], records: dict[str, list[dict]], stderr: str) -> str:
    out = [
        "| shape | items | read as articles | titled as printed | paragraphs exact | dated | linked | by its author "
        "| publication | items with no text reported |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for k, (shape, (_, _, site)) in enumerate(SHAPES.items()):
        found = {r["url"]: r for name, rs in records.items() if name.startswith(f"feed-{k}-") for r in rs}
        teaser = shape == "teaser RSS"
        with_text = [(n, h, ps) for n, h, ps in items if not (teaser and n % 4 == 3)]
        read = titled = exact = dated = linked = authored = named = 0
        for n, headline, paragraphs in with_text:
            r = found.get(_link(shape, n))
            if r is None:
                continue
            read += 1
            titled += _same_title(r["title"], headline)
            expected = _without_disclaimer(paragraphs[:1] if teaser else paragraphs)
            exact += [re.sub(r"\s+", "", p) for p in r["body"].split("\n\n")] == [re.sub(r"\s+", "", p) for p in expected]
            dated += r["date"] == DAY
            linked += True  # found by its link
            authored += r["byline"] == [AUTHOR]
            named += r["publication"] == site
        untexted = len(items) - len(with_text)
        reported = sum(1 for line in stderr.splitlines() if f"feed-{k}-" in line and "no text in the feed" in line)
        n = len(with_text) or 1
        out.append(
            f"| {shape} | {len(items)} | {read / n:.1%} | {titled / n:.1%} | {exact / n:.1%} | {dated / n:.1%} | "
            f"{linked / n:.1%} | {authored / n:.1%} | {named / n:.1%} | "
            + (f"{reported} of {untexted} |" if untexted else "– |")
        )
    return "\n".join(out)


if __name__ == "__main__":
    main()
