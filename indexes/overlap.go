package indexes

import "strings"

// FirstOverlap reproduces the API server's check that status.failedIndexes
// and status.completedIndexes do not overlap (status validation, option
// RejectFailedIndexesOverlappingCompleted). It reports the index at which the
// API server says "failedIndexes and completedIndexes overlap at index: <n>".
//
// The walk is upstream's, including its leniency: if either string is empty
// there is no overlap; otherwise both lists are walked in order with two
// cursors, pieces that fail the strict per-piece checks of [Parse] are
// skipped (their error is reported by the format check), and at the first
// pair of pieces with cFirst <= fLast && fFirst <= cLast the answer is
// max(cFirst, fFirst); otherwise the cursor whose piece starts first advances
// (completed on ties). It does not allocate. Note that on unsorted input (which
// the format check rejects anyway) the walk can miss an overlap.
func FirstOverlap(completed, failed string, completions int32) (index int32, overlap bool) {
	if completed == "" || failed == "" {
		return 0, false
	}
	c := pieceCursor{rest: completed}
	f := pieceCursor{rest: failed}
	c.next(completions)
	f.next(completions)
	for !c.done && !f.done {
		switch {
		case c.err:
			c.next(completions)
		case f.err:
			f.next(completions)
		case c.first <= f.last && f.first <= c.last:
			return max(c.first, f.first), true
		case c.first <= f.first:
			c.next(completions)
		default:
			f.next(completions)
		}
	}
	return 0, false
}

// pieceCursor walks the ","-separated pieces of an index list, parsing each
// with the strict per-piece rules. done is set once next is called with no
// piece left.
type pieceCursor struct {
	rest        string
	exhausted   bool // rest holds no more pieces
	done        bool // the cursor is past the last piece
	err         bool // the current piece failed to parse
	first, last int32
}

func (p *pieceCursor) next(completions int32) {
	if p.exhausted {
		p.done = true
		return
	}
	piece, rest, more := strings.Cut(p.rest, ",")
	p.rest, p.exhausted = rest, !more
	first, last, e := parseStrictPiece(piece, completions)
	p.first, p.last, p.err = first, last, e.kind != pieceOK
}
