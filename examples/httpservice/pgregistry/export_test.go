package pgregistry

// The queries, for the tests to explain.
const (
	QueryMobileHolders = queryMobileHolders
	QuerySubject       = querySubject
	QueryDomain        = queryDomain
)
