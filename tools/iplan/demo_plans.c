/*
 * The demo's plans, built from the tables a scenario describes them with
 * (struct demo_plan in demo.h), through the public API and the sessions a
 * municipality would use: the coordinating unit opens the plan, names who
 * takes part and registers the person's consents; the coordinator keeps
 * the content (goals, measures, meetings, evaluations), puts the plan in
 * force and revises it; without a coordinator, the person proposes their
 * own goals. Withdrawals come last, and show their effect on the provider
 * whose consent was withdrawn.
 */
#include "demo.h"

#include <string.h>

/* today + days into buf, or NULL for DEMO_NO_DATE. */
static const char *day_or_null(struct demo *d, char buf[IPLAN_DATE_LEN], long days)
{
    if (days == DEMO_NO_DATE)
        return NULL;
    demo_day(d, buf, days);
    return buf;
}

static int open_session(struct demo *d, ip_session **out, ip_role role,
                        const char *id, const char *unit_id, ip_purpose purpose)
{
    ip_actor actor = IP_ACTOR_INIT;

    actor.id = id;
    actor.role = role;
    actor.unit_id = unit_id;
    actor.purpose = purpose;
    if (ip_session_open(out, d->store, &actor) != IP_OK)
        return demo_fail(d, role == IP_ROLE_COORDINATOR ? "åpne økt som koordinator"
                            : role == IP_ROLE_PROVIDER  ? "åpne økt som tjenesteyter"
                                                        : "åpne økt som personen selv");
    return 0;
}

/* The coordinating unit opens the plan with its own content. */
static int open_plan(struct demo *d, demo_id plan_id, const struct demo_plan *p)
{
    ip_plan_fields f = IP_PLAN_FIELDS_INIT;
    char start[IPLAN_DATE_LEN], end[IPLAN_DATE_LEN], next[IPLAN_DATE_LEN];
    ip_plan *plan = NULL;
    int rc;

    f.period_start = day_or_null(d, start, p->period_start);
    f.period_end = day_or_null(d, end, p->period_end);
    f.next_revision_on = day_or_null(d, next, p->next_revision);
    f.resources = p->resources;
    f.needs = p->needs;
    f.cooperation = p->cooperation;
    rc = p->application_id ? ip_plan_create(&plan, d->cu, p->application_id, &f)
                           : ip_plan_create_direct(&plan, d->cu, p->person_id, &f);
    if (rc != IP_OK)
        return demo_fail(d, "opprette planen");
    rc = demo_copy_id(d, plan_id, ip_plan_id(plan));
    ip_plan_free(plan);
    d->plans++;
    return rc;
}

/* The coordinating unit names who takes part, from the start of the plan
 * period. *coordinator receives the coordinator's row, if there is one. */
static int add_participants(struct demo *d, const char *plan_id, const struct demo_plan *p,
                            const struct demo_participant **coordinator)
{
    char from[IPLAN_DATE_LEN];

    *coordinator = NULL;
    demo_day(d, from, p->period_start == DEMO_NO_DATE ? 0 : p->period_start);
    for (size_t i = 0; i < p->nparticipants; i++) {
        const struct demo_participant *row = &p->participants[i];
        ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;
        ip_participant *made = NULL;
        int rc;

        f.plan_id = plan_id;
        f.role = row->role;
        f.person_id = row->person_id;
        f.practitioner_id = row->practitioner_id;
        f.unit_id = row->unit_id;
        f.responsibility_group = row->group;
        f.valid_from = from;
        f.contribution = row->contribution;
        if (ip_participant_create(&made, d->cu, &f) != IP_OK)
            return demo_fail(d, "legge til en deltaker");
        rc = demo_copy_id(d, row->id, ip_participant_id(made));
        ip_participant_free(made);
        if (rc)
            return -1;
        if (row->role == IP_PARTICIPANT_COORDINATOR)
            *coordinator = row;
    }
    return 0;
}

/* The entries of a NULL-terminated list of at most max ids. */
static size_t count_ids(const char *const *ids, size_t max)
{
    size_t n = 0;

    while (n < max && ids[n])
        n++;
    return n;
}

