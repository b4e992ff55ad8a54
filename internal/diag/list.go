package diag

import (
	"slices"
	"strings"
)

// List is an ordered collection of diagnostics. The zero value is empty and
// ready to use. A List is not safe for concurrent use; collect per goroutine
// and Append the results.
type List []Diagnostic

// Add appends d to the list.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Append appends every diagnostic of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by position and removes exact duplicates.
func (l List) Sort() List {
	s := slices.Clone(l)
	slices.SortStableFunc(s, Compare)
	return slices.Compact(s)
}

// Errors returns only the error-severity diagnostics.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the warning-severity diagnostics.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Err returns the list as an error if it has any error-severity diagnostic,
// otherwise nil. The error's text is every diagnostic, one per line.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ListError(l.Sort())
}

// String formats every diagnostic on its own line.
func (l List) String() string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// ListError is a List used as an error; errors.As recovers the diagnostics.
type ListError List

func (e ListError) Error() string { return strings.TrimSuffix(List(e).String(), "\n") }
