// Package build runs one build of the catalog as a library: read the config (docgen.yaml),
// collect the sources it lists or the files and folders named, run the readers of package
// parse on every core, merge the services into one catalog and check it, then write every
// output (the JSON catalog, the OpenAPI files and the site of package render/...) into a
// staged folder that is swapped in only when all of them succeeded, or into memory.
//
// Load and (*Loaded).Stage and Write are what docgen build does. Session is the
// incremental build behind docgen serve: it keeps each source's current version, re-reads
// only the sources that changed and says which services' pages must be rendered again;
// RenderChanged renders just those pages, RenderAll everything, into memory.
//
// It knows nothing of flags, exit codes or printing: an Error says what kind of failure it
// is, bad content is a diagnostic, and the commands (cmd/docgen) decide what to show.
// Where to read a new format is package parse; a new output is added to Outputs.
package build
