// Package hanvariant folds traditional Chinese characters and other
// variant forms of ideographs to the simplified forms a mainland reader
// means, so that a name written in traditional characters, Japanese forms
// (楽 銭 薬), orthographic variants (砲 婬 囯) or CJK radicals (⺠ ⻢) matches
// words written in simplified ones.
//
// The table is generated from Unicode's Unihan database (Unicode
// [UnicodeVersion]): kSimplifiedVariant; for characters outside the 8,105
// of the 2013 通用规范汉字表 (kTGH), the standard character their
// kSemanticVariant, kZVariant or kSpecializedSemanticVariant simplify to
// when there is one; the Jōyō forms of kJinmeiyoKanji; the UCD's
// EquivalentUnifiedIdeograph.txt for the CJK Radicals Supplement; and a
// short hand-kept list (see data/ and gen.go). None of the 3,500 常用字
// changes, and no standard character is merged with another by the
// variant data. It maps characters one to one, without context: 乾, 著
// and other characters that are their own simplified form in some words
// are left alone.
package hanvariant

import "iter"

//go:generate go run gen.go

// Simplify returns the simplified form of r, or r itself when it has
// none. Simplify(Simplify(r)) == Simplify(r) for every r. It is small
// enough to be inlined for characters of the Basic Multilingual Plane.
func Simplify(r rune) rune {
	if uint32(r) < 0x10000 {
		return SimplifyBMP(uint16(r))
	}
	return simplifySupplementary(r)
}

// SimplifyBMP is Simplify for a character of the Basic Multilingual Plane.
func SimplifyBMP(r uint16) rune {
	if bmpMask[r>>6]&(1<<(r&63)) == 0 {
		return rune(r)
	}
	return bmpPages[bmpPage[r>>8]][uint8(r)]
}

// VariantsBMP yields the characters of the Basic Multilingual Plane
// that SimplifyBMP changes to a character of lo to hi (their traditional
// and other variant forms), by that character, then in order: every c
// with lo <= SimplifyBMP(c) <= hi and SimplifyBMP(c) != c, and no other.
// It costs a search of a table in the program, and a step for each
// character.
func VariantsBMP(lo, hi rune) iter.Seq[rune] {
	return func(yield func(rune) bool) {
		for i := variantsFrom(lo); i < len(variantTo) && variantTo[i] <= hi; i++ {
			if !yield(rune(variantFrom[i])) {
				return
			}
		}
	}
}

// variantsFrom returns the index of the first entry of variantTo at or
// after lo: a search of lo's page of the plane (variantPage), or of the
// entries beyond the plane.
func variantsFrom(lo rune) int {
	i, j := 0, len(variantTo)
	switch {
	case lo <= 0:
		return 0
	case lo < 0x10000:
		i, j = int(variantPage[lo>>8]), int(variantPage[lo>>8+1])
	default:
		i = int(variantPage[256])
	}
	for i < j {
		if h := int(uint(i+j) >> 1); variantTo[h] < lo {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// simplifySupplementary is kept out of line so that Simplify inlines.
//
//go:noinline
func simplifySupplementary(r rune) rune {
	lo, hi := 0, len(supplementary)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch e := supplementary[m]; {
		case e.from == r:
			return e.to
		case e.from < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return r
}

// Len returns the number of characters Simplify changes.
func Len() int { return mappings }
