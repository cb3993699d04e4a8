package validate_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/sources"
	"github.com/icpcheck/beian/validate"
)

// reflectJSON is what Report.MarshalJSON wrote with encoding/json before it
// wrote the JSON itself; the two must agree byte for byte.
func reflectJSON(r *validate.Report) ([]byte, error) { return json.Marshal(wireValue(r)) }

// wireValue is the report as a value of plain structs, slices and a map,
// which encoding/json encodes by reflection into the wire format.
func wireValue(r *validate.Report) any {
	type span struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}
	type fix struct {
		Field beian.Path `json:"field"`
		Value string     `json:"value"`
		Title string     `json:"title"`
	}
	type source struct {
		Key     string `json:"key"`
		URL     string `json:"url"`
		Edition string `json:"edition"`
		Certain bool   `json:"certain"`
	}
	type rejection struct {
		Code     rules.Code     `json:"code"`
		Severity rules.Severity `json:"severity"`
		Field    beian.Path     `json:"field"`
		Message  string         `json:"message"`
		Remedy   string         `json:"remedy"`
		Related  []beian.Path   `json:"related,omitempty"`
		Span     *span          `json:"span,omitempty"`
		Fixes    []fix          `json:"fixes,omitempty"`
		Source   *source        `json:"source,omitempty"`
		Doc      string         `json:"doc"`
	}
	out := struct {
		OK             bool                  `json:"ok"`
		Complete       bool                  `json:"complete"`
		Rejections     []rejection           `json:"rejections"`
		Skipped        []rules.Code          `json:"skipped"`
		SkippedReasons map[rules.Code]string `json:"skipped_reasons,omitempty"`
	}{
		OK:         r.OK(),
		Complete:   r.Complete(),
		Rejections: make([]rejection, 0, len(r.Rejections)),
		Skipped:    make([]rules.Code, 0, len(r.Skipped)),
	}
	for _, x := range r.Rejections {
		y := rejection{
			Code: x.Code, Severity: x.Severity, Field: x.Field,
			Message: x.Message(r.Language), Remedy: x.Remedy(r.Language), Related: x.Related,
			Doc: rules.DocPath(x.Code),
		}
		if !x.Span.IsZero() {
			y.Span = &span{x.Span.Start16, x.Span.End16}
		}
		for _, f := range x.Fixes {
			y.Fixes = append(y.Fixes, fix{f.Field, f.Value, f.Title.In(r.Language)})
		}
		if !x.Source.IsZero() {
			y.Source = &source{x.Source.Key, x.Source.URL, x.Source.Edition, x.Source.Certain}
		}
		out.Rejections = append(out.Rejections, y)
	}
	for _, s := range r.Skipped {
		out.Skipped = append(out.Skipped, s.Code)
		if out.SkippedReasons == nil {
			out.SkippedReasons = map[rules.Code]string{}
		}
		out.SkippedReasons[s.Code] = s.Reason.In(r.Language)
	}
	return out
}

// awkward holds strings that test every escape of the JSON encoder.
var awkward = []string{
	"", "plain", `"quoted" \back\slash/`, "<script>&amp;</script>", "\b\f\n\r\t\x00\x01\x1f\x7f",
	"中文，全角！", "\u2028\u2029", "\xff\xfe invalid \xed\xa0\x80", "😀 emoji", "\uFFFD", "a\u0085b\u00a0c",
}

