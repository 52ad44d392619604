"""The comparison engine for ``search_quality.py --engine pagefind``: Pagefind behind the
same search box.

Pagefind (``pip install 'pagefind[extended]'``: the extended binary segments Chinese) indexes
exactly the fields the site's own index holds (``search/briefing.json``: title, full text,
English, dateline per article; other pages by title), folded to simplified script as the
site's worker folds them, one record per page. A small worker answers Material's search box
from Pagefind's JavaScript API (query folded the same way, Pagefind's own ranking, excerpts
and highlighting), so both engines are measured through the same box, by the same reader.
Bench code only: the product does not ship it.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.text import to_simplified  # noqa: E402

WORKER = "assets/javascripts/workers/pagefind-adapter.js"
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)

ADAPTER = r"""
"use strict";
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, SHOWN = 10;
var pagefind = null, fold = function (s) { return s; };
function setup() {
  return fetch(new URL("../../../search/briefing.json", self.location.href).href).then(function (r) { return r.json(); })
    .then(function (data) {
      var map = Object.create(null);
      for (var i = 0; i < data.fold[0].length; i++) map[data.fold[0][i]] = data.fold[1][i];
      fold = function (s) { return s.replace(/[\u3400-\u9fff\uf900-\ufaff]/g, function (c) { return map[c] || c; }); };
      return import(new URL("../../../pagefind/pagefind.js", self.location.href).href);
    })
    .then(function (module) { pagefind = module; return pagefind.options({excerptLength: 30}); })
    .then(function () { return pagefind.init(); });
}
function search(query) {
  query = fold(query.trim());
  if (!query) return Promise.resolve({items: []});
  return pagefind.search(query).then(function (found) {
    return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); }));
  }).then(function (pages) {
    return {items: pages.map(function (p, i) {
      return [{location: p.url.replace(/^\//, ""), title: p.meta.title, text: "<p>" + p.excerpt + "</p>",
               score: SHOWN - i, terms: {}}];
    })};
  });
}
var queue = Promise.resolve();
self.addEventListener("message", function (ev) {
  var m = ev.data;
  queue = queue.then(function () {
    if (m.type === SETUP) return setup().then(function () { self.postMessage({type: READY}); });
    if (m.type === QUERY) return search(String(m.data || "")).then(function (r) { self.postMessage({type: RESULT, data: r}); },
      function (e) { console.warn(e); self.postMessage({type: RESULT, data: {items: []}}); });
  });
});
"""


async def _index(site: Path, pages: list[list[str]]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(IndexConfig(output_path=str(site / "pagefind"))) as index:
        for row in pages:
            url, title = row[0], row[1]
            content = to_simplified("\n".join(row[1:]))
            await index.add_custom_record(url="/" + url, content=content, language="zh", meta={"title": title})


def convert(site: Path) -> None:
    """Index the built site with Pagefind and point its search box at the adapter."""
    data = json.loads((site / "search" / "briefing.json").read_text(encoding="utf-8"))
    asyncio.run(_index(site, data["pages"]))
    (site / WORKER).write_text(ADAPTER, encoding="utf-8")
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        depth = len(page.parent.relative_to(site).parts)

        def point(m: re.Match, depth: int = depth) -> str:
            config = json.loads(m.group(2))
            config["search"] = "../" * depth + WORKER
            return m.group(1) + json.dumps(config).replace("<", "\\u003c") + m.group(3)

        page.write_text(_CONFIG.sub(point, html, count=1), encoding="utf-8")
