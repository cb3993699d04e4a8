//go:build ignore

// Gen writes tables.go and segments.bin from nyaruka/phonenumbers (the
// version in go.mod) and data/special.csv:
//
//   - every 7-digit mobile prefix 1300000–1999999: whether phonenumbers
//     takes it for a valid CN mobile, its zh geocoding (province and city)
//     and zh carrier, with the special segments of data/special.csv
//     (virtual operators, data cards, IoT, satellite) laid over them; stored
//     as runs of equal prefixes in segments.bin;
//
//   - every landline area code: its zh geocoding;
//
//   - the CN fixed-line, toll-free, premium-rate and shared-cost patterns of
//     phonenumbers' metadata, compiled into one deterministic automaton over
//     digits.
//
//     go run gen.go            # rewrite tables.go and segments.bin
//     go run gen.go -check     # exit 1 when either is not current
//
// phonenumbers is imported here and in tests only: the package itself
// reads the generated tables and costs its importers nothing at init.
package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"regexp"
	"regexp/syntax"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/icpcheck/beian/internal/gentool"
	"github.com/icpcheck/beian/provinces"
	"github.com/nyaruka/phonenumbers"
)

const module = "github.com/nyaruka/phonenumbers"

// Kinds and operators as the package numbers them (see phonenum.go).
var kinds = map[string]int{"mobile": 1, "landline": 2, "data_card": 3, "iot": 4, "satellite": 5}

var operators = map[string]int{"": 0, "mobile": 1, "unicom": 2, "telecom": 3, "broadnet": 4, "maritime": 5, "emergency": 6}

var carriers = map[string]int{"": 0, "中国移动": 1, "中国联通": 2, "中国电信": 3, "中国广电": 4}

// Automaton outputs (see the accept masks in tables.go).
var patternNames = []string{"fixed", "tollfree", "premium", "shared"}

const (
	firstPrefix = 1300000
	lastPrefix  = 1999999
)

