"""Property: on any page laid out from real articles, no body sentence goes missing.

Hypothesis picks the articles and the layout (column width, headlines before or after their
bodies, kickers, subheads, datelines, bylines, captions, pull quotes, page headers); every
sentence of every article must come out in an article's body, title or section head, or in
a reported drop, and every character of the page must be accounted for. The runs are
derandomised and bounded (a few seconds).
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.data import Document
from generator.ingest.reflow import reflow
from generator.ingest.segment import split_articles
from tests.coverage import coverage
from tests.synthetic_pages import DEVDATA, _sentences, clean_articles, make_page

_SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def _check_page(pool, picks: list[int], layout: int) -> None:
    indexes = list(dict.fromkeys(i % len(pool) for i in picks))
    if len(indexes) < 2:
        indexes.append((indexes[0] + 1) % len(pool))
    chosen = [pool[i] for i in indexes]
    page = make_page(random.Random(layout), chosen)
    document = Document(path="page.txt", name="page.txt", text=page.text, format="text", needs_reflow=True)
    found = split_articles(document, reflow(document))
    kept = [a.body for a in found.articles] + [a.title or "" for a in found.articles]
    kept += [h for a in found.articles for h in a.section_heads]
    kept += [d.text for a in found.articles for d in a.dropped] + [d.text for d in found.dropped]
    corpus = "\n".join(_squeeze(t) for t in kept)
    for truth in page.articles:
        for sentence in _sentences(truth.body):
            assert _squeeze(sentence) in corpus, (truth.title, sentence)
    result = coverage(page.text, found.articles, found.dropped)
    assert result.share == 1.0, result.missing[:3]


def _squeeze(text: str) -> str:
    return "".join(text.split())


_PICKS = st.lists(st.integers(min_value=0, max_value=10_000), min_size=2, max_size=4, unique=True)
_LAYOUT = st.integers(min_value=0, max_value=2**32 - 1)


@_SETTINGS
@given(picks=_PICKS, layout=_LAYOUT)
def test_no_body_sentence_goes_missing_on_built_in_pages(picks, layout):
    _check_page(clean_articles(devdata=False), picks, layout)


_DEV_POOL: list = []


@pytest.mark.skipif(not DEVDATA.exists(), reason=f"development data not found at {DEVDATA} (it lives outside the repository)")
@_SETTINGS
@given(picks=_PICKS, layout=_LAYOUT)
def test_no_body_sentence_goes_missing_on_pages_of_development_articles(picks, layout):
    if not _DEV_POOL:
        _DEV_POOL.extend(clean_articles(limit=300, part="all"))
    _check_page(_DEV_POOL, picks, layout)
