-- Schema 3: consent (to the plan, to sharing) with its givers and
-- recipients, and the outbox of events the host system acts on.

CREATE TABLE consent (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id),
    kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
    form INTEGER NOT NULL CHECK (form IN (1, 2)),
    sections INTEGER NOT NULL CHECK (sections BETWEEN 0 AND 31),
    purpose TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    note TEXT,
    registered_by TEXT NOT NULL,
    withdrawn_on TEXT,
    withdrawn_by_id TEXT REFERENCES person (id),
    withdrawal_form INTEGER NOT NULL CHECK (withdrawal_form BETWEEN 0 AND 2),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK ((withdrawn_on IS NULL) = (withdrawn_by_id IS NULL))
) WITHOUT ROWID;
CREATE INDEX consent_by_person ON consent (person_id, kind);

CREATE TABLE consent_giver (
    consent_id TEXT NOT NULL REFERENCES consent (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    PRIMARY KEY (consent_id, person_id)
) WITHOUT ROWID;

-- A recipient is a unit or a person (next of kin), withdrawable alone.
CREATE TABLE consent_recipient (
    consent_id TEXT NOT NULL REFERENCES consent (id),
    recipient_id TEXT NOT NULL,
    is_unit INTEGER NOT NULL CHECK (is_unit IN (0, 1)),
    withdrawn_on TEXT,
    withdrawn_by_id TEXT REFERENCES person (id),
    withdrawal_form INTEGER NOT NULL CHECK (withdrawal_form BETWEEN 0 AND 2),
    PRIMARY KEY (consent_id, recipient_id)
) WITHOUT ROWID;
-- The access decision asks: does this recipient hold an active consent?
CREATE INDEX consent_recipient_by_recipient ON consent_recipient (recipient_id, consent_id)
    WHERE withdrawn_on IS NULL;

-- Events for the host: append-only, read and acknowledged.
CREATE TABLE outbox_event (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind INTEGER NOT NULL CHECK (kind >= 1),
    person_id TEXT REFERENCES person (id),
    object_kind TEXT NOT NULL,
    object_id TEXT,
    unit_id TEXT REFERENCES unit (id),
    acknowledged_at TEXT,
    acknowledged_by TEXT
);
CREATE INDEX outbox_pending ON outbox_event (seq) WHERE acknowledged_at IS NULL;

PRAGMA user_version = 3;
