/*
 * The whole-plan loader (a fixed number of queries, children handed to
 * their parents, the person's consents with their givers and recipients,
 * the person's coordinator assignments) and the native document ip-plan/1:
 * its keys, ids, names and nulls, consents, coordinators, deterministic
 * bytes, nested revision documents, the one audit event, and who may
 * export.
 */
#include "harness.h"

#include <cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "plan_content.h"
#include "store/db_internal.h"

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"
#define GOALS 5
#define MEASURES 10
#define PARTICIPANTS 6

/* A plan as the benchmark describes one: 5 goals, 10 measures
 * (each serving two goals), 6 participants, 2 meetings with attendees and
 * agreed actions, evaluations, and (when asked) a revision; the person's
 * consents: to the plan, and to sharing with the two provider units and
 * the next of kin, one unit since withdrawn; and the person's coordinator
 * assignments: a coordinator whose wish was not followed, handed over to
 * the plan's coordinator, and a specialist coordinator registered last. */
typedef struct {
    ip_store *store;
    ip_session *cu;          /* the harness's; freed with the store */
    ip_session *coordinator; /* the plan's coordinator */
    ip_person *person;
    char plan_id[40];
    char unit_id[40];
    char unit2_id[40];
    char practitioner_id[40];
    char participant[PARTICIPANTS][40]; /* coordinator, person, provider,
                                           provider 2, next of kin, other */
    char goal[GOALS][40];
    char measure[MEASURES][40];
    char meeting[2][40];
    char action[3][40]; /* two in meeting 1 (1, 0 made second), one in 0 */
    char evaluation[2][40];
    char kin_id[40];
    char consent[2][40]; /* to the plan, to sharing */
    char hospital_id[40];     /* a specialist health service unit */
    char doctor_id[40];       /* its practitioner */
    char first_coordinator_id[40]; /* handed over to practitioner_id */
    char assignment[3][40];   /* the first coordinator's, the plan
                                 coordinator's, the specialist's: in the
                                 order they were registered */
} world;

static void practitioner_add(ip_store *store, const char *unit_id, const char *given,
                             char out[40])
{
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *p = NULL;
    ip_session *admin = th_admin(store);

    f.unit_id = unit_id;
    f.given_name = given;
    f.family_name = "Hansen";
    th_ok(ip_practitioner_create(&p, admin, &f));
    snprintf(out, 40, "%s", ip_practitioner_id(p));
    ip_practitioner_free(p);
    ip_session_free(admin);
}

static void participant_add(world *w, ip_participant_role role, const char *person_id,
                            const char *practitioner_id, const char *unit_id,
                            const char *name, const char *contribution, char out[40])
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;
    ip_participant *p = NULL;

    f.plan_id = w->plan_id;
    f.role = role;
    f.person_id = person_id;
    f.practitioner_id = practitioner_id;
    f.unit_id = unit_id;
    f.name = name;
    f.responsibility_group = role != IP_PARTICIPANT_OTHER_CONTRIBUTOR;
    f.valid_from = "2026-01-01";
    f.contribution = contribution;
    th_ok(ip_participant_create(&p, w->cu, &f));
    snprintf(out, 40, "%s", ip_participant_id(p));
    ip_participant_free(p);
}

