package rules

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"strings"
	"sync"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/provinces"
	"github.com/icpcheck/beian/rules/domain"
	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/phonenum"
	"github.com/icpcheck/beian/rules/scan"
	"github.com/icpcheck/beian/rules/workday"
)

// A Rule is one check of a filing. Rules are values: package-level
// variables of this package, listed by [All].
type Rule struct {
	// Name identifies the rule in options, reports and documentation; it is
	// a lower-case Go identifier.
	Name string
	// Doc describes the rule: a title line (lower case, no final period,
	// under 80 characters), then, after a blank line, the details. The
	// rules of this package take it from their variable's doc comment
	// (go generate writes it to ruledocs.go).
	Doc string
	// Codes lists every code the rule may report.
	Codes []Code
	// Needs says what outside help the rule needs; the engine skips the
	// rule, listing its codes as skipped, when the help is missing.
	Needs Needs
	// Run checks pass.Filing and reports through pass. Its error means the
	// rule itself could not run (an outside call failed); the engine turns
	// it, like a panic, into a CHECK_UNAVAILABLE warning, except an error
	// wrapping errors.ErrUnsupported (a Registry that does not answer that
	// question), which lists the rule's codes as skipped. Run must not
	// keep pass, or let a goroutine use it, once it returns: the engine
	// reuses passes (Pass.Reset). An outside call abandoned at its
	// deadline holds its arguments and context, never the pass.
	Run func(pass *Pass) error
}

// Needs is a set of kinds of outside help a rule depends on.
type Needs uint8

// The kinds of outside help.
const (
	NeedsRegistry Needs = 1 << iota // a [beian.Registry]
	NeedsProber                     // a [beian.Prober]
)

// Title returns the first line of the rule's Doc.
func (r *Rule) Title() string {
	title, _, _ := strings.Cut(r.Doc, "\n")
	return title
}

// Config is what a validator knows besides the filing: the options its
// caller chose. A Config is read-only once a validator is built.
type Config struct {
	// Policies holds every province's policy.
	Policies *provinces.Policies
	// Registry answers from the caller's records; nil when none.
	Registry beian.Registry
	// Prober looks at websites; nil when none.
	Prober beian.Prober
	// Timeout bounds the outside calls of one validation, together: they
	// share one deadline, Timeout after the first of them (see
	// Pass.OutsideContext).
	Timeout time.Duration
	// SensitiveWords are the caller's words on top of the built-in
	// dictionary.
	SensitiveWords []string
	// Dictionary is the compiled sensitive-word dictionary the sitename
	// rule uses: validate.New builds it once per validator from the
	// built-in dictionary (or the one given with validate.WithDictionary)
	// and SensitiveWords. When nil, SensitiveDictionary compiles
	// SensitiveWords at each call: set it.
	Dictionary *names.Dictionary
	// Documents gives the bytes of a document by the path the filing
	// names; nil when the caller configured no source, and document files
	// are then not read (see validate.WithDocuments).
	Documents DocumentSource
	// DecodeGate bounds how many document images are decoded at once;
	// validate.New sets one of GOMAXPROCS slots (validate.WithDecodeGate
	// shares one). Nil: no bound.
	DecodeGate *scan.Gate
	// DocumentProfile names the image limits of package scan documents are
	// held to (scan.Profiles); empty means scan.DefaultProfile.
	DocumentProfile string
	// ApprovedRegistrars, when not nil, are the registrars MIIT approved
	// (names as the caller's domain records write them).
	ApprovedRegistrars []string
	// Registrars is ApprovedRegistrars compiled for lookup (names compared
	// as domain.SameName compares them); validate.WithApprovedRegistrars
	// sets both. When nil, the domain rule compiles ApprovedRegistrars at
	// each call.
	Registrars *domain.NameSet
	// Suffixes says which domain suffixes can be filed; nil means
	// domain.DefaultSuffixes (see validate.WithSuffixes).
	Suffixes *domain.SuffixList
	// Calendar is the working-day calendar waits are counted in; nil
	// means workday.Default().
	Calendar *workday.Calendar
	// Profile is the provider console profile (validate.WithProfile); nil
	// means the default, the strictest sourced values (see ProfileOf).
	Profile *Profile
	// PhoneSegments is the caller's segment (号段) table; its answers take
	// precedence over the built-in data of package phonenum. Nil: the
	// built-in data only.
	PhoneSegments *phonenum.Table
}

