// Package report formats what docgen tells people, to the writers it is given:
// diagnostics, the changes between two catalogs and a service's entries as text, JSON or
// GitHub Actions workflow commands, counts in words, and a build's progress on a
// terminal. It decides nothing: which command prints what, and the exit codes, are
// cmd/docgen's.
package report
