package catalog

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity is how much a diagnostic matters.
type Severity int

// The severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// Diagnostic is one finding about a source: bad or doubtful content. Messages are lower
// case, say what was expected and quote source text with %q.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Rule     string // stable rule id, e.g. "ragged-row"
	Message  string
}

// String formats d as "path:line:col: severity: message".
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
}

// Diagnostics is a list of diagnostics, like go/scanner's ErrorList.
type Diagnostics []Diagnostic

// Add appends a diagnostic built from a format.
func (l *Diagnostics) Add(pos Pos, sev Severity, rule, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line, column, then severity (most severe first), rule and
// message, so that output is deterministic.
func (l Diagnostics) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns how many diagnostics have severity sev.
func (l Diagnostics) Count(sev Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == sev {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (l Diagnostics) HasErrors() bool { return l.Count(Error) > 0 }