type special struct {
	lo, hi   string // prefixes of equal length, inclusive
	length   int
	kind     int
	operator int
	virtual  bool
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	out := gentool.Flags("tables.go")

	version := moduleVersion()
	specials, specialVersion := readSpecials("data/special.csv")
	meta := cnMetadata()

	pl := newPlaces()

	// Mobile prefixes.
	type value struct {
		place, flags int
	}
	vals := make([]value, lastPrefix-firstPrefix+1)
	nyValid := 0
	for p := firstPrefix; p <= lastPrefix; p++ {
		num := number(uint64(p) * 10000)
		typ := phonenumbers.GetNumberType(num)
		valid := typ == phonenumbers.MOBILE || typ == phonenumbers.FIXED_LINE_OR_MOBILE
		carrier, err := phonenumbers.GetCarrierForNumber(num, "zh")
		if err != nil {
			log.Fatalf("carrier of %d: %v", p, err)
		}
		op, ok := carriers[carrier]
		if !ok {
			log.Fatalf("carrier %q of %d is not known to the generator", carrier, p)
		}
		kind := 0
		if valid {
			kind = kinds["mobile"]
			nyValid++
		}
		virtual := false
		if s := findSpecial(specials, strconv.Itoa(p)); s != nil {
			kind = s.kind
			if s.operator != 0 {
				op = s.operator
			}
			virtual = s.virtual
		}
		v := value{}
		if kind != 0 {
			geo, err := phonenumbers.GetGeocodingForNumber(num, "zh")
			if err != nil {
				log.Fatalf("geocoding of %d: %v", p, err)
			}
			v.place = pl.index(geo)
			v.flags = kind | op<<3
			if virtual {
				v.flags |= 1 << 6
			}
		}
		vals[p-firstPrefix] = v
	}
	// segments.bin: for each block of 1000 prefixes (1300xxx … 1999xxx) the
	// index of its first run (4 bytes, big-endian), one more for the end;
	// then the runs, 4 bytes each, big-endian: the offset of the run's first
	// prefix in its block (bits 22–31) and its value (bits 0–15: place in
	// bits 0–8, kind 9–11, operator 12–14, virtual 15). Every block starts
	// with a run at offset 0.
	if len(pl.list) > 1<<9 {
		log.Fatalf("%d places do not fit in 9 bits", len(pl.list))
	}
	const blocks = (lastPrefix - firstPrefix + 1) / 1000
	var index, runsBin bytes.Buffer
	runs := 0
	be32 := func(b *bytes.Buffer, v int) { b.Write([]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}) }
	for blk := 0; blk < blocks; blk++ {
		be32(&index, runs)
		for off := 0; off < 1000; off++ {
			i := blk*1000 + off
			if off > 0 && vals[i] == vals[i-1] {
				continue
			}
			v := vals[i]
			be32(&runsBin, off<<22|v.place|v.flags<<9)
			runs++
		}
	}
	be32(&index, runs)
	var seg bytes.Buffer
	seg.Write(index.Bytes())
	seg.Write(runsBin.Bytes())

	// The automaton.
	patterns := []string{
		meta.GetFixedLine().GetNationalNumberPattern(),
		meta.GetTollFree().GetNationalNumberPattern(),
		meta.GetPremiumRate().GetNationalNumberPattern(),
		meta.GetSharedCost().GetNationalNumberPattern(),
	}
	for _, d := range []*phonenumbers.PhoneNumberDesc{meta.GetVoip(), meta.GetUan(), meta.GetPersonalNumber(), meta.GetPager(), meta.GetVoicemail()} {
		if p := d.GetNationalNumberPattern(); p != "" && p != "NA" {
			log.Fatalf("CN metadata now has a pattern the generator does not compile: %q", p)
		}
	}
	d := buildDFA(patterns)
	d.selfCheck(patterns)

	// Area codes: 10 and 2x are two digits, all others three.
	var areas []int
	areaPlace := map[int]int{}
	for a := 10; a <= 999; a++ {
		if (a > 10 && a < 20) || (a >= 30 && a < 300) {
			continue
		}
		s := strconv.Itoa(a)
		st := d.run(s)
		if st == 0 || !d.canAccept(st, 1) {
			continue
		}
		sample := s + d.shortestTail(st, 1)
		nn, _ := strconv.ParseUint(sample, 10, 64)
		num := number(nn)
		if !phonenumbers.IsValidNumber(num) {
			log.Fatalf("sample %s of area code %s is not valid to phonenumbers", sample, s)
		}
		geo, err := phonenumbers.GetGeocodingForNumber(num, "zh")
		if err != nil {
			log.Fatalf("geocoding of %s: %v", sample, err)
		}
		areas = append(areas, a)
		areaPlace[a] = pl.index(geo)
	}

	var b bytes.Buffer
	b.WriteString(gentool.Header("phonenum", module+" "+version+" (CN metadata, zh geocoding, zh carriers: data of Google's libphonenumber, Apache License 2.0; phonenumbers is MIT-licensed)", "data/special.csv"))
	fmt.Fprintf(&b, "// PhoneNumbersVersion is the version of %s whose data the\n// built-in tables hold.\nconst PhoneNumbersVersion = %q\n\n", module, version)
	fmt.Fprintf(&b, "// SpecialVersion names the edition of the special-segment data\n// (data/special.csv): virtual operators, data cards, IoT and satellite.\nconst SpecialVersion = %q\n\n", specialVersion)
	fmt.Fprintf(&b, "// Built-in table: %d mobile prefixes valid in phonenumbers, %d runs, %d area codes, %d places.\n\n", nyValid, runs, len(areas), len(pl.list))

	b.WriteString("// places lists every place name the data gives; index 0 is \"none\".\nvar places = [...]place{\n\t{},\n")
	for _, p := range pl.list[1:] {
		fmt.Fprintf(&b, "\t{province: %q, city: %q, name: %q},\n", p.province, p.city, p.name)
	}
	b.WriteString("}\n\n")

	b.WriteString("// areaPlaces maps an area code without its trunk 0 (10, 20–29,\n// 300–999) to its index in places plus one; 0 for numbers that are\n// no area code.\nvar areaPlaces = [1000]uint16{\n")
	for _, a := range areas {
		fmt.Fprintf(&b, "\t%d: %d, // %s\n", a, areaPlace[a]+1, pl.list[areaPlace[a]].name)
	}
	b.WriteString("}\n\n")

	fmt.Fprintf(&b, "// Outputs of the number automaton: the CN patterns of phonenumbers.\nconst (\n")
	for i, n := range patternNames {
		fmt.Fprintf(&b, "\tmatch%s = 1 << %d // %s\n", strings.ToUpper(n[:1])+n[1:], i, strconv.Quote(patterns[i]))
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "// dfaNext is the transition table of the number automaton: state 0 is\n// dead, state 1 the start; dfaNext[s][d] is the state after digit d.\nvar dfaNext = [%d][10]uint16{\n", len(d.next))
	for _, row := range d.next {
		b.WriteString("\t{")
		for j, v := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprint(&b, v)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, "// dfaAccept is the set of patterns matched by the digits read when the\n// automaton stops in a state.\nvar dfaAccept = [%d]uint8{", len(d.accept))
	for i, v := range d.accept {
		if i%20 == 0 {
			b.WriteString("\n\t")
		} else {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%d,", v)
	}
	b.WriteString("\n}\n")

	bin := &gentool.Output{Path: "segments.bin", Check: out.Check}
	if err := bin.WriteRaw(seg.Bytes(), "go generate ./rules/phonenum"); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	out.Finish(b.Bytes(), "go generate ./rules/phonenum")
}

