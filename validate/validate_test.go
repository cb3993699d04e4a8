package validate_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/validate"
)

// load decodes one of icpcheck's example filings.
func load(t testing.TB, name string) *beian.Filing {
	t.Helper()
	data, err := os.ReadFile("../examples/icpcheck/testdata/" + name)
	require.NoError(t, err)
	f, err := beian.ParseFiling(data)
	require.NoError(t, err)
	return f
}

func codes(rep *validate.Report) []string {
	var out []string
	for _, r := range rep.Rejections {
		out = append(out, string(r.Field)+" "+string(r.Code))
	}
	return out
}

func TestValidateClean(t *testing.T) {
	rep := validate.New().Validate(context.Background(), load(t, "clean_enterprise.json"))
	assert.True(t, rep.OK())
	assert.NoError(t, rep.Err())
	assert.Empty(t, rep.Rejections)
}

func TestValidateNil(t *testing.T) {
	rep := validate.New().Validate(context.Background(), nil)
	assert.False(t, rep.OK())
	assert.Equal(t, []string{" FIELD_REQUIRED"}, codes(rep))
}

func TestValidateNilContext(t *testing.T) {
	//lint:ignore SA1012 a nil context must not crash the validator
	rep := validate.New().Validate(nil, load(t, "clean_enterprise.json")) //nolint:staticcheck
	assert.True(t, rep.OK())
}

// TestValidateDoesNotModify validates a filing whose text needs cleaning
// and checks it afterwards against a copy taken before.
func TestValidateDoesNotModify(t *testing.T) {
	f := load(t, "invisible_text.json")
	before := f.Clone()
	rep := validate.New().Validate(context.Background(), f)
	assert.Equal(t, before, f)
	assert.ElementsMatch(t, []string{"documents DOCUMENT_MISSING", "subject.cert_address TEXT_INVALID", "websites[0].name TEXT_INVALID",
		"websites[0].principal_same_as_subject PRINCIPAL_LINKED_NOTICE"}, codes(rep))
}

func TestValidateShippedExamples(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"missing_fields.json", []string{
			"subject.legal_representative FIELD_REQUIRED",
			"subject.name FIELD_REQUIRED",
			"subject.principal.mobile FIELD_REQUIRED",
			"websites[0].domains FIELD_REQUIRED",
			"websites[0].principal FIELD_REQUIRED",
		}},
		{"unknown_province.json", []string{"province PROVINCE_UNKNOWN", "websites[0].principal_same_as_subject PRINCIPAL_LINKED_NOTICE"}},
	}
	v := validate.New()
	for _, tt := range tests {
		rep := v.Validate(context.Background(), load(t, tt.file))
		assert.Equal(t, tt.want, codes(rep), tt.file)
		assert.False(t, rep.OK(), tt.file)
	}
}

// rule returns a rule reporting what report says, for engine tests.
func rule(name string, needs rules.Needs, report func(p *rules.Pass) error) *rules.Rule {
	return &rules.Rule{Name: name, Doc: "a test rule", Codes: []rules.Code{rules.CodeSiteNameSensitive, rules.CodeSiteNameNeedsRemark, rules.CodePhoneUsedByOtherSubject}, Needs: needs, Run: report}
}

func TestPanickingRuleBecomesWarning(t *testing.T) {
	v := validate.New(validate.WithRules(
		rule("boom", 0, func(p *rules.Pass) error {
			p.Report("websites[0].name", rules.CodeSiteNameSensitive, rules.Str("word", "赌博"))
			var m map[string]int
			//lint:ignore SA5000 the rule must panic, as a buggy rule would
			m["x"] = 1 // a nil-map write panics
			return nil
		}),
		rule("after", 0, func(p *rules.Pass) error {
			p.Report("websites[0].name", rules.CodeSiteNameNeedsRemark, rules.Str("name", "x"))
			return nil
		}),
		rule("fails", 0, func(p *rules.Pass) error { return errors.New("registry timed out") }),
	))
	var rep *validate.Report
	require.NotPanics(t, func() { rep = v.Validate(context.Background(), load(t, "clean_enterprise.json")) })
	assert.Equal(t, []string{" CHECK_UNAVAILABLE", " CHECK_UNAVAILABLE", "websites[0].name SITE_NAME_NEEDS_REMARK", "websites[0].name SITE_NAME_SENSITIVE"}, codes(rep))
	for _, r := range rep.Rejections[:2] {
		assert.Equal(t, rules.Warning, r.Severity)
	}
	msgs := rep.Rejections[0].Message(language.English) + rep.Rejections[1].Message(language.English)
	assert.Contains(t, msgs, "The boom check could not run")
	assert.Contains(t, msgs, "The fails check could not run: registry timed out")
}

