package yamlfile

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/dossier-project/dossier/internal/diag"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"
)

// explain turns an error from go-yaml (or from a custom unmarshaler) into
// a diagnostic in an editor's words, at the place the editor must change.
// root is the type being decoded into (nil while parsing): a mistyped
// value is named by its YAML key, found there.
func explain(file string, root reflect.Type, err error) diag.Diagnostic {
	var pe *PosError
	if errors.As(err, &pe) {
		return diag.Errorf(diag.Pos{File: file, Line: pe.Line, Col: pe.Col}, "%s", pe.Msg)
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		at := valueStart(te.Token)
		return labelled(file, at, typeMessage(te, keyBefore(at), root), "")
	}
	var ue *yaml.UnexpectedNodeTypeError
	if errors.As(err, &ue) {
		msg := fmt.Sprintf("expected %s, found %s", nodeTypeName(ue.Expected), nodeTypeName(ue.Actual))
		if key := keyBefore(ue.Token); key != "" {
			msg = key + ": " + msg
		}
		return labelled(file, ue.Token, msg, "")
	}
	var oe *yaml.OverflowError
	if errors.As(err, &oe) {
		msg := fmt.Sprintf("the number %s is too large", oe.SrcNum)
		if key := keyBefore(oe.Token); key != "" {
			msg = key + ": " + msg
		}
		return labelled(file, oe.Token, msg, "")
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		at, msg, hint := reword(ye.GetMessage(), ye.GetToken())
		return labelled(file, at, msg, hint)
	}
	return labelled(file, nil, err.Error(), "")
}

// labelled is an error at tk whose message names the document when the
// path alone does not (see label).
func labelled(file string, tk *token.Token, msg, hint string) diag.Diagnostic {
	pos := diag.Pos{File: file}
	if tk != nil && tk.Position != nil {
		pos.Line, pos.Col = tk.Position.Line, tk.Position.Column
	}
	d := diag.Errorf(pos, "%s%s", label(file), msg)
	d.Suggestion = hint
	return d
}

// label begins a message about the YAML of a Markdown file, where the
// path names the whole file; a YAML file (dossier.yaml) needs none.
func label(file string) string {
	if strings.HasSuffix(file, ".md") {
		return "front matter: "
	}
	return ""
}

// reword rewrites one of go-yaml's syntax messages, and moves its token to
// where the mistake was made when go-yaml noticed it later.
func reword(msg string, tk *token.Token) (at *token.Token, text, hint string) {
	if tk == nil {
		return nil, cleanMessage(msg), ""
	}
	switch {
	case msg == "sequence end token ']' not found", msg == "',' or ']' must be specified":
		return unclosed(tk, token.SequenceStartType)
	case msg == "could not find flow mapping end token '}'", msg == "',' or '}' must be specified":
		return unclosed(tk, token.MappingStartType)
	case msg == "could not find end character of double-quoted text":
		return tk, `unclosed double quote: the text that starts here has no closing "`, `add " where the text ends`
	case msg == "could not find end character of single-quoted text":
		return tk, "unclosed single quote: the text that starts here has no closing '", "add ' where the text ends"
	case msg == "mapping value is not allowed in this context":
		return colonInValue(tk)
	case strings.HasPrefix(msg, "value is not allowed in this context"):
		return unexpectedValue(tk)
	case msg == "non-map value is specified":
		return tk, describeToken(tk) + " where a key was expected",
			"a list goes under its key, indented: tags:, then a line with   - item"
	case strings.HasPrefix(msg, "found character '\t'"):
		return tk, "a tab indents this line: YAML indents with spaces only", "replace the tab with spaces"
	case strings.HasSuffix(msg, "is a reserved character"), msg == "unexpected directive value. document not started":
		return tk, fmt.Sprintf("a value cannot start with %q unless it is quoted", firstChar(strings.TrimSpace(tk.Value))), "put the value in double quotes"
	case strings.HasPrefix(msg, "could not find alias "):
		return aliasStart(tk), fmt.Sprintf("unknown alias *%s: a value that starts with * names an anchor (&%s)", tk.Value, tk.Value),
			"put the value in double quotes if it is text"
	}
	return tk, cleanMessage(msg), ""
}

