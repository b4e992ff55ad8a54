package xref

import (
	"slices"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/vocab"
)

// LikelihoodUse is one judgment's likelihood and where it was written.
type LikelihoodUse struct {
	Pos diag.Pos
	vocab.Likelihood
}

// LikelihoodUses lists every valid likelihood of the dossier's judgments
// and key judgments in position order. It is computed once per graph; do
// not modify the slice.
func (g *Graph) LikelihoodUses() []LikelihoodUse {
	g.likelihoodsOnce.Do(func() { g.likelihoods = g.likelihoodUses() })
	return g.likelihoods
}

func (g *Graph) likelihoodUses() []LikelihoodUse {
	var out []LikelihoodUse
	for _, n := range g.all {
		for _, js := range [][]Judgment{n.KeyJudgments, n.Judgments} {
			for _, j := range js {
				if l, ok := vocab.ParseLikelihood(j.Likelihood.Value); ok {
					out = append(out, LikelihoodUse{n.Page.Pos(j.Likelihood), l})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b LikelihoodUse) int { return a.Pos.Compare(b.Pos) })
	return out
}

// Likelihoods is LikelihoodUses without the positions.
func (g *Graph) Likelihoods() []vocab.Likelihood {
	var out []vocab.Likelihood
	for _, u := range g.LikelihoodUses() {
		out = append(out, u.Likelihood)
	}
	return out
}

// RowUse is how the dossier uses one row of the ICD 203 terms: how many
// likelihoods are from it, and the first of them by position.
type RowUse struct {
	Count int
	First LikelihoodUse
}

// LikelihoodRows returns the use of each row (1 and 2; 0 is unused),
// summing each node's (made when the node is resolved, and taken with its
// resolution): a check of every build needs no more.
func (g *Graph) LikelihoodRows() [3]RowUse {
	var rows [3]RowUse
	for _, n := range g.all {
		if n.res.rows == nil {
			continue
		}
		for row, u := range n.res.rows {
			if u.count > 0 {
				j := n.judgment(int(u.first))
				l, _ := vocab.ParseLikelihood(j.Likelihood.Value)
				rows[row] = rows[row].add(RowUse{Count: int(u.count), First: LikelihoodUse{n.Page.Pos(j.Likelihood), l}})
			}
		}
	}
	return rows
}

// add is the use of a row by r and u together.
func (r RowUse) add(u RowUse) RowUse {
	if u.Count == 0 {
		return r
	}
	if r.Count == 0 || u.First.Pos.Compare(r.First.Pos) < 0 {
		r.First = u.First
	}
	r.Count += u.Count
	return r
}

// rowCounts is a node's use of each row: how many of its judgments are
// from it, and the first of them by position, by its index among the
// node's key judgments then judgments (see Node.judgment). A node keeps
// these few numbers, not the uses themselves, until the check asks.
type rowCounts [3]struct{ count, first int32 }

// judgment is n's key judgment i, or past them, judgment i-len.
func (n *Node) judgment(i int) Judgment {
	if i < len(n.KeyJudgments) {
		return n.KeyJudgments[i]
	}
	return n.Judgments[i-len(n.KeyJudgments)]
}

// likelihoodRows is n's use of each row; nil when it uses none.
func likelihoodRows(n *Node) *rowCounts {
	var rows *rowCounts
	var first [3]diag.Pos
	for i := range len(n.KeyJudgments) + len(n.Judgments) {
		j := n.judgment(i)
		l, ok := vocab.ParseLikelihood(j.Likelihood.Value)
		if !ok {
			continue
		}
		if rows == nil {
			rows = new(rowCounts)
		}
		r, pos := &rows[l.Row], n.Page.Pos(j.Likelihood)
		if r.count == 0 || pos.Compare(first[l.Row]) < 0 {
			r.first, first[l.Row] = int32(i), pos
		}
		r.count++
	}
	return rows
}
