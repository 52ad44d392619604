"""The build under faults and hostile input: builds killed with SIGKILL, two builds at once,
links and pipes in seeds/, YAML bombs, impossible dates, broken bytes, odd PDFs.

Real files, real subprocesses, real signals: kill times come from a seeded generator, so a
failure names the run that failed and repeats.
"""

from __future__ import annotations

import ast
import json
import os
import random
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.config import load_config
from generator.errors import ConfigError, GlossaryError, SourceError, one_line
from generator.glossary import load_glossary
from generator.ingest.metadata import read_index
from generator.ingest.readers import discover_sources, read_document
from generator.safeyaml import YAMLError, load_yaml
from generator.site.render import Page
from generator.site.write import JOURNAL, MANIFEST, BuildLock, write_pages
from tests.helpers import REPO, briefing, make_project, run

ARTICLE = (
    "# 一季度中小企业发展指数上升\n\n"
    "本报讯 4月9日，中国中小企业协会发布的最新数据显示，今年一季度，我国中小企业发展指数为89.3，"
    "比去年四季度上升1.3点。\n\n"
    "中国中小企业协会有关负责人表示，春节后生产加速回升，经济回暖势头不断增强，企业生产经营持续改善。\n"
)
# Nine anchors, each a list of nine aliases of the one before: 9^9 strings once expanded.
BOMB = "".join(
    [f"a0: &a0 [{', '.join(['lol'] * 9)}]\n"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)]
)
# Refusing a bomb is parsing a few hundred bytes: anything near this (seconds) is expansion.
QUICK_S = 2.0


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------ killed and concurrent builds

WRITER = """
import json, sys
from pathlib import Path
from generator.site.render import Page
from generator.site.write import write_pages
pages = [Page(path, text) for path, text in json.load(sys.stdin)]
print("ready", flush=True)
write_pages(pages, Path(sys.argv[1]))
"""


def _pages(variant: int, count: int = 300) -> list[Page]:
    """Set ``variant`` of a digest: every page differs from the other sets, and each set
    drops some folders of the one before and adds new ones."""
    first = 10 * variant
    body = "本报讯 数据显示，今年前2个月营业收入3.26万亿元，同比增长4.1%。\n" * 20
    return [Page(f"s{i:04d}/article-01.md", f"# 第{i}篇（{variant}）\n\n{body}") for i in range(first, first + count)] + [
        Page("index.md", f"# 首页（{variant}）\n")
    ]


def _start_writer(out: Path, pages: list[Page]) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(out)], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps([(p.path, p.text) for p in pages]))
    proc.stdin.close()
    assert proc.stdout.readline().strip() == "ready"
    return proc


def test_pages_written_by_a_killed_build_are_recognised_and_the_next_build_equals_a_clean_one(tmp_path):
    """Write set 0; kill (SIGKILL) the writing of set 1 at seeded moments; write set 2 over
    what is left: the folder must equal a clean write of set 2, with nothing taken for a
    hand edit, no journal and no temporary file left."""
    clean = tmp_path / "clean"
    write_pages(_pages(2), clean)
    expected = tree(clean)
    base = tmp_path / "base"
    write_pages(_pages(0), base)
    timing = tmp_path / "timing"
    shutil.copytree(base, timing)
    started = time.perf_counter()
    proc = _start_writer(timing, _pages(1))
    proc.wait()
    duration = time.perf_counter() - started
    finished = tree(timing)

    rng = random.Random(15)
    landed_mid_write = 0
    for run_index in range(6):
        out = tmp_path / f"run{run_index}"
        shutil.copytree(base, out)
        proc = _start_writer(out, _pages(1))
        time.sleep(rng.uniform(0, duration))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        landed_mid_write += tree(out) not in (tree(base), finished)
        report = write_pages(_pages(2), out)
        assert report.kept == [], f"run {run_index}: pages of the killed build taken for hand edits"
        assert tree(out) == expected, f"run {run_index}: differs from a clean write"
    assert landed_mid_write >= 1, "no kill landed while pages were being written: the test tested nothing"


