// Package dossier holds the default look of every dossier: the templates
// and static files embedded in the binary. A dossier's own templates/ and
// static/ folders override them file by file (see internal/layout.Overlay).
package dossier

import "embed"

// Defaults holds templates/ and static/ as shipped.
//
//go:embed templates static
var Defaults embed.FS
