-- Schema 5: what the due list reads (libip/due.c, store/due_queries.c).
--
-- Every kind of due item is read from an index in due-date order and stops
-- at the call's limit. Applications, complaints and consents are read from
-- indexes on their own tables; what concerns active plans — the revision
-- date, when the group last met, whether the person has a coordinator,
-- whether a goal was evaluated after its target date — from two derived
-- tables kept by the triggers here, so that a fact spanning records is one
-- indexed column. The library never writes the derived tables itself: a
-- row appears, changes and goes with the records it is derived from,
-- whoever writes them.

-- The indexes below serve the due list's queries (store/due_queries.c)
-- and hold every column those queries read, so that a query reads the
-- index alone: one ordered range per kind for the whole store, and one
-- lookup per person for a unit's or a coordinator's list. Where an index
-- of an earlier schema had the right order and condition but too few
-- columns, it is made again under the same name with the columns added
-- (same leading columns, same condition: every query that used it still
-- can).

-- Applications waiting for an answer: by reply date, and by person.
DROP INDEX application_waiting;
CREATE INDEX application_waiting
    ON application (reply_due_on, id, person_id, pending, interim_reply_on)
    WHERE pending <> 0 AND interim_reply_on IS NULL;
CREATE INDEX due_application_by_person
    ON application (person_id, reply_due_on, pending, interim_reply_on)
    WHERE pending <> 0 AND interim_reply_on IS NULL;

-- Complaints received but not yet in municipal review, by deadline;
-- complaints in municipal review, by the day they were received; both,
-- by person.
CREATE INDEX complaint_received
    ON complaint (deadline_on, id, person_id, plan_id, status) WHERE status = 1;
CREATE INDEX complaint_in_review
    ON complaint (received_on, id, person_id, plan_id, status) WHERE status = 2;
CREATE INDEX due_complaint_by_person
    ON complaint (person_id, status, received_on, deadline_on, plan_id)
    WHERE status IN (1, 2);

-- Consents not withdrawn, by the last day they are valid, and by person.
CREATE INDEX consent_expiry
    ON consent (valid_to, id, person_id, withdrawn_on) WHERE withdrawn_on IS NULL;
CREATE INDEX due_consent_by_person
    ON consent (person_id, valid_to, withdrawn_on) WHERE withdrawn_on IS NULL;

-- Whose items a unit or a coordinator sees: the persons of the plans a
-- unit or a practitioner takes part in, and of a practitioner's
-- assignments.
DROP INDEX participant_by_unit;
CREATE INDEX participant_by_unit
    ON participant (unit_id, plan_id, person_id, valid_from, valid_to)
    WHERE unit_id IS NOT NULL;
DROP INDEX participant_by_practitioner;
CREATE INDEX participant_by_practitioner
    ON participant (practitioner_id, plan_id, role, person_id, valid_from, valid_to)
    WHERE practitioner_id IS NOT NULL;
DROP INDEX coordinator_by_practitioner;
CREATE INDEX coordinator_by_practitioner
    ON coordinator_assignment (practitioner_id, person_id, ended_on)
    WHERE ended_on IS NULL;

-- One row per active plan (status 2): the day it became active, its next
-- revision date, the day its responsibility group last met (the active
-- day until a meeting has been held), and, while the person has no active
-- coordinator or child coordinator (kinds 1 and 2), the day since when.
CREATE TABLE due_plan (
    plan_id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    active_since TEXT NOT NULL,
    next_revision_on TEXT,
    met_on TEXT NOT NULL,
    uncoordinated_since TEXT
) WITHOUT ROWID;
CREATE INDEX due_plan_revision ON due_plan (next_revision_on, plan_id, person_id)
    WHERE next_revision_on IS NOT NULL;
CREATE INDEX due_plan_meeting ON due_plan (met_on, plan_id, person_id);
CREATE INDEX due_plan_uncoordinated ON due_plan (uncoordinated_since, plan_id, person_id)
    WHERE uncoordinated_since IS NOT NULL;
CREATE INDEX due_plan_by_person
    ON due_plan (person_id, next_revision_on, met_on, uncoordinated_since);

