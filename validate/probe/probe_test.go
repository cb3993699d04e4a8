package probe_test

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/icpcheck/beian/validate/probe"
)

// fakeResolver answers from a map; a host mapped to nil does not exist,
// "timeout." hosts time out.
type fakeResolver map[string][]string

func (r fakeResolver) LookupHost(ctx context.Context, host string) ([]string, error) {
	if strings.HasPrefix(host, "timeout.") {
		return nil, &net.DNSError{Err: "i/o timeout", Name: host, IsTimeout: true}
	}
	if a, ok := r[host]; ok && a != nil {
		return a, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// env is a loopback world: the resolver maps names to 127.0.0.1 (or what a
// test sets), and the dialer maps port 443 to an httptest TLS server and
// port 80 to a plain one. Nothing else can be dialled, so a test cannot
// reach the network.
type env struct {
	prober *probe.Prober
	mu     sync.Mutex
	dials  []string
}

func newEnv(t *testing.T, resolver fakeResolver, https, plain http.Handler) *env {
	t.Helper()
	routes := map[string]string{}
	var tlsConf *tls.Config
	if https != nil {
		s := httptest.NewTLSServer(https)
		t.Cleanup(s.Close)
		routes["443"] = s.Listener.Addr().String()
		tlsConf = &tls.Config{RootCAs: s.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs}
	}
	if plain != nil {
		s := httptest.NewServer(plain)
		t.Cleanup(s.Close)
		routes["80"] = s.Listener.Addr().String()
	}
	e := &env{}
	e.prober = &probe.Prober{
		Resolver:     resolver,
		TLSConfig:    tlsConf,
		AllowPrivate: true,
		Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
			host, port, _ := net.SplitHostPort(address)
			e.mu.Lock()
			e.dials = append(e.dials, address)
			e.mu.Unlock()
			to, ok := routes[port]
			if !ok || host != "127.0.0.1" {
				return nil, fmt.Errorf("dial %s: connection refused (test world)", address)
			}
			var d net.Dialer
			return d.DialContext(ctx, network, to)
		},
	}
	return e
}

const footerPage = `<!doctype html><html><head><meta charset="utf-8"><title>
  示例科技官网 - 专业云服务 </title></head><body><h1>示例</h1>
<footer>© 2026 深圳市示例科技有限公司 <a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备2023012345号-1</a></footer></body></html>`

func page(body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})
}

var local = fakeResolver{"example.com": {"127.0.0.1"}, "www.example.com": {"127.0.0.1"}}

func TestHTTPSPage(t *testing.T) {
	e := newEnv(t, local, page(footerPage), nil)
	res, err := e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Resolves || !res.Reachable || res.StatusCode != 200 || res.URL != "https://example.com/" {
		t.Errorf("result %+v", res)
	}
	if res.Title != "示例科技官网 - 专业云服务" {
		t.Errorf("Title = %q", res.Title)
	}
	if len(res.MIITLinks) != 1 || res.MIITLinks[0] != "粤ICP备2023012345号-1" {
		t.Errorf("MIITLinks = %q", res.MIITLinks)
	}
}

func TestFallsBackToHTTP(t *testing.T) {
	e := newEnv(t, local, nil, page("<title>plain</title>"))
	res, err := e.prober.Probe(context.Background(), "Example.COM.")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Reachable || res.URL != "http://example.com/" || res.Title != "plain" {
		t.Errorf("result %+v", res)
	}
}

func TestFallsBackToWWW(t *testing.T) {
	e := newEnv(t, fakeResolver{"www.example.com": {"127.0.0.1"}}, page("<title>www</title>"), nil)
	res, err := e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Reachable || res.URL != "https://www.example.com/" {
		t.Errorf("result %+v", res)
	}
}

func TestNotOnline(t *testing.T) {
	for name, c := range map[string]struct {
		resolver fakeResolver
		https    http.Handler
		resolves bool
		status   int
	}{
		"no such host":      {fakeResolver{}, page(footerPage), false, 0},
		"refused":           {local, nil, true, 0},
		"not found":         {local, http.NotFoundHandler(), true, 404},
		"server error":      {local, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(503) }), true, 503},
		"elsewhere than lo": {fakeResolver{"example.com": {"192.0.2.1"}}, page(footerPage), true, 0},
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t, c.resolver, c.https, nil)
			res, err := e.prober.Probe(context.Background(), "example.com")
			if err != nil {
				t.Fatal(err)
			}
			if res.Reachable || res.Resolves != c.resolves || res.StatusCode != c.status {
				t.Errorf("result %+v, want resolves %t status %d, not reachable", res, c.resolves, c.status)
			}
		})
	}
}

