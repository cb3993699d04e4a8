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
//
// Only regular files are read: the path is looked up with [fs.Stat] first
// and anything else (a directory, a FIFO, a device, a socket) is refused
// before it is opened; an fsys without fs.StatFS is opened to be looked
// at. A FIFO swapped in between the look and the opening can still block
// fsys.Open; the engine's deadline then makes the check
// CHECK_UNAVAILABLE.
func WithDocuments(fsys fs.FS) Option {
	if fsys == nil {
		return func(*Validator) {}
	}
	return WithDocumentSource(func(ctx context.Context, name string) (io.ReadCloser, error) {
		clean, err := documentPath(name)
		if err != nil {
			return nil, err
		}
		if _, ok := fsys.(fs.StatFS); ok {
			fi, err := fs.Stat(fsys, clean)
			if err != nil {
				return nil, err
			}
			if !fi.Mode().IsRegular() {
				return nil, fmt.Errorf("%w: %s is a %s", ErrNotRegular, name, fileType(fi.Mode()))
			}
		}
		f, err := fsys.Open(clean)
		if err != nil {
			return nil, err
		}
		if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
			f.Close()
			return nil, fmt.Errorf("%w: %s", ErrNotRegular, name)
		}
		return f, nil
	})
}

// ErrNotRegular is wrapped by the error a document source gives for a path
// that is not a regular file: a directory, a FIFO, a device, a socket.
// Such a document is listed as skipped.
var ErrNotRegular = errors.New("document is not a regular file")

// WithDocumentDir is [WithDocuments] on the directory dir, through an
// [os.Root] opened for each document.
//
// What the root promises: a path that resolves outside dir, by "..", an
// absolute path or a symbolic link (also one inside dir pointing out), is
// refused by the operating system; only a regular file is opened, looked
// up without following anything out of dir and opened without blocking
// (O_NONBLOCK on Unix), so a FIFO, a device or a socket in dir is refused
// without waiting and without the side effects of opening a device; the
// file opened is checked to be the one looked up.
//
// What it does not promise: a hard link inside dir to a file elsewhere on
// the same file system is followed (a hard link is the file itself; the
// operating system cannot tell it apart), so the upload folder must not be
// writable by anyone who could link to files they should not read; a bind
// mount inside dir is entered; the content of a file may change while it
// is read. On systems without O_NONBLOCK (Windows, WebAssembly) there are
// no FIFOs to block on.
func WithDocumentDir(dir string) Option {
	return WithDocumentSource(func(ctx context.Context, name string) (io.ReadCloser, error) {
		clean, err := documentPath(name)
		if err != nil {
			return nil, err
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		fi, err := root.Stat(clean)
		if err != nil {
			return nil, rootError(err, name)
		}
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("%w: %s is a %s", ErrNotRegular, name, fileType(fi.Mode()))
		}
		f, err := root.OpenFile(clean, openReadOnly, 0)
		if err != nil {
			return nil, rootError(err, name)
		}
		if got, err := f.Stat(); err != nil || !got.Mode().IsRegular() || !os.SameFile(fi, got) {
			f.Close()
			return nil, fmt.Errorf("%w: %s changed while it was opened", ErrNotRegular, name)
		}
		return f, nil
	})
}

// rootError wraps ErrDocumentPath for a path the root refused as escaping.
func rootError(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes") {
		return fmt.Errorf("%w: %s", ErrDocumentPath, name)
	}
	return err
}

// fileType names the type of a file that is not regular.
func fileType(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "FIFO"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// WithDocumentSource lets the validator get a document's bytes from open,
// called with the validation's context (bounded by the timeout) and the
// path the filing gives. open must refuse paths outside what it serves
// and anything but a regular file, and be safe for concurrent use; an
// error lists the document's byte checks as skipped. The validator reads
// at most the size limit plus one byte and closes what open returns. The
// opening and every read run under the deadline of an outside call
// ([WithTimeout]), whether or not open and the reader honour their
// context: a source that blocks makes the document check
// CHECK_UNAVAILABLE, and is not asked again in that validation.
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
