// Package probe is the default [beian.Prober]: it looks up a domain with a
// [net.Resolver] and reads its home page over HTTPS, then HTTP, with
// net/http, the way a reviewer opens the site, and parses the page with
// golang.org/x/net/html for its <title> and its links to the MIIT filing
// system (beian.miit.gov.cn).
//
// The validator only uses a Prober when the caller asks for one
// (validate.WithProber(probe.New())): nothing here runs
// otherwise. Every probe is bounded by its context and by a response-size
// limit; redirects are followed only to ports 80 and 443 of the domain
// itself and its sub-domains. By default the prober connects only to
// public unicast addresses: none in a block of IANA's IPv4 and IPv6
// special-purpose registries (loopback, private, shared, link-local,
// benchmarking, reserved, NAT64, 6to4, Teredo, IPv4-mapped; see [Public]
// and [SpecialPurposeEdition]) and no IPv6 outside 2000::/3, so a filing
// cannot make a console's backend fetch from its own network; tests that serve
// pages from httptest on loopback set [Prober.AllowPrivate] and give their
// own resolver and dialer, so they never leave the machine.
package probe

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/net/idna"

	"github.com/icpcheck/beian"
)

// A Resolver looks up the addresses of a host; *net.Resolver is one.
type Resolver interface {
	LookupHost(ctx context.Context, host string) (addrs []string, err error)
}

// Defaults for the zero fields of a [Prober].
const (
	DefaultMaxBodySize  = 1 << 20 // bytes of a home page read
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "beian-probe/1 (+https://github.com/icpcheck/beian)"
	// DefaultTimeout bounds a probe whose context has no deadline.
	DefaultTimeout = 15 * time.Second
)

// A Prober fetches home pages. The zero Prober is ready to use: the
// system resolver, a plain dialer, the system's certificate roots and the
// defaults above. A Prober must not be changed while in use; it is safe for
// concurrent use.
type Prober struct {
	// Resolver looks up domains; nil means net.DefaultResolver.
	Resolver Resolver
	// Dial connects to an address (an IP and a port) the resolver gave;
	// nil means a net.Dialer.
	Dial func(ctx context.Context, network, address string) (net.Conn, error)
	// TLSConfig is cloned for HTTPS connections (ServerName is set per
	// host); nil means the defaults with the system's roots.
	TLSConfig *tls.Config
	// MaxBodySize bounds the bytes of a page read; 0 means
	// DefaultMaxBodySize.
	MaxBodySize int64
	// MaxRedirects bounds the redirects followed; 0 means
	// DefaultMaxRedirects, negative means none.
	MaxRedirects int
	// AllowPrivate lets the prober connect to addresses [Public]
	// refuses: loopback, private, link-local and every other
	// special-purpose block. Leave it false outside tests.
	AllowPrivate bool
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
}

// New returns a Prober with the defaults; it is the same as &Prober{}.
func New() *Prober { return &Prober{} }

var _ beian.Prober = (*Prober)(nil)

// An Error is a probe that could not tell whether the site answers: the
// lookup failed for another reason than "no such host", or the context
// ended.
type Error struct {
	Domain string // the domain probed
	Op     string // "lookup", "fetch" or "domain"
	Err    error  // the cause
}

