//go:build !linux

package render

import "errors"

// exchange is not available here: Commit moves the folders one at a time.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }
