// Package records reads a console's records file — what the console's own
// records (and its copy of MIIT's answers) hold of the subjects it knows —
// and answers the validator's [beian.Registry] questions from it in
// memory.
//
// A records file is one JSON object:
//
//	{"subjects": [{
//	  "name": "深圳市示例科技有限公司", "cert_type": "uscc", "cert_number": "91440300…",
//	  "icp_number": "粤ICP备2023012345号", "order_in_progress": false,
//	  "mobiles": ["13902212345"],
//	  "domains": [{"domain": "example.cn", "icp_number": "粤ICP备2023012345号-1", "hosted": true}]
//	}]}
//
// [Read] reads a whole file; a [Reader] streams its subjects one at a time,
// in constant memory, for files too large to hold (a database load of
// millions of subjects). Both are strict: an unknown field, an unknown
// certificate type or data after the object is an error naming the
// subject concerned.
//
// [Registry] answers from the records in memory. The keys it compares by
// ([NameKey], [CertKey], [Digits], [DomainKey]) are exported so that
// another store of the same records (the example service's PostgreSQL
// registry) computes them the same way and gives the same answers.
//
// The package reads nothing by itself: the caller opens the file.
package records
