// Package synthetic writes large, deterministic dossiers for benchmarks
// and load tests.
//
// A Spec's dossier has a home page, Briefs briefs, Actors actors, Events
// events, Sources sources of Paragraphs paragraphs each, and Commentary
// commentary pages. Pages reference each other the way a real dossier
// does: front-matter actors[], events[] and sources[] with paragraph
// citations; wikilinks by slug, by title, by alias, with a label,
// kind-qualified and with a heading anchor; paragraph citations that
// follow an exact quotation of the cited paragraph; root-relative links
// to pages (/briefs/brief-00415/), as a site's own pages write them;
// relative Markdown links; unlinked mentions of actors. Bodies have headings, a table and a
// fenced code block. Every brief links the next one, so no page is an
// orphan once Briefs*4 >= Actors and Briefs*2 >= Events.
//
// Controlled vocabularies use valid values only: ICD 203 likelihoods of
// the first row, confidence low|moderate|high, reliability A–F,
// credibility 1–6, indicator status watching|emerging|observed|lapsed,
// TLP:CLEAR. The dossier passes "dossier check" without errors or
// warnings.
//
// The same Spec always gives the same bytes: text comes from a seeded
// splitmix64 generator, not from math/rand, whose streams may change.
package synthetic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Spec describes a synthetic dossier.
type Spec struct {
	Briefs     int
	Actors     int
	Events     int
	Sources    int
	Paragraphs int // per source
	Commentary int
}

// Default is the benchmark dossier: n briefs over 200 actors, 500 events
// and 50 sources of 20 paragraphs, with 20 commentary pages.
func Default(n int) Spec {
	return Spec{Briefs: n, Actors: 200, Events: 500, Sources: 50, Paragraphs: 20, Commentary: 20}
}

// BriefFile is the path of brief i (0-based) relative to the dossier's
// folder: "content/briefs/brief-00001.md" for i = 0.
func BriefFile(i int) string { return "content/briefs/" + briefSlug(i) + ".md" }

