package rules

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/names"
)

// TestRemovableFastPath checks removable, with its shortcuts, against the
// plain definition for every code point: what name normalisation removes
// (names.Invisible, Unicode's Default_Ignorable_Code_Point and the rest),
// and, in a single-line field, line breaks and tabs.
func TestRemovableFastPath(t *testing.T) {
	single, multi := textSpec{limit: 10}, textSpec{limit: 10, multiline: true}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := names.Invisible(r) || unicode.Is(unicode.Cc, r) && !(r == '\n' || r == '\r' || r == '\t')
		if got := removable(r, multi); got != want {
			t.Fatalf("multi-line removable(%U) = %v, want %v", r, got, want)
		}
		if want = want || r == '\n' || r == '\r' || r == '\t'; removable(r, single) != want {
			t.Fatalf("single-line removable(%U) = %v, want %v", r, !want, want)
		}
	}
}

// TestCharText: the code point is written as fmt's %04X writes it, after
// each language's words, in one allocation.
func TestCharText(t *testing.T) {
	for _, r := range []rune{0, 0x7, 0x7F, 0xAD, 0x200B, 0x2028, 0xFEFF, 0xE0001, 0x10FFFF} {
		got := charText("含有", "contains ", r)
		code := fmt.Sprintf("U+%04X", r)
		if want := (Text{"含有" + code, "contains " + code}); got != want {
			t.Errorf("%U: %q, want %q", r, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { charText("含有", "contains ", 0x200B) }); n > 1 {
		t.Errorf("%v allocations, want at most 1", n)
	}
}

func TestJoinText(t *testing.T) {
	got := joinText("网站「", "示例", "」", "the site ", "shili", ".")
	if want := (Text{"网站「示例」", "the site shili."}); got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := joinText("", "", "", "", "", ""); got != (Text{}) {
		t.Errorf("%q, want the zero Text", got)
	}
}

// TestJoinTexts: joinTexts gives the two texts joinText gives, for
// every choice of empty and non-empty parts (each part empty or not, the
// values alike or not), in one allocation.
func TestJoinTexts(t *testing.T) {
	parts := [8]string{"改为「", "」", "Use ", ".", "问题", "：", "the problem ", "!"}
	for mask := range 1 << 10 {
		var p [8]string
		for k := range p {
			if mask&(1<<k) != 0 {
				p[k] = parts[k]
			}
		}
		x, y := "", ""
		if mask&(1<<8) != 0 {
			x = "示例.cn"
		}
		if mask&(1<<9) != 0 {
			y = "xn--fiqs8s.cn"
		}
		a, b := joinTexts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], x, y)
		if wa, wb := joinText(p[0], x, p[1], p[2], y, p[3]), joinText(p[4], x, p[5], p[6], y, p[7]); a != wa || b != wb {
			t.Fatalf("%q: %q %q, want %q %q", p, a, b, wa, wb)
		}
	}
	var sink Text // the texts escape, as a rejection's do
	if n := testing.AllocsPerRun(100, func() { sink, _ = joinTexts("a", "b", "c", "d", "e", "f", "g", "h", "x", "y") }); n > 1 {
		t.Errorf("%v allocations, want at most 1", n)
	}
	if sink.ZH == "" {
		t.Fatal("no text")
	}
}

// TestPathsAsPathMethods: the paths built in one allocation are those
// beian.Path's Index and Field build.
func TestPathsAsPathMethods(t *testing.T) {
	for _, l := range []textLoc{
		{c: "province"}, {c: "subject.name"}, {a: "websites", i: 12, c: "name"},
		{a: "websites", i: 0, hasJ: true, b: "domains", j: 3},
		{a: "websites", i: 2, hasJ: true, b: "pre_approvals", j: 10, c: "number"},
		{a: "websites", i: 1, c: "principal", d: "mobile"},
		{a: "documents", i: 123456789, c: strings.Repeat("long", 40)},
	} {
		var want beian.Path
		if l.a != "" {
			want = beian.Path(l.a).Index(l.i)
		}
		if l.hasJ {
			want = want.Field(l.b).Index(l.j)
		}
		if l.c != "" {
			want = want.Field(l.c)
		}
		if l.d != "" {
			want = want.Field(l.d)
		}
		if got := l.path(); got != want {
			t.Errorf("%+v: %q, want %q", l, got, want)
		}
	}
	for _, r := range []personRef{subjectRef, principalRef, 0, 7, 1234} {
		for _, field := range []string{"", "mobile", "cert_number"} {
			base := beian.Path("subject")
			switch r {
			case principalRef:
				base = "subject.principal"
			case subjectRef:
			default:
				base = beian.Path("websites").Index(int(r)).Field("principal")
			}
			want := base
			if field != "" {
				want = base.Field(field)
			}
			if got := r.path(field); got != want {
				t.Errorf("%d %q: %q, want %q", r, field, got, want)
			}
		}
	}
}

// TestRawTextAtAsWalk: the pass's index of raw text fields, used after a
// few lookups, answers as walking the filing does, for every text field
// of a filing of many websites and for paths that are no text field.
func TestRawTextAtAsWalk(t *testing.T) {
	raw := &beian.Filing{Province: "44", Subject: beian.Subject{Name: "示例\u200b科技"}}
	for i := range 30 {
		raw.Websites = append(raw.Websites, beian.Website{
			Name:    fmt.Sprintf("示例\u200b官网%d", i),
			Domains: []string{fmt.Sprintf("shili%d.cn", i), ""},
			Remark:  strings.Repeat("备注", i),
		})
	}
	p := &Pass{Raw: raw, Filing: CleanText(raw)}
	var paths []beian.Path
	walkText(raw, func(l textLoc, _ *string, _ textSpec) { paths = append(paths, l.path()) })
	paths = append(paths, "websites[30].name", "websites", "", "subject.nature",
		"websites[01].name", "websites[].name", "websites[-1].name", "websites[1x].name", "websites[1].name.x", "websites[99999999999].name")
	for round := range 2 { // the walk first, then the index
		for _, path := range paths {
			gotS, gotOK := p.rawTextAt(path)
			wantS, wantOK := rawText(raw, path)
			if gotS != wantS || gotOK != wantOK {
				t.Fatalf("round %d, %q: %q %v, want %q %v", round, path, gotS, gotOK, wantS, wantOK)
			}
		}
	}
	if p.rawIndex == nil {
		t.Error("the index was never built")
	}
}

// TestCleanTextEveryRune: the quick check agrees with removable on every
// rune of Unicode, alone and between other text, in a single-line and a
// multi-line field, and finds invalid bytes wherever the three-byte quick
// path could skip them (a lead byte without its continuation bytes, cut
// at the end of the text).
func TestCleanTextEveryRune(t *testing.T) {
	for _, spec := range []textSpec{specName, specRemark} {
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if 0xD800 <= r && r <= 0xDFFF {
				continue // not encodable
			}
			want := !removable(r, spec)
			for _, s := range []string{string(r), "示" + string(r) + "例", "a" + string(r)} {
				if got := cleanText(s, spec); got != want {
					t.Fatalf("cleanText(%q, multiline=%v) = %v, want %v", s, spec.multiline, got, want)
				}
			}
		}
	}
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for _, tail := range []string{"", "\x80", "\x41\x80", "\x80\x41", "\xc0\x80", "\x80\xc0"} {
			s := "示例" + string([]byte{byte(lead)}) + tail
			if cleanText(s, specName) {
				t.Errorf("cleanText(%q) = true: invalid bytes", s)
			}
		}
	}
}