/* The coordinating unit registers the person's consents, as given. */
static int register_consents(struct demo *d, const struct demo_plan *p)
{
    for (size_t i = 0; i < p->nconsents; i++) {
        const struct demo_consent *row = &p->consents[i];
        ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
        char from[IPLAN_DATE_LEN], to[IPLAN_DATE_LEN];
        ip_consent *made = NULL;
        int rc = 0;

        f.person_id = p->person_id;
        f.kind = row->kind;
        f.form = row->form;
        f.given_by_ids = row->given_by;
        f.given_by_count = count_ids(row->given_by, 4);
        f.recipient_unit_ids = row->units;
        f.recipient_unit_count = count_ids(row->units, 8);
        f.recipient_person_ids = row->persons;
        f.recipient_person_count = count_ids(row->persons, 2);
        f.sections = row->sections;
        f.purpose = row->purpose;
        f.valid_from = day_or_null(d, from, row->from);
        f.valid_to = day_or_null(d, to, row->to);
        f.note = row->note;
        if (ip_consent_create(&made, d->cu, &f) != IP_OK)
            return demo_fail(d, row->kind == IP_CONSENT_PLAN
                                    ? "registrere samtykke til planen"
                                    : "registrere samtykke til deling");
        if (row->id)
            rc = demo_copy_id(d, row->id, ip_consent_id(made));
        ip_consent_free(made);
        if (rc)
            return -1;
        d->consents++;
    }
    return 0;
}

/* Reads the plan as a provider of unit_id (the practitioner reader); *rc
 * receives the library's answer. -1 (reported) if no session opens. */
static int read_as_provider(struct demo *d, const char *plan_id, const char *reader,
                            const char *unit_id, int *rc)
{
    ip_session *s = NULL;
    ip_plan *plan = NULL;

    if (open_session(d, &s, IP_ROLE_PROVIDER, reader, unit_id, IP_PURPOSE_CARE))
        return -1;
    *rc = ip_plan_get(&plan, s, plan_id);
    ip_plan_free(plan);
    ip_session_free(s);
    return 0;
}

/* The withdrawals, in order. One with a reader shows its effect: the
 * unit's provider reads the plan before, and is refused after. */
static int withdraw_consents(struct demo *d, const char *plan_id, const struct demo_plan *p)
{
    for (size_t i = 0; i < p->nwithdrawals; i++) {
        const struct demo_withdrawal *row = &p->withdrawals[i];
        ip_withdrawal_fields w = IP_WITHDRAWAL_FIELDS_INIT;
        char on[IPLAN_DATE_LEN];
        ip_consent *c = NULL;
        int rc, read = IP_OK;

        if (row->reader && read_as_provider(d, plan_id, row->reader, row->recipient, &read))
            return -1;
        if (read != IP_OK)
            return demo_fail(d, "lese planen som tjenesteyter før tilbaketrekkingen");
        w.recipient_id = row->recipient;
        w.withdrawn_by_id = row->by;
        w.form = row->form;
        w.withdrawn_on = day_or_null(d, on, row->on);
        rc = ip_consent_get(&c, d->cu, row->consent);
        if (rc == IP_OK)
            rc = ip_consent_withdraw(NULL, d->cu, row->consent, ip_consent_revision(c), &w);
        ip_consent_free(c);
        if (rc != IP_OK)
            return demo_fail(d, "registrere at samtykket er trukket tilbake");
        d->withdrawals++;
        if (row->reader && read_as_provider(d, plan_id, row->reader, row->recipient, &read))
            return -1;
        if (row->reader && read != IP_EDENIED) {
            iplan_errorf("demo, %s: tjenesteyteren kunne fortsatt lese planen etter at "
                         "samtykket ble trukket tilbake",
                         d->scenario);
            return -1;
        }
    }
    return 0;
}

/* Long-term goals come before their sub-goals in the table. */
static int add_goals(struct demo *d, ip_session *s, const char *plan_id,
                     const struct demo_plan *p, ip_goal_status status)
{
    for (size_t i = 0; i < p->ngoals; i++) {
        const struct demo_goal *row = &p->goals[i];
        ip_goal_fields f = IP_GOAL_FIELDS_INIT;
        char target[IPLAN_DATE_LEN];
        ip_goal *made = NULL;
        int rc;

        f.plan_id = plan_id;
        f.parent_id = row->parent;
        f.text = row->text;
        f.expressed_by_id = row->expressed_by;
        f.target_date = day_or_null(d, target, row->target_in);
        f.status = status;
        if (ip_goal_create(&made, s, &f) != IP_OK)
            return demo_fail(d, "legge inn et mål");
        rc = demo_copy_id(d, row->id, ip_goal_id(made));
        ip_goal_free(made);
        if (rc)
            return -1;
        d->goals++;
    }
    return 0;
}

