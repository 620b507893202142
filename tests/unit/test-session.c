/* Sessions: actor checks, host transactions and their nesting, and the
 * audit trail a denied call leaves. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

static int open_actor(ip_store *store, const char *id, ip_role role,
                      const char *unit, ip_purpose purpose)
{
    ip_actor actor = IP_ACTOR_INIT;
    ip_session *s = NULL;
    int rc;

    actor.id = id;
    actor.role = role;
    actor.unit_id = unit;
    actor.purpose = purpose;
    rc = ip_session_open(&s, store, &actor);
    if (rc != IP_OK)
        ck_assert_ptr_null(s);
    ip_session_free(s);
    return rc;
}

START_TEST(actor_checks)
{
    ip_store *store = th_store();
    const char *unit = th_unit(store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    char cu_unit[40];
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1980-01-02", "Ola");
    ip_actor actor = IP_ACTOR_INIT;
    ip_session *s = NULL;

    snprintf(cu_unit, sizeof cu_unit, "%s", th_unit(store, "KE 2", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 1));
    th_ok(open_actor(store, "u1", IP_ROLE_ADMIN, NULL, IP_PURPOSE_MAINTENANCE));
    th_ok(open_actor(store, "u1", IP_ROLE_PROVIDER, unit, IP_PURPOSE_CARE));
    th_ok(open_actor(store, "u1", IP_ROLE_COORDINATING_UNIT, cu_unit, IP_PURPOSE_ADMINISTRATION));
    th_ok(open_actor(store, ip_person_id(p), IP_ROLE_PERSON, NULL, IP_PURPOSE_OWN_ACCESS));

    th_expect(IP_EINVALID, open_actor(store, NULL, IP_ROLE_ADMIN, NULL, IP_PURPOSE_MAINTENANCE));
    th_field("actor.id");
    th_expect(IP_EINVALID, open_actor(store, "u1", (ip_role)99, NULL, IP_PURPOSE_MAINTENANCE));
    th_field("actor.role");
    th_expect(IP_EINVALID, open_actor(store, "u1", IP_ROLE_ADMIN, NULL, (ip_purpose)0));
    th_field("actor.purpose");
    /* A national id must never become an actor id: it would be logged. */
    th_expect(IP_EINVALID, open_actor(store, "13031353453", IP_ROLE_ADMIN, NULL, IP_PURPOSE_MAINTENANCE));
    th_field("actor.id");
    ck_assert_ptr_null(strstr(ip_error_last()->message, "13031353453"));
    th_expect(IP_EINVALID, open_actor(store, "u1", IP_ROLE_PROVIDER, NULL, IP_PURPOSE_CARE));
    th_field("actor.unit_id");
    /* The coordinating-unit role needs a unit that is one. */
    th_expect(IP_EINVALID, open_actor(store, "u1", IP_ROLE_COORDINATING_UNIT, unit, IP_PURPOSE_CARE));
    th_field("actor.unit_id");
    th_expect(IP_EINVALID, open_actor(store, "u1", IP_ROLE_PERSON, NULL, IP_PURPOSE_OWN_ACCESS));
    th_field("actor.id");
    th_expect(IP_EINVALID, open_actor(store, "01890000-0000-7000-8000-000000000000",
                                      IP_ROLE_PERSON, NULL, IP_PURPOSE_OWN_ACCESS));
    th_field("actor.id");
    /* A coordinator is a practitioner of the unit. */
    th_expect(IP_EINVALID, open_actor(store, "u1", IP_ROLE_COORDINATOR, unit, IP_PURPOSE_CARE));
    th_field("actor.id");
    th_expect(IP_EINVALID, open_actor(store, "u\xff", IP_ROLE_ADMIN, NULL, IP_PURPOSE_MAINTENANCE));
    th_field("actor.id");

    actor.version = 7;
    th_expect(IP_EINVALID, ip_session_open(&s, store, &actor));
    th_field("actor.version");
    th_expect(IP_EINVALID, ip_session_open(&s, store, NULL));
    th_expect(IP_EINVALID, ip_session_open(&s, NULL, &actor));
    th_expect(IP_EINVALID, ip_session_open(NULL, store, &actor));
    th_expect(IP_EINVALID, ip_actor_init(&actor, 2));
    th_ok(ip_actor_init(&actor, IP_ACTOR_VERSION));
    ip_person_free(p);
    th_close(store);
}
END_TEST