func TestReportJSONAsEncodingJSON(t *testing.T) {
	var reports []*validate.Report
	for _, file := range []string{"clean_enterprise.json", "missing_fields.json", "invisible_text.json", "rejected_enterprise.json", "personal_site.json"} {
		reports = append(reports, validate.New().Validate(t.Context(), load(t, file)))
	}
	odd := &validate.Report{}
	for i, s := range awkward {
		odd.Rejections = append(odd.Rejections, rules.Rejection{
			Code: rules.CodeTextInvalid, Severity: []rules.Severity{rules.Notice, rules.Warning, rules.Error}[i%3], Field: beian.Path(s),
			Args:    []rules.Arg{rules.Str("problem", s)},
			Related: []beian.Path{beian.Path(s), "x"},
			Span:    rules.SpanOf(s, 0, len(s)),
			Fixes:   []rules.Fix{{Field: beian.Path(s), Value: s, Title: rules.Text{ZH: s, EN: s}}},
			Source:  rules.Source{Key: s, URL: s, Edition: s, Certain: i%2 == 0},
		})
		odd.Skipped = append(odd.Skipped, rules.Skip{Code: rules.Code("CODE_" + string(rune('A'+i))), Reason: rules.Text{ZH: s, EN: s}})
	}
	reports = append(reports, odd, &validate.Report{}, &validate.Report{Rejections: []rules.Rejection{{Code: "UNDECLARED", Severity: rules.Error}}})
	for _, r := range reports {
		for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
			r := r.In(tag)
			want, err := reflectJSON(r)
			require.NoError(t, err)
			got, err := json.Marshal(r)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
			assert.True(t, json.Valid(got))
			// WriteJSON writes what json.NewEncoder writes.
			var enc, direct bytes.Buffer
			require.NoError(t, json.NewEncoder(&enc).Encode(r))
			require.NoError(t, r.WriteJSON(&direct))
			assert.Equal(t, enc.String(), direct.String())
		}
	}
}

// TestReportJSONInvalidSeverity checks that a rejection without a valid
// severity fails the encoding with the severity's own error, and that the
// same rejection with a severity encodes.
func TestReportJSONInvalidSeverity(t *testing.T) {
	rejection := rules.Rejection{Code: rules.CodeTextInvalid, Field: "subject.name", Args: []rules.Arg{rules.Str("char", "U+200B")}}
	for _, sev := range []rules.Severity{0, -1, rules.Error + 1} {
		rejection.Severity = sev
		_, err := json.Marshal(&validate.Report{Rejections: []rules.Rejection{rejection}})
		var me *json.MarshalerError
		require.ErrorAs(t, err, &me, "severity %d", sev)
		_, want := sev.MarshalText()
		require.Error(t, want)
		assert.Equal(t, want, me.Unwrap(), "severity %d", sev)
		var buf bytes.Buffer
		require.EqualError(t, (&validate.Report{Rejections: []rules.Rejection{rejection}}).WriteJSON(&buf), want.Error())
		assert.Zero(t, buf.Len(), "nothing written on error")
	}
	rejection.Severity = rules.Error
	_, err := json.Marshal(&validate.Report{Rejections: []rules.Rejection{rejection}})
	assert.NoError(t, err)
}

