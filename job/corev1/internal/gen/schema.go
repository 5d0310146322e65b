package main

import (
	"encoding/json"
	"slices"
	"strings"
)

// document is the part of an OpenAPI v3 document the generator reads.
type document struct {
	Components struct {
		Schemas map[string]*schema `json:"schemas"`
	} `json:"components"`
}

// schema is the part of an OpenAPI schema object the generator reads.
type schema struct {
	Type                 string             `json:"type"`
	Format               string             `json:"format"`
	Ref                  string             `json:"$ref"`
	AllOf                []*schema          `json:"allOf"`
	Items                *schema            `json:"items"`
	AdditionalProperties *schema            `json:"additionalProperties"`
	Properties           map[string]*schema `json:"properties"`
	Required             []string           `json:"required"`
	Default              json.RawMessage    `json:"default"`
}

// ref returns the name of the schema s refers to (directly or as the single
// member of allOf, as the document writes a reference with a description),
// or "".
func (s *schema) ref() string {
	r := s.Ref
	if r == "" && len(s.AllOf) == 1 {
		r = s.AllOf[0].Ref
	}
	return r[strings.LastIndexByte(r, '/')+1:]
}

// members returns the property names of s in ascending order.
func (s *schema) members() []string {
	names := make([]string, 0, len(s.Properties))
	for n := range s.Properties {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// reachable returns the names of the schemas reachable from roots through
// references, roots included.
func reachable(all map[string]*schema, roots []string) map[string]bool {
	seen := map[string]bool{}
	var visit func(name string)
	var walk func(s *schema)
	visit = func(name string) {
		if seen[name] || all[name] == nil {
			return
		}
		seen[name] = true
		walk(all[name])
	}
	walk = func(s *schema) {
		if s == nil {
			return
		}
		if r := s.ref(); r != "" {
			visit(r)
		}
		for _, a := range s.AllOf {
			walk(a)
		}
		walk(s.Items)
		walk(s.AdditionalProperties)
		for _, n := range s.members() {
			walk(s.Properties[n])
		}
	}
	for _, r := range roots {
		visit(r)
	}
	return seen
}
