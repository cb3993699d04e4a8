// Package gintest shows the beian validator tags and the filing check on
// gin's binding engine. It is a module of its own, holding only tests, so
// that gin is no dependency of the library: run it with
//
//	cd validate/tags/gintest && go test ./...
package gintest