// TestWriteJSONConcurrent writes reports of different sizes from many
// goroutines at once: each gets its own bytes, though WriteJSON uses its
// buffers again.
func TestWriteJSONConcurrent(t *testing.T) {
	var reports []*validate.Report
	for n := range 12 {
		r := &validate.Report{}
		for i := range n * n {
			s := strings.Repeat("字", i%7+1)
			r.Rejections = append(r.Rejections, rules.Rejection{Code: rules.CodeTextInvalid, Severity: rules.Error,
				Field: beian.Path("websites").Index(i).Field("name"), Args: []rules.Arg{rules.Str("problem", s)}})
		}
		reports = append(reports, r)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 50 {
				r := reports[(g+k)%len(reports)]
				want, err := r.MarshalJSON()
				if err != nil {
					t.Error(err)
					return
				}
				var buf bytes.Buffer
				if err := r.WriteJSON(&buf); err != nil || buf.String() != string(want)+"\n" {
					t.Errorf("report of %d rejections: WriteJSON wrote other bytes (%v)", len(r.Rejections), err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// placeholders returns the names of the placeholders of a template, as
// they stand between the braces ("?name" for an optional one).
func placeholders(t string) []string {
	var names []string
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			return names
		}
		names = append(names, t[i+1:i+j])
		t = t[i+j+1:]
	}
}

// TestReportJSONTemplatesAsRendered holds the encoder's escaped templates
// to the messages and remedies rules renders, for every declared code in
// both languages at every severity, on classes of arguments and fields:
// none, each placeholder given a value (plain, lower-case first letter,
// empty, every escape, Chinese), invalid UTF-8 that joins with the next
// placeholder's value into a valid sequence, duplicate arguments, an
// argument named "field", the fields of the contract (labelled, indexed,
// unknown, awkward), each with fixes of its own field or of others, and a
// rendered text read back from a report. Rejections of one field follow
// one another, so that the encoder's memos of labels, arguments and
// fields are held to the text rendered (made to fail when a memo is kept
// past the rejection it was made for, past the upper-casing of the
// message's first letter, or past a message that falls back to rules'
// rendering).
func TestReportJSONTemplatesAsRendered(t *testing.T) {
	// "x" is its own label, of one lower-case letter, which a template
	// that starts with {field} upper-cases.
	fields := []beian.Path{"", "x", "subject.name", "websites[3].name", "websites[0].domains[1]", "apps[2].platforms[1].package", "no.such[1].field", "<&>\xff\u2028"}
	values := append([]string{"shilikeji.cn", "lower first", "广东"}, awkward...)
	for _, code := range rules.Codes() {
		d, ok := rules.Describe(code)
		require.True(t, ok)
		var names []string
		for _, tmpl := range []string{d.Message.ZH, d.Message.EN, d.Remedy.ZH, d.Remedy.EN} {
			for _, n := range placeholders(tmpl) {
				names = append(names, strings.TrimLeft(n, "?"))
			}
		}
		names = append(names, "field")
		argSets := [][]rules.Arg{nil}
		for k, v := range values {
			var args []rules.Arg
			for i, n := range names {
				args = append(args, rules.Loc(n, values[(k+i)%len(values)], v))
			}
			argSets = append(argSets, args)
		}
		var joined, dup []rules.Arg
		for i, n := range names {
			half := []string{"x\xe4", "\xb8\xadz"}[i%2] // "中" split over two values
			joined = append(joined, rules.Str(n, half))
			dup = append(dup, rules.Str(n, "first"), rules.Str(n, "second"))
		}
		// Valid and invalid values in turn: the message's first
		// placeholders are written before one fails it.
		var mixed []rules.Arg
		for i, n := range names {
			mixed = append(mixed, rules.Str(n, []string{"lower first", "\xff"}[i%2]))
		}
		argSets = append(argSets, joined, dup, mixed)
		r := &validate.Report{}
		for i, args := range argSets {
			for j, field := range fields {
				x := rules.Rejection{Code: code, Severity: rules.Severity(1 + (i+j)%3), Field: field, Args: args}
				switch j % 3 {
				case 1: // a fix of the field, and of another field as long
					other := []byte(field)
					other[0] ^= 1
					x.Fixes = []rules.Fix{{Field: field, Value: "v"}, {Field: beian.Path(other), Value: "w"}}
				case 2:
					x.Fixes = []rules.Fix{{Field: "subject.name", Value: "v"}}
				}
				if names := names[:len(names)-1]; len(names) > 0 && i > 0 {
					x.Args = args[1:] // without the first placeholder's value
					r.Rejections = append(r.Rejections, x)
					x.Args = args
				}
				r.Rejections = append(r.Rejections, x)
			}
		}
		r.Rejections = append(r.Rejections, rules.Rejection{Code: code, Severity: rules.Error, Field: "subject.name",
			Text: &rules.RenderedText{Message: "as read back <&>", Remedy: "\xe4\xb8"}})
		for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
			r := r.In(tag)
			want, err := reflectJSON(r)
			require.NoError(t, err)
			got := r.AppendJSON(nil)
			if string(got) != string(want) {
				t.Fatalf("%s in %s:\n got %s\nwant %s", code, tag, got, want)
			}
		}
	}
}

// TestReportJSONSources: every source of package sources, certain or
// not, and sources that differ from one in URL or edition, or that have
// only a key or no key, are written as encoding/json writes them.
func TestReportJSONSources(t *testing.T) {
	r := &validate.Report{}
	for _, s := range sources.All() {
		for _, src := range []rules.Source{
			{Key: s.Key, URL: s.URL, Edition: s.Edition, Certain: true},
			{Key: s.Key, URL: s.URL, Edition: s.Edition},
			{Key: s.Key, URL: s.URL + "/other", Edition: s.Edition, Certain: true},
			{Key: s.Key, URL: s.URL, Edition: s.Edition + "x"},
			{Key: s.Key},
			{URL: s.URL, Edition: s.Edition},
		} {
			r.Rejections = append(r.Rejections, rules.Rejection{Code: rules.CodeFieldRequired, Severity: rules.Error, Field: "subject.name", Source: src})
		}
	}
	want, err := reflectJSON(r)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(r.AppendJSON(nil)))
}

// TestReportJSONSkipped: skipped checks, from none to more than the
// encoder keeps on its stack, declared and not, written as they are and
// escaped, sharing reasons and not (made to fail by copying a code's
// comma into skipped_reasons, or the last code's bracket).
func TestReportJSONSkipped(t *testing.T) {
	r := &validate.Report{}
	for i, code := range rules.Codes() {
		reason := rules.Text{ZH: "未配置Registry（备案记录查询）", EN: "no <Registry>"}
		switch i % 5 {
		case 3: // as long as the other, not the same
			reason = rules.Text{ZH: "未配置Registry（网站访问检测）", EN: "no <Register>"}
		case 4:
			reason = rules.Text{ZH: string(code), EN: awkward[i%len(awkward)]}
		}
		r.Skipped = append(r.Skipped, rules.Skip{Code: code, Reason: reason})
		if i%7 == 0 {
			r.Skipped = append(r.Skipped, rules.Skip{Code: code + "_UNDECLARED", Reason: reason})
		}
	}
	// Codes JSON escapes, among the others.
	for k, code := range []rules.Code{"A<B", "CODE_\"QUOTED\"", "DOMAIN_é"} {
		r.Skipped = append(r.Skipped, rules.Skip{Code: code, Reason: rules.Text{ZH: awkward[k%len(awkward)], EN: "x"}})
	}
	slices.SortFunc(r.Skipped, func(a, b rules.Skip) int { return strings.Compare(string(a.Code), string(b.Code)) })
	require.Greater(t, len(r.Skipped), 40)
	// Every prefix: the skipped checks of the typical reports (a dozen or
	// so, whose codes skipped_reasons copies from the skipped list) and
	// the longer ones (written twice), from none to all.
	all := r.Skipped
	for n := range len(all) + 1 {
		r.Skipped = all[:n]
		for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
			r := r.In(tag)
			want, err := reflectJSON(r)
			require.NoError(t, err)
			require.Equal(t, string(want), string(r.AppendJSON(nil)), "%d skipped", n)
		}
	}
}

