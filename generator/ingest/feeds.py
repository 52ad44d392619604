"""News feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed files, one article per item.

A desk follows sites through their feeds, and many Chinese sites have a feed only through
RSSHub ("华尔街见闻 - 最新", "财联社 - 电报"); a feed saved from a reader or from RSSHub is a
folder's most compact source. Each item is one article with its own title, link, date and
author, so the items are never segmented: the text is laid out one item after another and
``Document.entries`` keeps each item's lines and metadata (:func:`~.segment.split_articles`
keeps to them).

RSS and Atom are parsed by feedparser, which knows their dialects and their broken forms
(HTML entities in titles, CDATA, namespaces, dates); the bytes are decoded first like any
source's (a feed served as GBK often declares gb2312, or nothing). JSON Feed is plain JSON.
An item's HTML is read block by block into paragraphs, its text only, without what is no
text (scripts, styles, frames). An item with a title and no text (a feed of links) is named
in a warning, not left out quietly. Its date is the day it names in its own time zone ("Thu,
18 Apr 2024 07:30:00 +0800" is the 18th, which is the 17th in UTC).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from html import escape, unescape
from typing import Any

from generator.data import Document, Entry, SourceMeta
from generator.errors import SourceError
from generator.ingest.datelines import OUTLET_END, starts_dateline
from generator.ingest.metadata import iso_date, merge_meta
from generator.ingest.paragraphs import MD_TABLE_ROW
from generator.ingest.reader import Reader, Source
from generator.text import to_simplified, without_spaces

_SNIFF_CHARS = 2048
_XML_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_JSON_FEED_VERSION = re.compile(r"https?://jsonfeed\.org/version/")
_JSON_FEED = re.compile(r'"version"\s*:\s*"' + _JSON_FEED_VERSION.pattern)
_NO_FEED = "not a news feed (RSS, Atom or JSON Feed); not read"
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# Elements whose text is no part of an item's text
_NOT_TEXT = ("script", "style", "noscript", "template", "iframe", "object", "svg", "button", "form")
# Elements that end a line of an item's text
_BREAKS = ("p", "div", "section", "article", "br", "li", "tr", "blockquote", "figure", "figcaption", "pre", "table",
           "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr")
# "editor@example.com (张三)": RSS writes an author as a mail address, the name in brackets
_MAIL_NAME = re.compile(r"^\S+@\S+\s*\((.+)\)$")
_MAIL = re.compile(r"^\S+@\S+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_LONE_LT = re.compile(r"<(?!/?[A-Za-z][^<>]*>|!)")
# Between a feed title's site and channel: "人民网-财经频道", "华尔街见闻 - 最新", "科技_新浪网"
_TITLE_PARTS = re.compile(r"\s*[-–—|｜_:：]\s*")
# An outlet's name, in either script (a channel's, "电报", has only one character before 报)
_OUTLET = re.compile(rf".{{2,}}{OUTLET_END}$")


@dataclass(frozen=True)
class _Item:
    title: str
    paragraphs: list[str]
    meta: SourceMeta


class FeedReader(Reader):
    file_extensions = (".rss", ".atom", ".xml", ".json")

    def claims_text(self, text: str) -> bool:
        head = text[:_SNIFF_CHARS]
        return bool(_XML_DECLARATION.match(head) and _XML_FEED.search(head)) or bool(_JSON_FEED.search(head))

    def read_text(self, source: Source, text: str, encoding: str) -> Document:
        head = text[:_SNIFF_CHARS].lstrip()
        if head.startswith("<") and _XML_FEED.search(head):
            channel, items = _xml_feed(text, source.shown)
        elif head.startswith("{"):
            channel, items = _json_feed(text, source.shown)
        else:
            raise SourceError(f"{source.shown}: {_NO_FEED}")
        lines: list[str] = []
        entries: list[Entry] = []
        for number, item in enumerate(items, 1):
            if not item.paragraphs:
                shown = f"“{item.title}”" if item.title else f"item {number}"
                source.warnings.append(f"{shown} has no text in the feed, only a title and a link; not in the digest")
                continue
            first = len(lines) + 1
            if item.title:
                lines += [f"# {item.title}", ""]
            for paragraph in item.paragraphs:
                if MD_TABLE_ROW.match(paragraph) and len(lines) > 1 and MD_TABLE_ROW.match(lines[-2]):
                    lines.pop()  # a table's rows stand together, one table
                lines += [paragraph, ""]
            entries.append(Entry(first, len(lines) - 1, item.meta))
        if not entries:
            raise SourceError(f"{source.shown}: the feed has no item with text ({len(items)} item(s))")
        meta = merge_meta(source.sidecar, source.indexed, channel)
        return source.document("\n".join(lines), "feed", meta, encoding=encoding, entries=tuple(entries), extracted=True)


def _xml_feed(text: str, shown: str) -> tuple[SourceMeta | None, list[_Item]]:
    import feedparser

    # already decoded: feedparser reads the bytes as UTF-8, whatever the declaration said
    raw = _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
    # (its sanitiser keeps the text of what it strips, an <iframe>'s fallback words: the text
    # is taken here, without what is no text, and no markup is ever passed on)
    parsed = feedparser.parse(raw, response_headers={"content-type": "text/xml; charset=utf-8"}, sanitize_html=False)
    if not parsed.entries and parsed.bozo:
        raise SourceError(f"{shown}: not a readable feed ({_one_line(parsed.get('bozo_exception'))})")
    channel = _channel(parsed.feed.get("title", ""))
    items = []
    for entry in parsed.entries:
        body = next((c for c in entry.get("content", ()) if c.get("value", "").strip()), None) or entry.get("summary_detail") or {}
        html = _as_html(body.get("value", "") or "", body.get("type") == "text/plain")
        items.append(_item(
            # (dict.get: feedparser's own get maps "published" to "updated" with a warning)
            entry.get("title", ""), html, entry.get("link"), dict.get(entry, "published") or dict.get(entry, "updated"),
            dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"),
            [(entry.get("author_detail") or {}).get("name") or entry.get("author") or ""],
        ))
    return channel, items


def _as_html(value: str, plain: bool) -> str:
    """An item's text as HTML: text the feed calls plain and that holds no tag is escaped, so
    its "<" stays a character ("市盈率<10倍")."""
    return _escaped(value) if plain and not _TAG.search(value) else value


def _json_feed(text: str, shown: str) -> tuple[SourceMeta | None, list[_Item]]:
    try:
        feed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(f"{shown}: not a readable JSON Feed ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(feed, dict) or not _JSON_FEED_VERSION.match(_string(feed.get("version"))):
        raise SourceError(f"{shown}: a JSON file that is {_NO_FEED}")
    if not isinstance(feed.get("items"), list):
        raise SourceError(f"{shown}: not a readable JSON Feed (no list of items)")
    channel = _channel(_string(feed.get("title")))
    items = []
    for entry in feed["items"]:
        if not isinstance(entry, dict):
            continue
        authors = entry.get("authors") or ([entry["author"]] if isinstance(entry.get("author"), dict) else [])
        html = _string(entry.get("content_html")) or _escaped(_string(entry.get("content_text"))) or _escaped(_string(entry.get("summary")))
        items.append(_item(
            _string(entry.get("title")), html, _string(entry.get("url")) or None, _string(entry.get("date_published")) or None,
            None, [_string(a.get("name")) for a in authors if isinstance(a, dict)],
        ))
    return channel, items


def _item(title: str, html: str, link: str | None, date: str | None, parsed: Any, authors: list[str]) -> _Item:
    title = " ".join(_lines(title))  # (a title may be markup, Atom's type="html", or hold a lone "<")
    paragraphs = list(_lines(html))
    title, paragraphs = _own_title(title, paragraphs)
    names = tuple(dict.fromkeys(n for n in map(_author, authors) if n))
    url = link if link and link.startswith(("http://", "https://")) else None
    return _Item(title, paragraphs, SourceMeta(title=title or None, url=url, date=_date(date, parsed), byline=names, origin="feed"))


def _own_title(title: str, paragraphs: list[str]) -> tuple[str, list[str]]:
    """The item's title and text, each said once. Its text may open on the title again, alone
    or in black brackets as flash news prints it ("【国家统计局：4月CPI同比上涨0.3%】财联社5月11日
    电，…"); a feed of flashes with no title of their own titles each with its opening words
    ("财联社5月11日电，美股三大指数收盘涨跌不一。"): no title, and one is proposed from the text."""
    if not title or not paragraphs:
        return title, paragraphs
    first, key = without_spaces(paragraphs[0]), without_spaces(title)
    if first == key:
        return (title, paragraphs[1:]) if len(paragraphs) > 1 else ("", paragraphs)
    if first.startswith(f"【{key}】"):
        return title, [paragraphs[0].split("】", 1)[1].strip(), *paragraphs[1:]]
    cut = key.endswith(("。", "！", "？", "…", "...")) or starts_dateline(title)  # a sentence or a cut, not a headline
    if cut and first.startswith(key.rstrip("…。.！!？?，, ")):
        return "", paragraphs  # the title is the text's opening
    return title, paragraphs


def _lines(html: str) -> Iterator[str]:
    """The lines of text of an item's HTML, block by block (a line break ends one too)."""
    html = _CONTROL.sub("", html)  # (no text, and no XML: lxml refuses them)
    # a "<" that opens no tag is a character, as a browser would not show it ("市盈率<A股均值")
    html = _LONE_LT.sub("&lt;", html)
    if "<" not in html:  # no markup: its entities still stand for characters ("AT&amp;T")
        yield from (" ".join(unescape(line).split()) for line in html.splitlines() if line.strip())
        return
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # (lxml's parser errors share no base class worth naming) not HTML after all
        yield from (" ".join(line.split()) for line in re.sub(r"<[^>]*>", "\n", html).splitlines() if line.strip())
        return
    for element in list(root.iter(*_NOT_TEXT)):
        element.drop_tree()
    _tables_as_rows(root)
    for element in root.iter(*_BREAKS):
        element.tail = "\n" + (element.tail or "")
    yield from (" ".join(line.split()) for line in root.text_content().splitlines() if line.strip())


def _tables_as_rows(root: Any) -> None:
    """Each table of an item as the rows of a Markdown table ("| 营业收入（亿元） | 890.38 |"),
    which reflow sets aside and reports as a web page's or a Markdown file's table, rather
    than its cells as paragraphs of text."""
    from lxml.html import Element

    for table in [t for t in root.iter("table") if not any(a.tag == "table" for a in t.iterancestors())]:
        rows = [[" ".join(cell.text_content().split()) for cell in row.iter("td", "th")] for row in table.iter("tr")]
        holder = Element("div")
        for cells in filter(any, rows):
            line = Element("p")
            line.text = "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"
            holder.append(line)
        holder.tail = table.tail
        table.getparent().replace(table, holder)


def _channel(title: str) -> SourceMeta | None:
    """The site the feed's title names: "人民网-财经频道" and "华尔街见闻 - 最新" name the site
    first and the channel after it; "财联社 - 电报" and "科技_新浪网" are told by which part
    is named as outlets are (财联社, 新浪网; 电报 is a channel)."""
    parts = [p.strip() for p in _TITLE_PARTS.split(" ".join(title.split())) if p.strip()]
    if not parts:
        return None
    named = [p for p in parts if _OUTLET.search(to_simplified(p))]
    # its title names the source's page; an item's title is its own (see segment._by_entry)
    return SourceMeta(site=(named or parts)[0], title=" ".join(title.split()), origin="feed")


def _date(written: str | None, parsed: Any) -> str | None:
    """The day an item was published, in the time zone it was written in."""
    if written:
        try:
            return parsedate_to_datetime(written.strip()).date().isoformat()  # RSS: "Thu, 18 Apr 2024 07:30:00 +0800"
        except (TypeError, ValueError, IndexError):
            pass
        if day := iso_date(written):  # Atom's "2024-04-18T07:30:00+08:00", a portal's "2024年04月18日 07:30"
            return day
    if parsed:  # feedparser's reading of another form, in UTC: the day may be off by one, but it is the best left
        return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def _author(name: str) -> str | None:
    name = " ".join(_CONTROL.sub("", name or "").split())
    if m := _MAIL_NAME.match(name):
        return m.group(1).strip()
    return None if _MAIL.match(name) else name or None


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _escaped(text: str) -> str:
    """Plain text as the HTML it would be: its lines kept, nothing in it read as markup."""
    return "<br>".join(escape(line) for line in text.splitlines())


def _one_line(exc: object) -> str:
    return " ".join(str(exc or "malformed").split())[:200]
