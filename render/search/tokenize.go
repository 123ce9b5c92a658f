package search

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// The tokenizer turns text into index terms, and a query into tokens with the terms that
// satisfy each. The search client (site/templates/docgen.js) runs the same rules on the
// query, with the word lists and synonym groups that the manifest carries, so the two sides
// cannot drift apart on them; the English stemmer, which has no list, is checked on both
// sides against testdata/stem_vectors.txt. Each class of query, and what it does:
//
//  1. Words. A word is a maximal run of letters and digits (Unicode L and Nd) that does
//     not change between Hangul and other scripts: "API키를" is the words "API" and "키를".
//  2. Codes by parts. A word in another script than Hangul splits into parts at camelCase
//     humps ("keyInvalid": key, invalid), before the last capital of an acronym
//     ("HTTPError": http, error) and between letters and digits ("oauth2": oauth, 2).
//     Parts are lower case. A part of one letter or digit, or an English stop word, is no
//     term of its own. A word of several parts is also a term as a whole ("keyinvalid"),
//     so the code spellings INVALID_PARAMETER, invalidParameter and "invalid parameter"
//     meet in the same parts and in the same code key (CodeKey), and a query whose key is a
//     code's key has that code first, then the codes its key starts.
//  3. Numeric prefixes. A numeric code is also a term as each of its prefixes of MinPrefix
//     digits or more ("4091" finds 409100000). A number that is no code and starts none
//     finds the codes that share most of its start ("did you mean").
//  4. Korean particles and endings. A Hangul word is a term as written and, when it ends
//     with a particle or an ending of 하다/되다 verbs (Suffixes), also without it: "배포가"
//     gives 배포가 and 배포, "만료되었습니다" 만료; the endings after the stems of 하다, 되다
//     and 시키다 are made of every tense and every ending (verbEndings, presentEndings), so
//     "삭제되었으므로" gives 삭제 too. Endings that follow a final consonant (SuffixesB) come
//     off after one: "없음", "없습니다", "없었으므로" give 없. A Hangul word that is
//     nothing but a particle ("를" after "API") is dropped.
//  5. Korean compounds (query only). A Hangul query word of MinCompound syllables or more
//     that is no term, and no phrase of the synonyms as a whole (a loanword: "레코드셋",
//     "레이트리밋"), splits into the terms of the index it is made of, leaving out at most
//     one syllable (segment): "결제취소" is the tokens 결제 and 취소. Pieces are of two
//     syllables or more; only when no such split exists may a piece be one syllable that is
//     a term ("키만료" → 키, 만료). Among the best results, those that have the pieces next to
//     each other ("스테이지 삭제에"), as any neighbouring words of a query, rank higher
//     (ProximityDocs).
//  6. Initial consonants (query only). A token of two or more initial consonants (초성,
//     "ㅌㅋ") matches the words of Hangul syllables with those initials (Initials), the
//     MaxInitialsWords found in most entries, from the file of its first consonant; when no
//     word has just those initials, the words whose initials start with them (ㅎㅇㄱㅇ →
//     회원가입시), at prefixFactor.
//  7. English word forms. A part written in a-z is also a term as its English stem
//     (EnglishStem, Porter2): "expiration", "expires" and "expired" meet in "expir".
//  8. Synonyms across languages. A phrase of a synonym group (Synonyms: the error
//     vocabulary of vocabulary.txt, and docgen.yaml's) in an entry gives it the group's
//     concept term; in a query it adds the concept to the tokens it covers, so "expired"
//     finds 만료, "login failed" 로그인에 실패, and 認証失敗 (split at its phrases)
//     finds AUTHENTICATION_FAILED. A query loads the phrases of its own scripts only
//     (SynFiles). A phrase gives a Korean query word its concept only where it covers the
//     word's stem, not its particle or ending alone ("디코딩할 수 없는": "수 없" is no
//     concept of 디코딩); and a Korean word whose stem a phrase covers whole, or a word of
//     kana or Han that one covers whole, takes only the concepts of the phrases that cover
//     all of it, not of those inside it ("레코드셋" is no 코드, "비밀번호" no 번호,
//     "服务器" no 服务). Every entry has the concept of "error" (ErrorConcept), so that
//     "오류", "error" or "code" in a query keeps no entry from matching in full.
//  9. Typos (query only, last). A token that matches nothing at all, in a query that names
//     no code, matches the words of a-z of the index within edit distance 1 (TypoMin
//     letters or more) or 2 (TypoMin2 or more), transpositions counting one, from the typo
//     vocabulary files of the lengths it could have; the corrected code key ranks with code
//     prefixes, below exact codes. When a token still matches nothing (a part too short to
//     correct: "notFoud"), the query's code key is corrected as one word ("notfound")
//     against the terms beside it in the dictionary that start with its first
//     KeyTypoPrefix letters, and the codes with the nearest corrected key are found and
//     rank with code prefixes.
// 10. Loanwords by sound (query only, with typos). A Hangul word of two syllables or more
//     that matches nothing, spelt as the loanword orthography spells English (no final
//     but ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ, no tense ㄲ ㄸ ㅃ ㅉ: "틀렸어요" is a verb), matches the words
//     of a-z of the index that sound as it does: both give the same sound key, their
//     consonants by the classes Hangul spells English with (SoundKey, HangulSoundKey:
//     레코드셋 and recordset are LKTST, 타임라인 and timeline TMLN), from the file of the
//     key's first symbol (w/N.js), the words found in most entries first, at typoFactor1.
//
// A token's alternatives score at a factor of a match of the token as written: stems
// stemFactor, synonyms synFactor, initials initialsFactor, typos typoFactor1 and 2,
// loanwords typoFactor1, words it begins (the last token, while typing) prefixFactor.