// Error describes the failure.
func (e *Error) Error() string {
	return fmt.Sprintf("probe %s: %s: %v", e.Domain, e.Op, e.Err)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Probe looks up domain and reads its home page: https://domain/, then
// http://domain/, then the same for www.domain when the domain itself has
// no address or does not answer. A domain without an address, or whose
// servers refuse the connection, is not an error: the result says it does
// not resolve or is not reachable. Reachable is set when a page was read
// with a status below 400 (a redirect to another site counts: the site
// answers). A context without a deadline gets DefaultTimeout.
func (p *Prober) Probe(ctx context.Context, domain string) (beian.ProbeResult, error) {
	ascii, err := idna.Lookup.ToASCII(strings.TrimSuffix(strings.TrimSpace(domain), "."))
	if err != nil || ascii == "" || len(ascii) > 253 || strings.ContainsAny(ascii, "/:@?#[] ") ||
		strings.Contains(ascii, "..") || strings.HasPrefix(ascii, ".") {
		if err == nil {
			err = errors.New("not a domain name")
		}
		return beian.ProbeResult{}, &Error{Domain: domain, Op: "domain", Err: err}
	}
	ascii = strings.ToLower(ascii)
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	s := &session{p: p, domain: ascii, addrs: map[string][]string{}}
	defer s.close()

	var res beian.ProbeResult
	for _, host := range []string{ascii, "www." + ascii} {
		addrs, err := s.lookup(ctx, host)
		if err != nil {
			return beian.ProbeResult{}, &Error{Domain: domain, Op: "lookup", Err: err}
		}
		if len(addrs) == 0 {
			continue
		}
		res.Resolves = true
		for _, scheme := range []string{"https", "http"} {
			r, ok := s.fetch(ctx, scheme+"://"+host+"/")
			if ctx.Err() != nil {
				return beian.ProbeResult{}, &Error{Domain: domain, Op: "fetch", Err: ctx.Err()}
			}
			if ok {
				r.Resolves = true
				return r, nil
			}
		}
	}
	return res, nil
}

// session is one probe: the addresses looked up so far and the client.
type session struct {
	p      *Prober
	domain string

	mu          sync.Mutex
	addrs       map[string][]string
	httpsFailed map[string]bool // hosts whose https:// home page gave no answer

	client *http.Client
	tr     *http.Transport
}

func (s *session) close() {
	if s.tr != nil {
		s.tr.CloseIdleConnections()
	}
}

// lookup returns host's usable addresses, none when it has no address.
func (s *session) lookup(ctx context.Context, host string) ([]string, error) {
	s.mu.Lock()
	a, ok := s.addrs[host]
	s.mu.Unlock()
	if ok {
		return a, nil
	}
	var r Resolver = net.DefaultResolver
	if s.p.Resolver != nil {
		r = s.p.Resolver
	}
	addrs, err := r.LookupHost(ctx, host)
	if err != nil {
		var de *net.DNSError
		if errors.As(err, &de) && de.IsNotFound {
			addrs, err = nil, nil
		} else {
			return nil, err
		}
	}
	usable := addrs[:0:0]
	for _, a := range addrs {
		ip, perr := netip.ParseAddr(a)
		if perr != nil {
			continue
		}
		if s.p.AllowPrivate || Public(ip) {
			usable = append(usable, a)
		}
	}
	s.mu.Lock()
	s.addrs[host] = usable
	s.mu.Unlock()
	return usable, nil
}

// webPort reports whether port (from a URL or a dial address; "" for the
// scheme's default) is one a home page is served on: 80 or 443.
func webPort(port string) bool {
	return port == "" || port == "80" || port == "443"
}

// inDomain reports whether host is the probed domain or one of its
// sub-domains.
func (s *session) inDomain(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return host == s.domain || strings.HasSuffix(host, "."+s.domain)
}

func (s *session) httpClient() *http.Client {
	if s.client != nil {
		return s.client
	}
	dial := s.p.Dial
	if dial == nil {
		d := &net.Dialer{Timeout: 10 * time.Second}
		dial = d.DialContext
	}
	var tlsConf *tls.Config
	if s.p.TLSConfig != nil {
		tlsConf = s.p.TLSConfig.Clone()
	}
	s.tr = &http.Transport{
		Proxy: nil, // a reviewer's view of the site, not through the caller's proxy
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			if !s.inDomain(host) {
				return nil, fmt.Errorf("%s is outside %s", host, s.domain)
			}
			if !webPort(port) {
				return nil, fmt.Errorf("port %s is not a web port (80, 443)", port)
			}
			addrs, err := s.lookup(ctx, host)
			if err != nil {
				return nil, err
			}
			if len(addrs) == 0 {
				return nil, fmt.Errorf("%s has no usable address", host)
			}
			var errs []error
			for _, a := range addrs {
				c, err := dial(ctx, network, net.JoinHostPort(a, port))
				if err == nil {
					return c, nil
				}
				errs = append(errs, err)
			}
			return nil, errors.Join(errs...)
		},
		TLSClientConfig:        tlsConf,
		DisableKeepAlives:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  10 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	maxRedirects := s.p.MaxRedirects
	if maxRedirects == 0 {
		maxRedirects = DefaultMaxRedirects
	}
	s.client = &http.Client{
		Transport: s.tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects || (req.URL.Scheme != "http" && req.URL.Scheme != "https") ||
				!s.inDomain(req.URL.Hostname()) || !webPort(req.URL.Port()) {
				return http.ErrUseLastResponse
			}
			s.mu.Lock()
			failed := req.URL.Scheme == "https" && s.httpsFailed[strings.ToLower(req.URL.Hostname())]
			s.mu.Unlock()
			if failed {
				// http:// sends to an https:// that already gave no answer
				// (often a certificate that does not verify): the redirect
				// is the site's answer.
				return http.ErrUseLastResponse
			}
			return nil
		},
	}
	return s.client
}

