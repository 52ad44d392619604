"""Shared fixtures: the tiny Argos package, an isolated packages folder, and a network guard."""

from __future__ import annotations

import socket

import pytest

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
