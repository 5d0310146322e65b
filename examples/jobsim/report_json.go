package main

import (
	"bufio"
	"encoding/json"
)

// jsonReporter writes one JSON object,
//
//	{"results": [VERDICT, ...], "summary": SUMMARY}
//
// with one verdict per line (the fields of type verdict, errors included)
// and the summary always present.
type jsonReporter struct {
	w *bufio.Writer
	n int
}

func (r *jsonReporter) verdict(v *verdict) {
	if r.n == 0 {
		r.w.WriteString("{\"results\": [\n")
	} else {
		r.w.WriteString(",\n")
	}
	r.n++
	b, _ := json.Marshal(v) // a verdict holds only strings and numbers
	r.w.Write(b)
}

func (r *jsonReporter) finish(s *summary) {
	if r.n == 0 {
		r.w.WriteString("{\"results\": [")
	}
	r.w.WriteString("\n],\n\"summary\": ")
	b, _ := json.Marshal(s)
	r.w.Write(b)
	r.w.WriteString("}\n")
}

// jsonString renders s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}
