// Package validate checks an ICP filing before it is submitted and reports
// every reason the provider's reviewer or the provincial Communications
// Administration would reject it.
//
//	v := validate.New()                 // every offline rule
//	rep := v.Validate(ctx, filing)      // never panics, never modifies filing
//	if !rep.OK() {
//		for _, r := range rep.Rejections {
//			fmt.Println(r.Field, r.Code, r.Message(language.Chinese))
//		}
//	}
//
// A [Validator] runs the rules of package rules over a [beian.Filing] and
// returns a [Report]: the rejections sorted by field and code, and the
// checks that were skipped for want of an option. Options add what only
// the caller knows: a [beian.Registry] of the console's records, a
// [beian.Prober] for live sites, province policy overrides, more sensitive
// words, the approved registrars and the clock.
//
// Package [github.com/icpcheck/beian/validate/tags] adds the library's
// single-field checks to a go-playground/validator instance, gin's
// included.
package validate

//go:generate go test -run TestREADMECodes|TestCodePages -update

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/scan"
)

// A Validator checks filings. It is immutable once built by [New] and safe
// for concurrent use.
type Validator struct {
	cfg   rules.Config
	rules []*rules.Rule
	clock func() time.Time
	lang  language.Tag
	words wordOptions
	// skips are the checks of the rules whose outside help is missing,
	// as a validation that skips nothing else reports them: sorted by
	// code, the first of each code kept (see newReport).
	skips []rules.Skip
	// skipRules[j] is the index in rules of the first rule that lacks
	// the help of skips[j] (see mergeSkips).
	skipRules []int
	// runs holds, in the order of rules, what runFrom reads of each rule
	// (ruleRuns).
	runs []ruleRun
	// passes holds the passes of finished validations for reuse (a
	// Pass is some 1.4 KB with pointers).
	passes sync.Pool
}

// An Option configures a [Validator].
type Option func(*Validator)

// DefaultTimeout bounds the outside calls (Registry, Prober, document
// source) of one validation unless [WithTimeout] says otherwise.
const DefaultTimeout = rules.DefaultTimeout

// New returns a validator running every rule of [rules.All], offline
// unless options add outside help.
func New(opts ...Option) *Validator {
	v := &Validator{
		cfg: rules.Config{
			Policies: provinces.DefaultPolicies(),
			Timeout:  DefaultTimeout,
		},
		rules: rules.All(),
		clock: time.Now,
		lang:  language.SimplifiedChinese,
	}
	for _, o := range opts {
		o(v)
	}
	// A dictionary the caller changed is compiled here, once per
	// validator, not at each validation. Without changes the validator
	// leaves Dictionary nil and the rules use names.DefaultDictionary,
	// compiled the first time a validation needs it, once per process:
	// New itself builds no table.
	if v.cfg.Dictionary != nil || len(v.cfg.SensitiveWords) > 0 || v.words.changes() {
		if v.cfg.Dictionary == nil {
			v.cfg.Dictionary = names.DefaultDictionary()
		}
		v.cfg.Dictionary = v.words.restrict(v.cfg.Dictionary)
		if len(v.cfg.SensitiveWords) > 0 {
			v.cfg.Dictionary = v.cfg.Dictionary.With(v.cfg.SensitiveWords...)
		}
		v.cfg.Dictionary = v.words.allow(v.cfg.Dictionary)
	}
	// Outside calls keep their deadline even when the implementation
	// ignores its context (see outside.go).
	// A Registry or Prober that says it never blocks is called directly.
	if _, direct := v.cfg.Registry.(NonBlocking); v.cfg.Registry != nil && !direct {
		v.cfg.Registry = boundedRegistry{v.cfg.Registry, v.cfg.Timeout}
	}
	if _, direct := v.cfg.Prober.(NonBlocking); v.cfg.Prober != nil && !direct {
		v.cfg.Prober = boundedProber{v.cfg.Prober, v.cfg.Timeout}
	}
	if v.cfg.Documents != nil {
		v.cfg.Documents = boundedDocuments(v.cfg.Documents, v.cfg.Timeout)
	}
	if v.cfg.DecodeGate == nil {
		v.cfg.DecodeGate = scan.NewGate(runtime.GOMAXPROCS(0))
	}
	v.skips = v.missingSkips(nil)
	slices.SortStableFunc(v.skips, compareSkips)
	v.skips = slices.Clip(slices.CompactFunc(v.skips, sameSkipCode))
	v.skipRules = missingRules(v.rules, v.skips, v.lacks)
	v.runs = v.ruleRuns()
	return v
}

