package validate_test

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/icpcheck/beian/validate"
)

// BenchmarkReportEncodings writes the rejected filing's report (11
// rejections, 12 skipped checks, 6.2 KB in Chinese) each way a caller may,
// and the parts of encoding/json's cost, to tell where the time of
// json.Marshal(rep) goes:
//
//	go test -run '^$' -bench ReportEncodings -benchmem ./validate
//
// AppendJSON, WriteJSON and MarshalJSON are the report's own encoder.
// json.Marshal and json.Encoder call MarshalJSON, then encoding/json
// checks and compacts its bytes and copies them; json.Compact is that
// check and compaction alone, on the same bytes. reflect/json.Marshal is
// encoding/json's reflection over plain structs holding the same values
// (built beforehand, not timed): what json.Marshal would cost without a
// MarshalJSON method; reflect/build+json.Marshal builds them too.
func BenchmarkReportEncodings(b *testing.B) {
	rep := validate.New().Validate(b.Context(), load(b, "rejected_enterprise.json"))
	out, err := rep.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	wire := wireValue(rep)
	buf := make([]byte, 0, 2*len(out))
	var compact bytes.Buffer
	compact.Grow(2 * len(out))
	for _, enc := range []struct {
		name string
		run  func() error
	}{
		{"AppendJSON", func() error { buf = rep.AppendJSON(buf[:0]); return nil }},
		{"WriteJSON", func() error { return rep.WriteJSON(io.Discard) }},
		{"MarshalJSON", func() error { _, err := rep.MarshalJSON(); return err }},
		{"json.Marshal", func() error { _, err := json.Marshal(rep); return err }},
		{"json.Encoder", func() error { return json.NewEncoder(io.Discard).Encode(rep) }},
		{"json.Compact", func() error { compact.Reset(); return json.Compact(&compact, out) }},
		{"reflect/json.Marshal", func() error { _, err := json.Marshal(wire); return err }},
		{"reflect/build+json.Marshal", func() error { _, err := reflectJSON(rep); return err }},
	} {
		b.Run(enc.name, func(b *testing.B) {
			b.SetBytes(int64(len(out)))
			b.ReportAllocs()
			for b.Loop() {
				if err := enc.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
