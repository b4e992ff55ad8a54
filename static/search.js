// The search page: a search box over the dossier's full text.
//
// The form carries the manifest's URL (data-index) and MiniSearch's
// (data-library); search-index.js loads them when the box is first
// focused or typed in. As one types, the pages that have every word are
// listed best first (titles and aliases weigh most), twenty at a time,
// each with its kind and a passage of its text with the words marked.
//
// Keys: "/" focuses the box from anywhere on the page; in the box, the
// up and down arrows choose a result and Enter opens the chosen one (the
// box is an ARIA combobox; the results a listbox whose active option is
// the box's aria-activedescendant and has aria-selected); Escape leaves
// the results. A live status says how many pages match. The query is
// kept in the address (?q=), so a search can be shared. Without
// JavaScript the page lists every page instead.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form || !window.DossierSearch) return;
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var list = document.getElementById("search-results");
  var more = document.querySelector(".search-more");
  var all = document.querySelector(".search-all");
  var index = DossierSearch.open(form.getAttribute("data-index"), form.getAttribute("data-library"));
  var PAGE = 20;
  var NONE = { ids: [], terms: function () { return []; } };
  var state = { seq: 0, res: NONE, options: [], active: -1 };

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-describedby", "search-help");
  document.getElementById("search-help").hidden = false;

  // run searches for q and shows the first page of results.
  function run(q) {
    var seq = ++state.seq;
    setActive(-1);
    if (!DossierSearch.tokenize(q).length) {
      show(seq, NONE);
      return Promise.resolve();
    }
    if (!index.manifest) status.textContent = "Loading the search index…";
    return index.search(q).then(function (res) {
      return show(seq, res);
    }).catch(function (err) {
      if (seq !== state.seq) return;
      status.textContent = "The search index could not be loaded.";
      if (window.console) console.error(err);
    });
  }

  // show replaces the results with res (see search-index.js), once the
  // first page's documents are at hand; a later query wins over an
  // earlier one.
  function show(seq, res) {
    if (seq !== state.seq) return Promise.resolve();
    var ids = res.ids.slice(0, PAGE);
    return index.docs(ids).then(function (docs) {
      if (seq !== state.seq) return;
      state.res = res;
      state.options = [];
      list.replaceChildren();
      append(ids, docs);
      var n = res.ids.length, empty = !input.value.trim();
      all.hidden = !empty;
      list.hidden = n === 0;
      input.setAttribute("aria-expanded", String(n > 0));
      status.textContent = empty ? "" : n === 0 ? "No page matches." :
        n === 1 ? "1 page matches." : n + " pages match.";
    });
  }

  // append adds the options of pages ids, whose documents are docs. An
  // option is named by its title and kind, and described by its passage.
  function append(ids, docs) {
    docs.forEach(function (doc, i) {
      var terms = state.res.terms(ids[i]);
      var a = document.createElement("a");
      a.id = "search-hit-" + state.options.length;
      a.href = doc.url;
      a.className = "search-hit";
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.setAttribute("tabindex", "-1");
      a.setAttribute("aria-labelledby", a.id + "-title " + a.id + "-kind");
      a.setAttribute("aria-describedby", a.id + "-text");
      a.append(span(a.id + "-title", "search-hit-title", DossierSearch.snippet(doc.title, terms, 1e4) || [{ text: doc.title }]), " ",
        span(a.id + "-kind", "search-kind", [{ text: doc.kind }]), " ",
        span(a.id + "-text", "search-snippet", passage(doc, terms)));
      list.appendChild(a);
      state.options.push(a);
    });
    more.hidden = state.options.length >= state.res.ids.length;
  }

  // span makes an isolated run (<bdi>) of parts {text, mark}, each marked
  // part in <mark>: a title or passage that holds bidirectional controls
  // must not reorder what follows it.
  function span(id, cls, parts) {
    var s = document.createElement("bdi");
    s.id = id;
    s.className = cls;
    parts.forEach(function (part) {
      if (!part.mark) { s.append(part.text.replace(/\s*\n\s*/g, " · ")); return; }
      var m = document.createElement("mark");
      m.textContent = part.text;
      s.appendChild(m);
    });
    return s;
  }

  // passage is the part of doc's text around the first of terms, each
  // term marked; else (the terms are in its title, aliases or tags) its
  // summary or the start of its text.
  function passage(doc, terms) {
    var parts = DossierSearch.snippet(doc.text, terms, 200);
    if (parts) return parts;
    var text = doc.summary || doc.text;
    if (text.length > 200) text = text.slice(0, text.lastIndexOf(" ", 200) + 1 || 200) + "…";
    return [{ text: text }];
  }

  more.addEventListener("click", function () {
    var seq = state.seq, from = state.options.length, ids = state.res.ids.slice(from, from + PAGE);
    index.docs(ids).then(function (docs) {
      if (seq !== state.seq) return;
      append(ids, docs);
      setActive(from);
      input.focus();
    });
  });

  // setActive marks option i as the chosen one (-1: none).
  function setActive(i) {
    var old = state.options[state.active];
    if (old) old.setAttribute("aria-selected", "false");
    state.active = i;
    var a = state.options[i];
    if (!a) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    a.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", a.id);
    a.scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("keydown", function (e) {
    var n = state.options.length;
    if (e.key === "ArrowDown" && n) {
      setActive(Math.min(state.active + 1, n - 1));
    } else if (e.key === "ArrowUp" && n) {
      setActive(Math.max(state.active - 1, -1));
    } else if (e.key === "Enter" && state.options[state.active]) {
      location.assign(state.options[state.active].href);
    } else if (e.key === "Escape" && state.active >= 0) {
      setActive(-1);
    } else {
      return;
    }
    e.preventDefault();
  });

  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });

  var timer = null;
  input.addEventListener("focus", function () { index.load().catch(function () {}); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var url = new URL(location.href);
      if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      run(input.value);
    }, 80);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });

  DossierSearch.page = { index: index, run: run };
  var q = new URL(location.href).searchParams.get("q");
  if (q) {
    input.value = q;
    run(q);
  }
})();
