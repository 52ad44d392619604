"""The page writer in one process: builds cut off part way, the journal they leave, the
manifest, the user's files and the pages they link to, the build lock.

test_robustness.py kills real builds (SIGKILL); here a build is cut off by an exception from
the page write, which leaves the folder as a kill at that moment would, and runs in
milliseconds (bench/mutation.md runs these for every mutant of generator/site/write.py).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from generator.site import write
from generator.site.render import Page
from generator.site.write import JOURNAL, MANIFEST, BuildLock, write_pages


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


@pytest.mark.parametrize("pages_written", [0, 1, 3, 5])
def test_a_build_cut_off_part_way_then_a_new_build_equals_a_clean_one(tmp_path, monkeypatch, pages_written):
    clean = tmp_path / "clean"
    write_pages(_pages(2), clean)
    out = tmp_path / "out"
    write_pages(_pages(0), out)
    with monkeypatch.context() as patch:
        _cut_off_after(patch, pages_written)
        with pytest.raises(_Killed):
            write_pages(_pages(1), out)
    journal = [json.loads(line) for line in (out / JOURNAL).read_text(encoding="utf-8").splitlines()]
    # each page is recorded before it is replaced (all five written: cut off at the manifest)
    assert len(journal) == min(pages_written + 1, len(_pages(1)))
    assert {"path", "sha"} == set(journal[0])
    report = write_pages(_pages(2), out)
    assert report.kept == [] and report.foreign == [] and report.linked == []
    assert tree(out) == tree(clean)


@pytest.mark.parametrize("torn_bytes", [1, 19])
def test_two_builds_cut_off_in_a_row_one_mid_record(tmp_path, monkeypatch, torn_bytes):
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
        f.write(torn[:torn_bytes])  # 19: ends inside '第'
    with monkeypatch.context() as patch:
        _cut_off_after(patch, 3)
        with pytest.raises(_Killed):
            write_pages(_pages(2), out)
    report = write_pages(_pages(3), out)
    assert report.kept == []
    assert tree(out) == tree(clean)


def test_the_manifest_names_every_page_with_its_hash(tmp_path):
    out = tmp_path / "out"
    pages = _pages(0)
    write_pages(pages, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["generator"] == "briefing"
    assert manifest["files"] == {p.path: write._sha(p.text.encode("utf-8")) for p in pages}
    assert list(manifest["files"]) == sorted(manifest["files"])
    # readable in a diff of docs/: one line per page, its path as written
    lines = (out / MANIFEST).read_text(encoding="utf-8").splitlines()
    for page in pages:
        assert sum(f'"{page.path}"' in line for line in lines) == 1
    assert all(sum(f'"{page.path}"' in line for page in pages) <= 1 for line in lines)


def test_pages_and_the_journal_are_not_executable(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_pages([Page("a/index.md", "A\n")], out)
    assert (out / "a" / "index.md").stat().st_mode & 0o111 == 0
    assert (out / MANIFEST).stat().st_mode & 0o111 == 0
    with monkeypatch.context() as patch:
        _cut_off_after(patch, 0)
        with pytest.raises(_Killed):
            write_pages([Page("a/index.md", "A2\n")], out)
    assert (out / JOURNAL).stat().st_mode & 0o111 == 0


@pytest.mark.parametrize("broken", ["{", "[]", '{"files": ["index.md"]}', '{"generator": "briefing"}', "\udcff"])
def test_a_broken_manifest_trusts_nothing(tmp_path, broken):
    out = tmp_path / "out"
    write_pages(_pages(0), out)
    (out / MANIFEST).write_text(broken, encoding="utf-8", errors="surrogateescape")
    report = write_pages(_pages(1), out)
    # no page is known to be ours: the existing ones are left alone, the new one is written
    assert report.kept == ["digest/第1篇/index.md", "digest/第2篇/index.md", "digest/第3篇/index.md", "index.md"]
    assert report.written == ["digest/第4篇/index.md"] and report.removed == []


def test_a_page_is_written_through_a_temporary_file_that_does_not_outlive_a_failure(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_pages([Page("a/b/c/deep.md", "deep\n")], out)
    assert (out / "a" / "b" / "c" / "deep.md").read_text(encoding="utf-8") == "deep\n"

    def fail(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(write.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_pages([Page("a/b/c/deep.md", "deeper\n")], out)
    monkeypatch.undo()
    assert sorted(tree(out)) == [JOURNAL, MANIFEST, "a/b/c/deep.md"], "no temporary file left beside the page"
    assert write_pages([Page("a/b/c/deep.md", "deeper\n")], out).kept == []


def test_temporary_files_of_a_killed_build_are_removed_wherever_they_are(tmp_path):
    out = tmp_path / "out"
    write_pages([Page("a/b/index.md", "A\n"), Page("index.md", "home\n")], out)
    left = [out / ".index.md.1-aa.briefing-tmp", out / "a" / "b" / ".index.md.2-bb.briefing-tmp"]
    for f in left:
        f.write_text("half", encoding="utf-8")
    (out / "a" / "notes.briefing-tmp.md").write_text("mine\n", encoding="utf-8")
    write_pages([Page("a/b/index.md", "A\n"), Page("index.md", "home\n")], out)
    assert not any(f.exists() for f in left)
    assert (out / "a" / "notes.briefing-tmp.md").exists(), "only briefing's own temporary files"


def test_the_users_files_are_reported_by_path_hidden_ones_aside(tmp_path):
    out = tmp_path / "out"
    write_pages([Page("digest/a/index.md", "A\n"), Page("index.md", "home\n")], out)
    for name in ("digest/a/notes.md", "digest/mine.md", "about.md", "digest/a/.DS_Store", "digest/.drafts/x.md",
                 ".git/config"):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("mine\n", encoding="utf-8")
    report = write_pages([Page("digest/a/index.md", "A\n"), Page("index.md", "home\n")], out)
    assert report.foreign == ["digest/a/notes.md", "digest/mine.md"], "about.md sits beside our folders"
    assert report.warnings == ["digest/a/notes.md, digest/mine.md: not written by briefing, left as they are"]


def test_many_foreign_files_are_counted_past_the_first_five(tmp_path):
    out = tmp_path / "out"
    write_pages([Page("d/index.md", "A\n")], out)
    for i in range(7):
        (out / "d" / f"n{i}.md").write_text("mine\n", encoding="utf-8")
    (warning,) = write_pages([Page("d/index.md", "A\n")], out).warnings
    assert warning == "d/n0.md, d/n1.md, d/n2.md, d/n3.md, d/n4.md and 2 more: not written by briefing, left as they are"
    (out / "d" / "n0.md").unlink()
    (out / "d" / "n1.md").unlink()
    (warning,) = write_pages([Page("d/index.md", "A\n")], out).warnings
    assert warning.startswith("d/n2.md, d/n3.md, d/n4.md, d/n5.md, d/n6.md: not")
    (out / "d" / "n0.md").write_text("mine\n", encoding="utf-8")
    (warning,) = write_pages([Page("d/index.md", "A\n")], out).warnings
    assert warning.startswith("d/n0.md, d/n2.md, d/n3.md, d/n4.md, d/n5.md and 1 more: not")
    (out / "d" / "n0.md").unlink()
    for i in range(3, 7):
        (out / "d" / f"n{i}.md").unlink()
    assert write_pages([Page("d/index.md", "A\n")], out).warnings == ["d/n2.md: not written by briefing, left as it is"]


def test_stale_pages_go_unless_a_page_that_is_not_ours_links_to_them(tmp_path):
    out = tmp_path / "out"
    old = [
        Page("d/old/index.md", "# Old\n\n[next](../chain/index.md?x=1#top)\n[frag](../frag/index.md#a#b)\n"),
        Page("d/chain/index.md", "# Chain\n\n[end](<../end/index.md?a=1?b=2>)\n[web](https://e.com/d/gone/index.md)\n"),
        Page("d/end/index.md", "# End\n\n[root](/d/gone/index.md)\n"),
        Page("d/gone/index.md", "# Gone\n"),
        Page("d/ref/index.md", "# Ref\n"),
        Page("d/frag/index.md", "# Frag\n"),
        Page("d/kept/index.md", "# Kept\n"),
        Page("index.md", "[old](d/old/index.md)\n"),
    ]
    write_pages(old, out)
    # a user's page with a broken byte, linking by reference definition; a generated page linking too
    (out / "d" / "mine.md").write_bytes(b"# Mine \xe4\xb8\n\n[r]: ref/index.md\n[o](old/index.md)\n")
    report = write_pages([Page("index.md", "[old](d/old/index.md) [kept](d/kept/index.md) [gone](d/gone/index.md)\n"),
                          Page("d/kept/index.md", "# Kept\n\n[gone](../gone/index.md)\n")], out)
    assert report.linked == ["d/chain/index.md", "d/end/index.md", "d/frag/index.md", "d/old/index.md", "d/ref/index.md"]
    assert report.removed == ["d/gone/index.md"], "a page briefing writes keeps nothing alive"
    assert not (out / "d" / "gone").exists()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert set(manifest) == {"index.md", "d/kept/index.md", *report.linked}, "linked pages stay ours"
    (out / "d" / "mine.md").unlink()
    again = write_pages([Page("index.md", "home\n")], out)
    assert sorted(again.removed) == ["d/chain/index.md", "d/end/index.md", "d/frag/index.md", "d/kept/index.md",
                                     "d/old/index.md", "d/ref/index.md"]
    assert sorted(tree(out)) == [MANIFEST, "index.md"]


def test_an_edited_orphan_names_its_links_to_source_files_that_are_gone(tmp_path):
    project = tmp_path / "p"
    (project / "seeds").mkdir(parents=True)
    (project / "seeds" / "here.txt").write_text("x\n", encoding="utf-8")
    out = project / "docs"
    links = "[ok](../../../seeds/here.txt) [in](index.md) [web](https://e.com/x)\n"
    pages = [Page("digest/a/article-01.md", f"# A\n\n[src](../../../seeds/a.txt#L3-L5) [src2](../../../seeds/a2.txt) {links}"),
             Page("digest/b/article-01.md", f"# B\n\n{links}"), Page("digest/a/index.md", "# A\n")]
    write_pages(pages, out)
    for page in pages[:2]:
        edited = out / page.path
        edited.write_text(page.text + "My notes.\n", encoding="utf-8")
    report = write_pages([], out)
    assert report.orphans == report.kept == ["digest/a/article-01.md", "digest/b/article-01.md"]
    assert report.dead_links == {"digest/a/article-01.md": ["../../../seeds/a.txt#L3-L5", "../../../seeds/a2.txt"]}
    assert report.warnings[:2] == [
        "digest/a/article-01.md: edited by hand, so kept, though no source generates it any more; it links to"
        " ../../../seeds/a.txt#L3-L5, ../../../seeds/a2.txt, which is gone: edit or delete the page, or"
        " `mkdocs build --strict` stops on that link",
        "digest/b/article-01.md: edited by hand, so kept, though no source generates it any more",
    ]


def test_a_stale_path_outside_the_folder_in_the_manifest_is_never_touched(tmp_path):
    out = tmp_path / "out"
    outside = tmp_path / "precious.md"
    outside.write_text("keep\n", encoding="utf-8")
    write_pages([Page("index.md", "home\n")], out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["../precious.md"] = write._sha(b"keep\n")
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    report = write_pages([Page("index.md", "home\n")], out)
    assert outside.read_text(encoding="utf-8") == "keep\n" and report.removed == []
    with pytest.raises(ValueError, match=r"refusing to write outside .*'\.\./x\.md'"):
        write_pages([Page("../x.md", "x\n")], out)


def test_removing_a_page_removes_its_empty_folders_and_nothing_else(tmp_path):
    out = tmp_path / "docs"
    write_pages([Page("d/a/b/index.md", "A\n"), Page("d/keep/index.md", "K\n")], out)
    write_pages([Page("d/keep/index.md", "K\n")], out)
    assert not (out / "d" / "a").exists() and (out / "d" / "keep").exists()
    write_pages([], out)
    assert out.exists() and not (out / "d").exists(), "the folder written stays, and what is above it"


def test_the_folder_and_its_parents_are_made(tmp_path):
    out = tmp_path / "a" / "b" / "docs"
    write_pages([Page("index.md", "home\n")], out)
    assert (out / "index.md").read_text(encoding="utf-8") == "home\n"


def test_a_second_build_waits_for_the_lock_and_says_so_once(tmp_path):
    folder = tmp_path / "new" / "docs"
    first = BuildLock(folder)
    first.acquire()
    assert folder.is_dir(), "the lock makes the folder it guards"
    said: list[str] = []
    second = BuildLock(folder)
    got = threading.Event()

    def build() -> None:
        second.acquire(said.append)
        got.set()

    thread = threading.Thread(target=build)
    thread.start()
    assert not got.wait(0.3), "the second build must wait"
    assert said == [f"another build is writing in {folder}; waiting for it to finish"]
    first.release()
    assert got.wait(10)
    thread.join()
    assert said == [f"another build is writing in {folder}; waiting for it to finish"]
    second.release()
    second.release()  # twice is harmless
    assert first.fd is None and second.fd is None
    third = BuildLock(folder)
    third.acquire()  # free again: no wait, nothing said
    third.release()


def test_a_lock_that_is_free_says_nothing(tmp_path):
    lock = BuildLock(tmp_path / "docs")
    lock.release()  # never acquired: nothing to release

    def never(message: str) -> None:
        raise AssertionError(message)

    lock.acquire(never)
    lock.release()


def test_a_page_edited_then_restored_is_ours_again(tmp_path):
    out = tmp_path / "out"
    write_pages([Page("a/index.md", "A\n")], out)
    (out / "a" / "index.md").write_text("A, edited\n", encoding="utf-8")
    assert write_pages([Page("a/index.md", "A2\n")], out).kept == ["a/index.md"]
    assert write_pages([Page("a/index.md", "A3\n")], out).kept == ["a/index.md"]
    (out / "a" / "index.md").write_text("A\n", encoding="utf-8")  # the edit undone
    report = write_pages([Page("a/index.md", "A4\n")], out)
    assert report.written == ["a/index.md"] and (out / "a" / "index.md").read_text(encoding="utf-8") == "A4\n"
