/*
 * Revisions: numbering, the frozen document, history that is never
 * rewritten (the store refuses changes), reading earlier revisions back
 * whole after the plan changed, the ended plan, bad input, and who may.
 */
#include "harness.h"

#include <cJSON.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"

typedef struct {
    ip_store *store;
    ip_session *cu;          /* the harness's; freed with the store */
    ip_session *coordinator; /* the plan's coordinator */
    ip_person *person;
    char plan_id[40];
    char unit_id[40];
    char practitioner_id[40];
    char person_pid[40];
    char meeting_id[40];
} world;

static void participant_add(ip_session *s, const char *plan_id, ip_participant_role role,
                            const char *person_id, const char *practitioner_id,
                            const char *unit_id, char out[40])
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;
    ip_participant *p = NULL;

    f.plan_id = plan_id;
    f.role = role;
    f.person_id = person_id;
    f.practitioner_id = practitioner_id;
    f.unit_id = unit_id;
    f.responsibility_group = 1;
    f.valid_from = "2026-01-01";
    th_ok(ip_participant_create(&p, s, &f));
    if (out)
        snprintf(out, 40, "%s", ip_participant_id(p));
    ip_participant_free(p);
}

static char *plan_of(ip_session *cu, const ip_person *person, const ip_plan_fields *f,
                     char out[40])
{
    ip_plan *plan = NULL;

    th_ok(ip_plan_create_direct(&plan, cu, ip_person_id(person), f));
    snprintf(out, 40, "%s", ip_plan_id(plan));
    ip_plan_free(plan);
    return out;
}

/* A draft plan with resources, a coordinator, the person, a provider and
 * one held meeting. */
static void world_open(world *w)
{
    ip_plan_fields pf = IP_PLAN_FIELDS_INIT;
    ip_meeting_fields mf = IP_MEETING_FIELDS_INIT;
    ip_meeting *meeting = NULL;

    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    snprintf(w->unit_id, sizeof w->unit_id, "%s",
             th_unit(w->store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    th_practitioner(w->store, w->unit_id, "Tone", "Hansen", w->practitioner_id);
    w->person = th_person(w->cu, "1980-04-04", "Kari");
    pf.resources = "Liker musikk.";
    plan_of(w->cu, w->person, &pf, w->plan_id);
    participant_add(w->cu, w->plan_id, IP_PARTICIPANT_COORDINATOR, NULL,
                    w->practitioner_id, NULL, NULL);
    participant_add(w->cu, w->plan_id, IP_PARTICIPANT_PERSON, ip_person_id(w->person),
                    NULL, NULL, w->person_pid);
    participant_add(w->cu, w->plan_id, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit_id,
                    NULL);
    w->coordinator = th_session(w->store, IP_ROLE_COORDINATOR, w->practitioner_id,
                                w->unit_id);
    mf.plan_id = w->plan_id;
    mf.planned_on = "2026-02-20";
    mf.held_on = "2026-02-20";
    th_ok(ip_meeting_create(&meeting, w->coordinator, &mf));
    snprintf(w->meeting_id, sizeof w->meeting_id, "%s", ip_meeting_id(meeting));
    ip_meeting_free(meeting);
}

static void world_close(world *w)
{
    ip_session_free(w->coordinator);
    ip_person_free(w->person);
    th_close(w->store);
}

static int revision_rows(void)
{
    return th_count("SELECT count(*) FROM plan_revision");
}

START_TEST(test_revise_numbers_and_records)
{
    world w;
    ip_revision *first = NULL, *second = NULL;
    cJSON *doc;

    world_open(&w);
    th_ok(ip_plan_revise(&first, w.coordinator, w.plan_id, "Etter ansvarsgruppemøtet",
                         w.meeting_id));
    ck_assert_int_eq(ip_revision_number(first), 1);
    ck_assert_str_eq(ip_revision_plan_id(first), w.plan_id);
    ck_assert_str_eq(ip_revision_reason(first), "Etter ansvarsgruppemøtet");
    ck_assert_str_eq(ip_revision_author_id(first), w.practitioner_id);
    ck_assert_str_eq(ip_revision_meeting_id(first), w.meeting_id);
    ck_assert_str_eq(ip_revision_made_at(first), "2026-03-02T10:00:00.000Z");
    ck_assert_uint_eq(strlen(ip_revision_id(first)), 36);
    doc = cJSON_Parse(ip_revision_document(first));
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(doc, "format")->valuestring,
                     "ip-plan/1");
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(
                         cJSON_GetObjectItemCaseSensitive(doc, "plan"), "id")->valuestring,
                     w.plan_id);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "participants")),
                     3);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "revisions")), 0);
    cJSON_Delete(doc);

    th_now_ms += 60 * 1000;
    th_ok(ip_plan_revise(&second, w.coordinator, w.plan_id, "Ny periode", ""));
    ck_assert_int_eq(ip_revision_number(second), 2);
    ck_assert_ptr_null(ip_revision_meeting_id(second));
    ck_assert_str_eq(ip_revision_made_at(second), "2026-03-02T10:01:00.000Z");
    ck_assert_int_eq(revision_rows(), 2);
    /* Revisions of another plan count from 1 on their own. */
    {
        ip_person *other = th_person(w.cu, "1990-09-09", "Per");
        ip_revision *r = NULL;
        char plan_id[40];

        plan_of(w.cu, other, NULL, plan_id);
        participant_add(w.cu, plan_id, IP_PARTICIPANT_COORDINATOR, NULL, w.practitioner_id,
                        NULL, NULL);
        th_ok(ip_plan_revise(&r, w.coordinator, plan_id, "Første", NULL));
        ck_assert_int_eq(ip_revision_number(r), 1);
        ip_revision_free(r);
        ip_person_free(other);
    }
    ip_revision_free(first);
    ip_revision_free(second);
    world_close(&w);
}
END_TEST

