package validate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/records"
)

// exampleReports validates every example filing of icpcheck (with its
// registry and documents, so that those checks report too) in lang.
func exampleReports(t testing.TB, lang language.Tag) map[string]*validate.Report {
	t.Helper()
	const dir = "../examples/icpcheck/testdata"
	f, err := os.Open(filepath.Join(dir, "registry", "records.json"))
	require.NoError(t, err)
	reg, err := records.ReadRegistry(f)
	f.Close()
	require.NoError(t, err)
	v := validate.New(validate.WithLanguage(lang), validate.WithRegistry(reg),
		validate.WithDocumentDir(filepath.Join(dir, "documents")))
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]*validate.Report{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		filing, err := beian.ParseFiling(data)
		if err != nil {
			continue // the filings icpcheck refuses to decode
		}
		out[filepath.Base(name)] = v.Validate(context.Background(), filing)
	}
	return out
}

// TestReportRoundTrip: every example filing's report, in Chinese and in
// English, decodes back into a report that says the same and encodes to
// the same bytes.
func TestReportRoundTrip(t *testing.T) {
	var rejections, withArgs int
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		for name, rep := range exampleReports(t, lang) {
			data, err := rep.MarshalJSON()
			require.NoError(t, err)
			var got validate.Report
			require.NoError(t, json.Unmarshal(data, &got), name)

			assert.Equal(t, beian.IsChinese(lang), beian.IsChinese(got.Language), "%s: language found from the text", name)
			assert.Equal(t, rep.OK(), got.OK(), name)
			assert.Equal(t, rep.Complete(), got.Complete(), name)
			require.Len(t, got.Rejections, len(rep.Rejections), name)
			for i, want := range rep.Rejections {
				g := got.Rejections[i]
				assert.Equal(t, want.Code, g.Code, name)
				assert.Equal(t, want.Severity, g.Severity, name)
				assert.Equal(t, want.Field, g.Field, name)
				assert.Equal(t, want.Related, g.Related, name)
				assert.Equal(t, [2]int{want.Span.Start16, want.Span.End16}, [2]int{g.Span.Start16, g.Span.End16}, name)
				assert.Equal(t, want.Source, g.Source, name)
				require.Len(t, g.Fixes, len(want.Fixes), name)
				for j, f := range want.Fixes {
					assert.Equal(t, f.Field, g.Fixes[j].Field, name)
					assert.Equal(t, f.Value, g.Fixes[j].Value, name)
					assert.Equal(t, f.Title.In(lang), g.Fixes[j].Title.In(lang), name)
				}
				assert.Equal(t, want.Message(lang), g.Message(got.Language), "%s %s: the message from the wire", name, want.Code)
				assert.Equal(t, want.Remedy(lang), g.Remedy(got.Language), "%s %s: the remedy from the wire", name, want.Code)
				rejections++
				if len(want.Args) > 0 {
					withArgs++
				}
			}
			require.Len(t, got.Skipped, len(rep.Skipped), name)
			for i, s := range rep.Skipped {
				assert.Equal(t, s.Code, got.Skipped[i].Code, name)
				assert.Equal(t, s.Reason.In(lang), got.Skipped[i].Reason.In(lang), name)
			}
			again, err := got.MarshalJSON()
			require.NoError(t, err)
			assert.Equal(t, string(data), string(again), "%s: encodes back to the same bytes", name)
		}
	}
	assert.Greater(t, rejections, 200, "the examples give many rejections")
	assert.Greater(t, withArgs, 50, "many of them with arguments read back")
}

// TestReportUnmarshalKeepsLanguage: a Language set before decoding is
// kept; an unknown member is ignored; an unknown severity and broken JSON
// are errors.
func TestReportUnmarshalKeepsLanguage(t *testing.T) {
	var r validate.Report
	r.Language = language.English
	require.NoError(t, json.Unmarshal([]byte(`{"ok":true,"complete":true,"rejections":[],"skipped":[],"future":1}`), &r))
	assert.Equal(t, language.English, r.Language)
	assert.Empty(t, r.Rejections)

	err := json.Unmarshal([]byte(`{"rejections":[{"code":"FIELD_REQUIRED","severity":"fatal","field":"province"}]}`), &r)
	assert.Error(t, err)
	assert.Error(t, json.Unmarshal([]byte(`{"rejections":[`), &r))
}

// TestReportUnmarshalUnknownCode: a code this version does not know (a
// newer service's) decodes, with its field and severity.
func TestReportUnmarshalUnknownCode(t *testing.T) {
	var r validate.Report
	require.NoError(t, json.Unmarshal([]byte(`{"ok":false,"complete":true,"rejections":[{"code":"SOMETHING_NEW","severity":"error","field":"province","message":"m","remedy":"r","doc":"docs/codes/SOMETHING_NEW.md"}],"skipped":[]}`), &r))
	require.Len(t, r.Rejections, 1)
	assert.Equal(t, rules.Code("SOMETHING_NEW"), r.Rejections[0].Code)
	assert.Equal(t, rules.Error, r.Rejections[0].Severity)
	assert.False(t, r.OK())
	// Its words are shown as the service wrote them, and encode back so.
	for _, tag := range []language.Tag{language.Chinese, language.English} {
		assert.Equal(t, "m", r.Rejections[0].Message(tag))
		assert.Equal(t, "r", r.Rejections[0].Remedy(tag))
	}
	again, err := r.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(again), `"message":"m","remedy":"r"`)
}

