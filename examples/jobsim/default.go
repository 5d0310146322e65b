package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
	"github.com/jobkit/jobkit/validation"
)

func init() {
	register("default", "print the Jobs of manifests as the API server would store them (YAML or JSON); --help for flags", runDefault)
}

const defaultUsage = `usage: jobsim default [flags] PATH...

Prints every batch/v1 Job and CronJob in the manifests at PATH as the
Kubernetes 1.37 API server would store it on create: defaulted, in its namespace, with the
generated selector and labels and the create strategy applied (--create=false:
only the defaulter, SetDefaults_Job). PATH is as for validate: files,
directories, - for standard input; multi-document YAML, JSON and kind: List.
Objects of other kinds are left out.

YAML output separates objects with ---; JSON output is the object, or a
kind: List of them when there are several.

An invalid Job is printed all the same, with its errors on standard error.

Exit status: 0 every Job valid; 1 some Job invalid (or not decodable);
2 usage error; 3 an input could not be read or parsed.

Flags:
`

// defaulted is one Job of the input, encoded, or why it is not.
type defaulted struct {
	out []byte
	j   *job.Job // a Job's stored object (nil for a CronJob)
	// v is the verdict of the object: valid, invalid (then printed with
	// its errors on standard error) or skipped.
	v verdict
}

// runDefault implements `jobsim default [flags] PATH...`.
func runDefault(args []string, stdout, stderr io.Writer) int {
	return defaultMain(args, os.Stdin, stdout, stderr)
}

func defaultMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("default", stderr)
	create := fs.Bool("create", true, "apply the create handling (namespace, selector, labels, create strategy); false: only the defaulter")
	format := fs.String("o", "yaml", "output format: yaml or json")
	workers := fs.Int("j", runtime.GOMAXPROCS(0), "documents handled in parallel")
	namespace := fs.String("namespace", "default", "the request namespace (kubectl -n) of Jobs that name none")
	var ignore stringList
	fs.Var(&ignore, "ignore-path", "skip matching files and directories while walking directories (repeatable)")
	paths, code, ok := parseCommandFlags(fs, defaultUsage, args, stdout)
	if !ok {
		return code
	}
	switch {
	case len(paths) == 0:
		fmt.Fprintln(stderr, "jobsim default: no PATH given (- reads standard input); run 'jobsim default --help' for usage")
		return exitUsage
	case *format != "yaml" && *format != "json":
		fmt.Fprintf(stderr, "jobsim default: unknown output format %q (want yaml or json)\n", *format)
		return exitUsage
	}
	if err := checkPatterns(ignore); err != nil {
		fmt.Fprintf(stderr, "jobsim default: %v\n", err)
		return exitUsage
	}
	c := &checker{namespace: *namespace, opts: validation.DefaultOptions()}
	p := pipeline[[]defaulted]{
		in:      &inputs{ignore: ignore, stdin: stdin},
		workers: *workers,
		process: func(ch chunk) []defaulted { return c.defaultChunk(ch, *create, *format) },
		failed: func(s source) []defaulted {
			return []defaulted{{v: inputError(s.name, 0, s.err, typeRead)}}
		},
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	var sum summary
	var jsonItems [][]byte
	printed := 0
	p.run(paths, func(file string, ds []defaulted) {
		for _, d := range ds {
			sum.add(&d.v)
			switch d.v.Status {
			case statusError:
				fmt.Fprintf(stderr, "jobsim: %s\n", errorLine(&d.v))
			case statusInvalid:
				fmt.Fprintf(stderr, "jobsim: %s: %s: %s: %s\n", location(d.v.File, d.v.Line), d.v.position(), d.v.subject(), d.v.Message)
			}
			if d.out == nil {
				continue
			}
			if *format == "json" {
				jsonItems = append(jsonItems, bytes.TrimSuffix(d.out, []byte("\n")))
				continue
			}
			if printed > 0 {
				out.WriteString("---\n")
			}
			out.Write(d.out)
			printed++
		}
	})
	if *format == "json" {
		writeJSONObjects(out, jsonItems)
	}
	return sum.exitCode()
}

// writeJSONObjects writes one object as it is, several as a kind: List.
func writeJSONObjects(w *bufio.Writer, items [][]byte) {
	switch len(items) {
	case 0:
		return
	case 1:
		w.Write(items[0])
		w.WriteString("\n")
		return
	}
	w.WriteString("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n")
	for i, it := range items {
		if i > 0 {
			w.WriteString(",\n")
		}
		w.Write(it)
	}
	w.WriteString("\n  ]\n}\n")
}

// defaultChunk parses one document and defaults its Jobs.
func (c *checker) defaultChunk(ch chunk, create bool, format string) []defaulted {
	objs, err := parseChunk(ch)
	if err != nil {
		return []defaulted{{v: inputError(ch.src.name, ch.doc, err, typeParse)}}
	}
	out := make([]defaulted, 0, len(objs))
	for i := range objs {
		o := &objs[i]
		d := defaulted{v: verdictFor(o)}
		if o.apiVersion == "batch/v1" && o.kind == "CronJob" {
			out = append(out, c.defaultCronJob(o, d, create, format))
			continue
		}
		if o.kind != "Job" || o.apiVersion != "batch/v1" {
			d.v.Status = statusSkipped
			out = append(out, d)
			continue
		}
		j := new(job.Job)
		if err := manifest.DecodeNode(o.root, j); err != nil {
			c.decodeFailed(o, &d.v, err)
			out = append(out, d)
			continue
		}
		if create {
			if d.j = c.create(o, &d.v, j); d.j == nil {
				out = append(out, d) // refused: nothing would be stored
				continue
			}
		} else {
			d.j = defaults.Job(j)
			d.v.Status = statusValid
		}
		out = append(out, encodeDefaulted(o, d, d.j, format))
	}
	return out
}

// defaultCronJob defaults (or creates) the CronJob of o.
func (c *checker) defaultCronJob(o *object, d defaulted, create bool, format string) defaulted {
	if create {
		cj := c.checkCronJob(o, &d.v)
		if cj == nil {
			return d
		}
		return encodeDefaulted(o, d, cj, format)
	}
	cj := new(job.CronJob)
	if err := manifest.DecodeNode(o.root, cj); err != nil {
		c.decodeFailed(o, &d.v, err)
		return d
	}
	d.v.Status = statusValid
	return encodeDefaulted(o, d, defaults.CronJob(cj), format)
}

// encodeDefaulted encodes the object obj into d.out.
func encodeDefaulted(o *object, d defaulted, obj any, format string) defaulted {
	var err error
	if format == "json" {
		d.out, err = manifest.EncodeJSON(obj)
	} else {
		d.out, err = manifest.EncodeYAML(obj)
	}
	if err != nil {
		d.v = inputError(o.file, o.doc, err, typeParse)
	}
	return d
}