START_TEST(test_earlier_revision_reads_back_unchanged)
{
    world w;
    ip_revision *first = NULL, *second = NULL, *read = NULL;
    ip_plan *plan = NULL;
    ip_plan_fields pf = IP_PLAN_FIELDS_INIT;
    ip_goal_fields gf = IP_GOAL_FIELDS_INIT;
    char *frozen;

    world_open(&w);
    th_ok(ip_plan_revise(&first, w.coordinator, w.plan_id, "Første", NULL));
    frozen = strdup(ip_revision_document(first));
    /* The plan changes: new resources, a goal, then a second revision. */
    th_ok(ip_plan_get(&plan, w.cu, w.plan_id));
    pf.resources = "Har fått ny jobb.";
    th_ok(ip_plan_update(NULL, w.coordinator, w.plan_id, ip_plan_revision(plan), &pf));
    ip_plan_free(plan);
    gf.plan_id = w.plan_id;
    gf.text = "Beholde jobben.";
    gf.expressed_by_id = w.person_pid;
    th_ok(ip_goal_create(NULL, w.coordinator, &gf));
    th_ok(ip_plan_revise(&second, w.coordinator, w.plan_id, "Andre", NULL));
    ck_assert_ptr_nonnull(strstr(ip_revision_document(second), "Har fått ny jobb."));
    ck_assert_ptr_nonnull(strstr(ip_revision_document(second), "Beholde jobben."));
    /* The first reads back exactly as it was frozen. */
    th_ok(ip_revision_get(&read, w.cu, ip_revision_id(first)));
    ck_assert_str_eq(ip_revision_document(read), frozen);
    ck_assert_ptr_null(strstr(ip_revision_document(read), "Har fått ny jobb."));
    ck_assert_ptr_nonnull(strstr(ip_revision_document(read), "Liker musikk."));
    ck_assert_int_eq(ip_revision_number(read), 1);
    ck_assert_str_eq(ip_revision_reason(read), "Første");
    ip_revision_free(read);
    free(frozen);
    ip_revision_free(first);
    ip_revision_free(second);
    world_close(&w);
}
END_TEST