-- One row per open goal (status 1-3) of an active plan that has a target
-- date and no evaluation of the goal on or after that date.
CREATE TABLE due_goal (
    goal_id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    target_date TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX due_goal_target ON due_goal (target_date, goal_id, person_id, plan_id);
CREATE INDEX due_goal_by_person ON due_goal (person_id, target_date, plan_id);
CREATE INDEX due_goal_by_plan ON due_goal (plan_id);

-- The rows for the plans and goals already in the store.
INSERT INTO due_plan (plan_id, person_id, active_since, next_revision_on, met_on,
                      uncoordinated_since)
SELECT p.id, p.person_id, COALESCE(p.activated_on, substr(p.created_at, 1, 10)),
       p.next_revision_on,
       COALESCE((SELECT max(m.held_on) FROM meeting m
                 WHERE m.plan_id = p.id AND m.held_on IS NOT NULL),
                p.activated_on, substr(p.created_at, 1, 10)),
       CASE WHEN EXISTS (SELECT 1 FROM coordinator_assignment c
                         WHERE c.person_id = p.person_id AND c.kind IN (1, 2)
                           AND c.ended_on IS NULL)
            THEN NULL ELSE COALESCE(p.activated_on, substr(p.created_at, 1, 10)) END
FROM plan p WHERE p.status = 2;

INSERT INTO due_goal (goal_id, plan_id, person_id, target_date)
SELECT g.id, g.plan_id, g.person_id, g.target_date
FROM goal g JOIN plan p ON p.id = g.plan_id
WHERE p.status = 2 AND g.status IN (1, 2, 3) AND g.target_date IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM evaluation e
                  WHERE e.goal_id = g.id AND e.evaluated_on >= g.target_date);

-- Plans: a plan's rows come when it becomes active and go when it stops
-- being active (it ends). Plans are written whole, so the update trigger
-- acts only when what the rows derive from changed.
CREATE TRIGGER due_plan_inserted AFTER INSERT ON plan WHEN NEW.status = 2
BEGIN
    INSERT INTO due_plan (plan_id, person_id, active_since, next_revision_on, met_on,
                          uncoordinated_since)
    SELECT NEW.id, NEW.person_id, COALESCE(NEW.activated_on, substr(NEW.created_at, 1, 10)),
           NEW.next_revision_on,
           COALESCE((SELECT max(m.held_on) FROM meeting m
                     WHERE m.plan_id = NEW.id AND m.held_on IS NOT NULL),
                    NEW.activated_on, substr(NEW.created_at, 1, 10)),
           CASE WHEN EXISTS (SELECT 1 FROM coordinator_assignment c
                             WHERE c.person_id = NEW.person_id AND c.kind IN (1, 2)
                               AND c.ended_on IS NULL)
                THEN NULL ELSE COALESCE(NEW.activated_on, substr(NEW.created_at, 1, 10)) END;
END;

CREATE TRIGGER due_plan_changed AFTER UPDATE ON plan
WHEN (OLD.status = 2) <> (NEW.status = 2)
  OR (NEW.status = 2 AND (OLD.person_id <> NEW.person_id
                          OR OLD.activated_on IS NOT NEW.activated_on))
BEGIN
    DELETE FROM due_plan WHERE plan_id = OLD.id;
    DELETE FROM due_goal WHERE plan_id = OLD.id;
    INSERT INTO due_plan (plan_id, person_id, active_since, next_revision_on, met_on,
                          uncoordinated_since)
    SELECT NEW.id, NEW.person_id, COALESCE(NEW.activated_on, substr(NEW.created_at, 1, 10)),
           NEW.next_revision_on,
           COALESCE((SELECT max(m.held_on) FROM meeting m
                     WHERE m.plan_id = NEW.id AND m.held_on IS NOT NULL),
                    NEW.activated_on, substr(NEW.created_at, 1, 10)),
           CASE WHEN EXISTS (SELECT 1 FROM coordinator_assignment c
                             WHERE c.person_id = NEW.person_id AND c.kind IN (1, 2)
                               AND c.ended_on IS NULL)
                THEN NULL ELSE COALESCE(NEW.activated_on, substr(NEW.created_at, 1, 10)) END
    WHERE NEW.status = 2;
    INSERT INTO due_goal (goal_id, plan_id, person_id, target_date)
    SELECT g.id, g.plan_id, g.person_id, g.target_date FROM goal g
    WHERE NEW.status = 2 AND g.plan_id = NEW.id AND g.status IN (1, 2, 3)
      AND g.target_date IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM evaluation e
                      WHERE e.goal_id = g.id AND e.evaluated_on >= g.target_date);
