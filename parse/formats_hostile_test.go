package parse

import (
	"fmt"
	"strings"
	"testing"
)

// hostileFormatSources are inputs built to make the readers of data, code and
// reStructuredText slow, by file name: each must read in time linear in its size
// (BenchmarkHostileFormats measures it; TestHostileFormats checks what they give).
func hostileFormatSources() map[string]string {
	var wideObj, manyKeys, tomlTables, gridWide, cEnum, defines, pyMembers strings.Builder
	wideObj.WriteString(`{"errors":[`)
	for i := 0; i < 5000; i++ {
		if i > 0 {
			wideObj.WriteString(",")
		}
		fmt.Fprintf(&wideObj, `{"code":"E%d","f%d":"x"}`, i, i) // a field name of its own in each
	}
	wideObj.WriteString("]}")
	manyKeys.WriteString("{")
	for i := 0; i < 5000; i++ {
		if i > 0 {
			manyKeys.WriteString(",")
		}
		fmt.Fprintf(&manyKeys, `"k%d":[{"code":"E%d","message":"m"}]`, i, i) // a record set under each key
	}
	manyKeys.WriteString("}")
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&tomlTables, "[\"a:b:E%d\"]\nerror = '''\nfailed %d\n'''\n\n", i, i)
	}
	gridWide.WriteString("+" + strings.Repeat("-+", 20000) + "\n")
	for i := 0; i < 20; i++ {
		gridWide.WriteString("|" + strings.Repeat("x|", 20000) + "\n")
	}
	gridWide.WriteString("+" + strings.Repeat("-+", 20000) + "\n")
	cEnum.WriteString("enum err {\n")
	for i := 0; i < 30000; i++ {
		fmt.Fprintf(&cEnum, "  /* c */ /* c */\n  ERR_%d = %d, /* t */\n", i, i)
	}
	cEnum.WriteString("};\n")
	for i := 0; i < 30000; i++ {
		fmt.Fprintf(&defines, "#define ERR_%d %d /* t */\n", i, i)
	}
	pyMembers.WriteString("class Errors(Enum):\n    \"\"\"Doc.\"\"\"\n")
	for i := 0; i < 30000; i++ {
		fmt.Fprintf(&pyMembers, "    ERR_%d = %d  # t\n", i, i)
	}
	return map[string]string{
		"nested-arrays.json":  strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
		"nested-objects.json": strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000),
		"own-fields.json":     wideObj.String(),
		"many-sets.json":      manyKeys.String(),
		"nested.yaml":         strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "\n",
		"tables.toml":         tomlTables.String(),
		"grid-wide.rst":       gridWide.String(),
		"indent-3000.rst": func() string {
			var b strings.Builder
			for i := 0; i < 3000; i++ {
				b.WriteString(strings.Repeat(" ", i) + "x\n")
			}
			return b.String()
		}(),
		"directives.rst":      strings.Repeat(".. c:macro:: E_X\n\n   text\n\n", 20000),
		"comments-enum.h":     cEnum.String(),
		"defines.h":           defines.String(),
		"unclosed-comment.h":  "enum e {\n/*" + strings.Repeat("x\n", 100000),
		"members.py":          pyMembers.String(),
		"unclosed-doc.py":     "class E(Enum):\n    \"\"\"\n" + strings.Repeat("    +--+\n", 50000),
		"cells.adoc":          "|===\n" + strings.Repeat("|a|b|c\n", 30000) + "|===\n",
		"unclosed-table.adoc": "[cols=\"1,1\"]\n|===\n" + strings.Repeat("| x\n\n", 50000),
		"labels.adoc":         strings.Repeat("term:: \n", 50000),
		// A table of 24 million columns by its cols attribute, and four cells.
		"cols-attr.adoc": "[cols=\"" + strings.TrimSuffix(strings.Repeat("9999*,", 2400), ",") + "\"]\n|===\n|a |b\n|c |d\n|===\n",
		// Every cell spans a thousand rows and the whole width: the places spans fill are
		// bounded by the cells, not their product.
		"row-spans.adoc": "[cols=\"1,1,1\"]\n|===\n" + strings.Repeat("3.1000+|E1 .1000+|x |y\n", 20000) + "|===\n",
		// 256 records that each name a field of their own, then 160,000 records of a
		// code alone: laid out a column a name, the table held 3 GB for 2.9 MB.
		"records-many-fields.json": func() string {
			var b strings.Builder
			b.WriteString(`{"errors":[`)
			for i := range 256 {
				fmt.Fprintf(&b, `{"code":"E%d","message":"m","f%d":1},`, i, i)
			}
			for i := range 160000 {
				fmt.Fprintf(&b, `{"code":"X%d"},`, i)
			}
			b.WriteString(`{"code":"Z"}]}`)
			return b.String()
		}(),
		// A cell of 100 KB that spans 3,000 rows: each place it fills is its text again,
		// for the interpreter and in the entry (112 KB read 300 MB of code cells, 23 s).
		"row-span-long-cell.adoc": "|===\n| Code | Message\n\n.3000+| " + strings.Repeat("word ", 20000) + "\n| x\n" +
			strings.Repeat("| y\n", 2999) + "|===\n",
		// Attributes each two copies of the one before (2^60 bytes unbounded; 4 GB from 567
		// bytes at first), and one 100 KB attribute in 16,000 cells (2.1 GB from 372 KB):
		// what substitution adds is bounded (asciidoc.go, substBudget).
		"attr-doubling.adoc": func() string {
			var b strings.Builder
			b.WriteString("= Errors\n:a0: x\n")
			for i := 1; i <= 60; i++ {
				fmt.Fprintf(&b, ":a%d: {a%d}{a%d}\n", i, i-1, i-1)
			}
			return b.String() + "\n|===\n|Code |Message\n|E1 |{a60}\n|===\n"
		}(),
		"attr-fan.adoc": "= Errors\n:note: " + strings.Repeat("word ", 20000) + "\n\n|===\n|Code |Message\n" +
			strings.Repeat("|E1 |{note}\n", 16000) + "|===\n",
		"braces.proto": "syntax = \"proto3\";\n" + strings.Repeat("message M {\n", 2000),
		// Text that goes on for 100,000 lines: a list item, a directive's argument, a
		// quoted CSV field left open (each was built by appending to all before it).
		"list-item-lines.adoc": "* E1001 first\n" + strings.Repeat("more text\n", 100000),
		"directive-arg.rst":    ".. c:macro:: E_X\n" + strings.Repeat("   more\n", 100000),
		"csv-open-quote.rst":   ".. csv-table:: Errors\n   :header: Code, Message\n\n   E1, \"open\n" + strings.Repeat("   more\n", 100000),
		// Java, Kotlin, TypeScript enums: a 200 KB line of "final" (each looks for its
		// field's name), constants with arguments nested deep, an enum left open, and
		// 30,000 labelled constants each under a comment block.
		"finals.java":         "enum E { A(1, \"a\"); " + strings.Repeat("final ", 40000) + "}\n",
		"nested-classes.java": strings.Repeat("class a { static final String E = \"x\"; ", 30000), // never closed
		"open-enums.kt":       strings.Repeat("enum class a ( ", 25000),                           // each header unclosed
		"bare-enums.java":     strings.Repeat("enum a ", 200000),                                  // each with no body
		"deep-args.java":      "enum E { A(" + strings.Repeat("(", 50000) + strings.Repeat(")", 50000) + ", \"x\") }\n",
		"unclosed-enum.kt":    "enum class E(val s: Int) { A(400), " + strings.Repeat("B(", 50000) + "\n",
		"open-subclasses.kt":  "sealed class E(val code: String)\n" + strings.Repeat("class A(x: Int : E(\"a\", \n", 25000), // each unclosed
		"deep-subclass.kt":    "sealed class E(val code: String)\nobject A : E(" + strings.Repeat("(", 50000) + "\n",
		// Error classes: 20,000 of them, each read once; classes and constructors left
		// open (the first reads to the end, the others stand in its body); a class under
		// 50,000 annotations.
		"error-classes.ts":      strings.Repeat("export class A extends E { readonly code = 'A'; constructor() { super('a'); this.status = 400; } get x() { return 1; } }\n", 20000),
		"open-error-classes.ts": strings.Repeat("class A extends Error { constructor() { super(", 20000),
		"annotated-class.java":  strings.Repeat("@A(x) ", 50000) + "class B extends Exception { public B() { super(\"B\", 400, \"b\"); } }\n",
		// OpenAPI: 20,000 operations answering with one shared response (each named in
		// its one error), and references that refer to each other in a ring.
		"shared-response.json": func() string {
			var b strings.Builder
			b.WriteString(`{"openapi":"3.0.0","paths":{`)
			for i := 0; i < 20000; i++ {
				if i > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, `"/p%d":{"get":{"responses":{"401":{"$ref":"#/components/responses/U"}}}}`, i)
			}
			b.WriteString(`},"components":{"responses":{"U":{"description":"d","content":{"application/json":{"example":{"code":"E_AUTH","message":"m"}}}}}}}`)
			return b.String()
		}(),
		"ref-ring.yaml": "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n        \"400\":\n          $ref: \"#/components/responses/A\"\ncomponents:\n  responses:\n    A:\n      $ref: \"#/components/responses/B\"\n    B:\n      $ref: \"#/components/responses/A\"\n",
		// 2 MB of bytes that are not UTF-8: each legacy encoding tries them once.
		// Notes under rows with no blank row above them, 86 KB each, rows after them: notes,
		// not entries with a note for a code (csv.go, noteRow).
		"notes-rows.csv": "code,status,message,note\n" + strings.Repeat("E1,400,Failure,*1\n", 8000) +
			`"*1 ` + strings.Repeat("This note is long and shared by every row. ", 2000) + "\",,,\n" +
			strings.Repeat("F1,400,Failure,*2\n", 8000) + `"*2: ` + strings.Repeat("Second note. ", 3000) + "\",,,\n",
		"not-utf8.csv": func() string {
			b := make([]byte, 2<<20)
			for i := range b {
				b[i] = byte(0x80 + i*7%128)
				if i%100 == 99 {
					b[i] = '\n'
				}
			}
			return string(b)
		}(),
		// YAML merge keys: 5,000 errors each merging a mapping of 2,000 plain values
		// (bounded in all), and JSON whose comments never end.
		// Merge keys that name sequences, ten to a level, twelve levels: a merge key kept
		// would share its anchored value between every level (10^12 paths).
		"merge-dag.yaml": func() string {
			var b strings.Builder
			b.WriteString("errors:\n  - code: E1\n    message: hi\na0: &a0 [x]\n")
			for d := 1; d <= 12; d++ {
				refs := strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", d-1), 10), ", ")
				fmt.Fprintf(&b, "a%d: &a%d [ {\"<<\": [%s]} ]\n", d, d, refs)
			}
			return b.String()
		}(),
		// A mapping of 2,000 keys merged 2,000 times, every key given again: the members
		// merge skips count too.
		"merge-skipped.yaml": func() string {
			var b strings.Builder
			b.WriteString("base: &b\n")
			for i := 0; i < 2000; i++ {
				fmt.Fprintf(&b, "  k%d: v\n", i)
			}
			b.WriteString("errors:\n")
			for i := 0; i < 2000; i++ {
				fmt.Fprintf(&b, "  - code: E%d\n    <<: *b\n", i)
			}
			return b.String()
		}(),
		"merges.yaml": func() string {
			var b strings.Builder
			b.WriteString("base: &b\n")
			for i := 0; i < 2000; i++ {
				fmt.Fprintf(&b, "  f%d: v\n", i)
			}
			b.WriteString("errors:\n")
			for i := 0; i < 5000; i++ {
				fmt.Fprintf(&b, "  - <<: *b\n    code: E%d\n    message: m\n", i)
			}
			return b.String()
		}(),
		// One line of a flow sequence of 10,000 errors (in ASCII and in Korean): each
		// token's column was turned into an offset from the line's start (22 s at 450 KB).
		"flow-line.yaml": func() string {
			var b strings.Builder
			b.WriteString("errors: [")
			for i := 0; i < 10000; i++ {
				fmt.Fprintf(&b, "{code: E%d, message: m}, ", i)
			}
			return b.String() + "]\n"
		}(),
		"flow-line-korean.yaml": func() string {
			var b strings.Builder
			b.WriteString("errors: [")
			for i := 0; i < 10000; i++ {
				fmt.Fprintf(&b, "{code: E%d, message: 메시지 %d}, ", i, i)
			}
			return b.String() + "]\n"
		}(),
		// 40,000 errors as one flat mapping of code to message, as a mapping of codes
		// under "errors:", and as a stream of 40,000 documents: go-yaml's parser recursed
		// once per sibling key, copying the values after it, and went over the stream's
		// documents again for each (4 to 6 s each).
		"flat-keys.yaml": func() string {
			var b strings.Builder
			for i := 0; i < 40000; i++ {
				fmt.Fprintf(&b, "E%05d: request failed %d\n", i, i)
			}
			return b.String()
		}(),
		"code-keys.yaml": func() string {
			var b strings.Builder
			b.WriteString("errors:\n")
			for i := 0; i < 40000; i++ {
				fmt.Fprintf(&b, "  E%05d:\n    status: 400\n    message: failed %d\n", i, i)
			}
			return b.String()
		}(),
		"documents.yaml": func() string {
			var b strings.Builder
			for i := 0; i < 40000; i++ {
				fmt.Fprintf(&b, "---\ncode: E%05d\nmessage: m %d\n", i, i)
			}
			return b.String()
		}(),
		// 40,000 tables by code, and as many dotted keys under one table: each line's
		// table was looked up by a scan of the keys before it.
		"code-tables.toml": func() string {
			var b strings.Builder
			for i := 0; i < 40000; i++ {
				fmt.Fprintf(&b, "[E%d]\nstatus = 400\nmessage = \"m\"\n\n", i)
			}
			return b.String()
		}(),
		"dotted-keys.toml": func() string {
			var b strings.Builder
			for i := 0; i < 40000; i++ {
				fmt.Fprintf(&b, "errors.E%d.message = \"m\"\n", i)
			}
			return b.String()
		}(),
		// Flow collections nested 40,000 deep: go-yaml built a path string for each level
		// (2.8 GB for 80 KB); refused past maxFlowDepth by a scan before yaml.v3 parses.
		"deep-flow.yaml":     "errors: " + strings.Repeat("[", 40000) + strings.Repeat("]", 40000) + "\n",
		"deep-flow-map.yaml": strings.Repeat("{a: ", 40000) + "1" + strings.Repeat("}", 40000) + "\n",
		"open-comment.json":  "{\"E1\": {\"message\": \"m\"}, /*" + strings.Repeat("x\n", 100000),
		// Go: a value nested 50,000 parentheses deep, and a slice of 20,000 records.
		"deep.go": "package p\nvar ErrX = " + strings.Repeat("(", 50000) + "1" + strings.Repeat(")", 50000) + "\n",
		"records.go": func() string {
			var b strings.Builder
			b.WriteString("package p\nvar ErrorCatalog = []Error{\n")
			for i := 0; i < 20000; i++ {
				fmt.Fprintf(&b, "\t{Code: \"E%d\", Status: 400, Message: \"m %d\"},\n", i, i)
			}
			return b.String() + "}\n"
		}(),
		// Go: 20,000 sentinel errors, each named by a case of one switch and by an if of
		// a function of its own (each a mapping of errors to values).
		"mapped.go": func() string {
			var b strings.Builder
			b.WriteString("package p\nimport (\n\t\"errors\"\n\t\"net/http\"\n)\nvar (\n")
			for i := 0; i < 20000; i++ {
				fmt.Fprintf(&b, "\tErr%d = errors.New(\"e %d\")\n", i, i)
			}
			b.WriteString(")\nfunc StatusOf(err error) int {\n\tswitch {\n")
			for i := 0; i < 20000; i++ {
				fmt.Fprintf(&b, "\tcase errors.Is(err, Err%d):\n\t\treturn http.StatusNotFound\n", i)
			}
			b.WriteString("\t}\n\treturn 0\n}\n")
			for i := 0; i < 20000; i++ {
				fmt.Fprintf(&b, "func Code%d(err error) string {\n\tif err == Err%d {\n\t\treturn \"E%d\"\n\t}\n\treturn \"\"\n}\n", i, i, i)
			}
			return b.String()
		}(),
		// Python dicts: 30,000 entries under comments, dicts left open one after
		// another, a dict nested 50,000 deep, a value of 50,000 parentheses, a string
		// left open, and a dict whose every line starts a name at its first column.
		"dict-entries.py": func() string {
			var b strings.Builder
			b.WriteString("ERRORS = {\n")
			for i := 0; i < 30000; i++ {
				fmt.Fprintf(&b, "    # Group %d\n    # text\n    \"E_%d\": (400, _(\"failed \" \"%d\")),  # t\n", i, i, i)
			}
			return b.String() + "}\n"
		}(),
		"open-dicts.py":  strings.Repeat("ERRORS = {\n    \"A\": (400, \"x\",\n", 20000),
		"deep-dict.py":   "ERRORS = " + strings.Repeat(`{"a": `, 50000) + "1" + strings.Repeat("}", 50000) + "\n",
		"deep-tuple.py":  "ERRORS = {\"E\": " + strings.Repeat("(", 50000) + "1" + strings.Repeat(")", 50000) + "}\n",
		"open-string.py": "ERRORS = {\"E\": \"\"\"" + strings.Repeat("x {\n", 100000),
		"name-lines.py":  "ERRORS = {\"E\": (400,\n" + strings.Repeat("a = {\"E\": (\n", 50000),
		// HTML tables whose cells span rows and columns: a cell is read once, not once
		// for each slot of the grid it covers (a 100 KB cell spanning 100 by 100 slots
		// was read 10,000 times: 9 s, 2 GB).
		"span-bigcell.html": spanTable(100 << 10),
		// Struck text nested 60 deep around a line break: each level tried its text
		// struck, then wrote it again (2^60).
		"nested-del.html": "<table><tr><th>Code</th><th>Message</th></tr><tr><td>E1</td><td>" + strings.Repeat("<del>", 60) +
			"a<br>b" + strings.Repeat("</del>", 60) + "</td></tr></table>\n",
		"span-tables.html": strings.Repeat(spanTable(1000), 100),
		// Tab panels labelled by one 8 KB tab named 50 times each (23 s for 81 KB), and one
		// 160 KB tab whose aria-controls names 1,200 panels: each label is taken once and
		// cut (html_tabs.go, tabText).
		"tabs-labelledby.html": `<h1>Errors</h1><div role="tablist"><button role="tab" id="t">` + strings.Repeat("Billing ", 1000) + "</button></div>\n" +
			strings.Repeat(`<div role="tabpanel" aria-labelledby="`+strings.Repeat("t ", 50)+`"><table><tr><th>Code</th><th>Message</th></tr><tr><td>E1</td><td>Bad</td></tr></table></div>`+"\n", 1200),
		"tabs-controls.html": func() string {
			var ids, panels strings.Builder
			for i := range 1200 {
				fmt.Fprintf(&ids, "p%d ", i)
				fmt.Fprintf(&panels, `<div role="tabpanel" id="p%d"><table><tr><th>Code</th><th>Message</th></tr><tr><td>E%d</td><td>Bad</td></tr></table></div>`+"\n", i, i)
			}
			return `<h1>Errors</h1><div role="tablist"><button role="tab" aria-controls="` + ids.String() + `">` + strings.Repeat("Billing ", 20000) + "</button></div>\n" + panels.String()
		}(),
		// Spans that make the grid huge: one row of 20,000 cells each 1,000 columns wide,
		// 10,000 rows of cells each 65,534 rows deep (the spans past a bound count once).
		"colspan-row.html":  "<table><tr><th>Code</th><th>Status</th></tr><tr>" + strings.Repeat("<td colspan=1000>E</td>", 20000) + "</tr></table>\n",
		"rowspan-rows.html": "<table><tr><th>Code</th><th>Status</th></tr>" + strings.Repeat("<tr><td rowspan=65534>E</td><td rowspan=65534>4</td></tr>", 10000) + "</table>\n",
		// 40,000 comment lines right above an enum: its comment was built by putting
		// each line before all the ones below it (13 s for 200 KB).
		"comments-before-enum.h": strings.Repeat("// c\n", 40000) + "enum err {\n  ERR_A = 1,\n};\n",
		// A quote left open in a CSV field, then 100,000 lines: each line is read again
		// alone, by one reader for all (a reader of its own each: a 4 KB buffer a line).
		"open-quote.csv": "code,message\nE1,\"" + strings.Repeat("x\n", 100000),
		"labels.ts": func() string {
			var b strings.Builder
			b.WriteString("enum ErrorCode {\n")
			for i := 0; i < 30000; i++ {
				fmt.Fprintf(&b, "\n  // Group %d\n  // text\n  // more\n  E_%d = \"E_%d\",\n", i, i, i)
			}
			return b.String() + "}\n"
		}(),
	}
}

