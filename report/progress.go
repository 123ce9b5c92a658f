package report

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressDelay is how long a build runs before it shows progress: a quick build prints
// only its summary.
const progressDelay = time.Second

// isTerminal reports whether w is a terminal, where progress can redraw one line.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Progress draws a build's progress on stderr: what stage it is in and, while writing, a
// bar of the files written. It draws nothing when stderr is not a terminal (CI logs, pipes)
// or with --quiet, and nothing until the build has run for a second.
type Progress struct {
	w       io.Writer
	enabled bool
	start   time.Time
	stop    chan struct{}
	done    chan struct{}
}

// NewProgress returns the progress of a build that started now, drawn on w.
func NewProgress(w io.Writer, quiet bool) *Progress {
	return &Progress{w: w, enabled: !quiet && isTerminal(w), start: time.Now()}
}

// Track shows stage until finish is called: a bar towards total when total > 0, fed by
// count, else a spinner. finish may be called more than once.
func (p *Progress) Track(stage string, total int64, count func() int64) (finish func()) {
	if !p.enabled {
		return func() {}
	}
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	stop, done := p.stop, p.done
	go func() {
		defer close(done)
		wait := max(progressDelay-time.Since(p.start), 0)
		select {
		case <-stop:
			return
		case <-time.After(wait):
		}
		bar := progressbar.NewOptions64(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription(stage),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionSetPredictTime(false),
		)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			n := count()
			if total > 0 && n > total {
				total = n
				bar.ChangeMax64(total)
			}
			bar.Set64(n)
			select {
			case <-stop:
				bar.Finish()
				bar.Clear()
				return
			case <-tick.C:
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(stop)
			<-done
		})
	}
}