func TestMissingHelpIsSkipped(t *testing.T) {
	ran := false
	r := rule("registry", rules.NeedsRegistry, func(p *rules.Pass) error { ran = true; return nil })
	rep := validate.New(validate.WithRules(r)).Validate(context.Background(), load(t, "clean_enterprise.json"))
	assert.False(t, ran)
	var skipped []rules.Code
	for _, s := range rep.Skipped {
		skipped = append(skipped, s.Code)
		assert.Equal(t, "registry", s.Rule)
		assert.Equal(t, "no Registry configured", s.Reason.EN)
	}
	assert.Equal(t, []rules.Code{rules.CodePhoneUsedByOtherSubject, rules.CodeSiteNameNeedsRemark, rules.CodeSiteNameSensitive}, skipped)
}

func TestUnsupportedIsSkipped(t *testing.T) {
	r := rule("partial", 0, func(p *rules.Pass) error {
		return fmt.Errorf("registry: mobile lookup: %w", errors.ErrUnsupported)
	})
	rep := validate.New(validate.WithRules(r)).Validate(context.Background(), load(t, "clean_enterprise.json"))
	assert.Empty(t, rep.Rejections, "an unsupported question is not a failure")
	require.Len(t, rep.Skipped, 3)
	assert.Contains(t, rep.Skipped[0].Reason.EN, "registry: mobile lookup")
}

func TestOutsideContextIsBounded(t *testing.T) {
	var deadline time.Time
	r := rule("outside", 0, func(p *rules.Pass) error {
		ctx, cancel := p.OutsideContext()
		defer cancel()
		deadline, _ = ctx.Deadline()
		return nil
	})
	start := time.Now()
	validate.New(validate.WithRules(r), validate.WithTimeout(250*time.Millisecond)).Validate(context.Background(), load(t, "clean_enterprise.json"))
	assert.WithinDuration(t, start.Add(250*time.Millisecond), deadline, 200*time.Millisecond)
}

func TestWithoutRules(t *testing.T) {
	v := validate.New(validate.WithoutRules("province"))
	for _, r := range v.Rules() {
		assert.NotEqual(t, "province", r.Name)
	}
	rep := v.Validate(context.Background(), load(t, "unknown_province.json"))
	assert.True(t, rep.OK())
}

func TestClockGivesTheDay(t *testing.T) {
	var seen beian.Date
	probe := rule("probe", 0, func(p *rules.Pass) error { seen = p.Today; return nil })
	clock := func() time.Time { return time.Date(2026, 3, 1, 17, 0, 0, 0, time.UTC) } // 01:00 on 2 March in Beijing
	f := load(t, "clean_enterprise.json")
	f.SubmittedAt = beian.Date{}
	validate.New(validate.WithRules(probe), validate.WithClock(clock)).Validate(context.Background(), f)
	assert.Equal(t, beian.NewDate(2026, 3, 2), seen)

	f.SubmittedAt = beian.NewDate(2026, 1, 5)
	validate.New(validate.WithRules(probe), validate.WithClock(clock)).Validate(context.Background(), f)
	assert.Equal(t, beian.NewDate(2026, 1, 5), seen, "the filing's own day wins")
}