END;

CREATE TRIGGER due_plan_revision_moved AFTER UPDATE OF next_revision_on ON plan
WHEN NEW.status = 2 AND OLD.status = 2 AND OLD.next_revision_on IS NOT NEW.next_revision_on
BEGIN
    UPDATE due_plan SET next_revision_on = NEW.next_revision_on WHERE plan_id = NEW.id;
END;

CREATE TRIGGER due_plan_removed AFTER DELETE ON plan
BEGIN
    DELETE FROM due_plan WHERE plan_id = OLD.id;
    DELETE FROM due_goal WHERE plan_id = OLD.id;
END;

-- Meetings: the latest day a meeting of the plan was held.
CREATE TRIGGER due_meeting_inserted AFTER INSERT ON meeting WHEN NEW.held_on IS NOT NULL
BEGIN
    UPDATE due_plan
    SET met_on = (SELECT max(m.held_on) FROM meeting m
                  WHERE m.plan_id = NEW.plan_id AND m.held_on IS NOT NULL)
    WHERE plan_id = NEW.plan_id;
END;

CREATE TRIGGER due_meeting_changed AFTER UPDATE ON meeting
WHEN OLD.held_on IS NOT NEW.held_on OR OLD.plan_id <> NEW.plan_id
BEGIN
    UPDATE due_plan
    SET met_on = COALESCE((SELECT max(m.held_on) FROM meeting m
                           WHERE m.plan_id = due_plan.plan_id AND m.held_on IS NOT NULL),
                          active_since)
    WHERE plan_id IN (OLD.plan_id, NEW.plan_id);
END;

CREATE TRIGGER due_meeting_removed AFTER DELETE ON meeting WHEN OLD.held_on IS NOT NULL
BEGIN
    UPDATE due_plan
    SET met_on = COALESCE((SELECT max(m.held_on) FROM meeting m
                           WHERE m.plan_id = due_plan.plan_id AND m.held_on IS NOT NULL),
                          active_since)
    WHERE plan_id = OLD.plan_id;
END;

-- Coordinator assignments: an active coordinator or child coordinator
-- clears the plan's mark; losing the last one sets it from that day.
CREATE TRIGGER due_coordinator_inserted AFTER INSERT ON coordinator_assignment
WHEN NEW.kind IN (1, 2) AND NEW.ended_on IS NULL
BEGIN
    UPDATE due_plan SET uncoordinated_since = NULL
    WHERE person_id = NEW.person_id AND uncoordinated_since IS NOT NULL;
END;

CREATE TRIGGER due_coordinator_changed AFTER UPDATE ON coordinator_assignment
WHEN (OLD.ended_on IS NULL) <> (NEW.ended_on IS NULL) OR OLD.kind <> NEW.kind
  OR OLD.person_id <> NEW.person_id
BEGIN
    UPDATE due_plan
    SET uncoordinated_since = CASE
        WHEN EXISTS (SELECT 1 FROM coordinator_assignment c
                     WHERE c.person_id = due_plan.person_id AND c.kind IN (1, 2)
                       AND c.ended_on IS NULL) THEN NULL
        ELSE COALESCE(uncoordinated_since,
                      CASE WHEN NEW.ended_on > active_since THEN NEW.ended_on
                           ELSE active_since END) END
    WHERE person_id IN (OLD.person_id, NEW.person_id);
END;

