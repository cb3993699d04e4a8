package main

import (
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
)

// staticSite serves the files of a directory (the demo page built by
// go run ./examples/web/mkwasm: examples/web/static) at / for GET and
// HEAD (another method is the service's JSON 405), through an os.Root, so that no path, "..", or symbolic link
// leads out of the directory. A directory's index.html answers for it (a
// directory named without its slash is sent to it, 301); there is no
// listing, and no dot file or dot directory is served. A path without a
// file is the service's JSON 404.
// A file with a .gz sibling (beian.wasm.gz) is sent compressed to a
// client that accepts gzip.
type staticSite struct {
	s    *server
	root fs.FS
}

// openStatic opens dir for staticSite.
func openStatic(s *server, dir string) (*staticSite, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &staticSite{s: s, root: root.FS()}, nil
}

// hidden reports whether a path of the site names a dot file or leads
// through a dot directory (.git, .env, .well-known): not served, so that
// a directory given to --web does not publish what its tools keep there.
func hidden(name string) bool {
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// contentSecurityPolicy allows the page its own files and WebAssembly,
// nothing else: it works offline and sends nothing anywhere.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func (st *staticSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if hidden(name) {
		st.s.fail(w, r, http.StatusNotFound, "no such endpoint")
		return
	}
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	} else if fi, err := fs.Stat(st.root, path.Join(name, "index.html")); err == nil && fi.Mode().IsRegular() {
		// A directory named without its slash: to the directory, as
		// net/http's FileServer sends it, so that the page's relative
		// addresses resolve inside it.
		if r.Method == http.MethodGet || r.Method == http.MethodHead {
			to := path.Base(r.URL.Path) + "/"
			if r.URL.RawQuery != "" {
				to += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, to, http.StatusMovedPermanently)
			return
		}
	}
	fi, err := fs.Stat(st.root, name)
	if err != nil || !fi.Mode().IsRegular() || strings.HasSuffix(name, ".gz") {
		st.s.fail(w, r, http.StatusNotFound, "no such endpoint")
		return
	}
	h := w.Header()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		st.s.fail(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; allowed: GET, HEAD")
		return
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	if strings.HasSuffix(name, ".html") {
		h.Set("Content-Security-Policy", contentSecurityPolicy)
	}
	if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
		h.Set("Content-Type", ct)
	}
	if gz, err := fs.Stat(st.root, name+".gz"); err == nil && gz.Mode().IsRegular() {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			st.serve(w, r, name+".gz", gz)
			return
		}
	}
	st.serve(w, r, name, fi)
}

// serve sends the file name (gzip-encoded when it ends in .gz); it
// answers 404 when the file cannot be opened after all (removed since
// the Stat).
func (st *staticSite) serve(w http.ResponseWriter, r *http.Request, name string, fi fs.FileInfo) {
	f, err := st.root.Open(name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			st.s.log.WarnContext(r.Context(), "opening a static file", "file", name, "err", err)
		}
		st.s.fail(w, r, http.StatusNotFound, "no such endpoint")
		return
	}
	defer f.Close()
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		st.s.fail(w, r, http.StatusNotFound, "no such endpoint")
		return
	}
	if strings.HasSuffix(name, ".gz") {
		w.Header().Set("Content-Encoding", "gzip")
	}
	http.ServeContent(w, r, "", fi.ModTime(), rs)
}

// acceptsGzip reports whether the request's Accept-Encoding takes gzip
// (without q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}
