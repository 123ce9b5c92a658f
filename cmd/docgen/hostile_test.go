package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// hostileCase is one hostile source and what must come of it.
type hostileCase struct {
	name   string
	file   string                                 // a committed file under testdata/hostile, or
	gen    func() []byte                          // generated content, written as name
	args   []string                               // extra build flags
	code   int                                    // expected exit code
	stderr []string                               // substrings stderr must hold
	check  func(t *testing.T, cat map[string]any) // more checks on catalog.json
}

// TestHostileSources builds every hostile source and checks that each gives escaped,
// harmless output or a clear diagnostic with its position, and never writes outside --out.
func TestHostileSources(t *testing.T) {
	long := strings.Repeat("VERY_LONG_CODE_", 667)[:10000]
	cases := []hostileCase{
		{name: "script-injection", file: "script-injection.md", check: func(t *testing.T, cat map[string]any) {
			if n := len(entriesOf(cat)); n != 5 {
				t.Errorf("entries = %d, want 5", n)
			}
		}},
		{name: "path-codes", file: "path-codes.md", check: func(t *testing.T, cat map[string]any) {
			for _, e := range entriesOf(cat) {
				id := e["id"].(string)
				if strings.ContainsAny(id, "./\\%") {
					t.Errorf("entry id %q can leave its folder", id)
				}
			}
		}},
		{name: "slug-alike", file: "slug-alike.md", check: func(t *testing.T, cat map[string]any) {
			ids := map[string]bool{}
			for _, e := range entriesOf(cat) {
				ids[e["id"].(string)] = true
			}
			if len(ids) != 4 {
				t.Errorf("4 codes that slug alike got %d distinct ids: %v", len(ids), ids)
			}
		}},
		{name: "bidi", file: "bidi.md", stderr: []string{"bidi:7:1: warning: the code of \"GNP\\u202eEXE.TXT\" holds the bidirectional control U+202E"},
			check: func(t *testing.T, cat map[string]any) {
				if n := len(entriesOf(cat)); n != 3 {
					t.Errorf("entries = %d, want 3", n)
				}
			}},
		{name: "long-code.md", gen: func() []byte {
			return []byte("| Code | Status | Message |\n|---|---|---|\n| " + long + " | 400 | long |\n")
		}, check: func(t *testing.T, cat map[string]any) {
			e := entriesOf(cat)
			if len(e) != 1 || e[0]["code"] != long || len(e[0]["id"].(string)) > 80 {
				t.Errorf("long code: %d entries, id %q", len(e), e[0]["id"])
			}
		}},
		{name: "nul-invalid-utf8.md", gen: func() []byte {
			return []byte("| Code | Status | Message |\n|---|---|---|\n| NUL\x00CODE | 400 | bad \xff\xfe bytes |\n| OK_CODE | 404 | fine |\n")
		}, check: func(t *testing.T, cat map[string]any) {
			for _, e := range entriesOf(cat) {
				if strings.ContainsRune(e["message"].(string), 0xFFFD) || e["code"] == "OK_CODE" {
					continue
				}
				if strings.ContainsRune(e["code"].(string), 0) {
					t.Logf("NUL kept in code %q (escaped in JSON)", e["code"])
				}
			}
			if n := len(entriesOf(cat)); n != 2 {
				t.Errorf("entries = %d, want 2", n)
			}
		}},
		{name: "nfd-bom-crlf.md", gen: func() []byte {
			s := norm.NFD.String("| 오류 코드 | 상태 코드 | 설명 |\n|---|---|---|\n| 토큰_만료 | 401 | 토큰이 만료되었습니다 |\n")
			return []byte("\xef\xbb\xbf" + strings.ReplaceAll(s, "\n", "\r\n"))
		}, check: func(t *testing.T, cat map[string]any) {
			e := entriesOf(cat)
			if len(e) != 1 || e[0]["code"] != "토큰_만료" || e[0]["description"] != "토큰이 만료되었습니다" {
				t.Errorf("NFD + BOM + CRLF read as %v", e)
			}
		}},
		{name: "wide.md", gen: func() []byte {
			var b bytes.Buffer
			b.WriteString("| Code | Status")
			for i := range 9998 {
				fmt.Fprintf(&b, " | c%d", i)
			}
			b.WriteString(" |\n|" + strings.Repeat("---|", 10000) + "\n| WIDE | 400" + strings.Repeat(" | x", 9998) + " |\n")
			return b.Bytes()
		}, check: func(t *testing.T, cat map[string]any) {
			e := entriesOf(cat)
			if len(e) != 1 || len(e[0]["fields"].([]any)) != 9998 {
				t.Errorf("10,000 columns: %d entries", len(e))
			}
		}},
		{name: "deep.md", gen: func() []byte {
			return []byte(strings.Repeat("> ", 1000) + "deep\n\n" + strings.Repeat("- ", 1000) + "list\n\n" +
				"| Code | Status |\n|---|---|\n| DEEP_OK | 400 |\n")
		}, check: func(t *testing.T, cat map[string]any) {
			if e := entriesOf(cat); len(e) != 1 || e[0]["code"] != "DEEP_OK" {
				t.Errorf("deep nesting: entries %v", e)
			}
		}},
		{name: "100mb.md", gen: func() []byte {
			// A 100 MB source, made here rather than committed: refused before it is parsed.
			return bytes.Repeat([]byte("| CODE_0000001 | 400 | a message of one row |\n"), (100<<20)/45)
		}, code: ExitSources, stderr: []string{"100mb.md:1:1: error: source is larger than --max-source-size 64MiB"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "src", tc.name)
			os.MkdirAll(filepath.Dir(src), 0o755)
			data := tc.gen
			if tc.file != "" {
				raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", tc.file))
				if err != nil {
					t.Fatal(err)
				}
				data = func() []byte { return raw }
			}
			if err := os.WriteFile(src, data(), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			var stdout, stderr bytes.Buffer
			code := Main(append([]string{"build", src, "--out", out, "-q"}, tc.args...), nil, &stdout, &stderr)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, tc.code, clipText(stderr.String(), 2000))
			}
			for _, s := range tc.stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, clipText(stderr.String(), 2000))
				}
			}
			// Nothing but the source and the output folder, whatever happened.
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "src" && e.Name() != "out" {
					t.Errorf("written outside --out: %s", e.Name())
				}
			}
			if code != 0 {
				if _, err := os.Stat(out); err == nil {
					t.Errorf("a failed build wrote %s", out)
				}
				return
			}
			checkHTMLHarmless(t, out)
			raw, err := os.ReadFile(filepath.Join(out, "catalog.json"))
			if err != nil {
				t.Fatal(err)
			}
			var cat map[string]any
			if err := json.Unmarshal(raw, &cat); err != nil {
				t.Fatal(err)
			}
			if tc.check != nil {
				tc.check(t, cat)
			}
		})
	}
}

