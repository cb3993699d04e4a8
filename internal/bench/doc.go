// Package bench holds the library's benchmark suite: the numbers of the
// product contract (SPEC §6) and the whole validation, side by side with
// the peers they are compared with, in one run. It has no code of its
// own; BENCHMARKS.md at the repository root holds the latest figures and
// the command that gives them:
//
//	go test -run '^$' -bench . -benchmem -cpu 1,2 -count 5 -benchtime 200ms ./internal/bench
package bench
