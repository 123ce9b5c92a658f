package build

import (
	"cmp"
	"golang.org/x/text/language"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"docgen/catalog"
	"docgen/parse"
)

// langFolders are the folder names that say which language the documents inside are in,
// in a layout such as docs/ko/payments.md beside docs/en/payments.md.
var langFolders = map[string]bool{
	"ko": true, "en": true, "ja": true, "zh": true, "zh-cn": true, "zh-tw": true, "zh-hk": true,
	"zh-hans": true, "zh-hant": true, "de": true, "fr": true, "es": true, "pt": true, "pt-br": true,
	"it": true, "ru": true, "vi": true, "th": true, "id": true, "en-us": true, "en-gb": true,
}

// langTag returns the BCP 47 spelling of a language folder's name, as x/text/language
// writes it: "zh-cn" → "zh-CN", "zh_hans" → "zh-Hans"; a name it cannot parse (no
// folder of langFolders) is returned lower-cased.
func langTag(folder string) string {
	name := strings.ToLower(strings.ReplaceAll(folder, "_", "-"))
	if t, err := language.Parse(name); err == nil {
		return t.String()
	}
	return name
}

// langSegment returns the index among p's slash-separated segments of the last folder
// named for a language (see langFolders), and its language; -1 when there is none.
func langSegment(p string) (int, string) {
	segs := strings.Split(p, "/")
	for i := len(segs) - 2; i >= 0; i-- {
		if langFolders[strings.ToLower(strings.ReplaceAll(segs[i], "_", "-"))] {
			return i, langTag(segs[i])
		}
	}
	return -1, ""
}

// groupLanguageFolders makes one service of the files found in named folders that sit
// under language folders with the same path otherwise (docs/ko/pay.md, docs/en/pay.md):
// each takes its folder's language and the same Service key, and within a group the
// default language comes first. The default is a language other than English (the
// English folder of a team that writes in two languages is most often the translation),
// then the first in alphabetical order: a rule of the group's own languages, so that
// adding a file elsewhere never moves a service's permanent URLs to another language (a
// count of files did). docgen.yaml says otherwise where that guess is wrong.
func groupLanguageFolders(ins []Input) {
	type member struct {
		i    int
		lang string
	}
	groups := map[string][]member{}
	var keys []string
	for i, in := range ins {
		if !in.Found {
			continue
		}
		k, lang := langSegment(in.Path)
		if k < 0 {
			continue
		}
		segs := strings.Split(in.Path, "/")
		segs[k] = "*"
		key := strings.Join(segs, "/")
		if groups[key] == nil {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], member{i, lang})
	}
	for _, key := range keys {
		ms := groups[key]
		if len(ms) < 2 {
			continue
		}
		slots := make([]int, len(ms))
		moved := make([]Input, len(ms))
		for j, m := range ms {
			slots[j] = m.i
		}
		slices.SortStableFunc(ms, func(a, b member) int {
			return cmp.Or(cmp.Compare(isEnglish(a.lang), isEnglish(b.lang)), cmp.Compare(a.lang, b.lang))
		})
		for j, m := range ms {
			moved[j] = ins[m.i]
			moved[j].Meta.Lang = m.lang
			moved[j].Service = key
		}
		for j, slot := range slots {
			ins[slot] = moved[j]
		}
	}
}

// languageSiblings returns the inputs of the documents that translate the configured
// source in: the files of the same name under the other language folders beside its own
// (docs/en/pay.md for docs/ko/pay.md), which the config does not list itself. They take
// the source's id and overrides, and their folder's language.
func languageSiblings(in Input, listed map[string]bool) []Input {
	k, lang := langSegment(in.Path)
	if k < 0 {
		return nil
	}
	segs := strings.Split(in.Path, "/")
	parent := path.Join(segs[:k]...)
	if strings.HasPrefix(in.Path, "/") {
		parent = "/" + parent
	}
	if parent == "" {
		parent = "."
	}
	dirs, err := os.ReadDir(filepath.FromSlash(parent))
	if err != nil {
		return nil
	}
	var out []Input
	for _, d := range dirs {
		l := strings.ToLower(strings.ReplaceAll(d.Name(), "_", "-"))
		if !d.IsDir() || !langFolders[l] || langTag(d.Name()) == lang {
			continue
		}
		other := slices.Clone(segs)
		other[k] = d.Name()
		p := strings.Join(other, "/")
		if listed[filepath.Clean(p)] {
			continue
		}
		if fi, err := os.Stat(filepath.FromSlash(p)); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		sib := in
		sib.Path = p
		sib.Meta = parse.Meta{ID: in.Meta.ID, Lang: langTag(d.Name()), Override: siblingOverride(in.Meta.Override)}
		out = append(out, sib)
	}
	return out
}

// siblingOverride is what of a listed source's override applies to its unlisted twin in
// another language: the reader, the code pattern and the status, which codes share
// across languages, but not sections or columns, which name headings and headers in the
// listed source's language (a Korean section name would leave out every English entry).
func siblingOverride(o parse.Override) parse.Override {
	o.Sections, o.Columns = nil, nil
	return o
}

// translated pairs each service read with its input.
type translated struct {
	in  Input
	svc *catalog.Service
}

// combineLanguages makes one service of the services whose inputs share a Service key
// (the languages of one service, default first), at the place of the first of them, and
// returns the services with what merging them found.
func combineLanguages(read []translated) ([]*catalog.Service, catalog.Diagnostics) {
	var out []*catalog.Service
	var diags catalog.Diagnostics
	others := map[string][]*catalog.Service{}
	at := map[string]int{}
	var keys []string // in catalog order, so that diagnostics come in one order
	for _, r := range read {
		if r.in.Service == "" {
			out = append(out, r.svc)
			continue
		}
		if _, ok := at[r.in.Service]; !ok {
			at[r.in.Service] = len(out)
			keys = append(keys, r.in.Service)
			out = append(out, r.svc)
			continue
		}
		others[r.in.Service] = append(others[r.in.Service], r.svc)
	}
	for _, key := range keys {
		if len(others[key]) == 0 {
			continue
		}
		i := at[key]
		var d catalog.Diagnostics
		out[i], d = catalog.Translate(out[i], others[key])
		diags = append(diags, d...)
	}
	return out, diags
}

// isEnglish is 1 for an English tag ("en", "en-GB"), else 0.
func isEnglish(tag string) int {
	if tag == "en" || strings.HasPrefix(tag, "en-") {
		return 1
	}
	return 0
}
