package names_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules/names"
	"github.com/icpcheck/beian/rules/names/internal/lexicon"
)

// homForm is a listed word written with one homophone: v is w with
// v[i] replaced.
type homForm struct {
	w, v []rune
	i    int
}

// homForms returns every form of every Chinese word of d with one
// character replaced by one of its homophones (homophones: the pinyin
// table read directly), of minLen characters or more, but for those the
// scan reads as the word itself, not a homophone (陆合彩: 陆 is a form of
// the numeral 六), and how many of these.
func homForms(d *names.Dictionary, minLen int) (forms []homForm, itself int) {
	for _, w := range pinyinWords(d) {
		rs := []rune(w)
		if len(rs) < minLen {
			continue
		}
		for i, r := range rs {
			for _, h := range homophones(r) {
				v := slices.Clone(rs)
				v[i] = h
				if slices.ContainsFunc(d.FindAll(string(v)), func(m names.Match) bool { return m.Word == w && !m.Homophone }) {
					itself++
					continue
				}
				forms = append(forms, homForm{rs, v, i})
			}
		}
	}
	return forms, itself
}

// allGiven reports whether each of rs is a given-name character.
func allGiven(rs []rune) bool {
	for _, r := range rs {
		if !lexicon.Given(r) {
			return false
		}
	}
	return len(rs) > 0
}

// errorsOf returns the words FindEvery reports in name as errors (no
// ReadAs).
func errorsOf(d *names.Dictionary, name string) []string {
	var out []string
	for _, m := range d.FindEvery(name) {
		if m.ReadAs == "" {
			out = append(out, m.Word+"@"+name[m.Start:m.End])
		}
	}
	return out
}

// spellsListed reports whether name holds a listed word as written.
func spellsListed(listed []string, name string) bool {
	return slices.ContainsFunc(listed, func(l string) bool { return strings.Contains(name, l) })
}

