package domain

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"

	"github.com/icpcheck/beian/internal/gentool"
)

// suffixesFile is data/suffixes.txt, which suffixes_table.go is
// generated from.
var suffixesFile = func() []byte {
	b, err := os.ReadFile("data/suffixes.txt")
	if err != nil {
		panic(err)
	}
	return b
}()

// TestDefaultSuffixesAsFile: the compiled list is the one ParseSuffixList
// reads from data/suffixes.txt (else run go generate ./rules/domain).
func TestDefaultSuffixesAsFile(t *testing.T) {
	want, err := ParseSuffixList(bytes.NewReader(suffixesFile))
	if err != nil {
		t.Fatal(err)
	}
	got := DefaultSuffixes()
	if got.Version() != want.Version() || !slices.Equal(got.Sources(), want.Sources()) || !slices.Equal(got.Entries(), want.Entries()) {
		t.Fatalf("suffixes_table.go differs from data/suffixes.txt: run go generate ./rules/domain")
	}
	// The binary search needs the names strictly increasing; every name
	// is found, and a name between two is not.
	if !slices.IsSortedFunc(builtinSuffixes[:], func(a, b Suffix) int { return strings.Compare(a.Name, b.Name) }) {
		t.Fatal("builtinSuffixes not sorted by name")
	}
	for i, e := range builtinSuffixes {
		if i > 0 && builtinSuffixes[i-1].Name == e.Name {
			t.Errorf("%s twice", e.Name)
		}
		if g, ok := got.LookupName(e.Name); !ok || g != e {
			t.Errorf("LookupName(%q) = %+v, %v", e.Name, g, ok)
		}
		if _, ok := got.LookupName(e.Name + "0"); ok && !slices.ContainsFunc(builtinSuffixes[:], func(x Suffix) bool { return x.Name == e.Name+"0" }) {
			t.Errorf("LookupName(%q) found", e.Name+"0")
		}
	}
	// With turns the built-in list into a map holding all of it.
	w, err := got.With(Suffix{Name: "example", Status: Filable, Sources: "A"})
	if err != nil {
		t.Fatal(err)
	}
	if w.Len() != got.Len()+1 || !slices.Equal(slices.DeleteFunc(w.Entries(), func(e Suffix) bool { return e.Name == "example" }), got.Entries()) {
		t.Fatalf("With on the built-in list: %d entries, want %d", w.Len(), got.Len()+1)
	}
}

// TestSuffixesTableCurrent: gen_suffixes.go writes suffixes_table.go as it
// is (exhaustive run only).
func TestSuffixesTableCurrent(t *testing.T) { gentool.CheckCurrent(t, "gen_suffixes.go") }

func TestDefaultSuffixes(t *testing.T) {
	l := DefaultSuffixes()
	if l != DefaultSuffixes() {
		t.Fatal("DefaultSuffixes builds a new list on each call")
	}
	if l.Version() != SuffixesVersion {
		t.Fatalf("data/suffixes.txt has version %q, SuffixesVersion is %q", l.Version(), SuffixesVersion)
	}
	if l.Len() < 150 {
		t.Fatalf("only %d suffixes", l.Len())
	}
	ids := map[string]bool{}
	for _, s := range l.Sources() {
		if s.Text == "" {
			t.Errorf("source %s has no description", s.ID)
		}
		ids[s.ID] = true
	}
	for _, e := range l.Entries() {
		// Every suffix on the built-in list is an ICANN public suffix, so
		// that Parse gives it as a Domain's Suffix.
		if ps, icann := publicsuffix.PublicSuffix(e.Name); ps != e.Name || !icann {
			t.Errorf("%s (%s) is not an ICANN public suffix (got %q, %v)", e.Name, e.Unicode(), ps, icann)
		}
		for _, id := range strings.Fields(e.Sources) {
			if !ids[id] {
				t.Errorf("%s: undeclared source %s", e.Name, id)
			}
		}
		if e.Status != Filable && e.Note == "" {
			t.Errorf("%s is %v without a note saying why", e.Name, e.Status)
		}
	}
}

