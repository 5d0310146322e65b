package field

import "strings"

// ErrorList holds field errors in the order they were found. Validation
// functions append to it and never reorder it; duplicates are kept (the API
// server keeps them in the Status causes and drops them only from the
// message, see ToAggregate).
type ErrorList []*Error

// ToAggregate returns the list as one error whose message is the API
// server's aggregate text, or nil when the list has no (non-nil) errors.
//
// Rules, as apimachinery's ToAggregate and aggregate error:
//
//  1. nil entries are skipped;
//  2. errors whose rendered Error() text equals that of an earlier error are
//     dropped, keeping first-occurrence order;
//  3. one remaining error renders as its own text;
//  4. several render as "[" + texts joined by ", " + "]".
//
// The returned error's Errors method lists the kept errors; errors.Is and
// errors.As see each of them.
func (list ErrorList) ToAggregate() Aggregate {
	if len(list) == 0 {
		return nil
	}
	seen := make(map[string]struct{}, len(list))
	agg := aggregate{errs: make([]error, 0, len(list))}
	for _, e := range list {
		if e == nil {
			continue
		}
		msg := e.Error()
		if _, dup := seen[msg]; dup {
			continue
		}
		seen[msg] = struct{}{}
		agg.errs = append(agg.errs, e)
		agg.msgs = append(agg.msgs, msg)
	}
	if len(agg.errs) == 0 {
		return nil
	}
	return agg
}

// ByType returns the errors of list whose type is one of types, in order.
// It returns nil when none match.
func (list ErrorList) ByType(types ...ErrorType) ErrorList {
	var out ErrorList
	for _, e := range list {
		if e == nil {
			continue
		}
		for _, t := range types {
			if e.Type == t {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// Aggregate is an error made of several distinct errors (see
// [ErrorList.ToAggregate]).
type Aggregate interface {
	error
	// Errors returns the distinct errors, in first-occurrence order.
	Errors() []error
}

type aggregate struct {
	errs []error
	msgs []string
}

func (a aggregate) Error() string {
	switch len(a.msgs) {
	case 0:
		return ""
	case 1:
		return a.msgs[0]
	}
	n := 2 + 2*(len(a.msgs)-1)
	for _, m := range a.msgs {
		n += len(m)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteByte('[')
	for i, m := range a.msgs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m)
	}
	b.WriteByte(']')
	return b.String()
}

func (a aggregate) Errors() []error { return append([]error(nil), a.errs...) }

// Unwrap lets errors.Is and errors.As look at every kept error.
func (a aggregate) Unwrap() []error { return a.Errors() }
