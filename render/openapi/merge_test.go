package openapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"docgen/catalog"
)

// mergeCatalog is small, so that the merged goldens can be read.
func mergeCatalog() *catalog.Catalog {
	return &catalog.Catalog{
		Title: "Shop errors",
		Services: []*catalog.Service{
			{ID: "shop", Title: "Shop", Entries: []*catalog.Entry{
				entry("ORDER_NOT_FOUND", 404, "Order not found", "No order has this id."),
				entry("ORDER_LOCKED", 409, "Order locked", "The order is being paid."),
			}},
			{ID: "pay", Title: "Payments", ResponseFormat: &catalog.ResponseFormat{
				Example: `{"code": "CARD_DECLINED", "message": "Declined"}`,
			}, Entries: []*catalog.Entry{
				entry("CARD_DECLINED", 402, "Card declined", "multi-line\ndescription: with a colon"),
			}},
		},
	}
}

func readTarget(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "merge", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// lineSubsequence reports whether every line of a appears in b, in order.
func lineSubsequence(a, b string) bool {
	bl := strings.Split(b, "\n")
	i := 0
	for _, l := range strings.Split(a, "\n") {
		for i < len(bl) && bl[i] != l {
			i++
		}
		if i == len(bl) {
			return false
		}
		i++
	}
	return true
}

func TestMerge(t *testing.T) {
	c := mergeCatalog()
	for _, tc := range []struct {
		file     string
		format   Format
		version  Version
		keepsAll bool // every line of the target is in the result (nothing was {} or null)
	}{
		{"store.yaml", YAML, V31, true},
		{"store.json", JSON, V31, true},
		{"legacy.yaml", YAML, V30, true},
		{"compact.json", JSON, V30, false},
		{"flow.yaml", YAML, V31, false},
		{"empty-sections.yaml", YAML, V31, false},
	} {
		t.Run(tc.file, func(t *testing.T) {
			target := readTarget(t, tc.file)
			res, err := Merge(target, tc.file, c, MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ext := filepath.Ext(tc.file)
			checkGolden(t, filepath.Join("testdata", "merge", strings.TrimSuffix(tc.file, ext)+".merged"+ext), res.Data)
			if res.Format != tc.format || res.Version != tc.version {
				t.Errorf("format %s version %s, want %s %s", res.Format, res.Version, tc.format, tc.version)
			}
			if len(res.Added) != 7 || len(res.Replaced)+len(res.Unchanged) != 0 {
				t.Errorf("added %v, replaced %v, unchanged %v", res.Added, res.Replaced, res.Unchanged)
			}
			if _, err := validateDoc(res.Data); err != nil {
				t.Errorf("the merged document is invalid: %v", err)
			}
			if tc.keepsAll && !lineSubsequence(string(target), string(res.Data)) {
				t.Error("a line of the target is missing from the result, or moved")
			}
			before, _ := decodeYAML(target)
			after, _ := decodeYAML(res.Data)
			if !sameExceptComponents(before.(*omap), after.(*omap)) {
				t.Error("the merge changed more than components")
			}
			// Merging again changes nothing.
			again, err := Merge(res.Data, tc.file, c, MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if string(again.Data) != string(res.Data) {
				t.Error("merging twice differs from merging once")
			}
			if len(again.Added)+len(again.Replaced) != 0 || len(again.Unchanged) != 7 {
				t.Errorf("second merge: added %v, replaced %v", again.Added, again.Replaced)
			}
		})
	}
}

// TestMergeKeepsBytes: in a YAML target, the merge only inserts lines.
func TestMergeKeepsBytes(t *testing.T) {
	target := string(readTarget(t, "store.yaml"))
	res, err := Merge([]byte(target), "store.yaml", mergeCatalog(), MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Data)
	// The schemas go after the last hand-written one (before securitySchemes), the new
	// responses section at the end of components (before security).
	i := strings.Index(got, "    pay.Error:")
	j := strings.Index(got, "  securitySchemes:")
	k := strings.Index(got, "  responses:\n    shop.404:")
	l := strings.Index(got, "\nsecurity:")
	if i < 0 || j < 0 || k < 0 || l < 0 || !(strings.Index(got, "    Product:") < i && i < j && j < k && k < l) {
		t.Errorf("components not where expected: %d %d %d %d", i, j, k, l)
	}
	// Cut the inserted blocks out: what is left is the target, byte for byte.
	schemasEnd := strings.Index(got, "  securitySchemes:")
	schemasStart := strings.Index(got, "    shop.Error:")
	rest := got[:schemasStart] + got[schemasEnd:]
	rest = rest[:strings.Index(rest, "\n  responses:\n    shop.404")+1] + rest[strings.Index(rest, "security:\n  - apiKey"):]
	if rest != target {
		t.Errorf("the target's own bytes changed:\n%s", rest)
	}
	for _, s := range []string{"# bump on every release", "&money", "<<: *money", "headers: *commonHeaders", "# end of file"} {
		if !strings.Contains(got, s) {
			t.Errorf("%q is gone", s)
		}
	}
}

func TestMergeCRLF(t *testing.T) {
	target := strings.ReplaceAll(string(readTarget(t, "store.yaml")), "\n", "\r\n")
	res, err := Merge([]byte("\ufeff"+target), "store.yaml", mergeCatalog(), MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.Data)
	if !strings.HasPrefix(got, "\ufeff") {
		t.Error("the byte order mark is gone")
	}
	if n := strings.Count(got, "\n"); strings.Count(got, "\r\n") != n {
		t.Errorf("%d of %d lines end in CRLF", strings.Count(got, "\r\n"), n)
	}
	if _, err := validateDoc([]byte(strings.TrimPrefix(got, "\ufeff"))); err != nil {
		t.Error(err)
	}
}

func TestMergeConflict(t *testing.T) {
	c := mergeCatalog()
	for _, file := range []string{"store.yaml", "store.json"} {
		t.Run(file, func(t *testing.T) {
			first, err := Merge(readTarget(t, file), file, c, MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			// Someone edits a merged component by hand.
			tampered := strings.Replace(string(first.Data), "`ORDER_NOT_FOUND`: Order not found", "`ORDER_NOT_FOUND`: Order is not there", 1)
			_, err = Merge([]byte(tampered), file, c, MergeOptions{})
			var ce *ConflictError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a ConflictError", err)
			}
			if len(ce.Conflicts) != 1 || ce.Conflicts[0].Line == 0 || !strings.Contains(ce.Conflicts[0].Error(), "components.responses.shop.404 exists with other content") {
				t.Fatalf("conflicts: %v", err)
			}
			line := strings.Split(tampered, "\n")[ce.Conflicts[0].Line-1]
			if !strings.Contains(line, "shop.404") {
				t.Errorf("conflict at line %d, which is %q", ce.Conflicts[0].Line, line)
			}
			// --force puts the component back as docgen writes it, and nothing else moves.
			forced, err := Merge([]byte(tampered), file, c, MergeOptions{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			if string(forced.Data) != string(first.Data) {
				t.Errorf("forced merge differs from the first merge:\n%s", forced.Data)
			}
			if len(forced.Replaced) != 1 || forced.Replaced[0] != "responses/shop.404" {
				t.Errorf("replaced %v", forced.Replaced)
			}
		})
	}
}

func TestMergeForceKeepsAnchors(t *testing.T) {
	target := `openapi: 3.1.0
info: {title: T, version: "1"}
paths: {}
components:
  schemas:
    shop.Error: &shared
      type: string
    Other:
      items: *shared
      type: array
`
	_, err := Merge([]byte(target), "api.yaml", mergeCatalog(), MergeOptions{Force: true})
	if err == nil || !strings.Contains(err.Error(), "&shared") || !strings.Contains(err.Error(), "api.yaml:9:") {
		t.Fatalf("err = %v, want one about the anchor &shared used at line 9", err)
	}
	// Without the alias the entry is replaced, anchor and all.
	target = strings.Replace(target, "items: *shared", "items: {type: string}", 1)
	res, err := Merge([]byte(target), "api.yaml", mergeCatalog(), MergeOptions{Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := validateDoc(res.Data); err != nil {
		t.Fatal(err)
	}
}

func TestMergeBadTargets(t *testing.T) {
	c := mergeCatalog()
	for _, tc := range []struct {
		name, target string
		line         int
		msg          string
	}{
		{"swagger", string(readTarget(t, "swagger.yaml")), 2, "Swagger 2.0"},
		{"does not parse", "openapi: 3.1.0\ninfo: [unclosed\n", 2, "does not parse"},
		{"a list", "- openapi: 3.1.0\n", 1, "not an OpenAPI document"},
		{"no openapi", "# hello\ntitle: x\n", 2, "no \"openapi\" field"},
		{"openapi 4", "openapi: 4.0.0\n", 1, "docgen merges into OpenAPI 3.0, 3.1 and 3.2"},
		{"two documents", "openapi: 3.1.0\n---\nopenapi: 3.1.0\n", 3, "more than one YAML document"},
		{"empty", "", 1, "empty"},
		{"components a list", "openapi: 3.1.0\ncomponents:\n  - 1\n", 3, "components is not a mapping"},
		{"schemas a number", "openapi: 3.1.0\ncomponents:\n  schemas: 5\n", 3, "components.schemas is not a mapping"},
		{"JSON", "{\"openapi\": \"3.1.0\",\n \"paths\": {]}", 2, "does not parse"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Merge([]byte(tc.target), "api.yaml", c, MergeOptions{})
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if pe.File != "api.yaml" || pe.Line != tc.line || !strings.Contains(pe.Msg, tc.msg) {
				t.Errorf("err = %v, want line %d and %q", err, tc.line, tc.msg)
			}
			if !strings.HasPrefix(err.Error(), "api.yaml:") {
				t.Errorf("err = %q, want it to start with the file name", err)
			}
		})
	}
	_, err := Merge(readTarget(t, "store.yaml"), "store.yaml", c, MergeOptions{Version: V30})
	var ve *VersionError
	if !errors.As(err, &ve) || ve.Have != V31 || ve.Want != V30 {
		t.Errorf("err = %v, want a VersionError", err)
	}
}

// TestMergeDirective: a one-document file that starts with a %YAML directive is one
// document; the directive stays where it was.
func TestMergeDirective(t *testing.T) {
	target := "%YAML 1.2\n---\nopenapi: 3.1.0\ninfo:\n  title: t\n  version: \"1\"\npaths: {}\n"
	res, err := Merge([]byte(target), "api.yaml", mergeCatalog(), MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(res.Data), "%YAML 1.2\n---\nopenapi: 3.1.0\n") {
		t.Errorf("merged document starts %q", string(res.Data)[:min(40, len(res.Data))])
	}
	// kin-openapi's YAML library refuses %YAML 1.2 ("incompatible YAML document"): check
	// the document without it.
	if _, err := validateDoc([]byte(strings.TrimPrefix(string(res.Data), "%YAML 1.2\n"))); err != nil {
		t.Errorf("merged document is invalid: %v", err)
	}
	again, err := Merge(res.Data, "api.yaml", mergeCatalog(), MergeOptions{})
	if err != nil || string(again.Data) != string(res.Data) {
		t.Errorf("merging twice changed the document: %v", err)
	}
}

// TestMergeOpenAPI32: a 3.2 document takes the components as 3.2 writes them (its schemas
// are 3.1's), and asking for another version is a VersionError.
func TestMergeOpenAPI32(t *testing.T) {
	target := "openapi: 3.2.0\ninfo:\n  title: t\n  version: \"1\"\npaths: {}\n"
	res, err := Merge([]byte(target), "api.yaml", mergeCatalog(), MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Version != V32 {
		t.Errorf("version %s, want 3.2", res.Version)
	}
	if _, err := validateDoc(res.Data); err != nil {
		t.Errorf("merged 3.2 document is invalid: %v", err)
	}
	var ve *VersionError
	if _, err := Merge([]byte(target), "api.yaml", mergeCatalog(), MergeOptions{Version: V31}); !errors.As(err, &ve) {
		t.Errorf("--openapi 3.1 into a 3.2 document: %v, want a VersionError", err)
	}
}

// TestMergeEmptyComponents: components (or a section) that is null, ~ or {} takes the new
// entries in the target's style.
func TestMergeEmptyComponents(t *testing.T) {
	head := "openapi: 3.1.0\ninfo:\n  title: T\n  version: \"1\"\npaths: {}\n"
	for name, target := range map[string]string{
		"implicit null":      head + "components:\n# more later\nx-tail: 1\n",
		"tilde":              head + "components: ~\n",
		"null with comment":  head + "components: null # none yet\n",
		"empty flow":         head + "components: {}\n",
		"null section":       head + "components:\n  schemas:\n  responses: {}\n",
		"JSON null":          "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": null\n}\n",
		"JSON empty section": "{\n  \"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"T\", \"version\": \"1\"},\n  \"paths\": {},\n  \"components\": {\"schemas\": {}}\n}\n",
		"no components":      head + "x-tail:\n- 1\n- 2",
		"YAML flow root":     "{openapi: 3.1.0, info: {title: T, version: \"1\"}, paths: {}}\n",
	} {
		t.Run(name, func(t *testing.T) {
			res, err := Merge([]byte(target), "api.yaml", mergeCatalog(), MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Added) != 7 {
				t.Errorf("added %v", res.Added)
			}
			if _, err := validateDoc(res.Data); err != nil {
				t.Fatalf("invalid: %v\n%s", err, res.Data)
			}
			if json.Valid([]byte(target)) != (res.Format == JSON) || (res.Format == JSON && !json.Valid(res.Data)) {
				t.Fatalf("format %s of the result of:\n%s\n%s", res.Format, target, res.Data)
			}
			again, err := Merge(res.Data, "api.yaml", mergeCatalog(), MergeOptions{})
			if err != nil || string(again.Data) != string(res.Data) {
				t.Errorf("merging twice differs (%v)", err)
			}
			for _, l := range strings.Split(target, "\n") {
				if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "x-tail") || strings.HasPrefix(l, "- ") {
					if !strings.Contains(string(res.Data), "\n"+l) {
						t.Errorf("line %q is gone:\n%s", l, res.Data)
					}
				}
			}
			if strings.Contains(target, "# none yet") && !strings.Contains(string(res.Data), "components: # none yet\n") {
				t.Errorf("the comment moved:\n%.300s", res.Data)
			}
		})
	}
}

// TestMergeRemovesStaleComponents: merging again after the catalog lost a status (and a
// service) removes the components docgen wrote for them, in block YAML, flow YAML and
// JSON targets alike, and leaves every component of the user's own alone; one that is
// still referenced is an error naming the reference, and nothing is written.
func TestMergeRemovesStaleComponents(t *testing.T) {
	smaller := mergeCatalog()
	smaller.Services = smaller.Services[:1]
	smaller.Services[0].Entries = smaller.Services[0].Entries[:1] // 409 goes
	// The same, and a status comes: removals and additions in one section.
	changed := mergeCatalog()
	changed.Services = changed.Services[:1]
	changed.Services[0].Entries = []*catalog.Entry{changed.Services[0].Entries[0], entry("ORDER_GONE", 410, "Order gone", "Deleted.")}
	for _, name := range []string{"store.yaml", "store.json", "compact.json", "flow.yaml"} {
		t.Run(name+"/changed", func(t *testing.T) {
			target := readTarget(t, name)
			first, err := Merge(target, name, mergeCatalog(), MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			second, err := Merge(first.Data, name, changed, MergeOptions{Force: true}) // an enum changed
			if err != nil {
				t.Fatalf("second merge: %v", err)
			}
			direct, err := Merge(target, name, changed, MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			a, _ := decodeYAML(second.Data)
			b, _ := decodeYAML(direct.Data)
			if !equal(a, b) {
				t.Errorf("merge, then merge the changed catalog:\n%s\nwant what merging it once gives:\n%s", second.Data, direct.Data)
			}
			if _, err := validateDoc(second.Data); err != nil {
				t.Errorf("invalid: %v", err)
			}
		})
		t.Run(name, func(t *testing.T) {
			target := readTarget(t, name)
			first, err := Merge(target, name, mergeCatalog(), MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			second, err := Merge(first.Data, name, smaller, MergeOptions{Force: true}) // an enum changed
			if err != nil {
				t.Fatalf("second merge: %v\n%s", err, first.Data)
			}
			want := []string{"schemas/pay.Error", "schemas/pay.ErrorCode", "responses/shop.409", "responses/pay.402"}
			slices.Sort(want)
			got := slices.Sorted(slices.Values(second.Removed))
			if !slices.Equal(got, want) {
				t.Errorf("removed %v, want %v", got, want)
			}
			// What is left is what merging the smaller catalog into the target gives.
			direct, err := Merge(target, name, smaller, MergeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			a, _ := decodeYAML(second.Data)
			b, _ := decodeYAML(direct.Data)
			if !equal(a, b) {
				t.Errorf("merge, then merge the smaller catalog:\n%s\nwant what merging it once gives:\n%s", second.Data, direct.Data)
			}
			if _, err := validateDoc(second.Data); err != nil {
				t.Errorf("invalid after removing: %v", err)
			}
			again, err := Merge(second.Data, name, smaller, MergeOptions{})
			if err != nil || !bytes.Equal(again.Data, second.Data) || len(again.Removed) != 0 {
				t.Errorf("a third merge changed the document: %v %v", err, again.Removed)
			}
		})
	}
	// Still referenced: refused, at the reference.
	first, err := Merge(readTarget(t, "store.yaml"), "store.yaml", mergeCatalog(), MergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	withRef := strings.Replace(string(first.Data), "paths:\n", "paths:\n  /pay:\n    post:\n      responses:\n        \"402\":\n          $ref: \"#/components/responses/pay.402\"\n", 1)
	if withRef == string(first.Data) {
		t.Fatal("store.yaml has no paths: line")
	}
	_, err = Merge([]byte(withRef), "store.yaml", smaller, MergeOptions{Force: true})
	var ce *ConflictError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "refers to components.responses.pay.402") {
		t.Errorf("a stale component still referenced: %v, want a ConflictError", err)
	}
}