START_TEST(test_later_revision_lists_earlier_without_documents)
{
    world w;
    ip_revision *first = NULL, *second = NULL;
    cJSON *doc;
    const cJSON *revisions, *entry;

    world_open(&w);
    th_ok(ip_plan_revise(&first, w.coordinator, w.plan_id, "Første", w.meeting_id));
    th_ok(ip_plan_revise(&second, w.coordinator, w.plan_id, "Andre", NULL));
    doc = cJSON_Parse(ip_revision_document(second));
    ck_assert_ptr_nonnull(doc);
    revisions = cJSON_GetObjectItemCaseSensitive(doc, "revisions");
    ck_assert_int_eq(cJSON_GetArraySize(revisions), 1);
    entry = cJSON_GetArrayItem(revisions, 0);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(entry, "id")->valuestring,
                     ip_revision_id(first));
    ck_assert_int_eq(cJSON_GetObjectItemCaseSensitive(entry, "number")->valueint, 1);
    ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(entry, "meeting_id")->valuestring,
                     w.meeting_id);
    ck_assert(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(entry, "document")));
    cJSON_Delete(doc);
    ip_revision_free(first);
    ip_revision_free(second);
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

START_TEST(test_store_refuses_to_change_a_revision)
{
    world w;
    ip_revision *r = NULL, *read = NULL;
    char *frozen;

    world_open(&w);
    th_ok(ip_plan_revise(&r, w.coordinator, w.plan_id, "Første", NULL));
    frozen = strdup(ip_revision_document(r));
    ck_assert_int_eq(raw_exec("UPDATE plan_revision SET reason = 'Omskrevet'"),
                     SQLITE_CONSTRAINT);
    ck_assert_int_eq(raw_exec("UPDATE plan_revision SET document = '{}'"), SQLITE_CONSTRAINT);
    ck_assert_int_eq(raw_exec("DELETE FROM plan_revision"), SQLITE_CONSTRAINT);
    ck_assert_int_eq(revision_rows(), 1);
    th_ok(ip_revision_get(&read, w.cu, ip_revision_id(r)));
    ck_assert_str_eq(ip_revision_reason(read), "Første");
    ck_assert_str_eq(ip_revision_document(read), frozen);
    free(frozen);
    ip_revision_free(read);
    ip_revision_free(r);
    world_close(&w);
}
END_TEST

START_TEST(test_iterator_by_number)
{
    world w;
    ip_revision_iterator *it = NULL;
    ip_revision *r = NULL;
    int64_t n = 0;

    world_open(&w);
    for (int i = 0; i < 3; i++)
        th_ok(ip_plan_revise(NULL, w.coordinator, w.plan_id, "Revisjon", NULL));
    th_ok(ip_revision_iterator_new(&it, w.cu, w.plan_id));
    while (ip_revision_next(&r, it) == IP_OK) {
        ck_assert_int_eq(ip_revision_number(r), ++n);
        ck_assert_str_eq(ip_revision_plan_id(r), w.plan_id);
        ip_revision_free(r);
    }
    ck_assert_int_eq(n, 3);
    th_expect(IP_ITEROVER, ip_revision_next(&r, it));
    ck_assert_ptr_null(r);
    ip_revision_iterator_free(it);
    /* A plan without revisions lists none. */
    {
        ip_person *other = th_person(w.cu, "1990-09-09", "Per");
        char plan_id[40];

        plan_of(w.cu, other, NULL, plan_id);
        th_ok(ip_revision_iterator_new(&it, w.cu, plan_id));
        th_expect(IP_ITEROVER, ip_revision_next(&r, it));
        ip_revision_iterator_free(it);
        ip_person_free(other);
    }
    th_expect(IP_ENOTFOUND, ip_revision_iterator_new(&it, w.cu, NO_SUCH_ID));
    th_field("plan_revision.plan_id");
    ck_assert_ptr_null(it);
    th_expect(IP_EINVALID, ip_revision_iterator_new(&it, w.cu, "x"));
    th_field("plan_revision.plan_id");
    ip_revision_iterator_free(NULL);
    world_close(&w);
}
END_TEST

