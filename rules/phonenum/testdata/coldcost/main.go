// Coldcost measures the first lookup of package phonenum in a fresh
// process: the time of the first Parse and the heap it adds. Run by
// TestColdCost; build it with GODEBUG=inittrace=1 to see the init cost of
// importing the package.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/icpcheck/beian/rules/phonenum"
)

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	n, err := phonenum.Parse(os.Args[1])
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Printf("first_ns=%d heap_bytes=%d allocs=%d province=%q err=%v\n",
		elapsed.Nanoseconds(), after.HeapAlloc-before.HeapAlloc, after.Mallocs-before.Mallocs, n.Province.Code, err)
}
