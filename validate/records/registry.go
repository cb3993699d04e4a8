package records

import (
	"context"
	"io"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
)

// A Registry is an in-memory [beian.Registry] answering from a [File].
// It is immutable once built and safe for concurrent use; every method
// returns ctx's error when ctx is done.
type Registry struct {
	subjects []Subject
	byCert   map[certKey]int      // subject index by certificate
	byName   map[string][]int     // subject indexes by name
	byMobile map[string][]int     // subject indexes by mobile digits
	byDomain map[string]domainRef // by DomainKey
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

// NewRegistry returns a registry answering from f. f is copied: later
// changes to it do not change the registry. A subject recorded with a
// business licence bearing a credit code is kept and answered as that
// credit code's certificate ([certnum.Kind]), as the rules ask for it. A certificate listed again
// replaces the earlier subject for [Registry.Subject]; a domain listed
// again replaces the earlier record.
func NewRegistry(f File) *Registry {
	r := &Registry{
		byCert:   map[certKey]int{},
		byName:   map[string][]int{},
		byMobile: map[string][]int{},
		byDomain: map[string]domainRef{},
	}
	for i, s := range f.Subjects {
		s.Mobiles = append([]string(nil), s.Mobiles...)
		s.Domains = append([]Domain(nil), s.Domains...)
		// A business licence bearing a credit code is that credit code's
		// certificate (certnum.Kind): kept, answered and looked up as one.
		s.CertType = certnum.Kind(s.CertType, s.CertNumber)
		r.subjects = append(r.subjects, s)
		r.byCert[certKey{s.CertType, CertKey(s.CertNumber)}] = i
		name := NameKey(s.Name)
		r.byName[name] = append(r.byName[name], i)
		for _, m := range s.Mobiles {
			d := Digits(m)
			r.byMobile[d] = append(r.byMobile[d], i)
		}
		for _, d := range s.Domains {
			r.byDomain[DomainKey(d.Domain)] = domainRef{i, beian.DomainStatus{ICPNumber: d.ICPNumber, Hosted: d.Hosted}}
		}
	}
	return r
}

// ReadRegistry reads a records file ([Read]) and returns its registry.
func ReadRegistry(rd io.Reader) (*Registry, error) {
	f, err := Read(rd)
	if err != nil {
		return nil, err
	}
	return NewRegistry(f), nil
}

// Records returns a copy of the records the registry answers from.
func (r *Registry) Records() File {
	out := File{Subjects: make([]Subject, len(r.subjects))}
	for i, s := range r.subjects {
		s.Mobiles = append([]string(nil), s.Mobiles...)
		s.Domains = append([]Domain(nil), s.Domains...)
		out.Subjects[i] = s
	}
	return out
}

// MobileHolders returns the subjects whose filings carry mobile (compared
// by its [Digits]), in the records' order.
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
// known, and, for a unit (its certificate a unit's, [beian.CertType.IsUnit]),
// when a filed unit of the same name ([NameKey]) is recorded under another
// certificate, the first such certificate. Persons are not looked for by
// name: two people of one name are two subjects.
func (r *Registry) Subject(ctx context.Context, id beian.SubjectID) (beian.SubjectStatus, error) {
	if err := ctx.Err(); err != nil {
		return beian.SubjectStatus{}, err
	}
	var st beian.SubjectStatus
	// A business licence bearing a credit code is that credit code's
	// certificate (certnum.Kind), stored and asked.
	self, known := r.byCert[certKey{certnum.Kind(id.CertType, id.CertNumber), CertKey(id.CertNumber)}]
	if known {
		st.ICPNumber = r.subjects[self].ICPNumber
		st.OrderInProgress = r.subjects[self].OrderInProgress
	}
	if !id.CertType.IsUnit() {
		return st, nil
	}
	for _, i := range r.byName[NameKey(id.Name)] {
		if known && i == self || !r.subjects[i].CertType.IsUnit() {
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
// by its [DomainKey]).
func (r *Registry) Domain(ctx context.Context, domain string) (beian.DomainStatus, error) {
	if err := ctx.Err(); err != nil {
		return beian.DomainStatus{}, err
	}
	return r.byDomain[DomainKey(domain)].status, nil
}

// DomainHolder returns the subject whose filing holds domain, and false
// when no subject's does.
func (r *Registry) DomainHolder(domain string) (beian.SubjectID, bool) {
	ref, ok := r.byDomain[DomainKey(domain)]
	if !ok {
		return beian.SubjectID{}, false
	}
	return r.id(ref.subject), true
}

func (r *Registry) id(i int) beian.SubjectID {
	s := &r.subjects[i]
	return beian.SubjectID{Name: s.Name, CertType: s.CertType, CertNumber: s.CertNumber}
}

// NeverBlocks marks the registry as answering from memory (see
// validate.NonBlocking): a validator calls it directly, without a
// goroutine and a timer per call.
func (*Registry) NeverBlocks() {}