// TestMarshalJSONLargeReports: a report larger than the pooled buffer
// (8 KB) and than what the pool keeps (64 KB) is returned in an array of
// its own, the same bytes as AppendJSON's, and neither it nor a small
// report's slice is changed by the encodings after it (a slice shared
// with a pooled buffer would be overwritten), a smaller large report's
// among them, which is encoded in the larger one's buffer. Made to fail
// by returning the pooled buffer itself, small or large.
func TestMarshalJSONLargeReports(t *testing.T) {
	base := load(t, "rejected_enterprise.json")
	v := validate.New()
	var reps []*validate.Report
	for _, n := range []int{1, 3, 40, 400, 200, 1} {
		f := base.Clone()
		for len(f.Websites) < n {
			f.Websites = append(f.Websites, base.Websites...)
		}
		reps = append(reps, v.Validate(t.Context(), f))
	}
	// Encoded one after the other, so that the pools keep their buffers.
	var outs [][]byte
	for _, r := range reps {
		got, err := r.MarshalJSON()
		require.NoError(t, err)
		outs = append(outs, got)
	}
	// Other reports encoded after them, in the pooled buffers.
	for _, r := range []*validate.Report{v.Validate(t.Context(), load(t, "clean_enterprise.json")), v.Validate(t.Context(), base).In(language.English)} {
		_, err := r.MarshalJSON()
		require.NoError(t, err)
	}
	for i, r := range reps {
		want := r.AppendJSON(nil)
		assert.Equal(t, string(want), string(outs[i]), "report %d (as AppendJSON writes it, and not changed by the encodings after it)", i)
		if i == 4 {
			assert.Greater(t, len(want), 64<<10, "the large reports are smaller than the pool keeps")
		}
	}
}
