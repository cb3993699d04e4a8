package records_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/records"
)

// load reads the sample records into a registry.
func load(t *testing.T) *records.Registry {
	t.Helper()
	r, err := records.ReadRegistry(strings.NewReader(sample))
	require.NoError(t, err)
	return r
}

func TestMobileHolders(t *testing.T) {
	r := load(t)
	ctx := context.Background()
	got, err := r.MobileHolders(ctx, "139-0221-2345")
	require.NoError(t, err)
	require.Len(t, got, 2, "the same mobile on two subjects, typed two ways")
	assert.Equal(t, beian.CertUSCC, got[0].CertType)
	assert.Equal(t, beian.CertOrgCode, got[1].CertType)

	got, err = r.MobileHolders(ctx, "13700000000")
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestSubject(t *testing.T) {
	r := load(t)
	ctx := context.Background()
	tests := []struct {
		name          string
		id            beian.SubjectID
		icp           string
		order         bool
		otherCertType beian.CertType
	}{
		{"filed under this certificate", beian.SubjectID{Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300ma5f000001"}, "粤ICP备2023012345号", false, ""},
		{"filed under this credit code, asked as the business licence bearing it", beian.SubjectID{Name: "深圳市示例科技有限公司", CertType: beian.CertBusinessLicense, CertNumber: "91440300MA5F000001"}, "粤ICP备2023012345号", false, ""},
		{"order in progress, filed under the credit code", beian.SubjectID{Name: "深圳市示例科技有限公司", CertType: beian.CertOrgCode, CertNumber: "MA5F00000"}, "", true, beian.CertUSCC},
		{"unknown certificate, same name filed", beian.SubjectID{Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F000002"}, "", false, beian.CertUSCC},
		{"unknown subject", beian.SubjectID{Name: "李四", CertType: beian.CertIDCard, CertNumber: "110105194912310021"}, "", false, ""},
		{"person, number typed in lower case", beian.SubjectID{Name: "张三", CertType: beian.CertIDCard, CertNumber: "11010519491231002X"}, "京ICP备2020000001号", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := r.Subject(ctx, tt.id)
			require.NoError(t, err)
			assert.Equal(t, tt.icp, st.ICPNumber)
			assert.Equal(t, tt.order, st.OrderInProgress)
			if tt.otherCertType == "" {
				assert.Nil(t, st.OtherCertificate)
			} else if assert.NotNil(t, st.OtherCertificate) {
				assert.Equal(t, tt.otherCertType, st.OtherCertificate.CertType)
			}
		})
	}
}

func TestDomain(t *testing.T) {
	r := load(t)
	st, err := r.Domain(context.Background(), "EXAMPLE.cn.")
	require.NoError(t, err)
	assert.Equal(t, beian.DomainStatus{ICPNumber: "粤ICP备2023012345号-1", Hosted: true}, st)
	st, err = r.Domain(context.Background(), "example.com")
	require.NoError(t, err)
	assert.Zero(t, st)
	holder, ok := r.DomainHolder("example.cn")
	assert.True(t, ok)
	assert.Equal(t, beian.CertUSCC, holder.CertType)
}

func TestCancelledContext(t *testing.T) {
	r := load(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := r.MobileHolders(ctx, "13902212345")
	assert.ErrorIs(t, err, context.Canceled)
	_, err = r.Subject(ctx, beian.SubjectID{})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = r.Domain(ctx, "example.cn")
	assert.ErrorIs(t, err, context.Canceled)
}

func TestReadRegistryStrict(t *testing.T) {
	for name, in := range map[string]string{
		"unknown field":     `{"subjects": [{"nmae": "x"}]}`,
		"unknown cert type": `{"subjects": [{"name": "x", "cert_type": "licence"}]}`,
		"trailing data":     `{"subjects": []} {}`,
		"broken":            `{"subjects": [`,
		"wrong type":        `{"subjects": {}}`,
	} {
		_, err := records.ReadRegistry(strings.NewReader(in))
		assert.Error(t, err, name)
	}
}

func TestRegistryIsACopy(t *testing.T) {
	recs := records.File{Subjects: []records.Subject{{Name: "x", CertType: beian.CertIDCard, CertNumber: "1", Mobiles: []string{"13902212345"}}}}
	r := records.NewRegistry(recs)
	recs.Subjects[0].Mobiles[0] = "13800138000"
	got, _ := r.MobileHolders(context.Background(), "13902212345")
	assert.Len(t, got, 1)
}

func TestConcurrentUse(t *testing.T) {
	r := load(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				_, _ = r.MobileHolders(context.Background(), "13902212345")
				_, _ = r.Subject(context.Background(), beian.SubjectID{Name: "张三", CertType: beian.CertIDCard, CertNumber: "11010519491231002X"})
			}
		}()
	}
	wg.Wait()
}

// TestSubjectByName: a unit is found under another certificate by its
// name as reviewers compare names (brackets, spaces, width, case and
// traditional characters folded), from either side; a person never is:
// two people of one name, whatever their certificates, are two subjects.
func TestSubjectByName(t *testing.T) {
	r, err := records.ReadRegistry(strings.NewReader(`{"subjects": [
 {"name": "示例（深圳）网络有限公司", "cert_type": "org_code", "cert_number": "72618249-9", "icp_number": "粤ICP备2015011111号"},
 {"name": "Shili Tech (Shenzhen) Co., Ltd.", "cert_type": "org_code", "cert_number": "MA5F00000", "icp_number": "粤ICP备2015022222号"},
 {"name": "李四", "cert_type": "id_card", "cert_number": "110101199003074514", "icp_number": "京ICP备2020000001号"},
 {"name": "王五", "cert_type": "passport", "cert_number": "E12345678", "icp_number": "京ICP备2020000002号"},
 {"name": "示例科技工作室", "cert_type": "id_card", "cert_number": "110101199003074514", "icp_number": "京ICP备2020000003号"}
]}`))
	require.NoError(t, err)
	ctx := context.Background()
	for _, name := range []string{"示例（深圳）网络有限公司", "示例(深圳)网络有限公司", " 示例 (深圳) 网络有限公司 ", "示例（深圳）網絡有限公司", "ＳＨＩＬＩ TECH (SHENZHEN) CO., LTD.", "shili tech（shenzhen）co., ltd."} {
		st, err := r.Subject(ctx, beian.SubjectID{Name: name, CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q"})
		require.NoError(t, err)
		assert.NotNil(t, st.OtherCertificate, "unit %q", name)
	}
	for _, ct := range []beian.CertType{beian.CertIDCard, beian.CertPassport, beian.CertHKMacaoPermit, beian.CertTaiwanPermit, beian.CertForeignPermanentResidence, beian.CertOther} {
		for _, name := range []string{"李四", "王五", " 李四 "} {
			st, err := r.Subject(ctx, beian.SubjectID{Name: name, CertType: ct, CertNumber: "440306199203151245"})
			require.NoError(t, err)
			assert.Nil(t, st.OtherCertificate, "person %q, %s", name, ct)
		}
	}
	// A unit whose namesake in the records is a person's filing (a
	// studio filed by its owner) is not that subject either.
	st, err := r.Subject(ctx, beian.SubjectID{Name: "示例科技工作室", CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q"})
	require.NoError(t, err)
	assert.Nil(t, st.OtherCertificate)
}

// TestDomainTypedForms: a domain is found however either side typed it
// (a host under it, a URL, full-width dots, case, a final dot, Unicode or
// punycode): both are read as their registrable domain.
func TestDomainTypedForms(t *testing.T) {
	r, err := records.ReadRegistry(strings.NewReader(`{"subjects": [
 {"name": "深圳市示例科技有限公司", "cert_type": "uscc", "cert_number": "91440300MA5F12342Q", "icp_number": "粤ICP备2023012345号",
  "domains": [{"domain": "shilikeji.cn", "icp_number": "粤ICP备2023012345号-1"}, {"domain": "https://www.shilikeji.net/", "icp_number": "粤ICP备2023012345号-2"},
   {"domain": "示例.cn", "icp_number": "粤ICP备2023012345号-3"}, {"domain": "xn--fsq092h.com", "icp_number": "粤ICP备2023012345号-4"}]}
]}`))
	require.NoError(t, err)
	for typed, want := range map[string]string{
		"shilikeji.cn": "-1", "www.shilikeji.cn": "-1", "https://www.shilikeji.cn/about?x=1": "-1", "shilikeji。cn": "-1",
		"ＳＨＩＬＩＫＥＪＩ．ＣＮ": "-1", "SHILIKEJI.CN.": "-1", " shilikeji.cn ": "-1",
		"shilikeji.net": "-2", "WWW.shilikeji.net": "-2",
		"示例.cn": "-3", "xn--fsq092h.cn": "-3", "www.示例.cn": "-3",
		"示例.com": "-4", "xn--fsq092h.com": "-4",
		"shilikeji.com.cn": "", "other.cn": "",
	} {
		st, err := r.Domain(context.Background(), typed)
		require.NoError(t, err)
		if want == "" {
			assert.Empty(t, st.ICPNumber, typed)
		} else {
			assert.Equal(t, "粤ICP备2023012345号"+want, st.ICPNumber, typed)
		}
	}
}
