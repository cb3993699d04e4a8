//go:build beian_lexiconjs && js && wasm

package lexicon

import (
	"errors"
	"sync"
	"syscall/js"
)

// errLoading is the panic of a lookup made before the page's word tables
// have arrived; the validator turns it into CHECK_UNAVAILABLE for the rule
// that needed them, and the next lookup looks again.
var errLoading = errors.New("lexicon: the word tables (beian-lexicon.bin) have not arrived yet")

// loaded holds the word tables once read, or the error that makes them
// unusable for good (another edition's file).
var loaded struct {
	sync.Mutex
	t   *wordTables
	err error
}

// words returns the word tables the page loaded. This build leaves them
// out of the .wasm (0.7 MB gzipped): the JS package (see examples/web)
// fetches the binary gen.go -bin writes beside the WebAssembly build,
// without waiting for it, and sets it as globalThis.beianLexicon (a
// Uint8Array) when it arrives. They are needed only when a name holds a
// listed word. Until they arrive, words panics with errLoading and
// remembers nothing, so a later call finds them; with another edition's
// tables it panics for good: the checks cannot answer as the native build
// does.
func words() *wordTables {
	loaded.Lock()
	defer loaded.Unlock()
	if loaded.t != nil {
		return loaded.t
	}
	if loaded.err != nil {
		panic(loaded.err)
	}
	v := js.Global().Get("beianLexicon")
	if v.Type() != js.TypeObject || v.Get("byteLength").Type() != js.TypeNumber {
		panic(errLoading)
	}
	b := make([]byte, v.Get("byteLength").Int())
	js.CopyBytesToGo(b, v)
	t, err := parseWordTables(b)
	if err != nil {
		loaded.err = err
		panic(err)
	}
	loaded.t = t
	return t
}
