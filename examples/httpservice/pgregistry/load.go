package pgregistry

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/icpcheck/beian/rules/certnum"
	"github.com/icpcheck/beian/validate/records"
)

// A Source gives the subjects to load one at a time, and io.EOF after the
// last: a [*records.Reader] streams them from a records file.
type Source interface {
	Next() (records.Subject, error)
}

// DefaultBatchSize is the number of subjects [LoadFrom] writes per batch
// unless [LoadOptions] says otherwise.
const DefaultBatchSize = 5000

// LoadOptions tune [LoadFrom].
type LoadOptions struct {
	// BatchSize is the number of subjects written by one batch of
	// statements (one statement per table); 0 means [DefaultBatchSize].
	BatchSize int
	// BatchTimeout, when positive, bounds the statements of each batch,
	// so that the whole load is bounded in proportion to its size; ctx
	// bounds it as a whole.
	BatchTimeout time.Duration
	// Progress, when not nil, is called after each batch with the number
	// of subjects written so far (not yet committed).
	Progress func(subjects int)
}

// Load adds the records to the registry's tables in one transaction:
// all of them or, on error, none. A domain listed again replaces the
// earlier record, as in [records.Registry]. It is [LoadFrom] with the
// default options.
func Load(ctx context.Context, db *sql.DB, recs records.File) error {
	_, err := LoadFrom(ctx, db, &fileSource{recs: recs}, LoadOptions{})
	return err
}

type fileSource struct {
	recs records.File
	i    int
}

func (s *fileSource) Next() (records.Subject, error) {
	if s.i >= len(s.recs.Subjects) {
		return records.Subject{}, io.EOF
	}
	s.i++
	return s.recs.Subjects[s.i-1], nil
}

// LoadFrom adds the subjects src gives to the registry's tables in one
// transaction — all of them or, on error (of src, of the database, of a
// subject, or a batch over its time bound), none — and returns how many
// it added. It reads and writes them in batches of opt.BatchSize: a batch
// is four statements (subjects, mobiles, domains, orders), each taking its
// rows as one JSON parameter (json_to_recordset), so the load holds one
// batch in memory and costs a few round trips per thousands of subjects,
// through database/sql and any PostgreSQL driver. Subjects keep src's
// order in their ids; a domain listed again replaces the earlier record,
// as in [records.Registry]. Text must be valid UTF-8 without NUL (which
// PostgreSQL cannot store); a subject with such text fails the load,
// naming it.
func LoadFrom(ctx context.Context, db *sql.DB, src Source, opt LoadOptions) (n int, err error) {
	size := opt.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("pgregistry: loading: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
			n = 0
		}
	}()
	batch := make([]records.Subject, 0, size)
	for done := false; !done; {
		batch = batch[:0]
		for len(batch) < size {
			s, err := src.Next()
			if errors.Is(err, io.EOF) {
				done = true
				break
			}
			if err != nil {
				return 0, fmt.Errorf("pgregistry: loading: %w", err)
			}
			if err := check(s); err != nil {
				return 0, fmt.Errorf("pgregistry: loading subjects[%d]%w", n+len(batch), err)
			}
			batch = append(batch, s)
		}
		if len(batch) == 0 {
			break
		}
		if err := writeBatch(ctx, tx, batch, opt.BatchTimeout); err != nil {
			return 0, fmt.Errorf("pgregistry: loading subjects[%d:%d]: %w", n, n+len(batch), err)
		}
		n += len(batch)
		if opt.Progress != nil {
			opt.Progress(n)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("pgregistry: loading: %w", err)
	}
	return n, nil
}

// check refuses what the tables cannot hold as given: an unknown
// certificate type, text that is not UTF-8 or holds NUL. Its error starts
// with the field's path after the subject's.
func check(s records.Subject) error {
	if !s.CertType.Valid() {
		return fmt.Errorf(".cert_type: unknown certificate type %q", s.CertType)
	}
	bad := func(v string) bool { return !utf8.ValidString(v) || strings.IndexByte(v, 0) >= 0 }
	for _, f := range [...]struct{ name, v string }{{"name", s.Name}, {"cert_number", s.CertNumber}, {"icp_number", s.ICPNumber}} {
		if bad(f.v) {
			return fmt.Errorf(".%s: not UTF-8 text without NUL", f.name)
		}
	}
	for j, m := range s.Mobiles {
		if bad(m) {
			return fmt.Errorf(".mobiles[%d]: not UTF-8 text without NUL", j)
		}
	}
	for j, d := range s.Domains {
		if bad(d.Domain) || bad(d.ICPNumber) {
			return fmt.Errorf(".domains[%d]: not UTF-8 text without NUL", j)
		}
	}
	return nil
}

