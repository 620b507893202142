/* The outbox: events appended inside a module's call (ip__outbox_append),
 * read by the host oldest first, acknowledged once; who may read it; what
 * the audit log shows; and the plan's ending appending its event. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "outbox_append.h"

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"
#define TH_NOW_INSTANT "2026-03-02T10:00:00.000Z"

/* Opens a call on s as a module would (authorized as an update of the
 * outbox), runs one append in it and closes it with the append's result. */
static int append_in_call(ip_session *s, ip_outbox_kind kind, const char *person_id,
                          const char *object_kind, const char *object_id,
                          const char *unit_id)
{
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_OUTBOX, NULL, person_id, NULL, NULL, NULL};
    int rc = ip__call_open(s);

    if (rc)
        return rc;
    rc = ip__authorize(s, &op);
    if (rc == IP_OK)
        rc = ip__outbox_append(s, kind, person_id, object_kind, object_id, unit_id);
    return ip__call_close(s, &op, rc);
}

/* Reads the outbox into events[] (at most max); returns how many. */
static size_t read_outbox(ip_session *s, int pending_only, ip_outbox_event **events,
                          size_t max)
{
    ip_outbox_iterator *it = NULL;
    ip_outbox_event *e = NULL;
    size_t n = 0;
    int rc;

    th_ok(ip_outbox_iterator_new(&it, s, pending_only));
    while ((rc = ip_outbox_next(&e, it)) == IP_OK) {
        ck_assert_uint_lt(n, max);
        events[n++] = e;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_ptr_null(e);
    ip_outbox_iterator_free(it);
    return n;
}

static void free_events(ip_outbox_event **events, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ip_outbox_event_free(events[i]);
}

static size_t count_pending(ip_session *s)
{
    ip_outbox_event *events[16];
    size_t n = read_outbox(s, 1, events, 16);

    free_events(events, n);
    return n;
}

/* Three events about person: a consent withdrawn, a plan ended, a specialist
 * coordinator to be told to unit_id; a millisecond apart. */
static void append_three(ip_session *cu, const char *person_id, const char *unit_id)
{
    th_ok(append_in_call(cu, IP_OUTBOX_CONSENT_WITHDRAWN, person_id, "consent",
                         "01890000-0000-7000-8000-000000000001", NULL));
    th_now_ms += 1;
    th_ok(append_in_call(cu, IP_OUTBOX_PLAN_ENDED, person_id, "plan",
                         "01890000-0000-7000-8000-000000000002", NULL));
    th_now_ms += 1;
    th_ok(append_in_call(cu, IP_OUTBOX_SPECIALIST_COORDINATOR, person_id,
                         "coordinator_assignment", "01890000-0000-7000-8000-000000000003",
                         unit_id));
}

START_TEST(names_round_trip)
{
    static const struct {
        ip_outbox_kind kind;
        const char *name;
    } names[] = {
        {IP_OUTBOX_CONSENT_WITHDRAWN, "consent_withdrawn"},
        {IP_OUTBOX_PLAN_ENDED, "plan_ended"},
        {IP_OUTBOX_COORDINATOR_APPOINTED, "coordinator_appointed"},
        {IP_OUTBOX_SPECIALIST_COORDINATOR, "specialist_coordinator"},
        {IP_OUTBOX_COMPLAINT_FORWARDED, "complaint_forwarded"},
    };
    ip_outbox_kind kind;

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        ck_assert_str_eq(ip_outbox_kind_name(names[i].kind), names[i].name);
        th_ok(ip_outbox_kind_from_name(&kind, names[i].name));
        ck_assert_int_eq(kind, names[i].kind);
    }
    ck_assert_ptr_null(ip_outbox_kind_name((ip_outbox_kind)0));
    ck_assert_ptr_null(ip_outbox_kind_name((ip_outbox_kind)6));
    th_expect(IP_EINVALID, ip_outbox_kind_from_name(&kind, "plan_opened"));
    th_field("outbox_event.kind");
    th_expect(IP_EINVALID, ip_outbox_kind_from_name(&kind, NULL));
    th_expect(IP_EINVALID, ip_outbox_kind_from_name(NULL, "plan_ended"));
}
END_TEST

