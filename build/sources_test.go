package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docgen/parse"
)

// TestReadSourceSizes: a source is read whole into a buffer of its size, refused past
// --max-source-size, and refused past parse.MaxSourceSize whatever the limit (a sparse
// file: nothing of it is written to disk).
func TestReadSourceSizes(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.md")
	if err := os.WriteFile(small, []byte("# E1\n\ntext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	raw, problem, err := readSource(Input{Path: filepath.ToSlash(small)}, 1<<20)
	if err != nil || problem != nil || string(raw) != "# E1\n\ntext\n" {
		t.Fatalf("small source: %q %v %v", raw, problem, err)
	}
	if _, problem, _ := readSource(Input{Path: filepath.ToSlash(small)}, 4); problem == nil ||
		!strings.Contains(problem.Message, "larger than --max-source-size 4B") {
		t.Errorf("over the limit: %v", problem)
	}
	huge := filepath.Join(dir, "huge.md")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(parse.MaxSourceSize + 1); err != nil {
		t.Fatalf("sparse file: %v", err)
	}
	f.Close()
	_, problem, err = readSource(Input{Path: filepath.ToSlash(huge)}, 4<<30)
	if err != nil || problem == nil || problem.Rule != "too-large" ||
		!strings.Contains(problem.Message, "the most docgen reads from one file") {
		t.Errorf("past what docgen reads: %v %v", problem, err)
	}
}