// spanTable is an HTML table with a cell of n bytes of text spanning 100 rows and 100
// columns.
func spanTable(n int) string {
	return "<table><tr><th>Code</th><th>Message</th></tr><tr><td>E0</td><td rowspan=100 colspan=100>" +
		strings.Repeat("word ", n/5) + "</td></tr>" + strings.Repeat("<tr><td>E1</td></tr>", 99) + "</table>\n"
}

// TestHostileFormats reads every hostile source: no panic, every row accounted for,
// every position inside the input.
func TestHostileFormats(t *testing.T) {
	for name, text := range hostileFormatSources() {
		t.Run(name, func(t *testing.T) {
			src := NewSource(name, []byte(text))
			res := Read(src, Meta{})
			checkInvariants(t, src, res)
		})
	}
}

// BenchmarkHostileFormats reads each hostile source whole.
func BenchmarkHostileFormats(b *testing.B) {
	for name, text := range hostileFormatSources() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				Read(NewSource(name, []byte(text)), Meta{})
			}
		})
	}
}

// formatSources1000 are sources of 1,000 errors in each format this file's readers read.
func formatSources1000() map[string]string {
	var js, toml, proto, rstGrid, adoc, py, adocDefs, mdDefs strings.Builder
	js.WriteString(`{"errors":[`)
	proto.WriteString("syntax = \"proto3\";\nenum ErrorReason {\n")
	rstGrid.WriteString("+--------+--------+----------------------+\n| Code   | Status | Message              |\n+========+========+======================+\n")
	adoc.WriteString("[cols=\"1,1,3\"]\n|===\n| Code | Status | Message\n\n")
	py.WriteString("class Errors(Enum):\n")
	// Definition lists whose definitions give the status in a sentence: the list is
	// judged a list of codes on cheap tests first, the status expressions only where they
	// count.
	adocDefs.WriteString("= Errors\n\n[horizontal]\n")
	mdDefs.WriteString("# Errors\n\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&adocDefs, "E%04d:: The value %d is not valid here. Returned with HTTP 400.\n", i, i)
		fmt.Fprintf(&mdDefs, "`E%04d`\n: The value %d is not valid here. Returned with HTTP 400.\n\n", i, i)
		if i > 0 {
			js.WriteString(",")
		}
		fmt.Fprintf(&js, `{"errorCode":"E%04d","statusCode":400,"errorSummary":"failed %d"}`, i, i)
		fmt.Fprintf(&toml, "[\"a:E%d\"]\nerror = '''\nfailed %d\n'''\n\n", i, i)
		fmt.Fprintf(&proto, "  // Failed %d.\n  E_%d = %d;\n", i, i, i)
		fmt.Fprintf(&rstGrid, "| E%04d  | 400    | failed %-13d |\n+--------+--------+----------------------+\n", i, i)
		fmt.Fprintf(&adoc, "| `E%04d`\n| 400\n| failed %d\n\n", i, i)
		fmt.Fprintf(&py, "    E_%d = %d  # failed %d\n", i, i, i)
	}
	js.WriteString("]}")
	proto.WriteString("}\n")
	adoc.WriteString("|===\n")
	return map[string]string{"errors.json": js.String(), "errors.toml": toml.String(), "errors.proto": proto.String(),
		"errors.rst": rstGrid.String(), "errors.adoc": adoc.String(), "errors.py": py.String(),
		"deflist.adoc": adocDefs.String(), "deflist.md": mdDefs.String()}
}

// BenchmarkFormatReaders reads 1,000 errors in each format, detection included.
func BenchmarkFormatReaders(b *testing.B) {
	for name, text := range formatSources1000() {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				res := Read(NewSource(name, []byte(text)), Meta{})
				if res.Rows != 1000 {
					b.Fatalf("%s: %d rows, want 1000", name, res.Rows)
				}
			}
		})
	}
}
