// Package pgregistry is a [beian.Registry] on PostgreSQL, through
// database/sql: the console's records (subjects and their certificates
// and filing numbers, principals' mobiles, filed domains, orders in
// progress) in a real database, for the example HTTP service.
//
// It uses only database/sql: the program chooses and imports the driver
// (the service uses github.com/jackc/pgx/v5/stdlib), so no driver enters
// the library's imports. [Migrate] creates the schema
// (migrations/001_registry.sql), [Load] fills it from the records file
// package validate/records reads, and [Registry] answers the validator
// with one indexed query per question, each bounded by the context the
// validator gives (the driver cancels the query when it ends).
//
//	db, err := sql.Open("pgx", "postgres://…")
//	err = pgregistry.Migrate(ctx, db)
//	err = pgregistry.Load(ctx, db, records)
//	v := validate.New(validate.WithRegistry(pgregistry.New(db)))
//
// Its answers are those of records.Registry on the same records; the
// tests hold them equal for every question.
package pgregistry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/icpcheck/beian"
	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/validate/records"
)

// A Registry answers the validator's questions from the tables [Migrate]
// creates. It is safe for concurrent use (as *sql.DB is); every method
// passes its context to the driver, so the validator's deadline ends a
// slow query, and a database that cannot answer gives an error (which
// the validator reports as CHECK_UNAVAILABLE).
type Registry struct {
	db *sql.DB
}

var _ beian.Registry = (*Registry)(nil)

// New returns a registry on db, whose schema [Migrate] created.
func New(db *sql.DB) *Registry { return &Registry{db: db} }

// Ping reports whether the database answers, for a readiness check.
func (r *Registry) Ping(ctx context.Context) error {
	if err := r.db.PingContext(ctx); err != nil {
		return fmt.Errorf("pgregistry: %w", err)
	}
	return nil
}

// Check asks the database each of the registry's questions about values
// no record holds — the queries the validator's questions run, touching
// every table — so that it fails, within ctx, when a question would: the
// database down, a table missing or renamed, a table locked by another
// transaction. It is the readiness check; [Registry.Ping] only reaches
// the server.
func (r *Registry) Check(ctx context.Context) error {
	if _, err := r.MobileHolders(ctx, "0"); err != nil {
		return err
	}
	if _, err := r.Subject(ctx, beian.SubjectID{Name: "\x01readiness", CertType: beian.CertOther, CertNumber: "0"}); err != nil {
		return err
	}
	if _, err := r.Domain(ctx, "readiness.invalid"); err != nil {
		return err
	}
	return nil
}

// MobileHolders returns the subjects whose filings carry mobile (compared
// by its digits, without a leading 86 country code), in the records'
// order. The lookup is an index scan of principal_mobiles_digits_idx.
func (r *Registry) MobileHolders(ctx context.Context, mobile string) ([]beian.SubjectID, error) {
	rows, err := r.db.QueryContext(ctx, queryMobileHolders, records.Digits(mobile))
	if err != nil {
		return nil, fmt.Errorf("pgregistry: mobile holders: %w", err)
	}
	defer rows.Close()
	var out []beian.SubjectID
	for rows.Next() {
		var id beian.SubjectID
		var t string
		if err := rows.Scan(&id.Name, &t, &id.CertNumber); err != nil {
			return nil, fmt.Errorf("pgregistry: mobile holders: %w", err)
		}
		id.CertType = beian.CertType(t)
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pgregistry: mobile holders: %w", err)
	}
	return out, nil
}

// Subject returns what the records hold for the subject: its filing
// number and whether an order is in progress when the certificate is
// known, and, for a unit (beian.CertType.IsUnit), the first filed unit of
// the same name (records.NameKey) under another certificate; persons are
// not looked for by name, as in records.Registry. One query, two index
// lookups.
func (r *Registry) Subject(ctx context.Context, id beian.SubjectID) (beian.SubjectStatus, error) {
	var (
		st                   beian.SubjectStatus
		icp                  sql.NullString
		order                sql.NullBool
		otherName, otherType sql.NullString
		otherNumber          sql.NullString
	)
	nameKey := "" // no name matches it: the query looks for no namesake
	if id.CertType.IsUnit() {
		nameKey = records.NameKey(id.Name)
	}
	err := r.db.QueryRowContext(ctx, querySubject,
		string(certnum.Kind(id.CertType, id.CertNumber)), records.CertKey(id.CertNumber), nameKey).
		Scan(&icp, &order, &otherName, &otherType, &otherNumber)
	if err != nil {
		return beian.SubjectStatus{}, fmt.Errorf("pgregistry: subject: %w", err)
	}
	st.ICPNumber = icp.String
	st.OrderInProgress = order.Bool
	if otherName.Valid && beian.CertType(otherType.String).IsUnit() {
		st.OtherCertificate = &beian.SubjectID{Name: otherName.String, CertType: beian.CertType(otherType.String), CertNumber: otherNumber.String}
	}
	return st, nil
}

// Domain returns what the records hold for a registrable domain (compared
// without regard to case or a final dot): a primary-key lookup.
func (r *Registry) Domain(ctx context.Context, domain string) (beian.DomainStatus, error) {
	var st beian.DomainStatus
	err := r.db.QueryRowContext(ctx, queryDomain, records.DomainKey(domain)).
		Scan(&st.ICPNumber, &st.Hosted)
	if errors.Is(err, sql.ErrNoRows) {
		return beian.DomainStatus{}, nil
	}
	if err != nil {
		return beian.DomainStatus{}, fmt.Errorf("pgregistry: domain: %w", err)
	}
	return st, nil
}

// The registry's queries, one per question ($1… as the methods pass
// them). TestIndexScans explains each at 200,000 subjects.
const (
	queryMobileHolders = `SELECT s.name, s.cert_type, s.cert_number
		 FROM principal_mobiles m JOIN subjects s ON s.id = m.subject_id
		 WHERE m.digits = $1
		 ORDER BY m.subject_id, m.ord`

	querySubject = `WITH self AS (
		   SELECT id, icp_number FROM subjects
		   WHERE cert_type = $1 AND cert_key = $2
		   ORDER BY id DESC LIMIT 1
		 )
		 SELECT
		   (SELECT icp_number FROM self),
		   (SELECT EXISTS (SELECT 1 FROM orders o WHERE o.subject_id = self.id AND o.finished_at IS NULL) FROM self),
		   o.name, o.cert_type, o.cert_number
		 FROM (SELECT 1) one
		 LEFT JOIN LATERAL (
		   SELECT s.name, s.cert_type, s.cert_number FROM subjects s
		   WHERE $3 <> '' AND s.name_key = $3 AND s.icp_number <> ''
		     AND s.cert_type IN ('uscc', 'org_code', 'business_license')
		     AND s.id IS DISTINCT FROM (SELECT id FROM self)
		   ORDER BY s.id LIMIT 1
		 ) o ON true`

	queryDomain = `SELECT icp_number, hosted FROM domains WHERE domain_key = $1`
)
