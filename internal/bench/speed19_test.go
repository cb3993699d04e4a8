package bench_test

import (
	"context"
	"io"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian/validate"
)

// BenchmarkSpeed19ReportJSON is BenchmarkReportJSON's own encoding alone
// (the report of five rejections of the failing filing, AppendJSON and
// WriteJSON in Chinese and English), without encoding/json's siblings:
// a pattern that selects one of BenchmarkReportJSON's encodings also runs
// its json.Marshal, so that callgrind's count per operation is of both.
func BenchmarkSpeed19ReportJSON(b *testing.B) {
	rep := validate.New().Validate(context.Background(), load(b, "rejected_enterprise.json"))
	if len(rep.Rejections) < 5 {
		b.Fatalf("%d rejections, want 5", len(rep.Rejections))
	}
	rep.Rejections = rep.Rejections[:5]
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		r := rep.In(lang)
		b.Run("AppendJSON/"+lang.String(), func(b *testing.B) {
			buf := make([]byte, 0, 16<<10)
			b.ReportAllocs()
			for b.Loop() {
				buf = r.AppendJSON(buf[:0])
			}
		})
		b.Run("WriteJSON/"+lang.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := r.WriteJSON(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
