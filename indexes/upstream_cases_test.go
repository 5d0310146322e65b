package indexes_test

// Pure index-set cases translated from upstream's indexed_job_utils_test.go
// (kubernetes/kubernetes pkg/controller/job, commit 4a37f009):
// TestIntervalsHaveIndex (orderedIntervals.has → Set.Has), the status
// parsing inside TestCalculateSucceededIndexes and TestCalculateFailedIndexes
// (parseIndexesFromString → ParseLenient), the union and its text form
// (withOrderedIndexes + String → Union + String) and TestFirstPendingIndexes
// (firstPendingIndexes → FirstMissing over succeeded, failed and active).

import (
	"slices"
	"testing"

	"github.com/jobkit/jobkit/indexes"
)

func TestUpstreamIntervalsHaveIndex(t *testing.T) {
	tests := []struct {
		name string
		set  indexes.Set
		ix   int32
		want bool
	}{
		{"empty", indexes.Set{}, 4, false},
		{"before all", indexes.FromIntervals(indexes.Interval{First: 2, Last: 4}, indexes.Interval{First: 5, Last: 7}), 1, false},
		{"after all", indexes.FromIntervals(indexes.Interval{First: 2, Last: 4}, indexes.Interval{First: 6, Last: 8}), 9, false},
		{"in between", indexes.FromIntervals(indexes.Interval{First: 2, Last: 4}, indexes.Interval{First: 6, Last: 8}), 5, false},
		{"in first", indexes.FromIntervals(indexes.Interval{First: 2, Last: 4}, indexes.Interval{First: 6, Last: 8}), 2, true},
		{"in second", indexes.FromIntervals(indexes.Interval{First: 2, Last: 4}, indexes.Interval{First: 6, Last: 8}), 8, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.set.Has(tc.ix); got != tc.want {
				t.Errorf("%v.Has(%d) = %v, want %v", tc.set, tc.ix, got, tc.want)
			}
		})
	}
}

func TestUpstreamParseStatusIndexes(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		completions int32
		want        []indexes.Interval
	}{
		{"prev interval out of range", "0-5,8-10", 8, []indexes.Interval{{First: 0, Last: 5}}},
		{"prev interval partially out of range", "0-5,8-10", 10, []indexes.Interval{{First: 0, Last: 5}, {First: 8, Last: 9}}},
		{"prev and new separate", "0,4,5,10-12", 13, []indexes.Interval{{First: 0, Last: 0}, {First: 4, Last: 5}, {First: 10, Last: 12}}},
		{"prev between new", "3,4,6", 9, []indexes.Interval{{First: 3, Last: 4}, {First: 6, Last: 6}}},
		{"new between prev", "2,7,8", 9, []indexes.Interval{{First: 2, Last: 2}, {First: 7, Last: 8}}},
		{"new within prev", "2-7", 10, []indexes.Interval{{First: 2, Last: 7}}},
		{"corrupted interval", "0,1-foo,bar", 4, []indexes.Interval{{First: 0, Last: 0}}},
		{"prev failed indexes empty", "", 2, nil},
		{"prev failed indexes outside the completions", "9", 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := indexes.ParseLenient(tc.text, tc.completions).Intervals()
			if !slices.Equal(got, tc.want) {
				t.Errorf("ParseLenient(%q, %d) = %v, want %v", tc.text, tc.completions, got, tc.want)
			}
		})
	}
}

func TestUpstreamUnionText(t *testing.T) {
	tests := []struct {
		name        string
		prev        string
		add         []int32
		completions int32
		want        string
	}{
		{"one index", "", []int32{1}, 2, "1"},
		{"two separate", "", []int32{5, 5, 10}, 11, "5,10"},
		{"two intervals", "", []int32{2, 3, 5, 6, 7}, 8, "2,3,5-7"},
		{"one index and one interval", "", []int32{0, 2, 3, 4, 5}, 6, "0,2-5"},
		{"prev and new separate", "0,4,5,10-12", []int32{2, 7, 8}, 13, "0,2,4,5,7,8,10-12"},
		{"prev between new", "3,4,6", []int32{2, 7, 8}, 9, "2-4,6-8"},
		{"new between prev", "2,7,8", []int32{3, 4, 6}, 9, "2-4,6-8"},
		{"new within prev", "2-7", []int32{0, 3, 5, 9}, 10, "0,2-7,9"},
		{"corrupted interval", "0,1-foo,bar", []int32{3}, 4, "0,3"},
		{"extend the failed indexes", "0", []int32{1}, 2, "0,1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := indexes.ParseLenient(tc.prev, tc.completions).Union(indexes.FromIndexes(tc.add...)).String()
			if got != tc.want {
				t.Errorf("union = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestUpstreamFirstPendingIndexes(t *testing.T) {
	tests := []struct {
		name        string
		cnt         int
		completions int32
		active      []int32 // valid indexes of active pods (upstream's unknown and negative ones are dropped)
		succeeded   string
		failed      string
		want        []int32
	}{
		{name: "cnt greater than completions", cnt: 5, completions: 3, want: []int32{0, 1, 2}},
		{name: "cnt less than completions", cnt: 2, completions: 5, want: []int32{0, 1}},
		{name: "first pods active", cnt: 3, completions: 10, active: []int32{0, 1}, want: []int32{2, 3, 4}},
		{name: "last pods active or succeeded", cnt: 6, completions: 6, active: []int32{6}, succeeded: "4,5", want: []int32{0, 1, 2, 3}},
		{name: "mixed", cnt: 5, completions: 20, active: []int32{3, 5, 8}, succeeded: "2-4,9", want: []int32{0, 1, 6, 7, 10}},
		{name: "with failed indexes", cnt: 5, completions: 20, active: []int32{3, 9}, succeeded: "1,5,9", failed: "2,6,7",
			want: []int32{0, 4, 8, 10, 11}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := indexes.FirstMissing(tc.cnt, tc.completions,
				indexes.ParseLenient(tc.succeeded, tc.completions),
				indexes.ParseLenient(tc.failed, tc.completions),
				indexes.FromIndexes(tc.active...))
			if !slices.Equal(got, tc.want) {
				t.Errorf("FirstMissing = %v, want %v", got, tc.want)
			}
		})
	}
}
