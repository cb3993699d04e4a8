package sources

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTableCurrent keeps table.go and the table of SOURCES.md equal to
// what data/sources.csv generates.
func TestTableCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen.go") }

func TestLookup(t *testing.T) {
	s, ok := Lookup("ucloud-beijing")
	require.True(t, ok)
	assert.Equal(t, "ucloud-beijing", s.Key)
	assert.Equal(t, "https://github.com/UCloudDoc-Team/beian1/blob/HEAD/rule/rule1/beijing.md", s.URL)
	assert.Equal(t, "2024-04-01", s.Edition)

	s, ok = Lookup("state-council-holidays-2026")
	require.True(t, ok)
	assert.Equal(t, "https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm", s.URL)
	assert.Equal(t, "2025-11-04", s.Edition)

	for _, k := range []string{"", "UCLOUD-BEIJING", "ucloud-beijing ", "ucloud", "zzz", "0"} {
		_, ok := Lookup(k)
		assert.False(t, ok, "%q", k)
	}
}

// TestLookupEveryKey: every key of the table is found, with its own
// source, and each key changed at its end, or cut short, is found exactly
// when the table has that key too.
func TestLookupEveryKey(t *testing.T) {
	keys := map[string]bool{}
	for _, s := range table {
		keys[s.Key] = true
	}
	for i, s := range table {
		got, ok := Lookup(s.Key)
		require.True(t, ok, s.Key)
		require.Equal(t, table[i], got)
		for _, k := range []string{s.Key[:len(s.Key)-1], s.Key + "-", s.Key + "a", "a" + s.Key, s.Key[:len(s.Key)-1] + "~"} {
			_, ok := Lookup(k)
			assert.Equal(t, keys[k], ok, "%q", k)
		}
	}
}

var editionRE = regexp.MustCompile(`^(\d{4}(-\d{2}(-\d{2})?)?|v\d[\w.]*|\d+\.\d+(\.\d+)?|Unicode \d+\.\d+\.\d+)$`)

// TestAll checks every source: ordered and unique keys of the key form, a
// title, one absolute http(s) URL, an edition that is a date or a version
// (or empty: a page that could not be read).
func TestAll(t *testing.T) {
	all := All()
	require.NotEmpty(t, all)
	for i, s := range all {
		assert.True(t, ValidKey(s.Key), "%q", s.Key)
		if i > 0 {
			assert.Less(t, all[i-1].Key, s.Key, "keys ordered and unique")
		}
		assert.NotEmpty(t, s.Title, s.Key)
		u, err := url.Parse(s.URL)
		if assert.NoError(t, err, s.Key) {
			assert.Contains(t, []string{"http", "https"}, u.Scheme, s.Key)
			assert.NotEmpty(t, u.Host, s.Key)
		}
		assert.False(t, strings.ContainsAny(s.URL, " \t\n"), s.Key)
		if s.Edition != "" {
			assert.Regexp(t, editionRE, s.Edition, s.Key)
		}
		got, ok := Lookup(s.Key)
		assert.True(t, ok, s.Key)
		assert.Equal(t, s, got)
	}
	// All returns a copy.
	all[0].Key = "changed"
	assert.NotEqual(t, "changed", All()[0].Key)
}

// TestProvincePages: every province has its UCloud page, the primary
// source of the policy table.
func TestProvincePages(t *testing.T) {
	for _, p := range []string{"beijing", "tianjin", "hebei", "shanxi", "neimenggu", "liaoning", "jilin",
		"heilongjiang", "shanghai", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi", "shandong", "henan",
		"hubei", "hunan", "guangdong", "guangxi", "hainan", "chongqing", "sichuan", "guizhou", "yunnan",
		"xizang", "shaanxi", "gansu", "qinghai", "ningxia", "xinjiang"} {
		_, ok := Lookup("ucloud-" + p)
		assert.True(t, ok, p)
	}
}

func TestValidKey(t *testing.T) {
	for _, k := range []string{"a", "gb-32100-2015", "99my-beian", "tencent-reject-reasons"} {
		assert.True(t, ValidKey(k), "%q", k)
	}
	for _, k := range []string{"", "-a", "a-", "a--b", "A", "a b", "a_b", "a.b", "ä", "UC 2024", strings.Repeat("a", 65)} {
		assert.False(t, ValidKey(k), "%q", k)
	}
}

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		keys []string
		note string
	}{
		{"ucloud-beijing; tencent-subject-info: the note [MED]", []string{"ucloud-beijing", "tencent-subject-info"}, "the note [MED]"},
		{"ucloud-hubei", []string{"ucloud-hubei"}, ""},
		{" ucloud-hubei ;huawei-province-rules :  note: with a colon ", []string{"ucloud-hubei", "huawei-province-rules"}, "note: with a colon"},
		{"ucloud-hubei:", []string{"ucloud-hubei"}, ""},
		{"UC 2024: accepted with 暂住证", nil, "UC 2024: accepted with 暂住证"},
		{"桂管局 2026", nil, "桂管局 2026"},
		{"caller override", nil, "caller override"},
		{"as the default profile", nil, "as the default profile"},
		{"ucloud-hubei; : note", nil, "ucloud-hubei; : note"},
		{"ucloud-hubei;; x: note", nil, "ucloud-hubei;; x: note"},
		{"", nil, ""},
		{": note", nil, ": note"},
	} {
		keys, note := Parse(c.in)
		assert.Equal(t, c.keys, keys, "%q", c.in)
		assert.Equal(t, c.note, note, "%q", c.in)
		assert.Equal(t, c.keys, Keys(c.in), "%q", c.in)
	}
}

// FuzzParse: Parse never panics; its keys are valid keys that the
// citation starts with, in order, and a citation rebuilt from keys and
// note parses back to them.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"ucloud-beijing; tencent-subject-info: note", "UC 2024: x", "", ":", ";", "a;b;c", "a:b:c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		keys, note := Parse(s)
		if keys == nil {
			if note != strings.TrimSpace(s) {
				t.Fatalf("Parse(%q): no keys but note %q", s, note)
			}
			return
		}
		for _, k := range keys {
			if !ValidKey(k) {
				t.Fatalf("Parse(%q): invalid key %q", s, k)
			}
		}
		head, _, _ := strings.Cut(s, ":")
		if strings.Count(head, ";")+1 != len(keys) {
			t.Fatalf("Parse(%q): %d keys from %q", s, len(keys), head)
		}
		rebuilt := strings.Join(keys, "; ")
		if note != "" {
			rebuilt += ": " + note
		}
		k2, n2 := Parse(rebuilt)
		if !slices.Equal(keys, k2) || n2 != note {
			t.Fatalf("Parse(%q) = %q, %q; rebuilt %q parses to %q, %q", s, keys, note, rebuilt, k2, n2)
		}
	})
}