// TestSuffixFacts checks the reference's verdict on each disputed or
// notable suffix (the sources of data/suffixes.txt compared) one by one.
func TestSuffixFacts(t *testing.T) {
	want := map[string]Status{
		// disputed: the sources disagree
		"org": Disputed, "asia": Disputed, "tel": Disputed,
		// not filable
		"io": NotFilable, "me": NotFilable, "win": NotFilable, "jp": NotFilable, "hk": NotFilable,
		"tw": NotFilable, "so": NotFilable, "dev": NotFilable, "app": NotFilable, "ai": NotFilable,
		// filable now, whatever old pages said
		"co": Filable, "biz": Filable, "cc": Filable, "tv": Filable, "xyz": Filable, "mobi": Filable,
		"info": Filable, "com": Filable, "net": Filable, "cn": Filable, "top": Filable, "vip": Filable,
		"com.cn": Filable, "gov.cn": Filable, "org.cn": Filable, "hk.cn": Filable, "tw.cn": Filable,
		"中国": Filable, "中國": Filable, "政务": Filable, "公益": Filable, "公司": Filable, "网络": Filable,
		// on no list
		"uk": Unlisted, "de": Unlisted, "ru": Unlisted, "us": Unlisted, "gov": Unlisted,
	}
	l := DefaultSuffixes()
	for name, st := range want {
		e, ok := l.LookupName(name)
		if ok != (st != Unlisted) || e.Status != st {
			t.Errorf("%s: status %v (listed %v), want %v", name, e.Status, ok, st)
		}
		d, err := Parse("example." + name)
		if err != nil {
			t.Errorf("example.%s: %v", name, err)
			continue
		}
		if got := l.Lookup(d); got.Status != st {
			t.Errorf("Lookup(example.%s) = %v, want %v", name, got.Status, st)
		}
	}
	var disputed []string
	for _, e := range l.Entries() {
		if e.Status == Disputed {
			disputed = append(disputed, e.Name)
		}
	}
	if !slices.Equal(disputed, []string{"asia", "org", "tel"}) {
		t.Errorf("disputed suffixes %v, want asia, org, tel", disputed)
	}
}

func TestSuffixLookupFallback(t *testing.T) {
	l := DefaultSuffixes()
	for in, want := range map[string]string{
		"www.example.sh.cn":  "sh.cn",
		"example.com.cn":     "com.cn",
		"例子.中国":              "xn--fiqs8s",
		"a.example.gov.cn":   "gov.cn",
		"example.ah.cn":      "ah.cn",
		"user.github.io":     "io",
		"example.co.uk":      "co.uk", // unlisted: the name is the domain's suffix
		"example.xn--io0a7i": "xn--io0a7i",
	} {
		d, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Lookup(d); got.Name != want {
			t.Errorf("Lookup(%s) = %q (%v), want %q", in, got.Name, got.Status, want)
		}
	}
	if got := l.Lookup(Domain{}); got.Status != Unlisted || got.Name != "" {
		t.Errorf("Lookup(zero) = %+v", got)
	}
	// A list with cn but not its second levels decides them by cn.
	small, err := NewSuffixList("test", Suffix{Name: ".CN", Status: Filable})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := Parse("example.sh.cn")
	if got := small.Lookup(d); got.Name != "cn" || got.Status != Filable {
		t.Errorf("fallback to cn: %+v", got)
	}
}

func TestSuffixListWith(t *testing.T) {
	base := DefaultSuffixes()
	n := base.Len()
	ext, err := base.With(
		Suffix{Name: "org", Status: Filable, Sources: "M", Note: "confirmed on domain.miit.gov.cn"},
		Suffix{Name: "dev", Status: Disputed},
		Suffix{Name: "例子", Status: Filable}, // a new IDN suffix, in Unicode
	)
	if err != nil {
		t.Fatal(err)
	}
	if base.Len() != n {
		t.Fatal("With changed the list it was called on")
	}
	if e, _ := base.LookupName("org"); e.Status != Disputed {
		t.Fatal("With changed the base's entry")
	}
	for name, st := range map[string]Status{"org": Filable, "dev": Disputed, "例子": Filable, "com": Filable, "io": NotFilable} {
		if e, _ := ext.LookupName(name); e.Status != st {
			t.Errorf("extended %s = %v, want %v", name, e.Status, st)
		}
	}
	if ext.Len() != n+1 {
		t.Errorf("extended list has %d entries, want %d", ext.Len(), n+1)
	}
	if _, err := base.With(Suffix{Name: "a b", Status: Filable}); err == nil {
		t.Error("With accepted a suffix with a space")
	}
	if _, err := base.With(Suffix{Name: "ok", Status: Unlisted}); err == nil {
		t.Error("With accepted status Unlisted")
	}
	if _, err := NewSuffixList("", Suffix{Name: "", Status: Filable}); err == nil {
		t.Error("NewSuffixList accepted an empty name")
	}
	if _, err := NewSuffixList("", Suffix{Name: "x", Status: Status(9)}); err == nil {
		t.Error("NewSuffixList accepted status 9")
	}
	empty, _ := NewSuffixList("none")
	if e, _ := empty.With(Suffix{Name: "cn", Status: Filable}); e.Len() != 1 {
		t.Error("With on an empty list")
	}
}

