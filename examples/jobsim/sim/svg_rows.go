package sim

import (
	"fmt"

	"github.com/jobkit/jobkit/indexes"
	"math"
	"strings"
	"time"
)

// runEnd is where the running (or pending) part of an attempt ends: its
// deletion, its end, or the end of the simulation.
func runEnd(a *Attempt, end time.Duration) time.Duration {
	switch {
	case a.Deleted != Never:
		return a.Deleted
	case a.Ended != Never:
		return a.Ended
	}
	return end
}

// rowLabelEvery returns k such that labelling every k-th row keeps labels
// at least 12 units apart.
func rowLabelEvery(rowH float64) int {
	k := 1
	for float64(k)*rowH < 12 {
		k++
	}
	for _, nice := range []int{1, 2, 5, 10, 20, 25, 50, 100} {
		if nice >= k {
			return nice
		}
	}
	return k
}

// rows draws one row per index or slot and a bar per attempt.
func (s *svgWriter) rows(top, rowH float64, n int) {
	word := "slot"
	if s.tl.Indexed {
		word = "index"
	}
	every := rowLabelEvery(rowH)
	font := min(12, max(8, rowH-4))
	completed, _ := indexes.Parse(s.tl.CompletedIndexes, math.MaxInt32)
	failed, _ := indexes.Parse(s.tl.FailedIndexes, math.MaxInt32)
	for r := 0; r < n; r += every {
		y := top + (float64(r)+0.5)*rowH + font*0.35
		colour, mark := "#444444", ""
		switch {
		case s.tl.Indexed && failed.Has(int32(r)):
			colour, mark = barColour[Failed], "✗ "
		case s.tl.Indexed && completed.Has(int32(r)) && rowH >= 10:
			colour, mark = "#2e7d32", "✓ "
		}
		s.f(`<text x="%d" y="%.1f" font-size="%.0f" fill="%s" text-anchor="end">%s%s %d</text>`+"\n", marginLeft-8, y, font, colour, mark, word, r)
	}
	if rowH >= 8 {
		for r := 1; r < n; r++ {
			y := top + float64(r)*rowH
			s.f(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#f4f4f4"/>`+"\n", marginLeft, y, marginLeft+plotWidth, y)
		}
	}
	pad := max(0.5, rowH*0.14)
	// A dotted line joins consecutive attempts of an index: the time the
	// index had no pod (pod-failure backoff, or waiting for a free slot).
	lastEnd := map[int]time.Duration{}
	for _, a := range s.tl.Attempts {
		if a.Row >= n {
			continue
		}
		if prev, ok := lastEnd[a.Row]; ok && s.tl.Indexed && a.Created > prev {
			y := top + (float64(a.Row)+0.5)*rowH
			s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#888888" stroke-width="1" stroke-dasharray="2 2"><title>no pod for index %d from +%s to +%s</title></line>`+"\n",
				s.x(prev), y, s.x(a.Created), y, a.Row, shortDuration(prev), shortDuration(a.Created))
		}
		if a.Ended != Never {
			lastEnd[a.Row] = a.Ended
		}
		s.attempt(a, top+float64(a.Row)*rowH+pad, rowH-2*pad)
	}
}

// seg draws [from, to) at y as a rect at least 1 unit wide.
func (s *svgWriter) seg(from, to time.Duration, y, h float64, fill string) {
	x0, x1 := s.x(from), s.x(to)
	s.f(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`, x0, y, max(1, x1-x0), h, fill)
}

// attempt draws one pod: pending, running, terminating, with a tooltip.
func (s *svgWriter) attempt(a *Attempt, y, h float64) {
	end := s.end
	stop := runEnd(a, end)
	s.f(`<g><title>%s</title>`, esc(describeAttempt(a)))
	if a.Started == Never {
		s.seg(a.Created, stop, y, h, pendingColour[a.Outcome])
	} else {
		if a.Started > a.Created {
			s.seg(a.Created, a.Started, y, h, pendingColour[a.Outcome])
		}
		s.seg(a.Started, stop, y, h, barColour[a.Outcome])
	}
	if a.Deleted != Never {
		stopped := a.Ended
		if stopped == Never {
			stopped = end
		}
		pattern := "url(#term-deleted)"
		if a.Outcome == Disrupted {
			pattern = "url(#term-disrupted)"
		}
		if stopped > a.Deleted {
			s.seg(a.Deleted, stopped, y, h, pattern)
		}
	}
	for _, r := range a.Restarts {
		x := s.x(r)
		s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ffffff" stroke-width="1.5"/>`, x, y, x, y+h)
	}
	if (a.Outcome == Failed || a.Outcome == Disrupted) && h >= 10 && a.Started != Never {
		x0, x1 := s.x(a.Started), s.x(stop)
		label := fmt.Sprintf("exit %d", a.ExitCode)
		if a.Outcome == Disrupted {
			label = "evicted"
		}
		if x1-x0 >= 7*float64(len(label))+6 {
			s.f(`<text x="%.1f" y="%.1f" font-size="%.0f" fill="#ffffff" text-anchor="end">%s</text>`, x1-3, y+h*0.5+min(11, h-3)*0.36, min(11, h-3), label)
		}
	}
	s.f("</g>\n")
}

