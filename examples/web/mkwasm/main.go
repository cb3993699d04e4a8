// Mkwasm builds the WebAssembly checks for the demo page and the JS
// package: beian.wasm, beian-data.bin (its memory's initial data),
// beian-lexicon.bin (the word tables it loads),
// their .gz and Go's wasm_exec.js, written into examples/web/static/beian
// (or -o DIR). Run it from anywhere inside the
// module:
//
//	go run ./examples/web/mkwasm
//
// See package examples/web/internal/wasmbuild for what the build leaves
// out and why.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/icpcheck/beian/examples/web/internal/wasmbuild"
)

func main() {
	out := flag.String("o", "", "write the files into `DIR` (default: examples/web/static/beian)")
	flag.Parse()
	ctx := context.Background()
	wd, err := os.Getwd()
	if err != nil {
		fail(err)
	}
	root, err := wasmbuild.ModuleRoot(ctx, wd)
	if err != nil {
		fail(err)
	}
	dir := *out
	if dir == "" {
		dir = filepath.Join(root, "examples", "web", "static", "beian")
	}
	if err := wasmbuild.Build(ctx, root, dir); err != nil {
		fail(err)
	}
	for _, name := range []string{"beian.wasm", "beian.wasm.gz", wasmbuild.DataFile, wasmbuild.DataFile + ".gz", wasmbuild.LexiconFile, wasmbuild.LexiconFile + ".gz"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
			fmt.Printf("%s\t%d bytes\n", filepath.Join(dir, name), fi.Size())
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mkwasm:", err)
	os.Exit(1)
}
