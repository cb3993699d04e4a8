// Package testenv says what the module's tests may do on the machine they
// run on: the long, exhaustive sweeps (behind BEIAN_EXHAUSTIVE) and the
// tests that need something outside the module (a PostgreSQL server,
// Chromium), which skip visibly when it is missing.
package testenv

import (
	"fmt"
	"os"
	"strconv"
	"testing"
)

// EnvExhaustive names the variable that turns the exhaustive sweeps on
// (every code point, every prefix against phonenumbers, million-line
// tables …). .ci/run sets it for its first go test run; a developer's
// go test ./... leaves them out and stays quick.
const EnvExhaustive = "BEIAN_EXHAUSTIVE"

// Exhaustive skips t unless BEIAN_EXHAUSTIVE is set to a true value
// ("1", "true"). Each exhaustive test has a quick, representative sibling
// that always runs.
func Exhaustive(t testing.TB) {
	t.Helper()
	if !exhaustive() {
		t.Skip("exhaustive sweep: set " + EnvExhaustive + "=1 to run it")
	}
}

func exhaustive() bool {
	on, _ := strconv.ParseBool(os.Getenv(EnvExhaustive))
	return on
}

// Stride returns the step of a sweep over a large space (every code
// point, every prefix): 1 when BEIAN_EXHAUSTIVE is set, n otherwise, so
// that a quick run visits an evenly spread sample (use a prime n, so the
// sample does not follow the space's own structure) and CI visits all.
func Stride(n int) int {
	if exhaustive() || n < 1 {
		return 1
	}
	return n
}

// SkipUnavailable skips t because something outside the module is
// missing, and says so in one line even without -v: go test shows a
// passing package's output only with -v, so the line is also written to
// the go command's own standard error when that is a terminal or a pipe
// (on Linux, where the parent's descriptors can be reached; elsewhere the
// skip is only visible with -v).
func SkipUnavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if !testing.Verbose() {
		announce(t.Name() + " skipped: " + firstLine(msg))
	}
	t.Skip(msg)
}

func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

// pipeBuf is the least PIPE_BUF POSIX allows: a write of up to that many
// bytes to a pipe is atomic.
const pipeBuf = 512

// announce writes line to the standard error of the go command that runs
// this test binary, when that is a terminal or a pipe: a write to either
// of under PIPE_BUF bytes cannot overwrite or split the go command's own
// output, where a write to a regular file could.
func announce(line string) {
	f, err := os.OpenFile("/proc/"+strconv.Itoa(os.Getppid())+"/fd/2", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Mode()&(os.ModeNamedPipe|os.ModeCharDevice) == 0 {
		return
	}
	if len(line) > pipeBuf-16 {
		line = line[:pipeBuf-16]
	}
	fmt.Fprintln(f, "--- SKIP:", line)
}
