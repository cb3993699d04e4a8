//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "this is the WebAssembly build of the checks: build it with GOOS=js GOARCH=wasm (go run ./examples/web/mkwasm)")
	os.Exit(2)
}
