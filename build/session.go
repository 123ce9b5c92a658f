package build

import (
	"context"
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"slices"

	"docgen/catalog"
	"docgen/parse"
	"docgen/render"
)

// Session is an incremental build kept between changes (docgen serve): the version of each
// source that is current, so that after a change only the changed sources are read again
// and only the pages of the services whose data changed need rendering again.
//
// A source that now has errors keeps its last good version: a Session is for previews,
// where the site should stay up while a source is being edited. It is not safe for
// concurrent use.
type Session struct {
	opts    Options
	cfg     *Config
	sources []*source // in catalog order
	byPath  map[string]*source
	byAbs   map[string]*source // by absolute path, as file watchers name files
	// errs are the errors of each source as last read, by source path.
	errs map[string][]catalog.Diagnostic
}

// source is one source of the catalog and its current version.
type source struct {
	in  Input
	abs string
	res *parse.Result // the current version: the last read without errors, else the latest
	// good reports whether res had no errors; a source with errors is replaced only by a
	// version without (or by any version while it has no good one).
	good bool
	sum  [sha256.Size]byte // of the bytes res was read from
}

// NewSession starts an incremental build of what opts names; nothing is read until
// Resolve and Update.
func NewSession(opts Options) *Session {
	return &Session{opts: opts, byPath: map[string]*source{}, byAbs: map[string]*source{}, errs: map[string][]catalog.Diagnostic{}}
}

// Options returns what the session reads.
func (s *Session) Options() Options { return s.opts }

// Config returns the config last resolved; nil when sources were named instead.
func (s *Session) Config() *Config { return s.cfg }

// Resolve reads the config (or lists the folders named) again and returns the sources
// it lists now. On an error the session keeps its config.
func (s *Session) Resolve() ([]Input, error) {
	ins, cfg, err := ResolveInputs(s.opts)
	if err != nil {
		return nil, err
	}
	s.cfg = cfg
	return ins, nil
}

// Inputs returns the current sources, in catalog order.
func (s *Session) Inputs() []Input {
	ins := make([]Input, len(s.sources))
	for i, src := range s.sources {
		ins[i] = src.in
	}
	return ins
}

// Files returns the absolute paths of the current sources, in catalog order.
func (s *Session) Files() []string {
	out := make([]string, len(s.sources))
	for i, src := range s.sources {
		out[i] = src.abs
	}
	return out
}

// HasFile reports whether abs is the absolute path of a current source.
func (s *Session) HasFile(abs string) bool { return s.byAbs[abs] != nil }

// Errors returns the errors of each source as last read, by source path: what keeps a
// source's latest version out of the catalog. The map is the session's own: read it only.
func (s *Session) Errors() map[string][]catalog.Diagnostic { return s.errs }

// Change is what an Update did.
type Change struct {
	Diags catalog.Diagnostics // of the sources read
	// Notes say which sources' new versions are not used, to print after the diagnostics.
	Notes []string
	// Services are the IDs of the services whose pages changed (before and after), sorted.
	Services []string
}

