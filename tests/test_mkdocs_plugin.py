"""The MkDocs plugin: `mkdocs serve` regenerates the digest when seeds/ changes; search gets the glossary."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import load_config

from tests.helpers import make_project


def _setup(tmp_path, monkeypatch):
    """A project copy, its MkDocs config, and the plugin as MkDocs loads it (by its entry point)."""
    project = make_project(tmp_path / "p")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["briefing"]
    assert plugin.__class__.__module__ == "generator.mkdocs_plugin"
    return project, config, plugin


def test_serve_regenerates_pages_when_a_seed_changes(tmp_path, monkeypatch, argos_env):
    project, config, plugin = _setup(tmp_path, monkeypatch)
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_pre_build(config=config)
    page = project / "docs" / "digest" / "003-84a0f30d0b85aac9-txt" / "article-02.md"
    assert "空天产业" in page.read_text(encoding="utf-8")

    seed = project / "seeds" / "003_84a0f30d0b85aac9.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("空天产业,硬实力就是号召力", "空天产业,实力就是号召力"), encoding="utf-8")
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    plugin.on_pre_build(config=config)
    assert "空天产业,实力就是号召力" in page.read_text(encoding="utf-8")

    before = page.stat().st_mtime_ns
    plugin.on_pre_build(config=config)  # nothing changed: nothing rewritten, so serve does not loop
    assert page.stat().st_mtime_ns == before


def test_build_command_leaves_pages_alone(tmp_path, monkeypatch):
    project, config, plugin = _setup(tmp_path, monkeypatch)
    plugin.on_startup(command="build", dirty=False)
    plugin.on_pre_build(config=config)
    assert not (project / "docs" / "digest").exists()


def test_glossary_becomes_the_search_user_dictionary(tmp_path, monkeypatch):
    _project, config, plugin = _setup(tmp_path, monkeypatch)
    plugin.on_config(config)
    search = config.plugins["material/search"]
    path = search.config.jieba_dict_user
    assert path and "算力券" in Path(path).read_text(encoding="utf-8")
