package browsertest

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeOverlay runs docgen serve, opens an entry page and breaks its source: the page
// shows the error (file, line, message) over itself, under the pages' CSP, and the overlay
// goes when the source is fixed.
func TestServeOverlay(t *testing.T) {
	browser := NewBrowser(t)
	root := moduleRoot(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "auth.md")
	good := "# Auth API\n\n| Code | Status | Message | Description |\n| --- | --- | --- | --- |\n| TOKEN_EXPIRED | 401 | Token expired. | The token has expired. |\n"
	if err := os.WriteFile(src, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "docgen")
	build := exec.Command(goTool(), "build", "-o", bin, "./cmd/docgen")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", dir, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	urls := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`serving (http://\S+/) with live reload`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-urls:
	case <-time.After(60 * time.Second): // a safety net, not a measurement
		t.Fatal("docgen serve did not start")
	}
	ctx, w := tab(t, browser)
	navigate(t, ctx, base+"auth/token-expired/index.html")
	// Whether the page's event stream opens before or after the edit, it gets the errors:
	// serve sends them to every stream that connects while a source is broken.
	if err := os.WriteFile(src, []byte(good+"| BROKEN | 400 | three cells |\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := poll(ctx, `!!document.getElementById('docgen-problems')`, 10*time.Second); err != nil {
		t.Fatalf("no overlay after breaking the source: %v", err)
	}
	text := eval[string](t, ctx, `document.getElementById('docgen-problems').textContent`)
	if !strings.Contains(text, "auth.md:6:1") || !strings.Contains(text, "table row has 3 cells, header has 4") {
		t.Errorf("overlay says %q", text)
	}
	if pos := eval[string](t, ctx, `getComputedStyle(document.getElementById('docgen-problems')).position`); pos != "fixed" {
		t.Errorf("overlay position %q: its style did not apply (CSP?)", pos)
	}
	if err := os.WriteFile(src, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := poll(ctx, `!document.getElementById('docgen-problems')`, 10*time.Second); err != nil {
		t.Errorf("the overlay stays after the fix: %v", err)
	}
	checkClean(t, ctx, w, strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/"))
}
