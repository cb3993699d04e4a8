package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/validatetest"
)

// FuzzDecodeBody feeds request bodies to the service's decoder: it never
// panics, answers 400 or 413 with at least a message, or gives one filing
// per element, each usable.
func FuzzDecodeBody(f *testing.F) {
	filing, err := validatetest.BuildFiling("44", beian.NatureEnterprise)
	if err != nil {
		f.Fatal(err)
	}
	valid, err := json.Marshal(filing)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range [][]byte{valid, []byte("[" + string(valid) + "]"), []byte(`[{},{"province":1}]`), []byte(`[`), []byte(` `), []byte(`{"subject":{"nature":"x"}}`)} {
		f.Add(seed)
	}
	s := &server{cfg: config{maxFilings: 4}}
	f.Fuzz(func(t *testing.T, data []byte) {
		filings, many, fl := s.read(bytes.NewReader(data))
		if fl == nil {
			if len(filings) == 0 || (!many && len(filings) != 1) {
				t.Fatalf("%d filings, many=%v", len(filings), many)
			}
			for i, f := range filings {
				if f == nil {
					t.Fatalf("filing %d is nil", i)
				}
			}
			return
		}
		switch fl.status {
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			if fl.msg == "" {
				t.Fatal("no message")
			}
			if filings != nil {
				t.Fatal("filings with a failure")
			}
			for _, p := range fl.problems {
				if p.Problem == "" {
					t.Fatal("a problem without its text")
				}
			}
		default:
			t.Fatalf("status %d", fl.status)
		}
	})
}
