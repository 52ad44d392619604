"""Argos packages: install from a local file or the Argos index, list, find the zh→en one.

The packages folder follows ``ARGOS_PACKAGES_DIR`` at call time (Argos itself reads it once
at import). Installing from the index is the only place the program may use the network.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.request
import zipfile
from pathlib import Path

from generator.errors import PackageError


def packages_dir() -> Path:
    from argostranslate import settings

    configured = os.environ.get("ARGOS_PACKAGES_DIR")
    return Path(configured) if configured else Path(settings.package_data_dir)


def _installed():
    from argostranslate.package import Package

    directory = packages_dir()
    if not directory.is_dir():
        return []
    found = []
    for path in sorted(directory.iterdir()):
        if path.is_dir() and (path / "metadata.json").exists():
            try:
                found.append(Package(path))
            except (OSError, ValueError, KeyError):
                continue
    return found


def list_installed() -> list[str]:
    return [f"{p.from_code}→{p.to_code}  {p.package_path.name}  version {p.package_version}" for p in _installed()]


def find_zh_en():
    """The installed zh→en package with the highest version, or None."""
    from packaging.version import InvalidVersion, Version

    def version(p) -> Version:
        try:
            return Version(p.package_version or "0")
        except InvalidVersion:
            return Version("0")

    candidates = [p for p in _installed() if p.from_code == "zh" and p.to_code == "en" and (p.package_path / "model").is_dir()]
    return max(candidates, key=lambda p: (version(p), p.package_path.name), default=None)


def install_from_file(path: Path) -> str:
    """Unpack a ``.argosmodel`` (a zip with one top-level folder) into the packages folder."""
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path}: not an Argos package (not a zip archive)")
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n and not n.startswith("__MACOSX")]
        tops = {n.split("/", 1)[0] for n in names}
        if len(tops) != 1:
            raise PackageError(f"{path}: not an Argos package (expected one top-level folder)")
        top = tops.pop()
        if f"{top}/metadata.json" not in names:
            raise PackageError(f"{path}: not an Argos package (no metadata.json)")
        if any(".." in Path(n).parts or n.startswith("/") for n in names):
            raise PackageError(f"{path}: refusing a package with paths outside its folder")
        try:
            metadata = json.loads(zf.read(f"{top}/metadata.json"))
        except ValueError:
            raise PackageError(f"{path}: metadata.json is not valid JSON") from None
        if not any(n.startswith(f"{top}/model/") for n in names):
            raise PackageError(f"{path}: not a translation package (no model/ folder)")
        target = packages_dir()
        target.mkdir(parents=True, exist_ok=True)
        destination = target / top
        if destination.exists():
            shutil.rmtree(destination)
        zf.extractall(target)
    return (
        f"installed {metadata.get('from_code')}→{metadata.get('to_code')} "
        f"version {metadata.get('package_version', '?')} into {destination}"
    )


def install_from_index(timeout: float = 30.0) -> str:
    """Download and install the zh→en package from the Argos index (the one use of the network).

    Fetched here with plain HTTP and a timeout rather than through Argos' networking, which
    retries without end and prints every failure when the machine is offline.
    """
    if find_zh_en() is not None:
        return f"a zh→en package is already installed in {packages_dir()}"
    from argostranslate import settings

    offline = "on an offline machine run `briefing model install FILE.argosmodel`"
    try:
        with urllib.request.urlopen(settings.remote_package_index, timeout=timeout) as response:
            index = json.load(response)
    except (OSError, ValueError) as exc:
        raise PackageError(f"cannot reach the Argos package index ({_reason(exc)}); {offline}") from None
    entry = next((p for p in index if p.get("from_code") == "zh" and p.get("to_code") == "en"), None)
    if entry is None:
        raise PackageError(f"the Argos package index lists no zh→en package; {offline}")
    failures = []
    for link in entry.get("links", []):
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "translate-zh_en.argosmodel"
            try:
                with urllib.request.urlopen(link, timeout=timeout) as response, target.open("wb") as out:
                    shutil.copyfileobj(response, out)
            except OSError as exc:
                failures.append(_reason(exc))
                continue
            return install_from_file(target)
    raise PackageError(f"download of the zh→en package failed ({'; '.join(failures) or 'no link'}); {offline}")


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason).splitlines()[0][:120] or exc.__class__.__name__