// StopWords are English words too common to be worth a term. They are left out of the index
// and of queries.
var StopWords = []string{
	"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of",
	"on", "or", "that", "the", "this", "to", "was", "with",
}

// Suffixes are the Korean particles and verb endings that a Hangul word is also indexed and
// searched without ("스테이지를" → "스테이지", "생성할" → "생성"), longest first. A suffix is
// only taken off when at least MinStem syllables remain (see stemLen).
var Suffixes = func() []string {
	s := []string{
		// particles (조사)
		"이", "가", "을", "를", "은", "는", "의", "에", "에서", "에게", "께", "께서", "한테",
		"으로", "로", "으로서", "로서", "으로써", "로써", "와", "과", "도", "만", "까지", "부터",
		"이나", "나", "이라도", "라도", "이란", "란", "이라는", "라는", "처럼", "보다", "마다",
		"조차", "에는", "에도", "에서는", "에서도", "으로는", "로는", "으로도", "로도",
		"에게는", "과는", "와는", "이든", "이며", "이고", "이다", "입니다", "이에요", "예요",
		"이랑", "랑", "들", "들이", "들을", "들은", "들의", "들에", "들도", "들과", "들로",
		// endings of 하다 and 되다 verbs, so that "생성할" and "삭제하지" find "생성", "삭제"
		"하는", "하지", "할", "한", "합니다", "하여", "해", "해서", "했습니다", "했다", "하다",
		"하세요", "하십시오", "하면", "하고", "하려면", "하거나", "하였습니다", "하였다", "함",
		"된", "되는", "되지", "될", "됩니다", "되었습니다", "됐습니다", "되어", "되며", "되면",
		"된다", "되다", "되었다", "됨", "시킬", "시키는", "시켜", "할수", "할때",
		// more forms of 하다 and 되다: "누락됐습니다", "만료되어서", "거절됐어요" → the noun
		"됐어요", "됐다", "됐는데", "됐음", "되어서", "되어요", "돼요", "돼서", "되었는데", "되지만",
		"되었음", "되었고", "되고", "되는데", "되던", "되었으나", "됐으나", "되므로", "되니", "되기",
		"했어요", "해요", "했는데", "하여서", "했음", "하지만", "하였음", "한다", "했던", "하던",
		"하는데", "해주세요", "해주십시오", "하였으나", "하며", "하기", "합니까", "됩니까", "하므로",
		"하니", "했고", "하였고", "시켰습니다", "시킨",
	}
	// and every ending of verbEndings after the past stems of 하다, 되다 and 시키다, and the
	// present ones after their stems: "삭제되었으므로", "생성했으니" → the noun.
	for _, stem := range []string{"했", "하였", "됐", "되었", "시켰"} {
		for _, e := range verbEndings {
			s = append(s, stem+e)
		}
	}
	for _, stem := range []string{"하", "되", "시키"} {
		for _, e := range presentEndings {
			s = append(s, stem+e)
		}
	}
	s = dedupe(s)
	sort.SliceStable(s, func(i, j int) bool {
		return utf8.RuneCountInString(s[i]) > utf8.RuneCountInString(s[j])
	})
	return s
}()

