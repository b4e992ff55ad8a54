package layout

import (
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/diag"
)

// execMessage is text/template's wording of an error while executing:
// the template file, line and column, the action, and what went wrong.
var execMessage = regexp.MustCompile(`^template: ([^:]+):(\d+):(\d+): executing "[^"]*" at <([^>]*)>: (.*)$`)

// unknownField is its wording of a field or method the data lacks.
var unknownField = regexp.MustCompile(`^can't evaluate field (\w+) in type (\S+)$`)

// execError turns an error from executing a template into a diagnostic at
// the template's line and column, in an editor's words, with a "did you
// mean" when the template names a field the page's data does not have.
// data is what the template was executed with; sources are the template
// files, for columns in characters (text/template counts bytes from 0).
func execError(err error, data any, sources map[string][]byte) error {
	var ee template.ExecError
	if !errors.As(err, &ee) {
		return err
	}
	// An error in a cached template (see CachedFunc) comes wrapped in the
	// error of the call: the innermost names the action that failed.
	for {
		var inner template.ExecError
		if !errors.As(ee.Err, &inner) {
			break
		}
		ee = inner
	}
	m := execMessage.FindStringSubmatch(ee.Err.Error())
	if m == nil {
		return diag.Errorf(diag.Pos{File: ee.Name}, "%v", strings.TrimPrefix(ee.Err.Error(), "template: "))
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	if src, ok := sources[m[1]]; ok {
		text := diag.SourceLine(src, line)
		col = utf8.RuneCountInString(text[:min(col, len(text))])
	}
	d := diag.Errorf(diag.Pos{File: m[1], Line: line, Col: col + 1}, "%s: %s", m[4], m[5])
	if f := unknownField.FindStringSubmatch(m[5]); f != nil {
		d.Message = m[4] + ": " + f[2] + " has no field or method " + f[1]
		d.Suggestion = diag.Suggest(f[1], namesOf(reflect.TypeOf(data), f[2]))
	}
	return d
}

// namesOf returns the exported fields and methods of the type named name
// ("*view.BriefPage", "view.Card") found in t or in the types it holds.
func namesOf(t reflect.Type, name string) []string {
	seen := map[reflect.Type]bool{}
	var found reflect.Type
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		if t == nil || seen[t] || found != nil {
			return
		}
		seen[t] = true
		if t.String() == name {
			found = t
			return
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(t.Elem())
		case reflect.Struct:
			walk(reflect.PointerTo(t))
			for i := range t.NumField() {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(t)
	if found == nil {
		return nil
	}
	var names []string
	for i := range found.NumMethod() {
		names = append(names, found.Method(i).Name)
	}
	s := found
	for s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(s) { // promoted fields too
			if f.IsExported() {
				names = append(names, f.Name)
			}
		}
	}
	return names
}