// writeList writes l in the file format ParseSuffixList reads.
func writeList(l *SuffixList) []byte {
	var b bytes.Buffer
	if l.Version() != "" {
		fmt.Fprintf(&b, "# version: %s\n", l.Version())
	}
	for _, s := range l.Sources() {
		fmt.Fprintf(&b, "# source %s: %s\n", s.ID, s.Text)
	}
	for _, e := range l.Entries() {
		fmt.Fprintf(&b, "%s,%s,%s", e.Name, e.Status, e.Sources)
		if e.Note != "" {
			fmt.Fprintf(&b, ",%s", e.Note)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestSuffixListRoundTrip(t *testing.T) {
	l := DefaultSuffixes()
	again, err := ParseSuffixList(bytes.NewReader(writeList(l)))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again.Entries(), l.Entries()) || !slices.Equal(again.Sources(), l.Sources()) || again.Version() != l.Version() {
		t.Fatal("round trip changed the list")
	}
}

func TestParseSuffixListErrors(t *testing.T) {
	head := "# version: 1\n# source A: a\n"
	for name, tc := range map[string]struct {
		in   string
		line int
		msg  string // a regexp the error matches
	}{
		"too few fields":      {head + "com,filable\n", 3, "want SUFFIX"},
		"bad status":          {head + "com,allowed,A\n", 3, "status"},
		"unlisted status":     {head + "com,unlisted,A\n", 3, "status"},
		"no source":           {head + "com,filable, \n", 3, "no source"},
		"undeclared source":   {head + "com,filable,A B\n", 3, "source B"},
		"bad suffix":          {head + "\ncom,filable,A\nex ample,filable,A\n", 5, "suffix"},
		"empty suffix":        {head + ",filable,A\n", 3, "empty"},
		"duplicate":           {head + "com,filable,A\nCOM,disputed,A\n", 4, "twice"},
		"duplicate unicode":   {head + "中国,filable,A\nxn--fiqs8s,disputed,A\n", 4, "twice"},
		"second version":      {head + "# version: 2\n", 3, "version"},
		"empty version":       {"# version:\n", 1, "version"},
		"source twice":        {head + "# source A: again\n", 3, "twice"},
		"malformed source":    {"# source : x\n", 1, "source"},
		"source without text": {"# source A\n", 1, "source"},
		"long line":           {head + strings.Repeat("x", 70<<10) + "\n", 3, "too long"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseSuffixList(strings.NewReader(tc.in))
			var le *ListError
			if !errors.As(err, &le) {
				t.Fatalf("error %v, want a *ListError", err)
			}
			if le.Line != tc.line {
				t.Errorf("line %d, want %d (%v)", le.Line, tc.line, err)
			}
			if !regexp.MustCompile(tc.msg).MatchString(err.Error()) {
				t.Errorf("error %q does not match %q", err, tc.msg)
			}
		})
	}
}

func TestParseSuffixListAccepts(t *testing.T) {
	in := "\uFEFF# a comment\n\n  # version: 2027-01-01  \n# source M: MIIT\n .COM , filable , M \n中国,disputed,M,note, with a comma\r\n"
	l, err := ParseSuffixList(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if l.Version() != "2027-01-01" || l.Len() != 2 {
		t.Fatalf("version %q len %d", l.Version(), l.Len())
	}
	e, ok := l.LookupName("中国")
	if !ok || e.Status != Disputed || e.Note != "note, with a comma" || e.Name != "xn--fiqs8s" || e.Unicode() != "中国" {
		t.Fatalf("entry %+v", e)
	}
	if _, ok := l.LookupName("bad name!"); ok {
		t.Fatal("LookupName of a bad name")
	}
}

func TestParseSuffixListTooLarge(t *testing.T) {
	line := "# padding padding padding padding padding padding padding padding\n"
	big := strings.Repeat(line, MaxSuffixListSize/len(line)+2)
	if _, err := ParseSuffixList(strings.NewReader(big)); !errors.Is(err, ErrListTooLarge) {
		t.Fatalf("error %v, want ErrListTooLarge", err)
	}
	// Cut in the middle of an entry, it still says too large.
	head := "# source A: a\n"
	n := MaxSuffixListSize - len(head) - 5 // bytes before the entry
	pad := strings.Repeat(strings.Repeat("#", 59)+"\n", n/60) + strings.Repeat("#", n%60-1) + "\n"
	big = head + pad + "com,filable,A\n" // the limit falls inside the entry
	if _, err := ParseSuffixList(strings.NewReader(big)); !errors.Is(err, ErrListTooLarge) {
		t.Fatalf("error %v, want ErrListTooLarge", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseSuffixListReadError(t *testing.T) {
	if _, err := ParseSuffixList(failingReader{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("error %v", err)
	}
}

func TestStatusString(t *testing.T) {
	for st, s := range map[Status]string{Unlisted: "unlisted", Filable: "filable", NotFilable: "not_filable", Disputed: "disputed", 7: "Status(7)"} {
		if st.String() != s {
			t.Errorf("%d: %q", st, st.String())
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	done := make(chan bool)
	for range 8 {
		go func() {
			d, _ := Parse("www.例子.中国")
			ok := DefaultSuffixes().Lookup(d).Status == Filable && SameName("騰訊", "腾讯")
			done <- ok
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("wrong answer under concurrent use")
		}
	}
}
