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
    plugin.on_config(config)
    plugin.on_pre_build(config=config)
    page = project / "docs" / "digest" / "003-84a0f30d0b85aac9-txt" / "article-02.md"
    assert "空天产业" in page.read_text(encoding="utf-8")

    seed = project / "seeds" / "003_84a0f30d0b85aac9.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("空天产业,硬实力就是号召力", "空天产业,实力就是号召力"), encoding="utf-8")
    os.utime(seed, ns=(seed.stat().st_atime_ns, seed.stat().st_mtime_ns + 10**9))
    plugin.on_pre_build(config=config)  # a rebuild of the site does not regenerate the digest...
    assert "空天产业,硬实力就是号召力" in page.read_text(encoding="utf-8")
    plugin._regenerate(config)  # ...the seeds watcher does, before MkDocs rebuilds
    assert "空天产业,实力就是号召力" in page.read_text(encoding="utf-8")

    before = page.stat().st_mtime_ns
    plugin._regenerate(config)  # nothing changed: nothing rewritten, so serve does not loop
    assert page.stat().st_mtime_ns == before


def test_build_command_leaves_pages_alone(tmp_path, monkeypatch):
    project, config, plugin = _setup(tmp_path, monkeypatch)
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config)
    plugin.on_pre_build(config=config)
    assert not (project / "docs" / "digest").exists()


def test_mkdocs_serve_rebuilds_once_per_seed_change(tmp_path):
    """A real `mkdocs serve`: editing a seed regenerates the page and rebuilds the site once."""
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    project = make_project(tmp_path / "p")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(tmp_path / "no-model"), "NO_MKDOCS_2_WARNING": "1"}
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115 - the server writes while we wait
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/digest/003-84a0f30d0b85aac9-txt/article-02/"

    def page() -> str:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait(condition, seconds: float = 60) -> None:
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(Path(log.name).read_text(encoding="utf-8"))

    try:
        wait(lambda: "空天产业,硬实力就是号召力" in page())
        builds_before = Path(log.name).read_text(encoding="utf-8").count("Building documentation")
        seed = project / "seeds" / "003_84a0f30d0b85aac9.txt"
        seed.write_text(seed.read_text(encoding="utf-8").replace("空天产业,硬实力就是号召力", "空天产业,实力就是号召力"), encoding="utf-8")
        wait(lambda: "空天产业,实力就是号召力" in page())
        time.sleep(3)  # time for a second, needless rebuild to show up
        output = Path(log.name).read_text(encoding="utf-8")
        assert output.count("Building documentation") - builds_before == 1, output
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: mkdocs removes its temporary site folder
        server.wait(timeout=30)
        log.close()
