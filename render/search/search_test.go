package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"docgen/catalog"
	"docgen/internal/corpus"
)

func entryURL(s *catalog.Service, e *catalog.Entry) string { return s.ID + "/" + e.ID + "/" }

func TestWords(t *testing.T) {
	type w struct {
		Parts       []string
		Whole, Stem string
	}
	tests := []struct {
		in   string
		want []w
	}{
		{"invalidParameter", []w{{Parts: []string{"invalid", "parameter"}, Whole: "invalidparameter"}}},
		{"INVALID_PARAMETER", []w{{Parts: []string{"invalid"}}, {Parts: []string{"parameter"}}}},
		{"invalid parameter", []w{{Parts: []string{"invalid"}}, {Parts: []string{"parameter"}}}},
		{"HTTPError", []w{{Parts: []string{"http", "error"}, Whole: "httperror"}}},
		{"oauth2", []w{{Parts: []string{"oauth"}, Whole: "oauth2"}}},
		{"x509", []w{{Parts: []string{"509"}, Whole: "x509"}}},
		{"keyInvalid", []w{{Parts: []string{"key", "invalid"}, Whole: "keyinvalid"}}},
		{"the API", []w{{Parts: []string{"api"}}}},
		{"배포가", []w{{Parts: []string{"배포가"}, Stem: "배포"}}},
		{"스테이지를", []w{{Parts: []string{"스테이지를"}, Stem: "스테이지"}}},
		{"API키를", []w{{Parts: []string{"api"}}, {Parts: []string{"키를"}, Stem: "키"}}},
		{"API 를 확인", []w{{Parts: []string{"api"}}, {Parts: []string{"확인"}}}},
		{"생성할 수", []w{{Parts: []string{"생성할"}, Stem: "생성"}, {Parts: []string{"수"}}}},
		{"제한", []w{{Parts: []string{"제한"}}}},
		{"키가", []w{{Parts: []string{"키가"}, Stem: "키"}}},
		{"409100000", []w{{Parts: []string{"409100000"}}}},
		{"-32601", []w{{Parts: []string{"32601"}}}},
		{"a", nil},
	}
	for _, tt := range tests {
		var got []w
		for _, x := range Words(tt.in) {
			got = append(got, w{x.Parts, x.Whole, x.Stem})
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Words(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestWordOffsets(t *testing.T) {
	text := "API 키가 잘못되었습니다 (keyInvalid)"
	for _, w := range Words(text) {
		if got := strings.ToLower(text[w.Start:w.End]); !strings.Contains(got, w.Parts[0]) {
			t.Errorf("word %v spans %q", w.Parts, got)
		}
	}
}

func TestCodeKey(t *testing.T) {
	for in, want := range map[string]string{
		"INVALID_PARAMETER": "invalidparameter", "invalidParameter": "invalidparameter",
		"invalid parameter": "invalidparameter", "-32601": "32601", "400102001": "400102001",
	} {
		if got := CodeKey(in); got != want {
			t.Errorf("CodeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	q := ParseQuery("배포가 API_KEY")
	want := Query{Tokens: []QueryToken{{Terms: []string{"배포가", "배포"}, Hangul: true}, {Terms: []string{"api"}}, {Terms: []string{"key"}, Prefix: true}}, Key: "배포가apikey"}
	if diff := cmp.Diff(want, q); diff != "" {
		t.Errorf("ParseQuery (-want +got):\n%s", diff)
	}
	if q := ParseQuery("4091"); q.Tokens[0].Prefix {
		t.Errorf("a number is no prefix token: %+v", q)
	}
}

func TestEncodeSetRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := [][]int{nil, {0}, {5}, {0, 1, 2, 3}, {100000}, {6, 7, 8, 100, 101, 5000}}
	for i := 0; i < 300; i++ {
		n := r.IntN(2000)
		density := r.Float64()
		var ids []int
		for d := r.IntN(1000); len(ids) < n; d += 1 + int(float64(r.IntN(50))*density) {
			ids = append(ids, d)
		}
		cases = append(cases, ids)
	}
	forms := map[byte]int{}
	for _, ids := range cases {
		if len(ids) == 0 {
			if encodeSet(ids) != "" {
				t.Error("empty set not empty")
			}
			continue
		}
		for _, enc := range [][]byte{encodeList(ids), encodeBitmap(ids), encodeRuns(ids), []byte(encodeSet(ids))} {
			if enc == nil {
				continue
			}
			got, err := decodeSet(string(enc))
			if err != nil {
				t.Fatalf("decode %q: %v", enc, err)
			}
			if !slices.Equal(got, ids) {
				t.Fatalf("round trip of %v via %q gave %v", ids, enc, got)
			}
		}
		if s := encodeSet(ids); s != "" {
			forms[s[0]]++
		}
	}
	// Every form should win sometimes.
	if forms['!'] == 0 || forms['~'] == 0 || len(forms) < 3 {
		t.Errorf("forms chosen: %v", forms)
	}
}

func TestEncodeSetIsScriptSafe(t *testing.T) {
	s := encodeSet([]int{1, 2, 3, 70, 9000, 9001, 100000})
	for _, c := range s {
		if c == '"' || c == '\\' || c == ',' || c == ' ' || c == '|' || c == '@' {
			t.Fatalf("encoded set %q holds %q", s, c)
		}
	}
}

func TestPostingsRoundTrip(t *testing.T) {
	sets := [numClasses][]int{{1, 2, 3}, nil, {7}, nil}
	p := encodePostings(sets)
	if p != "|H||BAA" {
		t.Errorf("encodePostings = %q", p)
	}
	got, err := decodePostings(p)
	if err != nil || !cmp.Equal(got, sets, cmp.Comparer(func(a, b []int) bool { return slices.Equal(a, b) })) {
		t.Errorf("decodePostings(%q) = %v, %v", p, got, err)
	}
}

func build(t testing.TB, c *catalog.Catalog, opts Options) *Reader {
	t.Helper()
	opts.URL = entryURL
	idx, err := Build(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(idx.Files)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func codes(res []Result) []string {
	var out []string
	for _, r := range res {
		out = append(out, r.Service+":"+r.Code)
	}
	return out
}

// TestSearchFindsWhatPeopleType checks the issue's examples on the fixture catalog, with
// small shards so that queries cross files.
func TestSearchFindsWhatPeopleType(t *testing.T) {
	for _, opts := range []Options{{}, {ShardBytes: 200, InlineMax: 8, DocsPerShard: 2}} {
		r := build(t, corpus.Fixture(), opts)
		tests := []struct {
			q      string
			f      Filter
			first  string   // the best result, if given
			want   []string // results that must be there
			absent []string // results that must not be there
		}{
			{q: "배포가", want: []string{"api-gateway:500103000", "web3-api:UNAVAILABLE"}},
			{q: "스테이지를", want: []string{"api-gateway:400103006", "api-gateway:500103000"}},
			{q: "invalidParameter", first: "google-api:invalidParameter", want: []string{"web3-api:INVALID_PARAMETER"}},
			{q: "invalid parameter", want: []string{"google-api:invalidParameter", "web3-api:INVALID_PARAMETER", "api-gateway:400100000"}},
			{q: "INVALID_PARAMETER", first: "web3-api:INVALID_PARAMETER", want: []string{"google-api:invalidParameter"}},
			{q: "API_KEY", want: []string{"platform-api:INVALID_API_KEY", "google-api:keyInvalid"}},
			{q: "4091", want: []string{"api-gateway:409100000", "api-gateway:409102000"}, absent: []string{"api-gateway:400100000"}},
			{q: "409100", want: []string{"api-gateway:409100000"}, absent: []string{"api-gateway:409102000"}},
			{q: "409", want: []string{"api-gateway:409100000", "api-gateway:409102000", "web3-api:RESOURCE_ALREADY_EXISTS", "google-api:conflict"}},
			{q: "Conflict", first: "google-api:conflict", want: []string{"api-gateway:409100000", "web3-api:RESOURCE_ALREADY_EXISTS"}},
			{q: "-32601", first: "web3-api:-32601"},
			{q: "subscription", want: []string{"web3-api:-32601"}}, // a variant's text
			{q: "0", first: "api-gateway:0"},
			{q: "accessNot", first: "google-api:accessNotConfigured"},
			{q: "accessNotConf", first: "google-api:accessNotConfigured"},
			{q: "param", want: []string{"web3-api:INVALID_PARAMETER"}},
			{q: "required", want: []string{"google-api:required"}},
			{q: "invalid", f: Filter{Service: "web3-api"}, want: []string{"web3-api:INVALID_PARAMETER"}, absent: []string{"google-api:invalidParameter"}},
			{q: "invalid", f: Filter{Status: "4xx"}, want: []string{"google-api:invalidParameter", "platform-api:INVALID_API_KEY"}},
			{q: "error", f: Filter{Status: "none"}, want: []string{"web3-api:-32700"}},
			{q: "요청", f: Filter{Status: "409"}, want: []string{"api-gateway:409100000"}, absent: []string{"api-gateway:400103006"}},
		}
		for _, tt := range tests {
			res, total, _, err := r.Search(tt.q, tt.f, 0)
			if err != nil {
				t.Fatalf("%q: %v", tt.q, err)
			}
			got := codes(res)
			if total != len(res) {
				t.Errorf("%q: total %d, %d results", tt.q, total, len(res))
			}
			if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
				t.Errorf("%q %+v: first result %v, want %s", tt.q, tt.f, got, tt.first)
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("%q %+v: %v lacks %s", tt.q, tt.f, got, w)
				}
			}
			for _, a := range tt.absent {
				if slices.Contains(got, a) {
					t.Errorf("%q %+v: %v holds %s", tt.q, tt.f, got, a)
				}
			}
		}
	}
}

func TestSearchResultFields(t *testing.T) {
	r := build(t, corpus.Fixture(), Options{})
	res, _, _, err := r.Search("409100000", Filter{}, 1)
	if err != nil || len(res) != 1 {
		t.Fatal(res, err)
	}
	want := Result{ID: "409100000", Code: "409100000", Status: 409, Service: "api-gateway",
		Title: "Could not complete the request due to a duplicate request.", URL: "api-gateway/409100000/",
		Snippet: "중복 요청으로 인해 요청을 완료할 수 없습니다."}
	got := res[0]
	got.Score = 0
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPartialMatch(t *testing.T) {
	r := build(t, corpus.Fixture(), Options{})
	res, _, partial, err := r.Search("스테이지 zzzznothing", Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !partial || len(res) == 0 {
		t.Errorf("want partial results, got %v partial=%v", codes(res), partial)
	}
	res, _, _, _ = r.Search("zzzznothing", Filter{}, 0)
	if len(res) != 0 {
		t.Errorf("nonsense found %v", codes(res))
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, err := Build(corpus.Generate(3000), Options{URL: entryURL})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(corpus.Generate(3000), Options{URL: entryURL})
	if err != nil {
		t.Fatal(err)
	}
	if a.Dir != b.Dir || len(a.Files) != len(b.Files) {
		t.Fatalf("builds differ: %s/%d vs %s/%d", a.Dir, len(a.Files), b.Dir, len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Fatalf("file %s differs", a.Files[i].Name)
		}
	}
}

func TestEmptyCatalog(t *testing.T) {
	r := build(t, &catalog.Catalog{Services: []*catalog.Service{{ID: "x"}}}, Options{})
	res, _, _, err := r.Search("anything", Filter{}, 0)
	if err != nil || len(res) != 0 {
		t.Errorf("got %v, %v", res, err)
	}
}

// TestColdQueryBudget checks on a synthetic catalog that what a cold query loads stays
// small, for the query types of the benchmark. The benchmark (internal/benchsearch) measures
// the same in a browser at 100,000 entries.
func TestColdQueryBudget(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 5000
	}
	c := corpus.Generate(n)
	idx, err := Build(c, Options{URL: entryURL})
	if err != nil {
		t.Fatal(err)
	}
	largest := 0
	for _, f := range idx.Files {
		if strings.HasPrefix(f.Name, "t/") || strings.HasPrefix(f.Name, "d/") {
			largest = max(largest, len(f.Data))
		}
	}
	if largest > 16<<10 {
		t.Errorf("largest dictionary or document file is %d bytes", largest)
	}
	for _, q := range corpus.Queries(c) {
		r, err := Open(idx.Files)
		if err != nil {
			t.Fatal(err)
		}
		res, total, _, err := r.Search(q.Query, Filter{}, 10)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-10s %-24q %3d results of %5d, %2d files, %6d bytes: %v", q.Kind, q.Query, len(res), total, len(r.Loaded), r.BytesLoaded(), r.Loaded)
		if len(res) == 0 {
			t.Errorf("%s %q found nothing", q.Kind, q.Query)
		}
		budget := 80 << 10
		if q.Kind == "typo" {
			budget = 250 << 10 // the typo vocabulary files, loaded only for such a query
		}
		if r.BytesLoaded() > budget {
			t.Errorf("%s %q loaded %d bytes: %v", q.Kind, q.Query, r.BytesLoaded(), r.Loaded)
		}
	}
}

func ExampleParseQuery() {
	q := ParseQuery("INVALID_PARAMETER")
	fmt.Println(q.Key, len(q.Tokens))
	// Output: invalidparameter 2
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		c := corpus.Generate(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			size := 0
			for b.Loop() {
				idx, err := Build(c, Options{URL: entryURL})
				if err != nil {
					b.Fatal(err)
				}
				size = 0
				for _, f := range idx.Files {
					size += len(f.Data)
				}
			}
			// The index's size, so that a change that grows it shows in benchstat.
			b.ReportMetric(float64(size), "index-bytes")
		})
	}
}

func BenchmarkTerms(b *testing.B) {
	text := "요청한 파라미터가 정의된 형식과 다르거나 유효하지 않은 경우 반환되는 에러. INVALID_PARAMETER invalidParameter"
	for b.Loop() {
		Terms(text)
	}
}

// TestShards checks the sharding: every term of the index is found through the manifest's
// separators in the shard that holds it, shards stay near their size, postings too long for
// the dictionary get files of their own, and every document record is where its number says.
func TestShards(t *testing.T) {
	c := corpus.Generate(4000)
	opts := Options{URL: entryURL, ShardBytes: 1500, InlineMax: 40, DocsPerShard: 5}
	idx, err := Build(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Open(idx.Files)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, f := range idx.Files {
		counts[strings.SplitN(f.Name, "/", 2)[0]]++
		if strings.HasPrefix(f.Name, "t/") && len(f.Data) > opts.ShardBytes+600 {
			t.Errorf("%s is %d bytes", f.Name, len(f.Data))
		}
	}
	if counts["t"] < 20 || counts["p"] < 20 || counts["d"] != (idx.Docs+4)/5 {
		t.Errorf("files by kind: %v", counts)
	}
	seen, spec, wasted := 0, 0, 0
	for i := 0; i < counts["t"]; i++ {
		terms, err := r.shard(i)
		if err != nil {
			t.Fatal(err)
		}
		for term, post := range terms {
			seen++
			if got := r.shardOf(term); got != i {
				t.Fatalf("term %q is in shard %d, the separators say %d", term, i, got)
			}
			if _, err := r.postings(post); err != nil {
				t.Fatalf("term %q: %v", term, err)
			}
			// The manifest's Spec list gives a term with a postings file that file or
			// none; one without, now and then, another's (its hash is listed).
			if n := r.specFile(term); n >= 0 {
				if !strings.HasPrefix(post, "@") {
					wasted++
				} else if f, _, _ := readVarint(post, 1); f != n {
					t.Errorf("term %q: the Spec list gives file %d, its value is %q", term, n, post)
				} else {
					spec++
				}
			}
		}
	}
	if seen != idx.Terms {
		t.Errorf("%d terms in the shards, the index says %d", seen, idx.Terms)
	}
	if spec < counts["p"]/2 || wasted > seen/100 {
		t.Errorf("the Spec list gives %d terms their postings file (of %d files), and %d terms of %d one they do not have",
			spec, counts["p"], wasted, seen)
	}
	// Terms that are not in the index still map to a shard, and find nothing.
	for _, term := range []string{"", "0", "zzzzzz", "\uffff", "가", "힣힣힣", "~", "~zzz"} {
		if p, err := r.lookup(term); err != nil || p != "" && term != "0" {
			t.Errorf("lookup(%q) = %q, %v", term, p, err)
		}
	}
	d := 0
	for i, es := range Order(c) {
		for _, e := range es {
			res, err := r.doc(d)
			if err != nil {
				t.Fatal(err)
			}
			if res.Code != e.Code || res.Service != c.Services[i].ID {
				t.Fatalf("document %d is %s/%s, want %s/%s", d, res.Service, res.Code, c.Services[i].ID, e.Code)
			}
			d++
		}
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"**bold** and `code`":                 "bold and code",
		"see [the docs](https://x.example/a)": "see the docs",
		"![logo](x.png) here":                 "logo here",
		"# Title\n\n- one\n- two\n> quote":    "Title one two quote",
		"a <b>tag</b> and a < b":              "a tag and a < b",
		"INVALID_API_KEY and snake_case":      "INVALID_API_KEY and snake_case",
		"  요청이   잘못되었습니다.\n\n다시 시도하세요.  ":     "요청이 잘못되었습니다. 다시 시도하세요.",
		"[not a link] (x)":                    "[not a link] (x)",
		"~~gone~~ __under__":                  "gone under",
		"":                                    "",
	} {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}

// readStemVectors reads testdata/stem_vectors.txt: words and their Porter2 stems.
func readStemVectors(t *testing.T) [][2]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "stem_vectors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, s, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("bad vector line %q", line)
		}
		out = append(out, [2]string{w, s})
	}
	return out
}

// TestEnglishStemVectors checks the index's stemmer against the vectors the client's
// stemmer is checked against too (internal/browsertest).
func TestEnglishStemVectors(t *testing.T) {
	vs := readStemVectors(t)
	if len(vs) < 1000 {
		t.Fatalf("only %d stem vectors", len(vs))
	}
	for _, v := range vs {
		got := EnglishStem(v[0])
		if got == "" {
			got = v[0]
		}
		if got != v[1] {
			t.Errorf("EnglishStem(%q) = %q, want %q", v[0], got, v[1])
		}
	}
}

// TestSearchExpansion checks each class of query expansion on the fixture: compounds, verb
// forms, initial consonants, typos (and that they load their files only when needed),
// stems and other languages.
func TestSearchExpansion(t *testing.T) {
	for _, opts := range []Options{{}, {ShardBytes: 200, InlineMax: 8, DocsPerShard: 2}} {
		idx, err := Build(corpus.Fixture(), withURL(opts))
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			q, first  string
			corrected string // the "did you mean", when the query has typos
		}{
			{q: "중복경로", first: "api-gateway:409102000"},                  // 중복된 경로
			{q: "스테이지배포", first: "api-gateway:500103000"},                // 스테이지 배포
			{q: "리소스가 중복됐어요", first: "web3-api:RESOURCE_ALREADY_EXISTS"}, // 중복된 ... 리소스
			{q: "ㅂㅍ ㅌㅋ", first: "public-api:MalformedBackpackToken"},     // 백팩 토큰
			{q: "ㄱㅈ ㅎㅁ", first: "google-api:conflict"},                   // 기존 항목
			{q: "RESOURCE_ALREADY_EXSITS", first: "web3-api:RESOURCE_ALREADY_EXISTS", corrected: "resource already exists"},
			{q: "acessNotConfigured", first: "google-api:accessNotConfigured", corrected: "access not configured"},
			{q: "confilct", first: "google-api:conflict", corrected: "conflict"},
			{q: "configuration access", first: "google-api:accessNotConfigured"}, // stems
			{q: "rate limits", first: "platform-api:RATE_LIMIT_EXCEEDED"},
			// 중복, conflict: RESOURCE_ALREADY_EXISTS ties with conflict, whose code has fewer words
			{q: "duplicate", first: "google-api:conflict"},
			{q: "重複", first: "google-api:conflict"},
			{q: "token malformed", first: "public-api:MalformedBackpackToken"},
		}
		for _, tt := range tests {
			r, err := Open(idx.Files)
			if err != nil {
				t.Fatal(err)
			}
			out, err := r.SearchQuery(tt.q, Filter{}, 5)
			if err != nil {
				t.Fatalf("%q: %v", tt.q, err)
			}
			got := codes(out.Results)
			if len(got) == 0 || got[0] != tt.first {
				t.Errorf("%q: first results %v, want %s", tt.q, got, tt.first)
			}
			if out.Corrected != tt.corrected {
				t.Errorf("%q: corrected to %q, want %q", tt.q, out.Corrected, tt.corrected)
			}
			for _, f := range r.Loaded {
				if strings.HasPrefix(f, "y/") && tt.corrected == "" || strings.HasPrefix(f, "c/") && !isInitials(strings.Fields(tt.q)[0]) {
					t.Errorf("%q loaded %s", tt.q, f)
				}
			}
		}
	}
}

// TestSearchSynonymSettings checks that synonyms from the settings join the built-in ones.
func TestSearchSynonymSettings(t *testing.T) {
	c := &catalog.Catalog{Services: []*catalog.Service{{ID: "billing", Entries: []*catalog.Entry{
		{ID: "overdue", Code: "OVERDUE", Status: 402, Message: "청구서 기한이 지났습니다."},
		{ID: "other", Code: "OTHER", Status: 400, Message: "Something else."},
	}}}}
	for _, syn := range [][][]string{nil, {{"invoice", "청구서", "請求書"}}} {
		r := build(t, c, Options{Synonyms: syn})
		res, _, _, err := r.Search("invoice", Filter{}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := codes(res); syn != nil && !slices.Equal(got, []string{"billing:OVERDUE"}) || syn == nil && len(got) != 0 {
			t.Errorf("synonyms %v: invoice found %v", syn, got)
		}
	}
}

func withURL(o Options) Options {
	o.URL = entryURL
	return o
}
