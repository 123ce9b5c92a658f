// Package code is the front-end of package parse for error catalogs kept as code: protobuf
// enums, C and C++ enums (with the string arrays indexed by their members), X-macro lists
// and runs of #defines, tab-separated code lists of the kind C
// projects generate their headers from (NUMBER<TAB>SYMBOL<TAB>text), Python Enum
// classes, whose docstring may hold a reStructuredText table, and dict literals
// (python_dict.go), the enums of Java, Kotlin and TypeScript (jvm.go), TypeScript's
// const objects (typescript.go) and error factories (factories.go), Go's declarations of
// errors and codes (golang.go). It gives each as a doc.Enum (members with their names,
// values as written, comments and positions) and a docstring's table as a doc.Table right
// before its enum; an enum whose constants take arguments (Java's NAME(400, "text")), or
// an object whose properties are objects, as doc.Records named by the constructor's
// parameters or the inner keys. It knows nothing of errors: which enum lists errors, and
// what a member's comment says of its status, is the interpreter's work.
//
// Protobuf is read with bufbuild/protocompile's parser, which keeps every comment with the
// element it belongs to. C and Python have no parser in Go that keeps comments and
// positions and reads a fragment that does not compile (a generator's input, a header
// that needs its includes), so this package scans exactly what it needs of them: comments,
// strings, enum bodies, #define lines, class bodies by indentation. Every scan moves
// forward only, so reading is linear in the input.
package code

import (
	"bytes"
	"path"
	"regexp"
	"slices"
	"strings"

	"docgen/catalog"
	"docgen/parse/doc"
)

// Lang is a language this package reads.
type Lang int

const (
	None Lang = iota
	Proto
	C
	TabList
	Python
	JVM        // Java and Kotlin
	TypeScript // its enums and const objects
	Go
)

func (l Lang) String() string {
	return [...]string{"none", "protobuf", "C", "tab-separated code list", "Python", "Java or Kotlin", "TypeScript", "Go"}[l]
}

// Problem is what a parser rejected: where and why.
type Problem struct {
	Offset int
	Msg    string
}

var (
	reProtoEnum  = regexp.MustCompile(`(?m)^\s*enum\s+\w+\s*\{`)
	reProtoValue = regexp.MustCompile(`(?m)^\s*[A-Za-z_]\w*\s*=\s*-?\d+\s*(?:\[[^\]]*\]\s*)?;`)
	reProtoSyn   = regexp.MustCompile(`(?m)^\s*(?:syntax|edition)\s*=\s*"`)
	reCEnum      = regexp.MustCompile(`(?m)\benum\s*(?:class\s+)?\w*\s*(?::\s*\w+\s*)?\{`)
	reCDefine    = regexp.MustCompile(`(?m)^[ \t]*#[ \t]*define[ \t]+[A-Za-z_]\w*[ \t]+\(?-?(?:0[xX][0-9A-Fa-f]+|\d+)[uUlL]*\)?`)
	reTabLine    = regexp.MustCompile(`(?m)^-?\d+\t+[A-Za-z_]\w*\t+\S`)
	rePyEnum     = regexp.MustCompile(`(?m)^[ \t]*class[ \t]+\w+[ \t]*\([^)]*\bEnum\b[^)]*\)[ \t]*:`)
	reGoErrors   = regexp.MustCompile(`(?m)^\s*(?:var|const)\b[^\n]*$|\berrors\.New\(`)
	reJVMConst   = regexp.MustCompile(`\bstatic\s+final\b|\bconst\s+val\b|\binterface\s+\w+[^{;]*\{[^}]*=`)
	reJVMEnum    = regexp.MustCompile(`\benum\s+(?:class\s+)?[A-Za-z_]\w*`)
	// reJVMSealed matches a Kotlin sealed class or interface (its subclasses, read as an
	// enum's constants).
	reJVMSealed = regexp.MustCompile(`(?m)^\s*(?:(?:public|internal|private)\s+)?sealed\s+(?:class|interface)\s+\w`)
	// rePyErrClass matches a top-level exception class ("class ShopError(Exception):"):
	// a hierarchy of them may set their codes as class attributes (python_class.go).
	rePyErrClass = regexp.MustCompile(`(?m)^class[ \t]+\w+[ \t]*\([^)]*(?:Error|Exception)\b[^)]*\)[ \t]*:`)
	rePyEnumAny  = regexp.MustCompile(`(?m)^[ \t]*class[ \t]+\w+[ \t]*\([^)]*(?:Enum|IntEnum|StrEnum|IntFlag|Flag)\b[^)]*\)[ \t]*:`)
)

