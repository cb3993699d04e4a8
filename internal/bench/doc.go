// Package bench holds the library's benchmark suite: the numbers of the
// product contract (SPEC §6) and the whole validation, side by side with
// the peers they are compared with, in one run. It has no code of its
// own besides Floor (the floor: reading every string of a filing once)
// and the hostile shapes. BENCHMARKS.md at the repository root holds the
// latest figures; one command runs the suite, the service's load
// benchmark and the cold start in alternating rounds and writes it (see
// benchmd):
//
//	go run ./internal/bench/benchmd
package bench
