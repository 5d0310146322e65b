package main

import "bytes"

// chunk is the text of one YAML document of a source, cut out before
// parsing so that documents parse independently (in parallel, and a
// syntax error spoils only its own document).
type chunk struct {
	src *source
	// doc is the document's number in its source, from 1, counting only
	// documents with content (as manifest.DecodeJobs counts them).
	doc int
	// line is the source line the text starts at (1-based): a line n of
	// the text is line n+line-1 of the source.
	line int
	text []byte
}

// splitDocuments cuts data into its YAML documents at the document markers
// YAML reserves: a line that starts with "---" or "..." followed by a
// space, a tab or the end of the line (YAML 1.2 §9.1: such a line cannot
// be content, not even inside a block or quoted scalar). A "---" line
// starts a document and stays with it (it may carry content: "--- {a: 1}");
// "..." ends one. Text with no content (blank lines, comments, directives)
// before a "---" joins the document that follows, and trailing text with
// no content is dropped, so every chunk returned holds content. JSON input
// is one document. A leading byte order mark is skipped.
func splitDocuments(src *source) []chunk {
	data := bytes.TrimPrefix(src.data, []byte("\xef\xbb\xbf"))
	var out []chunk
	start, startLine := 0, 1 // the pending chunk
	content := false         // whether the pending chunk has content
	flush := func(end int) {
		if content {
			out = append(out, chunk{src: src, doc: len(out) + 1, line: startLine, text: data[start:end]})
		}
	}
	line := 1
	for pos := 0; pos < len(data); line++ {
		end := bytes.IndexByte(data[pos:], '\n')
		next := len(data)
		if end >= 0 {
			next = pos + end + 1
		}
		text := data[pos:next]
		switch {
		case isMarker(text, "---"):
			if content {
				flush(pos)
				start, startLine, content = pos, line, false
			}
			// The marker line's own content ("--- {a: 1}") counts.
			content = content || hasContent(text[3:])
		case isMarker(text, "..."):
			flush(pos)
			start, startLine, content = next, line+1, false
		case !content && hasContent(text) && text[0] != '%':
			content = true
		}
		pos = next
	}
	flush(len(data))
	return out
}

// isMarker reports whether line starts with the document marker m followed
// by white space or the end of the line.
func isMarker(line []byte, m string) bool {
	if !bytes.HasPrefix(line, []byte(m)) {
		return false
	}
	rest := line[len(m):]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'
}

// hasContent reports whether a line holds more than white space and a
// comment.
func hasContent(line []byte) bool {
	for _, c := range line {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '#':
			return false
		}
		return true
	}
	return false
}
