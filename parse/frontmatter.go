package parse

import (
	"errors"

	"go.abhg.dev/goldmark/frontmatter"
	"go.yaml.in/yaml/v3"
)

// fmFormats are the front matter formats the Markdown reader takes: goldmark's own, with
// YAML decoded by decodeFrontMatter. The extension hands a format's Unmarshal the raw
// front matter and the *map[string]any to fill, so the YAML library is ours to choose
// (its own YAML format uses gopkg.in/yaml.v3, archived): go.yaml.in/yaml/v3, which reads
// YAML sources too (package data).
var fmFormats = []frontmatter.Format{
	frontmatter.TOML,
	{Name: "YAML", Delim: '-', Unmarshal: decodeFrontMatter},
}

// fmDecodeBudget bounds the work yaml.v3 may do decoding front matter: it compares every
// key of a mapping with every other (a duplicate check that builds one message for each
// duplicate pair), so a mapping of k keys costs k² (8,000 lines of "a: b", 40 KB, took
// 12 s and 3.9 GB).
const fmDecodeBudget = 1 << 22

// decodeFrontMatter decodes YAML front matter into dst (a *map[string]any) as yaml.Unmarshal
// does, in time linear in raw. It parses raw into a node tree (linear: the parser builds
// no map and expands no alias), refuses a key defined twice in one mapping as yaml.v3
// does but with a set per mapping, and, when decoding the tree costs at most
// fmDecodeBudget, decodes it as yaml.Unmarshal would. Past the budget it fills dst with
// the top-level keys, decoding only the values that are scalars: the reader uses no other
// (readMarkdown reads id, title and description, and whether there is front matter at
// all). Merge keys ("<<") are not followed there, nor are errors looked for in values
// that are not scalars.
func decodeFrontMatter(raw []byte, dst any) error {
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return err
	}
	if root.Kind == 0 { // no document: yaml.Unmarshal leaves dst as it is
		return nil
	}
	if err := fmDuplicateKeys(&root); err != nil {
		return err // yaml.v3 fails on it too, after a message for every pair
	}
	budget := fmDecodeBudget
	if fmDecodeCost(&root, &budget) {
		return root.Decode(dst)
	}
	out, ok := dst.(*map[string]any)
	top := &root
	if top.Kind == yaml.DocumentNode && len(top.Content) == 1 {
		top = top.Content[0]
	}
	if !ok || top.Kind != yaml.MappingNode {
		return errors.New("front matter is not a mapping")
	}
	m := make(map[string]any, len(top.Content)/2)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := fmDeref(top.Content[i]), fmDeref(top.Content[i+1])
		if k.Kind != yaml.ScalarNode || k.ShortTag() == "!!merge" {
			continue
		}
		var val any = v // not decoded: the reader reads only scalars
		if v.Kind == yaml.ScalarNode {
			if err := v.Decode(&val); err != nil {
				return err
			}
		}
		m[k.Value] = val
	}
	*out = m
	return nil
}

// fmDecodeCost subtracts from *budget what decoding n costs yaml.v3 (a step a node, k² for
// a mapping of k keys, an alias's anchor again each time), and reports whether the budget
// lasted; it stops as soon as it does not, so it takes at most the budget's steps. An
// alias inside its own anchor is left for yaml.v3 to refuse.
func fmDecodeCost(n *yaml.Node, budget *int) bool {
	active := map[*yaml.Node]bool{}
	var cost func(n *yaml.Node, depth int) bool
	cost = func(n *yaml.Node, depth int) bool {
		*budget--
		if n.Kind == yaml.MappingNode {
			k := len(n.Content) / 2
			*budget -= k * k
		}
		if *budget < 0 || depth > maxFMDepth {
			return false
		}
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			if active[n.Alias] {
				return true
			}
			active[n.Alias] = true
			defer delete(active, n.Alias)
			return cost(n.Alias, depth+1)
		}
		for _, c := range n.Content {
			if !cost(c, depth+1) {
				return false
			}
		}
		return true
	}
	return cost(n, 0)
}

// maxFMDepth bounds the nesting fmDecodeCost follows, aliases included.
const maxFMDepth = 10000

// fmDuplicateKeys reports the first mapping key defined twice in one mapping, as yaml.v3's
// check does (same kind, same text), with a set per mapping instead of comparing pairs.
func fmDuplicateKeys(n *yaml.Node) error {
	type key struct {
		kind  yaml.Kind
		value string
	}
	var err error
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if err != nil {
			return
		}
		if n.Kind == yaml.MappingNode {
			seen := make(map[key]bool, len(n.Content)/2)
			for i := 0; i < len(n.Content); i += 2 {
				k := key{n.Content[i].Kind, n.Content[i].Value}
				if seen[k] {
					err = errors.New("front matter: mapping key " + k.value + " defined twice")
					return
				}
				seen[k] = true
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return err
}

// fmDeref is n, or the node an alias n names.
func fmDeref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}
