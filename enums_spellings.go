package beian

// An Enum is one of the model's enumerations.
type Enum interface {
	FilingType | Nature | CertType | ContentCategory | DocumentKind | AppType | Platform
}

// Spellings returns every spelling the parser of v's enumeration (ParseX,
// UnmarshalText, DecodeFiling) takes for v: its wire name, its Chinese
// label, its English label and its aliases, from the same table. All but
// the Chinese label are compared ignoring case, and spaces around are
// trimmed. Generators of schemas and forms use it; it returns nil for a
// value the enumeration does not hold.
func Spellings[T Enum](v T) []string {
	switch x := any(v).(type) {
	case FilingType:
		return spellings(filingTypes, x)
	case Nature:
		return spellings(natures, x)
	case CertType:
		return spellings(certTypes, x)
	case ContentCategory:
		return spellings(contentCategories, x)
	case DocumentKind:
		return spellings(documentKinds, x)
	case AppType:
		return spellings(appTypes, x)
	case Platform:
		return spellings(platforms, x)
	}
	return nil
}

func spellings[T ~string](table []enumEntry[T], v T) []string {
	for _, e := range table {
		if e.value == v {
			out := []string{string(e.value), e.zh, e.en}
			return append(out, e.aliases...)
		}
	}
	return nil
}
