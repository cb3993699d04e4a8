package validate

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// A Report is the result of validating one filing: every rejection, sorted
// by field path (in reading order: websites[2] before websites[10]) and
// then by code, without duplicates; and the checks that did not run.
type Report struct {
	// Rejections are the reasons the filing would be rejected, of every
	// severity.
	Rejections []rules.Rejection
	// Skipped are the checks that did not run, one per code, sorted by
	// code.
	Skipped []rules.Skip
	// Language is the language of the report's JSON and String. Its zero
	// value gives English.
	Language language.Tag
}

func newReport(rs []rules.Rejection, skipped []rules.Skip, lang language.Tag) *Report {
	// The slices are the finished pass's own: sorted in place, not copied.
	rs = compactRejections(rs)
	sortSkips(skipped)
	skipped = slices.CompactFunc(skipped, sameSkipCode)
	return &Report{Rejections: rs, Skipped: skipped, Language: lang}
}

// newReportSkipping is newReport(rs, append(nil, skipped...), lang) for
// skipped checks that are sorted and one per code already (a validator's
// own, which the report must not share): they are copied, not sorted or
// compacted again.
func newReportSkipping(rs []rules.Rejection, skipped []rules.Skip, lang language.Tag) *Report {
	return &Report{Rejections: compactRejections(rs), Skipped: append([]rules.Skip(nil), skipped...), Language: lang}
}

// compactRejections sorts rs in place and drops repeated rejections. A
// pass sizes its rejections by the filing it last checked (see
// rules.Pass.Add): when that left much more room than the report holds,
// the report gets a slice of its own size, so that it does not keep a
// larger filing's memory.
func compactRejections(rs []rules.Rejection) []rules.Rejection {
	sortRejections(rs)
	rs = dropRepeats(rs)
	if len(rs) > 0 && cap(rs) > 2*len(rs)+64 {
		rs = append([]rules.Rejection(nil), rs...)
	}
	return rs
}

// dropRepeats is slices.CompactFunc(rs, sameRejection) without its
// copies: CompactFunc's function takes two records of some 200 bytes by
// value at each step, and a report usually has no repeats, in which case
// no record is moved. The records dropped are cleared, as CompactFunc
// clears them, so that the slice's spare room holds no filing's text
// (TestDropRepeatsAsCompactFunc holds it to CompactFunc).
func dropRepeats(rs []rules.Rejection) []rules.Rejection {
	i := 1
	for i < len(rs) && !sameRejection(&rs[i-1], &rs[i]) {
		i++
	}
	if i >= len(rs) {
		return rs
	}
	k := i // rs[i] repeats rs[k-1]; rs[k:] is free from here
	for i++; i < len(rs); i++ {
		if !sameRejection(&rs[k-1], &rs[i]) {
			rs[k] = rs[i]
			k++
		}
	}
	clear(rs[k:])
	return rs[:k]
}

// sameRejection reports whether b repeats a for the report: the same
// field, code and arguments (sortRejections puts the gravest first).
func sameRejection(a, b *rules.Rejection) bool {
	return a.Field == b.Field && a.Code == b.Code && slices.Equal(a.Args, b.Args)
}

// sortSkips sorts skipped checks stably by code. A few dozen (the usual
// number) sort by their indexes, each record moved once: a stable sort of
// the records themselves would move them at every step.
func sortSkips(s []rules.Skip) {
	if slices.IsSortedFunc(s, compareSkips) {
		return
	}
	var idxBuf [64]int8
	if len(s) > len(idxBuf) {
		slices.SortStableFunc(s, compareSkips)
		return
	}
	idx := idxBuf[:len(s)]
	for i := range idx {
		// Insertion sort: stable, as an index moves only past greater codes.
		j := i
		for ; j > 0 && s[idx[j-1]].Code > s[i].Code; j-- {
			idx[j] = idx[j-1]
		}
		idx[j] = int8(i)
	}
	// Position k receives s[idx[k]]: follow each cycle once.
	for k := range idx {
		if int(idx[k]) == k {
			continue
		}
		tmp := s[k]
		j := k
		for {
			next := int(idx[j])
			idx[j] = int8(j)
			if next == k {
				s[j] = tmp
				break
			}
			s[j] = s[next]
			j = next
		}
	}
}

