package validate_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/internal/bench"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// TestHostileShapes validates each hostile shape of issue 8 at three
// sizes and checks that it is answered with its codes, and that the
// memory and allocations validation takes grow no faster than the input.
func TestHostileShapes(t *testing.T) {
	v := validate.New()
	typical := load(t, "clean_enterprise.json")
	for _, shape := range bench.Shapes {
		t.Run(shape.Name, func(t *testing.T) {
			sizes := []int{1 << 10, 10 << 10, 100 << 10}
			if shape.Items {
				sizes = []int{1_000, 10_000, 100_000}
			}
			if testing.Short() || raceEnabled {
				sizes = sizes[:2]
			}
			v.Validate(context.Background(), shape.Build(typical, sizes[0])) // build the lazy tables
			var perUnit []float64
			for _, n := range sizes {
				f := shape.Build(typical, n)
				before := f.Clone()
				var rep *validate.Report
				bytes, allocs := cost(func() { rep = v.Validate(context.Background(), f) })
				assert.Equal(t, before, f, "Validate modified the filing")
				for _, code := range shape.Codes {
					assert.True(t, rep.Has(rules.Code(code)), "%d: no %s in\n%s", n, code, rep)
				}
				assert.False(t, rep.Has(rules.CodeCheckUnavailable), "%d: a rule failed:\n%s", n, rep)
				perUnit = append(perUnit, bytes/float64(n))
				t.Logf("%7d: %.1f bytes and %.3f allocations per unit, %d rejections", n, bytes/float64(n), allocs/float64(n), len(rep.Rejections))
				// Validation copies the filing once when it cleans it; a
				// few rejections per item at most (a duplicate domain, a
				// missing document, a shared contact …).
				limit := 64.0
				if shape.Items {
					limit = 4096
				}
				assert.Less(t, bytes/float64(n), limit+float64(64<<10)/float64(n), "bytes per unit")
			}
			// Linear: the cost per unit does not grow with the size.
			last := perUnit[len(perUnit)-1]
			assert.Less(t, last, 2*perUnit[len(perUnit)-2]+16, fmt.Sprintf("cost per unit grows: %v", perUnit))
		})
	}
}

// cost returns the bytes and allocations fn takes.
func cost(fn func()) (bytes, allocs float64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc - before.TotalAlloc), float64(after.Mallocs - before.Mallocs)
}
