"""The MkDocs plugin ``briefing`` (``plugins: [search, briefing]`` in mkdocs.yml).

- Feeds the glossary to the search plugin as its jieba user dictionary, so search keeps
  glossary terms whole: one term list serves segmentation, translation and search.
- Under ``mkdocs serve``, watches ``seeds/`` and regenerates the digest pages before a
  rebuild when a source changed (unchanged pages are not rewritten, so no reload loop).
- Names each digest folder in the navigation after its index page's title.

A plugin (entry point ``mkdocs.plugins: briefing``) rather than a hooks file, so that an
installed copy of the package works from any project folder.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority

from generator.config import load_config
from generator.errors import ModelMissing
from generator.glossary import load_glossary

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingPlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.command: str | None = None
        self.fingerprint: tuple | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(100)  # before the search plugin reads its jieba_dict_user
    def on_config(self, config):
        settings = load_config(_root(config))
        glossary = load_glossary(settings.path(settings.glossary))
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if glossary and search is not None and hasattr(search.config, "jieba_dict_user"):
            path = settings.path(".briefing-cache") / "jieba_user.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            text = "\n".join(glossary.jieba_lines()) + "\n"
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
            search.config.jieba_dict_user = str(path)
        return config

    def on_serve(self, server, *, config, builder):
        settings = load_config(_root(config))
        server.watch(str(settings.path(settings.seeds)))
        return server

    def on_pre_build(self, *, config) -> None:
        if self.command != "serve":
            return
        root = _root(config)
        settings = load_config(root)
        fingerprint = _fingerprint(settings.path(settings.seeds))
        if fingerprint == self.fingerprint:
            return
        self.fingerprint = fingerprint
        from generator.build import run_build

        try:
            report = run_build(root=root, progress=False)
        except ModelMissing as exc:
            log.warning("%s; digest pages built without English", exc)
            report = run_build(root=root, progress=False, translate=False)
        for problem in report.problems:
            log.warning("briefing: skipped %s", problem)
        log.info(report.summary_line())

    def on_nav(self, nav, *, config, files):
        """Name each digest folder after its index page's title instead of its slug."""
        for item in _walk(nav.items):
            if item.is_section:
                index = next((c for c in item.children if c.is_page and c.file.name == "index"), None)
                title = _first_heading(Path(index.file.abs_src_path)) if index is not None else None
                if title:
                    item.title = title
        return nav


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _walk(items):
    for item in items:
        yield item
        if item.is_section:
            yield from _walk(item.children)


def _first_heading(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith("# "):
                    # the theme prints nav titles unescaped: give it HTML-escaped text
                    return html.escape(html.unescape(line[2:].strip().replace("\\", "")))
    except OSError:
        return None
    return None


def _fingerprint(folder: Path) -> tuple:
    if not folder.is_dir():
        return ()
    return tuple(
        (str(p.relative_to(folder)), p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )
