"""Shared test helpers: a throw-away copy of the project to build in, and command runners."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

CHROMIUM = "/usr/bin/chromium"  # Debian's package (.ci/run installs it)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
ACCEPTANCE = Path(__file__).resolve().parent / "seed-articles.yaml"


def acceptance() -> dict:
    return yaml.safe_load(ACCEPTANCE.read_text(encoding="utf-8"))


def make_project(dest: Path, *, seeds: bool = True) -> Path:
    """A user's project folder: config, glossary, hand-written docs and seeds, no code.

    The package itself comes from the installed distribution, as it does for a user.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "glossary.yaml"):
        shutil.copy2(REPO / name, dest / name)
    shutil.copytree(REPO / "docs", dest / "docs", ignore=generated_files)
    (dest / "seeds").mkdir()
    if seeds:
        for f in SEEDS.iterdir():
            if f.is_file():
                shutil.copy2(f, dest / "seeds" / f.name)
    return dest


def generated_files(folder: str, names: list[str]) -> set[str]:
    """What the generator wrote into docs/ (its manifest says): a user's project starts without it."""
    manifest = REPO / "docs" / ".briefing-manifest.json"
    files = json.loads(manifest.read_text(encoding="utf-8"))["files"] if manifest.exists() else {}
    here = Path(folder).relative_to(REPO / "docs").as_posix()
    skip = {n for n in names if (n if here == "." else f"{here}/{n}") in files}
    return skip | {n for n in names if n in ("__pycache__", "digest") or n.startswith(".briefing-")}


def run(args: list[str], cwd: Path, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout)


def briefing(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env)


def mkdocs_build(cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    # no -q: with it MkDocs 1.6 counts no warning, and --strict passes a dead link
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], cwd=cwd, env=env)
