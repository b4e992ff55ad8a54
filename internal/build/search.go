package build

// Search. The build writes a full-text index of every page into search/
// and the /search/ page (templates/search.html) searches it in the
// browser with MiniSearch, vendored in static/vendor/minisearch;
// static/search-index.js loads the index and static/search.js is the
// page's form, results and keys. Package search has the files' format.
//
// Each page is a document of five fields: title, aliases, tags, summary,
// and text — its front-matter prose (bluf, key question, judgments,
// indicators, role, location, date text, analyst, publisher) then the
// plain text of its body (markdown.Doc.Text), all of it.
//
// Why MiniSearch's own format, split: a query must answer in under 50 ms
// in the browser for 10,000 briefs, and the index of their full text is
// too big to fetch before the first query. MiniSearch does well what a
// browser search needs (prefix search over a radix tree, BM25+ ranking
// with field weights), and its serialization is documented and versioned
// (version 2 since MiniSearch 6; the vendored 7.2.0 is pinned). So the
// build writes that serialization, cut into term shards that each load
// with MiniSearch.loadJSON and share the dossier-wide statistics: a query
// fetches only the shards its words fall in, MiniSearch ranks within each,
// and search-index.js sums a word's scores over its shards and keeps the
// pages that have every word. What a result shows (title, URL, kind, the
// text for a snippet) is in document blocks, fetched for the results on
// screen only. The browser test in cmd/dossier builds the same index with
// MiniSearch itself from the blocks and checks that it is identical.
//
// The files are costly outputs: a preview makes each on first request,
// and after an edit lists them only then (see Builder.searchListing).
// Which files there are depends only on the pages' sizes (search.Plan),
// so the list is made without tokenizing; the index is built once, when
// the first of its files is made, and dropped when the last is. Every
// file's key is computed from the documents themselves, and nothing in
// the files depends on map order or the clock: the index is byte-identical
// from build to build.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/search"
	"github.com/dossier-project/dossier/internal/view"
	"github.com/dossier-project/dossier/internal/xref"
)

// searchDir is the site folder of the index.
const searchDir = "search/"

// searchOutputs lists the index's files. A preview keeps the texts it
// made for the next build's list; a build (even with -watch) lists every
// file again anyway, and the texts, most of the dossier's words, would
// stay in memory as long as the Builder.
func (b *Builder) searchOutputs(s *site) []output {
	outs, texts := searchOutputsOf(&b.hasher, s, b.searchTexts)
	if b.opts.Preview {
		b.searchTexts = texts
	}
	return outs
}

// searchListing returns what lists the index's files later, when a
// preview is first asked for one of them (see Dest.laterGroup): after an
// edit, listing them would take every page's text and plan thousands of
// files that nobody may ask for. It reads, and never changes, the texts
// of the last list the Builder made, so that it may run on a server's
// goroutine during another build.
func (b *Builder) searchListing(s *site) func() []output {
	h, last := &b.hasher, b.searchTexts
	return func() []output {
		outs, _ := searchOutputsOf(h, s, last)
		return outs
	}
}

// searchOutputsOf lists the index's files, taking from last the texts of
// the pages that did not change since.
func searchOutputsOf(h *view.Hasher, s *site, last searchTexts) ([]output, searchTexts) {
	docs, texts, err := searchDocs(s, last)
	if err != nil { // the index fails, with the page that made it fail
		return []output{{path: searchDir + search.ManifestFile, costly: true, prepare: func() ([sha256.Size]byte, func(io.Writer) error, error) {
			return [sha256.Size]byte{}, nil, err
		}}}, last
	}
	si := newSearchIndex(h, docs)
	outs := []output{si.indexOutput(search.ManifestFile, func(w io.Writer, ix *search.Index) error {
		return ix.WriteManifest(w, si.plan, si.version())
	})}
	for k := range si.plan.Shards {
		outs = append(outs, si.indexOutput(search.ShardFile(k), func(w io.Writer, ix *search.Index) error {
			return ix.WriteShard(w, k, si.plan.Shards)
		}))
	}
	for k := range si.plan.Blocks {
		outs = append(outs, si.blockOutput(k))
	}
	return outs, texts
}

