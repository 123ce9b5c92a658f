package parse

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"docgen/parse/doc"
)

// This file gives roles to the fields of records that have no names of their own: the
// items of a tuple (Python's {"E_GONE": (410, "Gone.")}, fields "item 1", "item 2") or
// the arguments of a constructor the file does not declare ("argument 1"). Nothing but
// their values can say what they hold, and values alone say little ((30, "seconds to
// wait") is a setting), so they are read only where the collection says it lists errors,
// as an enum does: its name ("ERRORS", "ErrorCode") or most of its keys ("E_GONE" is
// not enough; "ERR_GONE" is). Then a field whose every value is an HTTP status (404,
// HTTPStatus.GONE) is the status, and the first whose values are text the message, the
// next the description; a record that writes its status elsewhere than most
// ((404, "Not found.") beside ("Gone.", 410)) has it moved to theirs.

// rePositional matches the name a front-end gives a value that has none of its own.
var rePositional = regexp.MustCompile(`^(?:item|argument) \d+$`)

// positionalRoles gives roles to the positional fields of records r (laid out with
// names and rows) that fieldRoles left without one, and says why; roles is changed in
// place. It does nothing when r has no such field or does not say it lists errors.
func positionalRoles(r *doc.Records, names []string, rows []tableRow, roles []role) string {
	var cols []int
	for i, n := range names {
		if i < len(roles) && roles[i] == roleUnknown && rePositional.MatchString(n) {
			cols = append(cols, i)
		}
	}
	if len(cols) == 0 {
		return ""
	}
	says, why := recordsSayErrors(r)
	if !says {
		return ""
	}
	statusFirst(rows, cols)
	sample := rows[:min(len(rows), recordSample)]
	var given []string
	for _, i := range cols {
		statuses, texts, n := 0, 0, 0
		for _, row := range sample {
			if i >= len(row.Cells) {
				continue
			}
			v := strings.TrimSpace(row.Cells[i].Text)
			if v == "" {
				continue
			}
			n++
			if statusValue(v) {
				statuses++
			} else if textLike(v) {
				texts++
			}
		}
		if n == 0 {
			continue
		}
		var r role
		switch {
		case statuses == n && !hasRole(roles, roleStatus):
			r = roleStatus
		case texts*10 >= n*9 && !hasRole(roles, roleMessage):
			r = roleMessage
		case texts*10 >= n*9 && !hasRole(roles, roleDescription):
			r = roleDescription
		default:
			continue
		}
		roles[i] = r
		given = append(given, fmt.Sprintf("%q=%s", names[i], r))
	}
	if len(given) == 0 {
		return ""
	}
	return why + ", so fields with no name of their own take roles from their values: " + strings.Join(given, ", ")
}

// textLike reports whether a value reads as text rather than a name or a number: it has
// a space, ends a sentence, or is written in a script without spaces between words.
func textLike(v string) bool {
	if isInteger(v) {
		return false
	}
	if strings.ContainsAny(v, " \t\n") || strings.ContainsAny(v[len(v)-1:], ".!?。") {
		return true
	}
	return strings.ContainsFunc(v, func(r rune) bool {
		return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
	})
}

// recordsSayErrors reports whether a collection of records says it lists errors, as an
// enum does (enumIsErrors): by its name, the last key of its path, or by most of its
// records' keys.
func recordsSayErrors(r *doc.Records) (bool, string) {
	name := r.Path
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if name != "" && hasErrorWord(name) {
		return true, fmt.Sprintf("its name %q says it lists errors", name)
	}
	if !r.Keyed || len(r.Items) == 0 {
		return false, ""
	}
	n := 0
	for _, it := range r.Items {
		if hasStrictErrorWord(it.Key) || reErrnoName.MatchString(it.Key) {
			n++
		}
	}
	if n*2 >= len(r.Items) {
		return true, fmt.Sprintf("%d of %d keys are error names", n, len(r.Items))
	}
	return false, ""
}

// statusValue reports whether a value is an HTTP status written as code writes one: a
// number (404) or a constant (HTTPStatus.NOT_FOUND, http.StatusNotFound).
func statusValue(v string) bool {
	if st, ok := statusCell(v); ok && st >= 400 && st <= 599 && isInteger(v) {
		return true // a bare number is a status only as an error's: 101 or 203 is an application's number
	}
	st, qualified, ok := statusConstant(v)
	return ok && qualified && st.IsValid()
}

// statusFirst puts the status of each row in one column, when rows write their values
// in different orders ((404, "Not found.") beside ("Gone.", 410)): each row's one status
// among the positional columns cols moves, by swapping, to the column that holds the
// most of them. Rows with two statuses or more leave the columns as they are.
func statusFirst(rows []tableRow, cols []int) {
	if len(cols) < 2 {
		return
	}
	at := make([]int, len(rows)) // the column of each row's status, -1 for none
	count := map[int]int{}
	for k, row := range rows {
		at[k] = -1
		for _, i := range cols {
			if i < len(row.Cells) && statusValue(strings.TrimSpace(row.Cells[i].Text)) {
				if at[k] >= 0 {
					return
				}
				at[k] = i
			}
		}
		if at[k] >= 0 {
			count[at[k]]++
		}
	}
	best := -1
	for _, i := range cols {
		if best < 0 || count[i] > count[best] {
			best = i
		}
	}
	if count[best] == 0 {
		return
	}
	for k, row := range rows {
		if i := at[k]; i >= 0 && i != best && best < len(row.Cells) {
			row.Cells[i], row.Cells[best] = row.Cells[best], row.Cells[i]
		}
	}
}
