package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Reader searches a built index as the search client in the browser does: the same
// tokenizer, the same loading rules (which files a query needs) and the same scoring. It is
// the executable description of the client's algorithm; tests compare the two.
type Reader struct {
	man      Manifest
	seps     [][]uint16 // the decoded Manifest.Shards
	hot      map[string]string
	spec     []int // the decoded Manifest.Spec
	files    map[string][]byte
	shards   map[int]map[string]string // dictionary shard → term → postings
	docs     map[int][]json.RawMessage
	known    map[int]json.RawMessage // records that postings files brought
	synx     *synIndex
	synFiles map[string][]synGroup // the synonym files loaded, by SynFiles name
	initials map[int][][3]string
	typos    map[int][][2]string
	sounds   map[int][][3]string
	// Lang is the language results are shown in, as the client's page language: a
	// result of a service in several languages gives its page, title and snippet in Lang
	// when Lang is one of them. "" shows them in the service's default language.
	Lang string
	// Loaded lists the files the queries so far needed, in the order first needed.
	Loaded []string
	loaded map[string]bool
}

// Result is one search hit; its JSON is what the client's window.docgen.search returns.
type Result struct {
	ID      string  `json:"id"`      // the entry's ID within its service
	Code    string  `json:"code"`    // the code as written
	Status  int     `json:"status"`  // the HTTP status, 0 for none
	Service string  `json:"service"` // the service's ID
	Title   string  `json:"title"`   // the message, or the description's first sentence
	URL     string  `json:"url"`     // the entry page's site-relative URL
	Score   float64 `json:"score"`   // higher is better; exact code hits score 10000 and more
	Snippet string  `json:"snippet"` // plain text under the title, cut short
	// Lang is the language of Title and Snippet where the index says it: a service in
	// several languages' entry shown in a language that does not document it, or whose
	// own text is not in the service's default language; "" otherwise.
	Lang string `json:"lang,omitempty"`
}

// Filter narrows a search: Service is a service ID, Status a status ("409"), a status class
// ("4xx") or "none"; empty means any.
type Filter struct {
	Service string // a service ID, or "" for all
	Status  string // "409", "4xx", "none", or "" for all
}

// The scores of a match in each class, and the factors of a stem and a prefix match. The
// client has the same numbers.
var classWeight = [numClasses]float64{1, 4, 10, 30}

// PairWeight is the share of a field's weight that two neighbouring query tokens written
// together as one term of a document add to its score.
const PairWeight = 0.5

const (
	stemFactor   = 0.9
	prefixFactor = 0.6
	exactBonus   = 10000 // the query is the code's key: first whatever else matches
	codePrefix   = 5000  // the query's key starts a code's key: next, whatever else matches
	// verbatimBonus goes, among the results loaded, to a code written exactly as the query.
	verbatimBonus = 1000
)

// MaxPrefixShards and MaxPrefixFiles bound what a prefix costs when it is no term itself (a
// word still being typed): the dictionary shards scanned, and the postings files loaded for
// the most frequent terms of the range. A prefix that is a term itself, or a query's code
// key, scans its own shard only and loads no postings file.
const (
	MaxPrefixShards = 2
	MaxPrefixFiles  = 3
)

// Open reads an index from its files.
func Open(files []File) (*Reader, error) {
	r := &Reader{files: map[string][]byte{}, shards: map[int]map[string]string{},
		docs: map[int][]json.RawMessage{}, known: map[int]json.RawMessage{}, loaded: map[string]bool{},
		initials: map[int][][3]string{}, typos: map[int][][2]string{}, sounds: map[int][][3]string{}, synFiles: map[string][]synGroup{}}
	for _, f := range files {
		r.files[f.Name] = f.Data
	}
	if err := r.load("m.js", &r.man); err != nil {
		return nil, err
	}
	end := 0
	for i := 0; i < len(r.man.Counts); {
		n, next, err := readVarint(r.man.Counts, i)
		if err != nil {
			return nil, err
		}
		end += n
		r.man.Ends = append(r.man.Ends, end)
		i = next
	}
	if len(r.man.Ends) != len(r.man.Services) {
		return nil, errors.New("search: the manifest's counts are not one per service")
	}
	spec, err := decodeSet(r.man.Spec)
	if err != nil {
		return nil, fmt.Errorf("search: the manifest's spec list: %w", err)
	}
	r.spec = spec
	return r, nil
}

// load decodes the data of the script name into v.
func (r *Reader) load(name string, v any) error {
	data, ok := r.files[name]
	if !ok {
		return fmt.Errorf("search: no file %s", name)
	}
	if !r.loaded[name] {
		r.loaded[name] = true
		r.Loaded = append(r.Loaded, name)
	}
	s := string(data)
	key, _ := json.Marshal(strings.TrimSuffix(name, ".js"))
	prefix := "docgenIndex(" + string(key) + ","
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, ");\n") {
		return fmt.Errorf("search: %s is not a docgenIndex call", name)
	}
	return json.Unmarshal([]byte(s[len(prefix):len(s)-3]), v)
}

// BytesLoaded returns the size of the files loaded so far.
func (r *Reader) BytesLoaded() int {
	n := 0
	for _, f := range r.Loaded {
		n += len(r.files[f])
	}
	return n
}

// shardOf returns the dictionary shard that holds term t.
func (r *Reader) shardOf(t string) int {
	if r.seps == nil {
		r.seps = [][]uint16{nil}
		if r.man.Shards != "" {
			for _, e := range strings.Split(r.man.Shards, ",")[1:] {
				prev := r.seps[len(r.seps)-1]
				n := int(e[0] - 'A')
				r.seps = append(r.seps, append(slices.Clone(prev[:n]), utf16.Encode([]rune(e[1:]))...))
			}
		}
	}
	k := utf16.Encode([]rune(t))
	i := sort.Search(len(r.seps), func(i int) bool { return slices.Compare(r.seps[i], k) > 0 })
	return max(i-1, 0)
}

