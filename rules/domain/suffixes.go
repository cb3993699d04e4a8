package domain

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// SuffixesVersion is the edition of the built-in list of filable suffixes
// (the "# version:" line of data/suffixes.txt; a test keeps them equal).
const SuffixesVersion = "2026-12-01"

// MIITSuffixSite is MIIT's 域名行业管理信息公示 site, the authority on which
// suffixes and registrars are approved; disputed suffixes are to be
// confirmed there.
const MIITSuffixSite = "https://domain.miit.gov.cn"

// MaxSuffixListSize is the largest suffix list ParseSuffixList reads, in
// bytes.
const MaxSuffixListSize = 1 << 20

// Status says whether a website under a suffix can be filed.
type Status uint8

// The statuses of a suffix.
const (
	// Unlisted: the suffix is not on the list; treat it as not filable.
	Unlisted Status = iota
	// Filable: MIIT has approved the suffix.
	Filable
	// NotFilable: the suffix is known not to be approved.
	NotFilable
	// Disputed: the sources disagree; confirm on [MIITSuffixSite].
	Disputed
)

var statusNames = [...]string{Unlisted: "unlisted", Filable: "filable", NotFilable: "not_filable", Disputed: "disputed"}

// String returns the status as the list file writes it: "filable",
// "not_filable", "disputed", or "unlisted".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

func parseStatus(s string) (Status, bool) {
	for i, n := range statusNames {
		if n == s && Status(i) != Unlisted {
			return Status(i), true
		}
	}
	return Unlisted, false
}

// A Suffix is one entry of a [SuffixList].
type Suffix struct {
	// Name is the suffix in lower-case ASCII form, without a leading dot:
	// "com", "com.cn", "xn--fiqs8s" (中国).
	Name string
	// Status says whether sites under the suffix can be filed.
	Status Status
	// Sources are the IDs of the list's sources behind the entry,
	// separated by spaces.
	Sources string
	// Note explains the entry; empty when there is nothing to add.
	Note string
}

// Unicode returns the suffix's name in Unicode form: "中国".
func (s Suffix) Unicode() string { return toUnicode(s.Name) }

// A Source is one source a suffix list was compiled from.
type Source struct {
	// ID is how entries refer to the source.
	ID string
	// Text describes the source: what, where, of when.
	Text string
}

// A SuffixList says which domain suffixes can be filed. It is immutable
// and safe for concurrent use; build one with [ParseSuffixList] or
// [NewSuffixList], or take the built-in [DefaultSuffixes].
type SuffixList struct {
	version string
	sources []Source
	entries map[string]Suffix
	sorted  []Suffix // the built-in list (builtinSuffixes, by name), looked up in builtinSuffixSlots
}

//go:generate go run gen_suffixes.go

// defaultSuffixes is the built-in list: suffixes_table.go, which
// gen_suffixes.go writes from data/suffixes.txt with ParseSuffixList (a
// test compares the two), looked up in place in its generated hash table,
// so that nothing is built at run time.
var defaultSuffixes = SuffixList{version: builtinSuffixesVersion, sources: builtinSuffixSources[:], sorted: builtinSuffixes[:]}

// DefaultSuffixes returns the built-in list, edition [SuffixesVersion]:
// data/suffixes.txt, compiled into the program by go generate.
func DefaultSuffixes() *SuffixList { return &defaultSuffixes }

// NewSuffixList returns a list holding entries. Names may be given in
// Unicode or ASCII form, with or without a leading dot; a later entry for
// the same suffix replaces an earlier one. The error names the first entry
// whose name is not a domain or whose status is not Filable, NotFilable or
// Disputed.
func NewSuffixList(version string, entries ...Suffix) (*SuffixList, error) {
	l := &SuffixList{version: version, entries: make(map[string]Suffix, len(entries))}
	if err := l.add(entries); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *SuffixList) add(entries []Suffix) error {
	for i, e := range entries {
		name, err := suffixName(e.Name)
		if err != nil {
			return fmt.Errorf("domain: suffix entry %d: %w", i, err)
		}
		if e.Status == Unlisted || e.Status > Disputed {
			return fmt.Errorf("domain: suffix entry %d (%s): status %v is not filable, not_filable or disputed", i, e.Name, e.Status)
		}
		e.Name = name
		l.entries[name] = e
	}
	return nil
}