// SensitiveDictionary returns the dictionary of sensitive words: c's
// Dictionary when set, else the built-in one with c's SensitiveWords
// added (compiled anew at each call when there are any). A nil Config
// gives the built-in dictionary.
func (c *Config) SensitiveDictionary() *names.Dictionary {
	switch {
	case c == nil:
		return names.DefaultDictionary()
	case c.Dictionary != nil:
		return c.Dictionary
	case len(c.SensitiveWords) > 0:
		return names.DefaultDictionary().With(c.SensitiveWords...)
	}
	return names.DefaultDictionary()
}

// A Pass gives one rule the filing and what it needs to check it, and
// collects what the rule reports. The engine makes one per validation.
type Pass struct {
	// Rule is the rule being run.
	Rule *Rule
	// Filing is the filing to check, with invalid text removed. It is
	// shared: rules must not modify it.
	Filing *beian.Filing
	// Raw is the filing exactly as the caller gave it (only the text rule
	// needs it).
	Raw *beian.Filing
	// Province is the filing province; zero when the filing's province is
	// not recognised.
	Province provinces.Province
	// Policy is the policy of Province; the default policy (the "*" facts)
	// when Province is zero.
	Policy provinces.Policy
	// Today is the day of submission: the filing's SubmittedAt, or the
	// clock's day.
	Today beian.Date
	// Config holds the validator's options.
	Config *Config

	// passState is what Recycle clears whole; the parts after it hold
	// room for many entries, of which a validation uses a few, and are
	// cleared as far as it used them (pass_recycle.go).
	passState
	siteNames siteNames     // website names normalised once for every rule
	domains   parsedDomains // domains parsed once for every rule
}

// passState is the state of a pass Recycle clears whole: an embedded
// field of Pass, so that its fields read as the pass's own.
type passState struct {
	ctx          context.Context
	rejections   []Rejection
	skipped      []Skip
	args         []Arg             // the chunk keepArgs copies arguments into
	argCount     int               // how many arguments keepArgs copied
	lastArgs     int               // and how many for the recycled pass's last filing
	paths        chunk[beian.Path] // the chunk keepPaths copies related fields into
	fixes        chunk[Fix]        // the chunk withFix copies fixes into
	spareSkips   []Skip            // a recycled pass's memory for skipped, cleared (see Recycle)
	lastCount    int               // how many rejections the recycled pass recorded (see Add)
	lastUnits    int               // and the size of the filing it recorded them of (filingUnits)
	recycled     bool              // cleared by Recycle: Reset need not clear it again
	values       parsedValues      // values one rule parsed for a later one
	subject      subjectNames      // the subject's name read once for every rule (names_cache.go)
	local        phoneLocality     // the mobile_must_be_local fact as phone rejections cite it (phone.go)
	noRecord     noRecordMemo      // the last domain without a record, as skipped checks say it (verification.go)
	lastCode     Code              // the code defaults last looked up (Reject, then Add, look one code up)
	lastDefaults *codeDefault      // and its defaults, nil before the first
	subjectUnit  bool              // the filing's subject is a unit (Nature.IsUnit), set by Reset

	rawLookups int                   // Span's lookups of raw text so far
	rawIndex   map[beian.Path]string // the raw text fields by path, after a few lookups

	outsideOnce   sync.Once // sets outside, the deadline of every outside call
	outside       context.Context
	outsideCancel context.CancelFunc
}

// NewPass returns a pass over f for the engine. Raw is the filing as given
// and clean the one rules check.
func NewPass(ctx context.Context, raw, clean *beian.Filing, cfg *Config, today beian.Date) *Pass {
	p := new(Pass)
	p.Reset(ctx, raw, clean, cfg, today)
	return p
}

// Reset makes p the pass NewPass(ctx, raw, clean, cfg, today) would
// return, reusing its memory, so that an engine can keep passes in a pool.
// The slices Rejections and Skipped returned before are left to whoever
// holds them: p no longer refers to them. Reset must not be called while
// a rule still runs on p (see [Rule].Run).
func (p *Pass) Reset(ctx context.Context, raw, clean *beian.Filing, cfg *Config, today beian.Date) {
	if p.recycled {
		// Cleared by Recycle, but for Province and Policy, set below:
		// since then only the exported fields can have changed, and those
		// not set below are cleared.
		p.Rule, p.recycled = nil, false
	} else {
		// Cleared, then set: a composite literal assigned whole is built
		// on the stack and copied over p with the write barriers of all
		// of it.
		spare, last, units, lastArgs := p.spareSkips, p.lastCount, p.lastUnits, p.lastArgs
		lastPaths, lastFixes := p.paths.last, p.fixes.last
		*p = Pass{}
		p.spareSkips, p.lastCount, p.lastUnits, p.lastArgs = spare, last, units, lastArgs
		p.paths.last, p.fixes.last = lastPaths, lastFixes
	}
	p.Filing, p.Raw, p.Config, p.Today, p.ctx = clean, raw, cfg, today, ctx
	p.subjectUnit = clean.Subject.Nature.IsUnit()
	// Province is zero when the filing's is not known, and Policy the
	// fallback then (CopyFor of no province).
	p.Province, _ = provinces.Lookup(clean.Province)
	cfg.Policies.CopyFor(&p.Policy, p.Province.Code)
}

// unit reports whether the filing's subject is a unit (单位): its
// Nature.IsUnit, read once by Reset rather than by each rule, so that the
// rules do not each carry the natures' comparisons (TestUnitAsIsUnit).
func (p *Pass) unit() bool { return p.subjectUnit }

// maxSpareSkips bounds the memory of skipped checks a recycled pass keeps
// (64 records: 4 KB).
const maxSpareSkips = 64

// Context returns the validation's context; outside calls must honour it.
func (p *Pass) Context() context.Context { return p.ctx }

// OutsideContext returns the context for one outside call (Registry,
// Prober, document source): the validation's context bounded by the
// configured timeout. Every outside call of a pass shares the one
// deadline, set by the first call (a validation without outside calls
// sets none), so that a validation spends at most the timeout waiting
// on outside help. Call cancel when the call returns; it releases
// nothing, the engine does (Pass.Finish).
func (p *Pass) OutsideContext() (ctx context.Context, cancel context.CancelFunc) {
	p.outsideOnce.Do(func() {
		timeout := p.Config.Timeout
		if timeout <= 0 {
			timeout = DefaultTimeout
		}
		p.outside, p.outsideCancel = context.WithTimeout(p.ctx, timeout)
	})
	return p.outside, func() {}
}

// Finish releases the deadline of the pass's outside calls. The engine
// calls it when every rule has run.
func (p *Pass) Finish() {
	if p.outsideCancel != nil {
		p.outsideCancel()
	}
}

// DefaultTimeout bounds the outside calls of a validation when the Config
// gives no timeout.
const DefaultTimeout = 3 * time.Second

// Report records a rejection of field with code at the code's default
// severity.
func (p *Pass) Report(field beian.Path, code Code, args ...Arg) {
	d := p.defaults(code) // one lookup for the severity and the source
	// Its default source set (or none, which Add would look up again).
	p.add(&Rejection{Code: code, Severity: d.severity, Field: field, Args: p.keepArgs(args), Source: d.sourceAt(d.severity)})
}

// ReportAt records a rejection with the given severity.
func (p *Pass) ReportAt(field beian.Path, code Code, sev Severity, args ...Arg) {
	p.add(&Rejection{Code: code, Severity: sev, Field: field, Args: p.keepArgs(args), Source: p.defaults(code).sourceAt(sev)})
}

// ReportFact records a rejection that follows from a province policy fact
// (a provinces.Fact, whose source it carries): at the code's default
// severity when the fact is certain, as a warning when it is not.
func (p *Pass) ReportFact(field beian.Path, code Code, fact Source, args ...Arg) {
	sev := p.defaults(code).severity
	if !fact.Certain && sev > Warning {
		sev = Warning
	}
	p.Add(Rejection{Code: code, Severity: sev, Field: field, Args: p.keepArgs(args), Source: fact})
}