// shard returns the terms of a dictionary shard with their postings.
func (r *Reader) shard(i int) (map[string]string, error) {
	if m, ok := r.shards[i]; ok {
		return m, nil
	}
	var s string
	if err := r.load(fmt.Sprintf("t/%d.js", i), &s); err != nil {
		return nil, err
	}
	m := map[string]string{}
	var prev []uint16
	if s != "" {
		for _, e := range strings.Split(s, ",") {
			n := int(e[0] - 'A')
			term, post, _ := strings.Cut(e[1:], " ")
			k := append(slices.Clone(prev[:n]), utf16.Encode([]rune(term))...)
			m[string(utf16.Decode(k))] = post
			prev = k
		}
	}
	r.shards[i] = m
	return m, nil
}

// postings returns the per-class documents of a dictionary entry's postings.
func (r *Reader) postings(p string) ([numClasses][]int, error) {
	if strings.HasPrefix(p, "@") {
		n, _, err := readVarint(p, 1)
		if err != nil {
			return [numClasses][]int{}, err
		}
		var file []json.RawMessage // [postings, [[document, record...]...]]
		if err := r.load(fmt.Sprintf("p/%d.js", n), &file); err != nil {
			return [numClasses][]int{}, err
		}
		if len(file) != 2 {
			return [numClasses][]int{}, errors.New("search: bad postings file")
		}
		var heads [][]json.RawMessage
		if err := json.Unmarshal(file[0], &p); err != nil {
			return [numClasses][]int{}, err
		}
		if err := json.Unmarshal(file[1], &heads); err != nil {
			return [numClasses][]int{}, err
		}
		for _, h := range heads {
			var d int
			if len(h) == 0 || json.Unmarshal(h[0], &d) != nil {
				return [numClasses][]int{}, errors.New("search: bad document record")
			}
			rec, _ := json.Marshal(h[1:])
			r.known[d] = rec
		}
	}
	return decodePostings(p)
}

// exactDocs returns the documents of a dictionary value's class Exact: those whose code
// key is the term. A value that refers to a postings file says how many there are, and the
// file is loaded only when there are some.
func (r *Reader) exactDocs(p string) ([]int, error) {
	if strings.HasPrefix(p, "@") {
		if n, err := refExact(p); err != nil || n == 0 {
			return nil, err
		}
	}
	sets, err := r.postings(p)
	return sets[Exact], err
}

// prefetchSplit loads what the pieces of a Hangul word that is no term will need, as the
// client asks for it alongside the lookups of the word's substrings: the postings of the
// substrings that are hot terms or in the Spec list, and those of the concepts whose
// phrases the word holds; and, for a word being typed (prefix), the shard its last piece
// is expanded in when that piece is a hot term.
func (r *Reader) prefetchSplit(rs []rune, prefix bool) error {
	word := string(rs)
	for _, c := range substrings(rs, 2, len(rs)) {
		p, ok := r.hotValue(c)
		if !ok {
			if err := r.speculate(c); err != nil {
				return err
			}
			continue
		}
		if _, err := r.postings(p); err != nil {
			return err
		}
		if prefix && strings.HasSuffix(word, c) {
			if _, err := r.shard(r.shardOf(c)); err != nil {
				return err
			}
		}
	}
	x := r.syn()
	seen := map[int]bool{}
	var err error
	x.subMatches([]rune(compact(string(rs))), func(g, _, _ int) {
		if !seen[g] && err == nil {
			seen[g] = true
			_, err = r.postings(x.groups[g].Value)
		}
	})
	return err
}

// earlyTerms returns the terms a query looks up before anything else, in the client's
// order: each token's word (every form of a Korean word), then each pair of neighbouring
// tokens that expandQuery keeps as they are (words of no CJK script, no number), glued.
func earlyTerms(query Query) []string {
	var out []string
	for _, qt := range query.Tokens {
		if qt.Hangul {
			out = append(out, qt.Terms...)
		} else {
			out = append(out, qt.Terms[0])
		}
	}
	for i := 1; i < len(query.Tokens); i++ {
		if a, b := query.Tokens[i-1], query.Tokens[i]; keptWord(a) && keptWord(b) {
			out = append(out, a.Terms[0]+b.Terms[0])
		}
	}
	return out
}

// keptWord reports whether expandQuery keeps a query token as it is, whatever the lookups
// find, and whether it can be one of a pair (no number).
func keptWord(qt QueryToken) bool {
	return !qt.Hangul && isLatinPhrase(qt.Terms[0]) && !isDigits(qt.Terms[0])
}

// specFile returns the number of the postings file that the manifest's Spec list gives
// term t, or -1: none, or t is hot.
func (r *Reader) specFile(t string) int {
	if _, ok := r.hotValue(t); ok {
		return -1
	}
	i, ok := slices.BinarySearch(r.spec, SpecHash(t))
	if !ok {
		return -1
	}
	return r.man.SpecFirst + i
}

// speculate loads the postings file that the manifest's Spec list gives term t, before
// its dictionary value says whether t has it (the client asks for both at once).
func (r *Reader) speculate(t string) error {
	if n := r.specFile(t); n >= 0 {
		var file []json.RawMessage
		return r.load(fmt.Sprintf("p/%d.js", n), &file)
	}
	return nil
}

// hotValue returns the dictionary value of a term of the manifest's hot list, and whether
// t is one.
func (r *Reader) hotValue(t string) (string, bool) {
	if r.hot == nil {
		r.hot = map[string]string{}
		if r.man.Hot != "" {
			for _, e := range strings.Split(r.man.Hot, ",") {
				term, ref, _ := strings.Cut(e, "@")
				r.hot[term] = "@" + ref
			}
		}
	}
	p, ok := r.hot[t]
	return p, ok
}

