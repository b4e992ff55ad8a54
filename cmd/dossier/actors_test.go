package main

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/buildtest"
)

// actorSections are the sections of an actor page that list the pages
// referring to the actor.
var actorSections = []string{"chronology", "named-in", "linked-from", "mentioned-in"}

// TestActorPagesListEachPageOnce checks every actor page of the sample
// and of a generated dossier: across Chronology, Named in, Linked from
// and Also mentioned in, each referring page is listed once. Kim Jong-un
// (the sample's most referred-to actor) must list some.
func TestActorPagesListEachPageOnce(t *testing.T) {
	for _, which := range []string{"sample", "generated"} {
		t.Run(which, func(t *testing.T) {
			root := "../.."
			if which == "generated" {
				root = t.TempDir()
				if err := listSpec.Write(root); err != nil {
					t.Fatal(err)
				}
			}
			site, diags := buildtest.Build(t, root, build.Options{})
			if site == nil {
				t.Fatal(diags)
			}
			for name, data := range site.Files {
				if strings.HasPrefix(name, "actors/") && strings.Count(name, "/") == 2 {
					checkActorPage(t, name, data)
				}
			}
			if kim := site.Files["actors/kim-jong-un/index.html"]; kim != nil && len(referrers(parseHTML(t, "kim", kim))) < 5 {
				t.Error("Kim Jong-un's page lists fewer than 5 referring pages")
			}
		})
	}
}

func checkActorPage(t *testing.T, name string, data []byte) {
	t.Helper()
	where := map[string]string{}
	for _, r := range referrers(parseHTML(t, name, data)) {
		if prev, ok := where[r.href]; ok {
			t.Errorf("%s lists %s twice: under %s and under %s", name, r.href, prev, r.section)
		}
		where[r.href] = r.section
	}
}

type referrer struct{ section, href string }

// referrers returns the pages an actor page lists as referring to it:
// each chronology item's page and each card of the other sections.
func referrers(doc *html.Node) []referrer {
	var out []referrer
	for _, id := range actorSections {
		h := first(doc, func(n *html.Node) bool { return n.Data == "h2" && attrOf(n, "id") == id })
		if h == nil {
			continue
		}
		sec := h.Parent
		for _, p := range elements(sec, tagClass("p", "chrono-what")) {
			if a := first(p, tag("a")); a != nil {
				out = append(out, referrer{id, attrOf(a, "href")})
			}
		}
		for _, li := range elements(sec, tag("li")) {
			if hasClass(li.Parent, "cards") {
				out = append(out, referrer{id, attrOf(first(li, tag("a")), "href")})
			}
		}
	}
	return out
}
