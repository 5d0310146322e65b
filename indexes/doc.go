// Package indexes is the wire format and the arithmetic of Job index sets:
// status.completedIndexes, status.failedIndexes and
// spec.successPolicy.rules[].succeededIndexes of a batch/v1 Indexed Job.
//
// # Text format
//
// An index set is written as a comma-separated list of ascending intervals.
// A single index is written "N"; two consecutive indexes are written "N,N+1"
// (a comma, not a range); three or more consecutive indexes are written
// "First-Last". The empty set is the empty string. For example the set
// {1, 3, 4, 5, 7, 9, 10} is written "1,3-5,7,9,10". [Set.String] always
// produces this canonical form, which is exactly what the Job controller
// writes.
//
// Two parsers read the format:
//
//   - [Parse] is the API server's strict check (status and success-policy
//     validation). It rejects anything that is not a strictly increasing list
//     of intervals below completions and reports the API server's exact
//     message, but it accepts non-maximal forms such as "1,2,3" or "1-2",
//     leading zeros ("007") and a leading plus sign ("+5").
//   - [ParseLenient] is the Job controller's tolerant reader: it skips pieces
//     it cannot parse, stops at the first interval that starts at or beyond
//     completions and clips an interval that ends beyond it. This is how
//     lowering spec.completions of an elastic Indexed Job shrinks the sets.
//
// Whenever Parse succeeds, ParseLenient returns the same set.
//
// # Invariants
//
// A [Set] is a value: a sorted list of disjoint, non-adjacent [Interval]s with
// 0 <= First <= Last <= math.MaxInt32 and iv[i].Last+1 < iv[i+1].First. The
// zero value is the empty set. Memory is proportional to the number of
// intervals, never to the largest index: "0-2147483646" is one interval of
// 2,147,483,647 indexes. Sets are immutable: every operation returns a new
// Set and never writes to a backing array another Set may share, so Sets may
// be copied, shared and used from several goroutines freely. Negative indexes
// are not representable in the format and are ignored by every constructor.
package indexes
