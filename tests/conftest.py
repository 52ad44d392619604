"""Shared fixtures: the tiny Argos package, an isolated packages folder, a network guard, the
built and served sample site, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import os
import socket
import threading
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM, CHROMIUM_ARGS, briefing, make_project, mkdocs_build
from tests.tiny_argos import DEFAULT_PHRASE, build_tiny_package


@pytest.fixture(scope="session")
def tiny_argos_package(tmp_path_factory):
    """A tiny, valid zh→en ``.argosmodel`` whose decoder always writes DEFAULT_PHRASE."""
    return build_tiny_package(tmp_path_factory.mktemp("tiny-argos"), DEFAULT_PHRASE)


@pytest.fixture
def argos_env(tmp_path, monkeypatch, tiny_argos_package):
    """A fresh ARGOS_PACKAGES_DIR with the tiny package installed (subprocesses inherit it)."""
    from generator.translation import packages

    directory = tmp_path / "argos-packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    packages.install_from_file(tiny_argos_package)
    return directory


class NetworkBlocked(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open an internet connection fails the test (local sockets still work)."""
    real_connect = socket.socket.connect
    attempts: list = []

    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise NetworkBlocked(f"network connection attempted: {address!r}")
        return real_connect(self, address)

    def refuse(*args, **kwargs):
        attempts.append(args[:1])
        raise NetworkBlocked(f"network connection attempted: {args[:1]!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert not attempts, f"network access attempted: {attempts}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, tiny_argos_package):
    """The sample seeds built once for the whole run, as a user builds them: the tiny model
    installed, `briefing build` twice (the second must find everything cached), then
    `mkdocs build --strict`; with `inspect --json` records of the same sources."""
    from generator.translation import packages

    root = tmp_path_factory.mktemp("sample-site")
    packages_dir = root / "argos-packages"
    project = make_project(root / "project")
    env = {"ARGOS_PACKAGES_DIR": str(packages_dir)}
    old = os.environ.get("ARGOS_PACKAGES_DIR")
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)
    try:
        install = briefing("model", "install", str(tiny_argos_package), cwd=project, env=env)
        assert install.returncode == 0, install.stderr
        build = briefing("build", cwd=project, env=env)
        second = briefing("build", cwd=project, env=env)
        site = mkdocs_build(project, env=env)
        inspect = briefing("inspect", "--json", "seeds", cwd=project, env=env)
    finally:
        if old is None:
            os.environ.pop("ARGOS_PACKAGES_DIR", None)
        else:
            os.environ["ARGOS_PACKAGES_DIR"] = old
    assert build.returncode == 0, build.stderr
    assert site.returncode == 0, site.stderr + site.stdout
    assert inspect.returncode == 0, inspect.stderr
    records = [json.loads(line) for line in inspect.stdout.splitlines()]
    return {"project": project, "build": build, "second": second, "site": site, "env": env,
            "packages": packages, "records": records}


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site on a loopback HTTP server (Material's search runs in a web worker: no file://)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(Path(built_site["project"]) / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
