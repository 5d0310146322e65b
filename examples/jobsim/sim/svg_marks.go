package sim

import (
	"fmt"
	"strings"
	"time"
)

// markLabel is the label of the condition changes at one instant.
type markLabel struct {
	at     time.Duration
	text   string
	colour string
	lane   int
}

// maxLanes bounds the label lanes above the rows.
const maxLanes = 4

// conditionLabels groups the marks by instant ("FailureTarget, Failed
// (FailedIndexes)") and assigns each label the first lane where it does
// not overlap the previous label. It returns the number of lanes used
// (at least 1) and the labels in time order.
func (s *svgWriter) conditionLabels() (int, []markLabel) {
	var labels []markLabel
	for i := 0; i < len(s.tl.Marks); {
		j := i
		var names []string
		reason := ""
		for ; j < len(s.tl.Marks) && s.tl.Marks[j].At == s.tl.Marks[i].At; j++ {
			m := s.tl.Marks[j]
			name := string(m.Type)
			if m.Status != "True" {
				name += "=" + m.Status
			}
			names = append(names, name)
			reason = m.Reason
		}
		text := strings.Join(names, ", ")
		if reason != "" {
			text += " (" + reason + ")"
		}
		text += fmt.Sprintf(" +%s", shortDuration(s.tl.Marks[i].At))
		labels = append(labels, markLabel{at: s.tl.Marks[i].At, text: text, colour: conditionColour(s.tl.Marks[j-1])})
		i = j
	}
	lanes := 1
	var laneEnd [maxLanes]float64
	for i := range labels {
		l := &labels[i]
		x0, x1 := s.labelSpan(l)
		l.lane = maxLanes - 1
		for k := 0; k < maxLanes; k++ {
			if laneEnd[k] == 0 || x0 > laneEnd[k]+6 {
				l.lane = k
				break
			}
		}
		laneEnd[l.lane] = max(laneEnd[l.lane], x1)
		lanes = max(lanes, l.lane+1)
	}
	return lanes, labels
}

// labelWidth estimates the width of a 12-unit label.
func labelWidth(text string) float64 { return 6.4 * float64(len([]rune(text))) }

// labelSpan is the horizontal extent of a label: right of its line, or
// left of it when it would leave the picture.
func (s *svgWriter) labelSpan(l *markLabel) (float64, float64) {
	x, w := s.x(l.at), labelWidth(l.text)
	if x+4+w > svgWidth-4 {
		return x - 4 - w, x
	}
	return x, x + 4 + w
}

// marks draws a dashed line per label from its lane down through the rows
// and the chart, and the label.
func (s *svgWriter) marks(labels []markLabel, labelsTop, rowsTop, bottom float64) {
	for i := range labels {
		l := &labels[i]
		x := s.x(l.at)
		y := labelsTop + float64(l.lane)*15 + 11
		s.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="1.5" stroke-dasharray="5 3" opacity="0.85"/>`+"\n",
			x, y-10, x, bottom, l.colour)
		x0, _ := s.labelSpan(l)
		anchor, tx := "start", x+4
		if x0 < x {
			anchor, tx = "end", x-4
		}
		s.f(`<text x="%.1f" y="%.1f" font-size="12" font-weight="bold" fill="%s" text-anchor="%s">%s</text>`+"\n",
			tx, y, l.colour, anchor, esc(l.text))
	}
	_ = rowsTop
}

// suspendedSpans shades, between top and bottom, the intervals during
// which the Job was suspended (Suspended=True until Suspended=False or the
// end).
func (s *svgWriter) suspendedSpans(top, bottom float64) {
	from := Never
	shade := func(to time.Duration) {
		s.f(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#6a3d9a" fill-opacity="0.07"><title>suspended</title></rect>`+"\n",
			s.x(from), top, s.x(to)-s.x(from), bottom-top)
	}
	for _, m := range s.tl.Marks {
		if m.Type != "Suspended" {
			continue
		}
		switch {
		case m.Status == "True" && from == Never:
			from = m.At
		case m.Status != "True" && from != Never:
			shade(m.At)
			from = Never
		}
	}
	if from != Never {
		shade(s.tl.End)
	}
}
