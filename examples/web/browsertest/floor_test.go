package browsertest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/icpcheck/beian/examples/web/internal/wasmbuild"
)

// EnvFloor, set to 1, has BenchmarkPageStart visit, beside each page, the
// same page whose beian.wasm is the floor: a Go program that starts, sets
// globalThis.beian, and answers every check with one report computed
// beforehand (the page's own filing's, by icpcheck). It is Go's runtime
// and the page without the checks: what no change to the checks can take
// away from the start to the first answer, measured in the same run.
const EnvFloor = "BEIAN_BENCH_FLOOR"

// floorMain is the floor's program (see EnvFloor).
const floorMain = `//go:build js && wasm

package main

import (
	_ "embed"
	"syscall/js"
)

//go:embed report.json
var report string

func main() {
	api := js.Global().Get("Object").New()
	api.Set("validate", js.FuncOf(func(js.Value, []js.Value) any { return report }))
	api.Set("version", "floor")
	js.Global().Set("beian", api)
	select {}
}
`

// floorSite returns a copy of the page directory dir whose beian.wasm
// (and .gz) is the floor's (see EnvFloor), built with the flags of the
// shipped build that apply to it (-trimpath, -s -w).
func floorSite(b *testing.B, root, dir string) string {
	b.Helper()
	src := b.TempDir()
	// The page's first answer: the report of its filing (the form's
	// values, testdata/page-filing.json of the wasm build), as icpcheck
	// --json prints it, which the wasm build answers byte for byte.
	icpcheck := exec.Command("go", "run", "./examples/icpcheck", "--json", filepath.Join("examples", "web", "wasm", "testdata", "page-filing.json"))
	icpcheck.Dir = root
	var stderr bytes.Buffer
	icpcheck.Stderr = &stderr
	report, err := icpcheck.Output()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: the filing is rejected
		b.Fatalf("icpcheck: %v\n%s", err, stderr.Bytes())
	}
	for name, data := range map[string][]byte{
		"go.mod":      []byte("module floor\n\ngo 1.26\n"),
		"main.go":     []byte(floorMain),
		"report.json": bytes.TrimSpace(report),
	} {
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	floor := b.TempDir()
	if err := os.CopyFS(floor, os.DirFS(dir)); err != nil {
		b.Fatal(err)
	}
	wasm := filepath.Join(floor, "beian", "beian.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, ".")
	build.Dir = src
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=", "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the floor: %v\n%s", err, out)
	}
	linked, err := os.ReadFile(wasm)
	if err != nil {
		b.Fatal(err)
	}
	// Its data beside it as the page's is (wasmbuild.SplitData), so that
	// the floor's page fetches and applies its memory image as the page
	// does.
	module, data, err := wasmbuild.SplitData(linked)
	if err != nil {
		b.Fatal(err)
	}
	writeGzipped := func(path string, content []byte) int {
		var gz bytes.Buffer
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write(content)
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path+".gz", gz.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		return gz.Len()
	}
	gzWasm := writeGzipped(wasm, module)
	gzData := writeGzipped(filepath.Join(floor, "beian", wasmbuild.DataFile), data)
	b.Logf("floor: beian.wasm %d bytes, %d gzipped; %s %d bytes, %d gzipped", len(module), gzWasm, wasmbuild.DataFile, len(data), gzData)
	return floor
}
