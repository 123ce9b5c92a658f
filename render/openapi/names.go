package openapi

import (
	"hash/fnv"
	"regexp"
	"strconv"
	"strings"

	"docgen/catalog"
)

// Component names
//
// Every component of a service is named "<prefix>.<Kind>", where the prefix is the service
// ID and Kind is fixed:
//
//	<prefix>.Error             the error body (schema)
//	<prefix>.Error.<def>       a $defs entry of a documented body schema, hoisted (schema)
//	<prefix>.ErrorCode         the enum of the service's HTTP error codes (schema)
//	<prefix>.JsonRpcError      the JSON-RPC 2.0 error object (schema)
//	<prefix>.JsonRpcErrorCode  the enum of its JSON-RPC codes (schema)
//	<prefix>.<status>          the response of one HTTP status, e.g. api-gateway.400
//
// Prefixes never contain a dot, so the names of two services never collide, and they
// depend only on the service ID, so they are stable across builds. Service IDs are slugs
// (letters, digits, hyphens), which are valid component keys (^[a-zA-Z0-9._-]+$) as they
// are; an ID that is not (one written by hand in docgen.yaml) becomes its slug plus a
// hash of the ID.

// reComponentKey is what OpenAPI allows as a key under components.
var reComponentKey = regexp.MustCompile(`^[a-zA-Z0-9._-]+$`)

// rePrefix is a service ID usable as a prefix as it is: a component key without dots.
var rePrefix = regexp.MustCompile(`^[a-zA-Z0-9_-]+$`)

// prefixes returns the component name prefix of every service of c, by service ID.
func prefixes(c *catalog.Catalog) map[string]string {
	out := make(map[string]string, len(c.Services))
	used := map[string]bool{}
	// IDs that are prefixes as they are claim them first, so that a hashed prefix never
	// takes the name of another service.
	for _, s := range c.Services {
		if rePrefix.MatchString(s.ID) && !used[s.ID] {
			out[s.ID] = s.ID
			used[s.ID] = true
		}
	}
	for _, s := range c.Services {
		if _, ok := out[s.ID]; ok {
			continue
		}
		p := catalog.Slug(s.ID) + "-" + hash8(s.ID)
		base := p
		for n := 2; used[p]; n++ {
			p = base + "-" + strconv.Itoa(n)
		}
		out[s.ID] = p
		used[p] = true
	}
	return out
}

// componentSafe turns a name into a valid component key part (no dots).
func componentSafe(name string) string {
	if rePrefix.MatchString(name) {
		return name
	}
	return catalog.Slug(name) + "-" + hash8(name)
}

func hash8(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	x := strconv.FormatUint(uint64(h.Sum32()), 16)
	return strings.Repeat("0", 8-len(x)) + x
}

// varName returns an identifier for a code, for x-enum-varnames: TOKEN_EXPIRED for
// "TokenExpired", CODE_400102001 for "400102001", MINUS_32601 for "-32601".
func varName(code string) string {
	s := strings.ToUpper(strings.ReplaceAll(catalog.Slug(code), "-", "_"))
	if strings.HasPrefix(strings.TrimSpace(code), "-") && s != "" && s[0] >= '0' && s[0] <= '9' {
		return "MINUS_" + s
	}
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return "CODE_" + s
	}
	return s
}

// exampleName returns the key of an entry's example in a response: the code as written when
// it is a plain name, else the entry ID.
func exampleName(e *catalog.Entry) string {
	if reComponentKey.MatchString(e.Code) {
		return e.Code
	}
	return e.ID
}
