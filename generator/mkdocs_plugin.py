"""The MkDocs plugin ``briefing`` (``plugins: [search, tags, briefing]`` in mkdocs.yml).

- Under ``mkdocs serve``: generates the digest before the first build, then watches
  ``seeds/`` itself and regenerates the pages when a source changes; MkDocs sees the new pages
  and rebuilds once (watching seeds/ through MkDocs would rebuild twice: once for the seed,
  once for the pages written during that build).
- On the site, a link to a source file at its lines (what GitHub opens, ``seeds/x.txt#L3-L9``)
  becomes a link to the source page at the article's first line, and the source page's line
  anchors are made known to MkDocs' link check.
- Writes the RSS 2.0 and JSON Feed 1.1 feeds of the newest articles (needs ``site_url``).
- Feeds the glossary to the search plugin as its jieba user dictionary and keeps jieba quiet.

A plugin (entry point ``mkdocs.plugins: briefing``) rather than a hooks file, so that an
installed copy of the package works from any project folder.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
import threading
from html import escape as escape_html
from pathlib import Path
from urllib.parse import unquote

from mkdocs.plugins import BasePlugin, event_priority

from generator.config import Config, load_config
from generator.errors import ModelMissing, UserError
from generator.glossary import load_glossary
from generator.site.feeds import json_feed, rss_feed
from generator.site.paths import relative, source_anchor

log = logging.getLogger("mkdocs.plugins.briefing")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_LINE_ANCHOR = re.compile(r'id="(__codelineno-[0-9-]+)"')


class BriefingPlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.command: str | None = None
        self.settings: Config | None = None
        self.generated = False
        self.site_data: dict = {}
        self.files = None
        self._lock = threading.Lock()
        self._fingerprint: tuple | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(100)  # before the search plugin reads its jieba_dict_user
    def on_config(self, config):
        import jieba

        jieba.setLogLevel(logging.WARNING)  # the search plugin segments with jieba: no loading chatter
        self.settings = settings = load_config(_root(config))
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
        import watchdog.events

        plugin = self

        class SeedsChanged(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if not event.is_directory:
                    plugin._regenerate(config)

        seeds = self._settings().path(self._settings().seeds)
        if seeds.is_dir():
            server.observer.schedule(SeedsChanged(), str(seeds), recursive=True)
        return server

    def on_pre_build(self, *, config) -> None:
        if self.command == "serve" and not self.generated:
            self.generated = True
            self._regenerate(config)

    def on_files(self, files, *, config):
        self.files = files
        settings = self._settings()
        data = Path(config.docs_dir) / settings.digest_dir / ".briefing-site.json"
        try:
            self.site_data = json.loads(data.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.site_data = {}
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        sources: dict[str, str] = self.site_data.get("sources", {})
        if not sources:
            return markdown
        here = page.file.src_uri

        def to_source_page(m: re.Match) -> str:
            target, _, anchor = m.group(1).partition("#")
            path = posixpath.normpath(posixpath.join(posixpath.dirname(here), unquote(target)))
            if path not in sources:
                return m.group(0)
            lines = re.match(r"L(\d+)", anchor)
            link = relative(here, sources[path]) + (f"#{source_anchor(int(lines.group(1)))}" if lines else "")
            return f"]({link})"

        return _LINK.sub(to_source_page, markdown)

    def on_page_content(self, html: str, *, page, config, files) -> str:
        # the code block's line anchors are raw HTML to MkDocs: tell its link check they exist
        if page.present_anchor_ids is not None and "__codelineno-" in html:
            page.present_anchor_ids.update(_LINE_ANCHOR.findall(html))
        # MkDocs takes the title from the H1 as text, and the theme prints it unescaped in
        # <title>, the navigation and search: a headline "</title><script>…" must stay text
        if page.title:
            page.title = escape_html(page.title)
        return html

    def on_post_page(self, output: str, *, page, config) -> str:
        """Feed autodiscovery: every page names the feeds, so a reader's feed app finds them
        (relative links: the theme fetches the sitemap next to every rel=alternate link)."""
        if not self.site_data.get("items") or not config.site_url:
            return output
        root = posixpath.relpath(".", posixpath.dirname(page.url) if not page.url.endswith("/") else page.url.rstrip("/") or ".")
        links = "".join(
            f'<link rel="alternate" type="{kind}" title="{name}" href="{posixpath.join(root, file)}">'
            for kind, name, file in (("application/rss+xml", "RSS", "feed.xml"), ("application/feed+json", "JSON Feed", "feed.json"))
        )
        return output.replace("</head>", links + "</head>", 1)

    def on_post_build(self, *, config) -> None:
        items = self.site_data.get("items")
        if not items:
            return
        if not config.site_url:
            log.info("briefing: no feeds written: set site_url in mkdocs.yml (feed links must be absolute)")
            return
        site_dir = Path(config.site_dir)

        def url(page: str) -> str:
            file = self.files.get_file_from_path(page) if self.files is not None else None
            return config.site_url.rstrip("/") + "/" + (file.url if file is not None else page)

        meta = {"title": config.site_name, "description": config.site_description or "", "home": config.site_url,
                "timezone": self.site_data.get("timezone", "Asia/Shanghai")}
        (site_dir / "feed.xml").write_text(rss_feed(items, meta, url, config.site_url.rstrip("/") + "/feed.xml"), encoding="utf-8")
        (site_dir / "feed.json").write_text(json_feed(items, meta, url, config.site_url.rstrip("/") + "/feed.json"), encoding="utf-8")

    # -- the digest under `mkdocs serve` -----------------------------------------------------

    def _settings(self) -> Config:
        assert self.settings is not None, "on_config runs first"
        return self.settings

    def _regenerate(self, config) -> None:
        """Rebuild the digest pages when the seeds changed since the last time (one at a time)."""
        from generator.build import run_build

        with self._lock:
            settings = self._settings()
            fingerprint = _fingerprint(settings.path(settings.seeds))
            if fingerprint == self._fingerprint:
                return
            self._fingerprint = fingerprint
            root = _root(config)
            try:
                try:
                    report = run_build(root=root, progress=False)
                except ModelMissing as exc:
                    log.warning("%s; digest pages built without English", exc)
                    report = run_build(root=root, progress=False, translate=False)
            except UserError as exc:
                log.error("briefing: %s", exc)
                return
            for problem in report.problems:
                log.warning("briefing: skipped %s", problem)
            log.info(report.summary_line())


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _fingerprint(folder: Path) -> tuple:
    if not folder.is_dir():
        return ()
    return tuple(
        (str(p.relative_to(folder)), p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    )
