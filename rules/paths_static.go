package rules

import (
	"strconv"
	"sync"

	"github.com/icpcheck/beian"
)

// staticElems is how many websites, domain records and domains of a
// website have the paths of their fields built once for the process
// (builtPaths), so that a rejection of one of them allocates no path.
const staticElems = 4

// The fields whose paths builtPaths holds, as the filing's JSON names
// them: a website's, a domain record's and a principal's.
var (
	websiteFieldNames   = [...]string{"name", "domains", "content_categories", "pre_approvals", "principal_same_as_subject", "principal", "remark"}
	recordFieldNames    = [...]string{"domain", "holder_name", "holder_cert_type", "holder_cert_number", "registrar", "verified_at", "expires_at"}
	principalFieldNames = [...]string{"name", "cert_type", "cert_number", "mobile", "phone", "emergency_phone", "email", "is_legal_representative"}
)

// staticPaths are the paths of the fields of the first websites, domain
// records and domains of a website, and of the subject's principal.
type staticPaths struct {
	website    [staticElems][len(websiteFieldNames)]beian.Path // websites[i].field
	record     [staticElems][len(recordFieldNames)]beian.Path  // domains[i].field
	siteDomain [staticElems][staticElems]beian.Path            // websites[i].domains[j]
	principal  [len(principalFieldNames)]beian.Path            // subject.principal.field
}

// builtPaths returns the staticPaths, built on first use: read only
// after that, by every validation.
var builtPaths = sync.OnceValue(func() *staticPaths {
	p := new(staticPaths)
	for i := range staticElems {
		site := beian.Path("websites").Index(i)
		for k, f := range websiteFieldNames {
			p.website[i][k] = site.Field(f)
		}
		for j := range staticElems {
			p.siteDomain[i][j] = site.Field("domains").Index(j)
		}
		record := beian.Path("domains").Index(i)
		for k, f := range recordFieldNames {
			p.record[i][k] = record.Field(f)
		}
	}
	for k, f := range principalFieldNames {
		p.principal[k] = beian.Path("subject.principal").Field(f)
	}
	return p
})

// fieldIndex returns the index of field in names, or -1.
func fieldIndex(names []string, field string) int {
	for k, f := range names {
		if f == field {
			return k
		}
	}
	return -1
}

// staticElemField returns list[i].field from builtPaths, and false when
// it holds no such path.
func staticElemField(list string, i int, field string) (beian.Path, bool) {
	if i < 0 || i >= staticElems {
		return "", false
	}
	switch list {
	case "websites":
		if k := fieldIndex(websiteFieldNames[:], field); k >= 0 {
			return builtPaths().website[i][k], true
		}
	case "domains":
		if k := fieldIndex(recordFieldNames[:], field); k >= 0 {
			return builtPaths().record[i][k], true
		}
	}
	return "", false
}

// fieldOf returns at.Field(field): from builtPaths for a field of the
// subject's principal, without building it.
func fieldOf(at beian.Path, field string) beian.Path {
	if at == "subject.principal" {
		if k := fieldIndex(principalFieldNames[:], field); k >= 0 {
			return builtPaths().principal[k]
		}
	}
	return at.Field(field)
}

// elemField returns beian.Path(list).Index(i).Field(field): from
// builtPaths for the first websites and domain records, else built in a
// stack buffer and converted once instead of concatenated twice (the
// intermediate path does not allocate, but each concatenation costs
// hundreds of instructions): the paths a rejection of a website's or a
// record's field is reported at.
func elemField(list string, i int, field string) beian.Path {
	if p, ok := staticElemField(list, i, field); ok {
		return p
	}
	var buf [64]byte
	return beian.Path(appendElemField(buf[:0], list, i, field))
}

// elemFieldIndex returns beian.Path(list).Index(i).Field(field).Index(j)
// as elemField builds its path, instead of three concatenations; a
// domain of the first websites from builtPaths. TestElemPathsAsMethods
// holds both to the methods.
func elemFieldIndex(list string, i int, field string, j int) beian.Path {
	if list == "websites" && field == "domains" && uint(i) < staticElems && uint(j) < staticElems {
		return builtPaths().siteDomain[i][j]
	}
	var buf [64]byte
	b := appendElemField(buf[:0], list, i, field)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(j), 10)
	b = append(b, ']')
	return beian.Path(b)
}

// appendElemField appends list[i].field to b.
func appendElemField(b []byte, list string, i int, field string) []byte {
	b = append(b, list...)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, "]."...)
	return append(b, field...)
}