// lookup returns the postings of term t, or "" when the index has no such term. A term of
// the manifest's hot list needs no shard.
func (r *Reader) lookup(t string) (string, error) {
	if p, ok := r.hotValue(t); ok {
		return p, nil
	}
	m, err := r.shard(r.shardOf(t))
	if err != nil {
		return "", err
	}
	return m[t], nil
}

// expand returns the postings of the terms that start with prefix p (p itself excluded),
// within the given number of dictionary shards: every term with postings in the dictionary,
// and the files most frequent ones with a file of their own.
func (r *Reader) expand(p string, shards, files int) ([]string, error) {
	first := r.shardOf(p)
	last := min(r.shardOf(p+"\uffff"), first+shards-1)
	type ref struct {
		post string
		df   int
	}
	var inline []string
	var refs []ref
	for i := first; i <= last; i++ {
		m, err := r.shard(i)
		if err != nil {
			return nil, err
		}
		terms := make([]string, 0)
		for t := range m {
			if t != p && strings.HasPrefix(t, p) {
				terms = append(terms, t)
			}
		}
		sort.Strings(terms)
		for _, t := range terms {
			post := m[t]
			if strings.HasPrefix(post, "@") {
				_, n, _ := readVarint(post, 1)
				df, _, _ := readVarint(post, n)
				refs = append(refs, ref{post, df})
			} else {
				inline = append(inline, post)
			}
		}
	}
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].df > refs[j].df })
	for i, rf := range refs {
		if i == files {
			break
		}
		inline = append(inline, rf.post)
	}
	return inline, nil
}

// prefixable reports whether the last token t of a query also matches terms it starts:
// two letters, or one Hangul syllable.
func prefixable(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return utf8.RuneCountInString(t) >= 2 || isHangul(r)
}

// Search returns the best limit results of query q under filter f, best first, with the
// number of documents that matched and whether they matched only some of the query's words.
//
// A query is first expanded (see expandQuery): each token gets alternatives besides its
// own terms (English and Korean stems, synonyms' concepts, the words its initial
// consonants stand for, a Hangul compound's parts as tokens of their own), and a token
// that matches nothing at all is corrected for typos (loading the typo vocabulary only
// then).
//
// Scoring is BM25F-like without term frequencies: a token of the query scores, in each
// document it matches, the best over its alternatives of the weight of the field it was
// found in (classWeight) times the alternative's factor times the term's rarity (IDF). A
// document scores the sum over the tokens, plus PairWeight times the rarity of two
// neighbouring tokens written together ("token expired" and the term "tokenexpired") where
// it has that term. Codes come first in tiers: a code whose key is the query's key
// (exactBonus), then one whose key starts with it or is the query's key with its typos
// corrected (codePrefix), also as one word when a part of it is too short to be corrected
// alone. Among the best ProximityDocs, neighbouring tokens found next to
// each other in a document's code, title or snippet add to its score (proximity). Ties go
// to the lower document number.
func (r *Reader) Search(q string, f Filter, limit int) (res []Result, total int, partial bool, err error) {
	out, err := r.SearchQuery(q, f, limit)
	return out.Results, out.Total, out.Partial, err
}

// Outcome is what a search found.
type Outcome struct {
	Results []Result
	Total   int  // documents that matched
	Partial bool // no document matched every token; these match the most
	// Corrected is the query with its typos corrected, when it matched only so ("did you
	// mean"); else "".
	Corrected string
}

// The factors of the alternatives a query is expanded with.
const (
	synFactor      = 0.7 // a synonym group's concept
	initialsFactor = 0.8 // a word whose initial consonants the token is
	typoFactor1    = 0.5 // a word one typo away
	typoFactor2    = 0.3 // a word two typos away
	// MaxTypoWords is how many corrections of one token are tried, the nearest first.
	MaxTypoWords = 4
)

// alt is one way a query token matches: a term (or, for the words of initials and typos,
// its dictionary value directly) and the factor its score is taken at.
type alt struct {
	term   string
	value  string // the term's dictionary value, when known without a lookup
	known  bool
	factor float64
}

// qtoken is a query token being expanded.
type qtoken struct {
	text   string // as written (the first term)
	alts   []alt
	prefix bool
	hangul bool
	fixed  string // the correction of a token that matched only through typos
}

func (t *qtoken) addAlt(a alt) {
	for _, o := range t.alts {
		if o.term == a.term {
			return
		}
	}
	t.alts = append(t.alts, a)
}

// value returns the dictionary value of an alternative.
func (r *Reader) value(a alt) (string, error) {
	if a.known {
		return a.value, nil
	}
	return r.lookup(a.term)
}

// found reports whether any alternative of t is a term of the index.
func (r *Reader) found(t *qtoken) (bool, error) {
	for _, a := range t.alts {
		v, err := r.value(a)
		if err != nil {
			return false, err
		}
		if v != "" {
			return true, nil
		}
	}
	return false, nil
}

