package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
)

// maxRequestID is the longest X-Request-Id kept.
const maxRequestID = 64

// requestID returns the request's id: its X-Request-Id when valid (see
// validRequestID), else a new one (newRequestID).
func requestID(r *http.Request) string {
	if id := headerValue(r.Header, hdrRequestID); validRequestID(id) {
		return id
	}
	return newRequestID()
}

// validRequestID reports whether an incoming X-Request-Id is kept: 1 to
// 64 characters of A–Z, a–z, 0–9 and ".", "_", ":", "-". That takes
// UUIDs, the hex ids of tracing systems, and ids with a prefix (gw:1234,
// req_7Hq2.3), and nothing that could break a log line or a header:
// no space, quote, slash, "=" or non-ASCII character.
func validRequestID(id string) bool {
	if id == "" || len(id) > maxRequestID {
		return false
	}
	for i := 0; i < len(id); i++ {
		switch c := id[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.', c == '_', c == ':', c == '-':
		default:
			return false
		}
	}
	return true
}

// newRequestID returns 16 random bytes (crypto/rand) in lower-case hex:
// 32 characters, a valid id itself.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24 and later)
	return hex.EncodeToString(b[:])
}

// requestLogHandler adds the request's id (attribute request_id) to
// every record logged with the request's context (the context carrying
// its accessInfo, which middleware gives it): the access-log line and
// every line a handler writes about the request. A record logged with
// another context is left as it is. The service's lines use no groups;
// under one, request_id would be in the group.
type requestLogHandler struct{ slog.Handler }

func (h requestLogHandler) Handle(ctx context.Context, rec slog.Record) error {
	if ai, ok := ctx.Value(infoKey{}).(*accessInfo); ok && ai.requestID != "" {
		rec = rec.Clone()
		rec.AddAttrs(slog.String("request_id", ai.requestID))
	}
	return h.Handler.Handle(ctx, rec)
}

func (h requestLogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestLogHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestLogHandler) WithGroup(name string) slog.Handler {
	return requestLogHandler{h.Handler.WithGroup(name)}
}
