// Package search builds the static site's search index from the catalog, at build time, in
// Go: the tokenizer (Korean particles and endings, code names by parts, numeric prefixes,
// English stems, synonyms across languages; see the rules in tokenize.go) and the index
// format, split into small files that the search client in the browser loads on demand as
// scripts, so that a query on a catalog of 100,000 entries loads a few kilobytes and opening
// the site from disk (file://) still searches.
//
// The index is a folder of scripts, each calling the global function docgenIndex(name,
// data):
//
//	m.js       the manifest: document count, dictionary shard boundaries, services with
//	           their document counts, the hot terms, the hashes of the terms whose
//	           postings files a query asks for with their shard (Spec), the tokenizer's
//	           word lists
//	s.js       the services' titles, which only the page's search box needs: [id, title],
//	           and for a service in several languages a third element, its titles in
//	           the others ({"en": title})
//	t/N.js     a dictionary shard: a range of terms, sorted, front-coded, each with its
//	           postings (or a reference to a postings file)
//	p/N.js     the postings of one frequent term, with the records of its best documents;
//	           the files of the terms the manifest's Spec list holds are numbered by the
//	           hash of their term, so that a query asks for one with the term's shard
//	d/N.js     document records (code, status, service, URL, title, snippet) of DocsPerShard
//	           consecutive documents
//	c/N.js     the words of Hangul syllables whose first initial consonant is the Nth, with
//	           their initials and dictionary values: loaded only for a 초성 query
//	y/N.js     the words of N letters a-z with their dictionary values: the typo
//	           vocabulary, loaded only for a token that matches nothing
//	w/N.js     the words of a-z whose sound key (SoundKey; a plural in s also by that of
//	           its singular) starts with SoundSymbols[N], with their keys and dictionary
//	           values: loaded only for a Hangul word that matches nothing, as a loanword
//	           ("레코드셋" for recordset)
//	v/S.js     the synonym groups whose concept some entry has, by script (SynFiles): l
//	           their phrases in Latin letters, k those with Hangul, j the others (kana,
//	           Han), each with its concept's dictionary value; a query loads the files
//	           of the scripts it is written in
//
// Documents are numbered by service (in catalog order), then status (ascending, entries
// with no status last), then source order, so that a service is one range of numbers, and
// a status within it another.
//
// The package reads the catalog only; where an entry's page lives is the caller's to say
// (Options.URL), and writing the files is the caller's too.
package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"docgen/catalog"
)

// Class is how strongly a term belongs to a document: where in the entry it was found.
type Class int

// The classes, weakest first.
const (
	InText  Class = iota // description, resolution, variants, extra fields
	InTitle              // message, status and reason phrase, group heading
	InCode               // a part of the code, the code as a whole, a numeric prefix of it
	Exact                // the code's key (CodeKey): the query names this very code
)

// numClasses is the number of classes.
const numClasses = int(Exact) + 1

// Options tune the index. The zero value of a field means its default.
type Options struct {
	// URL returns the site-relative URL of an entry's page. Required.
	URL func(*catalog.Service, *catalog.Entry) string
	// LangURL returns the site-relative URL of an entry's page in one of its service's
	// other languages; nil leaves those pages out of the results' records.
	LangURL func(lang string, s *catalog.Service, e *catalog.Entry) string
	// ShardBytes is the size a dictionary shard is filled to (default 3000).
	ShardBytes int
	// InlineMax is the longest postings kept in the dictionary; longer ones get a file of
	// their own (default 96).
	InlineMax int
	// DocsPerShard is the number of document records per file (default 4).
	DocsPerShard int
	// SnippetRunes is the length a result's snippet is cut to (default 110).
	SnippetRunes int
	// HotTerms is how many of the most frequent terms the manifest lists with their
	// postings files (default 200).
	HotTerms int
	// HeadDocs is how many document records a postings file carries: those of its term's
	// best documents (default 10, the client's default number of results).
	HeadDocs int
	// Synonyms are groups of phrases that mean the same, added to the built-in Synonyms
	// (docgen.yaml's search.synonyms).
	Synonyms [][]string
}

