package markdown

// applyMarkdownLinks writes resolved destinations into Markdown link nodes.
func (d *Doc) applyMarkdownLinks() {
	for _, l := range d.Links {
		if l.mdNode == nil {
			continue
		}
		if l.Missing {
			l.mdNode.Destination = nil
			l.mdNode.SetAttributeString("class", []byte("missing"))
			continue
		}
		if l.Dest != "" {
			l.mdNode.Destination = []byte(l.Dest)
		}
	}
}
