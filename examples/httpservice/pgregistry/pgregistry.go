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
	"github.com/icpcheck/beian/validate/records"
)

// Load adds the records to the registry's tables in one transaction:
// all of them or, on error, none. A domain listed again replaces the
// earlier record, as in records.Registry.
func Load(ctx context.Context, db *sql.DB, recs records.File) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("pgregistry: loading: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	for i, s := range recs.Subjects {
		if !s.CertType.Valid() {
			return fmt.Errorf("pgregistry: loading subjects[%d]: unknown certificate type %q", i, s.CertType)
		}
		var id int64
		err := tx.QueryRowContext(ctx,
			`INSERT INTO subjects (name, name_key, cert_type, cert_number, cert_key, icp_number)
			 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			s.Name, records.NameKey(s.Name), string(s.CertType), s.CertNumber, records.CertKey(s.CertNumber), s.ICPNumber).Scan(&id)
		if err != nil {
			return fmt.Errorf("pgregistry: loading subjects[%d]: %w", i, err)
		}
		for j, m := range s.Mobiles {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO principal_mobiles (subject_id, ord, mobile, digits) VALUES ($1, $2, $3, $4)`,
				id, j, m, records.Digits(m)); err != nil {
				return fmt.Errorf("pgregistry: loading subjects[%d].mobiles[%d]: %w", i, j, err)
			}
		}
		for j, d := range s.Domains {
			if _, err := tx.ExecContext(ctx,
				`INSERT INTO domains (domain_key, domain, subject_id, icp_number, hosted) VALUES ($1, $2, $3, $4, $5)
				 ON CONFLICT (domain_key) DO UPDATE
				 SET domain = excluded.domain, subject_id = excluded.subject_id, icp_number = excluded.icp_number, hosted = excluded.hosted`,
				records.DomainKey(d.Domain), d.Domain, id, d.ICPNumber, d.Hosted); err != nil {
				return fmt.Errorf("pgregistry: loading subjects[%d].domains[%d]: %w", i, j, err)
			}
		}
		if s.OrderInProgress {
			if _, err := tx.ExecContext(ctx, `INSERT INTO orders (subject_id) VALUES ($1)`, id); err != nil {
				return fmt.Errorf("pgregistry: loading subjects[%d] order: %w", i, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("pgregistry: loading: %w", err)
	}
	return nil
}

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
// known, and the first filed subject of the same name under another
// certificate. One query, two index lookups.
func (r *Registry) Subject(ctx context.Context, id beian.SubjectID) (beian.SubjectStatus, error) {
	var (
		st                   beian.SubjectStatus
		icp                  sql.NullString
		order                sql.NullBool
		otherName, otherType sql.NullString
		otherNumber          sql.NullString
	)
	err := r.db.QueryRowContext(ctx, querySubject,
		string(id.CertType), records.CertKey(id.CertNumber), records.NameKey(id.Name)).
		Scan(&icp, &order, &otherName, &otherType, &otherNumber)
	if err != nil {
		return beian.SubjectStatus{}, fmt.Errorf("pgregistry: subject: %w", err)
	}
	st.ICPNumber = icp.String
	st.OrderInProgress = order.Bool
	if otherName.Valid {
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
		   WHERE s.name_key = $3 AND s.icp_number <> ''
		     AND s.id IS DISTINCT FROM (SELECT id FROM self)
		   ORDER BY s.id LIMIT 1
		 ) o ON true`

	queryDomain = `SELECT icp_number, hosted FROM domains WHERE domain_key = $1`
)
