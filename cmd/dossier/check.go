package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/eject"
)

// runCheck implements "dossier check": a build that writes nothing, plus
// a warning for each ejected template or static file that the built-in
// one it shadows has moved on from (see package eject).
func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[-src DIR] [-drafts] [-format text|json|github]", stderr)
	src := fs.String("src", ".", "the dossier's root `folder`")
	drafts := fs.Bool("drafts", false, "check pages marked draft: true too")
	format := fs.String("format", "", "output `format`: text, json (one JSON document on stdout) or github (GitHub Actions annotations); default github when GITHUB_ACTIONS=true, else text")
	if err := parseFlags(fs, args, false); err != nil {
		return helpOK(err)
	}
	if *format == "" {
		*format = defaultFormat()
	}
	if *format != "text" && *format != "json" && *format != "github" {
		return usageError{fmt.Sprintf("check: -format must be text, json or github, not %q", *format)}
	}
	d, err := openDossier(*src)
	if err != nil {
		return err
	}
	defer d.Close()
	b := build.NewBuilder(build.Options{Drafts: *drafts})
	defer b.Close()
	_, diags := b.Build(d.FS(), build.Nowhere(), nil)
	diags.Append(eject.Stale(d.Disk(), dossier.Defaults, ejectCommand(*src)))
	diags = relocate(*src, diags.Sort())
	if err := report(stdout, *format, diags); err != nil {
		return err
	}
	if n := len(diags.Errors()); n > 0 {
		return contentError{n}
	}
	if *format != "json" {
		fmt.Fprintf(stderr, "dossier check: no errors, %s\n", plural(len(diags.Warnings()), "warning"))
	}
	return nil
}

// defaultFormat is github in a GitHub Actions run, where annotations put
// each problem on its line in the pull request, and text elsewhere.
func defaultFormat() string {
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		return "github"
	}
	return "text"
}

// report prints the diagnostics on w in format; json writes one JSON
// document and nothing else.
func report(w io.Writer, format string, diags diag.List) error {
	switch format {
	case "json":
		return writeJSON(w, diags)
	case "github":
		writeAnnotations(w, diags)
		return nil
	}
	for _, d := range diags {
		fmt.Fprintln(w, d)
	}
	return nil
}

// plural is "1 warning", "2 warnings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// relocate makes diagnostic paths relative to the current folder.
func relocate(src string, diags diag.List) diag.List {
	if src == "." || src == "" {
		return diags
	}
	out := make(diag.List, len(diags))
	for i, d := range diags {
		d.Pos.File = strings.TrimPrefix(src+"/"+d.Pos.File, "./")
		out[i] = d
	}
	return out
}

type jsonDiag struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	Severity   string `json:"severity"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
}

// writeJSON prints {"diagnostics":[...],"errors":N,"warnings":N}.
func writeJSON(w io.Writer, diags diag.List) error {
	out := struct {
		Diagnostics []jsonDiag `json:"diagnostics"`
		Errors      int        `json:"errors"`
		Warnings    int        `json:"warnings"`
	}{Diagnostics: []jsonDiag{}, Errors: len(diags.Errors()), Warnings: len(diags.Warnings())}
	for _, d := range diags {
		out.Diagnostics = append(out.Diagnostics, jsonDiag{d.Pos.File, d.Pos.Line, d.Pos.Col, d.Severity.String(), d.Message, d.Suggestion})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeAnnotations prints GitHub Actions workflow commands so problems
// show inline on a pull request. Lines and columns count characters, as
// GitHub's do; a problem with the whole file (line 0) names the file
// alone, and one with a line but no column names no column.
func writeAnnotations(w io.Writer, diags diag.List) {
	for _, d := range diags {
		msg := d.Message
		if d.Suggestion != "" {
			msg += " (" + d.Suggestion + ")"
		}
		fmt.Fprintf(w, "::%s%s::%s\n", d.Severity, annotationProps(d.Pos), escapeData(msg))
	}
}

// annotationProps is " file=...,line=...,col=..." with what pos knows.
func annotationProps(pos diag.Pos) string {
	if pos.File == "" {
		return ""
	}
	props := " file=" + escapeProperty(pos.File)
	if pos.Line > 0 {
		props += fmt.Sprintf(",line=%d", pos.Line)
		if pos.Col > 0 {
			props += fmt.Sprintf(",col=%d", pos.Col)
		}
	}
	return props
}

// escapeData and escapeProperty follow the workflow-command escaping rules.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
