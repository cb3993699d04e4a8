package main

import (
	"context"
	"net"
	"net/http"
	"sync"
)

// An answerConn is a connection the service accepted. It can hold what
// is written to it, so that an answer goes out in one write: net/http
// writes through a 4 KiB buffer (its size is not configurable), so an
// answer of headers and body larger than that (a rejected filing's
// report: about 6 KB) would take two writes, two TCP segments and two
// wake-ups of the client. writeJSON holds the connection's writes while
// it writes and flushes its answer, then sends them at once (release).
//
// Only the goroutine serving the connection writes to it (net/http's
// server writes a connection from the goroutine that runs its
// handler), so hold and release need no lock.
type answerConn struct {
	net.Conn
	held *[]byte // nil when not holding
}

// maxHeld is the most an answerConn holds: a larger answer's writes are
// sent as they come, after what is held.
const maxHeld = 64 << 10

// heldBuffers are answerConn's buffers, shared by the connections: a
// connection takes one for an answer only.
var heldBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 16<<10); return &b }}

// hold starts holding the connection's writes.
func (c *answerConn) hold() {
	if c.held == nil {
		c.held = heldBuffers.Get().(*[]byte)
	}
}

// Write holds p while the connection holds its writes, else writes it.
func (c *answerConn) Write(p []byte) (int, error) {
	if c.held == nil {
		return c.Conn.Write(p)
	}
	if b := *c.held; len(b)+len(p) <= maxHeld {
		*c.held = append(b, p...)
		return len(p), nil
	}
	if err := c.send(); err != nil {
		return 0, err
	}
	return c.Conn.Write(p)
}

// send writes what is held, and goes on holding.
func (c *answerConn) send() error {
	b := *c.held
	*c.held = b[:0]
	if len(b) == 0 {
		return nil
	}
	_, err := c.Conn.Write(b)
	return err
}

// release writes what is held and stops holding.
func (c *answerConn) release() error {
	if c.held == nil {
		return nil
	}
	err := c.send()
	if cap(*c.held) <= maxHeld {
		heldBuffers.Put(c.held)
	}
	c.held = nil
	return err
}

// answerListener accepts answerConns.
type answerListener struct{ net.Listener }

func (l answerListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &answerConn{Conn: c}, nil
}

type connKey struct{}

// withConn is the http.Server's ConnContext: a request's context carries
// its answerConn.
func withConn(ctx context.Context, c net.Conn) context.Context {
	if ac, ok := c.(*answerConn); ok {
		return context.WithValue(ctx, connKey{}, ac)
	}
	return ctx
}

// connOf is the answerConn r arrived on, or nil.
func connOf(r *http.Request) *answerConn {
	c, _ := r.Context().Value(connKey{}).(*answerConn)
	return c
}