/* An empty draft plan with its coordinator. */
static void world_open(world *w)
{
    ip_plan *plan = NULL;

    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    snprintf(w->unit_id, sizeof w->unit_id, "%s",
             th_unit(w->store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    snprintf(w->unit2_id, sizeof w->unit2_id, "%s",
             th_unit(w->store, "Fysioterapien", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    practitioner_add(w->store, w->unit_id, "Tone", w->practitioner_id);
    w->person = th_person(w->cu, "1980-04-04", "Kari");
    th_ok(ip_plan_create_direct(&plan, w->cu, ip_person_id(w->person), NULL));
    snprintf(w->plan_id, sizeof w->plan_id, "%s", ip_plan_id(plan));
    ip_plan_free(plan);
    participant_add(w, IP_PARTICIPANT_COORDINATOR, NULL, w->practitioner_id, NULL, NULL,
                    NULL, w->participant[0]);
    w->coordinator = th_session(w->store, IP_ROLE_COORDINATOR, w->practitioner_id,
                                w->unit_id);
}

/* The person's consents: to the plan (written, until the end of 2026),
 * then to sharing goals and measures with the two provider units and the
 * next of kin (oral), withdrawn for the first unit on 2026-02-20. Then a
 * consent about another person, which is not in this plan's document. */
static void consents_fill(world *w)
{
    const char *self = ip_person_id(w->person);
    const char *units[] = {w->unit2_id, w->unit_id};
    const char *kin = w->kin_id;
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
    ip_withdrawal_fields wd = IP_WITHDRAWAL_FIELDS_INIT;
    ip_consent *c = NULL;
    ip_person *other;

    f.person_id = self;
    f.kind = IP_CONSENT_PLAN;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = &self;
    f.given_by_count = 1;
    f.purpose = "Utarbeide individuell plan";
    f.valid_from = "2026-01-01";
    f.valid_to = "2026-12-31";
    th_ok(ip_consent_create(&c, w->cu, &f));
    snprintf(w->consent[0], 40, "%s", ip_consent_id(c));
    ip_consent_free(c);
    th_now_ms += 1000;
    f.kind = IP_CONSENT_SHARING;
    f.form = IP_CONSENT_ORAL_DOCUMENTED;
    f.recipient_unit_ids = units;
    f.recipient_unit_count = 2;
    f.recipient_person_ids = &kin;
    f.recipient_person_count = 1;
    f.sections = IP_SECTION_MEASURES | IP_SECTION_GOALS;
    f.purpose = "Samarbeid i ansvarsgruppen";
    f.valid_to = NULL;
    f.note = "Gitt muntlig i møte, notert av koordinator.";
    th_ok(ip_consent_create(&c, w->cu, &f));
    snprintf(w->consent[1], 40, "%s", ip_consent_id(c));
    ip_consent_free(c);
    wd.recipient_id = w->unit_id;
    wd.withdrawn_by_id = self;
    wd.form = IP_CONSENT_WRITTEN;
    wd.withdrawn_on = "2026-02-20";
    th_ok(ip_consent_withdraw(NULL, w->cu, w->consent[1], 1, &wd));
    other = th_person(w->cu, "1970-07-07", "Annen");
    f = (ip_consent_fields)IP_CONSENT_FIELDS_INIT;
    self = ip_person_id(other);
    f.person_id = self;
    f.kind = IP_CONSENT_PLAN;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = &self;
    f.given_by_count = 1;
    f.purpose = "Utarbeide individuell plan";
    f.valid_from = "2026-01-01";
    th_ok(ip_consent_create(NULL, w->cu, &f));
    ip_person_free(other);
}

/* The person's coordinator assignments, in the order registered: a
 * coordinator from 2026-01-01 (the person wished for the plan's
 * coordinator, not followed), handed over on 2026-02-01 to the plan's
 * coordinator (the wish followed, in words); then a specialist coordinator
 * appointed on 2025-12-01, registered last. Then an assignment of another
 * person, which is not in this plan's document. */
static void coordinators_fill(world *w)
{
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;
    ip_coordinator_assignment *a = NULL;
    ip_person *other;

    snprintf(w->hospital_id, sizeof w->hospital_id, "%s",
             th_unit(w->store, "Rehabiliteringsavdelingen", IP_SECTOR_SPECIALIST_HEALTH, 0));
    practitioner_add(w->store, w->hospital_id, "Lege", w->doctor_id);
    practitioner_add(w->store, w->unit_id, "Per", w->first_coordinator_id);
    f.person_id = ip_person_id(w->person);
    f.kind = IP_COORDINATOR;
    f.practitioner_id = w->first_coordinator_id;
    f.appointed_on = "2026-01-01";
    f.wished_practitioner_id = w->practitioner_id;
    f.wish_not_followed_reason = "Ønsket koordinator hadde ikke kapasitet.";
    th_ok(ip_coordinator_appoint(&a, w->cu, &f));
    snprintf(w->assignment[0], 40, "%s", ip_coordinator_id(a));
    ip_coordinator_free(a);
    th_now_ms += 1000;
    f = (ip_coordinator_fields)IP_COORDINATOR_FIELDS_INIT;
    f.person_id = ip_person_id(w->person);
    f.kind = IP_COORDINATOR;
    f.practitioner_id = w->practitioner_id;
    f.appointed_on = "2026-02-01";
    f.wish_note = "Ønsker Tone som koordinator.";
    th_ok(ip_coordinator_handover(&a, w->cu, w->assignment[0], 1, &f, "Per sluttet."));
    snprintf(w->assignment[1], 40, "%s", ip_coordinator_id(a));
    ip_coordinator_free(a);
    th_now_ms += 1000;
    f = (ip_coordinator_fields)IP_COORDINATOR_FIELDS_INIT;
    f.person_id = ip_person_id(w->person);
    f.kind = IP_SPECIALIST_COORDINATOR;
    f.practitioner_id = w->doctor_id;
    f.appointed_on = "2025-12-01";
    th_ok(ip_coordinator_appoint(&a, w->cu, &f));
    snprintf(w->assignment[2], 40, "%s", ip_coordinator_id(a));
    ip_coordinator_free(a);
    other = th_person(w->cu, "1970-07-07", "Annen");
    f = (ip_coordinator_fields)IP_COORDINATOR_FIELDS_INIT;
    f.person_id = ip_person_id(other);
    f.kind = IP_COORDINATOR;
    f.practitioner_id = w->practitioner_id;
    th_ok(ip_coordinator_appoint(NULL, w->cu, &f));
    ip_person_free(other);
}

static void world_fill(world *w)
{
    ip_person *kin = th_person(w->cu, "1955-05-05", "Olga");
    ip_plan_fields pf = IP_PLAN_FIELDS_INIT;
    ip_plan *plan = NULL;

    snprintf(w->kin_id, sizeof w->kin_id, "%s", ip_person_id(kin));
    th_ok(ip_plan_get(&plan, w->cu, w->plan_id));
    pf.period_start = "2026-01-01";
    pf.next_revision_on = "2026-09-01";
    pf.resources = "Liker musikk og turer.";
    pf.needs = "Hjelp til personlig stell.";
    pf.cooperation = "Samarbeid med NAV og fastlege.";
    th_ok(ip_plan_update(NULL, w->coordinator, w->plan_id, ip_plan_revision(plan), &pf));
    ip_plan_free(plan);
    participant_add(w, IP_PARTICIPANT_PERSON, ip_person_id(w->person), NULL, NULL, NULL,
                    "Sier fra når noe ikke fungerer.", w->participant[1]);
    participant_add(w, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit_id, NULL,
                    "Hjemmehjelp.", w->participant[2]);
    participant_add(w, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit2_id, NULL,
                    "Fysioterapi.", w->participant[3]);
    participant_add(w, IP_PARTICIPANT_NEXT_OF_KIN, ip_person_id(kin), NULL, NULL, NULL,
                    NULL, w->participant[4]);
    participant_add(w, IP_PARTICIPANT_OTHER_CONTRIBUTOR, NULL, NULL, NULL, "Frivillig",
                    "Turvenn.", w->participant[5]);
    ip_person_free(kin);
    for (int i = 0; i < GOALS; i++) {
        ip_goal_fields g = IP_GOAL_FIELDS_INIT;
        ip_goal *goal = NULL;
        char text[40];

        snprintf(text, sizeof text, "Mål nummer %d", i + 1);
        g.plan_id = w->plan_id;
        g.text = text;
        g.expressed_by_id = w->participant[1];
        g.status = IP_GOAL_ACTIVE;
        g.parent_id = i > 0 ? w->goal[0] : NULL;
        th_ok(ip_goal_create(&goal, w->coordinator, &g));
        snprintf(w->goal[i], 40, "%s", ip_goal_id(goal));
        ip_goal_free(goal);
    }
    for (int i = 0; i < MEASURES; i++) {
        ip_measure_fields m = IP_MEASURE_FIELDS_INIT;
        ip_measure *measure = NULL;

        m.plan_id = w->plan_id;
        m.what = "Tiltak";
        m.extent = "1 time per uke";
        m.how = i % 2 ? "Hjemmebesøk" : NULL;
        m.responsible_unit_id = i % 2 ? w->unit_id : w->unit2_id;
        th_ok(ip_measure_create(&measure, w->coordinator, &m));
        snprintf(w->measure[i], 40, "%s", ip_measure_id(measure));
        ip_measure_free(measure);
        /* Linked in reverse order of the goals' ids: the loader sorts. */
        th_ok(ip_measure_link_goal(w->coordinator, w->measure[i], w->goal[(i + 1) % GOALS]));
        th_ok(ip_measure_link_goal(w->coordinator, w->measure[i], w->goal[i % GOALS]));
    }
    for (int i = 0; i < 2; i++) {
        ip_meeting_fields f = IP_MEETING_FIELDS_INIT;
        ip_meeting *m = NULL;

        f.plan_id = w->plan_id;
        f.planned_on = i ? "2026-02-15" : "2026-01-15";
        f.held_on = f.planned_on;
        f.minutes = "Referat.";
        th_ok(ip_meeting_create(&m, w->coordinator, &f));
        snprintf(w->meeting[i], 40, "%s", ip_meeting_id(m));
        ip_meeting_free(m);
    }
    th_ok(ip_meeting_add_attendee(w->coordinator, w->meeting[0], w->participant[2]));
    th_ok(ip_meeting_add_attendee(w->coordinator, w->meeting[0], w->participant[1]));
    th_ok(ip_meeting_add_attendee(w->coordinator, w->meeting[1], w->participant[0]));
    for (int i = 0; i < 3; i++) {
        ip_meeting_action_fields f = IP_MEETING_ACTION_FIELDS_INIT;
        ip_meeting_action *a = NULL;

        /* Actions 0 and 2 go to meeting 1, action 1 to meeting 0. */
        f.meeting_id = w->meeting[i == 1 ? 0 : 1];
        f.who_id = w->participant[2];
        f.what = "Avtalt oppgave";
        th_ok(ip_meeting_action_create(&a, w->coordinator, &f));
        snprintf(w->action[i], 40, "%s", ip_meeting_action_id(a));
        ip_meeting_action_free(a);
    }
    for (int i = 0; i < 2; i++) {
        ip_evaluation_fields f = IP_EVALUATION_FIELDS_INIT;
        ip_evaluation *e = NULL;

        f.plan_id = w->plan_id;
        f.goal_id = i ? NULL : w->goal[0];
        f.measure_id = i ? w->measure[0] : NULL;
        f.evaluated_on = "2026-02-15";
        f.evaluated_by_id = w->participant[0];
        f.assessment = "Går bra.";
        f.achievement = i ? (ip_goal_achievement)0 : IP_GOAL_PARTLY_ACHIEVED;
        f.meeting_id = w->meeting[1];
        th_ok(ip_evaluation_create(&e, w->coordinator, &f));
        snprintf(w->evaluation[i], 40, "%s", ip_evaluation_id(e));
        ip_evaluation_free(e);
    }
    consents_fill(w);
    coordinators_fill(w);
}

static void world_close(world *w)
{
    ip_session_free(w->coordinator);
    ip_person_free(w->person);
    th_close(w->store);
}

/* ---------------------------------------------------------------------
 * The loader. */

static int count_statement(unsigned int type, void *ctx, void *p, void *x)
{
    (void)p;
    (void)x;
    if (type == SQLITE_TRACE_STMT)
        ++*(int *)ctx;
    return 0;
}

/* Loads the plan, counting the statements SQLite runs meanwhile. */
static int load_counted(world *w, ip__plan_content **out)
{
    sqlite3 *db = w->cu->store->db->handle;
    int n = 0;

    sqlite3_trace_v2(db, SQLITE_TRACE_STMT, count_statement, &n);
    th_ok(ip__plan_content_load(w->cu, w->plan_id, out));
    sqlite3_trace_v2(db, 0, NULL, NULL);
    return n;
}

START_TEST(test_loader_fixed_number_of_queries)
{
    world w;
    ip__plan_content *c = NULL;
    int small, big;

    world_open(&w);
    small = load_counted(&w, &c);
    ck_assert_uint_eq(c->participant_count, 1);
    ck_assert_uint_eq(c->goal_count, 0);
    ck_assert_uint_eq(c->consent_count, 0);
    ck_assert_uint_eq(c->coordinator_count, 0);
    ip__plan_content_free(c);
    world_fill(&w);
    th_ok(ip_plan_revise(NULL, w.coordinator, w.plan_id, "Første revisjon", w.meeting[1]));
    big = load_counted(&w, &c);
    ck_assert_uint_eq(c->participant_count, PARTICIPANTS);
    ck_assert_uint_eq(c->goal_count, GOALS);
    ck_assert_uint_eq(c->measure_count, MEASURES);
    ck_assert_uint_eq(c->meeting_count, 2);
    ck_assert_uint_eq(c->evaluation_count, 2);
    ck_assert_uint_eq(c->revision_count, 1);
    ck_assert_uint_eq(c->consent_count, 2);
    ck_assert_uint_eq(c->consents[1]->recipient_count, 3);
    ck_assert_uint_eq(c->coordinator_count, 3);
    ip__plan_content_free(c);
    /* One statement per table whatever the plan holds, not one per child. */
    ck_assert_int_eq(small, IP__PLAN_CONTENT_QUERIES);
    ck_assert_int_eq(big, IP__PLAN_CONTENT_QUERIES);
    world_close(&w);
}
END_TEST

static int id_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

START_TEST(test_loader_hands_children_to_parents)
{
    world w;
    ip__plan_content *c = NULL;

    world_open(&w);
    world_fill(&w);
    th_ok(ip__plan_content_load(w.cu, w.plan_id, &c));
    ck_assert_str_eq(c->plan->meta.id, w.plan_id);
    ck_assert_str_eq(c->person->meta.id, ip_person_id(w.person));
    /* Creation order. */
    for (int i = 0; i < PARTICIPANTS; i++)
        ck_assert_str_eq(c->participants[i]->meta.id, w.participant[i]);
    for (int i = 0; i < GOALS; i++)
        ck_assert_str_eq(c->goals[i]->meta.id, w.goal[i]);
    for (int i = 0; i < MEASURES; i++) {
        const char *want[2] = {w.goal[i % GOALS], w.goal[(i + 1) % GOALS]};
        const struct ip_measure *m = c->measures[i];

        ck_assert_str_eq(m->meta.id, w.measure[i]);
        ck_assert_uint_eq(m->goal_count, 2);
        qsort(want, 2, sizeof want[0], id_cmp); /* goal ids come ordered by id */
        ck_assert_str_eq(m->goal_ids[0], want[0]);
        ck_assert_str_eq(m->goal_ids[1], want[1]);
    }
    ck_assert_str_eq(c->meetings[0]->meta.id, w.meeting[0]);
    ck_assert_uint_eq(c->meetings[0]->attendee_count, 2);
    ck_assert_uint_eq(c->meetings[1]->attendee_count, 1);
    ck_assert_str_eq(c->meetings[1]->attendee_ids[0], w.participant[0]);
    ck_assert_uint_eq(c->meetings[0]->action_count, 1);
    ck_assert_str_eq(c->meetings[0]->actions[0]->meta.id, w.action[1]);
    ck_assert_uint_eq(c->meetings[1]->action_count, 2);
    ck_assert_str_eq(c->meetings[1]->actions[0]->meta.id, w.action[0]);
    ck_assert_str_eq(c->meetings[1]->actions[1]->meta.id, w.action[2]);
    ck_assert_str_eq(c->evaluations[0]->meta.id, w.evaluation[0]);
    ck_assert_str_eq(c->evaluations[1]->meta.id, w.evaluation[1]);
    /* The person's consents, not another's, in creation order, with their
     * givers and their recipients (units first, by id; then persons). */
    ck_assert_uint_eq(c->consent_count, 2);
    ck_assert_str_eq(c->consents[0]->meta.id, w.consent[0]);
    ck_assert_int_eq(c->consents[0]->kind, IP_CONSENT_PLAN);
    ck_assert_uint_eq(c->consents[0]->giver_count, 1);
    ck_assert_str_eq(c->consents[0]->giver_ids[0], ip_person_id(w.person));
    ck_assert_uint_eq(c->consents[0]->recipient_count, 0);
    ck_assert_str_eq(c->consents[1]->meta.id, w.consent[1]);
    ck_assert_uint_eq(c->consents[1]->giver_count, 1);
    ck_assert_uint_eq(c->consents[1]->recipient_count, 3);
    {
        const ip__consent_recipient *r = c->consents[1]->recipients;
        const char *u1 = strcmp(w.unit_id, w.unit2_id) < 0 ? w.unit_id : w.unit2_id;
        const char *u2 = u1 == w.unit_id ? w.unit2_id : w.unit_id;

        ck_assert_str_eq(r[0].recipient_id, u1);
        ck_assert_str_eq(r[1].recipient_id, u2);
        ck_assert_int_eq(r[0].is_unit && r[1].is_unit, 1);
        ck_assert_str_eq(r[2].recipient_id, w.kin_id);
        ck_assert_int_eq(r[2].is_unit, 0);
        for (int i = 0; i < 3; i++) {
            if (strcmp(r[i].recipient_id, w.unit_id) == 0)
                ck_assert_str_eq(r[i].withdrawn_on, "2026-02-20");
            else
                ck_assert_ptr_null(r[i].withdrawn_on);
        }
    }
    /* The person's coordinator assignments, not another's, in the order
     * they were registered (not by the day appointed), ended ones too. */
    ck_assert_uint_eq(c->coordinator_count, 3);
    for (int i = 0; i < 3; i++) {
        ck_assert_str_eq(c->coordinators[i]->meta.id, w.assignment[i]);
        ck_assert_str_eq(c->coordinators[i]->person_id, ip_person_id(w.person));
    }
    ck_assert_str_eq(c->coordinators[0]->ended_on, "2026-02-01");
    ck_assert_ptr_null(c->coordinators[1]->ended_on);
    ck_assert_int_eq(c->coordinators[2]->kind, IP_SPECIALIST_COORDINATOR);
    ip__plan_content_free(c);
    world_close(&w);
}
END_TEST

START_TEST(test_loader_unknown_plan)
{
    world w;
    ip__plan_content *c = (ip__plan_content *)&w;

    world_open(&w);
    th_expect(IP_ENOTFOUND, ip__plan_content_load(w.cu, NO_SUCH_ID, &c));
    th_field("plan.id");
    ck_assert_ptr_null(c);
    world_close(&w);
}
END_TEST

/* ---------------------------------------------------------------------
 * The document. */

static cJSON *export_parsed(world *w, ip_session *s)
{
    char *text = NULL;
    size_t len = 0;
    cJSON *doc;

    th_ok(ip_plan_export(&text, &len, s, w->plan_id));
    ck_assert_uint_eq(len, strlen(text));
    doc = cJSON_Parse(text);
    ck_assert_msg(doc != NULL, "the export is not JSON");
    ip_free(text);
    return doc;
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, key);

    ck_assert_msg(item != NULL, "no key %s", key);
    ck_assert_msg(cJSON_IsString(item), "%s is not a string", key);
    return item->valuestring;
}

static void assert_null(const cJSON *o, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, key);

    ck_assert_msg(item != NULL, "no key %s", key);
    ck_assert_msg(cJSON_IsNull(item), "%s is not null", key);
}

static const cJSON *array(const cJSON *o, const char *key, int size)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, key);

    ck_assert_msg(cJSON_IsArray(item), "%s is not an array", key);
    ck_assert_int_eq(cJSON_GetArraySize(item), size);
    return item;
}