START_TEST(pending_in_order)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    const char *pid = ip_person_id(person);
    const char *unit = th_cu_unit();
    ip_outbox_event *events[8];
    size_t n;

    ck_assert_uint_eq(count_pending(cu), 0);
    append_three(cu, pid, unit);
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event"), 3);

    n = read_outbox(cu, 1, events, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_gt(ip_outbox_event_seq(events[0]), 0);
    ck_assert_int_lt(ip_outbox_event_seq(events[0]), ip_outbox_event_seq(events[1]));
    ck_assert_int_lt(ip_outbox_event_seq(events[1]), ip_outbox_event_seq(events[2]));
    ck_assert_int_eq(ip_outbox_event_kind_of(events[0]), IP_OUTBOX_CONSENT_WITHDRAWN);
    ck_assert_int_eq(ip_outbox_event_kind_of(events[1]), IP_OUTBOX_PLAN_ENDED);
    ck_assert_int_eq(ip_outbox_event_kind_of(events[2]), IP_OUTBOX_SPECIALIST_COORDINATOR);
    ck_assert_str_eq(ip_outbox_event_at(events[0]), TH_NOW_INSTANT);
    ck_assert_str_eq(ip_outbox_event_at(events[2]), "2026-03-02T10:00:00.002Z");
    for (size_t i = 0; i < n; i++) {
        ck_assert_str_eq(ip_outbox_event_person_id(events[i]), pid);
        ck_assert_ptr_null(ip_outbox_event_acknowledged_at(events[i]));
        ck_assert_ptr_null(ip_outbox_event_acknowledged_by(events[i]));
    }
    ck_assert_str_eq(ip_outbox_event_object_kind(events[0]), "consent");
    ck_assert_str_eq(ip_outbox_event_object_id(events[0]),
                     "01890000-0000-7000-8000-000000000001");
    ck_assert_ptr_null(ip_outbox_event_unit_id(events[0]));
    ck_assert_str_eq(ip_outbox_event_object_kind(events[1]), "plan");
    ck_assert_str_eq(ip_outbox_event_object_kind(events[2]), "coordinator_assignment");
    ck_assert_str_eq(ip_outbox_event_unit_id(events[2]), unit);
    free_events(events, n);

    /* NULL-safe getters. */
    ck_assert_int_eq(ip_outbox_event_seq(NULL), 0);
    ck_assert_int_eq(ip_outbox_event_kind_of(NULL), 0);
    ck_assert_ptr_null(ip_outbox_event_at(NULL));
    ck_assert_ptr_null(ip_outbox_event_person_id(NULL));
    ck_assert_ptr_null(ip_outbox_event_acknowledged_by(NULL));
    ip_outbox_event_free(NULL);
    ip_outbox_iterator_free(NULL);

    ip_person_free(person);
    th_close(store);
}
END_TEST