// expandQuery turns a parsed query into tokens with their alternatives, before typos. A
// query that names a code (code: its key is an entry's code key) has that code first
// whatever else matches, so its words are not widened by English stems and synonyms,
// whose postings a cold query would load for little.
func (r *Reader) expandQuery(query Query, code bool) ([]*qtoken, error) {
	var toks []*qtoken
	for _, qt := range query.Tokens {
		t := &qtoken{text: qt.Terms[0], prefix: qt.Prefix, hangul: qt.Hangul}
		terms := qt.Terms
		if code && !qt.Hangul {
			terms = terms[:1]
		}
		for j, term := range terms {
			f := 1.0
			if j > 0 {
				f = stemFactor
			}
			t.addAlt(alt{term: term, factor: f})
		}
		toks = append(toks, t)
	}
	// Korean compounds: a Hangul word that is no term splits into terms of the index.
	var split []*qtoken
	for _, t := range toks {
		rs := []rune(t.text)
		ok, err := r.found(t)
		if err != nil {
			return nil, err
		}
		if ok || !t.hangul || len(rs) < MinCompound || len(rs) > 10 || isInitials(t.text) || r.syn().whole(t.text) {
			split = append(split, t)
			continue
		}
		isTerm := map[string]bool{}
		lookAll := func(cs []string) error {
			for _, c := range cs {
				v, err := r.lookup(c)
				if err != nil {
					return err
				}
				if v == "" {
					if st := Stem(c); st != "" {
						if v, err = r.lookup(st); err != nil {
							return err
						}
					}
				}
				isTerm[c] = v != ""
			}
			return nil
		}
		if err := r.prefetchSplit(rs, t.prefix); err != nil {
			return nil, err
		}
		if err := lookAll(substrings(rs, 2, len(rs))); err != nil {
			return nil, err
		}
		pieces := segment(rs, 2, func(c string) bool { return isTerm[c] })
		if pieces == nil {
			// Pieces of one syllable, only when those of two or more find no split.
			if err := lookAll(substrings(rs, 1, 1)); err != nil {
				return nil, err
			}
			pieces = segment(rs, 1, func(c string) bool { return isTerm[c] })
		}
		if pieces == nil {
			split = append(split, t)
			continue
		}
		for i, p := range pieces {
			nt := &qtoken{text: p, hangul: true, prefix: t.prefix && i == len(pieces)-1}
			nt.addAlt(alt{term: p, factor: 1})
			if st := Stem(p); st != "" {
				nt.addAlt(alt{term: st, factor: stemFactor})
			}
			split = append(split, nt)
		}
	}
	toks = split
	// Other scripts (Japanese, Chinese): a word that is no term splits at the synonyms'
	// phrases it holds.
	split = nil
	for _, t := range toks {
		ok, err := r.found(t)
		if err != nil {
			return nil, err
		}
		if ok || t.hangul || isLatinPhrase(t.text) {
			split = append(split, t)
			continue
		}
		var parts [][3]int // group, from, to
		r.syn().subMatches([]rune(compact(t.text)), func(g, from, to int) {
			if n := len(parts); n > 0 && from < parts[n-1][2] {
				if to-from > parts[n-1][2]-parts[n-1][1] && from == parts[n-1][1] {
					parts[n-1] = [3]int{g, from, to}
				}
				return
			}
			parts = append(parts, [3]int{g, from, to})
		})
		if len(parts) < 2 {
			split = append(split, t)
			continue
		}
		rs := []rune(compact(t.text))
		for i, p := range parts {
			text := string(rs[p[1]:p[2]])
			nt := &qtoken{text: text, prefix: t.prefix && i == len(parts)-1}
			nt.addAlt(alt{term: text, factor: 1})
			split = append(split, nt)
		}
	}
	toks = split
	if code {
		return toks, nil
	}
	r.addSynonyms(toks)
	// Initial consonants: the words they stand for, those in the most entries first.
	for _, t := range toks {
		if !isInitials(t.text) {
			continue
		}
		first, _ := utf8.DecodeRuneInString(t.text)
		list, err := r.initialsFile(choseongIndex(first))
		if err != nil {
			return nil, err
		}
		var words [][3]string
		for _, e := range list {
			if e[0] == t.text && len(words) < MaxInitialsWords {
				words = append(words, e)
			}
		}
		f := initialsFactor
		if len(words) == 0 {
			// No word has just these initials: the words whose initials start with them, as
			// a word still being typed or a compound written as one (ㅎㅇㄱㅇ → 회원가입시).
			f = initialsFactor * prefixFactor
			for _, e := range list {
				if strings.HasPrefix(e[0], t.text) && len(words) < MaxInitialsWords {
					words = append(words, e)
				}
			}
		}
		for _, e := range words {
			t.addAlt(alt{term: e[1], value: e[2], known: true, factor: f})
		}
	}
	return toks, nil
}

// addSynonyms adds to toks the concepts of the synonym phrases they hold.
func (r *Reader) addSynonyms(toks []*qtoken) {
	// Synonyms: a phrase of a group adds its concept to the tokens it covers, but not to a
	// Korean word that it covers only in its particle or ending: "디코딩할 수 없는" is no
	// "할 수 없" (cannot) for 디코딩, only for 수 and 없는 (inStem).
	x := r.syn()
	var forms []string
	var formTok []int
	var text []rune
	var textTok []int
	var inStem []bool
	for i, t := range toks {
		f := ""
		if !t.hangul {
			f = norm(t.text, EnglishStem(t.text))
		}
		forms = append(forms, f)
		formTok = append(formTok, i)
		cs := []rune(compact(t.text))
		n := len(cs)
		if st := Stem(t.text); t.hangul && st != "" {
			n = len([]rune(compact(st)))
		}
		for k, c := range cs {
			text = append(text, c)
			textTok = append(textTok, i)
			inStem = append(inStem, k < n)
		}
	}
	x.seqMatches(forms, func(g, from, to int) {
		for k := from; k < to; k++ {
			toks[formTok[k]].addAlt(alt{term: x.groups[g].Name, value: x.groups[g].Value, known: true, factor: synFactor})
		}
	})
	// A Korean word whose stem a phrase covers whole ("레코드셋"), or a word of kana or Han
	// that one covers whole ("服务器"), is that phrase's concept, not those of the shorter
	// phrases inside it ("코드", error; "服务", service): only phrases that cover all of its
	// stem give it theirs (covers).
	type match struct{ g, from, to int }
	var ms []match
	x.subMatches(text, func(g, from, to int) { ms = append(ms, match{g, from, to}) })
	start := make([]int, len(toks))
	for k := len(textTok) - 1; k >= 0; k-- {
		start[textTok[k]] = k
	}
	stemEnd := func(i int) int { // one past the last rune of token i's stem
		e := start[i]
		for e < len(textTok) && textTok[e] == i && inStem[e] {
			e++
		}
		return e
	}
	whole := make([]bool, len(toks))
	covers := func(m match, i int) bool { return m.from <= start[i] && m.to >= stemEnd(i) }
	for _, m := range ms {
		if i := textTok[m.from]; !isLatinPhrase(toks[i].text) && covers(m, i) {
			whole[i] = true
		}
	}
	for _, m := range ms {
		for k := m.from; k < m.to; k++ {
			if i := textTok[k]; inStem[k] && (!whole[i] || covers(m, i)) {
				toks[i].addAlt(alt{term: x.groups[m.g].Name, value: x.groups[m.g].Value, known: true, factor: synFactor})
			}
		}
	}
}

