package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
)

// The report is what icpcheck --json prints: validate.Report's
// MarshalJSON, in the language asked for (anything but "en" is Chinese).
func TestCheckIsTheReportJSON(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "icpcheck", "testdata", "domain_problems.json"))
	require.NoError(t, err)
	f, err := beian.ParseFiling(data)
	require.NoError(t, err)
	c := newChecker()
	for lang, tag := range map[string]language.Tag{"zh": language.SimplifiedChinese, "en": language.English, "fr": language.SimplifiedChinese, "": language.SimplifiedChinese} {
		want, err := json.Marshal(validate.New(validate.WithLanguage(tag)).Validate(context.Background(), f))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(c.check(data, lang)), lang)
	}
}

func TestCheckDecodeErrors(t *testing.T) {
	c := newChecker()
	for _, tc := range []struct {
		in    string
		paths []string
	}{
		{`{`, []string{""}},
		{``, []string{""}},
		{`{"subject": 3}`, []string{"subject"}},
		{`{"subject": {"principal": {"mobile": 1}}, "websites": [{"domains": "a.cn"}]}`, []string{"subject.principal.mobile", "websites[0].domains"}},
	} {
		var got struct {
			Error    string `json:"error"`
			Problems []struct {
				Path    string `json:"path"`
				Message string `json:"message"`
			} `json:"problems"`
			OK *bool `json:"ok"`
		}
		out := c.check([]byte(tc.in), "en")
		require.NoError(t, json.Unmarshal(out, &got), "%s", out)
		assert.NotEmpty(t, got.Error, tc.in)
		assert.Nil(t, got.OK, "a decoding failure is no report")
		var paths []string
		for _, p := range got.Problems {
			paths = append(paths, p.Path)
			assert.NotEmpty(t, p.Message)
		}
		assert.Equal(t, tc.paths, paths, tc.in)
	}
	var got struct{ Error string }
	require.NoError(t, json.Unmarshal(argumentErrorJSON("bad \"argument\""), &got))
	assert.Equal(t, "bad \"argument\"", got.Error)
	require.NoError(t, json.Unmarshal(internalErrorJSON("boom"), &got))
	assert.Equal(t, "internal error: boom", got.Error)
}

// FuzzCheck: whatever the input, the answer is JSON, a report or a
// decoding failure, never a panic.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(`{"subject": {"name": "示例"}}`), "zh")
	f.Add([]byte(`{"websites": [{"name": "博彩", "domains": ["http://www.a.cn/"]}]}`), "en")
	f.Add([]byte(`[`), "en")
	c := newChecker()
	f.Fuzz(func(t *testing.T, data []byte, lang string) {
		out := c.check(data, lang)
		var v map[string]any
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("not JSON: %v: %s", err, out)
		}
		_, isReport := v["ok"]
		_, isFailure := v["problems"]
		if isReport == isFailure {
			t.Fatalf("neither a report nor a decoding failure: %s", out)
		}
	})
}

// A checker is safe for concurrent use: the validators are built once.
func TestCheckerConcurrent(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "icpcheck", "testdata", "site_names.json"))
	require.NoError(t, err)
	c := newChecker()
	want := map[string]string{"zh": string(newChecker().check(data, "zh")), "en": string(newChecker().check(data, "en"))}
	done := make(chan struct{})
	for i := 0; i < 8; i++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, lang := range []string{"zh", "en"} {
				assert.Equal(t, want[lang], string(c.check(data, lang)))
			}
		}()
	}
	for i := 0; i < 8; i++ {
		<-done
	}
	assert.Same(t, c.validator("zh", ""), c.validator("zh", ""))
	assert.Same(t, c.validator("en", "huawei"), c.validator("en", "huawei"))
	assert.NotSame(t, c.validator("zh", ""), c.validator("en", ""))
	assert.NotSame(t, c.validator("zh", ""), c.validator("zh", "huawei"))
	c.validator("zh", "no-such-console")
	assert.Len(t, c.validators, 4, "an unknown profile is not kept")
}

// TestCheckProfile: the profile argument applies a provider's sourced
// difference (icpcheck's testdata/profiles: an App domain of the fourth
// level, refused by default, a warning for Tencent's console, filed at
// Huawei's), and an unknown name is a CHECK_UNAVAILABLE warning in the
// report, as the library says, the rest checked as by default.
func TestCheckProfile(t *testing.T) {
	data, want := profileCase(t)
	c := newChecker()
	reported := func(out []byte, field string) string {
		var rep struct {
			Rejections []struct{ Code, Severity, Field string } `json:"rejections"`
		}
		require.NoError(t, json.Unmarshal(out, &rep), string(out))
		for _, r := range rep.Rejections {
			if r.Field == field {
				return r.Code + " " + r.Severity
			}
		}
		return ""
	}
	require.NotEmpty(t, want.Answers)
	for profile, answer := range want.Answers {
		assert.Equal(t, answer, reported(c.checkProfile(data, "en", profile), want.Field), profile)
	}
	assert.Equal(t, want.Answers[""], reported(c.checkProfile(data, "en", "no-such-console"), want.Field))
	assert.Equal(t, string(c.check(data, "zh")), string(c.checkProfile(data, "zh", "")))
	assert.Equal(t, "CHECK_UNAVAILABLE warning", reported(c.checkProfile(data, "zh", "no-such-console"), ""))
}

// profileAnswers is icpcheck's testdata/profiles/app_domain_fourth_level.answers.json:
// the field the case is about and, per profile ("" the default), the code
// and severity reported there ("" for none).
type profileAnswers struct {
	Field   string            `json:"field"`
	Answers map[string]string `json:"answers"`
}

// profileCase reads icpcheck's filing whose answer differs by provider
// profile, and its answers.
func profileCase(t *testing.T) ([]byte, profileAnswers) {
	t.Helper()
	dir := filepath.Join("..", "..", "icpcheck", "testdata", "profiles")
	data, err := os.ReadFile(filepath.Join(dir, "app_domain_fourth_level.json"))
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(dir, "app_domain_fourth_level.answers.json"))
	require.NoError(t, err)
	var want profileAnswers
	require.NoError(t, json.Unmarshal(b, &want))
	return data, want
}
