"""From seeds/ to a built site, with the real generator, the tiny Argos model and MkDocs."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator import cli
from tests.helpers import acceptance, briefing, make_project, mkdocs_build
from tests.tiny_argos import DEFAULT_PHRASE


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(",", "，")


def _visible(page_html: str) -> str:
    """The article text of a built page, tags stripped and entities decoded."""
    body = page_html.split('<article', 1)[-1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


@pytest.fixture(scope="module")
def built_site(tmp_path_factory, tiny_argos_package):
    """Build the sample seeds once for this module: `briefing build` then `mkdocs build --strict`."""
    import os

    from generator.translation import packages

    root = tmp_path_factory.mktemp("e2e")
    packages_dir = root / "argos-packages"
    project = make_project(root / "project")
    env = {"ARGOS_PACKAGES_DIR": str(packages_dir)}
    old = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)
    try:
        install = briefing("model", "install", str(tiny_argos_package), cwd=project, env=env)
        assert install.returncode == 0, install.stderr
        build = briefing("build", cwd=project, env=env)
        second = briefing("build", cwd=project, env=env)
        site = mkdocs_build(project, env=env)
    finally:
        if old is None:
            os.environ.pop("ARGOS_PACKAGES_DIR", None)
        else:
            os.environ["ARGOS_PACKAGES_DIR"] = old
    assert build.returncode == 0, build.stderr
    assert site.returncode == 0, site.stderr + site.stdout
    return {"project": project, "build": build, "second": second, "env": env, "packages": packages}


def _article_pages(project: Path) -> dict[str, str]:
    pages = {}
    for page in sorted((project / "site" / "digest").glob("*/article-*/index.html")):
        pages[str(page.relative_to(project / "site"))] = page.read_text(encoding="utf-8")
    return pages


def test_every_expected_article_has_a_complete_page(built_site):
    project = built_site["project"]
    pages = {path: _visible(text) for path, text in _article_pages(project).items()}
    manifest = json.loads((project / "docs" / "digest" / ".briefing-manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"], "the build wrote no pages"
    expected = acceptance()["sources"]
    for source, spec in expected.items():
        for article in spec["articles"]:
            title = _norm(article["title"])
            matches = [p for p, text in pages.items() if title in _norm(text)]
            assert matches, f"no page for {article['title']!r} ({source})"
            text = pages[matches[0]]
            assert DEFAULT_PHRASE in text, f"no English summary on {matches[0]}"
            assert "English" in text and "中文" in text
            assert re.search(r"lines \d+–\d+", text), f"no source line range on {matches[0]}"


def test_figures_table_where_the_article_has_figures(built_site):
    project = built_site["project"]
    checked = 0
    for path, page in _article_pages(project).items():
        md = project / "docs" / path.replace("/index.html", ".md")
        has_figures = "## Key figures" in md.read_text(encoding="utf-8")
        has_table = "Key figures" in page and "<table>" in page
        assert has_figures == has_table, path
        checked += has_figures
    assert checked >= 5, "the sample sources are full of figures; most articles must show a table"


def test_generated_titles_are_marked_in_the_page_metadata(built_site):
    import yaml

    project = built_site["project"]
    marked = 0
    for path, page in _article_pages(project).items():
        md = (project / "docs" / path.replace("/index.html", ".md")).read_text(encoding="utf-8")
        generated = "title proposed by the generator" in md
        if md.startswith("---\n"):
            meta = yaml.safe_load(md.split("---\n", 2)[1])
            assert meta == {"title_generated": True}, path
        assert md.startswith("---\n") == generated, path
        assert "title_generated" not in _visible(page), f"front matter leaked into {path}"
        marked += generated
    assert marked >= 1, "the sample sources hold articles printed without a headline"


def test_source_link_points_at_the_article_lines(built_site):
    project = built_site["project"]
    for path, page in _article_pages(project).items():
        m = re.search(r'href="([^"]*source/#__codelineno-0-(\d+))"[^>]*>[^<]*lines (\d+)–(\d+)', page)
        assert m, path
        assert m.group(2) == m.group(3)
        source_page = (project / "site" / Path(path).parent.parent / "source" / "index.html").read_text(encoding="utf-8")
        assert f'id="__codelineno-0-{m.group(2)}"' in source_page


def test_second_build_translates_nothing(built_site):
    first, second = built_site["build"].stderr, built_site["second"].stderr
    assert re.search(r"\(\d+ translated, 0 from cache", first.splitlines()[-1]), first
    assert re.search(r"\(0 translated, \d+ from cache", second.splitlines()[-1]), second
    assert "0 pages written" in second.splitlines()[-1]


def test_home_lists_documents_and_search_index_has_chinese_words(built_site):
    project = built_site["project"]
    home = (project / "site" / "digest" / "index.html").read_text(encoding="utf-8")
    assert "000_9623b259a8a6cc57.txt" in home and "003_84a0f30d0b85aac9.txt" in home
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b" in texts, "the search index is not segmented with jieba"
    # a glossary term stays one search word
    assert "\u200b算力券\u200b" in texts or "算力券\u200b" in texts


def test_build_is_deterministic(built_site, tmp_path):
    project = built_site["project"]
    digest = project / "docs" / "digest"
    before = {p: p.read_bytes() for p in digest.rglob("*.md")}
    import shutil

    shutil.rmtree(digest)
    rebuilt = briefing("build", cwd=project, env=built_site["env"])
    assert rebuilt.returncode == 0, rebuilt.stderr
    after = {p: p.read_bytes() for p in digest.rglob("*.md")}
    assert before == after


def test_build_opens_no_network_connection(built_site, no_network, monkeypatch):
    project = built_site["project"]
    monkeypatch.chdir(project)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", built_site["env"]["ARGOS_PACKAGES_DIR"])
    assert cli.main(["build", "-q"]) == 0
    assert cli.main(["inspect", "--json", "seeds"]) == 0


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def served_site(built_site):
    """The built site on a loopback HTTP server (Material's search runs in a web worker: no file://)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(built_site["project"] / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_search_finds_chinese_words_in_a_browser(served_site):
    """Type a Chinese word into Material's search box in headless Chromium; the digest must come up."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            external: list[str] = []
            page.on("request", lambda r: external.append(r.url) if not r.url.startswith(served_site) else None)
            results = {}
            for word in ("算力券", "轻工"):
                page.goto(served_site + "/digest/")
                page.wait_for_load_state("networkidle")
                page.keyboard.press("s")  # Material's search shortcut
                page.keyboard.type(word)
                page.keyboard.press("End")  # IME-less typing of CJK fires no keyup: one more key does
                page.wait_for_selector(".md-search-result__item", timeout=15000)
                results[word] = page.locator(".md-search-result__item").all_inner_texts()
            assert not errors, errors
            assert not external, f"the site fetched from outside: {external}"
        finally:
            browser.close()
    for word, items in results.items():
        assert items, f"no search result for {word}"
        assert any(word in item.replace("\u200b", "") for item in items), (word, items[:3])
