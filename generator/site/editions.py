"""How the site is organised for a reader: editions, publications and topics.

An edition is what one publication printed on one date. Dates and publications come from the
source's metadata or its datelines; where none is known the article is "undated" (a file's
modification date is not a publication date). Topics are the keywords several articles
share and the glossary terms an article mentions, so a reader can follow 算力 across editions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.data import ArticleDigest, Digest, DocumentDigest
from generator.glossary import Glossary
from generator.site.paths import SitePaths, slug
from generator.site.publication_names import english_name
from generator.text import to_simplified

# Two articles of one edition that open on this many of the same characters are one article
_SAME_OPENING_CHARS = 80
_NOT_WORD = re.compile(r"[\W_]+")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Item:
    """An article as the site places it: its source, its analysis and English, its page."""

    doc: DocumentDigest
    article: ArticleDigest
    page: str

    @property
    def publication(self) -> str | None:
        return self.article.analysis.article.meta.publication

    @property
    def date(self) -> str | None:
        return self.article.analysis.article.meta.date


@dataclass(frozen=True)
class Edition:
    publication: str | None
    date: str | None
    items: tuple[Item, ...]  # each article once: the first of the sources that hold it
    page: str


@dataclass(frozen=True)
class Publication:
    name: str | None
    editions: tuple[Edition, ...]
    page: str


@dataclass(frozen=True)
class Site:
    """Everything the renderer lays out."""

    items: tuple[Item, ...]  # every article, newest edition first
    editions: tuple[Edition, ...]  # newest first, undated last
    publications: tuple[Publication, ...]
    tags: dict[str, tuple[str, ...]]  # page → its topics
    edition_of: dict[str, Edition]  # article page → the edition it is in
    # article page → the other sources' pages of the same article in its edition (saved twice,
    # from a post and from the paper's site): an edition lists it once
    same: dict[str, tuple[Item, ...]]


def organise(digest: Digest, paths: SitePaths, glossary: Glossary, *, min_tag_articles: int, max_tags: int) -> Site:
    items = [
        Item(doc, a, paths.article(doc.document.name, a.analysis.article.index))
        for doc in digest.documents
        for a in doc.articles
    ]
    groups: dict[tuple[str | None, str | None], list[Item]] = {}
    for item in items:
        groups.setdefault((item.publication, item.date), []).append(item)
    same: dict[str, tuple[Item, ...]] = {}
    editions = []
    for (pub, date), group in groups.items():
        copies: dict[str, list[Item]] = {}
        for item in group:
            copies.setdefault(_opening(item), []).append(item)
        for found in copies.values():
            same.update({item.page: tuple(other for other in found if other is not item) for item in found if len(found) > 1})
        firsts = {id(found[0]) for found in copies.values()}
        editions.append(Edition(pub, date, tuple(i for i in group if id(i) in firsts), paths.edition(edition_key(pub, date, glossary))))
    editions.sort(key=_newest_first)
    by_publication: dict[str | None, list[Edition]] = {}
    for edition in editions:
        by_publication.setdefault(edition.publication, []).append(edition)
    publications = tuple(
        Publication(name, tuple(eds), paths.publication(publication_key(name, glossary)))
        for name, eds in sorted(by_publication.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    )
    ordered = tuple(item for edition in editions for first in edition.items for item in (first, *same.get(first.page, ())))
    edition_of = {item.page: edition for edition in editions for item in edition.items}
    edition_of.update({copy.page: edition_of[page] for page, copies in same.items() if page in edition_of for copy in copies})
    return Site(ordered, tuple(editions), publications, _tags(ordered, glossary, min_tag_articles, max_tags), edition_of, same)


def _opening(item: Item) -> str:
    """What tells one article from another: the first characters of its text, without spaces
    and punctuation and in one script (a copy's layout and title may differ)."""
    return _NOT_WORD.sub("", to_simplified(item.article.analysis.article.body))[:_SAME_OPENING_CHARS]


def _newest_first(edition: Edition) -> tuple:
    date = edition.date or ""
    return (date == "", _invert(date), edition.publication is None, edition.publication or "")


def _invert(text: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def _english(name: str, glossary: Glossary) -> str | None:
    """The glossary's English for a publication, else the name the outlet uses in English."""
    return glossary.as_dict().get(name) or english_name(name)


def publication_key(name: str | None, glossary: Glossary) -> str:
    if not name:
        return "unknown"
    return slug(_english(name, glossary) or name)


def edition_key(publication: str | None, date: str | None, glossary: Glossary) -> str:
    return f"{date or 'undated'}-{publication_key(publication, glossary)}"


def publication_name(name: str | None, glossary: Glossary) -> str:
    """"Hunan Daily (湖南日报)" where its English is known, else the name as printed."""
    if not name:
        return "Unknown publication"
    english = _english(name, glossary)
    return f"{english} ({name})" if english else name


def long_date(date: str | None) -> str:
    """"29 March 2025", "March 2025", or "undated"."""
    if not date:
        return "undated"
    try:
        if len(date) == 7:
            year, month = map(int, date.split("-"))
            return f"{_MONTHS[month - 1]} {year}"
        day = dt.date.fromisoformat(date)
    except (ValueError, IndexError):
        return date
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def edition_title(edition: Edition, glossary: Glossary) -> str:
    if edition.publication is None and edition.date is None:
        return "Undated sources"
    if edition.publication is None:
        return long_date(edition.date)
    return f"{publication_name(edition.publication, glossary)} · {long_date(edition.date)}"


def _tags(items: Sequence[Item], glossary: Glossary, min_articles: int, limit: int) -> dict[str, tuple[str, ...]]:
    """Keywords at least ``min_articles`` articles share, then glossary terms the article uses."""
    counts = Counter(k for item in items for k in set(item.article.analysis.keywords))
    tags = {}
    for item in items:
        analysis = item.article.analysis
        text = analysis.title + analysis.article.body
        chosen = [k for k in analysis.keywords if counts[k] >= min_articles]
        for term, _ in glossary.terms:  # longest first: 湖南省 before 湖南
            if term in text and not any(term in c or c in term for c in chosen):
                chosen.append(term)
        tags[item.page] = tuple(chosen[:limit])
    return tags