// Write writes the dossier into dir: dossier.yaml and content/. It
// creates dir when needed and overwrites files of the same names.
func (s Spec) Write(dir string) error {
	for name, data := range s.Files() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Files returns the dossier's files keyed by slash path.
func (s Spec) Files() map[string][]byte {
	g := &gen{spec: s, rng: rng(0x5eed_d055_1e55)}
	g.makeCast()
	files := map[string][]byte{
		"dossier.yaml":      []byte(fmt.Sprintf("title: \"Synthetic dossier (%d briefs)\"\ndescription: \"A generated dossier for benchmarks.\"\nbase_url: https://example.org/\nlanguage: en\ntlp: TLP:CLEAR\n", s.Briefs)),
		"content/_index.md": g.home(),
	}
	for i := range s.Sources {
		files["content/sources/"+sourceSlug(i)+".md"] = g.source(i)
	}
	for i := range s.Actors {
		files["content/actors/"+g.actors[i].slug+".md"] = g.actor(i)
	}
	for i := range s.Events {
		files["content/events/"+eventSlug(i)+".md"] = g.event(i)
	}
	for i := range s.Commentary {
		files["content/commentary/"+commentarySlug(i)+".md"] = g.commentary(i)
	}
	for i := range s.Briefs {
		files[BriefFile(i)] = g.brief(i)
	}
	return files
}

// Revise makes the Markdown file at path end with the paragraph
// "Revision rev.", replacing the one every generated brief ends with, or
// appending it to any other file. Each distinct rev changes the page.
func Revise(path string, rev int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(data)
	if i := strings.LastIndex(text, "\nRevision "); i >= 0 {
		text = text[:i]
	}
	text = strings.TrimRight(text, "\n") + fmt.Sprintf("\n\nRevision %d.\n", rev)
	return os.WriteFile(path, []byte(text), 0o644)
}

func briefSlug(i int) string      { return fmt.Sprintf("brief-%05d", i+1) }
func eventSlug(i int) string      { return fmt.Sprintf("event-%04d", i+1) }
func sourceSlug(i int) string     { return fmt.Sprintf("source-%02d", i+1) }
func commentarySlug(i int) string { return fmt.Sprintf("commentary-%02d", i+1) }

var (
	likelihoods = []string{"almost no chance", "very unlikely", "unlikely", "roughly even chance", "likely", "very likely", "almost certain"}
	confidences = []string{"low", "moderate", "high"}
	statuses    = []string{"watching", "emerging", "observed", "lapsed"}
	actorKinds  = []string{"person", "country", "organization", "public-body", "media"}
	tagNames    = []string{"diplomacy", "security", "economy", "sanctions", "trade", "energy", "media", "military", "elections", "health"}

	// syllables make actor names that no English word of the text contains.
	syllables = []string{"zar", "quen", "vosk", "thul", "brix", "yev", "drom", "kesh", "plov", "gund",
		"mirz", "oxa", "trav", "ulm", "wex", "jorn", "fazh", "nisk", "ravo", "lekh"}

	// words is the vocabulary of the text: lower case, no names.
	words = strings.Fields(`the a of and to in that for on with as by at from this which
		ministry delegation meeting talks agreement statement report officials border trade
		cooperation security minister visit summit envoy treaty sanctions exercise navy port
		railway pipeline loan grain fertilizer shipment customs inspection satellite launch
		drill parade anniversary letter message congress plenum committee session resolution
		said announced confirmed denied signed welcomed criticized proposed agreed postponed
		reported noted stressed pledged warned hosted attended received expanded reduced
		regional bilateral strategic economic military political official unofficial new
		joint formal brief private public annual second third several many few recent
		week month year spring autumn winter summer morning evening capital province coast
		river bridge factory mine farm harbour airport station market bank fund program
		plan roadmap framework channel hotline memorandum protocol communique declaration`)
)

// actor is one member of the cast.
type actor struct {
	slug, title, alias, kind string
}

type gen struct {
	spec   Spec
	rng    rng
	actors []actor
	paras  [][][]string // paragraphs of each source, as words
}

// makeCast names the actors and writes the sources' paragraphs, which
// the briefs quote.
func (g *gen) makeCast() {
	n := len(syllables)
	for i := range g.spec.Actors {
		first := title(syllables[i%n] + syllables[(i/n)%n])
		last := title(syllables[(i*7+3)%n] + syllables[(i*13+5)%n])
		if i >= n*n {
			first += fmt.Sprint(i / (n * n))
		}
		t := first + " " + last
		g.actors = append(g.actors, actor{
			slug:  strings.ToLower(strings.ReplaceAll(t, " ", "-")),
			title: t, alias: first, kind: actorKinds[i%len(actorKinds)],
		})
	}
	for range g.spec.Sources {
		var ps [][]string
		for range g.spec.Paragraphs {
			ps = append(ps, g.words(30+g.rng.intn(30)))
		}
		g.paras = append(g.paras, ps)
	}
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// words returns n words of text.
func (g *gen) words(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = words[g.rng.intn(len(words))]
	}
	return out
}

// sentence returns a sentence of n words, capitalized, with a period.
func (g *gen) sentence(n int) string {
	return title(strings.Join(g.words(n), " ")) + "."
}

// cite returns a paragraph citation of source s: "source-07#p3".
func (g *gen) cite(s int) string {
	s %= g.spec.Sources
	return fmt.Sprintf("%s#p%d", sourceSlug(s), 1+g.rng.intn(g.spec.Paragraphs))
}

// quote returns an exact quotation from a paragraph of source s followed
// by the citation that supports it.
func (g *gen) quote(s int) string {
	s %= g.spec.Sources
	p := g.rng.intn(g.spec.Paragraphs)
	para := g.paras[s][p]
	start := g.rng.intn(len(para) - 8)
	return fmt.Sprintf("\"%s\" [[%s#p%d]]", strings.Join(para[start:start+6], " "), sourceSlug(s), p+1)
}

func (g *gen) date(day int) string {
	return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day%700).Format("2006-01-02")
}

// edtf returns a date of one of the forms analysts use.
func (g *gen) edtf(i int) string {
	day := i * 3 % 690
	d := g.date(day)
	switch i % 6 {
	case 1:
		return d[:7]
	case 2:
		return d[:7] + "~"
	case 3:
		return d + "?"
	case 4:
		return d + "/" + g.date(day+2)
	}
	return d
}

func (g *gen) judgments(key string, n, src int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:\n", key)
	for k := range n {
		fmt.Fprintf(&b, "  - text: %q\n    likelihood: %s\n    confidence: %s\n    sources: [%s, %s]\n",
			g.sentence(12), likelihoods[g.rng.intn(len(likelihoods))], confidences[g.rng.intn(len(confidences))],
			g.cite(src+k), g.cite(src+k+1))
	}
	return b.String()
}

