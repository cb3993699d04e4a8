package client_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/docs"
	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/validate"
	"github.com/icpcheck/beian/validate/client"
)

// start serves a fake service and returns a client of it, the fake and
// its URL.
func start(t *testing.T) (*client.Client, *fake, string) {
	t.Helper()
	f := newFake()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c, err := client.New(srv.URL, client.WithHTTPClient(srv.Client()))
	require.NoError(t, err)
	return c, f, srv.URL
}

func exampleFilings(t *testing.T) map[string]*beian.Filing {
	t.Helper()
	files, err := filepath.Glob("../../examples/icpcheck/testdata/*.json")
	require.NoError(t, err)
	out := map[string]*beian.Filing{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		if f, err := beian.ParseFiling(data); err == nil {
			out[filepath.Base(name)] = f
		}
	}
	require.NotEmpty(t, out)
	return out
}

// TestValidateAsTheLibrary: for every example filing, in both languages,
// the client's report says what the library's does, byte offsets of the
// spans included (filled in from the filing sent).
func TestValidateAsTheLibrary(t *testing.T) {
	c, _, _ := start(t)
	ctx := context.Background()
	spans := 0
	for _, lang := range []language.Tag{language.SimplifiedChinese, language.English} {
		v := validate.New(validate.WithLanguage(lang))
		for name, f := range exampleFilings(t) {
			want := v.Validate(ctx, f)
			got, err := c.Validate(ctx, f, lang)
			require.NoError(t, err, name)
			wantJSON, err := want.MarshalJSON()
			require.NoError(t, err)
			gotJSON, err := got.MarshalJSON()
			require.NoError(t, err)
			assert.JSONEq(t, string(wantJSON), string(gotJSON), name)
			assert.Equal(t, want.OK(), got.OK(), name)
			require.Len(t, got.Rejections, len(want.Rejections), name)
			for i, r := range want.Rejections {
				assert.Equal(t, r.Span, got.Rejections[i].Span, "%s %s", name, r.Code)
				if !r.Span.IsZero() {
					spans++
				}
			}
		}
	}
	assert.Greater(t, spans, 5, "spans were compared")
}

func TestValidateAll(t *testing.T) {
	c, _, _ := start(t)
	fs := exampleFilings(t)
	list := []*beian.Filing{fs["clean_enterprise.json"], fs["rejected_enterprise.json"]}
	reps, err := c.ValidateAll(context.Background(), list, language.English)
	require.NoError(t, err)
	require.Len(t, reps, 2)
	assert.True(t, reps[0].OK())
	assert.False(t, reps[1].OK())
	assert.True(t, reps[1].Has(rules.CodeCrossProvince))
	assert.Equal(t, language.English, reps[1].Language)

	_, err = c.ValidateAll(context.Background(), nil, language.English)
	assert.Error(t, err)
}

// TestErrors: each error answer of the document becomes an *Error with
// the status, the message and the request id, matching its sentinel.
func TestErrors(t *testing.T) {
	_, f, url := start(t)
	filing := exampleFilings(t)["clean_enterprise.json"]
	for _, tt := range []struct {
		status int
		is     error
	}{
		{400, client.ErrBadRequest}, {408, client.ErrTimeout}, {413, client.ErrTooLarge},
		{415, client.ErrUnsupportedMediaType}, {405, client.ErrNotFound}, {500, client.ErrInternal},
	} {
		ctx := client.WithRequestID(context.Background(), fmt.Sprintf("test-%d", tt.status))
		hc := &http.Client{Transport: statusTransport{tt.status}}
		cc, err := client.New(url, client.WithHTTPClient(hc))
		require.NoError(t, err)
		_, err = cc.Validate(ctx, filing, language.English)
		var e *client.Error
		require.ErrorAs(t, err, &e, "%d", tt.status)
		assert.Equal(t, tt.status, e.Status)
		assert.Equal(t, fmt.Sprintf("test-%d", tt.status), e.RequestID)
		assert.Equal(t, f.errors[fmt.Sprint(tt.status)]["error"].(map[string]any)["message"], e.Message)
		assert.ErrorIs(t, err, tt.is)
		assert.NotErrorIs(t, err, client.ErrUnavailable)
	}
}

// statusTransport asks the fake for a status's example answer.
type statusTransport struct{ status int }

func (s statusTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("X-Fake-Status", fmt.Sprint(s.status))
	return http.DefaultTransport.RoundTrip(r)
}

// TestDecodeProblems: a body the decoder refuses comes back as a 400 whose
// problems name the field.
func TestDecodeProblems(t *testing.T) {
	c, _, _ := start(t)
	_, err := c.ValidateJSON(context.Background(), []byte(`{"subject": {"cert_type": "licence"}}`), language.English)
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusBadRequest, e.Status)
	require.Len(t, e.Problems, 1)
	assert.Equal(t, beian.Path("subject.cert_type"), e.Problems[0].Field)
	assert.Equal(t, -1, e.Problems[0].Index)
	assert.NotEmpty(t, e.RequestID, "the service's own id")

	_, err = c.ValidateJSON(context.Background(), []byte(`[{}, {"province": 1}]`), language.English)
	require.ErrorAs(t, err, &e)
	require.Len(t, e.Problems, 1)
	assert.Equal(t, 1, e.Problems[0].Index)
	assert.Equal(t, beian.Path("province"), e.Problems[0].Field)
}