def test_a_killed_build_then_changed_seeds_builds_like_a_clean_build(tmp_path):
    """The same through the command line: a real ``briefing build`` killed right after it
    starts writing, seeds changed, built again."""
    project = make_project(tmp_path / "p", seeds=False)
    seeds, docs = project / "seeds", project / "docs"
    for i, quarter in enumerate(("一季度", "二季度", "三季度")):
        (seeds / f"q{i}.md").write_text(ARTICLE.replace("一季度", quarter), encoding="utf-8")
    assert briefing("build", "--no-translate", "-q", cwd=project).returncode == 0
    for f in seeds.iterdir():
        f.write_text(f.read_text(encoding="utf-8").replace("89.3", "90.1"), encoding="utf-8")
    unchanged = docs.stat().st_mtime_ns  # the first write (the journal) changes it
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-translate", "-q"], cwd=project,
                            stderr=subprocess.DEVNULL)
    while docs.stat().st_mtime_ns == unchanged and proc.poll() is None:
        time.sleep(0.001)
    time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    (seeds / "q0.md").unlink()
    (seeds / "q3.md").write_text(ARTICLE.replace("一季度", "四季度"), encoding="utf-8")
    for f in seeds.iterdir():
        f.write_text(f.read_text(encoding="utf-8").replace("90.1", "91.7"), encoding="utf-8")

    again = briefing("build", "--no-translate", "-q", cwd=project)
    assert again.returncode == 0, again.stderr
    assert "not written" not in again.stderr
    reference = make_project(tmp_path / "ref", seeds=False)
    for f in seeds.iterdir():
        shutil.copy2(f, reference / "seeds" / f.name)
    assert briefing("build", "--no-translate", "-q", cwd=reference).returncode == 0
    assert tree(docs) == tree(reference / "docs")


def test_a_second_build_says_once_that_it_waits_then_builds(tmp_path):
    project = make_project(tmp_path / "p")
    lock = BuildLock(project / "docs")
    lock.acquire()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-translate", "-q"], cwd=project,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        ready, _, _ = select.select([proc.stderr], [], [], 60)
        assert ready, "the second build said nothing"
        line = proc.stderr.readline()
        assert line.startswith("briefing: another build is writing in") and "waiting" in line
        time.sleep(0.5)
        assert proc.poll() is None, "it must wait, not fail"
        assert not (project / "docs" / MANIFEST).exists(), "nor write while the other build writes"
    finally:
        lock.release()
    _, rest = proc.communicate(timeout=120)
    assert proc.returncode == 0, rest
    assert "waiting" not in rest and "briefing: built" in rest
    assert (project / "docs" / MANIFEST).exists()


def test_a_normal_write_leaves_no_journal_and_clears_a_killed_builds_temporary_files(tmp_path):
    out = tmp_path / "digest"
    write_pages([Page("a/index.md", "A\n")], out)
    (out / "a" / ".index.md.123-abcd.briefing-tmp").write_text("half a pa", encoding="utf-8")
    write_pages([Page("a/index.md", "A2\n")], out)
    assert sorted(tree(out)) == [MANIFEST, "a/index.md"]
    assert not (out / JOURNAL).exists()


# ------------------------------------------------------------------ hostile entries in seeds/


