/* The briefing's site search, answering Material for MkDocs' search box.
 *
 * Material's page sends this worker SETUP once and QUERY on every change of the search box,
 * and renders the RESULT it gets back (its search-worker protocol); this worker replaces
 * Material's lunr worker (the MkDocs plugin points the page at it). It searches
 * search/briefing.json (generator/site/search.py): one entry per article page with its
 * title, full text, English and dateline; other pages by their title only.
 *
 * Any substring is found: a word, a phrase typed without spaces, a single character inside a
 * word, a number with its unit (1100亿元, "4000张" also finds "4,000张"). Text and query are
 * folded the same way, one character for one (traditional → simplified with OpenCC's table,
 * full-width → ASCII, upper → lower case), so offsets into the shown text stay valid for
 * snippets and highlighting. Terms separated by spaces must all occur; when no page has them
 * all, the pages with the most of them are listed, the others shown as missing. A term
 * found nowhere is cut into the longest pieces the index holds (湖南立体计算 → 湖南 立体计算).
 * Ranking is BM25 over the folded fields, title hits weighted up; articles always come
 * before other pages, and each page appears once.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var INDEX_URL = "../../../search/briefing.json"; /* relative to this file */
/* Results returned at most (Material shows ten, then more as the reader scrolls). */
var MAX_RESULTS = 50;
/* A title hit counts as this many hits in the text; English and dateline hits as less. */
var FIELD_WEIGHTS = [3, 1, 1, 0.5]; /* title, body, English, dateline */
/* BM25: term-frequency saturation and the share of length normalisation. */
var K1 = 1.2, B = 0.5;
/* A snippet: characters shown before the first match, and in all. */
var SNIPPET_BEFORE = 24, SNIPPET_CHARS = 110;
/* Articles rank above other pages, whatever the score. */
var ARTICLE_TIER = 1e6;
/* A match inside a longer number or word (900元 in 1900元, "on" in "billion") counts this much. */
var PARTIAL_WEIGHT = 0.1;
/* A run of this many digits may be written with thousands separators (4,000 / 4000). */
var GROUPED_DIGITS = 4;
var SEP = "\u0001";

var index = null;

function load() {
  return fetch(new URL(INDEX_URL, self.location.href).href, {cache: "no-cache"}) /* revalidated: a new build is seen */
    .then(function (response) {
      if (!response.ok) throw new Error("search index: HTTP " + response.status);
      return response.json();
    })
    .then(build)
    .catch(function (error) {
      console.warn("briefing search:", error);
      index = build({fold: ["", ""], names: [], pages: []});
    });
}

function build(data) {
  var fold = folder(data.fold[0], data.fold[1]);
  var pages = data.pages;
  var fields = [[], [], [], []];
  var urls = [], articles = [], lengths = [];
  for (var i = 0; i < pages.length; i++) {
    var p = pages[i];
    urls.push(p[0]);
    articles.push(p.length > 2);
    fields[0].push(p[2] ? p[1] + "\n" + p[2] : p[1]);
    fields[1].push(p[3] || "");
    fields[2].push(p[4] || "");
    fields[3].push(p[5] || "");
    lengths.push((p[3] || "").length + (p[4] || "").length);
  }
  var count = articles.filter(Boolean).length;
  var total = lengths.reduce(function (a, b) { return a + b; }, 0);
  var names = Object.create(null);
  (data.names || []).forEach(function (pair) { (names[pair[0]] = names[pair[0]] || []).push(fold(pair[1])); });
  index = {
    fold: fold,
    urls: urls,
    articles: articles,
    count: count,
    lengths: lengths,
    average: count ? total / count : 1,
    names: names,
    shown: fields,
    fields: fields.map(function (texts) {
      var starts = new Int32Array(texts.length + 1), at = 0;
      for (var d = 0; d < texts.length; d++) { starts[d] = at; at += texts[d].length + 1; }
      starts[texts.length] = at;
      return {text: fold(texts.join(SEP)) + SEP, starts: starts};
    })
  };
  return index;
}

/* One character for one: traditional → simplified, full-width → ASCII, upper → lower case. */
function folder(traditional, simplified) {
  var map = Object.create(null), chars = [];
  for (var i = 0; i < traditional.length; i++) map[traditional[i]] = simplified[i];
  for (var c = 0xff01; c <= 0xff5e; c++) map[String.fromCharCode(c)] = String.fromCharCode(c - 0xfee0).toLowerCase();
  for (c = 0x41; c <= 0x5a; c++) map[String.fromCharCode(c)] = String.fromCharCode(c + 32);
  map["\u3000"] = " ";
  for (var key in map) chars.push(key.replace(/[\\\]^-]/g, "\\$&"));
  if (!chars.length) return function (s) { return s; };
  var pattern = new RegExp("[" + chars.join("") + "]", "g");
  return function (s) { return s.replace(pattern, function (ch) { return map[ch]; }); };
}