// searchText is a page's text as the last build made it, with what it
// was made from: the page's version (its file and the kind and slug of
// everything it links to) and the titles its unlabelled links read as,
// which the version does not cover.
type searchText struct {
	url     string
	version [32]byte
	titles  []string
	text    []string
}

// searchTexts are one build's texts, in its graph's order, and the
// graph's names (xref.Graph.Names).
type searchTexts struct {
	names [32]byte
	texts []searchText
}

// searchDocs returns every page as a document, in page order, made on
// GOMAXPROCS workers, and the texts made. A page whose version and link
// titles are those of a text in last takes that text: a preview's
// rebuild after one edit makes one page's text, not all. When the graph
// has last's names, its pages are at last's places and every title is
// what it was, so a page of the same version takes the text at its place
// without even listing its link titles.
func searchDocs(s *site, last searchTexts) ([]search.Doc, searchTexts, error) {
	all := s.graph.All()
	docs := make([]search.Doc, len(all))
	out := searchTexts{names: s.graph.Names(), texts: make([]searchText, len(all))}
	sameNames := last.names == out.names && len(last.texts) == len(all)
	var byURL map[string]searchText
	if !sameNames {
		byURL = make(map[string]searchText, len(last.texts))
		for _, t := range last.texts {
			byURL[t.url] = t
		}
	}
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(all); i += workers {
				n := all[i]
				var err error
				if sameNames && last.texts[i].url == n.URL {
					out.texts[i], err = searchTextOf(n, last.texts[i], true)
				} else {
					out.texts[i], err = searchTextOf(n, byURL[n.URL], false)
				}
				if err != nil && errs[w] == nil {
					errs[w] = fmt.Errorf("%s: its text: %w", n.Page.File, err)
				}
				m := &n.Page.Meta
				docs[i] = search.Doc{URL: s.base.Path(n.URL), Kind: string(n.Kind()), Title: n.Title(),
					Aliases: m.Aliases, Tags: m.Tags, Summary: m.Summary, Text: out.texts[i].text}
			}
		})
	}
	wg.Wait()
	return docs, out, errors.Join(errs...)
}

// searchTextOf returns n's text: last's, when it was made from the same
// page and link titles (sameNames: from a graph with the same names, so
// the same version means the same titles).
func searchTextOf(n *xref.Node, last searchText, sameNames bool) (searchText, error) {
	if last.text != nil && last.version == n.Version && sameNames {
		return last, nil
	}
	titles := linkTitles(n)
	if last.text != nil && last.version == n.Version && slices.Equal(titles, last.titles) {
		return last, nil
	}
	text, err := pageText(n)
	return searchText{url: n.URL, version: n.Version, titles: titles, text: text}, err
}

// linkTitles returns the titles n's unlabelled links read as (see
// bodyText), in order.
func linkTitles(n *xref.Node) []string {
	var titles []string
	for i, l := range n.Doc.Links {
		if l.Label == "" && i < len(n.Links) && n.LinkedPage(n.Links[i]) != nil {
			titles = append(titles, n.LinkedPage(n.Links[i]).Title())
		}
	}
	return titles
}

// pageText is the text a page shows: its front-matter prose, then its
// body. The parts are the page's own strings, not copies, but for the
// body's, read back from where the build set it aside.
func pageText(n *xref.Node) ([]string, error) {
	m := &n.Page.Meta
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(m.BLUF)
	add(m.KeyQuestion)
	for _, j := range m.KeyJudgments {
		add(j.Text.Value)
	}
	for _, j := range m.Judgments {
		add(j.Text.Value)
	}
	for _, ind := range m.Indicators {
		add(ind.Text)
	}
	body, err := bodyText(n)
	for _, s := range []string{m.Role, m.Location, m.DateText, m.Analyst, m.Publisher, body} {
		add(s)
	}
	return parts, err
}