START_TEST(test_ended_plan_is_not_revised)
{
    world w;
    ip_plan *plan = NULL;
    ip_revision *r = NULL;

    world_open(&w);
    th_ok(ip_plan_revise(NULL, w.coordinator, w.plan_id, "Før slutt", NULL));
    th_ok(ip_plan_get(&plan, w.cu, w.plan_id));
    th_ok(ip_plan_end(NULL, w.cu, w.plan_id, ip_plan_revision(plan), IP_PLAN_END_NEED_ENDED,
                      NULL, NULL));
    ip_plan_free(plan);
    th_expect(IP_ESTATE, ip_plan_revise(&r, w.coordinator, w.plan_id, "Etter slutt", NULL));
    th_field("plan_revision.plan_id");
    ck_assert_ptr_null(r);
    ck_assert_int_eq(revision_rows(), 1);
    world_close(&w);
}
END_TEST

START_TEST(test_bad_input)
{
    world w;
    ip_revision *r = NULL;
    char long_reason[1100];
    char other_meeting[40], other_plan[40];
    ip_person *other;

    world_open(&w);
    th_expect(IP_EINVALID, ip_plan_revise(&r, NULL, w.plan_id, "Grunn", NULL));
    th_expect(IP_EINVALID, ip_plan_revise(&r, w.coordinator, "plan", "Grunn", NULL));
    th_field("plan_revision.plan_id");
    th_expect(IP_ENOTFOUND, ip_plan_revise(&r, w.coordinator, NO_SUCH_ID, "Grunn", NULL));
    th_field("plan_revision.plan_id");
    th_expect(IP_EINVALID, ip_plan_revise(&r, w.coordinator, w.plan_id, NULL, NULL));
    th_field("plan_revision.reason");
    th_expect(IP_EINVALID, ip_plan_revise(&r, w.coordinator, w.plan_id, "", NULL));
    th_field("plan_revision.reason");
    memset(long_reason, 'x', sizeof long_reason - 1);
    long_reason[sizeof long_reason - 1] = '\0';
    th_expect(IP_EINVALID, ip_plan_revise(&r, w.coordinator, w.plan_id, long_reason, NULL));
    th_field("plan_revision.reason");
    th_expect(IP_EINVALID, ip_plan_revise(&r, w.coordinator, w.plan_id, "Grunn", "møte"));
    th_field("plan_revision.meeting_id");
    th_expect(IP_ENOTFOUND, ip_plan_revise(&r, w.coordinator, w.plan_id, "Grunn", NO_SUCH_ID));
    th_field("plan_revision.meeting_id");
    /* A meeting of another plan. */
    other = th_person(w.cu, "1990-09-09", "Per");
    plan_of(w.cu, other, NULL, other_plan);
    participant_add(w.cu, other_plan, IP_PARTICIPANT_COORDINATOR, NULL, w.practitioner_id,
                    NULL, NULL);
    {
        ip_meeting_fields mf = IP_MEETING_FIELDS_INIT;
        ip_meeting *m = NULL;

        mf.plan_id = other_plan;
        mf.planned_on = "2026-02-01";
        th_ok(ip_meeting_create(&m, w.coordinator, &mf));
        snprintf(other_meeting, sizeof other_meeting, "%s", ip_meeting_id(m));
        ip_meeting_free(m);
    }
    th_expect(IP_EINVALID, ip_plan_revise(&r, w.coordinator, w.plan_id, "Grunn",
                                          other_meeting));
    th_field("plan_revision.meeting_id");
    ck_assert_ptr_null(r);
    ck_assert_int_eq(revision_rows(), 0);
    th_expect(IP_EINVALID, ip_revision_get(NULL, w.cu, NO_SUCH_ID));
    th_expect(IP_ENOTFOUND, ip_revision_get(&r, w.cu, NO_SUCH_ID));
    th_field("plan_revision.id");
    ip_person_free(other);
    world_close(&w);
}
END_TEST

