/* Persons: registration, national ids, reads, updates, concurrency, and
 * the promise that bad input leaves the store as it was. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

static ip_person_fields kari(const char *fnr)
{
    ip_person_fields f = IP_PERSON_FIELDS_INIT;

    f.national_id = fnr;
    f.given_name = "Kari Åse";
    f.family_name = "Nordmann-Ødegård";
    f.phone = "+47 400 00 000";
    f.email = "kari@example.invalid";
    f.address = "Storgata 1, 9990 Båtsfjord";
    f.municipality_number = "5632";
    f.host_ref = "EPJ-4711";
    return f;
}

START_TEST(create_and_read_back)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person_fields f;
    ip_person *p = NULL, *got = NULL, *found = NULL;
    char fnr[12];

    th_fnr(fnr, "1999-12-31", 300);
    f = kari(fnr);
    th_ok(ip_person_create(&p, cu, &f));
    ck_assert_int_eq(strlen(ip_person_id(p)), 36);
    ck_assert_int_eq(ip_person_revision(p), 1);
    th_ok(ip_person_get(&got, cu, ip_person_id(p)));
    th_ok(ip_person_find(&found, cu, fnr));
    ck_assert_str_eq(ip_person_id(found), ip_person_id(p));
    ck_assert_str_eq(ip_person_national_id(got), fnr);
    ck_assert_int_eq(ip_person_national_id_kind(got), IP_NATIONAL_ID_FNR);
    ck_assert_str_eq(ip_person_given_name(got), "Kari Åse");
    ck_assert_str_eq(ip_person_family_name(got), "Nordmann-Ødegård");
    /* The birth date comes from the national id. */
    ck_assert_str_eq(ip_person_birth_date(got), "1999-12-31");
    ck_assert_str_eq(ip_person_phone(got), "+47 400 00 000");
    ck_assert_str_eq(ip_person_email(got), "kari@example.invalid");
    ck_assert_str_eq(ip_person_address(got), "Storgata 1, 9990 Båtsfjord");
    ck_assert_str_eq(ip_person_municipality_number(got), "5632");
    ck_assert_str_eq(ip_person_host_ref(got), "EPJ-4711");
    ck_assert_str_eq(ip_person_created_at(got), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_person_updated_at(got), "2026-03-02T10:00:00.000Z");
    ck_assert_ptr_null(ip_person_id(NULL));
    ip_person_free(p);
    ip_person_free(got);
    ip_person_free(found);
    th_close(store);
}
END_TEST

START_TEST(ids_are_time_ordered)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *a = th_person(cu, "1960-01-01", "A");
    ip_person *b, *c;

    th_now_ms += 1;
    b = th_person(cu, "1961-01-01", "B");
    c = th_person(cu, "1962-01-01", "C"); /* same millisecond as b */
    ck_assert_int_lt(strcmp(ip_person_id(a), ip_person_id(b)), 0);
    ck_assert_int_lt(strcmp(ip_person_id(b), ip_person_id(c)), 0);
    ck_assert_int_eq(ip_person_id(a)[14], '7'); /* UUID version 7 */
    ip_person_free(a);
    ip_person_free(b);
    ip_person_free(c);
    th_close(store);
}
END_TEST

START_TEST(without_national_id)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person_fields f = IP_PERSON_FIELDS_INIT;
    ip_person *p = NULL;

    f.given_name = "Nils";
    f.family_name = "Pårørende";
    f.birth_date = "1950-07-08";
    th_ok(ip_person_create(&p, cu, &f));
    ck_assert_ptr_null(ip_person_national_id(p));
    ck_assert_int_eq(ip_person_national_id_kind(p), 0);
    ck_assert_str_eq(ip_person_birth_date(p), "1950-07-08");
    /* Several persons may lack a national id. */
    th_ok(ip_person_create(NULL, cu, &f));
    ip_person_free(p);
    th_close(store);
}
END_TEST

START_TEST(national_id_is_unique)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person_fields f;
    char fnr[12];

    th_fnr(fnr, "1990-05-17", 200);
    f = kari(fnr);
    th_ok(ip_person_create(NULL, cu, &f));
    th_expect(IP_EEXISTS, ip_person_create(NULL, cu, &f));
    th_field("person.national_id");
    ck_assert_ptr_null(strstr(ip_error_last()->message, fnr));
    th_close(store);
}
END_TEST

/* Each bad field is refused with its code and field, and the store file
 * is byte for byte what it was. */
