package code

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"docgen/parse/doc"
)

// This file reads the comments above the members of an enum, a run of #defines, a sealed
// class or a class's constants (C, Java, Kotlin, TypeScript) in one way for all: a comment line that heads a run
// of members is their group's label, a comment right above a member that reads like a
// sentence is that member's description.
//
//	/* --- device errors --- */                 a banner: a label
//	#define CAM_ERR_BUSY  -1002  /* … */
//
//	// Workouts                                 a short line that begins a run: a label
//	object WorkoutNotFound : ApiError(…)
//	/** The workout is locked. */               a sentence right above: a description
//	object WorkoutLocked : ApiError(…)

// above is what the comments standing on lines of their own before a member say of it.
type above struct {
	label   string // the label of the run of members it begins, or ""
	banner  bool   // the label is a banner ("--- device errors ---")
	comment string // its own comment
	blank   bool   // a blank line parts it and its comments from the member before
	// short is set when its comment is one short line that would be a label after a
	// blank line ("// jammed" right below the member before): members commented so
	// one by one make the first such line a comment too (settleLabels).
	short bool
}

// commentsAbove reads the comments standing on lines of their own right before token k
// (back to the token before them; a comment on that token's line is its own). first says
// that the token before the comments is no member (the list begins there, as after an
// opening brace).
//   - The comments right above k, with no blank line between them and k, are its comment;
//     but the first of them is a label when it is a banner, or one line of at most three
//     words (labelText) after a blank line or where the list begins.
//   - Of the comments further up, separated from k by a blank line, the last that reads
//     as a label (a banner, or one line of at most eight words) is k's label, when the
//     ones right above gave none.
//
// A list with no opening brace (a run of #defines) may begin right under the file's own
// comments: above its first member, the comments further up are looked at only when no
// sentence stands right above it (the sentence documents the run; what stands above
// it, the file). A copyright or licence notice is no label and no comment anywhere.
//
// Each comment is looked at from the member after it only, so a list is read in linear
// time.
func commentsAbove(toks []ctok, k int, first bool) above {
	var ab above
	s := k // the first comment of those on their own lines before k
	for s > 0 && toks[s-1].kind == 'c' {
		s--
	}
	if s > 0 && s < k && toks[s-1].end == toks[s].line {
		s++ // a comment after a token, on its line, is that token's
	}
	braced := s > 0 && toks[s-1].text == "{"
	first = first || s == 0 || braced
	a := k // the first comment right above k
	for a > s && toks[a-1].end >= toks[a].line-1 {
		a--
	}
	ab.blank = !first && toks[s-1].end < toks[a].line-1
	for a < k && notice(toks[a].text) {
		a++
	}
	if a < k {
		c := toks[a]
		blankBefore := a > s || first || toks[s-1].end < c.line-1
		text, banner, ok := labelText(c, 3)
		switch {
		case ok && (banner || blankBefore && !docComment(c.text)):
			ab.label, ab.banner = text, banner
			a++
		case ok && a == k-1 && !docComment(c.text):
			ab.short = true
		}
		var parts []string
		for _, t := range toks[a:k] {
			if !notice(t.text) {
				parts = append(parts, cleanComment(t.text))
			}
		}
		ab.comment = strings.Join(parts, "\n")
		if first && !braced && ab.label == "" && ab.comment != "" {
			return ab
		}
	}
	for j := a - 1; ab.label == "" && j >= s; j-- { // each with a blank line between it and k
		if text, banner, ok := labelText(toks[j], 8); ok && (banner || !docComment(toks[j].text)) {
			ab.label, ab.banner = text, banner
		}
	}
	return ab
}

// reNotice matches what a copyright or licence notice says, which heads a file and
// is about it: "Copyright Acme Corp 2024", "SPDX-License-Identifier: MIT", "Licensed
// under the Apache License".
var reNotice = regexp.MustCompile(`(?i)\bcopyright\b|©|\(c\)\s*\d{4}|\bspdx-license-identifier\b|\ball rights reserved\b|\blicen[cs]ed under\b|\bpermission is hereby granted\b|\b(?:mit|bsd|apache|gnu|gpl|lgpl|mpl|isc)(?:[- ]\S+)?[- ]licen[cs]e\b`)

// notice reports whether a comment is a copyright or licence notice.
func notice(raw string) bool {
	return reNotice.MatchString(raw)
}

// docComment reports whether a comment documents what follows it ("/**", "///"): it is a
// description, never a label, unless it is a banner.
func docComment(raw string) bool {
	return strings.HasPrefix(raw, "/**") || strings.HasPrefix(raw, "///")
}

// labelText returns the label a comment gives, and whether it is a banner: the comment is
// one line, and either a banner (its words between runs of "-", "=", "*", "#" or "~":
// "--- device errors ---", "==== Auth ====", at most twelve words) or a line of at most
// maxWords words with no sentence or code punctuation but a colon at its end
// ("Workouts", "Payment errors:", "주문").
func labelText(c ctok, maxWords int) (text string, banner, ok bool) {
	if c.line != c.end {
		return "", false, false
	}
	t := cleanComment(c.text)
	inner := strings.TrimRight(strings.TrimLeft(t, "-=*#~ "), "-=*#~ ")
	banner = len(t)-len(strings.TrimLeft(t, "-=*#~")) >= 2 || len(t)-len(strings.TrimRight(t, "-=*#~")) >= 2
	if !banner && inner == t {
		inner = strings.TrimSpace(strings.TrimSuffix(inner, ":"))
	} else if !banner {
		return "", false, false
	}
	words := len(strings.Fields(inner))
	if words == 0 || !strings.ContainsFunc(inner, unicode.IsLetter) || notice(inner) {
		return "", false, false
	}
	if banner {
		return inner, true, words <= 12
	}
	head := inner // a remark in parentheses at its end is the label's too: "Batch (no HTTP response)"
	if strings.HasSuffix(head, ")") {
		if o := strings.IndexByte(head, '('); o > 0 {
			head = strings.TrimSpace(head[:o])
			words = len(strings.Fields(head))
		}
	}
	if words > maxWords || strings.ContainsAny(head, ".:;,!?。=(){}[]<>\"'`") {
		return "", false, false
	}
	return inner, false, true
}