func entriesOf(cat map[string]any) []map[string]any {
	var out []map[string]any
	for _, s := range cat["services"].([]any) {
		for _, e := range s.(map[string]any)["entries"].([]any) {
			out = append(out, e.(map[string]any))
		}
	}
	return out
}

func clipText(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// checkHTMLHarmless asserts that no HTML page of the output can run code or load anything
// from another host: scripts only from local files, no event attributes, no style
// attributes, no javascript:, data: or vbscript: URLs, no frames, objects or base URLs.
func checkHTMLHarmless(t *testing.T, out string) {
	t.Helper()
	pages := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(out, p)
		z := html.NewTokenizer(bytes.NewReader(data))
		inScript := false
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				break
			}
			tok := z.Token()
			switch tt {
			case html.TextToken:
				if inScript && strings.TrimSpace(tok.Data) != "" {
					t.Errorf("%s: inline script %q", rel, clipText(tok.Data, 80))
				}
			case html.EndTagToken:
				if tok.Data == "script" {
					inScript = false
				}
			case html.StartTagToken, html.SelfClosingTagToken:
				switch tok.Data {
				case "iframe", "object", "embed", "base", "frame", "applet":
					t.Errorf("%s: <%s> element", rel, tok.Data)
				case "script":
					inScript = tt == html.StartTagToken
					if attr(tok, "src") == "" && attr(tok, "type") != "application/json" {
						t.Errorf("%s: <script> without src", rel)
					}
				case "meta":
					if strings.EqualFold(attr(tok, "http-equiv"), "refresh") {
						t.Errorf("%s: meta refresh", rel)
					}
				}
				for _, a := range tok.Attr {
					key := strings.ToLower(a.Key)
					val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
					switch {
					case strings.HasPrefix(key, "on"):
						t.Errorf("%s: event attribute %s=%q on <%s>", rel, a.Key, a.Val, tok.Data)
					case key == "style":
						t.Errorf("%s: style attribute on <%s>", rel, tok.Data)
					case key == "href" || key == "src" || key == "action" || key == "formaction" || key == "xlink:href" || key == "srcset" || key == "poster":
						for _, bad := range []string{"javascript:", "data:", "vbscript:"} {
							if strings.HasPrefix(val, bad) {
								t.Errorf("%s: %s URL %q on <%s>", rel, bad, a.Val, tok.Data)
							}
						}
						if key != "href" && (strings.Contains(val, "//") || strings.Contains(val, ":")) {
							t.Errorf("%s: <%s %s=%q> loads from another host", rel, tok.Data, a.Key, a.Val)
						}
						if tok.Data == "link" && (strings.HasPrefix(val, "http") || strings.HasPrefix(val, "//")) {
							t.Errorf("%s: <link href=%q> loads from another host", rel, a.Val)
						}
					}
				}
			}
		}
		return nil
	})
	if pages == 0 {
		t.Errorf("the build wrote no HTML pages")
	}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