// TestPrivateAddressesRefused: by default a domain pointing at loopback is
// not fetched (the prober must not reach into the caller's network).
func TestPrivateAddressesRefused(t *testing.T) {
	for _, addr := range []string{"127.0.0.1", "10.1.2.3", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "100.64.0.1", "0.0.0.0"} {
		e := newEnv(t, fakeResolver{"example.com": {addr}, "www.example.com": {addr}}, page(footerPage), nil)
		e.prober.AllowPrivate = false
		res, err := e.prober.Probe(context.Background(), "example.com")
		if err != nil || res.Reachable || res.Resolves {
			t.Errorf("%s: %+v, %v", addr, res, err)
		}
		if len(e.dials) != 0 {
			t.Errorf("%s: dialled %v", addr, e.dials)
		}
	}
}

func TestLookupFailure(t *testing.T) {
	e := newEnv(t, local, page(footerPage), nil)
	_, err := e.prober.Probe(context.Background(), "timeout.example.com")
	var pe *probe.Error
	if !errors.As(err, &pe) || pe.Op != "lookup" {
		t.Fatalf("err = %v, want a lookup *probe.Error", err)
	}
}

func TestBadDomain(t *testing.T) {
	e := newEnv(t, local, page(footerPage), nil)
	for _, d := range []string{"", "exa mple.com/", "http://example.com", "a..b"} {
		_, err := e.prober.Probe(context.Background(), d)
		var pe *probe.Error
		if !errors.As(err, &pe) || pe.Op != "domain" {
			t.Errorf("Probe(%q): %v, want a domain *probe.Error", d, err)
		}
	}
}

func TestRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("example.com/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://www.example.com/home", http.StatusMovedPermanently)
	})
	mux.HandleFunc("www.example.com/home", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, footerPage)
	})
	e := newEnv(t, local, mux, nil)
	res, err := e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if res.URL != "https://www.example.com/home" || res.StatusCode != 200 || len(res.MIITLinks) != 1 {
		t.Errorf("within the domain: %+v", res)
	}

	// A redirect to another domain is not followed: the answer is the
	// redirect, and nothing outside is dialled.
	away := http.RedirectHandler("https://other.example.net/", http.StatusFound)
	e = newEnv(t, local, away, nil)
	res, err = e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 302 || !res.Reachable || res.URL != "https://example.com/" {
		t.Errorf("to another domain: %+v", res)
	}
	for _, d := range e.dials {
		if !strings.HasPrefix(d, "127.0.0.1:") {
			t.Errorf("dialled %s", d)
		}
	}

	// A loop stops after MaxRedirects.
	var hits int
	loop := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		http.Redirect(w, r, "/again", http.StatusFound)
	})
	e = newEnv(t, local, loop, nil)
	e.prober.MaxRedirects = 2
	res, err = e.prober.Probe(context.Background(), "example.com")
	if err != nil || res.StatusCode != 302 || hits != 3 {
		t.Errorf("loop: %+v, %v, %d requests", res, err, hits)
	}
}

// TestHTTPRedirectToBrokenHTTPS: http:// redirects to an https:// that
// does not answer (refused here; a certificate that does not verify in
// the wild): the redirect is the answer, the site is online.
func TestHTTPRedirectToBrokenHTTPS(t *testing.T) {
	e := newEnv(t, local, nil, http.RedirectHandler("https://example.com/", http.StatusMovedPermanently))
	res, err := e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Reachable || res.StatusCode != 301 || res.URL != "http://example.com/" {
		t.Errorf("result %+v", res)
	}

	// A certificate the prober does not trust: same answer.
	e = newEnv(t, local, page(footerPage), http.RedirectHandler("https://example.com/", http.StatusFound))
	e.prober.TLSConfig = nil // system roots: the httptest certificate does not verify
	res, err = e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Reachable || res.StatusCode != 302 || res.URL != "http://example.com/" {
		t.Errorf("untrusted certificate: %+v", res)
	}
}

