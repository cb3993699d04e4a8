package main

import (
	"context"
	"encoding/json"
	"os"
	"runtime"
	"strconv"
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

// TestLargeAnswerGrowsOnce: the answer to a filing of 400 websites is the
// bytes json.Marshal gives, encoded into the pooled buffer grown once to
// about its size: the allocation is at most the room growForReport makes
// and a little more, not the five times the answer's size that appending
// to the pooled buffer took (made to fail by not growing: 3.5 MB then).
func TestLargeAnswerGrowsOnce(t *testing.T) {
	data, err := os.ReadFile("../icpcheck/testdata/rejected_enterprise.json")
	require.NoError(t, err)
	f, err := beian.ParseFiling(data)
	require.NoError(t, err)
	w, d := f.Websites[0], f.Domains[0]
	f.Websites, f.Domains = nil, nil
	for i := range 400 {
		w.Domains = []string{"shili" + strconv.Itoa(i) + ".cn"}
		d.Domain = w.Domains[0]
		f.Websites, f.Domains = append(f.Websites, w), append(f.Domains, d)
	}
	rep := validate.New().Validate(context.Background(), f)
	want, err := json.Marshal(rep)
	require.NoError(t, err)
	room := 64 + 640*len(rep.Rejections) + 160*len(rep.Skipped)
	require.Greater(t, room, maxPooledAnswer/2, "a report large enough to grow for")
	dst := make([]byte, 0, 8<<10)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	got, err := appendJSON(dst, rep)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	if raceEnabled {
		return // the race detector's runtime allocates beside the code measured
	}
	assert.LessOrEqual(t, after.TotalAlloc-before.TotalAlloc, uint64(room+room/8), "bytes allocated for %d bytes of JSON", len(got))
}