// TestClassHomophonePersonNames (the persons' names side): a shop's name
// opened by a person's name, [surname][given name][industry]店, that
// sounds as a listed word is no disguise, by class: every form of every
// listed word with one character replaced by a homophone (homForms) is
// put in the person's name every way the rule of personName reads one,
//
//   - given name: a form of two characters, both given-name characters,
//     after every surname of surnames.txt, single and compound (钟离波彩);
//   - surname: a form whose replaced character is a single surname
//     opening it (史时彩), is in a compound surname opening it (its first
//     two characters), or is the first character, the second of a
//     compound surname put before it (万俟彩), followed by one or two
//     given-name characters (the form's own, then given.txt's where the
//     form ends first) and by a company-name part that holds what is left
//     of the form and more (彩板 after 史时),
//
// each followed by industries of company.txt and 店: no error. A name that
// spells a listed word as written is left out (counted).
func TestClassHomophonePersonNames(t *testing.T) {
	d := names.DefaultDictionary()
	listed := d.Words()
	surnames := names.LexiconData(t, "surnames.txt", false)
	given := []rune(strings.Join(names.LexiconData(t, "given.txt", true), ""))
	industries := names.LexiconData(t, "company.txt", false)
	if len(surnames) < 400 || len(given) < 500 || len(industries) < 200 {
		t.Fatalf("%d surnames, %d given-name characters, %d industries", len(surnames), len(given), len(industries))
	}
	var compound []string // the compound surnames
	for _, s := range surnames {
		if len([]rune(s)) == 2 {
			compound = append(compound, s)
		}
	}
	m := newVariantMatcher(d)
	cases := map[string]int{}
	spelled, crossing := 0, 0
	// judge judges name, whose person's name ends at its character
	// personEnd, the form of word standing at its character at.
	judge := func(shape, name string, personEnd int, word []rune, at int) {
		if spellsListed(listed, name) {
			spelled++
			return
		}
		// Another word's form that runs from inside the person's name
		// into the industry (谷色亲+网站 holds 色亲网站 for 色情网站): the
		// rule reports it (a stretch starting in the given name and
		// running past it, or holding a company-name part whole).
		self := fmt.Sprintf("%s@%d", string(word), at)
		if slices.ContainsFunc(m.variants([]rune(name)), func(v string) bool {
			w, i, _ := strings.Cut(v, "@")
			k, _ := strconv.Atoi(i)
			return v != self && k < personEnd && k+utf8.RuneCountInString(w) > personEnd
		}) {
			crossing++
			return
		}
		cases[shape]++
		if errs := errorsOf(d, name); len(errs) > 0 {
			t.Errorf("%s %q: %v", shape, name, errs)
		}
	}
	forms, itself := homForms(d, 2)
	n := 0 // cycles through the industries
	next := func() string {
		n++
		return industries[(n*7)%len(industries)]
	}
	for _, f := range forms {
		v := string(f.v)
		// The given name: every surname before the form.
		if len(f.v) == 2 && allGiven(f.v) {
			for _, s := range surnames {
				sn := utf8.RuneCountInString(s)
				judge("given name", s+v+next()+"店", sn+2, f.w, sn)
			}
		}
		// The given name, running on into the industry: the form's first
		// one or two characters, what is left of the form opening the
		// industry (欧阳+刘合+彩印), the replaced character in the given
		// name or in the industry (欧阳+海洛+印刷).
		for gl := 1; gl <= 2; gl++ {
			if gl >= len(f.v) || !allGiven(f.v[:gl]) {
				continue
			}
			shape := "given name, into the industry"
			if f.i >= gl {
				shape = "given name, into the industry, replaced there"
			}
			left := string(f.v[gl:])
			for _, ind := range industries {
				if !strings.HasPrefix(ind, left) || ind == left {
					continue
				}
				for _, s := range surnames {
					sn := utf8.RuneCountInString(s)
					judge(shape, s+string(f.v[:gl])+ind+"店", sn+gl, f.w, sn)
				}
			}
		}
		// The surname: the replaced character is in it.
		type person struct{ before, surname, rest []rune }
		var ps []person
		if f.i == 0 && lexicon.Surname(string(f.v[:1])) {
			ps = append(ps, person{nil, f.v[:1], f.v[1:]})
		}
		if f.i <= 1 && lexicon.Surname(string(f.v[:2])) {
			ps = append(ps, person{nil, f.v[:2], f.v[2:]})
		}
		if f.i == 0 {
			for _, s := range compound {
				if rs := []rune(s); rs[1] == f.v[0] {
					ps = append(ps, person{rs[:1], f.v[:1], f.v[1:]})
				}
			}
		}
		for _, p := range ps {
			for gl := 1; gl <= 2; gl++ {
				// The given name: the form's characters, then given.txt's
				// (every one where one is wanted).
				own := p.rest[:min(gl, len(p.rest))]
				if !allGiven(own) && len(own) > 0 {
					continue
				}
				fills := [][]rune{nil}
				if len(own) < gl {
					fills = nil
					for k, x := range given {
						fills = append(fills, append([]rune{x}, given[(k*7+1)%len(given)])[:gl-len(own)])
					}
				}
				left := string(p.rest[len(own):])
				for _, fill := range fills {
					name := string(p.before) + string(p.surname) + string(own) + string(fill)
					end := utf8.RuneCountInString(name)
					if left == "" {
						judge("surname", name+next()+"店", end, f.w, len(p.before))
						continue
					}
					// What is left of the form opens the industry.
					for _, ind := range industries {
						if strings.HasPrefix(ind, left) && ind != left {
							judge("surname, into the industry", name+ind+"店", end, f.w, len(p.before))
						}
					}
				}
			}
		}
	}
	assert.Greater(t, cases["given name"], 30000, "given names")
	assert.Greater(t, cases["given name, into the industry"], 10000, "given names, into the industry")
	assert.Greater(t, cases["given name, into the industry, replaced there"], 5000, "given names, into the industry, replaced there")
	assert.Greater(t, cases["surname"], 20000, "surnames")
	assert.Greater(t, cases["surname, into the industry"], 40, "surnames, into the industry")
	t.Logf("%d homophone forms (%d more the scan reads as the word itself); persons' names by shape: %v; left out: %d spelling a listed word, %d with another word's form running into the industry", len(forms), itself, cases, spelled, crossing)
}

