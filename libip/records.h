/*
 * The record structs behind the public opaque types, and their column
 * descriptors (defined in store/tables.c). Integers are int64_t so the
 * generic storage code handles every column alike.
 */
#ifndef IP_INTERNAL_RECORDS_H
#define IP_INTERNAL_RECORDS_H

#include "store/record.h"

struct ip_unit {
    ip__meta meta;
    char *name;
    char *organisation_number;
    int64_t sector;
    char *municipality_number;
    int64_t coordinating;
    char *host_ref;
};

struct ip_practitioner {
    ip__meta meta;
    char *unit_id;
    char *given_name;
    char *family_name;
    char *hpr_number;
    char *title;
    char *phone;
    char *email;
    char *host_ref;
};

struct ip_person {
    ip__meta meta;
    char *national_id;
    int64_t national_id_kind;
    char *given_name;
    char *family_name;
    char *birth_date;
    char *phone;
    char *email;
    char *address;
    char *municipality_number;
    char *host_ref;
};

struct ip_relation {
    ip__meta meta;
    char *person_id;
    char *related_id;
    int64_t kind;
    char *valid_from;
    char *valid_to;
};

typedef struct ip__application_request {
    ip__meta meta;
    char *application_id;
    int64_t kind;
    int64_t outcome;
    int64_t form;
    char *reason;
    char *decided_on;
    char *decided_by;
} ip__application_request;

struct ip_application {
    ip__meta meta;
    char *person_id;
    int64_t requests;
    char *received_on;
    char *reply_due_on;
    char *signed_by_id;
    char *interim_reply_on;
    int64_t pending; /* request bits still without an outcome */
    char *note;
    char *host_ref;
    /* Not a column: the requests, one per bit of requests, loaded with it. */
    ip__application_request *request[3];
};

/* Every plan content record (participant, goal, measure, meeting, meeting
 * action, evaluation, revision) begins like this, so that one scope and one
 * resolve serve them all. */
typedef struct {
    ip__meta meta;
    char *plan_id;
    char *person_id; /* the plan's person, copied when the record is made */
} ip__content;

struct ip_plan {
    ip__meta meta;
    char *person_id;
    int64_t status;      /* ip_plan_status */
    int64_t origin;      /* ip_plan_origin */
    char *application_id;
    char *period_start;
    char *period_end;
    char *next_revision_on;
    char *resources;
    char *needs;
    char *cooperation;
    char *activated_on;
    char *ended_on;
    int64_t end_reason;  /* ip_plan_end_reason, 0 while open */
    char *end_note;
    char *host_ref;
};

struct ip_participant {
    ip__meta meta;
    char *plan_id;
    char *person_id;     /* the plan's person */
    int64_t role;        /* ip_participant_role */
    char *participant_person_id;
    char *practitioner_id;
    char *unit_id;
    char *name;
    int64_t responsibility_group;
    char *valid_from;
    char *valid_to;
    char *contribution;
};

struct ip_goal {
    ip__meta meta;
    char *plan_id;
    char *person_id;
    char *parent_id;
    char *text;
    char *expressed_by_id;
    char *target_date;
    int64_t status;      /* ip_goal_status */
    int64_t achievement; /* ip_goal_achievement */
};

struct ip_measure {
    ip__meta meta;
    char *plan_id;
    char *person_id;
    char *what;
    char *extent;
    char *how;
    char *start_on;
    char *end_on;
    char *frequency;
    char *responsible_unit_id;
    char *responsible_practitioner_id;
    int64_t status;      /* ip_measure_status */
    char *decision_ref;
    /* Not columns: the goals the measure serves (measure_goal rows). */
    char **goal_ids;
    size_t goal_count;
};

struct ip_meeting {
    ip__meta meta;
    char *plan_id;
    char *person_id;
    char *planned_on;
    char *held_on;
    char *minutes;
    char *next_meeting_on;
    /* Not columns: attendees (meeting_attendee rows) and agreed actions. */
    char **attendee_ids;
    size_t attendee_count;
    struct ip_meeting_action **actions;
    size_t action_count;
};

