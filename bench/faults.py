"""Fault and hostile-input cases for ``briefing build``, run as a user would, printed as a table.

Each case lays out a throw-away project (a valid article ``good.txt`` plus the hostile or
broken thing), runs ``python -m generator build`` in a subprocess (memory capped, time
limited) and judges what a user gets: exit status, the stderr lines, the pages and the site.
``--src`` runs the same cases against another checkout, so a fix is shown against the code
it fixes:

    git archive main | (mkdir -p /tmp/before && tar -x -C /tmp/before)
    python bench/faults.py --src /tmp/before     # before
    python bench/faults.py                       # this checkout
    python bench/faults.py --only kill --kills 8 # just the kill -9 loop, more runs

Groups: hostile files, broken inputs, faults (kill -9 at seeded random moments, concurrent
builds, offline under a network namespace). A case "holds" when the user gets what the
issue asks for; the detail column says what happened.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# A build of one or two small sources takes ~3 s here; anything past this is a hang.
BUILD_TIMEOUT_S = 60
# Address-space cap of each build (bytes): a YAML bomb fails instead of taking the machine.
MEMORY_CAP = 3 * 2**30
# The kill -9 loop: sources per seed set (each gives 3 pages or more).
KILL_SOURCES = 40

ARTICLE = (
    "# {title}\n\n"
    "本报讯 {day}日，中国中小企业协会发布的最新数据显示，今年一季度，我国中小企业发展指数为{index}，"
    "比去年四季度上升{rise}点，连续{n}个季度回升。\n\n"
    "协会有关负责人表示，春节后生产加速回升，经济回暖势头不断增强，{sector}企业生产经营持续改善，"
    "预计二季度指数仍将保持在景气区间。\n"
)
SECTORS = ("工业", "建筑业", "交通运输", "批发零售", "住宿餐饮", "信息传输", "社会服务", "房地产")


def article(i: int, variant: int = 0) -> str:
    return ARTICLE.format(
        title=f"一季度{SECTORS[i % len(SECTORS)]}指数第{i + 1}次上升（{variant}）",
        day=1 + (i + variant) % 28,
        index=f"{80 + i % 17}.{variant}",
        rise=f"{1 + variant}.{i % 10}",
        n=2 + variant,
        sector=SECTORS[(i + variant) % len(SECTORS)],
    )


@dataclass
class Outcome:
    holds: bool
    detail: str


@dataclass
class Run:
    code: int | None  # None: timed out and killed
    stderr: str
    seconds: float

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def crashed(self) -> str | None:
        """Why this run is not a user-grade result (hang, traceback, split message), or None."""
        if self.code is None:
            return f"no result after {BUILD_TIMEOUT_S} s (killed)"
        if "Traceback" in self.stderr:
            last = [line for line in self.lines if not line.startswith(" ")][-1:]
            return f"traceback: {last[0][:90] if last else '?'}"
        stray = [line for line in self.lines if not line.startswith("briefing")]
        if stray:
            return f"stderr line not from briefing: {stray[0][:60]!r}"
        return None


class Harness:
    def __init__(self, src: Path, work: Path) -> None:
        self.src = src
        self.work = work
        self.env = dict(os.environ, PYTHONPATH=str(src), PYTHONHASHSEED="0")
        self.env.pop("ARGOS_PACKAGES_DIR", None)
        self._count = 0

    def project(self, *, good: bool = True) -> Path:
        self._count += 1
        root = self.work / f"p{self._count:03d}"
        (root / "seeds").mkdir(parents=True)
        shutil.copy2(self.src / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(self.src / "docs", root / "docs", ignore=self._generated)
        if good:
            (root / "seeds" / "good.txt").write_text(article(0), encoding="utf-8")
        return root

    def _generated(self, folder: str, names: list[str]) -> set[str]:
        """What the checkout's own build wrote into docs/: a user's project starts without it."""
        manifest = self.src / "docs" / ".briefing-manifest.json"
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"] if manifest.exists() else {}
        here = Path(folder).relative_to(self.src / "docs").as_posix()
        listed = {n for n in names if (n if here == "." else f"{here}/{n}") in files}
        return listed | {n for n in names if n == "digest" or n.startswith(".briefing-")}

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "generator", "build", "-q", *args]

    def build(self, project: Path, *args: str, translate: bool = False, env: dict | None = None,
              prefix: tuple[str, ...] = ()) -> Run:
        cmd = [*prefix, *self.command(*args, *(() if translate else ("--no-translate",)))]
        return self._run(cmd, project, env)

    def mkdocs(self, project: Path) -> Run:
        # no -q: with it MkDocs 1.6 does not count warnings, and --strict passes on a dead link
        return self._run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], project)

    def _run(self, cmd: list[str], cwd: Path, env: dict | None = None) -> Run:
        def limits() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env={**self.env, **(env or {})}, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, preexec_fn=limits)
        try:
            _, err = proc.communicate(timeout=BUILD_TIMEOUT_S)
            code: int | None = proc.returncode
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
            code = None
        return Run(code, err, time.perf_counter() - started)


def digest_files(project: Path) -> dict[str, bytes]:
    """Every file under docs/ (the generated pages, the manifest, and the user's files)."""
    root = project / "docs"
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def digest_text(project: Path) -> str:
    return "\n".join(data.decode("utf-8", "replace") for data in digest_files(project).values())


def built(project: Path, name: str) -> bool:
    """The source ``name`` has its pages (its source page names it)."""
    root = project / "docs" / "digest"
    return any(name in p.read_text(encoding="utf-8", errors="replace") for p in root.glob("*/source.md"))


def _mentions(run: Run, name: str) -> list[str]:
    return [line for line in run.lines if name in line]


# ---------------------------------------------------------------- hostile files

def skipped_case(make: Callable[[Path, Path], str], *, marker: str | None = None,
                 as_root_without: str = "") -> Callable[[Harness], Outcome]:
    """Something in seeds/ that is not read: it must be reported (never published: ``marker``
    is text of what it points to), the rest built, exit 3. ``as_root_without``: capabilities
    to drop when we are root (root reads any folder)."""

    def case(h: Harness) -> Outcome:
        project = h.project()
        name = make(project / "seeds", h.work)
        prefix: tuple[str, ...] = ()
        if as_root_without and os.geteuid() == 0:
            prefix = ("setpriv", f"--bounding-set={as_root_without}")
        run = h.build(project, prefix=prefix)
        if (why := run.crashed()) is not None:
            return Outcome(False, why)
        if marker is not None and marker in digest_text(project):
            return Outcome(False, f"published the target's text; exit {run.code}")
        said = _mentions(run, name)
        if not built(project, "good.txt"):
            return Outcome(False, f"the valid source was not built; exit {run.code}")
        if not said:
            return Outcome(False, f"left out silently, exit {run.code}")
        return Outcome(run.code == 3, f"exit {run.code}: {said[0][:110]}")

    return case


def _outside_article(work: Path) -> Path:
    outside = work / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.md").write_text(article(3).replace("协会", "SECRETMARK协会"), encoding="utf-8")
    return outside


def link_passwd(seeds: Path, work: Path) -> str:
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    return "leak.txt"


def link_outside_file(seeds: Path, work: Path) -> str:
    (seeds / "notes.md").symlink_to(_outside_article(work) / "secret.md")
    return "notes.md"


def link_outside_folder(seeds: Path, work: Path) -> str:
    (seeds / "archive").symlink_to(_outside_article(work), target_is_directory=True)
    return "archive"


def self_loop(seeds: Path, work: Path) -> str:
    (seeds / "loop.txt").symlink_to("loop.txt")
    return "loop.txt"


def dangling(seeds: Path, work: Path) -> str:
    (seeds / "gone.txt").symlink_to("nowhere/at/all.txt")
    return "gone.txt"


def fifo(seeds: Path, work: Path) -> str:
    os.mkfifo(seeds / "pipe.txt")
    return "pipe.txt"


def dir_named_txt(seeds: Path, work: Path) -> str:
    (seeds / "x.txt").mkdir()
    return "x.txt"


def unreadable_folder(seeds: Path, work: Path) -> str:
    locked = seeds / "locked"
    locked.mkdir()
    (locked / "a.md").write_text(article(5), encoding="utf-8")
    locked.chmod(0)
    return "locked"


def name_case(name: str) -> Callable[[Harness], Outcome]:
    """An unusable file with control characters in its name: every message stays one line."""

    def case(h: Harness) -> Outcome:
        project = h.project()
        (project / "seeds" / name).write_bytes(b"\x00\x01\x02binary\x00" * 50)
        run = h.build(project)
        if (why := run.crashed()) is not None:
            return Outcome(False, why)
        if "\x1b" in run.stderr:
            return Outcome(False, "a raw escape character reached the terminal")
        said = [line for line in run.lines if "binary" in line or "not a text" in line]
        return Outcome(bool(said) and run.code == 3, f"exit {run.code}: {said[0][:100]!r}" if said else "not reported")

    return case


def user_page_in_digest(h: Harness) -> Outcome:
    project = h.project()
    h.build(project)
    (project / "docs" / "digest" / "my-notes.md").write_text("# My notes\n", encoding="utf-8")
    run = h.build(project)
    if (why := run.crashed()) is not None:
        return Outcome(False, why)
    said = _mentions(run, "my-notes.md")
    return Outcome(len(said) == 1, f"mentioned {len(said)} time(s): {said[0][:100] if said else ''}")


def kept_page_source_removed(h: Harness) -> Outcome:
    project = h.project()
    (project / "seeds" / "other.txt").write_text(article(7), encoding="utf-8")
    h.build(project)
    page = next((project / "docs" / "digest").glob("other*/article-01.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nMy remark.\n", encoding="utf-8")
    (project / "seeds" / "other.txt").unlink()
    run = h.build(project)
    if (why := run.crashed()) is not None:
        return Outcome(False, why)
    site = h.mkdocs(project)
    if "My remark." not in page.read_text(encoding="utf-8"):
        return Outcome(False, "the hand-edited page was lost")
    if site.code == 0:
        return Outcome(True, "edited page kept; mkdocs --strict passes")
    complaints = [line for line in site.lines if line.startswith("WARNING")]
    told = [c for c in complaints if any(link in c for link in re.findall(r"links to (\S+?)(?:#\S*)?[,;]", run.stderr))]
    if complaints and told == complaints:
        said = _mentions(run, "links to")[0]
        return Outcome(True, f"edited page kept; strict stops only on the link the build named: {said[said.index('it links'):][:70]}")
    reason = complaints[0] if complaints else site.stderr[-100:]
    return Outcome(False, f"mkdocs build --strict fails, the build did not say why: {reason.strip()[:110]}")


def script_injection(h: Harness) -> Outcome:
    import markdown as python_markdown

    from tests.htmlcheck import live_html

    project = h.project()
    (project / "seeds" / "x.md").write_text(
        "# 标题<img src=x onerror=alert(1)>\n\n本报讯 营业收入3.26万亿元，同比增长4.1%。<script>alert(1)</script>"
        "[点我](javascript:alert(1))，相关负责人表示情况良好。\n\n第二段落说明情况，数据显示增长明显。\n",
        encoding="utf-8",
    )
    run = h.build(project)
    if (why := run.crashed()) is not None:
        return Outcome(False, why)
    extensions = ["tables", "footnotes", "toc", "pymdownx.highlight", "pymdownx.superfences"]  # mkdocs.yml's
    html = "".join(
        python_markdown.markdown(p.read_text(encoding="utf-8"), extensions=extensions)
        for p in (project / "docs" / "digest").rglob("*.md")
    )
    live = live_html(html)
    return Outcome(not live, f"live: {live[:3]}" if live else "escaped everywhere")


# ---------------------------------------------------------------- broken inputs

def bomb(indent: str = "") -> str:
    """Nine nested anchors, each a list of nine aliases of the one before: 9^9 strings expanded."""
    lines = [f"{indent}a0: &a0 [{', '.join(['lol'] * 9)}]"]
    lines += [f"{indent}a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def flow_bomb() -> str:
    """The same as one flow list (for a setting that must be a number)."""
    items = [f"&a0 [{', '.join(['lol'] * 9)}]"] + [f"&a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return f"[{', '.join(items)}]"


def _build_with(h: Harness, write: Callable[[Path], str]) -> tuple[Path, str, Run]:
    """A project with what ``write`` adds (it returns the name messages should carry), built."""
    project = h.project()
    name = write(project)
    return project, name, h.build(project)


def input_case(write: Callable[[Path], str], expect: str = "") -> Callable[[Harness], Outcome]:
    """A broken input in seeds/: a one-line message naming the file (and ``expect``), the rest built."""

    def case(h: Harness) -> Outcome:
        project, name, run = _build_with(h, write)
        if (why := run.crashed()) is not None:
            return Outcome(False, why)
        said = _mentions(run, name)
        if not built(project, "good.txt"):
            return Outcome(False, f"the valid source was not built; exit {run.code}: {said[:1]}")
        if not said:
            return Outcome(False, f"no message naming {name}; exit {run.code}")
        fits = expect.lower() in said[0].lower()
        return Outcome(fits, f"exit {run.code} in {run.seconds:.0f}s: {said[0][:110]}")

    return case


def settings_case(file: str, text: str, expect: str = "") -> Callable[[Harness], Outcome]:
    """A broken project file (briefing.yaml, glossary.yaml): one line naming it, exit 2, fast."""

    def case(h: Harness) -> Outcome:
        project = h.project()
        (project / file).write_text(text, encoding="utf-8")
        run = h.build(project)
        if (why := run.crashed()) is not None:
            return Outcome(False, why)
        said = _mentions(run, file)
        fits = run.code == 2 and len(run.lines) == 1 and bool(said) and expect in said[0]
        return Outcome(fits, f"exit {run.code} in {run.seconds:.0f}s: {run.lines[0][:110] if run.lines else ''}")

    return case


def front_matter(yaml_text: str, name: str = "fm.md") -> Callable[[Path], str]:
    def write(project: Path) -> str:
        (project / "seeds" / name).write_text(f"---\n{yaml_text}---\n{article(2)}", encoding="utf-8")
        return name

    return write


def sidecar(yaml_text: str) -> Callable[[Path], str]:
    def write(project: Path) -> str:
        (project / "seeds" / "side.md").write_text(article(2), encoding="utf-8")
        (project / "seeds" / "side.yaml").write_text(yaml_text, encoding="utf-8")
        return "side"

    return write


def sources_yaml(yaml_text: str) -> Callable[[Path], str]:
    def write(project: Path) -> str:
        (project / "seeds" / "sources.yaml").write_text(yaml_text, encoding="utf-8")
        return "sources.yaml"

    return write


def bad_date_case(write: Callable[[Path], str], source: str) -> Callable[[Harness], Outcome]:
    """An impossible date: a warning naming the file and the key; that source is still built."""

    def case(h: Harness) -> Outcome:
        project, name, run = _build_with(h, write)
        if (why := run.crashed()) is not None:
            return Outcome(False, why)
        said = [line for line in _mentions(run, name) if "date" in line]
        if not built(project, source):
            return Outcome(False, f"{source} not built; exit {run.code}: {said[:1]}")
        if not said:
            return Outcome(False, f"no warning naming {name} and 'date'; exit {run.code}")
        return Outcome(True, f"exit {run.code}: {said[0][:110]}")

    return case


def broken_byte(h: Harness) -> Outcome:
    project = h.project()
    data = article(4).encode("utf-8")
    at = data.index("协会".encode()) + 1  # inside a character on line 3
    (project / "seeds" / "broken.md").write_bytes(data[:at] + b"\xff" + data[at + 2 :])
    run = h.build(project)
    if (why := run.crashed()) is not None:
        return Outcome(False, why)
    said = _mentions(run, "broken.md")
    if not built(project, "broken.md"):
        return Outcome(False, f"not built: {said[0][:100] if said else 'silently'}")
    if "\ufffd" not in digest_text(project):
        return Outcome(False, "built, but no replacement mark on the page")
    named = [line for line in said if "line 3" in line]
    return Outcome(bool(named), named[0][:110] if named else f"no warning naming line 3: {said[:1]}")


def _pdf(project: Path, name: str, **kwargs: object) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = project / "seeds" / name
    c = canvas.Canvas(str(path), pagesize=A4, **kwargs)  # type: ignore[arg-type]
    c.setFont("STSong-Light", 11)
    for i, line in enumerate(article(6).splitlines()):
        c.drawString(60, 780 - 16 * i, line[:40])
    c.save()
    return path.read_bytes()


def encrypted_pdf(project: Path) -> str:
    _pdf(project, "locked.pdf", encrypt="secret")
    return "locked.pdf"


ZERO_PAGE_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def zero_page_pdf(project: Path) -> str:
    (project / "seeds" / "empty.pdf").write_bytes(ZERO_PAGE_PDF)
    return "empty.pdf"


def truncated_pdf(project: Path) -> str:
    data = _pdf(project, "cut.pdf")
    (project / "seeds" / "cut.pdf").write_bytes(data[: len(data) // 3])
    return "cut.pdf"


def write_file(name: str, data: bytes) -> Callable[[Path], str]:
    def write(project: Path) -> str:
        (project / "seeds" / name).write_bytes(data)
        return name

    return write


# ---------------------------------------------------------------- faults

def _seed_set(seeds: Path, variant: int, count: int = KILL_SOURCES) -> None:
    """Seed set ``variant``: every page differs from the other variants; later ones drop and add files."""
    for old in seeds.iterdir():
        old.unlink()
    first = 3 * variant  # each variant drops the first three of the previous one and adds three
    for i in range(first, first + count):
        (seeds / f"s{i:03d}.md").write_text(article(i, variant), encoding="utf-8")


def _reference(h: Harness, variant: int) -> dict[str, bytes]:
    project = h.project(good=False)
    _seed_set(project / "seeds", variant)
    run = h.build(project)
    assert run.code == 0, run.stderr
    return digest_files(project)


def _differences(project: Path, reference: dict[str, bytes]) -> list[str]:
    mine, ref = digest_files(project), reference
    stale = [k for k in ref if k in mine and mine[k] != ref[k]]
    missing = [k for k in ref if k not in mine]
    extra = [k for k in mine if k not in ref]
    return [*(f"stale {k}" for k in stale), *(f"missing {k}" for k in missing), *(f"extra {k}" for k in extra)]


def kill_loop(h: Harness, kills: int, seed: int = 15, translate: bool = False) -> Outcome:
    """Built from set 0; the build of set 1 is killed (SIGKILL) at a seeded random moment; the
    seeds change to set 2 and the build is run again: its output must equal a clean build of set 2.

    Three kills in four land while pages are written: a seeded delay after the build's first
    write into the digest folder (its modification time changes), within the time a whole
    write phase takes; the others at a seeded time before that."""
    env: dict[str, str] = {}
    if translate:
        env = {"ARGOS_PACKAGES_DIR": str(_tiny_model(h))}
    base = h.project(good=False)
    _seed_set(base / "seeds", 0)
    assert h.build(base, translate=translate, env=env).code == 0
    reference = _reference_translated(h, env) if translate else _reference(h, 2)
    _seed_set(base / "seeds", 1)
    probe = h.project(good=False)
    shutil.copytree(base / "docs", probe / "docs", dirs_exist_ok=True)
    shutil.copytree(base / "seeds", probe / "seeds", dirs_exist_ok=True)
    started = time.time()
    h.build(probe, translate=translate, env=env)
    times = [t - started for p in (probe / "docs").rglob("*.md") if (t := p.stat().st_mtime) >= started]
    first_write, writing = min(times), max(times) - min(times)
    finished = digest_files(probe)
    rng = random.Random(seed)
    failures, landed, warned = [], {"before writing": 0, "mid-write": 0, "after the end": 0}, 0
    for i in range(kills):
        project = h.project(good=False)
        shutil.copytree(base / "docs", project / "docs", dirs_exist_ok=True)
        shutil.copytree(base / "seeds", project / "seeds", dirs_exist_ok=True)
        before = digest_files(project)
        # pages are written in path order, digest/.briefing-site.json first: its temporary file
        # changes this folder's time when a build (old or new) starts writing
        folder = project / "docs" / "digest"
        unchanged = folder.stat().st_mtime_ns
        cmd = h.command(*(() if translate else ("--no-translate",)))
        proc = subprocess.Popen(cmd, cwd=project, env={**h.env, **env}, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        if i % 4:
            delay = rng.uniform(0, writing)
            while folder.stat().st_mtime_ns == unchanged and proc.poll() is None:
                time.sleep(0.001)
            time.sleep(delay)
        else:
            time.sleep(rng.uniform(0.05, first_write))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        state = digest_files(project)
        landed["before writing" if state == before else "after the end" if state == finished else "mid-write"] += 1
        _seed_set(project / "seeds", 2)
        again = h.build(project, translate=translate, env=env)
        if again.code != 0 or again.crashed():
            failures.append(f"run {i}: rebuild exit {again.code}: {(again.crashed() or again.lines[-1:])}")
            continue
        warned += any("not written" in line for line in again.lines)
        diff = _differences(project, reference)
        if diff:
            failures.append(f"run {i}: {len(diff)} differences, e.g. {diff[0]}")
    where = ", ".join(f"{n} {k}" for k, n in landed.items() if n)
    detail = (f"{kills} kills ({where}), {len(failures)} rebuilds differ from a clean build"
              f"{f', {warned} warned of pages edited by hand' if warned else ''}")
    if failures:
        detail += f"; {failures[0]}"
    return Outcome(not failures, detail)


def _tiny_model(h: Harness) -> Path:
    packages = h.work / "argos-packages"
    if not packages.exists():
        from tests.tiny_argos import DEFAULT_PHRASE, build_tiny_package

        package = build_tiny_package(h.work / "tiny-model", DEFAULT_PHRASE)
        subprocess.run([sys.executable, "-m", "generator", "model", "install", str(package)], check=True,
                       env={**h.env, "ARGOS_PACKAGES_DIR": str(packages)}, capture_output=True)
    return packages


def _reference_translated(h: Harness, env: dict[str, str]) -> dict[str, bytes]:
    project = h.project(good=False)
    _seed_set(project / "seeds", 2)
    run = h.build(project, translate=True, env=env)
    assert run.code == 0, run.stderr
    return digest_files(project)


def concurrent_builds(h: Harness, pairs: int = 5) -> Outcome:
    reference = _reference(h, 0)
    failures = []
    for i in range(pairs):
        project = h.project(good=False)
        _seed_set(project / "seeds", 0)
        procs = [
            subprocess.Popen(h.command("--no-translate"), cwd=project, env=h.env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        results = [(p.wait(timeout=BUILD_TIMEOUT_S), p.stderr.read() if p.stderr else "") for p in procs]
        for code, err in results:
            if code != 0:
                failures.append(f"pair {i}: exit {code}: {err.strip().splitlines()[-1][:90] if err.strip() else ''}")
        diff = _differences(project, reference)
        if diff:
            failures.append(f"pair {i}: {diff[0]}")
        leftovers = [k for k in digest_files(project) if "tmp" in k]
        if leftovers:
            failures.append(f"pair {i}: temporary files left: {leftovers[:2]}")
    waited = "" if failures else "; both exit 0, output equals a single build"
    return Outcome(not failures, f"{pairs} pairs, {len(failures)} failures{waited}{': ' + failures[0] if failures else ''}")


def offline(h: Harness) -> Outcome:
    """A translated build in a network namespace with no interface up (``unshare -n``)."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-n", "true"]).returncode != 0:
        return Outcome(False, "cannot make a network namespace here (unshare -n)")
    env = {"ARGOS_PACKAGES_DIR": str(_tiny_model(h))}
    project = h.project()
    run = h.build(project, translate=True, env=env, prefix=("unshare", "-n"))
    if (why := run.crashed()) is not None:
        return Outcome(False, why)
    english = "The briefing engine wrote" in digest_text(project)
    return Outcome(run.code == 0 and english, f"exit {run.code}, English on the pages: {english}")


# ---------------------------------------------------------------- the table

def cases(kills: int) -> list[tuple[str, str, Callable[[Harness], Outcome]]]:
    utf8 = "---\n"
    return [
        ("hostile", "symlink to /etc/passwd", skipped_case(link_passwd, marker="root:x:0:0")),
        ("hostile", "symlink to a file outside seeds/", skipped_case(link_outside_file, marker="SECRETMARK")),
        ("hostile", "symlink to a folder outside seeds/", skipped_case(link_outside_folder, marker="SECRETMARK")),
        ("hostile", "symlink loop (loop.txt -> loop.txt)", skipped_case(self_loop)),
        ("hostile", "dangling symlink", skipped_case(dangling)),
        ("hostile", "FIFO named pipe.txt", skipped_case(fifo)),
        ("hostile", "folder named x.txt", skipped_case(dir_named_txt)),
        ("hostile", "unreadable folder", skipped_case(unreadable_folder, as_root_without="-dac_override,-dac_read_search")),
        ("hostile", "newline in a file name", name_case("bad\nname.txt")),
        ("hostile", "escape sequence in a file name", name_case("\x1b[31mred.txt")),
        ("hostile", "script/img/javascript: in article text", script_injection),
        ("hostile", "user page added in the digest folder", user_page_in_digest),
        ("hostile", "edited page kept, its source removed", kept_page_source_removed),
        ("broken", "YAML bomb in front matter", input_case(front_matter(bomb() + "publication: *a8\n"))),
        ("broken", "YAML bomb in a sidecar", input_case(sidecar(bomb() + "publication: *a8\n"))),
        ("broken", "YAML bomb in sources.yaml", input_case(sources_yaml("good.txt:\n" + bomb("  ") + "  publication: *a8\n"))),
        ("broken", "YAML bomb in briefing.yaml", settings_case("briefing.yaml", f"summary:\n  max_keywords: {flow_bomb()}\n")),
        ("broken", "YAML bomb in glossary.yaml", settings_case("glossary.yaml", bomb() + "湖南: *a8\n")),
        ("broken", "date 2025-02-30 in front matter", bad_date_case(front_matter("date: 2025-02-30\n"), "fm.md")),
        ("broken", "date 2025-02-30 in a sidecar", bad_date_case(sidecar("date: 2025-02-30\n"), "side.md")),
        ("broken", "date 2025-02-30 in sources.yaml", bad_date_case(sources_yaml("good.txt: {date: 2025-02-30}\n"), "good.txt")),
        ("broken", "date given as a list", bad_date_case(front_matter("date: [2025, 3]\n"), "fm.md")),
        ("broken", "5000-digit number in front matter", input_case(front_matter("publication: " + "1" * 5000 + "\n"), "fm.md")),
        ("broken", "10000 nested lists in front matter", input_case(front_matter("publication: " + "[" * 10000 + "]" * 10000 + "\n"), "fm.md")),
        ("broken", "!!float tag on a word in a sidecar", input_case(sidecar("publication: !!float abc\n"), "side")),
        ("broken", "invalid YAML front matter", input_case(front_matter("publication: [unclosed\n"), "front matter")),
        ("broken", "one broken byte in a UTF-8 file", broken_byte),
        ("broken", "encrypted PDF", input_case(encrypted_pdf, "encrypted")),
        ("broken", "zero-page PDF", input_case(zero_page_pdf, "no pages")),
        ("broken", "truncated PDF", input_case(truncated_pdf, "cut.pdf")),
        ("broken", "binary data named .txt", input_case(write_file("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "not a text file")),
        ("broken", "empty file", input_case(write_file("empty.md", b""), "empty")),
        ("broken", "front matter and nothing else", input_case(write_file("only.md", (utf8 + "publication: x\n---\n").encode()), "no text")),
        ("broken", "sources.yaml is a list", input_case(sources_yaml("- good.txt\n- other.md\n"), "expected")),
        ("broken", "briefing.yaml with a wrong type", settings_case("briefing.yaml", "summary:\n  max_sentences: many\n", "max_sentences")),
        ("fault", f"kill -9 during a build, seeds changed, rebuild (x{kills})", lambda h: kill_loop(h, kills)),
        ("fault", "kill -9 during a translated build, rebuild (x3)", lambda h: kill_loop(h, 3, seed=7, translate=True)),
        ("fault", "two builds at once (5 pairs)", concurrent_builds),
        ("fault", "offline: translated build under unshare -n", offline),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=REPO, help="checkout whose `generator` package is run")
    parser.add_argument("--only", default="", help="run the cases whose group or name contains this text")
    parser.add_argument("--kills", type=int, default=6, help="kill -9 runs in the loop")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefing-faults-"))
    work.chmod(0o755)
    h = Harness(args.src.resolve(), work)
    selected = [c for c in cases(args.kills) if args.only.lower() in f"{c[0]} {c[1]}".lower()]
    print(f"source: {h.src}\n")
    print("| group | case | holds | what happened |")
    print("| --- | --- | --- | --- |")
    held = 0
    try:
        for group, name, case in selected:
            try:
                outcome = case(h)
            except Exception as exc:  # a harness failure is a row too, not a lost table
                outcome = Outcome(False, f"harness: {exc.__class__.__name__}: {str(exc)[:80]}")
            held += outcome.holds
            detail = outcome.detail.replace("|", "\\|").replace("\n", "\\n")
            print(f"| {group} | {name} | {'yes' if outcome.holds else '**no**'} | {detail} |", flush=True)
    finally:
        if args.keep:
            print(f"\nwork folder: {work}")
        else:
            for path in work.rglob("*"):
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o755)
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{held} of {len(selected)} cases hold")
    return 0 if held == len(selected) else 1


if __name__ == "__main__":
    sys.exit(main())
