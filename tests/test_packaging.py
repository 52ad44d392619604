"""The package as a user installs it: a wheel, used from a folder that is not this checkout.

The test suite otherwise imports the editable install, which sees the source tree; these
tests catch what only a wheel can miss (subpackages, templates, the MkDocs plugin entry point).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import REPO, SEEDS, generated_files, run


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    [built] = out.glob("briefing-*.whl")
    return built


def test_wheel_holds_every_subpackage_the_templates_and_the_plugin(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in REPO.joinpath("generator").rglob("*.py"):
        assert module.relative_to(REPO).as_posix() in names
    for template in ("article.md.j2", "document.md.j2", "home.md.j2", "source.md.j2"):
        assert f"generator/site/templates/{template}" in names
    dist_info = next(n.split("/")[0] for n in names if n.endswith(".dist-info/METADATA"))
    entry_points = zipfile.ZipFile(wheel).read(f"{dist_info}/entry_points.txt").decode()
    assert "[mkdocs.plugins]" in entry_points and "briefing = generator.mkdocs_plugin:BriefingPlugin" in entry_points
    assert any(n.startswith(dist_info) and n.endswith("LICENSE") for n in names)


def test_installed_wheel_builds_the_site_from_a_folder_with_only_seeds_docs_and_config(wheel, tmp_path):
    target = tmp_path / "installed"
    install = run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], cwd=tmp_path)
    assert install.returncode == 0, install.stderr
    project = tmp_path / "newsroom"
    project.mkdir()
    shutil.copytree(SEEDS, project / "seeds")
    shutil.copytree(REPO / "docs", project / "docs", ignore=generated_files)
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    env = {"PYTHONPATH": str(target)}
    where = run([sys.executable, "-c", "import generator; print(generator.__file__)"], cwd=project, env=env)
    assert where.stdout.startswith(str(target)), f"not the installed copy: {where.stdout}{where.stderr}"
    build = run([sys.executable, "-m", "generator", "build", "--no-translate", "-q"], cwd=project, env=env)
    assert build.returncode == 0, build.stderr
    assert (project / "docs" / "index.md").exists() and (project / "docs" / "digest" / "editions" / "index.md").exists()
    site = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, env=env)
    assert site.returncode == 0, site.stderr
    assert (project / "site" / "index.html").exists() and (project / "site" / "feed.xml").exists()
    listing = run([sys.executable, "-m", "generator", "model", "list"], cwd=project, env={**env, "ARGOS_PACKAGES_DIR": str(tmp_path / "pk")})
    assert listing.returncode == 0 and "Traceback" not in listing.stderr, listing.stderr
