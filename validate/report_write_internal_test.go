package validate

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// largeReport returns a report of n rejections in runs of one field
// longer than flushAt (the encoder copies the field's label from one
// rejection to the next), of lengths that vary with a fix's value, so
// that what a copy would read from an earlier piece of the JSON is not
// what it copied there.
func largeReport(n int, lang language.Tag) *Report {
	rs := make([]rules.Rejection, n)
	field := beian.Path("websites").Index(0).Field("name")
	for i := range rs {
		if i%499 == 0 {
			field = beian.Path("websites").Index(i).Field("name")
		}
		rs[i] = rules.Rejection{Code: rules.CodeFieldRequired, Severity: rules.Error, Field: field, Rule: "fields",
			Fixes: []rules.Fix{{Field: field, Value: strings.Repeat("网", i%37), Title: rules.Text{ZH: "填写", EN: "Fill in"}}}}
	}
	return &Report{Rejections: rs, Skipped: []rules.Skip{{Code: rules.CodePhoneUsedByOtherSubject, Reason: reasonNoRegistry}}, Language: lang}
}

// TestWriteJSONInPieces: WriteJSON of a report larger than flushAt
// writes what AppendJSON gives and a newline, in writes of flushAt and a
// rejection at most, from its pooled buffer (no allocation once warm);
// MarshalJSON returns the same bytes, in an array of about their size.
// Made to fail by keeping the label's place past a flush (the copies
// then read another rejection's bytes), by flushing on every rejection
// past flushAt without going back to dst[:0] (the pieces written again
// and again), by not flushing (one write, a buffer grown by append), and
// by MarshalJSON's copy made into sizeHint's room (1.3 times the JSON).
func TestWriteJSONInPieces(t *testing.T) {
	for _, lang := range []language.Tag{language.English, language.Chinese} {
		for _, n := range []int{1, 59, 60, 61, 2000} {
			rep := largeReport(n, lang)
			want := rep.AppendJSON(nil)
			var w countingWriter
			if err := rep.WriteJSON(&w); err != nil {
				t.Fatal(err)
			}
			if got := w.buf.Bytes(); !bytes.Equal(got, append(want, '\n')) {
				t.Fatalf("%v, %d rejections: WriteJSON wrote %d bytes unlike AppendJSON's %d and a newline", lang, n, len(got), len(want))
			}
			if wantWrites := len(want)/flushAt + 1; w.writes < wantWrites/2 || w.writes > wantWrites || w.largest > flushAt+1024 {
				t.Errorf("%v, %d rejections: %d writes of up to %d bytes for %d bytes of JSON", lang, n, w.writes, w.largest, len(want))
			}
			got, err := rep.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("%v, %d rejections: MarshalJSON unlike AppendJSON", lang, n)
			}
		}
	}
	rep := largeReport(2000, language.Chinese)
	size := len(rep.AppendJSON(nil))
	// Once warm, WriteJSON takes its buffer from a sync.Pool, and the
	// package's other users of that pool (a collection, a buffer put back
	// smaller) can cost a call an allocation now and then: CI's runs saw an
	// average of 1 and 2 a call. A WriteJSON that does not flush, its
	// buffer grown by append through the whole report, makes 18 a call.
	if allocs := testing.AllocsPerRun(20, func() { rep.WriteJSON(io.Discard) }); allocs > 4 {
		t.Errorf("WriteJSON of %d bytes: %v allocations a call, want none once warm (at most 4 for the pool's other users)", size, allocs)
	}
	got, err := rep.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if cap(got) > size+size/8 {
		t.Errorf("MarshalJSON of %d bytes: an array of %d", size, cap(got))
	}
}

// countingWriter keeps what it is given and counts the writes.
type countingWriter struct {
	buf             bytes.Buffer
	writes, largest int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	w.largest = max(w.largest, len(p))
	return w.buf.Write(p)
}
