"""Escaping, page writing and slugs: the safety rails of the render stage."""

from __future__ import annotations

import html
import re

import markdown as python_markdown
import pytest
from markdown_it import MarkdownIt

from generator.site.markdown import code_fence, escape, external_link, link
from generator.site.paths import slug, unique_slugs
from generator.site.render import Page
from generator.site.write import MANIFEST, write_pages


def _html(md: str) -> str:
    """The page as MkDocs renders it (with Material's strikethrough) and as GitHub does."""
    mkdocs = python_markdown.markdown(md, extensions=["tables", "pymdownx.tilde"])
    github = MarkdownIt("gfm-like").render(md)
    return mkdocs + github


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[点我](javascript:alert(1))",
        "*强调* __粗体__ `代码`",
        "# 不是标题",
        "1. 不是列表",
        "- 不是列表",
        "a | b | c",
        "&lt;已转义&gt;",
        "~~删除~~",
        "1) 不是列表",
        "+ 不是列表",
        "---",
        "#不是标题",
        "价格 $5 ~ $8 \\ 或 a&b",
        "跨  多行\n\t的\x02文本\x7f",
    ],
)
def test_escaped_text_renders_literally(text):
    rendered = _html(f"| a |\n| --- |\n| {escape(text)} |\n\n{escape(text)}\n")
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<em>" not in rendered and "<strong>" not in rendered and "<code>" not in rendered
    assert "<del>" not in rendered and "<s>" not in rendered
    assert "<h1>" not in rendered and "<ol>" not in rendered and "<ul>" not in rendered and "<hr" not in rendered
    assert rendered.count("<td>") == 2, "a '|' in text must not open a table cell"
    # and it is the same text: every character shown, in one line, control characters dropped
    expected = " ".join(re.sub("[\x00-\x08\x0e-\x1f\x7f-\x9f]", "", text).split())
    for renderer in (python_markdown.markdown, MarkdownIt("gfm-like").render):
        assert _visible(renderer(f"{escape(text)}\n")) == expected


def _visible(rendered: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


def test_escape_keeps_plain_chinese_untouched():
    assert escape("2024年，全省产业规模达8520亿元，同比增长19.2%。") == "2024年，全省产业规模达8520亿元，同比增长19.2%。"


def test_links_refuse_unsafe_targets():
    assert link("x", "source.md#L3") == "[x](source.md#L3)"
    for scheme in ("javascript", "JavaScript", "DATA", "vbScript"):
        with pytest.raises(ValueError, match=f"not a relative link: '{scheme}:alert"):
            link("x", f"{scheme}:alert(1)")
    assert "](" not in external_link("javascript:alert(1)")
    assert _visible(python_markdown.markdown(external_link("javascript:alert(1)"))) == "javascript:alert(1)"
    assert external_link("https://example.com/a b").endswith("(https://example.com/a%20b)")


@pytest.mark.parametrize("url", ["https://example.com/a b", "HTTP://Example.com/x?q=1#top", "Https://e.cn/新闻"])
def test_an_external_link_shows_its_address_and_links_to_it(url):
    for rendered in (python_markdown.markdown(external_link(url)), MarkdownIt("gfm-like").render(external_link(url))):
        assert _visible(rendered) == url, "the label is the address, as written"
        (target,) = re.findall(r'href="([^"]*)"', rendered)
        assert target.lower().startswith(("http://", "https://")) and " " not in target


def test_code_fence_outruns_backticks_in_text():
    assert code_fence("plain") == "```"
    assert code_fence("has ```` four") == "`````"


@pytest.mark.parametrize("name", ["../../etc/passwd", "新闻.txt", "a b.txt", "..", "CON", ""])
def test_slug_is_path_safe(name):
    made = slug(name)
    assert made and "/" not in made and "\\" not in made and not made.startswith(".")
    assert made == slug(name), "stable"


def test_slugs_differ_for_different_chinese_names():
    assert slug("新闻一.txt") != slug("新闻二.txt")


@pytest.mark.parametrize(
    "name, readable",
    [("财联社", "cai-lian-she-"), ("湖南日报0418.pdf", "hu-nan-ri-bao-0418-pdf-"), ("長沙晚報", "chang-sha-wan-bao-"),
     ("重庆日报", "chong-qing-ri-bao-"), ("Sony新闻", "sony-xin-wen-")],
)
def test_a_chinese_name_reads_in_pinyin_in_its_address(name, readable):
    made = slug(name)
    assert made.startswith(readable) and re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}", made), made