// settleLabels turns back into comments the labels read above a list's members that are
// rather the members' own short comments, and returns the group of each member
// (spreadLabels). names are the members' names. A label that is no banner is its
// member's comment when
//   - its words are the member's name ("// Token expired" above TokenExpired, or above
//     ERR_TOKEN_EXPIRED where every member's name begins with ERR): it says what the
//     member is, not what the members after it are; or, when the member has no comment
//     of its own,
//   - the member after it, in its run, has a short line right above too (each member
//     commented in a short line: "// out of paper" above the first, "// jammed" above the
//     next), or
//   - it heads that member alone: the member after it has a label, or stands after a
//     blank line under a comment of its own, or there is none ("/* busy */" above each
//     #define, a blank line between them).
//
// So a label heads two members or more, or is a banner, or heads one member after a
// blank line in a list that other labels group, written as a heading.
func settleLabels(ms []above, names []string) []string {
	words := make([][]string, len(names))
	shared := -1 // the words every member's name begins with ("ERR" of ERR_…)
	for i, n := range names {
		words[i] = identWords(n)
		switch {
		case shared < 0:
			shared = len(words[i])
		default:
			shared = min(shared, commonPrefix(words[0], words[i]))
		}
	}
	for i := range ms {
		if ms[i].label == "" || ms[i].banner {
			continue
		}
		if namesMember(ms[i].label, words[i], max(shared, 0)) {
			ms[i].comment = strings.TrimSuffix(ms[i].label+"\n"+ms[i].comment, "\n")
			ms[i].label = ""
		}
	}
	// A list grouped by labels (one heads a run of two members or more, or is a banner)
	// may have a group of one member: a label written as a heading ("Common", "공통",
	// not "door ajar") heads it, after a blank line or where the list begins, unless
	// each member is commented in a short line.
	grouped := false
	for i := range ms {
		if ms[i].label != "" && (ms[i].banner || i+1 < len(ms) && ms[i+1].label == "" && !ms[i+1].blank && !ms[i+1].short) {
			grouped = true
		}
	}
	for i := range ms {
		if ms[i].label == "" || ms[i].banner || ms[i].comment != "" {
			continue
		}
		next := i + 1
		alone := next == len(ms) || ms[next].label != "" || ms[next].blank && ms[next].comment != ""
		eachShort := next < len(ms) && ms[next].short && !ms[next].blank
		if eachShort || alone && !(grouped && (i == 0 || ms[i].blank) && headingCase(ms[i].label)) {
			ms[i].comment, ms[i].label = ms[i].label, ""
		}
	}
	return spreadLabels(ms)
}

// namesMember reports whether a label's words are a member's name (its words; those
// after the first skip, which every member's name begins with, are enough).
func namesMember(label string, name []string, skip int) bool {
	lw := strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(lw) == 0 || len(name) == 0 {
		return false
	}
	return slices.Equal(lw, name) || skip < len(name) && slices.Equal(lw, name[skip:])
}

// identWords splits an identifier into lower-case words at underscores and case changes:
// "TokenExpired" and "TOKEN_EXPIRED" give "token", "expired"; "HTTPTimeout" gives
// "http", "timeout".
func identWords(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if start >= 0 {
				out = append(out, strings.ToLower(string(rs[start:i])))
			}
			start = -1
			continue
		}
		if start >= 0 && unicode.IsUpper(r) && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])) {
			out = append(out, strings.ToLower(string(rs[start:i])))
			start = i
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(string(rs[start:])))
	}
	return out
}

// commonPrefix returns how many words a and b begin with alike.
func commonPrefix(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// settle gives each member of a list its group and its comment from what the comments
// above it say (abs, one for each member): settleLabels' judgement, the one way C's
// enums and #defines and Java's and Kotlin's constants are read.
func settle(ms []doc.Member, abs []above) {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	for i, g := range settleLabels(abs, names) {
		ms[i].Group, ms[i].Comment = g, abs[i].comment
	}
}

// headingCase reports whether a label begins as a heading does: with a capital, or a
// letter of a script without case ("공통").
func headingCase(label string) bool {
	r, _ := utf8.DecodeRuneInString(label)
	return unicode.IsUpper(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// spreadLabels gives each of a list's members its group: the label it begins a run with,
// or the last one above it. A label heads the members after it up to the
// next label; but one that heads a paragraph of members (two or more on lines one after
// another) heads that paragraph only, and the members after the blank line that ends it
// have none until the next label:
//
//	/* --- device errors --- */
//	#define CAM_ERR_NO_DEVICE  -1001
//	#define CAM_ERR_BUSY       -1002
//
//	#define CAM_ERR_UNKNOWN    -9999     no group
func spreadLabels(ms []above) []string {
	groups := make([]string, len(ms))
	group, para := "", 0 // para: the members of the label's first paragraph; 0 once it ended
	for i, m := range ms {
		switch {
		case m.label != "":
			group, para = m.label, 1
		case m.blank:
			if para >= 2 {
				group = ""
			}
			para = 0
		case para > 0:
			para++
		}
		groups[i] = group
	}
	return groups
}