// TestRequestID: the context's id reaches the service.
func TestRequestID(t *testing.T) {
	c, f, _ := start(t)
	ctx := client.WithRequestID(context.Background(), "console-42")
	require.NoError(t, c.Health(ctx))
	reqs := f.requests()
	require.NotEmpty(t, reqs)
	assert.Equal(t, "console-42", reqs[len(reqs)-1].Header.Get("X-Request-Id"))
}

// TestWithProfile: the profile goes with every validation as ?profile=,
// and no profile sends none (the service's --profile applies).
func TestWithProfile(t *testing.T) {
	f := newFake()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	filing := exampleFilings(t)["clean_enterprise.json"]
	for _, tt := range []struct{ profile, want string }{{"huawei", "huawei"}, {"", ""}} {
		c, err := client.New(srv.URL, client.WithHTTPClient(srv.Client()), client.WithProfile(tt.profile))
		require.NoError(t, err)
		_, err = c.Validate(context.Background(), filing, language.English)
		require.NoError(t, err)
		_, err = c.ValidateAll(context.Background(), []*beian.Filing{filing}, language.English)
		require.NoError(t, err)
		reqs := f.requests()
		for _, r := range reqs[len(reqs)-2:] {
			assert.Equal(t, tt.want, r.URL.Query().Get("profile"), tt.profile)
			assert.Equal(t, tt.want != "", r.URL.Query().Has("profile"), tt.profile)
		}
	}
}

func TestOtherEndpoints(t *testing.T) {
	c, _, url := start(t)
	ctx := context.Background()
	require.NoError(t, c.Health(ctx))
	r, err := c.Ready(ctx)
	require.NoError(t, err)
	assert.Equal(t, "ready", r.Status)
	m, err := c.Metrics(ctx)
	require.NoError(t, err)
	assert.Contains(t, string(m), "beian_validations_total")
	doc, err := c.OpenAPI(ctx)
	require.NoError(t, err)
	assert.Equal(t, docs.OpenAPI, doc)

	cc, err := client.New(url, client.WithHTTPClient(&http.Client{Transport: statusTransport{503}}))
	require.NoError(t, err)
	_, err = cc.Ready(client.WithRequestID(ctx, "ready-1"))
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusServiceUnavailable, e.Status)
	assert.Equal(t, "ready-1", e.RequestID)
	assert.ErrorIs(t, err, client.ErrUnavailable)
	assert.NotEmpty(t, e.Message)
}

// TestNotTheService: an answer that is not the service's (a proxy's page)
// is an *Error with the status and the start of the body; a transport
// failure is not an *Error.
func TestNotTheService(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "<html>bad gateway</html>", http.StatusBadGateway)
	}))
	defer srv.Close()
	c, err := client.New(srv.URL)
	require.NoError(t, err)
	err = c.Health(context.Background())
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, http.StatusBadGateway, e.Status)
	assert.Contains(t, e.Message, "bad gateway")
	assert.ErrorIs(t, err, client.ErrInternal)

	srv.Close()
	err = c.Health(context.Background())
	require.Error(t, err)
	assert.False(t, errors.As(err, &e))
}

func TestNew(t *testing.T) {
	for _, bad := range []string{"", "example.com", "ftp://example.com", "http://", "://x"} {
		_, err := client.New(bad)
		assert.Error(t, err, bad)
	}
	_, err := client.New("https://beian.internal:8443/prefix/")
	assert.NoError(t, err)
}

// ExampleClient_Validate validates a filing through the service and reads
// the report as the library's.
func ExampleClient_Validate() {
	srv := httptest.NewServer(newFake()) // the service: go run ./examples/httpservice
	defer srv.Close()

	c, err := client.New(srv.URL)
	if err != nil {
		panic(err)
	}
	f := &beian.Filing{
		Province:   "44",
		FilingType: beian.FilingNew,
		Subject:    beian.Subject{Nature: beian.NatureEnterprise, Name: "深圳市示例科技有限公司", CertType: beian.CertUSCC, CertNumber: "91440300MA5F12342Q"},
		Websites:   []beian.Website{{Name: "示例", Domains: []string{"shilikeji.cn"}}},
	}
	rep, err := c.Validate(context.Background(), f, language.English)
	var apiErr *client.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.Status, apiErr.Message, apiErr.RequestID)
		return
	}
	if err != nil {
		panic(err)
	}
	fmt.Println("ok:", rep.OK())
	for _, r := range rep.ForField("websites[0].name") {
		fmt.Println(r.Code, r.Message(rep.Language))
	}
	// Output:
	// ok: false
	// SITE_NAME_TOO_SHORT The website name has 2 Chinese characters; at least 3 are needed
}