// TestReportUnmarshalFromAnotherVersion builds, from every rejection of
// every example report in both languages, the report a service of another
// version could send: the rejection's code one this version does not know,
// or its message or remedy worded otherwise. Each decodes with the wire's
// words in the report's language (for an unknown code, as Rejection.Text,
// in both) and encodes back to the same bytes, and the report's other
// rejections keep their arguments.
func TestReportUnmarshalFromAnotherVersion(t *testing.T) {
	variants := 0
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		for name, rep := range exampleReports(t, lang) {
			for i := range rep.Rejections {
				for _, change := range []func(*rules.Rejection){
					func(r *rules.Rejection) {
						// A newer service's code, with its words.
						r.Text = &rules.RenderedText{Message: r.Message(lang), Remedy: r.Remedy(lang)}
						r.Code = "ADDED_LATER_" + r.Code
					},
					func(r *rules.Rejection) {
						r.Text = &rules.RenderedText{Message: "reworded: " + r.Message(lang), Remedy: r.Remedy(lang)}
					},
					func(r *rules.Rejection) {
						r.Text = &rules.RenderedText{Message: r.Message(lang), Remedy: r.Remedy(lang) + " (reworded)"}
					},
				} {
					other := *rep
					other.Rejections = slices.Clone(rep.Rejections)
					r := other.Rejections[i]
					msg, rem := r.Message(lang), r.Remedy(lang)
					change(&r)
					if r.Text != nil {
						msg, rem = r.Text.Message, r.Text.Remedy
					}
					other.Rejections[i] = r
					wire, err := other.MarshalJSON()
					require.NoError(t, err)

					var back validate.Report
					require.NoError(t, json.Unmarshal(wire, &back), "%s", wire)
					require.Len(t, back.Rejections, len(other.Rejections))
					got := back.Rejections[i]
					// In the report's language the wire's words come back;
					// kept as text (a code unknown here, a message no
					// template gives), in the other language too. A
					// reworded text a template still gives (a trailing
					// placeholder takes the added words) comes back as
					// arguments, shown as the wire wrote them.
					tags := []language.Tag{lang}
					if got.Text != nil {
						tags = append(tags, language.Chinese, language.English)
					}
					if strings.HasPrefix(string(got.Code), "ADDED_LATER_") {
						assert.NotNil(t, got.Text, "%s %d: a code unknown here keeps the wire's words", name, i)
					}
					for _, tag := range tags {
						assert.Equal(t, msg, got.Message(tag), "%s %d", name, i)
						assert.Equal(t, rem, got.Remedy(tag), "%s %d", name, i)
					}
					again, err := back.MarshalJSON()
					require.NoError(t, err)
					assert.Equal(t, string(wire), string(again), "%s %d: decode∘encode", name, i)
					for k, o := range back.Rejections {
						if k != i && o.Text != nil {
							t.Errorf("%s: rejection %d (%s) lost its arguments when rejection %d came from another version", name, k, o.Code, i)
						}
					}
					variants++
				}
			}
		}
	}
	if variants < 300 {
		t.Errorf("only %d variants", variants)
	}
}

// TestReportUnmarshalForeignMessage: a message that does not fit its
// code's template leaves the arguments empty rather than wrong.
func TestReportUnmarshalForeignMessage(t *testing.T) {
	var r validate.Report
	require.NoError(t, json.Unmarshal([]byte(`{"rejections":[{"code":"SITE_NAME_TOO_SHORT","severity":"error","field":"websites[0].name","message":"a reworded message","remedy":"x"}]}`), &r))
	require.Len(t, r.Rejections, 1)
	assert.Empty(t, r.Rejections[0].Args)
	assert.Equal(t, "a reworded message", r.Rejections[0].Message(language.English))
	assert.Equal(t, "x", r.Rejections[0].Remedy(language.Chinese))
}

func FuzzReportUnmarshal(f *testing.F) {
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		n := 0
		for _, rep := range exampleReports(f, lang) {
			if n++; n > 6 {
				break
			}
			data, err := rep.MarshalJSON()
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte(`{"rejections":[{"code":"SITE_NAME_TOO_SHORT","severity":"error","message":"{count}{count}{min}","remedy":""}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r validate.Report
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		once, err := r.MarshalJSON()
		if err != nil {
			t.Fatalf("a decoded report does not encode: %v", err)
		}
		r2 := validate.Report{Language: r.Language}
		if err := json.Unmarshal(once, &r2); err != nil {
			t.Fatalf("an encoded report does not decode: %v\n%s", err, once)
		}
		twice, err := r2.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("decode∘encode is not stable:\n%s\n%s", once, twice)
		}
	})
}

// Example_reportRoundTrip decodes a report a service answered, and uses
// it as one the validator returned.
func Example_reportRoundTrip() {
	answer := `{"ok":false,"complete":true,"rejections":[{"code":"SITE_NAME_TOO_SHORT","severity":"error",
	"field":"websites[0].name","message":"网站名称只有2个汉字，至少需要3个","remedy":"…","doc":"docs/codes/SITE_NAME_TOO_SHORT.md"}],
	"skipped":[]}`
	var rep validate.Report
	if err := json.Unmarshal([]byte(answer), &rep); err != nil {
		panic(err)
	}
	for _, rj := range rep.ForField("websites[0].name") {
		fmt.Println(rep.OK(), rj.Code, rj.Severity, rj.Message(rep.Language))
	}
	// Output:
	// false SITE_NAME_TOO_SHORT error 网站名称只有2个汉字，至少需要3个
}
