// Package corpus generates large synthetic error catalogs, the same for the same size every
// time, for benchmarks and scale tests: services of about 500 entries each whose codes are
// written as numbers with a status prefix (400102001), SNAKE_CASE, camelCase or PascalCase,
// with English messages and Korean descriptions that use particles and verb endings as
// real documents do, some variants, some entries with no status and some JSON-RPC codes.
//
// Generate and Fixture build catalog values directly, for renderer benchmarks and tests.
// WriteSources (sources.go) writes the same kind of catalog as source files in every shape
// the readers take (Markdown headings and tables, scraped text tables, HTML), for whole
// builds: cmd/docgen's BenchmarkBuild, internal/benchbuild, internal/gencorpus.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"docgen/catalog"
)

// PerService is the number of entries of each generated service (the last may have fewer).
const PerService = 500

// Style is how a service writes its codes.
type Style int

// The code styles, in the order services take them.
const (
	Numeric Style = iota // 409102003: status, area, sequence
	Snake                // QUOTA_LIMIT_EXCEEDED
	Camel                // quotaLimitExceeded
	Pascal               // QuotaLimitExceeded
	numStyles
)

// Generate returns a catalog of n entries. The same n always gives the same catalog.
func Generate(n int) *catalog.Catalog {
	r := rand.New(rand.NewPCG(0x646f6367656e, uint64(n)))
	c := &catalog.Catalog{Title: fmt.Sprintf("Synthetic catalog (%d entries)", n), Lang: "ko"}
	for i := 0; n > 0; i++ {
		size := min(n, PerService)
		n -= size
		c.Services = append(c.Services, service(r, i, size))
	}
	return c
}

// statuses are the HTTP statuses entries get, with weights.
var statuses = []struct {
	status catalog.Status
	weight int
}{
	{400, 40}, {401, 6}, {403, 8}, {404, 12}, {405, 2}, {408, 2}, {409, 8}, {410, 1},
	{412, 2}, {413, 2}, {415, 1}, {422, 4}, {429, 4}, {500, 10}, {502, 2}, {503, 4}, {504, 2},
}

func pickStatus(r *rand.Rand) catalog.Status {
	total := 0
	for _, s := range statuses {
		total += s.weight
	}
	x := r.IntN(total)
	for _, s := range statuses {
		if x < s.weight {
			return s.status
		}
		x -= s.weight
	}
	return 400
}

// skewed picks an index in [0, n) that favours small ones, as word frequencies do.
func skewed(r *rand.Rand, n int) int {
	u := r.Float64()
	return int(float64(n) * u * u)
}

