package catalog

import (
	"net/http"
	"strconv"
)

// Status is an HTTP status code; 0 means the source gives none.
type Status int

// IsValid reports whether s is an HTTP status code (100 to 599).
func (s Status) IsValid() bool { return s >= 100 && s <= 599 }

// Known reports whether s has a registered reason phrase.
func (s Status) Known() bool { return http.StatusText(int(s)) != "" }

// Reason returns the status's reason phrase ("Bad Request"), or "" for an unknown status.
func (s Status) Reason() string { return http.StatusText(int(s)) }

// Class returns the status class, e.g. "4xx", or "" when s is 0 or invalid.
func (s Status) Class() string {
	if !s.IsValid() {
		return ""
	}
	return strconv.Itoa(int(s)/100) + "xx"
}

// String returns "400 Bad Request", "499" for a status with no reason phrase, or "none".
func (s Status) String() string {
	if s == 0 {
		return "none"
	}
	if r := s.Reason(); r != "" {
		return strconv.Itoa(int(s)) + " " + r
	}
	return strconv.Itoa(int(s))
}

// StatusFrom says where an entry's status was read from. The precedence when several places
// give one is column > heading > code prefix.
type StatusFrom int

// The places a status can come from, lowest precedence first.
const (
	FromNone    StatusFrom = iota // the source gives no status
	FromPrefix                    // the first three digits of a numeric code
	FromHeading                   // the section heading or a "status NNN" line
	FromColumn                    // a status column of the entry's own row
)

// String names the place.
func (f StatusFrom) String() string {
	switch f {
	case FromNone:
		return "none"
	case FromPrefix:
		return "code prefix"
	case FromHeading:
		return "heading"
	case FromColumn:
		return "column"
	}
	return "unknown"
}

func itoa(n int) string { return strconv.Itoa(n) }