// suffixName returns the ASCII form of a suffix as a list writes it.
func suffixName(s string) (string, error) {
	t := strings.TrimPrefix(strings.TrimSpace(s), ".")
	if t == "" {
		return "", errors.New("empty suffix")
	}
	ascii, r := toASCII(Narrow(t))
	if r != 0 {
		return "", fmt.Errorf("suffix %q: %s", s, r)
	}
	return ascii, nil
}

// With returns a new list holding l's entries and entries, the latter
// replacing l's for the same suffix. l is unchanged.
func (l *SuffixList) With(entries ...Suffix) (*SuffixList, error) {
	n := &SuffixList{version: l.version, sources: l.sources, entries: maps.Clone(l.entries)}
	if l.sorted != nil {
		n.entries = make(map[string]Suffix, len(l.sorted)+len(entries))
		for _, e := range l.sorted {
			n.entries[e.Name] = e
		}
	}
	if n.entries == nil {
		n.entries = make(map[string]Suffix, len(entries))
	}
	if err := n.add(entries); err != nil {
		return nil, err
	}
	return n, nil
}

// Lookup returns the entry that decides d: the entry of d's public suffix,
// or else of the nearest parent on the list (com.cn falls back to cn). The
// result has Status Unlisted and Name d.Suffix() when none is listed.
func (l *SuffixList) Lookup(d Domain) Suffix {
	s := d.Suffix()
	if s == "" {
		return Suffix{}
	}
	for {
		if e, ok := l.get(s); ok {
			return e
		}
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return Suffix{Name: d.Suffix()}
		}
		s = s[i+1:]
	}
}

// LookupName returns the entry for exactly the suffix name (Unicode or
// ASCII, with or without a leading dot), and false when it is not listed.
func (l *SuffixList) LookupName(name string) (Suffix, bool) {
	n, err := suffixName(name)
	if err != nil {
		return Suffix{}, false
	}
	return l.get(n)
}

// get returns the entry of the ASCII suffix name.
func (l *SuffixList) get(name string) (Suffix, bool) {
	if l.sorted != nil { // the built-in list
		const n = uint32(len(builtinSuffixSlots))
		for i := suffixHash(hashOffset, name) % n; ; i = (i + 1) % n {
			e := builtinSuffixSlots[i]
			if e == 0 {
				return Suffix{}, false
			}
			if builtinSuffixes[e-1].Name == name {
				return builtinSuffixes[e-1], true
			}
		}
	}
	e, ok := l.entries[name]
	return e, ok
}

// Len returns the number of entries.
func (l *SuffixList) Len() int {
	if l.sorted != nil {
		return len(l.sorted)
	}
	return len(l.entries)
}