START_TEST(acknowledge_shrinks_pending)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_outbox_event *events[8];
    int64_t first, second;
    size_t n;

    append_three(cu, ip_person_id(person), NULL);
    n = read_outbox(cu, 1, events, 8);
    ck_assert_uint_eq(n, 3);
    first = ip_outbox_event_seq(events[0]);
    second = ip_outbox_event_seq(events[1]);
    free_events(events, n);

    th_now_ms += 60000;
    th_ok(ip_outbox_acknowledge(cu, second));
    ck_assert_uint_eq(count_pending(cu), 2);
    th_ok(ip_outbox_acknowledge(cu, first));

    /* What remains pending is the last event, still in order. */
    n = read_outbox(cu, 1, events, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(ip_outbox_event_kind_of(events[0]), IP_OUTBOX_SPECIALIST_COORDINATOR);
    free_events(events, n);

    /* Every event stays, with who acknowledged it and when. */
    n = read_outbox(cu, 0, events, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(ip_outbox_event_seq(events[0]), first);
    ck_assert_str_eq(ip_outbox_event_acknowledged_at(events[1]), "2026-03-02T10:01:00.002Z");
    ck_assert_str_eq(ip_outbox_event_acknowledged_by(events[1]), "case-worker-1");
    ck_assert_str_eq(ip_outbox_event_acknowledged_by(events[0]), "case-worker-1");
    ck_assert_ptr_null(ip_outbox_event_acknowledged_at(events[2]));
    free_events(events, n);
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event WHERE acknowledged_at IS NULL"),
                     1);

    ip_person_free(person);
    th_close(store);
}
END_TEST

START_TEST(acknowledge_refusals)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_outbox_event *events[8];
    int64_t seq;
    size_t n;

    append_three(cu, ip_person_id(person), NULL);
    n = read_outbox(cu, 1, events, 8);
    seq = ip_outbox_event_seq(events[0]);
    free_events(events, n);

    th_ok(ip_outbox_acknowledge(cu, seq));
    th_now_ms += 1000;
    th_expect(IP_ESTATE, ip_outbox_acknowledge(cu, seq));
    th_field("outbox_event.acknowledged_at");
    /* The second attempt changed nothing: the first time stands. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event WHERE acknowledged_at ="
                              " '2026-03-02T10:00:00.002Z'"),
                     1);

    th_expect(IP_ENOTFOUND, ip_outbox_acknowledge(cu, seq + 1000));
    th_field("outbox_event.seq");
    th_expect(IP_EINVALID, ip_outbox_acknowledge(cu, 0));
    th_field("outbox_event.seq");
    th_expect(IP_EINVALID, ip_outbox_acknowledge(cu, -1));
    th_expect(IP_EINVALID, ip_outbox_acknowledge(NULL, seq));
    ck_assert_uint_eq(count_pending(cu), 2);

    ip_person_free(person);
    th_close(store);
}
END_TEST

START_TEST(null_arguments)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_outbox_iterator *it = (ip_outbox_iterator *)&it;
    ip_outbox_event *e = (ip_outbox_event *)&e;

    th_expect(IP_EINVALID, ip_outbox_iterator_new(NULL, cu, 1));
    th_expect(IP_EINVALID, ip_outbox_iterator_new(&it, NULL, 1));
    ck_assert_ptr_null(it);
    th_expect(IP_EINVALID, ip_outbox_next(&e, NULL));
    ck_assert_ptr_null(e);
    th_expect(IP_EINVALID, ip_outbox_next(NULL, NULL));
    th_close(store);
}
END_TEST

START_TEST(admin_reads_and_acknowledges)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_session *admin = th_admin(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_outbox_event *events[8];
    size_t n;

    append_three(cu, ip_person_id(person), NULL);
    n = read_outbox(admin, 1, events, 8);
    ck_assert_uint_eq(n, 3);
    th_ok(ip_outbox_acknowledge(admin, ip_outbox_event_seq(events[2])));
    free_events(events, n);
    n = read_outbox(admin, 0, events, 8);
    ck_assert_str_eq(ip_outbox_event_acknowledged_by(events[2]), "it-admin");
    free_events(events, n);
    ck_assert_uint_eq(count_pending(cu), 2);

    ip_session_free(admin);
    ip_person_free(person);
    th_close(store);
}
END_TEST

/* Every role but the coordinating unit and admin is refused both calls;
 * each refusal is audited and changes nothing else. */
