package pgregistry_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/examples/httpservice/internal/pgtest"
	"github.com/icpcheck/beian/examples/httpservice/pgregistry"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/validatetest"
)

// testRecords builds records with every case the two registries must
// answer alike: subjects of every nature across provinces, the same
// mobile on several subjects and typed several ways, one name under two
// certificates (filed under one), a certificate listed twice, numbers in
// lower case and full width, domains in mixed case with a final dot and
// listed again by another subject, and orders in progress.
func testRecords(t *testing.T) validatetest.Records {
	var recs validatetest.Records
	for i, code := range []string{"11", "31", "44", "51", "65"} {
		for j, n := range beian.Natures() {
			f := validatetest.NewFiling(t, code, n, validatetest.Seed(i*10+j))
			s := f.Subject
			rec := validatetest.SubjectRecord{
				Name: s.Name, CertType: s.CertType, CertNumber: s.CertNumber,
				OrderInProgress: (i+j)%4 == 0,
				Mobiles:         []string{s.Principal.Mobile},
			}
			if n == beian.NatureEnterprise && code == "44" {
				rec.CertType = beian.CertBusinessLicense // a licence bearing its credit code
			}
			if (i+j)%3 != 0 {
				rec.ICPNumber = fmt.Sprintf("京ICP备%08d号", i*100+j)
				rec.Domains = []validatetest.DomainRecord{{Domain: f.Domains[0].Domain, ICPNumber: rec.ICPNumber + "-1", Hosted: j%2 == 0}}
			}
			recs.Subjects = append(recs.Subjects, rec)
		}
	}
	shared := "13902212345"
	recs.Subjects = append(recs.Subjects,
		validatetest.SubjectRecord{Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300ma5f12342q",
			ICPNumber: "粤ICP备2023012345号", Mobiles: []string{shared, "+86 138 0013 8000"},
			Domains: []validatetest.DomainRecord{{Domain: "Example.CN.", ICPNumber: "粤ICP备2023012345号-1", Hosted: true}}},
		validatetest.SubjectRecord{Name: " 深圳市示例科技有限公司 ", CertType: beian.CertOrgCode, CertNumber: "MA5F1234-2",
			OrderInProgress: true, Mobiles: []string{"139-0221-2345", "００８６１３９０２２１２３４５"}},
		validatetest.SubjectRecord{Name: "张三", CertType: beian.CertIDCard, CertNumber: "11010519491231002x",
			ICPNumber: "京ICP备2020000001号", Mobiles: []string{shared},
			Domains: []validatetest.DomainRecord{{Domain: "example.cn", ICPNumber: "京ICP备2020000001号-2"}}},
		validatetest.SubjectRecord{Name: "张三", CertType: beian.CertIDCard, CertNumber: "11010519491231002X",
			OrderInProgress: true},
		validatetest.SubjectRecord{Name: "示例（深圳）网络有限公司", CertType: beian.CertOrgCode, CertNumber: "72618249-2",
			ICPNumber: "粤ICP备2015011111号",
			Domains:   []validatetest.DomainRecord{{Domain: "https://www.示例.中国/", ICPNumber: "粤ICP备2015011111号-1"}}},
	)
	return recs
}

