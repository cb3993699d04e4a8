package validate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules"
)

// The engine keeps the deadline of outside calls itself: every call of a
// Registry, a Prober or a DocumentSource (its opening and each read) runs
// in a goroutine of its own, under the validation's context bounded by
// the validator's timeout (one deadline for all the calls of a
// validation, set by its first), and the rule
// gets its answer or, at the deadline, an error (which makes the check a
// CHECK_UNAVAILABLE warning) — whether or not the implementation honours
// its context. A call abandoned at its deadline keeps its goroutine until
// it returns; its answer is then dropped. A panic in the implementation is
// an error of the call, not of the validation.

// NonBlocking is implemented by a [beian.Registry] or [beian.Prober] that
// answers from memory, without waiting on anything (records.Registry is
// one): the engine calls it directly, in the validation's goroutine,
// without a goroutine, channel and timer per call. A registry's calls get
// the validation's context as it is (the caller's deadline and
// cancellation, not one of [WithTimeout]: there is no wait to bound). Its
// methods must return promptly whatever their input; a panic is still an
// error of the check, not of the validation.
type NonBlocking = rules.NonBlocking

// ErrNoAnswer is wrapped by the error of an outside call that did not
// return before its deadline.
var ErrNoAnswer = errors.New("no answer before the deadline")

// call runs fn under ctx bounded by timeout and returns what it returns,
// or an error wrapping ErrNoAnswer and the context's cause when the
// deadline comes first.
func call[T any](ctx context.Context, timeout time.Duration, what string, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, fmt.Errorf("%s: %w: %w", what, ErrNoAnswer, context.Cause(ctx))
	}
	if _, ok := ctx.Deadline(); !ok {
		// The rules give the validation's deadline (Pass.OutsideContext);
		// a call without one gets its own.
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	type result struct {
		v   T
		err error
	}
	// Buffered, so that an abandoned call's goroutine can send its answer
	// and end.
	done := make(chan result, 1)
	go func() {
		defer func() {
			if e := recover(); e != nil {
				done <- result{zero, fmt.Errorf("%s panicked: %v", what, e)}
			}
		}()
		v, err := fn(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return zero, fmt.Errorf("%s: %w: %w", what, ErrNoAnswer, context.Cause(ctx))
	}
}

// boundedRegistry is the Registry the rules see.
type boundedRegistry struct {
	r       beian.Registry
	timeout time.Duration
}

func (b boundedRegistry) MobileHolders(ctx context.Context, mobile string) ([]beian.SubjectID, error) {
	return call(ctx, b.timeout, "Registry.MobileHolders", func(ctx context.Context) ([]beian.SubjectID, error) {
		return b.r.MobileHolders(ctx, mobile)
	})
}

func (b boundedRegistry) Subject(ctx context.Context, id beian.SubjectID) (beian.SubjectStatus, error) {
	return call(ctx, b.timeout, "Registry.Subject", func(ctx context.Context) (beian.SubjectStatus, error) {
		return b.r.Subject(ctx, id)
	})
}

func (b boundedRegistry) Domain(ctx context.Context, domain string) (beian.DomainStatus, error) {
	return call(ctx, b.timeout, "Registry.Domain", func(ctx context.Context) (beian.DomainStatus, error) {
		return b.r.Domain(ctx, domain)
	})
}

// boundedProber is the Prober the rules see.
type boundedProber struct {
	p       beian.Prober
	timeout time.Duration
}

func (b boundedProber) Probe(ctx context.Context, domain string) (beian.ProbeResult, error) {
	return call(ctx, b.timeout, "Prober.Probe", func(ctx context.Context) (beian.ProbeResult, error) {
		return b.p.Probe(ctx, domain)
	})
}

// boundedDocuments is the DocumentSource the rules see: opening the
// document and every read of it run under the deadline of the call, as
// Registry and Prober calls do, so that a source that blocks (a FIFO, a
// network file system that hangs, a custom source ignoring its context)
// makes the document check CHECK_UNAVAILABLE instead of holding the
// validation.
func boundedDocuments(open rules.DocumentSource, timeout time.Duration) rules.DocumentSource {
	return func(ctx context.Context, path string) (io.ReadCloser, error) {
		rc, err := call(ctx, timeout, "DocumentSource", func(ctx context.Context) (io.ReadCloser, error) {
			rc, err := open(ctx, path)
			if err == nil && rc != nil && ctx.Err() != nil {
				// opened after the deadline: the caller has gone
				rc.Close()
				return nil, fmt.Errorf("DocumentSource: %w: %w", ErrNoAnswer, context.Cause(ctx))
			}
			return rc, err
		})
		if err != nil {
			return nil, err
		}
		if rc == nil {
			return nil, errors.New("DocumentSource: no reader and no error")
		}
		return &boundedReader{ctx: ctx, rc: rc, timeout: timeout}, nil
	}
}

// boundedReader reads under the deadline of the call that opened it. A
// read abandoned at the deadline keeps its goroutine until the source
// returns; it reads into a buffer of its own, never into the caller's.
type boundedReader struct {
	ctx     context.Context
	rc      io.ReadCloser
	timeout time.Duration
	err     error // the deadline, once passed: every later read fails
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	type read struct {
		buf []byte
		err error
	}
	r, err := call(b.ctx, b.timeout, "DocumentSource read", func(context.Context) (read, error) {
		buf := make([]byte, len(p))
		n, err := b.rc.Read(buf)
		return read{buf[:n], err}, nil
	})
	if err != nil {
		b.err = err
		return 0, err
	}
	return copy(p, r.buf), r.err
}

func (b *boundedReader) Close() error {
	if b.err != nil {
		// a read is abandoned: close without waiting for the source
		go b.rc.Close()
		return nil
	}
	_, err := call(b.ctx, b.timeout, "DocumentSource close", func(context.Context) (struct{}, error) {
		return struct{}{}, b.rc.Close()
	})
	return err
}
