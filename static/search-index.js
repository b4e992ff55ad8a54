// The dossier's full-text index in the browser.
//
// dossier build writes the index into search/ (the format is in the Go
// package internal/search): a manifest, term shards in MiniSearch's
// serialization, and blocks of documents. DossierSearch.open(manifest,
// library) returns an Index that fetches, each at most once and only when
// needed: the manifest and MiniSearch (the vendored library) on first use,
// a term shard when a query first has a word in it, a document block when
// one of its pages is first shown as a result.
//
// A query's words are folded and split as the index was (compatibility
// decomposition, no accents, lower case; runs of letters and digits);
// each word matches itself and, as one types, every word it begins (from
// two characters on). MiniSearch scores each word's matches within each
// shard it falls in (BM25+, titles and aliases weighted most); a page
// matches when it has every word, and its score is the sum of its words'
// scores. Pages that have more of the words in their title or aliases
// come first, then pages by score.
(function () {
  "use strict";

  var FIELDS = ["title", "aliases", "tags", "summary", "text"];
  var BOOST = { title: 4, aliases: 4, tags: 2, summary: 1.5, text: 1 };

  // fold and tokenize are those of internal/search (see its package doc).
  function fold(s) {
    return String(s).normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/ς/g, "σ");
  }

  function tokenize(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function identity(term) { return term; }

  // OPTIONS are the MiniSearch options the index was made with.
  var OPTIONS = { fields: FIELDS, tokenize: tokenize, processTerm: identity };

  function fetchOK(url, init) {
    return fetch(url, init).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r;
    });
  }

  // loadLibrary adds MiniSearch's script to the page once.
  function loadLibrary(src) {
    if (window.MiniSearch) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () { resolve(); };
      s.onerror = function () { s.remove(); reject(new Error(src + " did not load")); };
      document.head.appendChild(s);
    });
  }

  // once caches a promise by key in cache, and forgets it if it fails.
  function once(cache, key, make) {
    if (!cache[key]) {
      cache[key] = make();
      cache[key].catch(function () { delete cache[key]; });
    }
    return cache[key];
  }

  function Index(manifestURL, libraryURL) {
    this.url = new URL(manifestURL, location.href);
    this.libraryURL = libraryURL;
    this.manifest = null;
    this.head = "";       // the manifest's MiniSearch head, open for "index"
    this.pending = {};    // promises: "manifest", "s<k>" shards, "b<k>" blocks
    this.shards = [];     // loaded MiniSearch instances, by shard
  }

  // load fetches the manifest and MiniSearch.
  Index.prototype.load = function () {
    var self = this;
    return once(this.pending, "manifest", function () {
      return Promise.all([
        fetchOK(self.url, { cache: "no-cache" }).then(function (r) { return r.json(); }),
        loadLibrary(self.libraryURL),
      ]).then(function (r) {
        if (r[0].format !== 1) throw new Error("unknown search index format " + r[0].format);
        self.manifest = r[0];
        self.head = JSON.stringify(r[0].head).slice(0, -1) + ',"index":';
        return self;
      });
    });
  };

  // file is the URL of file k of a kind (terms- or docs-, k with at
  // least digits digits), of this build.
  Index.prototype.file = function (kind, digits, k) {
    var name = kind + String(k).padStart(digits, "0") + ".json?v=" + encodeURIComponent(this.manifest.version);
    return new URL(name, this.url);
  };

  // words parses a query: its distinct terms, each matched as a prefix
  // too when it has two characters or more (one letter would match most
  // of a large dossier, slowly and to no use).
  Index.prototype.words = function (q) {
    var seen = {};
    return tokenize(q).filter(function (t) {
      return !seen[t] && (seen[t] = true);
    }).map(function (t) {
      var prefix = Array.from(t).length > 1;
      return { term: t, prefix: prefix, shards: this.shardsFor(t, prefix) };
    }, this);
  };

  // shardsFor lists the shards that hold term (and, for a prefix, every
  // term it begins): the last shard whose first term is at most term, and
  // the following ones whose first term begins with it.
  Index.prototype.shardsFor = function (term, prefix) {
    var s = this.manifest.shards, lo = 0, hi = s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (s[mid] <= term) lo = mid; else hi = mid - 1;
    }
    var out = [lo];
    for (var k = lo + 1; prefix && k < s.length && s[k].startsWith(term); k++) out.push(k);
    return out;
  };

  // shard loads shard k into a MiniSearch of its own.
  Index.prototype.shard = function (k) {
    var self = this;
    return once(this.pending, "s" + k, function () {
      return fetchOK(self.file("terms-", 3, k)).then(function (r) {
        return r.text();
      }).then(function (text) {
        self.shards[k] = MiniSearch.loadJSON(self.head + text + "}", OPTIONS);
      });
    });
  };

  // search resolves to the Results of q.
  Index.prototype.search = function (q) {
    var self = this;
    return this.load().then(function () {
      var words = self.words(q), need = [];
      words.forEach(function (w) { need.push.apply(need, w.shards); });
      return Promise.all(need.map(function (k) { return self.shard(k); })).then(function () {
        return self.rank(words);
      });
    });
  };

  // rank ranks the pages for words whose shards are loaded. Scores add
  // up in arrays indexed by page, not in objects: a common word of a
  // large dossier is in thousands of pages. Longer words go first, and
  // each word after the first is looked for only in the pages that have
  // the words before it (MiniSearch skips a page whose boost is 0).
  Index.prototype.rank = function (words) {
    var n = this.manifest.head.documentCount;
    var score = new Float64Array(n), heads = new Uint8Array(n), count = new Uint8Array(n);
    var seen = new Int32Array(n), seenHead = new Int32Array(n), found = [], left = n;
    words = words.slice().sort(function (a, b) { return b.term.length - a.term.length; });
    for (var i = 0; i < words.length && left > 0; i++) {
      var w = words[i], results = [], opts = { prefix: w.prefix, boost: BOOST };
      if (i > 0) opts.boostDocument = candidate(count, i);
      for (var k = 0; k < w.shards.length; k++) results.push(this.shards[w.shards[k]].search(w.term, opts));
      found.push(results);
      for (k = 0; k < results.length; k++) {
        for (var j = 0; j < results[k].length; j++) {
          var r = results[k][j], id = r.id, head = inHead(r.match);
          score[id] += r.score;
          if (seen[id] !== i + 1) {
            seen[id] = i + 1;
            count[id]++;
          }
          if (head && seenHead[id] !== i + 1) {
            seenHead[id] = i + 1;
            heads[id]++;
          }
        }
      }
      left = 0;
      for (var id = 0; id < n; id++) if (count[id] === i + 1) left++;
    }
    var ids = [];
    for (id = 0; id < n && left > 0; id++) if (count[id] === words.length) ids.push(id);
    ids.sort(function (a, b) { return heads[b] - heads[a] || score[b] - score[a] || a - b; });
    return new Results(ids, score, heads, found);
  };

  // candidate is a boostDocument that keeps the pages that have the i
  // words before.
  function candidate(count, i) {
    return function (id) { return count[id] === i ? 1 : 0; };
  }

  // Results are the pages that have every word of a query, best first:
  // those with more of the words in their title or aliases first, then by
  // score (the sum of the words' MiniSearch scores). ids are the pages.
  function Results(ids, score, heads, found) {
    this.ids = ids;
    this.scores = score;
    this.heads = heads;
    this.found = found; // each word's MiniSearch results, by shard
  }

  // score is page id's score.
  Results.prototype.score = function (id) { return this.scores[id]; };

  // terms lists the index's terms that matched in page id (for marking
  // them in its text).
  Results.prototype.terms = function (id) {
    var out = [];
    this.found.forEach(function (results) {
      results.forEach(function (rs) {
        for (var j = 0; j < rs.length; j++) {
          if (rs[j].id === id) rs[j].terms.forEach(function (t) { if (out.indexOf(t) < 0) out.push(t); });
        }
      });
    });
    return out;
  };

  // inHead says whether a MiniSearch match ({term: [field]}) is in a
  // title or aliases.
  function inHead(match) {
    for (var term in match) {
      var fields = match[term];
      if (fields.indexOf("title") >= 0 || fields.indexOf("aliases") >= 0) return true;
    }
    return false;
  }

  // docs resolves to the documents of ids, in order.
  Index.prototype.docs = function (ids) {
    var self = this;
    return Promise.all(ids.map(function (id) {
      var k = self.blockOf(id);
      return self.block(k).then(function (docs) {
        return docs[id - self.manifest.docs[k]];
      });
    }));
  };

  Index.prototype.blockOf = function (id) {
    var b = this.manifest.docs, lo = 0, hi = b.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (b[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  Index.prototype.block = function (k) {
    var self = this;
    return once(this.pending, "b" + k, function () {
      return fetchOK(self.file("docs-", 4, k)).then(function (r) { return r.json(); });
    });
  };

  // foldMap folds text as fold does, and keeps for each unit of the
  // folded text the offset in text of the character it comes from.
  function foldMap(text) {
    var out = [], at = [];
    for (var i = 0; i < text.length;) {
      var ch = text.charCodeAt(i) < 128 ? text[i] : String.fromCodePoint(text.codePointAt(i));
      var f = ch.length === 1 && ch < "\x80" ? ch.toLowerCase() : fold(ch);
      for (var j = 0; j < f.length; j++) at.push(i);
      out.push(f);
      i += ch.length;
    }
    at.push(text.length);
    return { text: out.join(""), at: at };
  }

  function escapeRE(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // snippet returns about size characters of text around the first of
  // terms (whole words of the folded text), as parts {text, mark} with
  // mark set on each occurrence of a term; null when text has none.
  function snippet(text, terms, size) {
    if (!text || !terms.length) return null;
    var f = foldMap(text);
    var re = new RegExp("(?<![\\p{L}\\p{N}])(?:" + terms.map(escapeRE).join("|") + ")(?![\\p{L}\\p{N}])", "gu");
    var m = re.exec(f.text);
    if (!m) return null;
    var first = f.at[m.index];
    var start = Math.max(0, first - Math.floor(size / 3)), end = Math.min(text.length, start + size);
    var space = text.indexOf(" ", start), line = text.lastIndexOf("\n", first);
    if (line >= start) start = line + 1;
    else if (start > 0 && space >= 0 && space < first) start = space + 1;
    space = text.lastIndexOf(" ", end);
    if (end < text.length && space > first) end = space;
    var parts = start > 0 ? [{ text: "…" }] : [], pos = start;
    for (re.lastIndex = m.index; (m = re.exec(f.text));) {
      var a = f.at[m.index], b = f.at[m.index + m[0].length];
      if (b > end) break;
      if (a > pos) parts.push({ text: text.slice(pos, a) });
      parts.push({ text: text.slice(a, b), mark: true });
      pos = b;
    }
    if (pos < end) parts.push({ text: text.slice(pos, end) });
    if (end < text.length) parts.push({ text: "…" });
    return parts;
  }

  window.DossierSearch = {
    open: function (manifestURL, libraryURL) { return new Index(manifestURL, libraryURL); },
    fold: fold,
    tokenize: tokenize,
    options: OPTIONS,
    boost: BOOST,
    snippet: snippet,
  };
})();