// keepArgs returns a copy of args in the pass's memory for arguments,
// capped, so that the arguments of Report, ReportAt, ReportFact and Reject
// do not escape: the callers' variadic arrays stay on their stacks, and a
// validation allocates a chunk for many rejections' arguments instead of
// one array for each, its first sized by the last validation's. Nil
// stays nil and empty empty. A recycled pass
// drops its chunk: the reports hold what it gave out.
func (p *Pass) keepArgs(args []Arg) []Arg {
	switch {
	case args == nil:
		return nil
	case len(args) == 0:
		return noArgs
	}
	if len(p.args)+len(args) > cap(p.args) {
		room := 2 * cap(p.args) // then twice the last chunk, up to 1,024
		if p.args == nil {
			// The first: room for as many as the last filing's, in
			// proportion to the filing's size (see rejectionsRoom).
			room = rejectionsRoom(p.lastArgs, p.lastUnits, filingUnits(p.Filing))
		}
		p.args = make([]Arg, 0, max(len(args), min(room, 1024)))
	}
	p.argCount += len(args)
	n := len(p.args)
	p.args = append(p.args, args...)
	return p.args[n : n+len(args) : n+len(args)]
}

// noArgs is the empty, not nil, list of arguments keepArgs returns for
// an empty one.
var noArgs = []Arg{}

// keepPaths returns a copy of paths in the pass's memory for related
// fields, capped, as keepArgs copies arguments: a rejection's Related
// costs no allocation of its own (TestRejectedAllocations).
func (p *Pass) keepPaths(paths ...beian.Path) []beian.Path {
	return p.paths.keep(paths, p.lastUnits, filingUnits(p.Filing))
}

// withFix returns r with fix added to its fixes, as r.WithFix(fix) does,
// the fixes in the pass's memory for them when r had none.
func (p *Pass) withFix(r Rejection, fix Fix) Rejection {
	if len(r.Fixes) > 0 {
		return r.WithFix(fix)
	}
	r.Fixes = p.fixes.keep([]Fix{fix}, p.lastUnits, filingUnits(p.Filing))
	return r
}

// A chunk is memory a pass hands out in pieces, each capped, so that
// appending to one never writes over the next: many rejections' related
// fields or fixes in one allocation instead of one each, the first
// chunk sized by the last filing's count (rejectionsRoom), the next twice
// the last, up to 1,024. The reports hold what it handed out: a recycled
// pass drops it (Recycle), keeping only the count.
type chunk[T any] struct {
	free  []T
	count int // how many it handed out
	last  int // and how many for the recycled pass's last filing
}

// keep returns a copy of xs from c, in a filing of units (lastUnits for
// the last filing); nil for none.
func (c *chunk[T]) keep(xs []T, lastUnits, units int) []T {
	if len(xs) == 0 {
		return nil
	}
	if len(c.free)+len(xs) > cap(c.free) {
		room := 2 * cap(c.free)
		if c.free == nil {
			room = rejectionsRoom(c.last, lastUnits, units)
		}
		c.free = make([]T, 0, max(len(xs), min(room, 1024)))
	}
	c.count += len(xs)
	n := len(c.free)
	c.free = append(c.free, xs...)
	return c.free[n : n+len(xs) : n+len(xs)]
}

// Add records r as given, filling in the rule's name, and, when r has no
// source, the published rule behind its code (see codeSourceKeys).
func (p *Pass) Add(r Rejection) {
	if r.Source.IsZero() {
		r.Source = p.defaults(r.Code).sourceAt(r.Severity)
	}
	p.add(&r)
}

// defaults returns code's defaults (defaultsOf), looked up again only for
// another code than the last: a rule's Reject and the Add of its
// rejection, or reports of one code one after the other, look it up once.
func (p *Pass) defaults(code Code) *codeDefault {
	if p.lastDefaults == nil || p.lastCode != code {
		p.lastCode, p.lastDefaults = code, defaultsAt(code)
	}
	return p.lastDefaults
}