static void measure_fields(struct demo *d, ip_measure_fields *f, const char *plan_id,
                           const struct demo_measure *row, char start[IPLAN_DATE_LEN],
                           char end[IPLAN_DATE_LEN])
{
    f->plan_id = plan_id;
    f->what = row->what;
    f->extent = row->extent;
    f->how = row->how;
    f->frequency = row->frequency;
    f->start_on = day_or_null(d, start, row->start_in);
    f->end_on = day_or_null(d, end, row->end_in);
    f->responsible_unit_id = row->unit_id;
    f->responsible_practitioner_id = row->practitioner_id;
    f->status = row->status;
}

/* Links a new measure to the goals its row names, and frees it. */
static int link_goals(struct demo *d, ip_session *s, ip_measure *made,
                      const struct demo_measure *row)
{
    int rc = 0;

    for (size_t i = 0; rc == 0 && i < 3 && row->goals[i]; i++) {
        if (ip_measure_link_goal(s, ip_measure_id(made), row->goals[i]) != IP_OK)
            rc = demo_fail(d, "knytte et tiltak til et mål");
    }
    ip_measure_free(made);
    d->measures++;
    return rc;
}

static int add_measures(struct demo *d, ip_session *s, const char *plan_id,
                        const struct demo_plan *p)
{
    for (size_t i = 0; i < p->nmeasures; i++) {
        ip_measure_fields f = IP_MEASURE_FIELDS_INIT;
        char start[IPLAN_DATE_LEN], end[IPLAN_DATE_LEN];
        ip_measure *made = NULL;

        measure_fields(d, &f, plan_id, &p->measures[i], start, end);
        if (ip_measure_create(&made, s, &f) != IP_OK)
            return demo_fail(d, "legge inn et tiltak");
        if (link_goals(d, s, made, &p->measures[i]))
            return -1;
    }
    return 0;
}

/* An agreed action; one with a measure row becomes that measure. */
static int agree(struct demo *d, ip_session *s, const char *plan_id,
                 const char *meeting_id, const struct demo_action *row)
{
    ip_meeting_action_fields f = IP_MEETING_ACTION_FIELDS_INIT;
    ip_measure_fields mf = IP_MEASURE_FIELDS_INIT;
    char due[IPLAN_DATE_LEN], start[IPLAN_DATE_LEN], end[IPLAN_DATE_LEN];
    ip_meeting_action *action = NULL;
    ip_measure *made = NULL;
    int rc;

    f.meeting_id = meeting_id;
    f.who_id = row->who;
    f.what = row->what;
    f.due_on = day_or_null(d, due, row->due_in);
    if (ip_meeting_action_create(&action, s, &f) != IP_OK)
        return demo_fail(d, "registrere en avtalt oppgave");
    if (!row->measure) {
        ip_meeting_action_free(action);
        return 0;
    }
    measure_fields(d, &mf, plan_id, row->measure, start, end);
    rc = ip_meeting_action_to_measure(&made, s, ip_meeting_action_id(action),
                                      ip_meeting_action_revision(action), &mf);
    ip_meeting_action_free(action);
    if (rc != IP_OK)
        return demo_fail(d, "gjøre en avtalt oppgave om til et tiltak");
    return link_goals(d, s, made, row->measure);
}

static int hold_meeting(struct demo *d, ip_session *s, const char *plan_id,
                        const struct demo_meeting *row)
{
    ip_meeting_fields f = IP_MEETING_FIELDS_INIT;
    char held[IPLAN_DATE_LEN], next[IPLAN_DATE_LEN];
    ip_meeting *made = NULL;
    int rc;

    demo_day(d, held, -row->held_ago);
    f.plan_id = plan_id;
    f.planned_on = held;
    f.held_on = held;
    f.minutes = row->minutes;
    f.next_meeting_on = day_or_null(d, next, row->next_in);
    if (ip_meeting_create(&made, s, &f) != IP_OK)
        return demo_fail(d, "registrere et ansvarsgruppemøte");
    rc = demo_copy_id(d, row->id, ip_meeting_id(made));
    ip_meeting_free(made);
    if (rc)
        return -1;
    d->meetings++;
    for (size_t i = 0; i < 8 && row->attendees[i]; i++) {
        if (ip_meeting_add_attendee(s, row->id, row->attendees[i]) != IP_OK)
            return demo_fail(d, "registrere hvem som var til stede");
    }
    for (size_t i = 0; i < 2 && row->actions[i].what; i++) {
        if (agree(d, s, plan_id, row->id, &row->actions[i]))
            return -1;
    }
    return 0;
}

