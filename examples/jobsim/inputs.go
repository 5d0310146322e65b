package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/jobkit/jobkit/job/manifest"
)

// stdinName names standard input (the argument "-") in results.
const stdinName = "<stdin>"

// source is one input file read whole: its name as shown in results, its
// bytes, or the error that kept it from being read.
type source struct {
	name string
	data []byte
	err  error
}

// inputs are the input arguments of validate and default: files,
// directories walked recursively for manifests, and "-" for standard input.
type inputs struct {
	// ignore are path.Match patterns (--ignore-path); a file or directory
	// whose slash path, or any trailing part of it, matches one is left
	// out of directory walks.
	ignore []string
	stdin  io.Reader
}

// isManifestName reports whether a walked file is read as a manifest.
func isManifestName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// checkPatterns reports the first malformed --ignore-path pattern.
func checkPatterns(patterns []string) error {
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("--ignore-path %q: %v", p, err)
		}
	}
	return nil
}

// ignored reports whether the slash path p, or one of its trailing
// sub-paths ("a/b/c", "b/c", "c"), matches an --ignore-path pattern; so
// "vendor" ignores every directory named vendor and "charts/*/values.yaml"
// every chart's values file.
func (in *inputs) ignored(p string) bool {
	p = filepath.ToSlash(p)
	for {
		for _, pat := range in.ignore {
			if ok, _ := path.Match(pat, p); ok {
				return true
			}
		}
		i := strings.IndexByte(p, '/')
		if i < 0 {
			return false
		}
		p = p[i+1:]
	}
}

// each calls fn with every input named by args, in argument order and,
// within a directory, in the order of filepath.WalkDir (lexical, depth
// first). A named file is read whatever its extension; directories
// contribute only *.yaml, *.yml and *.json files not ignored. A path that
// cannot be read is a source with an error, not a reason to stop. Each file
// is read (at most manifest.MaxInputBytes) just before fn sees it, so
// memory holds few files at once.
func (in *inputs) each(args []string, fn func(source)) {
	for _, arg := range args {
		if arg == "-" {
			fn(readSource(stdinName, in.stdin))
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err != nil:
			fn(source{name: arg, err: unwrapPathError(err)})
		case !info.IsDir():
			fn(readFile(arg))
		default:
			for _, s := range in.walk(arg) {
				if s.err == nil {
					s = readFile(s.name)
				}
				fn(s)
			}
		}
	}
}

// walk lists the manifest files under dir, unread, and the directories that
// could not be listed, with their error.
func (in *inputs) walk(dir string) []source {
	var out []source
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, source{name: p, err: unwrapPathError(err)})
			return nil // WalkDir skips the directory it could not read
		}
		if p != dir && in.ignored(p) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isManifestName(p) {
			out = append(out, source{name: p})
		}
		return nil
	})
	return out
}

func readFile(name string) source {
	f, err := os.Open(name)
	if err != nil {
		return source{name: name, err: unwrapPathError(err)}
	}
	defer f.Close()
	return readSource(name, f)
}

// readSource reads r whole, refusing more than manifest.MaxInputBytes (the
// API server's request limit).
func readSource(name string, r io.Reader) source {
	if r == nil {
		return source{name: name, err: errors.New("no standard input")}
	}
	data, err := io.ReadAll(io.LimitReader(r, manifest.MaxInputBytes+1))
	if err != nil {
		return source{name: name, err: unwrapPathError(err)}
	}
	if len(data) > manifest.MaxInputBytes {
		return source{name: name, err: fmt.Errorf("larger than %d bytes", manifest.MaxInputBytes)}
	}
	return source{name: name, data: data}
}

// unwrapPathError drops the operation and path of an *fs.PathError, which
// results already name ("read x.yaml: is a directory" becomes "is a
// directory").
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