// unsplit returns the tokens of a query written in Hangul (their text, with no alternatives
// yet), and whether expandQuery keeps every one as it is whatever the lookups find: a
// Hangul word too short or too long to be a compound, written in initials or a synonym
// phrase as a whole is never split. The synonyms of such a query are known before any
// lookup (addSynonyms on these tokens adds the concepts expandQuery adds when the query
// names no code). A query with other words says false: one in Latin letters is often a
// code, which would not use the concepts' postings (a code query loaded 60 KB more).
func (r *Reader) unsplit(query Query) ([]*qtoken, bool) {
	var toks []*qtoken
	for _, qt := range query.Tokens {
		n := utf8.RuneCountInString(qt.Terms[0])
		if !qt.Hangul || !(n < MinCompound || n > 10 || isInitials(qt.Terms[0]) || r.syn().whole(qt.Terms[0])) {
			return nil, false
		}
		toks = append(toks, &qtoken{text: qt.Terms[0], prefix: qt.Prefix, hangul: qt.Hangul})
	}
	return toks, true
}

// loadSyn loads the synonym files that query q needs (queryScripts).
func (r *Reader) loadSyn(q string) error {
	for _, f := range queryScripts(q) {
		if _, ok := r.synFiles[f]; ok {
			continue
		}
		var list [][]string
		if err := r.load("v/"+f+".js", &list); err != nil {
			return err
		}
		gs := []synGroup{}
		for _, e := range list {
			if len(e) > 2 {
				gs = append(gs, synGroupOf(e, f))
			}
		}
		r.synFiles[f] = gs
		r.synx = nil
	}
	return nil
}

// syn returns the synonym groups of the files loaded so far, indexed, in the order of
// SynFiles.
func (r *Reader) syn() *synIndex {
	if r.synx == nil {
		var gs []synGroup
		for _, f := range SynFiles {
			gs = append(gs, r.synFiles[f]...)
		}
		r.synx = newSynIndex(gs)
	}
	return r.synx
}

// initialsFile returns the entries [initials, word, value] of c/N.js.
func (r *Reader) initialsFile(n int) ([][3]string, error) {
	return loadOnce(r, r.initials, n, fmt.Sprintf("c/%d.js", n))
}

// typoFile returns the entries [word, value] of y/N.js, or none when there is no such file.
func (r *Reader) typoFile(n int) ([][2]string, error) {
	if n < r.man.Typo[0] || n > r.man.Typo[1] {
		return nil, nil
	}
	return loadOnce(r, r.typos, n, fmt.Sprintf("y/%d.js", n))
}

// soundFile returns the entries [key, word, value] of w/N.js.
func (r *Reader) soundFile(n int) ([][3]string, error) {
	return loadOnce(r, r.sounds, n, fmt.Sprintf("w/%d.js", n))
}

// loadOnce returns file number n of an index, decoded: from cache when loaded before,
// else loaded (once, as the client loads each file once) and kept there.
func loadOnce[T any](r *Reader, cache map[int]T, n int, name string) (T, error) {
	if l, ok := cache[n]; ok {
		return l, nil
	}
	var l T
	if err := r.load(name, &l); err != nil {
		return l, err
	}
	cache[n] = l
	return l, nil
}

// corrections returns the words of the index at most typoDistance(len(w)) typos from w, the
// nearest first (then by word), at most MaxTypoWords, as alternatives; for a Hangul word
// (without its particle or ending), the words of a-z that sound as it does (a loanword:
// HangulSoundKey), those found in the most entries first, at typoFactor1.
func (r *Reader) corrections(w string) ([]alt, error) {
	if st := Stem(w); st != "" {
		if key := HangulSoundKey(st); key != "" {
			return r.soundAlikes(key)
		}
	}
	if key := HangulSoundKey(w); key != "" {
		return r.soundAlikes(key)
	}
	k := typoDistance(len(w))
	if k == 0 || !isTypoWord(w) {
		return nil, nil
	}
	var cs []typoCand
	for n := len(w) - k; n <= len(w)+k; n++ {
		list, err := r.typoFile(n)
		if err != nil {
			return nil, err
		}
		for _, e := range list {
			if d := editDistance(w, e[0], k); d <= k && d > 0 {
				cs = append(cs, typoCand{e[0], e[1], d})
			}
		}
	}
	return nearestAlts(cs), nil
}

// soundAlikes returns the words whose sound key is key, at most MaxTypoWords, as
// alternatives.
func (r *Reader) soundAlikes(key string) ([]alt, error) {
	list, err := r.soundFile(strings.IndexByte(SoundSymbols, key[0]))
	if err != nil {
		return nil, err
	}
	var out []alt
	for _, e := range list {
		if e[0] == key && len(out) < MaxTypoWords {
			out = append(out, alt{term: e[1], value: e[2], known: true, factor: typoFactor1})
		}
	}
	return out, nil
}