// Entries returns the entries sorted by name; the slice is new.
func (l *SuffixList) Entries() []Suffix {
	if l.sorted != nil {
		return slices.Clone(l.sorted)
	}
	out := slices.Collect(maps.Values(l.entries))
	slices.SortFunc(out, func(a, b Suffix) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Version returns the list's edition: its file's "# version:" line, or
// what NewSuffixList was given.
func (l *SuffixList) Version() string { return l.version }

// Sources returns the sources the list file names; the slice is new.
func (l *SuffixList) Sources() []Source { return slices.Clone(l.sources) }

// A ListError reports a line of a suffix list that cannot be read.
type ListError struct {
	// Line is the line number, from 1.
	Line int
	// Err says what is wrong.
	Err error
}

// Error returns "domain: suffix list line N: …".
func (e *ListError) Error() string {
	return fmt.Sprintf("domain: suffix list line %d: %v", e.Line, e.Err)
}

// Unwrap returns e.Err.
func (e *ListError) Unwrap() error { return e.Err }

// ErrListTooLarge is returned by ParseSuffixList for input over
// [MaxSuffixListSize] bytes.
var ErrListTooLarge = errors.New("domain: suffix list larger than 1 MiB")

// ParseSuffixList reads a suffix list in the format of the built-in
// data/suffixes.txt:
//
//	# version: 2026-12-01
//	# source A: where the facts come from
//	# any other comment
//	com,filable,A
//	org,disputed,A C,what the sources say
//
// One entry a line: the suffix (ASCII or Unicode, no leading dot), its
// status (filable, not_filable or disputed), the IDs of its sources
// separated by spaces, and an optional note running to the end of the
// line. Every source ID an entry names must be declared by a "# source"
// line, and a suffix may appear once. Blank lines are ignored. Errors are
// *ListError values with the line number, or ErrListTooLarge.
func ParseSuffixList(r io.Reader) (*SuffixList, error) {
	l := &SuffixList{entries: map[string]Suffix{}}
	known := map[string]bool{}
	cr := &countingReader{r: io.LimitReader(r, MaxSuffixListSize+1)}
	sc := bufio.NewScanner(cr)
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		text = strings.TrimSpace(strings.TrimPrefix(text, "\uFEFF"))
		fail := func(format string, args ...any) error {
			if cr.n > MaxSuffixListSize { // the line may have been cut short
				return ErrListTooLarge
			}
			return &ListError{Line: line, Err: fmt.Errorf(format, args...)}
		}
		switch {
		case text == "":
			continue
		case strings.HasPrefix(text, "#"):
			c := strings.TrimSpace(text[1:])
			if v, ok := strings.CutPrefix(c, "version:"); ok {
				if l.version != "" {
					return nil, fail("second version line")
				}
				if l.version = strings.TrimSpace(v); l.version == "" {
					return nil, fail("empty version")
				}
			} else if v, ok := strings.CutPrefix(c, "source "); ok {
				id, desc, ok := strings.Cut(v, ":")
				id = strings.TrimSpace(id)
				if !ok || id == "" || strings.ContainsAny(id, " \t,") {
					return nil, fail("source line must read \"# source ID: description\"")
				}
				if known[id] {
					return nil, fail("source %s declared twice", id)
				}
				known[id] = true
				l.sources = append(l.sources, Source{ID: id, Text: strings.TrimSpace(desc)})
			}
			continue
		}
		fields := strings.SplitN(text, ",", 4)
		if len(fields) < 3 {
			return nil, fail("want SUFFIX,STATUS,SOURCES[,NOTE]")
		}
		name, err := suffixName(fields[0])
		if err != nil {
			return nil, fail("%v", err)
		}
		status, ok := parseStatus(strings.TrimSpace(fields[1]))
		if !ok {
			return nil, fail("status %q is not filable, not_filable or disputed", fields[1])
		}
		ids := strings.Fields(fields[2])
		if len(ids) == 0 {
			return nil, fail("no source for %s", fields[0])
		}
		for _, id := range ids {
			if !known[id] {
				return nil, fail("source %s is not declared by a \"# source\" line", id)
			}
		}
		if _, dup := l.entries[name]; dup {
			return nil, fail("suffix %s listed twice", fields[0])
		}
		e := Suffix{Name: name, Status: status, Sources: strings.Join(ids, " ")}
		if len(fields) == 4 {
			e.Note = strings.TrimSpace(fields[3])
		}
		l.entries[name] = e
	}
	if cr.n > MaxSuffixListSize {
		return nil, ErrListTooLarge
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &ListError{Line: line + 1, Err: err}
		}
		return nil, err
	}
	if cr.n > MaxSuffixListSize {
		return nil, ErrListTooLarge
	}
	return l, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
