/*
 * The foundation access policy as a table: every role against every kind
 * of call, each cell asserted. The consent, participation and assignment
 * conditions of DESIGN.md §6 arrive with their modules and extend this
 * table; until then provider, coordinator and next of kin reach no
 * personal data.
 */
#include "harness.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    ip_store *store;
    char child[40], mother[40], stranger[40], application[40], unit[40];
    char practitioner[40];
} world;

enum { OWN, OTHER }; /* whose records a person-side actor touches */

typedef enum {
    CALL_PERSON_READ,
    CALL_PERSON_CREATE,
    CALL_PERSON_UPDATE,
    CALL_APPLICATION_READ,
    CALL_APPLICATION_CREATE,
    CALL_APPLICATION_DECIDE,
    CALL_RELATION_LIST,
    CALL_UNIT_READ,
    CALL_UNIT_CREATE,
    CALL_PRACTITIONER_CREATE,
    CALL_BACKUP,
    CALL_COUNT
} call_kind;

static const char *const call_names[CALL_COUNT] = {
    "person.read", "person.create", "person.update", "application.read",
    "application.create", "application.decide", "relation.list", "unit.read",
    "unit.create", "practitioner.create", "store.backup",
};

/* Y: allowed, N: denied. Person-side roles act on the child (own records);
 * the representative is the child's mother. */
static const struct {
    ip_role role;
    const char *cells; /* one letter per call_kind */
} policy[] = {
    {IP_ROLE_ADMIN,             "NNNNNNNYYYY"},
    {IP_ROLE_COORDINATING_UNIT, "YYYYYYYYYYN"},
    {IP_ROLE_COORDINATOR,       "NNNNNNNYNNN"},
    {IP_ROLE_PROVIDER,          "NNNNNNNYNNN"},
    {IP_ROLE_PERSON,            "YNNYYNYYNNN"},
    {IP_ROLE_REPRESENTATIVE,    "YNNYYNYYNNN"},
    {IP_ROLE_NEXT_OF_KIN,       "NNNNNNNYNNN"},
    {IP_ROLE_ANALYST,           "NNNNNNNNNNN"},
};

static void copy_id(char dst[40], const char *id)
{
    snprintf(dst, 40, "%s", id);
}