/* Every record carries id, revision, created_at and updated_at. */
static void assert_meta(const cJSON *o, const char *id)
{
    const cJSON *revision = cJSON_GetObjectItemCaseSensitive(o, "revision");

    ck_assert_str_eq(str(o, "id"), id);
    ck_assert_msg(cJSON_IsNumber(revision) && revision->valueint >= 1, "bad revision");
    ck_assert_uint_eq(strlen(str(o, "created_at")), 24);
    ck_assert_uint_eq(strlen(str(o, "updated_at")), 24);
}

START_TEST(test_export_top_level_keys)
{
    static const char *const keys[] = {"format", "plan", "person", "goals", "measures",
                                       "participants", "meetings", "evaluations",
                                       "consents", "coordinators", "revisions"};
    world w;
    cJSON *doc;
    const cJSON *item;
    size_t i = 0;

    world_open(&w);
    doc = export_parsed(&w, w.cu);
    cJSON_ArrayForEach(item, doc) {
        ck_assert_uint_lt(i, sizeof keys / sizeof keys[0]);
        ck_assert_str_eq(item->string, keys[i]);
        i++;
    }
    ck_assert_uint_eq(i, sizeof keys / sizeof keys[0]);
    ck_assert_str_eq(str(doc, "format"), "ip-plan/1");
    assert_meta(cJSON_GetObjectItemCaseSensitive(doc, "plan"), w.plan_id);
    assert_meta(cJSON_GetObjectItemCaseSensitive(doc, "person"), ip_person_id(w.person));
    array(doc, "goals", 0);
    array(doc, "participants", 1);
    array(doc, "consents", 0);
    array(doc, "coordinators", 0);
    array(doc, "revisions", 0);
    cJSON_Delete(doc);
    world_close(&w);
}
END_TEST

