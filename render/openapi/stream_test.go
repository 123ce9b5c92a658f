package openapi

import (
	"bytes"
	"flag"
	"io"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"docgen/catalog"
	"docgen/internal/corpus"
)

// discard is a render.Writer (and Creator) that keeps nothing but counts the bytes.
type discard struct {
	mu    sync.Mutex
	bytes int64
}

func (d *discard) WriteFile(rel string, data []byte) error {
	d.mu.Lock()
	d.bytes += int64(len(data))
	d.mu.Unlock()
	return nil
}

func (d *discard) Create(rel string) (io.WriteCloser, error) { return discardFile{d}, nil }

type discardFile struct{ d *discard }

func (f discardFile) Write(p []byte) (int, error) { f.d.WriteFile("", p); return len(p), nil }
func (f discardFile) Close() error                { return nil }

var benchEntries = flag.Int("entries", 20000, "entries of the catalog of BenchmarkWriteFiles and BenchmarkBuildMarshal")

var benchCatalog = sync.OnceValue(func() *catalog.Catalog { return corpus.Generate(*benchEntries) })

// BenchmarkWriteFiles writes openapi.yaml and openapi.json of a generated catalog of
// -entries entries (20,000 unless told), as docgen build does:
//
//	go test -run '^$' -bench WriteFiles -benchmem -count 3 ./render/openapi/
func BenchmarkWriteFiles(b *testing.B) {
	c := benchCatalog()
	b.ReportAllocs()
	var n int64
	for b.Loop() {
		d := &discard{}
		if err := WriteFiles(d, c, Settings{}); err != nil {
			b.Fatal(err)
		}
		n = d.bytes
	}
	b.SetBytes(n)
}

// memFiles is a render.Writer that keeps what is written.
type memFiles map[string][]byte

func (m memFiles) WriteFile(rel string, data []byte) error {
	m[rel] = bytes.Clone(data)
	return nil
}

// edgeCatalogs are catalogs whose components are empty or lopsided.
func edgeCatalogs() map[string]*catalog.Catalog {
	return map[string]*catalog.Catalog{
		"no services": {Title: "Nothing"},
		"no entries":  {Title: "Empty", Services: []*catalog.Service{{ID: "a"}, {ID: "b"}}},
		"no responses": {Title: "No statuses", Services: []*catalog.Service{
			{ID: "rpc", Entries: []*catalog.Entry{rpcEntry("-32000", "server error")}},
			{ID: "nostatus", Entries: []*catalog.Entry{entry("E1", 0, "no status", "")}},
			{ID: "empty"},
		}},
		"responses first service only": {Title: "Mixed", Services: []*catalog.Service{
			{ID: "a", Entries: []*catalog.Entry{entry("E1", 400, "bad", "multi\nline")}},
			{ID: "rpc", Entries: []*catalog.Entry{rpcEntry("1", "x")}},
		}},
	}
}

// TestWriteFilesMatchesMarshal: the streamed documents are byte for byte those of Build
// and Marshal, in both formats and versions.
func TestWriteFilesMatchesMarshal(t *testing.T) {
	cats := edgeCatalogs()
	cats["default"] = defaultCatalog(t)
	cats["rich"] = richCatalog()
	cats["fixture"] = corpus.Fixture()
	cats["generated"] = corpus.Generate(2000)
	settings := Settings{
		Info:    Info{Title: "Store: errors", Version: "2024-06-01", License: &License{Name: "MIT", Identifier: "MIT", URL: "https://mit.example"}},
		Servers: []Server{{URL: "https://api.example.com", Description: "production"}, {URL: "/"}},
	}
	for name, c := range cats {
		for _, v := range versions {
			for _, s := range []Settings{{}, settings} {
				if name == "generated" && s.Servers != nil {
					continue // the settings change the header only
				}
				opts := Options{Version: v, Settings: s}
				d, err := Build(c, opts)
				if err != nil {
					t.Fatal(err)
				}
				wantY, err := d.Marshal(YAML)
				if err != nil {
					t.Fatal(err)
				}
				wantJ, err := d.Marshal(JSON)
				if err != nil {
					t.Fatal(err)
				}
				var gotY, gotJ []byte
				if v == V31 {
					m := memFiles{}
					if err := WriteFiles(m, c, s); err != nil {
						t.Fatal(err)
					}
					if len(m) != 2 {
						t.Fatalf("%s: WriteFiles wrote %d files", name, len(m))
					}
					gotY, gotJ = m["openapi.yaml"], m["openapi.json"]
				} else {
					root, v, err := header(c, opts)
					if err != nil {
						t.Fatal(err)
					}
					var y, j bytes.Buffer
					if err := writeStreams(&y, &j, c, root, v); err != nil {
						t.Fatal(err)
					}
					gotY, gotJ = y.Bytes(), j.Bytes()
				}
				for _, f := range []struct {
					format    Format
					got, want []byte
				}{{YAML, gotY, wantY}, {JSON, gotJ, wantJ}} {
					if !bytes.Equal(f.got, f.want) {
						t.Errorf("%s %s %s: the stream differs from Marshal (-want +got):\n%s",
							name, v, f.format, cmp.Diff(string(f.want), string(f.got)))
					}
				}
			}
		}
	}
}

// TestWriteFilesBadServer: a bad setting is an error before any file is written.
func TestWriteFilesBadServer(t *testing.T) {
	m := memFiles{}
	if err := WriteFiles(m, richCatalog(), Settings{Servers: []Server{{Description: "no url"}}}); err == nil {
		t.Error("a server without a url should be an error")
	}
	if len(m) != 0 {
		t.Errorf("%d files written", len(m))
	}
}

// BenchmarkBuildMarshal is what WriteFiles did before it streamed: the whole document
// built, then marshalled once per format.
func BenchmarkBuildMarshal(b *testing.B) {
	c := benchCatalog()
	b.ReportAllocs()
	var n int64
	for b.Loop() {
		d, err := Build(c, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n = 0
		for _, f := range formats {
			data, err := d.Marshal(f)
			if err != nil {
				b.Fatal(err)
			}
			n += int64(len(data))
		}
	}
	b.SetBytes(n)
}
