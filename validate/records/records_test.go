package records_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate/records"
)

const sample = `{"subjects": [
 {"name": "深圳市示例科技有限公司", "cert_type": "uscc", "cert_number": "91440300MA5F000001",
  "icp_number": "粤ICP备2023012345号", "mobiles": ["13902212345"],
  "domains": [{"domain": "example.cn", "icp_number": "粤ICP备2023012345号-1", "hosted": true}]},
 {"name": "深圳市示例科技有限公司", "cert_type": "org_code", "cert_number": "MA5F00000",
  "order_in_progress": true, "mobiles": ["+86 139 0221 2345", "13800138000"]},
 {"name": "张三", "cert_type": "id_card", "cert_number": "11010519491231002x", "icp_number": "京ICP备2020000001号"}
]}`

func TestRead(t *testing.T) {
	f, err := records.Read(strings.NewReader(sample))
	require.NoError(t, err)
	require.Len(t, f.Subjects, 3)
	assert.Equal(t, beian.CertUSCC, f.Subjects[0].CertType)
	assert.Equal(t, []records.Domain{{Domain: "example.cn", ICPNumber: "粤ICP备2023012345号-1", Hosted: true}}, f.Subjects[0].Domains)
	assert.True(t, f.Subjects[1].OrderInProgress)
	assert.Equal(t, "京ICP备2020000001号", f.Subjects[2].ICPNumber)

	// What encoding/json writes reads back the same.
	data, err := json.Marshal(f)
	require.NoError(t, err)
	again, err := records.Read(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, f, again)
}

// TestReadMemberNamesIgnoringCase: member names match ignoring case, the
// file's as its subjects' (records.schema.json says so), as encoding/json
// reads them.
func TestReadMemberNamesIgnoringCase(t *testing.T) {
	f, err := records.Read(strings.NewReader(`{"Subjects": [{"Name": "深圳市示例科技有限公司", "CERT_TYPE": "uscc", "Cert_Number": "91440300MA5F12342Q", "Order_In_Progress": true}]}`))
	require.NoError(t, err)
	require.Len(t, f.Subjects, 1)
	assert.Equal(t, beian.CertUSCC, f.Subjects[0].CertType)
	assert.True(t, f.Subjects[0].OrderInProgress)
}

func TestReadEmpty(t *testing.T) {
	for _, in := range []string{`{}`, `{"subjects": []}`, `{"subjects": null}`, " \n{ \"subjects\" : [ ] }\n "} {
		f, err := records.Read(strings.NewReader(in))
		require.NoError(t, err, in)
		assert.Empty(t, f.Subjects, in)
	}
}

// TestReadStrict lists what is not a records file, each with the path
// its error names.
func TestReadStrict(t *testing.T) {
	for _, tt := range []struct {
		name, in, path string
	}{
		{"unknown field in a subject", `{"subjects": [{"name": "x", "cert_type": "uscc"}, {"nmae": "x"}]}`, "subjects[1]"},
		{"unknown certificate type", `{"subjects": [{"name": "x", "cert_type": "licence"}]}`, "subjects[0].cert_type"},
		{"no certificate type", `{"subjects": [{"name": "x"}]}`, "subjects[0].cert_type"},
		{"null subject", `{"subjects": [null]}`, "subjects[0].cert_type"},
		{"unknown top-level field", `{"subject": []}`, ""},
		{"subjects twice", `{"subjects": [], "subjects": []}`, "subjects"},
		{"subjects twice, in two cases", `{"subjects": [], "Subjects": []}`, "subjects"},
		{"subjects not an array", `{"subjects": {}}`, "subjects"},
		{"wrong type in a subject", `{"subjects": [{"name": 1, "cert_type": "uscc"}]}`, "subjects[0]"},
		{"trailing data", `{"subjects": []} {}`, ""},
		{"trailing brace", `{"subjects": []} }`, ""},
		{"cut short", `{"subjects": [`, "subjects"},
		{"cut inside a subject", `{"subjects": [{"name": "x"`, "subjects[0]"},
		{"not an object", `[]`, ""},
		{"null", `null`, ""},
		{"empty", ``, ""},
		{"broken", `{"subjects": [}`, "subjects"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := records.Read(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, records.ErrFormat)
			var fe *records.FormatError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.path, fe.Path, err.Error())
		})
	}
}

// TestReaderStreams reads a file subject by subject: each comes before
// the reader has seen the rest, and the count follows.
func TestReaderStreams(t *testing.T) {
	pr, pw := io.Pipe()
	go func() {
		_, _ = io.WriteString(pw, `{"subjects": [{"name": "a", "cert_type": "uscc"},`)
		// The reader must hand out "a" before "b" is written.
		_, _ = io.WriteString(pw, ` {"name": "b", "cert_type": "id_card"}]}`)
		pw.Close()
	}()
	rd := records.NewReader(pr)
	var names []string
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		names = append(names, s.Name)
		assert.Equal(t, len(names), rd.Count())
	}
	assert.Equal(t, []string{"a", "b"}, names)
	_, err := rd.Next()
	assert.ErrorIs(t, err, io.EOF, "EOF again")
}

