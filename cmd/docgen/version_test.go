package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

// TestVersion: docgen --version and docgen version print the module version and the VCS
// revision Go recorded, and say when there is none.
func TestVersion(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"released", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			"docgen v1.2.0, go1.26.8"},
		{"clone", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-12-06T17:00:00Z"},
			{Key: "vcs.modified", Value: "true"}}},
			"docgen (devel), revision 0123456789ab of 2026-12-06T17:00:00Z, with local changes, go1.26.8"},
		{"no vcs", &debug.BuildInfo{GoVersion: "go1.26.8"}, "docgen (devel), go1.26.8"},
		{"no build info", nil, "docgen (unknown version: built without module information)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			readBuildInfo = func() (*debug.BuildInfo, bool) { return tc.bi, tc.bi != nil }
			t.Cleanup(func() { readBuildInfo = debug.ReadBuildInfo })
			for _, args := range [][]string{{"--version"}, {"version"}} {
				var out, errb bytes.Buffer
				if code := Main(args, strings.NewReader(""), &out, &errb); code != 0 {
					t.Fatalf("docgen %s: exit %d, stderr %s", args[0], code, errb.String())
				}
				if got := strings.TrimSpace(out.String()); got != tc.want {
					t.Errorf("docgen %s = %q, want %q", args[0], got, tc.want)
				}
			}
		})
	}
}
