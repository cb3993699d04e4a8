package main

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
)

// TestEncodeJSONAsMarshal: the service's answers are the bytes
// json.Marshal gives, for one report, several, a nil one, and other
// values.
func TestEncodeJSONAsMarshal(t *testing.T) {
	var reps []*validate.Report
	for _, name := range []string{"clean_enterprise.json", "rejected_enterprise.json"} {
		data, err := os.ReadFile("../icpcheck/testdata/" + name)
		require.NoError(t, err)
		f, err := beian.ParseFiling(data)
		require.NoError(t, err)
		rep := validate.New().Validate(context.Background(), f)
		reps = append(reps, rep, rep.In(language.English))
	}
	for _, v := range []any{reps[0], reps[3], reps, append(reps, nil), []*validate.Report{}, []*validate.Report(nil), (*validate.Report)(nil), map[string]string{"status": "ok"}} {
		want, err := json.Marshal(v)
		require.NoError(t, err)
		got, err := encodeJSON(v)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
	}
}
