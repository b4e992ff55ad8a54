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
}

// NewSet assembles loaded pages (nil entries are skipped), drops drafts
// unless opts.Drafts, and reports duplicate slugs within a kind and a
// duplicate home page.
func NewSet(pages []*Page, opts Options) (*Set, diag.List) {
	set := &Set{}
	var diags diag.List
	for _, p := range pages {
		if p == nil || (p.Meta.Draft && !opts.Drafts) {
			continue
		}
		if p.Kind == Home {
			set.Home = p
			continue
		}
		set.Pages = append(set.Pages, p)
	}
	slices.SortFunc(set.Pages, comparePages)
	for i := 1; i < len(set.Pages); i++ {
		a, b := set.Pages[i-1], set.Pages[i]
		if a.Kind == b.Kind && a.Slug == b.Slug {
			d := diag.Errorf(diag.Pos{File: b.File, Line: 1, Col: 1}, "duplicate %s slug %q: %s has it too", b.Kind, b.Slug, a.File)
			d.Suggestion = "set a different slug: in one of them"
			diags.Add(d)
		}
	}
	return set, diags
}

func comparePages(a, b *Page) int {
	return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)), strings.Compare(a.Slug, b.Slug), strings.Compare(a.File, b.File))
}

func kindOrder(k Kind) int { return slices.Index(Kinds(), k) }

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
		return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)), strings.Compare(a.Slug, b.Slug))
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
