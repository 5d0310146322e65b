package validation

// smallSetInline is how many elements a smallSet holds before it builds a
// map.
const smallSetInline = 16

// smallSet is a set for duplicate checks on lists of any length: up to
// smallSetInline elements live in an inline array and are scanned, so the
// typical short list allocates nothing; past that it switches to a map, so
// huge untrusted lists stay linear. The zero value is an empty set.
type smallSet[T comparable] struct {
	inline [smallSetInline]T
	n      int            // elements in inline, while m is nil
	m      map[T]struct{} // all elements, once built
}

// has reports whether v is in the set.
func (s *smallSet[T]) has(v T) bool {
	if s.m != nil {
		_, ok := s.m[v]
		return ok
	}
	for _, x := range s.inline[:s.n] {
		if x == v {
			return true
		}
	}
	return false
}

// add inserts v and reports whether it was absent.
func (s *smallSet[T]) add(v T) bool {
	if s.has(v) {
		return false
	}
	switch {
	case s.m != nil:
	case s.n < smallSetInline:
		s.inline[s.n] = v
		s.n++
		return true
	default:
		s.m = make(map[T]struct{}, 2*smallSetInline)
		for _, x := range s.inline {
			s.m[x] = struct{}{}
		}
	}
	s.m[v] = struct{}{}
	return true
}