// fetch reads one page; ok is false when no HTTP answer came.
func (s *session) fetch(ctx context.Context, u string) (beian.ProbeResult, bool) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return beian.ProbeResult{}, false
	}
	ua := s.p.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	resp, err := s.httpClient().Do(req)
	if err != nil {
		if req.URL.Scheme == "https" {
			s.mu.Lock()
			if s.httpsFailed == nil {
				s.httpsFailed = map[string]bool{}
			}
			s.httpsFailed[req.URL.Hostname()] = true
			s.mu.Unlock()
		}
		return beian.ProbeResult{}, false
	}
	defer resp.Body.Close()
	limit := s.p.MaxBodySize
	if limit <= 0 {
		limit = DefaultMaxBodySize
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	res := beian.ProbeResult{
		StatusCode: resp.StatusCode,
		Reachable:  resp.StatusCode < 400,
		URL:        resp.Request.URL.String(),
	}
	if int64(len(body)) > limit {
		body, res.Truncated = body[:limit], true
	}
	if err != nil && len(body) == 0 {
		// The server answered with headers, then broke off: still an
		// answer.
		res.Truncated = true
	}
	// Pages in GBK or Big5 are common: read them as UTF-8.
	if enc, name, _ := charset.DetermineEncoding(body, resp.Header.Get("Content-Type")); name != "utf-8" {
		if b, err := enc.NewDecoder().Bytes(body); err == nil {
			body = b
		}
	}
	res.Body = body
	page := ParsePage(body)
	res.Title, res.MIITLinks = page.Title, page.MIITLinks
	return res, true
}

// A Page is what ParsePage reads from a home page.
type Page struct {
	// Title is the text of the first <title>, white space collapsed.
	Title string
	// MIITLinks holds the text of each <a> whose href points at
	// beian.miit.gov.cn, white space collapsed (at most MaxLinks).
	MIITLinks []string
}

// MaxLinks bounds the MIIT links ParsePage keeps, and maxText the bytes of
// text kept per title or link.
const (
	MaxLinks = 32
	maxText  = 1024
)

// ParsePage reads the title and the links to the MIIT filing system from
// an HTML page, tolerating broken markup; its time is linear in the page.
func ParsePage(body []byte) Page {
	var p Page
	z := html.NewTokenizer(bytes.NewReader(body))
	var (
		inTitle, titleDone bool
		title              strings.Builder
		inLink             bool
		link               strings.Builder
	)
	for {
		switch z.Next() {
		case html.ErrorToken:
			if inLink && len(p.MIITLinks) < MaxLinks {
				p.MIITLinks = append(p.MIITLinks, collapse(link.String()))
			}
			if !titleDone {
				p.Title = collapse(title.String())
			}
			return p
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Title:
				if !titleDone {
					inTitle = true
				}
			case atom.A:
				if inLink && len(p.MIITLinks) < MaxLinks {
					p.MIITLinks = append(p.MIITLinks, collapse(link.String()))
				}
				inLink = false
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" && isMIIT(string(v)) {
						inLink = true
						link.Reset()
					}
				}
			case atom.Img:
				// An image link: its alt text stands for its text.
				for inLink && hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "alt" {
						writeBounded(&link, v)
						writeBounded(&link, []byte(" "))
					}
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Title:
				if inTitle {
					inTitle, titleDone = false, true
					p.Title = collapse(title.String())
				}
			case atom.A:
				if inLink && len(p.MIITLinks) < MaxLinks {
					p.MIITLinks = append(p.MIITLinks, collapse(link.String()))
				}
				inLink = false
			}
		case html.TextToken:
			t := z.Text()
			if inTitle {
				writeBounded(&title, t)
			}
			if inLink {
				writeBounded(&link, t)
			}
		}
	}
}

// isMIIT reports whether href points at the MIIT filing system.
func isMIIT(href string) bool {
	href = strings.TrimSpace(href)
	if strings.HasPrefix(href, "//") {
		href = "https:" + href
	}
	u, err := url.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return false
	}
	return strings.EqualFold(strings.TrimSuffix(u.Hostname(), "."), "beian.miit.gov.cn")
}

// collapse trims s and replaces runs of white space with one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// writeBounded appends as much of t to b as keeps it within maxText bytes,
// cutting at a character boundary.
func writeBounded(b *strings.Builder, t []byte) {
	room := maxText - b.Len()
	if room <= 0 {
		return
	}
	if len(t) > room {
		t = t[:room]
		for len(t) > 0 && !utf8.Valid(t) {
			t = t[:len(t)-1]
		}
	}
	b.Write(t)
}