// personShape reports whether the form f, opening a shop's name and
// followed by a company-name part, has the shape of a person's name as
// personName reads one, with all of the form in the name (the form is
// tried followed by industries that do not start with what is left of
// it): its surname (single, or compound) holds the replaced character,
// and one or two given-name characters of the form follow it, the form
// ending with them.
func personShape(f homForm) bool {
	for sl := 1; sl <= 2; sl++ {
		if f.i < sl && lexicon.Surname(string(f.v[:sl])) && len(f.v)-sl <= 2 && allGiven(f.v[sl:]) {
			return true
		}
	}
	return false
}

// ownSurname reports whether the form f opens with its word's own
// characters spelling a surname, the replaced character after them
// (时时采: 时 is a surname).
func ownSurname(f homForm) bool {
	for sl := 1; sl <= 2; sl++ {
		if f.i >= sl && lexicon.Surname(string(f.w[:sl])) {
			return true
		}
	}
	return false
}

// TestClassHomophoneDisguiseNotPerson (the disguises' side): every listed
// word of three characters or more, with one character replaced by a
// homophone (every one: homForms), opening a shop's name and inside one
// (示例 before it), each followed by industries of company.txt (three,
// cycled) and 店, is an error; but for a form of a person's shape opening
// the name (personShape: 禄合彩 for 六合彩, then 彩钢 or 科技) and what
// the rules before excuse (a word of the lexicon, a context word that
// takes the form's first or last character, a person's name reaching out
// of the form: 法轮巩+文旅). The word's own characters spelling the
// surname with the substitution after them (时时采, 法仑功) stay errors.
func TestClassHomophoneDisguiseNotPerson(t *testing.T) {
	d := names.DefaultDictionary()
	industries := names.LexiconData(t, "company.txt", false)
	forms, itself := homForms(d, 3)
	counts := map[string]int{}
	n := 0
	for _, f := range forms {
		if why := excusedForm(f.w, f.v); why != "" {
			counts["excused: "+why]++
			continue
		}
		v, w := string(f.v), string(f.w)
		for range 3 {
			n++
			ind := industries[(n*13)%len(industries)]
			if strings.HasPrefix(ind, string(f.v[len(f.v)-1:])) {
				continue // the industry holds the form's last character
			}
			for _, before := range []string{"", "示例"} {
				name := before + v + ind + "店"
				start, end := len(before), len(before)+len(v)
				found := foundAt(d.FindAll(name), w, start, end)
				switch {
				case before == "" && personShape(f):
					counts["a person's name, not reported"]++
					if found {
						t.Errorf("%q: %s written %q, a person's name, reported", name, w, v)
					}
				case found:
					counts["reported"]++
				case takenByContext(before, f.v, ind, 0) || takenByContext(before, f.v, ind, len(f.v)-1):
					counts["the context takes the character"]++
				case lexicon.Char(f.v[len(f.v)-1]).Surname && lexicon.Given([]rune(ind)[0]):
					// 法轮巩+文旅: 巩文 is a person's name reaching out of
					// the stretch, which the reading of the words around
					// it takes (decideHomophone), wherever it stands.
					counts["a name reaching out of the form"]++
				default:
					t.Errorf("%q: %s written %q not reported", name, w, v)
				}
				if found && before == "" && ownSurname(f) {
					counts["its own surname opening it, reported"]++
				}
			}
		}
	}
	assert.Greater(t, counts["reported"], 20000, "reported")
	assert.Greater(t, counts["its own surname opening it, reported"], 100, "its own surname opening it")
	assert.Less(t, counts["a person's name, not reported"], counts["reported"]/100, "persons' names")
	assert.Less(t, counts["the context takes the character"]+counts["a name reaching out of the form"], counts["reported"]/200, "taken by the context")
	t.Logf("%d forms of the words of three characters or more (%d more the scan reads as the word itself): %v", len(forms), itself, counts)
}
