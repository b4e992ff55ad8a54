package server

import (
	"mime"
	"path"
	"strings"
)

// contentType returns the media type for a file name, by extension. The
// types a dossier always has are fixed here, so that the system's
// mime.types cannot change them; others come from mime.TypeByExtension,
// and unknown ones (CNAME, .nojekyll) are text/plain.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".atom":
		return "application/atom+xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	}
	if t := mime.TypeByExtension(ext); ext != "" && t != "" {
		return t
	}
	return "text/plain; charset=utf-8"
}
