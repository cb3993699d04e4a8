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