START_TEST(test_export_records)
{
    world w;
    cJSON *doc;
    const cJSON *plan, *person, *list, *o;
    int i;

    world_open(&w);
    world_fill(&w);
    doc = export_parsed(&w, w.coordinator);
    plan = cJSON_GetObjectItemCaseSensitive(doc, "plan");
    ck_assert_str_eq(str(plan, "person_id"), ip_person_id(w.person));
    ck_assert_str_eq(str(plan, "status"), "draft");
    ck_assert_str_eq(str(plan, "origin"), "direct");
    ck_assert_str_eq(str(plan, "period_start"), "2026-01-01");
    ck_assert_str_eq(str(plan, "needs"), "Hjelp til personlig stell.");
    assert_null(plan, "period_end");
    assert_null(plan, "application_id");
    assert_null(plan, "end_reason");
    assert_null(plan, "ended_on");
    person = cJSON_GetObjectItemCaseSensitive(doc, "person");
    ck_assert_str_eq(str(person, "national_id"), ip_person_national_id(w.person));
    ck_assert_str_eq(str(person, "national_id_kind"), "fnr");
    ck_assert_str_eq(str(person, "given_name"), "Kari");
    assert_null(person, "email");

    list = array(doc, "participants", PARTICIPANTS);
    i = 0;
    cJSON_ArrayForEach(o, list) assert_meta(o, w.participant[i++]);
    o = cJSON_GetArrayItem(list, 0);
    ck_assert_str_eq(str(o, "role"), "coordinator");
    ck_assert_str_eq(str(o, "practitioner_id"), w.practitioner_id);
    ck_assert_str_eq(str(o, "unit_id"), w.unit_id);
    assert_null(o, "person_id");
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "responsibility_group")));
    o = cJSON_GetArrayItem(list, 5);
    ck_assert_str_eq(str(o, "role"), "other_contributor");
    ck_assert_str_eq(str(o, "name"), "Frivillig");
    ck_assert(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(o, "responsibility_group")));

    list = array(doc, "goals", GOALS);
    i = 0;
    cJSON_ArrayForEach(o, list) assert_meta(o, w.goal[i++]);
    o = cJSON_GetArrayItem(list, 1);
    ck_assert_str_eq(str(o, "parent_id"), w.goal[0]);
    ck_assert_str_eq(str(o, "status"), "active");
    ck_assert_str_eq(str(o, "achievement"), "in_progress");
    ck_assert_str_eq(str(o, "expressed_by_id"), w.participant[1]);
    assert_null(cJSON_GetArrayItem(list, 0), "parent_id");

    list = array(doc, "measures", MEASURES);
    i = 0;
    cJSON_ArrayForEach(o, list) {
        const cJSON *goal_ids = array(o, "goal_ids", 2);
        const char *want[2] = {w.goal[i % GOALS], w.goal[(i + 1) % GOALS]};

        assert_meta(o, w.measure[i]);
        qsort(want, 2, sizeof want[0], id_cmp);
        ck_assert_str_eq(cJSON_GetArrayItem(goal_ids, 0)->valuestring, want[0]);
        ck_assert_str_eq(cJSON_GetArrayItem(goal_ids, 1)->valuestring, want[1]);
        ck_assert_str_eq(str(o, "status"), "planned");
        ck_assert_str_eq(str(o, "responsible_unit_id"), i % 2 ? w.unit_id : w.unit2_id);
        if (i % 2)
            ck_assert_str_eq(str(o, "how"), "Hjemmebesøk");
        else
            assert_null(o, "how");
        i++;
    }

    list = array(doc, "meetings", 2);
    o = cJSON_GetArrayItem(list, 0);
    assert_meta(o, w.meeting[0]);
    ck_assert_str_eq(str(o, "planned_on"), "2026-01-15");
    assert_null(o, "next_meeting_on");
    array(o, "attendee_ids", 2);
    o = cJSON_GetArrayItem(array(o, "actions", 1), 0);
    assert_meta(o, w.action[1]);
    ck_assert_str_eq(str(o, "who_id"), w.participant[2]);
    ck_assert_str_eq(str(o, "what"), "Avtalt oppgave");
    assert_null(o, "measure_id");
    o = cJSON_GetArrayItem(list, 1);
    ck_assert_str_eq(cJSON_GetArrayItem(array(o, "attendee_ids", 1), 0)->valuestring,
                     w.participant[0]);
    list = array(o, "actions", 2);
    assert_meta(cJSON_GetArrayItem(list, 0), w.action[0]);
    assert_meta(cJSON_GetArrayItem(list, 1), w.action[2]);

    list = array(doc, "evaluations", 2);
    o = cJSON_GetArrayItem(list, 0);
    assert_meta(o, w.evaluation[0]);
    ck_assert_str_eq(str(o, "goal_id"), w.goal[0]);
    assert_null(o, "measure_id");
    ck_assert_str_eq(str(o, "achievement"), "partly_achieved");
    ck_assert_str_eq(str(o, "meeting_id"), w.meeting[1]);
    o = cJSON_GetArrayItem(list, 1);
    ck_assert_str_eq(str(o, "measure_id"), w.measure[0]);
    assert_null(o, "achievement");
    cJSON_Delete(doc);
    world_close(&w);
}
END_TEST

