"""Render stage: a :class:`Digest` becomes Markdown pages (path → text) through Jinja2.

Pages are plain GitHub-flavoured Markdown that Material also renders well: HTML blocks only
where both understand them (``<div lang="zh" markdown>`` around text in one language, which
the language switch shows or hides; GitHub shows both). Every value a template prints is
escaped by default (see ``markdown.py``); templates never see a string they could execute.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from generator.data import Digest, DocumentDigest, Figure, Quality, Translation
from generator.glossary import Glossary
from generator.site.editions import (
    Edition,
    Item,
    Site,
    edition_title,
    long_date,
    organise,
    publication_name,
)
from generator.site.markdown import Md, code_fence, escape, external_link, href
from generator.site.paths import HOME, SitePaths, relative, source_anchor

UNAVAILABLE_EN = "No reliable English for this sentence: the machine translation failed its checks."


@dataclass(frozen=True)
class Page:
    path: str  # relative to the docs folder, '/'-separated
    text: str


@dataclass(frozen=True)
class SiteSettings:
    """What the renderer needs to know beyond the digest."""

    digest_dir: str = "digest"
    glossary: Glossary = Glossary()
    min_tag_articles: int = 2
    max_tags: int = 6
    feed_items: int = 50
    timezone: str = "Asia/Shanghai"
    # where a source file is, relative to a page's folder (for links GitHub can open), or None
    source_link: Callable[[DocumentDigest, str], str | None] | None = None


class Renderer:
    def __init__(self, templates: Path | None = None, settings: SiteSettings | None = None) -> None:
        """``templates``: the project's folder of templates; a file there overrides the
        packaged template of the same name."""
        self.settings = settings or SiteSettings()
        loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("generator.site", "templates")]
        if templates is not None and templates.is_dir():
            loaders.insert(0, jinja2.FileSystemLoader(str(templates)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=False,  # Markdown, not HTML: escaping is done by `finalize` below
            finalize=escape,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["external_link"] = external_link
        self.env.filters["long_date"] = long_date
        self.env.filters["publication_name"] = lambda name: publication_name(name, self.settings.glossary)

    def render(self, digest: Digest) -> list[Page]:
        s = self.settings
        paths = SitePaths(s.digest_dir, tuple(d.document.name for d in digest.documents))
        site = organise(digest, paths, s.glossary, min_tag_articles=s.min_tag_articles, max_tags=s.max_tags)
        views = {item.page: self._article_view(item, site, paths) for item in site.items}
        pages = [self._article_page(views[item.page]) for item in site.items]
        for doc in digest.documents:
            articles = [views[paths.article(doc.document.name, a.analysis.article.index)] for a in doc.articles]
            pages.append(self._document_page(doc, articles, paths))
            pages.append(self._source_page(doc, paths))
        for edition in site.editions:
            pages.append(self._edition_page(edition, views, edition.page))
        pages.append(self._home(site, views))
        pages.append(self._archive(site, views, paths))
        pages.append(self._publications(site, paths))
        for publication in site.publications:
            here = publication.page
            pages.append(self._page(here, "publication.md.j2", here=here,
                                    title=publication_name(publication.name, s.glossary),
                                    editions=[self._edition_view(e, views, here) for e in publication.editions]))
        pages.append(self._page(paths.topics, "topics.md.j2", here=paths.topics))
        pages.append(Page(paths.feed_data, self._site_data(site, views, paths)))
        return pages

    # -- pages ---------------------------------------------------------------------------

    def _page(self, path: str, template: str, **context: object) -> Page:
        text = self.env.get_template(template).render(url=lambda target: href(relative(path, target)), **context)
        return Page(path=path, text=_tidy(text))

    def _article_page(self, view: dict) -> Page:
        meta: dict = {"title_generated": True} if view["title_generated"] else {}
        if view["tags"]:
            meta["tags"] = list(view["tags"])
        return self._page(view["page"], "article.md.j2", view=view, here=view["page"], front_matter=_front_matter(meta))

    def _document_page(self, doc: DocumentDigest, articles: Sequence[dict], paths: SitePaths) -> Page:
        here = paths.document(doc.document.name)
        dropped = sorted([*doc.dropped, *(d for a in doc.articles for d in a.analysis.article.dropped)], key=lambda d: d.lines)
        return self._page(here, "document.md.j2", here=here, doc=doc, title=_document_title(doc, self.settings.glossary),
                          articles=articles, source_page=paths.source(doc.document.name), dropped=dropped)

    def _source_page(self, doc: DocumentDigest, paths: SitePaths) -> Page:
        text = doc.document.text.rstrip()
        # a code block does not keep leading blank lines: start its numbering after them
        lead = len(text) - len(text.lstrip("\n"))
        body = text.lstrip("\n")
        here = paths.source(doc.document.name)
        return self._page(here, "source.md.j2", here=here, doc=doc, title=_document_title(doc, self.settings.glossary),
                          document_page=paths.document(doc.document.name),
                          fence=Md(code_fence(body)), first_line=lead + 1, text=Md(body))

    def _edition_page(self, edition: Edition, views: dict[str, dict], here: str) -> Page:
        return self._page(here, "edition.md.j2", here=here, edition=self._edition_view(edition, views, here))

    def _home(self, site: Site, views: dict[str, dict]) -> Page:
        newest = [e for e in site.editions if e.date and e.date == site.editions[0].date] or list(site.editions[:1])
        others = [e for e in site.editions if e not in newest]
        latest = [self._edition_view(e, views, HOME) for e in newest]
        title = latest[0]["title"] if len(latest) == 1 else (long_date(latest[0]["date"]) if latest else "Briefing")
        return self._page(HOME, "home.md.j2", here=HOME, front_matter=_front_matter({"title": title}),
                          latest=latest,
                          others=[self._edition_view(e, views, HOME) for e in others],
                          archive=f"{self.settings.digest_dir}/editions/index.md",
                          topics=f"{self.settings.digest_dir}/topics.md",
                          publications=f"{self.settings.digest_dir}/publications/index.md")

    def _archive(self, site: Site, views: dict[str, dict], paths: SitePaths) -> Page:
        here = paths.editions
        return self._page(here, "editions.md.j2", here=here,
                          editions=[self._edition_view(e, views, here) for e in site.editions])

    def _publications(self, site: Site, paths: SitePaths) -> Page:
        here = paths.publications
        rows = [
            {"name": publication_name(p.name, self.settings.glossary), "page": p.page, "editions": len(p.editions),
             "articles": sum(len(e.items) for e in p.editions),
             "newest": next((e.date for e in p.editions if e.date), None)}
            for p in site.publications
        ]
        return self._page(here, "publications.md.j2", here=here, publications=rows)

    # -- views: plain dicts the templates read ---------------------------------------------

    def _edition_view(self, edition: Edition, views: dict[str, dict], here: str) -> dict:
        return {
            "title": edition_title(edition, self.settings.glossary),
            "page": edition.page,
            "date": edition.date,
            "publication": edition.publication,
            "articles": [views[item.page] for item in edition.items],
        }

    def _article_view(self, item: Item, site: Site, paths: SitePaths) -> dict:
        a = item.article
        analysis, art = a.analysis, a.analysis.article
        title_en = _clean_english(a.title_en)
        summary = []
        for i, sentence in enumerate(analysis.summary):
            tr = a.summary_en[i] if a.summary_en is not None else None
            summary.append({"zh": sentence.text, "en": _shown_english(tr), "note": _plain_note(tr.quality) if tr else None})
        figures, sentences = _figure_rows(analysis.figures, a.metrics_en)
        source_name = item.doc.document.name
        return {
            "page": item.page,
            "title": title_en or analysis.title,
            "title_en": title_en,
            "title_zh": analysis.title,
            "title_generated": analysis.title_generated,
            "translated": a.summary_en is not None,
            "kind": art.kind,
            "publication": publication_name(art.meta.publication, self.settings.glossary) if art.meta.publication else None,
            "date": art.meta.date,
            "url": art.meta.url,
            "byline": art.byline,
            "summary": summary,
            "lead_figure": analysis.figures[0] if analysis.figures else None,
            "figures": figures,
            "figure_sentences": sentences,
            "keywords": analysis.keywords,
            "tags": site.tags.get(item.page, ()),
            "sections": [(s.heading, s.paragraphs) for s in art.sections],
            "characters": len(re.sub(r"\s", "", art.body)),
            "source_name": source_name,
            "lines": art.span,
            # the lines are the file's only for text read as it is (not a PDF, page, mail or
            # unfolded layout, whose text was taken out of the file)
            "extracted": item.doc.document.format not in ("text", "markdown") or item.doc.document.extracted,
            "source_link": href(self._source_link(item.doc, item.page, art.span)),
            "source_file": self._source_file(item.doc, item.page),
            "source_page": paths.source(source_name),
            "document_page": paths.document(source_name),
            "edition": _edition_of(item, site, self.settings.glossary),
            # the same article saved from other sources: listed once in its edition
            "same": [{"source_name": other.doc.document.name, "page": other.page} for other in site.same.get(item.page, ())],
        }

    def _source_file(self, doc: DocumentDigest, page: str) -> str | None:
        """The source file, relative to the docs folder (None when it is not linked as a file)."""
        target = self.settings.source_link(doc, page) if self.settings.source_link else None
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), target)) if target else None

    def _source_link(self, doc: DocumentDigest, page: str, span: tuple[int, int]) -> str:
        """The source file itself at the article's lines (GitHub's ``#L3-L9``); the MkDocs plugin
        turns it into a link to the source page on the site."""
        target = self.settings.source_link(doc, page) if self.settings.source_link else None
        if target is None:
            return relative(page, SitePaths(self.settings.digest_dir).source(doc.document.name)) + f"#{source_anchor(span[0])}"
        if doc.document.format in ("text", "markdown") and not doc.document.extracted:
            return f"{target}#L{span[0]}-L{span[1]}"
        return target  # extracted text (web page, PDF): its lines are not the file's

    def _site_data(self, site: Site, views: dict[str, dict], paths: SitePaths) -> str:
        """Feed items, the map from source files to their pages and the copies' pages, for the
        MkDocs plugin."""
        listed = {item.page for edition in site.editions for item in edition.items}  # (a copy is no new item)
        dated = [item for item in site.items if item.page in listed and item.date and len(item.date) == 10][: self.settings.feed_items]
        data = {
            "timezone": self.settings.timezone,
            "home": HOME,
            "items": [
                {
                    "page": item.page,
                    "title_en": views[item.page]["title_en"],
                    "title_zh": views[item.page]["title_zh"],
                    "summary_en": [s["en"] for s in views[item.page]["summary"] if s["en"]],
                    "summary_zh": [s["zh"] for s in views[item.page]["summary"]],
                    "date": item.date,
                    "publication": item.publication,
                    "tags": list(views[item.page]["tags"]),
                }
                for item in dated
            ],
            "sources": {
                views[item.page]["source_file"]: views[item.page]["source_page"]
                for item in site.items
                if views[item.page]["source_file"]
            },
            # pages of an article another source holds too: search finds the article once
            "copies": sorted(item.page for item in site.items if item.page not in listed),
        }
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _edition_of(item: Item, site: Site, glossary: Glossary) -> dict | None:
    edition = site.edition_of.get(item.page)
    if edition is None:
        return None
    return {"page": edition.page, "date": edition.date, "title": edition_title(edition, glossary)}


def _document_title(doc: DocumentDigest, glossary: Glossary) -> str:
    meta = doc.document.meta
    if meta.title:
        return meta.title
    if meta.publication or meta.date:
        parts = [publication_name(meta.publication, glossary) if meta.publication else None, long_date(meta.date) if meta.date else None]
        return " · ".join(p for p in parts if p)
    titles = [a.analysis.title for a in doc.articles]
    if not titles:
        return doc.document.name
    return titles[0] if len(titles) == 1 else f"{titles[0]} and {len(titles) - 1} more"


def _clean_english(tr: Translation | None) -> str | None:
    """English for a title or a label: only when the translation passed every check."""
    if tr is None or tr.quality.problems or tr.quality.fallback:
        return None
    return tr.text


def _shown_english(tr: Translation | None) -> str | None:
    if tr is None or tr.quality.fallback:
        return None
    return tr.text


def _plain_note(q: Quality) -> str | None:
    """What went wrong with a machine translation, for a reader (the codes stay in JSON)."""
    if q.fallback:
        return UNAVAILABLE_EN
    missing = []
    if not q.numbers_ok:
        missing.append("a figure")
    if not q.glossary_ok:
        missing.append("a name from the glossary")
    if missing:
        return f"The machine translation left out {' and '.join(missing)}; it is added in brackets."
    return None


def _figure_rows(figures: Sequence[Figure], metrics_en: Sequence[Translation | None] | None) -> tuple[list[dict], list[str]]:
    """Table rows, and the sentences they come from, each once, numbered in order of use."""
    sentences: list[str] = []
    rows = []
    for i, f in enumerate(figures):
        if f.sentence not in sentences:
            sentences.append(f.sentence)
        metric_en = _clean_english(metrics_en[i]) if metrics_en is not None else None
        number = sentences.index(f.sentence) + 1
        rows.append({"figure": f, "metric_en": metric_en, "sentence": number, "mark": Md(_superscript(number))})
    return rows, sentences


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript(number: int) -> str:
    """The number of a figure's sentence, set small beside the figure (no extra column)."""
    return str(number).translate(_SUPERSCRIPT)


def _front_matter(data: dict) -> Md:
    """YAML front matter (MkDocs reads it as page meta; GitHub shows it as a small table)."""
    if not data:
        return Md("")
    return Md("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n")


_FENCE = re.compile(r"^(`{3,}|~{3,})")


def _tidy(text: str) -> str:
    """One blank line between blocks, none doubled, outside code blocks (a source page keeps
    its blank lines, so its line numbers stay the file's)."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)
        elif fence is not None and line.startswith(fence) and not line[len(fence):].strip():
            fence = None
            out.append(line)
            continue
        if fence is None and not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return "\n".join(out).strip() + "\n"
