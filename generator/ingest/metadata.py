"""Where and when a source was published: the one place that decides its metadata.

Sources of metadata, in order of precedence: YAML front matter, a sidecar ``NAME.yaml``,
``sources.yaml`` in the folder, a PDF page's folio line ("2025年3月29日 星期六 湖南日报 04
经济"), the page's own metadata (an HTML page's date), a dateline in the text ("湖南日报3月29日
讯"), and last what a web page says it comes from (``SourceMeta.site``: the source its "来源："
line credits, else the site). Field by field the first that knows a value wins; nothing is
ever guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.data import SourceMeta
from generator.errors import SourceError
from generator.safeyaml import YAMLError, load_yaml
from generator.text import to_simplified

INDEX_FILE = "sources.yaml"
_FIELDS = ("publication", "date", "url", "title", "currency")
# The same fields as other tools name them: a web clipper's (Obsidian's "source", "published"),
# a static site's ("link", "pubDate", "publisher"); the first one present is read. A "source"
# that is no address names the publication ("source: 新华社").
_ALIASES = {
    "publication": ("publication", "publisher", "site_name", "source"),
    "date": ("date", "published", "pubDate", "publish_date", "published_at", "date_published"),
    "url": ("url", "source", "link", "canonical", "original_url"),
    "title": ("title",),
    "currency": ("currency",),
}
_ADDRESS = re.compile(r"https?://\S+", re.IGNORECASE)
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# Dates as people write them in metadata: 2025-03-29 (a time may follow), 2025/3/29,
# 2025.3.29, 2025年3月29日, or a month alone (2025-03).
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]?\s*(\d{1,2})\s*日?)?(?:[T\s].*)?")
# A date as pages print it, inside a line: "2024年04月18日09:12", "2017/05/10 14:35", "2023-11-02"
PRINTED_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
# The origin a site's line credits (not "数据来源：", a table's), up to a space, a bracket or a
# channel after a dash:
# "来源： 新华社 字号…", "来源：人民网－财经频道", "来源：湖南日报（ID：hnrb）", "文章来源：证券时报网",
# "来源:中国证券报·中证网"
_NAME_ENDS = r"\s|｜（(【\[－—_\-,，。:：·"
_CREDITED_SOURCE = re.compile(rf"(?<![\u4e00-\u9fff])(?:文章|本文)?来源\s*[:：]\s*([^{_NAME_ENDS}]{{2,16}})(?![^{_NAME_ENDS}])")
# ... or up to the line's next label or button, where a page's text runs them together ("新华社字号：")
_NEXT_ON_LINE = re.compile(r"字号|打印|分享|收藏|浏览|阅读|作者|编辑|责编|发布|时间|日期")
# ... but not where it names no outlet: "来源：网络" (the internet), "综合" (compiled), "本报"
# (this paper: the page's own, known from elsewhere), a company's announcement, the interviewee
_NO_OUTLET = re.compile(r"^(?:网络|互联网|网上|网友|综合|网络综合|综合报道|本报|本刊|本站|本网|公司公告|公告|官网|受访者|作者|自媒体|企业供稿)")
# ... or, with no label, a paper's, agency's or site's name standing on its own in that line
# ("2024年04月15日 20:31 中国证券报"), or the paper its reporter writes for ("鉅亨網記者王莞甯")
_OUTLET = r"[\u4e00-\u9fff]{1,10}?(?:报|報|网|網|社)"
_NAMED_OUTLET = re.compile(rf"(?:^|[\s|｜])({_OUTLET})(?:(?=$|[\s|｜])|(?:全媒体|特约)?(?:记者|記者))")
# A page's folio line: its date (with the year), the weekday or the page number, the paper,
# and nothing that reads as a sentence ("2025年3月29日 星期六 湖南日报 04 经济", "湖南日报
# 2025年3月29日 第4版")
_FOLIO_MARK = re.compile(r"(?:星期|週|周|礼拜)[一二三四五六日天]|第?\s*[A-Z]?\d{1,2}\s*版|\b[A-Z]\d{1,2}\b")
_MAX_FOLIO_CHARS = 40
# Taiwan's papers date a page by the Republic's calendar: "中華民國113年5月10日" is 2024-05-10
_ROC_DATE = re.compile(r"(?:中華民國|中华民国|民國|民国)\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ROC_YEAR_ONE = 1911
_PAPER = re.compile(r"^\S{1,8}?(?:报|報)$")
# A value quoted in a message is cut to this many characters.
_SHOWN_CHARS = 40


def _meta(data: dict, origin: str, where: str, warnings: list[str]) -> SourceMeta | None:
    """The known fields of ``data``; a field that is not usable is left out with a warning
    (``where``: the part of the file it came from, for the message)."""
    values: dict[str, Any] = {}  # each a str or None (SourceMeta's byline is not read from files)
    for key in _FIELDS:
        found = next((name for name in _ALIASES[key] if data.get(name) is not None and _fits(key, name, data[name])), key)
        values[key] = _field(found, data.get(found), where, warnings, field=key)
    if not any(values.values()):
        return None
    return SourceMeta(origin=origin, **values)


def _fits(key: str, name: str, value: object) -> bool:
    """Whether ``value`` under ``name`` is that field's: "source" is the address where it is
    one, else the publication."""
    if name != "source":
        return True
    address = isinstance(value, str) and bool(_ADDRESS.fullmatch(value.strip()))
    return address if key == "url" else not address


def _field(key: str, value: object, where: str, warnings: list[str], *, field: str | None = None) -> str | None:
    """The value of ``key`` (as the file names it) read as ``field`` (default: the key)."""
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        kind = "a list" if isinstance(value, list) else "a mapping"
        warnings.append(f"{where}: '{key}' is {kind}, not text; ignored")
        return None
    text = str(value).strip()
    if not text:
        return None
    field = field or key
    if field == "currency":
        if _CURRENCY_CODE.fullmatch(text.upper()):
            return text.upper()
        warnings.append(f"{where}: 'currency' {_quoted(text)} is not a currency code (CNY, TWD, HKD…); ignored")
        return None
    if field != "date":
        return text
    date = iso_date(text)
    if date is None:
        warnings.append(f"{where}: '{key}' {_quoted(text)} is not a real date (YYYY-MM-DD); ignored")
    return date


def iso_date(text: str) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``) for a date written in one of the usual ways, None for
    anything else, including days the calendar does not have (2025-02-30)."""
    m = _DATE.fullmatch(text.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if m.group(3) else "")


