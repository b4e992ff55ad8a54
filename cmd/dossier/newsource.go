package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/xref"
)

// importSource writes a source page whose body is the paragraphs of a
// plain-text file, in order, so that pN cites the Nth paragraph; then it
// lists the known actors the text names and the capitalised names that
// match no actor, as candidates for new actor pages.
func (n *newPage) importSource(file string, stdout io.Writer) error {
	raw, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	paras := splitParagraphs(string(raw))
	if len(paras) == 0 {
		return fmt.Errorf("%s has no text to import", file)
	}
	body := make([]string, len(paras))
	for i, p := range paras {
		body[i] = escapeMarkdown(p)
	}
	path, err := n.write(n.scaffold(strings.Join(body, "\n\n") + "\n"))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, path)
	fmt.Fprintf(stdout, "imported %d paragraphs, cited as %s#p1 to %s#p%d\n", len(paras), n.slug, n.slug, len(paras))
	set, _ := content.Load(os.DirFS(n.src), content.Options{Drafts: true})
	text := straightQuotes(strings.Join(paras, "\n\n"))
	known, covered := knownActors(text, set.ByKind(content.Actor))
	printList(stdout, "actors it names", known)
	var names []string
	for _, c := range candidateNames(text, covered) {
		names = append(names, fmt.Sprintf("%s (%d)", c.name, c.count))
	}
	printList(stdout, "names that match no actor (candidates for new actor pages)", names)
	return nil
}

func printList(w io.Writer, heading string, items []string) {
	if len(items) == 0 {
		fmt.Fprintf(w, "%s: none\n", heading)
		return
	}
	fmt.Fprintf(w, "%s:\n", heading)
	for _, it := range items {
		fmt.Fprintf(w, "  %s\n", it)
	}
}

// splitParagraphs splits plain text into paragraphs: blocks separated by
// blank lines, their lines joined with a space, when the text has blank
// lines; otherwise each non-empty line.
func splitParagraphs(text string) []string {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	lines := strings.Split(text, "\n")
	blocks := slices.ContainsFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "" })
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		switch {
		case l == "":
			flush()
		case blocks:
			cur = append(cur, l)
		default:
			out = append(out, l)
		}
	}
	flush()
	return out
}

// escapeMarkdown makes a paragraph of plain text render as exactly that
// text in one Markdown paragraph: the characters that could start markup
// inside a line are escaped, and so is a start that would open a heading,
// list, quote or rule. Other characters are left alone, because a
// paragraph's text (which quotations are checked against) keeps the
// escapes.
func escapeMarkdown(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune("\\`*_[]<~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := b.String()
	if s != "" && strings.ContainsRune("#=+->", rune(s[0])) {
		return "\\" + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && i <= 9 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// straightQuotes turns typographic apostrophes into ASCII ones, so that
// "Workers’ Party" in an article matches "Workers' Party" in a title.
func straightQuotes(s string) string { return strings.NewReplacer("’", "'", "‘", "'").Replace(s) }

// knownActors lists the actors that text names by title or alias, as
// "Title (slug)", and the byte spans those names cover.
func knownActors(text string, actors []*content.Page) (known []string, covered [][2]int) {
	var names []string
	var owner []*content.Page
	for _, a := range actors {
		for _, name := range append([]string{a.Meta.Title}, a.Meta.Aliases...) {
			names = append(names, straightQuotes(name))
			owner = append(owner, a)
		}
	}
	for _, m := range xref.FindMentions(text, names) {
		covered = append(covered, [2]int{m.Start, m.End})
		if s := fmt.Sprintf("%s (%s)", owner[m.Name].Meta.Title, owner[m.Name].Slug); !slices.Contains(known, s) {
			known = append(known, s)
		}
	}
	slices.Sort(known)
	return known, covered
}

// nameCount is a candidate name and how often the text uses it.
type nameCount struct {
	name  string
	count int
}

// candidateNames finds runs of capitalised words ("Pyongyang", "Workers'
// Party of Korea") outside the covered spans. A lone capitalised word at
// the start of a sentence that never appears inside one is taken for a
// common word ("Analysts say") and left out. Names come most frequent
// first. Days of the week and months are left out too.
func candidateNames(text string, covered [][2]int) []nameCount {
	words := splitWords(text)
	inside := map[string]bool{}
	for _, w := range words {
		if !w.initial {
			inside[w.text] = true
		}
	}
	counts := map[string]int{}
	for _, run := range capitalRuns(words, covered) {
		if len(run) == 1 && (run[0].initial && !inside[run[0].text] || calendarWord(run[0].text)) {
			continue
		}
		name := strings.TrimSuffix(text[run[0].start:run[len(run)-1].end], "'s")
		counts[name]++
	}
	out := make([]nameCount, 0, len(counts))
	for name, c := range counts {
		out = append(out, nameCount{name, c})
	}
	slices.SortFunc(out, func(a, b nameCount) int { return cmp.Or(b.count-a.count, strings.Compare(a.name, b.name)) })
	return out
}

// calendarWord reports whether w names a day of the week or a month,
// which English capitalises but which name no actor.
func calendarWord(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if w == d.String() {
			return true
		}
	}
	for m := time.January; m <= time.December; m++ {
		if w == m.String() {
			return true
		}
	}
	return false
}

// word is a word of a text and whether it starts a sentence.
type word struct {
	text       string
	start, end int
	initial    bool
	// joined says the word follows the previous one after a single space.
	joined bool
}

// splitWords splits text into words: a letter or digit, then letters,
// digits, hyphens and apostrophes ("Jong-un", "Workers'").
func splitWords(text string) []word {
	var words []word
	initial, joined := true, false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			initial = initial || strings.ContainsRune(".!?:\n", r)
			joined = r == ' ' && len(words) > 0 && words[len(words)-1].end == i
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isWordRune(r) {
				break
			}
			j += size
		}
		for j > i && text[j-1] == '-' {
			j--
		}
		words = append(words, word{text: text[i:j], start: i, end: j, initial: initial, joined: joined && !initial})
		initial, joined = false, false
		i = j
	}
	return words
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''
}

// capitalRuns groups consecutive capitalised words joined by single
// spaces, allowing "of" (and "of the") between two of them; words inside
// a covered span break runs and are never part of one.
func capitalRuns(words []word, covered [][2]int) [][]word {
	isCovered := func(w word) bool {
		return slices.ContainsFunc(covered, func(s [2]int) bool { return w.start < s[1] && w.end > s[0] })
	}
	capital := func(w word) bool {
		r, _ := utf8.DecodeRuneInString(w.text)
		return unicode.IsUpper(r) && !isCovered(w)
	}
	var runs [][]word
	for i := 0; i < len(words); i++ {
		if !capital(words[i]) {
			continue
		}
		run := []word{words[i]}
		for j := i + 1; j < len(words) && words[j].joined; j++ {
			if capital(words[j]) {
				run = append(run, words[j])
				i = j
				continue
			}
			if words[j].text != "of" && words[j].text != "the" || j+1 >= len(words) || !words[j+1].joined {
				break
			}
		}
		runs = append(runs, run)
	}
	return runs
}
