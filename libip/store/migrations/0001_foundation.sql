-- Schema 1: units, practitioners, persons, relations, applications, audit.
-- Ids are time-ordered UUIDs (text); every record carries a revision for
-- optimistic concurrency and UTC instants of creation and last change.

CREATE TABLE unit (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation_number TEXT,
    sector INTEGER NOT NULL CHECK (sector BETWEEN 1 AND 7),
    municipality_number TEXT NOT NULL,
    coordinating INTEGER NOT NULL CHECK (coordinating IN (0, 1)),
    host_ref TEXT
) WITHOUT ROWID;

CREATE TABLE practitioner (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES unit (id),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    hpr_number TEXT,
    title TEXT,
    phone TEXT,
    email TEXT,
    host_ref TEXT
) WITHOUT ROWID;
CREATE INDEX practitioner_by_unit ON practitioner (unit_id, family_name);

CREATE TABLE person (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    national_id TEXT UNIQUE,
    national_id_kind INTEGER NOT NULL CHECK (national_id_kind BETWEEN 0 AND 3),
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    birth_date TEXT,
    phone TEXT,
    email TEXT,
    address TEXT,
    municipality_number TEXT,
    host_ref TEXT
) WITHOUT ROWID;

CREATE TABLE relation (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id),
    related_id TEXT NOT NULL REFERENCES person (id),
    kind INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 3),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    CHECK (person_id <> related_id),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
) WITHOUT ROWID;
CREATE INDEX relation_by_person ON relation (person_id, related_id);
CREATE INDEX relation_by_related ON relation (related_id, person_id);

CREATE TABLE application (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id),
    requests INTEGER NOT NULL CHECK (requests BETWEEN 1 AND 7),
    received_on TEXT NOT NULL,
    reply_due_on TEXT NOT NULL,
    signed_by_id TEXT NOT NULL REFERENCES person (id),
    interim_reply_on TEXT,
    pending INTEGER NOT NULL CHECK (pending BETWEEN 0 AND 7),
    note TEXT,
    host_ref TEXT
) WITHOUT ROWID;
CREATE INDEX application_by_person ON application (person_id, received_on);
-- The overdue query reads only applications still waiting for an answer.
CREATE INDEX application_waiting ON application (reply_due_on)
    WHERE pending <> 0 AND interim_reply_on IS NULL;

CREATE TABLE application_request (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    application_id TEXT NOT NULL REFERENCES application (id),
    kind INTEGER NOT NULL CHECK (kind IN (1, 2, 4)),
    outcome INTEGER NOT NULL CHECK (outcome BETWEEN 0 AND 3),
    form INTEGER NOT NULL CHECK (form BETWEEN 0 AND 2),
    reason TEXT,
    decided_on TEXT,
    decided_by TEXT,
    UNIQUE (application_id, kind)
) WITHOUT ROWID;

-- Append-only: the library has no statement that updates or deletes here.
-- prev_hash and hash are kept for the hash chain.
CREATE TABLE audit_event (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    role INTEGER NOT NULL,
    unit_id TEXT,
    action TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id TEXT,
    person_id TEXT,
    purpose INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    rule TEXT NOT NULL,
    prev_hash TEXT,
    hash TEXT
);
CREATE INDEX audit_by_person ON audit_event (person_id, seq) WHERE person_id IS NOT NULL;

PRAGMA user_version = 1;