// bodyText is the body's text as its page reads: a link to a page written
// without a label reads as that page's title, not its slug, and a
// citation marker is left out (it is a reference, not the page's words),
// with the brackets and commas it leaves empty.
func bodyText(n *xref.Node) (string, error) {
	d := n.Doc
	body, err := d.Text()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	at, changed := 0, false
	for i, l := range d.Links {
		start, end := int(l.TextStart), int(l.TextEnd)
		if end <= start || start < at || l.Label != "" || i >= len(n.Links) || n.LinkedPage(n.Links[i]) == nil {
			continue
		}
		t := n.Links[i]
		to := n.LinkedPage(t)
		text := to.Title()
		if t.Paragraph > 0 || to.Kind() == content.Source {
			text = ""
		}
		b.WriteString(body[at:start])
		b.WriteString(text)
		at, changed = end, true
	}
	if !changed {
		return body, nil
	}
	b.WriteString(body[at:])
	return tidyCitations(b.String()), nil
}

// searchIndex is one build's index: its documents, its files, and the
// index itself while files still need it. Safe for concurrent use.
type searchIndex struct {
	hasher *view.Hasher
	docs   []search.Doc
	plan   search.Plan

	keysOnce  sync.Once
	blockKeys [][sha256.Size]byte
	all       [sha256.Size]byte // the hash of every block's key

	mu      sync.Mutex
	ix      *search.Index
	pending int // index files not yet made
}

func newSearchIndex(h *view.Hasher, docs []search.Doc) *searchIndex {
	p := search.PlanFor(docs)
	return &searchIndex{hasher: h, docs: docs, plan: p, pending: 1 + p.Shards}
}

// keys hashes each block's documents, and every block's key together.
func (si *searchIndex) keys() {
	si.keysOnce.Do(func() {
		h := sha256.New()
		for k := range si.plan.Blocks {
			from, to := si.plan.Block(k)
			key := si.hasher.Key(si.docs[from:to])
			si.blockKeys = append(si.blockKeys, key)
			h.Write(key[:])
		}
		si.all = [sha256.Size]byte(h.Sum(nil))
	})
}

// version names the documents in the manifest's file URLs.
func (si *searchIndex) version() string {
	si.keys()
	return hex.EncodeToString(si.all[:6])
}

// index returns the index, built on first use.
func (si *searchIndex) index() *search.Index {
	si.mu.Lock()
	defer si.mu.Unlock()
	if si.ix == nil {
		si.ix = search.Build(si.docs)
	}
	return si.ix
}

// made records that an index file is written; the last one drops the
// index, which a preview would otherwise keep as long as its site.
func (si *searchIndex) made() {
	si.mu.Lock()
	defer si.mu.Unlock()
	if si.pending--; si.pending == 0 {
		si.ix = nil
	}
}

// indexOutput is the manifest or a term shard: made of every document.
func (si *searchIndex) indexOutput(name string, write func(io.Writer, *search.Index) error) output {
	path := searchDir + name
	return output{path: path, costly: true, prepare: func() ([sha256.Size]byte, func(io.Writer) error, error) {
		si.keys()
		key := si.hasher.Key(struct {
			Path string
			Docs [sha256.Size]byte
		}{path, si.all})
		return key, func(w io.Writer) error {
			defer si.made()
			return write(w, si.index())
		}, nil
	}}
}

// blockOutput is document block k: made of its documents only.
func (si *searchIndex) blockOutput(k int) output {
	path := searchDir + search.BlockFile(k)
	return output{path: path, costly: true, prepare: func() ([sha256.Size]byte, func(io.Writer) error, error) {
		si.keys()
		key := si.hasher.Key(struct {
			Path string
			Docs [sha256.Size]byte
		}{path, si.blockKeys[k]})
		from, to := si.plan.Block(k)
		return key, func(w io.Writer) error { return search.WriteBlock(w, si.docs[from:to]) }, nil
	}}
}