// describeAttempt is the tooltip of an attempt.
func describeAttempt(a *Attempt) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: created +%s", a.Name, shortDuration(a.Created))
	if a.Started != Never {
		fmt.Fprintf(&b, ", running +%s", shortDuration(a.Started))
	}
	if a.Ready != Never {
		fmt.Fprintf(&b, ", ready +%s", shortDuration(a.Ready))
	}
	if len(a.Restarts) > 0 {
		fmt.Fprintf(&b, ", %d restarts", len(a.Restarts))
	}
	if a.Deleted != Never {
		fmt.Fprintf(&b, ", deleted +%s", shortDuration(a.Deleted))
	}
	switch {
	case a.Ended == Never:
		b.WriteString(", still running at the end")
	case a.Outcome == Succeeded:
		fmt.Fprintf(&b, ", succeeded +%s", shortDuration(a.Ended))
	default:
		fmt.Fprintf(&b, ", %s +%s (exit %d)", a.Outcome, shortDuration(a.Ended), a.ExitCode)
	}
	return b.String()
}

// bands draws rows aggregated into maxRowsDrawn bands: per band and
// 2-unit time bin, the share of the band's rows with a pod running,
// coloured by the most common outcome of those pods, and a tick per
// failed or disrupted attempt.
func (s *svgWriter) bands(top, bandH float64, rows int) {
	per := (rows + maxRowsDrawn - 1) / maxRowsDrawn
	nb := (rows + per - 1) / per
	const binW = 2.0
	bins := int(plotWidth / binW)
	binDur := float64(s.end) / float64(bins)
	busy := make([][Deleted + 1]float64, nb*bins)
	for _, a := range s.tl.Attempts {
		if a.Started == Never {
			continue
		}
		band := a.Row / per
		from, to := float64(a.Started), float64(runEnd(a, s.end))
		for b := int(from / binDur); b < bins && float64(b)*binDur < to; b++ {
			lo, hi := max(from, float64(b)*binDur), min(to, float64(b+1)*binDur)
			if hi > lo {
				busy[band*bins+b][a.Outcome] += (hi - lo) / binDur
			}
		}
	}
	word := "slots"
	if s.tl.Indexed {
		word = "indexes"
	}
	every := rowLabelEvery(bandH)
	for b := 0; b < nb; b += every {
		y := top + (float64(b)+0.5)*bandH + 3
		last := min(rows-1, (b+1)*per-1)
		s.f(`<text x="%d" y="%.1f" font-size="9" fill="#444444" text-anchor="end">%s %d-%d</text>`+"\n", marginLeft-8, y, word, b*per, last)
	}
	for band := 0; band < nb; band++ {
		y := top + float64(band)*bandH
		runStart, runColour, runLevel := 0, "", 0
		flushRun := func(endBin int) {
			if runLevel > 0 {
				x := marginLeft + float64(runStart)*binW
				s.f(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" fill-opacity="%.2f"/>`+"\n",
					x, y, float64(endBin-runStart)*binW, bandH, runColour, 0.3+0.7*float64(runLevel)/8)
			}
		}
		for b := 0; b < bins; b++ {
			cell := busy[band*bins+b]
			total, best := 0.0, Running
			for o := Running; o <= Deleted; o++ {
				total += cell[o]
				if cell[o] > cell[best] {
					best = o
				}
			}
			level := int(math.Round(total / float64(per) * 8))
			if total > 0 && level == 0 {
				level = 1
			}
			colour := barColour[best]
			if level != runLevel || (level > 0 && colour != runColour) {
				flushRun(b)
				runStart, runColour, runLevel = b, colour, level
			}
		}
		flushRun(bins)
	}
	seen := map[[2]int]bool{}
	for _, a := range s.tl.Attempts {
		if (a.Outcome != Failed && a.Outcome != Disrupted) || a.Ended == Never {
			continue
		}
		band := a.Row / per
		x := s.x(a.Ended)
		key := [2]int{band, int(x)}
		if seen[key] {
			continue
		}
		seen[key] = true
		y := top + float64(band)*bandH
		s.f(`<rect x="%.1f" y="%.1f" width="1.2" height="%.1f" fill="%s"/>`+"\n", x-0.6, y-0.5, bandH+1, barColour[a.Outcome])
	}
}