func (g *gen) indicators(n, src int) string {
	var b strings.Builder
	b.WriteString("indicators:\n")
	for k := range n {
		fmt.Fprintf(&b, "  - text: %q\n    status: %s\n    sources: [%s]\n",
			g.sentence(10), statuses[g.rng.intn(len(statuses))], g.cite(src+k))
	}
	return b.String()
}

func (g *gen) tags(i int) string {
	return fmt.Sprintf("tags: [%s, %s]\n", tagNames[i%len(tagNames)], tagNames[(i/len(tagNames)+1+i)%len(tagNames)])
}

func (g *gen) home() []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: \"Synthetic dossier\"\n")
	fmt.Fprintf(&b, "summary: %q\nbluf: %q\nkey_question: %q\n", g.sentence(15), g.sentence(40), g.sentence(12))
	b.WriteString(g.judgments("key_judgments", 4, 0))
	b.WriteString(g.indicators(4, 0))
	b.WriteString(g.tags(0))
	b.WriteString("---\n\n## About this dossier\n\n")
	fmt.Fprintf(&b, "%s %s\n\n## Briefs\n\n", g.sentence(30), g.quote(0))
	for i := range min(g.spec.Briefs, 20) {
		fmt.Fprintf(&b, "- [[%s]]: %s\n", briefSlug(i), g.sentence(8))
	}
	if g.spec.Commentary > 0 {
		b.WriteString("\n## Commentary\n\n")
	}
	for i := range g.spec.Commentary {
		fmt.Fprintf(&b, "- [[%s]]\n", commentarySlug(i))
	}
	return []byte(b.String())
}

func (g *gen) source(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Source %02d: %s\"\nsummary: %q\n", i+1, g.sentence(4), g.sentence(14))
	fmt.Fprintf(&b, "publisher: \"Publisher %d\"\nurl: https://example.org/sources/%d\npublished: %s\n", i+1, i+1, g.date(i * 11)[:7])
	fmt.Fprintf(&b, "accessed: %s\nreliability: %c\ncredibility: %d\n", g.date(i*11+30), "ABCDEF"[i%6], 1+i%6)
	if i > 0 && i%5 == 0 {
		fmt.Fprintf(&b, "chain: [%s]\n", sourceSlug(i-1))
	}
	b.WriteString(g.tags(i))
	b.WriteString("---\n\n")
	for _, p := range g.paras[i] {
		b.WriteString(title(strings.Join(p, " ")) + ".\n\n")
	}
	return []byte(b.String())
}

func (g *gen) actor(i int) []byte {
	a := g.actors[i]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\nsummary: %q\nkind: %s\naliases: [%q]\nwikidata: Q%d\n", a.title, g.sentence(10), a.kind, a.alias, 100000+i)
	if a.kind == "person" && len(g.actors) > 1 {
		country := g.actors[(i+1)%len(g.actors)] // i%5 == 0, so the next one is a country
		fmt.Fprintf(&b, "country: %s\nrole: %q\n", country.slug, "Minister of "+g.words(1)[0])
		fmt.Fprintf(&b, "relations:\n  - to: %s\n    type: member of\n    since: %s\n    sources: [%s]\n",
			g.actors[(i+2)%len(g.actors)].slug, g.date(i)[:4], g.cite(i))
	}
	b.WriteString(g.tags(i))
	b.WriteString("---\n\n## Profile\n\n")
	fmt.Fprintf(&b, "%s %s\n\n## Record\n\n%s\n", g.sentence(25), g.quote(i), g.sentence(30))
	return []byte(b.String())
}

func (g *gen) event(i int) []byte {
	var b strings.Builder
	a1, a2 := g.actors[(i*3)%len(g.actors)], g.actors[(i*3+1)%len(g.actors)]
	fmt.Fprintf(&b, "---\ntitle: \"Event %04d: %s\"\nsummary: %q\ndate: %s\n", i+1, g.sentence(4), g.sentence(12), g.edtf(i))
	if i%4 == 0 {
		fmt.Fprintf(&b, "date_text: %q\n", "on "+[]string{"Monday", "Tuesday", "Saturday"}[i%3])
	}
	fmt.Fprintf(&b, "actors: [%s, %s]\nlocation: %q\nsources: [%s]\n", a1.slug, a2.slug, "Capital "+fmt.Sprint(i%40), g.cite(i))
	b.WriteString(g.tags(i))
	fmt.Fprintf(&b, "---\n\n%s [[%s]] %s [[%s|%s]]. %s\n\n%s\n",
		g.sentence(12), a1.slug, strings.Join(g.words(8), " "), a2.slug, a2.alias, g.quote(i), g.sentence(20))
	return []byte(b.String())
}

