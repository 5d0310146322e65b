package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/jobkit/jobkit/validation"
)

func init() {
	register("validate", "validate manifests as the API server would (files, directories, -): a verdict per object; --help for flags", runValidate)
}

// Exit statuses of validate and default (and of the other commands where
// they apply).
const (
	exitOK         = 0 // every object valid (or nothing to do)
	exitInvalid    = 1 // some object invalid; simulate: the outcome differs from --expect
	exitUsage      = 2 // bad flags or arguments
	exitInputError = 3 // an input could not be read or parsed
)

const validateUsage = `usage: jobsim validate [flags] PATH...

Validates every batch/v1 Job and CronJob in the manifests at PATH as the
Kubernetes 1.37 API server would on create (or, with --update, on update):
defaulting, the generated name, selector and labels, then validation, with the
server's messages and the YAML line of each field. PATH is a file, a directory (walked recursively
for *.yaml, *.yml and *.json) or - for standard input. Files may hold several
YAML documents, JSON, and kind: List objects (each item is checked). Objects
of other kinds are skipped and counted.

Results go to standard output, one verdict per object, in input order (objects
are checked in parallel); errors reading or parsing input also go to standard
error.

Exit status:
  0  every object is valid (or skipped)
  1  some object is invalid
  2  usage error (bad flag or no PATH)
  3  an input could not be read or parsed (takes precedence over 1)

Flags:
`

// validateFlags are the flags of validate.
type validateFlags struct {
	output      string
	summary     bool
	workers     int
	ignore      stringList
	skipKinds   string
	rejectKinds string
	update      stringList
	status      bool
	namespace   string
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func (f *validateFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.output, "o", "text", "output format: text, json, junit, tap, sarif or github")
	fs.StringVar(&f.output, "output", "text", "same as -o")
	fs.BoolVar(&f.summary, "summary", false, "end with a summary: objects by verdict, skipped kinds")
	fs.IntVar(&f.workers, "j", runtime.GOMAXPROCS(0), "documents checked in parallel")
	fs.Var(&f.ignore, "ignore-path", "skip files and directories matching this glob while walking directories, e.g. vendor or 'charts/*/values.yaml' (repeatable)")
	fs.StringVar(&f.skipKinds, "skip-kinds", "", "comma-separated kinds to skip, as Kind or apiVersion/Kind (e.g. CronJob,v1/ConfigMap)")
	fs.StringVar(&f.rejectKinds, "reject-kinds", "", "comma-separated kinds that are invalid wherever they appear (e.g. Pod)")
	fs.Var(&f.update, "update", "validate as updates of the stored objects in this file or directory, matched by kind, namespace and name; unmatched objects are creates (repeatable)")
	fs.BoolVar(&f.status, "status", false, "with --update: validate writes of the status subresource")
	fs.StringVar(&f.namespace, "namespace", "default", "the request namespace (kubectl -n) of objects that name none")
	fs.StringVar(&f.namespace, "n", "default", "same as --namespace")
}

// newFlagSet returns a flag set whose -h/--help prints usage and the flags
// on stdout; other flag errors go to stderr.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // parseCommandFlags prints help or a hint
	return fs
}

// printHelp writes usage and the flag defaults to w.
func printHelp(w io.Writer, usage string, fs *flag.FlagSet) {
	fmt.Fprint(w, usage)
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

// parseCommandFlags parses args (flags may follow the paths) and handles
// --help. ok false means: return code.
func parseCommandFlags(fs *flag.FlagSet, usage string, args []string, stdout io.Writer) (paths []string, code int, ok bool) {
	paths, err := parseInterleaved(fs, args)
	if err == flag.ErrHelp {
		printHelp(stdout, usage, fs)
		return nil, exitOK, false
	}
	if err != nil {
		fmt.Fprintf(fs.Output(), "run 'jobsim %s --help' for usage\n", fs.Name())
		return nil, exitUsage, false
	}
	return paths, 0, true
}

// runValidate implements `jobsim validate [flags] PATH...`.
func runValidate(args []string, stdout, stderr io.Writer) int {
	return validateMain(args, os.Stdin, stdout, stderr)
}

func validateMain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var f validateFlags
	fs := newFlagSet("validate", stderr)
	f.register(fs)
	paths, code, ok := parseCommandFlags(fs, validateUsage, args, stdout)
	if !ok {
		return code
	}
	newReporter, known := reporters[f.output]
	switch {
	case len(paths) == 0:
		fmt.Fprintln(stderr, "jobsim validate: no PATH given (- reads standard input); run 'jobsim validate --help' for usage")
		return exitUsage
	case !known:
		fmt.Fprintf(stderr, "jobsim validate: unknown output format %q (want %s)\n", f.output, strings.Join(reporterNames, ", "))
		return exitUsage
	case f.status && len(f.update) == 0:
		fmt.Fprintln(stderr, "jobsim validate: --status needs --update OLD (the stored Jobs whose status is written)")
		return exitUsage
	case f.workers < 1:
		fmt.Fprintln(stderr, "jobsim validate: -j must be at least 1")
		return exitUsage
	}
	if err := checkPatterns(f.ignore); err != nil {
		fmt.Fprintf(stderr, "jobsim validate: %v\n", err)
		return exitUsage
	}
	in := &inputs{ignore: f.ignore, stdin: stdin}
	c := &checker{
		skip:      parseKinds(f.skipKinds),
		reject:    parseKinds(f.rejectKinds),
		namespace: f.namespace,
		status:    f.status,
		opts:      validation.DefaultOptions(),
	}
	if len(f.update) > 0 {
		old, err := loadStore(in, f.update, c)
		if err != nil {
			fmt.Fprintf(stderr, "jobsim validate: --update: %v\n", err)
			return exitInputError
		}
		c.old = old
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	defer out.Flush()
	rep := newReporter(out, f.summary)
	var sum summary
	p := pipeline[[]verdict]{
		in:      in,
		workers: f.workers,
		process: c.checkChunk,
		failed: func(s source) []verdict {
			return []verdict{inputError(s.name, 0, s.err, typeRead)}
		},
	}
	p.run(paths, func(file string, vs []verdict) {
		if file != "" {
			sum.Files++
		}
		for i := range vs {
			v := &vs[i]
			sum.add(v)
			if v.Status == statusError {
				// Flushed first, so that on a terminal the error shows
				// where it belongs among the results.
				out.Flush()
				fmt.Fprintf(stderr, "jobsim: %s\n", errorLine(v))
			}
			rep.verdict(v)
		}
	})
	rep.finish(&sum)
	return sum.exitCode()
}

// checkChunk parses one document and checks its objects.
func (c *checker) checkChunk(ch chunk) []verdict {
	objs, err := parseChunk(ch)
	if err != nil {
		return []verdict{inputError(ch.src.name, ch.doc, err, typeParse)}
	}
	out := make([]verdict, len(objs))
	for i := range objs {
		out[i] = c.check(&objs[i])
	}
	return out
}

// errorLine renders an input error for standard error:
// "dir/x.yaml:3: document 2: invalid YAML: ...".
func errorLine(v *verdict) string {
	s := location(v.File, v.Line) + ": "
	if pos := v.position(); pos != "" {
		s += pos + ": "
	}
	return s + v.Message
}
