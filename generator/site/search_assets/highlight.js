/* On a page opened from a search result (its link ends in ?h=words), mark the words searched
   for, open the article's full text when they are in it, and scroll to the first one.
   The search worker writes the words as this page shows them (its own script). */
(function () {
  "use strict";
  var SKIP = "mark, script, style, summary, .headerlink, .briefing-language";

  function words() {
    var h = new URLSearchParams(window.location.search).get("h");
    return h ? h.split(/\s+/).filter(Boolean) : [];
  }

  function escape(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function highlight() {
    var list = words();
    var content = document.querySelector(".md-content__inner");
    if (!list.length || !content || content.querySelector("mark[data-briefing-search]")) return;
    list.sort(function (a, b) { return b.length - a.length; });
    var pattern = new RegExp(list.map(escape).join("|"), "gi");
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT), nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement && !node.parentElement.closest(SKIP)) nodes.push(node);
    }
    var marks = [];
    nodes.forEach(function (node) {
      var text = node.nodeValue, last = 0, found = false, part = document.createDocumentFragment();
      pattern.lastIndex = 0;
      for (var m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (!m[0]) { pattern.lastIndex++; continue; }
        found = true;
        part.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-briefing-search", "");
        mark.textContent = m[0];
        part.appendChild(mark);
        marks.push(mark);
        last = m.index + m[0].length;
      }
      if (!found) return;
      part.appendChild(document.createTextNode(text.slice(last)));
      node.parentNode.replaceChild(part, node);
    });
    marks.forEach(function (mark) {
      var details = mark.closest(".briefing-fulltext details");
      if (details) details.open = true;
    });
    var first = marks.filter(function (mark) { return mark.offsetParent !== null; })[0];
    if (first) first.scrollIntoView({block: "center"});
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(highlight); /* after briefing.js folded the full text away */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
