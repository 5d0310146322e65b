// Command gen writes package corev1's zz_generated_*.go files: jobkit's Go
// types for every core/v1 schema reachable from batch/v1 Job and CronJob in
// the published OpenAPI v3 document of Kubernetes v1.37.2, with their JSON
// methods (where a type keeps unknown members) and deep copies.
//
// It reads the schema only. What the schema does not say (Go names,
// pointer-ness, named types, embedded structs) is in config.go. The document
// is located in the module cache with `go mod download -json
// k8s.io/kubernetes@v1.37.2`, so a fresh machine needs only network access
// to the module proxy; -spec names a file instead.
//
// Usage (from job/corev1, as its go:generate directive does):
//
//	go run ./internal/gen [-spec FILE] [-out DIR]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// kubernetesModule is the module whose OpenAPI document is read.
const kubernetesModule = "k8s.io/kubernetes@v1.37.2"

// specPath is the document inside that module.
const specPath = "api/openapi-spec/v3/apis__batch__v1_openapi.json"

func main() {
	spec := flag.String("spec", "", "OpenAPI v3 document (default: "+specPath+" of "+kubernetesModule+")")
	out := flag.String("out", ".", "directory to write the generated files to")
	flag.Parse()
	if err := run(*spec, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(spec, out string) error {
	if spec == "" {
		dir, err := moduleDir(kubernetesModule)
		if err != nil {
			return err
		}
		spec = filepath.Join(dir, filepath.FromSlash(specPath))
	}
	data, err := os.ReadFile(spec)
	if err != nil {
		return err
	}
	var doc document
	if err := json.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w", spec, err)
	}
	m, err := buildModel(doc.Components.Schemas)
	if err != nil {
		return err
	}
	files := map[string]func(*model) ([]byte, error){
		"zz_generated_types.go":    emitTypes,
		"zz_generated_json.go":     emitJSON,
		"zz_generated_deepcopy.go": emitDeepCopy,
	}
	for name, emit := range files {
		src, err := emit(m)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(out, name), src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// moduleDir downloads (or finds in the module cache) mod and returns its
// directory.
func moduleDir(mod string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", mod)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v: %s", mod, err, stderr.Bytes())
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(b, &info); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", mod, err)
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", mod, info.Error)
	}
	return info.Dir, nil
}
