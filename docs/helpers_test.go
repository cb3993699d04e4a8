package docs_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/records"
)

// exampleReports returns the report JSON of every example filing that
// decodes, in Chinese and in English.
func exampleReports(t testing.TB) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		v := validate.New(validate.WithLanguage(lang))
		for name, data := range exampleFilings(t) {
			f, err := beian.ParseFiling(data)
			if err != nil {
				continue
			}
			b, err := v.Validate(context.Background(), f).MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			out[name+" "+lang.String()] = b
		}
	}
	return out
}

func readRecords(s string) (records.File, error) { return records.Read(strings.NewReader(s)) }