// mergeSkips returns the skipped checks of a validation as newReport
// leaves them from the list in rule order (each rule's checks skipped for
// want of its outside help, then those it skipped as it ran): sorted by
// code, the first of each code kept. missing are the former, sorted by
// code, one per code, and missingRules[j] is the index of the first rule
// lacking missing[j]'s help; skipped are the latter, in rule order, and
// ends[i] is how many the rules up to i skipped. It makes one allocation,
// the result, instead of the list in rule order; ok is false when skipped
// is too long for its buffer on the stack.
func mergeSkips(missing []rules.Skip, missingRules []int, skipped []rules.Skip, ends []int) (out []rules.Skip, ok bool) {
	var idxBuf [64]int8
	if len(skipped) > len(idxBuf) {
		return nil, false
	}
	// The rules' own skipped checks by code, stably: of one code, the
	// first in rule order first.
	idx := idxBuf[:len(skipped)]
	distinct := 0
	for i := range idx {
		j := i
		for ; j > 0 && skipped[idx[j-1]].Code > skipped[i].Code; j-- {
			idx[j] = idx[j-1]
		}
		idx[j] = int8(i)
	}
	for k := range idx {
		if k == 0 || skipped[idx[k]].Code != skipped[idx[k-1]].Code {
			distinct++
		}
	}
	out = make([]rules.Skip, 0, len(missing)+distinct)
	j, k := 0, 0
	for j < len(missing) || k < len(idx) {
		if k == len(idx) || j < len(missing) && missing[j].Code < skipped[idx[k]].Code {
			out = append(out, missing[j])
			j++
			continue
		}
		first := int(idx[k])
		switch {
		case j == len(missing) || skipped[first].Code < missing[j].Code:
			out = append(out, skipped[first])
		default: // one code both ways: the first in rule order
			// The rule of skipped[first] is the first whose count passes it
			// (never missing[j]'s: a rule lacking its help does not run).
			if sort.SearchInts(ends, first+1) < missingRules[j] {
				out = append(out, skipped[first])
			} else {
				out = append(out, missing[j])
			}
			j++
		}
		code := skipped[first].Code
		for k < len(idx) && skipped[idx[k]].Code == code {
			k++
		}
	}
	return out, true
}

// missingRules returns, for each of missing (sorted by code, one per
// code, as Validator.skips), the index of the first of rs that lacks its
// help (lacks says which do) and has its code.
func missingRules(rs []*rules.Rule, missing []rules.Skip, lacks func(rules.Needs) bool) []int {
	out := make([]int, len(missing))
	for j, s := range missing {
		out[j] = slices.IndexFunc(rs, func(r *rules.Rule) bool {
			return lacks(r.Needs) && slices.Contains(r.Codes, s.Code)
		})
	}
	return out
}

// compareSkips orders skipped checks by code.
func compareSkips(a, b rules.Skip) int { return strings.Compare(string(a.Code), string(b.Code)) }

// sameSkipCode reports whether two skipped checks are of one code.
func sameSkipCode(a, b rules.Skip) bool { return a.Code == b.Code }

// compareRejections orders rejections by field, code and arguments, the
// gravest first among equals (the one the de-duplication keeps).
func compareRejections(a, b *rules.Rejection) int {
	if c := a.Field.Compare(b.Field); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
		return c
	}
	if c := slices.CompareFunc(a.Args, b.Args, compareArgs); c != 0 {
		return c
	}
	return int(b.Severity) - int(a.Severity)
}

// sortRejections sorts rs stably by compareRejections. A rejection is a
// record of some 200 bytes with pointers: rather than moving records at
// every step of a sort, it sorts their indexes and then moves each record
// once, along the cycles of the permutation. The rules report field by
// field, so that rs is a few sorted runs (one or two per rule): they are
// merged, in time n·log(runs); many runs are sorted instead. Already
// sorted input costs one pass.
func sortRejections(rs []rules.Rejection) {
	if len(rs) <= maxInsertionSort {
		sortFewRejections(rs)
		return
	}
	// A report of up to 64 rejections sorts in buffers of the stack.
	var runsBuf [66]int
	var idxBuf, tmpBuf [64]int32
	runs := append(runsBuf[:0], 0)
	for i := 1; i < len(rs); i++ {
		if compareRejections(&rs[i-1], &rs[i]) > 0 {
			runs = append(runs, i)
		}
	}
	if len(runs) == 1 {
		return
	}
	runs = append(runs, len(rs))
	idx, tmp := idxBuf[:0], tmpBuf[:0]
	if len(rs) > len(idxBuf) {
		idx, tmp = make([]int32, 0, len(rs)), make([]int32, 0, len(rs))
	}
	idx, tmp = idx[:len(rs)], tmp[:len(rs)]
	for i := range idx {
		idx[i] = int32(i)
	}
	if len(runs) > 64 {
		slices.SortFunc(idx, func(i, j int32) int {
			if c := compareRejections(&rs[i], &rs[j]); c != 0 {
				return c
			}
			return int(i - j) // stable
		})
	} else {
		idx = mergeRuns(rs, idx, tmp, runs)
	}
	// Position k receives rs[idx[k]]: follow each cycle once.
	permuteRejections(rs, idx)
}

// maxInsertionSort is the largest report sortFewRejections sorts: a
// binary insertion of indexes compares about as many times as finding
// and merging the runs (the typical rejected filing's 11 rejections
// arrive in 5 runs: 30 comparisons merged, 28 inserted) without the
// merge's bookkeeping.
const maxInsertionSort = 24

