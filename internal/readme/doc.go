// Package readme is where the root package's TestREADMEGoBlocks lays the
// README's Go blocks, as test files given to go test -overlay, to compile
// and run them; nothing is written here. It holds nothing else.
package readme
