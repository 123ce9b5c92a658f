package parse

import (
	"slices"

	"docgen/parse/doc"
)

// This file sets aside the records of a data file that are an example of the error body
// ({"responseExample": {"error": {"code": "LIMIT_EXCEEDED", …}}, "errors": {…}}): the
// example shows how an error is answered, it documents no error of its own, as a JSON
// sample in a Markdown page does not. Its code is one of the catalog's, so read as an
// entry it would stand beside that code's own record, or take its place.

// exampleKeyWords are the words a key that names an example is made of: one of them
// says example, the others what it is an example of ("responseExample", "error_sample",
// "exampleErrorBody").
var exampleKeyWords = map[string]bool{
	"response": true, "error": true, "errors": true, "body": true, "payload": true,
	"json": true, "http": true, "api": true, "reply": true, "output": true,
}

// isExampleKey reports whether an object key names an example: its words are "example"
// or "sample" (singular or plural) and words of exampleKeyWords only. A code that holds
// the word among others ("EXAMPLE_NOT_FOUND") is no such key.
func isExampleKey(k string) bool {
	example := false
	for _, w := range nameWords(k) {
		switch {
		case w == "example" || w == "examples" || w == "sample" || w == "samples":
			example = true
		case !exampleKeyWords[w]:
			return false
		}
	}
	return example
}

// withoutExamples returns b without what of it is an example body: nil when b stands
// under a key that names an example, else b without its records keyed by such a key (b
// itself when there are none), and how many records were set aside. The example bodies
// of an OpenAPI description (b.Declared) are what it declares its errors by: they stay.
func withoutExamples(b *doc.Records) (*doc.Records, int) {
	if b.Declared {
		return b, 0
	}
	if slices.ContainsFunc(b.Keys, isExampleKey) {
		return nil, len(b.Items)
	}
	if !b.Keyed || !slices.ContainsFunc(b.Items, func(r doc.Record) bool { return isExampleKey(r.Key) }) {
		return b, 0
	}
	c := *b
	c.Items = slices.DeleteFunc(slices.Clone(b.Items), func(r doc.Record) bool { return isExampleKey(r.Key) })
	return &c, len(b.Items) - len(c.Items)
}