func number(national uint64) *phonenumbers.PhoneNumber {
	cc := int32(86)
	return &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &national}
}

// moduleVersion returns the version of phonenumbers this program was built
// with.
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == module {
				if m.Replace != nil {
					return m.Replace.Version
				}
				return m.Version
			}
		}
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", module).Output()
	if err != nil {
		log.Fatalf("version of %s: %v", module, err)
	}
	return strings.TrimSpace(string(out))
}

func cnMetadata() *phonenumbers.PhoneMetadata {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range coll.GetMetadata() {
		if m.GetId() == "CN" {
			return m
		}
	}
	log.Fatal("no CN metadata")
	return nil
}

// places interns place names and splits them into province and city.
type place struct{ province, city, name string }

type places struct {
	list   []place
	byName map[string]int
}

func newPlaces() *places {
	return &places{list: []place{{}}, byName: map[string]int{}}
}

// index returns the index of a geocoding string; "中国" (the country,
// phonenumbers' answer when it knows no more) and "" are 0.
func (p *places) index(name string) int {
	if name == "" || name == "中国" {
		return 0
	}
	if i, ok := p.byName[name]; ok {
		return i
	}
	// The longest province name or short name the place starts with:
	// 北京市 (no city), 江苏省连云港市, 内蒙古兴安盟.
	best, matched := provinces.Province{}, 0
	for _, pr := range provinces.All() {
		for _, n := range []string{pr.Name, pr.Short} {
			if strings.HasPrefix(name, n) && len(n) > matched {
				best, matched = pr, len(n)
			}
		}
	}
	city := name[matched:]
	if best.IsZero() {
		log.Fatalf("place %q names no province", name)
	}
	i := len(p.list)
	p.list = append(p.list, place{province: best.Code, city: city, name: name})
	p.byName[name] = i
	return i
}

func readSpecials(path string) ([]special, string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	raw, err := io.ReadAll(f)
	if err != nil {
		log.Fatal(err)
	}
	version := ""
	var body bytes.Buffer
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if strings.HasPrefix(line, "#") {
			if v, ok := strings.CutPrefix(line, "# version: "); ok {
				version = strings.TrimSpace(v)
			}
			continue
		}
		body.WriteString(line)
	}
	if version == "" {
		log.Fatalf("%s: no version line", path)
	}
	r := csv.NewReader(&body)
	rows, err := r.ReadAll()
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "prefix,length,kind,operator,virtual,confidence,source" {
		log.Fatalf("%s: unexpected header", path)
	}
	var out []special
	for i, row := range rows[1:] {
		lo, hi, ok := strings.Cut(row[0], "-")
		if !ok {
			hi = lo
		}
		if len(lo) != len(hi) || lo > hi || len(lo) < 3 || len(lo) > 7 || strings.Trim(lo+hi, "0123456789") != "" {
			log.Fatalf("%s:%d: bad prefix %q", path, i+2, row[0])
		}
		n, err := strconv.Atoi(row[1])
		if err != nil || (n != 11 && n != 13) {
			log.Fatalf("%s:%d: bad length %q", path, i+2, row[1])
		}
		k, ok := kinds[row[2]]
		if !ok || k == kinds["landline"] {
			log.Fatalf("%s:%d: bad kind %q", path, i+2, row[2])
		}
		op, ok := operators[row[3]]
		if !ok {
			log.Fatalf("%s:%d: bad operator %q", path, i+2, row[3])
		}
		if (k == kinds["iot"]) != (n == 13) {
			log.Fatalf("%s:%d: IoT numbers have 13 digits, the others 11", path, i+2)
		}
		if row[5] == "" || row[6] == "" {
			log.Fatalf("%s:%d: every row needs a confidence and a source", path, i+2)
		}
		out = append(out, special{lo: lo, hi: hi, length: n, kind: k, operator: op, virtual: row[4] == "true"})
	}
	// Overlaps would make the order of rows matter.
	for i, a := range out {
		for _, b := range out[i+1:] {
			if overlaps(a, b) {
				log.Fatalf("%s: rows %s-%s and %s-%s overlap", path, a.lo, a.hi, b.lo, b.hi)
			}
		}
	}
	return out, version
}

