package content

import (
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/vocab"
)

// CheckTLP checks the TLP label s, the value of key in file, and rewrites
// it in its canonical spelling. It returns an error at the value when s is
// not a TLP 2.0 label.
func CheckTLP(file, key string, s *Scalar) diag.List {
	if t, ok := vocab.ParseTLP(s.Value); ok {
		s.Value = t.Label
		return nil
	}
	pos := diag.Pos{File: file, Line: int(s.Line), Col: int(s.Col)}
	d := diag.Errorf(pos, "%s %q is not a TLP 2.0 label: use %s", key, s.Value, orList(vocab.TLPLabels()))
	d.Suggestion = vocab.TLPHint(s.Value)
	if d.Suggestion == "" {
		d.Suggestion = diag.Suggest(strings.ToUpper(strings.TrimSpace(s.Value)), vocab.TLPLabels())
	}
	return diag.List{d}
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// checkLikelihood checks an ICD 203 term and rewrites it canonically.
func (p *Page) checkLikelihood(s *Scalar) diag.List {
	if s.IsZero() {
		return nil
	}
	if l, ok := vocab.ParseLikelihood(s.Value); ok {
		s.Value = l.Term
		return nil
	}
	terms := vocab.LikelihoodTerms()
	d := diag.Errorf(p.Pos(*s), "likelihood %q is not an ICD 203 term", s.Value)
	d.Suggestion = diag.Suggest(s.Value, terms)
	if d.Suggestion == "" {
		d.Suggestion = "use one of " + strings.Join(terms[:7], ", ") + " (or, in row 2, " + strings.Join(terms[7:], ", ") + ")"
	}
	return diag.List{d}
}

// checkWord checks that s, when present, is one of words, and rewrites it
// in lower case.
func (p *Page) checkWord(s *Scalar, what string, words []string) diag.List {
	if s.IsZero() {
		return nil
	}
	v := strings.ToLower(strings.TrimSpace(s.Value))
	for _, w := range words {
		if v == w {
			s.Value = w
			return nil
		}
	}
	d := diag.Errorf(p.Pos(*s), "%s %q must be %s", what, s.Value, orList(words))
	d.Suggestion = diag.Suggest(v, words)
	if v == "medium" && what == "confidence" {
		d.Suggestion = `did you mean "moderate"?`
	}
	return diag.List{d}
}

func (p *Page) checkReliability(s *Scalar) diag.List {
	if s.IsZero() {
		return nil
	}
	if g, ok := vocab.ParseReliability(s.Value); ok {
		s.Value = g.Code
		return nil
	}
	d := diag.Errorf(p.Pos(*s), "reliability %q must be one letter from A (completely reliable) to F (cannot be judged)", s.Value)
	if r, c, ok := splitGrade(s.Value); ok {
		d.Suggestion = fmt.Sprintf("write reliability: %s and credibility: %s", r, c)
	}
	return diag.List{d}
}

func (p *Page) checkCredibility(s *Scalar) diag.List {
	if s.IsZero() {
		return nil
	}
	if g, ok := vocab.ParseCredibility(s.Value); ok {
		s.Value = g.Code
		return nil
	}
	d := diag.Errorf(p.Pos(*s), "credibility %q must be one digit from 1 (confirmed) to 6 (cannot be judged)", s.Value)
	if r, c, ok := splitGrade(s.Value); ok {
		d.Suggestion = fmt.Sprintf("write credibility: %s; the letter %s is the source's reliability", c, r)
	}
	return diag.List{d}
}

// splitGrade splits a whole Admiralty grade written in one key ("B2").
func splitGrade(s string) (reliability, credibility string, ok bool) {
	v := strings.ToUpper(strings.TrimSpace(s))
	if len(v) != 2 {
		return "", "", false
	}
	r, okR := vocab.ParseReliability(v[:1])
	c, okC := vocab.ParseCredibility(v[1:])
	return r.Code, c.Code, okR && okC
}

// checkCites checks the credibility a citation gives its source.
func (p *Page) checkCites(cites []Cite) diag.List {
	var diags diag.List
	for i := range cites {
		diags.Append(p.checkCredibility(&cites[i].Credibility))
	}
	return diags
}
