package vocab

import "testing"

func TestParse(t *testing.T) {
	if tlp, ok := ParseTLP(" tlp:amber+strict "); !ok || tlp.Label != "TLP:AMBER+STRICT" || tlp.Rank != 3 || tlp.Class() != "tlp-amber-strict" {
		t.Errorf("ParseTLP = %+v, %v", tlp, ok)
	}
	if _, ok := ParseTLP("TLP:WHITE"); ok || TLPHint("white") != "TLP:WHITE became TLP:CLEAR in TLP 2.0" {
		t.Error("TLP:WHITE is TLP 1.0")
	}
	if TLPHint("amber") != "write TLP:AMBER" {
		t.Errorf("TLPHint(amber) = %q", TLPHint("amber"))
	}
	if l, ok := ParseLikelihood("Roughly  Even Odds"); !ok || l.Row != 2 || l.Level.Range() != "45–55%" {
		t.Errorf("ParseLikelihood = %+v, %v", l, ok)
	}
	if g, ok := ParseReliability("b"); !ok || g.Code != "B" || g.Meaning != "usually reliable" {
		t.Errorf("ParseReliability = %+v", g)
	}
	if _, ok := ParseCredibility("7"); ok {
		t.Error("credibility 7 accepted")
	}
	if Admiralty("C", "3") != "C3" || Admiralty("C", "") != "" {
		t.Error("Admiralty")
	}
	if k, ok := ParseActorKind("Public-Body"); !ok || k.Plural != "Public bodies" {
		t.Errorf("ParseActorKind = %+v", k)
	}
	for in, want := range map[string]string{"leader-of": "led by", "ally of": "ally of", "trades with": "trades with", "funds": "← funds"} {
		if got := InverseRelation(in); got != want {
			t.Errorf("InverseRelation(%q) = %q, want %q", in, got, want)
		}
	}
	if len(LikelihoodTerms()) != 14 || len(ConfidenceNames()) != 3 || len(TLPLabels()) != 5 {
		t.Error("table sizes")
	}
}

func TestLikelihoodLevels(t *testing.T) {
	l, ok := ParseLikelihood("probable")
	if !ok || l.Row != 2 || l.Level.Range() != "55–80%" || l.Level.Terms[0] != "likely" {
		t.Errorf("probable = %+v, %v", l, ok)
	}
	if r := LikelihoodLevels()[0].Range(); r != "01–05%" {
		t.Errorf("lowest range = %q", r)
	}
}