// permuteRejections moves rs[idx[k]] to position k for every k, each
// record once, along the cycles of the permutation; idx is left as the
// identity.
func permuteRejections[T int8 | int32](rs []rules.Rejection, idx []T) {
	for k := range idx {
		if int(idx[k]) == k {
			continue
		}
		tmp := rs[k]
		j := k
		for {
			next := int(idx[j])
			idx[j] = T(j)
			if next == k {
				rs[j] = tmp
				break
			}
			rs[j] = rs[next]
			j = next
		}
	}
}

// sortFewRejections is sortRejections for a report of up to
// maxInsertionSort rejections: their indexes inserted one by one, each
// after the last that does not compare greater (so that equal records
// keep their order of arrival), found by binary search after a look at
// the last (input in order costs one comparison a record); then each
// record moved once.
func sortFewRejections(rs []rules.Rejection) {
	var idxBuf [maxInsertionSort]int8
	idx := idxBuf[:0]
	moved := false
	for i := range rs {
		x := &rs[i]
		n := len(idx)
		if n == 0 || compareRejections(&rs[idx[n-1]], x) <= 0 {
			idx = append(idx, int8(i))
			continue
		}
		// The first of idx[:n-1] that compares greater than x; idx[n-1]
		// does.
		lo, hi := 0, n-1
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if compareRejections(&rs[idx[m]], x) > 0 {
				hi = m
			} else {
				lo = m + 1
			}
		}
		idx = append(idx, 0)
		copy(idx[lo+1:], idx[lo:n])
		idx[lo] = int8(i)
		moved = true
	}
	if moved {
		permuteRejections(rs, idx)
	}
}

// mergeRuns merges the sorted runs idx[runs[i]:runs[i+1]] of indexes into
// rs, pairwise, stably (of equal records the earlier first), using tmp,
// and returns the slice that holds the result.
func mergeRuns(rs []rules.Rejection, idx, tmp []int32, runs []int) []int32 {
	for len(runs) > 2 {
		next := runs[:1]
		for r := 0; r+1 < len(runs); r += 2 {
			lo, mid := runs[r], runs[r+1]
			hi := mid
			if r+2 < len(runs) {
				hi = runs[r+2]
			}
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if compareRejections(&rs[idx[j]], &rs[idx[i]]) < 0 {
					tmp[k] = idx[j]
					j++
				} else {
					tmp[k] = idx[i]
					i++
				}
				k++
			}
			k += copy(tmp[k:], idx[i:mid])
			copy(tmp[k:], idx[j:hi])
			next = append(next, hi)
		}
		runs = next
		idx, tmp = tmp, idx
	}
	return idx
}

func compareArgs(a, b rules.Arg) int {
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	if c := strings.Compare(a.Value.ZH, b.Value.ZH); c != 0 {
		return c
	}
	return strings.Compare(a.Value.EN, b.Value.EN)
}

// Complete reports whether every check ran: false when an outside check
// (Registry, Prober, document source) failed or timed out, which the
// report holds as a CHECK_UNAVAILABLE warning. OK alone does not mean
// clean then: what the failed check would have found is unknown. Checks
// skipped for want of an option (see Skipped) do not make a report
// incomplete: the caller chose not to configure them.
func (r *Report) Complete() bool {
	return !r.Has(rules.CodeCheckUnavailable)
}

// OK reports whether the filing can be submitted: no rejection is an
// error. Warnings and notices may remain.
func (r *Report) OK() bool {
	for i := range r.Rejections {
		if r.Rejections[i].Severity == rules.Error {
			return false
		}
	}
	return true
}

// Err returns the error rejections as an [Errors], or nil when the filing
// can be submitted.
func (r *Report) Err() error {
	var errs Errors
	for _, x := range r.Rejections {
		if x.Severity == rules.Error {
			errs = append(errs, x)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// Has reports whether the report holds a rejection with code.
func (r *Report) Has(code rules.Code) bool {
	for i := range r.Rejections {
		if r.Rejections[i].Code == code {
			return true
		}
	}
	return false
}

// ForField returns the rejections of the field at path, for a console to
// show next to its input.
func (r *Report) ForField(path beian.Path) []rules.Rejection {
	var out []rules.Rejection
	for _, x := range r.Rejections {
		if x.Field == path {
			out = append(out, x)
		}
	}
	return out
}

// In returns a copy of the report whose JSON and String use the language
// of tag.
func (r *Report) In(tag language.Tag) *Report {
	c := *r
	c.Language = tag
	return &c
}

// String returns the report as lines of "severity field CODE: message".
func (r *Report) String() string {
	var b strings.Builder
	for _, x := range r.Rejections {
		field := string(x.Field)
		if field == "" {
			field = "-"
		}
		fmt.Fprintf(&b, "%s %s %s: %s\n", x.Severity, field, x.Code, x.Message(r.Language))
	}
	return b.String()
}

// Errors is the list of error rejections [Report.Err] returns.
type Errors []rules.Rejection

// Error returns the first rejection and how many more there are, in
// English.
func (e Errors) Error() string {
	switch len(e) {
	case 0:
		return "no rejections"
	case 1:
		return e[0].Error()
	}
	return fmt.Sprintf("%s (and %d more)", e[0].Error(), len(e)-1)
}
