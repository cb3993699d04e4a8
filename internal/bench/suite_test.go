package bench_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	zhtrans "github.com/go-playground/validator/v10/translations/zh"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/internal/bench"
	"github.com/icpcheck/beian/internal/machine"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/validate"
)

func load(b testing.TB, name string) *beian.Filing {
	b.Helper()
	data, err := os.ReadFile("../../examples/icpcheck/testdata/" + name)
	if err != nil {
		b.Fatal(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// withWebsites returns f with n websites, each a copy of its first with a
// domain (and domain record) of its own, and, from the second on, the
// website principal's certificate the documents rule asks for; past 31
// domain names, each website's construction plan, which Guangdong asks
// for.
func withWebsites(f *beian.Filing, n int) *beian.Filing {
	c := f.Clone()
	w, d := c.Websites[0], c.Domains[0]
	c.Websites, c.Domains = nil, nil
	cert := beian.Document{Kind: beian.DocSitePrincipalCert, Format: "jpeg", Width: 1600, Height: 1200, SizeBytes: 300000}
	for i := range n {
		w := w
		name := fmt.Sprintf("shili%d.cn", i)
		w.Domains = []string{name}
		c.Websites = append(c.Websites, w)
		d := d
		d.Domain = name
		c.Domains = append(c.Domains, d)
		if i > 0 && c.Documents != nil {
			cert.Owner = fmt.Sprintf("websites[%d].principal", i)
			c.Documents = append(c.Documents, cert)
		}
	}
	if n > 31 && c.Documents != nil {
		plan := beian.Document{Kind: beian.DocConstructionPlan, Format: "jpeg", Width: 1240, Height: 1754, SizeBytes: 600000}
		for i := range n {
			plan.Owner = fmt.Sprintf("websites[%d]", i)
			c.Documents = append(c.Documents, plan)
		}
	}
	return c
}

// TestCleanStaysClean: the typical filing at every size of the benchmarks
// is still accepted, so that "clean" measures a clean filing.
func TestCleanStaysClean(t *testing.T) {
	v := validate.New()
	for _, n := range []int{1, 10, 100, 1000} {
		rep := v.Validate(context.Background(), withWebsites(load(t, "clean_enterprise.json"), n))
		if !rep.OK() || len(rep.Rejections) > 0 {
			t.Errorf("%d websites:\n%s", n, rep)
		}
	}
}

// BenchmarkValidate is the whole validation of a filing and the encoding
// of its report: "clean" is the typical one-site enterprise filing,
// "rejected" one with five rejections; both at 1, 10, 100 and 1,000
// websites.
func BenchmarkValidate(b *testing.B) {
	v := validate.New()
	ctx := context.Background()
	warm(b, v)
	for _, file := range []struct{ name, file string }{
		{"clean", "clean_enterprise.json"},
		{"rejected", "rejected_enterprise.json"},
	} {
		base := load(b, file.file)
		for _, n := range []int{1, 10, 100, 1000} {
			f := withWebsites(base, n)
			b.Run(fmt.Sprintf("%s/sites=%d", file.name, n), func(b *testing.B) {
				b.ReportAllocs()
				cpu0, ok := machine.ProcessCPU()
				for b.Loop() {
					rep := v.Validate(ctx, f)
					if _, err := rep.MarshalJSON(); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time per op (run with -cpu 1, GC included): the
				// linearity in websites, without the waits of a loaded
				// machine.
				if cpu1, _ := machine.ProcessCPU(); ok {
					b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}

// warm validates the clean and the rejected filing once before any
// figure is taken: the first validation of the process builds the tables
// it needs (see TestColdStart), and the first rejected site name builds
// the lexicon's index (10–20 ms of CPU), which a short run's figure would
// otherwise count (12–15 % of the rejected figure at -benchtime 150ms).
// The peers are warmed up too (BenchmarkPeerValidator).
func warm(b *testing.B, v *validate.Validator) {
	b.Helper()
	for _, name := range []string{"clean_enterprise.json", "rejected_enterprise.json"} {
		v.Validate(context.Background(), load(b, name))
	}
}

// reportCPU reports the process's CPU time per op since cpu0 (see
// processCPU) as cpu-ns/op: with -cpu 1, the work of the benchmark
// without the waits for a core that wall time counts on a loaded
// machine, for ours and the peers alike.
func reportCPU(b *testing.B, cpu0 time.Duration, ok bool) {
	if cpu1, _ := machine.ProcessCPU(); ok && b.N > 0 {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkValidateOnly is BenchmarkValidate without the report's
// encoding, for the typical filing and the rejected one.
func BenchmarkValidateOnly(b *testing.B) {
	v := validate.New()
	warm(b, v)
	for _, name := range []string{"clean", "rejected"} {
		f := load(b, name+"_enterprise.json")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0, ok := machine.ProcessCPU()
			for b.Loop() {
				v.Validate(context.Background(), f)
			}
			reportCPU(b, cpu0, ok)
		})
	}
}

// BenchmarkFloor reads every string of the filings of BenchmarkValidate
// once (bench.Floor): the least a validation can cost, its floor.
func BenchmarkFloor(b *testing.B) {
	for _, name := range []string{"clean", "rejected"} {
		base := load(b, name+"_enterprise.json")
		b.Run(name+"/file", func(b *testing.B) { // the filing of ValidateOnly and Failing
			cpu0, ok := machine.ProcessCPU()
			for b.Loop() {
				if bench.Floor(base) == 0 {
					b.Fatal("nothing read")
				}
			}
			reportCPU(b, cpu0, ok)
		})
		for _, n := range []int{1, 10, 100, 1000} {
			f := withWebsites(base, n)
			b.Run(fmt.Sprintf("%s/sites=%d", name, n), func(b *testing.B) {
				for b.Loop() {
					if bench.Floor(f) == 0 {
						b.Fatal("nothing read")
					}
				}
			})
		}
	}
}

// BenchmarkNew builds a validator with the default options, once the
// process has built its tables (the first call is TestColdStart's).
func BenchmarkNew(b *testing.B) {
	validate.New()
	b.ReportAllocs()
	for b.Loop() {
		validate.New()
	}
}

// TestColdStart logs the time of the first validate.New of the process and
// of its first validation, for internal/bench/benchmd, which runs it alone
// in a fresh process ("cold: new N ns, first N ns"). It asserts only that
// the validation works.
func TestColdStart(t *testing.T) {
	t0 := time.Now()
	v := validate.New()
	t1 := time.Now()
	f := load(t, "clean_enterprise.json")
	t2 := time.Now()
	rep := v.Validate(context.Background(), f)
	t3 := time.Now()
	if !rep.OK() {
		t.Fatalf("the typical filing rejected:\n%s", rep)
	}
	t.Logf("cold: new %d ns, first %d ns", t1.Sub(t0).Nanoseconds(), t3.Sub(t2).Nanoseconds())
}

// BenchmarkFailing validates the rejected filing and writes its report in
// each way a caller may, to compare with validator/v10's failing struct
// translated and encoded (BenchmarkPeerValidator/failing): the report's
// own encoding (MarshalJSON, WriteJSON), and encoding/json's, which checks
// and compacts the report's JSON again (json.Marshal, Encoder.Encode).
func BenchmarkFailing(b *testing.B) {
	v := validate.New()
	warm(b, v)
	f := load(b, "rejected_enterprise.json")
	ctx := context.Background()
	for _, enc := range []struct {
		name  string
		write func(*validate.Report) error
	}{
		{"MarshalJSON", func(r *validate.Report) error { _, err := r.MarshalJSON(); return err }},
		{"WriteJSON", func(r *validate.Report) error { return r.WriteJSON(io.Discard) }},
		{"json.Marshal", func(r *validate.Report) error { _, err := json.Marshal(r); return err }},
		{"json.Encoder", func(r *validate.Report) error { return json.NewEncoder(io.Discard).Encode(r) }},
	} {
		b.Run(enc.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0, ok := machine.ProcessCPU()
			for b.Loop() {
				rep := v.Validate(ctx, f)
				if rep.OK() {
					b.Fatal("accepted")
				}
				if err := enc.write(rep); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu0, ok)
		})
	}
}

// BenchmarkCompaction is what encoding/json adds to a json.Marshaler's
// output, alone: json.Marshal and json.Encoder check and compact the
// bytes MarshalJSON returns (json.Compact does the same scan into a
// buffer), here the failing filing's report. It is the least that
// Failing/json.Marshal can cost beyond Failing/MarshalJSON, whatever the
// library does: a floor set by the report's size.
func BenchmarkCompaction(b *testing.B) {
	rep := validate.New().Validate(context.Background(), load(b, "rejected_enterprise.json"))
	data, err := rep.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0, ok := machine.ProcessCPU()
	for b.Loop() {
		buf.Reset()
		if err := json.Compact(&buf, data); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0, ok)
}

// BenchmarkOddName validates the typical filing with a 33-character site
// name of plain Chinese, and of U+FDFA (a ligature that normalises to 18
// characters): normalising a name costs once per validation, not once per
// dictionary scan (issue 20 item 6).
func BenchmarkOddName(b *testing.B) {
	v := validate.New()
	base := load(b, "clean_enterprise.json")
	for _, in := range []struct{ name, site string }{
		{"chinese", strings.Repeat("示例科技官网", 6)[:33*3]},
		{"U+FDFA", strings.Repeat("\uFDFA", 33)},
	} {
		f := base.Clone()
		f.Websites[0].Name = in.site
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v.Validate(context.Background(), f)
			}
		})
	}
}

// BenchmarkReportJSON encodes a report of five rejections.
func BenchmarkReportJSON(b *testing.B) {
	rep := validate.New().Validate(context.Background(), load(b, "rejected_enterprise.json"))
	if len(rep.Rejections) < 5 {
		b.Fatalf("%d rejections, want 5", len(rep.Rejections))
	}
	rep.Rejections = rep.Rejections[:5] // the five of SPEC §6's row
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		r := rep.In(lang)
		b.Run(lang.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.MarshalJSON(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(lang.String()+"/json.Marshal", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode decodes the typical filing, and one of 1,000 websites.
func BenchmarkDecode(b *testing.B) {
	small, err := os.ReadFile("../../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		b.Fatal(err)
	}
	large, err := json.Marshal(withWebsites(load(b, "clean_enterprise.json"), 1000))
	if err != nil {
		b.Fatal(err)
	}
	for _, in := range []struct {
		name string
		data []byte
	}{{"typical", small}, {"sites=1000", large}} {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := beian.ParseFiling(in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCertificate is the ID card and credit code check (SPEC: ≤ 60
// ns, 0 allocs).
func BenchmarkCertificate(b *testing.B) {
	b.Run("IDCard", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := certnum.ParseIDCard("44030519900101123X"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("USCC", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := certnum.ParseUSCC("91440300MA5F12342Q"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// siteName is a normalised 20-character site name without a sensitive
// word.
const siteName = "深圳市示例科技有限公司官方网站产品介绍中心"

// BenchmarkSensitive scans a 20-character name for the built-in
// dictionary's words, and the same with a naive strings.Contains loop over
// the words (the peer); "normalize+scan" adds the name's normalisation.
func BenchmarkSensitive(b *testing.B) {
	d := names.DefaultDictionary()
	words := d.Words()
	b.Run(fmt.Sprintf("scan/words=%d", len(words)), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := d.Find(siteName); ok {
				b.Fatal("found a word")
			}
		}
	})
	b.Run(fmt.Sprintf("naive-contains/words=%d", len(words)), func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, w := range words {
				if strings.Contains(siteName, w) {
					b.Fatal("found a word")
				}
			}
		}
	})
	b.Run("normalize+scan/accented", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := d.Find(names.Normalize("Café Crème 示例科技官网")); ok {
				b.Fatal("found a word")
			}
		}
	})
	big := make([]string, 0, 10000)
	for i := 0; len(big) < 10000; i++ {
		big = append(big, fmt.Sprintf("敏感词%d号", i))
	}
	b.Run("build/words=10000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			names.NewDictionary(big...)
		}
	})
	d10k := names.NewDictionary(big...)
	b.Run("scan/words=10000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			d10k.Find(siteName)
		}
	})
	b.Run("naive-contains/words=10000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, w := range big {
				if strings.Contains(siteName, w) {
					b.Fatal("found a word")
				}
			}
		}
	})
}

// peerForm is a comparable struct for go-playground/validator: four
// fields of a filing form with built-in and custom tags.
type peerForm struct {
	SiteName   string `validate:"required,min=3,max=100,cn_site_name"`
	CertNumber string `validate:"required,len=18,alphanum"`
	Mobile     string `validate:"required,len=11,numeric,startswith=1"`
	Email      string `validate:"required,email"`
}

// BenchmarkPeerValidator is go-playground/validator on peerForm with zh
// messages: the reference point of SPEC §6.
func BenchmarkPeerValidator(b *testing.B) {
	v := validator.New(validator.WithRequiredStructEnabled())
	if err := v.RegisterValidation("cn_site_name", func(fl validator.FieldLevel) bool {
		return !strings.ContainsAny(fl.Field().String(), "!@#$%^&*")
	}); err != nil {
		b.Fatal(err)
	}
	zhLocale := zh.New()
	trans, _ := ut.New(zhLocale, zhLocale).GetTranslator("zh")
	if err := zhtrans.RegisterDefaultTranslations(v, trans); err != nil {
		b.Fatal(err)
	}
	clean := peerForm{SiteName: "示例科技官网", CertNumber: "91440300MA5F12342Q", Mobile: "13660123456", Email: "a@shilikeji.cn"}
	failing := peerForm{SiteName: "示例!", CertNumber: "9144", Mobile: "2366012345x", Email: "a@"}
	// Warmed up as ours are (warm): the struct's cache, the translations.
	_ = v.Struct(&clean)
	if errs, ok := v.Struct(&failing).(validator.ValidationErrors); ok {
		_ = errs.Translate(trans)
	}
	b.Run("clean", func(b *testing.B) {
		b.ReportAllocs()
		cpu0, ok := machine.ProcessCPU()
		for b.Loop() {
			if err := v.Struct(&clean); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu0, ok)
	})
	b.Run("failing", func(b *testing.B) {
		b.ReportAllocs()
		cpu0, ok := machine.ProcessCPU()
		defer func() { reportCPU(b, cpu0, ok) }()
		for b.Loop() {
			err := v.Struct(&failing)
			errs, ok := err.(validator.ValidationErrors)
			if !ok || len(errs) == 0 {
				b.Fatal("no errors")
			}
			msgs := errs.Translate(trans)
			if _, err := json.Marshal(msgs); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkHostile validates each hostile shape at three sizes: 1, 10 and
// 100 KB, or 1,000, 10,000 and 100,000 items. The time per unit stays
// flat when validation is linear.
func BenchmarkHostile(b *testing.B) {
	v := validate.New()
	typical := load(b, "clean_enterprise.json")
	for _, shape := range bench.Shapes {
		sizes := []int{1 << 10, 10 << 10, 100 << 10}
		if shape.Items {
			sizes = []int{1_000, 10_000, 100_000}
		}
		for _, n := range sizes {
			f := shape.Build(typical, n)
			b.Run(fmt.Sprintf("%s/n=%d", shape.Name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					v.Validate(context.Background(), f)
				}
			})
		}
	}
}

// BenchmarkPhone parses a mobile as typed, with its province (SPEC: ≤ 300
// ns, ≤ 1 alloc).
func BenchmarkPhone(b *testing.B) {
	for _, in := range []string{"13660123456", "+86 136-6012-3456", "0755-26888888"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n, err := phonenum.Parse(in)
				if err != nil || n.Province.IsZero() {
					b.Fatal(n, err)
				}
			}
		})
	}
}

// TestRejectedAllocations: the typical rejected filing's validation
// allocates no more than it did when its rules copied their rejections'
// arguments into the pass's chunk (Pass.keepArgs) instead of an array
// each, named the subject's documents from a table, and said once why
// the checks of a domain without a record are skipped, and copied their
// related fields and fixes into chunks of the pass too (Pass.keepPaths,
// Pass.withFix): 19 allocations once warm; then took the paths of the
// first websites', domain records' and the subject principal's fields
// from a table built once (rules' builtPaths), built a domain warning's
// problem and fix title in one string, and gave a landline typed as its
// String back (numberText): 12; then reported a number typed plainly
// from Table.Check's facts, without Table.Parse's dashless National
// (checkPhoneChecked): 11. Made to fail by one rule's rejection
// taking a literal []Arg or []beian.Path again, or a fix by
// Rejection.WithFix, or by building a path the table holds. Not under the race detector, whose sync.Pool drops passes at
// random (a new pass allocates more).
func TestRejectedAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's sync.Pool drops passes at random")
	}
	v := validate.New()
	f := load(t, "rejected_enterprise.json")
	v.Validate(context.Background(), f)
	if n := testing.AllocsPerRun(50, func() { v.Validate(context.Background(), f) }); n > 11 {
		t.Errorf("%v allocations a validation of the rejected filing, want at most 11", n)
	}
}