// A ruleRun is what runFrom reads of a rule: the rule, and its Run, or
// nil when the validator lacks the rule's outside help (lacks). Packed
// in one slice, the runs of all the rules lie in a few cache lines, where
// reading each rule's Needs and Run, at the end of its 72 bytes, touched
// a line of its own (TestRuleRunsAsRules).
type ruleRun struct {
	rule *rules.Rule
	run  func(pass *rules.Pass) error
}

// ruleRuns returns the ruleRun of each of v's rules, in order: New reads
// each rule's Needs and Run once, as it reads its Codes for v.skips.
func (v *Validator) ruleRuns() []ruleRun {
	runs := make([]ruleRun, len(v.rules))
	for i, r := range v.rules {
		runs[i].rule = r
		if !v.lacks(r.Needs) {
			runs[i].run = r.Run
		}
	}
	return runs
}

// missingSkips appends to dst the skipped checks of the rules whose
// outside help is missing, in the order of the rules.
func (v *Validator) missingSkips(dst []rules.Skip) []rules.Skip {
	for _, r := range v.rules {
		dst = v.appendMissing(dst, r)
	}
	return dst
}

// appendMissing appends to dst the checks of r, skipped, when its
// outside help is missing.
func (v *Validator) appendMissing(dst []rules.Skip, r *rules.Rule) []rules.Skip {
	if missing := v.missing(r.Needs); missing != (rules.Text{}) {
		for _, c := range r.Codes {
			dst = append(dst, rules.Skip{Code: c, Rule: r.Name, Reason: missing})
		}
	}
	return dst
}

// WithRegistry lets the validator ask the caller's records (see
// [beian.Registry]); without it, the checks that need one are skipped.
// A call that fails is a CHECK_UNAVAILABLE warning whose message quotes
// the error the Registry returned (or its panic's value) as it is: a
// console that shows reports to its users should keep the text of its
// Registry's errors free of what they must not see (a DSN with its
// password, a query), or replace the problem argument before showing it,
// as examples/httpservice does (the detail to its log, a request id to
// the user).
func WithRegistry(r beian.Registry) Option {
	return func(v *Validator) { v.cfg.Registry = r }
}

// WithProber lets the validator look at live sites (see [beian.Prober]);
// without it, the checks that need one are skipped.
func WithProber(p beian.Prober) Option {
	return func(v *Validator) { v.cfg.Prober = p }
}

// WithPolicies replaces the province policies, typically with
// provinces.DefaultPolicies().Override(json) to apply a console's own
// knowledge of a 管局's current rules.
func WithPolicies(ps *provinces.Policies) Option {
	return func(v *Validator) {
		if ps != nil {
			v.cfg.Policies = ps
		}
	}
}

// WithSensitiveWords adds words to the sensitive-word dictionary (the
// built-in one, or the one given with [WithDictionary]); see
// [names.NewDictionary] for what a word may be. The words are copied and
// compiled once, by [New]. Consoles that share a large list among several
// validators compile it once with names.DefaultDictionary().With(words...)
// and give it with WithDictionary instead.
func WithSensitiveWords(words ...string) Option {
	return func(v *Validator) {
		v.cfg.SensitiveWords = append(slices.Clip(v.cfg.SensitiveWords), words...)
	}
}

// WithDictionary replaces the sensitive-word dictionary, by default
// [names.DefaultDictionary]. A Dictionary is immutable: one may serve any
// number of validators. Build it from the default to keep the built-in
// words:
//
//	d := names.DefaultDictionary().With(consoleWords...)
//	v := validate.New(validate.WithDictionary(d))
func WithDictionary(d *names.Dictionary) Option {
	return func(v *Validator) {
		if d != nil {
			v.cfg.Dictionary = d
		}
	}
}

