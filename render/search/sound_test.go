package search

import (
	"strings"
	"testing"

	"docgen/catalog"
)

// loanwords are English words of API errors with the Hangul that Korean developers spell
// them with: each pair must have the same sound key.
var loanwords = [][2]string{
	{"recordset", "레코드셋"}, {"timeline", "타임라인"}, {"serving", "서빙"}, {"graph", "그래프"},
	{"webhook", "웹훅"}, {"session", "세션"}, {"token", "토큰"}, {"query", "쿼리"}, {"cache", "캐시"},
	{"schema", "스키마"}, {"swagger", "스웨거"}, {"json", "제이슨"}, {"rate", "레이트"}, {"limit", "리밋"},
	{"payload", "페이로드"}, {"timeout", "타임아웃"}, {"stage", "스테이지"}, {"deploy", "디플로이"},
	{"backend", "백엔드"}, {"endpoint", "엔드포인트"}, {"gateway", "게이트웨이"}, {"redirect", "리다이렉트"},
	{"validation", "밸리데이션"}, {"exception", "익셉션"}, {"connection", "커넥션"}, {"database", "데이터베이스"},
	{"rollback", "롤백"}, {"infra", "인프라"}, {"internal", "인터널"}, {"request", "리퀘스트"}, {"db", "디비"},
	{"test", "테스트"}, {"patch", "패치"}, {"router", "라우터"}, {"server", "서버"}, {"model", "모델"},
	{"document", "도큐먼트"}, {"audience", "오디언스"}, {"origin", "오리진"}, {"notification", "노티피케이션"},
	{"binary", "바이너리"}, {"domain", "도메인"}, {"media", "미디어"}, {"download", "다운로드"},
	{"upload", "업로드"}, {"runtime", "런타임"}, {"handle", "핸들"}, {"multipart", "멀티파트"},
	{"batch", "배치"}, {"subscription", "서브스크립션"}, {"billing", "빌링"}, {"scope", "스코프"},
	{"permission", "퍼미션"}, {"forbidden", "포비든"}, {"channel", "채널"}, {"quota", "쿼터"},
	{"upgrade", "업그레이드"}, {"module", "모듈"}, {"custom", "커스텀"}, {"coding", "코딩"}, {"enum", "이넘"},
	{"email", "이메일"}, {"string", "스트링"}, {"number", "넘버"}, {"column", "컬럼"}, {"table", "테이블"},
	{"reference", "레퍼런스"}, {"payment", "페이먼트"}, {"compile", "컴파일"}, {"plan", "플랜"},
	{"config", "컨피그"}, {"cluster", "클러스터"}, {"container", "컨테이너"}, {"thread", "스레드"},
	{"method", "메서드"}, {"pipeline", "파이프라인"}, {"bucket", "버킷"}, {"socket", "소켓"},
	{"expired", "익스파이어드"}, {"require", "리콰이어"}, {"store", "스토어"}, {"parameter", "파라미터"},
}

func TestSoundKeyLoanwords(t *testing.T) {
	for _, p := range loanwords {
		e, h := SoundKey(p[0]), HangulSoundKey(p[1])
		if e == "" || e != h {
			t.Errorf("SoundKey(%q) = %q, HangulSoundKey(%q) = %q: want them equal", p[0], e, p[1], h)
		}
	}
	// No loanword is spelt with these: a verb's past tense (ㅆ), a tense plosive, one
	// syllable, other letters.
	for _, w := range []string{"틀렸어요", "빠른", "빈", "api키", ""} {
		if k := HangulSoundKey(w); k != "" {
			t.Errorf("HangulSoundKey(%q) = %q, want none", w, k)
		}
	}
	for _, w := range []string{"Token", "x509", "a"} {
		if k := SoundKey(w); k != "" && w != "a" {
			t.Errorf("SoundKey(%q) = %q, want none", w, k)
		}
	}
}

// soundVectors returns testdata/sound_vectors.txt as the rules give it: a word, a tab and
// its sound key (SoundKey, or HangulSoundKey for Hangul), for the English words of the
// stem vectors, the loanwords, and the Hangul phrases of the vocabulary.
func soundVectors(t *testing.T) string {
	var b strings.Builder
	b.WriteString("# Sound keys (search.SoundKey for a-z, search.HangulSoundKey for Hangul): a word, a tab\n")
	b.WriteString("# and its key (empty when it has none). Both sides check these: the Go tests and the\n")
	b.WriteString("# browser test (docgen.js). Written by go test ./render/search -run TestSoundVectors -update\n")
	line := func(w string) {
		k := SoundKey(w)
		if hasHangul(w) {
			k = HangulSoundKey(w)
		}
		b.WriteString(w + "\t" + k + "\n")
	}
	for _, v := range readStemVectors(t) {
		line(v[0])
	}
	for _, p := range loanwords {
		line(p[0])
		line(p[1])
	}
	seen := map[string]bool{}
	for _, g := range Synonyms {
		for _, p := range g {
			p = compact(p)
			if hasHangul(p) && !seen[p] {
				seen[p] = true
				line(p)
			}
		}
	}
	return b.String()
}

func TestSoundVectors(t *testing.T) {
	checkVectors(t, "sound_vectors.txt", soundVectors(t), "TestSoundVectors")
}

// TestLoanwordSearch checks that a Hangul word that matches nothing finds the entries whose
// English words it spells, a plural by its singular, and that a verb finds none so.
func TestLoanwordSearch(t *testing.T) {
	c := &catalog.Catalog{Services: []*catalog.Service{{ID: "s", Title: "S", Lang: "ko", Entries: []*catalog.Entry{
		{ID: "a", Code: "E1", Message: "Record set was not found", Description: "기록 묶음을 찾을 수 없습니다."},
		{ID: "b", Code: "E2", Message: "Notifications are not supported", Description: "알림을 보낼 수 없습니다."},
		{ID: "c", Code: "E3", Message: "Deleted", Description: "삭제되었습니다."},
	}}}}
	r := build(t, c, Options{})
	for _, tc := range []struct{ q, want string }{
		{"레코드", "s:E1"}, {"노티피케이션", "s:E2"}, {"노티피케이션 미지원", "s:E2"},
	} {
		res, _, _, err := r.Search(tc.q, Filter{}, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := codes(res); len(got) == 0 || got[0] != tc.want {
			t.Errorf("%q found %v, want %s first", tc.q, got, tc.want)
		}
	}
	// 틀렸어요 (was wrong) sounds as "deleted" would, but a past tense is no loanword.
	if res, _, _, _ := r.Search("틀렸어요", Filter{}, 3); len(res) != 0 {
		t.Errorf("틀렸어요 found %v, want nothing", codes(res))
	}
}
