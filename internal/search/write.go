package search

import (
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"
)

// MiniSearchVersion is the MiniSearch release the files are made for.
const MiniSearchVersion = "7.2.0"

// start is where term i's entry starts in enc.
func (ix *Index) start(i int) int {
	if i == 0 {
		return 0
	}
	return ix.ends[i-1] + 1 // after the comma that ends the entry before
}

// cuts returns the first term of each non-empty shard, when the terms are
// cut into at most n shards of about equal bytes.
func (ix *Index) cuts(n int) []int {
	out := []int{0}
	for k := 1; k < n; k++ {
		target := k * len(ix.enc) / n
		i := sort.Search(len(ix.terms), func(i int) bool { return ix.start(i) >= target })
		if i > out[len(out)-1] && i < len(ix.terms) {
			out = append(out, i)
		}
	}
	return out
}

// WriteShard writes term shard k of a plan of n shards; a shard past the
// last non-empty one is an empty array.
func (ix *Index) WriteShard(w io.Writer, k, n int) error {
	cuts := ix.cuts(n)
	if k >= len(cuts) || len(ix.terms) == 0 {
		_, err := io.WriteString(w, "[]")
		return err
	}
	to := len(ix.terms)
	if k+1 < len(cuts) {
		to = cuts[k+1]
	}
	b := make([]byte, 0, ix.ends[to-1]-ix.start(cuts[k])+2)
	b = append(b, '[')
	b = append(b, ix.enc[ix.start(cuts[k]):ix.ends[to-1]]...)
	b = append(b, ']')
	_, err := w.Write(b)
	return err
}

// WriteManifest writes the manifest of the index planned by p; version
// goes into each file's URL (see the package documentation).
func (ix *Index) WriteManifest(w io.Writer, p Plan, version string) error {
	v, _ := json.Marshal(version)
	b := []byte(`{"format":1,"minisearch":"` + MiniSearchVersion + `","version":`)
	b = append(b, v...)
	b = append(b, `,"head":`...)
	b = ix.appendHead(b)
	b = append(b, `,"shards":[`...)
	for k, i := range ix.cuts(p.Shards) {
		if k > 0 {
			b = append(b, ',')
		}
		first := ""
		if k > 0 {
			first = ix.terms[i]
		}
		b = append(b, '"')
		b = append(b, first...) // letters and digits only
		b = append(b, '"')
	}
	b = append(b, `],"docs":`...)
	b = appendInts(b, p.Blocks)
	b = append(b, '}')
	_, err := w.Write(b)
	return err
}

// appendHead appends MiniSearch's serialization without its index.
func (ix *Index) appendHead(b []byte) []byte {
	n := strconv.Itoa(ix.docs)
	b = append(b, `{"documentCount":`+n+`,"nextId":`+n+`,"documentIds":{`...)
	for i := range ix.docs {
		if i > 0 {
			b = append(b, ',')
		}
		id := strconv.Itoa(i)
		b = append(b, `"`+id+`":`+id...)
	}
	b = append(b, `},"fieldIds":{`...)
	for f, name := range FieldNames() {
		if f > 0 {
			b = append(b, ',')
		}
		b = append(b, `"`+name+`":`+strconv.Itoa(f)...)
	}
	b = append(b, `},"fieldLength":{`...)
	var sums [numFields]int
	for i, lengths := range ix.lengths {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `"`+strconv.Itoa(i)+`":`...)
		b = appendInts(b, lengths[:])
		for f, l := range lengths {
			sums[f] += l
		}
	}
	b = append(b, `},"averageFieldLength":[`...)
	for f, sum := range sums {
		if f > 0 {
			b = append(b, ',')
		}
		avg := 0.0
		if ix.docs > 0 {
			avg = float64(sum) / float64(ix.docs)
		}
		b = strconv.AppendFloat(b, avg, 'g', -1, 64)
	}
	return append(b, `],"storedFields":{},"dirtCount":0,"serializationVersion":2}`...)
}

func appendInts(b []byte, ns []int) []byte {
	b = append(b, '[')
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// shown is what the browser shows of a document.
type shown struct {
	Title   string   `json:"title"`
	URL     string   `json:"url"`
	Kind    string   `json:"kind"`
	Summary string   `json:"summary"`
	Aliases []string `json:"aliases"`
	Tags    []string `json:"tags"`
	Text    string   `json:"text"`
}

// WriteBlock writes a document block: docs as the browser shows them.
func WriteBlock(w io.Writer, docs []Doc) error {
	out := make([]shown, len(docs))
	for i, d := range docs {
		out[i] = shown{Title: d.Title, URL: d.URL, Kind: d.Kind, Summary: d.Summary,
			Aliases: nonNil(d.Aliases), Tags: nonNil(d.Tags), Text: strings.Join(d.Text, "\n")}
	}
	// HTML-escaped (<, >, & as \u003c...): the text is the page's, and
	// nothing that reads a block as markup should find a tag in it.
	return json.NewEncoder(w).Encode(out)
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
