// Package validatetest provides what tests of code built on package validate
// need, in the spirit of net/http/httptest: an in-memory [Registry] of a
// console's records, loaded from the same JSON records file the example
// programs and services read.
package validatetest
