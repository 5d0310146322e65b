// Package kube holds the tests that prove jobkit's API model against the
// upstream Go types (k8s.io/api, k8s.io/apimachinery v0.37.2). It is a
// module of its own so that jobkit itself never depends on them.
package kube