START_TEST(bad_input_changes_nothing)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1975-03-04", "Eva");
    char id[40], fnr[12], dnr[12], bad_k2[12], long_name[300];
    th_snapshot *snap;
    struct {
        const char *field;
        ip_person_fields f;
    } cases[12];
    int n = 0;

    snprintf(id, sizeof id, "%s", ip_person_id(p));
    ip_person_free(p);
    th_fnr(fnr, "1988-08-08", 150);
    memcpy(bad_k2, fnr, 12);
    bad_k2[10] = (char)(bad_k2[10] == '9' ? '0' : bad_k2[10] + 1);
    memcpy(dnr, "3102", 4); /* 31 February */
    memcpy(dnr + 4, fnr + 4, 8);
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';

    cases[n].field = "person.national_id"; cases[n].f = kari(bad_k2); n++;
    cases[n].field = "person.national_id"; cases[n].f = kari("1234"); n++;
    cases[n].field = "person.national_id"; cases[n].f = kari(dnr); n++;
    cases[n].field = "person.given_name"; cases[n].f = kari(fnr); cases[n].f.given_name = NULL; n++;
    cases[n].field = "person.given_name"; cases[n].f = kari(fnr); cases[n].f.given_name = "Ka\xc3"; n++;
    cases[n].field = "person.family_name"; cases[n].f = kari(fnr); cases[n].f.family_name = long_name; n++;
    cases[n].field = "person.birth_date"; cases[n].f = kari(fnr); cases[n].f.birth_date = "1988-02-30"; n++;
    cases[n].field = "person.birth_date"; cases[n].f = kari(fnr); cases[n].f.birth_date = "1988-08-09"; n++;
    cases[n].field = "person.municipality_number"; cases[n].f = kari(fnr); cases[n].f.municipality_number = "12a4"; n++;
    cases[n].field = "person.email"; cases[n].f = kari(fnr); cases[n].f.email = "a\x01@b"; n++;
    cases[n].field = "person.version"; cases[n].f = kari(fnr); cases[n].f.version = 9; n++;

    th_close(store);
    snap = th_snapshot_take(th_path("store.db"));
    store = th_store();
    cu = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", th_cu_unit());
    for (int i = 0; i < n; i++) {
        ip_person *out = (ip_person *)1;
        th_expect(IP_EINVALID, ip_person_create(&out, cu, &cases[i].f));
        ck_assert_msg(strcmp(ip_error_last()->field, cases[i].field) == 0,
                      "case %d: field %s, expected %s", i, ip_error_last()->field,
                      cases[i].field);
        ck_assert_ptr_null(out);
        ck_assert_ptr_null(strstr(ip_error_last()->message, fnr));
        th_expect(IP_EINVALID, ip_person_update(NULL, cu, id, 1, &cases[i].f));
        ck_assert_str_eq(ip_error_last()->field, cases[i].field);
    }
    th_expect(IP_EINVALID, ip_person_create(NULL, NULL, &cases[0].f));
    th_field("session");
    th_expect(IP_EINVALID, ip_person_create(NULL, cu, NULL));
    th_field("person");
    th_expect(IP_EINVALID, ip_person_get(NULL, cu, id));
    th_expect(IP_EINVALID, ip_person_get(&p, cu, "not-an-id"));
    th_field("person.id");
    th_expect(IP_EINVALID, ip_person_find(&p, cu, "12345678901"));
    th_field("person.national_id");
    ip_session_free(cu);
    th_close(store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(update_and_conflict)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1975-03-04", "Eva"), *got = NULL;
    ip_person_fields f = kari(ip_person_national_id(p));
    int64_t revision = 0;

    f.birth_date = NULL;
    th_now_ms += 60000;
    th_ok(ip_person_update(&revision, cu, ip_person_id(p), 1, &f));
    ck_assert_int_eq(revision, 2);
    /* A second writer still holding revision 1 is refused, not ignored. */
    f.given_name = "Eva Marie";
    th_expect(IP_ECONFLICT, ip_person_update(NULL, cu, ip_person_id(p), 1, &f));
    th_field("person.revision");
    th_ok(ip_person_get(&got, cu, ip_person_id(p)));
    ck_assert_str_eq(ip_person_given_name(got), "Kari Åse");
    ck_assert_int_eq(ip_person_revision(got), 2);
    ck_assert_str_eq(ip_person_created_at(got), "2026-03-02T10:00:00.000Z");
    ck_assert_str_eq(ip_person_updated_at(got), "2026-03-02T10:01:00.000Z");
    th_expect(IP_ENOTFOUND, ip_person_update(NULL, cu, "01890000-0000-7000-8000-000000000000", 1, &f));
    th_field("person.id");
    ip_person_free(got);
    ip_person_free(p);
    th_close(store);
}
END_TEST

