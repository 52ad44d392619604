"""Render stage: a :class:`Digest` becomes Markdown pages (path → text) through Jinja2.

Pages are plain GitHub-flavoured Markdown that Material also renders well: no admonitions or
other Material-only syntax. Every value a template prints is escaped by default (see
``markdown.py``); templates never see a string they could execute.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.data import ArticleDigest, Digest, DocumentDigest, Translation
from generator.site.markdown import Md, code_fence, escape, external_link, link
from generator.site.paths import article_filename, document_slug, source_anchor


@dataclass(frozen=True)
class Page:
    path: str  # relative to the digest folder, '/'-separated
    text: str


class Renderer:
    def __init__(self, templates: Path | None = None) -> None:
        """``templates``: the project's folder of templates; a file there overrides the
        packaged template of the same name."""
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
        self.env.filters["link"] = link
        self.env.filters["external_link"] = external_link
        self.env.filters["translation"] = _translation_text

    def render(self, digest: Digest) -> list[Page]:
        pages: list[Page] = []
        documents = sorted(digest.documents, key=_newest_first)
        for doc in documents:
            slug = document_slug(doc.document.name)
            for article in doc.articles:
                pages.append(self._article_page(doc, article, slug, digest))
            pages.append(self._page(f"{slug}/index.md", "document.md.j2", doc=doc, slug=slug, digest=digest,
                                    articles=[self._article_view(doc, a) for a in doc.articles]))
            pages.append(self._source_page(doc, slug))
        pages.append(
            self._page(
                "index.md",
                "home.md.j2",
                documents=[
                    {
                        "doc": d,
                        "slug": document_slug(d.document.name),
                        "articles": [self._article_view(d, a) for a in d.articles],
                    }
                    for d in documents
                ],
                digest=digest,
            )
        )
        return pages

    def _page(self, path: str, template: str, **context) -> Page:
        text = self.env.get_template(template).render(**context)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        return Page(path=path, text=text)

    def _article_view(self, doc: DocumentDigest, a: ArticleDigest) -> dict:
        art = a.analysis.article
        title_en = a.title_en.text if a.title_en and not a.title_en.quality.fallback else None
        return {
            "file": article_filename(art.index),
            "title_zh": a.analysis.title,
            "title_en": title_en,
            "first_line": art.span[0],
            "last_line": art.span[1],
            "kind": art.kind,
        }

    def _article_page(self, doc: DocumentDigest, a: ArticleDigest, slug: str, digest: Digest) -> Page:
        analysis = a.analysis
        art = analysis.article
        notes: list[str] = []

        def mark(tr: Translation | None) -> Md:
            """A footnote reference for a translation that failed a check."""
            if tr is None or (not tr.quality.problems and not tr.quality.fallback):
                return Md("")
            notes.append(_quality_note(tr))
            return Md(f"[^q{len(notes)}]")

        summary = []
        for i, s in enumerate(analysis.summary):
            en = a.summary_en[i] if a.summary_en is not None else None
            summary.append({"zh": s.text, "en": en, "mark": mark(en)})
        figures = [
            {"figure": f, "metric_en": (a.metrics_en[i] if a.metrics_en else None)}
            for i, f in enumerate(analysis.figures)
        ]
        title_mark = mark(a.title_en)
        return self._page(
            f"{slug}/{article_filename(art.index)}",
            "article.md.j2",
            doc=doc,
            article=art,
            analysis=analysis,
            view=self._article_view(doc, a),
            title_mark=title_mark,
            summary=summary,
            figures=figures,
            keywords=analysis.keywords,
            notes=notes,
            translated=a.summary_en is not None,
            source_link=f"source.md#{source_anchor(art.span[0])}",
            digest=digest,
        )

    def _source_page(self, doc: DocumentDigest, slug: str) -> Page:
        text = doc.document.text.rstrip("\n")
        return self._page(
            f"{slug}/source.md",
            "source.md.j2",
            doc=doc,
            fence=Md(code_fence(text)),
            text=Md(text),
        )


def _newest_first(doc: DocumentDigest) -> tuple:
    dates = [a.analysis.article.meta.date for a in doc.articles if a.analysis.article.meta.date]
    date = doc.document.meta.date or (max(dates) if dates else "")
    # newest first; undated last; then by name for a stable order
    return (date == "", _invert(date), doc.document.name)


def _invert(date: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


def _translation_text(tr: Translation | None) -> str:
    return "" if tr is None else tr.text


def _quality_note(tr: Translation) -> str:
    q = tr.quality
    if q.fallback:
        head = "Machine translation unavailable for this sentence; the Chinese is shown instead"
    else:
        head = "Machine translation failed a check"
    details = ", ".join(q.problems)
    return f"{head}{': ' + details if details else ''}."
