package job

import "sync"

// parallelClaimMinPods is the number of observed pods from which claimPods
// splits the scan across Config.ScanWorkers goroutines: below it, starting
// and joining a goroutine costs more than the half scan it saves.
const parallelClaimMinPods = 2048

// claimInParallel runs claimRange over pods, split into at most
// s.cfg.ScanWorkers contiguous parts of equal size, each on its own
// goroutine (the first on the caller's), and joins the parts in input
// order. The result is exactly that of one claimRange over all of pods:
// records and claims keep the order of pods. The scan is bound by memory
// latency (every pod's labels, owner references and conditions are cache
// misses), so two cores scanning halves nearly halve its time.
func (s *syncer) claimInParallel(pods []*Pod, sel *podSelector) ([]podRec, []claim, int) {
	workers := s.cfg.ScanWorkers
	if workers <= 1 || len(pods) < parallelClaimMinPods {
		return s.claimRange(pods, sel)
	}
	workers = min(workers, len(pods)/(parallelClaimMinPods/2))
	type part struct {
		recs   []podRec
		claims []claim
		sink   int
	}
	parts := make([]part, workers)
	size := (len(pods) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		lo, hi := w*size, min((w+1)*size, len(pods))
		wg.Go(func() {
			p := &parts[w]
			p.recs, p.claims, p.sink = s.claimRange(pods[lo:hi], sel)
		})
	}
	parts[0].recs, parts[0].claims, parts[0].sink = s.claimRange(pods[:size], sel)
	wg.Wait()
	total := 0
	for _, p := range parts {
		total += len(p.recs)
	}
	recs := make([]podRec, 0, total)
	var claims []claim
	sink := 0
	for _, p := range parts {
		recs = append(recs, p.recs...)
		claims = append(claims, p.claims...)
		sink += p.sink
	}
	return recs, claims, sink
}
