// Package sources names the public pages beian's facts come from: each
// province policy fact, each row of the documents table, the suffix list,
// the holiday calendar, the special phone segments, the image limits and
// the naming word lists cites one or more source keys, and this package
// resolves a key to its page: a title, one public URL and the edition read.
//
// The table is generated from data/sources.csv (go generate); SOURCES.md at
// the repository root lists the same keys with what was read on each page.
//
// Data files cite sources with a citation: the keys, separated by ";",
// then optionally ":" and a note,
//
//	ucloud-beijing; tencent-subject-info: principal may be someone else [MED]
//
// [Keys] and [Parse] read one. A text that does not start with a key list
// (a caller's override such as "桂管局 2026") has no keys.
//
// The package is a leaf: it imports only the standard library and an
// internal index of strings, holds no mutable state and is safe for
// concurrent use.
package sources

//go:generate go run gen.go

import (
	"slices"
	"strings"
	"sync"

	"github.com/icpcheck/beian/internal/keyindex"
)

// A Source is one public page behind beian's facts.
type Source struct {
	// Key is the short, stable identifier data files cite:
	// "tencent-reject-reasons", "ucloud-beijing", "gb-32100-2015".
	Key string `json:"key"`
	// Title says what the page is, in the publisher's words where the page
	// has a title.
	Title string `json:"title"`
	// URL is the one public page the key stands for.
	URL string `json:"url"`
	// Edition is when the content was published or edited where the page
	// says so, otherwise the day it was read ("2026-12-01"); a version for
	// a data set ("v1.8.1", "Unicode 15.0.0"). It is empty for a page that
	// is cited as the authority but of which no copy could be read.
	Edition string `json:"edition,omitempty"`
}

// Lookup returns the source with the key, and whether there is one.
func Lookup(key string) (Source, bool) {
	// Found by an index of the keys, built at the first lookup: a
	// rejection resting on a fact looks its source up, and the binary
	// search this replaces compared the key seven times (TestLookupEveryKey).
	if i := keyIndex().Find(key); i >= 0 {
		return table[i], true
	}
	return Source{}, false
}

// keyIndex finds each key's position in table.
var keyIndex = sync.OnceValue(func() *keyindex.Index {
	keys := make([]string, len(table))
	for i := range table {
		keys[i] = table[i].Key
	}
	return keyindex.New(keys)
})

// All returns every source, ordered by key. The slice is new on each call.
func All() []Source { return slices.Clone(table[:]) }

// ValidKey reports whether k has the form of a key: lower-case ASCII
// letters and digits in words joined by single hyphens, at most 64 bytes.
// It says nothing of whether the key is defined (see [Lookup]).
func ValidKey(k string) bool {
	if k == "" || len(k) > 64 || k[0] == '-' || k[len(k)-1] == '-' {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && k[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Parse splits a citation into its keys and its note. A citation is a
// list of keys separated by ";", then, when there is a note, ":" and the
// note: "ucloud-hubei; huawei-province-rules: note". Spaces around keys
// and the note are dropped. When the text before the first ":" (or the
// whole text, without one) is not such a list, keys is nil and note is
// the whole text, trimmed. Parse does not check that the keys are defined.
func Parse(citation string) (keys []string, note string) {
	head, rest, hasNote := strings.Cut(citation, ":")
	var out []string
	for k := range strings.SplitSeq(head, ";") {
		k = strings.TrimSpace(k)
		if !ValidKey(k) {
			return nil, strings.TrimSpace(citation)
		}
		out = append(out, k)
	}
	if !hasNote {
		rest = ""
	}
	return out, strings.TrimSpace(rest)
}

// Keys returns the keys a citation starts with (see [Parse]); nil when it
// starts with none.
func Keys(citation string) []string {
	keys, _ := Parse(citation)
	return keys
}
