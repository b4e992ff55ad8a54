package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// manifest is the manifest as the browser reads it.
type manifest struct {
	Format     int    `json:"format"`
	MiniSearch string `json:"minisearch"`
	Head       struct {
		DocumentCount      int              `json:"documentCount"`
		NextID             int              `json:"nextId"`
		DocumentIDs        map[string]int   `json:"documentIds"`
		FieldIDs           map[string]int   `json:"fieldIds"`
		FieldLength        map[string][]int `json:"fieldLength"`
		AverageFieldLength []float64        `json:"averageFieldLength"`
		StoredFields       map[string]any   `json:"storedFields"`
		SerializationVer   int              `json:"serializationVersion"`
	} `json:"head"`
	Version string   `json:"version"`
	Shards  []string `json:"shards"`
	Docs    []int    `json:"docs"`
}

// entry is a shard's entry: a term and its postings by field and document.
type entry struct {
	term  string
	posts map[string]map[string]int
}

func (e *entry) UnmarshalJSON(b []byte) error {
	var pair [2]json.RawMessage
	if err := json.Unmarshal(b, &pair); err != nil {
		return err
	}
	if err := json.Unmarshal(pair[0], &e.term); err != nil {
		return err
	}
	return json.Unmarshal(pair[1], &e.posts)
}

func readManifest(t *testing.T, ix *Index, p Plan) manifest {
	t.Helper()
	var buf bytes.Buffer
	if err := ix.WriteManifest(&buf, p, "v1"); err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatalf("manifest is not JSON: %v\n%s", err, buf.Bytes())
	}
	return m
}

func readShard(t *testing.T, ix *Index, k, n int) []entry {
	t.Helper()
	var buf bytes.Buffer
	if err := ix.WriteShard(&buf, k, n); err != nil {
		t.Fatal(err)
	}
	var es []entry
	if err := json.Unmarshal(buf.Bytes(), &es); err != nil {
		t.Fatalf("shard %d is not JSON: %v\n%s", k, err, buf.Bytes())
	}
	return es
}

func sampleDocs() []Doc {
	return []Doc{
		{URL: "/", Kind: "home", Title: "Home", Text: []string{"A roadmap."}},
		{URL: "/actors/kim/", Kind: "actor", Title: "Kim Jong-un", Aliases: []string{"Kim Jong Un"}, Tags: []string{"dprk"},
			Summary: "Leader of the DPRK.", Text: []string{"Leader.", "Kim met Xi in Pyöngyang; the roadmap, the Roadmap."}},
	}
}

func TestIndexEntries(t *testing.T) {
	docs := sampleDocs()
	ix := Build(docs)
	p := PlanFor(docs)
	if p.Shards != 1 || len(p.Blocks) != 1 {
		t.Fatalf("plan = %+v, want one shard and one block", p)
	}
	m := readManifest(t, ix, p)
	h := m.Head
	if m.Format != 1 || m.MiniSearch != MiniSearchVersion || h.SerializationVer != 2 || h.DocumentCount != 2 || h.NextID != 2 ||
		h.DocumentIDs["1"] != 1 || h.FieldIDs["text"] != FieldText || len(h.StoredFields) != 0 {
		t.Errorf("manifest = %+v", m)
	}
	// Kim's title has 3 distinct terms, aliases 3, tags 1, summary 4
	// (leader of the dprk), text 8 (leader kim met xi in pyongyang the
	// roadmap; "the roadmap" again adds none).
	if got := fmt.Sprint(h.FieldLength["1"]); got != "[3 3 1 4 8]" {
		t.Errorf("field lengths of Kim = %s", got)
	}
	if got := h.AverageFieldLength[FieldText]; got != 5 {
		t.Errorf("average text length = %v, want (2+8)/2", got)
	}
	if m.Version != "v1" || len(m.Shards) != 1 || m.Shards[0] != "" || len(m.Docs) != 1 || m.Docs[0] != 0 {
		t.Errorf("files = %q %q %v", m.Version, m.Shards, m.Docs)
	}
	byTerm := map[string]map[string]map[string]int{}
	for _, e := range readShard(t, ix, 0, 1) {
		byTerm[e.term] = e.posts
	}
	if got := fmt.Sprint(byTerm["roadmap"]); got != "map[4:map[0:1 1:2]]" {
		t.Errorf("roadmap = %s, want text of home once, of Kim twice", got)
	}
	if got := fmt.Sprint(byTerm["kim"]); got != "map[0:map[1:1] 1:map[1:1] 4:map[1:1]]" {
		t.Errorf("kim = %s, want title, aliases and text of Kim", got)
	}
	if _, ok := byTerm["pyongyang"]; !ok {
		t.Error("Pyöngyang is not indexed folded")
	}
}