START_TEST(other_roles_denied)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    const char *pid = ip_person_id(person);
    const char *provider_unit = th_unit(store, "Fysioterapi", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    ip_session *sessions[] = {
        th_session(store, IP_ROLE_PERSON, pid, NULL),
        th_session(store, IP_ROLE_ANALYST, "analyst-1", NULL),
        th_session(store, IP_ROLE_PROVIDER, "provider-1", provider_unit),
    };
    size_t roles = sizeof sessions / sizeof sessions[0];
    ip_outbox_event *events[8];
    int64_t seq;
    size_t n;
    int denied_before;

    append_three(cu, pid, NULL);
    n = read_outbox(cu, 1, events, 8);
    seq = ip_outbox_event_seq(events[0]);
    free_events(events, n);
    denied_before = th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'");

    for (size_t i = 0; i < roles; i++) {
        ip_outbox_iterator *it = NULL;

        th_expect(IP_EDENIED, ip_outbox_iterator_new(&it, sessions[i], 1));
        ck_assert_ptr_null(it);
        ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "outbox"));
        th_not_echoed(pid);
        th_expect(IP_EDENIED, ip_outbox_iterator_new(&it, sessions[i], 0));
        th_expect(IP_EDENIED, ip_outbox_acknowledge(sessions[i], seq));
        th_not_echoed(pid);
        /* A refused session learns nothing about which events exist. */
        th_expect(IP_EDENIED, ip_outbox_acknowledge(sessions[i], seq + 1000));
    }
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
                              " AND object_kind = 'outbox' AND action = 'deny'"),
                     denied_before + (int)roles * 4);
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event WHERE acknowledged_at IS NULL"),
                     3);
    for (size_t i = 0; i < roles; i++)
        ip_session_free(sessions[i]);
    ip_person_free(person);
    th_close(store);
}
END_TEST

START_TEST(reads_and_acknowledgements_audited)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_person *other = th_person(cu, "1990-01-01", "Per");
    char sql[300];
    ip_outbox_event *events[8];
    int64_t seq;
    size_t n;

    th_ok(append_in_call(cu, IP_OUTBOX_PLAN_ENDED, ip_person_id(person), "plan",
                         "01890000-0000-7000-8000-000000000002", NULL));
    th_ok(append_in_call(cu, IP_OUTBOX_PLAN_ENDED, ip_person_id(other), "plan",
                         "01890000-0000-7000-8000-000000000004", NULL));
    /* An event about no person (a later module's, say) is allowed. */
    th_ok(append_in_call(cu, IP_OUTBOX_COMPLAINT_FORWARDED, NULL, "complaint", NULL, NULL));

    n = read_outbox(cu, 1, events, 8);
    ck_assert_uint_eq(n, 3);
    seq = ip_outbox_event_seq(events[0]);
    ck_assert_ptr_null(ip_outbox_event_person_id(events[2]));
    ck_assert_ptr_null(ip_outbox_event_object_id(events[2]));
    free_events(events, n);

    /* The list call itself, then one read per event that names a person,
     * so each person's access log shows that the host was told. */
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE object_kind = 'outbox'"
                              " AND action = 'read' AND object_id IS NULL"
                              " AND person_id IS NULL AND rule = 'outbox.integration'"),
                     1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_event WHERE object_kind = 'outbox' AND action = 'read'"
             " AND person_id = '%s' AND object_id = '%lld'",
             ip_person_id(person), (long long)seq);
    ck_assert_int_eq(th_count(sql), 1);
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_event WHERE object_kind = 'outbox'"
             " AND action = 'read' AND person_id = '%s'", ip_person_id(other));
    ck_assert_int_eq(th_count(sql), 1);

    th_ok(ip_outbox_acknowledge(cu, seq));
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM audit_event WHERE object_kind = 'outbox'"
             " AND action = 'update' AND outcome = 'allowed' AND person_id = '%s'"
             " AND object_id = '%lld' AND actor_id = 'case-worker-1'",
             ip_person_id(person), (long long)seq);
    ck_assert_int_eq(th_count(sql), 1);
    /* A refused acknowledgement leaves no update behind. */
    th_expect(IP_ESTATE, ip_outbox_acknowledge(cu, seq));
    ck_assert_int_eq(th_count(sql), 1);

    ip_person_free(person);
    ip_person_free(other);
    th_close(store);
}
END_TEST