def _quoted(text: str) -> str:
    cut = text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"
    return repr(cut)


def read_front_matter(text: str, shown: str, warnings: list[str]) -> tuple[str, SourceMeta | None]:
    """Strip YAML front matter, blanking its lines so line numbers still match the file."""
    m = _FRONT.match(text)
    if not m:
        return text, None
    try:
        data = load_yaml(m.group(1), first_line=2)
    except YAMLError as exc:
        raise SourceError(f"{shown}: invalid front matter: {exc}") from None
    if not isinstance(data, dict):
        return text, None  # a '---' rule, not front matter
    blank = "\n" * m.group(0).count("\n")
    return blank + text[m.end():], _meta(data, "front-matter", "front matter", warnings)


def sidecar_paths(path: Path) -> list[Path]:
    """``x.txt`` may be described by ``x.yaml`` or ``x.txt.yaml`` beside it."""
    return [path.with_suffix(".yaml"), path.with_name(path.name + ".yaml")]


def read_sidecar(path: Path, shown: str, warnings: list[str]) -> SourceMeta | None:
    for candidate in sidecar_paths(path):
        if candidate.is_file() and candidate != path:
            try:
                data = load_yaml(_read_beside(candidate, path.parent))
            except (OSError, UnicodeDecodeError, YAMLError) as exc:
                raise SourceError(f"{shown}: sidecar {candidate.name}: {_why(exc)}") from None
            if data is None:
                return None
            if not isinstance(data, dict):
                raise SourceError(f"{shown}: sidecar {candidate.name}: expected a mapping of publication/date/url")
            return _meta(data, "sidecar", f"sidecar {candidate.name}", warnings)
    return None


def read_index(directory: Path, warnings: list[str] | None = None) -> dict[str, SourceMeta]:
    """``sources.yaml`` of a folder: ``{file name: {publication, date, url}}``; fields that
    cannot be used go to ``warnings`` (each names the entry and the key)."""
    path = directory / INDEX_FILE
    if not path.is_file():
        return {}
    try:
        data = load_yaml(_read_beside(path, directory)) or {}
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise SourceError(f"{path}: {_why(exc)}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{path}: expected {{file name: {{publication, date, url}}}}")
    index = {}
    notes: list[str] = []
    for name, entry in data.items():
        if entry is None:
            continue
        if not isinstance(entry, dict):
            notes.append(f"entry {str(name)!r}: expected a mapping of publication/date/url; ignored")
            continue
        meta = _meta(entry, "sources.yaml", f"entry {str(name)!r}", notes)
        if meta is not None:
            index[str(name)] = meta
    if warnings is not None:
        warnings.extend(notes)
    return index


