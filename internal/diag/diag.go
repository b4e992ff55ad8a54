// Package diag carries positioned diagnostics: errors and warnings about
// content, each with the file, line and column of the offending text.
//
// Positions are values (Pos), never recovered from error strings. A
// Diagnostic prints as "content/briefs/a.md:12:3: message", the form that
// editors, terminals and CI annotations understand. A List collects every
// diagnostic of a build so that all of them are reported together, sorted.
//
// Lines and columns are 1-based; columns count characters (Unicode code
// points), as editors and GitHub's annotations do (see Lines). A Pos with
// Line 0 refers to a whole file.
package diag

import (
	"cmp"
	"fmt"
	"strings"
)

// Pos is a position in a source file. File is slash-separated and relative
// to the dossier root (for example "content/briefs/x.md").
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as "file:line:col", "file:line" or "file".
func (p Pos) String() string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, then line, then column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(strings.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Severity says whether a diagnostic fails a build.
type Severity int

const (
	// Error fails the build (exit status 1).
	Error Severity = iota
	// Warning is reported but does not fail the build.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one message about the content at Pos.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
	// Suggestion, when set, is a likely fix ("did you mean ...").
	Suggestion string
}

// String formats d as "file:line:col: message (suggestion)"; warnings are
// prefixed with "warning: " after the position.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	if d.Suggestion != "" {
		b.WriteString(" (")
		b.WriteString(d.Suggestion)
		b.WriteString(")")
	}
	return b.String()
}

// Error makes a Diagnostic satisfy the error interface.
func (d Diagnostic) Error() string { return d.String() }

// Errorf returns an error-severity diagnostic at pos.
func Errorf(pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)}
}

// Warnf returns a warning-severity diagnostic at pos.
func Warnf(pos Pos, format string, args ...any) Diagnostic {
	return Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)}
}

// Compare orders diagnostics by position, then severity, then message.
func Compare(a, b Diagnostic) int {
	return cmp.Or(a.Pos.Compare(b.Pos), cmp.Compare(a.Severity, b.Severity), strings.Compare(a.Message, b.Message))
}
