/* Column descriptors: the one place that names each table's columns. */
#include "records.h"

#define TEXT(type, field) {#field, offsetof(type, field), IP__COL_TEXT}
#define INT(type, field) {#field, offsetof(type, field), IP__COL_INT}
#define END {NULL, 0, 0}

static const ip__column unit_columns[] = {
    TEXT(struct ip_unit, name),
    TEXT(struct ip_unit, organisation_number),
    INT(struct ip_unit, sector),
    TEXT(struct ip_unit, municipality_number),
    INT(struct ip_unit, coordinating),
    TEXT(struct ip_unit, host_ref),
    END,
};
const ip__table ip__unit_table = {"unit", unit_columns, sizeof(struct ip_unit)};

static const ip__column practitioner_columns[] = {
    TEXT(struct ip_practitioner, unit_id),
    TEXT(struct ip_practitioner, given_name),
    TEXT(struct ip_practitioner, family_name),
    TEXT(struct ip_practitioner, hpr_number),
    TEXT(struct ip_practitioner, title),
    TEXT(struct ip_practitioner, phone),
    TEXT(struct ip_practitioner, email),
    TEXT(struct ip_practitioner, host_ref),
    END,
};
const ip__table ip__practitioner_table = {"practitioner", practitioner_columns,
                                          sizeof(struct ip_practitioner)};

static const ip__column person_columns[] = {
    TEXT(struct ip_person, national_id),
    INT(struct ip_person, national_id_kind),
    TEXT(struct ip_person, given_name),
    TEXT(struct ip_person, family_name),
    TEXT(struct ip_person, birth_date),
    TEXT(struct ip_person, phone),
    TEXT(struct ip_person, email),
    TEXT(struct ip_person, address),
    TEXT(struct ip_person, municipality_number),
    TEXT(struct ip_person, host_ref),
    END,
};
const ip__table ip__person_table = {"person", person_columns, sizeof(struct ip_person)};

static const ip__column relation_columns[] = {
    TEXT(struct ip_relation, person_id),
    TEXT(struct ip_relation, related_id),
    INT(struct ip_relation, kind),
    TEXT(struct ip_relation, valid_from),
    TEXT(struct ip_relation, valid_to),
    END,
};
const ip__table ip__relation_table = {"relation", relation_columns,
                                      sizeof(struct ip_relation)};

static const ip__column application_columns[] = {
    TEXT(struct ip_application, person_id),
    INT(struct ip_application, requests),
    TEXT(struct ip_application, received_on),
    TEXT(struct ip_application, reply_due_on),
    TEXT(struct ip_application, signed_by_id),
    TEXT(struct ip_application, interim_reply_on),
    INT(struct ip_application, pending),
    TEXT(struct ip_application, note),
    TEXT(struct ip_application, host_ref),
    END,
};
const ip__table ip__application_table = {"application", application_columns,
                                         sizeof(struct ip_application)};

static const ip__column application_request_columns[] = {
    TEXT(ip__application_request, application_id),
    INT(ip__application_request, kind),
    INT(ip__application_request, outcome),
    INT(ip__application_request, form),
    TEXT(ip__application_request, reason),
    TEXT(ip__application_request, decided_on),
    TEXT(ip__application_request, decided_by),
    END,
};
const ip__table ip__application_request_table = {
    "application_request", application_request_columns,
    sizeof(ip__application_request)};

static const ip__column plan_columns[] = {
    TEXT(struct ip_plan, person_id),
    INT(struct ip_plan, status),
    INT(struct ip_plan, origin),
    TEXT(struct ip_plan, application_id),
    TEXT(struct ip_plan, period_start),
    TEXT(struct ip_plan, period_end),
    TEXT(struct ip_plan, next_revision_on),
    TEXT(struct ip_plan, resources),
    TEXT(struct ip_plan, needs),
    TEXT(struct ip_plan, cooperation),
    TEXT(struct ip_plan, activated_on),
    TEXT(struct ip_plan, ended_on),
    INT(struct ip_plan, end_reason),
    TEXT(struct ip_plan, end_note),
    TEXT(struct ip_plan, host_ref),
    END,
};
const ip__table ip__plan_table = {"plan", plan_columns,
    sizeof(struct ip_plan)};

