package sim

import (
	"fmt"
	"strings"
)

// series is one counter of the chart.
type series struct {
	name   string
	colour string
	dash   string
	value  func(Sample) int32
}

var chartSeries = []series{
	{"active", "#4e79a7", "", func(s Sample) int32 { return s.Active }},
	{"ready", "#76b7b2", "4 3", func(s Sample) int32 { return s.Ready }},
	{"succeeded", "#59a14f", "", func(s Sample) int32 { return s.Succeeded }},
	{"failed", "#e15759", "", func(s Sample) int32 { return s.Failed }},
	{"terminating", "#8c8c8c", "2 2", func(s Sample) int32 { return s.Terminating }},
}

// chart draws the Job's counters (active, ready, succeeded, failed,
// terminating) over time as step lines between top and
// bottom, with the final values in its legend.
func (s *svgWriter) chart(top, bottom float64) {
	samples := s.tl.Samples
	peak := int32(1)
	for _, smp := range samples {
		for _, se := range chartSeries {
			peak = max(peak, se.value(smp))
		}
	}
	y := func(v int32) float64 { return bottom - float64(v)/float64(peak)*(bottom-top) }
	s.f(`<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="#fafafa" stroke="#999999" stroke-width="0.8"/>`+"\n",
		marginLeft, top, plotWidth, bottom-top)
	for _, v := range []int32{0, peak / 2, peak} {
		if v == 0 && peak == 0 {
			continue
		}
		s.f(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e6e6e6"/>`, marginLeft, y(v), marginLeft+plotWidth, y(v))
		s.f(`<text x="%d" y="%.1f" font-size="11" fill="#555555" text-anchor="end">%d</text>`+"\n", marginLeft-6, y(v)+4, v)
	}
	for _, t := range s.ticks() {
		x := s.x(t)
		s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#eeeeee"/>`+"\n", x, top, x, bottom)
	}
	lx := float64(marginLeft)
	s.f(`<text x="%.1f" y="%.1f" font-size="12" fill="#333333" font-weight="bold">Job status counters</text>`, lx, top-8)
	lx += 140
	var final Sample
	if len(samples) > 0 {
		final = samples[len(samples)-1]
	}
	for _, se := range chartSeries {
		label := fmt.Sprintf("%s (end: %d)", se.name, se.value(final))
		s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2.5" stroke-dasharray="%s"/>`, lx, top-12, lx+18, top-12, se.colour, se.dash)
		s.f(`<text x="%.1f" y="%.1f" font-size="12" fill="#333333">%s</text>`+"\n", lx+23, top-8, label)
		lx += 36 + 6.4*float64(len(label))
	}
	if len(samples) == 0 {
		return
	}
	for _, se := range chartSeries {
		var d strings.Builder
		fmt.Fprintf(&d, "M%.1f %.1f", s.x(samples[0].At), y(se.value(samples[0])))
		prev := se.value(samples[0])
		for _, smp := range samples[1:] {
			v := se.value(smp)
			if v == prev {
				continue
			}
			fmt.Fprintf(&d, "H%.1fV%.1f", s.x(smp.At), y(v))
			prev = v
		}
		fmt.Fprintf(&d, "H%.1f", s.x(s.end))
		s.f(`<path d="%s" fill="none" stroke="%s" stroke-width="2" stroke-dasharray="%s"/>`+"\n", d.String(), se.colour, se.dash)
	}
}
