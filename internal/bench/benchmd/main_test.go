package main

import (
	"slices"
	"testing"
)

// TestParseKeepsNames: a benchmark's name is read as go test printed it,
// less the GOMAXPROCS suffix of its run only, so that a sub-benchmark
// named for a phone number typed with hyphens (Phone/0755-26888888,
// Phone/+86_136-6012-3456) keeps its digits, and the service's names lose
// their "-2". Made to fail by cutting any trailing hyphen and digits.
func TestParseKeepsNames(t *testing.T) {
	r := newResults()
	r.parse([]byte(`goos: linux
BenchmarkPhone/13660123456         	 4660000	        51.2 ns/op	       0 B/op	       0 allocs/op
BenchmarkPhone/+86_136-6012-3456   	 1500000	       161 ns/op	      16 B/op	       1 allocs/op
BenchmarkPhone/0755-26888888       	 2800000	        83.5 ns/op	      16 B/op	       1 allocs/op
PASS
`), "")
	r.parse([]byte(`BenchmarkServiceLoad/service/clean-2   	    5000	     56000 ns/op	     18000 req/s	      0.356 p50-ms
`), "-2")
	want := []string{"Phone/13660123456", "Phone/+86_136-6012-3456", "Phone/0755-26888888", "ServiceLoad/service/clean"}
	if !slices.Equal(r.order, want) {
		t.Fatalf("names %q, want %q", r.order, want)
	}
	if got := r.get("Phone/0755-26888888", "allocs/op"); len(got) != 1 || got[0] != 1 {
		t.Errorf("Phone/0755-26888888 allocs/op = %v, want [1]", got)
	}
	if got := r.get("ServiceLoad/service/clean", "req/s"); len(got) != 1 || got[0] != 18000 {
		t.Errorf("ServiceLoad/service/clean req/s = %v, want [18000]", got)
	}
}