START_TEST(append_checks)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    const char *pid = ip_person_id(person);

    th_expect(IP_EINVALID, append_in_call(cu, (ip_outbox_kind)0, pid, "plan", NULL, NULL));
    th_field("outbox_event.kind");
    th_expect(IP_EINVALID, append_in_call(cu, (ip_outbox_kind)6, pid, "plan", NULL, NULL));
    th_field("outbox_event.kind");
    th_expect(IP_EINVALID, append_in_call(cu, IP_OUTBOX_PLAN_ENDED, pid, NULL, NULL, NULL));
    th_field("outbox_event.object_kind");
    th_expect(IP_EINVALID, append_in_call(cu, IP_OUTBOX_PLAN_ENDED, pid, "", NULL, NULL));
    th_field("outbox_event.object_kind");
    th_expect(IP_EINVALID, append_in_call(cu, IP_OUTBOX_PLAN_ENDED, "12345678901", "plan",
                                          NULL, NULL));
    th_field("outbox_event.person_id");
    th_not_echoed("12345678901");
    th_expect(IP_EINVALID, append_in_call(cu, IP_OUTBOX_PLAN_ENDED, pid, "plan", "x", NULL));
    th_field("outbox_event.object_id");
    th_expect(IP_EINVALID, append_in_call(cu, IP_OUTBOX_PLAN_ENDED, pid, "plan", NULL, "x"));
    th_field("outbox_event.unit_id");
    th_expect(IP_ENOTFOUND, append_in_call(cu, IP_OUTBOX_PLAN_ENDED, NO_SUCH_ID, "plan",
                                           NULL, NULL));
    th_field("outbox_event.person_id");
    th_expect(IP_ENOTFOUND, append_in_call(cu, IP_OUTBOX_SPECIALIST_COORDINATOR, pid,
                                           "coordinator_assignment", NULL, NO_SUCH_ID));
    th_field("outbox_event.unit_id");
    /* Outside a call there is nothing to stand or fall with. */
    th_expect(IP_ERROR, ip__outbox_append(cu, IP_OUTBOX_PLAN_ENDED, pid, "plan", NULL, NULL));
    th_expect(IP_EINVALID, ip__outbox_append(NULL, IP_OUTBOX_PLAN_ENDED, pid, "plan", NULL,
                                             NULL));
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event"), 0);

    ip_person_free(person);
    th_close(store);
}
END_TEST

/* An event stands or falls with the call that appended it. */
START_TEST(append_rolled_back_with_its_call)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip__op op = {IP__ACT_UPDATE, IP__OBJ_OUTBOX, NULL, NULL, NULL, NULL, NULL};

    th_ok(ip__call_open(cu));
    th_ok(ip__authorize(cu, &op));
    th_ok(ip__outbox_append(cu, IP_OUTBOX_PLAN_ENDED, ip_person_id(person), "plan", NULL,
                            NULL));
    th_expect(IP_ESTATE, ip__call_close(cu, &op, ip__error_set(IP_ESTATE, NULL, "later rule")));
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event"), 0);

    /* Inside a host transaction, too: the host's rollback takes it away. */
    th_ok(ip_session_begin(cu));
    th_ok(append_in_call(cu, IP_OUTBOX_PLAN_ENDED, ip_person_id(person), "plan", NULL, NULL));
    th_ok(ip_session_rollback(cu));
    ck_assert_uint_eq(count_pending(cu), 0);
    th_ok(ip_session_begin(cu));
    th_ok(append_in_call(cu, IP_OUTBOX_PLAN_ENDED, ip_person_id(person), "plan", NULL, NULL));
    th_ok(ip_session_commit(cu));
    ck_assert_uint_eq(count_pending(cu), 1);

    ip_person_free(person);
    th_close(store);
}
END_TEST