START_TEST(names_round_trip)
{
    for (int r = IP_ROLE_ADMIN; r <= IP_ROLE_ANALYST; r++) {
        ip_role back = 0;
        th_ok(ip_role_from_name(&back, ip_role_name((ip_role)r)));
        ck_assert_int_eq(back, r);
    }
    for (int p = IP_PURPOSE_CARE; p <= IP_PURPOSE_MAINTENANCE; p++) {
        ip_purpose back = 0;
        th_ok(ip_purpose_from_name(&back, ip_purpose_name((ip_purpose)p)));
        ck_assert_int_eq(back, p);
    }
    ck_assert_str_eq(ip_role_name(IP_ROLE_NEXT_OF_KIN), "next_of_kin");
    ck_assert_ptr_null(ip_role_name((ip_role)0));
    {
        ip_role r;
        th_expect(IP_EINVALID, ip_role_from_name(&r, "boss"));
        th_field("role");
        th_expect(IP_EINVALID, ip_role_from_name(&r, NULL));
    }
}
END_TEST

static int person_count(ip_session *s, const char *national_id)
{
    ip_person *p = NULL;
    int rc = ip_person_find(&p, s, national_id);

    ip_person_free(p);
    return rc == IP_OK;
}

START_TEST(transactions_nest)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person_fields f = IP_PERSON_FIELDS_INIT;
    char a[12], b[12], c[12];

    th_fnr(a, "1970-02-03", 100);
    th_fnr(b, "1971-02-03", 110);
    th_fnr(c, "1972-02-03", 120);
    f.given_name = "Per";
    f.family_name = "Hansen";

    th_expect(IP_ESTATE, ip_session_commit(cu));
    th_expect(IP_ESTATE, ip_session_rollback(cu));

    th_ok(ip_session_begin(cu));
    f.national_id = a;
    th_ok(ip_person_create(NULL, cu, &f));
    th_ok(ip_session_begin(cu));
    f.national_id = b;
    th_ok(ip_person_create(NULL, cu, &f));
    th_ok(ip_session_rollback(cu)); /* undoes b only */
    th_ok(ip_session_begin(cu));
    f.national_id = c;
    th_ok(ip_person_create(NULL, cu, &f));
    th_ok(ip_session_commit(cu)); /* c stays with the outer transaction */
    /* A failing call inside the transaction undoes itself only. */
    f.national_id = a;
    th_expect(IP_EEXISTS, ip_person_create(NULL, cu, &f));
    th_ok(ip_session_commit(cu));

    ck_assert(person_count(cu, a));
    ck_assert(!person_count(cu, b));
    ck_assert(person_count(cu, c));

    /* Rolling back the outermost transaction undoes everything in it. */
    th_ok(ip_session_begin(cu));
    f.national_id = b;
    th_ok(ip_person_create(NULL, cu, &f));
    th_ok(ip_session_rollback(cu));
    ck_assert(!person_count(cu, b));

    /* Freeing a session rolls back the transaction it left open. */
    {
        ip_session *tmp = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-9",
                                     th_cu_unit());
        th_ok(ip_session_begin(tmp));
        f.national_id = b;
        th_ok(ip_person_create(NULL, tmp, &f));
        ip_session_free(tmp);
    }
    ck_assert(!person_count(cu, b));
    th_close(store);
}
END_TEST

