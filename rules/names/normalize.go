package names

import "github.com/icpcheck/beian/rules/names/internal/fold"

// Normalize returns name in the form every naming rule compares:
//
//   - invalid bytes and invisible characters (zero-width spaces and
//     joiners, direction marks, the byte-order mark, control characters,
//     variation selectors …) are removed;
//   - compatibility characters are replaced by their ordinary forms
//     (Unicode NFKC), which folds full-width letters, digits and
//     punctuation to ASCII and half-width katakana to full width;
//   - letters are lower-cased;
//   - traditional Chinese characters become simplified ones (賭 → 赌),
//     from Unicode's Unihan data;
//   - white space between two Chinese characters is removed, other runs of
//     white space become one space, and leading and trailing white space
//     goes.
//
// Normalize is idempotent. A name that is already normal is returned
// as it is, without allocating.
func Normalize(name string) string { return fold.String(name) }