START_TEST(test_only_the_coordinator_revises)
{
    world w;
    ip_revision *r = NULL, *read = NULL;
    ip_session *person, *provider, *stranger;
    char other_practitioner[40];

    world_open(&w);
    person = th_session(w.store, IP_ROLE_PERSON, ip_person_id(w.person), NULL);
    provider = th_session(w.store, IP_ROLE_PROVIDER, "nurse-7", w.unit_id);
    th_practitioner(w.store, w.unit_id, "Per", "Hansen", other_practitioner);
    stranger = th_session(w.store, IP_ROLE_COORDINATOR, other_practitioner, w.unit_id);
    th_expect(IP_EDENIED, ip_plan_revise(&r, w.cu, w.plan_id, "Grunn", NULL));
    th_expect(IP_EDENIED, ip_plan_revise(&r, person, w.plan_id, "Grunn", NULL));
    th_expect(IP_EDENIED, ip_plan_revise(&r, provider, w.plan_id, "Grunn", NULL));
    th_expect(IP_EDENIED, ip_plan_revise(&r, stranger, w.plan_id, "Grunn", NULL));
    ck_assert_ptr_null(r);
    ck_assert_int_eq(revision_rows(), 0);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
                              " AND object_kind = 'revision'"),
                     4);
    th_ok(ip_plan_revise(&r, w.coordinator, w.plan_id, "Grunn", NULL));
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE outcome = 'allowed'"
                              " AND object_kind = 'revision' AND action = 'create'"),
                     1);
    /* Readers of the plan read its revisions; others do not. */
    th_ok(ip_revision_get(&read, w.cu, ip_revision_id(r)));
    ip_revision_free(read);
    th_ok(ip_revision_get(&read, person, ip_revision_id(r)));
    ip_revision_free(read);
    th_expect(IP_EDENIED, ip_revision_get(&read, provider, ip_revision_id(r)));
    th_expect(IP_EDENIED, ip_revision_get(&read, stranger, ip_revision_id(r)));
    ck_assert_ptr_null(read);
    {
        ip_revision_iterator *it = NULL;

        th_expect(IP_EDENIED, ip_revision_iterator_new(&it, provider, w.plan_id));
        ck_assert_ptr_null(it);
        th_ok(ip_revision_iterator_new(&it, person, w.plan_id));
        ip_revision_iterator_free(it);
    }
    ip_revision_free(r);
    ip_session_free(stranger);
    ip_session_free(provider);
    ip_session_free(person);
    world_close(&w);
}
END_TEST

START_TEST(test_getters_on_null)
{
    ck_assert_ptr_null(ip_revision_id(NULL));
    ck_assert_ptr_null(ip_revision_plan_id(NULL));
    ck_assert_int_eq(ip_revision_number(NULL), 0);
    ck_assert_ptr_null(ip_revision_reason(NULL));
    ck_assert_ptr_null(ip_revision_author_id(NULL));
    ck_assert_ptr_null(ip_revision_meeting_id(NULL));
    ck_assert_ptr_null(ip_revision_made_at(NULL));
    ck_assert_ptr_null(ip_revision_document(NULL));
    ip_revision_free(NULL);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("revision");
    TCase *tc = tcase_create("revision");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, test_revise_numbers_and_records);
    tcase_add_test(tc, test_earlier_revision_reads_back_unchanged);
    tcase_add_test(tc, test_later_revision_lists_earlier_without_documents);
    tcase_add_test(tc, test_store_refuses_to_change_a_revision);
    tcase_add_test(tc, test_iterator_by_number);
    tcase_add_test(tc, test_ended_plan_is_not_revised);
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_only_the_coordinator_revises);
    tcase_add_test(tc, test_getters_on_null);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
