"""The code's own rules, checked like behaviour: lint, types, and the pipeline's layers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, run

BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "generator", "tests", "bench"],
        ["lint-imports"],  # layers: cli/build → site, translation → analysis → ingest → data/config/errors
        ["mypy"],
    ],
    ids=["ruff", "import-linter", "mypy"],
)
def test_tool_is_clean(command):
    result = run([str(BIN / command[0]), *command[1:]], cwd=REPO, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
