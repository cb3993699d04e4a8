package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/validate"
)

// TestConcurrentAnswersAsEncoded: answers encoded into the pooled
// buffers (answerBuffers) and bodies read through the pooled readers
// (bodyReaders), many at once over several connections, are each the
// bytes of their own report: clean and rejected filings, one or several,
// in zh and en, with their Content-Length.
func TestConcurrentAnswersAsEncoded(t *testing.T) {
	reg, err := openRegistry(context.Background(), "", "", nil)
	require.NoError(t, err)
	url, _ := serve(t, testConfig(t), reg)
	v := validate.New(validate.WithRegistry(reg))
	type tc struct {
		body []byte
		lang string
		want string
	}
	var cases []tc
	var filings [][]byte
	for _, name := range []string{"clean_enterprise.json", "rejected_enterprise.json", "clean_personal_beijing_residence_permit.json", "contact_problems_beijing.json"} {
		data, err := os.ReadFile("../icpcheck/testdata/" + name)
		require.NoError(t, err)
		filings = append(filings, data)
	}
	for _, lang := range []string{"zh", "en"} {
		tag := language.SimplifiedChinese
		if lang == "en" {
			tag = language.English
		}
		var all []*validate.Report
		for _, data := range filings {
			f, err := beian.ParseFiling(data)
			require.NoError(t, err)
			rep := v.Validate(context.Background(), f).In(tag)
			all = append(all, rep)
			want, err := encodeJSON(rep)
			require.NoError(t, err)
			cases = append(cases, tc{data, lang, string(want) + "\n"})
		}
		want, err := encodeJSON(all)
		require.NoError(t, err)
		cases = append(cases, tc{[]byte("[" + string(bytes.Join(filings, []byte(","))) + "]"), lang, string(want) + "\n"})
	}
	const workers, rounds = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*len(cases))
	for w := range workers {
		wg.Go(func() {
			for i := range rounds * len(cases) {
				c := cases[(i+w)%len(cases)]
				resp, err := http.Post(url+"/v1/filings:validate?lang="+c.lang, "application/json", bytes.NewReader(c.body))
				if err != nil {
					errs <- err
					return
				}
				got, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				switch {
				case err != nil:
					errs <- err
				case resp.StatusCode != http.StatusOK:
					errs <- fmt.Errorf("status %d", resp.StatusCode)
				case string(got) != c.want:
					errs <- fmt.Errorf("answer %d of worker %d differs from its report", i, w)
				case resp.Header.Get("Content-Length") != strconv.Itoa(len(c.want)):
					errs <- fmt.Errorf("Content-Length %s for %d bytes", resp.Header.Get("Content-Length"), len(c.want))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestMediaTypeAsParsed: mediaTypeProblem's quick forms answer as
// mime.ParseMediaType's reading does.
func TestMediaTypeAsParsed(t *testing.T) {
	parsed := func(ct string) string {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return "the body must be JSON (Content-Type: application/json)"
		}
		if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
			return "the body must be JSON in UTF-8 (charset=" + strconv.Quote(cs) + " is not)"
		}
		return ""
	}
	for _, ct := range []string{
		"application/json", "application/json; charset=utf-8", "Application/JSON", "application/json;charset=UTF-8",
		"application/json; charset=utf8", "application/problem+json", "application/json; charset=iso-8859-1",
		"application/json; charset=\"\"", "application/json;", "application/json; charset=utf-8; x=1",
		"application/jsonx", "text/plain", "", "application/json ", " application/json", "application/json; charset",
	} {
		assert.Equal(t, parsed(ct), mediaTypeProblem(ct), "%q", ct)
	}
}