// KeyTypoPrefix is how many first letters a code key corrected as one word keeps: its
// corrections are looked for among the terms that start with them, in the dictionary shard
// of the key and the shards beside it (at most three small files), not in the typo
// vocabulary, whose long words are every code key of the catalog.
const KeyTypoPrefix = 3

// keyCorrections returns the terms of a-z at most typoDistance(len(key)) typos from key
// that start with its first KeyTypoPrefix letters and are in the dictionary shard of key or
// one beside it, the nearest first (then by term), at most MaxTypoWords, as alternatives.
func (r *Reader) keyCorrections(key string) ([]alt, error) {
	k := typoDistance(len(key))
	if k == 0 || !isTypoWord(key) {
		return nil, nil
	}
	head := key[:KeyTypoPrefix]
	at := r.shardOf(key)
	lo, hi := max(at-1, r.shardOf(head)), min(at+1, r.shardOf(head+"\uffff"))
	var cs []typoCand
	for i := lo; i <= hi; i++ {
		m, err := r.shard(i)
		if err != nil {
			return nil, err
		}
		for t, v := range m {
			if !strings.HasPrefix(t, head) || !isTypoWord(t) {
				continue
			}
			if d := editDistance(key, t, k); d <= k && d > 0 {
				cs = append(cs, typoCand{t, v, d})
			}
		}
	}
	return nearestAlts(cs), nil
}

// typoCand is a word of the index some typos from a query word: its term, its value and
// how many typos away.
type typoCand struct {
	term, value string
	d           int
}

// nearestAlts returns candidates as alternatives, the nearest first (then by word), at most
// MaxTypoWords, each weighed by its distance.
func nearestAlts(cs []typoCand) []alt {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].term < cs[j].term
	})
	var out []alt
	for i, c := range cs {
		if i == MaxTypoWords {
			break
		}
		f := typoFactor1
		if c.d > 1 {
			f = typoFactor2
		}
		out = append(out, alt{term: c.term, value: c.value, known: true, factor: f})
	}
	return out
}

