/*
 * Practitioners: registered in a unit that exists, every field round-trips,
 * bad input is refused naming the field (and leaves the store untouched),
 * updates are optimistic, and a unit's staff is listed by family name.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define UNKNOWN_ID "01890a5d-ac96-774b-bcce-b302099a8057"

static ip_practitioner_fields full_fields(const char *unit_id)
{
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;

    f.unit_id = unit_id;
    f.given_name = "Ola";
    f.family_name = "Nordmann";
    f.hpr_number = "9144889";
    f.title = "vernepleier";
    f.phone = "+47 55 55 55 55";
    f.email = "ola.nordmann@kommune.example";
    f.host_ref = "ANS-42";
    return f;
}

/* Asserts f is refused with IP_EINVALID on field, without echoing value. */
static void expect_refused(ip_session *s, const ip_practitioner_fields *f,
                           const char *field, const char *value)
{
    ip_practitioner *p = (ip_practitioner *)&p;

    th_expect(IP_EINVALID, ip_practitioner_create(&p, s, f));
    th_field(field);
    ck_assert_ptr_null(p);
    th_not_echoed(value);
}

START_TEST(create_get_round_trip)
{
    ip_store *store = th_store();
    const char *unit_id = th_unit(store, "Habiliteringstjenesten",
                                  IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    ip_session *s = th_admin(store);
    ip_practitioner_fields f = full_fields(unit_id);
    ip_practitioner *made = NULL, *got = NULL;

    th_ok(ip_practitioner_create(&made, s, &f));
    ck_assert_ptr_nonnull(made);
    ck_assert_int_eq(strlen(ip_practitioner_id(made)), 36);
    ck_assert_int_eq(ip_practitioner_revision(made), 1);

    th_ok(ip_practitioner_get(&got, s, ip_practitioner_id(made)));
    ck_assert_str_eq(ip_practitioner_id(got), ip_practitioner_id(made));
    ck_assert_int_eq(ip_practitioner_revision(got), 1);
    ck_assert_str_eq(ip_practitioner_unit_id(got), unit_id);
    ck_assert_str_eq(ip_practitioner_given_name(got), "Ola");
    ck_assert_str_eq(ip_practitioner_family_name(got), "Nordmann");
    ck_assert_str_eq(ip_practitioner_hpr_number(got), "9144889");
    ck_assert_str_eq(ip_practitioner_title(got), "vernepleier");
    ck_assert_str_eq(ip_practitioner_phone(got), "+47 55 55 55 55");
    ck_assert_str_eq(ip_practitioner_email(got), "ola.nordmann@kommune.example");
    ck_assert_str_eq(ip_practitioner_host_ref(got), "ANS-42");
    ip_practitioner_free(got);
    ip_practitioner_free(made);

    /* Only the unit and the names are required. */
    f = (ip_practitioner_fields)IP_PRACTITIONER_FIELDS_INIT;
    f.unit_id = unit_id;
    f.given_name = "Åse";
    f.family_name = "Ødegård";
    f.hpr_number = "";
    th_ok(ip_practitioner_create(&made, s, &f));
    th_ok(ip_practitioner_get(&got, s, ip_practitioner_id(made)));
    ck_assert_str_eq(ip_practitioner_given_name(got), "Åse");
    ck_assert_str_eq(ip_practitioner_family_name(got), "Ødegård");
    ck_assert_ptr_null(ip_practitioner_hpr_number(got));
    ck_assert_ptr_null(ip_practitioner_title(got));
    ck_assert_ptr_null(ip_practitioner_phone(got));
    ck_assert_ptr_null(ip_practitioner_email(got));
    ck_assert_ptr_null(ip_practitioner_host_ref(got));
    ip_practitioner_free(got);
    ip_practitioner_free(made);

    /* out may be NULL on create; the coordinating unit keeps staff too. */
    th_ok(ip_practitioner_create(NULL, s, &f));
    th_ok(ip_practitioner_create(NULL, th_cu_session(store), &f));

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(getters_are_null_safe)
{
    ck_assert_ptr_null(ip_practitioner_id(NULL));
    ck_assert_int_eq(ip_practitioner_revision(NULL), 0);
    ck_assert_ptr_null(ip_practitioner_unit_id(NULL));
    ck_assert_ptr_null(ip_practitioner_given_name(NULL));
    ck_assert_ptr_null(ip_practitioner_family_name(NULL));
    ck_assert_ptr_null(ip_practitioner_hpr_number(NULL));
    ck_assert_ptr_null(ip_practitioner_title(NULL));
    ck_assert_ptr_null(ip_practitioner_phone(NULL));
    ck_assert_ptr_null(ip_practitioner_email(NULL));
    ck_assert_ptr_null(ip_practitioner_host_ref(NULL));
    ip_practitioner_free(NULL);
    ip_practitioner_iterator_free(NULL);
}
END_TEST

START_TEST(fields_init)
{
    ip_practitioner_fields f;

    memset(&f, 0x5a, sizeof f);
    th_ok(ip_practitioner_fields_init(&f, IP_PRACTITIONER_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_PRACTITIONER_FIELDS_VERSION);
    ck_assert_ptr_null(f.unit_id);
    ck_assert_ptr_null(f.given_name);
    ck_assert_ptr_null(f.family_name);
    ck_assert_ptr_null(f.hpr_number);
    ck_assert_ptr_null(f.title);
    ck_assert_ptr_null(f.phone);
    ck_assert_ptr_null(f.email);
    ck_assert_ptr_null(f.host_ref);

    th_expect(IP_EINVALID, ip_practitioner_fields_init(&f, 0));
    th_field("fields.version");
    th_expect(IP_EINVALID, ip_practitioner_fields_init(NULL, IP_PRACTITIONER_FIELDS_VERSION));
    th_field("fields");
}
END_TEST

START_TEST(invalid_fields_refused)
{
    ip_store *store = th_store();
    const char *unit_id = th_unit(store, "Skolehelsetjenesten", IP_SECTOR_SCHOOL, 0);
    ip_session *s = th_admin(store);
    ip_practitioner_fields f;
    char longname[202];

    memset(longname, 'b', 201);
    longname[201] = '\0';

    f = full_fields(NULL);
    expect_refused(s, &f, "practitioner.unit_id", NULL);
    f.unit_id = "not-a-unit";
    expect_refused(s, &f, "practitioner.unit_id", f.unit_id);

    f = full_fields(unit_id);
    f.given_name = NULL;
    expect_refused(s, &f, "practitioner.given_name", NULL);
    f.given_name = "\xff";
    expect_refused(s, &f, "practitioner.given_name", NULL);
    f.given_name = longname;
    expect_refused(s, &f, "practitioner.given_name", longname);

    f = full_fields(unit_id);
    f.family_name = "";
    expect_refused(s, &f, "practitioner.family_name", NULL);
    f.family_name = "Nord\xe2\x82mann";
    expect_refused(s, &f, "practitioner.family_name", f.family_name);

    f = full_fields(unit_id);
    f.hpr_number = "1234567890";
    expect_refused(s, &f, "practitioner.hpr_number", f.hpr_number);
    f.hpr_number = "91448x9";
    expect_refused(s, &f, "practitioner.hpr_number", f.hpr_number);
    f.hpr_number = "1"; /* one digit is a valid HPR number */
    th_ok(ip_practitioner_create(NULL, s, &f));

    f = full_fields(unit_id);
    f.title = longname;
    expect_refused(s, &f, "practitioner.title", longname);
    f = full_fields(unit_id);
    f.phone = "\x1b[2J";
    expect_refused(s, &f, "practitioner.phone", NULL);
    f = full_fields(unit_id);
    f.email = "\xed\xa0\x80@example.no"; /* a UTF-16 surrogate */
    expect_refused(s, &f, "practitioner.email", NULL);
    f = full_fields(unit_id);
    f.host_ref = longname;
    expect_refused(s, &f, "practitioner.host_ref", longname);

    f = full_fields(unit_id);
    f.version = 2;
    expect_refused(s, &f, "practitioner.version", NULL);

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(unit_must_exist)
{
    ip_store *store = th_store();
    const char *unit_id = th_unit(store, "PPT", IP_SECTOR_SCHOOL, 0);
    ip_session *s = th_admin(store);
    ip_practitioner_fields f = full_fields(UNKNOWN_ID);
    ip_practitioner *p = (ip_practitioner *)&p;
    int64_t rev = 0;

    th_expect(IP_ENOTFOUND, ip_practitioner_create(&p, s, &f));
    th_field("practitioner.unit_id");
    ck_assert_ptr_null(p);

    /* Nor may an update move a practitioner to a unit that is not there. */
    f.unit_id = unit_id;
    th_ok(ip_practitioner_create(&p, s, &f));
    f.unit_id = UNKNOWN_ID;
    th_expect(IP_ENOTFOUND, ip_practitioner_update(&rev, s, ip_practitioner_id(p), 1, &f));
    th_field("practitioner.unit_id");
    ck_assert_int_eq(rev, 0);
    ip_practitioner_free(p);

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(null_arguments_refused)
{
    ip_store *store = th_store();
    const char *unit_id = th_unit(store, "NAV Bergenhus", IP_SECTOR_NAV, 0);
    ip_session *s = th_admin(store);
    ip_practitioner_fields f = full_fields(unit_id);
    ip_practitioner *p = (ip_practitioner *)&p;
    ip_practitioner *got;
    ip_practitioner_iterator *it;

    th_expect(IP_EINVALID, ip_practitioner_create(&p, s, NULL));
    th_field("fields");
    ck_assert_ptr_null(p);
    th_expect(IP_EINVALID, ip_practitioner_create(&p, NULL, &f));
    th_field("session");

    th_ok(ip_practitioner_create(&p, s, &f));
    th_expect(IP_EINVALID, ip_practitioner_get(NULL, s, ip_practitioner_id(p)));
    th_field("out");
    got = (ip_practitioner *)&got;
    th_expect(IP_EINVALID, ip_practitioner_get(&got, NULL, ip_practitioner_id(p)));
    th_field("session");
    ck_assert_ptr_null(got);
    th_expect(IP_EINVALID, ip_practitioner_get(&got, s, NULL));
    th_field("practitioner.id");
    th_expect(IP_EINVALID, ip_practitioner_get(&got, s, "nope"));
    th_field("practitioner.id");
    th_expect(IP_ENOTFOUND, ip_practitioner_get(&got, s, UNKNOWN_ID));
    th_field("practitioner.id");
    ck_assert_ptr_null(got);

    th_expect(IP_EINVALID, ip_practitioner_update(NULL, NULL, ip_practitioner_id(p), 1, &f));
    th_field("session");
    th_expect(IP_EINVALID, ip_practitioner_update(NULL, s, "", 1, &f));
    th_field("practitioner.id");
    th_expect(IP_EINVALID, ip_practitioner_update(NULL, s, ip_practitioner_id(p), 1, NULL));
    th_field("fields");

    th_expect(IP_EINVALID, ip_practitioner_iterator_new(NULL, s, unit_id));
    th_field("out");
    it = (ip_practitioner_iterator *)&it;
    th_expect(IP_EINVALID, ip_practitioner_iterator_new(&it, NULL, unit_id));
    th_field("session");
    ck_assert_ptr_null(it);
    th_expect(IP_EINVALID, ip_practitioner_iterator_new(&it, s, NULL));
    th_field("practitioner.unit_id");
    th_expect(IP_EINVALID, ip_practitioner_iterator_new(&it, s, "Unit 7"));
    th_field("practitioner.unit_id");
    th_expect(IP_EINVALID, ip_practitioner_next(NULL, NULL));
    th_field("out");
    th_expect(IP_EINVALID, ip_practitioner_next(&got, NULL));
    th_field("iterator");

    ip_practitioner_free(p);
    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(update_is_optimistic)
{
    ip_store *store = th_store();
    const char *first = th_unit(store, "Barnevernet", IP_SECTOR_CHILD_WELFARE, 0);
    char unit_a[40], unit_b[40], id[40];
    ip_session *s;
    ip_practitioner_fields f;
    ip_practitioner *p = NULL;
    int64_t rev = 0;

    snprintf(unit_a, sizeof unit_a, "%s", first);
    snprintf(unit_b, sizeof unit_b, "%s",
             th_unit(store, "Barnehagen", IP_SECTOR_KINDERGARTEN, 0));
    s = th_admin(store);
    f = full_fields(unit_a);
    th_ok(ip_practitioner_create(&p, s, &f));
    snprintf(id, sizeof id, "%s", ip_practitioner_id(p));
    ip_practitioner_free(p);

    f = full_fields(unit_b);
    f.family_name = "Hansen";
    f.title = "pedagogisk leder";
    f.hpr_number = NULL;
    th_ok(ip_practitioner_update(&rev, s, id, 1, &f));
    ck_assert_int_eq(rev, 2);
    th_ok(ip_practitioner_get(&p, s, id));
    ck_assert_int_eq(ip_practitioner_revision(p), 2);
    ck_assert_str_eq(ip_practitioner_unit_id(p), unit_b);
    ck_assert_str_eq(ip_practitioner_family_name(p), "Hansen");
    ck_assert_str_eq(ip_practitioner_title(p), "pedagogisk leder");
    ck_assert_ptr_null(ip_practitioner_hpr_number(p));
    ip_practitioner_free(p);

    f.family_name = "Stale";
    rev = 0;
    th_expect(IP_ECONFLICT, ip_practitioner_update(&rev, s, id, 1, &f));
    th_field("practitioner.revision");
    ck_assert_int_eq(rev, 0);
    th_ok(ip_practitioner_get(&p, s, id));
    ck_assert_str_eq(ip_practitioner_family_name(p), "Hansen");
    ip_practitioner_free(p);

    th_expect(IP_ENOTFOUND, ip_practitioner_update(&rev, s, UNKNOWN_ID, 1, &f));
    th_field("practitioner.id");

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(access_by_role)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *person = th_person(cu, "2011-09-30", "Nils");
    const char *unit_id = th_unit(store, "Avlastning", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    ip_session *analyst = th_session(store, IP_ROLE_ANALYST, "stats-1", NULL);
    ip_session *person_s = th_session(store, IP_ROLE_PERSON, ip_person_id(person), NULL);
    ip_practitioner_fields f = full_fields(unit_id);
    ip_practitioner *p = NULL, *got;
    ip_practitioner_iterator *it;

    th_ok(ip_practitioner_create(&p, cu, &f));

    got = (ip_practitioner *)&got;
    th_expect(IP_EDENIED, ip_practitioner_get(&got, analyst, ip_practitioner_id(p)));
    ck_assert_ptr_null(got);
    it = (ip_practitioner_iterator *)&it;
    th_expect(IP_EDENIED, ip_practitioner_iterator_new(&it, analyst, unit_id));
    ck_assert_ptr_null(it);

    th_expect(IP_EDENIED, ip_practitioner_create(NULL, person_s, &f));
    th_expect(IP_EDENIED, ip_practitioner_update(NULL, person_s, ip_practitioner_id(p), 1, &f));
    /* A denied actor learns nothing: an unknown unit is still a denial. */
    f.unit_id = UNKNOWN_ID;
    th_expect(IP_EDENIED, ip_practitioner_create(NULL, person_s, &f));

    /* The person sees who works in the unit. */
    th_ok(ip_practitioner_get(&got, person_s, ip_practitioner_id(p)));
    ck_assert_str_eq(ip_practitioner_family_name(got), "Nordmann");
    ip_practitioner_free(got);
    th_ok(ip_practitioner_iterator_new(&it, person_s, unit_id));
    th_ok(ip_practitioner_next(&got, it));
    ip_practitioner_free(got);
    th_expect(IP_ITEROVER, ip_practitioner_next(&got, it));
    ip_practitioner_iterator_free(it);

    ip_practitioner_free(p);
    ip_person_free(person);
    ip_session_free(person_s);
    ip_session_free(analyst);
    th_close(store);
}
END_TEST

START_TEST(listed_by_family_name)
{
    static const char *const family[] = {"Olsen", "Berg", "Andersen", "Larsen", "Berg"};
    static const char *const given[] = {"Per", "Tone", "Jon", "Eva", "Anne"};
    ip_store *store = th_store();
    char unit_a[40], unit_b[40], empty[40];
    ip_session *s;
    ip_practitioner_fields f;
    ip_practitioner_iterator *it = NULL;
    ip_practitioner *p = NULL;
    size_t n = 0;
    int rc;

    snprintf(unit_a, sizeof unit_a, "%s", th_unit(store, "A", IP_SECTOR_NAV, 0));
    snprintf(unit_b, sizeof unit_b, "%s", th_unit(store, "B", IP_SECTOR_NAV, 0));
    snprintf(empty, sizeof empty, "%s", th_unit(store, "C", IP_SECTOR_NAV, 0));
    s = th_admin(store);
    for (size_t i = 0; i < 5; i++) {
        f = full_fields(unit_a);
        f.family_name = family[i];
        f.given_name = given[i];
        th_ok(ip_practitioner_create(NULL, s, &f));
    }
    f = full_fields(unit_b);
    f.family_name = "Aas";
    th_ok(ip_practitioner_create(NULL, s, &f));

    th_ok(ip_practitioner_iterator_new(&it, s, unit_a));
    {
        static const char *const want_family[] = {"Andersen", "Berg", "Berg", "Larsen", "Olsen"};
        static const char *const want_given[] = {"Jon", "Anne", "Tone", "Eva", "Per"};
        while ((rc = ip_practitioner_next(&p, it)) == IP_OK) {
            ck_assert_uint_lt(n, 5);
            ck_assert_str_eq(ip_practitioner_family_name(p), want_family[n]);
            ck_assert_str_eq(ip_practitioner_given_name(p), want_given[n]);
            ck_assert_str_eq(ip_practitioner_unit_id(p), unit_a);
            n++;
            ip_practitioner_free(p);
        }
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_uint_eq(n, 5);
    ck_assert_ptr_null(p);
    th_expect(IP_ITEROVER, ip_practitioner_next(&p, it));
    ip_practitioner_iterator_free(it);

    /* Freed half-way, the iterator frees what it still holds. */
    th_ok(ip_practitioner_iterator_new(&it, s, unit_a));
    th_ok(ip_practitioner_next(&p, it));
    ip_practitioner_free(p);
    ip_practitioner_iterator_free(it);

    /* A unit without staff, or no such unit: an empty list. */
    th_ok(ip_practitioner_iterator_new(&it, s, empty));
    th_expect(IP_ITEROVER, ip_practitioner_next(&p, it));
    ip_practitioner_iterator_free(it);
    th_ok(ip_practitioner_iterator_new(&it, s, UNKNOWN_ID));
    th_expect(IP_ITEROVER, ip_practitioner_next(&p, it));
    ip_practitioner_iterator_free(it);

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(bad_input_leaves_store_unchanged)
{
    ip_store *store = th_store();
    char unit_id[40], id[40];
    ip_session *s;
    ip_practitioner_fields f;
    ip_practitioner *p = NULL;
    th_snapshot *snap;

    snprintf(unit_id, sizeof unit_id, "%s", th_unit(store, "Rus og psykiatri",
                                                    IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    s = th_admin(store);
    f = full_fields(unit_id);
    th_ok(ip_practitioner_create(&p, s, &f));
    snprintf(id, sizeof id, "%s", ip_practitioner_id(p));
    ip_practitioner_free(p);
    ip_session_free(s);
    th_close(store); /* checkpoints the WAL into the file */
    snap = th_snapshot_take(th_path("store.db"));

    store = th_store();
    s = th_admin(store);
    f = full_fields(UNKNOWN_ID);
    th_expect(IP_ENOTFOUND, ip_practitioner_create(NULL, s, &f));
    f = full_fields(unit_id);
    f.hpr_number = "12345678901";
    th_expect(IP_EINVALID, ip_practitioner_create(NULL, s, &f));
    f = full_fields(unit_id);
    f.family_name = "Changed";
    th_expect(IP_ECONFLICT, ip_practitioner_update(NULL, s, id, 5, &f));
    f.unit_id = UNKNOWN_ID;
    th_expect(IP_ENOTFOUND, ip_practitioner_update(NULL, s, id, 1, &f));
    ip_session_free(s);
    th_close(store);

    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("practitioner");
    TCase *tc = tcase_create("practitioner");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, create_get_round_trip);
    tcase_add_test(tc, getters_are_null_safe);
    tcase_add_test(tc, fields_init);
    tcase_add_test(tc, invalid_fields_refused);
    tcase_add_test(tc, unit_must_exist);
    tcase_add_test(tc, null_arguments_refused);
    tcase_add_test(tc, update_is_optimistic);
    tcase_add_test(tc, access_by_role);
    tcase_add_test(tc, listed_by_family_name);
    tcase_add_test(tc, bad_input_leaves_store_unchanged);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
