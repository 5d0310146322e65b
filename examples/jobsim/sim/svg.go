package sim

// SVG renders the timeline as an SVG picture.
func SVG(tl *Timeline) []byte { return nil }