// TestReaderErrorSticks: after an error, Next returns it again, and a
// subject read before the error was handed out.
func TestReaderErrorSticks(t *testing.T) {
	rd := records.NewReader(strings.NewReader(`{"subjects": [{"name": "a", "cert_type": "uscc"}, {"cert_type": "x"}]}`))
	s, err := rd.Next()
	require.NoError(t, err)
	assert.Equal(t, "a", s.Name)
	_, err1 := rd.Next()
	require.Error(t, err1)
	_, err2 := rd.Next()
	assert.Equal(t, err1, err2)
}

// TestReaderIOError keeps a failing reader's error, not a format error.
func TestReaderIOError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := records.Read(io.MultiReader(strings.NewReader(`{"subjects": [`), iotest.ErrReader(boom)))
	assert.ErrorIs(t, err, boom)
	assert.NotErrorIs(t, err, records.ErrFormat)
}

// TestReaderLargeFile streams 100,000 subjects without holding them.
func TestReaderLargeFile(t *testing.T) {
	const n = 100_000
	pr, pw := io.Pipe()
	go func() {
		_, _ = io.WriteString(pw, `{"subjects": [`)
		for i := 0; i < n; i++ {
			if i > 0 {
				_, _ = io.WriteString(pw, ",")
			}
			fmt.Fprintf(pw, `{"name": "示例%d有限公司", "cert_type": "uscc", "cert_number": "9144%014d", "mobiles": ["139%08d"]}`, i, i, i)
		}
		_, _ = io.WriteString(pw, `]}`)
		pw.Close()
	}()
	rd := records.NewReader(pr)
	for {
		_, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
	}
	assert.Equal(t, n, rd.Count())
}

func TestKeys(t *testing.T) {
	for in, want := range map[string]string{
		"13902212345": "13902212345", "+86 139 0221 2345": "13902212345", "0086-139-0221-2345": "13902212345",
		"００８６１３９０２２１２３４５": "13902212345", "8613902212345": "13902212345", "010-12345678": "01012345678", "": "",
	} {
		assert.Equal(t, want, records.Digits(in), in)
	}
	assert.Equal(t, "example.cn", records.DomainKey(" Example.CN. "))
	assert.Equal(t, "张三", records.NameKey(" 张三 "))
	assert.Equal(t, records.CertKey("91440300MA5F000001"), records.CertKey("91440300ma5f000001"))
}

func TestRegistry(t *testing.T) {
	r, err := records.ReadRegistry(strings.NewReader(sample))
	require.NoError(t, err)
	ctx := context.Background()
	holders, err := r.MobileHolders(ctx, "139-0221-2345")
	require.NoError(t, err)
	require.Len(t, holders, 2, "the same mobile on two subjects, typed two ways")
	st, err := r.Subject(ctx, beian.SubjectID{Name: "深圳市示例科技有限公司", CertType: beian.CertOrgCode, CertNumber: "MA5F00000"})
	require.NoError(t, err)
	assert.True(t, st.OrderInProgress)
	require.NotNil(t, st.OtherCertificate)
	assert.Equal(t, beian.CertUSCC, st.OtherCertificate.CertType)
	d, err := r.Domain(ctx, "EXAMPLE.cn.")
	require.NoError(t, err)
	assert.Equal(t, beian.DomainStatus{ICPNumber: "粤ICP备2023012345号-1", Hosted: true}, d)

	// Records is a copy.
	recs := r.Records()
	recs.Subjects[0].Mobiles[0] = "0"
	holders, _ = r.MobileHolders(ctx, "13902212345")
	assert.Len(t, holders, 2)

	_, err = records.ReadRegistry(strings.NewReader(`{"subjects": [{"nmae": 1}]}`))
	assert.ErrorIs(t, err, records.ErrFormat)
}

// FuzzRead: Read never panics, fails only with an error, and what it
// reads writes back as JSON that reads the same.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{sample, `{}`, `{"subjects": null}`, `{"subjects": [null]}`, `{"subjects": [{"cert_type": "uscc", "x": 1}]}`, `{"subjects": []} x`, `[`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := records.Read(bytes.NewReader(data))
		if err != nil {
			if got.Subjects != nil {
				t.Fatal("subjects with an error")
			}
			return
		}
		for i, s := range got.Subjects {
			if !s.CertType.Valid() {
				t.Fatalf("subjects[%d]: certificate type %q", i, s.CertType)
			}
		}
		out, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		again, err := records.Read(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		if len(again.Subjects) != len(got.Subjects) {
			t.Fatalf("%d subjects, then %d", len(got.Subjects), len(again.Subjects))
		}
	})
}