def test_homophones_and_scripts_keep_their_own_address():
    assert slug("新闻") != slug("新文") and slug("经济日报") != slug("經濟日報")
    assert slug("新闻").split("-")[:2] == slug("新文").split("-")[:2] == ["xin", "wen"]


def test_names_that_would_share_a_folder_each_get_their_own():
    names = ["collide a.md", "collide-a.md", "collide_a.md", "x" * 90 + "1.txt", "x" * 90 + "2.txt", "plain.txt"]
    slugs = unique_slugs(names)
    assert len(set(slugs.values())) == len(names)
    assert slugs["plain.txt"] == "plain-txt", "a name nobody shares keeps its readable folder"
    assert unique_slugs(reversed(names)) == slugs, "the order the files come in does not matter"


def test_write_pages_is_incremental_and_never_clobbers(tmp_path):
    out = tmp_path / "digest"
    first = write_pages([Page("a/index.md", "A\n"), Page("index.md", "home\n")], out)
    assert sorted(first.written) == ["a/index.md", "index.md"]
    again = write_pages([Page("a/index.md", "A\n"), Page("index.md", "home\n")], out)
    assert again.written == [] and sorted(again.unchanged) == ["a/index.md", "index.md"]

    (out / "index.md").write_text("edited by hand\n", encoding="utf-8")
    (out / "notes.md").write_text("mine\n", encoding="utf-8")
    third = write_pages([Page("index.md", "home v2\n"), Page("notes.md", "generated\n")], out)
    assert (out / "index.md").read_text(encoding="utf-8") == "edited by hand\n"
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine\n"
    assert sorted(third.kept) == ["index.md", "notes.md"]
    assert third.removed == ["a/index.md"] and not (out / "a").exists()
    assert (out / MANIFEST).exists()


def test_write_pages_refuses_paths_outside_the_folder(tmp_path):
    with pytest.raises(ValueError):
        write_pages([Page("../evil.md", "x")], tmp_path / "digest")
    assert not (tmp_path / "evil.md").exists()


def test_a_page_edited_by_hand_is_kept_when_its_source_is_gone(tmp_path):
    out = tmp_path / "digest"
    write_pages([Page("gone/article-01.md", "generated\n"), Page("index.md", "home\n")], out)
    (out / "gone" / "article-01.md").write_text("generated\nMy notes on this story.\n", encoding="utf-8")
    report = write_pages([Page("index.md", "home\n")], out)
    assert (out / "gone" / "article-01.md").read_text(encoding="utf-8").endswith("My notes on this story.\n")
    assert report.kept == ["gone/article-01.md"] and report.removed == []


def test_a_project_template_overrides_the_packaged_one(tmp_path):
    from generator.data import Digest
    from generator.site.render import Renderer

    (tmp_path / "home.md.j2").write_text("# Our own front page\n\n{{ latest | length }} editions\n", encoding="utf-8")
    pages = {p.path: p.text for p in Renderer(tmp_path).render(Digest(documents=()))}
    assert pages["index.md"] == "# Our own front page\n\n0 editions\n"
    packaged = {p.path: p.text for p in Renderer(tmp_path / "missing").render(Digest(documents=()))}
    assert "No articles yet" in packaged["index.md"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("新华社", "Xinhua News Agency (新华社)"),
        ("聯合報", "United Daily News (聯合報)"),  # looked up in simplified script
        ("經濟日報", "Economic Daily News (經濟日報)"),  # Taiwan's paper, told apart by its script
        ("经济日报", "Economic Daily (经济日报)"),
        ("鉅亨網", "Anue (鉅亨網)"),
        ("湘江周刊", "湘江周刊"),  # not listed: as printed, never a guess
    ],
)
def test_a_publication_is_shown_by_the_name_it_uses_in_english(name, shown):
    from generator.glossary import Glossary
    from generator.site.editions import publication_key, publication_name

    assert publication_name(name, Glossary()) == shown
    # the user's glossary comes first, for the name and for the page's address
    glossary = Glossary(terms=((name, "Our Name"),))
    assert publication_name(name, glossary) == f"Our Name ({name})"
    assert publication_key(name, glossary) == "our-name"
