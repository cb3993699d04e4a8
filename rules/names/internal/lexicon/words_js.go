//go:build beian_lexiconjs && js && wasm

package lexicon

import (
	"sync"
	"syscall/js"
)

// words returns the word tables the page loaded: the JS package (see
// examples/web) fetches the binary gen.go -bin writes beside the
// WebAssembly build, in parallel with it, and sets it as
// globalThis.beianLexicon (a Uint8Array) before the program starts; this
// build leaves the tables out of the .wasm (0.7 MB gzipped). Without
// them, or with another edition's, it panics: the checks cannot answer as
// the native build does.
var words = sync.OnceValue(func() *wordTables {
	v := js.Global().Get("beianLexicon")
	if v.Type() != js.TypeObject || v.Get("byteLength").Type() != js.TypeNumber {
		panic("lexicon: globalThis.beianLexicon (the word tables) is not set")
	}
	b := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(b, v)
	t, err := parseWordTables(b)
	if err != nil {
		panic(err)
	}
	return t
})
