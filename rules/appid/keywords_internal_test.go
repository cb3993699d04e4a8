package appid

import (
	"strings"
	"testing"
)

// javaKeywordsAsMap is the map javaKeyword replaced (the reserved words of
// Java as the package held them): the definition it is held to.
var javaKeywordsAsMap = map[string]bool{
	"abstract": true, "assert": true, "boolean": true, "break": true, "byte": true, "case": true,
	"catch": true, "char": true, "class": true, "const": true, "continue": true, "default": true,
	"do": true, "double": true, "else": true, "enum": true, "extends": true, "final": true,
	"finally": true, "float": true, "for": true, "goto": true, "if": true, "implements": true,
	"import": true, "instanceof": true, "int": true, "interface": true, "long": true, "native": true,
	"new": true, "package": true, "private": true, "protected": true, "public": true, "return": true,
	"short": true, "static": true, "strictfp": true, "super": true, "switch": true, "synchronized": true,
	"this": true, "throw": true, "throws": true, "transient": true, "try": true, "void": true,
	"volatile": true, "while": true, "true": true, "false": true, "null": true,
}

// TestJavaKeywords holds javaKeyword to the map it replaced: every word
// of the map, and of each its prefixes, its upper-cased form, each byte
// changed to the next, a byte added at either end, and identifiers that
// are not reserved. Made to fail by leaving "goto" out of the switch, and
// by adding "var".
func TestJavaKeywords(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := javaKeyword(s), javaKeywordsAsMap[s]; got != want {
			t.Fatalf("javaKeyword(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"", "a", "app", "var", "record", "yield", "_", "com", "example", "Int", "NULL"} {
		check(s)
	}
	for w := range javaKeywordsAsMap {
		check(w)
		check(strings.ToUpper(w))
		check("x" + w)
		check(w + "x")
		for i := range len(w) {
			check(w[:i])
			check(w[:i] + string(w[i]+1) + w[i+1:])
		}
	}
}
