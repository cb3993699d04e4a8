package beian_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/metrics"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
)

// sample is a filing with every field set, in the wire format.
const sample = `{
  "filing_type": "add_site",
  "province": "44",
  "submitted_at": "2026-11-22",
  "rejected_at": "2026-11-01",
  "subject": {
    "nature": "enterprise",
    "name": "深圳市示例科技有限公司",
    "cert_type": "uscc",
    "cert_number": "91440300MA5F12342Q",
    "cert_address": "广东省深圳市南山区科技园路1号",
    "cert_valid_until": "2030-01-01",
    "residence_permit_province": "",
    "legal_representative": "张三",
    "principal": {"name": "张三", "cert_type": "id_card", "cert_number": "44030519900101123X", "mobile": "13660123456", "phone": "0755-26888888", "email": "a@b.cn", "emergency_phone": "13800138000", "is_legal_representative": true}
  },
  "websites": [{
    "name": "示例科技官网",
    "domains": ["shilikeji.cn"],
    "content_categories": ["news"],
    "pre_approvals": [{"category": "news", "number": "10120170001", "document": true}],
    "principal_same_as_subject": false,
    "principal": {"name": "李四", "cert_type": "id_card", "cert_number": "440106198503152017", "mobile": "13660123457", "phone": "", "email": "c@d.cn", "emergency_phone": "13800138001", "is_legal_representative": false},
    "remark": "示例"
  }],
  "apps": [{
    "type": "app",
    "name": "示例记账",
    "platforms": [{"platform": "android", "package": "cn.shilikeji.ledger", "public_key": "30820122300d06092a864886f70d01010105000382010f00", "signature": "88:74:26:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23", "domains": ["api.shilikeji.cn"]}],
    "content_categories": ["news"],
    "pre_approvals": [{"category": "news", "number": "10120170001", "document": true}],
    "principal_same_as_subject": false,
    "principal": {"name": "王五", "cert_type": "id_card", "cert_number": "440106198503152017", "mobile": "13660123458", "phone": "", "email": "e@f.cn", "emergency_phone": "13800138002", "is_legal_representative": false},
    "remark": "记账工具"
  }],
  "domains": [{"domain": "shilikeji.cn", "holder_name": "深圳市示例科技有限公司", "holder_cert_type": "uscc", "holder_cert_number": "91440300MA5F12342Q", "registrar": "阿里云", "verified_at": "2026-10-08", "expires_at": "2028-10-08"}],
  "documents": [{"kind": "subject_cert", "owner": "subject", "format": "jpeg", "width": 1600, "height": 1200, "size_bytes": 350000, "path": "a.jpg"}],
  "icp_number": "粤ICP备12345678号"
}`

func TestParseFilingSample(t *testing.T) {
	f, err := beian.ParseFiling([]byte(sample))
	require.NoError(t, err)
	assert.Equal(t, beian.FilingAddSite, f.FilingType)
	assert.Equal(t, beian.NewDate(2026, 11, 22), f.SubmittedAt)
	assert.Equal(t, beian.NatureEnterprise, f.Subject.Nature)
	assert.Equal(t, beian.CertUSCC, f.Subject.CertType)
	assert.True(t, f.Subject.Principal.IsLegalRepresentative)
	require.Len(t, f.Websites, 1)
	w := f.Websites[0]
	assert.Equal(t, []beian.ContentCategory{beian.ContentNews}, w.ContentCategories)
	assert.Equal(t, "10120170001", w.PreApprovals[0].Number)
	require.NotNil(t, w.Principal)
	assert.Equal(t, "李四", w.Principal.Name)
	assert.Equal(t, beian.NewDate(2028, 10, 8), f.Domains[0].ExpiresAt)
	assert.Equal(t, 1600, f.Documents[0].Width)
	assert.Equal(t, int64(350000), f.Documents[0].SizeBytes)
	assert.Equal(t, "粤ICP备12345678号", f.ICPNumber)
}

