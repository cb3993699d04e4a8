package pgregistry_test

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/examples/httpservice/internal/pgtest"
	"github.com/icpcheck/beian/examples/httpservice/pgregistry"
	"github.com/icpcheck/beian/validate/records"
)

// manySubjects returns n generated subjects: two in three filed with a
// domain, one in ten with an order in progress, a mobile each, every
// hundredth sharing its mobile and domain with the one before (the later
// record of a domain wins).
func manySubjects(n int) records.File {
	f := records.File{Subjects: make([]records.Subject, n)}
	for i := range f.Subjects {
		s := records.Subject{
			Name:       fmt.Sprintf("示例%d科技有限公司", i),
			CertType:   beian.CertUSCC,
			CertNumber: fmt.Sprintf("91440300%010d", i),
			Mobiles:    []string{fmt.Sprintf("139%08d", i)},
		}
		if i%3 != 0 {
			s.ICPNumber = fmt.Sprintf("粤ICP备%08d号", i)
			s.Domains = []records.Domain{{Domain: fmt.Sprintf("shili%d.cn", i), ICPNumber: s.ICPNumber + "-1", Hosted: i%2 == 0}}
		}
		if i%100 == 1 {
			s.Mobiles = append(s.Mobiles, fmt.Sprintf("+86 139 %08d", i-1))
			s.Domains = append(s.Domains, records.Domain{Domain: fmt.Sprintf("SHILI%d.cn.", i-1), ICPNumber: "粤ICP备1号-9"})
		}
		s.OrderInProgress = i%10 == 0
		f.Subjects[i] = s
	}
	return f
}

// slice is a Source over a File.
type slice struct {
	f records.File
	i int
}

func (s *slice) Next() (records.Subject, error) {
	if s.i == len(s.f.Subjects) {
		return records.Subject{}, io.EOF
	}
	s.i++
	return s.f.Subjects[s.i-1], nil
}

// TestLoadInBatches loads 12,000 subjects 1,000 at a time: progress is
// reported after each batch, and the database answers every question as
// the in-memory registry of the same records does.
func TestLoadInBatches(t *testing.T) {
	db, _ := pgtest.Open(t)
	ctx := context.Background()
	require.NoError(t, pgregistry.Migrate(ctx, db))
	recs := manySubjects(12_000)
	var progress []int
	n, err := pgregistry.LoadFrom(ctx, db, &slice{f: recs}, pgregistry.LoadOptions{
		BatchSize: 1000, BatchTimeout: time.Minute,
		Progress: func(n int) { progress = append(progress, n) },
	})
	require.NoError(t, err)
	assert.Equal(t, 12_000, n)
	require.Len(t, progress, 12)
	for i, p := range progress {
		assert.Equal(t, (i+1)*1000, p)
	}
	var subjects, mobiles, domains, orders int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM subjects), (SELECT count(*) FROM principal_mobiles),
		(SELECT count(*) FROM domains), (SELECT count(*) FROM orders)`).Scan(&subjects, &mobiles, &domains, &orders))
	assert.Equal(t, 12_000, subjects)
	assert.Equal(t, 12_000+120, mobiles)
	assert.Equal(t, 1200, orders)

	mem := records.NewRegistry(recs)
	pg := pgregistry.New(db)
	assert.Equal(t, len(mem.Records().Subjects), subjects)
	for i := 0; i < len(recs.Subjects); i += 97 {
		s := recs.Subjects[i]
		for _, m := range s.Mobiles {
			want, _ := mem.MobileHolders(ctx, m)
			got, err := pg.MobileHolders(ctx, m)
			require.NoError(t, err)
			assert.Equal(t, want, got, m)
		}
		id := beian.SubjectID{Name: s.Name, CertType: s.CertType, CertNumber: s.CertNumber}
		want, _ := mem.Subject(ctx, id)
		got, err := pg.Subject(ctx, id)
		require.NoError(t, err)
		assert.Equal(t, want, got, id)
		for _, d := range s.Domains {
			want, _ := mem.Domain(ctx, d.Domain)
			got, err := pg.Domain(ctx, d.Domain)
			require.NoError(t, err)
			assert.Equal(t, want, got, d.Domain)
		}
	}
	// A domain listed again by a later subject, in the same batch and
	// across batches.
	for _, d := range []string{"shili100.cn", "shili999.cn", "shili1000.cn"} {
		want, _ := mem.Domain(ctx, d)
		got, err := pg.Domain(ctx, d)
		require.NoError(t, err)
		assert.Equal(t, want, got, d)
	}
	var domainRows int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT count(*) FROM domains`).Scan(&domainRows))
	assert.Equal(t, domains, domainRows)
}

// TestLoadAtomicAcrossBatches: a subject the database cannot take in the
// third batch, a reader failing after two batches, or a batch over its
// time bound, and nothing of the earlier batches stays.
func TestLoadAtomicAcrossBatches(t *testing.T) {
	db, _ := pgtest.Open(t)
	ctx := context.Background()
	require.NoError(t, pgregistry.Migrate(ctx, db))
	count := func() int {
		var n int
		require.NoError(t, db.QueryRowContext(ctx, "SELECT count(*) FROM subjects").Scan(&n))
		return n
	}
	for name, tt := range map[string]struct {
		edit func(*records.File)
		opt  pgregistry.LoadOptions
	}{
		"NUL in a name":        {edit: func(f *records.File) { f.Subjects[2500].Name = "示例\x00" }},
		"invalid UTF-8":        {edit: func(f *records.File) { f.Subjects[2500].Mobiles[0] = "139\xff" }},
		"unknown cert type":    {edit: func(f *records.File) { f.Subjects[2999].CertType = "licence" }},
		"over the time bound":  {opt: pgregistry.LoadOptions{BatchTimeout: time.Nanosecond}},
		"cancelled by its ctx": {},
	} {
		t.Run(name, func(t *testing.T) {
			recs := manySubjects(3000)
			if tt.edit != nil {
				tt.edit(&recs)
			}
			opt := tt.opt
			opt.BatchSize = 1000
			lctx := ctx
			if name == "cancelled by its ctx" {
				c, cancel := context.WithCancel(ctx)
				defer cancel()
				lctx = c
				opt.Progress = func(n int) {
					if n == 2000 {
						cancel()
					}
				}
			}
			_, err := pgregistry.LoadFrom(lctx, db, &slice{f: recs}, opt)
			require.Error(t, err)
			assert.Zero(t, count(), "a failed load leaves nothing")
		})
	}
}
