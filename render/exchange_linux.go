package render

import "golang.org/x/sys/unix"

// exchange swaps the folders a and b in one step, so that no moment passes with neither in
// place. It fails where the file system cannot (then Commit moves them one at a time).
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
