// Coldcost-phonenumbers is coldcost for nyaruka/phonenumbers: the first
// Parse + IsValidNumber + GetGeocodingForNumber in a fresh process.
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/nyaruka/phonenumbers"
)

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	num, err := phonenumbers.Parse(os.Args[1], "CN")
	geo := ""
	if err == nil && phonenumbers.IsValidNumber(num) {
		geo, _ = phonenumbers.GetGeocodingForNumber(num, "zh")
	}
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Printf("first_ns=%d heap_bytes=%d allocs=%d province=%q err=%v\n",
		elapsed.Nanoseconds(), int64(after.HeapAlloc)-int64(before.HeapAlloc), after.Mallocs-before.Mallocs, geo, err)
}
