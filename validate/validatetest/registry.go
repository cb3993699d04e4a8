package validatetest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
)

// Records is the content of a records file: what a console's own records
// (and its copy of MIIT's answers) hold of the subjects it knows.
//
//	{"subjects": [{
//	  "name": "深圳市示例科技有限公司", "cert_type": "uscc", "cert_number": "91440300…",
//	  "icp_number": "粤ICP备2023012345号", "order_in_progress": false,
//	  "mobiles": ["13902212345"],
//	  "domains": [{"domain": "example.cn", "icp_number": "粤ICP备2023012345号-1", "hosted": true}]
//	}]}
type Records struct {
	Subjects []SubjectRecord `json:"subjects"`
}

// A SubjectRecord is one subject of the records.
type SubjectRecord struct {
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
	Domains []DomainRecord `json:"domains"`
}

// A DomainRecord is one filed domain of a subject.
type DomainRecord struct {
	Domain    string `json:"domain"`
	ICPNumber string `json:"icp_number"`
	Hosted    bool   `json:"hosted"`
}

// A Registry is an in-memory [beian.Registry] answering from [Records].
// It is immutable once built and safe for concurrent use; every method
// returns ctx's error when ctx is done.
type Registry struct {
	subjects []SubjectRecord
	byCert   map[certKey]int      // subject index by certificate
	byName   map[string][]int     // subject indexes by name
	byMobile map[string][]int     // subject indexes by mobile digits
	byDomain map[string]domainRef // by lower-case domain without a final dot
}

type certKey struct {
	t beian.CertType
	n string
}

type domainRef struct {
	subject int
	status  beian.DomainStatus
}

var _ beian.Registry = (*Registry)(nil)

// NewRegistry returns a registry answering from recs. recs is copied: later
// changes to it do not change the registry.
func NewRegistry(recs Records) *Registry {
	r := &Registry{
		byCert:   map[certKey]int{},
		byName:   map[string][]int{},
		byMobile: map[string][]int{},
		byDomain: map[string]domainRef{},
	}
	for i, s := range recs.Subjects {
		s.Mobiles = append([]string(nil), s.Mobiles...)
		s.Domains = append([]DomainRecord(nil), s.Domains...)
		r.subjects = append(r.subjects, s)
		r.byCert[keyOf(s.CertType, s.CertNumber)] = i
		name := strings.TrimSpace(s.Name)
		r.byName[name] = append(r.byName[name], i)
		for _, m := range s.Mobiles {
			d := Digits(m)
			r.byMobile[d] = append(r.byMobile[d], i)
		}
		for _, d := range s.Domains {
			r.byDomain[domainKey(d.Domain)] = domainRef{i, beian.DomainStatus{ICPNumber: d.ICPNumber, Hosted: d.Hosted}}
		}
	}
	return r
}

// LoadRegistry reads a records file (see [Records]) strictly: unknown
// fields and trailing data are errors.
func LoadRegistry(rd io.Reader) (*Registry, error) {
	dec := json.NewDecoder(rd)
	dec.DisallowUnknownFields()
	var recs Records
	if err := dec.Decode(&recs); err != nil {
		return nil, fmt.Errorf("validatetest: reading records: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("validatetest: reading records: data after the records object")
	}
	for i, s := range recs.Subjects {
		if !s.CertType.Valid() {
			return nil, fmt.Errorf("validatetest: records: subjects[%d].cert_type: unknown type %q", i, s.CertType)
		}
	}
	return NewRegistry(recs), nil
}

// Records returns a copy of the records the registry answers from.
func (r *Registry) Records() Records {
	out := Records{Subjects: make([]SubjectRecord, len(r.subjects))}
	for i, s := range r.subjects {
		s.Mobiles = append([]string(nil), s.Mobiles...)
		s.Domains = append([]DomainRecord(nil), s.Domains...)
		out.Subjects[i] = s
	}
	return out
}

// MobileHolders returns the subjects whose filings carry mobile (compared
// by its digits, without a leading 86 country code).
func (r *Registry) MobileHolders(ctx context.Context, mobile string) ([]beian.SubjectID, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []beian.SubjectID
	for _, i := range r.byMobile[Digits(mobile)] {
		out = append(out, r.id(i))
	}
	return out, nil
}

// Subject returns what the records hold for the subject: its filing
// number and whether an order is in progress when the certificate is
// known, and, when a subject of the same name is recorded under another
// certificate, that certificate.
func (r *Registry) Subject(ctx context.Context, id beian.SubjectID) (beian.SubjectStatus, error) {
	if err := ctx.Err(); err != nil {
		return beian.SubjectStatus{}, err
	}
	var st beian.SubjectStatus
	self, known := r.byCert[keyOf(id.CertType, id.CertNumber)]
	if known {
		st.ICPNumber = r.subjects[self].ICPNumber
		st.OrderInProgress = r.subjects[self].OrderInProgress
	}
	for _, i := range r.byName[strings.TrimSpace(id.Name)] {
		if known && i == self {
			continue
		}
		if r.subjects[i].ICPNumber != "" {
			other := r.id(i)
			st.OtherCertificate = &other
			break
		}
	}
	return st, nil
}

// Domain returns what the records hold for a registrable domain (compared
// without regard to case or a final dot).
func (r *Registry) Domain(ctx context.Context, domain string) (beian.DomainStatus, error) {
	if err := ctx.Err(); err != nil {
		return beian.DomainStatus{}, err
	}
	return r.byDomain[domainKey(domain)].status, nil
}

// DomainHolder returns the subject whose filing holds domain, and false
// when no subject's does.
func (r *Registry) DomainHolder(domain string) (beian.SubjectID, bool) {
	ref, ok := r.byDomain[domainKey(domain)]
	if !ok {
		return beian.SubjectID{}, false
	}
	return r.id(ref.subject), true
}

func (r *Registry) id(i int) beian.SubjectID {
	s := &r.subjects[i]
	return beian.SubjectID{Name: s.Name, CertType: s.CertType, CertNumber: s.CertNumber}
}

func keyOf(t beian.CertType, number string) certKey {
	return certKey{t, certnum.Normalize(number)}
}

func domainKey(d string) string {
	return strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
}

// Digits returns the digits of a phone number as typed, without a leading
// +86 or 0086 country code: the form the registry compares mobiles in.
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