// byName are the languages known by their file names whose files are read when the text
// has what the language declares errors with: what it is (shapes), and why a file is
// read or not.
var byName = []struct {
	exts    []string
	lang    Lang
	shapes  string
	yes, no string
}{
	{[]string{".py", ".pyi"}, Python, "an Enum class, exception classes or a dict literal at the top level",
		"a Python file with an Enum class, exception classes or a dict literal at its top level", "a Python file with no Enum class, exception class or dict literal at its top level"},
	{[]string{".java", ".kt", ".kts"}, JVM, "an enum, a sealed class, error classes or constants",
		"a Java or Kotlin file with an enum, a sealed class, error classes or constants", "a Java or Kotlin file with no enum, sealed class, error class or constants"},
	{[]string{".ts", ".mts", ".cts"}, TypeScript, "an enum, a const object, error classes or error factories",
		"a TypeScript file with an enum, a const object, error classes or error factories", "a TypeScript file with no enum, const object, error class or error factory"},
	{[]string{".go"}, Go, "error or code declarations",
		"a Go file declaring errors or codes", "a Go test file, or one with no error or code declarations"},
	{[]string{".h", ".hpp", ".hh", ".hxx", ".c", ".cc", ".cpp", ".h.in"}, C, "an enum, #define constants or a tab-separated code list", "", ""},
}

// NamedLang returns the language a file's name says it is written in, among those this
// package reads, or None.
func NamedLang(name string) Lang {
	ext := extOf(name)
	for _, l := range byName {
		if slices.Contains(l.exts, ext) {
			return l.lang
		}
	}
	if ext == ".proto" {
		return Proto
	}
	return None
}

// Shapes says what this package reads codes from in a language: "an enum or a const
// object".
func Shapes(l Lang) string {
	for _, b := range byName {
		if b.lang == l {
			return b.shapes
		}
	}
	return "an enum"
}

// extOf returns a file name's extension in lower case, ".h.in" for a header template.
func extOf(name string) string {
	base := strings.ToLower(path.Base(name))
	if strings.HasSuffix(base, ".h.in") {
		return ".h.in"
	}
	return path.Ext(base)
}

