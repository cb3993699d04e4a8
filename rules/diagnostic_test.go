package rules_test

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/icpcheck/beian/rules"
)

func TestSpanOfUTF16(t *testing.T) {
	tests := []struct {
		value      string
		start, end int
		s16, e16   int
	}{
		{"赌博网", 0, 6, 0, 2},
		{"😀赌博", 4, 10, 2, 4},          // an emoji is two units
		{"𠀀示例\u200b科技", 10, 13, 4, 5}, // an astral ideograph (two units), 示例, then a zero-width space
		{"a\xffb", 1, 2, 1, 2},        // an invalid byte is one unit (U+FFFD)
		{"abc", 2, 99, 2, 3},          // clamped
	}
	for _, tt := range tests {
		s := rules.SpanOf(tt.value, tt.start, tt.end)
		assert.Equal(t, tt.s16, s.Start16, "%+q", tt.value)
		assert.Equal(t, tt.e16, s.End16, "%+q", tt.value)
		if utf8.ValidString(tt.value) {
			// The same offsets a browser's string has.
			units := utf16.Encode([]rune(tt.value))
			prefix := string(utf16.Decode(units[:s.Start16]))
			assert.Equal(t, tt.value[:s.Start], prefix, "%+q", tt.value)
		}
	}
}

func TestSpanInRaw(t *testing.T) {
	tests := []struct {
		raw, clean, want string // want: raw[span]
		start, end       int
	}{
		{"赌\u200b博网", "赌博网", "赌\u200b博", 0, 6}, // removed inside: covered
		{"\u200b赌博\u200b", "赌博", "赌博", 0, 6},   // removed around: not covered
		{"😀\u2060赌博", "😀赌博", "赌博", 4, 10},
		{"a\xffb", "ab", "b", 1, 2},
	}
	for _, tt := range tests {
		s := rules.SpanInRaw(tt.raw, tt.clean, tt.start, tt.end)
		assert.Equal(t, tt.want, tt.raw[s.Start:s.End], "%+q", tt.raw)
	}
}

// FuzzSpanInRaw: whatever is removed from raw, the span of a range of the
// clean text is inside raw, and raw's span with the removed characters
// taken out again is the clean range.
func FuzzSpanInRaw(f *testing.F) {
	f.Add("赌\u200b博网", "\u200b", 0, 2)
	f.Add("a\xffb😀c", "\xff", 1, 3)
	f.Fuzz(func(t *testing.T, raw, removed string, from, to int) {
		if len(raw) > 256 || removed == "" || !utf8.ValidString(removed) {
			return
		}
		clean := strings.ReplaceAll(raw, removed, "")
		runes := []int{}
		for i := range clean {
			runes = append(runes, i)
		}
		runes = append(runes, len(clean))
		if len(runes) < 2 {
			return
		}
		from = abs(from) % (len(runes) - 1)
		to = from + 1 + abs(to)%(len(runes)-1-from)
		start, end := runes[from], runes[to]
		s := rules.SpanInRaw(raw, clean, start, end)
		if s.IsZero() {
			// Only when the alignment is ambiguous: the removed text is
			// itself in the clean text.
			if !strings.Contains(clean, removed) && strings.Contains(raw, removed) {
				t.Fatalf("no span for [%d, %d) of %+q in %+q", start, end, clean, raw)
			}
			return
		}
		if s.Start < 0 || s.End > len(raw) || s.Start > s.End {
			t.Fatalf("span %+v outside %+q", s, raw)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		if n == -n {
			return 0
		}
		return -n
	}
	return n
}
