package beian_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/icpcheck/beian"
)

// A service bounds what it reads from a request, and tells a filing too
// large from one that is wrong.
func ExampleDecodeOptions() {
	opts := beian.DecodeOptions{MaxBytes: 64 << 10, MaxItems: 100}

	_, err := opts.Decode(strings.NewReader(`{"subject": {"name": "` + strings.Repeat("长", 30_000) + `"}}`))
	fmt.Println(errors.Is(err, beian.ErrTooLarge))

	_, err = opts.Decode(strings.NewReader(`{"province": "99", "province": "44"}`))
	var de *beian.DecodeError
	if errors.As(err, &de) {
		fmt.Println(de.Path, "-", de.Err)
	}
	// Output:
	// true
	// province - duplicate field: the object names it twice
}

// Invalid UTF-8 and unpaired surrogate escapes are kept as sent, for the
// TEXT_INVALID rule to report at their field, not replaced by U+FFFD.
func ExampleParseFiling_invalidText() {
	f, err := beian.ParseFiling([]byte(`{"subject": {"name": "示例\ud800"}}`))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%q\n", f.Subject.Name)
	// Output:
	// "示例\xed\xa0\x80"
}
