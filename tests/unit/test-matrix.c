/*
 * The access policy as one table: every role (and the states of
 * participation that matter) against every kind of call on a plan, under
 * every state of the person's sharing consent. Each cell is asserted:
 * allowed (Y) or denied (N, with IP_EDENIED and an audit event).
 *
 * The sharing consent, when there is one, names the provider unit S and
 * the next of kin K as recipients.
 */
#include "harness.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef enum {
    CONSENT_NONE,
    CONSENT_ALL,         /* in force, every section */
    CONSENT_GOALS_ONLY,  /* in force, goals only */
    CONSENT_EXPIRED,     /* its period ended yesterday */
    CONSENT_WITHDRAWN,   /* withdrawn whole */
    CONSENT_S_WITHDRAWN, /* withdrawn for unit S only; K keeps it */
    CONSENT_STATES
} consent_state;

static const char *const consent_names[CONSENT_STATES] = {
    "none", "all sections", "goals only", "expired", "withdrawn", "withdrawn for S",
};

typedef enum {
    ACTOR_CU,               /* the coordinating unit */
    ACTOR_COORDINATOR,      /* the plan's coordinator */
    ACTOR_COORDINATOR_PAST, /* coordinator whose participation ended */
    ACTOR_ASSIGNED,         /* coordinator by assignment, not a participant */
    ACTOR_ASSIGNMENT_ENDED, /* coordinator whose assignment ended */
    ACTOR_PROVIDER,         /* unit S, taking part */
    ACTOR_PROVIDER_PAST,    /* unit E, whose participation ended */
    ACTOR_PERSON,
    ACTOR_REPRESENTATIVE,   /* the person's guardian */
    ACTOR_NEXT_OF_KIN,      /* K */
    ACTOR_ANALYST,
    ACTOR_ADMIN,
    ACTORS
} actor_kind;

static const char *const actor_names[ACTORS] = {
    "coordinating unit", "coordinator", "coordinator (ended)", "assigned coordinator",
    "coordinator (assignment ended)", "provider",
    "provider (ended)", "person", "representative", "next of kin", "analyst", "admin",
};

typedef enum {
    CALL_READ_PLAN,
    CALL_LIST_GOALS,
    CALL_READ_MEASURE,
    CALL_LIST_MEETINGS,
    CALL_EXPORT,
    CALL_UPDATE_MEASURE,
    CALL_EVALUATE,
    CALL_PROPOSE_GOAL,
    CALL_REGISTER_CONSENT,
    CALL_ACCESS_LOG,
    CALLS
} call_kind;

static const char *const call_names[CALLS] = {
    "read plan", "list goals", "read measure", "list meetings", "export",
    "update measure", "evaluate", "propose goal", "register consent", "access log",
};

/* The matrix: one string of CALLS letters per actor and consent state. */
static const char *const expected[ACTORS][CONSENT_STATES] = {
    /*                      none          all           goals only    expired       withdrawn     S withdrawn */
    [ACTOR_CU] =          {"YYYYYNNNYY", "YYYYYNNNYY", "YYYYYNNNYY", "YYYYYNNNYY", "YYYYYNNNYY", "YYYYYNNNYY"},
    [ACTOR_COORDINATOR] = {"YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN"},
    [ACTOR_COORDINATOR_PAST] =
                          {"NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN"},
    [ACTOR_ASSIGNED] =    {"YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN", "YYYYYYYYYN"},
    [ACTOR_ASSIGNMENT_ENDED] =
                          {"NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN"},
    [ACTOR_PROVIDER] =    {"NNNNNYYNNN", "YYYYYYYNNN", "YYNNNYYNNN", "NNNNNYYNNN", "NNNNNYYNNN", "NNNNNYYNNN"},
    [ACTOR_PROVIDER_PAST] =
                          {"NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN"},
    [ACTOR_PERSON] =      {"YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY"},
    [ACTOR_REPRESENTATIVE] =
                          {"YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY", "YYYYYNNYYY"},
    [ACTOR_NEXT_OF_KIN] = {"NNNNNNNNNN", "YYYYYNNNNN", "YYNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "YYYYYNNNNN"},
    [ACTOR_ANALYST] =     {"NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN"},
    [ACTOR_ADMIN] =       {"NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN", "NNNNNNNNNN"},
};

typedef struct {
    ip_store *store;
    char person[40], guardian[40], kin[40];
    char unit_s[40], unit_e[40], unit_o[40];
    char coordinator[40], coordinator_past[40], coordinator_unit[40];
    char assigned[40], assignment_ended[40];
    char plan[40], person_participant[40], goal[40], measure[40];
} world;

static void copy_id(char dst[40], const char *id)
{
    snprintf(dst, 40, "%s", id);
}

static void practitioner(world *w, const char *unit, const char *given, char out[40])
{
    ip_session *admin = th_admin(w->store);
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *p = NULL;

    f.unit_id = unit;
    f.given_name = given;
    f.family_name = "Testesen";
    th_ok(ip_practitioner_create(&p, admin, &f));
    copy_id(out, ip_practitioner_id(p));
    ip_practitioner_free(p);
    ip_session_free(admin);
}

static void participant(world *w, ip_participant_role role, const char *person,
                        const char *practitioner_id, const char *unit, const char *to,
                        char out[40])
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;
    ip_participant *p = NULL;

    f.plan_id = w->plan;
    f.role = role;
    f.person_id = person;
    f.practitioner_id = practitioner_id;
    f.unit_id = unit;
    f.valid_from = "2025-01-01";
    f.valid_to = to;
    th_ok(ip_participant_create(&p, th_cu_session(w->store), &f));
    if (out)
        copy_id(out, ip_participant_id(p));
    ip_participant_free(p);
}