/* Asserts the keys of o are exactly keys, in that order. */
static void assert_keys(const cJSON *o, const char *const *keys, size_t n)
{
    const cJSON *item;
    size_t i = 0;

    cJSON_ArrayForEach(item, o) {
        ck_assert_uint_lt(i, n);
        ck_assert_str_eq(item->string, keys[i]);
        i++;
    }
    ck_assert_uint_eq(i, n);
}

START_TEST(test_export_consents)
{
    static const char *const keys[] = {
        "id", "revision", "created_at", "updated_at", "kind", "form", "sections",
        "purpose", "valid_from", "valid_to", "note", "registered_by", "withdrawn_on",
        "withdrawn_by_id", "withdrawal_form", "given_by_ids", "recipients"};
    static const char *const recipient_keys[] = {"id", "is_unit", "withdrawn_on",
                                                 "withdrawn_by_id", "withdrawal_form"};
    world w;
    cJSON *doc;
    const cJSON *list, *o, *sections, *recipients, *r;
    const char *person_id;
    int withdrawn = 0;

    world_open(&w);
    world_fill(&w);
    person_id = ip_person_id(w.person);
    doc = export_parsed(&w, w.coordinator);
    list = array(doc, "consents", 2);

    /* The consent to the plan: no sections, no recipients. */
    o = cJSON_GetArrayItem(list, 0);
    assert_keys(o, keys, sizeof keys / sizeof keys[0]);
    assert_meta(o, w.consent[0]);
    ck_assert_str_eq(str(o, "kind"), "plan");
    ck_assert_str_eq(str(o, "form"), "written");
    array(o, "sections", 0);
    ck_assert_str_eq(str(o, "purpose"), "Utarbeide individuell plan");
    ck_assert_str_eq(str(o, "valid_from"), "2026-01-01");
    ck_assert_str_eq(str(o, "valid_to"), "2026-12-31");
    assert_null(o, "note");
    ck_assert_str_eq(str(o, "registered_by"), "case-worker-1");
    assert_null(o, "withdrawn_on");
    assert_null(o, "withdrawn_by_id");
    assert_null(o, "withdrawal_form");
    ck_assert_str_eq(cJSON_GetArrayItem(array(o, "given_by_ids", 1), 0)->valuestring,
                     person_id);
    array(o, "recipients", 0);

    /* The sharing consent: sections as names in a fixed order, recipients
     * with the one withdrawn. */
    o = cJSON_GetArrayItem(list, 1);
    assert_keys(o, keys, sizeof keys / sizeof keys[0]);
    assert_meta(o, w.consent[1]);
    ck_assert_str_eq(str(o, "kind"), "sharing");
    ck_assert_str_eq(str(o, "form"), "oral_documented");
    sections = array(o, "sections", 2);
    ck_assert_str_eq(cJSON_GetArrayItem(sections, 0)->valuestring, "goals");
    ck_assert_str_eq(cJSON_GetArrayItem(sections, 1)->valuestring, "measures");
    assert_null(o, "valid_to");
    ck_assert_str_eq(str(o, "note"), "Gitt muntlig i møte, notert av koordinator.");
    assert_null(o, "withdrawn_on");
    assert_null(o, "withdrawal_form");
    recipients = array(o, "recipients", 3);
    cJSON_ArrayForEach(r, recipients) {
        const cJSON *is_unit = cJSON_GetObjectItemCaseSensitive(r, "is_unit");

        assert_keys(r, recipient_keys, sizeof recipient_keys / sizeof recipient_keys[0]);
        ck_assert(cJSON_IsBool(is_unit));
        if (strcmp(str(r, "id"), w.unit_id) == 0) {
            withdrawn++;
            ck_assert_str_eq(str(r, "withdrawn_on"), "2026-02-20");
            ck_assert_str_eq(str(r, "withdrawn_by_id"), person_id);
            ck_assert_str_eq(str(r, "withdrawal_form"), "written");
        } else {
            assert_null(r, "withdrawn_on");
            assert_null(r, "withdrawn_by_id");
            assert_null(r, "withdrawal_form");
        }
    }
    ck_assert_int_eq(withdrawn, 1);
    r = cJSON_GetArrayItem(recipients, 2);
    ck_assert_str_eq(str(r, "id"), w.kin_id);
    ck_assert(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(r, "is_unit")));
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(recipients, 0),
                                                            "is_unit")));
    cJSON_Delete(doc);
    world_close(&w);
}
END_TEST

