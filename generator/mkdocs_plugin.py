"""The MkDocs plugin ``briefing`` (``plugins: [search, tags, briefing]`` in mkdocs.yml).

- Under ``mkdocs serve``: generates the digest before the first build, then watches
  ``seeds/`` itself and regenerates the pages when a source changes; MkDocs sees the new pages
  and rebuilds once (watching seeds/ through MkDocs would rebuild twice: once for the seed,
  once for the pages written during that build).
- On the site, a link to a source file at its lines (what GitHub opens, ``seeds/x.txt#L3-L9``)
  becomes a link to the source page at the article's first line, and the source page's line
  anchors are made known to MkDocs' link check.
- Writes the RSS 2.0 and JSON Feed 1.1 feeds of the newest articles (needs ``site_url``).
- Site search (generator/site/search.py): Material's search box stays, its worker is replaced
  by one that finds any substring (simplified or traditional) in an index of one entry per
  article; Material's own indexing is switched off page by page.

A plugin (entry point ``mkdocs.plugins: briefing``) rather than a hooks file, so that an
installed copy of the package works from any project folder.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import posixpath
import re
import threading
from html import escape as escape_html
from html import unescape as unescape_html
from pathlib import Path
from urllib.parse import unquote

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from generator.config import Config, load_config
from generator.errors import ModelMissing, UserError
from generator.glossary import Glossary, load_glossary
from generator.site import search
from generator.site.feeds import json_feed, rss_feed
from generator.site.paths import relative, source_anchor

log = logging.getLogger("mkdocs.plugins.briefing")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_LINE_ANCHOR = re.compile(r'id="(__codelineno-[0-9-]+)"')
_THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_ARTICLE_FILE = re.compile(r"article-\d+\.md$")  # generator.site.paths.article_filename
_ASSETS = Path(__file__).resolve().parent / "site" / "search_assets"
_THEME = str(Path(__file__).resolve().parent / "site" / "theme")  # overrides of Material's templates


class BriefingPlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.command: str | None = None
        self.settings: Config | None = None
        self.generated = False
        self.site_data: dict = {}
        self.copies: frozenset[str] = frozenset()  # article pages of an article another source holds too
        self.files = None
        self._lock = threading.Lock()
        self._fingerprint: tuple | None = None
        self.glossary = Glossary()
        self.search_on = False
        self.search_entries: dict[str, search.Entry] = {}
        self.source_pages: set[str] = set()  # a source's page and list of articles: they repeat the articles

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config):
        if _THEME not in config.theme.dirs:
            config.theme.dirs.insert(0, _THEME)  # main.html: the page's <title> escaped (see on_page_content)
        self.settings = settings = load_config(_root(config))
        self.glossary = load_glossary(settings.path(settings.glossary))
        material = config.plugins.get("material/search") or config.plugins.get("search")
        # only Material's search box speaks the worker protocol our worker answers
        self.search_on = material is not None and type(material).__module__.startswith("material.")
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
        if self.search_on:
            for path, asset in ((search.WORKER_PATH, "worker.js"), (search.HIGHLIGHT_PATH, "highlight.js")):
                if files.get_file_from_path(path) is None:
                    files.append(File.generated(config, path, abs_src_path=str(_ASSETS / asset)))
            pages = {f.url for f in files.documentation_pages()}
            self.search_entries = {url: e for url, e in self.search_entries.items() if url in pages}
            folders = {posixpath.dirname(f.src_uri) for f in files.documentation_pages() if _ARTICLE_FILE.match(posixpath.basename(f.src_uri))}
            self.source_pages = {f"{folder}/{name}" for folder in folders for name in ("index.md", "source.md")}
        settings = self._settings()
        data = Path(config.docs_dir) / settings.digest_dir / ".briefing-site.json"
        try:
            self.site_data = json.loads(data.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.site_data = {}
        self.copies = frozenset(self.site_data.get("copies", ()))
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
        if self.search_on:
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}  # Material indexes nothing
            title = unescape_html(page.title or "")  # the H1 as HTML ("5&#126;10%"): the index holds text
            entry = search.article_entry(page.url, title, html)
            if entry is None and title and page.file.src_uri not in self.source_pages:
                entry = search.Entry(page.url, title)
            if page.file.src_uri in self.copies:
                entry = None  # the same article from another source: found once, on its first page
            if entry is not None:
                self.search_entries[page.url] = entry
            else:
                self.search_entries.pop(page.url, None)
        # MkDocs takes the title from the H1 as HTML ("5&#126;10%"), and the theme prints it as
        # it is in the navigation, the header and the topic lists: escaped once, from plain text,
        # a headline "</title><script>…" stays text and "5~10%" reads so (theme/main.html
        # escapes the <title>, which Material unescapes); a front-matter title (an edition's
        # publication name, from a source's metadata) is plain text the theme prints as it is too
        if page.meta.get("title"):
            page.meta["title"] = escape_html(str(page.meta["title"]))
        if page.title:
            page.title = escape_html(unescape_html(page.title))
        return html

    def on_post_page(self, output: str, *, page, config) -> str:
        if self.search_on:
            output = _search_scripts(output, page.url)
        return self._feed_links(output, page=page, config=config)

    def _feed_links(self, output: str, *, page, config) -> str:
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
        if self.search_on:
            index = Path(config.site_dir) / search.INDEX_PATH
            index.parent.mkdir(parents=True, exist_ok=True)
            index.write_text(search.build_index(self.search_entries.values(), self.glossary.terms), encoding="utf-8")
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
            for warning in report.warnings:
                log.warning("briefing: %s", warning)
            log.info(report.summary_line())


def _search_scripts(output: str, url: str) -> str:
    """Point Material's search box at the site's worker and add the page highlighter."""

    def worker(m: re.Match) -> str:
        data = json.loads(m.group(2))
        data["search"] = get_relative_url(search.WORKER_PATH, url) + f"?v={_asset_version('worker.js')}"
        return m.group(1) + json.dumps(data).replace("<", "\\u003c") + m.group(3)

    output = _THEME_CONFIG.sub(worker, output, count=1)
    src = get_relative_url(search.HIGHLIGHT_PATH, url) + f"?v={_asset_version('highlight.js')}"
    script = f'<script src="{escape_html(src)}"></script>'
    return output.replace("</body>", script + "</body>", 1)


@functools.cache
def _asset_version(name: str) -> str:
    """A hash of the shipped script: a new version is fetched, not an old one from a cache."""
    return hashlib.sha1((_ASSETS / name).read_bytes()).hexdigest()[:8]


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