func (g *gen) commentary(i int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Commentary %02d: %s\"\nsummary: %q\nanalyst: \"Analyst %d\"\ndate: %s\nconfidence: %s\n",
		i+1, g.sentence(4), g.sentence(12), i+1, g.date(i*5), confidences[i%3])
	b.WriteString(g.judgments("judgments", 2, i))
	fmt.Fprintf(&b, "actors: [%s]\nsources: [%s]\n", g.actors[i%len(g.actors)].slug, g.cite(i))
	b.WriteString(g.tags(i))
	fmt.Fprintf(&b, "---\n\n## The view\n\n%s %s\n\n## Grading\n\n%s [[%s]].\n",
		g.sentence(30), g.quote(i), g.sentence(20), g.actors[i%len(g.actors)].title)
	return []byte(b.String())
}

func (g *gen) brief(i int) []byte {
	s := g.spec
	na := len(g.actors)
	act := func(k int) actor { return g.actors[(i*4+k)%na] }
	ev := func(k int) string { return eventSlug((i*2 + k) % s.Events) }
	next, prev := briefSlug((i+1)%s.Briefs), briefSlug((i+s.Briefs-1)%s.Briefs)
	src := i * 3

	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: \"Brief %05d: %s\"\nsummary: %q\ndate: %s\nbluf: %q\n", i+1, g.sentence(5), g.sentence(16), g.date(i), g.sentence(45))
	fmt.Fprintf(&b, "actors: [%s, %s, %s, %s]\nevents: [%s, %s]\n", act(0).slug, act(1).slug, act(2).slug, act(3).slug, ev(0), ev(1))
	fmt.Fprintf(&b, "sources: [%s, %s, %s]\n", g.cite(src), g.cite(src+1), sourceSlug((src+2)%s.Sources))
	b.WriteString(g.judgments("key_judgments", 3, src))
	b.WriteString(g.indicators(2, src))
	b.WriteString(g.tags(i))
	if i%10 == 0 {
		b.WriteString("tlp: TLP:CLEAR\n")
	}
	b.WriteString("---\n\n## Overview\n\n")
	fmt.Fprintf(&b, "%s [[%s]] %s [[%s]] %s [[%s|%s]]. %s [[events/%s]] and [[%s]].\n\n",
		g.sentence(14), act(0).slug, strings.Join(g.words(10), " "), act(1).title, strings.Join(g.words(8), " "),
		act(2).slug, act(2).alias, g.sentence(8), ev(0), ev(1))
	fmt.Fprintf(&b, "%s %s %s\n\n", g.sentence(20), g.quote(src), g.sentence(12))
	b.WriteString("## Evidence\n\n")
	fmt.Fprintf(&b, "%s [[%s]]. %s %s\n\n", g.sentence(18), g.cite(src+1), g.sentence(10), g.quote(src+2))
	b.WriteString("| Actor | Kind | Cited |\n|---|---|---|\n")
	for k := range 4 {
		fmt.Fprintf(&b, "| [[%s]] | %s | [[%s]] |\n", act(k).slug, act(k).kind, g.cite(src+k))
	}
	fmt.Fprintf(&b, "\n```yaml\n# %s\nbrief: %s\nactors: [%s, %s]\ncount: %d\n```\n\n", g.sentence(6), briefSlug(i), act(0).slug, act(1).slug, i)
	b.WriteString("## Assessment\n\n")
	other := g.actors[(i*4+na/2)%na]
	fmt.Fprintf(&b, "%s %s %s %s\n\n", g.sentence(16), other.alias, strings.Join(g.words(12), " "), g.sentence(10))
	fmt.Fprintf(&b, "Next: [[%s]] ([[%s#evidence|its evidence]]); previous: [the brief before](%s.md); further on: [a later brief](/briefs/%s/).\n\n",
		next, next, prev, briefSlug((i+7)%s.Briefs))
	b.WriteString("Revision 0.\n")
	return []byte(b.String())
}

// rng is splitmix64.
type rng uint64

func (r *rng) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }
