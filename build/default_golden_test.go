package build

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/default.sums from the build made now")

// reHashed finds the content hashes in the names of the site's assets and search index,
// which change with the search client and the index format, not with the catalog.
var reHashed = regexp.MustCompile(`(-/search/|\.)[0-9a-f]{10}(/|\.(?:css|js|svg))`)

// TestDefaultContentUnchanged builds the default content and compares every file it
// writes (its path, and a hash of its bytes) with testdata/default.sums, a record of the
// build made before services could have several languages: the default content has one
// language per service, and its pages, their URLs and catalog.json must stay what they
// were, byte for byte. The schema, which grows by added fields, the search index and the
// assets are listed by name only, the latter's
// content hashes masked (they change with the search client, not with the catalog); in
// the pages the same hashes are masked. go test -update (make golden) rewrites the
// record after a deliberate change.
func TestDefaultContentUnchanged(t *testing.T) {
	files := buildDefault(t)
	var lines []string
	for name, data := range files {
		name = reHashed.ReplaceAllString(name, "${1}HASH$2")
		if strings.HasPrefix(name, "-/search/") || strings.HasPrefix(name, "-/assets/") || name == "catalog.schema.json" {
			lines = append(lines, "-  "+name)
			continue
		}
		if strings.HasSuffix(name, ".html") {
			data = reHashed.ReplaceAll(data, []byte("${1}HASH$2"))
		}
		sum := sha256.Sum256(data)
		// 8 bytes of the hash: a record to compare with, not a proof against forgery.
		lines = append(lines, hex.EncodeToString(sum[:8])+"  "+name)
	}
	slices.Sort(lines)
	lines = slices.Compact(lines)
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join(moduleRoot, "build", "testdata", "default.sums")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("the default content's output changed (-want +got):\n%s", diff)
	}
}
