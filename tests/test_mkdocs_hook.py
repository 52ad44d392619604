"""The MkDocs hook: `mkdocs serve` regenerates the digest when seeds/ changes; search gets the glossary."""

from __future__ import annotations

import importlib.util
import os

from mkdocs.config import load_config

from tests.helpers import make_project


def _setup(tmp_path, monkeypatch):
    """A project copy, its MkDocs config, and the hook loaded the way MkDocs loads it (from its file)."""
    project = make_project(tmp_path / "p")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"))
    spec = importlib.util.spec_from_file_location("briefing_hook_under_test", project / "generator" / "mkdocs_hook.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return project, config, hook


def test_serve_regenerates_pages_when_a_seed_changes(tmp_path, monkeypatch, argos_env):
    project, config, hook = _setup(tmp_path, monkeypatch)
    hook.on_startup(command="serve", dirty=False)
    hook.on_pre_build(config)
    page = project / "docs" / "digest" / "003-84a0f30d0b85aac9-txt" / "article-02.md"
    assert "空天产业" in page.read_text(encoding="utf-8")

    seed = project / "seeds" / "003_84a0f30d0b85aac9.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("空天产业,硬实力就是号召力", "空天产业,实力就是号召力"), encoding="utf-8")
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    hook.on_pre_build(config)
    assert "空天产业,实力就是号召力" in page.read_text(encoding="utf-8")

    before = page.stat().st_mtime_ns
    hook.on_pre_build(config)  # nothing changed: nothing rewritten, so serve does not loop
    assert page.stat().st_mtime_ns == before


def test_build_command_leaves_pages_alone(tmp_path, monkeypatch):
    project, config, hook = _setup(tmp_path, monkeypatch)
    hook.on_startup(command="build", dirty=False)
    hook.on_pre_build(config)
    assert not (project / "docs" / "digest").exists()


def test_glossary_becomes_the_search_user_dictionary(tmp_path, monkeypatch):
    project, config, hook = _setup(tmp_path, monkeypatch)
    hook.on_config(config)
    search = config.plugins["material/search"]
    path = search.config.jieba_dict_user
    assert path and "算力券" in open(path, encoding="utf-8").read()
