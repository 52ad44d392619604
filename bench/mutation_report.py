"""Mutation-testing results per module, with the mutants mutmut cannot activate rerun fresh.

``mutmut run`` (configured in pyproject.toml, ``[tool.mutmut]``; see bench/mutation.md) forks
every mutant from a process that has already imported the code under test. A function that
runs only while its module is imported (``quantities.alternatives`` and ``_unit_pattern``
build the direction and unit regexes) has already run by then, so its mutants are never
active and mutmut reports them as surviving. This script finds those functions (it imports
the mutated package with mutmut's call recording on), reruns each of their mutants in a new
interpreter where the mutant is active from the first import, and prints one table per module
with these verdicts in place of mutmut's. mutmut's own results are read, never changed.

Run from the repository root after ``mutmut run``:

    nice -n 10 .venv/bin/python bench/mutation_report.py            # table, survivors listed
    nice -n 10 .venv/bin/python bench/mutation_report.py --no-fresh # mutmut's verdicts only
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from mutmut.configuration import config as mutmut_config

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
# mutmut's exit codes (mutmut/stats.py): 1 and 3 are failing tests, 0 a passing run; the
# timeouts are a mutant that never finishes (a loop that no longer ends): detected as well.
_KILLED = {1, 3}
_SURVIVED = {0}
_TIMEOUT = {36, 24, -24, 152, 255}
# A fresh run that stops at collection (exit 2: the mutant breaks the import) is a kill too.
_FRESH_KILLED = {1, 2, 3}

_LIST_IMPORT_TIME = """
import importlib, json, pkgutil
import generator
from mutmut.state import state
for m in pkgutil.walk_packages(generator.__path__, "generator."):
    if not m.name.endswith(".__main__"):  # that one runs the CLI
        importlib.import_module(m.name)
print(json.dumps(sorted(state()._stats)))
"""


def _results(path: str) -> dict[str, int | None]:
    meta = MUTANTS / (path + ".meta")
    if not meta.exists():
        return {}
    return json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]


def _function(mutant: str) -> str:
    return mutant.rsplit("__mutmut_", 1)[0]


def _env(mutant: str) -> dict[str, str]:
    return {**os.environ, "MUTANT_UNDER_TEST": mutant, "PYTHONPATH": str(MUTANTS)}


def import_time_functions() -> set[str]:
    """Mutated functions that run while the package is imported (mutmut's stats names)."""
    out = subprocess.run(
        [sys.executable, "-c", _LIST_IMPORT_TIME], cwd=MUTANTS, env=_env("stats"),
        capture_output=True, text=True, check=True,
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def fresh_verdict(mutant: str, pytest_args: list[str]) -> str:
    """Run the tests in a new interpreter with ``mutant`` active from the first import."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", *pytest_args], cwd=MUTANTS, env=_env(mutant),
        capture_output=True, text=True,
    )
    if run.returncode in _FRESH_KILLED:
        return "killed"
    if run.returncode == 0:
        return "survived"
    raise RuntimeError(f"{mutant}: pytest exited {run.returncode}\n{run.stdout[-2000:]}")


def _status(code: int | None) -> str:
    if code in _KILLED:
        return "killed"
    if code in _SURVIVED:
        return "survived"
    if code in _TIMEOUT:
        return "timeout"
    return "not run" if code is None else f"other ({code})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-fresh", action="store_true", help="mutmut's verdicts only, no fresh reruns")
    args = parser.parse_args()
    os.chdir(ROOT)  # mutmut reads its settings from the pyproject.toml of the working directory
    config = mutmut_config()
    pytest_args = config.pytest_add_cli_args + config.pytest_add_cli_args_test_selection
    if not args.no_fresh and fresh_verdict("", pytest_args) != "survived":
        sys.exit("the selected tests fail without any mutant: fix them first")
    at_import = set() if args.no_fresh else import_time_functions()
    print("| module | mutants | killed | timeout | survived | survival | rerun fresh (killed) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    survivors: list[str] = []
    for path in config.only_mutate:
        verdicts = {m: _status(code) for m, code in _results(path).items()}
        fresh = [m for m in verdicts if _function(m) in at_import]
        for m in fresh:
            verdicts[m] = fresh_verdict(m, pytest_args)
        counts = Counter(verdicts.values())
        total = len(verdicts)
        rate = f"{100 * counts['survived'] / total:.1f}%" if total else "-"
        fresh_killed = sum(verdicts[m] == "killed" for m in fresh)
        others = {k: v for k, v in counts.items() if k not in ("killed", "timeout", "survived")}
        print(f"| {path} | {total} | {counts['killed']} | {counts['timeout']} | {counts['survived']} | {rate} "
              f"| {len(fresh)} ({fresh_killed}) |" + (f" {others}" if others else ""))
        survivors += sorted(m for m, v in verdicts.items() if v == "survived")
    print("\nSurvivors (`mutmut show NAME` prints the change):")
    for m in survivors:
        print(f"  {m}")


if __name__ == "__main__":
    main()