// Update makes ins the sources of the catalog, reading again those for which reread (given
// a source's absolute path) says so and those not read before. Only an interrupt or a path
// that cannot be made absolute is an error: a source that cannot be read keeps its current
// version, if any.
func (s *Session) Update(ctx context.Context, ins []Input, reread func(abs string) bool) (Change, error) {
	var ch Change
	next := make([]*source, len(ins))
	var todo []int
	for i, in := range ins {
		old := s.byPath[in.Path]
		if old != nil && SameInput(old.in, in) && !reread(old.abs) {
			next[i] = old
			continue
		}
		abs, err := filepath.Abs(filepath.FromSlash(in.Path))
		if err != nil {
			return Change{}, internalError(err)
		}
		next[i] = &source{in: in, abs: abs}
		if old != nil && SameInput(old.in, in) {
			// The same source with the same metadata: what is current stays until a
			// better version is read.
			*next[i] = *old
		}
		todo = append(todo, i)
	}
	outs := readInputs(ctx, ins, todo, int64(s.opts.MaxSourceSize), true)
	if err := ctx.Err(); err != nil {
		return Change{}, err
	}
	for k, i := range todo {
		src, o := next[i], outs[k]
		old := s.byPath[src.in.Path]
		switch {
		case o.Err != nil:
			// A source missing between an editor's rename and write, or unreadable.
			msg := o.Err.Error() // an *Error says only what went wrong
			s.errs[src.in.Path] = []catalog.Diagnostic{{Pos: catalog.Pos{File: src.in.Path}, Severity: catalog.Error, Message: msg}}
			if src.res != nil {
				ch.Notes = append(ch.Notes, msg+"; serving its last version")
			} else {
				ch.Notes = append(ch.Notes, msg)
			}
			continue
		case o.Problem != nil:
			s.errs[src.in.Path] = []catalog.Diagnostic{*o.Problem}
			ch.Diags = append(ch.Diags, *o.Problem)
			if src.res != nil {
				ch.Notes = append(ch.Notes, src.in.Path+": serving its last version")
			}
			continue
		case src.res != nil && o.Sum == src.sum:
			// The same bytes as current (a touch, a chmod, or an edit undone): nothing to
			// render, but errors of a version in between are gone.
			if src.good {
				delete(s.errs, src.in.Path)
			}
			continue
		}
		d := sourceDiags(o.Result)
		ch.Diags = append(ch.Diags, d...)
		if d.HasErrors() {
			s.errs[src.in.Path] = slices.DeleteFunc(slices.Clone(d), func(x catalog.Diagnostic) bool { return x.Severity != catalog.Error })
		} else {
			delete(s.errs, src.in.Path)
		}
		if d.HasErrors() && src.res != nil && src.good {
			ch.Notes = append(ch.Notes, fmt.Sprintf("%s has %s; serving its last good version", src.in.Path, plural(d.Count(catalog.Error), "error")))
			continue
		}
		if old != nil && old.res != nil {
			ch.Services = append(ch.Services, old.res.Service.ID)
		}
		src.res, src.good, src.sum = o.Result, !d.HasErrors(), o.Sum
		ch.Services = append(ch.Services, src.res.Service.ID)
	}
	// Sources no longer listed take their pages with them.
	kept := map[string]bool{}
	for _, in := range ins {
		kept[in.Path] = true
	}
	for _, src := range s.sources {
		if !kept[src.in.Path] && src.res != nil {
			ch.Services = append(ch.Services, src.res.Service.ID)
		}
	}
	for path := range s.errs {
		if !kept[path] {
			delete(s.errs, path)
		}
	}
	s.sources = next
	s.byPath, s.byAbs = map[string]*source{}, map[string]*source{}
	for _, src := range next {
		s.byPath[src.in.Path], s.byAbs[src.abs] = src, src
	}
	slices.Sort(ch.Services)
	ch.Services = slices.Compact(ch.Services)
	return ch, nil
}

// sourceDiags returns what is wrong with one source's service: the reader's diagnostics,
// the catalog's checks of that service, and a reserved service ID.
func sourceDiags(res *parse.Result) catalog.Diagnostics {
	d := slices.Clone(res.Diags)
	d = append(d, catalog.Check(&catalog.Catalog{Services: []*catalog.Service{res.Service}})...)
	if r := reservedID(res.Service); r != nil {
		d = append(d, *r)
	}
	d.Sort()
	return d
}

// Catalog makes the catalog of the current versions, as Load would: the config's title
// and language, or those of the only (first) service. A service whose ID is reserved or
// taken by an earlier source is left out, with a diagnostic for the latter.
func (s *Session) Catalog() (*catalog.Catalog, catalog.Diagnostics) {
	c := newCatalog(s.cfg)
	var diags catalog.Diagnostics
	ids := map[string]string{}
	var read []translated
	for _, src := range s.sources {
		if src.res != nil {
			read = append(read, translated{src.in, src.res.Service})
		}
	}
	// The languages of one service become one (the sources' own services are kept as
	// they are, for the next change); only its error diagnostics matter to a preview.
	svcs, td := combineLanguages(read)
	for _, d := range td {
		if d.Severity == catalog.Error {
			diags = append(diags, d)
		}
	}
	// A service whose id is another's language folder is left out, as a reserved id is.
	lf := langFolderIDs(&catalog.Catalog{Services: svcs})
	diags = append(diags, lf...)
	for _, sv := range svcs {
		if render.CheckServiceID(sv.ID) != nil || slices.ContainsFunc(lf, func(d catalog.Diagnostic) bool { return d.Pos.File == sv.Source }) {
			continue
		}
		if prev, dup := ids[sv.ID]; dup {
			diags.Add(catalog.Pos{File: sv.Source, Line: 1, Col: 1}, catalog.Error, catalog.RuleDuplicateService,
				"service id %q is already used by %s; serving only that one", sv.ID, prev)
			continue
		}
		ids[sv.ID] = sv.Source
		c.Services = append(c.Services, sv)
	}
	finishCatalog(c)
	return c, diags
}

// plural says "1 error" or "n errors".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