// WithClock sets the clock that gives the day of submission when a filing
// does not carry one. The default is [time.Now].
func WithClock(now func() time.Time) Option {
	return func(v *Validator) {
		if now != nil {
			v.clock = now
		}
	}
}

// WithTimeout bounds the outside calls of one validation: they share one
// deadline, d after the first of them. The default is [DefaultTimeout].
func WithTimeout(d time.Duration) Option {
	return func(v *Validator) {
		if d > 0 {
			v.cfg.Timeout = d
		}
	}
}

// WithLanguage sets the language of the reports' JSON and text; the default
// is Simplified Chinese. Any tag whose language is not Chinese gives
// English.
func WithLanguage(tag language.Tag) Option {
	return func(v *Validator) { v.lang = tag }
}

// WithRules replaces the rules run; the default is [rules.All]. [New]
// reads each rule's Needs, Codes and Run once: a rule changed afterwards
// is run as it was.
func WithRules(rs ...*rules.Rule) Option {
	return func(v *Validator) { v.rules = slices.Clone(rs) }
}

// WithoutRules drops the rules of the given names.
func WithoutRules(names ...string) Option {
	return func(v *Validator) {
		v.rules = slices.DeleteFunc(slices.Clone(v.rules), func(r *rules.Rule) bool {
			return slices.Contains(names, r.Name)
		})
	}
}

// Rules returns the rules the validator runs, in order.
func (v *Validator) Rules() []*rules.Rule { return slices.Clone(v.rules) }