// unclosed points at the "[" or "{" (open) that was never closed: the
// token itself when go-yaml reported the bracket, else the nearest
// unmatched opening bracket before the token where it gave up, which is
// often on a later line.
func unclosed(tk *token.Token, open token.Type) (*token.Token, string, string) {
	start := tk
	if tk.Type != open {
		start = tk.Prev
	}
	depth := 0
	for p := start; p != nil; p = p.Prev {
		switch p.Type {
		case token.SequenceEndType, token.MappingEndType:
			depth++
		case token.SequenceStartType, token.MappingStartType:
			if depth > 0 {
				depth--
				continue
			}
			if p.Type == token.SequenceStartType {
				return p, `unclosed "[": the list that starts here has no "]"`, `add "]" after its last item`
			}
			return p, `unclosed "{": the mapping that starts here has no "}"`, `add "}" after its last entry`
		}
	}
	if open == token.SequenceStartType {
		return tk, `expected "," or "]" in the list`, ""
	}
	return tk, `expected "," or "}" in the mapping`, ""
}

// colonInValue explains a ": " that go-yaml found inside a value: on the
// value's own line it is text that needs quotes; on a later line it is a
// key indented under the value above, reported at that key.
func colonInValue(tk *token.Token) (*token.Token, string, string) {
	colon := tk.Next
	if colon == nil || colon.Type != token.MappingValueType || colon.Position.Line == tk.Position.Line {
		at := tk
		if colon != nil && colon.Type == token.MappingValueType {
			at = colon
		}
		return at, `": " inside a value, where YAML reads it as the start of a key`, "put the whole value in double quotes"
	}
	return keyOnLine(tk, colon), "this line is indented more than the key above it, so YAML reads it as part of that key's value",
		"line it up with the other keys (or put the value above in quotes if the colon belongs to it)"
}

// keyOnLine is the position of the first character on colon's line, where
// the key that go-yaml read as the rest of the multi-line value tk starts.
func keyOnLine(tk, colon *token.Token) *token.Token {
	i := strings.LastIndexByte(tk.Origin, '\n')
	if i < 0 {
		return colon
	}
	last := tk.Origin[i+1:]
	indent := len(last) - len(strings.TrimLeft(last, " "))
	return &token.Token{Position: &token.Position{Line: colon.Position.Line, Column: indent + 1}}
}

// unexpectedValue explains a token that go-yaml found where no value may
// be: a stray closing bracket, text after a closing quote, a line less
// indented than the text block above it, or a key misaligned with a list.
func unexpectedValue(tk *token.Token) (*token.Token, string, string) {
	prev := tk.Prev
	switch {
	case tk.Type == token.SequenceEndType || tk.Type == token.MappingEndType:
		return tk, fmt.Sprintf("unexpected %q: there is nothing open for it to close", tk.Value), "remove it"
	case prev != nil && isQuote(prev) && prev.Position.Line == tk.Position.Line:
		return tk, "text after the closing quote", "put the whole value inside the quotes"
	case prev != nil && prev.Prev != nil && isBlock(prev.Prev):
		return tk, fmt.Sprintf("this line is indented less than the text block (%s) above it, but is not a key", prev.Prev.Value),
			"indent it like the lines above it, or line it up with the keys if it starts a new one"
	case tk.Next != nil && tk.Next.Type == token.MappingValueType:
		return tk, fmt.Sprintf("key %q is not lined up with the keys or list items above it", tk.Value),
			`a key lines up with the other keys of its mapping; a list's items ("- ") are indented under its key`
	}
	return tk, fmt.Sprintf("unexpected %q here", tk.Value), "check the indentation of this line and the one above it"
}

func isQuote(tk *token.Token) bool {
	return tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType
}

func isBlock(tk *token.Token) bool {
	return tk.Type == token.LiteralType || tk.Type == token.FoldedType
}

// aliasStart is the "*" of an alias whose name is tk.
func aliasStart(tk *token.Token) *token.Token {
	if tk.Prev != nil && tk.Prev.Type == token.AliasType {
		return tk.Prev
	}
	return tk
}

func describeToken(tk *token.Token) string {
	if tk.Type == token.SequenceEntryType {
		return `a list item ("- ")`
	}
	return fmt.Sprintf("%q", tk.Value)
}

func firstChar(s string) string {
	for _, r := range s {
		return string(r)
	}
	return s
}

// cleanMessage rewrites the rest of go-yaml's Go-centric wording.
func cleanMessage(msg string) string {
	r := strings.NewReplacer(
		"cannot unmarshal ", "expected ",
		" into Go struct field ", " for ",
		" into Go value of type ", " for ",
		" of type ", " ",
	)
	return r.Replace(msg)
}