/* An assignment of kind to practitioner from a day, ended on to (or not). */
static void assign(world *w, ip_coordinator_kind kind, const char *practitioner_id,
                   const char *from, const char *to)
{
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;
    ip_coordinator_assignment *a = NULL;

    f.person_id = w->person;
    f.kind = kind;
    f.practitioner_id = practitioner_id;
    f.appointed_on = from;
    th_ok(ip_coordinator_appoint(&a, th_cu_session(w->store), &f));
    if (to)
        th_ok(ip_coordinator_end(NULL, th_cu_session(w->store), ip_coordinator_id(a),
                                 ip_coordinator_revision(a), to, "Byttet koordinator"));
    ip_coordinator_free(a);
}

static void build(world *w)
{
    ip_session *cu;
    ip_person *p;
    ip_relation_fields rf = IP_RELATION_FIELDS_INIT;
    ip_plan *plan = NULL;
    ip_session *coordinator;
    ip_goal_fields gf = IP_GOAL_FIELDS_INIT;
    ip_measure_fields mf = IP_MEASURE_FIELDS_INIT;
    ip_meeting_fields meet = IP_MEETING_FIELDS_INIT;
    ip_goal *goal = NULL;
    ip_measure *measure = NULL;

    w->store = th_store();
    cu = th_cu_session(w->store);
    copy_id(w->unit_s, th_unit(w->store, "Skolen", IP_SECTOR_SCHOOL, 0));
    copy_id(w->unit_e, th_unit(w->store, "Fysioterapien", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    copy_id(w->unit_o, th_unit(w->store, "NAV", IP_SECTOR_NAV, 0));
    copy_id(w->coordinator_unit, th_cu_unit());
    p = th_person(cu, "1990-01-01", "Person");
    copy_id(w->person, ip_person_id(p));
    ip_person_free(p);
    p = th_person(cu, "1960-01-01", "Verge");
    copy_id(w->guardian, ip_person_id(p));
    ip_person_free(p);
    p = th_person(cu, "1962-01-01", "Pårørende");
    copy_id(w->kin, ip_person_id(p));
    ip_person_free(p);
    rf.person_id = w->person;
    rf.related_id = w->guardian;
    rf.kind = IP_RELATION_GUARDIAN;
    rf.valid_from = "2020-01-01";
    th_ok(ip_relation_create(NULL, cu, &rf));
    rf.related_id = w->kin;
    rf.kind = IP_RELATION_NEXT_OF_KIN;
    th_ok(ip_relation_create(NULL, cu, &rf));

    practitioner(w, w->coordinator_unit, "Koordinator", w->coordinator);
    practitioner(w, w->coordinator_unit, "Tidligere", w->coordinator_past);
    practitioner(w, w->coordinator_unit, "Oppnevnt", w->assigned);
    practitioner(w, w->coordinator_unit, "Avløst", w->assignment_ended);
    assign(w, IP_COORDINATOR, w->assignment_ended, "2025-01-01", "2026-02-01");
    assign(w, IP_COORDINATOR, w->assigned, "2026-02-01", NULL);
    th_ok(ip_plan_create_direct(&plan, cu, w->person, NULL));
    copy_id(w->plan, ip_plan_id(plan));
    ip_plan_free(plan);
    participant(w, IP_PARTICIPANT_PERSON, w->person, NULL, NULL, NULL, w->person_participant);
    participant(w, IP_PARTICIPANT_COORDINATOR, NULL, w->coordinator, NULL, NULL, NULL);
    participant(w, IP_PARTICIPANT_COORDINATOR, NULL, w->coordinator_past, NULL, "2026-01-31", NULL);
    participant(w, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit_s, NULL, NULL);
    participant(w, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit_e, "2026-01-31", NULL);

    coordinator = th_session(w->store, IP_ROLE_COORDINATOR, w->coordinator, w->coordinator_unit);
    gf.plan_id = w->plan;
    gf.text = "Jeg vil klare meg selv";
    gf.expressed_by_id = w->person_participant;
    th_ok(ip_goal_create(&goal, coordinator, &gf));
    copy_id(w->goal, ip_goal_id(goal));
    mf.plan_id = w->plan;
    mf.what = "Tilrettelegging";
    mf.responsible_unit_id = w->unit_s;
    th_ok(ip_measure_create(&measure, coordinator, &mf));
    copy_id(w->measure, ip_measure_id(measure));
    meet.plan_id = w->plan;
    meet.planned_on = "2026-02-01";
    th_ok(ip_meeting_create(NULL, coordinator, &meet));
    ip_goal_free(goal);
    ip_measure_free(measure);
    ip_session_free(coordinator);
}

/* Puts the person's sharing consent in the given state (inside the cell's
 * transaction, which is rolled back afterwards). */
static void set_consent(world *w, consent_state state)
{
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
    ip_withdrawal_fields wd = IP_WITHDRAWAL_FIELDS_INIT;
    const char *givers[] = {w->person};
    const char *units[] = {w->unit_s};
    const char *persons[] = {w->kin};
    ip_consent *c = NULL;

    if (state == CONSENT_NONE)
        return;
    f.person_id = w->person;
    f.kind = IP_CONSENT_SHARING;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = givers;
    f.given_by_count = 1;
    f.recipient_unit_ids = units;
    f.recipient_unit_count = 1;
    f.recipient_person_ids = persons;
    f.recipient_person_count = 1;
    f.sections = state == CONSENT_GOALS_ONLY ? IP_SECTION_GOALS : IP_SECTION_ALL;
    f.purpose = "Samarbeid om planen";
    f.valid_from = "2025-06-01";
    if (state == CONSENT_EXPIRED)
        f.valid_to = "2026-03-01";
    th_ok(ip_consent_create(&c, th_cu_session(w->store), &f));
    if (state == CONSENT_WITHDRAWN || state == CONSENT_S_WITHDRAWN) {
        wd.recipient_id = state == CONSENT_S_WITHDRAWN ? w->unit_s : NULL;
        wd.withdrawn_by_id = w->person;
        wd.form = IP_CONSENT_WRITTEN;
        th_ok(ip_consent_withdraw(NULL, th_cu_session(w->store), ip_consent_id(c),
                                  ip_consent_revision(c), &wd));
    }
    ip_consent_free(c);
}

static ip_session *session_for(world *w, actor_kind actor)
{
    switch (actor) {
    case ACTOR_CU: return th_session(w->store, IP_ROLE_COORDINATING_UNIT, "cw", th_cu_unit());
    case ACTOR_COORDINATOR:
        return th_session(w->store, IP_ROLE_COORDINATOR, w->coordinator, w->coordinator_unit);
    case ACTOR_COORDINATOR_PAST:
        return th_session(w->store, IP_ROLE_COORDINATOR, w->coordinator_past, w->coordinator_unit);
    case ACTOR_ASSIGNED:
        return th_session(w->store, IP_ROLE_COORDINATOR, w->assigned, w->coordinator_unit);
    case ACTOR_ASSIGNMENT_ENDED:
        return th_session(w->store, IP_ROLE_COORDINATOR, w->assignment_ended, w->coordinator_unit);
    case ACTOR_PROVIDER: return th_session(w->store, IP_ROLE_PROVIDER, "teacher", w->unit_s);
    case ACTOR_PROVIDER_PAST: return th_session(w->store, IP_ROLE_PROVIDER, "physio", w->unit_e);
    case ACTOR_PERSON: return th_session(w->store, IP_ROLE_PERSON, w->person, NULL);
    case ACTOR_REPRESENTATIVE:
        return th_session(w->store, IP_ROLE_REPRESENTATIVE, w->guardian, NULL);
    case ACTOR_NEXT_OF_KIN: return th_session(w->store, IP_ROLE_NEXT_OF_KIN, w->kin, NULL);
    case ACTOR_ANALYST: return th_session(w->store, IP_ROLE_ANALYST, "analyst", NULL);
    default: return th_session(w->store, IP_ROLE_ADMIN, "it", NULL);
    }
}

static int run_call(world *w, ip_session *s, call_kind call)
{
    ip_plan *plan = NULL;
    ip_goal_iterator *goals = NULL;
    ip_measure *measure = NULL, *fresh = NULL;
    ip_meeting_iterator *meetings = NULL;
    ip_audit_iterator *log = NULL;
    ip_measure_fields mf = IP_MEASURE_FIELDS_INIT;
    ip_evaluation_fields ef = IP_EVALUATION_FIELDS_INIT;
    ip_goal_fields gf = IP_GOAL_FIELDS_INIT;
    ip_consent_fields cf = IP_CONSENT_FIELDS_INIT;
    const char *givers[] = {w->person};
    const char *units[] = {w->unit_o};
    char *doc = NULL;
    int rc;

    switch (call) {
    case CALL_READ_PLAN:
        rc = ip_plan_get(&plan, s, w->plan);
        ip_plan_free(plan);
        return rc;
    case CALL_LIST_GOALS:
        rc = ip_goal_iterator_new(&goals, s, w->plan);
        ip_goal_iterator_free(goals);
        return rc;
    case CALL_READ_MEASURE:
        rc = ip_measure_get(&measure, s, w->measure);
        ip_measure_free(measure);
        return rc;
    case CALL_LIST_MEETINGS:
        rc = ip_meeting_iterator_new(&meetings, s, w->plan);
        ip_meeting_iterator_free(meetings);
        return rc;
    case CALL_EXPORT:
        rc = ip_plan_export(&doc, NULL, s, w->plan);
        ip_free(doc);
        return rc;
    case CALL_UPDATE_MEASURE:
        /* Read as the coordinator: the cell is about the change, not the read. */
        {
            ip_session *c = session_for(w, ACTOR_COORDINATOR);
            th_ok(ip_measure_get(&fresh, c, w->measure));
            ip_session_free(c);
        }
        mf.plan_id = w->plan;
        mf.what = "Tilrettelegging i klasserommet";
        mf.responsible_unit_id = w->unit_s;
        mf.status = ip_measure_status_of(fresh);
        rc = ip_measure_update(NULL, s, w->measure, ip_measure_revision(fresh), &mf);
        ip_measure_free(fresh);
        return rc;
    case CALL_EVALUATE:
        ef.plan_id = w->plan;
        ef.measure_id = w->measure;
        ef.evaluated_on = TH_TODAY;
        ef.evaluated_by_id = w->person_participant;
        ef.assessment = "Fungerer godt";
        return ip_evaluation_create(NULL, s, &ef);
    case CALL_PROPOSE_GOAL:
        gf.plan_id = w->plan;
        gf.text = "Jeg vil møte venner";
        gf.expressed_by_id = w->person_participant;
        return ip_goal_create(NULL, s, &gf);
    case CALL_REGISTER_CONSENT:
        cf.person_id = w->person;
        cf.kind = IP_CONSENT_SHARING;
        cf.form = IP_CONSENT_ORAL_DOCUMENTED;
        cf.given_by_ids = givers;
        cf.given_by_count = 1;
        cf.recipient_unit_ids = units;
        cf.recipient_unit_count = 1;
        cf.purpose = "Oppfølging fra NAV";
        cf.valid_from = TH_TODAY;
        return ip_consent_create(NULL, s, &cf);
    case CALL_ACCESS_LOG:
        rc = ip_audit_iterator_new(&log, s, w->person);
        ip_audit_iterator_free(log);
        return rc;
    default:
        ck_abort();
        return IP_ERROR;
    }
}

START_TEST(matrix)
{
    world w;
    int cells = 0;

    build(&w);
    for (int c = 0; c < CONSENT_STATES; c++) {
        for (int a = 0; a < ACTORS; a++) {
            for (int k = 0; k < CALLS; k++) {
                ip_session *s;
                bool allowed = expected[a][c][k] == 'Y';
                int denials, rc;

                /* Each cell runs in a transaction rolled back afterwards, so
                 * no cell sees another's consent or writes. */
                th_ok(ip_session_begin(th_cu_session(w.store)));
                set_consent(&w, (consent_state)c);
                s = session_for(&w, (actor_kind)a);
                denials = th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
                rc = run_call(&w, s, (call_kind)k);
                if (allowed)
                    ck_assert_msg(rc == IP_OK, "%s, consent %s, %s: expected allowed, got %d (%s)",
                                  actor_names[a], consent_names[c], call_names[k], rc,
                                  ip_error_last()->message);
                else
                    ck_assert_msg(rc == IP_EDENIED,
                                  "%s, consent %s, %s: expected denied, got %d (%s)",
                                  actor_names[a], consent_names[c], call_names[k], rc,
                                  ip_error_last()->message);
                ip_session_free(s);
                th_ok(ip_session_rollback(th_cu_session(w.store)));
                /* A denial leaves its event even though the cell was rolled
                 * back. */
                if (!allowed)
                    ck_assert_int_eq(
                        th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"),
                        denials + 1);
                cells++;
            }
        }
    }
    ck_assert_int_eq(cells, CONSENT_STATES * ACTORS * CALLS);
    th_close(w.store);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("matrix");
    TCase *tc = tcase_create("matrix");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, matrix);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
