"""The page writer in one process: builds cut off part way, the journal they leave, the
manifest, the user's files and the pages they link to, the build lock.

test_robustness.py kills real builds (SIGKILL); here a build is cut off by an exception from
the page write, which leaves the folder as a kill at that moment would, and runs in
milliseconds (bench/mutation.md runs these for every mutant of generator/site/write.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.site import write
from generator.site.render import Page
from generator.site.write import JOURNAL, write_pages


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _pages(variant: int) -> list[Page]:
    """A digest whose every page differs between variants; each variant drops a folder of
    the one before and adds its own (paths and text in Chinese, as the site's are)."""
    return [Page(f"digest/第{i}篇/index.md", f"# 第{i}篇（{variant}）\n") for i in range(variant, variant + 4)] + [
        Page("index.md", f"# 首页（{variant}）\n[第{variant}篇](digest/第{variant}篇/index.md)\n")
    ]


class _Killed(BaseException):
    """The build stops here, as if killed: nothing after it runs (not even the journal's removal)."""


def _cut_off_after(monkeypatch: pytest.MonkeyPatch, pages_written: int) -> None:
    """The next build stops after ``pages_written`` page replacements."""
    real = write._replace
    done = []

    def replace(target: Path, data: bytes) -> None:
        if len(done) == pages_written:
            raise _Killed
        done.append(target)
        real(target, data)

    monkeypatch.setattr(write, "_replace", replace)


def test_two_builds_cut_off_in_a_row_one_mid_record(tmp_path, monkeypatch):
    """A second cut-off build appends to the first one's journal, after a torn last line
    (cut off in the middle of a multi-byte character): every whole record still counts."""
    clean = tmp_path / "clean"
    write_pages(_pages(3), clean)
    out = tmp_path / "out"
    write_pages(_pages(0), out)
    with monkeypatch.context() as patch:
        _cut_off_after(patch, 2)
        with pytest.raises(_Killed):
            write_pages(_pages(1), out)
    torn = json.dumps({"path": "digest/第9篇/index.md", "sha": "0" * 64}, ensure_ascii=False).encode("utf-8")
    with (out / JOURNAL).open("ab") as f:
        f.write(torn[:20])  # ends inside '第'
    with monkeypatch.context() as patch:
        _cut_off_after(patch, 3)
        with pytest.raises(_Killed):
            write_pages(_pages(2), out)
    report = write_pages(_pages(3), out)
    assert report.kept == []
    assert tree(out) == tree(clean)