START_TEST(test_export_coordinators)
{
    static const char *const keys[] = {
        "id", "revision", "created_at", "updated_at", "kind", "practitioner_id", "unit_id",
        "application_id", "appointed_on", "appointed_by", "wished_practitioner_id",
        "wish_note", "wish_not_followed_reason", "ended_on", "end_reason"};
    world w;
    cJSON *doc;
    const cJSON *list, *o;

    world_open(&w);
    world_fill(&w);
    doc = export_parsed(&w, w.coordinator);
    list = array(doc, "coordinators", 3);
    for (int i = 0; i < 3; i++) {
        o = cJSON_GetArrayItem(list, i);
        assert_keys(o, keys, sizeof keys / sizeof keys[0]);
        assert_meta(o, w.assignment[i]);
        assert_null(o, "application_id");
        ck_assert_str_eq(str(o, "appointed_by"), "case-worker-1");
    }

    /* Handed over: ended, with why; the wish not followed, and its reason. */
    o = cJSON_GetArrayItem(list, 0);
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(o, "revision")->valueint, 2);
    ck_assert_str_eq(str(o, "kind"), "coordinator");
    ck_assert_str_eq(str(o, "practitioner_id"), w.first_coordinator_id);
    ck_assert_str_eq(str(o, "unit_id"), w.unit_id);
    ck_assert_str_eq(str(o, "appointed_on"), "2026-01-01");
    ck_assert_str_eq(str(o, "wished_practitioner_id"), w.practitioner_id);
    assert_null(o, "wish_note");
    ck_assert_str_eq(str(o, "wish_not_followed_reason"),
                     "Ønsket koordinator hadde ikke kapasitet.");
    ck_assert_str_eq(str(o, "ended_on"), "2026-02-01");
    ck_assert_str_eq(str(o, "end_reason"), "Per sluttet.");

    /* The coordinator now: active (ended_on and end_reason null). */
    o = cJSON_GetArrayItem(list, 1);
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(o, "revision")->valueint, 1);
    ck_assert_str_eq(str(o, "practitioner_id"), w.practitioner_id);
    ck_assert_str_eq(str(o, "appointed_on"), "2026-02-01");
    assert_null(o, "wished_practitioner_id");
    ck_assert_str_eq(str(o, "wish_note"), "Ønsker Tone som koordinator.");
    assert_null(o, "wish_not_followed_reason");
    assert_null(o, "ended_on");
    assert_null(o, "end_reason");

    /* The specialist coordinator: appointed before the others, listed
     * after them (creation order). */
    o = cJSON_GetArrayItem(list, 2);
    ck_assert_str_eq(str(o, "kind"), "specialist_coordinator");
    ck_assert_str_eq(str(o, "practitioner_id"), w.doctor_id);
    ck_assert_str_eq(str(o, "unit_id"), w.hospital_id);
    ck_assert_str_eq(str(o, "appointed_on"), "2025-12-01");
    assert_null(o, "ended_on");
    cJSON_Delete(doc);
    world_close(&w);
}
END_TEST

