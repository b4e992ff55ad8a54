package build

import (
	"crypto/sha256"
	"fmt"
	"html/template"
	"slices"
	"sync"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/view"
)

// Site inputs are the site-wide data a template may reach for beyond its
// page's view, each through a template function without arguments:
//
//	siteTags        every tag with its count and URL ([]view.Tag)
//	sitePages       every page's card, home first, then by kind and slug ([]view.Card)
//	siteChronology  the whole chronology (view.Chronology)
//
// A page whose templates call one (layout finds the calls) has that
// input's data in its key: an overridden template that shows
// {{len siteTags}} on actor pages re-renders them when a tag is added.
// Each input is computed at most once per build, when first needed.
type siteInputs struct {
	hasher *view.Hasher
	s      *site
	values map[string]*siteInput
}

type siteInput struct {
	once  sync.Once
	make  func() any
	value any
	key   [sha256.Size]byte
}

func newSiteInputs(h *view.Hasher, s *site) *siteInputs {
	in := &siteInputs{hasher: h, s: s, values: map[string]*siteInput{}}
	in.values["siteTags"] = &siteInput{make: func() any { return s.views.Tags() }}
	in.values["sitePages"] = &siteInput{make: func() any {
		cards := make([]*view.Card, 0, len(s.graph.All()))
		for _, n := range s.graph.All() {
			cards = append(cards, s.views.Card(n))
		}
		return cards
	}}
	in.values["siteChronology"] = &siteInput{make: func() any { return s.views.Chronology() }}
	return in
}

// names lists the inputs' function names.
func (in *siteInputs) names() []string {
	var out []string
	for name := range in.values {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

func (in *siteInputs) get(name string) *siteInput {
	v := in.values[name]
	v.once.Do(func() {
		v.value = v.make()
		v.key = in.hasher.Key(v.value)
	})
	return v
}

// key is the hash of an input's data.
func (in *siteInputs) key(name string) [sha256.Size]byte { return in.get(name).key }

// funcs are the template functions: pure functions of their arguments
// and of the base URL (part of every view), and the site inputs.
func funcs(s *site, inputs *siteInputs) template.FuncMap {
	fm := template.FuncMap{
		"url":     s.base.Path,
		"plural":  pluralize,
		"bdi":     bdi,
		"isolate": content.Isolate,
	}
	for _, name := range inputs.names() {
		fm[name] = func() any { return inputs.get(name).value }
	}
	return fm
}

func pluralize(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// bdi shows text that holds bidirectional control characters inside a
// <bdi> element, so they cannot reorder what follows it; other text as
// it is. Use it where a title is shown as text.
func bdi(s string) template.HTML {
	esc := template.HTMLEscapeString(s)
	if content.HasBidi(s) {
		return template.HTML("<bdi>" + esc + "</bdi>")
	}
	return template.HTML(esc)
}
