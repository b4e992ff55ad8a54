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

// ResetLinks clears every link's resolution (see Link), so that a Doc kept
// between builds resolves from scratch. The Markdown link nodes get their
// written destinations back.
func (d *Doc) ResetLinks() {
	for _, l := range d.Links {
		l.reset()
		if l.mdNode != nil {
			l.mdNode.Destination = []byte(l.Target)
			l.mdNode.RemoveAttributes()
		}
	}
}
