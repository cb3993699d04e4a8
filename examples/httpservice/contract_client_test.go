package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
	beianclient "github.com/icpcheck/beian/validate/client"
)

// TestGoClientAgainstService: the library's Go client (validate/client)
// against the real handler: every example filing's report decodes and
// says what the service wrote, request ids go both ways, and the error
// answers become *client.Error with the service's body.
func TestGoClientAgainstService(t *testing.T) {
	url, _ := serve(t, testConfig(t), fakeRegistry{})
	c, err := beianclient.New(url)
	require.NoError(t, err)
	ctx := beianclient.WithRequestID(context.Background(), "client-test-1")

	files, err := filepath.Glob("../icpcheck/testdata/*.json")
	require.NoError(t, err)
	n := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := beian.ParseFiling(data)
		if err != nil {
			continue
		}
		for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
			rep, err := c.Validate(ctx, f, lang)
			require.NoError(t, err, name)
			raw, err := c.ValidateJSON(ctx, data, lang)
			require.NoError(t, err, name)
			again, err := rep.MarshalJSON()
			require.NoError(t, err)
			assert.JSONEq(t, string(raw), string(again), "%s: the decoded report encodes as the service wrote it", name)
			n++
		}
	}
	assert.Greater(t, n, 60)

	_, err = c.ValidateJSON(ctx, []byte(`{"subject": {"cert_type": "licence"}}`), language.English)
	var e *beianclient.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 400, e.Status)
	assert.Equal(t, "client-test-1", e.RequestID)
	require.NotEmpty(t, e.Problems)
	assert.Equal(t, beian.Path("subject.cert_type"), e.Problems[0].Field)
	assert.True(t, errors.Is(err, beianclient.ErrBadRequest))

	require.NoError(t, c.Health(ctx))
	r, err := c.Ready(ctx)
	require.NoError(t, err)
	assert.Equal(t, "ready", r.Status)
	m, err := c.Metrics(ctx)
	require.NoError(t, err)
	assert.Contains(t, string(m), "# TYPE")
}

// TestGoClientProfile: the client's WithProfile reaches the service
// (icpcheck's testdata/profiles: a fourth-level App domain, its answer per
// profile), and an unknown profile is the service's 400, ErrBadRequest.
func TestGoClientProfile(t *testing.T) {
	url, _ := serve(t, testConfig(t), fakeRegistry{})
	data, want := profileCase(t)
	f, err := beian.ParseFiling(data)
	require.NoError(t, err)
	reported := func(rep *validate.Report) string {
		for _, r := range rep.Rejections {
			if r.Field == want.Field {
				return string(r.Code) + " " + r.Severity.String()
			}
		}
		return ""
	}
	require.NotEmpty(t, want.Answers)
	for profile, answer := range want.Answers {
		c, err := beianclient.New(url, beianclient.WithProfile(profile))
		require.NoError(t, err)
		rep, err := c.Validate(context.Background(), f, language.English)
		require.NoError(t, err, profile)
		assert.Equal(t, answer, reported(rep), profile)
	}
	c, err := beianclient.New(url, beianclient.WithProfile("huaweicloud"))
	require.NoError(t, err)
	_, err = c.Validate(context.Background(), f, language.English)
	assert.True(t, errors.Is(err, beianclient.ErrBadRequest), "%v", err)
}
