-- Schema 2: plans and their content. Every content row carries the plan's
-- person_id as well as plan_id, so that authorization and the audit event
-- name the person without a join.

CREATE TABLE plan (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES person (id),
    status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 3),
    origin INTEGER NOT NULL CHECK (origin IN (1, 2)),
    application_id TEXT REFERENCES application (id),
    period_start TEXT,
    period_end TEXT,
    next_revision_on TEXT,
    resources TEXT,
    needs TEXT,
    cooperation TEXT,
    activated_on TEXT,
    ended_on TEXT,
    end_reason INTEGER NOT NULL CHECK (end_reason BETWEEN 0 AND 5),
    end_note TEXT,
    host_ref TEXT,
    CHECK ((status = 3) = (ended_on IS NOT NULL AND end_reason <> 0)),
    CHECK (origin = 2 OR application_id IS NOT NULL)
) WITHOUT ROWID;
-- At most one open (draft or active) plan per person, across all sectors.
CREATE UNIQUE INDEX plan_one_open ON plan (person_id) WHERE status <> 3;
CREATE INDEX plan_by_person ON plan (person_id, created_at);
CREATE INDEX plan_revision_due ON plan (next_revision_on) WHERE status = 2;

CREATE TABLE participant (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    role INTEGER NOT NULL CHECK (role BETWEEN 1 AND 6),
    participant_person_id TEXT REFERENCES person (id),
    practitioner_id TEXT REFERENCES practitioner (id),
    unit_id TEXT REFERENCES unit (id),
    name TEXT,
    responsibility_group INTEGER NOT NULL CHECK (responsibility_group IN (0, 1)),
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    contribution TEXT,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
) WITHOUT ROWID;
CREATE INDEX participant_by_plan ON participant (plan_id, role);
CREATE INDEX participant_by_practitioner ON participant (practitioner_id, plan_id)
    WHERE practitioner_id IS NOT NULL;
CREATE INDEX participant_by_unit ON participant (unit_id, plan_id)
    WHERE unit_id IS NOT NULL;

CREATE TABLE goal (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    parent_id TEXT REFERENCES goal (id),
    text TEXT NOT NULL,
    expressed_by_id TEXT NOT NULL REFERENCES participant (id),
    target_date TEXT,
    status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 5),
    achievement INTEGER NOT NULL CHECK (achievement BETWEEN 1 AND 4)
) WITHOUT ROWID;
CREATE INDEX goal_by_plan ON goal (plan_id, parent_id);

CREATE TABLE measure (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    what TEXT NOT NULL,
    extent TEXT,
    how TEXT,
    start_on TEXT,
    end_on TEXT,
    frequency TEXT,
    responsible_unit_id TEXT NOT NULL REFERENCES unit (id),
    responsible_practitioner_id TEXT REFERENCES practitioner (id),
    status INTEGER NOT NULL CHECK (status BETWEEN 1 AND 5),
    decision_ref TEXT,
    CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on)
) WITHOUT ROWID;
CREATE INDEX measure_by_plan ON measure (plan_id);

CREATE TABLE measure_goal (
    measure_id TEXT NOT NULL REFERENCES measure (id),
    goal_id TEXT NOT NULL REFERENCES goal (id),
    plan_id TEXT NOT NULL REFERENCES plan (id),
    PRIMARY KEY (measure_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX measure_goal_by_plan ON measure_goal (plan_id);
CREATE INDEX measure_goal_by_goal ON measure_goal (goal_id);

CREATE TABLE meeting (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    planned_on TEXT NOT NULL,
    held_on TEXT,
    minutes TEXT,
    next_meeting_on TEXT
) WITHOUT ROWID;
CREATE INDEX meeting_by_plan ON meeting (plan_id, planned_on);
CREATE INDEX meeting_held ON meeting (plan_id, held_on) WHERE held_on IS NOT NULL;

CREATE TABLE meeting_attendee (
    meeting_id TEXT NOT NULL REFERENCES meeting (id),
    participant_id TEXT NOT NULL REFERENCES participant (id),
    plan_id TEXT NOT NULL REFERENCES plan (id),
    PRIMARY KEY (meeting_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX meeting_attendee_by_plan ON meeting_attendee (plan_id);

CREATE TABLE meeting_action (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meeting (id),
    plan_id TEXT NOT NULL REFERENCES plan (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    who_id TEXT NOT NULL REFERENCES participant (id),
    what TEXT NOT NULL,
    due_on TEXT,
    measure_id TEXT REFERENCES measure (id)
) WITHOUT ROWID;
CREATE INDEX meeting_action_by_plan ON meeting_action (plan_id, meeting_id);

CREATE TABLE evaluation (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    goal_id TEXT REFERENCES goal (id),
    measure_id TEXT REFERENCES measure (id),
    evaluated_on TEXT NOT NULL,
    evaluated_by_id TEXT NOT NULL REFERENCES participant (id),
    assessment TEXT NOT NULL,
    achievement INTEGER NOT NULL CHECK (achievement BETWEEN 0 AND 4),
    note TEXT,
    meeting_id TEXT REFERENCES meeting (id),
    CHECK ((goal_id IS NULL) <> (measure_id IS NULL))
) WITHOUT ROWID;
CREATE INDEX evaluation_by_plan ON evaluation (plan_id, evaluated_on);
CREATE INDEX evaluation_by_goal ON evaluation (goal_id, evaluated_on) WHERE goal_id IS NOT NULL;

-- A revision freezes the whole plan as its ip-plan/1 document. History is
-- never rewritten: the store refuses to change or remove a revision.
CREATE TABLE plan_revision (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL CHECK (revision = 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    plan_id TEXT NOT NULL REFERENCES plan (id),
    person_id TEXT NOT NULL REFERENCES person (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    reason TEXT NOT NULL,
    author_id TEXT NOT NULL,
    meeting_id TEXT REFERENCES meeting (id),
    document TEXT NOT NULL,
    UNIQUE (plan_id, number)
) WITHOUT ROWID;
CREATE TRIGGER plan_revision_immutable BEFORE UPDATE ON plan_revision
BEGIN
    SELECT RAISE(ABORT, 'plan revisions are immutable');
END;
CREATE TRIGGER plan_revision_permanent BEFORE DELETE ON plan_revision
BEGIN
    SELECT RAISE(ABORT, 'plan revisions are permanent');
END;

PRAGMA user_version = 2;
