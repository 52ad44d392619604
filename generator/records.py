"""The article record: what ``briefing inspect`` prints, as JSON or as plain text.

It is made from the same :class:`~generator.data.ArticleDigest` the site renders, so the
record and the page never disagree; ``page`` is the page ``briefing build`` writes for it.
"""

from __future__ import annotations

from dataclasses import asdict

from generator.data import ArticleDigest, DocumentDigest, Figure, Translation
from generator.site.paths import SitePaths


def article_record(doc: DocumentDigest, a: ArticleDigest, *, paths: SitePaths) -> dict:
    """One article as a JSON-ready dict (the ``inspect --json`` contract)."""
    analysis, art = a.analysis, a.analysis.article
    summary_en = a.summary_en
    return {
        "source": art.source,
        "title": analysis.title,
        "title_en": a.title_en.text if a.title_en else None,
        "title_generated": analysis.title_generated,
        "kind": art.kind,
        "body": art.body,
        "summary_zh": [s.text for s in analysis.summary],
        "summary_en": [t.text for t in summary_en] if summary_en is not None else None,
        "translation_quality": [asdict(t.quality) for t in summary_en] if summary_en is not None else None,
        "figures": [
            _figure(f, a.metrics_en[i] if a.metrics_en is not None else None) for i, f in enumerate(analysis.figures)
        ],
        "keywords": list(analysis.keywords),
        "span": list(art.span),
        "byline": list(art.byline),
        "sections": art.section_heads,
        "publication": art.meta.publication,
        "date": art.meta.date,
        "url": art.meta.url,
        "page": paths.article(doc.document.name, art.index),
        "dropped": [{"lines": list(d.lines), "reason": d.reason, "text": d.text} for d in art.dropped],
    }


def _figure(f: Figure, metric_en: Translation | None) -> dict:
    return {
        "text": f.text,
        "value": f.value,
        "unit": f.unit,
        "en": f.en,
        "metric": f.metric,
        "metric_en": metric_en.text if metric_en else None,
        "change": asdict(f.change) if f.change else None,
        "approx": f.approx,
        "upper": f.upper,
        "period": f.period,
        "sentence": f.sentence,
    }


def plain_record(r: dict) -> str:
    """The same record for a person reading a terminal."""
    lines = [f"{r['source']} [{r['span'][0]}-{r['span'][1]}] {r['title']}"]
    if r.get("title_en"):
        lines.append(f"  EN: {r['title_en']}")
    for i, s in enumerate(r["summary_zh"]):
        lines.append(f"  - {s}")
        if r["summary_en"]:
            lines.append(f"    {r['summary_en'][i]}")
    if r["figures"]:
        lines.append("  figures: " + "; ".join(f"{f['text']} = {f['en']}" for f in r["figures"]))
    if r["keywords"]:
        lines.append("  keywords: " + " · ".join(r["keywords"]))
    return "\n".join(lines) + "\n\n"
