"""Segmentation on synthetic damaged pages: the rules generalise beyond the two samples."""

from __future__ import annotations

import pytest

from generator.data import Document
from generator.ingest.reflow import reflow
from generator.ingest.segment import segment
from tests.synthetic_pages import DEVDATA, pages, score


# The built-in articles are briefs of two or three short paragraphs, where a headline is
# hardest to tell from the indented first line of a paragraph; the dev-data articles are
# ordinary news stories.
@pytest.mark.parametrize(
    "devdata, min_titles, min_exact",
    [(True, 0.9, 0.8), (False, 0.8, 0.7)],
    ids=["dev-data-articles", "built-in-articles"],
)
def test_synthetic_pages_are_segmented(devdata, min_titles, min_exact):
    if devdata and not DEVDATA.exists():
        pytest.skip(f"development data not found at {DEVDATA} (it lives outside the repository)")
    exact = titles = recovered = total = articles = 0
    for i, page in enumerate(pages(40, seed=99, devdata=devdata)):
        document = Document(path=f"p{i}.txt", name=f"p{i}.txt", text=page.text, format="text", needs_reflow=True)
        e, t, r, c = score(page, segment(document, reflow(document)))
        exact, titles, recovered, total = exact + e, titles + t, recovered + r, total + c
        articles += len(page.articles)
    assert titles / articles >= min_titles, titles / articles
    assert exact / articles >= min_exact, exact / articles
    assert recovered / total >= 0.97, recovered / total
