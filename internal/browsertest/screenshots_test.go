package browsertest

import (
	"flag"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var screenshots = flag.String("screenshots", "", "write PNG screenshots of every page kind, light and dark, into this folder (make screenshots)")

// TestScreenshots saves a full-page PNG of every page kind of the default site, in the
// light and the dark theme, at desktop and phone widths, and of the search with results.
// It runs only when -screenshots names a folder.
func TestScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("no -screenshots folder")
	}
	browser := NewBrowser(t)
	sites(t)
	srv := serve(t, defaultSite)
	if err := os.MkdirAll(*screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := pageKinds(t)
	shots["search"] = "index.html?q=" + url.QueryEscape("invalid 파라미터")
	shots["search-numeric"] = "index.html?q=4091"
	shots["service-google"] = "google-api/index.html"
	ctx, w := tab(t, browser)
	for _, scheme := range []string{"light", "dark"} {
		if err := EmulateColorScheme(ctx, scheme); err != nil {
			t.Fatal(err)
		}
		for _, width := range []int64{1280, 390} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
				t.Fatal(err)
			}
			for name, rel := range shots {
				navigate(t, ctx, srv.URL+"/"+rel)
				if strings.HasPrefix(name, "search") {
					waitResults(t, ctx)
				}
				time.Sleep(100 * time.Millisecond) // let fonts settle
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				size := "desktop"
				if width < 600 {
					size = "phone"
				}
				file := filepath.Join(*screenshots, name+"-"+scheme+"-"+size+".png")
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s", file)
			}
		}
	}
	checkClean(t, ctx, w, strings.TrimPrefix(srv.URL, "http://"))
}

// TestHarness checks that the checks can fail: a page with an inline script, an image
// from another host and an image without alternative text must show a CSP violation, a
// request to another host and an axe finding.
func TestHarness(t *testing.T) {
	browser := NewBrowser(t)
	bad := `<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>bad</title></head><body><main><script>window.ran = 1</script><img src="http://elsewhere.example/x.png">
<img src="/x.png"><button></button></main></body></html>`
	srv := httptest.NewServer(httpString(bad))
	t.Cleanup(srv.Close)
	ctx, w := tab(t, browser)
	navigate(t, ctx, srv.URL+"/")
	v, err := CSPViolations(ctx)
	if err != nil || len(v) == 0 {
		t.Errorf("inline script: no CSP violation recorded (%v)", err)
	}
	if f := w.Foreign(strings.TrimPrefix(srv.URL, "http://")); len(f) == 0 {
		t.Errorf("image from another host: no foreign request recorded in %v", w.Requests())
	}
	if p := AxePath(moduleRoot(t)); p != "" {
		axe, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		findings, err := Axe(ctx, string(axe))
		if err != nil {
			t.Fatal(err)
		}
		serious := 0
		for _, f := range findings {
			if f.Impact == "serious" || f.Impact == "critical" {
				serious++
			}
		}
		if serious == 0 {
			t.Errorf("axe found nothing serious on a page with an image without alt and an empty button: %v", findings)
		}
	}
}
