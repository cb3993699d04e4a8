package names

import (
	"unicode"

	"github.com/icpcheck/beian/rules/internal/fold"
	"github.com/icpcheck/beian/rules/internal/hanvariant"
)

// numeral returns the Chinese numeral a numeral stands for inside a word
// (〇 一 二 … 九 十), and r itself for other runes: the Arabic digits
// (full-width, circled and mathematical ones fold to them first, and
// numeralSymbol gives the others), the financial numerals (壹 贰 叁 肆 伍
// 陆 柒 捌 玖 拾; 参, the simplified form of the traditional 參), 零 and
// ○, the old forms 弌 弍 弎, and
// the Hangzhou numerals (〡 … 〩, 〸). A Dictionary folds the numerals of its words and of the
// texts it reads the same way, so that 6合彩, ⑥合彩 and 陆合彩 read 六合彩.
func numeral(r rune) rune {
	switch r {
	case '0', '〇', '零', '○':
		return '〇'
	case '1', '壹', '〡', '弌':
		return '一'
	case '2', '贰', '〢', '弍':
		return '二'
	case '3', '叁', '参', '〣', '弎':
		return '三'
	case '4', '肆', '〤':
		return '四'
	case '5', '伍', '〥':
		return '五'
	case '6', '陆', '〦':
		return '六'
	case '7', '柒', '〧':
		return '七'
	case '8', '捌', '〨':
		return '八'
	case '9', '玖', '〩':
		return '九'
	case '拾', '〸':
		return '十'
	}
	return r
}

// foldKey is the fold of the Han automaton: the normaliser's
// simplification, then numerals.
func foldKey(r rune) rune { return numeral(hanvariant.Simplify(r)) }

// A streamRune is how the scan of Chinese words takes a folded rune.
type streamRune uint8

const (
	// outside: a separator, or a rune the Chinese words' scan does not
	// see at all.
	outside streamRune = iota
	// hard: a Chinese character, always part of the stream.
	hard
	// soft: a numeral or ideographic mark that is not an ideograph (a
	// digit, 〇, 々, a Hangzhou numeral): part of a word when the word
	// goes on with it (6合彩), skipped otherwise (赌1博, 赌々博).
	soft
	// inserted: a letter, kana or other character between two Chinese
	// characters, skipped (色x情, 色ー情) up to maxGap of them in a row.
	inserted
)

// maxGap is the most inserted or skipped runes in a row the scan of
// Chinese words reads across.
const maxGap = 3

// streamClass says how the Chinese words' scan takes the folded rune r
// of class c.
func streamClass(r rune, c fold.Class) streamRune {
	switch {
	case 0x3005 <= r && r <= 0x303B && (r <= 0x3007 || 0x3021 <= r):
		// 々 〆 〇, the Hangzhou numerals, 〸 〹 〺 〻, whatever class the
		// normaliser gives them (Han, or a filler).
		return soft
	case c == fold.Han:
		return hard
	case c.Separator() || c == 0:
		return outside
	case '0' <= r && r <= '9', unicode.IsDigit(r):
		return soft
	}
	return inserted
}

// numeralSymbol returns the digit ('0' to '9', or 十 for ten) a numeral
// symbol stands for, which normalisation leaves as something else or as
// more than one rune: Roman numerals (Ⅵ, ⅵ: NFKC makes letters of them),
// circled, parenthesised and full-stop numbers (⑩, ⑹, ⒍), the dingbat
// circled digits (❻ ➅ ➏, which NFKC leaves alone) and the double circled
// ones (⓺). ok is false for other runes.
func numeralSymbol(r rune) (d rune, ok bool) {
	var v rune
	switch {
	case 0x2160 <= r && r <= 0x2169: // Ⅰ … Ⅹ
		v = r - 0x2160 + 1
	case 0x2170 <= r && r <= 0x2179: // ⅰ … ⅹ
		v = r - 0x2170 + 1
	case 0x2460 <= r && r <= 0x2469: // ① … ⑩
		v = r - 0x2460 + 1
	case 0x2474 <= r && r <= 0x247D: // ⑴ … ⑽
		v = r - 0x2474 + 1
	case 0x2488 <= r && r <= 0x2491: // ⒈ … ⒑
		v = r - 0x2488 + 1
	case 0x2776 <= r && r <= 0x277F: // ❶ … ❿
		v = r - 0x2776 + 1
	case 0x2780 <= r && r <= 0x2789: // ➀ … ➉
		v = r - 0x2780 + 1
	case 0x278A <= r && r <= 0x2793: // ➊ … ➓
		v = r - 0x278A + 1
	case 0x24F5 <= r && r <= 0x24FE: // ⓵ … ⓾
		v = r - 0x24F5 + 1
	case r == 0x24EA || r == 0x24FF || r == 0x1F10B || r == 0x1F10C: // ⓪ ⓿ 🄋 🄌
		return '0', true
	default:
		return 0, false
	}
	if v == 10 {
		return '十', true
	}
	return '0' + v, true
}

// iterationMark reports whether r repeats the character before it (々 〻
// ゝ ゞ ヽ ヾ): read as that character inside a word that goes on with it.
func iterationMark(r rune) bool {
	switch r {
	case '々', '〻', 'ゝ', 'ゞ', 'ヽ', 'ヾ':
		return true
	}
	return false
}