// TestParseFilingRoundTrip checks that what encoding/json writes of a
// decoded filing decodes to the same filing.
func TestParseFilingApps(t *testing.T) {
	f, err := beian.ParseFiling([]byte(sample))
	require.NoError(t, err)
	require.Len(t, f.Apps, 1)
	a := f.Apps[0]
	assert.Equal(t, beian.AppNative, a.Type)
	require.Len(t, a.Platforms, 1)
	assert.Equal(t, beian.PlatformAndroid, a.Platforms[0].Platform)
	assert.Equal(t, []string{"api.shilikeji.cn"}, a.Platforms[0].Domains)
	assert.Equal(t, "13800138002", a.Principal.EmergencyPhone)
	assert.Equal(t, "13800138000", f.Subject.Principal.EmergencyPhone)
	assert.Equal(t, "王五", f.AppPrincipal(0).Name)

	for _, tc := range []struct{ in, path string }{
		{`{"apps": [{"type": "widget"}]}`, "apps[0].type"},
		{`{"apps": [{"type": "app", "platforms": [{"platform": "symbian"}]}]}`, "apps[0].platforms[0].platform"},
		{`{"apps": [{"type": "app", "platforms": [{"platform": "ios", "md5": "x"}]}]}`, "apps[0].platforms[0].md5"},
		{`{"apps": [{"icon": ""}]}`, "apps[0].icon"},
		{`{"subject": {"principal": {"emergency": ""}}}`, "subject.principal.emergency"},
	} {
		_, err := beian.ParseFiling([]byte(tc.in))
		var de *beian.DecodeError
		require.ErrorAs(t, err, &de, tc.in)
		assert.Equal(t, beian.Path(tc.path), de.Path, tc.in)
	}
	// Labels are accepted as for the other enumerations.
	f, err = beian.ParseFiling([]byte(`{"apps": [{"type": "小程序", "platforms": [{"platform": "微信"}]}]}`))
	require.NoError(t, err)
	assert.Equal(t, beian.AppMiniProgram, f.Apps[0].Type)
	assert.Equal(t, beian.PlatformWeChat, f.Apps[0].Platforms[0].Platform)
	assert.True(t, beian.PlatformWeChat.For(beian.AppQuickApp))
	assert.False(t, beian.PlatformWeChat.For(beian.AppNative))
	assert.False(t, beian.PlatformAndroid.For(""))
}

func TestParseFilingRoundTrip(t *testing.T) {
	f, err := beian.ParseFiling([]byte(sample))
	require.NoError(t, err)
	b, err := json.Marshal(f)
	require.NoError(t, err)
	g, err := beian.ParseFiling(b)
	require.NoError(t, err)
	assert.Equal(t, f, g)
}

func TestParseFilingDocumentsNilOrEmpty(t *testing.T) {
	f, err := beian.ParseFiling([]byte(`{"documents": null}`))
	require.NoError(t, err)
	assert.Nil(t, f.Documents, "null means not uploaded yet")

	f, err = beian.ParseFiling([]byte(`{}`))
	require.NoError(t, err)
	assert.Nil(t, f.Documents, "absent means not uploaded yet")

	f, err = beian.ParseFiling([]byte(`{"documents": []}`))
	require.NoError(t, err)
	assert.NotNil(t, f.Documents, "an empty list means nothing was uploaded")
	assert.Empty(t, f.Documents)
}

func TestParseFilingAcceptsLabels(t *testing.T) {
	f, err := beian.ParseFiling([]byte(`{"filing_type": "首次备案", "subject": {"nature": "企业", "cert_type": "统一社会信用代码", "principal": {"cert_type": "身份证"}}, "websites": [{"content_categories": ["新闻", "NEWS"]}]}`))
	require.NoError(t, err)
	assert.Equal(t, beian.FilingNew, f.FilingType)
	assert.Equal(t, beian.NatureEnterprise, f.Subject.Nature)
	assert.Equal(t, beian.CertUSCC, f.Subject.CertType)
	assert.Equal(t, beian.CertIDCard, f.Subject.Principal.CertType)
	assert.Equal(t, []beian.ContentCategory{beian.ContentNews, beian.ContentNews}, f.Websites[0].ContentCategories)
}

// TestParseFilingLongTerm: a certificate valid without end, sent as the
// literal 长期 that ID cards and platform APIs use, decodes as the zero
// Date (no last day to check), by both decoders.
func TestParseFilingLongTerm(t *testing.T) {
	for _, v := range []string{"长期", "长期有效", ""} {
		data := []byte(`{"subject": {"nature": "personal", "cert_valid_until": "` + v + `"}}`)
		f, err := beian.ParseFiling(data)
		require.NoError(t, err, v)
		assert.True(t, f.Subject.CertValidUntil.IsZero(), v)
		f, err = beian.DecodeFiling(bytes.NewReader(data))
		require.NoError(t, err, v)
		assert.True(t, f.Subject.CertValidUntil.IsZero(), v)
	}
	_, err := beian.ParseFiling([]byte(`{"subject": {"cert_valid_until": "永久"}}`))
	var de *beian.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, beian.Path("subject.cert_valid_until"), de.Path)
}

func TestParseFilingErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		path  beian.Path // "" for the document as a whole
		want  string     // a piece of the message
	}{
		{"unknown top-level field", `{"sites": []}`, "sites", "unknown field"},
		{"unknown nested field", `{"subject": {"principal": {"wechat": "x"}}}`, "subject.principal.wechat", "unknown field"},
		{"unknown field in an array", `{"websites": [{}, {"url": "x"}]}`, "websites[1].url", "unknown field"},
		{"malformed date", `{"submitted_at": "2026-13-01"}`, "submitted_at", `invalid date "2026-13-01"`},
		{"date in another layout", `{"domains": [{"verified_at": "01/10/2026"}]}`, "domains[0].verified_at", "invalid date"},
		{"unknown nature", `{"subject": {"nature": "company"}}`, "subject.nature", `unknown subject nature "company"`},
		{"unknown category", `{"websites": [{"content_categories": ["gaming"]}]}`, "websites[0].content_categories[0]", "unknown content category"},
		{"number for a string", `{"province": 44}`, "province", "want a string, got the number 44"},
		{"string for a bool", `{"websites": [{"principal_same_as_subject": "yes"}]}`, "websites[0].principal_same_as_subject", "want true or false"},
		{"string for an array", `{"websites": [{"domains": "a.cn"}]}`, "websites[0].domains", "want an array"},
		{"negative size", `{"documents": [{"size_bytes": -1}]}`, "documents[0].size_bytes", "whole number"},
		{"fractional width", `{"documents": [{"width": 1.5}]}`, "documents[0].width", "whole number"},
		{"object for a date", `{"rejected_at": {}}`, "rejected_at", "want a string"},
		{"broken JSON", `{"province": "44",`, "", "ends in the middle"},
		{"syntax error", `{"province" "44"}`, "", "line 1, column 13"},
		{"not an object", `["filing"]`, "", "want a JSON object, got an array"},
		{"trailing data", `{} {}`, "", "line 1, column 4"},
		{"empty input", ``, "", "input is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := beian.ParseFiling([]byte(tt.input))
			require.Error(t, err)
			assert.Nil(t, f)
			var de *beian.DecodeError
			require.True(t, errors.As(err, &de), "error %v is not a *DecodeError", err)
			assert.Equal(t, tt.path, de.Path)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "beian: decoding filing: "), err.Error())
		})
	}
}

func TestParseFilingReportsEveryProblem(t *testing.T) {
	_, err := beian.ParseFiling([]byte(`{"a": 1, "subject": {"nature": "x", "b": 2}}`))
	require.Error(t, err)
	for _, want := range []string{"a: unknown field", "subject.b: unknown field", `subject.nature: unknown subject nature "x"`} {
		assert.Contains(t, err.Error(), want)
	}
}

// TestShippedFilingsDecode decodes every example filing of icpcheck: they
// are the wire format's documentation.
func TestShippedFilingsDecode(t *testing.T) {
	files, err := filepath.Glob("examples/icpcheck/testdata/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		_, err = beian.ParseFiling(data)
		assert.NoError(t, err, name)
	}
}

func FuzzParseFiling(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte(`{"websites": [{"principal": null, "domains": ["a.cn"]}], "documents": []}`))
	f.Add([]byte(`{"submitted_at": "2026-02-29"}`))
	f.Add([]byte(`[1, 2`))
	f.Add([]byte(`{"subject": {"name": "a\ud800\ud83d\ude00\u00e9"}, "province": "44", "province": 1}`))
	f.Add([]byte("{\"subject\": {\"name\": \"\xff\"}, \"x\": [[{\"y\": -1.5e3}]], \"websites\": [1, {}]}"))
	f.Add([]byte("{\n\t\"documents\": [{\"width\": 99999999999999999999}]\n} {"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Decoding is linear: the bytes it allocates (work counted, not
		// timed) are a small multiple of the input's. The counter is the
		// process's, and the first decoding builds lazy tables: the least
		// of three decodings is the decoding's own.
		allocs := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
		var (
			fl  *beian.Filing
			err error
			n   = ^uint64(0)
		)
		for range 3 {
			metrics.Read(allocs)
			before := allocs[0].Value.Uint64()
			fl, err = beian.DecodeOptions{MaxBytes: -1}.Parse(data)
			metrics.Read(allocs)
			n = min(n, allocs[0].Value.Uint64()-before)
		}
		if budget := 64*uint64(len(data)) + 256<<10; n > budget {
			t.Fatalf("decoding %d bytes allocated %d bytes, over the budget of %d", len(data), n, budget)
		}
		// Reading through a reader that returns few bytes decodes the same.
		g, gerr := beian.DecodeOptions{MaxBytes: -1}.Decode(iotest.HalfReader(bytes.NewReader(data)))
		if fmt.Sprint(err) != fmt.Sprint(gerr) || !assert.ObjectsAreEqual(fl, g) {
			t.Fatalf("Parse: %v, %+v\nDecode: %v, %+v", err, fl, gerr, g)
		}
		if err != nil {
			if fl != nil {
				t.Fatal("a filing returned with an error")
			}
			if len(err.Error()) > 21*200 {
				t.Fatalf("an error message of %d bytes", len(err.Error()))
			}
			return
		}
		if !validText(reflect.ValueOf(fl).Elem()) {
			return // encoding/json would replace the invalid UTF-8
		}
		// What decodes must survive a round trip through encoding/json.
		b, err := json.Marshal(fl)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		again, err := beian.ParseFiling(b)
		if err != nil {
			t.Fatalf("re-parse of %s: %v", b, err)
		}
		if !assert.ObjectsAreEqual(fl, again) {
			t.Fatalf("round trip changed the filing:\n%+v\n%+v", fl, again)
		}
	})
}

// validText reports whether every string in v is valid UTF-8.
func validText(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return utf8.ValidString(v.String())
	case reflect.Pointer:
		return v.IsNil() || validText(v.Elem())
	case reflect.Slice:
		for i := range v.Len() {
			if !validText(v.Index(i)) {
				return false
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() && !validText(v.Field(i)) {
				return false
			}
		}
	}
	return true
}