CREATE TRIGGER due_coordinator_removed AFTER DELETE ON coordinator_assignment
WHEN OLD.kind IN (1, 2) AND OLD.ended_on IS NULL
BEGIN
    UPDATE due_plan
    SET uncoordinated_since = CASE
        WHEN EXISTS (SELECT 1 FROM coordinator_assignment c
                     WHERE c.person_id = due_plan.person_id AND c.kind IN (1, 2)
                       AND c.ended_on IS NULL) THEN NULL
        ELSE COALESCE(uncoordinated_since, active_since) END
    WHERE person_id = OLD.person_id;
END;

-- Goals: recomputed from the goal, its plan and its evaluations.
CREATE TRIGGER due_goal_inserted AFTER INSERT ON goal
WHEN NEW.target_date IS NOT NULL AND NEW.status IN (1, 2, 3)
BEGIN
    INSERT INTO due_goal (goal_id, plan_id, person_id, target_date)
    SELECT NEW.id, NEW.plan_id, NEW.person_id, NEW.target_date
    WHERE EXISTS (SELECT 1 FROM plan p WHERE p.id = NEW.plan_id AND p.status = 2)
      AND NOT EXISTS (SELECT 1 FROM evaluation e
                      WHERE e.goal_id = NEW.id AND e.evaluated_on >= NEW.target_date);
END;

CREATE TRIGGER due_goal_changed AFTER UPDATE ON goal
WHEN OLD.status <> NEW.status OR OLD.target_date IS NOT NEW.target_date
  OR OLD.plan_id <> NEW.plan_id OR OLD.person_id <> NEW.person_id
BEGIN
    DELETE FROM due_goal WHERE goal_id = OLD.id;
    INSERT INTO due_goal (goal_id, plan_id, person_id, target_date)
    SELECT NEW.id, NEW.plan_id, NEW.person_id, NEW.target_date
    WHERE NEW.target_date IS NOT NULL AND NEW.status IN (1, 2, 3)
      AND EXISTS (SELECT 1 FROM plan p WHERE p.id = NEW.plan_id AND p.status = 2)
      AND NOT EXISTS (SELECT 1 FROM evaluation e
                      WHERE e.goal_id = NEW.id AND e.evaluated_on >= NEW.target_date);
END;

CREATE TRIGGER due_goal_removed AFTER DELETE ON goal
BEGIN
    DELETE FROM due_goal WHERE goal_id = OLD.id;
END;

-- Evaluations: one of the goal on or after its target date settles it.
CREATE TRIGGER due_evaluation_inserted AFTER INSERT ON evaluation
WHEN NEW.goal_id IS NOT NULL
BEGIN
    DELETE FROM due_goal WHERE goal_id = NEW.goal_id AND target_date <= NEW.evaluated_on;
END;

CREATE TRIGGER due_evaluation_changed AFTER UPDATE ON evaluation
WHEN OLD.goal_id IS NOT NEW.goal_id OR OLD.evaluated_on <> NEW.evaluated_on
BEGIN
    DELETE FROM due_goal WHERE goal_id IN (OLD.goal_id, NEW.goal_id);
    INSERT INTO due_goal (goal_id, plan_id, person_id, target_date)
    SELECT g.id, g.plan_id, g.person_id, g.target_date
    FROM goal g JOIN plan p ON p.id = g.plan_id
    WHERE g.id IN (OLD.goal_id, NEW.goal_id) AND p.status = 2
      AND g.status IN (1, 2, 3) AND g.target_date IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM evaluation e
                      WHERE e.goal_id = g.id AND e.evaluated_on >= g.target_date);
END;

CREATE TRIGGER due_evaluation_removed AFTER DELETE ON evaluation
WHEN OLD.goal_id IS NOT NULL
BEGIN
    DELETE FROM due_goal WHERE goal_id = OLD.goal_id;
    INSERT INTO due_goal (goal_id, plan_id, person_id, target_date)
    SELECT g.id, g.plan_id, g.person_id, g.target_date
    FROM goal g JOIN plan p ON p.id = g.plan_id
    WHERE g.id = OLD.goal_id AND p.status = 2
      AND g.status IN (1, 2, 3) AND g.target_date IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM evaluation e
                      WHERE e.goal_id = g.id AND e.evaluated_on >= g.target_date);
END;

PRAGMA user_version = 5;
