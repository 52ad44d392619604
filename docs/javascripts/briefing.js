/* Language switch (English / 中文 / both) and the collapsible full text.
   Without JavaScript, and on GitHub, both languages and the full text are simply shown. */
(function () {
  "use strict";
  var KEY = "briefing-language";
  var MODES = [["en", "English"], ["zh", "中文"], ["both", "Both"]];

  function stored() {
    try { return localStorage.getItem(KEY) || "both"; } catch (e) { return "both"; }
  }

  function apply(mode) {
    document.documentElement.setAttribute("data-briefing-language", mode);
    var buttons = document.querySelectorAll(".briefing-language button");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].value === mode));
    }
  }

  function choose(mode) {
    try { localStorage.setItem(KEY, mode); } catch (e) { /* private mode: still switch */ }
    apply(mode);
  }

  function addSwitch(content) {
    if (!content.querySelector('[lang="en"], [lang="zh"]') || content.querySelector(".briefing-language")) return;
    var bar = document.createElement("div");
    bar.className = "briefing-language";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "Language");
    MODES.forEach(function (m) {
      var b = document.createElement("button");
      b.type = "button";
      b.value = m[0];
      b.textContent = m[1];
      b.addEventListener("click", function () { choose(m[0]); });
      bar.appendChild(b);
    });
    var title = content.querySelector("h1");
    if (title) title.insertAdjacentElement("afterend", bar); else content.prepend(bar);
  }

  function collapseFullText(content) {
    var blocks = content.querySelectorAll(".briefing-fulltext");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (block.querySelector("details")) continue;
      var heading = block.querySelector("h2");
      var details = document.createElement("details");
      var summary = document.createElement("summary");
      summary.textContent = "Show the article's full Chinese text";
      details.appendChild(summary);
      var node = heading ? heading.nextSibling : block.firstChild;
      while (node) {
        var next = node.nextSibling;
        details.appendChild(node);
        node = next;
      }
      block.appendChild(details);
    }
  }

  function init() {
    var content = document.querySelector(".md-content__inner");
    if (!content) return;
    addSwitch(content);
    collapseFullText(content);
    apply(stored());
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
