package search

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

// vocabulary is vocabulary.txt: the built-in error vocabulary, one group of phrases a line.
// Its header says where the words come from and how a phrase matches.
//
//go:embed vocabulary.txt
var vocabulary string

// Synonyms are the built-in groups of error vocabulary that mean the same in Korean,
// English, Japanese and Chinese, read from vocabulary.txt. A phrase of a group found in an
// entry gives the entry the group's concept term (ConceptPrefix and the group's name, its
// first phrase's CodeKey), in the class of the field it was found in; the same phrase found
// in a query adds the concept to the words it covers, so that "expired" finds an entry that
// only says "만료". A phrase in Latin letters is matched word by word on stems ("expires"
// matches "expired"); one with Hangul, kana or Han characters is matched in the text with
// white space removed ("찾을 수 없" matches "찾을수없음"). Options.Synonyms adds groups
// (docgen.yaml).
//
// The index's manifest carries only the groups whose concept some entry has: a concept no
// entry has finds nothing, and every first query loads the manifest.
var Synonyms = mustParseVocabulary(vocabulary)

// ErrorConcept is the concept of the vocabulary's group "error" (error, 오류, エラー, 错误,
// code, 코드, problem, 문제): every entry of an error catalog is one, so every entry has it,
// whatever its text says, in the weakest class (InText) only, where a term of every entry
// is one run of postings and scores next to nothing (its IDF is about 0.002). A query word
// of the group so never keeps an entry that does not write it from matching in full
// ("비밀번호 오류" finds an entry described as 비밀번호가 틀린); the word as written still
// ranks the entries that write it higher.
const ErrorConcept = ConceptPrefix + "error"

// ParseVocabulary reads groups of phrases in the format of vocabulary.txt: one group a
// line, phrases separated by "|", white space around them ignored; blank lines and lines
// starting with "#" are skipped. A line with an empty phrase is an error naming its line.
func ParseVocabulary(text string) ([][]string, error) {
	var groups [][]string
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, p := range strings.Split(line, "|") {
			p = strings.TrimSpace(p)
			if p == "" {
				return nil, fmt.Errorf("vocabulary:%d: an empty phrase", n+1)
			}
			if !utf8.ValidString(p) {
				return nil, fmt.Errorf("vocabulary:%d: not UTF-8", n+1)
			}
			g = append(g, p)
		}
		groups = append(groups, g)
	}
	return groups, nil
}

func mustParseVocabulary(text string) [][]string {
	g, err := ParseVocabulary(text)
	if err != nil {
		panic(err) // vocabulary.txt is part of the program; TestVocabulary reads it first
	}
	return g
}
