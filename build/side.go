package build

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"docgen/catalog"
)

// Side is one of the catalogs to compare: a catalog.json (data holds it) or sources.
type Side struct {
	Path    string
	data    []byte // the catalog.json; nil for sources
	Version int    // of the catalog.json; 0 for sources
}

// OpenSide looks at OLD or NEW of docgen diff: a JSON file is read (and its version peeked at), anything
// else is left for Load to read as sources.
func OpenSide(path string) (*Side, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, usageError("%s does not exist", path)
		}
		return nil, sourcesError(err)
	}
	s := &Side{Path: path}
	if fi.IsDir() || !strings.EqualFold(filepath.Ext(path), ".json") {
		return s, nil
	}
	if s.data, err = os.ReadFile(path); err != nil {
		return nil, sourcesError(fmt.Errorf("read %s: %w", path, err))
	}
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(s.data, &head); err != nil {
		return nil, sourcesError(fmt.Errorf("%s: not a catalog.json: %v", path, err))
	}
	if head.Version == nil {
		return nil, sourcesError(fmt.Errorf("%s: not a catalog.json: it has no \"version\"", path))
	}
	s.Version = *head.Version
	return s, nil
}

// Load returns the side's catalog: decoded, or read from the sources (with the folder's
// docgen.yaml when it holds one). Sources with errors give their diagnostics and an
// Error of kind Sources.
func (s *Side) Load(ctx context.Context, maxSourceSize ByteSize) (*catalog.Catalog, catalog.Diagnostics, error) {
	if s.data != nil {
		if s.Version != catalog.Version {
			return nil, nil, usageError("%s is a catalog of version %d; this docgen reads version %d: export it again with this docgen (docgen export json)", s.Path, s.Version, catalog.Version)
		}
		c, err := catalog.DecodeJSON(bytes.NewReader(s.data))
		if err != nil {
			return nil, nil, sourcesError(fmt.Errorf("%s: %w", s.Path, err))
		}
		return c, nil, nil
	}
	src := Options{Sources: []string{s.Path}, MaxSourceSize: maxSourceSize}
	if cfg := filepath.Join(s.Path, LocalConfig); fileExists(cfg) {
		src = Options{Config: cfg, ConfigSet: true, MaxSourceSize: maxSourceSize}
	}
	l, err := Load(ctx, src)
	if err != nil {
		return nil, nil, err
	}
	if l.Diags.HasErrors() {
		return nil, l.Diags, sourcesError(fmt.Errorf("%s: the sources have %s, %s; nothing compared", s.Path,
			plural(l.Diags.Count(catalog.Error), "error"), plural(l.Diags.Count(catalog.Warning), "warning")))
	}
	return l.Catalog, nil, nil
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}