func (o *Options) defaults() {
	if o.ShardBytes <= 0 {
		o.ShardBytes = 3000
	}
	if o.InlineMax <= 0 {
		o.InlineMax = 96
	}
	if o.DocsPerShard <= 0 {
		o.DocsPerShard = 4
	}
	if o.SnippetRunes <= 0 {
		o.SnippetRunes = 110
	}
	if o.HotTerms <= 0 {
		o.HotTerms = 200
	}
	if o.HeadDocs <= 0 {
		o.HeadDocs = 10
	}
}

// Settings are the search's settings in docgen.yaml:
//
//	search:
//	  synonyms:
//	    - [invoice, 청구서, 請求書, 发票]
//
// Each group of synonyms is added to the built-in Synonyms: a phrase of a group found in a
// query also finds the entries that have another phrase of it.
type Settings struct {
	Synonyms [][]string `yaml:"synonyms"`
}

// Index is a built search index: the files of its folder.
type Index struct {
	// Dir is the name of the index's folder: a hash of its content, so that a new build
	// never mixes with the files of an old one in a cache.
	Dir string
	// Files are the index's files, sorted by Name (slash-separated, relative to Dir).
	Files []File
	Docs  int // documents (entries) indexed
	Terms int // distinct terms
}

// File is one file of the index.
type File struct {
	Name string // slash-separated, relative to the index's folder: "t/3.js"
	Data []byte // the script
}

// Manifest is the content of m.js, which the client loads first.
type Manifest struct {
	Version int `json:"v"` // the format's version, 1
	Docs    int `json:"n"` // documents in the index
	// PerShard is the number of document records per d/N.js file.
	PerShard int `json:"per"`
	// Shards are the lowest terms of the dictionary shards t/0.js, t/1.js, …, shortened to
	// the least that still separates each shard from the one before ("" for the first),
	// front-coded as the dictionary's terms are and joined with ",".
	Shards string `json:"shards"`
	// Services are the services' IDs in catalog order, and Ends where each one's documents
	// end (exclusive): service i has the documents from Ends[i-1] (0 for the first) on.
	// The file holds Counts instead of Ends: each service's number of documents, as
	// varints (see encode.go), a third of the bytes of the numbers in JSON.
	Services []string `json:"services"` // service IDs in catalog order
	Ends     []int    `json:"-"`        // one past each service's last document
	Counts   string   `json:"counts"`
	// Hot lists the most frequent terms (those with a postings file) with their dictionary
	// value ("@", file, count, exact count), each as the term followed by that value, joined with ",":
	// a lookup of one of them needs no dictionary shard.
	Hot string `json:"hot"`
	// Stop and Suffixes are the tokenizer's word lists; Suffixes2 are the suffixes that
	// need two syllables left (see Stem).
	Stop      []string `json:"stop"`      // StopWords
	Suffixes  []string `json:"sfx"`       // suffixes that may leave one syllable
	Suffixes2 []string `json:"sfx2"`      // suffixes that must leave two syllables
	MinPrefix int      `json:"minPrefix"` // MinPrefix
	// SuffixesB are the endings taken off after a final consonant only (SuffixesB).
	SuffixesB []string `json:"sfxB"`
	// Spec lists the SpecHash of the terms with a postings file that a query may look up
	// (no concept or facet terms) and that are not in Hot, when no other such term has
	// the same hash: sorted, written as a doc set's list form (see encodeSet). Their
	// files are numbered last, from SpecFirst on, in this order, so that a query can ask
	// for such a term's postings file at the same time as for the dictionary shard that
	// says whether the term has one: one step less for a word that is frequent but not
	// among the hot ones. A term that has no file but whose hash is listed costs a file
	// for nothing, never a wrong result: the dictionary value still decides.
	Spec      string `json:"spec"`
	SpecFirst int    `json:"spec0"`
	// Typo is the shortest and longest length of the typo vocabulary files y/N.js, which
	// list the index's words of N letters a-z (see isTypoWord) with their dictionary
	// values; [0, 0] when there are none.
	Typo [2]int `json:"typo"`
}

// Facet terms name a status or status class for filters. They start with "~", which no
// word term can contain.
const facetPrefix = "~"

// FacetStatus returns the facet term of a status ("~409") or of no status ("~none").
func FacetStatus(s catalog.Status) string {
	if s == 0 {
		return facetPrefix + "none"
	}
	return facetPrefix + strconv.Itoa(int(s))
}