// Rows of a batch, as json_to_recordset reads them.
type (
	subjectRow struct {
		ID         int64  `json:"id"`
		Name       string `json:"name"`
		NameKey    string `json:"name_key"`
		CertType   string `json:"cert_type"`
		CertNumber string `json:"cert_number"`
		CertKey    string `json:"cert_key"`
		ICPNumber  string `json:"icp_number"`
	}
	mobileRow struct {
		SubjectID int64  `json:"subject_id"`
		Ord       int    `json:"ord"`
		Mobile    string `json:"mobile"`
		Digits    string `json:"digits"`
	}
	domainRow struct {
		DomainKey string `json:"domain_key"`
		Domain    string `json:"domain"`
		SubjectID int64  `json:"subject_id"`
		ICPNumber string `json:"icp_number"`
		Hosted    bool   `json:"hosted"`
	}
	orderRow struct {
		SubjectID int64 `json:"subject_id"`
	}
)

// The batch statements.
const (
	batchIDs = `SELECT nextval(pg_get_serial_sequence('subjects', 'id')) FROM generate_series(1, $1)`

	batchSubjects = `INSERT INTO subjects (id, name, name_key, cert_type, cert_number, cert_key, icp_number)
		SELECT id, name, name_key, cert_type, cert_number, cert_key, icp_number
		FROM json_to_recordset($1::json)
		  AS x(id bigint, name text, name_key text, cert_type text, cert_number text, cert_key text, icp_number text)`

	batchMobiles = `INSERT INTO principal_mobiles (subject_id, ord, mobile, digits)
		SELECT subject_id, ord, mobile, digits
		FROM json_to_recordset($1::json) AS x(subject_id bigint, ord integer, mobile text, digits text)`

	batchDomains = `INSERT INTO domains (domain_key, domain, subject_id, icp_number, hosted)
		SELECT domain_key, domain, subject_id, icp_number, hosted
		FROM json_to_recordset($1::json) AS x(domain_key text, domain text, subject_id bigint, icp_number text, hosted boolean)
		ON CONFLICT (domain_key) DO UPDATE
		SET domain = excluded.domain, subject_id = excluded.subject_id, icp_number = excluded.icp_number, hosted = excluded.hosted`

	batchOrders = `INSERT INTO orders (subject_id)
		SELECT subject_id FROM json_to_recordset($1::json) AS x(subject_id bigint)`
)

// writeBatch writes one batch of checked subjects within timeout (when
// positive).
func writeBatch(ctx context.Context, tx *sql.Tx, batch []records.Subject, timeout time.Duration) error {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	ids, err := nextIDs(ctx, tx, len(batch))
	if err != nil {
		return err
	}
	var (
		subjects = make([]subjectRow, len(batch))
		mobiles  []mobileRow
		orders   []orderRow
		domains  []domainRow
		byKey    = map[string]int{} // index in domains, for a domain listed again
	)
	for i, s := range batch {
		id := ids[i]
		// A business licence bearing a credit code is stored as that credit
		// code's certificate (certnum.Kind), as the rules ask for it.
		subjects[i] = subjectRow{id, s.Name, records.NameKey(s.Name), string(certnum.Kind(s.CertType, s.CertNumber)), s.CertNumber, records.CertKey(s.CertNumber), s.ICPNumber}
		for j, m := range s.Mobiles {
			mobiles = append(mobiles, mobileRow{id, j, m, records.Digits(m)})
		}
		for _, d := range s.Domains {
			// One INSERT … ON CONFLICT may not touch a row twice: within
			// the batch the later record replaces the earlier here, across
			// batches ON CONFLICT does.
			row := domainRow{records.DomainKey(d.Domain), d.Domain, id, d.ICPNumber, d.Hosted}
			if k, ok := byKey[row.DomainKey]; ok {
				domains[k] = row
				continue
			}
			byKey[row.DomainKey] = len(domains)
			domains = append(domains, row)
		}
		if s.OrderInProgress {
			orders = append(orders, orderRow{id})
		}
	}
	for _, st := range []struct {
		what, query string
		rows        any
		n           int
	}{
		{"subjects", batchSubjects, subjects, len(subjects)},
		{"mobiles", batchMobiles, mobiles, len(mobiles)},
		{"domains", batchDomains, domains, len(domains)},
		{"orders", batchOrders, orders, len(orders)},
	} {
		if st.n == 0 {
			continue
		}
		data, err := json.Marshal(st.rows)
		if err != nil {
			return fmt.Errorf("%s: %w", st.what, err)
		}
		if _, err := tx.ExecContext(ctx, st.query, string(data)); err != nil {
			return fmt.Errorf("%s: %w", st.what, err)
		}
	}
	return nil
}

// nextIDs takes n subject ids from the table's sequence, in increasing
// order, so that the batch's subjects keep the source's order.
func nextIDs(ctx context.Context, tx *sql.Tx, n int) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, batchIDs, n)
	if err != nil {
		return nil, fmt.Errorf("ids: %w", err)
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("ids: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ids: %w", err)
	}
	if len(ids) != n {
		return nil, fmt.Errorf("ids: %d of %d", len(ids), n)
	}
	slices.SortFunc(ids, cmp.Compare)
	return ids, nil
}
