package content

import (
	"fmt"

	"github.com/dossier-project/dossier/internal/edtf"
	"github.com/dossier-project/dossier/internal/yamlfile"
	"github.com/goccy/go-yaml/ast"
)

// Common holds the keys every page may have.
type Common struct {
	Title   string   `yaml:"title"`
	Slug    Scalar   `yaml:"slug"`
	Summary string   `yaml:"summary"`
	Tags    []string `yaml:"tags"`
	Draft   bool     `yaml:"draft" guard:"draft"`
	TLP     Scalar   `yaml:"tlp" guard:"handling"`
	// Updated is when the page last changed in substance, an exact day:
	// feeds and sitemaps show it.
	Updated Scalar `yaml:"updated"`
}

// Meta is a page's front matter. One struct serves every kind so templates
// and the resolver see one shape; which keys a kind accepts is checked by
// allowedKeys, so a key of another kind is still flagged as unknown.
type Meta struct {
	Common `yaml:",inline"`

	// home and brief
	BLUF         string      `yaml:"bluf"`
	KeyQuestion  string      `yaml:"key_question"`
	KeyJudgments []Judgment  `yaml:"key_judgments"`
	Indicators   []Indicator `yaml:"indicators"`

	// brief, event, commentary
	Date    Scalar   `yaml:"date"`
	Actors  []Scalar `yaml:"actors"`
	Events  []Scalar `yaml:"events"`
	Sources []Cite   `yaml:"sources"`

	// actor
	Kind      Scalar     `yaml:"kind"`
	Aliases   []string   `yaml:"aliases"`
	Wikidata  Scalar     `yaml:"wikidata"`
	Country   Scalar     `yaml:"country"`
	Role      string     `yaml:"role"`
	Relations []Relation `yaml:"relations"`

	// event
	DateText string `yaml:"date_text"`
	Reported Scalar `yaml:"reported"`
	Location string `yaml:"location"`

	// commentary
	Analyst    string     `yaml:"analyst"`
	Confidence Scalar     `yaml:"confidence"`
	Judgments  []Judgment `yaml:"judgments"`

	// source
	ShortTitle  string   `yaml:"short_title"`
	Publisher   string   `yaml:"publisher"`
	URL         string   `yaml:"url"`
	ArchiveURL  string   `yaml:"archive_url"`
	Published   Scalar   `yaml:"published"`
	Accessed    Scalar   `yaml:"accessed"`
	Reliability Scalar   `yaml:"reliability"`
	Credibility Scalar   `yaml:"credibility"`
	Chain       []Scalar `yaml:"chain"`
}

// Judgment is an estimative statement with its likelihood and confidence.
type Judgment struct {
	Text       Prose  `yaml:"text"`
	Likelihood Scalar `yaml:"likelihood"`
	Confidence Scalar `yaml:"confidence"`
	Sources    []Cite `yaml:"sources"`
}

// Indicator is something to watch, with its status.
type Indicator struct {
	Text    string `yaml:"text"`
	Status  Scalar `yaml:"status"`
	Sources []Cite `yaml:"sources"`
}

// Relation is a typed, dated link from an actor to another.
type Relation struct {
	To      Scalar `yaml:"to"`
	Type    string `yaml:"type"`
	Since   Scalar `yaml:"since"`
	Until   Scalar `yaml:"until"`
	Sources []Cite `yaml:"sources"`

	// SinceDate and UntilDate are Since and Until parsed (see Dates).
	SinceDate edtf.Date `yaml:"-"`
	UntilDate edtf.Date `yaml:"-"`
}

// Prose is a positioned text value. Unlike a Scalar it keeps the text of
// a block scalar (text: > or |), whose position is that of its indicator.
type Prose struct{ Scalar }

// UnmarshalYAML implements go-yaml's NodeUnmarshaler.
func (p *Prose) UnmarshalYAML(node ast.Node) error {
	lit, ok := node.(*ast.LiteralNode)
	if !ok || lit.Value == nil {
		return p.Scalar.UnmarshalYAML(node)
	}
	tk := lit.GetToken()
	p.Scalar = yamlfile.NewScalar(lit.Value.Value, tk.Position.Line, tk.Position.Column)
	return nil
}

// Cite is a citation of a source, optionally of one paragraph
// ("article#p4"), optionally with its own Admiralty credibility (1-6).
type Cite struct {
	Ref         Scalar
	Credibility Scalar
}

// UnmarshalYAML accepts "slug", "slug#p4" or {source: ..., credibility: ...}.
func (c *Cite) UnmarshalYAML(node ast.Node) error {
	m, ok := node.(*ast.MappingNode)
	if !ok {
		if mv, isPair := node.(*ast.MappingValueNode); isPair {
			m = &ast.MappingNode{Values: []*ast.MappingValueNode{mv}}
			ok = true
		}
	}
	if !ok {
		*c = Cite{}
		return c.Ref.UnmarshalYAML(node)
	}
	*c = Cite{}
	for _, mv := range m.Values {
		var s Scalar
		if err := s.UnmarshalYAML(mv.Value); err != nil {
			return err
		}
		switch key := mv.Key.String(); key {
		case "source":
			c.Ref = s
		case "credibility":
			c.Credibility = s
		default:
			tk := mv.Key.GetToken()
			return &yamlfile.PosError{Line: tk.Position.Line, Col: tk.Position.Column,
				Msg: fmt.Sprintf("unknown citation key %q (a citation has source and credibility)", key)}
		}
	}
	if c.Ref.IsZero() {
		tk := node.GetToken()
		return &yamlfile.PosError{Line: tk.Position.Line, Col: tk.Position.Column, Msg: "citation has no source"}
	}
	return nil
}
