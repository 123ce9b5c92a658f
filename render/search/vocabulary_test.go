package search

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"docgen/internal/corpus"
)

var updateVectors = flag.Bool("update", false, "rewrite the vector files of testdata from the Go side")

// TestVocabulary checks vocabulary.txt against the rules its header states.
func TestVocabulary(t *testing.T) {
	groups, err := ParseVocabulary(vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) < 200 {
		t.Errorf("only %d groups", len(groups))
	}
	// Words of one syllable or character that are allowed as phrases: they begin or end
	// no other common word of their language.
	short := map[string]bool{"값": true, "앱": true, "値": true}
	names := map[string]int{}
	for i, g := range groups {
		if len(g) < 2 {
			t.Errorf("group %d %q: one phrase", i, g)
		}
		name := CodeKey(g[0])
		if j, ok := names[name]; ok {
			t.Errorf("group %d %q has the name of group %d: the two would be one", i, g, j)
		}
		names[name] = i
		if !isLatinPhrase(g[0]) {
			t.Errorf("group %d: the first phrase %q, which names the group, is not English", i, g[0])
		}
		for _, p := range g {
			if p != strings.ToLower(p) {
				t.Errorf("phrase %q is not lower case", p)
			}
			if isLatinPhrase(p) {
				n := len(strings.Fields(p))
				forms := 0
				for _, w := range Words(p) {
					forms += len(w.Parts)
				}
				// "log in" would be "log" alone: "in" is a stop word.
				if forms == 0 || n > 1 && forms < 2 {
					t.Errorf("Latin phrase %q keeps %d word forms", p, forms)
				}
				continue
			}
			if c := compact(p); utf8.RuneCountInString(c) == 1 && !short[c] {
				t.Errorf("phrase %q of one syllable or character matches inside other words", p)
			}
		}
	}
}

// vectorQueries are the queries of the synonym vectors besides every phrase of every group:
// inflected forms and whole sentences as people type them.
var vectorQueries = []string{
	"expires", "Expiration date", "token has expired", "login failed", "logged out",
	"로그인에 실패했습니다", "결제가 취소되었습니다", "파일 크기가 너무 큽니다", "요청이 너무 많습니다",
	"ユーザーが見つかりません", "サーバーが過負荷です", "アカウントがロックされています",
	"用户不存在", "请求过多", "訂單已取消", "密碼錯誤", "too many requests", "access denied",
	"file too large", "invalid email address", "subscription suspended", "잘못된 요청입니다",
	"결제취소", "認証失敗", "权限不足", "api 키 만료", "IP 주소 차단",
}

// synonymVectors returns the vector file's lines: each query and the concepts it is
// expanded with, on an index that has every group's concept.
func synonymVectors(t *testing.T) string {
	groups := Synonyms
	r := build(t, corpus.VocabularyCatalog(groups), Options{})
	var qs []string
	seen := map[string]bool{}
	for _, g := range groups {
		for _, p := range g {
			if !seen[p] {
				seen[p] = true
				qs = append(qs, p)
			}
		}
	}
	qs = append(qs, vectorQueries...)
	var b strings.Builder
	b.WriteString("# Synonym vectors: a query, a tab, and the concepts of the built-in vocabulary\n")
	b.WriteString("# (vocabulary.txt) it is expanded with, sorted. Both sides check these: the Go tests\n")
	b.WriteString("# (search.Reader) and the browser test (docgen.js), on an index of\n")
	b.WriteString("# corpus.VocabularyCatalog, which has every concept. Written by\n")
	b.WriteString("# go test ./render/search -run TestSynonymVectors -update\n")
	for _, q := range qs {
		b.WriteString(q + "\t" + strings.Join(queryConcepts(t, r, q), " ") + "\n")
	}
	return b.String()
}

// queryConcepts returns the concepts that query q is expanded with.
func queryConcepts(t *testing.T, r *Reader, q string) []string {
	if err := r.loadSyn(q); err != nil {
		t.Fatal(err)
	}
	toks, err := r.expandQuery(ParseQuery(q), false)
	if err != nil {
		t.Fatal(err)
	}
	var cs []string
	for _, tk := range toks {
		for _, a := range tk.alts {
			if strings.HasPrefix(a.term, ConceptPrefix) && !slices.Contains(cs, a.term) {
				cs = append(cs, a.term)
			}
		}
	}
	slices.Sort(cs)
	return cs
}

// checkVectors compares a shared vector file of testdata (the browser test checks the
// client against the same file) with what the Go side gives, got; with -update it writes
// got first.
func checkVectors(t *testing.T, name, got, test string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateVectors {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s is not what the Go side gives: run go test ./render/search -run %s -update and review the diff", path, test)
	}
}

// TestSynonymVectors checks that the query side finds every phrase of every group (each
// phrase, as a query, gets its group's concept) and that the vectors the browser test
// checks the client against are what search.Reader does.
func TestSynonymVectors(t *testing.T) {
	got := synonymVectors(t)
	checkVectors(t, "synonym_vectors.txt", got, "TestSynonymVectors")
	// Every phrase finds its own group.
	for _, g := range Synonyms {
		name := ConceptPrefix + CodeKey(g[0])
		for _, p := range g {
			if utf8.RuneCountInString(compact(p)) == 1 && !isHangul([]rune(p)[0]) {
				continue // a query of one character has no word; such a phrase matches inside words
			}
			line := p + "\t"
			i := strings.Index(got, "\n"+line)
			if i < 0 {
				t.Errorf("no vector for %q", p)
				continue
			}
			rest := got[i+1+len(line):]
			rest = rest[:strings.IndexByte(rest, '\n')]
			if !slices.Contains(strings.Fields(rest), name) {
				t.Errorf("phrase %q does not give its group's concept %s: %s", p, name, rest)
			}
		}
	}
}