// SuffixesB are verb and adjective endings that follow a stem ending in a consonant
// ("없음", "없습니다", "않아요" → "없", "않"): taken off only when the syllable before them has
// a final consonant (받침), one syllable may remain.
var SuffixesB = func() []string {
	s := []string{"음", "습니다", "었습니다", "았습니다", "었어요", "았어요", "어요", "아요", "어서",
		"아서", "었다", "았다", "었는데", "았는데", "는데", "으면", "으며", "으니", "었던", "았던", "었음",
		"았음", "었고", "았고", "지만", "으므로", "으니까", "으나"}
	// and every ending of verbEndings after the past tense: "없었으므로", "않았으니" → 없, 않.
	for _, past := range []string{"었", "았"} {
		for _, e := range verbEndings {
			s = append(s, past+e)
		}
	}
	s = dedupe(s)
	sort.SliceStable(s, func(i, j int) bool {
		return utf8.RuneCountInString(s[i]) > utf8.RuneCountInString(s[j])
	})
	return s
}()

// verbEndings are the endings that follow a past stem (했, 되었, 없었…): the suffixes are
// made of them rather than listed one by one, so that every tense takes every ending.
var verbEndings = []string{"다", "습니다", "음", "으므로", "으니", "으니까", "으나", "는데", "고", "지만",
	"어요", "어서", "던", "으며", "으면", "기", "지", "을", "는지", "다가"}

// presentEndings are the endings that follow the present stems 하, 되 and 시키.
var presentEndings = []string{"다", "는", "지", "고", "며", "면", "므로", "니", "니까", "나", "기", "지만",
	"는데", "던", "도록", "려면", "려고", "는지", "다가"}

// dedupe returns list without its repeated strings, in the order of first appearance.
func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range list {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// stopSet and suffixSet index StopWords and Suffixes; suffixesBy lists Suffixes (longest
// first) by their last rune, so that Stem tries only those that can match.
var (
	stopSet    = toSet(StopWords)
	suffixSet  = toSet(Suffixes)
	suffixesBy = func() map[rune][]string {
		m := map[rune][]string{}
		all := append(slices.Clone(Suffixes), SuffixesB...)
		sort.SliceStable(all, func(i, j int) bool {
			return utf8.RuneCountInString(all[i]) > utf8.RuneCountInString(all[j])
		})
		for _, s := range all {
			r, _ := utf8.DecodeLastRuneInString(s)
			m[r] = append(m[r], s)
		}
		return m
	}()
	suffixBSet = toSet(SuffixesB)
)

func toSet(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// Word is one word of a text, split as the tokenizer splits it.
type Word struct {
	// Parts are the word's terms in order, lower case, without stop words and parts of one
	// character. A Hangul word has one part, the word as written.
	Parts []string
	// Stems are the English stems of Parts (EnglishStem), "" where a part has none.
	Stems []string
	// Whole is the whole word in lower case when it has several parts ("keyinvalid"), else "".
	Whole string
	// Stem is a Hangul word without its particle or ending ("배포" for "배포가"), or "".
	Stem string
	// Hangul reports whether the word is written in Hangul.
	Hangul bool
	// Start and End are the byte offsets of the word in the text.
	Start, End int
}

// isWordRune reports whether r belongs to a word: a letter or a decimal digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isHangul reports whether r is a Hangul letter.
func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

// Words splits text into words by the rules above. Words that leave no term (a stop word, a
// lone particle) are left out.
func Words(text string) []Word {
	var words []Word
	start := -1
	var hangul bool
	flush := func(end int) {
		if start < 0 {
			return
		}
		if w, ok := makeWord(text[start:end], hangul); ok {
			w.Start, w.End = start, end
			words = append(words, w)
		}
		start = -1
	}
	for i, r := range text {
		if !isWordRune(r) {
			flush(i)
			continue
		}
		h := isHangul(r)
		if start >= 0 && h != hangul {
			flush(i)
		}
		if start < 0 {
			start, hangul = i, h
		}
	}
	flush(len(text))
	return words
}

// makeWord builds the Word of one run of letters and digits.
func makeWord(s string, hangul bool) (Word, bool) {
	if hangul {
		if suffixSet[s] {
			return Word{}, false
		}
		return Word{Parts: []string{s}, Stems: []string{""}, Stem: Stem(s), Hangul: true}, true
	}
	raw := splitParts(s)
	w := Word{}
	for _, p := range raw {
		p = strings.ToLower(p)
		if utf8.RuneCountInString(p) < 2 || stopSet[p] {
			continue
		}
		w.Parts = append(w.Parts, p)
		w.Stems = append(w.Stems, EnglishStem(p))
	}
	if len(raw) > 1 {
		w.Whole = strings.ToLower(s)
	}
	if len(w.Parts) == 0 && w.Whole == "" {
		return Word{}, false
	}
	return w, true
}

// splitParts splits a non-Hangul word at camelCase humps, acronym ends and letter-digit
// changes.
func splitParts(s string) []string {
	rs := []rune(s)
	var parts []string
	from := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		cut := false
		switch {
		case unicode.IsDigit(prev) != unicode.IsDigit(cur):
			cut = true
		case unicode.IsLower(prev) && unicode.IsUpper(cur):
			cut = true
		case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			cut = true
		}
		if cut {
			parts = append(parts, string(rs[from:i]))
			from = i
		}
	}
	return append(parts, string(rs[from:]))
}

// EnglishStem returns the Porter2 (Snowball English) stem of a part written in the letters
// a-z, three or more: "expiration", "expires" and "expired" all give "expir". It returns ""
// when the part has no other stem than itself or is no such word. The client has the same
// rules (porter2 in docgen.js); testdata/stem_vectors.txt holds the cases both are tested
// against.
func EnglishStem(p string) string {
	if len(p) < 3 {
		return ""
	}
	for i := 0; i < len(p); i++ {
		if p[i] < 'a' || p[i] > 'z' {
			return ""
		}
	}
	if s, ok := stemCache.Load(p); ok {
		return s.(string)
	}
	s := english.Stem(p, true)
	if s == p {
		s = ""
	}
	stemCache.Store(p, s)
	return s
}

// stemCache holds the stems found so far: a catalog repeats its words, and the stemmer
// allocates for each call.
var stemCache sync.Map

// Stem returns a Hangul word without the longest of Suffixes it ends with, or "" when it ends
// with none or too little would remain.
func Stem(w string) string {
	n := utf8.RuneCountInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	for _, s := range suffixesBy[last] {
		if !strings.HasSuffix(w, s) {
			continue
		}
		rest := n - utf8.RuneCountInString(s)
		if suffixSet[s] && rest >= stemLen(s) {
			return w[:len(w)-len(s)]
		}
		if suffixBSet[s] && rest >= 1 {
			r, _ := utf8.DecodeLastRuneInString(w[:len(w)-len(s)])
			if r >= 0xAC00 && r <= 0xD7A3 && (r-0xAC00)%28 != 0 {
				return w[:len(w)-len(s)]
			}
		}
	}
	return ""
}

// stemLen returns how many syllables must remain when suffix s is taken off: one for a
// particle ("키가" → "키"), two for a verb ending, whose syllables also end many plain words
// ("한" in "제한").
func stemLen(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '하', '한', '할', '함', '해', '했', '되', '된', '될', '됩', '됐', '됨', '돼', '시':
		return 2
	}
	return 1
}

