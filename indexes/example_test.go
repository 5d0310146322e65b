package indexes_test

import (
	"fmt"

	"github.com/jobkit/jobkit/indexes"
)

func ExampleParse() {
	s, err := indexes.Parse("1,3-5,7", 10)
	fmt.Println(s, s.Len(), err)

	// Non-maximal but ordered forms are accepted and canonicalised.
	s, err = indexes.Parse("1,2,3,+5,007", 10)
	fmt.Println(s, err)

	// Errors carry the API server's exact detail.
	_, err = indexes.Parse("0-5,8-10", 10)
	fmt.Println(err)
	_, err = indexes.Parse("3,1", 10)
	fmt.Println(err)
	_, err = indexes.Parse("-1", 10)
	fmt.Println(err)
	// Output:
	// 1,3-5,7 5 <nil>
	// 1-3,5,7 <nil>
	// too large index: "10"
	// non-increasing order, previous: 3, current: 1
	// cannot convert string to integer for index: ""
}

func ExampleParseLenient() {
	// Unparsable pieces are skipped.
	fmt.Printf("%q\n", indexes.ParseLenient("0,1-foo,bar", 4))
	// Parsing stops at an index >= completions and clips the last interval:
	// lowering completions of an elastic Job shrinks the set.
	fmt.Printf("%q\n", indexes.ParseLenient("0-5,8-10", 8))
	fmt.Printf("%q\n", indexes.ParseLenient("0-5,8-10", 10))
	// Out-of-order pieces are read as upstream's controller folds them: a
	// piece starting before the end of the previous interval is dropped
	// unless it extends it.
	fmt.Printf("%q\n", indexes.ParseLenient("5,3,3", 10))
	// Output:
	// "0"
	// "0-5"
	// "0-5,8,9"
	// "5"
}

func ExampleSet_String() {
	fmt.Printf("%q\n", indexes.FromIndexes(7, 1, 5, 4, 3))
	fmt.Printf("%q\n", indexes.FromIndexes(0, 1))
	fmt.Printf("%q\n", indexes.FromIndexes(0, 1, 2))
	fmt.Printf("%q\n", indexes.Set{})
	// Output:
	// "1,3-5,7"
	// "0,1"
	// "0-2"
	// ""
}

func ExampleFirstMissing() {
	succeeded := indexes.ParseLenient("0-2,5", 10)
	failed := indexes.ParseLenient("3", 10)
	active := indexes.FromIndexes(4, 6)
	// The next three indexes to create pods for.
	fmt.Println(indexes.FirstMissing(3, 10, succeeded, failed, active))

	// Huge intervals are jumped over, not walked.
	done := indexes.ParseLenient("0-2147483644", 2147483647)
	fmt.Println(indexes.FirstMissing(5, 2147483647, done))
	// Output:
	// [7 8 9]
	// [2147483645 2147483646]
}

func ExampleBuilder() {
	var b indexes.Builder
	for _, podIndex := range []int32{9, 2, 4, 3, 2} {
		b.Add(podIndex)
	}
	completed := indexes.ParseLenient("0,1", 10).Union(b.Set())
	fmt.Println(completed, completed.Len())
	// Output:
	// 0-4,9 6
}

func ExampleFirstOverlap() {
	i, overlap := indexes.FirstOverlap("2-4", "0,2", 5)
	fmt.Println(i, overlap)
	// Output:
	// 2 true
}