// add is Add for a rejection whose source is set, or is its code's
// default (Report's and ReportAt's, which looked it up already): the rule's
// name filled in, r is recorded.
func (p *Pass) add(r *Rejection) {
	if p.Rule != nil {
		r.Rule = p.Rule.Name
	}
	switch {
	case p.rejections == nil:
		p.rejections = make([]Rejection, 0, rejectionsRoom(p.lastCount, p.lastUnits, filingUnits(p.Filing)))
	case len(p.rejections) == cap(p.rejections):
		// Doubled, not grown by append's quarter for a large slice: a
		// report that outgrows its room allocates twice its size in all,
		// not five times.
		grown := make([]Rejection, len(p.rejections), 2*cap(p.rejections))
		copy(grown, p.rejections)
		p.rejections = grown
	}
	// Written in place: append would copy the 216 bytes of r to the
	// stack first, then to the slice.
	n := len(p.rejections)
	p.rejections = p.rejections[:n+1]
	p.rejections[n] = *r
}

// rejectionsRoom returns the room a pass makes for its rejections at the
// first, in one allocation instead of growing through 1, 2, 4 and 8
// records of 216 bytes: a rejected filing has a dozen or so, and a
// recycled pass last recorded last of them (0 when it recorded none or
// is new) in a filing of lastUnits (filingUnits), the one to check being
// of units. Filings validated one after another tend to be alike: room
// for one more than the last rejected one's, in proportion to the
// filing's size, up to 64 a unit (a larger report doubles its room);
// 16, or one a unit of a larger filing, when there is no last one. In
// proportion, so that a filing of 1,000 websites does not grow its 11,000
// rejections through a dozen copies, which made the time per website grow
// with the websites.
func rejectionsRoom(last, lastUnits, units int) int {
	if last == 0 {
		// Nothing known: room for 16, or for one a unit in a large filing.
		return max(16, units)
	}
	lastUnits, units = max(lastUnits, 1), max(units, 1)
	return min((last*units+lastUnits-1)/lastUnits+1, 64*units)
}

// filingUnits is the size of f for rejectionsRoom: 1 and its websites and
// apps, of which the rejections of a large filing are.
func filingUnits(f *beian.Filing) int {
	if f == nil {
		return 1
	}
	return 1 + len(f.Websites) + len(f.Apps)
}

// Skip records that the check for code did not run, and why.
func (p *Pass) Skip(code Code, reason Text) {
	s := Skip{Code: code, Reason: reason}
	if p.Rule != nil {
		s.Rule = p.Rule.Name
	}
	if p.skipped == nil {
		// A recycled pass's memory, or room for a few in one allocation.
		p.skipped, p.spareSkips = p.spareSkips, nil
		if p.skipped == nil {
			p.skipped = make([]Skip, 0, 8)
		}
	}
	p.skipped = append(p.skipped, s)
}

// Rejections returns what the rules reported so far, unsorted.
//
// A field with invisible characters and another certain fix gets one
// value from both (composeTextFixes): the TEXT_INVALID fix, which removes
// the invisible characters alone, takes the other fix's value, which the
// rules computed from the text without them, so that applying every fix
// of a report, in any order, leaves no fixed rejection behind.
func (p *Pass) Rejections() []Rejection {
	composeTextFixes(p.rejections)
	return p.rejections
}

