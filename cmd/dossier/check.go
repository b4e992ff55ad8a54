package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dossier-project/dossier/internal/build"
	"github.com/dossier-project/dossier/internal/diag"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", "[-src DIR] [-drafts] [-format text|json]", stderr)
	src := fs.String("src", ".", "the dossier's root `folder`")
	drafts := fs.Bool("drafts", false, "check pages marked draft: true too")
	format := fs.String("format", "text", "output `format`: text or json")
	if err := parseFlags(fs, args, false); err != nil {
		return helpOK(err)
	}
	if *format != "text" && *format != "json" {
		return usageError{fmt.Sprintf("check: -format must be text or json, not %q", *format)}
	}
	d, err := openDossier(*src)
	if err != nil {
		return err
	}
	defer d.Close()
	b := build.NewBuilder(build.Options{Drafts: *drafts})
	defer b.Close()
	_, diags := b.Build(d.FS(), build.Nowhere(), nil)
	diags = relocate(*src, diags)
	if *format == "json" {
		if err := writeJSON(stdout, diags); err != nil {
			return err
		}
	} else {
		for _, d := range diags {
			fmt.Fprintln(stdout, d)
		}
	}
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		writeAnnotations(stdout, diags)
	}
	if n := len(diags.Errors()); n > 0 {
		return contentError{n}
	}
	if *format == "text" {
		fmt.Fprintf(stderr, "dossier check: no errors, %d warnings\n", len(diags.Warnings()))
	}
	return nil
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
// show inline on a pull request.
func writeAnnotations(w io.Writer, diags diag.List) {
	for _, d := range diags {
		msg := d.Message
		if d.Suggestion != "" {
			msg += " (" + d.Suggestion + ")"
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", d.Severity, escapeProperty(d.Pos.File), d.Pos.Line, d.Pos.Col, escapeData(msg))
	}
}

// escapeData and escapeProperty follow the workflow-command escaping rules.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