START_TEST(not_found)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *p = (ip_person *)1;
    char fnr[12];

    th_expect(IP_ENOTFOUND, ip_person_get(&p, cu, "01890000-0000-7000-8000-000000000000"));
    ck_assert_ptr_null(p);
    th_fnr(fnr, "1991-01-01", 222);
    th_expect(IP_ENOTFOUND, ip_person_find(&p, cu, fnr));
    th_field("person.national_id");
    th_close(store);
}
END_TEST

START_TEST(who_may_read_a_person)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_person *child = th_person(cu, "2015-04-04", "Barn");
    ip_person *mother = th_person(cu, "1985-05-05", "Mor");
    ip_person *other = th_person(cu, "1970-07-07", "Annen");
    ip_person *got = NULL;
    ip_relation_fields rf = IP_RELATION_FIELDS_INIT;
    ip_session *as_child, *as_mother, *as_other, *provider, *admin;
    const char *unit = th_unit(store, "Skolen", IP_SECTOR_SCHOOL, 0);

    rf.person_id = ip_person_id(child);
    rf.related_id = ip_person_id(mother);
    rf.kind = IP_RELATION_PARENT;
    rf.valid_from = "2015-04-04";
    th_ok(ip_relation_create(NULL, cu, &rf));

    as_child = th_session(store, IP_ROLE_PERSON, ip_person_id(child), NULL);
    as_mother = th_session(store, IP_ROLE_REPRESENTATIVE, ip_person_id(mother), NULL);
    as_other = th_session(store, IP_ROLE_REPRESENTATIVE, ip_person_id(other), NULL);
    provider = th_session(store, IP_ROLE_PROVIDER, "teacher-1", unit);
    admin = th_session(store, IP_ROLE_ADMIN, "it", NULL);

    th_ok(ip_person_get(&got, as_child, ip_person_id(child)));
    ip_person_free(got);
    th_expect(IP_EDENIED, ip_person_get(&got, as_child, ip_person_id(mother)));
    th_ok(ip_person_get(&got, as_mother, ip_person_id(child)));
    ip_person_free(got);
    th_expect(IP_EDENIED, ip_person_get(&got, as_other, ip_person_id(child)));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "representative.active_relation"));
    /* Without a plan, consent or assignment a provider reaches nobody. */
    th_expect(IP_EDENIED, ip_person_get(&got, provider, ip_person_id(child)));
    th_expect(IP_EDENIED, ip_person_get(&got, admin, ip_person_id(child)));
    /* The person reads but does not change their registration. */
    {
        ip_person_fields f = IP_PERSON_FIELDS_INIT;
        f.given_name = "X";
        f.family_name = "Y";
        th_expect(IP_EDENIED, ip_person_update(NULL, as_child, ip_person_id(child), 1, &f));
        th_expect(IP_EDENIED, ip_person_create(NULL, as_mother, &f));
    }
    ip_session_free(as_child);
    ip_session_free(as_mother);
    ip_session_free(as_other);
    ip_session_free(provider);
    ip_session_free(admin);
    ip_person_free(child);
    ip_person_free(mother);
    ip_person_free(other);
    th_close(store);
}
END_TEST

START_TEST(fields_init)
{
    ip_person_fields f;

    th_ok(ip_person_fields_init(&f, IP_PERSON_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_PERSON_FIELDS_VERSION);
    ck_assert_ptr_null(f.national_id);
    th_expect(IP_EINVALID, ip_person_fields_init(&f, 0));
    th_expect(IP_EINVALID, ip_person_fields_init(NULL, IP_PERSON_FIELDS_VERSION));
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("person");
    TCase *tc = tcase_create("person");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, create_and_read_back);
    tcase_add_test(tc, ids_are_time_ordered);
    tcase_add_test(tc, without_national_id);
    tcase_add_test(tc, national_id_is_unique);
    tcase_add_test(tc, bad_input_changes_nothing);
    tcase_add_test(tc, update_and_conflict);
    tcase_add_test(tc, not_found);
    tcase_add_test(tc, who_may_read_a_person);
    tcase_add_test(tc, fields_init);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