/* An application that granted the coordinator is named; a child
 * coordinator has its own kind name. */
START_TEST(test_export_coordinator_from_application)
{
    world w;
    ip_application_fields af = IP_APPLICATION_FIELDS_INIT;
    ip_outcome_fields of = IP_OUTCOME_FIELDS_INIT;
    ip_coordinator_fields f = IP_COORDINATOR_FIELDS_INIT;
    ip_application *app = NULL;
    ip_person *child;
    ip_plan *plan = NULL;
    const char *child_id;
    int64_t revision;
    cJSON *doc;
    const cJSON *o;

    world_open(&w);
    child = th_person(w.cu, "2015-05-05", "Lilje");
    child_id = ip_person_id(child);
    af.person_id = child_id;
    af.requests = IP_REQUEST_CHILD_COORDINATOR | IP_REQUEST_PLAN;
    af.received_on = "2026-02-01";
    af.signed_by_id = child_id;
    th_ok(ip_application_create(&app, w.cu, &af));
    revision = ip_application_revision(app);
    of.outcome = IP_OUTCOME_GRANTED;
    of.form = IP_OUTCOME_FORM_DECISION;
    th_ok(ip_application_decide(&revision, w.cu, ip_application_id(app), revision,
                                IP_REQUEST_CHILD_COORDINATOR, &of));
    th_ok(ip_application_decide(&revision, w.cu, ip_application_id(app), revision,
                                IP_REQUEST_PLAN, &of));
    th_ok(ip_plan_create(&plan, w.cu, ip_application_id(app), NULL));
    f.person_id = child_id;
    f.kind = IP_CHILD_COORDINATOR;
    f.practitioner_id = w.practitioner_id;
    f.application_id = ip_application_id(app);
    th_ok(ip_coordinator_appoint(NULL, w.cu, &f));
    snprintf(w.plan_id, sizeof w.plan_id, "%s", ip_plan_id(plan));
    doc = export_parsed(&w, w.cu);
    o = cJSON_GetArrayItem(array(doc, "coordinators", 1), 0);
    ck_assert_str_eq(str(o, "kind"), "child_coordinator");
    ck_assert_str_eq(str(o, "application_id"), ip_application_id(app));
    ck_assert_str_eq(str(o, "appointed_on"), TH_TODAY);
    assert_null(o, "ended_on");
    cJSON_Delete(doc);
    ip_plan_free(plan);
    ip_application_free(app);
    ip_person_free(child);
    world_close(&w);
}
END_TEST

/* A whole withdrawal is in the document; every section named when a
 * sharing consent opens all of them. */
START_TEST(test_export_consent_withdrawn_whole)
{
    static const char *const all[] = {"goals", "measures", "meetings", "participants",
                                      "evaluations"};
    world w;
    const char *self, *unit;
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;
    ip_withdrawal_fields wd = IP_WITHDRAWAL_FIELDS_INIT;
    ip_consent *c = NULL;
    cJSON *doc;
    const cJSON *o, *sections;

    world_open(&w);
    self = ip_person_id(w.person);
    unit = w.unit_id;
    f.person_id = self;
    f.kind = IP_CONSENT_SHARING;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = &self;
    f.given_by_count = 1;
    f.recipient_unit_ids = &unit;
    f.recipient_unit_count = 1;
    f.purpose = "Samarbeid";
    f.valid_from = "2026-02-01";
    th_ok(ip_consent_create(&c, w.cu, &f));
    wd.withdrawn_by_id = self;
    wd.form = IP_CONSENT_ORAL_DOCUMENTED;
    th_ok(ip_consent_withdraw(NULL, w.cu, ip_consent_id(c), 1, &wd));
    doc = export_parsed(&w, w.cu);
    o = cJSON_GetArrayItem(array(doc, "consents", 1), 0);
    assert_meta(o, ip_consent_id(c));
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(o, "revision")->valueint, 2);
    sections = array(o, "sections", 5);
    for (int i = 0; i < 5; i++)
        ck_assert_str_eq(cJSON_GetArrayItem(sections, i)->valuestring, all[i]);
    ck_assert_str_eq(str(o, "withdrawn_on"), TH_TODAY);
    ck_assert_str_eq(str(o, "withdrawn_by_id"), self);
    ck_assert_str_eq(str(o, "withdrawal_form"), "oral_documented");
    /* The recipient row itself was not withdrawn on its own. */
    assert_null(cJSON_GetArrayItem(array(o, "recipients", 1), 0), "withdrawn_on");
    cJSON_Delete(doc);
    ip_consent_free(c);
    world_close(&w);
}
END_TEST

START_TEST(test_export_same_bytes_twice)
{
    world w;
    char *first = NULL, *second = NULL;
    size_t first_len = 0;

    world_open(&w);
    world_fill(&w);
    th_ok(ip_plan_revise(NULL, w.coordinator, w.plan_id, "Etter møtet", NULL));
    th_ok(ip_plan_export(&first, &first_len, w.coordinator, w.plan_id));
    /* Another session, another moment, and no length wanted. */
    th_now_ms += 3600 * 1000;
    th_ok(ip_plan_export(&second, NULL, w.cu, w.plan_id));
    ck_assert_uint_eq(first_len, strlen(second));
    ck_assert_str_eq(first, second);
    ip_free(first);
    ip_free(second);
    world_close(&w);
}
END_TEST

