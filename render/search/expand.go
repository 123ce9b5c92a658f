package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds what a query is expanded with beyond its own words: concepts shared
// across languages (Synonyms), Korean compounds split against the index's vocabulary,
// initial consonants (초성) and typos. The client (docgen.js) does the same, step for step.

// ConceptPrefix starts the term of a synonym group's concept: no word can contain it.
const ConceptPrefix = "="

// synGroup is a compiled synonym group.
type synGroup struct {
	Name string     // the concept term
	Seqs [][]string // phrases in Latin letters, as sequences of word forms (norm)
	Subs []string   // other phrases, lower case, white space removed
	// Value is the concept's dictionary value, in a group read from a synonym file.
	Value string
}

// compileSynonyms compiles groups of phrases. Groups whose first phrases have the same
// key are one group.
func compileSynonyms(groups [][]string) []synGroup {
	var out []synGroup
	at := map[string]int{}
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		name := ConceptPrefix + CodeKey(g[0])
		if name == ConceptPrefix {
			continue
		}
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, synGroup{Name: name})
		}
		for _, p := range g {
			if isLatinPhrase(p) {
				var seq []string
				for _, w := range Words(p) {
					for k, part := range w.Parts {
						seq = append(seq, norm(part, w.Stems[k]))
					}
				}
				if len(seq) > 0 {
					out[i].Seqs = append(out[i].Seqs, seq)
				}
			} else if s := compact(p); s != "" {
				out[i].Subs = append(out[i].Subs, s)
			}
		}
	}
	return out
}

// isLatinPhrase reports whether a phrase has no Hangul, kana or Han letter.
func isLatinPhrase(p string) bool {
	for _, r := range p {
		if isCJK(r) {
			return false
		}
	}
	return true
}

// isCJK reports whether r is a Hangul, kana or Han letter.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// norm returns the form a word part is matched in against synonym phrases: its stem, or
// the part itself.
func norm(part, stem string) string {
	if stem != "" {
		return stem
	}
	return part
}

