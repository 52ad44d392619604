"""The command-line contract: exit codes, one-line errors, inspect --json, safe output."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tests.helpers import SEEDS, briefing, make_project, mkdocs_build, run

CONTRACT_KEYS = {"source", "title", "body", "summary_zh", "summary_en", "figures", "keywords", "span", "page", "dropped"}


def _one_line_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    return lines[0]


def test_build_without_model_stops_with_one_line(tmp_path):
    project = make_project(tmp_path / "p")
    result = briefing("build", cwd=project, env={"ARGOS_PACKAGES_DIR": str(tmp_path / "empty")})
    assert result.returncode == 2
    line = _one_line_error(result.stderr)
    assert "briefing model install" in line
    assert not (project / "docs" / "digest").exists(), "no silent untranslated site"


def test_inspect_json_contract_without_translation(tmp_path):
    result = briefing("inspect", "--json", "--no-translate", str(SEEDS), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 11
    sources = {r["source"] for r in records}
    assert sources == {str(SEEDS / "000_9623b259a8a6cc57.txt"), str(SEEDS / "003_84a0f30d0b85aac9.txt")}
    for r in records:
        assert r.keys() >= CONTRACT_KEYS
        assert r["summary_en"] is None
        assert 1 <= len(r["summary_zh"]) <= 4
        for sentence in r["summary_zh"]:
            assert sentence in r["body"]
        first, last = r["span"]
        assert 1 <= first <= last
        for f in r["figures"]:
            assert {"text", "value", "unit", "en"} <= f.keys()
            assert f["value"] is None or isinstance(f["value"], (int, float))
        assert all(isinstance(k, str) and k for k in r["keywords"])


def test_inspect_single_article_gives_one_record_per_file(tmp_path):
    result = briefing("inspect", "--json", "--no-translate", "--single-article", str(SEEDS), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    text = (SEEDS / "000_9623b259a8a6cc57.txt").read_text(encoding="utf-8")
    assert records[0]["span"][1] <= len(text.splitlines())


def test_unusable_sources_are_reported_and_skipped(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "seeds" / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (project / "seeds" / "empty.md").write_text("  \n\n", encoding="utf-8")
    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 3, result.stderr
    assert re.search(r"skipped .*scan\.txt: ", result.stderr)
    assert re.search(r"skipped .*empty\.md: ", result.stderr)
    assert (project / "docs" / "index.md").exists(), "the rest of the build goes on"

    strict = make_project(tmp_path / "strict")
    (strict / "seeds" / "scan.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result = briefing("build", "--no-translate", "--strict", cwd=strict)
    assert result.returncode == 1
    assert "scan.txt" in result.stderr
    assert not (strict / "docs" / "digest").exists()


def test_bad_config_is_one_line(tmp_path):
    project = make_project(tmp_path / "p")
    (project / "briefing.yaml").write_text("summary:\n  max_sentences: many\n", encoding="utf-8")
    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 2
    assert "max_sentences" in _one_line_error(result.stderr)


def test_model_install_with_bad_file_is_one_line(tmp_path):
    bogus = tmp_path / "model.argosmodel"
    bogus.write_bytes(b"not a zip")
    result = briefing("model", "install", str(bogus), cwd=tmp_path, env={"ARGOS_PACKAGES_DIR": str(tmp_path / "pk")})
    assert result.returncode == 2
    assert "model.argosmodel" in _one_line_error(result.stderr)


def test_generator_never_touches_files_it_did_not_write(tmp_path):
    project = make_project(tmp_path / "p")
    digest = project / "docs" / "digest"
    digest.mkdir(parents=True)
    mine = digest / "my-notes.md"
    mine.write_text("# My notes\n", encoding="utf-8")
    squatter = project / "docs" / "index.md"
    squatter.write_text("# Hand-written index\n", encoding="utf-8")

    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert mine.read_text(encoding="utf-8") == "# My notes\n"
    assert squatter.read_text(encoding="utf-8") == "# Hand-written index\n"
    assert re.search(r"(?m)^briefing: warning: index\.md: not written", result.stderr)

    # a generated page edited by hand is kept too
    page = digest / "000-9623b259a8a6cc57-txt" / "article-01.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy remark.\n", encoding="utf-8")
    result = briefing("build", "--no-translate", cwd=project)
    assert "My remark." in page.read_text(encoding="utf-8")

    # removing a source removes its (unedited) pages, and only those
    (project / "seeds" / "003_84a0f30d0b85aac9.txt").unlink()
    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (digest / "003-84a0f30d0b85aac9-txt").exists()
    assert mine.exists() and page.exists()


def test_article_text_never_becomes_html_or_template_code(tmp_path):
    project = make_project(tmp_path / "p", seeds=False)
    hostile = (
        "# 测试<img src=x onerror=alert(1)>标题\n\n"
        "本报讯 今年前2个月，营业收入3.26万亿元，同比增长4.1%。<script>alert('x')</script>"
        "模板{{ 7*7 }}和{% raw %}不应执行。[点我](javascript:alert(1)) *强调* | 表格 |\n\n"
        "第二段落说明情况，数据显示增长明显。<!-- 注释 -->最后一句话在这里结束。\n"
    )
    (project / "seeds" / "hostile.md").write_text(hostile, encoding="utf-8")
    result = briefing("build", "--no-translate", cwd=project)
    assert result.returncode == 0, result.stderr
    site = mkdocs_build(project)
    assert site.returncode == 0, site.stderr
    pages = [p.read_text(encoding="utf-8") for p in (project / "site" / "digest").rglob("*.html")]
    joined = "\n".join(pages)
    assert "<script>alert" not in joined
    assert "<img src=x" not in joined and "<img src=\"x\"" not in joined
    assert 'href="javascript:' not in joined
    assert "{{ 7*7 }}" in joined and ">49<" not in joined
    assert "<em>强调</em>" not in joined
    for page in (project / "docs" / "digest").rglob("*.md"):
        assert page.resolve().is_relative_to((project / "docs" / "digest").resolve())


def test_python_module_and_console_script_agree(tmp_path):
    module = briefing("--version", cwd=tmp_path)
    script = run([str(Path(sys.executable).parent / "briefing"), "--version"], cwd=tmp_path)
    assert module.returncode == 0 and module.stdout.startswith("briefing ")
    assert script.returncode == 0 and script.stdout == module.stdout


def test_model_install_from_an_unreachable_index_is_one_line(tmp_path):
    env = {"ARGOS_PACKAGES_DIR": str(tmp_path / "pk"), "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/"}
    result = briefing("model", "install", cwd=tmp_path, env=env)
    assert result.returncode == 2
    line = _one_line_error(result.stderr)
    assert "Argos package index" in line and "briefing model install FILE.argosmodel" in line
