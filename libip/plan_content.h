/*
 * A whole plan in memory: the plan, its person, every content record, the
 * person's consents and the person's coordinator assignments, read with a
 * fixed number of queries whatever the plan's size (one per table, by
 * plan_id, three for the consents and one for the assignments, by person;
 * see store/content_queries.h), with the children of measures (goal
 * ids), meetings (attendee ids, agreed actions) and consents (givers,
 * recipients) handed to their parents in memory.
 *
 * The loader neither authorizes nor audits: its callers (the completeness
 * check, the native document, revisions) open the call, load, authorize
 * the one operation they are, and close the call with its one audit event.
 *
 * The completeness check (items a–i) is declared here too: it is a pure
 * function of the loaded content, so unit tests call it directly.
 */
#ifndef IP_INTERNAL_PLAN_CONTENT_H
#define IP_INTERNAL_PLAN_CONTENT_H

#include "internal.h"

/* How many statements ip__plan_content_load runs, always: plan, person,
 * participants, goals, measures, measure goals, meetings, meeting
 * attendees, meeting actions, evaluations, revisions, the person's
 * consents, their givers and their recipients, and the person's
 * coordinator assignments. */
#define IP__PLAN_CONTENT_QUERIES 15

typedef struct ip__plan_content {
    struct ip_plan *plan;
    struct ip_person *person;
    /* Each array is ordered by created_at, then id (revisions by number). */
    struct ip_participant **participants;
    size_t participant_count;
    struct ip_goal **goals;
    size_t goal_count;
    /* Each with goal_ids (ordered by id) from measure_goal. */
    struct ip_measure **measures;
    size_t measure_count;
    /* Each with attendee_ids (ordered by id) and actions (by created_at, id). */
    struct ip_meeting **meetings;
    size_t meeting_count;
    struct ip_evaluation **evaluations;
    size_t evaluation_count;
    /* Each with its frozen document. */
    struct ip_plan_revision **revisions;
    size_t revision_count;
    /* The person's consents (not the plan's: consent is given about the
     * person), every one ever registered, withdrawn and expired included,
     * ordered by created_at, then id; each with giver_ids (ordered by id)
     * and recipients (units first, then persons, each in id order). */
    struct ip_consent **consents;
    size_t consent_count;
    /* The person's coordinator assignments (not the plan's: a coordinator
     * is appointed for the person, who may have one without a plan), of
     * every kind, ended ones included, ordered by created_at, then id. */
    struct ip_coordinator_assignment **coordinators;
    size_t coordinator_count;
} ip__plan_content;

/* Reads the plan plan_id whole. IP_ENOTFOUND (field "plan.id") when there
 * is no such plan. Call it inside the caller's call (ip__call_open), so the
 * reads see one state of the store. *out is the caller's:
 * ip__plan_content_free. */
int ip__plan_content_load(ip_session *s, const char *plan_id, ip__plan_content **out);

/* Frees everything the content holds; NULL is allowed. */
void ip__plan_content_free(ip__plan_content *c);

/* Hand children to their parents in memory, taking what they hand out
 * from their input: goal ids to measures and attendee ids to meetings from
 * links sorted by parent id (first column), actions to meetings from rows
 * sorted by meeting id. Parents need not be sorted. */
int ip__attach_goal_ids(struct ip_measure **measures, size_t n, ip__pairs *links);
int ip__attach_attendees(struct ip_meeting **meetings, size_t n, ip__pairs *links);
int ip__attach_actions(struct ip_meeting **meetings, size_t n, ip__rows *rows);

/* True when the participant's period covers today (YYYY-MM-DD). */
bool ip__participant_active(const struct ip_participant *p, const char *today);

/* One missing item of the completeness check; strings static. */
typedef struct {
    char letter;
    const char *code;
    const char *text;
} ip__plan_check_item;

struct ip_plan_check {
    size_t count;
    ip__plan_check_item missing[9];
};

/* Checks content against items a–i as it stands on today (YYYY-MM-DD) and
 * fills out with the missing items in letter order. Pure: reads nothing but
 * c. Item c holds when the person has an assignment of kind coordinator or
 * child coordinator active on today (a specialist coordinator alone does
 * not count: it coordinates the specialist health service, not the plan).
 * Item h holds when a consent to the plan and a sharing consent with a
 * recipient not withdrawn are both in force on today. */
void ip__plan_check_items(const ip__plan_content *c, const char *today,
                          struct ip_plan_check *out);

#endif