func overlaps(a, b special) bool {
	n := min(len(a.lo), len(b.lo))
	return a.lo[:n] <= b.hi[:n] && b.lo[:n] <= a.hi[:n]
}

func findSpecial(ss []special, prefix7 string) *special {
	for i := range ss {
		s := &ss[i]
		p := prefix7[:len(s.lo)]
		if s.lo <= p && p <= s.hi {
			return s
		}
	}
	return nil
}

// dfa is a deterministic automaton over the digits 0–9 that runs several
// patterns at once; accept[s] has bit k set when pattern k matches the
// digits read so far in full.
type dfa struct {
	next   [][10]uint16
	accept []uint8
}

// buildDFA compiles the patterns with regexp/syntax and determinises the
// union of their programs by the subset construction, then minimises it.
func buildDFA(patterns []string) *dfa {
	progs := make([]*syntax.Prog, len(patterns))
	for i, p := range patterns {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			log.Fatalf("pattern %q: %v", p, err)
		}
		prog, err := syntax.Compile(re.Simplify())
		if err != nil {
			log.Fatalf("pattern %q: %v", p, err)
		}
		progs[i] = prog
	}
	type item = uint32 // pattern<<24 | pc
	closure := func(set map[item]bool, k int, pc uint32) {
		stack := []uint32{pc}
		for len(stack) > 0 {
			pc := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			it := item(k)<<24 | pc
			if set[it] {
				continue
			}
			set[it] = true
			in := &progs[k].Inst[pc]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				stack = append(stack, in.Out, in.Arg)
			case syntax.InstCapture, syntax.InstNop:
				stack = append(stack, in.Out)
			case syntax.InstEmptyWidth:
				log.Fatalf("pattern %q has an anchor or boundary the generator does not handle", patterns[k])
			}
		}
	}
	key := func(set map[item]bool) string {
		items := make([]item, 0, len(set))
		for it := range set {
			items = append(items, it)
		}
		slices.Sort(items)
		var b strings.Builder
		for _, it := range items {
			fmt.Fprintf(&b, "%x,", it)
		}
		return b.String()
	}
	var sets []map[item]bool
	ids := map[string]int{}
	add := func(set map[item]bool) int {
		k := key(set)
		if id, ok := ids[k]; ok {
			return id
		}
		ids[k] = len(sets)
		sets = append(sets, set)
		return len(sets) - 1
	}
	add(map[item]bool{}) // 0: dead
	start := map[item]bool{}
	for k, p := range progs {
		closure(start, k, uint32(p.Start))
	}
	add(start) // 1: start
	var next [][10]int
	var accept []uint8
	for s := 0; s < len(sets); s++ {
		var row [10]int
		var acc uint8
		for it := range sets[s] {
			k, pc := int(it>>24), it&0xffffff
			if progs[k].Inst[pc].Op == syntax.InstMatch {
				acc |= 1 << k
			}
		}
		for dgt := 0; dgt < 10; dgt++ {
			to := map[item]bool{}
			for it := range sets[s] {
				k, pc := int(it>>24), it&0xffffff
				in := &progs[k].Inst[pc]
				switch in.Op {
				case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
					if in.MatchRune(rune('0' + dgt)) {
						closure(to, k, in.Out)
					}
				}
			}
			row[dgt] = add(to)
		}
		next = append(next, row)
		accept = append(accept, acc)
	}
	return minimise(next, accept)
}

