package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// version says which docgen this is, from the module's build info: the module version
// ("v1.2.0" when installed with go install docgen@v1.2.0, "(devel)" from a clone), and the
// VCS revision, its time and whether the tree had local changes when Go recorded them
// (go build and go install from a clone do, unless -buildvcs=false).
func version() string {
	bi, ok := readBuildInfo()
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

func newVersionCmd(ios *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print docgen's version and revision",
		Long: `Version prints the module version docgen was built as, and the revision of the
source it was built from when Go recorded one (go build and go install from a clone do).`,
		Example: `  docgen version
  docgen --version`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(ios.Out, version())
			return nil
		},
	}
}
