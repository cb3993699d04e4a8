package main

import (
	"net/http"
	"testing"
)

// TestHeaderKeysCanonical: the header keys the service reads and sets as
// map keys are in canonical form, so that headerValue reads what
// Header.Get reads and the answers' headers are those Header.Set would
// set (made to fail by a key written "X-Request-ID"), and headerValue
// is Header.Get for them, with one value, two, or none.
func TestHeaderKeysCanonical(t *testing.T) {
	for _, key := range []string{hdrAcceptLanguage, hdrContentType, hdrContentLanguage, hdrVary, hdrRequestID} {
		if c := http.CanonicalHeaderKey(key); c != key {
			t.Errorf("%q is not canonical: %q", key, c)
		}
		for _, values := range [][]string{nil, {"a"}, {"", "b"}, {"x", "y"}} {
			h := http.Header{}
			for _, v := range values {
				h.Add(key, v)
			}
			if got, want := headerValue(h, key), h.Get(key); got != want {
				t.Errorf("%s %q: headerValue %q, Get %q", key, values, got, want)
			}
		}
	}
	if len(varyAcceptLanguage) != 1 || varyAcceptLanguage[0] != "Accept-Language" {
		t.Errorf("Vary: %q", varyAcceptLanguage)
	}
}
