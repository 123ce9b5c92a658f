package corpus

import "docgen/catalog"

// Fixture returns a small hand-written catalog with the shapes the five seeds give, for
// tests of the site and its search: numeric codes with a status prefix, SNAKE_CASE and
// camelCase codes, a code under two statuses, variants, JSON-RPC codes with no status, an
// entry with no status, a service with no entries, response formats with and without a
// schema, Markdown that tries to break out of the page, and Korean text with particles.
func Fixture() *catalog.Catalog {
	src := func(file string, line int) catalog.Pos { return catalog.Pos{File: file, Line: line, Col: 1} }
	gw := &catalog.Service{
		ID: "api-gateway", Title: "API Gateway 오류 코드", Lang: "ko", Source: "content/api-gateway.md",
		Summary: "API Gateway가 반환하는 **오류 코드**입니다. [안내](https://example.com/docs)",
		Entries: []*catalog.Entry{
			{ID: "0", Code: "0", Message: "SUCCESS", Description: "성공", Source: src("content/api-gateway.md", 5)},
			{ID: "400100000", Code: "400100000", Status: 400, From: catalog.FromPrefix, Message: "Invalid parameter.", Description: "잘못된 요청입니다.", Source: src("content/api-gateway.md", 7)},
			{ID: "409100000", Code: "409100000", Status: 409, From: catalog.FromPrefix, Message: "Could not complete the request due to a duplicate request.", Description: "중복 요청으로 인해 요청을 완료할 수 없습니다.", Source: src("content/api-gateway.md", 13)},
			{ID: "409102000", Code: "409102000", Status: 409, From: catalog.FromPrefix, Message: "Fail create duplicated resources", Description: "중복된 경로 리소스는 생성할 수 없습니다.", Source: src("content/api-gateway.md", 33)},
			{ID: "400103006", Code: "400103006", Status: 400, From: catalog.FromPrefix, Message: "Exceeded the maximum stage count", Description: "스테이지 최대 생성 개수를 초과하였습니다.", Source: src("content/api-gateway.md", 42)},
			{ID: "500103000", Code: "500103000", Status: 500, From: catalog.FromPrefix, Message: "Fail convert stage resource plugin config to bean", Description: "스테이지 배포 요청에 실패했습니다. 잠시 후 다시 시도해주세요.", Source: src("content/api-gateway.md", 43)},
			{ID: "404105000", Code: "404105000", Status: 404, From: catalog.FromPrefix, Message: "Not found api key.", Description: "API Key 정보를 찾을 수 없습니다.", Source: src("content/api-gateway.md", 65)},
		},
	}
	web3 := &catalog.Service{
		ID: "web3-api", Title: "멀티체인 Web3 API 에러 코드", Lang: "ko", Source: "content/web3-api.txt",
		ResponseFormat: &catalog.ResponseFormat{
			Example: "{\n\"code\":\"${ERROR_CODE}\",\n\"message\":\"${ERROR_DESCRIPTION}\"\n}",
			Schema: map[string]any{"type": "object", "properties": map[string]any{
				"code": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}}},
			Source: src("content/web3-api.txt", 6),
		},
		Entries: []*catalog.Entry{
			{ID: "success-200", Code: "SUCCESS", Status: 200, From: catalog.FromColumn, Description: "정상 응답", Source: src("content/web3-api.txt", 13)},
			{ID: "success-201", Code: "SUCCESS", Status: 201, From: catalog.FromColumn, Description: "정상 처리 (신규 생성)", Source: src("content/web3-api.txt", 14)},
			{ID: "invalid-parameter", Code: "INVALID_PARAMETER", Status: 400, From: catalog.FromColumn, Description: "요청한 파라미터가 정의된 형식과 다르거나 유효하지 않은 경우 반환되는 에러.", Source: src("content/web3-api.txt", 17)},
			{ID: "resource-already-exists", Code: "RESOURCE_ALREADY_EXISTS", Status: 409, From: catalog.FromColumn, Description: "이미 존재하는 리소스에 대해 클라이언트가 중복 생성 요청을 한 경우 반환되는 에러.", Source: src("content/web3-api.txt", 27)},
			{ID: "unavailable", Code: "UNAVAILABLE", Status: 503, From: catalog.FromColumn, Description: "서버의 서비스 제공이 불가능한 상태. 배포 작업 등으로 인해 반환될 수 있는 에러.", Source: src("content/web3-api.txt", 32)},
			withMore(&catalog.Entry{ID: "32601", Code: "-32601", Protocol: catalog.JSONRPC, Message: "the method X does not exist/is not available", Description: "존재 하지 않는 method를 호출 했을 경우 반환될 수 있는 에러",
				Source: src("content/web3-api.txt", 40)},
				nil, []catalog.Variant{{Message: "subscription not found", Description: "존재하지 않는 subscription을 호출 했을 경우 반환될 수 있는 에러", Source: src("content/web3-api.txt", 41)}}),
			{ID: "32700", Code: "-32700", Protocol: catalog.JSONRPC, Message: "parse error", Description: "서버로 부터 Invalid된 JSON을 받았을 경우 반환될 수 있는 에러", Source: src("content/web3-api.txt", 44)},
		},
	}
	google := &catalog.Service{
		ID: "google-api", Title: "Google API 표준 오류 코드", Lang: "ko", Source: "content/google-api.txt",
		ResponseFormat: &catalog.ResponseFormat{
			Example: `{"error": {"errors": [{"domain": "global", "reason": "invalidParameter", "message": "Invalid string value: 'asdf'."}], "code": 400, "message": "Invalid string value: 'asdf'."}}`,
			Source:  src("content/google-api.txt", 6),
		},
		Entries: []*catalog.Entry{
			{ID: "invalid-parameter", Code: "invalidParameter", Status: 400, From: catalog.FromHeading, Group: "BAD_REQUEST (400)", Description: "요청 매개변수에 잘못된 값이 있음을 나타냅니다.", Source: src("content/google-api.txt", 60)},
			{ID: "key-invalid", Code: "keyInvalid", Status: 400, From: catalog.FromHeading, Group: "BAD_REQUEST (400)", Description: "요청에 제공된 API 키가 잘못되었습니다.", Source: src("content/google-api.txt", 90)},
			{ID: "required-400", Code: "required", Status: 400, From: catalog.FromHeading, Group: "BAD_REQUEST (400)", Description: "API 요청에 필요한 정보가 누락되었습니다.", Source: src("content/google-api.txt", 100)},
			{ID: "required-401", Code: "required", Status: 401, From: catalog.FromHeading, Group: "UNAUTHORIZED (401)", Description: "API 요청에 사용자 인증 정보가 필요합니다.", Source: src("content/google-api.txt", 120)},
			withMore(&catalog.Entry{ID: "access-not-configured", Code: "accessNotConfigured", Status: 403, From: catalog.FromHeading, Group: "FORBIDDEN (403)", Description: "프로젝트에서 이 API를 사용할 수 없습니다.", Source: src("content/google-api.txt", 140)},
				nil, []catalog.Variant{
					{Description: "프로젝트가 이 API에 액세스하도록 구성되지 않았습니다.", Source: src("content/google-api.txt", 150)},
					{Description: "차단된 프로젝트에서 요청했습니다.", Source: src("content/google-api.txt", 160)}}),
			{ID: "conflict", Code: "conflict", Status: 409, From: catalog.FromHeading, Group: "CONFLICT (409)", Description: "기존 항목과 충돌하여 요청한 작업을 완료할 수 없습니다.", Source: src("content/google-api.txt", 180)},
		},
	}
	platform := &catalog.Service{
		ID: "platform-api", Title: "플랫폼 API 에러 코드", Lang: "ko", Source: "content/platform-api.txt",
		ResponseFormat: &catalog.ResponseFormat{
			Example: "{\n  \"status\": 400,\n  \"type\": \"VALIDATION_ERROR\",\n  \"message\": \"요청 데이터 검증에 실패했습니다.\"\n}",
			Schema: map[string]any{"type": "object", "required": []any{"status", "type", "message"}, "properties": map[string]any{
				"status": map[string]any{"type": "number"}, "type": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}}},
		},
		Sections: []catalog.Section{{Title: "Rate limit headers", Body: "| Header | 설명 |\n|---|---|\n| `X-RateLimit-Limit` | 한도 |\n", Source: src("content/platform-api.txt", 100)}},
		Entries: []*catalog.Entry{
			{ID: "invalid-api-key", Code: "INVALID_API_KEY", Status: 401, From: catalog.FromHeading, Message: "유효하지 않은 API Key", Resolution: "API Key 확인 및 재발급", Source: src("content/platform-api.txt", 70)},
			withMore(&catalog.Entry{ID: "rate-limit-exceeded", Code: "RATE_LIMIT_EXCEEDED", Status: 429, From: catalog.FromHeading, Message: "요청 한도 초과", Resolution: "`Retry-After` 헤더의 시간만큼 기다린 뒤 다시 요청하세요.", Source: src("content/platform-api.txt", 80)},
				[]catalog.Field{{Name: "비고", Value: "분당 60회"}}, nil),
			{ID: "xss", Code: "XSS_PROBE", Status: 400, From: catalog.FromHeading, Message: `<script>alert("msg")</script>`,
				Description: "<script>alert(1)</script> [click](javascript:alert(1)) ![img](https://evil.example/x.png) <img src=x onerror=alert(1)>",
				Resolution:  "[ok](https://example.com/fix) [rel](../fix) [mail](mailto:a@example.com) [proto](//evil.example/x)", Source: src("content/platform-api.txt", 90)},
		},
	}
	public := &catalog.Service{
		ID: "public-api", Title: "퍼블릭 API 에러 목록", Lang: "ko", Source: "content/public-api.md",
		Groups: []catalog.Group{{Name: "BadRequest", Status: 400, Description: "요청이 잘못된 경우입니다.", Source: src("content/public-api.md", 7)}},
		Entries: []*catalog.Entry{
			{ID: "dns-resolve-failed", Code: "DnsResolveFailed", Status: 400, From: catalog.FromHeading, Group: "BadRequest", Description: "DNS 확인실패 시 발생합니다.", Source: src("content/public-api.md", 11)},
			{ID: "malformed-backpack-token", Code: "MalformedBackpackToken", Status: 400, From: catalog.FromHeading, Group: "BadRequest", Description: "백팩에 접근하는 용도의 토큰이 올바르지 않은 경우 발생합니다.", Source: src("content/public-api.md", 19)},
			{ID: "not-implemented", Code: "NotImplemented", Status: 501, From: catalog.FromHeading, Group: "NotImplemented", Description: "구현되지 않은 기능입니다.", Source: src("content/public-api.md", 200)},
		},
	}
	empty := &catalog.Service{ID: "empty-api", Title: "Empty API", Lang: "en", Source: "content/empty.md"}
	return &catalog.Catalog{Title: "API 오류 코드 카탈로그", Lang: "ko",
		Services: []*catalog.Service{public, gw, web3, google, platform, empty}}
}

// withMore sets e's Fields and Variants, for the literals above.
func withMore(e *catalog.Entry, fields []catalog.Field, variants []catalog.Variant) *catalog.Entry {
	e.SetFields(fields)
	e.SetVariants(variants)
	return e
}
