package main

import (
	"docgen/report"
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// readBuildInfo is debug.ReadBuildInfo; tests replace it.
var readBuildInfo = debug.ReadBuildInfo

// version says which docgen this is (report.Version).
func version() string { return report.Version(readBuildInfo()) }

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
