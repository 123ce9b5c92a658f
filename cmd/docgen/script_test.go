package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// exitFile is where the docgen of a script records its exit code, for the exitcode command.
const exitFile = ".docgen-exit"

// TestMain lets the test binary act as the docgen command inside scripts: testscript runs
// the real command line (Main), in a fresh working directory per script.
//
// The folder of the binary buildBinary compiles is removed when the tests end.
func TestMain(m *testing.M) {
	testscript.Main(removeBinaryAfter{m}, map[string]func(){
		"docgen": func() {
			code := Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			os.WriteFile(exitFile, []byte(strconv.Itoa(code)), 0o644)
			os.Exit(code)
		},
	})
}

// removeBinaryAfter runs the tests, then removes what buildBinary compiled (a 20 MB file
// in the temporary folder per run otherwise).
type removeBinaryAfter struct{ m *testing.M }

func (r removeBinaryAfter) Run() int {
	code := r.m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	return code
}

// TestScripts runs the CLI scripts in testdata/script: exit codes, stderr wording, and what
// was or was not written. Each script starts with a copy of the default content in
// content/.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			return copyDir(contentDir, filepath.Join(env.WorkDir, "content"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// exitcode N asserts the exit code of the last docgen run.
			"exitcode": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 {
					ts.Fatalf("usage: exitcode N")
				}
				got := strings.TrimSpace(ts.ReadFile(exitFile))
				if (got == args[0]) == neg {
					ts.Fatalf("docgen exited with %s, want %s", got, args[0])
				}
			},
		},
	})
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("copy %s: %w", p, err)
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
