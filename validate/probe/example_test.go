package probe_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"

	"github.com/icpcheck/beian/validate/probe"
)

// A prober pointed at a loopback server by its own resolver and dialer,
// the way the tests run it; in production the zero Prober (or probe.New())
// uses the system resolver and refuses non-public addresses.
func ExampleProber_Probe() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<title>示例科技官网</title><a href="https://beian.miit.gov.cn/">粤ICP备2023012345号-1</a>`)
	}))
	defer srv.Close()

	p := &probe.Prober{
		Resolver:     fakeResolver{"example.cn": {"127.0.0.1"}},
		AllowPrivate: true,
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if _, port, _ := net.SplitHostPort(addr); port == "80" {
				var d net.Dialer
				return d.DialContext(ctx, network, srv.Listener.Addr().String())
			}
			return nil, fmt.Errorf("refused")
		},
	}
	res, err := p.Probe(context.Background(), "example.cn")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Reachable, res.StatusCode, res.URL)
	fmt.Println(res.Title, res.MIITLinks)
	// Output:
	// true 200 http://example.cn/
	// 示例科技官网 [粤ICP备2023012345号-1]
}

func ExampleParsePage() {
	p := probe.ParsePage([]byte(`<html><head><title> 示例 官网 </title></head>
<body><footer><a href="//beian.miit.gov.cn/">京ICP备12345678号</a></footer></body></html>`))
	fmt.Printf("%q %q\n", p.Title, p.MIITLinks)
	// Output: "示例 官网" ["京ICP备12345678号"]
}
