package indexes

// FirstMissing returns, in ascending order, the k smallest indexes in [0, n)
// that are in none of the exclude sets (fewer if there are not that many;
// nil when k <= 0 or n <= 0). This is how the controller picks the indexes to
// create pods for: not succeeded, not failed, without an active pod.
//
// It jumps over excluded intervals instead of testing indexes one by one and
// finds its place in each set by binary search, so it runs in
// O(k·m·log I) for m sets of up to I intervals, whatever their sizes: FirstMissing(1, math.MaxInt32, FromIntervals(Interval{0,
// math.MaxInt32 - 2})) returns [2147483646] at once. It allocates the result
// only.
func FirstMissing(k int, n int32, exclude ...Set) []int32 {
	if k <= 0 || n <= 0 {
		return nil
	}
	var posBuf [8]int // cursors into exclude, on the stack for up to 8 sets
	var pos []int
	if len(exclude) > len(posBuf) {
		pos = make([]int, len(exclude))
	} else {
		pos = posBuf[:len(exclude)]
	}
	out := make([]int32, 0, min(k, int(n), 1024))
	x := int64(0) // next candidate
	for len(out) < k && x < int64(n) {
		// Move x past every excluded interval covering it; repeat until no
		// set covers x (each move passes at least one interval for good).
		for moved := true; moved; {
			moved = false
			for e := range exclude {
				iv := exclude[e].iv
				p := pos[e]
				if p < len(iv) && int64(iv[p].Last) < x {
					// Skip the intervals ending before x: usually the
					// next one, otherwise by binary search.
					p++
					if p < len(iv) && int64(iv[p].Last) < x {
						p += searchLast(iv[p:], x)
					}
				}
				pos[e] = p
				if p < len(iv) && int64(iv[p].First) <= x {
					x = int64(iv[p].Last) + 1
					moved = true
				}
			}
		}
		if x >= int64(n) {
			break
		}
		out = append(out, int32(x))
		x++
	}
	return out
}

// searchLast returns the position of the first interval of iv whose Last is
// >= x, or len(iv).
func searchLast(iv []Interval, x int64) int {
	lo, hi := 0, len(iv)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int64(iv[mid].Last) < x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