static void build(world *w)
{
    ip_session *cu, *admin;
    ip_person *p;
    ip_relation_fields rf = IP_RELATION_FIELDS_INIT;
    ip_application_fields af = IP_APPLICATION_FIELDS_INIT;
    ip_application *app = NULL;
    ip_practitioner_fields pf = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *pr = NULL;

    w->store = th_store();
    cu = th_cu_session(w->store);
    copy_id(w->unit, th_unit(w->store, "Fysioterapien", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    p = th_person(cu, "2016-02-02", "Barn");
    copy_id(w->child, ip_person_id(p));
    ip_person_free(p);
    p = th_person(cu, "1986-03-03", "Mor");
    copy_id(w->mother, ip_person_id(p));
    ip_person_free(p);
    p = th_person(cu, "1966-04-04", "Fremmed");
    copy_id(w->stranger, ip_person_id(p));
    ip_person_free(p);
    rf.person_id = w->child;
    rf.related_id = w->mother;
    rf.kind = IP_RELATION_PARENT;
    rf.valid_from = "2016-02-02";
    th_ok(ip_relation_create(NULL, cu, &rf));
    af.person_id = w->child;
    af.requests = IP_REQUEST_PLAN;
    af.received_on = "2026-02-20";
    af.signed_by_id = w->mother;
    th_ok(ip_application_create(&app, cu, &af));
    copy_id(w->application, ip_application_id(app));
    ip_application_free(app);
    admin = th_session(w->store, IP_ROLE_ADMIN, "it", NULL);
    pf.unit_id = w->unit;
    pf.given_name = "Frida";
    pf.family_name = "Fysio";
    th_ok(ip_practitioner_create(&pr, admin, &pf));
    copy_id(w->practitioner, ip_practitioner_id(pr));
    ip_practitioner_free(pr);
    ip_session_free(admin);
}

static ip_session *session_for(world *w, ip_role role)
{
    switch (role) {
    case IP_ROLE_PERSON: return th_session(w->store, role, w->child, NULL);
    case IP_ROLE_REPRESENTATIVE: return th_session(w->store, role, w->mother, NULL);
    case IP_ROLE_NEXT_OF_KIN: return th_session(w->store, role, w->stranger, NULL);
    case IP_ROLE_COORDINATING_UNIT: return th_session(w->store, role, "cw", th_cu_unit());
    case IP_ROLE_COORDINATOR: return th_session(w->store, role, w->practitioner, w->unit);
    case IP_ROLE_PROVIDER: return th_session(w->store, role, "pr", w->unit);
    default: return th_session(w->store, role, "someone", NULL);
    }
}

static int run_call(world *w, ip_session *s, call_kind call)
{
    ip_person_fields pf = IP_PERSON_FIELDS_INIT;
    ip_application_fields af = IP_APPLICATION_FIELDS_INIT;
    ip_outcome_fields of = IP_OUTCOME_FIELDS_INIT;
    ip_unit_fields uf = IP_UNIT_FIELDS_INIT;
    ip_practitioner_fields prf = IP_PRACTITIONER_FIELDS_INIT;
    ip_person *p = NULL;
    ip_application *a = NULL;
    ip_relation_iterator *rit = NULL;
    ip_unit *u = NULL;
    int rc;

    pf.given_name = "Ny";
    pf.family_name = "Person";
    switch (call) {
    case CALL_PERSON_READ:
        rc = ip_person_get(&p, s, w->child);
        ip_person_free(p);
        return rc;
    case CALL_PERSON_CREATE:
        return ip_person_create(NULL, s, &pf);
    case CALL_PERSON_UPDATE:
        pf.birth_date = "2016-02-02";
        pf.given_name = "Barn";
        pf.family_name = "Testesen";
        rc = ip_person_get(&p, th_cu_session(w->store), w->child);
        ck_assert_int_eq(rc, IP_OK);
        pf.national_id = ip_person_national_id(p);
        rc = ip_person_update(NULL, s, w->child, ip_person_revision(p), &pf);
        ip_person_free(p);
        return rc;
    case CALL_APPLICATION_READ:
        rc = ip_application_get(&a, s, w->application);
        ip_application_free(a);
        return rc;
    case CALL_APPLICATION_CREATE:
        af.person_id = w->child;
        af.requests = IP_REQUEST_COORDINATOR;
        af.received_on = "2026-03-01";
        af.signed_by_id = w->mother;
        return ip_application_create(NULL, s, &af);
    case CALL_APPLICATION_DECIDE:
        rc = ip_application_get(&a, th_cu_session(w->store), w->application);
        ck_assert_int_eq(rc, IP_OK);
        of.outcome = IP_OUTCOME_GRANTED;
        rc = ip_application_decide(NULL, s, w->application, ip_application_revision(a),
                                   IP_REQUEST_PLAN, &of);
        ip_application_free(a);
        return rc;
    case CALL_RELATION_LIST:
        rc = ip_relation_iterator_new(&rit, s, w->child);
        ip_relation_iterator_free(rit);
        return rc;
    case CALL_UNIT_READ:
        rc = ip_unit_get(&u, s, w->unit);
        ip_unit_free(u);
        return rc;
    case CALL_UNIT_CREATE:
        uf.name = "Ny enhet";
        uf.sector = IP_SECTOR_NAV;
        uf.municipality_number = "4601";
        return ip_unit_create(NULL, s, &uf);
    case CALL_PRACTITIONER_CREATE:
        prf.unit_id = w->unit;
        prf.given_name = "Ny";
        prf.family_name = "Ansatt";
        return ip_practitioner_create(NULL, s, &prf);
    case CALL_BACKUP:
        return ip_store_backup(s, th_path("backup.db"));
    default:
        ck_abort();
        return IP_ERROR;
    }
}

START_TEST(policy_table)
{
    world w;

    build(&w);
    for (size_t r = 0; r < sizeof policy / sizeof policy[0]; r++) {
        for (int c = 0; c < CALL_COUNT; c++) {
            ip_session *s = session_for(&w, policy[r].role);
            int rc;

            /* Each cell runs in a transaction that is rolled back, so
             * cells do not see each other's writes; a backup cannot run
             * inside one and writes nothing to the store anyway. */
            bool wrap = c != CALL_BACKUP;
            if (wrap)
                ck_assert_int_eq(ip_session_begin(th_cu_session(w.store)), IP_OK);
            rc = run_call(&w, s, (call_kind)c);
            if (wrap)
                ck_assert_int_eq(ip_session_rollback(th_cu_session(w.store)), IP_OK);
            if (policy[r].cells[c] == 'Y')
                ck_assert_msg(rc == IP_OK, "%s %s: expected allowed, got %d (%s)",
                              ip_role_name(policy[r].role), call_names[c], rc,
                              ip_error_last()->message);
            else
                ck_assert_msg(rc == IP_EDENIED, "%s %s: expected denied, got %d (%s)",
                              ip_role_name(policy[r].role), call_names[c], rc,
                              ip_error_last()->message);
            ip_session_free(s);
        }
    }
    th_close(w.store);
}
END_TEST

START_TEST(person_side_roles_reach_only_their_own)
{
    world w;
    ip_session *child, *mother, *stranger;
    ip_person *p = NULL;
    ip_application *a = NULL;

    build(&w);
    child = session_for(&w, IP_ROLE_PERSON);
    mother = session_for(&w, IP_ROLE_REPRESENTATIVE);
    stranger = th_session(w.store, IP_ROLE_REPRESENTATIVE, w.stranger, NULL);
    th_expect(IP_EDENIED, ip_person_get(&p, child, w.mother));
    th_expect(IP_EDENIED, ip_person_get(&p, stranger, w.child));
    th_expect(IP_EDENIED, ip_application_get(&a, stranger, w.application));
    th_ok(ip_application_get(&a, mother, w.application));
    ip_application_free(a);
    ip_session_free(child);
    ip_session_free(mother);
    ip_session_free(stranger);
    th_close(w.store);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("access");
    TCase *tc = tcase_create("access");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, policy_table);
    tcase_add_test(tc, person_side_roles_reach_only_their_own);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
