"""Segmentation on synthetic damaged pages: the rules generalise beyond the two samples.

The pages carry headlines as newsrooms print them (punctuation, two parts, kickers and
subheads, as wide as the column) and are wrapped by display width; they are read back
through ``load_sources``, the function ``briefing build`` calls. The figures on the held-out
half of the development data are measured by ``bench/segmentation_synthetic.py``.
"""

from __future__ import annotations

import pytest

from generator.build import load_sources
from tests.synthetic_pages import DEVDATA, Score, pages, score


def _segment_pages(tmp_path, devdata: bool) -> Score:
    total = Score()
    generated = pages(40, seed=99, devdata=devdata)
    files = []
    for i, page in enumerate(generated):
        path = tmp_path / f"page-{i:02d}.txt"
        path.write_text(page.text, encoding="utf-8")
        files.append(path)
    loaded = load_sources(files)
    found = {document.path: articles for document, articles in loaded.documents}
    for path, page in zip(files, generated, strict=True):
        total.add(score(page, found.get(str(path), [])))
    return total


def test_synthetic_pages_from_the_development_data(tmp_path):
    if not DEVDATA.exists():
        pytest.skip(f"development data not found at {DEVDATA} (it lives outside the repository)")
    result = _segment_pages(tmp_path, devdata=True).table()
    assert result["titles"] >= 0.95, result
    assert result["pages exact"] >= 0.8, result
    assert result["body kept"] >= 0.98, result
    assert result["body precision"] >= 0.98, result


def test_synthetic_pages_from_the_built_in_briefs(tmp_path):
    """Briefs of two or three short paragraphs, where a headline is hardest to tell from the
    indented first line of a paragraph: always run, development data or not."""
    result = _segment_pages(tmp_path, devdata=False).table()
    assert result["titles"] >= 0.8, result
    assert result["articles exact"] >= 0.75, result
    assert result["body kept"] >= 0.95, result
    assert result["body precision"] >= 0.95, result


def test_the_generator_keeps_printed_headlines():
    """The pages carry what the segmenter must cope with, not what it would like."""
    generated = pages(40, seed=99, devdata=False)
    titles = [a.title for p in generated for a in p.articles]
    assert any(ch in t for t in titles for ch in "，：；！？")
    assert any(a.kicker for p in generated for a in p.articles)
    assert any(a.subhead for p in generated for a in p.articles)
    assert any(
        line.strip() == a.title and abs(p.width - len(line.strip())) < 1
        for p in generated
        for a in p.articles
        for line in p.text.splitlines()
    )
