package site

import "strconv"

// chart is the overview's status distribution, drawn as a horizontal bar chart in SVG by
// the template from these numbers: no script, no style attribute (the bars' colours come
// from their class in the stylesheet).
type chart struct {
	Width, Height int
	LabelW        int // width of the label column
	Bars          []bar
}

// bar is one status of the chart.
type bar struct {
	Label  string // "404 Not Found"
	Class  string // s4xx …
	Count  int
	Y      int // top of the bar
	TextY  int // baseline of the texts
	W      int // width of the bar
	CountX int // where the count is written
}

// The chart's geometry, in SVG user units: a wide chart for screens with room for the
// reason phrases, and a narrow one for phones, drawn at about its own size.
const (
	chartWidth        = 660
	chartLabelW       = 250
	chartNarrowWidth  = 340
	chartNarrowLabelW = 44
	chartRow          = 24
	chartBar          = 16
)

// newChart lays out one bar per status row, in the order given, in a chart width wide
// whose labels take labelW; short labels leave out the reason phrase.
func newChart(rows []statusRow, noStatus string, width, labelW int, short bool) chart {
	c := chart{Width: width, LabelW: labelW, Height: max(len(rows)*chartRow, chartRow)}
	maxCount := 1
	for _, r := range rows {
		maxCount = max(maxCount, r.Count)
	}
	room := width - labelW - 40 // leave space for the count after the longest bar
	for i, r := range rows {
		label := noStatus
		switch {
		case r.Status.Code != 0 && short:
			label = strconv.Itoa(r.Status.Code)
		case r.Status.Code != 0:
			label = strconv.Itoa(r.Status.Code) + " " + r.Status.Reason
		case short:
			label = "–"
		}
		w := max(r.Count*room/maxCount, 2)
		y := i*chartRow + (chartRow-chartBar)/2
		c.Bars = append(c.Bars, bar{
			Label: label, Class: r.Status.Class, Count: r.Count,
			Y: y, TextY: y + chartBar - 3, W: w, CountX: labelW + w + 6,
		})
	}
	return c
}