static const ip__column participant_columns[] = {
    TEXT(struct ip_participant, plan_id),
    TEXT(struct ip_participant, person_id),
    INT(struct ip_participant, role),
    TEXT(struct ip_participant, participant_person_id),
    TEXT(struct ip_participant, practitioner_id),
    TEXT(struct ip_participant, unit_id),
    TEXT(struct ip_participant, name),
    INT(struct ip_participant, responsibility_group),
    TEXT(struct ip_participant, valid_from),
    TEXT(struct ip_participant, valid_to),
    TEXT(struct ip_participant, contribution),
    END,
};
const ip__table ip__participant_table = {"participant", participant_columns,
    sizeof(struct ip_participant)};

static const ip__column goal_columns[] = {
    TEXT(struct ip_goal, plan_id),
    TEXT(struct ip_goal, person_id),
    TEXT(struct ip_goal, parent_id),
    TEXT(struct ip_goal, text),
    TEXT(struct ip_goal, expressed_by_id),
    TEXT(struct ip_goal, target_date),
    INT(struct ip_goal, status),
    INT(struct ip_goal, achievement),
    END,
};
const ip__table ip__goal_table = {"goal", goal_columns,
    sizeof(struct ip_goal)};

static const ip__column measure_columns[] = {
    TEXT(struct ip_measure, plan_id),
    TEXT(struct ip_measure, person_id),
    TEXT(struct ip_measure, what),
    TEXT(struct ip_measure, extent),
    TEXT(struct ip_measure, how),
    TEXT(struct ip_measure, start_on),
    TEXT(struct ip_measure, end_on),
    TEXT(struct ip_measure, frequency),
    TEXT(struct ip_measure, responsible_unit_id),
    TEXT(struct ip_measure, responsible_practitioner_id),
    INT(struct ip_measure, status),
    TEXT(struct ip_measure, decision_ref),
    END,
};
const ip__table ip__measure_table = {"measure", measure_columns,
    sizeof(struct ip_measure)};

static const ip__column meeting_columns[] = {
    TEXT(struct ip_meeting, plan_id),
    TEXT(struct ip_meeting, person_id),
    TEXT(struct ip_meeting, planned_on),
    TEXT(struct ip_meeting, held_on),
    TEXT(struct ip_meeting, minutes),
    TEXT(struct ip_meeting, next_meeting_on),
    END,
};
const ip__table ip__meeting_table = {"meeting", meeting_columns,
    sizeof(struct ip_meeting)};

static const ip__column meeting_action_columns[] = {
    TEXT(struct ip_meeting_action, plan_id),
    TEXT(struct ip_meeting_action, person_id),
    TEXT(struct ip_meeting_action, meeting_id),
    TEXT(struct ip_meeting_action, who_id),
    TEXT(struct ip_meeting_action, what),
    TEXT(struct ip_meeting_action, due_on),
    TEXT(struct ip_meeting_action, measure_id),
    END,
};
const ip__table ip__meeting_action_table = {"meeting_action", meeting_action_columns,
    sizeof(struct ip_meeting_action)};

static const ip__column evaluation_columns[] = {
    TEXT(struct ip_evaluation, plan_id),
    TEXT(struct ip_evaluation, person_id),
    TEXT(struct ip_evaluation, goal_id),
    TEXT(struct ip_evaluation, measure_id),
    TEXT(struct ip_evaluation, evaluated_on),
    TEXT(struct ip_evaluation, evaluated_by_id),
    TEXT(struct ip_evaluation, assessment),
    INT(struct ip_evaluation, achievement),
    TEXT(struct ip_evaluation, note),
    TEXT(struct ip_evaluation, meeting_id),
    END,
};
const ip__table ip__evaluation_table = {"evaluation", evaluation_columns,
    sizeof(struct ip_evaluation)};