func TestShardsBeyondTheTerms(t *testing.T) {
	docs := sampleDocs()
	ix := Build(docs)
	m := readManifest(t, ix, Plan{Shards: 50, Blocks: []int{0}, docs: len(docs)})
	if len(m.Shards) != len(ix.terms) {
		t.Errorf("%d shards for %d terms, want one term each", len(m.Shards), len(ix.terms))
	}
	if es := readShard(t, ix, 40, 50); len(es) != 0 {
		t.Errorf("shard 40 of 50 over %d terms holds %d terms, want none", len(ix.terms), len(es))
	}
}

func TestShards(t *testing.T) {
	var docs []Doc
	for i := range 400 {
		words := make([]string, 0, 500)
		for j := range 500 {
			words = append(words, fmt.Sprintf("w%dx%d", (i*7+j)%997, j%13))
		}
		docs = append(docs, Doc{Title: fmt.Sprintf("Doc %d", i), Text: []string{strings.Join(words, " ")}})
	}
	p := PlanFor(docs)
	if p.Shards < 2 || len(p.Blocks) < 10 {
		t.Fatalf("plan = %d shards, %d blocks; want several", p.Shards, len(p.Blocks))
	}
	ix := Build(docs)
	m := readManifest(t, ix, p)
	if len(m.Shards) != p.Shards {
		t.Errorf("%d shards in the manifest, want %d", len(m.Shards), p.Shards)
	}
	seen := 0
	for k, s := range m.Shards {
		es := readShard(t, ix, k, p.Shards)
		if len(es) == 0 {
			t.Errorf("shard %d is empty", k)
			continue
		}
		seen += len(es)
		for _, e := range es {
			if compareUTF16(e.term, s) < 0 || k+1 < len(m.Shards) && compareUTF16(e.term, m.Shards[k+1]) >= 0 {
				t.Errorf("term %q in shard %d, outside [%q, next)", e.term, k, s)
			}
		}
	}
	if seen != len(ix.terms) {
		t.Errorf("the shards hold %d terms, want %d", seen, len(ix.terms))
	}
	again := Build(docs)
	for k := range p.Shards {
		var a, b bytes.Buffer
		_ = ix.WriteShard(&a, k, p.Shards)
		_ = again.WriteShard(&b, k, p.Shards)
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("shard %d differs between two builds of the same documents", k)
		}
	}
	for k, first := range m.Docs {
		from, to := p.Block(k)
		if first != from || to <= from || to > len(docs) {
			t.Errorf("block %d = %d..%d, manifest says %d", k, from, to, first)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	docs := sampleDocs()
	write := func() string {
		ix, p := Build(docs), PlanFor(docs)
		var b bytes.Buffer
		_ = ix.WriteManifest(&b, p, "v")
		_ = ix.WriteShard(&b, 0, p.Shards)
		_ = WriteBlock(&b, docs)
		return b.String()
	}
	first := write()
	for range 20 {
		if write() != first {
			t.Fatal("two builds of the same documents differ")
		}
	}
}

func TestWriteBlock(t *testing.T) {
	var b bytes.Buffer
	docs := sampleDocs()
	docs[0].Summary = "R&D <b>"
	if err := WriteBlock(&b, docs); err != nil {
		t.Fatal(err)
	}
	var got []shown
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Aliases == nil || got[1].Text != "Leader.\nKim met Xi in Pyöngyang; the roadmap, the Roadmap." || got[1].URL != "/actors/kim/" {
		t.Errorf("block = %+v", got)
	}
	// Escaped as HTML, though read as data: no file of the site holds a
	// tag that the page's text did not mean as one (see the XSS tests).
	if strings.Contains(b.String(), "<b>") || got[0].Summary != "R&D <b>" {
		t.Errorf("block holds %q raw, or does not read back (%q)", "<b>", got[0].Summary)
	}
}
