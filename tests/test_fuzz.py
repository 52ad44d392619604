"""Fuzzing (Hypothesis) the parts that meet untrusted input: the readers, reflow and
segmentation, the Markdown escaper and the rendered pages.

What must hold whatever the input: a source is read or refused with a one-line
:class:`SourceError`, never a traceback; escaped text renders as the same text in MkDocs
(Python-Markdown with the site's extensions) and on GitHub (markdown-it "gfm-like"); no page
holds live HTML. Examples are derandomised (the same every run, so CI cannot flake) and
bounded: the whole file takes a few seconds.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown as python_markdown
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from generator.analysis import analyse
from generator.build import _article_digest, _setup, load_sources
from generator.data import Digest, DocumentDigest, Translation
from generator.errors import SourceError
from generator.ingest.readers import read_document
from generator.ingest.reflow import reflow
from generator.ingest.segment import segment
from generator.site.markdown import escape, external_link, link
from generator.site.render import Renderer
from tests.helpers import REPO
from tests.htmlcheck import live_html, tags

FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))

# Fragments that mean something to Markdown, HTML, Jinja2, YAML or the readers.
HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "<a href='javascript:x'>a</a>",
    "[点我](javascript:alert(1))", "![x](javascript:alert(1))", "<http://evil.example>", "javascript:alert(1)",
    "{{ 7*7 }}", "{% raw %}", "&lt;script&gt;", "&#x3C;", "<!--", "-->", "\x02wzxhzdk:0\x03", "[^1]", "[x]: /y",
    "`", "```", "~~~", "*", "**", "_", "__", "~~", "|", "\\", "#", "# ", "- ", "+ ", "1. ", "1) ", "> ", "---", "===",
    "***", "    ", "\t", "\n", "\n\n", "\r\n", "\u2028", "\u202e", "\u200b", "\u3000", "\ufeff", "\x00", "\x1b[31m", "\ufffd",
]
CHINESE = [
    "本报讯 3月29日，", "数据显示，今年前2个月营业收入3.26万亿元，同比增长4.1%。", "记者 张三 通讯员 李四", "（图片来源：协禧网站）",
    "他说：“这是好事。”", "一季度中小企业发展指数上升", "湖南日报3月29日讯", "　　", "——", "……",
]
fragments = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(CHINESE), st.text(max_size=8))
untrusted_text = st.lists(fragments, max_size=30).map("".join)

_GFM = MarkdownIt("gfm-like")


def _site_extensions() -> tuple[list[str], dict[str, dict]]:
    """The ``markdown_extensions`` of the project's mkdocs.yml, as MkDocs passes them."""
    names: list[str] = []
    configs: dict[str, dict] = {}
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as f:
        extensions = yaml_load(f)["markdown_extensions"]  # MkDocs' own loader: mkdocs.yml has !ENV tags
    for entry in extensions:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(entry)
    return names, configs


_EXTENSIONS, _EXTENSION_CONFIGS = _site_extensions()


def render_both(md: str) -> list[str]:
    """``md`` as MkDocs renders it and as GitHub does."""
    mkdocs = python_markdown.markdown(md, extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)
    return [mkdocs, _GFM.render(md)]


def _visible(rendered: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", rendered)).split())


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@settings(FUZZ, max_examples=400)
@given(untrusted_text)
def test_escaped_text_is_the_same_text_in_mkdocs_and_on_github(text):
    # a bare run of '#' is what templates print as a heading level: escape() leaves it be
    assume(not re.fullmatch(r"#{1,6}", " ".join(_CONTROLS.sub("", text).split())))
    escaped = escape(text)
    expected = " ".join(_CONTROLS.sub("", text).split())
    structure = {"p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "h1"}
    contexts = {
        "paragraph": f"{escaped}\n",
        "table cell": f"| a |\n| --- |\n| {escaped} |\n",
        "list item": f"- {escaped}\n",
        "heading": f"# {escaped}\n",
    }
    for context, md in contexts.items():
        for rendered in render_both(md):
            assert not live_html(rendered), (context, rendered)
            # GitHub links bare web addresses; that is its own rendering, not live HTML
            extra = [t for t in tags(rendered) if t not in structure and t != "a"]
            assert not extra, (context, extra, rendered)
            if context == "paragraph":
                assert _visible(rendered) == expected, rendered
            if context == "table cell":
                assert rendered.count("<td") == 1, "a '|' in text must not open a table cell"


@settings(FUZZ, max_examples=150)
@given(untrusted_text, st.sampled_from(["https://example.com/a b", "http://x.y/(z)", "javascript:alert(1)", "data:text/html,x", ""]),
       untrusted_text)
def test_links_stay_links_to_where_the_generator_says(label, url, tail):
    for rendered in render_both(f"{link(label, 'source.md#__codelineno-0-3')} {external_link(url + tail)}\n"):
        assert not live_html(rendered), rendered
        hrefs = re.findall(r'href="([^"]*)"', rendered)
        assert hrefs and hrefs[0] == "source.md#__codelineno-0-3", rendered
        assert all(h.startswith(("source.md#", "http://", "https://", "#")) for h in hrefs), hrefs


def _read(path: Path, data: bytes) -> None:
    """Read, reflow and segment ``data``: a Document or a one-line SourceError, nothing else."""
    path.write_bytes(data)
    try:
        document = read_document(path)
    except SourceError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path)), str(exc)
        return
    segment(document, reflow(document))


SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".pdf", ".text", ".eml", ".mhtml", ".xml", ".rss", ".json"])


@settings(FUZZ, max_examples=150)
@given(SUFFIXES, st.binary(max_size=2000))
def test_random_bytes_are_read_or_refused_in_one_line(tmp_path_factory, suffix, data):
    _read(tmp_path_factory.mktemp("bytes") / f"x{suffix}", data)


@settings(FUZZ, max_examples=150)
@given(SUFFIXES, untrusted_text, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le"]))
def test_text_in_any_encoding_is_read_or_refused_in_one_line(tmp_path_factory, suffix, text, encoding):
    _read(tmp_path_factory.mktemp("text") / f"x{suffix}", text.encode(encoding, errors="replace"))


@settings(FUZZ, max_examples=150)
@given(
    st.sampled_from(["text/html", "text/plain; charset=gb2312", "text/plain; charset=no-such-charset", "multipart/mixed",
                     'multipart/related; boundary="b"', "multipart/alternative; boundary=", "application/pdf", "message/rfc822", ""]),
    st.sampled_from(["base64", "quoted-printable", "8bit", "x-uuencode", "base65"]),
    st.sampled_from([".eml", ".mht"]),
    st.binary(max_size=600),
)
def test_a_saved_mail_or_page_of_any_structure_is_read_or_refused_in_one_line(tmp_path_factory, kind, encoding, suffix, body):
    head = f"MIME-Version: 1.0\r\nContent-Type: {kind}\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n".encode()
    _read(tmp_path_factory.mktemp("mime") / f"x{suffix}", head + body + b"\r\n--b\r\nContent-Type: text/html\r\n\r\n" + body)


@settings(FUZZ, max_examples=150)
@given(
    st.sampled_from(['<?xml version="1.0" encoding="{enc}"?><rss version="2.0"><channel><title>{t}</title>{items}</channel></rss>',
                     '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{t}</title>{items}</feed>']),
    st.lists(st.tuples(untrusted_text, untrusted_text, st.sampled_from(["", "<![CDATA[", "&lt;p&gt;"]),
                       st.sampled_from(["Thu, 18 Apr 2024 07:30:00 +0800", "2024-04-18T07:30:00+08:00", "昨天", "", "Fri, 31 Feb 2024"])),
             max_size=4),
    st.sampled_from(["utf-8", "gb2312", "big5", "no-such-charset"]),
    st.sampled_from(["utf-8", "gbk", "big5"]),
    st.booleans(),
)
def test_a_feed_of_any_items_is_read_or_refused_in_one_line(tmp_path_factory, shape, items, declared, sent, cut):
    """A feed's items are untrusted text in any markup: the feed reads, each item with text an
    article, or is refused in one line; what reads holds no control character."""
    def item(title, text, wrap, date):
        close = "]]>" if wrap == "<![CDATA[" else ""
        body = f"{wrap}{text}{close}"
        if shape.startswith("<?xml version=\"1.0\" encoding"):
            return f"<item><title>{html.escape(title)}</title><pubDate>{date}</pubDate><description>{body}</description></item>"
        return f"<entry><title>{html.escape(title)}</title><updated>{date}</updated><content type=\"html\">{body}</content></entry>"

    data = shape.format(enc=declared, t="测试", items="".join(item(*i) for i in items)).encode(sent, errors="replace")
    path = tmp_path_factory.mktemp("feed") / "x.rss"
    _read(path, data[: len(data) // 2] if cut else data)
    try:
        document = read_document(path)
    except SourceError:
        return
    assert document.format == "feed"
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", document.text)


YAML_LINES = [
    "date: 2025-02-30\n", "date: 2025-03-29\n", "date: [2025, 3]\n", "date: {a: 1}\n", "date: 20250329\n", "date: yes\n",
    "publication: &a [x, y]\n", "url: *a\n", "title: !!float x\n", "title: !!binary zzz\n", "publication: 湖南日报\n",
    "publication: " + "1" * 5000 + "\n", "? [a]\n: b\n", "- item\n", "url: javascript:alert(1)\n",
    "&x a: b\n", "<<: *x\n", "'unclosed\n", "\t bad indent\n",
]


@settings(FUZZ, max_examples=150)
@given(st.lists(st.sampled_from(YAML_LINES), max_size=8), st.sampled_from(["front matter", "sidecar", "sources.yaml"]))
def test_any_metadata_yaml_is_read_or_refused_in_one_line(tmp_path_factory, lines, where):
    folder = tmp_path_factory.mktemp("meta")
    yaml_text = "".join(lines)
    article = "# 一季度中小企业发展指数上升\n\n本报讯 4月9日，中国中小企业协会发布的最新数据显示，指数为89.3。\n"
    if where == "front matter":
        (folder / "a.md").write_text(f"---\n{yaml_text}---\n{article}", encoding="utf-8")
    else:
        (folder / "a.md").write_text(article, encoding="utf-8")
        (folder / ("a.yaml" if where == "sidecar" else "sources.yaml")).write_text(yaml_text, encoding="utf-8")
    loaded = load_sources([folder])
    for problem in [*loaded.problems, *loaded.warnings]:
        assert "\n" not in str(problem)
    for document, _ in loaded.documents:
        date = document.meta.date
        assert date is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", date), date


@pytest.fixture(scope="module")
def project_settings():
    return _setup(REPO)


@settings(FUZZ, max_examples=60)
@given(
    st.sampled_from(["a.md", "b.txt", "c.html"]),
    st.text(max_size=12),
    st.lists(  # paragraphs: real sentences with hostile fragments inside, so articles are found
        st.tuples(st.sampled_from(CHINESE[1:2] + CHINESE[4:6]), st.lists(fragments, max_size=6).map("".join),
                  st.sampled_from(CHINESE)).map("".join),
        min_size=1, max_size=4,
    ).map("\n\n".join),
    st.sampled_from(HOSTILE + CHINESE),
    st.sampled_from(["javascript:alert(1)", "https://e.com/a b)<x>", 'https://e.com/"onmouseover=x', "data:x", *HOSTILE]),
)
def test_rendered_pages_hold_no_live_html(tmp_path_factory, project_settings, name, head, body, publication, url):
    """Hostile text in every slot a page prints (title, summary, figures, keywords, metadata,
    the source itself, and English that echoes it with markup) renders without live HTML."""
    seeds = tmp_path_factory.mktemp("seeds")
    front = "---\n" + yaml.safe_dump({"publication": publication, "url": url}, allow_unicode=True) + "---\n"
    (seeds / name).write_text(f"{front}# {' '.join(head.split())}\n\n{body}", encoding="utf-8")
    documents = []
    for document, articles in load_sources([seeds]).documents:
        analysed = [analyse(a, project_settings.summary) for a in articles]
        english = {
            (text, a.currency): Translation(text, f"{text} <b onmouseover=alert(1)>en</b> [x](javascript:alert(1))")
            for a in analysed
            for text in [a.title, *(s.text for s in a.summary), *(f.metric for f in a.figures if f.metric)]
        }
        documents.append(DocumentDigest(document, tuple(_article_digest(a, english) for a in analysed)))
    for page in Renderer(None).render(Digest(tuple(documents), model_id="fuzz")):
        if not page.path.endswith(".md"):
            continue
        # MkDocs (and GitHub) read YAML front matter apart: it must stay data, the rest Markdown
        body, meta = get_data(page.text)
        assert all(isinstance(v, (str, bool, int)) or (isinstance(v, list) and all(isinstance(t, str) for t in v))
                   for v in meta.values()), (page.path, meta)
        for rendered in render_both(body):
            assert not live_html(rendered), (page.path, live_html(rendered))


def test_the_fuzz_sees_what_it_looks_for():
    """The checks above would notice live HTML and a lost character."""
    assert live_html("<p>x</p><img src=x onerror=alert(1)>") == ["<img>", "onerror= on <img>"]
    assert live_html('<a href=" javascript:alert(1)">x</a>') == ["href=' javascript:alert(1)' on <a>"]
    assert _visible(render_both("a *b* c\n")[0]) == "a b c"
