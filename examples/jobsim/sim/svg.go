package sim

import (
	"fmt"
	"strings"
	"time"
)

// Picture geometry, in SVG user units (pixels).
const (
	svgWidth    = 1200
	marginLeft  = 112
	marginRight = 36
	plotWidth   = svgWidth - marginLeft - marginRight
	// maxRowsDrawn is how many rows are drawn one per row; beyond it rows
	// are aggregated into this many bands.
	maxRowsDrawn = 200
	chartHeight  = 130
)

// outcome colours: the bar of a running pod, and (lighter) of the pending
// part before it started.
var (
	barColour     = [...]string{Running: "#4e79a7", Succeeded: "#59a14f", Failed: "#e15759", Disrupted: "#f28e2b", Deleted: "#8c8c8c"}
	pendingColour = [...]string{Running: "#c9d7e8", Succeeded: "#cfe6cb", Failed: "#f7c9ca", Disrupted: "#fbdcbf", Deleted: "#dcdcdc"}
)

// conditionColour colours the marks of a condition type.
func conditionColour(m Mark) string {
	switch m.Type {
	case "Complete", "SuccessCriteriaMet":
		return "#2e7d32"
	case "Failed", "FailureTarget":
		return "#c62828"
	case "Suspended":
		return "#6a3d9a"
	}
	return "#555555"
}

// svgWriter accumulates the picture.
type svgWriter struct {
	b   strings.Builder
	tl  *Timeline
	end time.Duration // the time at the right edge
}

func (s *svgWriter) f(format string, args ...any) { fmt.Fprintf(&s.b, format, args...) }