START_TEST(test_export_nests_revision_documents)
{
    world w;
    ip_revision *first = NULL, *second = NULL;
    cJSON *doc, *frozen;
    const cJSON *revisions, *nested, *inner;
    char *again;

    world_open(&w);
    world_fill(&w);
    th_ok(ip_plan_revise(&first, w.coordinator, w.plan_id, "Første", w.meeting[0]));
    th_ok(ip_plan_revise(&second, w.coordinator, w.plan_id, "Andre", NULL));
    doc = export_parsed(&w, w.cu);
    revisions = array(doc, "revisions", 2);
    nested = cJSON_GetArrayItem(revisions, 0);
    assert_meta(nested, ip_revision_id(first));
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(nested, "number")->valueint, 1);
    ck_assert_str_eq(str(nested, "reason"), "Første");
    ck_assert_str_eq(str(nested, "author_id"), w.practitioner_id);
    ck_assert_str_eq(str(nested, "meeting_id"), w.meeting[0]);
    /* The nested document is the frozen one, whole. */
    frozen = cJSON_Parse(ip_revision_document(first));
    ck_assert_ptr_nonnull(frozen);
    ck_assert(cJSON_Compare(cJSON_GetObjectItemCaseSensitive(nested, "document"), frozen, 1));
    cJSON_Delete(frozen);
    /* Printed compact again, it is byte for byte the text the store holds
     * (what an importer restores). */
    again = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(nested, "document"));
    ck_assert_str_eq(again, ip_revision_document(first));
    cJSON_free(again);
    /* It froze the coordinator assignments as they stood. */
    array(cJSON_GetObjectItemCaseSensitive(nested, "document"), "coordinators", 3);
    /* Revision 2 froze a document listing revision 1 without its document. */
    nested = cJSON_GetArrayItem(revisions, 1);
    assert_null(nested, "meeting_id");
    inner = array(cJSON_GetObjectItemCaseSensitive(nested, "document"), "revisions", 1);
    assert_meta(cJSON_GetArrayItem(inner, 0), ip_revision_id(first));
    assert_null(cJSON_GetArrayItem(inner, 0), "document");
    cJSON_Delete(doc);
    ip_revision_free(first);
    ip_revision_free(second);
    world_close(&w);
}
END_TEST

START_TEST(test_export_is_one_audited_export)
{
    world w;
    char *text = NULL;
    char sql[512];
    int before;

    world_open(&w);
    world_fill(&w);
    before = th_count("SELECT count(*) FROM audit_event");
    th_ok(ip_plan_export(&text, NULL, w.coordinator, w.plan_id));
    ip_free(text);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event"), before + 1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_event WHERE seq = (SELECT max(seq) FROM audit_event)"
             " AND action = 'export' AND object_kind = 'plan' AND object_id = '%s'"
             " AND person_id = '%s' AND outcome = 'allowed'",
             w.plan_id, ip_person_id(w.person));
    ck_assert_int_eq(th_count(sql), 1);
    world_close(&w);
}
END_TEST

START_TEST(test_export_who_may)
{
    world w;
    char *text = NULL;
    size_t len = 99;
    ip_session *person, *provider, *other;
    ip_person *someone;
    char sql[512];

    world_open(&w);
    world_fill(&w);
    person = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.person), NULL);
    th_ok(ip_plan_export(&text, NULL, person, w.plan_id));
    ip_free(text);
    /* A provider of the plan, under a sharing consent for goals and
     * measures only: an export is the whole plan. */
    provider = th_session(w.store, IP_ROLE_PROVIDER, "physio-7", w.unit2_id);
    text = (char *)"untouched";
    th_expect(IP_EDENIED, ip_plan_export(&text, &len, provider, w.plan_id));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "provider.sharing_consent"));
    ck_assert_ptr_null(text);
    ck_assert_uint_eq(len, 0);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
             " AND object_kind = 'plan' AND object_id = '%s'", w.plan_id);
    ck_assert_int_eq(th_count(sql), 1);
    /* Another person. */
    someone = th_person(w.cu, "1970-07-07", "Per");
    other = th_session(w.store, IP_ROLE_PERSON, ip_person_id(someone), NULL);
    th_expect(IP_EDENIED, ip_plan_export(&text, NULL, other, w.plan_id));
    ck_assert_int_eq(th_count(sql), 2);
    ip_session_free(other);
    ip_person_free(someone);
    ip_session_free(provider);
    ip_session_free(person);
    world_close(&w);
}
END_TEST

START_TEST(test_export_bad_arguments)
{
    world w;
    char *text = NULL;

    world_open(&w);
    th_expect(IP_EINVALID, ip_plan_export(NULL, NULL, w.cu, w.plan_id));
    th_expect(IP_EINVALID, ip_plan_export(&text, NULL, NULL, w.plan_id));
    th_expect(IP_EINVALID, ip_plan_export(&text, NULL, w.cu, "nope"));
    th_field("plan.id");
    th_expect(IP_ENOTFOUND, ip_plan_export(&text, NULL, w.cu, NO_SUCH_ID));
    th_field("plan.id");
    ck_assert_ptr_null(text);
    world_close(&w);
}
END_TEST

/* Runs sql on the test store's file through a connection of its own. */
static int raw_exec(const char *sql)
{
    sqlite3 *db;
    int rc;

    ck_assert_int_eq(sqlite3_open(th_path("store.db"), &db), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
    return rc;
}

START_TEST(test_export_damaged_revision_document)
{
    world w;
    char *text = NULL;

    world_open(&w);
    th_ok(ip_plan_revise(NULL, w.coordinator, w.plan_id, "Første", NULL));
    /* Only by removing the store's guard can a revision be changed. */
    ck_assert_int_eq(raw_exec("DROP TRIGGER plan_revision_immutable;"
                              "UPDATE plan_revision SET document = '{\"cut:'"),
                     SQLITE_OK);
    th_expect(IP_ECORRUPT, ip_plan_export(&text, NULL, w.cu, w.plan_id));
    th_field("plan_revision.document");
    ck_assert_ptr_null(text);
    world_close(&w);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("native");
    TCase *loader = tcase_create("loader");
    TCase *document = tcase_create("document");

    tcase_add_checked_fixture(loader, th_setup, th_teardown);
    tcase_add_test(loader, test_loader_fixed_number_of_queries);
    tcase_add_test(loader, test_loader_hands_children_to_parents);
    tcase_add_test(loader, test_loader_unknown_plan);
    suite_add_tcase(s, loader);

    tcase_add_checked_fixture(document, th_setup, th_teardown);
    tcase_add_test(document, test_export_top_level_keys);
    tcase_add_test(document, test_export_records);
    tcase_add_test(document, test_export_consents);
    tcase_add_test(document, test_export_consent_withdrawn_whole);
    tcase_add_test(document, test_export_coordinators);
    tcase_add_test(document, test_export_coordinator_from_application);
    tcase_add_test(document, test_export_same_bytes_twice);
    tcase_add_test(document, test_export_nests_revision_documents);
    tcase_add_test(document, test_export_is_one_audited_export);
    tcase_add_test(document, test_export_who_may);
    tcase_add_test(document, test_export_bad_arguments);
    tcase_add_test(document, test_export_damaged_revision_document);
    suite_add_tcase(s, document);
    return s;
}

TH_MAIN()