// composeTextFixes gives each TEXT_INVALID fix the value of the other
// fixes of its field, where they agree on one (outsider18's F1: 示例科技❤️官网
// with U+FE0F: SITE_NAME_SPECIAL_CHARS's fix 示例科技官网, TEXT_INVALID's
// 示例科技❤官网, applied last, brought the symbol back). It costs a look at
// each rejection's code when none has such a fix.
func composeTextFixes(rs []Rejection) {
	texts := 0
	for i := range rs {
		if rs[i].Code == CodeTextInvalid && len(rs[i].Fixes) > 0 {
			texts++
		}
	}
	if texts == 0 {
		return
	}
	if texts <= 4 {
		// A few: each field's other fixes are looked for in place, with
		// no map to build (a rejected filing with one such field).
		for i := range rs {
			if rs[i].Code != CodeTextInvalid {
				continue
			}
			for k := range rs[i].Fixes {
				if o, ok := agreedFix(rs, rs[i].Fixes[k].Field); ok {
					composeFix(&rs[i].Fixes[k], o)
				}
			}
		}
		return
	}
	type otherFix struct {
		fix    Fix
		agreed bool // every other fix of the field has fix.Value
	}
	others := make(map[beian.Path]otherFix, texts)
	for i := range rs {
		if rs[i].Code == CodeTextInvalid {
			continue
		}
		for _, f := range rs[i].Fixes {
			if o, seen := others[f.Field]; !seen {
				others[f.Field] = otherFix{f, true}
			} else if o.fix.Value != f.Value {
				o.agreed = false
				others[f.Field] = o
			}
		}
	}
	for i := range rs {
		if rs[i].Code != CodeTextInvalid {
			continue
		}
		for k := range rs[i].Fixes {
			f := &rs[i].Fixes[k]
			if o, ok := others[f.Field]; ok && o.agreed {
				composeFix(f, o.fix)
			}
		}
	}
}

// agreedFix returns the fix of field that the rejections other than
// TEXT_INVALID give, and whether they give one value (false when none
// does, or two disagree).
func agreedFix(rs []Rejection, field beian.Path) (Fix, bool) {
	var found Fix
	ok := false
	for j := range rs {
		if rs[j].Code == CodeTextInvalid {
			continue
		}
		for _, f := range rs[j].Fixes {
			switch {
			case f.Field != field:
			case !ok:
				found, ok = f, true
			case f.Value != found.Value:
				return Fix{}, false
			}
		}
	}
	return found, ok
}

// composeFix gives a TEXT_INVALID fix the value of the other fix o of its
// field, and a title that says both.
func composeFix(f *Fix, o Fix) {
	if o.Value == f.Value {
		return
	}
	f.Value = o.Value
	f.Title = Text{f.Title.ZH + "，并" + o.Title.ZH, f.Title.EN + ", and " + lowerFirst(o.Title.EN)}
}

// lowerFirst returns s with its first letter in lower case, for a title
// that continues another.
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

// Skipped returns the checks skipped so far.
func (p *Pass) Skipped() []Skip { return p.skipped }

// defaultSeverity returns code's declared severity, Error for an
// undeclared code (which TestRuleCodesDeclared prevents).
func defaultSeverity(code Code) Severity { return defaultsOf(code).severity }

// Check reports whether the rules are well formed: names are unique
// lower-case identifiers, docs have a proper title, Run is set, and every
// code is declared. It is what the tests run; callers assembling their
// own rule sets may run it too.
func Check(rules []*Rule) error {
	var errs []error
	seen := map[string]bool{}
	for _, r := range rules {
		switch {
		case r == nil:
			errs = append(errs, errors.New("rules: nil rule"))
			continue
		case !token.IsIdentifier(r.Name) || strings.ToLower(r.Name) != r.Name:
			errs = append(errs, fmt.Errorf("rules: rule name %q is not a lower-case identifier", r.Name))
		case seen[r.Name]:
			errs = append(errs, fmt.Errorf("rules: duplicate rule name %q", r.Name))
		}
		seen[r.Name] = true
		title := r.Title()
		if title == "" || len([]rune(title)) >= 80 || strings.HasSuffix(title, ".") || strings.ToLower(title[:1]) != title[:1] {
			errs = append(errs, fmt.Errorf("rules: %s: doc title %q must be lower case, under 80 characters, without a final period", r.Name, title))
		}
		if r.Run == nil {
			errs = append(errs, fmt.Errorf("rules: %s: no Run", r.Name))
		}
		if len(r.Codes) == 0 {
			errs = append(errs, fmt.Errorf("rules: %s: no codes", r.Name))
		}
		for _, c := range r.Codes {
			if _, ok := Describe(c); !ok {
				errs = append(errs, fmt.Errorf("rules: %s: undeclared code %q", r.Name, c))
			}
		}
	}
	return errors.Join(errs...)
}
