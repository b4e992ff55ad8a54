// Search the dossier in the browser.
//
// The form carries the URL of search.json (data-index). The index is
// fetched once, on the first query. A page matches when every word of the
// query occurs in its title, aliases, summary, tags or text, ignoring case
// and accents; title and alias matches rank first. The query is kept in
// the address (?q=), so a search can be shared and reloaded. Without
// JavaScript, the page lists every page instead.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.querySelector(".search-results");
  var all = document.querySelector(".search-all");
  var index = null;

  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load() {
    if (!index) {
      index = fetch(form.getAttribute("data-index"))
        .then(function (r) { return r.json(); })
        .then(function (entries) {
          return entries.map(function (e) {
            e.head = fold([e.title].concat(e.aliases || []).join(" "));
            e.body = fold([e.summary, (e.tags || []).join(" "), e.text].join(" "));
            return e;
          });
        });
    }
    return index;
  }

  function score(e, words) {
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      if (e.head.indexOf(words[i]) >= 0) s += 10;
      else if (e.body.indexOf(words[i]) >= 0) s += 1;
      else return 0;
    }
    return s;
  }

  function show(q) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    list.replaceChildren();
    all.hidden = words.length > 0;
    if (!words.length) { status.textContent = ""; return; }
    load().then(function (entries) {
      var hits = entries
        .map(function (e) { return { e: e, s: score(e, words) }; })
        .filter(function (h) { return h.s > 0; })
        .sort(function (a, b) { return b.s - a.s || a.e.title.localeCompare(b.e.title); });
      status.textContent = hits.length === 1 ? "1 page" : hits.length + " pages";
      hits.slice(0, 50).forEach(function (h) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = h.e.url;
        a.textContent = h.e.title;
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = " " + h.e.kind;
        var p = document.createElement("p");
        p.className = "summary";
        p.textContent = h.e.summary || h.e.text || "";
        li.append(a, kind, p);
        list.appendChild(li);
      });
    }).catch(function () {
      status.textContent = "The search index could not be loaded.";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      show(input.value);
    }, 120);
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); show(input.value); });
  var q = new URL(location.href).searchParams.get("q");
  if (q) { input.value = q; show(q); }
})();