/* -- matching ------------------------------------------------------------------------------ */

function isDigit(ch) { return ch >= "0" && ch <= "9"; }
function isWordChar(ch) { return (ch >= "a" && ch <= "z") || isDigit(ch); }

/* A match of a Latin word starts a word; a number is not part of a longer number. */
function boundaryOk(text, start, end, term) {
  var first = term[0], last = term[term.length - 1];
  var before = text[start - 1] || "", after = text[end] || "";
  if (first >= "a" && first <= "z" && isWordChar(before)) return false;
  if (isDigit(first)) {
    if (isDigit(before)) return false;
    if ((before === "." || before === ",") && isDigit(text[start - 2] || "")) return false;
  }
  if (isDigit(last)) {
    if (isDigit(after)) return false;
    if ((after === "." || after === ",") && isDigit(text[end + 1] || "")) return false;
  }
  return true;
}

/* A matcher for one term: every occurrence in a folded text (start, end, whether it stands on
   its own: see boundaryOk). */
function matcher(term) {
  var grouped = new RegExp("\\d{" + GROUPED_DIGITS + ",}").test(term);
  if (grouped) {
    var source = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/(\d)(?=\d)/g, "$1,?");
    var re = new RegExp(source, "g");
    return function (text, each) {
      re.lastIndex = 0;
      for (var m = re.exec(text); m; m = re.exec(text)) {
        each(m.index, m.index + m[0].length, boundaryOk(text, m.index, m.index + m[0].length, term));
        re.lastIndex = m.index + m[0].length;
      }
    };
  }
  return function (text, each) {
    for (var at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      each(at, at + term.length, boundaryOk(text, at, at + term.length, term));
    }
  };
}

/* Every page holding one of the alternatives of a term: counts and first place per field. */
function find(alternatives) {
  var hits = new Map();
  alternatives.forEach(function (alt) {
    var match = matcher(alt);
    index.fields.forEach(function (field, f) {
      var starts = field.starts, d = 0;
      match(field.text, function (start, end, whole) {
        while (starts[d + 1] <= start) d++;
        var hit = hits.get(d);
        if (!hit) { hit = {counts: [0, 0, 0, 0], first: [-1, -1, -1, -1], ends: [0, 0, 0, 0]}; hits.set(d, hit); }
        hit.counts[f] += whole ? 1 : PARTIAL_WEIGHT;
        if (hit.first[f] < 0) { hit.first[f] = start - starts[d]; hit.ends[f] = end - starts[d]; }
      });
    });
  });
  return hits;
}

function occurs(piece) {
  return index.fields.some(function (field) { return field.text.indexOf(piece) !== -1; });
}

/* A CJK term found nowhere, cut into the longest pieces the index holds. */
function pieces(term) {
  var out = [];
  for (var i = 0; i < term.length;) {
    var j = term.length;
    while (j > i + 1 && !occurs(term.slice(i, j))) j--;
    if (occurs(term.slice(i, j))) out.push(term.slice(i, j));
    i = j;
  }
  return out;
}

/* -- the query ----------------------------------------------------------------------------- */

