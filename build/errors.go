package build

import "fmt"

// Kind says what an Error is about; the commands turn it into an exit code.
type Kind int

const (
	// Internal is a bug or an I/O failure writing the output.
	Internal Kind = iota
	// Usage is a bad argument: a missing config or source path, an unknown rule, an
	// output folder docgen must not replace.
	Usage
	// Sources is a source or config that cannot be read or does not validate.
	Sources
)

// Error is an error of a build with its kind. Bad content is never an Error: it is a
// diagnostic of the catalog.
type Error struct {
	Kind Kind
	Err  error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

func usageError(format string, args ...any) error {
	return &Error{Kind: Usage, Err: fmt.Errorf(format, args...)}
}

func sourcesError(err error) error { return &Error{Kind: Sources, Err: err} }

func internalError(err error) error { return &Error{Kind: Internal, Err: err} }