func TestReportOrderAndDuplicates(t *testing.T) {
	r := rule("many", 0, func(p *rules.Pass) error {
		p.Report("websites[10].name", rules.CodeSiteNameSensitive, rules.Str("word", "a"))
		p.Report("websites[2].name", rules.CodeSiteNameSensitive, rules.Str("word", "b"))
		p.ReportAt("websites[2].name", rules.CodeSiteNameSensitive, rules.Warning, rules.Str("word", "b"))
		p.Report("websites[2].name", rules.CodeSiteNameSensitive, rules.Str("word", "b")) // duplicate
		p.Report("websites[2].name", rules.CodeSiteNameSensitive, rules.Str("word", "c")) // another word
		p.Report("websites[2].name", rules.CodeSiteNameNeedsRemark, rules.Str("name", "x"))
		p.Report("subject.name", rules.CodeSiteNameNeedsRemark, rules.Str("name", "x"))
		return nil
	})
	rep := validate.New(validate.WithRules(r)).Validate(context.Background(), load(t, "clean_enterprise.json"))
	assert.Equal(t, []string{
		"subject.name SITE_NAME_NEEDS_REMARK",
		"websites[2].name SITE_NAME_NEEDS_REMARK",
		"websites[2].name SITE_NAME_SENSITIVE",
		"websites[2].name SITE_NAME_SENSITIVE",
		"websites[10].name SITE_NAME_SENSITIVE",
	}, codes(rep))
	assert.Equal(t, rules.Error, rep.Rejections[2].Severity, "the gravest duplicate is kept")
	assert.Len(t, rep.ForField("websites[2].name"), 3)
	assert.True(t, rep.Has(rules.CodeSiteNameSensitive))
	assert.False(t, rep.Has(rules.CodeCrossProvince))
	var errs validate.Errors
	require.ErrorAs(t, rep.Err(), &errs)
	assert.Len(t, errs, 3)
	assert.Contains(t, rep.Err().Error(), "(and 2 more)")
}

func TestReportJSON(t *testing.T) {
	v := validate.New(validate.WithRules(
		rule("one", 0, func(p *rules.Pass) error {
			p.Add(rules.Rejection{Code: rules.CodeSiteNameSensitive, Severity: rules.Error, Field: "websites[0].name",
				Args: []rules.Arg{rules.Str("word", "赌博")}, Related: []beian.Path{"websites[0].remark"}})
			return nil
		}),
		rule("two", rules.NeedsRegistry, nil),
	))
	rep := v.Validate(context.Background(), load(t, "clean_enterprise.json"))
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"ok": false, "complete": true,
		"rejections": [{"code": "SITE_NAME_SENSITIVE", "severity": "error", "field": "websites[0].name",
			"message": "网站名称含有敏感词「赌博」", "remedy": "删除或替换「赌博」", "related": ["websites[0].remark"],
			"source": {"key": "ucloud-site-naming", "url": "https://github.com/UCloudDoc-Team/beian1/blob/HEAD/problem/problem2.md", "edition": "2026-02-27", "certain": true},
			"doc": "docs/codes/SITE_NAME_SENSITIVE.md"}],
		"skipped": ["PHONE_USED_BY_OTHER_SUBJECT", "SITE_NAME_NEEDS_REMARK", "SITE_NAME_SENSITIVE"],
		"skipped_reasons": {"PHONE_USED_BY_OTHER_SUBJECT": "未配置Registry（备案记录查询）", "SITE_NAME_NEEDS_REMARK": "未配置Registry（备案记录查询）", "SITE_NAME_SENSITIVE": "未配置Registry（备案记录查询）"}
	}`, string(b))

	b, err = json.Marshal(rep.In(language.English))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"message":"The website name contains the sensitive word 赌博"`)

	b, err = json.Marshal(validate.New().Validate(context.Background(), load(t, "clean_enterprise.json")))
	require.NoError(t, err)
	assert.JSONEq(t, `{"ok": true, "complete": true, "rejections": [],
		"skipped": ["DOMAIN_FILED_BY_OTHER_SUBJECT", "FILING_TYPE_WRONG", "MIIT_RECORD_EXISTS", "ORDER_IN_PROGRESS", "PHONE_USED_BY_OTHER_SUBJECT", "SITE_FOOTER_MISSING", "SITE_ONLINE_BEFORE_APPROVAL", "SITE_TITLE_MISMATCH"],
		"skipped_reasons": {"DOMAIN_FILED_BY_OTHER_SUBJECT": "未配置Registry（备案记录查询）", "FILING_TYPE_WRONG": "未配置Registry（备案记录查询）", "MIIT_RECORD_EXISTS": "未配置Registry（备案记录查询）", "ORDER_IN_PROGRESS": "未配置Registry（备案记录查询）",
			"PHONE_USED_BY_OTHER_SUBJECT": "未配置Registry（备案记录查询）",
			"SITE_FOOTER_MISSING": "未配置Prober（网站访问检测）", "SITE_ONLINE_BEFORE_APPROVAL": "未配置Prober（网站访问检测）", "SITE_TITLE_MISMATCH": "未配置Prober（网站访问检测）"}}`, string(b))
}