START_TEST(denied_call_leaves_only_its_audit_event)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1985-06-07", "Liv");
    ip_session *analyst = th_session(store, IP_ROLE_ANALYST, "analyst-1", NULL);
    ip_person *read = NULL;
    int events, denied, persons;

    events = th_count("SELECT count(*) FROM audit_event");
    persons = th_count("SELECT count(*) FROM person");
    th_expect(IP_EDENIED, ip_person_get(&read, analyst, ip_person_id(p)));
    ck_assert_ptr_null(read);
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "analyst.aggregates_only"));
    ck_assert_ptr_null(strstr(ip_error_last()->message, "Liv"));
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event"), events + 1);
    ck_assert_int_eq(th_count("SELECT count(*) FROM person"), persons);
    denied = th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
                      " AND action = 'deny' AND actor_id = 'analyst-1'"
                      " AND rule = 'analyst.aggregates_only' AND person_id IS NOT NULL");
    ck_assert_int_eq(denied, 1);
    /* Allowed reads are audited too, with who, why and about whom. */
    th_ok(ip_person_get(&read, cu, ip_person_id(p)));
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE action = 'read'"
                              " AND outcome = 'allowed' AND object_kind = 'person'"
                              " AND purpose = 2 AND role = 2"), 1);
    ip_person_free(read);
    ip_person_free(p);
    ip_session_free(analyst);
    th_close(store);
}
END_TEST

static int denied_events(void)
{
    return th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'");
}

/* One denied read by an analyst, made inside whatever transaction is open. */
static void denied_read(ip_store *store, const char *person_id)
{
    ip_session *analyst = th_session(store, IP_ROLE_ANALYST, "analyst-1", NULL);
    ip_person *p = NULL;

    th_expect(IP_EDENIED, ip_person_get(&p, analyst, person_id));
    ip_session_free(analyst);
}

/* The host's rollback must not erase the trace of a denied call. */
START_TEST(denials_survive_host_rollback)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1985-06-07", "Liv");
    ip_session *tmp;

    /* Rolled back outermost: written again on its own. */
    th_ok(ip_session_begin(cu));
    denied_read(store, ip_person_id(p));
    th_ok(ip_session_rollback(cu));
    ck_assert_int_eq(denied_events(), 1);

    /* Committed: once, not twice. */
    th_ok(ip_session_begin(cu));
    denied_read(store, ip_person_id(p));
    th_ok(ip_session_commit(cu));
    ck_assert_int_eq(denied_events(), 2);

    /* Inner level rolled back, outer committed: written again in the outer. */
    th_ok(ip_session_begin(cu));
    th_ok(ip_session_begin(cu));
    denied_read(store, ip_person_id(p));
    th_ok(ip_session_rollback(cu));
    th_ok(ip_session_commit(cu));
    ck_assert_int_eq(denied_events(), 3);

    /* Inner committed, outer rolled back. */
    th_ok(ip_session_begin(cu));
    th_ok(ip_session_begin(cu));
    denied_read(store, ip_person_id(p));
    th_ok(ip_session_commit(cu));
    th_ok(ip_session_rollback(cu));
    ck_assert_int_eq(denied_events(), 4);

    /* A session freed with its transaction open. */
    tmp = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-9", th_cu_unit());
    th_ok(ip_session_begin(tmp));
    denied_read(store, ip_person_id(p));
    ip_session_free(tmp);
    ck_assert_int_eq(denied_events(), 5);

    /* A store closed with a transaction open. */
    th_ok(ip_session_begin(cu));
    denied_read(store, ip_person_id(p));
    ip_person_free(p);
    th_close(store);
    ck_assert_int_eq(denied_events(), 6);
}
END_TEST

START_TEST(purpose_is_recorded)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1985-06-07", "Liv"), *read = NULL;

    th_expect(IP_EINVALID, ip_session_set_purpose(cu, (ip_purpose)42));
    th_expect(IP_EINVALID, ip_session_set_purpose(NULL, IP_PURPOSE_CARE));
    th_ok(ip_session_set_purpose(cu, IP_PURPOSE_CARE));
    th_ok(ip_person_get(&read, cu, ip_person_id(p)));
    ck_assert_int_eq(th_count("SELECT purpose FROM audit_event ORDER BY seq DESC LIMIT 1"),
                     IP_PURPOSE_CARE);
    ip_person_free(read);
    ip_person_free(p);
    th_close(store);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("session");
    TCase *tc = tcase_create("session");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, actor_checks);
    tcase_add_test(tc, names_round_trip);
    tcase_add_test(tc, transactions_nest);
    tcase_add_test(tc, denied_call_leaves_only_its_audit_event);
    tcase_add_test(tc, purpose_is_recorded);
    tcase_add_test(tc, denials_survive_host_rollback);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