// FacetClass returns the facet term of a status class ("~4xx").
func FacetClass(class string) string { return facetPrefix + class }

// doc is an entry on its way into the index.
type doc struct {
	svc int
	s   *catalog.Service
	e   *catalog.Entry
}

// Order returns each service's entries in index order (see the package comment), one slice
// per service in catalog order.
func Order(c *catalog.Catalog) (entries [][]*catalog.Entry) {
	for _, s := range c.Services {
		es := slices.Clone(s.Entries)
		sort.SliceStable(es, func(i, j int) bool { return statusKey(es[i].Status) < statusKey(es[j].Status) })
		entries = append(entries, es)
	}
	return entries
}

func statusKey(s catalog.Status) int {
	if s == 0 {
		return 1 << 20
	}
	return int(s)
}

// Build builds the search index of c.
func Build(c *catalog.Catalog, opts Options) (*Index, error) {
	if opts.URL == nil {
		return nil, errors.New("search: Options.URL is required")
	}
	opts.defaults()
	var docs []*doc
	var titles [][]any
	man := Manifest{Version: 1, PerShard: opts.DocsPerShard, Stop: StopWords, MinPrefix: MinPrefix,
		SuffixesB: SuffixesB}
	groups := compileSynonyms(append(slices.Clone(Synonyms), opts.Synonyms...))
	syn := newSynIndex(groups)
	for i, es := range Order(c) {
		s := c.Services[i]
		for _, e := range es {
			docs = append(docs, &doc{svc: i, s: s, e: e})
		}
		man.Services = append(man.Services, s.ID)
		man.Counts = string(appendVarint([]byte(man.Counts), len(es)))
		man.Ends = append(man.Ends, len(docs))
		titles = append(titles, serviceTitles(s))
	}
	for _, sfx := range Suffixes {
		if stemLen(sfx) == 2 {
			man.Suffixes2 = append(man.Suffixes2, sfx)
		} else {
			man.Suffixes = append(man.Suffixes, sfx)
		}
	}
	man.Docs = len(docs)
	// Postings. Each document's terms depend on it alone, so they are found on every core
	// (1.8 s of CPU for 100,000 entries), a wave of documents at a time: the term sets of
	// all documents at once were ~200 MB at 100,000 entries. Each wave is then added in
	// document order, so every list comes out sorted.
	post := map[string]*[numClasses][]int{}
	const wave = 4096
	sets := make([]map[string]Class, wave)
	// The words of a-z that are a word or a part of one (not a whole of several parts,
	// nor a stem): those a loanword is matched to (w/N.js), one set per core.
	partSets := make([]map[string]bool, runtime.GOMAXPROCS(0))
	for i := range partSets {
		partSets[i] = map[string]bool{}
	}
	for start := 0; start < len(docs); start += wave {
		batch := docs[start:min(start+wave, len(docs))]
		var next atomic.Int64
		var wg sync.WaitGroup
		for i := range partSets {
			parts := partSets[i]
			wg.Go(func() {
				for {
					from := int(next.Add(64)) - 64
					if from >= len(batch) {
						return
					}
					for k := from; k < min(from+64, len(batch)); k++ {
						sets[k] = docTerms(batch[k].e, syn, parts)
					}
				}
			})
		}
		wg.Wait()
		for k := range batch {
			for t, cl := range sets[k] {
				p := post[t]
				if p == nil {
					p = new([numClasses][]int)
					post[t] = p
				}
				p[cl] = append(p[cl], start+k)
			}
			sets[k] = nil
		}
	}
	// The synonym groups a query is expanded with: only those whose concept some entry
	// has, since no other can find anything; by script (SynFiles), so that a query loads
	// the phrases it can match only.
	synFiles := map[string][][]string{}
	for _, g := range groups {
		if post[g.Name] == nil {
			continue
		}
		for _, f := range SynFiles {
			if e := synFileEntry(g, f); e != nil {
				synFiles[f] = append(synFiles[f], e)
			}
		}
	}
	terms := make([]string, 0, len(post))
	for t := range post {
		terms = append(terms, t)
	}
	keys := make(map[string][]uint16, len(terms))
	for _, t := range terms {
		keys[t] = utf16.Encode([]rune(t))
	}
	// Sort as JavaScript compares strings: by UTF-16 code units.
	sort.Slice(terms, func(i, j int) bool { return slices.Compare(keys[terms[i]], keys[terms[j]]) < 0 })

	idx := &Index{Docs: len(docs), Terms: len(terms)}
	var files []File
	addJS := func(name string, data any) error {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(data); err != nil {
			return fmt.Errorf("search: encode %s: %w", name, err)
		}
		body := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
		key, _ := json.Marshal(strings.TrimSuffix(name, ".js"))
		out := make([]byte, 0, len(body)+len(key)+16)
		out = append(out, "docgenIndex("...)
		out = append(out, key...)
		out = append(out, ',')
		out = append(out, body...)
		out = append(out, ");\n"...)
		files = append(files, File{Name: name, Data: out})
		return nil
	}

	var seps [][]uint16
	type hotTerm struct {
		term, ref string
		df        int
	}
	var hot []hotTerm
	// Dictionary shards, front-coded: each entry is one character giving how many UTF-16
	// units it shares with the term before ("A" = 0 … "Z" = 25), the rest of the term, a
	// space, the postings; entries are separated by ",".
	var shard strings.Builder
	var prev []uint16
	var lastTerm []uint16
	flush := func() error {
		if shard.Len() == 0 {
			return nil
		}
		err := addJS(fmt.Sprintf("t/%d.js", len(seps)-1), shard.String())
		shard.Reset()
		return err
	}
	// Every document's record, as d/N.js files and postings files hold them.
	recs := make([][]any, len(docs))
	for i, d := range docs {
		title, snippet := titleSnippet(d.e, opts.SnippetRunes)
		recs[i] = []any{d.e.ID, d.e.Code, int(d.e.Status), d.svc, opts.URL(d.s, d.e), title, snippet}
		if tr := translatedRecords(d.s, d.e, opts); tr != nil {
			recs[i] = append(recs[i], tr)
			if d.e.Lang() != "" {
				// Its own text is not in its service's default language: say which it is.
				recs[i] = append(recs[i], d.e.Lang())
			}
		}
	}
	// The values of the words that initial consonants and typos are looked up in.
	type word struct {
		term, value string
		df          int
	}
	// keyedBefore orders the lists of words looked up by a key (initials, sound keys): by
	// key, then the words found in the most entries first, then by word.
	keyedBefore := func(ka string, a word, kb string, b word) bool {
		if ka != kb {
			return ka < kb
		}
		if a.df != b.df {
			return a.df > b.df
		}
		return a.term < b.term
	}
	initials := map[int][][]any{} // first consonant → [initials, word, value] sorted
	var choWords []struct {
		ini string
		w   word
	}
	typos := map[int][]word{} // length → words
	partWord := func(t string) bool {
		for _, ps := range partSets {
			if ps[t] {
				return true
			}
		}
		return false
	}
	type sound struct {
		key string
		w   word
	}
	var sounds []sound // the words matched by sound (isSoundWord)
	conceptValues := map[string]string{}
	// A shard is filled to ShardBytes not counting the exact counts of its references,
	// so that they move no shard boundary: the terms a prefix finds in its shard (see
	// Reader.expand) stay those they were before references had them.
	refExtra := 0
	// The postings of every term, and the numbers of the postings files (fileNumbers).
	encoded := make([]string, len(terms))
	dfs := make([]int, len(terms))
	for i, t := range terms {
		encoded[i] = encodePostings(*post[t])
		for _, ids := range post[t] {
			dfs[i] += len(ids)
		}
	}
	fileNo, spec, specFirst := fileNumbers(terms, encoded, dfs, opts)
	man.Spec, man.SpecFirst = spec, specFirst
	for i, t := range terms {
		p := encoded[i]
		ref, refLen := false, 0
		df := dfs[i]
		if ref = len(p) > opts.InlineMax; ref {
			nPost := fileNo[i]
			// The file also holds the records of the term's best documents (strongest
			// class first, then by number), which are the results of a query for this term
			// alone: such a query then loads no d/N.js file.
			heads := [][]any{}
			for c := numClasses - 1; c >= 0 && len(heads) < opts.HeadDocs; c-- {
				for _, d := range post[t][c] {
					if len(heads) == opts.HeadDocs {
						break
					}
					heads = append(heads, append([]any{d}, recs[d]...))
				}
			}
			if err := addJS(fmt.Sprintf("p/%d.js", nPost), []any{p, heads}); err != nil {
				return nil, err
			}
			ref := appendVarint([]byte{'@'}, nPost)
			ref = appendVarint(ref, df)
			refLen = len(ref)
			p = string(appendVarint(ref, len(post[t][Exact])))
			hot = append(hot, hotTerm{t, p, df})
		}
		if ini := Initials(t); utf8.RuneCountInString(ini) >= 2 {
			choWords = append(choWords, struct {
				ini string
				w   word
			}{ini, word{t, p, df}})
		}
		if isTypoWord(t) {
			typos[len(t)] = append(typos[len(t)], word{t, p, df})
		}
		if partWord(t) && isSoundWord(t) {
			k := SoundKey(t)
			sounds = append(sounds, sound{k, word{t, p, df}})
			// Korean spells a plural as its singular (노티피케이션 for notifications).
			if n := len(t); n > 3 && t[n-1] == 's' && t[n-2] != 's' {
				if k1 := SoundKey(t[:n-1]); k1 != k && len(k1) >= MinSoundKey {
					sounds = append(sounds, sound{k1, word{t, p, df}})
				}
			}
		}
		if strings.HasPrefix(t, ConceptPrefix) {
			conceptValues[t] = p
		}
		k := keys[t]
		if shard.Len() == 0 || shard.Len()-refExtra >= opts.ShardBytes {
			if err := flush(); err != nil {
				return nil, err
			}
			seps = append(seps, separator(lastTerm, k))
			prev, refExtra = nil, 0
		} else {
			shard.WriteByte(',')
		}
		n := commonPrefix(prev, k)
		shard.WriteByte(byte('A' + n))
		shard.WriteString(string(utf16.Decode(k[n:])))
		shard.WriteByte(' ')
		shard.WriteString(p)
		if ref {
			refExtra += len(p) - refLen
		}
		prev, lastTerm = k, k
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(seps) == 0 {
		seps = [][]uint16{nil}
		if err := addJS("t/0.js", ""); err != nil {
			return nil, err
		}
	}
	var sb strings.Builder
	for i, sep := range seps {
		if i > 0 {
			sb.WriteByte(',')
			n := commonPrefix(seps[i-1], sep)
			sb.WriteByte(byte('A' + n))
			sb.WriteString(string(utf16.Decode(sep[n:])))
		}
	}
	man.Shards = sb.String()
	// The most frequent terms, whose postings have files of their own, are in the manifest
	// too, so that a query loads their postings without waiting for their shard.
	sort.SliceStable(hot, func(i, j int) bool { return hot[i].df > hot[j].df })
	var hb strings.Builder
	for i, h := range hot {
		if i == opts.HotTerms {
			break
		}
		if i > 0 {
			hb.WriteByte(',')
		}
		hb.WriteString(h.term)
		hb.WriteString(h.ref)
	}
	man.Hot = hb.String()

	// Initial consonants: c/N.js lists, for the words of Hangul syllables whose first
	// consonant is choseong[N], [initials, word, dictionary value], by initials, then the
	// words found in the most entries first, then by word.
	sort.SliceStable(choWords, func(i, j int) bool {
		return keyedBefore(choWords[i].ini, choWords[i].w, choWords[j].ini, choWords[j].w)
	})
	for _, cw := range choWords {
		r, _ := utf8.DecodeRuneInString(cw.ini)
		k := choseongIndex(r)
		initials[k] = append(initials[k], []any{cw.ini, cw.w.term, cw.w.value})
	}
	for k := range choseong {
		list := initials[k]
		if list == nil {
			list = [][]any{}
		}
		if err := addJS(fmt.Sprintf("c/%d.js", k), list); err != nil {
			return nil, err
		}
	}
	// Typos: y/N.js lists the words of N letters with their dictionary values, by word.
	for n := range typos {
		if man.Typo[0] == 0 || n < man.Typo[0] {
			man.Typo[0] = n
		}
		man.Typo[1] = max(man.Typo[1], n)
	}
	if man.Typo[0] > 0 {
		for n := man.Typo[0]; n <= man.Typo[1]; n++ {
			list := [][]any{}
			for _, w := range typos[n] {
				list = append(list, []any{w.term, w.value})
			}
			if err := addJS(fmt.Sprintf("y/%d.js", n), list); err != nil {
				return nil, err
			}
		}
	}

	// Loanwords: w/N.js lists, for the words of a-z whose sound key starts with
	// SoundSymbols[N], [key, word, dictionary value], by key, then the words found in the
	// most entries first, then by word.
	sort.SliceStable(sounds, func(i, j int) bool {
		return keyedBefore(sounds[i].key, sounds[i].w, sounds[j].key, sounds[j].w)
	})
	for n := range SoundSymbols {
		list := [][]any{}
		for _, sw := range sounds {
			if sw.key[0] == SoundSymbols[n] {
				list = append(list, []any{sw.key, sw.w.term, sw.w.value})
			}
		}
		if err := addJS(fmt.Sprintf("w/%d.js", n), list); err != nil {
			return nil, err
		}
	}

	// Document records.
	for i := 0; i < len(docs); i += opts.DocsPerShard {
		end := min(i+opts.DocsPerShard, len(docs))
		if err := addJS(fmt.Sprintf("d/%d.js", i/opts.DocsPerShard), recs[i:end]); err != nil {
			return nil, err
		}
	}
	for _, f := range SynFiles {
		// Each group with its concept's dictionary value, so that a query loads the
		// concept's postings with no dictionary shard.
		list := [][]string{}
		for _, e := range synFiles[f] {
			list = append(list, append([]string{e[0], conceptValues[e[0]]}, e[1:]...))
		}
		if err := addJS("v/"+f+".js", list); err != nil {
			return nil, err
		}
	}
	if err := addJS("m.js", man); err != nil {
		return nil, err
	}
	if err := addJS("s.js", titles); err != nil {
		return nil, err
	}

	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	h := sha256.New()
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%d\x00", f.Name, len(f.Data))
		h.Write(f.Data)
	}
	idx.Dir = hex.EncodeToString(h.Sum(nil))[:10]
	idx.Files = files
	return idx, nil
}

