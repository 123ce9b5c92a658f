package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"docgen/catalog"
)

// statusText names an entry's status: "400 Bad Request", "no status", "JSON-RPC".
func statusText(e *catalog.Entry) string {
	switch {
	case e.Protocol == catalog.JSONRPC:
		return "JSON-RPC"
	case e.Status == 0:
		return "no status"
	}
	return e.Status.String()
}

// ChangeText is one line of docgen diff's text output.
func ChangeText(c catalog.Change) string {
	var s string
	switch c.Kind {
	case catalog.ServiceRemoved:
		s = fmt.Sprintf("%s: service removed (%s)", c.Service, Plural(c.Count, "code"))
	case catalog.ServiceAdded:
		s = fmt.Sprintf("%s: service added (%s)", c.Service, Plural(c.Count, "code"))
	case catalog.Removed:
		s = fmt.Sprintf("%s: removed %s (%s)", c.Service, c.Code, statusText(c.OldEntry))
	case catalog.Added:
		s = fmt.Sprintf("%s: added %s (%s)", c.Service, c.Code, statusText(c.NewEntry))
	case catalog.StatusChanged:
		s = fmt.Sprintf("%s: status of %s changed: %s -> %s", c.Service, c.Code, statusText(c.OldEntry), statusText(c.NewEntry))
	case catalog.MessageChanged:
		o, n := changedText(c)
		s = fmt.Sprintf("%s: %smessage of %s (%s) changed: %q -> %q", c.Service, langPrefix(c), c.Code, statusText(c.NewEntry),
			clip(o.Message, 80), clip(n.Message, 80))
	case catalog.TranslationAdded:
		s = fmt.Sprintf("%s: %s text of %s (%s) added: %q", c.Service, c.Lang, c.Code, statusText(c.NewEntry), clip(textOf(c.NewText).Message, 80))
	case catalog.TranslationRemoved:
		s = fmt.Sprintf("%s: %s text of %s (%s) removed: its page falls back to the default language", c.Service, c.Lang, c.Code, statusText(c.NewEntry))
	case catalog.DescriptionChanged:
		o, n := changedText(c)
		s = fmt.Sprintf("%s: %sdescription of %s (%s) changed: %q -> %q", c.Service, langPrefix(c), c.Code, statusText(c.NewEntry),
			clip(o.Description, 60), clip(n.Description, 60))
	}
	if c.Breaking() {
		s += " [breaking]"
	}
	return s
}

// textOf returns *t, or no text.
func textOf(t *catalog.EntryText) catalog.EntryText {
	if t == nil {
		return catalog.EntryText{}
	}
	return *t
}

// changedText returns the text a message or description change compares: the
// translation's when the change has a language, else the entries' own.
func changedText(c catalog.Change) (o, n catalog.EntryText) {
	if c.Lang != "" && c.OldText != nil && c.NewText != nil {
		return *c.OldText, *c.NewText
	}
	return catalog.EntryText{Message: c.OldEntry.Message, Description: c.OldEntry.Description},
		catalog.EntryText{Message: c.NewEntry.Message, Description: c.NewEntry.Description}
}

// langPrefix is "en " before "message" for a change of a translation.
func langPrefix(c catalog.Change) string {
	if c.Lang == "" {
		return ""
	}
	return c.Lang + " "
}

// jsonChange is one change in docgen diff --format json.
type jsonChange struct {
	Kind           string    `json:"kind"`
	Breaking       bool      `json:"breaking"`
	Service        string    `json:"service"`
	Code           string    `json:"code,omitempty"`
	Protocol       string    `json:"protocol,omitempty"`
	OldStatus      *int      `json:"oldStatus,omitempty"`
	NewStatus      *int      `json:"newStatus,omitempty"`
	OldMessage     *string   `json:"oldMessage,omitempty"`
	NewMessage     *string   `json:"newMessage,omitempty"`
	OldDescription *string   `json:"oldDescription,omitempty"`
	NewDescription *string   `json:"newDescription,omitempty"`
	Count          int       `json:"count,omitempty"`
	Source         *jsonDiff `json:"source,omitempty"`
	// Lang is the language of a translation whose text changed; absent for the entries'
	// own text.
	Lang string `json:"lang,omitempty"`
}

type jsonDiff struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"`
}

// ChangesJSON writes docgen diff --format json: the changes from the catalog at oldPath
// to the one at newPath.
func ChangesJSON(w io.Writer, oldPath, newPath string, changes []catalog.Change) error {
	out := struct {
		Old      string       `json:"old"`
		New      string       `json:"new"`
		Total    int          `json:"total"`
		Breaking int          `json:"breaking"`
		Changes  []jsonChange `json:"changes"`
	}{Old: oldPath, New: newPath, Total: len(changes), Changes: []jsonChange{}}
	for _, c := range changes {
		jc := jsonChange{Kind: c.Kind.String(), Breaking: c.Breaking(), Service: c.Service, Code: c.Code, Count: c.Count}
		if c.Breaking() {
			out.Breaking++
		}
		status := func(e *catalog.Entry) *int {
			if e == nil || e.Status == 0 {
				return nil
			}
			n := int(e.Status)
			return &n
		}
		if e := c.OldEntry; e != nil {
			jc.Protocol = e.Protocol.String()
			jc.OldStatus = status(e)
		}
		if e := c.NewEntry; e != nil {
			jc.Protocol = e.Protocol.String()
			jc.NewStatus = status(e)
		}
		o, n := catalog.EntryText{}, catalog.EntryText{}
		if c.Kind == catalog.MessageChanged || c.Kind == catalog.DescriptionChanged {
			o, n = changedText(c)
			jc.Lang = c.Lang
		}
		if c.Kind == catalog.TranslationAdded || c.Kind == catalog.TranslationRemoved {
			jc.Lang = c.Lang
			if c.Kind == catalog.TranslationAdded {
				m := textOf(c.NewText).Message
				jc.NewMessage = &m
			} else {
				m := textOf(c.OldText).Message
				jc.OldMessage = &m
			}
		}
		switch c.Kind {
		case catalog.MessageChanged:
			jc.OldMessage, jc.NewMessage = &o.Message, &n.Message
		case catalog.DescriptionChanged:
			jc.OldDescription, jc.NewDescription = &o.Description, &n.Description
		}
		if p := c.Pos(); p.File != "" {
			jc.Source = &jsonDiff{Path: p.File, Line: p.Line}
		}
		out.Changes = append(out.Changes, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// ChangesGitHub prints one workflow command per change: an error for a change that
// fails the diff, a warning for another breaking one, a notice for the rest.
func ChangesGitHub(w io.Writer, changes []catalog.Change, failing func(catalog.Change) bool) error {
	for _, c := range changes {
		kind := "notice"
		switch {
		case failing(c):
			kind = "error"
		case c.Breaking():
			kind = "warning"
		}
		p := c.Pos()
		if c.Kind == catalog.Removed && c.NewSource != "" {
			// The pull request shows the new file, not the old one: point there, near
			// where the code was (its old line, or the first when the new file is
			// shorter).
			p = catalog.Pos{File: c.NewSource, Line: c.OldEntry.Source.Line}
			if n := lineCount(c.NewSource); n > 0 && n < p.Line {
				p.Line = 1
			}
		}
		props := "file=" + ghProperty(p.File)
		if p.Line > 0 {
			props += fmt.Sprintf(",line=%d", p.Line)
		}
		props += ",title=" + ghProperty("docgen diff: "+c.Kind.String())
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", kind, props, ghData(ChangeText(c))); err != nil {
			return err
		}
	}
	return nil
}

// lineCount returns how many lines the file at path has, or 0 when it cannot be read.
func lineCount(path string) int {
	data, err := os.ReadFile(filepath.FromSlash(path))
	if err != nil || len(data) == 0 {
		return 0
	}
	n := bytes.Count(data, []byte("\n"))
	if data[len(data)-1] != '\n' {
		n++
	}
	return n
}