// Validate checks f and reports every reason it would be rejected. It
// never modifies f and never panics: a rule that fails or panics becomes a
// CHECK_UNAVAILABLE warning. A nil filing is reported as missing.
//
// The outside calls (Registry, Prober, DocumentSource: opening a document
// and reading it are one call) run under ctx bounded by the validator's
// timeout ([WithTimeout]), one deadline for all the calls of the
// validation, and the engine keeps that deadline itself: a
// call that has not returned by then, because the implementation ignores
// its context, is abandoned and its check becomes a CHECK_UNAVAILABLE
// warning, so Validate returns in time. The abandoned
// call's goroutine ends when the call returns; its answer is dropped.
func (v *Validator) Validate(ctx context.Context, f *beian.Filing) *Report {
	if f == nil {
		return newReport([]rules.Rejection{{Code: rules.CodeFieldRequired, Severity: rules.Error, Rule: "fields"}}, nil, v.lang)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	clean := rules.CleanTextShared(f)
	today := f.SubmittedAt
	if today.IsZero() {
		today = beian.DateOf(v.clock())
	}
	pass, _ := v.passes.Get().(*rules.Pass)
	if pass == nil {
		pass = new(rules.Pass)
	}
	pass.Reset(ctx, f, clean, &v.cfg, today)
	// The checks of the rules without their outside help are v.skips,
	// sorted once by New; the rules that run may skip checks too, and
	// ends[i] is how many the rules up to i had skipped.
	var endsBuf [64]int
	ends := endsBuf[:0]
	if len(v.runs) > len(endsBuf) {
		ends = make([]int, 0, len(v.runs))
	}
	for next := 0; next < len(v.runs); {
		next, ends = v.runFrom(pass, next, ends)
	}
	pass.Finish()
	var rep *Report
	if skipped := pass.Skipped(); len(skipped) == 0 {
		// The rules skipped nothing: the report's skipped checks are
		// v.skips, sorted and one per code already (New).
		rep = newReportSkipping(pass.Rejections(), v.skips, v.lang)
	} else if merged, ok := mergeSkips(v.skips, v.skipRules, skipped, ends); ok {
		// Sorted and one per code, in an allocation of their own.
		rep = &Report{Rejections: compactRejections(pass.Rejections()), Skipped: merged, Language: v.lang}
	} else {
		// In the order the rules skipped them, as newReport expects.
		all := make([]rules.Skip, 0, len(skipped)+2*len(v.skips))
		start := 0
		for i, r := range v.rules {
			all = v.appendMissing(all, r)
			all = append(all, skipped[start:ends[i]]...)
			start = ends[i]
		}
		rep = newReport(pass.Rejections(), all, v.lang)
	}
	// The report owns the pass's rejections now, and a copy of its
	// skipped checks. The rules are done with the pass (rules.Rule.Run):
	// cleared, so that the pool holds no filing, it serves the next
	// validation, with the memory of its skipped checks.
	pass.Recycle()
	v.passes.Put(pass)
	return rep
}

// lacks reports whether the outside help needs asks for is missing (see
// missing, which says why).
func (v *Validator) lacks(needs rules.Needs) bool {
	return needs&rules.NeedsRegistry != 0 && v.cfg.Registry == nil ||
		needs&rules.NeedsProber != 0 && v.cfg.Prober == nil
}

// missing returns why the help needs asks for is not there, or the zero
// Text when it is.
func (v *Validator) missing(needs rules.Needs) rules.Text {
	switch {
	case needs&rules.NeedsRegistry != 0 && v.cfg.Registry == nil:
		return reasonNoRegistry
	case needs&rules.NeedsProber != 0 && v.cfg.Prober == nil:
		return reasonNoProber
	}
	return rules.Text{}
}

// The reasons a check is skipped for want of outside help (missing).
// Their JSON is the text between quotes: the report's encoder writes
// them as they are (plainReason).
var (
	reasonNoRegistry = rules.Text{ZH: "未配置Registry（备案记录查询）", EN: "no Registry configured"}
	reasonNoProber   = rules.Text{ZH: "未配置Prober（网站访问检测）", EN: "no Prober configured"}
)

// runFrom runs the rules from the first on, those whose outside help is
// there (a run in v.runs), each as run runs it, and appends to ends how
// many checks were skipped when each was done. It stops at a rule that
// panics, which it turns into a warning as run does, and returns the
// index of the rule after it (len(v.runs) when all ran): one deferred
// recover for the rules of a validation, not one each.
func (v *Validator) runFrom(pass *rules.Pass, first int, ends []int) (next int, endsOut []int) {
	defer func() {
		if e := recover(); e != nil {
			unavailable(pass, v.runs[next].rule, fmt.Sprint(e))
			endsOut = append(endsOut, len(pass.Skipped()))
			next++
		}
	}()
	endsOut = ends
	for next = first; next < len(v.runs); next++ {
		r := &v.runs[next]
		pass.Rule = r.rule
		if r.run != nil {
			if err := r.run(pass); err != nil {
				ruleFailed(pass, r.rule, err)
			}
		}
		endsOut = append(endsOut, len(pass.Skipped()))
	}
	return next, endsOut
}

// run runs one rule, turning its error or panic into a warning, or into
// skipped checks when the outside help does not support the question.
func run(pass *rules.Pass, r *rules.Rule) {
	defer func() {
		if e := recover(); e != nil {
			unavailable(pass, r, fmt.Sprint(e))
		}
	}()
	if err := r.Run(pass); err != nil {
		ruleFailed(pass, r, err)
	}
}

// ruleFailed records the error a rule returned: skipped checks when the
// outside help does not support the question, a warning otherwise. The
// callers call a rule themselves, so that one that returns nil (most)
// costs no call besides its own.
func ruleFailed(pass *rules.Pass, r *rules.Rule, err error) {
	switch {
	case errors.Is(err, errors.ErrUnsupported):
		reason := rules.Text{ZH: "外部数据源不支持该检查：" + err.Error(), EN: "not supported by the outside source: " + err.Error()}
		for _, c := range r.Codes {
			pass.Skip(c, reason)
		}
	default:
		unavailable(pass, r, err.Error())
	}
}

func unavailable(pass *rules.Pass, r *rules.Rule, problem string) {
	pass.Add(rules.Rejection{
		Code:     rules.CodeCheckUnavailable,
		Severity: rules.Warning,
		Args:     []rules.Arg{rules.Str("check", r.Name), rules.Str("problem", problem)},
	})
}
