package records

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/rules/domain"
)

// File is the content of a records file: the subjects a console knows,
// in the file's order.
type File struct {
	Subjects []Subject `json:"subjects"`
}

// A Subject is one subject of the records, under one certificate.
type Subject struct {
	// Name, CertType and CertNumber identify the subject as MIIT does.
	Name       string         `json:"name"`
	CertType   beian.CertType `json:"cert_type"`
	CertNumber string         `json:"cert_number"`
	// ICPNumber is the subject's filing number, empty when not filed.
	ICPNumber string `json:"icp_number"`
	// OrderInProgress tells whether an unfinished order exists for the
	// certificate.
	OrderInProgress bool `json:"order_in_progress"`
	// Mobiles are the mobiles on the subject's filings (principals of the
	// subject and of its websites).
	Mobiles []string `json:"mobiles"`
	// Domains are the subject's filed domains.
	Domains []Domain `json:"domains"`
}

// A Domain is one filed domain of a subject.
type Domain struct {
	// Domain is the registrable domain, as the console recorded it.
	Domain string `json:"domain"`
	// ICPNumber is the website's filing number (粤ICP备2023012345号-1).
	ICPNumber string `json:"icp_number"`
	// Hosted tells whether the console hosts the site.
	Hosted bool `json:"hosted"`
}

// ErrFormat is wrapped by every error that says a records file is not in
// the format (as opposed to an error of the reader underneath).
var ErrFormat = errors.New("records: not a records file")

// A FormatError says where a records file departs from the format: Path
// is the JSON path of the value concerned ("subjects[3].cert_type"),
// empty for the file as a whole.
type FormatError struct {
	Path string
	Err  error
}

// Error returns "records: PATH: what is wrong".
func (e *FormatError) Error() string {
	if e.Path == "" {
		return "records: " + e.Err.Error()
	}
	return "records: " + e.Path + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *FormatError) Unwrap() []error { return []error{ErrFormat, e.Err} }

// Read reads a whole records file strictly (see [Reader]).
func Read(r io.Reader) (File, error) {
	rd := NewReader(r)
	var f File
	for {
		s, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		if err != nil {
			return File{}, err
		}
		f.Subjects = append(f.Subjects, s)
	}
}

// A Reader reads the subjects of a records file one at a time, holding
// one subject in memory. It checks the file as it goes: an unknown field,
// a certificate type [beian.CertType.Valid] does not know, a second
// "subjects" array or data after the records object is a [*FormatError].
// A file without "subjects", or with "subjects": null, has none.
type Reader struct {
	src   *errReader
	dec   *json.Decoder
	state int // 0 before the object, 1 in the subjects array, 2 after it, 3 done
	n     int // subjects read
	seen  bool
	err   error
}

// NewReader returns a reader of the records file r.
func NewReader(r io.Reader) *Reader {
	src := &errReader{r: r}
	dec := json.NewDecoder(src)
	dec.DisallowUnknownFields()
	return &Reader{src: src, dec: dec}
}

// Count returns the number of subjects read so far.
func (r *Reader) Count() int { return r.n }

// Next returns the next subject, or io.EOF after the last one once the
// whole file has been checked. After an error, Next returns it again.
func (r *Reader) Next() (Subject, error) {
	if r.err != nil {
		return Subject{}, r.err
	}
	s, err := r.next()
	if err != nil {
		r.err = err
	}
	return s, err
}

