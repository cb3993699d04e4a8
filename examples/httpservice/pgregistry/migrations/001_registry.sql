-- The console's records as beian.Registry asks them (package pgregistry).
-- Keys are computed by the loader in Go, exactly as records.Registry
-- computes them, so both registries answer every question the same way:
--   name_key   the name without surrounding spaces
--   cert_key   certnum.Normalize(cert_number): upper case, half width, no separators
--   digits     records.Digits(mobile): digits only, no +86/0086
--   domain_key lower case, no surrounding spaces, no final dot

-- Migrate runs each migration once, in one transaction with its record
-- in schema_migrations, under an advisory lock (see migrate.go); the
-- IF NOT EXISTS clauses keep databases created before that lock as they
-- were.

-- One row per subject certificate, as MIIT keys subjects, with the filing
-- number the subject holds under it. id keeps the records' order.
CREATE TABLE IF NOT EXISTS subjects (
    id          bigserial PRIMARY KEY,
    name        text NOT NULL,
    name_key    text NOT NULL,
    cert_type   text NOT NULL,
    cert_number text NOT NULL,
    cert_key    text NOT NULL,
    icp_number  text NOT NULL DEFAULT ''
);
-- Subject(): this certificate's row.
CREATE INDEX IF NOT EXISTS subjects_cert_idx ON subjects (cert_type, cert_key, id);
-- Subject(): a filed subject of the same name under another certificate
-- (MIIT_RECORD_EXISTS); only filed rows are indexed.
CREATE INDEX IF NOT EXISTS subjects_filed_name_idx ON subjects (name_key, id) WHERE icp_number <> '';

-- Mobiles on a subject's filings (its principal's, its websites'
-- principals'), in the order the records list them.
CREATE TABLE IF NOT EXISTS principal_mobiles (
    subject_id bigint NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    ord        integer NOT NULL,
    mobile     text NOT NULL,
    digits     text NOT NULL,
    PRIMARY KEY (subject_id, ord)
);
-- MobileHolders(): PHONE_USED_BY_OTHER_SUBJECT.
CREATE INDEX IF NOT EXISTS principal_mobiles_digits_idx ON principal_mobiles (digits, subject_id, ord);

-- Filed domains (website filing numbers) and whether the console hosts
-- the site.
CREATE TABLE IF NOT EXISTS domains (
    domain_key text PRIMARY KEY,
    domain     text NOT NULL,
    subject_id bigint NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    icp_number text NOT NULL DEFAULT '',
    hosted     boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS domains_subject_idx ON domains (subject_id);

-- Filing orders; an order without finished_at is in progress
-- (ORDER_IN_PROGRESS).
CREATE TABLE IF NOT EXISTS orders (
    id          bigserial PRIMARY KEY,
    subject_id  bigint NOT NULL REFERENCES subjects (id) ON DELETE CASCADE,
    opened_at   timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS orders_open_idx ON orders (subject_id) WHERE finished_at IS NULL;
