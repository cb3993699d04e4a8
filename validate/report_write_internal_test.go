package validate

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// TestWriteJSONLargeAllocatesOnce: WriteJSON of a report too large for
// the pooled buffers writes what MarshalJSON gives and a newline, in one
// write, allocating about the report's size once (sizeHint's room), not
// the five times its size that growing a pooled buffer by append took
// (made to fail by dropping the large report's own array: 2,000
// rejections then allocated 1.69 MB for 367 KB of JSON, 4.6 times).
func TestWriteJSONLargeAllocatesOnce(t *testing.T) {
	rs := make([]rules.Rejection, 2000)
	for i := range rs {
		rs[i] = rules.Rejection{Code: rules.CodeFieldRequired, Severity: rules.Error, Field: beian.Path("websites").Index(i).Field("name"), Rule: "fields"}
	}
	rep := &Report{Rejections: rs}
	want, err := rep.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var w countingWriter
	w.buf.Grow(len(want) + 1) // the writer's own memory is not counted
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := rep.WriteJSON(&w); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := w.buf.Bytes(); !bytes.Equal(got, append(want, '\n')) || w.writes != 1 {
		t.Fatalf("%d writes of %d bytes, want one of MarshalJSON's %d and a newline", w.writes, len(got), len(want))
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(rep.sizeHint())+uint64(rep.sizeHint())/8 {
		t.Errorf("WriteJSON allocated %d bytes for %d bytes of JSON (room %d)", alloc, len(want), rep.sizeHint())
	}
}

// countingWriter keeps what it is given and counts the writes.
type countingWriter struct {
	buf    bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.buf.Write(p)
}