func (r *Reader) next() (Subject, error) {
	for {
		switch r.state {
		case 0:
			if err := r.delim('{', ""); err != nil {
				return Subject{}, err
			}
			r.state = 2
		case 1:
			if r.dec.More() {
				// The certificate type is read as a string and checked
				// here, so that its error names the field.
				var w struct {
					Subject
					CertType string `json:"cert_type"`
				}
				path := fmt.Sprintf("subjects[%d]", r.n)
				if err := r.dec.Decode(&w); err != nil {
					return Subject{}, r.syntax(path, err)
				}
				s := w.Subject
				s.CertType = beian.CertType(w.CertType)
				if !s.CertType.Valid() {
					return Subject{}, &FormatError{path + ".cert_type", fmt.Errorf("unknown certificate type %q", w.CertType)}
				}
				r.n++
				return s, nil
			}
			if err := r.delim(']', "subjects"); err != nil {
				return Subject{}, err
			}
			r.state = 2
		case 2:
			if !r.dec.More() {
				if err := r.delim('}', ""); err != nil {
					return Subject{}, err
				}
				if _, err := r.dec.Token(); !errors.Is(err, io.EOF) {
					return Subject{}, &FormatError{"", errors.New("data after the records object")}
				}
				r.state = 3
				continue
			}
			tok, err := r.dec.Token()
			if err != nil {
				return Subject{}, r.syntax("", err)
			}
			// Member names match ignoring case, as encoding/json matches
			// a subject's (the schema says so).
			if name, _ := tok.(string); !strings.EqualFold(name, "subjects") {
				return Subject{}, &FormatError{"", fmt.Errorf("unknown field %q", tok)}
			}
			if r.seen {
				return Subject{}, &FormatError{"subjects", errors.New("given twice")}
			}
			r.seen = true
			tok, err = r.dec.Token()
			switch {
			case err != nil:
				return Subject{}, r.syntax("subjects", err)
			case tok == nil: // null: no subjects
			case tok == json.Delim('['):
				r.state = 1
			default:
				return Subject{}, &FormatError{"subjects", errors.New("not an array")}
			}
		default:
			return Subject{}, io.EOF
		}
	}
}

// delim reads the delimiter want.
func (r *Reader) delim(want json.Delim, path string) error {
	tok, err := r.dec.Token()
	if err != nil {
		return r.syntax(path, err)
	}
	if tok != want {
		what := "an object"
		if want != '{' {
			what = fmt.Sprintf("%q", string(want))
		}
		return &FormatError{path, fmt.Errorf("expected %s, found %v", what, tok)}
	}
	return nil
}

// syntax turns a decoder's error into a FormatError, keeping the errors
// of the reader underneath (other than a file cut short) as they are.
func (r *Reader) syntax(path string, err error) error {
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &FormatError{path, errors.New("the file ends early")}
	case r.src.err != nil && errors.Is(err, r.src.err):
		return fmt.Errorf("records: reading %s: %w", path, err)
	}
	return &FormatError{path, err}
}

// errReader notes the error of the reader underneath, to tell it from
// the decoder's.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		e.err = err
	}
	return n, err
}

// Key functions: the forms both registries compare by.

// NameKey is the form names are compared in: [domain.NameKey], the form
// reviewers compare names of units in (full-width and ASCII brackets,
// spaces, case and traditional characters folded), so that
// 示例（深圳）科技有限公司 and 示例(深圳)科技有限公司 are one name; a name
// with no letter, digit or ideograph is itself without surrounding spaces.
func NameKey(name string) string {
	if k := domain.NameKey(name); k != "" {
		return k
	}
	return strings.TrimSpace(name)
}

// CertKey is the form certificate numbers are compared in:
// [certnum.Normalize] (upper case, half width, no separators).
func CertKey(number string) string { return certnum.Normalize(number) }

// DomainKey is the form domains are compared in: the registrable domain,
// in ASCII (punycode) and lower case, as [domain.Parse] reads it from what
// people type (www.示例.cn, https://shilikeji.cn/, SHILIKEJI.CN.,
// shilikeji。cn are all shilikeji.cn's punycode or ASCII form); a value
// Parse refuses is itself in lower case, without surrounding spaces or a
// final dot.
func DomainKey(d string) string {
	if p, err := domain.Parse(d); err == nil {
		return p.ASCII()
	}
	return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
}

// Digits returns the digits of a phone number as typed, without a leading
// +86 or 0086 country code: the form mobiles are compared in.
func Digits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		switch {
		case '0' <= c && c <= '9':
			b.WriteRune(c)
		case '０' <= c && c <= '９':
			b.WriteRune(c - '０' + '0')
		}
	}
	d := b.String()
	if len(d) == 13 && strings.HasPrefix(d, "86") {
		return d[2:]
	}
	if len(d) == 15 && strings.HasPrefix(d, "0086") {
		return d[4:]
	}
	return d
}
