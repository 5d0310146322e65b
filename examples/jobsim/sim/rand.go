package sim

import "math"

// rng is a splitmix64 pseudo-random generator (Steele, Lea and Flood,
// "Fast splittable pseudorandom number generators", 2014). It is small,
// fast and fully determined by its state, which is all the simulation
// needs: the same seed gives the same sequence on every platform.
type rng struct{ state uint64 }

// next returns the next 64 random bits.
func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a uniform number in [0, 1) with 53 random bits.
func (r *rng) float() float64 {
	return float64(r.next()>>11) / (1 << 53)
}

// podRNG returns the generator of one pod: its state mixes the run's seed
// with the FNV-1a hash of the pod's name, so a pod's fate depends only on
// the seed and its name, never on the order in which other pods were
// created or finished.
func podRNG(seed uint64, name string) *rng {
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	r := &rng{state: seed ^ h}
	r.next() // decorrelate neighbouring states
	return r
}

// exponential returns an exponentially distributed number with the given
// mean (inverse transform sampling).
func (r *rng) exponential(mean float64) float64 {
	return -mean * math.Log(1-r.float())
}
