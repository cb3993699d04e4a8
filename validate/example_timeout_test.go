package validate_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
)

// sleepyProber ignores its context and answers late.
type sleepyProber struct{}

func (sleepyProber) Probe(context.Context, string) (beian.ProbeResult, error) {
	time.Sleep(time.Second)
	return beian.ProbeResult{Reachable: true}, nil
}

// The engine keeps the deadline of an outside call itself: a Prober that
// ignores its context cannot hold the validation past the timeout; the
// check becomes a warning and the filing can still be submitted.
func ExampleWithTimeout() {
	data, err := os.ReadFile("../examples/icpcheck/testdata/clean_enterprise.json")
	if err != nil {
		panic(err)
	}
	f, err := beian.ParseFiling(data)
	if err != nil {
		panic(err)
	}
	v := validate.New(validate.WithProber(sleepyProber{}), validate.WithTimeout(20*time.Millisecond))
	start := time.Now()
	rep := v.Validate(context.Background(), f)
	fmt.Println("returned before the prober:", time.Since(start) < time.Second)
	for _, r := range rep.Rejections {
		if r.Code == rules.CodeCheckUnavailable {
			fmt.Println(r.Severity, r.Code, r.Rule)
		}
	}
	fmt.Println("ok:", rep.OK())
	// Output:
	// returned before the prober: true
	// warning CHECK_UNAVAILABLE site
	// ok: true
}