function parse(query) {
  var q = index.fold(query).replace(/[,.](?!\d)|(?:^|[^\d])[,.]/g, function (m) { return m.replace(/[,.]/, " "); });
  q = q.replace(/[\s\u0001，。、；;：:！!？?“”"'‘’()（）《》<>【】\[\]「」『』…—·|*+^~`=]+/g, " ").trim();
  if (!q) return [];
  var whole = index.names[q];
  if (whole && q.indexOf(" ") !== -1) return [{term: q, alternatives: whole.concat([q])}];
  var seen = Object.create(null), terms = [];
  q.split(" ").forEach(function (term) {
    term = term.replace(/(\d),(?=\d)/g, "$1");
    if (!term || seen[term]) return;
    seen[term] = true;
    terms.push({term: term, alternatives: [term].concat(index.names[term] || [])});
  });
  return terms;
}

function idf(df) {
  return Math.log(1 + (index.count - df + 0.5) / (df + 0.5));
}

function search(query) {
  if (!index) return {items: []};
  var terms = parse(query);
  var groups = [];
  terms.forEach(function (t) {
    var hits = find(t.alternatives);
    if (!hits.size && /[\u3400-\u9fff]/.test(t.term) && t.term.length > 1) {
      var parts = pieces(t.term);
      if (parts.length > 1) {
        parts.forEach(function (p) { groups.push({term: p, hits: find([p])}); });
        return;
      }
    }
    groups.push({term: t.term, hits: hits});
  });
  if (!groups.length) return {items: []};
  groups.forEach(function (g) {
    var df = 0;
    g.hits.forEach(function (hit, d) { if (index.articles[d]) df++; });
    g.idf = idf(df);
  });

  var scores = new Map();
  groups.forEach(function (g) {
    g.hits.forEach(function (hit, d) {
      var s = scores.get(d) || {doc: d, matched: 0, score: 0};
      var tf = 0;
      for (var f = 0; f < 4; f++) tf += FIELD_WEIGHTS[f] * hit.counts[f];
      var norm = 1 - B + B * (index.lengths[d] || index.average) / index.average;
      s.matched++;
      s.score += g.idf * tf * (K1 + 1) / (tf + K1 * norm);
      scores.set(d, s);
    });
  });
  var all = Array.from(scores.values());
  var most = all.reduce(function (m, s) { return Math.max(m, s.matched); }, 0);
  var ranked = all.filter(function (s) { return s.matched === most; }).map(function (s) {
    s.total = (index.articles[s.doc] ? ARTICLE_TIER : 0) + s.score;
    return s;
  }).sort(function (a, b) {
    return b.total - a.total || (index.urls[a.doc] < index.urls[b.doc] ? -1 : 1);
  }).slice(0, MAX_RESULTS);
  return {items: ranked.map(function (s) { return [item(s, groups)]; })};
}

/* -- what the result list shows --------------------------------------------------------------- */

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, function (ch) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"}[ch];
  });
}

/* The shown text with every match of the groups marked (the text is folded to find them). */
function marked(shown, groups) {
  var folded = index.fold(shown), spans = [];
  groups.forEach(function (g) {
    if (!g.hits.size) return;
    matcher(g.term)(folded, function (start, end) { spans.push([start, end]); });
  });
  spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var out = "", at = 0;
  spans.forEach(function (span) {
    if (span[0] < at) return;
    out += escapeHtml(shown.slice(at, span[0])) + "<mark>" + escapeHtml(shown.slice(span[0], span[1])) + "</mark>";
    at = span[1];
  });
  return out + escapeHtml(shown.slice(at));
}

function snippet(d, groups) {
  var best = null;
  groups.forEach(function (g) {
    var hit = g.hits.get(d);
    if (!hit) return;
    for (var f = 1; f < 4; f++) {
      if (hit.first[f] >= 0 && (!best || f < best.field || (f === best.field && g.idf > best.idf))) {
        best = {field: f, at: hit.first[f], idf: g.idf};
        break;
      }
    }
  });
  var field = best ? best.field : 1, text = index.shown[field][d], at = best ? best.at : 0;
  var start = Math.max(0, at - SNIPPET_BEFORE);
  var lineStart = text.lastIndexOf("\n", at - 1) + 1;
  if (lineStart > start) start = lineStart;
  var end = Math.min(text.length, start + SNIPPET_CHARS);
  var lineEnd = text.indexOf("\n", at);
  if (lineEnd !== -1 && lineEnd < end && lineEnd > at) end = lineEnd;
  var shown = text.slice(start, end);
  return (start > 0 && text[start - 1] !== "\n" ? "…" : "") + marked(shown, groups) + (end < text.length && text[end] !== "\n" ? "…" : "");
}

function item(s, groups) {
  var d = s.doc, found = {}, terms = {};
  groups.forEach(function (g) {
    var hit = g.hits.get(d);
    if (!hit) { terms[g.term] = false; return; }
    for (var f = 0; f < 4; f++) {
      if (hit.first[f] >= 0) {
        found[index.shown[f][d].slice(hit.first[f], hit.ends[f])] = true;
        break;
      }
    }
    terms[g.term] = true;
  });
  var words = Object.keys(found);
  var title = index.shown[0][d].split("\n")[0];
  return {
    location: index.urls[d] + (words.length ? "?h=" + encodeURIComponent(words.join(" ")) : ""),
    title: marked(title, groups),
    text: index.articles[d] ? "<p>" + snippet(d, groups) + "</p>" : "",
    score: s.total,
    terms: terms
  };
}

self.addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    load().then(function () { self.postMessage({type: READY}); });
  } else if (message.type === QUERY) {
    var result;
    try {
      result = search(String(message.data || ""));
    } catch (error) {
      console.warn("briefing search:", error);
      result = {items: []};
    }
    self.postMessage({type: RESULT, data: result});
  }
});