// commonPrefix returns how many UTF-16 units a and b share at their start, at most 25 and
// never ending inside a surrogate pair.
func commonPrefix(a, b []uint16) int {
	n := 0
	for n < len(a) && n < len(b) && n < 25 && a[n] == b[n] {
		n++
	}
	if n > 0 && n < len(b) && utf16.IsSurrogate(rune(b[n-1])) && b[n-1] < 0xDC00 {
		n--
	}
	return n
}

// separator returns the shortest prefix of next that sorts after prev (the last term of the
// shard before): any term t with separator ≤ t sorts after prev.
func separator(prev, next []uint16) []uint16 {
	if prev == nil {
		return nil
	}
	for n := 1; n <= len(next); n++ {
		if slices.Compare(next[:n], prev) > 0 {
			if n < len(next) && utf16.IsSurrogate(rune(next[n-1])) && next[n-1] < 0xDC00 {
				n++
			}
			return next[:n]
		}
	}
	return next
}

// docTerms returns the terms of an entry with the strongest class each has in it, and adds
// to parts its words and parts of words that are a-z letters only.
func docTerms(e *catalog.Entry, syn *synIndex, parts map[string]bool) map[string]Class {
	m := make(map[string]Class, 64)
	add := func(t string, c Class) {
		if old, ok := m[t]; !ok || c > old {
			m[t] = c
		}
	}
	addText := func(text string, c Class) {
		ws := Words(text)
		for _, w := range ws {
			for i, p := range w.Parts {
				add(p, c)
				if !w.Hangul && !parts[p] && isAZ(p) {
					parts[p] = true
				}
				if w.Stems[i] != "" {
					add(w.Stems[i], c)
				}
			}
			if w.Whole != "" {
				add(w.Whole, c)
			}
			if w.Stem != "" {
				add(w.Stem, c)
			}
		}
		syn.concepts(text, ws, func(t string) { add(t, c) })
	}
	addText(e.Code, InCode)
	if k := CodeKey(e.Code); k != "" {
		add(k, Exact)
		if isDigits(k) {
			for n := MinPrefix; n < len(k); n++ {
				add(k[:n], InCode)
			}
		}
	}
	if e.Status != 0 {
		add(strconv.Itoa(int(e.Status)), InTitle)
		addText(e.Status.Reason(), InTitle)
	}
	addText(e.Message, InTitle)
	addText(e.Group, InTitle)
	addText(e.Description, InText)
	addText(e.Resolution, InText)
	for _, f := range e.Fields() {
		addText(f.Value, InText)
	}
	for _, v := range e.Variants() {
		addText(v.Message, InTitle)
		addText(v.Description, InText)
		addText(v.Resolution, InText)
		for _, f := range v.Fields {
			addText(f.Value, InText)
		}
	}
	// The entry's other languages: a query in any of them finds it.
	for _, t := range e.Translations() {
		addText(t.Message, InTitle)
		addText(t.Group, InTitle)
		addText(t.Description, InText)
		addText(t.Resolution, InText)
	}
	m[ErrorConcept] = InText // every entry, in the weakest class only (see ErrorConcept)
	add(FacetStatus(e.Status), InText)
	if cl := e.Status.Class(); cl != "" {
		add(FacetClass(cl), InText)
	}
	return m
}

