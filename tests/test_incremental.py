"""Rebuilds do only the work a change calls for, and the result never depends on how the work
was shared or cached."""

from __future__ import annotations

import json
import re
import sys

from tests.helpers import briefing, make_project, run


def _records(result) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_a_rebuild_analyses_only_what_changed(tmp_path):
    project = make_project(tmp_path / "p")
    first = briefing("build", "--no-translate", cwd=project)
    assert first.returncode == 0 and "from the analysis cache" not in first.stderr
    pages = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    again = briefing("build", "--no-translate", cwd=project)
    assert "2 documents (2 unchanged, from the analysis cache)" in again.stderr
    assert "0 pages written" in again.stderr
    seed = project / "seeds" / "003_84a0f30d0b85aac9.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("空天产业,硬实力就是号召力", "空天产业,实力就是号召力"), encoding="utf-8")
    changed = briefing("build", "--no-translate", cwd=project)
    assert "2 documents (1 unchanged, from the analysis cache)" in changed.stderr
    rewritten = {p for p in (project / "docs").rglob("*.md") if pages.get(p) != p.read_bytes()}
    assert rewritten and all("000-" not in str(p) for p in rewritten), "pages of the unchanged source are not rewritten"


def test_settings_and_glossary_are_part_of_what_the_cache_remembers(tmp_path):
    project = make_project(tmp_path / "p")
    plain = _records(briefing("inspect", "--json", "--no-translate", "seeds", cwd=project))
    (project / "briefing.yaml").write_text("summary: {max_sentences: 1}\n", encoding="utf-8")
    shorter = _records(briefing("inspect", "--json", "--no-translate", "seeds", cwd=project))
    assert all(len(r["summary_zh"]) == 1 for r in shorter) and any(len(r["summary_zh"]) > 1 for r in plain)
    (project / "briefing.yaml").unlink()
    (project / "glossary.yaml").write_text("规上轻工企业: industrial light-industry firms\n", encoding="utf-8")
    glossary = _records(briefing("inspect", "--json", "--no-translate", "seeds", cwd=project))
    assert glossary != plain, "a new glossary term changes how text is segmented"


def test_cached_parallel_and_sequential_analysis_agree(tmp_path):
    """The same records whether each source is analysed in this process, in worker processes,
    or read back from the cache."""
    project = make_project(tmp_path / "p")
    code = (
        "import json, sys; import generator.build as b; b._PARALLEL_BYTES = int(sys.argv[1]);"
        "records = b.inspect_sources(['seeds'], translate=False, use_cache=sys.argv[2] == 'cache')[0];"
        "print(json.dumps(records, ensure_ascii=False, sort_keys=True))"
    )
    outputs = []
    for limit, cache in (("10000000", "no"), ("0", "no"), ("0", "cache"), ("10000000", "cache")):
        result = run([sys.executable, "-c", code, limit, cache], cwd=project, env={"PYTHONHASHSEED": str(len(outputs))})
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3]
    assert len(json.loads(outputs[0])) >= 11


def test_nothing_to_analyse_loads_no_analysis(tmp_path):
    """`briefing --help` and a build of an empty folder never load the segmenter (jieba-rs), jieba or the analysis."""
    project = make_project(tmp_path / "p", seeds=False)
    for args in (["--help"], ["build", "--no-translate", "-q"]):
        result = run([sys.executable, "-X", "importtime", "-m", "generator", *args], cwd=project)
        assert result.returncode == 0, result.stderr
        loaded = set(re.findall(r"\|\s+([\w.]+)\s*$", result.stderr, re.M))
        heavy = {m for m in loaded if m.split(".")[0] in ("jieba", "rjieba", "numpy", "cn2an") or m.startswith("generator.analysis.")}
        assert not heavy and "generator.analysis" not in loaded, (args, heavy)