func TestSizeLimit(t *testing.T) {
	big := "<title>big</title>" + strings.Repeat("x", 10000)
	e := newEnv(t, local, page(big), nil)
	e.prober.MaxBodySize = 1000
	res, err := e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Truncated || len(res.Body) != 1000 || res.Title != "big" {
		t.Errorf("Truncated %t, %d bytes, title %q", res.Truncated, len(res.Body), res.Title)
	}
}

func TestContextBounds(t *testing.T) {
	block := make(chan struct{})
	t.Cleanup(func() { close(block) })
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-block:
		}
	})
	e := newEnv(t, local, slow, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err := e.prober.Probe(ctx, "example.com")
	var pe *probe.Error
	if !errors.As(err, &pe) || pe.Op != "fetch" || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a fetch error wrapping the deadline", err)
	}
}

func TestGBKPage(t *testing.T) {
	// "<title>示例科技官网</title>" in GBK.
	gbk := []byte("<title>\xca\xbe\xc0\xfd\xbf\xc6\xbc\xbc\xb9\xd9\xcd\xf8</title>")
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=gbk")
		w.Write(gbk)
	})
	e := newEnv(t, local, h, nil)
	res, err := e.prober.Probe(context.Background(), "example.com")
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "示例科技官网" {
		t.Errorf("Title = %q", res.Title)
	}
}

func TestConcurrent(t *testing.T) {
	e := newEnv(t, local, page(footerPage), nil)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if res, err := e.prober.Probe(context.Background(), "example.com"); err != nil || !res.Reachable {
				t.Errorf("%+v, %v", res, err)
			}
		}()
	}
	wg.Wait()
}

func TestParsePage(t *testing.T) {
	for _, c := range []struct {
		name, html, title string
		links             []string
	}{
		{"footer", footerPage, "示例科技官网 - 专业云服务", []string{"粤ICP备2023012345号-1"}},
		{"protocol-relative and upper case", `<a href="//BEIAN.MIIT.GOV.CN">京ICP备12345678号</a>`, "", []string{"京ICP备12345678号"}},
		{"http and a path", `<a href=" http://beian.miit.gov.cn/#/Integrated/index "> 京ICP备 12345678号 </a>`, "", []string{"京ICP备 12345678号"}},
		{"image link", `<a href="https://beian.miit.gov.cn/"><img src="x.png" alt="沪ICP备12345678号"></a>`, "", []string{"沪ICP备12345678号"}},
		{"other links ignored", `<a href="https://www.miit.gov.cn/">粤ICP备2023012345号</a><a href="/beian.miit.gov.cn">x</a><a href="https://beian.miit.gov.cn.evil.example/">y</a>`, "", nil},
		{"old MIIT address is not the link", `<a href="http://www.miitbeian.gov.cn/">粤ICP备2023012345号</a>`, "", nil},
		{"unclosed link", `<a href="https://beian.miit.gov.cn/">粤ICP备2023012345号`, "", []string{"粤ICP备2023012345号"}},
		{"entities, second title ignored", `<title>示例&amp;官网</title><title>other</title>`, "示例&官网", nil},
		{"no title", `<p>hello</p>`, "", nil},
		{"unterminated title", `<title>abc`, "abc", nil},
		{"empty", ``, "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := probe.ParsePage([]byte(c.html))
			if p.Title != c.title || fmt.Sprint(p.MIITLinks) != fmt.Sprint(c.links) {
				t.Errorf("ParsePage = %q %q, want %q %q", p.Title, p.MIITLinks, c.title, c.links)
			}
		})
	}
}

func TestParsePageBounded(t *testing.T) {
	var b strings.Builder
	for range 1000 {
		b.WriteString(`<a href="https://beian.miit.gov.cn/">` + strings.Repeat("长", 2000) + `</a>`)
	}
	p := probe.ParsePage([]byte(b.String()))
	if len(p.MIITLinks) != probe.MaxLinks {
		t.Errorf("%d links kept", len(p.MIITLinks))
	}
	for _, l := range p.MIITLinks {
		if len(l) > 2048 {
			t.Fatalf("link text of %d bytes kept", len(l))
		}
	}
}
