"""Saved web pages: the main article text and title (trafilatura), never the page chrome.

Navigation, scripts, styles, comments and footers are dropped by the extractor (its precise
setting where that keeps the article, see ``_extract``); the result is Markdown-like text (a
'# title' line, paragraphs separated by blank lines) so segmentation treats it like any
Markdown source, where a site's captions, editors and notices are told from the body
(:mod:`generator.ingest.furniture`). The date is the markup's, else the one printed under the
headline.
"""

from __future__ import annotations

import datetime
import itertools
import re
from typing import TYPE_CHECKING

from generator.data import Document, SourceMeta
from generator.errors import SourceError
from generator.ingest.datelines import web_byline
from generator.ingest.metadata import PRINTED_DATE, credited_source, iso_date, merge_meta, named_outlet
from generator.ingest.reader import Reader, Source
from generator.text import ends_sentence, without_spaces

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document as Extracted

# Fewer word characters than this is a menu word or two, not an article.
_MIN_WORD_CHARS = 20
_WORD = re.compile(r"\w")
_SENTENCE = re.compile(r"[^。！？!?\s]+[。！？!?]")  # (up to a space: a page run together on one line)
# The date and source a page prints under its headline are looked for this many characters
# after the headline (or from the page's start)
_WINDOW = 200
_SPACES = re.compile(r"\s+")
# The text is found after the headline by this many of its first characters
_OPENING_CHARS = 12
# What a page's <title> puts between the headline, the channel and the site's name:
# "标题_新浪财经_新浪网", "标题--湖南频道--人民网", "标题 | 鉅亨網 - 台股新聞", "标题｜经济日报".
# A lone hyphen or dash is the headline's own ("F-众达…", "稳中求进——记…").
_TITLE_PARTS = re.compile(r"\s*(?:_+|[|｜]|-{2,}|\s[-–—·]\s)\s*")
# A site or paper names itself as one (鉅亨網, 人民网, 经济日报, 财经周刊, 新华社); a channel
# does not (财经, 湖南频道, 国务院文件). "新闻" ends both (澎湃新闻; 台股新聞): second choice.
_SITE_ENDINGS = (re.compile(r"[网網报報刊社]$"), re.compile(r"新[闻聞]$"))
_SITE_CHARS = 12
# The headline is looked for among the text's first lines; what stands before it there, at most
# this long, is the site's menu ("首页", "|", "政务")
_NAV_LINES = 6
_MAX_NAV_CHARS = 30
_HOST = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_NOT_A_NAME = re.compile(r"[，。！？：；,!?:;<>&\"']|\d{4}")
# Dates from the page's markup only (meta tags, structured data): htmldate's extensive search reads
# no Chinese date and takes a copyright line's year for January 1st ("© 1997-2024" → 2024-01-01)
_MARKUP_DATES = {"extensive_search": False, "original_date": True}
# A WeChat post's (mp.weixin.qq.com) time of publication, which its page prints only once a script has run: the
# script's "var ct = "1713427200"" (seconds since 1970), a day in China's time (UTC+8)
_WECHAT_TIME = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{9,10})["']""")
_CHINA = datetime.timezone(datetime.timedelta(hours=8))
_WECHAT = "微信公众平台"
_BLOCKS = ("p", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")
# How much of the text is sniffed for an HTML document start.
_SNIFF_CHARS = 2048


class HtmlReader(Reader):
    file_extensions = (".html", ".htm", ".xhtml")

    def claims_text(self, text: str) -> bool:
        head = text[:_SNIFF_CHARS].lstrip().lower()
        return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)

    def read_text(self, source: Source, text: str, encoding: str) -> Document:
        body, page_meta = html_to_text(text, source.shown)
        meta = merge_meta(source.sidecar, source.indexed, page_meta)
        return source.document(body, "html", meta, encoding=encoding)


def _extract(html: str) -> tuple[Extracted | None, str]:
    """The article as trafilatura finds it, favouring precision where that keeps the article.

    bench/html_extraction.py (news-site layouts, whole articles and two-sentence flashes): with
    recall favoured, every page kept the site's navigation, date line and footer in its body;
    balanced, a short page still fell back to the whole page, run together on one line;
    precise, a page whose paragraphs open on a link lost them all but the footer. So the
    precise text is taken when it holds the balanced text's longest sentence, else the balanced
    one, else (no article found) recall's.
    """
    import trafilatura

    found: list[tuple[Extracted | None, str]] = []  # per pass: its article, or None
    for precision, recall in ((True, False), (False, False), (False, True)):
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=precision,
            favor_recall=recall,
            date_extraction_params=_MARKUP_DATES,
        )
        text = (doc.text or "").strip() if isinstance(doc, trafilatura.settings.Document) else ""
        article = doc if isinstance(doc, trafilatura.settings.Document) and len(_WORD.findall(text)) >= _MIN_WORD_CHARS else None
        found.append((article, text))
        if len(found) == 2 and article is not None:
            # the balanced text's longest sentence (a date-and-source line is none); where the
            # balanced pass fell back to the whole page, that is one line of all its text
            precise, longest = found[0], max(_SENTENCE.findall(text) or [text], key=len)
            if precise[0] is not None and longest in precise[1]:
                return precise[0], _between(precise[1], text)
            return found[1]
    return next(((d, t) for d, t in found if d is not None), (None, ""))