func service(r *rand.Rand, i, size int) *catalog.Service {
	style := Style(i % int(numStyles))
	name := serviceNames[i%len(serviceNames)]
	id := fmt.Sprintf("svc-%03d", i)
	s := &catalog.Service{
		ID:      id,
		Title:   fmt.Sprintf("%s API %d 오류 코드", name, i),
		Summary: fmt.Sprintf("%s API가 반환하는 오류 코드입니다.", name),
		Lang:    "ko",
		Source:  "synthetic/" + id + ".md",
	}
	if i%3 == 0 {
		s.ResponseFormat = &catalog.ResponseFormat{
			Example: `{"code": "${ERROR_CODE}", "message": "${ERROR_MESSAGE}"}`,
			Schema: map[string]any{"type": "object", "properties": map[string]any{
				"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}}},
		}
	}
	seen := map[string]bool{}
	area := 100 + r.IntN(50)
	seq := 0
	for j := 0; j < size; j++ {
		st := pickStatus(r)
		proto := catalog.HTTP
		if j%97 == 96 {
			st = 0 // documented with no status
		}
		if style == Numeric && j%211 == 210 {
			st, proto = 0, catalog.JSONRPC
		}
		var code string
		if proto == catalog.JSONRPC {
			code = fmt.Sprintf("-32%03d", j%1000)
		} else if style == Numeric {
			if j%40 == 0 {
				area++
				seq = 0
			}
			seq++
			s := int(st)
			if s == 0 {
				s = 400
			}
			code = fmt.Sprintf("%d%03d%03d", s, area, seq)
		} else {
			code = wordCode(r, style)
		}
		for k := 2; seen[fmt.Sprint(st, code)]; k++ {
			code = fmt.Sprintf("%s%d", strings.TrimRight(code, "0123456789"), k)
		}
		seen[fmt.Sprint(st, code)] = true
		e := &catalog.Entry{
			ID:          catalog.Slug(code),
			Code:        code,
			Status:      st,
			Protocol:    proto,
			Message:     message(r),
			Description: description(r),
			Source:      catalog.Pos{File: s.Source, Line: 10 + 2*j, Col: 1},
		}
		if st != 0 {
			e.From = catalog.FromColumn
		}
		if j%13 == 5 {
			e.Resolution = resolution(r)
		}
		if j%50 == 7 {
			e.SetVariants(append(e.Variants(), catalog.Variant{Description: description(r),
				Source: catalog.Pos{File: s.Source, Line: 2000 + j, Col: 1}}))
		}
		s.Entries = append(s.Entries, e)
	}
	assignIDs(s)
	return s
}

// assignIDs makes entry IDs unique within the service: the same code under two statuses
// gets the status appended.
func assignIDs(s *catalog.Service) {
	count := map[string]int{}
	for _, e := range s.Entries {
		count[e.ID]++
	}
	used := map[string]bool{}
	for _, e := range s.Entries {
		if count[e.ID] > 1 {
			e.ID = fmt.Sprintf("%s-%d", e.ID, e.Status)
		}
		for k := 2; used[e.ID]; k++ {
			e.ID = fmt.Sprintf("%s-%d", strings.TrimRight(e.ID, "-0123456789"), k)
		}
		used[e.ID] = true
	}
}

func wordCode(r *rand.Rand, style Style) string {
	n := 2 + r.IntN(2)
	words := make([]string, n)
	for i := range words {
		words[i] = codeWords[skewed(r, len(codeWords))]
	}
	switch style {
	case Snake:
		return strings.ToUpper(strings.Join(words, "_"))
	case Camel:
		for i := 1; i < n; i++ {
			words[i] = strings.ToUpper(words[i][:1]) + words[i][1:]
		}
		return strings.Join(words, "")
	default:
		for i := range words {
			words[i] = strings.ToUpper(words[i][:1]) + words[i][1:]
		}
		return strings.Join(words, "")
	}
}

func message(r *rand.Rand) string {
	a := codeWords[skewed(r, len(codeWords))]
	b := codeWords[skewed(r, len(codeWords))]
	switch r.IntN(5) {
	case 0:
		return fmt.Sprintf("Invalid %s %s.", a, b)
	case 1:
		return fmt.Sprintf("Failed to %s the %s.", verbs[r.IntN(len(verbs))], b)
	case 2:
		return fmt.Sprintf("The %s %s was not found.", a, b)
	case 3:
		return fmt.Sprintf("%s %s exceeded the limit.", strings.ToUpper(a[:1])+a[1:], b)
	default:
		return fmt.Sprintf("Could not %s %s because the %s is %s.", verbs[r.IntN(len(verbs))], a, b, adjectives[r.IntN(len(adjectives))])
	}
}

// hasBatchim reports whether the last syllable of a Korean word ends in a consonant, which
// decides the form of the particle after it (이/가, 을/를, 은/는, 으로/로).
func hasBatchim(w string) bool {
	rs := []rune(w)
	last := rs[len(rs)-1]
	return last >= 0xAC00 && last <= 0xD7A3 && (last-0xAC00)%28 != 0
}

func particle(w, withBatchim, without string) string {
	if hasBatchim(w) {
		return w + withBatchim
	}
	return w + without
}

func noun(r *rand.Rand) string { return nouns[skewed(r, len(nouns))] }

func description(r *rand.Rand) string {
	var sents []string
	for k := 1 + r.IntN(2); k > 0; k-- {
		a, b := noun(r), noun(r)
		switch r.IntN(6) {
		case 0:
			sents = append(sents, fmt.Sprintf("%s %s 수 없습니다.", particle(a, "을", "를"), endings[r.IntN(len(endings))]))
		case 1:
			sents = append(sents, fmt.Sprintf("요청한 %s %s 존재하지 않습니다.", a, particle(b, "이", "가")))
		case 2:
			sents = append(sents, fmt.Sprintf("%s %s 초과하였습니다.", a, particle(b, "을", "를")))
		case 3:
			sents = append(sents, fmt.Sprintf("%s %s 올바르지 않습니다.", particle(a, "의", "의"), particle(b, "이", "가")))
		case 4:
			sents = append(sents, fmt.Sprintf("%s 중 %s 실패했습니다.", particle(a, "", ""), particle(b, "에", "에")))
		default:
			sents = append(sents, fmt.Sprintf("%s %s 확인하세요.", particle(a, "에서", "에서"), particle(b, "을", "를")))
		}
	}
	return strings.Join(sents, " ")
}

func resolution(r *rand.Rand) string {
	return fmt.Sprintf("%s 다시 확인한 뒤 요청하세요. 오류가 지속되면 고객 센터로 문의하세요.", particle(noun(r), "을", "를"))
}

var serviceNames = []string{
	"Gateway", "Storage", "Compute", "Billing", "Identity", "Messaging", "Search", "Media",
	"Payments", "Notification", "Database", "Network", "Analytics", "Registry", "Scheduler",
}

var endings = []string{"생성할", "삭제할", "수정할", "조회할", "배포할", "연결할", "처리할", "등록할"}

var verbs = []string{"create", "delete", "update", "read", "deploy", "connect", "process", "register", "verify", "upload"}

var adjectives = []string{"invalid", "expired", "locked", "disabled", "missing", "duplicated", "unavailable"}

// codeWords are the English words codes and messages are made of, most frequent first.
var codeWords = strings.Fields(`
invalid request parameter resource not found access denied token expired quota limit
exceeded permission user key api service internal error timeout conflict already exists
missing required value format unsupported media type method unauthorized forbidden
rate stage deploy deployment plan usage bucket object policy network instance image volume
snapshot database table query session payment order product stock notification message
channel subscription domain certificate firewall route balancer region zone cluster node
pod container secret config project member role group account password email phone address
file upload download size length range header body field schema version signature hash
checksum encoding charset locale timezone date time duration interval count page cursor
offset sort filter scope grant client credential refresh auth login logout mfa otp device
webhook event queue topic partition stream batch job task workflow pipeline build artifact
release tag branch commit repository backup restore migration replica shard index document
collection catalog price invoice refund coupon discount tax currency wallet transfer balance
limit threshold alarm metric log trace span endpoint proxy cache cdn origin dns record ttl
`)

// nouns are the Korean nouns descriptions are made of, most frequent first.
var nouns = strings.Fields(`
요청 리소스 파라미터 토큰 사용자 서버 파일 키 권한 계정 스테이지 배포 인증 서비스 값 형식
데이터 정보 설정 플랜 사용량 버킷 객체 정책 네트워크 인스턴스 이미지 볼륨 스냅샷 데이터베이스
테이블 쿼리 세션 결제 주문 상품 재고 알림 메시지 채널 구독 도메인 인증서 방화벽 라우팅 리전
클러스터 노드 컨테이너 시크릿 프로젝트 멤버 역할 그룹 비밀번호 이메일 전화번호 주소 크기 길이
범위 헤더 본문 필드 스키마 버전 서명 해시 체크섬 인코딩 시간대 날짜 시간 기간 개수 페이지 커서
정렬 필터 범위 클라이언트 자격증명 로그인 기기 웹훅 이벤트 큐 토픽 스트림 작업 워크플로 파이프라인
빌드 아티팩트 릴리스 태그 브랜치 저장소 백업 복원 마이그레이션 복제본 샤드 인덱스 문서 컬렉션
가격 청구서 환불 쿠폰 할인 세금 통화 지갑 이체 잔액 한도 임계값 경보 지표 로그 엔드포인트 프록시
캐시 원본 레코드 게이트웨이 플러그인 모델 경로 변수 엔드포인트 사용량계획 앱키 프리픽스
`)

// Query is a query of one of the kinds the search benchmark measures.
type Query struct {
	Kind  string // "korean", "snake", "camel", "numeric", "typo", "initials", "compound", "english", "synonym"
	Query string // what is typed
}

// Queries returns the benchmark's queries for a catalog made by Generate: a Korean word with
// a particle, a SNAKE_CASE code, a fragment of a camelCase code and a numeric code prefix,
// each taken from the catalog so that it finds something at every size.
func Queries(c *catalog.Catalog) []Query {
	qs := []Query{{Kind: "korean", Query: "배포가"}}
	pick := func(style Style) *catalog.Entry {
		var best *catalog.Entry
		for i, s := range c.Services {
			if Style(i%int(numStyles)) != style {
				continue
			}
			for j, e := range s.Entries {
				if j >= 100 && e.Status != 0 && len(splitCamel(e.Code)) >= 3 || style == Numeric && j >= 100 && e.Status == 409 {
					return e
				}
				if best == nil && e.Status != 0 {
					best = e
				}
			}
		}
		return best
	}
	if e := pick(Snake); e != nil {
		qs = append(qs, Query{Kind: "snake", Query: e.Code})
	}
	if e := pick(Camel); e != nil {
		parts := splitCamel(e.Code)
		frag := strings.Join(parts[1:], "")
		if len(parts) < 2 {
			frag = e.Code
		}
		qs = append(qs, Query{Kind: "camel", Query: frag})
	}
	if e := pick(Numeric); e != nil {
		qs = append(qs, Query{Kind: "numeric", Query: e.Code[:4]})
	}
	// The kinds a query is expanded for: a code with two letters swapped (a typo), initial
	// consonants, a Korean compound written without its space, an English word form and an
	// English word for Korean text.
	if e := pick(Snake); e != nil {
		parts := splitCamel(e.Code)
		for i, p := range parts {
			if len(p) >= 5 && p[2] != p[3] {
				b := []byte(p)
				b[2], b[3] = b[3], b[2]
				parts[i] = string(b)
				qs = append(qs, Query{Kind: "typo", Query: strings.Join(parts, "_")})
				break
			}
		}
	}
	qs = append(qs, Query{Kind: "initials", Query: "ㅂㅍ"},
		Query{Kind: "compound", Query: "스테이지배포"},
		Query{Kind: "english", Query: "expiration"},
		Query{Kind: "synonym", Query: "권한 거부"})
	return qs
}

// splitCamel splits a camelCase or SNAKE_CASE code into its words, keeping their case.
func splitCamel(code string) []string {
	if strings.Contains(code, "_") {
		return strings.Split(code, "_")
	}
	var parts []string
	start := 0
	for i := 1; i < len(code); i++ {
		if code[i] >= 'A' && code[i] <= 'Z' {
			parts = append(parts, code[start:i])
			start = i
		}
	}
	return append(parts, code[start:])
}
