-- Schema 4: coordinator assignments, complaints with their history, and
-- store settings (values the law may change, kept as configuration).

CREATE TABLE coordinator_assignment (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id),
    kind INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 3),
    practitioner_id TEXT NOT NULL REFERENCES practitioner (id),
    unit_id TEXT NOT NULL REFERENCES unit (id),
    application_id TEXT REFERENCES application (id),
    appointed_on TEXT NOT NULL,
    appointed_by TEXT NOT NULL,
    wished_practitioner_id TEXT REFERENCES practitioner (id),
    wish_note TEXT,
    wish_not_followed_reason TEXT,
    ended_on TEXT,
    end_reason TEXT,
    CHECK (ended_on IS NULL OR ended_on >= appointed_on),
    CHECK ((ended_on IS NULL) = (end_reason IS NULL))
) WITHOUT ROWID;
-- At most one active assignment of each kind per person.
CREATE UNIQUE INDEX coordinator_one_active ON coordinator_assignment (person_id, kind)
    WHERE ended_on IS NULL;
CREATE INDEX coordinator_by_person ON coordinator_assignment (person_id, kind, ended_on);
CREATE INDEX coordinator_by_practitioner ON coordinator_assignment (practitioner_id)
    WHERE ended_on IS NULL;

CREATE TABLE complaint (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id),
    filed_by_id TEXT NOT NULL REFERENCES person (id),
    written INTEGER NOT NULL CHECK (written IN (0, 1)),
    signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
    ground INTEGER NOT NULL CHECK (ground BETWEEN 1 AND 6),
    application_id TEXT REFERENCES application (id),
    plan_id TEXT REFERENCES plan (id),
    knew_on TEXT NOT NULL,
    received_on TEXT NOT NULL,
    deadline_on TEXT NOT NULL,
    late INTEGER NOT NULL CHECK (late IN (0, 1)),
    status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 6),
    outcome INTEGER NOT NULL CHECK (outcome BETWEEN 0 AND 5),
    forwarded_on TEXT,
    closed_on TEXT,
    note TEXT
) WITHOUT ROWID;
CREATE INDEX complaint_by_person ON complaint (person_id, received_on);
CREATE INDEX complaint_open ON complaint (deadline_on) WHERE status IN (1, 2);

-- Every step of a complaint: who moved it, when, from and to which state.
CREATE TABLE complaint_step (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision = 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    complaint_id TEXT NOT NULL REFERENCES complaint (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    from_status INTEGER NOT NULL CHECK (from_status BETWEEN 0 AND 6),
    to_status INTEGER NOT NULL CHECK (to_status BETWEEN 1 AND 6),
    outcome INTEGER NOT NULL CHECK (outcome BETWEEN 0 AND 5),
    step_on TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    note TEXT
) WITHOUT ROWID;
CREATE INDEX complaint_step_by_complaint ON complaint_step (complaint_id, created_at);

CREATE TABLE store_setting (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_setting (name, value) VALUES
    ('complaint_deadline_weeks', 4),
    ('due_meeting_months', 6),
    ('due_consent_days', 30),
    ('due_complaint_warning_days', 7);

PRAGMA user_version = 4;