// TestReportComplete: a check that could not run makes the report
// incomplete, whether or not it is OK; checks skipped for want of an
// option do not.
func TestReportComplete(t *testing.T) {
	failing := rule("failing", 0, func(*rules.Pass) error { return errors.New("registry down") })
	f := load(t, "clean_enterprise.json")

	rep := validate.New(validate.WithRules(rule("fine", rules.NeedsRegistry, nil))).Validate(context.Background(), f)
	assert.True(t, rep.OK())
	assert.True(t, rep.Complete(), "a skipped check leaves the report complete")

	rep = validate.New(validate.WithRules(failing)).Validate(context.Background(), f)
	assert.True(t, rep.OK(), "CHECK_UNAVAILABLE is a warning")
	assert.False(t, rep.Complete())
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	var wire struct {
		OK       bool `json:"ok"`
		Complete bool `json:"complete"`
	}
	require.NoError(t, json.Unmarshal(b, &wire))
	assert.True(t, wire.OK)
	assert.False(t, wire.Complete)
}

// TestConcurrentUse validates from many goroutines at once; run with
// -race.
func TestConcurrentUse(t *testing.T) {
	v := validate.New()
	files := []string{"clean_enterprise.json", "missing_fields.json", "unknown_province.json", "invisible_text.json"}
	want := map[string][]string{}
	filings := map[string]*beian.Filing{}
	for _, name := range files {
		filings[name] = load(t, name)
		want[name] = codes(v.Validate(context.Background(), filings[name]))
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				name := files[(i+j)%len(files)]
				assert.Equal(t, want[name], codes(v.Validate(context.Background(), filings[name])))
			}
		}()
	}
	wg.Wait()
}