// Detect says whether text is code this package reads, from its name and its content: a
// score (0 when not), the language and the reason.
func Detect(name string, text []byte) (int, Lang, string) {
	base := strings.ToLower(path.Base(name))
	ext := extOf(name)
	// Each expression below reads the whole text; a byte count or search that they need
	// to match skips them on the documents most sources are.
	tabs := 0
	if bytes.Count(text, []byte("\t")) >= 6 {
		tabs = len(reTabLine.FindAllIndex(text, 20))
	}
	// A language known by its file name is read when the text has what it declares.
	has := map[Lang]func() bool{
		Python: func() bool { return rePyEnumAny.Match(text) || pyDictOfCodes(text) || rePyErrClass.Match(text) },
		JVM: func() bool {
			return reJVMEnum.Match(text) || reJVMConst.Match(text) || reJVMSealed.Match(text) || reErrClass.Match(text)
		},
		TypeScript: func() bool {
			return reJVMEnum.Match(text) || reTSConstObject.Match(text) || reErrClass.Match(text) || reTSFactory.Match(text)
		},
		Go: func() bool {
			return !strings.HasSuffix(base, "_test.go") && reGoErrors.Match(text) && (bytes.Contains(text, []byte("Err")) || bytes.Contains(text, []byte("Code")))
		},
	}
	for _, l := range byName {
		if f := has[l.lang]; f != nil && slices.Contains(l.exts, ext) {
			if f() {
				return 85, l.lang, l.yes
			}
			return 0, None, l.no
		}
	}
	switch ext {
	case ".proto":
		return 90, Proto, "a .proto file"
	case ".h", ".hpp", ".hh", ".hxx", ".c", ".cc", ".cpp", ".h.in":
		if tabs >= 3 {
			return 85, TabList, "a C source with lines of a number, a symbol and a text separated by tabs"
		}
		if reCEnum.Match(text) || len(reCDefine.FindAllIndex(text, 2)) >= 2 {
			return 85, C, "a C source with an enum or #define constants"
		}
		return 0, None, "a C source with no enum, #define constants or tab-separated code list"
	}
	hasEnum := bytes.Contains(text, []byte("enum")) || bytes.Contains(text, []byte("Enum"))
	switch {
	case hasEnum && reProtoSyn.Match(text) && reProtoEnum.Match(text) && reProtoValue.Match(text):
		return 55, Proto, "a protobuf syntax line and an enum"
	case tabs >= 20:
		return 45, TabList, "20 or more lines of a number, a symbol and a text separated by tabs"
	case hasEnum && bytes.Contains(text, []byte("import")) && rePyEnum.Match(text):
		return 45, Python, "a Python module with an Enum class"
	}
	return 0, None, "no .proto, .h, .h.in, .c, .py, .java, .kt, .ts or .go name, and no protobuf enum, tab-separated code list or Python Enum"
}

// Read reads text as lang into a document tree. A file the parser rejects in part gives
// what it could read and its problems.
func Read(name string, text []byte, lang Lang, at func(offset int) catalog.Pos) (*doc.Document, []Problem) {
	switch lang {
	case Proto:
		return readProto(name, text, at)
	case C:
		return readC(text, at), nil
	case TabList:
		return readTabList(text, at), nil
	case Python:
		return readPython(text, at)
	case JVM, TypeScript:
		return readEnums(text, at), nil
	case Go:
		return readGo(name, text, at)
	}
	return &doc.Document{}, nil
}

// memberComment joins the comment above a member and the one after it on its line: both
// are the member's, the one above first ("// The caller lacks access." above
// "DENIED = 7; // HTTP 403."), so that neither the text nor a status either states is lost.
func memberComment(leading, trailing string) string {
	leading, trailing = strings.TrimSpace(leading), strings.TrimSpace(trailing)
	switch {
	case leading == "":
		return trailing
	case trailing == "":
		return leading
	}
	return leading + "\n" + trailing
}

// cleanComment strips comment markers from a comment's raw text: "//", "#", "/*", "*/" and
// the "*" that starts the lines of a block comment; lines keep their relative indentation
// and paragraphs their blank lines.
func cleanComment(raw string) string {
	raw = strings.TrimSpace(raw)
	block := strings.HasPrefix(raw, "/*")
	if block {
		raw = strings.TrimSuffix(strings.TrimPrefix(raw, "/*"), "*/")
		raw = strings.TrimPrefix(raw, "*") // "/**"
	}
	lines := strings.Split(raw, "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(l, "///"):
			l = l[3:]
		case strings.HasPrefix(l, "//"):
			l = l[2:]
		case strings.HasPrefix(l, "#!"), strings.HasPrefix(l, "#"):
			l = l[1:]
		case block && strings.HasPrefix(l, "*"):
			l = l[1:]
		}
		lines[i] = strings.TrimRight(strings.TrimPrefix(l, " "), " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

// Guess names the language of text by its content alone, for a source that docgen.yaml
// gives this reader whatever its name: a tab-separated code list, a Python Enum, a
// protobuf enum, a Python dict literal at the top level, or else C.
func Guess(text []byte) Lang {
	switch {
	case reTabLine.Match(text):
		return TabList
	case rePyEnumAny.Match(text), pyDictOfCodes(text):
		return Python
	case reProtoEnum.Match(text) && reProtoValue.Match(text):
		return Proto
	}
	return C
}