/* The iterator holds what was there when it was made; freeing it with
 * events not handed out frees them. */
START_TEST(iterator_is_a_snapshot)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_outbox_iterator *it = NULL;
    ip_outbox_event *e = NULL;

    append_three(cu, ip_person_id(person), NULL);
    th_ok(ip_outbox_iterator_new(&it, cu, 1));
    th_ok(append_in_call(cu, IP_OUTBOX_CONSENT_WITHDRAWN, ip_person_id(person), "consent",
                         NULL, NULL));
    th_ok(ip_outbox_next(&e, it));
    ck_assert_int_eq(ip_outbox_event_kind_of(e), IP_OUTBOX_CONSENT_WITHDRAWN);
    /* Acknowledging does not change an event already read. */
    th_ok(ip_outbox_acknowledge(cu, ip_outbox_event_seq(e)));
    ck_assert_ptr_null(ip_outbox_event_acknowledged_at(e));
    ip_outbox_event_free(e);
    ip_outbox_iterator_free(it);
    ck_assert_uint_eq(count_pending(cu), 3);

    ip_person_free(person);
    th_close(store);
}
END_TEST

/* Ending a plan tells the host, in the same call. */
START_TEST(plan_end_appends_plan_ended)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2012-04-05", "Ella");
    ip_plan *plan = NULL;
    ip_outbox_event *events[8];
    int64_t revision = 0;
    size_t n;

    th_ok(ip_plan_create_direct(&plan, cu, ip_person_id(person), NULL));
    ck_assert_uint_eq(count_pending(cu), 0);
    th_ok(ip_plan_end(&revision, cu, ip_plan_id(plan), ip_plan_revision(plan),
                      IP_PLAN_END_NEED_ENDED, NULL, NULL));

    n = read_outbox(cu, 1, events, 8);
    ck_assert_uint_eq(n, 1);
    ck_assert_int_eq(ip_outbox_event_kind_of(events[0]), IP_OUTBOX_PLAN_ENDED);
    ck_assert_str_eq(ip_outbox_event_person_id(events[0]), ip_person_id(person));
    ck_assert_str_eq(ip_outbox_event_object_kind(events[0]), "plan");
    ck_assert_str_eq(ip_outbox_event_object_id(events[0]), ip_plan_id(plan));
    ck_assert_ptr_null(ip_outbox_event_unit_id(events[0]));
    ck_assert_str_eq(ip_outbox_event_at(events[0]), TH_NOW_INSTANT);
    free_events(events, n);

    /* A refused ending (already ended) appends nothing. */
    th_expect(IP_ESTATE, ip_plan_end(NULL, cu, ip_plan_id(plan), revision,
                                     IP_PLAN_END_NEED_ENDED, NULL, NULL));
    ck_assert_int_eq(th_count("SELECT count(*) FROM outbox_event"), 1);

    ip_plan_free(plan);
    ip_person_free(person);
    th_close(store);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("outbox");
    TCase *tc = tcase_create("outbox");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, names_round_trip);
    tcase_add_test(tc, pending_in_order);
    tcase_add_test(tc, acknowledge_shrinks_pending);
    tcase_add_test(tc, acknowledge_refusals);
    tcase_add_test(tc, null_arguments);
    tcase_add_test(tc, admin_reads_and_acknowledges);
    tcase_add_test(tc, other_roles_denied);
    tcase_add_test(tc, reads_and_acknowledgements_audited);
    tcase_add_test(tc, append_checks);
    tcase_add_test(tc, append_rolled_back_with_its_call);
    tcase_add_test(tc, iterator_is_a_snapshot);
    tcase_add_test(tc, plan_end_appends_plan_ended);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
