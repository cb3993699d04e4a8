package rules

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/sources"
)

// citations returns every citation a rejection's source can come from:
// each province's policy facts (and the fallback's), each row of the
// documents table, and made-up citations of every form Parse reads or
// refuses, built from every defined key.
func citations(t testing.TB) []string {
	var out []string
	ps := provinces.DefaultPolicies()
	pols := []provinces.Policy{ps.Fallback()}
	for _, p := range provinces.All() {
		pol, _ := ps.For(p.Code)
		pols = append(pols, pol)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == "source" {
					out = append(out, s)
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, pol := range pols {
		b, err := json.Marshal(pol)
		require.NoError(t, err)
		var v any
		require.NoError(t, json.Unmarshal(b, &v))
		walk(v)
	}
	for _, q := range DocumentRequirements() {
		out = append(out, q.Source)
	}
	for _, s := range sources.All() {
		k := s.Key
		out = append(out, k, k+": note", " "+k+" ; unknown-key : note", "unknown-key;"+k, k+";"+k,
			k+";", ";"+k, k+"; not a key", "桂管局 2026; "+k, k+":", k+" : a: b", k+";;unknown", k+" "+k)
	}
	return append(out, "", ":", ";", " ", "unknown-key", "unknown-key: note", "桂管局 2026", "a--b", "-a", "a-")
}

// TestCitationSourceAsKeys holds citationSource, which reads a citation
// in place, to the general path: the first defined key of sources.Keys.
func TestCitationSourceAsKeys(t *testing.T) {
	cs := citations(t)
	require.Greater(t, len(cs), 500)
	found := 0
	for _, c := range cs {
		for _, certain := range []bool{true, false} {
			want := sourceOf(sources.Keys(c), certain)
			if !assert.Equal(t, want, citationSource(c, certain), "%q", c) {
				return
			}
			if !want.IsZero() {
				found++
			}
		}
	}
	assert.Greater(t, found, 500, "the citations name defined sources")
}

func FuzzCitationSource(f *testing.F) {
	for _, c := range citations(f) {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, c string) {
		if want, got := sourceOf(sources.Keys(c), true), citationSource(c, true); want != got {
			t.Fatalf("%q: citationSource %+v, sources.Keys %+v", c, got, want)
		}
	})
}

// TestFactSourceAllocates: the source of a fact is found without an
// allocation.
func TestFactSourceAllocates(t *testing.T) {
	pol, _ := provinces.DefaultPolicies().For("31")
	var s Source
	n := testing.AllocsPerRun(100, func() { s = factSource(pol.MobileMustBeLocal) })
	assert.False(t, s.IsZero())
	assert.Zero(t, n)
}

// TestCodeDefaults: a code's defaults, looked up once per rejection, are
// its declared severity and the source of codeSourceKeys, certain at that
// severity and above, as they were resolved one at a time; the codes of
// codeSourceKeys are declared.
func TestCodeDefaults(t *testing.T) {
	seen := map[Code]bool{}
	for _, ck := range codeSourceKeys {
		_, ok := Describe(ck.code)
		assert.True(t, ok, "codeSourceKeys: %s is not declared", ck.code)
		assert.False(t, seen[ck.code], "codeSourceKeys: %s twice", ck.code)
		assert.NotEmpty(t, ck.keys, "codeSourceKeys: %s", ck.code)
		seen[ck.code] = true
	}
	withSource := 0
	for i := range descriptions {
		d := &descriptions[i]
		got := defaultsOf(d.Code)
		assert.Equal(t, d.Severity, got.severity, "%s", d.Code)
		assert.Equal(t, d.Severity, defaultSeverity(d.Code), "%s", d.Code)
		for _, sev := range []Severity{Notice, Warning, Error} {
			want := sourceOf(sourceKeysOf(d.Code), sev >= d.Severity)
			assert.Equal(t, want, defaultSource(d.Code, sev), "%s at %v", d.Code, sev)
		}
		if !got.source.IsZero() {
			withSource++
		}
	}
	assert.GreaterOrEqual(t, withSource, len(codeSourceKeys)-2)
	assert.Equal(t, codeDefault{severity: Error}, defaultsOf("NO_SUCH_CODE"))
}
