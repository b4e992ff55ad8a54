package content

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
)

// Set is every page of a dossier, sorted by kind then slug.
type Set struct {
	Home  *Page
	Pages []*Page
	// LeftOut are the files of the drafts left out, in file order.
	LeftOut []string
}

// NewSet assembles loaded pages (nil entries are skipped), drops drafts
// unless opts.Drafts, and reports duplicate slugs within a kind and a
// duplicate home page.
func NewSet(pages []*Page, opts Options) (*Set, diag.List) {
	set := &Set{}
	var diags diag.List
	for _, p := range pages {
		if p == nil {
			continue
		}
		if p.Meta.Draft && !opts.Drafts {
			set.LeftOut = append(set.LeftOut, p.File)
			continue
		}
		if p.Kind == Home {
			set.Home = p
			continue
		}
		set.Pages = append(set.Pages, p)
	}
	set.Pages = byRank(set.Pages)
	if !slices.IsSortedFunc(set.Pages, comparePages) {
		slices.SortFunc(set.Pages, comparePages)
	}
	slices.Sort(set.LeftOut)
	set.Pages, diags = dropDuplicates(set.Pages)
	return set, diags
}

// dropDuplicates reports pages that share a kind and slug and keeps one
// of each, so that links to the slug still resolve and only the clash
// itself is reported. The page that set the slug explicitly (slug:) is
// the one blamed, at that key; the other is kept.
func dropDuplicates(pages []*Page) ([]*Page, diag.List) {
	var diags diag.List
	out := pages[:0:0]
	for _, p := range pages {
		i := len(out) - 1
		if i < 0 || out[i].Kind != p.Kind || out[i].Slug != p.Slug {
			out = append(out, p)
			continue
		}
		kept, dropped := out[i], p
		if kept.Meta.Slug.Line > 0 && dropped.Meta.Slug.Line == 0 {
			kept, dropped = dropped, kept
			out[i] = kept
		}
		pos := diag.Pos{File: dropped.File, Line: 1, Col: 1}
		if s := dropped.Meta.Slug; s.Line > 0 {
			pos = dropped.Pos(s)
		}
		d := diag.Errorf(pos, "duplicate %s slug %q: %s has it too", dropped.Kind, dropped.Slug, kept.File)
		d.Suggestion = "give one of them a different slug:"
		diags.Add(d)
	}
	return out, diags
}

// byRank orders pages by their kind's rank, keeping the order within a
// kind. A listing of content/ comes folder by folder, in each folder by
// file name, which is the slug's order but not the kinds': so ordered, it
// is usually sorted already, and checking that costs one pass.
func byRank(pages []*Page) []*Page {
	var counts [kindCount + 1]int // home and unknown kinds first
	for _, p := range pages {
		counts[p.Kind.Rank()+1]++
	}
	starts := counts
	at := 0
	for i, c := range counts {
		starts[i], at = at, at+c
	}
	out := make([]*Page, len(pages))
	for _, p := range pages {
		r := p.Kind.Rank() + 1
		out[starts[r]] = p
		starts[r]++
	}
	return out
}

func comparePages(a, b *Page) int {
	return cmp.Or(cmp.Compare(a.Kind.Rank(), b.Kind.Rank()), strings.Compare(a.Slug, b.Slug), strings.Compare(a.File, b.File))
}

// ByKind returns the pages of kind k, by slug.
func (s *Set) ByKind(k Kind) []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Kind == k {
			out = append(out, p)
		}
	}
	return out
}

// Lookup returns the page of kind k with slug, or nil.
func (s *Set) Lookup(k Kind, slug string) *Page {
	i, ok := slices.BinarySearchFunc(s.Pages, &Page{Kind: k, Slug: slug}, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(a.Kind.Rank(), b.Kind.Rank()), strings.Compare(a.Slug, b.Slug))
	})
	if !ok {
		return nil
	}
	return s.Pages[i]
}

// All returns the home page (if any) followed by every other page.
func (s *Set) All() []*Page {
	if s.Home == nil {
		return s.Pages
	}
	return append([]*Page{s.Home}, s.Pages...)
}
