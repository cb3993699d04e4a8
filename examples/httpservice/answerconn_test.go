package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countingListener's connections note the size of each write.
type countingListener struct {
	net.Listener
	mu     sync.Mutex
	writes []int
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return countingConn{c, l}, nil
}

func (l *countingListener) take() []int {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.writes
	l.writes = nil
	return w
}

type countingConn struct {
	net.Conn
	l *countingListener
}

func (c countingConn) Write(p []byte) (int, error) {
	c.l.mu.Lock()
	c.l.writes = append(c.l.writes, len(p))
	c.l.mu.Unlock()
	return c.Conn.Write(p)
}

// TestAnswerInOneWrite: through the program's listener and server, an
// answer goes out in one write of the connection, headers and body
// together, for answers smaller and larger than net/http's 4 KiB buffer
// (a clean filing's report, a rejected one's, an error), one after the
// other on one kept-alive connection; an answer larger than maxHeld goes
// out in as few writes as its size needs. Each answer's body is the one
// the handler gives through httptest's server (no answerConn), and its
// Content-Length is its size.
func TestAnswerInOneWrite(t *testing.T) {
	reg, err := openRegistry(context.Background(), "", "", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	cfg := testConfig(t)
	h := newServer(cfg, reg, newLogger(io.Discard))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	cl := &countingListener{Listener: ln}
	srv := newHTTPServer(cfg, h, slog.New(slog.DiscardHandler))
	go func() { _ = srv.Serve(limitListener(cl, cfg)) }()
	t.Cleanup(func() { srv.Close() })
	plain := httptest.NewServer(h)
	t.Cleanup(plain.Close)

	read := func(name string) []byte {
		b, err := os.ReadFile("../icpcheck/testdata/" + name + ".json")
		require.NoError(t, err)
		return b
	}
	rejected := read("rejected_enterprise")
	many := append([]byte{'['}, rejected...)
	for range 29 {
		many = append(append(many, ','), rejected...)
	}
	many = append(many, ']')
	bodies := []struct {
		name   string
		body   []byte
		status int
		large  bool // over maxHeld
	}{
		{"clean", read("clean_enterprise"), 200, false},
		{"rejected", rejected, 200, false},
		{"not JSON", []byte(`{`), 400, false},
		{"30 rejected", many, 200, true},
		{"rejected again", rejected, 200, false},
	}

	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	br := bufio.NewReader(conn)
	for _, b := range bodies {
		cl.take()
		fmt.Fprintf(conn, "POST /v1/filings:validate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(b.body), b.body)
		resp, err := http.ReadResponse(br, nil)
		require.NoError(t, err, b.name)
		got, err := io.ReadAll(resp.Body)
		require.NoError(t, err, b.name)
		resp.Body.Close()
		require.Equal(t, b.status, resp.StatusCode, b.name)
		assert.EqualValues(t, len(got), resp.ContentLength, b.name)

		writes := cl.take()
		sent := 0
		for _, n := range writes {
			sent += n
		}
		assert.Greater(t, sent, len(got), "%s: headers and body", b.name)
		if b.large {
			assert.Greater(t, len(got), maxHeld, b.name)
			assert.LessOrEqual(t, len(writes), 3, "%s: %v", b.name, writes)
		} else {
			assert.Len(t, writes, 1, "%s: %v", b.name, writes)
		}

		presp, err := http.Post(plain.URL+"/v1/filings:validate", "application/json", bytes.NewReader(b.body))
		require.NoError(t, err, b.name)
		want, err := io.ReadAll(presp.Body)
		require.NoError(t, err)
		presp.Body.Close()
		if b.status == 200 {
			assert.Equal(t, string(want), string(got), b.name)
		} else {
			assert.Equal(t, presp.StatusCode, resp.StatusCode, b.name)
		}
	}
}