// x maps an offset to the horizontal coordinate.
func (s *svgWriter) x(t time.Duration) float64 {
	if t < 0 {
		t = 0
	}
	return marginLeft + float64(t)/float64(s.end)*plotWidth
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func esc(s string) string { return xmlEscaper.Replace(s) }

// SVG draws the timeline as a self-contained SVG document: the title (Job
// name and outcome), a legend, one row per completion index (Indexed) or
// pod slot (NonIndexed) with a bar per pod attempt coloured by outcome
// (lighter while pending, hatched while terminating), vertical lines with
// labels where Job conditions changed, a time axis, and a chart of the
// active, ready, succeeded and failed counters. More than 200 rows are
// aggregated into 200 bands, as the picture says. The output depends only
// on tl.
func SVG(tl *Timeline) []byte {
	// A little room right of the last instant shows the final state.
	s := &svgWriter{tl: tl, end: max(tl.End+tl.End/40, time.Second)}
	rows := max(tl.Rows, 1)
	banded := rows > maxRowsDrawn
	drawn := rows
	if banded {
		per := (rows + maxRowsDrawn - 1) / maxRowsDrawn
		drawn = (rows + per - 1) / per
	}
	rowH := min(20.0, max(3.0, 560.0/float64(drawn)))
	if banded {
		rowH = 3
	}
	lanes, labels := s.conditionLabels()
	rowsTop := 112.0 + float64(lanes)*15
	rowsBottom := rowsTop + rowH*float64(drawn)
	chartTop := rowsBottom + 58
	chartBottom := chartTop + chartHeight
	height := chartBottom + 72

	s.f(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%.0f" viewBox="0 0 %d %.0f" font-family="Helvetica, Arial, sans-serif">`+"\n",
		svgWidth, height, svgWidth, height)
	s.defs()
	s.f(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	s.header()
	s.legend(80)
	s.grid(rowsTop, rowsBottom)
	s.suspendedSpans(rowsTop, rowsBottom)
	if banded {
		s.bands(rowsTop, rowH, rows)
	} else {
		s.rows(rowsTop, rowH, drawn)
	}
	s.f(`<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="none" stroke="#999999" stroke-width="0.8"/>`+"\n",
		marginLeft, rowsTop, plotWidth, rowsBottom-rowsTop)
	s.axis(rowsBottom)
	s.chart(chartTop, chartBottom)
	s.marks(labels, 112, rowsTop, chartBottom)
	s.footer(height-14, banded, rows)
	s.f("</svg>\n")
	return []byte(s.b.String())
}

func (s *svgWriter) defs() {
	s.f("<defs>\n")
	for _, o := range []Outcome{Disrupted, Deleted} {
		s.f(`<pattern id="term-%s" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`+
			`<rect width="6" height="6" fill="%s"/><line x1="3" y1="0" x2="3" y2="6" stroke="%s" stroke-width="2.5"/></pattern>`+"\n",
			o, pendingColour[o], barColour[o])
	}
	s.f("</defs>\n")
}

func (s *svgWriter) header() {
	tl := s.tl
	s.f(`<text x="%d" y="30" font-size="20" font-weight="bold" fill="#222222">Job %s — %s</text>`+"\n",
		marginLeft, esc(tl.JobName), esc(tl.Outcome))
	mode := "NonIndexed"
	if tl.Indexed {
		mode = "Indexed"
	}
	completions := "unset"
	if tl.Completions > 0 {
		completions = fmt.Sprint(tl.Completions)
	}
	s.f(`<text x="%d" y="52" font-size="13" fill="#555555">%s Job · completions %s · parallelism %d · %d pods · seed %d · %s simulated</text>`+"\n",
		marginLeft, mode, completions, tl.Parallelism, len(tl.Attempts), tl.Seed, shortDuration(tl.End))
}

// legend draws the colour key on one line at y.
func (s *svgWriter) legend(y float64) {
	x := float64(marginLeft)
	swatch := func(fill, label string) {
		s.f(`<rect x="%.1f" y="%.1f" width="18" height="11" fill="%s" stroke="#666666" stroke-width="0.4"/>`, x, y-9, fill)
		s.f(`<text x="%.1f" y="%.1f" font-size="12" fill="#333333">%s</text>`+"\n", x+23, y, label)
		x += 31 + 6.6*float64(len(label))
	}
	swatch(pendingColour[Succeeded], "pending")
	swatch(barColour[Succeeded], "succeeded")
	swatch(barColour[Failed], "failed")
	swatch(barColour[Disrupted], "disrupted")
	swatch(barColour[Deleted], "deleted")
	swatch("url(#term-deleted)", "terminating")
	swatch(barColour[Running], "still running")
	s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#555555" stroke-width="1.5" stroke-dasharray="4 3"/>`, x+4, y-11, x+4, y+2)
	s.f(`<text x="%.1f" y="%.1f" font-size="12" fill="#333333">Job condition</text>`+"\n", x+12, y)
}

// grid draws the vertical tick lines behind the rows.
func (s *svgWriter) grid(top, bottom float64) {
	for _, t := range s.ticks() {
		x := s.x(t)
		s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#eeeeee" stroke-width="1"/>`+"\n", x, top, x, bottom)
	}
}

// axis draws the time axis under the rows.
func (s *svgWriter) axis(y float64) {
	s.f(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#666666"/>`+"\n", marginLeft, y, marginLeft+plotWidth, y)
	for _, t := range s.ticks() {
		x := s.x(t)
		s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#666666"/>`, x, y, x, y+5)
		s.f(`<text x="%.1f" y="%.1f" font-size="12" fill="#333333" text-anchor="middle">+%s</text>`+"\n", x, y+18, shortDuration(t))
	}
	s.f(`<text x="%d" y="%.1f" font-size="12" fill="#555555" text-anchor="end">simulated time</text>`+"\n", marginLeft+plotWidth, y+34)
}

// tickSteps are the candidate distances between time ticks.
var tickSteps = []time.Duration{
	time.Second, 2 * time.Second, 5 * time.Second, 10 * time.Second, 15 * time.Second, 30 * time.Second,
	time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, 30 * time.Minute,
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour, 24 * time.Hour,
}

// ticks returns the tick instants: the smallest step giving at most 12.
func (s *svgWriter) ticks() []time.Duration {
	step := tickSteps[len(tickSteps)-1]
	for _, st := range tickSteps {
		if s.end/st <= 12 {
			step = st
			break
		}
	}
	for s.end/step > 12 {
		step *= 2
	}
	var out []time.Duration
	for t := time.Duration(0); t <= s.end; t += step {
		out = append(out, t)
	}
	return out
}

// shortDuration is "0", "45s", "1m30s", "2h", "1h5m" (no zero parts).
func shortDuration(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	d = d.Round(time.Second)
	h, m, sec := d/time.Hour, (d%time.Hour)/time.Minute, (d%time.Minute)/time.Second
	var b strings.Builder
	if h > 0 {
		fmt.Fprintf(&b, "%dh", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dm", m)
	}
	if sec > 0 || b.Len() == 0 {
		fmt.Fprintf(&b, "%ds", sec)
	}
	return b.String()
}

func (s *svgWriter) footer(y float64, banded bool, rows int) {
	lines := []string{"Hover a bar for the pod's name and times. Pending: created, not yet running; hatched: being deleted (terminating); dotted: no pod for the index."}
	if banded {
		per := (rows + maxRowsDrawn - 1) / maxRowsDrawn
		lines = []string{
			fmt.Sprintf("%d rows drawn as %d bands of %d rows. Shade: share of the band's rows with a pod running, coloured by their most common outcome.",
				rows, (rows+per-1)/per, per),
			"Ticks: failed (red) and disrupted (orange) attempts.",
		}
	}
	for i, l := range lines {
		s.f(`<text x="%d" y="%.1f" font-size="12" fill="#666666">%s</text>`+"\n", marginLeft, y-float64(len(lines)-1-i)*16, esc(l))
	}
}
