package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// TestDecodeFrontMatter checks that decodeFrontMatter gives what yaml.Unmarshal gives on
// front matter within its budget, and the same top-level scalars past it.
func TestDecodeFrontMatter(t *testing.T) {
	var big strings.Builder
	big.WriteString("id: Payments\ntitle: \"결제\"\nversion: 2\nlist: [a, b]\nbase: &b {x: 1}\nalias: *b\n")
	for i := range 3000 {
		fmt.Fprintf(&big, "k%d: v\n", i)
	}
	for _, in := range []string{
		"", "id: a\ntitle: b\n", "title: 1\n", "title: \"1\"\n", "title: null\n", "- a\n",
		"a: b\na: c\n", "x:\n  a: 1\n  a: 2\n", "base: &b {title: t}\n<<: *b\n", "title: &t x\nid: *t\n",
		"a: [1, 2\n", "a: &a [*a]\n", big.String(),
	} {
		var want, got map[string]any
		wantErr := yaml.Unmarshal([]byte(in), &want)
		gotErr := decodeFrontMatter([]byte(in), &got)
		if (wantErr == nil) != (gotErr == nil) {
			t.Errorf("%.30q: error %v, yaml.Unmarshal's %v", in, gotErr, wantErr)
			continue
		}
		if wantErr != nil {
			continue
		}
		if in == big.String() { // past the budget: the scalars only
			for k, v := range want {
				if _, ok := v.(string); !ok && v != nil {
					continue
				}
				if got[k] != v {
					t.Errorf("big: %s = %v, want %v", k, got[k], v)
				}
			}
			if len(got) != len(want) {
				t.Errorf("big: %d keys, want %d", len(got), len(want))
			}
			continue
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%.30q: (-yaml.Unmarshal +decodeFrontMatter)\n%s", in, d)
		}
	}
}