static const ip__column plan_revision_columns[] = {
    TEXT(struct ip_plan_revision, plan_id),
    TEXT(struct ip_plan_revision, person_id),
    INT(struct ip_plan_revision, number),
    TEXT(struct ip_plan_revision, reason),
    TEXT(struct ip_plan_revision, author_id),
    TEXT(struct ip_plan_revision, meeting_id),
    TEXT(struct ip_plan_revision, document),
    END,
};
const ip__table ip__plan_revision_table = {"plan_revision", plan_revision_columns,
    sizeof(struct ip_plan_revision)};

static const ip__column consent_columns[] = {
    TEXT(struct ip_consent, person_id),
    INT(struct ip_consent, kind),
    INT(struct ip_consent, form),
    INT(struct ip_consent, sections),
    TEXT(struct ip_consent, purpose),
    TEXT(struct ip_consent, valid_from),
    TEXT(struct ip_consent, valid_to),
    TEXT(struct ip_consent, note),
    TEXT(struct ip_consent, registered_by),
    TEXT(struct ip_consent, withdrawn_on),
    TEXT(struct ip_consent, withdrawn_by_id),
    INT(struct ip_consent, withdrawal_form),
    END,
};
const ip__table ip__consent_table = {"consent", consent_columns, sizeof(struct ip_consent)};

static const ip__column coordinator_assignment_columns[] = {
    TEXT(struct ip_coordinator_assignment, person_id),
    INT(struct ip_coordinator_assignment, kind),
    TEXT(struct ip_coordinator_assignment, practitioner_id),
    TEXT(struct ip_coordinator_assignment, unit_id),
    TEXT(struct ip_coordinator_assignment, application_id),
    TEXT(struct ip_coordinator_assignment, appointed_on),
    TEXT(struct ip_coordinator_assignment, appointed_by),
    TEXT(struct ip_coordinator_assignment, wished_practitioner_id),
    TEXT(struct ip_coordinator_assignment, wish_note),
    TEXT(struct ip_coordinator_assignment, wish_not_followed_reason),
    TEXT(struct ip_coordinator_assignment, ended_on),
    TEXT(struct ip_coordinator_assignment, end_reason),
    END,
};
const ip__table ip__coordinator_assignment_table = {
    "coordinator_assignment", coordinator_assignment_columns,
    sizeof(struct ip_coordinator_assignment)};

/* "signed" is a C keyword; the struct member is signed_. */
static const ip__column complaint_columns[] = {
    TEXT(struct ip_complaint, person_id),
    TEXT(struct ip_complaint, filed_by_id),
    INT(struct ip_complaint, written),
    {"signed", offsetof(struct ip_complaint, signed_), IP__COL_INT},
    INT(struct ip_complaint, ground),
    TEXT(struct ip_complaint, application_id),
    TEXT(struct ip_complaint, plan_id),
    TEXT(struct ip_complaint, knew_on),
    TEXT(struct ip_complaint, received_on),
    TEXT(struct ip_complaint, deadline_on),
    INT(struct ip_complaint, late),
    INT(struct ip_complaint, status),
    INT(struct ip_complaint, outcome),
    TEXT(struct ip_complaint, forwarded_on),
    TEXT(struct ip_complaint, closed_on),
    TEXT(struct ip_complaint, note),
    END,
};
const ip__table ip__complaint_table = {"complaint", complaint_columns,
    sizeof(struct ip_complaint)};

static const ip__column complaint_step_columns[] = {
    TEXT(ip__complaint_step, complaint_id),
    TEXT(ip__complaint_step, person_id),
    INT(ip__complaint_step, from_status),
    INT(ip__complaint_step, to_status),
    INT(ip__complaint_step, outcome),
    TEXT(ip__complaint_step, step_on),
    TEXT(ip__complaint_step, actor_id),
    TEXT(ip__complaint_step, note),
    END,
};
const ip__table ip__complaint_step_table = {"complaint_step", complaint_step_columns,
    sizeof(ip__complaint_step)};
