package content

import (
	"bytes"

	"github.com/dossier-project/dossier/internal/diag"
)

// frontMatter is a file split into its YAML and Markdown parts.
type frontMatter struct {
	yaml     []byte
	yamlLine int // 1-based line where the YAML starts
	body     []byte
	bodyLine int // 1-based line where the body starts
}

// split separates front matter from body. has reports whether the file
// opens with a "---" line; closed whether that block has a closing line.
func split(src []byte) (fm frontMatter, has, closed bool) {
	first, rest := cutLine(src)
	if string(trimCR(first)) != "---" {
		return frontMatter{body: src, bodyLine: 1}, false, false
	}
	yamlStart := len(src) - len(rest)
	for line := 2; len(rest) > 0; line++ {
		l, next := cutLine(rest)
		if string(trimCR(l)) == "---" {
			yamlEnd := len(src) - len(rest)
			return frontMatter{yaml: src[yamlStart:yamlEnd], yamlLine: 2, body: next, bodyLine: line + 1}, true, true
		}
		rest = next
	}
	return frontMatter{}, true, false
}

func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:]
	}
	return b, nil
}

func trimCR(b []byte) []byte { return bytes.TrimSuffix(b, []byte("\r")) }

func unclosed(file string) diag.Diagnostic {
	d := diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "front matter opened with --- is never closed")
	d.Suggestion = "add a line with --- after the last front-matter key"
	return d
}

func missing(file string) diag.Diagnostic {
	d := diag.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "missing front matter: a page needs at least a title")
	d.Suggestion = "start the file with ---, title: ..., ---"
	return d
}
