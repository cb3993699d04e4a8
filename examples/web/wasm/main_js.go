//go:build js && wasm

package main

import (
	"runtime/debug"
	"syscall/js"
)

// version is the build's version, set by mkwasm with
// -ldflags=-X main.version=… (git describe of the source).
var version = "devel"

func main() {
	// The collector runs on the page's one thread, inside a check. The
	// tables the first check builds stay live (about 4 MB, mostly without
	// pointers) and a check leaves about 30 KB of garbage: at the default
	// GOGC of 100, six collections fell in the first 600 checks (the
	// first two in the first checks, with 47 and 191 ms of marking in
	// Node); at 400, one (GODEBUG=gctrace=1, examples/web/README.md). The
	// heap stays under 25 MB, and the memory limit bounds it whatever the
	// filings.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(64 << 20)
	c := newChecker()
	validateFunc := js.FuncOf(func(this js.Value, args []js.Value) (out any) {
		// Never throw: a Go panic would end the program and every later
		// call with it. Whatever goes wrong is answered as JSON.
		defer func() {
			if r := recover(); r != nil {
				out = string(internalErrorJSON(r))
			}
		}()
		if len(args) == 0 || args[0].Type() != js.TypeString {
			return string(argumentErrorJSON("validate(filingJSON, lang): filingJSON must be a string"))
		}
		lang, profile := "zh", ""
		if len(args) > 1 && args[1].Type() == js.TypeString {
			lang = args[1].String()
		}
		if len(args) > 2 && args[2].Type() == js.TypeString {
			profile = args[2].String()
		}
		return string(c.checkProfile([]byte(args[0].String()), lang, profile))
	})
	// An object made and set field by field: js.ValueOf of a map would
	// run (and have V8 compile, at the start) the map iterator and
	// ValueOf's conversions, about 12 KB of code.
	api := js.Global().Get("Object").New()
	api.Set("validate", validateFunc)
	api.Set("version", version)
	js.Global().Set("beian", api)
	select {} // serve calls until the page goes
}
