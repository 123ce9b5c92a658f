package build

import (
	"fmt"
	"strconv"
	"strings"
)

// ByteSize is a size flag (it implements pflag.Value): a number of bytes with an optional unit (KB, MB, GB in powers of
// 1000; KiB, MiB, GiB in powers of 1024; B).
type ByteSize int64

var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1000}, {"mb", 1000 * 1000}, {"gb", 1000 * 1000 * 1000},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1},
}

// String formats the size in the largest binary unit that divides it.
func (b ByteSize) String() string {
	switch n := int64(b); {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	default:
		return fmt.Sprintf("%dB", n)
	}
}

// Set parses a size such as "64MiB", "500KB" or "1048576".
func (b *ByteSize) Set(s string) error {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return fmt.Errorf("%q is not a size: expected a positive number of bytes such as 64MiB, 500KB or 1048576", s)
	}
	*b = ByteSize(n * mult)
	return nil
}

// Type names the flag's type in help.
func (b *ByteSize) Type() string { return "size" }

// Human formats the size for people: "812 B", "5.2 kB", "31.4 MB" (powers of 1000).
func (b ByteSize) Human() string {
	n := float64(b)
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", int64(b))
	case n < 1e6:
		return fmt.Sprintf("%.1f kB", n/1e3)
	case n < 1e9:
		return fmt.Sprintf("%.1f MB", n/1e6)
	}
	return fmt.Sprintf("%.1f GB", n/1e9)
}
