package report

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// Version says which docgen this is, from the module's build info (bi, ok as
// debug.ReadBuildInfo returns them): the module version
// ("v1.2.0" when installed with go install docgen@v1.2.0, "(devel)" from a clone), and the
// VCS revision, its time and whether the tree had local changes when Go recorded them
// (go build and go install from a clone do, unless -buildvcs=false).
func Version(bi *debug.BuildInfo, ok bool) string {
	if !ok {
		return "docgen (unknown version: built without module information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "docgen %s", v)
	if rev != "" {
		fmt.Fprintf(&b, ", revision %.12s", rev)
		if at != "" {
			fmt.Fprintf(&b, " of %s", at)
		}
		if modified {
			b.WriteString(", with local changes")
		}
	}
	fmt.Fprintf(&b, ", %s", bi.GoVersion)
	return b.String()
}
