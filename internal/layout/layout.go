// Package layout holds docgen's architecture test: which packages each package may import,
// so that the flow parse → catalog ← render stays one way. It has no code of its own.
package layout
