package main

import (
	"regexp"
	"strings"
	"unicode"

	"docgen/catalog"
	"docgen/render/search"
)

// perClass is how many queries of each class generated makes.
const perClass = 20

// generated makes queries from a catalog of internal/corpus by fixed rules, perClass of
// each class, from entries spread over the catalog; the entries that count as meant are
// every entry that has what the query was made from, so that a query made from one of many
// alike entries is not counted wrong for finding another.
func generated(c *catalog.Catalog) []query {
	type ent struct {
		s *catalog.Service
		e *catalog.Entry
	}
	var all []ent
	for _, s := range c.Services {
		for _, e := range s.Entries {
			all = append(all, ent{s, e})
		}
	}
	want := func(keep func(e *catalog.Entry) bool) []string {
		var w []string
		for _, x := range all {
			if keep(x.e) {
				w = append(w, x.s.ID+":"+x.e.Code)
			}
		}
		return w
	}
	var qs []query
	count := map[string]int{}
	add := func(class, q string, w []string) {
		if count[class] >= perClass || len(w) == 0 {
			return
		}
		for _, old := range qs {
			if old.class == class && old.q == q {
				return
			}
		}
		count[class]++
		qs = append(qs, query{class: class, q: q, want: w})
	}
	reMissing := regexp.MustCompile(`요청한 (\S+) (\S+?)[이가] 존재하지`)
	reCannot := regexp.MustCompile(`(\S+?)[을를] (\S+)할 수 없습니다`)
	reFailed := regexp.MustCompile(`^Failed to (\w+) the (\w+)\.$`)
	reNotFound := regexp.MustCompile(`^The (\w+) (\w+) was not found\.$`)
	reLimit := regexp.MustCompile(`^(\w+) (\w+) exceeded the limit\.$`)
	step := max(len(all)/(8*perClass), 1)
	for i := 0; i < len(all); i += step {
		x := all[(i*7919)%len(all)]
		e := x.e
		key := search.CodeKey(e.Code)
		sameKey := func(o *catalog.Entry) bool { return search.CodeKey(o.Code) == key }
		switch {
		case isNumeric(e.Code) && len(e.Code) >= 9:
			p := e.Code[:6]
			var w []string
			for _, s := range c.Services {
				for _, o := range s.Entries {
					if strings.HasPrefix(o.Code, p) {
						w = append(w, s.ID+":"+p+"*")
						break
					}
				}
			}
			add("code", p, w)
		case !isNumeric(e.Code):
			add("code", e.Code, want(sameKey))
			if t := typo(e.Code); t != "" {
				add("typo-code", t, want(sameKey))
			}
		}
		if m := reMissing.FindStringSubmatch(e.Description); m != nil {
			a, b := m[1], m[2]
			has := func(o *catalog.Entry) bool { return strings.Contains(o.Description, a+" "+b) }
			add("compound", a+b, want(has))
			add("chosung", initials(a)+" "+initials(b), want(has))
		}
		if m := reCannot.FindStringSubmatch(e.Description); m != nil {
			a, v := m[1], m[2]
			has := func(o *catalog.Entry) bool {
				return regexp.MustCompile(regexp.QuoteMeta(a) + `[을를] ` + v + `할`).MatchString(o.Description)
			}
			add("verbform", a+" "+v+"하지 못했습니다", want(has))
		}
		if m := reFailed.FindStringSubmatch(e.Message); m != nil {
			verb, obj := m[1], m[2]
			has := func(o *catalog.Entry) bool { return o.Message == e.Message }
			add("stem", gerund(verb)+" "+obj+"s", want(has))
		}
		if m := reNotFound.FindStringSubmatch(e.Message); m != nil {
			has := func(o *catalog.Entry) bool { return o.Message == e.Message }
			add("crosslang", m[1]+" "+m[2]+" 찾을 수 없음", want(has))
		}
		if m := reLimit.FindStringSubmatch(e.Message); m != nil {
			has := func(o *catalog.Entry) bool { return o.Message == e.Message }
			add("crosslang", strings.ToLower(m[1])+" "+m[2]+" 한도 초과", want(has))
		}
	}
	return qs
}

func isNumeric(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// typo swaps the third and fourth letters of the code's longest part of five letters or
// more: "TOKEN_EXPIRED" → "TOKEN_EXPRIED". It returns "" for a code with no such part.
func typo(code string) string {
	best, at := "", -1
	start := -1
	for i, r := range code + "_" {
		letter := unicode.IsLetter(r) && (start < 0 || !(unicode.IsUpper(r) && i > start && unicode.IsLower(rune(code[i-1]))))
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			if i-start > len(best) {
				best, at = code[start:i], start
			}
			start = -1
			if unicode.IsLetter(r) {
				start = i
			}
		}
	}
	if len(best) < 5 || best[2] == best[3] {
		return ""
	}
	b := []byte(code)
	b[at+2], b[at+3] = b[at+3], b[at+2]
	return string(b)
}

// initials returns the initial consonants (초성) of a Hangul word: "토큰" → "ㅌㅋ".
func initials(w string) string {
	const cho = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
	jamo := []rune(cho)
	var b strings.Builder
	for _, r := range w {
		if r >= 0xAC00 && r <= 0xD7A3 {
			b.WriteRune(jamo[(r-0xAC00)/588])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// gerund returns the -ing form of one of the corpus's verbs.
func gerund(v string) string {
	switch {
	case strings.HasSuffix(v, "e"):
		return v[:len(v)-1] + "ing"
	default:
		return v + "ing"
	}
}