func FuzzValidate(f *testing.F) {
	for _, name := range []string{"clean_enterprise.json", "missing_fields.json", "invisible_text.json", "unknown_province.json"} {
		data, err := os.ReadFile("../examples/icpcheck/testdata/" + name)
		require.NoError(f, err)
		f.Add(data)
	}
	// Hostile seeds: long names of the shapes that were once quadratic.
	for _, name := range []string{strings.Repeat("\uFDFA", 2000), "示例" + strings.Repeat("\u0301", 5000), strings.Repeat("赌博", 2000)} {
		f.Add([]byte(`{"subject": {"name": "` + name + `"}, "websites": [{"name": "` + name + `", "content_categories": ["news", "news"], "pre_approvals": [{}, {}]}]}`))
	}
	v := validate.New()
	// The first validation builds the lazy tables: not the filing's cost.
	v.Validate(context.Background(), &beian.Filing{Websites: []beian.Website{{Name: "示例网站"}}})
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := beian.ParseFiling(data)
		if err != nil {
			return
		}
		before := fl.Clone()
		// Validation is linear in the filing: the bytes it allocates are
		// held to a generous amount per input byte (counted, not timed: a
		// timed assertion fails on a loaded machine); a quadratic path
		// exceeds it. Time per byte is the benchmarks' to show.
		// The counter is the process's: the least of three validations
		// is the validation's own.
		budget := uint64(64<<10 + 256*len(data))
		var a *validate.Report
		n := ^uint64(0)
		for range 3 {
			var before2, after runtime.MemStats
			runtime.ReadMemStats(&before2)
			a = v.Validate(context.Background(), fl)
			runtime.ReadMemStats(&after)
			n = min(n, after.TotalAlloc-before2.TotalAlloc)
		}
		if n > budget {
			t.Fatalf("validating %d bytes allocated %d bytes, over the budget of %d", len(data), n, budget)
		}
		b := v.Validate(context.Background(), fl)
		if !assert.ObjectsAreEqual(before, fl) {
			t.Fatal("Validate modified the filing")
		}
		if !assert.ObjectsAreEqual(a, b) {
			t.Fatal("Validate is not deterministic")
		}
		for _, r := range a.Rejections {
			if r.Code == rules.CodeCheckUnavailable {
				t.Fatalf("a rule failed on %s: %s", data, r.Message(language.English))
			}
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkValidateTypical(b *testing.B) {
	f := load(b, "clean_enterprise.json")
	v := validate.New()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		v.Validate(ctx, f)
	}
}

// TestProvinceConsistencyExamples runs the shipped filings of the
// certificate and province checks through the whole validator.
func TestProvinceConsistencyExamples(t *testing.T) {
	tests := []struct {
		file string
		ok   bool
		want []string
	}{
		// The Guangdong mobiles filed in Zhejiang and Shanghai are also
		// PHONE_NOT_LOCAL warnings: no current source says those provinces
		// want local numbers (Shanghai: only an old one).
		{"warning_personal_guangdong_id_in_zhejiang.json", true, []string{"subject.cert_number CROSS_PROVINCE_PERSONAL", "subject.principal.mobile PHONE_NOT_LOCAL"}},
		{"clean_personal_beijing_residence_permit.json", true, nil},
		{"cross_province_personal_shanghai.json", false, []string{"subject.cert_number CROSS_PROVINCE_PERSONAL", "subject.principal.mobile PHONE_NOT_LOCAL"}},
		{"cross_province_enterprise.json", false, []string{"documents DOCUMENT_MISSING", "subject.cert_number CROSS_PROVINCE", "subject.principal.mobile PHONE_NOT_LOCAL", "subject.principal.phone PHONE_NOT_LOCAL", "websites[0].principal_same_as_subject PRINCIPAL_LINKED_NOTICE"}},
		{"nature_mismatch_institution.json", false, []string{"documents DOCUMENT_MISSING", "subject.nature CERT_NATURE_MISMATCH", "websites[0].principal_same_as_subject PRINCIPAL_LINKED_NOTICE"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			rep := validate.New().Validate(context.Background(), load(t, tt.file))
			assert.Equal(t, tt.ok, rep.OK())
			assert.Equal(t, tt.want, codes(rep))
		})
	}
}

func TestSensitiveWordOptions(t *testing.T) {
	f := load(t, "clean_enterprise.json")
	f.Websites[0].Name = "示例私服发布站"
	has := func(rep *validate.Report) bool { return rep.Has(rules.CodeSiteNameSensitive) }

	assert.False(t, has(validate.New().Validate(context.Background(), f)))
	assert.True(t, has(validate.New(validate.WithSensitiveWords("私服")).Validate(context.Background(), f)))

	shared := names.DefaultDictionary().With("私服")
	v1 := validate.New(validate.WithDictionary(shared))
	v2 := validate.New(validate.WithDictionary(shared), validate.WithSensitiveWords("外挂"))
	assert.True(t, has(v1.Validate(context.Background(), f)))
	f.Websites[0].Name = "示例外挂发布站"
	assert.False(t, has(v1.Validate(context.Background(), f)))
	assert.True(t, has(v2.Validate(context.Background(), f)), "words add to the dictionary given")
	f.Websites[0].Name = "示例赌博网"
	assert.True(t, has(v1.Validate(context.Background(), f)), "a dictionary built from the default keeps its words")
}

func BenchmarkNewWith10000Words(b *testing.B) {
	words := make([]string, 0, 10000)
	for i := 0; len(words) < 10000; i++ {
		words = append(words, fmt.Sprintf("敏感词%d号", i))
	}
	b.ReportAllocs()
	for b.Loop() {
		validate.New(validate.WithSensitiveWords(words...))
	}
}

// TestShippedExamplesShowNamingCodes checks that icpcheck's example
// filings show every code of the sitename and content rules.
func TestShippedExamplesShowNamingCodes(t *testing.T) {
	files, err := filepath.Glob("../examples/icpcheck/testdata/*.json")
	require.NoError(t, err)
	seen := map[rules.Code]bool{}
	v := validate.New()
	for _, file := range files {
		for _, r := range v.Validate(context.Background(), load(t, filepath.Base(file))).Rejections {
			seen[r.Code] = true
		}
	}
	for _, r := range []*rules.Rule{rules.SiteName, rules.Content} {
		for _, c := range r.Codes {
			assert.True(t, seen[c], "no example filing shows %s", c)
		}
	}
}
