package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"docgen/build"
)

// blockingConfig makes a FIFO named docgen.yaml in a new folder: a command that reads it
// stays in the read until the test lets it go. It returns the FIFO's path and a function
// that waits until the command has opened it; the write end is closed when the test ends.
func blockingConfig(t *testing.T) (path string, opened func()) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "docgen.yaml")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	return path, func() {
		// Opening the write end returns once the reader has opened the other end.
		w := make(chan *os.File, 1)
		go func() {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Error(err)
			}
			w <- f
		}()
		select {
		case f := <-w:
			t.Cleanup(func() { f.Close() })
		case <-time.After(60 * time.Second):
			t.Fatal("the command never opened its config") // a safety net, not a measurement
		}
	}
}

// TestLoadStopsWhileAReaderIsBusy: once the context is done, loading returns its error
// though the config (or a source, or a reader) is still being read.
func TestLoadStopsWhileAReaderIsBusy(t *testing.T) {
	cfg, opened := blockingConfig(t)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := build.Load(ctx, build.Options{Config: cfg, ConfigSet: true, MaxSourceSize: build.DefaultMaxSourceSize})
		errc <- err
	}()
	opened() // the read has begun and cannot end: nobody writes
	cancel()
	select {
	case err := <-errc:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("build.Load = %v, want context.Canceled", err)
		}
	case <-time.After(60 * time.Second): // a safety net: without the fix it waits forever
		t.Fatal("build.Load still waits for its config after the context was cancelled")
	}
}

// TestSIGTERMStopsTheCommand sends SIGTERM (what CI timeouts send) to real check and build
// commands stuck reading their config: each stops, says so, writes nothing and exits 130.
func TestSIGTERMStopsTheCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the real binary")
	}
	bin := buildBinary(t)
	for _, args := range [][]string{{"check"}, {"build", "--out", "public"}} {
		t.Run(args[0], func(t *testing.T) {
			cfg, opened := blockingConfig(t)
			dir := filepath.Dir(cfg)
			cmd := exec.Command(bin, append(args, "--config", cfg)...)
			cmd.Dir = dir
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			opened()
			cmd.Process.Signal(syscall.SIGTERM)
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			var err error
			select {
			case err = <-waited:
			case <-time.After(60 * time.Second): // a safety net, not a measurement
				cmd.Process.Kill()
				t.Fatalf("the command still runs after SIGTERM; stderr:\n%s", stderr.String())
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != ExitInterrupted {
				t.Fatalf("exit = %v, want %d; stderr:\n%s", err, ExitInterrupted, stderr.String())
			}
			if !strings.Contains(stderr.String(), "docgen: interrupted; nothing written") {
				t.Errorf("stderr = %q", stderr.String())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("the stopped command left %d entries in its folder, want only the config", len(entries))
			}
		})
	}
}
