// Command wasm is the WebAssembly build of the checks: built with
// GOOS=js GOARCH=wasm and started by Go's wasm_exec.js, it defines
//
//	globalThis.beian = {validate(filingJSON, lang, profile) → string, version}
//
// validate takes a filing in the wire format (a JSON string), a language
// ("zh", the default, or "en") and, optionally, the provider console
// profile whose sourced differences apply ("tencent", "aliyun", "huawei";
// see validate.WithProfile; absent or "" for the strictest sourced
// values, an unknown name reported as CHECK_UNAVAILABLE) and returns the
// report's JSON:
// the same object `icpcheck --json` prints for that filing
// (validate.Report's MarshalJSON, with "complete", "span" in UTF-16 code
// units, "fixes", "source" and "doc"). A filing that cannot be decoded
// gives {"error": …, "problems": [{"path": …, "message": …}, …]} with the
// decoder's field paths and messages; validate never throws.
//
// The build checks offline: no Registry, no Prober, no document files, so
// the checks that need them are listed under "skipped". The JS package
// beside it (../static/beian) loads it, with the word tables the shipped
// build (tag beian_lexiconjs) reads from globalThis.beianLexicon; build
// both with
//
//	go run ./examples/web/mkwasm
//
// On any other platform the command only says how to build it.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/jsonstr"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// checker holds one validator per language and provider profile, each
// built on first use: a Validator is immutable and safe for concurrent
// use, and so is a checker.
type checker struct {
	mu         sync.Mutex
	validators map[checkerKey]*validate.Validator
}

// A checkerKey names a validator of a checker: its language ("zh" or
// "en") and provider profile ("" for the default, or a name of
// rules.ProfileNames).
type checkerKey struct{ lang, profile string }

func newChecker() *checker {
	return &checker{validators: map[checkerKey]*validate.Validator{}}
}

func (c *checker) validator(lang, profile string) *validate.Validator {
	k := checkerKey{"zh", profile}
	tag := language.SimplifiedChinese
	if lang == "en" {
		k.lang, tag = "en", language.English
	}
	if _, known := rules.ProfileNamed(profile); !known {
		// Not kept: a page that passes any name must not grow the
		// checker. The report says the profile is unknown.
		return validate.New(validate.WithLanguage(tag), validate.WithProfile(profile))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v := c.validators[k]
	if v == nil {
		v = validate.New(validate.WithLanguage(tag), validate.WithProfile(profile))
		c.validators[k] = v
	}
	return v
}

// check returns the report JSON of the filing data in lang ("zh" or "en";
// anything else is "zh") with the default profile, or the decoding
// error's JSON.
func (c *checker) check(data []byte, lang string) []byte {
	return c.checkProfile(data, lang, "")
}

// checkProfile is check with the provider profile named profile.
func (c *checker) checkProfile(data []byte, lang, profile string) []byte {
	f, err := beian.ParseFiling(data)
	if err != nil {
		return decodeErrorJSON(err)
	}
	rep := c.validator(lang, profile).Validate(context.Background(), f)
	return rep.AppendJSON(make([]byte, 0, 1024))
}

// decodeErrorJSON is the JSON of a decoding error: every problem the
// decoder found, each with its field path ("" for the document as a
// whole) and message.
func decodeErrorJSON(err error) []byte {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	b := []byte(`{"error":"the filing cannot be decoded","problems":[`)
	for i, e := range errs {
		if i > 0 {
			b = append(b, ',')
		}
		path, msg := "", e.Error()
		var de *beian.DecodeError
		if errors.As(e, &de) {
			path, msg = string(de.Path), de.Err.Error()
		}
		b = append(b, `{"path":`...)
		b = jsonstr.Append(b, path)
		b = append(b, `,"message":`...)
		b = jsonstr.Append(b, msg)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// argumentErrorJSON is the answer to a call with the wrong arguments.
func argumentErrorJSON(msg string) []byte {
	b := []byte(`{"error":`)
	b = jsonstr.Append(b, msg)
	return append(b, `,"problems":[]}`...)
}

// internalErrorJSON is the answer to a call that panicked: a bug, said
// as JSON rather than thrown, so the page keeps working.
func internalErrorJSON(r any) []byte {
	return argumentErrorJSON(fmt.Sprintf("internal error: %v", r))
}
