"""Every article a reader sees in the sample sources (tests/seed-articles.yaml), exactly."""

from __future__ import annotations

import re

import pytest

from generator.analysis.sentences import split_sentences
from generator.ingest.datelines import parse_dateline
from generator.ingest.readers import read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import segment
from tests.helpers import SEEDS, acceptance

SPEC = acceptance()["sources"]


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(",", "，").replace("(", "（").replace(")", "）")


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


@pytest.fixture(scope="module", params=sorted(SPEC))
def source(request):
    name = request.param
    document = read_document(SEEDS / name)
    blocks = reflow(document)
    return name, document, blocks, segment(document, blocks)


def test_articles_found_in_page_order_with_exact_titles(source):
    name, _, _, articles = source
    found = [a for a in articles if a.kind == "article"]
    expected = SPEC[name]["articles"]
    assert [_norm(a.title) for a in found] == [_norm(e["title"]) for e in expected]
    assert [a.index for a in articles] == list(range(len(articles)))


def test_bodies_start_and_end_where_the_reader_sees_them(source):
    name, _, _, articles = source
    found = [a for a in articles if a.kind == "article"]
    for article, spec in zip(found, SPEC[name]["articles"], strict=True):
        body = _norm(article.body)
        starts = [_norm(spec["starts"])] + ([_norm(spec["starts_alt"])] if spec.get("starts_alt") else [])
        assert any(body.startswith(s) for s in starts), (spec["title"], article.body[:60])
        assert body.endswith(_norm(spec["ends"])), (spec["title"], article.body[-60:])


def test_bylines_are_metadata_not_body(source):
    name, _, _, articles = source
    found = [a for a in articles if a.kind == "article"]
    for article, spec in zip(found, SPEC[name]["articles"], strict=True):
        names = spec.get("byline", "").split()
        assert set(names) <= set(article.byline), (spec["title"], article.byline)
        for n in names:
            assert not re.search(rf"(记者\s*{n}|\s{n}$)", article.body), (spec["title"], n)


def test_section_heads_stay_inside_their_article(source):
    name, _, _, articles = source
    found = [a for a in articles if a.kind == "article"]
    for article, spec in zip(found, SPEC[name]["articles"], strict=True):
        assert [_norm(s) for s in article.section_heads] == [_norm(s) for s in spec.get("sections", [])]


def test_captions_and_photo_stories_never_join_an_article(source):
    name, _, blocks, articles = source
    bodies = [_letters(a.body) for a in articles if a.kind == "article"]
    for photo in SPEC[name].get("photo_items", []):
        probe = _letters(photo["starts"])
        assert not any(probe in body for body in bodies), photo["starts"]
        photos = [a for a in articles if a.kind == "photo"]
        assert all(len(a.body) < 600 for a in photos)
    for caption in (b for b in blocks if b.kind == "caption"):
        words = _letters(caption.text)[:30]
        assert not any(words in body for body in bodies), caption.text


def test_pull_quotes_and_repeated_fragments_appear_once(source):
    _, _, blocks, articles = source
    corpus = "".join(_letters(a.body) for a in articles)
    for quote in (b for b in blocks if b.kind == "quote"):
        m = re.search(r"“([^”]{8,})”", quote.text)
        probe = _letters(m.group(1) if m else quote.text)
        assert corpus.count(probe) == 1, quote.text


def test_no_body_sentence_is_lost_or_duplicated(source):
    _, _, blocks, articles = source
    bodies = [_letters(a.body) for a in articles]
    for block in blocks:
        if block.kind != "paragraph":
            continue
        text = block.text
        dateline = parse_dateline(text)
        if dateline is not None:
            text = text[dateline.end :]
        for sentence in split_sentences(text):
            probe = _letters(sentence.text)
            if len(probe) < 4:
                continue
            homes = sum(probe in body for body in bodies)
            assert homes == 1, (sentence.text, homes)
