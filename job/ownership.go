package job

import (
	"fmt"
	"slices"

	"github.com/jobkit/jobkit/job/metav1"
)

// claimPods decides which of the observed pods belong to the Job (§3, end)
// and classifies them into s.recs, in memory order (see inAddressOrder). It appends AdoptPod and
// ReleasePod actions ordered by pod name, then UID.
//
//   - A pod in another namespace is ignored.
//   - A pod whose controller owner reference has another UID is ignored.
//   - A pod controlled by the Job is kept when it matches spec.selector.
//     Otherwise it is released (ReleasePod: owner reference and tracking
//     finalizer removed) and excluded, unless the Job is being deleted, in
//     which case it is only excluded.
//   - An orphan (no controller reference) that matches the selector, is not
//     being deleted, while the Job is not being deleted, is adopted
//     (AdoptPod) and kept; it counts as carrying the tracking finalizer in
//     this sync since the adoption patch adds it.
//
// The selector semantics are those of LabelSelector.Matches; a malformed
// selector is an error naming spec.selector.
func (s *syncer) claimPods(pods []*Pod) error {
	j := s.job
	sel, err := compileSelector(j.Spec.Selector)
	if err != nil {
		return err
	}
	pods = inAddressOrder(pods)
	s.observeExpectations(pods, &sel)
	var claims []claim
	s.recs, claims, s.warmSink = s.claimInParallel(pods, &sel)
	slices.SortFunc(claims, func(a, b claim) int { return cmpNameUID(a.pod, b.pod) })
	for _, c := range claims {
		if c.adopt {
			s.actions = append(s.actions, AdoptPod{Pod: refOf(c.pod)})
		} else {
			s.actions = append(s.actions, ReleasePod{Pod: refOf(c.pod)})
		}
	}
	return nil
}

// claimRange claims and classifies pods (one part of the input, in memory
// order) against the compiled selector sel, returning the kept pods'
// records and the adoptions and releases, both in the order of pods, and
// warm's sum. It only reads s, so parts of the input can be claimed
// concurrently.
func (s *syncer) claimRange(pods []*Pod, sel *podSelector) (recs []podRec, claims []claim, sink int) {
	j := s.job
	recs = make([]podRec, 0, len(pods))
	var chunk warmChunkData
	for i, p := range pods {
		if i%warmChunk == 0 {
			sink += warm(pods[i:min(i+warmChunk, len(pods))], s.indexed, sel, &chunk)
		}
		ix, match := chunk.index[i%warmChunk], chunk.match[i%warmChunk]
		if p.Namespace != j.Namespace {
			continue
		}
		ref := p.ControllerRef()
		if ref != nil && ref.UID != j.UID {
			continue
		}
		adopt := ref == nil && match && !s.jobDeleting && p.DeletionTimestamp == nil
		finPending := s.exp.pendingFin != nil && s.exp.pendingFin[p.UID]
		switch {
		case ref != nil && match:
			recs = append(recs, s.classify(p, false, ix, finPending))
		case ref != nil:
			if !s.jobDeleting {
				claims = append(claims, claim{pod: p})
			}
		case adopt:
			claims = append(claims, claim{pod: p, adopt: true})
			recs = append(recs, s.classify(p, true, ix, finPending))
		}
	}
	return recs, claims, sink
}

// refOf names p.
func refOf(p *Pod) PodRef { return PodRef{Namespace: p.Namespace, Name: p.Name, UID: p.UID} }

// podSelector is the Job's selector compiled for matching many pods.
type podSelector = metav1.CompiledSelector

// compileSelector checks sel and compiles it; a malformed requirement is an
// error naming spec.selector.matchExpressions[i].
func compileSelector(sel *LabelSelector) (podSelector, error) {
	c, err := sel.Compile()
	if err != nil {
		return podSelector{}, fmt.Errorf("spec.selector.%w", err)
	}
	return c, nil
}

// claim is an adoption or a release decided by claimPods.
type claim struct {
	pod   *Pod
	adopt bool // else release
}
