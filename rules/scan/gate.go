package scan

import (
	"context"
	"io"
)

// A Gate bounds how many images are decoded at once, so that the memory of
// concurrent inspections stays within slots × [Limits].MaxMemory: the
// reading and the header pass run at once, the decode waits for a free
// slot. A validator owns one (validate.New makes one of GOMAXPROCS slots;
// validate.WithDecodeGate shares one among validators). A Gate is safe for
// concurrent use; a nil *Gate does not bound anything.
type Gate struct {
	slots chan struct{}
}

// NewGate returns a gate of n slots (at least one).
func NewGate(n int) *Gate {
	return &Gate{slots: make(chan struct{}, max(n, 1))}
}

// Slots returns the number of decodes g lets run at once; 0 for a nil
// gate (no bound).
func (g *Gate) Slots() int {
	if g == nil {
		return 0
	}
	return cap(g.slots)
}

// Inspect is [Inspect], the decode waiting for one of g's slots. When ctx
// ends before a slot is free, it returns what the header pass found (no
// sharpness) and ctx's error.
func (g *Gate) Inspect(ctx context.Context, data []byte, l Limits) (Result, error) {
	return inspect(ctx, g, data, 0, l)
}

// InspectReader is [InspectReader], the decode waiting for one of g's
// slots, as [Gate.Inspect].
func (g *Gate) InspectReader(ctx context.Context, r io.Reader, l Limits) (Result, error) {
	return inspectReader(ctx, g, r, l)
}

func (g *Gate) acquire(ctx context.Context) error {
	if g == nil {
		return nil
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	select {
	case g.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

func (g *Gate) release() {
	if g != nil {
		<-g.slots
	}
}