var reSentence = regexp.MustCompile(`^(.+?[.!?。])(\s|$)`)

// PlainText returns Markdown as one line of plain text: links and images become their text,
// emphasis and code marks (**, __, `, ~~), heading, quote and list marks at the start of a
// line and HTML tags go, runs of white space become one space.
func PlainText(md string) string {
	var b strings.Builder
	b.Grow(len(md))
	space := false
	emit := func(s string) {
		for _, r := range s {
			if unicode.IsSpace(r) {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, "#>")
		if len(line) > 1 && strings.ContainsRune("-*+", rune(line[0])) && line[1] == ' ' {
			line = line[2:]
		}
		space = b.Len() > 0
		for i := 0; i < len(line); {
			rest := line[i:]
			switch {
			case strings.HasPrefix(rest, "**"), strings.HasPrefix(rest, "__"), strings.HasPrefix(rest, "~~"):
				i += 2
			case rest[0] == '`':
				i++
			case rest[0] == '<':
				if j := strings.IndexByte(rest, '>'); j > 0 {
					i += j + 1
				} else {
					emit("<")
					i++
				}
			case rest[0] == '[' || strings.HasPrefix(rest, "!["):
				start := 1
				if rest[0] == '!' {
					start = 2
				}
				close := strings.Index(rest, "](")
				end := -1
				if close > 0 {
					end = strings.IndexByte(rest[close:], ')')
				}
				if close < 0 || end < 0 {
					emit(rest[:1])
					i++
					continue
				}
				emit(rest[start:close])
				i += close + end + 1
			default:
				_, n := utf8.DecodeRuneInString(rest)
				emit(rest[:n])
				i += n
			}
		}
	}
	return b.String()
}

// Title returns the line that names an entry in lists and results: its message, or else the
// first sentence of its description, or else its group.
func Title(e *catalog.Entry) string {
	t, _ := titleSnippet(e, 0)
	return t
}

// Summary returns the text shown under an entry's title in lists: the description, or what
// of it the title did not take (the resolution when there is none), cut to n runes.
func Summary(e *catalog.Entry, n int) string {
	_, s := titleSnippet(e, n)
	return s
}

// serviceTitles returns the entry of s in s.js: [id, title], and for a service in several
// languages its titles in the others, keyed by language.
func serviceTitles(s *catalog.Service) []any {
	out := []any{s.ID, s.Title}
	if len(s.Translations) > 0 {
		tr := map[string]string{}
		for _, t := range s.Translations {
			if strings.TrimSpace(t.Title) != "" {
				tr[t.Lang] = t.Title
			}
		}
		out = append(out, tr)
	}
	return out
}

// translatedRecords returns the URL, title and snippet of e's page in each other language
// of its service, keyed by language ({"en": [url, title, snippet]}), for the client to
// show results in the page's language; nil for a service in one language. An entry a
// language does not document links to its page in that language all the same, which
// shows the text it has: its record then has a fourth element, the language of that
// text ({"en": [url, title, snippet, "ko"]}).
func translatedRecords(s *catalog.Service, e *catalog.Entry, opts Options) map[string][]string {
	if len(s.Translations) == 0 || opts.LangURL == nil {
		return nil
	}
	out := map[string][]string{}
	for _, l := range s.Langs() {
		if l == s.Lang {
			continue
		}
		t, ok := e.Text(s, l)
		le := *e
		le.Message, le.Description, le.Resolution, le.Group = t.Message, t.Description, t.Resolution, t.Group
		title, snippet := titleSnippet(&le, opts.SnippetRunes)
		out[l] = []string{opts.LangURL(l, s, e), title, snippet}
		if !ok {
			out[l] = append(out[l], t.Lang)
		}
	}
	return out
}

// titleSnippet returns an entry's title and the text shown under it in results, cut to n
// runes (n = 0: not cut): the description, or what of it the title did not take.
func titleSnippet(e *catalog.Entry, n int) (title, snippet string) {
	desc := PlainText(e.Description)
	title = strings.TrimSpace(e.Message)
	if title == "" {
		if m := reSentence.FindStringSubmatch(desc); m != nil {
			title = m[1]
		} else {
			title = desc
		}
		desc = strings.TrimSpace(strings.TrimPrefix(desc, title))
		if title == "" {
			title = e.Group
		}
	}
	if desc == "" {
		desc = PlainText(e.Resolution)
	}
	return cut(title, 2*n), cut(desc, n)
}

// cut shortens s to n runes, ending with "…" when it cut; n ≤ 0 leaves s whole.
func cut(s string, n int) string {
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	return strings.TrimSpace(string(r)) + "…"
}

// SpecBits is the number of bits of a SpecHash.
const SpecBits = 20

// SpecHash is the hash of a term in the manifest's Spec list: FNV-1a (32 bits) over the
// term's UTF-16 code units, its top SpecBits bits.
func SpecHash(t string) int {
	h := uint32(2166136261)
	for _, u := range utf16.Encode([]rune(t)) {
		h ^= uint32(u)
		h *= 16777619
	}
	return int(h >> (32 - SpecBits))
}

// fileNumbers returns the number of each term's postings file (for the terms whose
// postings are longer than InlineMax; the others' are -1), the manifest's Spec list and the
// number of the file of its first hash. The terms of the Spec list are those a query can
// look up (no concept or facet terms) that are not hot and share their hash with no other
// such term; their files are numbered last, by hash, and the others first, in term order
// (the hot ones' references in the manifest stay short).
func fileNumbers(terms, encoded []string, dfs []int, opts Options) ([]int, string, int) {
	no := make([]int, len(terms))
	var withFile []int
	for i := range terms {
		no[i] = -1
		if len(encoded[i]) > opts.InlineMax {
			withFile = append(withFile, i)
		}
	}
	byDF := slices.Clone(withFile)
	sort.SliceStable(byDF, func(a, b int) bool { return dfs[byDF[a]] > dfs[byDF[b]] })
	listed := map[int]bool{}
	for k, i := range byDF {
		t := terms[i]
		listed[i] = k >= opts.HotTerms && !strings.HasPrefix(t, ConceptPrefix) && !strings.HasPrefix(t, facetPrefix)
	}
	count := map[int]int{}
	for _, i := range withFile {
		if listed[i] {
			count[SpecHash(terms[i])]++
		}
	}
	var hashes []int
	byHash := map[int]int{}
	for _, i := range withFile {
		if h := SpecHash(terms[i]); listed[i] && count[h] == 1 {
			hashes = append(hashes, h)
			byHash[h] = i
		} else {
			listed[i] = false
		}
	}
	n := 0
	for _, i := range withFile {
		if !listed[i] {
			no[i] = n
			n++
		}
	}
	first := n
	slices.Sort(hashes)
	for _, h := range hashes {
		no[byHash[h]] = n
		n++
	}
	if len(hashes) == 0 {
		return no, "", 0
	}
	return no, string(encodeList(hashes)), first
}
