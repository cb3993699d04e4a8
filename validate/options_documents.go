package validate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/icpcheck/beian/rules"
	"github.com/icpcheck/beian/rules/scan"
)

// ErrDocumentPath is wrapped by the error a document source gives for a
// path that would leave its root: absolute, with a ".." element, with a
// backslash, or through a symbolic link pointing outside. Such a document
// is listed as skipped; the file is never opened.
var ErrDocumentPath = errors.New("document path outside the document root")

// WithDocuments lets the validator read the document images a filing
// names by path from fsys, typically the console's upload folder. Paths
// are slash-separated and relative to fsys's root: an absolute path, a
// ".." element or a backslash is refused before fsys is asked. fsys must
// not follow symbolic links out of its root itself: give an [os.Root]'s
// FS (root.FS()), not [os.DirFS], which follows them; [WithDocumentDir]
// does this for a directory. Without a document source, no file is read.
func WithDocuments(fsys fs.FS) Option {
	if fsys == nil {
		return func(*Validator) {}
	}
	return WithDocumentSource(func(ctx context.Context, name string) (io.ReadCloser, error) {
		clean, err := documentPath(name)
		if err != nil {
			return nil, err
		}
		f, err := fsys.Open(clean)
		if err != nil {
			return nil, err
		}
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%s: not a regular file", name)
		}
		return f, nil
	})
}

// WithDocumentDir is [WithDocuments] on the directory dir, opened for each
// document with [os.OpenInRoot]: a path that resolves outside dir, also
// through a symbolic link, is refused by the operating system.
func WithDocumentDir(dir string) Option {
	return WithDocumentSource(func(ctx context.Context, name string) (io.ReadCloser, error) {
		clean, err := documentPath(name)
		if err != nil {
			return nil, err
		}
		f, err := os.OpenInRoot(dir, clean)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes") {
				return nil, fmt.Errorf("%w: %s", ErrDocumentPath, name)
			}
			return nil, err
		}
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%s: not a regular file", name)
		}
		return f, nil
	})
}

// WithDocumentSource lets the validator get a document's bytes from open,
// called with the validation's context (bounded by the timeout) and the
// path the filing gives. open must refuse paths outside what it serves
// and be safe for concurrent use; an error lists the document's byte
// checks as skipped. The validator reads at most the size limit plus one
// byte and closes what open returns.
func WithDocumentSource(open func(ctx context.Context, path string) (io.ReadCloser, error)) Option {
	return func(v *Validator) {
		if open != nil {
			v.cfg.Documents = rules.DocumentSource(open)
		}
	}
}

// documentPath returns name as an fs.FS path, or an error wrapping
// ErrDocumentPath when it would leave the root.
func documentPath(name string) (string, error) {
	p := strings.TrimPrefix(strings.TrimSpace(name), "./")
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || (len(p) > 1 && p[1] == ':') || !fs.ValidPath(p) {
		return "", fmt.Errorf("%w: %q", ErrDocumentPath, name)
	}
	return p, nil
}

// WithDocumentProfile holds document images to the named limits of
// package scan (see scan.Profiles and rules/scan/data/limits.csv): the
// default "default" is the large providers' JPG or PNG up to 4 MB;
// "small_provider" takes files under 3 MB; "miit_legacy" the old MIIT
// interface's JPG up to 100 KB. An unknown name makes the document checks
// a CHECK_UNAVAILABLE warning naming the profiles there are.
func WithDocumentProfile(name string) Option {
	return func(v *Validator) { v.cfg.DocumentProfile = name }
}

// WithDecodeGate bounds how many document images the validator decodes at
// once by g's slots: each decode takes at most scan.DefaultMaxMemory, so
// the documents' memory stays within slots × 64 MiB however many
// validations run. By default each validator has a gate of GOMAXPROCS
// slots; give several validators the same gate to bound them together
// (the bound of a process that builds more than one).
func WithDecodeGate(g *scan.Gate) Option {
	return func(v *Validator) {
		if g != nil {
			v.cfg.DecodeGate = g
		}
	}
}
