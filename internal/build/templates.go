package build

import (
	"io/fs"
	"path"
	"strings"

	"github.com/dossier-project/dossier"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/layout"
)

// unknownTemplates warns about a page template of the dossier's own that
// no page is made with, because dossier has no template of that name: a
// misnamed override (templates/breif.html) would otherwise be ignored
// without a word, and the built-in template used instead.
func unknownTemplates(tmpl *layout.Set) diag.List {
	builtin, _ := fs.Glob(dossier.Defaults, layout.Dir+"/*.html")
	var known []string
	for _, f := range builtin {
		known = append(known, path.Base(f))
	}
	var diags diag.List
	for _, name := range tmpl.Names() {
		file := name + ".html"
		if _, err := fs.Stat(dossier.Defaults, layout.Dir+"/"+file); err == nil {
			continue
		}
		d := diag.Warnf(diag.Pos{File: layout.Dir + "/" + file}, "no page is made with this template: dossier's page templates are %s", strings.Join(known, ", "))
		d.Suggestion = diag.Suggest(file, known)
		diags.Add(d)
	}
	return diags
}
