package main

import (
	"errors"
	"sync"

	"github.com/jobkit/jobkit/job/manifest"
)

// pipeline parses and processes the documents of the inputs on several
// goroutines and hands the results back in input order: file by file in
// argument order, document by document within a file.
type pipeline[R any] struct {
	in      *inputs
	workers int
	// process turns one document into a result; it runs on the workers
	// and must not share mutable state.
	process func(chunk) R
	// failed is the result for a source that could not be read.
	failed func(source) R
}

// future is one unit of work: a document to process, or a source that
// could not be read (done at once). Futures are consumed in the order they
// were made.
type future[R any] struct {
	c chunk
	// file is the name of the source the future starts, "" when it
	// continues the previous future's source.
	file   string
	result R
	done   chan struct{}
}

// run feeds every document of args to the workers and calls emit with each
// result in input order, on the calling goroutine. An empty file yields a
// single call with the zero R. emit's first argument is the name of the
// file a result starts ("" when the result continues the previous file).
func (p *pipeline[R]) run(args []string, emit func(file string, r R)) {
	workers := max(p.workers, 1)
	work := make(chan *future[R], workers)
	// ordered bounds the work in flight: a slow document holds back at
	// most this many finished ones.
	ordered := make(chan *future[R], 16*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for f := range work {
				f.result = p.process(f.c)
				close(f.done)
			}
		})
	}
	go func() {
		defer close(ordered)
		defer close(work)
		p.in.each(args, func(s source) {
			if s.err != nil {
				f := &future[R]{file: s.name, result: p.failed(s), done: make(chan struct{})}
				close(f.done)
				ordered <- f
				return
			}
			chunks := splitDocuments(&s)
			if len(chunks) == 0 {
				f := &future[R]{file: s.name, done: make(chan struct{})}
				close(f.done)
				ordered <- f
				return
			}
			for i, c := range chunks {
				f := &future[R]{c: c, done: make(chan struct{})}
				if i == 0 {
					f.file = s.name
				}
				ordered <- f
				work <- f
			}
		})
	}()
	for f := range ordered {
		<-f.done
		emit(f.file, f.result)
	}
	wg.Wait()
}

// inputError is the verdict of an input that could not be read (the
// source's error) or a document that could not be parsed (a
// *manifest.Error with its line).
func inputError(file string, doc int, err error, typ string) verdict {
	v := verdict{File: file, Document: doc, Status: statusError, Message: err.Error()}
	p := problem{Type: typ, Message: err.Error()}
	var me *manifest.Error
	if errors.As(err, &me) {
		plain := *me
		plain.Line, plain.Column = 0, 0
		v.Line, p.Line, p.Field = me.Line, me.Line, me.Path
		v.Message, p.Message = plain.Error(), plain.Error()
	}
	v.Errors = []problem{p}
	return v
}
