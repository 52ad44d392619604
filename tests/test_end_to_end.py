"""From seeds/ to a built site, with the real generator, the tiny Argos model and MkDocs."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from generator import cli
from tests.helpers import acceptance, briefing, make_project
from tests.tiny_argos import DEFAULT_PHRASE


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(",", "，")


def _visible(page_html: str) -> str:
    """The article text of a built page, tags stripped and entities decoded."""
    body = page_html.split('<article', 1)[-1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def _article_pages(project: Path) -> dict[str, str]:
    pages = {}
    for page in sorted((project / "site" / "digest").glob("*/article-*/index.html")):
        pages[str(page.relative_to(project / "site"))] = page.read_text(encoding="utf-8")
    return pages


def test_every_expected_article_has_a_complete_page(built_site):
    project = built_site["project"]
    raw = _article_pages(project)
    pages = {path: _visible(text) for path, text in raw.items()}
    manifest = json.loads((project / "docs" / ".briefing-manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"], "the build wrote no pages"
    expected = acceptance()["sources"]
    for source, spec in expected.items():
        for article in spec["articles"]:
            title = _norm(article["title"])
            matches = [p for p, text in pages.items() if title in _norm(text)]
            assert matches, f"no page for {article['title']!r} ({source})"
            text = pages[matches[0]]
            assert DEFAULT_PHRASE in text, f"no English summary on {matches[0]}"
            assert '<div lang="en">' in raw[matches[0]] and '<div lang="zh">' in raw[matches[0]], "both languages"
            assert _norm(article["starts"]) in _norm(text) and _norm(article["ends"]) in _norm(text), "the full text is on the page"
            assert re.search(r"Lines \d+–\d+", text), f"no source line range on {matches[0]}"


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
        generated = "The source printed no headline" in md
        meta = yaml.safe_load(md.split("---\n", 2)[1]) if md.startswith("---\n") else {}
        assert meta.get("title_generated", False) == generated, path
        assert "title_generated" not in _visible(page), f"front matter leaked into {path}"
        marked += generated
    assert marked >= 1, "the sample sources hold articles printed without a headline"


def test_second_build_translates_nothing(built_site):
    first, second = built_site["build"].stderr, built_site["second"].stderr
    assert re.search(r"\(\d+ translated, 0 from cache", first.splitlines()[-1]), first
    assert re.search(r"\(0 translated, \d+ from cache", second.splitlines()[-1]), second
    assert "0 pages written" in second.splitlines()[-1]


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


def test_the_committed_sample_pages_are_what_the_generator_writes(tmp_path):
    """docs/ holds the sample digest built with --no-translate (the README shows it): a fresh
    build of the same seeds writes exactly those bytes, so the samples never go stale."""
    from tests.helpers import REPO

    project = make_project(tmp_path / "p")
    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((REPO / "docs" / ".briefing-manifest.json").read_text(encoding="utf-8"))
    fresh = json.loads((project / "docs" / ".briefing-manifest.json").read_text(encoding="utf-8"))
    assert fresh["files"] == manifest["files"], "run `briefing build --no-translate` and commit docs/"
    for page in manifest["files"]:
        assert (project / "docs" / page).read_bytes() == (REPO / "docs" / page).read_bytes(), page
