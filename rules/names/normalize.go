package names

import "github.com/icpcheck/beian/rules/internal/fold"

// Normalize returns name in the form every naming rule compares:
//
//   - invalid bytes and invisible characters (zero-width spaces and
//     joiners, direction marks, the byte-order mark, control characters,
//     variation selectors …) are removed;
//   - compatibility characters are replaced by their ordinary forms
//     (Unicode NFKC), which folds full-width letters, digits and
//     punctuation to ASCII and half-width katakana to full width;
//   - letters that look Latin become plain ASCII letters: accented,
//     dotless and stroked letters (casìno, casıno → casino), small capitals
//     (ᴄᴀsɪɴᴏ), and Cyrillic and Greek look-alikes (cаsino with a Cyrillic
//     а), from Unicode's confusables data (UTS #39); combining marks after
//     them are dropped; digits are left alone;
//   - other letters are lower-cased;
//   - traditional Chinese characters, Japanese forms, orthographic
//     variants and CJK radicals become the simplified characters they
//     stand for (賭 → 赌, 楽 → 乐, 砲 → 炮, ⺠ → 民), from Unicode's Unihan
//     data;
//   - white space between two Chinese characters is removed, other runs of
//     white space become one space, and leading and trailing white space
//     goes.
//
// Normalize is idempotent and linear in the length of name whatever it
// holds (a run of combining marks is cut at 30, as Unicode's stream-safe
// format does). A name that is already normal is returned as it is,
// without allocating.
func Normalize(name string) string { return fold.String(name) }