// minimise merges equivalent states (Moore's partition refinement),
// keeping 0 as the dead state and 1 as the start.
func minimise(next [][10]int, accept []uint8) *dfa {
	n := len(next)
	class := make([]int, n)
	for i := range class {
		class[i] = int(accept[i])
	}
	for {
		sig := map[string]int{}
		nc := make([]int, n)
		for i := 0; i < n; i++ {
			k := fmt.Sprint(class[i], accept[i])
			for _, t := range next[i] {
				k += "," + strconv.Itoa(class[t])
			}
			id, ok := sig[k]
			if !ok {
				id = len(sig)
				sig[k] = id
			}
			nc[i] = id
		}
		same := len(sig) == count(class)
		class = nc
		if same {
			break
		}
	}
	// Renumber: dead class 0, start class 1, others in order of first use.
	order := map[int]int{class[0]: 0}
	if _, ok := order[class[1]]; !ok {
		order[class[1]] = 1
	}
	queue := []int{1}
	seen := map[int]bool{0: true, 1: true}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, t := range next[s] {
			if !seen[t] {
				seen[t] = true
				queue = append(queue, t)
			}
			if _, ok := order[class[t]]; !ok {
				order[class[t]] = len(order)
			}
		}
	}
	d := &dfa{next: make([][10]uint16, len(order)), accept: make([]uint8, len(order))}
	for s := 0; s < n; s++ {
		c, ok := order[class[s]]
		if !ok {
			continue
		}
		d.accept[c] = accept[s]
		for dgt, t := range next[s] {
			d.next[c][dgt] = uint16(order[class[t]])
		}
	}
	if len(d.next) > 65535 {
		log.Fatal("automaton too large")
	}
	return d
}

func count(class []int) int {
	m := map[int]bool{}
	for _, c := range class {
		m[c] = true
	}
	return len(m)
}

func (d *dfa) run(s string) int {
	st := 1
	for i := 0; i < len(s) && st != 0; i++ {
		st = int(d.next[st][s[i]-'0'])
	}
	return st
}

// canAccept reports whether some digits lead from st to a state matching
// the patterns in mask.
func (d *dfa) canAccept(st int, mask uint8) bool {
	return d.shortestTail(st, mask) != "-"
}

// shortestTail returns the shortest digits (smallest first) that lead from
// st to a state matching a pattern in mask, or "-".
func (d *dfa) shortestTail(st int, mask uint8) string {
	type q struct {
		s    int
		tail string
	}
	seen := map[int]bool{st: true}
	queue := []q{{st, ""}}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if d.accept[c.s]&mask != 0 {
			return c.tail
		}
		for dgt := 0; dgt < 10; dgt++ {
			t := int(d.next[c.s][dgt])
			if t != 0 && !seen[t] {
				seen[t] = true
				queue = append(queue, q{t, c.tail + string(rune('0'+dgt))})
			}
		}
	}
	return "-"
}

// selfCheck compares the automaton with regexp on every number of up to
// six digits and on numbers of 7–12 digits built from every state's
// shortest accepted tails and a fixed pseudo-random sequence.
func (d *dfa) selfCheck(patterns []string) {
	res := make([]*regexp.Regexp, len(patterns))
	for i, p := range patterns {
		res[i] = regexp.MustCompile("^(?:" + p + ")$")
	}
	check := func(s string) {
		st := d.run(s)
		for k, re := range res {
			if got, want := d.accept[st]&(1<<k) != 0, re.MatchString(s); got != want {
				log.Fatalf("automaton and regexp disagree on %s for pattern %d: %v, %v", s, k, got, want)
			}
		}
	}
	for n := 1; n <= 6; n++ {
		lim := 1
		for range n {
			lim *= 10
		}
		for i := 0; i < lim; i++ {
			check(fmt.Sprintf("%0*d", n, i))
		}
	}
	x := uint64(88172645463325252)
	for i := 0; i < 2_000_000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		n := 7 + int(x%6)
		check(fmt.Sprintf("%0*d", n, (x>>8)%pow10(n)))
	}
	for a := 10; a <= 999; a++ {
		s := strconv.Itoa(a)
		for _, tail := range []string{"1000000", "12345678", "9500000", "96000", "1230000", "10000000", "2345678", "88888888"} {
			check(s + tail)
		}
	}
}

func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}