def _between(precise: str, balanced: str) -> str:
    """The precise text with what the balanced pass kept between two of its lines: precision
    drops a short paragraph between two long ones with the chrome ("公司表示，当月营收增加。"
    after a picture's caption in a WeChat post). What stands before its first line or after its
    last (the headline, the byline, the footer) stays out."""
    lines, kept = balanced.split("\n"), precise.split("\n")
    at, found = 0, []
    for line in kept:  # the precise lines, in order, among the balanced ones
        try:
            at = lines.index(line, at)
        except ValueError:
            return precise
        found.append(at)
        at += 1
    return "\n".join(lines[found[0] : found[-1] + 1]) if found else precise


def _printed_under_headline(tree: HtmlElement | None, title: str | None, opening: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """What the page prints between its headline and its text (``opening``, the text's first
    paragraph): the first real date, the origin its "来源：" line credits (else the outlet it
    names there), and its reporters. The extractor leaves that line out with the page's chrome."""
    import trafilatura

    # (html2txt works on a copy, and runs of white space come out as one space)
    page = trafilatura.html2txt(tree) if tree is not None else ""
    opening = _SPACES.sub(" ", opening)
    at = page.find(title) if title else -1
    start = at + len(title or "") if at >= 0 else 0
    window = page[start : start + _WINDOW]
    dates = (iso_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") for m in PRINTED_DATE.finditer(window))
    text_at = window.find(opening[:_OPENING_CHARS]) if opening else -1
    head = window[:text_at] if text_at > 0 else ""
    source = credited_source(window) or named_outlet(head)
    return next(filter(None, dates), None), source, web_byline(head)


def _site_from_title(page_title: str, headline: str | None) -> str | None:
    """The site's name from the page's <title>, where its markup names none: Chinese sites
    seldom give og:site_name, and trafilatura takes a name from the title only if it is a
    domain. The part that is the headline is not a candidate, nor is a channel's name."""
    parts = [p for p in _TITLE_PARTS.split(page_title.strip()) if p]
    if len(parts) < 2:
        return None
    news = max(parts, key=len) if not headline or not any(headline in p or p in headline for p in parts) else None
    names = [
        p for p in parts
        if p != news and not (headline and (headline in p or p in headline))
        and len(p) <= _SITE_CHARS and not _NOT_A_NAME.search(p)
    ]
    for ending in _SITE_ENDINGS:
        if found := [p for p in names if ending.search(p)]:
            return found[-1]
    return None


def _printed_title(title: str | None, opening: list[str]) -> str | None:
    """The headline, where the page's <title> adds the site's name to it ("一季度湖南外贸进出口增长
    8.2%_湖南省人民政府门户网站") and one of the text's first lines is the headline alone: that part."""
    if not title or title in opening:
        return title
    parts = [part for part in _TITLE_PARTS.split(title) if part]
    return next((part for part in parts if len(parts) > 1 and part in opening), title)


def _headings(tree: HtmlElement | None) -> frozenset[str]:
    """The text of the page's second- to fourth-level headings."""
    if tree is None:
        return frozenset()
    return frozenset(text for h in tree.iter("h2", "h3", "h4") if (text := " ".join(h.text_content().split())))


_HEADING_TAGS = frozenset(("h2", "h3", "h4"))
_LEAF_BLOCKS = (*_BLOCKS, "div", "td")
_MIN_DROPPED_HEADING = 6


_MAX_PIECES = 3


def _leaf_blocks(root: HtmlElement, tags: tuple[str, ...]) -> list[tuple[str, str]]:
    """The blocks of ``root`` that hold no block of their own, in page order: each tag and its
    text, white space run together (blocks with no text left out)."""
    leaves = []
    for element in root.iter(*tags):
        if next(element.iterdescendants(*tags), None) is not None:
            continue  # its blocks are read one by one
        if text := " ".join(element.text_content().split()):
            leaves.append((element.tag, text))
    return leaves


def _rejoined(leaves: list[tuple[str, str]], paragraphs: list[str]) -> list[str]:
    """Lines the extractor cut out of one block of the page at its links, joined again: a table
    cell "如不想再收到，请<a>点击退订</a>。" came out as three lines, the last a lone "。". Lines that
    end a sentence were set apart in the block (by <br>) and stay apart."""
    blocks = {without_spaces(text): text for _, text in leaves}
    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        for n in range(_MAX_PIECES, 1, -1):
            pieces = paragraphs[i : i + n]
            key = without_spaces("".join(pieces))
            # (not lines a <br> set apart in the block: each but the last would end a sentence)
            if len(pieces) == n and key in blocks and not any(ends_sentence(p) for p in pieces[:-1]):
                out.append(blocks[key])  # the block's text, spaced as the page spaces it
                i += n
                break
        else:
            out.append(paragraphs[i])
            i += 1
    return out


def _with_dropped_headings(leaves: list[tuple[str, str]], paragraphs: list[str], heads: frozenset[str]) -> list[str]:
    """The paragraphs with the headings the extractor dropped put back over the paragraph that
    follows each on the page: a newsletter laid out in tables (as mail is) lost every item's
    headline ("一季度湖南外贸进出口增长8.2%" over its text), run together into one article."""
    kept = set(paragraphs)
    if not heads or heads <= kept:
        return paragraphs
    over: dict[str, str] = {}  # paragraph -> the dropped heading right over it
    pending: str | None = None
    for tag, text in leaves:
        if tag in _HEADING_TAGS:
            pending = text if text in heads and text not in kept and len(text) >= _MIN_DROPPED_HEADING else None
        elif pending is not None:
            if text in kept:
                over.setdefault(text, pending)
            pending = None
    return [line for p in paragraphs for line in ((over[p], p) if p in over else (p,))]


def _wechat_text(tree: HtmlElement | None) -> str | None:
    """A WeChat post's text, block by block, from the element that holds it (``#js_content``):
    the extractor's guesses dropped a short first or last paragraph ("事件：公司发布三季报。").
    What the post adds around its text there ("来源：…", "往期推荐") is furniture, read later."""
    content = tree.get_element_by_id("js_content", None) if tree is not None else None
    if content is None:
        return None
    return "\n".join(text for _, text in _leaf_blocks(content, _BLOCKS)) or None


def _wechat_account(tree: HtmlElement | None) -> str | None:
    """The account a WeChat post was published by (its og:site_name is the platform's,
    "微信公众平台"): the name under the headline, "湖南日报"."""
    name = tree.get_element_by_id("js_name", None) if tree is not None else None
    return (name.text_content().strip() or None) if name is not None else None


def _wechat_date(html: str) -> str | None:
    m = _WECHAT_TIME.search(html) if "weixin" in html else None
    return datetime.datetime.fromtimestamp(int(m.group(1)), _CHINA).date().isoformat() if m else None


def html_to_text(html: str, shown: str) -> tuple[str, SourceMeta | None]:
    import trafilatura

    doc, text = _extract(html)
    if doc is None:
        raise SourceError(f"{shown}: no article text found in the web page")
    title = (doc.title or "").strip() or None
    tree = trafilatura.load_html(html)  # parsed once for what the extractor does not give
    text = _wechat_text(tree) or text
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    title = _printed_title(title, paragraphs[:_NAV_LINES])
    at = paragraphs.index(title) if title in paragraphs[:_NAV_LINES] else -1
    if at >= 0 and sum(map(len, paragraphs[:at])) <= _MAX_NAV_CHARS:
        # the headline as printed, maybe after the lines of the site's menu ("首页", "|", "政务")
        paragraphs = paragraphs[at + 1 :]
    # the extractor gives the page's headings as lines of text: a line that is one of them is a
    # section head ("一、需求回暖"), or a digest's headline over each of its articles
    heads = _headings(tree)
    leaves = _leaf_blocks(tree, _LEAF_BLOCKS) if tree is not None else []  # read once for both repairs
    paragraphs = _rejoined(leaves, paragraphs)
    paragraphs = _with_dropped_headings(leaves, paragraphs, heads - {title})
    paragraphs = [f"## {p}" if p in heads and p != title else p for p in paragraphs]
    body = (f"# {title}\n\n" if title else "") + "\n\n".join(paragraphs) + "\n"
    # An article's dateline names its publication first. Else the page says where it comes
    # from: the origin its "来源：" line credits (a portal republishes other papers' articles
    # under its own og:site_name), else the site's name in its markup, its title or, last, its
    # address ("finance.sina.com.cn"). trafilatura takes any part of the <title> with a dot in
    # it for a site's address: "1.业绩增长略超预期" and "Q3.92中国销售续成长" were publications of
    # 36 of 160 pages in bench/html_extraction.py's layouts.
    named = doc.sitename if doc.sitename and "." not in doc.sitename else None
    address = doc.sitename if doc.sitename and _HOST.fullmatch(doc.sitename) else None
    title_element = tree.find(".//head//title") if tree is not None else None
    page_title = title_element.text_content() if title_element is not None else ""
    printed_date, printed_source, byline = _printed_under_headline(tree, title, paragraphs[0] if paragraphs else "")
    if account := _wechat_account(tree):  # the account, and the province after it, end the reporters
        byline = tuple(itertools.takewhile(lambda name: name != account, byline))
        named = account if named == _WECHAT else named
    meta = SourceMeta(
        site=printed_source or named or _site_from_title(page_title, title) or address,
        date=(_wechat_date(html) or doc.date or printed_date),
        url=(doc.url or None),
        byline=byline,
        title=title,
        origin="html",
    )
    return body, meta
