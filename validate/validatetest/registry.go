package validatetest

import (
	"io"

	"github.com/icpcheck/beian/validate/records"
)

// The records file and the in-memory registry are package
// validate/records', for programs to use without the test helpers; these
// names keep tests short.

// Records is the content of a records file ([records.File]).
type Records = records.File

// A SubjectRecord is one subject of the records ([records.Subject]).
type SubjectRecord = records.Subject

// A DomainRecord is one filed domain of a subject ([records.Domain]).
type DomainRecord = records.Domain

// A Registry is an in-memory [beian.Registry] answering from [Records]
// ([records.Registry]).
type Registry = records.Registry

// NewRegistry returns a registry answering from recs
// ([records.NewRegistry]).
func NewRegistry(recs Records) *Registry { return records.NewRegistry(recs) }

// LoadRegistry reads a records file strictly ([records.ReadRegistry]).
func LoadRegistry(rd io.Reader) (*Registry, error) { return records.ReadRegistry(rd) }

// Digits returns the digits of a phone number as typed, without a leading
// +86 or 0086 country code ([records.Digits]).
func Digits(s string) string { return records.Digits(s) }
