package parse

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// BenchmarkReadersMemory reads one large synthetic source of every shape (50,000 errors,
// Korean) and reports what the read holds in memory, per byte of source:
//
//   - peak-live/B: the most live heap seen at the end of a garbage collection during the
//     read (sampled), over the source's size: what the read needs at once;
//   - kept/B: the live heap after the read, the result held, over the source's size.
//
// The process's peak (RSS) is about twice peak-live with Go's default GOGC.
func BenchmarkReadersMemory(b *testing.B) {
	for _, f := range koreanSources(b, 50_000) {
		raw := f.Content()
		b.Run(f.Shape.String(), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			var peak, kept uint64
			var res *Result
			for b.Loop() {
				res = nil
				runtime.GC()
				base := liveHeap()
				stop, done := make(chan struct{}), make(chan uint64)
				go sampleLive(stop, done)
				res = Read(NewSource(f.Name, raw), Meta{})
				close(stop)
				if m := <-done; m > base {
					peak = max(peak, m-base)
				}
				runtime.GC()
				if m := liveHeap(); m > base {
					kept = max(kept, m-base)
				}
			}
			checkBenchRead(b, f, res)
			b.ReportMetric(float64(peak)/float64(len(raw)), "peak-live/B")
			b.ReportMetric(float64(kept)/float64(len(raw)), "kept/B")
		})
	}
}

// liveHeap returns the heap that was live at the end of the last garbage collection.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// sampleLive sends on done the most live heap it saw until stop is closed.
func sampleLive(stop <-chan struct{}, done chan<- uint64) {
	t := time.NewTicker(100 * time.Microsecond)
	defer t.Stop()
	var most uint64
	for {
		select {
		case <-stop:
			most = max(most, liveHeap())
			done <- most
			return
		case <-t.C:
			most = max(most, liveHeap())
		}
	}
}
