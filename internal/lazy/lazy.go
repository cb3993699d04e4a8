// Package lazy builds a value on first use, like sync.OnceValue, for
// builds that may fail for a while and succeed later.
//
// The WebAssembly build of the checks receives the word tables after the
// program has started (examples/web): a table or a dictionary whose build
// looks a word up before they arrive panics, and sync.OnceValue would
// remember that panic for the life of the page. [Value] remembers only a
// build that returns.
package lazy

import (
	"sync"
	"sync/atomic"
)

// Value returns a function that calls build the first time it is called
// and returns build's result then and on every later call, as
// sync.OnceValue does, except that a build that panics is not remembered:
// the panic goes to the caller and the next call builds again. Calls are
// safe for concurrent use; once a build has returned, a call takes no
// lock.
func Value[T any](build func() T) func() T {
	var (
		mu    sync.Mutex
		done  atomic.Bool
		value T
	)
	return func() T {
		if done.Load() {
			return value
		}
		mu.Lock()
		defer mu.Unlock()
		if !done.Load() {
			value = build()
			done.Store(true)
		}
		return value
	}
}