struct ip_meeting_action {
    ip__meta meta;
    char *plan_id;
    char *person_id;
    char *meeting_id;
    char *who_id;
    char *what;
    char *due_on;
    char *measure_id;
};

struct ip_evaluation {
    ip__meta meta;
    char *plan_id;
    char *person_id;
    char *goal_id;
    char *measure_id;
    char *evaluated_on;
    char *evaluated_by_id;
    char *assessment;
    int64_t achievement; /* ip_goal_achievement, 0 when not assessed */
    char *note;
    char *meeting_id;
};

struct ip_plan_revision {
    ip__meta meta;
    char *plan_id;
    char *person_id;
    int64_t number;
    char *reason;
    char *author_id;
    char *meeting_id;
    char *document;      /* the ip-plan/1 document frozen at revision */
};

struct ip_consent {
    ip__meta meta;
    char *person_id;
    int64_t kind;             /* ip_consent_kind */
    int64_t form;             /* ip_consent_form */
    int64_t sections;         /* IP_SECTION_* bits */
    char *purpose;
    char *valid_from;
    char *valid_to;
    char *note;
    char *registered_by;
    char *withdrawn_on;
    char *withdrawn_by_id;
    int64_t withdrawal_form;  /* 0 while not withdrawn */
    /* Not columns: givers (consent_giver) and recipients
     * (consent_recipient), loaded with the consent. */
    char **giver_ids;
    size_t giver_count;
    struct ip__consent_recipient *recipients;
    size_t recipient_count;
};

typedef struct ip__consent_recipient {
    char *recipient_id;
    int is_unit;
    char *withdrawn_on;
    char *withdrawn_by_id;
    int64_t withdrawal_form;
} ip__consent_recipient;

struct ip_coordinator_assignment {
    ip__meta meta;
    char *person_id;
    int64_t kind;            /* ip_coordinator_kind */
    char *practitioner_id;
    char *unit_id;
    char *application_id;
    char *appointed_on;
    char *appointed_by;
    char *wished_practitioner_id;
    char *wish_note;
    char *wish_not_followed_reason;
    char *ended_on;
    char *end_reason;
};

struct ip_complaint {
    ip__meta meta;
    char *person_id;
    char *filed_by_id;
    int64_t written;
    int64_t signed_;         /* column "signed" */
    int64_t ground;          /* ip_complaint_ground */
    char *application_id;
    char *plan_id;
    char *knew_on;
    char *received_on;
    char *deadline_on;
    int64_t late;
    int64_t status;          /* ip_complaint_status */
    int64_t outcome;         /* ip_complaint_outcome, 0 until decided */
    char *forwarded_on;
    char *closed_on;
    char *note;
    /* Not columns: the steps, oldest first, loaded with the complaint. */
    struct ip__complaint_step **steps;
    size_t step_count;
};

typedef struct ip__complaint_step {
    ip__meta meta;
    char *complaint_id;
    char *person_id;
    int64_t from_status;
    int64_t to_status;
    int64_t outcome;
    char *step_on;
    char *actor_id;
    char *note;
} ip__complaint_step;

extern const ip__table ip__coordinator_assignment_table;
extern const ip__table ip__complaint_table;
extern const ip__table ip__complaint_step_table;
extern const ip__table ip__consent_table;
extern const ip__table ip__plan_table;
extern const ip__table ip__participant_table;
extern const ip__table ip__goal_table;
extern const ip__table ip__measure_table;
extern const ip__table ip__meeting_table;
extern const ip__table ip__meeting_action_table;
extern const ip__table ip__evaluation_table;
extern const ip__table ip__plan_revision_table;
extern const ip__table ip__unit_table;
extern const ip__table ip__practitioner_table;
extern const ip__table ip__person_table;
extern const ip__table ip__relation_table;
extern const ip__table ip__application_table;
extern const ip__table ip__application_request_table;

#endif