// CodeKey returns the key under which a code is found as an exact hit: its letters and
// digits in lower case, so that "INVALID_PARAMETER", "invalidParameter" and
// "invalid parameter" share the key "invalidparameter", and "-32601" has the key "32601".
func CodeKey(code string) string {
	var b strings.Builder
	for _, r := range code {
		if isWordRune(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isDigits reports whether s is a non-empty string of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MinPrefix is the shortest numeric code prefix that is a term of its own: "409" finds
// 409100000, and so does "4091".
const MinPrefix = 3

// Terms returns the distinct index terms of text, in order of first appearance: every part,
// every whole word of several parts, every stem.
func Terms(text string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, w := range Words(text) {
		for i, p := range w.Parts {
			add(p)
			add(w.Stems[i])
		}
		add(w.Whole)
		add(w.Stem)
	}
	return out
}

// Query is a search query split as the client splits it.
type Query struct {
	// Tokens must all match (each through one of its alternatives) for a full match.
	Tokens []QueryToken
	// Key is the query's code key (CodeKey of the whole query): an entry whose code has this
	// key is an exact hit and comes first.
	Key string
}

// QueryToken is one required part of a query with the terms that satisfy it.
type QueryToken struct {
	Terms []string // the part as written first, then its stem
	// Prefix reports whether terms that start with Terms[0] also match: true for the last
	// token of a query that is not a number, so that results come while typing.
	Prefix bool
	// Hangul reports whether the token is a Hangul word.
	Hangul bool
}

// ParseQuery splits a query into tokens. It is what the client does, written in Go for the
// tests.
func ParseQuery(q string) Query {
	var query Query
	for _, w := range Words(q) {
		for i, p := range w.Parts {
			t := QueryToken{Terms: []string{p}, Hangul: w.Hangul}
			if w.Stem != "" {
				t.Terms = append(t.Terms, w.Stem)
			}
			if i < len(w.Stems) && w.Stems[i] != "" {
				t.Terms = append(t.Terms, w.Stems[i])
			}
			query.Tokens = append(query.Tokens, t)
		}
	}
	if n := len(query.Tokens); n > 0 {
		last := &query.Tokens[n-1]
		last.Prefix = !isDigits(last.Terms[0])
	}
	query.Key = CodeKey(q)
	return query
}