// queries lists every question to ask of the records: each recorded
// mobile, name and certificate and domain, typed as recorded and
// otherwise, plus unknown ones.
func queries(recs validatetest.Records) (mobiles []string, ids []beian.SubjectID, domains []string) {
	mobiles = []string{"13700000000", "", "86", "+86 139 0221 2345"}
	domains = []string{"unknown.cn", "", "EXAMPLE.cn", "example.cn.", " example.cn "}
	ids = []beian.SubjectID{{}, {Name: "李四", CertType: beian.CertIDCard, CertNumber: "110105194912310021"},
		{Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F000002"},
		{Name: "示例(深圳)网络有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q"},
		{Name: " 示例 （深圳） 網絡有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q"},
		{Name: "张三", CertType: beian.CertPassport, CertNumber: "E12345678"}}
	domains = append(domains, "www.示例.中国", "xn--fsq092h.xn--fiqs8s", "http://WWW.EXAMPLE.CN:8080/a", "example。cn")
	for _, s := range recs.Subjects {
		mobiles = append(mobiles, s.Mobiles...)
		for _, m := range s.Mobiles {
			mobiles = append(mobiles, validatetest.Digits(m))
		}
		ids = append(ids,
			beian.SubjectID{Name: s.Name, CertType: s.CertType, CertNumber: s.CertNumber},
			beian.SubjectID{Name: s.Name, CertType: s.CertType, CertNumber: strings.ToLower(s.CertNumber)},
			beian.SubjectID{Name: s.Name + "分公司", CertType: s.CertType, CertNumber: s.CertNumber},
			beian.SubjectID{Name: s.Name, CertType: beian.CertOther, CertNumber: "X" + s.CertNumber},
			beian.SubjectID{Name: s.Name, CertType: beian.CertIDCard, CertNumber: "440306199203151245"}, // a namesake person
		)
		switch s.CertType {
		case beian.CertUSCC:
			ids = append(ids, beian.SubjectID{Name: s.Name, CertType: beian.CertBusinessLicense, CertNumber: s.CertNumber})
		case beian.CertBusinessLicense:
			ids = append(ids, beian.SubjectID{Name: s.Name, CertType: beian.CertUSCC, CertNumber: s.CertNumber})
		}
		for _, d := range s.Domains {
			domains = append(domains, d.Domain, strings.ToUpper(d.Domain), "www."+d.Domain, "https://"+d.Domain+"/about")
		}
	}
	return mobiles, ids, domains
}

func loaded(t *testing.T, recs validatetest.Records) (*sql.DB, *pgregistry.Registry) {
	db, _ := pgtest.Open(t)
	ctx := context.Background()
	require.NoError(t, pgregistry.Migrate(ctx, db))
	require.NoError(t, pgregistry.Migrate(ctx, db), "migrating twice is harmless")
	require.NoError(t, pgregistry.Load(ctx, db, recs))
	return db, pgregistry.New(db)
}

// TestSameAnswersAsInMemory asks both registries every question on the
// same records.
func TestSameAnswersAsInMemory(t *testing.T) {
	recs := testRecords(t)
	// Through the records file, as the service loads it.
	data, err := json.Marshal(recs)
	require.NoError(t, err)
	mem, err := validatetest.LoadRegistry(strings.NewReader(string(data)))
	require.NoError(t, err)
	_, pg := loaded(t, mem.Records())
	ctx := context.Background()

	mobiles, ids, domains := queries(recs)
	nonEmpty := 0
	for _, m := range mobiles {
		want, err := mem.MobileHolders(ctx, m)
		require.NoError(t, err)
		got, err := pg.MobileHolders(ctx, m)
		require.NoError(t, err)
		assert.Equal(t, want, got, "MobileHolders(%q)", m)
		if len(want) > 1 {
			nonEmpty++
		}
	}
	assert.NotZero(t, nonEmpty, "some mobile is on several subjects")
	kinds := map[string]int{}
	for _, id := range ids {
		want, err := mem.Subject(ctx, id)
		require.NoError(t, err)
		got, err := pg.Subject(ctx, id)
		require.NoError(t, err)
		assert.Equal(t, want, got, "Subject(%+v)", id)
		if want.ICPNumber != "" {
			kinds["filed"]++
		}
		if want.OrderInProgress {
			kinds["order"]++
		}
		if want.OtherCertificate != nil {
			kinds["other"]++
		}
	}
	assert.Len(t, kinds, 3, "every kind of answer is asked: %v", kinds)
	for _, d := range domains {
		want, err := mem.Domain(ctx, d)
		require.NoError(t, err)
		got, err := pg.Domain(ctx, d)
		require.NoError(t, err)
		assert.Equal(t, want, got, "Domain(%q)", d)
	}
}

func TestLoadIsAtomic(t *testing.T) {
	db, _ := pgtest.Open(t)
	ctx := context.Background()
	require.NoError(t, pgregistry.Migrate(ctx, db))
	recs := testRecords(t)
	recs.Subjects = append(recs.Subjects, validatetest.SubjectRecord{Name: "x", CertType: "licence"})
	require.Error(t, pgregistry.Load(ctx, db, recs))
	var n int
	require.NoError(t, db.QueryRowContext(ctx, "SELECT count(*) FROM subjects").Scan(&n))
	assert.Zero(t, n, "a failed load leaves nothing")
}

// TestIndexScans fills the tables with 200,000 subjects (a mobile and a
// domain each) and checks the plan of each question.
func TestIndexScans(t *testing.T) {
	if testing.Short() {
		t.Skip("fills 200,000 rows")
	}
	db, _ := pgtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	require.NoError(t, pgregistry.Migrate(ctx, db))
	for _, q := range []string{
		`INSERT INTO subjects (name, name_key, cert_type, cert_number, cert_key, icp_number)
		 SELECT '示例' || g || '有限公司', '示例' || g || '有限公司', 'uscc', '91440300' || lpad(g::text, 10, '0'), '91440300' || lpad(g::text, 10, '0'),
		        CASE WHEN g % 3 = 0 THEN '粤ICP备' || g || '号' ELSE '' END
		 FROM generate_series(1, 200000) g`,
		`INSERT INTO principal_mobiles (subject_id, ord, mobile, digits)
		 SELECT id, 0, '139' || lpad(id::text, 8, '0'), '139' || lpad(id::text, 8, '0') FROM subjects`,
		`INSERT INTO domains (domain_key, domain, subject_id, icp_number, hosted)
		 SELECT 'shili' || id || '.cn', 'shili' || id || '.cn', id, '粤ICP备' || id || '号-1', id % 2 = 0 FROM subjects`,
		`INSERT INTO orders (subject_id, finished_at) SELECT id, CASE WHEN id % 10 = 0 THEN NULL ELSE now() END FROM subjects`,
		`ANALYZE`,
	} {
		_, err := db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	plan := func(query string, args ...any) string {
		rows, err := db.QueryContext(ctx, "EXPLAIN "+query, args...)
		require.NoError(t, err)
		defer rows.Close()
		var lines []string
		for rows.Next() {
			var l string
			require.NoError(t, rows.Scan(&l))
			lines = append(lines, l)
		}
		return strings.Join(lines, "\n")
	}
	mobilePlan := plan(pgregistry.QueryMobileHolders, "13900012345")
	t.Logf("MobileHolders at 200,000 rows:\n%s", mobilePlan)
	assert.Regexp(t, `Index (Only )?Scan using principal_mobiles_digits_idx`, mobilePlan)
	assert.NotContains(t, mobilePlan, "Seq Scan")

	domainPlan := plan(pgregistry.QueryDomain, "shili77.cn")
	assert.Regexp(t, `Index Scan using domains_pkey`, domainPlan)
	assert.NotContains(t, domainPlan, "Seq Scan")

	subjectPlan := plan(pgregistry.QuerySubject, "uscc", "914403000000000077", "示例99有限公司")
	t.Logf("Subject at 200,000 rows:\n%s", subjectPlan)
	assert.Regexp(t, `Index (Only )?Scan (Backward )?using subjects_cert_idx`, subjectPlan)
	assert.Regexp(t, `Index (Only )?Scan using subjects_filed_name_idx`, subjectPlan)
	assert.Regexp(t, `Index (Only )?Scan using orders_open_idx`, subjectPlan)
	assert.NotContains(t, subjectPlan, "Seq Scan on subjects")
	assert.NotContains(t, subjectPlan, "Seq Scan on orders")

	// And the registry answers from them.
	reg := pgregistry.New(db)
	holders, err := reg.MobileHolders(ctx, "13900000077")
	require.NoError(t, err)
	require.Len(t, holders, 1)
	assert.Equal(t, "示例77有限公司", holders[0].Name)
	st, err := reg.Subject(ctx, beian.SubjectID{Name: "示例90有限公司", CertType: beian.CertUSCC, CertNumber: "914403000000000090"})
	require.NoError(t, err)
	assert.Equal(t, beian.SubjectStatus{ICPNumber: "粤ICP备90号", OrderInProgress: true}, st)
}

// TestContextReachesTheDriver checks that a deadline ends a query on the
// server: a registry call with a spent context fails at once, and a slow
// statement is cancelled when its context ends.
func TestContextReachesTheDriver(t *testing.T) {
	db, reg := loaded(t, testRecords(t))
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	_, err := reg.MobileHolders(ctx, "13902212345")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = reg.Subject(ctx, beian.SubjectID{Name: "张三"})
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	_, err = reg.Domain(ctx, "example.cn")
	assert.ErrorIs(t, err, context.DeadlineExceeded)

	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = db.ExecContext(ctx, "SELECT pg_sleep(10)")
	assert.Error(t, err)
	assert.Less(t, time.Since(start), 5*time.Second, "the driver cancelled the statement")
}

// askEveryQuestion is a rule asking the registry each of its questions,
// as the registry rules do, so that the test does not depend on which of
// them have landed.
var askEveryQuestion = &rules.Rule{
	Name:  "askregistry",
	Doc:   "ask the registry every question\n\nA test rule.",
	Codes: []rules.Code{rules.CodePhoneUsedByOtherSubject},
	Needs: rules.NeedsRegistry,
	Run: func(pass *rules.Pass) error {
		ctx, cancel := pass.OutsideContext()
		defer cancel()
		reg := pass.Config.Registry
		s := pass.Filing.Subject
		if _, err := reg.MobileHolders(ctx, s.Principal.Mobile); err != nil {
			return err
		}
		if _, err := reg.Subject(ctx, beian.SubjectID{Name: s.Name, CertType: s.CertType, CertNumber: s.CertNumber}); err != nil {
			return err
		}
		_, err := reg.Domain(ctx, pass.Filing.Websites[0].Domains[0])
		return err
	},
}

// TestStoppedDatabase stops a private cluster between validations: the
// validation still returns its report, with the registry's checks as a
// CHECK_UNAVAILABLE warning, well within the validator's timeout.
func TestStoppedDatabase(t *testing.T) {
	cluster := pgtest.StartCluster(t)
	db, _ := pgtest.NewDatabase(t, cluster.DSN)
	ctx := context.Background()
	require.NoError(t, pgregistry.Migrate(ctx, db))
	require.NoError(t, pgregistry.Load(ctx, db, testRecords(t)))
	v := validate.New(validate.WithRegistry(pgregistry.New(db)), validate.WithRules(append(rules.All(), askEveryQuestion)...),
		validate.WithTimeout(2*time.Second))
	f := validatetest.NewFiling(t, "44", beian.NatureEnterprise)

	rep := v.Validate(ctx, f)
	validatetest.RequireOK(t, rep)
	validatetest.RequireNotRejected(t, rep, rules.CodeCheckUnavailable, "")

	cluster.Stop(t)
	start := time.Now()
	rep = v.Validate(ctx, f)
	assert.Less(t, time.Since(start), 10*time.Second)
	r := validatetest.RequireRejected(t, rep, rules.CodeCheckUnavailable, "")
	assert.Equal(t, rules.Warning, r.Severity)
	validatetest.RequireOK(t, rep, "a warning: the filing is not rejected for it")
	require.Error(t, pgregistry.New(db).Ping(ctx))
}
