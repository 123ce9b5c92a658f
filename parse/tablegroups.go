package parse

import "strings"

// This file is the part of the interpreter that reads group label rows: a row of an error
// table whose every non-empty cell is wholly strong ("**5xx**", "**Connection errors**",
// "**404 Not Found**") names the group of the rows below it, and the status when it
// states one, as a heading would, and is no entry.

// labelRow returns the text of a group label row.
func labelRow(r tableRow) (string, bool) {
	var parts []string
	for _, c := range r.Cells {
		t := strings.TrimSpace(c.Text)
		if t == "" {
			continue
		}
		if len(t) <= 4 || !strings.HasPrefix(t, "**") || !strings.HasSuffix(t, "**") || strings.Contains(t[2:len(t)-2], "**") {
			return "", false
		}
		parts = append(parts, strings.TrimSpace(t[2:len(t)-2]))
	}
	return strings.Join(parts, " "), len(parts) > 0
}

// tableSegment is a run of rows and the group label above it ("" for the rows before the
// first label).
type tableSegment struct {
	label string
	pos   tableRow
	rows  []tableRow
}

// splitLabelRows cuts t's rows at its group label rows. A table where labels are not
// the exception (half its rows or more) has none: its codes are written strong.
func splitLabelRows(t table) []tableSegment {
	segs := []tableSegment{{}}
	labels := 0
	for _, r := range t.Rows {
		if l, ok := labelRow(r); ok {
			labels++
			segs = append(segs, tableSegment{label: l, pos: r})
			continue
		}
		segs[len(segs)-1].rows = append(segs[len(segs)-1].rows, r)
	}
	if labels == 0 || labels*2 >= len(t.Rows) {
		return []tableSegment{{rows: t.Rows}}
	}
	return segs
}

// addLabelledTable adds an error table's rows as addTable does, each run of rows under
// a group label row in that group.
func (d *Doc) addLabelledTable(t table, ctx tableContext) {
	segs := splitLabelRows(t)
	if len(segs) == 1 {
		d.addTable(t, ctx)
		return
	}
	for _, s := range segs {
		c := ctx
		if s.label != "" {
			c.Group = s.label
			if st, _, ok := statusHeading(s.label); ok {
				// "**404 Not Found**": the status of the rows below it, as a caption or a
				// heading that says one is (a status column still goes first).
				c.Status = st
				d.note(s.pos.Pos, "table row %q: a group label, the group and status %d of the rows below it", s.label, int(st))
			} else {
				d.note(s.pos.Pos, "table row %q: a group label, the group of the rows below it", s.label)
			}
		}
		part := t
		part.Rows = s.rows
		d.addTable(part, c)
	}
}
