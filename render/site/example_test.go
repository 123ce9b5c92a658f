package site

import (
	"strings"
	"testing"

	"docgen/catalog"
)

func TestExampleBody(t *testing.T) {
	svc := func(example string) *catalog.Service {
		return &catalog.Service{ResponseFormat: &catalog.ResponseFormat{Example: example}}
	}
	tests := []struct {
		name string
		s    *catalog.Service
		e    *catalog.Entry
		want string
	}{
		{
			name: "placeholders in JSON",
			s:    svc("{\n\"code\":\"${ERROR_CODE}\",\n\"message\":\"${ERROR_DESCRIPTION}\"\n}"),
			e:    &catalog.Entry{Code: "INVALID_PARAMETER", Status: 400, Description: "파라미터가 유효하지 않습니다. 예: 형식 오류"},
			want: "{\n  \"code\": \"INVALID_PARAMETER\",\n  \"message\": \"파라미터가 유효하지 않습니다.\"\n}",
		},
		{
			name: "Google: reason is the code, code the status",
			s: svc(`{"error": {"errors": [{"domain": "global", "reason": "invalidParameter", "message": "Invalid string value"}],
				"code": 400, "message": "Invalid string value"}}`),
			e: &catalog.Entry{Code: "notFound", Status: 404, Description: "요청한 리소스가 없습니다."},
			want: "{\n  \"error\": {\n    \"errors\": [\n      {\n        \"domain\": \"global\",\n        \"reason\": \"notFound\",\n" +
				"        \"message\": \"Invalid string value\"\n      }\n    ],\n    \"code\": 404,\n    \"message\": \"Invalid string value\"\n  }\n}",
		},
		{
			name: "type is the code when nothing else is; per-field messages stay",
			s:    svc(`{"status": 400, "type": "VALIDATION_ERROR", "message": "검증 실패", "errors": [{"field": "title", "message": "필수"}]}`),
			e:    &catalog.Entry{Code: "RATE_LIMIT_EXCEEDED", Status: 429, Message: "요청 한도 초과"},
			want: "{\n  \"status\": 429,\n  \"type\": \"RATE_LIMIT_EXCEEDED\",\n  \"message\": \"요청 한도 초과\",\n  \"errors\": [\n    {\n" +
				"      \"field\": \"title\",\n      \"message\": \"필수\"\n    }\n  ]\n}",
		},
		{
			name: "a numeric code into a number field",
			s:    svc(`{"errorCode": 0, "errorMessage": "", "success": false}`),
			e:    &catalog.Entry{Code: "400102001", Status: 400, Message: "Invalid Swagger file."},
			want: "{\n  \"errorCode\": 400102001,\n  \"errorMessage\": \"Invalid Swagger file.\",\n  \"success\": false\n}",
		},
		{
			name: "JSON-RPC gets a JSON-RPC error",
			s:    svc(`{"code": "${ERROR_CODE}"}`),
			e:    &catalog.Entry{Code: "-32601", Protocol: catalog.JSONRPC, Message: "method not found"},
			want: "{\n  \"jsonrpc\": \"2.0\",\n  \"error\": {\n    \"code\": -32601,\n    \"message\": \"method not found\"\n  },\n  \"id\": 1\n}",
		},
		{
			name: "text with placeholders",
			s:    svc("code: ${ERROR_CODE}\nmessage: ${ERROR_MESSAGE}"),
			e:    &catalog.Entry{Code: "E1", Message: "bad"},
			want: "code: E1\nmessage: bad",
		},
		{name: "text with nothing to fill", s: svc("ErrorResponse { code: string }"), e: &catalog.Entry{Code: "E1"}, want: ""},
		{name: "JSON with nothing to fill", s: svc(`{"ok": false}`), e: &catalog.Entry{Code: "E1"}, want: ""},
		{name: "no format", s: &catalog.Service{}, e: &catalog.Entry{Code: "E1"}, want: ""},
		{name: "HTML stays text", s: svc(`{"code": "${C}", "message": "${M}"}`), e: &catalog.Entry{Code: "<b>", Message: "</script>"},
			want: "{\n  \"code\": \"<b>\",\n  \"message\": \"</script>\"\n}"},
	}
	for _, tt := range tests {
		if got := ExampleBody(tt.s, tt.e); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestExampleForeignMessage: an entry with no message of its own filled into an example
// whose message was written for another error keeps that text, and says so; an entry
// with a message, or a placeholder message, does not.
func TestExampleForeignMessage(t *testing.T) {
	s := &catalog.Service{ResponseFormat: &catalog.ResponseFormat{Example: `{"error": {"code": 400, "message": "Invalid string value: 'asdf'.",
  "errors": [{"domain": "global", "reason": "invalid", "message": "Invalid string value: 'asdf'."}]}}`}}
	for _, tc := range []struct {
		e       *catalog.Entry
		foreign bool
	}{
		{&catalog.Entry{Code: "rateLimitExceeded", Status: 429, Description: "Too many requests."}, true},
		{&catalog.Entry{Code: "rateLimitExceeded", Status: 429, Message: "Rate limit exceeded."}, false},
		{&catalog.Entry{Code: "invalid", Status: 400, Description: "The example's own code."}, false},
	} {
		body, foreign := exampleBody(s, tc.e)
		if foreign != tc.foreign || !strings.Contains(body, `"reason": "`+tc.e.Code+`"`) {
			t.Errorf("message %q: foreign %v, want %v\n%s", tc.e.Message, foreign, tc.foreign, body)
		}
	}
	ph := &catalog.Service{ResponseFormat: &catalog.ResponseFormat{Example: `{"code": "${CODE}", "message": "${MESSAGE}"}`}}
	if _, foreign := exampleBody(ph, &catalog.Entry{Code: "X", Description: "About X."}); foreign {
		t.Error("a placeholder message counts as another error's")
	}
}