// compact returns s in lower case without white space.
func compact(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !unicode.IsSpace(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// compactDoc is compact for an entry's text, faster: it lowers ASCII letters only and
// drops ASCII white space, no-break and ideographic spaces.
func compactDoc(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0: // U+00A0
			i++
			continue
		case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80: // U+3000
			i += 2
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

// SynFiles name the files v/S.js that hold the synonym groups of an index, by the script
// of their phrases: "l" the phrases in Latin letters (as word forms joined by spaces), "k"
// the phrases with Hangul, "j" the others (kana, Han). Each file lists [concept, value,
// phrase, …] for the groups that have phrases of its script, value being the concept's
// dictionary value (its postings, or the reference to their file): a query that matches a
// phrase loads the concept's postings without looking it up. A phrase can only match a query that
// has the letters of its script, so a query loads the files of the scripts it is written
// in (queryScripts): a Korean query the Hangul phrases, an English one the Latin ones.
var SynFiles = []string{"l", "k", "j"}

// synFileEntry returns group g's entry in the synonym file f, or nil when g has no phrase
// of f's script.
func synFileEntry(g synGroup, f string) []string {
	e := []string{g.Name}
	switch f {
	case "l":
		for _, s := range g.Seqs {
			e = append(e, strings.Join(s, " "))
		}
	default:
		for _, s := range g.Subs {
			if hasHangul(s) == (f == "k") {
				e = append(e, s)
			}
		}
	}
	if len(e) == 1 {
		return nil
	}
	return e
}

// synGroupOf returns the group of an entry of the synonym file f ([concept, value,
// phrase…]).
func synGroupOf(e []string, f string) synGroup {
	g := synGroup{Name: e[0], Value: e[1]}
	for _, p := range e[2:] {
		if f == "l" {
			g.Seqs = append(g.Seqs, strings.Split(p, " "))
		} else {
			g.Subs = append(g.Subs, p)
		}
	}
	return g
}

// hasHangul reports whether s has a Hangul letter.
func hasHangul(s string) bool {
	for _, r := range s {
		if isHangul(r) {
			return true
		}
	}
	return false
}

// queryScripts returns the synonym files (SynFiles) a query needs: "l" when it has a letter
// that is no Hangul, kana or Han, "k" when it has Hangul, "j" when it has kana or Han. A
// phrase of digits alone matches only in a query that also has a letter.
func queryScripts(q string) []string {
	var l, k, j bool
	for _, r := range q {
		switch {
		case !unicode.IsLetter(r):
		case isHangul(r):
			k = true
		case isCJK(r):
			j = true
		default:
			l = true
		}
	}
	var out []string
	for i, ok := range []bool{l, k, j} {
		if ok {
			out = append(out, SynFiles[i])
		}
	}
	return out
}

// synIndex finds synonym phrases fast: Latin phrases by their first word form, the others
// by their first rune.
type synIndex struct {
	groups []synGroup
	seq    map[string][][2]int // first form → (group, phrase)
	sub    map[rune][][2]int
	// first has a bit set for each rune of the Basic Multilingual Plane that starts a
	// phrase in sub: most runes of a text start none, and a bit is cheaper than the map.
	first [1 << 10]uint64
}

func newSynIndex(groups []synGroup) *synIndex {
	x := &synIndex{groups: groups, seq: map[string][][2]int{}, sub: map[rune][][2]int{}}
	for g, gr := range groups {
		for p, s := range gr.Seqs {
			x.seq[s[0]] = append(x.seq[s[0]], [2]int{g, p})
		}
		for p, s := range gr.Subs {
			r, _ := utf8.DecodeRuneInString(s)
			x.sub[r] = append(x.sub[r], [2]int{g, p})
			if r < 1<<16 {
				x.first[r>>6] |= 1 << (r & 63)
			}
		}
	}
	return x
}

// seqMatches calls f(group, from, to) for every Latin phrase found in forms (word forms in
// order), from and to being the indexes of its first and one past its last form.
func (x *synIndex) seqMatches(forms []string, f func(g, from, to int)) {
	for i, w := range forms {
		for _, gp := range x.seq[w] {
			s := x.groups[gp[0]].Seqs[gp[1]]
			if i+len(s) > len(forms) {
				continue
			}
			ok := true
			for k := 1; k < len(s); k++ {
				if forms[i+k] != s[k] {
					ok = false
					break
				}
			}
			if ok {
				f(gp[0], i, i+len(s))
			}
		}
	}
}

// subMatches calls f(group, from, to) for every other phrase found in text (compacted, as
// runes), from and to being rune indexes.
func (x *synIndex) subMatches(text []rune, f func(g, from, to int)) {
	for i, r := range text {
		for _, gp := range x.sub[r] {
			s := x.groups[gp[0]].Subs[gp[1]]
			n := utf8.RuneCountInString(s)
			if i+n <= len(text) && string(text[i:i+n]) == s {
				f(gp[0], i, i+n)
			}
		}
	}
}

// whole reports whether a Hangul word, without its particle or ending (Stem), is one
// phrase of a group as a whole: a loanword or term of the vocabulary ("레코드셋", "레이트리밋")
// is that concept, not a compound of the index's words to split ("레코" + "코드" …), which
// would also take the phrase, and so the concept, from it.
func (x *synIndex) whole(w string) bool {
	if st := Stem(w); st != "" {
		w = st
	}
	rs := []rune(compact(w))
	found := false
	x.subMatches(rs, func(_, from, to int) {
		if from == 0 && to == len(rs) {
			found = true
		}
	})
	return found
}

// concepts returns the concept terms of a text whose words are ws.
func (x *synIndex) concepts(text string, ws []Word, add func(string)) {
	if len(x.groups) == 0 {
		return
	}
	// Latin phrases, only when a word starts one.
	starts := false
	for _, w := range ws {
		for k, p := range w.Parts {
			if !w.Hangul && x.seq[norm(p, w.Stems[k])] != nil {
				starts = true
				break
			}
		}
	}
	if starts {
		var forms []string
		for _, w := range ws {
			if w.Hangul {
				forms = append(forms, "")
				continue
			}
			for k, p := range w.Parts {
				forms = append(forms, norm(p, w.Stems[k]))
			}
		}
		x.seqMatches(forms, func(g, _, _ int) { add(x.groups[g].Name) })
	}
	hasCJK := false
	for _, r := range text {
		if r >= 0x1100 && isCJK(r) {
			hasCJK = true
			break
		}
	}
	if hasCJK {
		cs := compactDoc(text)
		for i, r := range cs {
			if r < 1<<16 && x.first[r>>6]&(1<<(r&63)) == 0 {
				continue
			}
			for _, gp := range x.sub[r] {
				if strings.HasPrefix(cs[i:], x.groups[gp[0]].Subs[gp[1]]) {
					add(x.groups[gp[0]].Name)
				}
			}
		}
	}
}

// ---- initial consonants (초성) ----

// choseong are the initial consonants of Hangul syllables, in the order of their index.
var choseong = []rune("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")

// Initials returns the initial consonants of a word of Hangul syllables ("토큰" → "ㅌㅋ"),
// or "" when the word has anything else.
func Initials(w string) string {
	var b strings.Builder
	for _, r := range w {
		if r < 0xAC00 || r > 0xD7A3 {
			return ""
		}
		b.WriteRune(choseong[(r-0xAC00)/588])
	}
	return b.String()
}

// isInitials reports whether s is two or more initial consonants (a 초성 query).
func isInitials(s string) bool {
	n := 0
	for _, r := range s {
		if choseongIndex(r) < 0 {
			return false
		}
		n++
	}
	return n >= 2
}

// choseongIndex returns the index of an initial consonant, or -1.
func choseongIndex(r rune) int {
	for i, c := range choseong {
		if c == r {
			return i
		}
	}
	return -1
}

// MaxInitialsWords is how many words an initial-consonant token matches at most: those
// found in the most entries.
const MaxInitialsWords = 8

// ---- typos ----

// TypoMin is the shortest word a typo is corrected in (edit distance 1); TypoMin2 the
// shortest that may have two (distance 2).
const (
	TypoMin  = 5
	TypoMin2 = 9
)

// typoDistance returns how many typos a word of n letters may have.
func typoDistance(n int) int {
	switch {
	case n >= TypoMin2:
		return 2
	case n >= TypoMin:
		return 1
	}
	return 0
}

// isTypoWord reports whether a term is corrected to: a word of a-z letters, TypoMin or more.
func isTypoWord(t string) bool {
	if len(t) < TypoMin {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] < 'a' || t[i] > 'z' {
			return false
		}
	}
	return true
}

// editDistance returns the optimal string alignment distance of a and b (insertions,
// deletions, substitutions and transpositions of neighbours each count one), or max+1 when
// it is more than max. a and b are ASCII.
func editDistance(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// ---- Korean compounds ----

// MinCompound is the fewest syllables a Hangul query word has for it to be split into words
// of the index when it is no term itself ("결제취소" → 결제, 취소).
const MinCompound = 3

// segment splits the syllables of a Hangul word into pieces of minPiece or more syllables
// that found reports as terms of the index, leaving out as few syllables as possible, then
// using as few pieces as possible, then preferring longer pieces first. It returns nil when
// no split into two or more pieces leaves out at most one syllable.
//
// The reader asks for pieces of two syllables first, and only when that finds no split for
// pieces of one: a syllable alone is often a word ("키", "큐", "앱"), but also the last
// syllable of many others, so it is the last resort ("키만료" → 키, 만료).
func segment(rs []rune, minPiece int, found func(string) bool) []string {
	n := len(rs)
	type state struct {
		miss, pieces int
		next         int // where the step from here goes
		take         bool
	}
	const inf = 1 << 30
	st := make([]state, n+1)
	st[n] = state{}
	for i := n - 1; i >= 0; i-- {
		best := state{miss: inf}
		for j := n; j >= i+minPiece; j-- {
			if !found(string(rs[i:j])) {
				continue
			}
			s := st[j]
			if s.miss < best.miss || s.miss == best.miss && s.pieces+1 < best.pieces {
				best = state{miss: s.miss, pieces: s.pieces + 1, next: j, take: true}
			}
		}
		s := st[i+1]
		if s.miss+1 < best.miss || s.miss+1 == best.miss && s.pieces < best.pieces {
			best = state{miss: s.miss + 1, pieces: s.pieces, next: i + 1}
		}
		st[i] = best
	}
	if st[0].miss > 1 || st[0].pieces < 2 {
		return nil
	}
	var out []string
	for i := 0; i < n; {
		if st[i].take {
			out = append(out, string(rs[i:st[i].next]))
		}
		i = st[i].next
	}
	return out
}

// substrings returns every run of minLen to maxLen syllables of rs, the candidates of
// segment.
func substrings(rs []rune, minLen, maxLen int) []string {
	var out []string
	for i := range rs {
		for j := i + minLen; j <= min(len(rs), i+maxLen); j++ {
			out = append(out, string(rs[i:j]))
		}
	}
	return out
}

// ---- loanwords by sound ----

// SoundSymbols are the symbols of a sound key (SoundKey), in the order of the files
// w/N.js: the consonant classes that Korean spells English words with.
const SoundSymbols = "KTPSNLMG"

// MinSoundKey is the fewest symbols a sound key has for a word to be matched by sound.
const MinSoundKey = 2

// SoundKey returns how a word of a-z letters sounds to a Korean ear, as the consonant
// classes Hangul spells it with (SoundSymbols): vowels, w, y and h are left out, b p f v
// are P, d t are T, c k q g (hard) are K, s z j and soft c and g, sh, ch, th and "ti" of
// "-tion" are S, r only before a vowel (as Korean drops it after one) and l are L, ng
// before no vowel is G, "tch" is S and an n after m at the end silent; a symbol repeated
// next to itself counts once. "recordset",
// "timeline" and "serving" give LKTST, TMLN, SPG as 레코드셋, 타임라인, 서빙 do
// (HangulSoundKey). "" when w has another letter.
func SoundKey(w string) string {
	vowel := func(i int) bool {
		return i < len(w) && strings.IndexByte("aeiouy", w[i]) >= 0
	}
	soft := func(i int) bool { return i < len(w) && strings.IndexByte("eiy", w[i]) >= 0 }
	var b []byte
	put := func(s byte) {
		if n := len(b); n == 0 || b[n-1] != s {
			b = append(b, s)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return ""
		}
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c == 's' && next == 'c' && i+2 < len(w) && w[i+2] == 'h':
			put('S')
			put('K')
			i += 2
		case c == 't' && next == 'c' && i+2 < len(w) && w[i+2] == 'h':
			// "tch" sounds as "ch" (패치 is "patch")
		case c == 'n' && i+1 == len(w) && i > 0 && w[i-1] == 'm':
			// a silent n after m at the end ("column", 컬럼)
		case c == 'p' && next == 'h':
			put('P')
			i++
		case (c == 't' || c == 's' || c == 'c') && next == 'h':
			put('S')
			i++
		case c == 'c' && next == 'k', c == 'q' && next == 'u':
			put('K')
			i++
		case c == 'n' && next == 'g' && !vowel(i+2):
			put('G')
			i++
		case c == 't' && next == 'i' && vowel(i+2):
			put('S')
		case c == 'x':
			put('K')
			put('S')
		case c == 'c' || c == 'g':
			if soft(i+1) && !(c == 'g' && i > 0 && w[i-1] == 'g') {
				put('S')
			} else {
				put('K')
			}
		case c == 's' || c == 'z' || c == 'j':
			put('S')
		case c == 'd' || c == 't':
			put('T')
		case c == 'k' || c == 'q':
			put('K')
		case c == 'b' || c == 'p' || c == 'f' || c == 'v':
			put('P')
		case c == 'l':
			put('L')
		case c == 'r':
			// only before a vowel that is sounded: not the silent e of "-re", "-red",
			// "-res" ("expired" is 익스파이어드)
			if rest := w[i+1:]; vowel(i+1) && rest != "e" && rest != "ed" && rest != "es" {
				put('L')
			}
		case c == 'm':
			put('M')
		case c == 'n':
			put('N')
		}
	}
	return string(b)
}

// soundInitial and soundFinal are the symbols of the initial and final consonants of a
// Hangul syllable, in the order of their index: '-' for none (ㅇ and ㅎ are silent), '!'
// for one that the loanword orthography (외래어 표기법) does not use, which makes the word
// no loanword: a final other than ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ (its rule 3; "틀렸어요" is a verb), a
// tense ㄲ ㄸ ㅃ ㅉ (rule 4).
const (
	soundInitial = "K!NT!LMP!SS-S!SKTP-"
	soundFinal   = "-K!!N!!!L!!!!!!!MP!T!G!!!!!!"
)

// HangulSoundKey returns the sound key (SoundKey) of a word of Hangul syllables, as an
// English word that Korean spells so would have it: the classes of its initial and final
// consonants, ㅅ final as T (셋 is "set"), ㅇ final as G; "" when w is not two syllables or
// more of Hangul, has a consonant that no loanword is spelt with, or its key has fewer
// than MinSoundKey symbols.
func HangulSoundKey(w string) string {
	var b []byte
	n := 0
	for _, r := range w {
		if r < 0xAC00 || r > 0xD7A3 {
			return ""
		}
		i := int(r - 0xAC00)
		for _, s := range [2]byte{soundInitial[i/588], soundFinal[i%28]} {
			switch {
			case s == '!':
				return ""
			case s == '-':
			case len(b) == 0 || b[len(b)-1] != s:
				b = append(b, s)
			}
		}
		n++
	}
	if n < 2 || len(b) < MinSoundKey {
		return ""
	}
	return string(b)
}

// isSoundWord reports whether a term is matched by sound: a word of two or more a-z
// letters whose key has MinSoundKey symbols or more.
func isSoundWord(t string) bool {
	return len(t) >= 2 && len(SoundKey(t)) >= MinSoundKey
}

// isAZ reports whether s is letters a-z only.
func isAZ(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