def _read_beside(path: Path, folder: Path) -> str:
    """A metadata file's text; one that is a link to somewhere outside ``folder`` is refused
    (it would publish what it points to)."""
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        raise OSError(f"a link to a file outside {folder.name or folder}/; not read")
    return path.read_text(encoding="utf-8-sig")


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__


def dateline_meta(publication: str | None, date: str | None) -> SourceMeta | None:
    """What a dateline says (the weakest source: anything the files say wins)."""
    if not publication and not date:
        return None
    return SourceMeta(publication=publication, date=date, origin="dateline")


def shared_edition(metas: list[SourceMeta]) -> SourceMeta | None:
    """The one publication and date the dated articles of a page agree on, else None.

    A newspaper page is printed in one edition, so an article without a dateline of its own
    belongs to the edition its neighbours name.
    """
    editions = {(m.publication, m.date) for m in metas if m.date}
    if len(editions) != 1:
        return None
    publication, date = editions.pop()
    return SourceMeta(publication=publication, date=date, origin="page")


def read_folio(line: str) -> SourceMeta | None:
    """The date and paper a page's folio line prints, or None where the line is no folio."""
    text = line.strip()
    date, roc = PRINTED_DATE.search(text), _ROC_DATE.search(text)
    if not (date or roc) or len(text) > _MAX_FOLIO_CHARS or re.search("[。！？，；]", text) or not _FOLIO_MARK.search(text):
        return None
    papers = [word for word in text.split() if _PAPER.match(word) and not (PRINTED_DATE.search(word) or _ROC_DATE.search(word))]
    if date:
        year, month, day = date.group(1), date.group(2), date.group(3)
    elif roc:
        year, month, day = str(int(roc.group(1)) + _ROC_YEAR_ONE), roc.group(2), roc.group(3)
    when = iso_date(f"{year}-{month}-{day}")
    return SourceMeta(publication=papers[0] if papers else None, date=when, origin="folio") if when else None


def folio_meta(dump: str) -> SourceMeta | None:
    """What the first folio line of a text dump's pages says (a page starts the dump or a line
    led by a space)."""
    for number, line in enumerate(dump.splitlines()):
        if (number == 0 or line[:1] in (" ", "\u3000")) and (meta := read_folio(line)):
            return meta
    return None


def credited_source(notice: str) -> str | None:
    """The publication a site's line names as the article's origin ("来源： 新华社"): the paper
    or agency the site took it from, which is what the article was published by."""
    text = notice.strip()
    m = _CREDITED_SOURCE.search(to_simplified(text))  # folding keeps one character for one
    if not m:
        return None
    folded = _NEXT_ON_LINE.split(m.group(1))[0]
    name = text[m.start(1) : m.start(1) + len(folded)]  # as printed ("來源：中央社")
    return name if len(name) >= 2 and not _NO_OUTLET.match(folded) else None


def named_outlet(line: str) -> str | None:
    """The paper, agency or site a web page's line under its headline names without a label
    ("2024年04月15日 20:31 中国证券报", "鉅亨網記者王莞甯 台北 2017/05/10")."""
    m = _NAMED_OUTLET.search(line.strip())
    return m.group(1) if m else None


def as_published(meta: SourceMeta) -> SourceMeta:
    """An article's metadata once its dateline is read: the site it was saved from stands for
    its publication only where nothing names one ("新浪财经讯…" on a page titled "…_人民网")."""
    return replace(meta, publication=meta.site) if meta.site and not meta.publication else meta


def merge_meta(*metas: SourceMeta | None) -> SourceMeta:
    """Field by field, the first source that knows a value wins (callers pass them in the
    order of precedence given above)."""
    present = [m for m in metas if m is not None]
    if not present:
        return SourceMeta()
    values = {}
    origins: list[str] = []
    for key in (*_FIELDS, "site", "byline"):
        for m in present:
            value = getattr(m, key)
            if value:
                values[key] = value
                if m.origin and m.origin not in origins:
                    origins.append(m.origin)
                break
    return SourceMeta(origin="+".join(origins) or None, **values)