// SearchQuery is Search with all it found.
func (r *Reader) SearchQuery(q string, f Filter, limit int) (Outcome, error) {
	query := ParseQuery(q)
	// The synonym phrases of the query's scripts (the client loads them alongside the
	// first lookups).
	if err := r.loadSyn(q); err != nil {
		return Outcome{}, err
	}
	n := r.man.Docs
	// The concepts of a query in Hangul whose words expandQuery keeps as they are
	// (unsplit): the client loads their postings as soon as the synonym files are there,
	// alongside the first lookups, before it knows whether the query names a code (which
	// would not use them).
	if toks, ok := r.unsplit(query); ok {
		r.addSynonyms(toks)
		for _, t := range toks {
			for _, a := range t.alts {
				if _, err := r.postings(a.value); err != nil {
					return Outcome{}, err
				}
			}
		}
	}
	// The words that initial consonants stand for: the client loads them alongside the
	// first lookups, before it knows whether the query names a code (which would not
	// use them).
	for _, qt := range query.Tokens {
		if isInitials(qt.Terms[0]) {
			first, _ := utf8.DecodeRuneInString(qt.Terms[0])
			if _, err := r.initialsFile(choseongIndex(first)); err != nil {
				return Outcome{}, err
			}
		}
	}
	// The postings files that the manifest's Spec list gives the query's words, and the
	// pairs of neighbouring words that expandQuery keeps as they are: the client asks for
	// them with the words' dictionary shards (a term that has no such file then costs one
	// for nothing).
	for _, t := range earlyTerms(query) {
		if err := r.speculate(t); err != nil {
			return Outcome{}, err
		}
	}
	// The code key's own hits.
	bonus := map[int]float64{}
	exactHit := false
	if query.Key != "" {
		post, err := r.lookup(query.Key)
		if err != nil {
			return Outcome{}, err
		}
		exact, err := r.exactDocs(post)
		if err != nil {
			return Outcome{}, err
		}
		if !isDigits(query.Key) {
			posts, err := r.expand(query.Key, 1, 0)
			if err != nil {
				return Outcome{}, err
			}
			for _, p := range posts {
				ps, err := r.postings(p)
				if err != nil {
					return Outcome{}, err
				}
				for _, d := range ps[Exact] {
					bonus[d] = codePrefix
				}
			}
		}
		for _, d := range exact {
			bonus[d] = exactBonus
			exactHit = true
		}
	}
	toks, err := r.expandQuery(query, exactHit)
	if err != nil {
		return Outcome{}, err
	}
	// Each token's best score per document.
	score := func(t *qtoken) (map[int]float64, error) {
		best := map[int]float64{}
		hit := func(post string, factor float64) error {
			sets, err := r.postings(post)
			if err != nil {
				return err
			}
			w := r.idf(post, sets)
			for c, ids := range sets {
				for _, d := range ids {
					best[d] = max(best[d], classWeight[c]*factor*w)
				}
			}
			return nil
		}
		whole := false // the token is a term of the index as it is
		for j, a := range t.alts {
			post, err := r.value(a)
			if err != nil {
				return nil, err
			}
			whole = whole || j == 0 && post != ""
			if err := hit(post, a.factor); err != nil {
				return nil, err
			}
		}
		if t.prefix && prefixable(t.text) && !isInitials(t.text) {
			// A word still being typed also matches the frequent words it begins; a
			// word that is one already only adds the rare ones, which cost nothing to load.
			shards, files := MaxPrefixShards, MaxPrefixFiles
			if whole {
				shards, files = 1, 0
			}
			posts, err := r.expand(t.text, shards, files)
			if err != nil {
				return nil, err
			}
			for _, p := range posts {
				if err := hit(p, prefixFactor); err != nil {
					return nil, err
				}
			}
		}
		return best, nil
	}
	bests := make([]map[int]float64, len(toks))
	for i, t := range toks {
		if bests[i], err = score(t); err != nil {
			return Outcome{}, err
		}
	}
	// Typos: only a token that matched nothing, and only when the query names no code.
	var out Outcome
	keyFixed := map[int]bool{} // documents whose code key is the query's key corrected
	if !exactHit {
		corrected := false
		for i, t := range toks {
			if len(bests[i]) > 0 {
				continue
			}
			alts, err := r.corrections(t.text)
			if err != nil {
				return Outcome{}, err
			}
			if len(alts) == 0 {
				continue
			}
			for _, a := range alts {
				t.addAlt(a)
			}
			t.fixed = alts[0].term
			corrected = true
			if bests[i], err = score(t); err != nil {
				return Outcome{}, err
			}
		}
		if corrected {
			var words []string
			key := ""
			for _, t := range toks {
				w := t.text
				if t.fixed != "" {
					w = t.fixed
				}
				words = append(words, w)
				key += w
			}
			out.Corrected = strings.Join(words, " ")
			post, err := r.lookup(key)
			if err != nil {
				return Outcome{}, err
			}
			exact, err := r.exactDocs(post)
			if err != nil {
				return Outcome{}, err
			}
			for _, d := range exact {
				bonus[d] = max(bonus[d], codePrefix)
			}
		}
		// A typo in a short part of a code name ("notFoud", "backendEror": a part under
		// TypoMin letters is not corrected) is one in the code's key: when a token still
		// matches nothing, the query's key is corrected as one word, and the codes whose
		// key is a nearest correction are found and rank with code prefixes.
		unmatched := false
		for i := range toks {
			unmatched = unmatched || len(bests[i]) == 0
		}
		if unmatched && len(toks) > 1 {
			alts, err := r.keyCorrections(query.Key)
			if err != nil {
				return Outcome{}, err
			}
			for _, a := range alts {
				if a.factor != alts[0].factor {
					break
				}
				exact, err := r.exactDocs(a.value)
				if err != nil {
					return Outcome{}, err
				}
				for _, d := range exact {
					bonus[d] = max(bonus[d], codePrefix)
					keyFixed[d] = true
					if out.Corrected == "" {
						out.Corrected = a.term
					}
				}
			}
		}
	}
	acc := make([]float64, n)
	cnt := make([]int, n)
	for _, best := range bests {
		for d, s := range best {
			acc[d] += s
			cnt[d]++
		}
	}
	// Neighbouring tokens written together.
	pair := map[int]float64{}
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1].text, toks[i].text
		if isDigits(a) || isDigits(b) {
			continue
		}
		post, err := r.lookup(a + b)
		if err != nil {
			return Outcome{}, err
		}
		sets, err := r.postings(post)
		if err != nil {
			return Outcome{}, err
		}
		w := r.idf(post, sets)
		for c, ids := range sets {
			for _, d := range ids {
				pair[d] = max(pair[d], PairWeight*classWeight[c]*w)
			}
		}
	}
	want := len(toks)
	maxCnt := 0
	for _, c := range cnt {
		maxCnt = max(maxCnt, c)
	}
	if want > 0 && maxCnt < want && maxCnt > 0 {
		want, out.Partial = maxCnt, true
	}
	keep, err := r.filter(f)
	if err != nil {
		return Outcome{}, err
	}
	type hit struct {
		d     int
		score float64
	}
	var hits []hit
	for d := 0; d < n; d++ {
		full := want > 0 && cnt[d] == want
		if !full && bonus[d] != exactBonus && !keyFixed[d] || keep != nil && !keep[d] {
			continue
		}
		hits = append(hits, hit{d, acc[d] + pair[d] + bonus[d]})
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	out.Total = len(hits)
	if k := max(limit, ProximityDocs); limit > 0 && len(hits) > k {
		hits = hits[:k]
	}
	for i, h := range hits {
		res1, err := r.doc(h.d)
		if err != nil {
			return Outcome{}, err
		}
		res1.Score = h.score
		if res1.Code == strings.TrimSpace(q) {
			res1.Score += verbatimBonus
		}
		if i < ProximityDocs {
			res1.Score += proximity(toks, bests, h.d, res1)
		}
		out.Results = append(out.Results, res1)
	}
	// Among the results, a code written exactly as the query comes before the codes that
	// only share its key ("invalidParameter" before INVALID_PARAMETER), and words next to
	// each other as in the query count. Of results that score the same, the code of fewer
	// words comes first: it says less that the query did not ask for ("expired" before
	// "lockedDomainExpired", TryPayFailed before GetBillingKeyFailed).
	sort.SliceStable(out.Results, func(i, j int) bool {
		a, b := out.Results[i], out.Results[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		return len(units(a.Code)) < len(units(b.Code))
	})
	if limit > 0 && len(out.Results) > limit {
		out.Results = out.Results[:limit]
	}
	// A number that is no code and starts none: the codes that share most of its start.
	if out.Total == 0 && isDigits(query.Key) && len(query.Key) > MinPrefix && query.Key == strings.TrimPrefix(strings.TrimSpace(q), "-") {
		for l := len(query.Key) - 1; l >= MinPrefix; l-- {
			near, err := r.SearchQuery(query.Key[:l], f, limit)
			if err != nil {
				return Outcome{}, err
			}
			if near.Total > 0 {
				near.Corrected = query.Key[:l]
				return near, nil
			}
		}
	}
	return out, nil
}

// ProximityDocs is how many of the best documents are looked at for the query's words
// next to each other, in the order of the query, in their records' code, title and snippet
// (records the results need anyway): each pair of neighbouring query tokens found so adds
// PairWeight times the lower of the two tokens' scores in that document. The rest of the
// results are not looked at, so the first ProximityDocs are the same whatever the limit.
const ProximityDocs = 10

// proximity returns the bonus of document d, whose record is rec, for neighbouring tokens
// of the query found next to each other in it (see ProximityDocs).
func proximity(toks []*qtoken, bests []map[int]float64, d int, rec Result) float64 {
	if len(toks) < 2 {
		return 0
	}
	var seqs [][]unit
	for _, text := range []string{rec.Code, rec.Title, rec.Snippet} {
		seqs = append(seqs, units(text))
	}
	bonus := 0.0
	for i := 1; i < len(toks); i++ {
		a, b := bests[i-1][d], bests[i][d]
		if a == 0 || b == 0 {
			continue
		}
		found := false
		for _, us := range seqs {
			for k := 1; k < len(us) && !found; k++ {
				found = toks[i-1].matchesUnit(us[k-1]) && toks[i].matchesUnit(us[k])
			}
		}
		if found {
			bonus += PairWeight * min(a, b)
		}
	}
	return bonus
}

// unit is one part of a word of a text, with the terms it is found under.
type unit struct {
	part, stem, hangulStem string
}

// units returns the parts of the words of text, in order.
func units(text string) []unit {
	var out []unit
	for _, w := range Words(text) {
		for i, p := range w.Parts {
			out = append(out, unit{part: p, stem: w.Stems[i], hangulStem: w.Stem})
		}
	}
	return out
}

// matchesUnit reports whether one of the token's alternatives is a term of u, or, for a
// word still being typed, whether u starts with it.
func (t *qtoken) matchesUnit(u unit) bool {
	for _, a := range t.alts {
		if a.term == u.part || a.term == u.stem && u.stem != "" || a.term == u.hangulStem && u.hangulStem != "" {
			return true
		}
	}
	return t.prefix && prefixable(t.text) && !isInitials(t.text) && strings.HasPrefix(u.part, t.text)
}

// idf returns the rarity of a term from its postings: BM25's inverse document frequency,
// ln(1 + (N - df + 0.5) / (df + 0.5)), rounded to 1/1024 so that the client, whose
// logarithm may differ in the last bit, computes the same.
func (r *Reader) idf(post string, sets [numClasses][]int) float64 {
	df := 0
	if strings.HasPrefix(post, "@") {
		_, i, _ := readVarint(post, 1)
		df, _, _ = readVarint(post, i)
	} else {
		for _, ids := range sets {
			df += len(ids)
		}
	}
	return IDF(r.man.Docs, df)
}

// IDF returns the rarity of a term found in df of n documents (see Reader.Search).
func IDF(n, df int) float64 {
	v := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
	return math.Round(v*1024) / 1024
}

// filter returns which documents pass f, or nil when f lets every one pass.
func (r *Reader) filter(f Filter) ([]bool, error) {
	if f.Service == "" && f.Status == "" {
		return nil, nil
	}
	keep := make([]bool, r.man.Docs)
	lo, hi := 0, r.man.Docs
	if f.Service != "" {
		lo, hi = 0, 0
		for i, id := range r.man.Services {
			if id == f.Service {
				hi = r.man.Ends[i]
				if i > 0 {
					lo = r.man.Ends[i-1]
				}
			}
		}
	}
	for d := lo; d < hi; d++ {
		keep[d] = true
	}
	if f.Status != "" {
		post, err := r.lookup(facetPrefix + f.Status)
		if err != nil {
			return nil, err
		}
		sets, err := r.postings(post)
		if err != nil {
			return nil, err
		}
		in := make([]bool, r.man.Docs)
		for _, ids := range sets {
			for _, d := range ids {
				in[d] = true
			}
		}
		for d := range keep {
			keep[d] = keep[d] && in[d]
		}
	}
	return keep, nil
}

// doc returns the record of document d: from a postings file loaded already, or else from
// its d/N.js file.
func (r *Reader) doc(d int) (Result, error) {
	raw, ok := r.known[d]
	if !ok {
		per := r.man.PerShard
		recs, ok := r.docs[d/per]
		if !ok {
			if err := r.load(fmt.Sprintf("d/%d.js", d/per), &recs); err != nil {
				return Result{}, err
			}
			r.docs[d/per] = recs
		}
		if d%per >= len(recs) {
			return Result{}, errors.New("search: document out of range")
		}
		raw = recs[d%per]
	}
	var rec []any
	if err := json.Unmarshal(raw, &rec); err != nil {
		return Result{}, err
	}
	svc := r.man.Services[int(rec[3].(float64))]
	res := Result{ID: rec[0].(string), Code: rec[1].(string), Status: int(rec[2].(float64)),
		Service: svc, URL: rec[4].(string), Title: rec[5].(string), Snippet: rec[6].(string)}
	// A service in several languages: rec[7] holds the page in each other language
	// ([url, title, snippet], and the text's language when it is not that one), rec[8]
	// the language of the entry's own text when it is not the default.
	if len(rec) > 7 {
		tr, _ := rec[7].(map[string]any)
		if t, _ := tr[r.Lang].([]any); r.Lang != "" && len(t) >= 3 {
			res.URL, _ = t[0].(string)
			res.Title, _ = t[1].(string)
			res.Snippet, _ = t[2].(string)
			res.Lang = r.Lang
			if len(t) > 3 {
				res.Lang, _ = t[3].(string)
			}
		} else if len(rec) > 8 {
			res.Lang, _ = rec[8].(string)
		}
	}
	return res, nil
}