def test_links_out_of_seeds_pipes_and_odd_entries_are_reported_never_read(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(ARTICLE, encoding="utf-8")
    (seeds / "good.md").write_text(ARTICLE, encoding="utf-8")
    (seeds / "alias.md").symlink_to("good.md")  # a link inside seeds/ is a source like any other
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    (seeds / "secret.md").symlink_to(outside / "secret.md")
    (seeds / "archive").symlink_to(outside, target_is_directory=True)
    (seeds / "loop.txt").symlink_to("loop.txt")
    (seeds / "gone.md").symlink_to("nowhere/at/all.md")
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "x.txt").mkdir()
    (seeds / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not a source: not mentioned
    (seeds / "release.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # a document no reader takes: reported
    (seeds / ".draft.md").write_text(ARTICLE, encoding="utf-8")  # hidden: not mentioned

    found = discover_sources([seeds])
    assert [p.name for p in found.files] == ["alias.md", "good.md"]
    reasons = {p.name: why for p, why in found.skipped}
    assert reasons == {
        "leak.txt": "a link to something outside the sources folder; not read",
        "secret.md": "a link to something outside the sources folder; not read",
        "archive": "a link to something outside the sources folder; not read",
        "loop.txt": "a link that leads back to itself",
        "gone.md": "a broken link (its target does not exist)",
        "pipe.txt": "a named pipe, not a file; not read",
        "x.txt": "a folder, not a file (no sources in it)",
        "release.doc": "a Word 97-2003 document, not read: save it as .docx, PDF, HTML or text",
    }
    with pytest.raises(SourceError, match="a named pipe"):  # named on the command line: refused, never waited on
        read_document(seeds / "pipe.txt")


def test_a_folder_that_cannot_be_opened_is_reported(tmp_path):
    seeds = tmp_path / "seeds"
    locked = seeds / "locked"
    locked.mkdir(parents=True)
    (locked / "a.md").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.geteuid() != 0:
            skipped = [(p.name, why) for p, why in discover_sources([seeds]).skipped]
        else:  # root opens any folder: drop the two capabilities that let it
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: no way to make a folder unreadable")
            code = (
                "import sys; from generator.ingest.readers import discover_sources; "
                "print([(p.name, why) for p, why in discover_sources([sys.argv[1]]).skipped])"
            )
            result = run(["setpriv", "--bounding-set=-dac_override,-dac_read_search", sys.executable, "-c", code,
                          str(seeds)], cwd=REPO)
            assert result.returncode == 0, result.stderr
            skipped = ast.literal_eval(result.stdout)
    finally:
        locked.chmod(0o755)
    assert skipped == [("locked", "folder not read (Permission denied)")]


def test_a_build_over_hostile_and_broken_sources_reports_each_in_one_line(tmp_path):
    """Nothing outside seeds/ is published; every entry not read is one 'skipped' line and
    counted; what could be read past is one 'warning' line and built; exit 3."""
    project = make_project(tmp_path / "p", seeds=False)
    seeds = project / "seeds"
    (seeds / "good.md").write_text(ARTICLE, encoding="utf-8")
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "bad\nname\x1b[31m.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    broken = ARTICLE.encode("utf-8")
    at = broken.index("协会".encode())
    (seeds / "broken.md").write_bytes(broken[: at + 1] + b"\xff" + broken[at + 3 :])  # line 3
    (seeds / "dated.md").write_text("---\ndate: 2025-02-30\npublication: 湖南日报\n---\n" + ARTICLE, encoding="utf-8")
    (seeds / "bomb.md").write_text("---\n" + BOMB + "publication: *a8\n---\n" + ARTICLE, encoding="utf-8")

    result = briefing("build", "--no-translate", "-q", cwd=project)
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert all(line.startswith("briefing: ") for line in lines), lines
    assert "\x1b" not in result.stderr
    skipped = sorted(line for line in lines if line.startswith("briefing: skipped "))
    assert len(skipped) == 4, skipped
    assert any("leak.txt: a link to something outside" in line for line in skipped)
    assert any("pipe.txt: a named pipe" in line for line in skipped)
    assert any("bad\\nname\\x1b[31m.txt: not a text file" in line for line in skipped)
    assert any("bomb.md: invalid front matter: aliases (*a0) are not accepted (line 3)" in line for line in skipped)
    warnings = [line for line in lines if line.startswith("briefing: warning: ")]
    assert any("broken.md: 1 broken character (line 3), shown as \ufffd" in line for line in warnings), warnings
    assert any("dated.md: front matter: 'date' '2025-02-30' is not a real date" in line for line in warnings), warnings
    assert "4 skipped" in lines[-1]

    site = "".join(p.read_text(encoding="utf-8") for p in (project / "docs" / "digest").rglob("*.md"))
    assert "root:x:0:0" not in site
    sources = {p.parent.name for p in (project / "docs" / "digest").glob("*/source.md")}
    assert sources == {"good-md", "broken-md", "dated-md"}, "what could be read past is built"
    assert "\ufffd" in (project / "docs" / "digest" / "broken-md" / "source.md").read_text(encoding="utf-8")


def test_messages_escape_control_characters_in_names():
    assert one_line("seeds/bad\nname\x1b[31m\u202e.txt") == "seeds/bad\\nname\\x1b[31m\\u202e.txt"
    assert one_line("新闻 2025.txt") == "新闻 2025.txt"


# ------------------------------------------------------------------ YAML


@pytest.mark.parametrize(
    "write, error",
    [
        (lambda d: (d / "a.md").write_text(f"---\n{BOMB}publication: *a8\n---\n{ARTICLE}", encoding="utf-8"), SourceError),
        (lambda d: (d / "a.yaml").write_text(f"{BOMB}publication: *a8\n", encoding="utf-8"), SourceError),
        (lambda d: (d / "sources.yaml").write_text(f"a.md:\n  publication: x\n{BOMB}", encoding="utf-8"), SourceError),
        (lambda d: (d / "briefing.yaml").write_text(f"{BOMB}summary: {{max_keywords: *a8}}\n", encoding="utf-8"),
         ConfigError),
        (lambda d: (d / "glossary.yaml").write_text(f"{BOMB}湖南: *a8\n", encoding="utf-8"), GlossaryError),
    ],
    ids=["front-matter", "sidecar", "sources.yaml", "briefing.yaml", "glossary.yaml"],
)
def test_a_yaml_bomb_is_refused_before_it_expands(tmp_path, write, error):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    write(tmp_path)
    started = time.perf_counter()
    with pytest.raises(error, match=r"aliases \(\*a0\) are not accepted"):
        read_index(tmp_path)
        read_document(tmp_path / "a.md")
        load_config(tmp_path)
        load_glossary(tmp_path / "glossary.yaml")
    assert time.perf_counter() - started < QUICK_S


@pytest.mark.parametrize(
    "text, reason",
    [
        ("a: " + "1" * 5000, "a value that cannot be read"),
        # (libyaml's parser words it "exceeded maximum nesting depth", PyYAML's ends in RecursionError)
        ("a: " + "[" * 1100 + "]" * 1100, r"nested too deeply|nesting depth \(line 1, column"),
        ("a: !!float abc", "a value that cannot be read"),
        ("a: !!python/object/apply:os.system [ls]", "could not determine a constructor"),
        ("a: [unclosed", r"\(line [12], column"),
    ],
)
def test_yaml_that_breaks_the_parser_is_one_line(text, reason):
    with pytest.raises(YAMLError) as info:
        load_yaml(text)
    assert re.search(reason, str(info.value)) and "\n" not in str(info.value)


def test_dates_stay_text_until_checked():
    assert load_yaml("date: 2025-02-30\nwhen: 2025-03-29 10:00:00+08:00\n") == {
        "date": "2025-02-30",
        "when": "2025-03-29 10:00:00+08:00",
    }


@pytest.mark.parametrize(
    "where, write",
    [
        ("front matter", lambda d, v: (d / "a.md").write_text(f"---\ndate: {v}\n---\n{ARTICLE}", encoding="utf-8")),
        ("sidecar a.yaml", lambda d, v: (d / "a.yaml").write_text(f"date: {v}\npublication: 新华社\n", encoding="utf-8")),
        ("entry 'a.md'", lambda d, v: (d / "sources.yaml").write_text(f"a.md: {{date: {v}}}\n", encoding="utf-8")),
    ],
)
def test_an_impossible_date_is_a_warning_naming_the_file_and_key_and_the_source_is_read(tmp_path, where, write):
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    write(tmp_path, "2025-02-30")
    index_warnings: list[str] = []
    document = read_document(tmp_path / "a.md", sources_index=read_index(tmp_path, index_warnings))
    assert document.meta.date is None
    assert [*document.warnings, *index_warnings] == [
        f"{where}: 'date' '2025-02-30' is not a real date (YYYY-MM-DD); ignored"
    ]

    write(tmp_path, "2025年3月9日")
    document = read_document(tmp_path / "a.md", sources_index=read_index(tmp_path))
    assert document.meta.date == "2025-03-09" and document.warnings == ()


def test_a_list_where_text_belongs_is_ignored_with_a_warning(tmp_path):
    (tmp_path / "a.md").write_text(f"---\npublication: [人民日报, 新华社]\ndate: 2025-03-29\n---\n{ARTICLE}",
                                   encoding="utf-8")
    document = read_document(tmp_path / "a.md")
    assert document.meta.publication is None and document.meta.date == "2025-03-29"
    assert document.warnings == ("front matter: 'publication' is a list, not text; ignored",)


# ------------------------------------------------------------------ bytes and PDFs


def test_a_utf8_file_with_a_broken_byte_is_read_with_a_mark_and_the_line(tmp_path):
    data = ARTICLE.encode("utf-8")
    at = data.index("协会".encode())
    (tmp_path / "a.md").write_bytes(data[: at + 1] + b"\xff" + data[at + 3 :])  # 协's last two bytes, one byte
    document = read_document(tmp_path / "a.md")
    assert document.encoding == "utf-8"
    assert "中国中小企业\ufffd会发布" in document.text
    assert document.warnings == ("1 broken character (line 3), shown as \ufffd",)
    assert document.text.replace("\ufffd", "协") == ARTICLE


def _pdf(path: Path, **options: object) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, **options)  # type: ignore[arg-type]
    c.setFont("STSong-Light", 11)
    for i, line in enumerate(ARTICLE.splitlines()):
        c.drawString(60, 780 - 16 * i, line[:40])
    c.save()
    return path.read_bytes()


def test_pdf_problems_are_said_in_plain_words(tmp_path):
    _pdf(tmp_path / "locked.pdf", encrypt="secret")
    (tmp_path / "empty.pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    whole = _pdf(tmp_path / "cut.pdf")
    (tmp_path / "cut.pdf").write_bytes(whole[: len(whole) // 3])
    expected = {
        "locked.pdf": "the PDF is encrypted (password protected); save a copy without the password",
        "empty.pdf": "the PDF has no pages",
        "cut.pdf": "the PDF is damaged or incomplete and cannot be read",
    }
    for name, reason in expected.items():
        with pytest.raises(SourceError) as info:
            read_document(tmp_path / name)
        assert str(info.value) == f"{tmp_path / name}: {reason}"


# ------------------------------------------------------------------ pages edited or added by hand


def test_pages_a_kept_page_links_to_are_kept_and_user_pages_are_named_once(tmp_path):
    docs = tmp_path / "docs"
    gone = [
        Page("digest/gone/article-01.md", "# A\n\n[源文件](source.md#__codelineno-0-3)\n"),
        Page("digest/gone/index.md", "# Gone\n\n[A](article-01.md)\n"),
        Page("digest/gone/source.md", "```\n原文\n```\n"),
    ]
    other = [Page("digest/other/article-01.md", "# B\n"), Page("digest/other/source.md", "src\n")]
    third = [Page("digest/third/article-01.md", "# C\n")]
    write_pages([*gone, *other, *third, Page("index.md", "home\n")], docs)
    edited = docs / "digest" / "gone" / "article-01.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMy notes.\n", encoding="utf-8")
    (docs / "digest" / "notes.md").write_text("# Notes\n\nSee [B](other/article-01.md 'title'), [x](https://e.com).\n",
                                            encoding="utf-8")
    (docs / "digest" / "extra").mkdir()
    (docs / "digest" / "extra" / "more.md").write_text("# More\n", encoding="utf-8")
    (docs / "about.md").write_text("# About\n\n[C](digest/third/article-01.md)\n", encoding="utf-8")

    report = write_pages([Page("index.md", "home 2\n"), Page("digest/index.md", "digest\n")], docs)
    assert report.kept == ["digest/gone/article-01.md"] and report.orphans == ["digest/gone/article-01.md"]
    assert report.linked == ["digest/gone/source.md", "digest/other/article-01.md", "digest/third/article-01.md"]
    assert report.removed == ["digest/gone/index.md", "digest/other/source.md"]
    assert report.foreign == ["digest/extra/more.md", "digest/notes.md"], "about.md sits beside, not in, our folders"
    assert report.warnings == [
        "digest/gone/article-01.md: edited by hand, so kept, though no source generates it any more",
        "digest/gone/source.md, digest/other/article-01.md, digest/third/article-01.md: kept although no source "
        "generates them any more, because a page edited or added by hand links to them; delete that page to have "
        "them removed",
        "digest/extra/more.md, digest/notes.md: not written by briefing, left as they are",
    ]
    # deleting the hand-made pages lets the next build clean up
    for page in (edited, docs / "digest" / "notes.md", docs / "about.md"):
        page.unlink()
    again = write_pages([Page("index.md", "home 2\n"), Page("digest/index.md", "digest\n")], docs)
    assert again.removed == ["digest/gone/source.md", "digest/other/article-01.md", "digest/third/article-01.md"]
    assert sorted(p.name for p in (docs / "digest").iterdir()) == ["extra", "index.md"]


def test_removing_a_source_whose_page_was_edited_leaves_no_dead_link_unreported(tmp_path):
    """The edited page stays, and so do the generated pages it links to; its link to the
    source file itself (seeds/b.txt, gone) is named in the warning: the only thing MkDocs
    --strict then stops on, and only the page's owner can fix it."""
    project = make_project(tmp_path / "p", seeds=False)
    (project / "seeds" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "seeds" / "b.txt").write_text(ARTICLE.replace("一季度", "二季度"), encoding="utf-8")
    assert briefing("build", "--no-translate", "-q", cwd=project).returncode == 0
    page = project / "docs" / "digest" / "b-txt" / "article-01.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy remark.\n", encoding="utf-8")
    (project / "seeds" / "b.txt").unlink()
    result = briefing("build", "--no-translate", "-q", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "My remark." in page.read_text(encoding="utf-8")
    assert "digest/b-txt/index.md, digest/b-txt/source.md: kept although no source generates them" in result.stderr
    kept = [line for line in result.stderr.splitlines() if "b-txt/article-01.md: edited by hand, so kept" in line]
    assert len(kept) == 1 and "it links to ../../../seeds/b.txt#L3-L5, which is gone" in kept[0], result.stderr

    # no -q: with it MkDocs 1.6 counts no warning and --strict passes whatever the links
    site = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], cwd=project)
    complaints = [line for line in site.stderr.splitlines() if line.startswith("WARNING")]
    assert complaints == [
        "WARNING -  Doc file 'digest/b-txt/article-01.md' contains a link '../../../seeds/b.txt#L3-L5', but the target"
        " '../seeds/b.txt' is not found among documentation files."
    ], site.stderr[-2000:]
    page.unlink()
    assert briefing("build", "--no-translate", "-q", cwd=project).returncode == 0
    assert not (project / "docs" / "digest" / "b-txt").exists()
    site = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], cwd=project)
    assert site.returncode == 0, site.stderr[-2000:]
