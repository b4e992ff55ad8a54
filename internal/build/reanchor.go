package build

import "bytes"

// reanchor rewrites a rendered body for a page that holds many bodies
// (/print/): every id="x" becomes id="<prefix>x", every in-page link
// href="#x" becomes href="#<prefix>x", and headings go shift levels down
// (at most h6). It relies on what the Markdown renderer writes: raw HTML
// is never passed through and text is escaped, so in its output "<h2",
// ` id="` and ` href="#` only ever start markup. It is linear in the
// body's size.
func reanchor(html []byte, prefix string, shift int) []byte {
	out := make([]byte, 0, len(html)+len(html)/16)
	for i := 0; i < len(html); {
		j := bytes.IndexByte(html[i:], '<')
		if j < 0 {
			out = append(out, html[i:]...)
			break
		}
		j += i
		out = append(out, html[i:j]...)
		end := bytes.IndexByte(html[j:], '>')
		if end < 0 {
			out = append(out, html[j:]...)
			break
		}
		end += j + 1
		out = append(out, retag(html[j:end], prefix, shift)...)
		i = end
	}
	return out
}

// retag rewrites one tag.
func retag(tag []byte, prefix string, shift int) []byte {
	if n := len(tag); n >= 4 && (tag[1] == 'h' || tag[1] == '/' && tag[2] == 'h') {
		d := 2
		if tag[1] == '/' {
			d = 3
		}
		if d < n && tag[d] >= '1' && tag[d] <= '6' && (d+1 == n || tag[d+1] == ' ' || tag[d+1] == '>') {
			tag = append([]byte{}, tag...)
			tag[d] = byte(min(int(tag[d]-'0')+shift, 6)) + '0'
		}
	}
	tag = bytes.ReplaceAll(tag, []byte(` id="`), []byte(` id="`+prefix))
	return bytes.ReplaceAll(tag, []byte(` href="#`), []byte(` href="#`+prefix))
}
