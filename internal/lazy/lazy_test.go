package lazy_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/icpcheck/beian/internal/lazy"
)

// TestValueRetriesAPanic: a build that panics is not remembered and the
// next call builds again; a build that returns is kept and never run
// again, also when many goroutines ask at once.
func TestValueRetriesAPanic(t *testing.T) {
	notYet := errors.New("not yet")
	builds := 0
	ready := false
	get := lazy.Value(func() int {
		builds++
		if !ready {
			panic(notYet)
		}
		return 42
	})
	for range 3 {
		func() {
			defer func() {
				if e := recover(); e != notYet {
					t.Fatalf("before it can build: panic %v, want %v", e, notYet)
				}
			}()
			get()
		}()
	}
	ready = true
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if v := get(); v != 42 {
				t.Errorf("get() = %d, want 42", v)
			}
		})
	}
	wg.Wait()
	if builds != 4 {
		t.Errorf("%d builds, want 3 that panicked and 1 kept", builds)
	}
}

// ExampleValue: a table built on first use, once.
func ExampleValue() {
	squares := lazy.Value(func() []int {
		s := make([]int, 5)
		for i := range s {
			s[i] = i * i
		}
		return s
	})
	fmt.Println(squares()[3], len(squares()))
	// Output: 9 5
}
