"""The built sample site in headless Chromium, at a desktop (1280 px) and a phone (390 px) width."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")


@pytest.fixture
def page_at(browser, served_site):
    """A page of the site at a width, recording console errors and requests that leave the site."""
    opened = []

    def open_page(width: int):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.errors, page.external = [], []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: page.external.append(r.url) if not r.url.startswith(served_site) else None)
        opened.append(context)
        return page

    yield open_page
    for context in opened:
        context.close()


def _url(record: dict) -> str:
    return "/" + record["page"].removesuffix(".md") + "/"


def test_every_article_tab_is_titled_by_its_headline(page_at, served_site, built_site):
    page = page_at(1280)
    for record in built_site["records"]:
        page.goto(served_site + _url(record))
        headline = page.locator("h1").first.inner_text().strip().rstrip("¶").strip()
        assert headline in (record["title"], record["title_en"]), "English only when the translation passed its checks"
        assert page.title() == f"{headline} - Bilingual briefing"
    assert not page.errors and not page.external, (page.errors, page.external)


def test_navigation_labels_are_editions_and_topics(page_at, served_site):
    page = page_at(1280)
    page.goto(served_site + "/")
    top = ".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link"
    labels = list(dict.fromkeys(t.strip() for t in page.locator(top).all_inner_texts() if t.strip()))
    assert labels == ["Latest edition", "All editions", "Publications", "Topics", "About"], labels
    assert not [lab for lab in labels if re.search(r"^Article \d+$|^Index$|^Source$|\.txt$|\.md$", lab)]


@pytest.mark.parametrize("path", ["/", "/digest/editions/2025-03-29-hunan-daily/", "/digest/editions/", "ARTICLES"])
def test_phone_width_needs_no_sideways_scrolling(page_at, served_site, built_site, path):
    page = page_at(390)
    paths = [_url(r) for r in built_site["records"]] if path == "ARTICLES" else [path]
    for p in paths:
        page.goto(served_site + p)
        page.wait_for_load_state("networkidle")
        width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= inner, (p, width, inner)
        overflowing = page.evaluate(
            "[...document.querySelectorAll('.md-typeset table')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).length"
        )
        assert overflowing == 0, f"a table scrolls sideways on {p}"
    assert not page.errors and not page.external, (page.errors, page.external)


def test_a_listed_title_takes_no_more_lines_than_its_words_on_a_phone(page_at, served_site):
    """An edition lists articles under their titles: a title that just fits one line must not
    gain an empty second line (the heading's permalink wrapped onto it, invisible on a phone)."""
    page = page_at(390)
    for path in ("/digest/editions/undated-unknown/", "/digest/editions/2025-03-29-hunan-daily/"):
        page.goto(served_site + path)
        page.wait_for_load_state("networkidle")
        taller = page.evaluate(
            "[...document.querySelectorAll('.md-typeset h2')].filter(h => h.querySelector('a:not(.headerlink)'))"
            # a line box is a little taller than the words' own box; an empty line adds a whole one
            ".filter(h => h.getBoundingClientRect().height - h.querySelector('a:not(.headerlink)').getBoundingClientRect().height"
            " > 0.6 * parseFloat(getComputedStyle(h).lineHeight))"
            ".map(h => h.innerText)"
        )
        assert taller == [], (path, taller)
    assert not page.errors and not page.external, (page.errors, page.external)


def _shown(page, lang: str) -> int:
    return page.evaluate(
        f"[...document.querySelectorAll('.md-content [lang=\"{lang}\"]')].filter(e => getComputedStyle(e).display !== 'none').length"
    )


def test_language_switch_hides_and_shows_and_is_remembered(page_at, served_site, built_site):
    page = page_at(1280)
    page.goto(served_site + "/")
    assert _shown(page, "zh") > 0 and _shown(page, "en") > 0
    article = next(r for r in built_site["records"] if r["summary_en"])
    page.goto(served_site + _url(article))
    both = (_shown(page, "en"), _shown(page, "zh"))
    assert both[0] > 0 and both[1] > 0
    page.get_by_role("button", name="English").click()
    assert _shown(page, "zh") == 0 and _shown(page, "en") == both[0]
    page.goto(served_site + _url(built_site["records"][-1]))  # another page: the choice is kept
    assert page.get_by_role("button", name="English").get_attribute("aria-pressed") == "true"
    assert _shown(page, "zh") == 0
    page.get_by_role("button", name="中文").click()
    assert _shown(page, "en") == 0 and _shown(page, "zh") > 0
    page.get_by_role("button", name="Both").click()
    assert _shown(page, "en") > 0 and _shown(page, "zh") > 0
    assert not page.errors and not page.external, (page.errors, page.external)


def test_without_javascript_both_languages_and_the_full_text_show(browser, served_site, built_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    article = next(r for r in built_site["records"] if r["summary_en"])
    page.goto(served_site + _url(article))
    assert _visible_text(page, '[lang="en"]') and _visible_text(page, '[lang="zh"]')
    assert article["body"].split("\n")[0][:20] in page.locator(".briefing-fulltext").inner_text()
    context.close()


def _visible_text(page, selector: str) -> str:
    return " ".join(page.locator(selector).all_inner_texts())


def test_full_text_opens_on_the_article_page(page_at, served_site, built_site):
    page = page_at(390)
    record = built_site["records"][0]
    page.goto(served_site + _url(record))
    details = page.locator(".briefing-fulltext details")
    assert details.count() == 1 and details.get_attribute("open") is None
    details.locator("summary").click()
    assert record["body"].split("\n")[0][:20] in details.inner_text()


def test_search_finds_chinese_words(page_at, served_site):
    """Type a Chinese word into the search box; the article must come up (tests/test_search.py has more)."""
    page = page_at(1280)
    results = {}
    for word in ("算力券", "轻工"):
        page.goto(served_site + "/")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("s")  # Material's search shortcut
        page.keyboard.type(word)
        page.keyboard.press("End")  # IME-less typing of CJK fires no keyup: one more key does
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        results[word] = page.locator(".md-search-result__item").all_inner_texts()
    assert not page.errors and not page.external, (page.errors, page.external)
    for word, items in results.items():
        assert items and any(word in item.replace("\u200b", "") for item in items), (word, items[:3])
