package parse

import (
	"fmt"
	"testing"
	"time"
)

// fuzzReaderAs runs one reader on any input named name (the name picks the format within
// the reader): no panic, no hang, rows accounted for, every position inside the input.
func fuzzReaderAs(f *testing.F, r Reader, name string) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				panic(fmt.Sprintf("%s reader hangs on %q", r.Name(), data))
			}
		}()
		defer close(done)
		src := NewSource(name, data)
		if d := r.Detect(src); d.Why == "" {
			t.Fatalf("%s: detection gives no reason", r.Name())
		}
		checkDoc(t, src, r.Read(src))
	})
}

func FuzzDataJSON(f *testing.F) { fuzzReaderAs(f, dataReader{}, "fuzz.json") }
func FuzzDataYAML(f *testing.F) { fuzzReaderAs(f, dataReader{}, "fuzz.yaml") }
func FuzzDataTOML(f *testing.F) { fuzzReaderAs(f, dataReader{}, "fuzz.toml") }
func FuzzDataCSV(f *testing.F)  { fuzzReaderAs(f, dataReader{}, "fuzz.csv") }
func FuzzProto(f *testing.F)    { fuzzReaderAs(f, codeReader{}, "fuzz.proto") }
func FuzzC(f *testing.F)        { fuzzReaderAs(f, codeReader{}, "fuzz.h") }
func FuzzTabList(f *testing.F)  { fuzzReaderAs(f, codeReader{}, "fuzz.h.in") }
func FuzzPython(f *testing.F)   { fuzzReaderAs(f, codeReader{}, "fuzz.py") }
func FuzzJava(f *testing.F)     { fuzzReaderAs(f, codeReader{}, "fuzz.java") }
func FuzzKotlin(f *testing.F)   { fuzzReaderAs(f, codeReader{}, "fuzz.kt") }
func FuzzGo(f *testing.F)       { fuzzReaderAs(f, codeReader{}, "fuzz.go") }
func FuzzTypeScript(f *testing.F) {
	fuzzReaderAs(f, codeReader{}, "fuzz.ts")
}
func FuzzRST(f *testing.F)      { fuzzReaderAs(f, rstReader{}, "fuzz.rst") }
func FuzzAsciiDoc(f *testing.F) { fuzzReaderAs(f, asciidocReader{}, "fuzz.adoc") }
func FuzzMDX(f *testing.F)      { fuzzReaderAs(f, mdxReader{}, "fuzz.mdx") }