/* Evaluations made in the meeting. */
static int evaluate(struct demo *d, ip_session *s, const char *plan_id,
                    const struct demo_plan *p)
{
    char day[IPLAN_DATE_LEN];

    demo_day(d, day, -p->meeting->held_ago);
    for (size_t i = 0; i < p->nevaluations; i++) {
        const struct demo_evaluation *row = &p->evaluations[i];
        ip_evaluation_fields f = IP_EVALUATION_FIELDS_INIT;

        f.plan_id = plan_id;
        f.goal_id = row->goal;
        f.evaluated_on = day;
        f.evaluated_by_id = row->by;
        f.assessment = row->assessment;
        f.achievement = row->achievement;
        f.meeting_id = p->meeting->id;
        if (ip_evaluation_create(NULL, s, &f) != IP_OK)
            return demo_fail(d, "registrere en evaluering");
    }
    return 0;
}

/* Puts the plan in force today, at the revision it has now. */
static int activate(struct demo *d, ip_session *s, const char *plan_id)
{
    ip_plan *plan = NULL;
    int rc = ip_plan_get(&plan, s, plan_id);

    if (rc == IP_OK)
        rc = ip_plan_activate(NULL, s, plan_id, ip_plan_revision(plan), NULL);
    ip_plan_free(plan);
    return rc == IP_OK ? 0 : demo_fail(d, "sette planen i verk");
}

/* What the coordinator does: the content, then activation and revision. */
static int coordinate(struct demo *d, const char *plan_id, const struct demo_plan *p,
                      const struct demo_participant *coordinator)
{
    ip_session *s = NULL;
    int rc;

    if (open_session(d, &s, IP_ROLE_COORDINATOR, coordinator->practitioner_id,
                     coordinator->unit_id, IP_PURPOSE_CARE))
        return -1;
    rc = add_goals(d, s, plan_id, p, IP_GOAL_ACTIVE);
    if (rc == 0)
        rc = add_measures(d, s, plan_id, p);
    if (rc == 0 && p->meeting)
        rc = hold_meeting(d, s, plan_id, p->meeting);
    if (rc == 0 && p->meeting)
        rc = evaluate(d, s, plan_id, p);
    if (rc == 0 && p->activate)
        rc = activate(d, s, plan_id);
    if (rc == 0 && p->revision_reason) {
        if (ip_plan_revise(NULL, s, plan_id, p->revision_reason,
                           p->meeting ? p->meeting->id : NULL) != IP_OK)
            rc = demo_fail(d, "revidere planen");
        else
            d->revisions++;
    }
    ip_session_free(s);
    return rc;
}

/* Without a coordinator, the person proposes their own goals. */
static int propose(struct demo *d, const char *plan_id, const struct demo_plan *p)
{
    ip_session *s = NULL;
    int rc;

    if (p->nmeasures || p->meeting || p->nevaluations || p->activate ||
        p->revision_reason) {
        iplan_errorf("demo, %s: en plan uten koordinator kan bare få mål", d->scenario);
        return -1;
    }
    if (p->ngoals == 0)
        return 0;
    if (open_session(d, &s, IP_ROLE_PERSON, p->person_id, NULL, IP_PURPOSE_OWN_ACCESS))
        return -1;
    rc = add_goals(d, s, plan_id, p, IP_GOAL_PROPOSED);
    ip_session_free(s);
    return rc;
}

int demo_plan_build(struct demo *d, const struct demo_plan *p, char *id)
{
    const struct demo_participant *coordinator = NULL;
    demo_id plan_id;

    if (open_plan(d, plan_id, p) || (id && demo_copy_id(d, id, plan_id)) || add_participants(d, plan_id, p, &coordinator) ||
        register_consents(d, p))
        return -1;
    if (coordinator ? coordinate(d, plan_id, p, coordinator) : propose(d, plan_id, p))
        return -1;
    return withdraw_consents(d, plan_id, p);
}
