/*
 * Units: registration and reads round-trip every field, bad input is
 * refused naming the field (and leaves the store untouched), updates are
 * optimistic, only the keepers of master data change it, the analyst reads
 * none of it, and the list comes by name.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#define UNKNOWN_ID "01890a5d-ac96-774b-bcce-b302099a8057"

static ip_unit_fields full_fields(void)
{
    ip_unit_fields f = IP_UNIT_FIELDS_INIT;

    f.name = "Tjenester for funksjonshemmede";
    f.organisation_number = "974760673";
    f.sector = IP_SECTOR_MUNICIPAL_HEALTH_CARE;
    f.municipality_number = "4601";
    f.coordinating = 0;
    f.host_ref = "ENH-17";
    return f;
}

/* Asserts f is refused with IP_EINVALID on field, without echoing value. */
static void expect_refused(ip_session *s, const ip_unit_fields *f,
                           const char *field, const char *value)
{
    ip_unit *u = (ip_unit *)&u; /* not NULL: the call must clear it */

    th_expect(IP_EINVALID, ip_unit_create(&u, s, f));
    th_field(field);
    ck_assert_ptr_null(u);
    th_not_echoed(value);
}

START_TEST(create_get_round_trip)
{
    ip_store *store = th_store();
    ip_session *s = th_admin(store);
    ip_unit_fields f = full_fields();
    ip_unit *made = NULL, *got = NULL;

    f.coordinating = 7; /* any non-zero value means coordinating */
    th_ok(ip_unit_create(&made, s, &f));
    ck_assert_ptr_nonnull(made);
    ck_assert_int_eq(strlen(ip_unit_id(made)), 36);
    ck_assert_int_eq(ip_unit_revision(made), 1);

    th_ok(ip_unit_get(&got, s, ip_unit_id(made)));
    ck_assert_str_eq(ip_unit_id(got), ip_unit_id(made));
    ck_assert_int_eq(ip_unit_revision(got), 1);
    ck_assert_str_eq(ip_unit_name(got), "Tjenester for funksjonshemmede");
    ck_assert_str_eq(ip_unit_organisation_number(got), "974760673");
    ck_assert_int_eq(ip_unit_sector(got), IP_SECTOR_MUNICIPAL_HEALTH_CARE);
    ck_assert_str_eq(ip_unit_municipality_number(got), "4601");
    ck_assert_int_eq(ip_unit_is_coordinating(got), 1);
    ck_assert_str_eq(ip_unit_host_ref(got), "ENH-17");
    ip_unit_free(got);

    /* Optional fields absent: NULL or "" both read back as NULL. */
    f = full_fields();
    f.organisation_number = "";
    f.host_ref = NULL;
    f.sector = IP_SECTOR_OTHER;
    f.name = "Frivilligsentralen på Åsane";
    ip_unit_free(made);
    th_ok(ip_unit_create(&made, s, &f));
    th_ok(ip_unit_get(&got, s, ip_unit_id(made)));
    ck_assert_ptr_null(ip_unit_organisation_number(got));
    ck_assert_ptr_null(ip_unit_host_ref(got));
    ck_assert_int_eq(ip_unit_is_coordinating(got), 0);
    ck_assert_int_eq(ip_unit_sector(got), IP_SECTOR_OTHER);
    ck_assert_str_eq(ip_unit_name(got), "Frivilligsentralen på Åsane");
    ip_unit_free(got);
    ip_unit_free(made);

    /* out may be NULL on create. */
    th_ok(ip_unit_create(NULL, s, &f));

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(getters_are_null_safe)
{
    ck_assert_ptr_null(ip_unit_id(NULL));
    ck_assert_int_eq(ip_unit_revision(NULL), 0);
    ck_assert_ptr_null(ip_unit_name(NULL));
    ck_assert_ptr_null(ip_unit_organisation_number(NULL));
    ck_assert_int_eq(ip_unit_sector(NULL), 0);
    ck_assert_ptr_null(ip_unit_municipality_number(NULL));
    ck_assert_int_eq(ip_unit_is_coordinating(NULL), 0);
    ck_assert_ptr_null(ip_unit_host_ref(NULL));
    ip_unit_free(NULL);
    ip_unit_iterator_free(NULL);
}
END_TEST

START_TEST(sector_names)
{
    static const struct {
        ip_sector sector;
        const char *name;
    } all[] = {
        {IP_SECTOR_MUNICIPAL_HEALTH_CARE, "municipal_health_care"},
        {IP_SECTOR_SPECIALIST_HEALTH, "specialist_health"},
        {IP_SECTOR_NAV, "nav"},
        {IP_SECTOR_CHILD_WELFARE, "child_welfare"},
        {IP_SECTOR_SCHOOL, "school"},
        {IP_SECTOR_KINDERGARTEN, "kindergarten"},
        {IP_SECTOR_OTHER, "other"},
    };
    ip_sector back;

    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        ck_assert_str_eq(ip_sector_name(all[i].sector), all[i].name);
        back = (ip_sector)0;
        th_ok(ip_sector_from_name(&back, all[i].name));
        ck_assert_int_eq(back, all[i].sector);
    }
    ck_assert_ptr_null(ip_sector_name((ip_sector)0));
    ck_assert_ptr_null(ip_sector_name((ip_sector)8));

    back = IP_SECTOR_NAV;
    th_expect(IP_EINVALID, ip_sector_from_name(&back, "NAV"));
    th_field("sector");
    ck_assert_int_eq(back, IP_SECTOR_NAV);
    th_expect(IP_EINVALID, ip_sector_from_name(&back, "health"));
    th_field("sector");
    th_expect(IP_EINVALID, ip_sector_from_name(&back, ""));
    th_field("sector");
    th_expect(IP_EINVALID, ip_sector_from_name(&back, NULL));
    th_field("sector");
    th_expect(IP_EINVALID, ip_sector_from_name(NULL, "nav"));
    th_field("out");
}
END_TEST

START_TEST(fields_init)
{
    ip_unit_fields f;

    memset(&f, 0x5a, sizeof f);
    th_ok(ip_unit_fields_init(&f, IP_UNIT_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_UNIT_FIELDS_VERSION);
    ck_assert_ptr_null(f.name);
    ck_assert_ptr_null(f.organisation_number);
    ck_assert_int_eq(f.sector, 0);
    ck_assert_ptr_null(f.municipality_number);
    ck_assert_int_eq(f.coordinating, 0);
    ck_assert_ptr_null(f.host_ref);

    th_expect(IP_EINVALID, ip_unit_fields_init(&f, IP_UNIT_FIELDS_VERSION + 1));
    th_field("fields.version");
    th_expect(IP_EINVALID, ip_unit_fields_init(NULL, IP_UNIT_FIELDS_VERSION));
    th_field("fields");
}
END_TEST

START_TEST(invalid_fields_refused)
{
    ip_store *store = th_store();
    ip_session *s = th_admin(store);
    ip_unit_fields f;
    char longname[202];

    f = full_fields();
    f.organisation_number = "123456789"; /* check digit does not match */
    expect_refused(s, &f, "unit.organisation_number", f.organisation_number);
    f.organisation_number = "12345678";
    expect_refused(s, &f, "unit.organisation_number", f.organisation_number);
    f.organisation_number = "97476067a";
    expect_refused(s, &f, "unit.organisation_number", f.organisation_number);

    f = full_fields();
    f.municipality_number = "460";
    expect_refused(s, &f, "unit.municipality_number", f.municipality_number);
    f.municipality_number = "46O1";
    expect_refused(s, &f, "unit.municipality_number", f.municipality_number);
    f.municipality_number = "46011";
    expect_refused(s, &f, "unit.municipality_number", f.municipality_number);
    f.municipality_number = "0000";
    expect_refused(s, &f, "unit.municipality_number", f.municipality_number);
    f.municipality_number = NULL;
    expect_refused(s, &f, "unit.municipality_number", NULL);
    f.municipality_number = "";
    expect_refused(s, &f, "unit.municipality_number", NULL);

    f = full_fields();
    f.name = "\xff";
    expect_refused(s, &f, "unit.name", NULL);
    f.name = "Barne\xc3vern"; /* truncated sequence */
    expect_refused(s, &f, "unit.name", f.name);
    f.name = "Line\x01" "break";
    expect_refused(s, &f, "unit.name", f.name);
    memset(longname, 'a', 201);
    longname[201] = '\0';
    f.name = longname;
    expect_refused(s, &f, "unit.name", longname);
    longname[200] = '\0'; /* 200 bytes is the limit, and allowed */
    th_ok(ip_unit_create(NULL, s, &f));
    f.name = NULL;
    expect_refused(s, &f, "unit.name", NULL);
    f.name = "";
    expect_refused(s, &f, "unit.name", NULL);

    f = full_fields();
    f.sector = (ip_sector)0;
    expect_refused(s, &f, "unit.sector", NULL);
    f.sector = (ip_sector)8;
    expect_refused(s, &f, "unit.sector", NULL);

    f = full_fields();
    f.host_ref = "\xc0\x80";
    expect_refused(s, &f, "unit.host_ref", NULL);

    f = full_fields();
    f.version = IP_UNIT_FIELDS_VERSION + 1;
    expect_refused(s, &f, "unit.version", NULL);

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(null_arguments_refused)
{
    ip_store *store = th_store();
    ip_session *s = th_admin(store);
    ip_unit_fields f = full_fields();
    ip_unit *u = NULL;
    ip_unit_iterator *it = NULL;
    int64_t rev = 0;

    u = (ip_unit *)&u;
    th_expect(IP_EINVALID, ip_unit_create(&u, s, NULL));
    th_field("fields");
    ck_assert_ptr_null(u);
    th_expect(IP_EINVALID, ip_unit_create(&u, NULL, &f));
    th_field("session");

    th_ok(ip_unit_create(&u, s, &f));
    th_expect(IP_EINVALID, ip_unit_get(NULL, s, ip_unit_id(u)));
    th_field("out");
    {
        ip_unit *got = (ip_unit *)&got;
        th_expect(IP_EINVALID, ip_unit_get(&got, NULL, ip_unit_id(u)));
        th_field("session");
        ck_assert_ptr_null(got);
        th_expect(IP_EINVALID, ip_unit_get(&got, s, NULL));
        th_field("unit.id");
        th_expect(IP_EINVALID, ip_unit_get(&got, s, "not-an-id"));
        th_field("unit.id");
        th_expect(IP_EINVALID, ip_unit_get(&got, s, "01890A5D-AC96-774B-BCCE-B302099A8057"));
        th_field("unit.id");
    }

    th_expect(IP_EINVALID, ip_unit_update(&rev, NULL, ip_unit_id(u), 1, &f));
    th_field("session");
    th_expect(IP_EINVALID, ip_unit_update(&rev, s, NULL, 1, &f));
    th_field("unit.id");
    th_expect(IP_EINVALID, ip_unit_update(&rev, s, ip_unit_id(u), 1, NULL));
    th_field("fields");
    ck_assert_int_eq(rev, 0);

    th_expect(IP_EINVALID, ip_unit_iterator_new(NULL, s));
    th_field("out");
    it = (ip_unit_iterator *)&it;
    th_expect(IP_EINVALID, ip_unit_iterator_new(&it, NULL));
    th_field("session");
    ck_assert_ptr_null(it);
    {
        ip_unit *next = NULL;
        th_expect(IP_EINVALID, ip_unit_next(&next, NULL));
        th_field("iterator");
    }

    ip_unit_free(u);
    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(update_is_optimistic)
{
    ip_store *store = th_store();
    ip_session *s = th_admin(store);
    ip_unit_fields f = full_fields();
    ip_unit *u = NULL, *got = NULL;
    int64_t rev = 0;
    char id[40];

    th_ok(ip_unit_create(&u, s, &f));
    snprintf(id, sizeof id, "%s", ip_unit_id(u));
    ip_unit_free(u);

    f.name = "Koordinerende enhet";
    f.sector = IP_SECTOR_NAV;
    f.municipality_number = "0301";
    f.coordinating = 1;
    f.organisation_number = NULL;
    f.host_ref = "ENH-18";
    th_ok(ip_unit_update(&rev, s, id, 1, &f));
    ck_assert_int_eq(rev, 2);

    th_ok(ip_unit_get(&got, s, id));
    ck_assert_int_eq(ip_unit_revision(got), 2);
    ck_assert_str_eq(ip_unit_name(got), "Koordinerende enhet");
    ck_assert_int_eq(ip_unit_sector(got), IP_SECTOR_NAV);
    ck_assert_str_eq(ip_unit_municipality_number(got), "0301");
    ck_assert_int_eq(ip_unit_is_coordinating(got), 1);
    ck_assert_ptr_null(ip_unit_organisation_number(got));
    ck_assert_str_eq(ip_unit_host_ref(got), "ENH-18");
    ip_unit_free(got);

    /* A stale revision is a conflict, never a silent overwrite. */
    f.name = "Stale write";
    rev = 0;
    th_expect(IP_ECONFLICT, ip_unit_update(&rev, s, id, 1, &f));
    th_field("unit.revision");
    ck_assert_int_eq(rev, 0);
    th_ok(ip_unit_get(&got, s, id));
    ck_assert_str_eq(ip_unit_name(got), "Koordinerende enhet");
    ck_assert_int_eq(ip_unit_revision(got), 2);
    ip_unit_free(got);

    /* The revision is read back from the store, also without revision_out. */
    th_ok(ip_unit_update(NULL, s, id, 2, &f));
    th_ok(ip_unit_get(&got, s, id));
    ck_assert_int_eq(ip_unit_revision(got), 3);
    ck_assert_str_eq(ip_unit_name(got), "Stale write");
    ip_unit_free(got);

    th_expect(IP_ENOTFOUND, ip_unit_update(&rev, s, UNKNOWN_ID, 1, &f));
    th_field("unit.id");
    got = (ip_unit *)&got;
    th_expect(IP_ENOTFOUND, ip_unit_get(&got, s, UNKNOWN_ID));
    th_field("unit.id");
    ck_assert_ptr_null(got);

    /* Invalid fields are refused before anything is looked up. */
    f.municipality_number = "12";
    th_expect(IP_EINVALID, ip_unit_update(&rev, s, id, 3, &f));
    th_field("unit.municipality_number");

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(coordinating_unit_keeps_units)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_unit_fields f = full_fields();
    ip_unit *u = NULL;

    th_ok(ip_unit_create(&u, cu, &f));
    f.name = "Renamed";
    th_ok(ip_unit_update(NULL, cu, ip_unit_id(u), 1, &f));
    ip_unit_free(u);
    th_close(store);
}
END_TEST

START_TEST(access_by_role)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    ip_session *analyst, *person_s, *provider;
    ip_person *p = th_person(cu, "1985-04-12", "Kari");
    ip_unit_fields f = full_fields();
    ip_unit *u = NULL, *got = NULL;
    ip_unit_iterator *it = NULL;
    const char *unit_id;
    int events, denied;

    unit_id = th_unit(store, "Hjemmetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0);
    analyst = th_session(store, IP_ROLE_ANALYST, "stats-1", NULL);
    person_s = th_session(store, IP_ROLE_PERSON, ip_person_id(p), NULL);
    provider = th_session(store, IP_ROLE_PROVIDER, "nurse-7", unit_id);

    /* The analyst reads no master data; the denial is audited. */
    events = th_count("SELECT count(*) FROM audit_event");
    got = (ip_unit *)&got;
    th_expect(IP_EDENIED, ip_unit_get(&got, analyst, unit_id));
    ck_assert_ptr_null(got);
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "analyst.aggregates_only"));
    it = (ip_unit_iterator *)&it;
    th_expect(IP_EDENIED, ip_unit_iterator_new(&it, analyst));
    ck_assert_ptr_null(it);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event"), events + 2);
    denied = th_count("SELECT count(*) FROM audit_event WHERE outcome = 'denied'"
                      " AND role = 8 AND object_kind = 'unit'");
    ck_assert_int_eq(denied, 2);

    /* A person reads units but may not register one; nothing is written. */
    th_expect(IP_EDENIED, ip_unit_create(&u, person_s, &f));
    ck_assert_ptr_null(u);
    th_expect(IP_EDENIED, ip_unit_update(NULL, person_s, unit_id, 1, &f));
    ck_assert_int_eq(th_count("SELECT count(*) FROM unit WHERE name = 'Tjenester for funksjonshemmede'"),
                     0);
    th_ok(ip_unit_get(&got, person_s, unit_id));
    ck_assert_str_eq(ip_unit_name(got), "Hjemmetjenesten");
    ip_unit_free(got);

    /* A provider reads, and the read is audited like any other. */
    events = th_count("SELECT count(*) FROM audit_event WHERE action = 'read'"
                      " AND object_kind = 'unit' AND outcome = 'allowed'");
    th_ok(ip_unit_get(&got, provider, unit_id));
    ip_unit_free(got);
    ck_assert_int_eq(th_count("SELECT count(*) FROM audit_event WHERE action = 'read'"
                              " AND object_kind = 'unit' AND outcome = 'allowed'"),
                     events + 1);
    th_expect(IP_EDENIED, ip_unit_create(NULL, provider, &f));

    ip_person_free(p);
    ip_session_free(provider);
    ip_session_free(person_s);
    ip_session_free(analyst);
    th_close(store);
}
END_TEST

START_TEST(iterator_by_name)
{
    static const char *const names[] = {"Charlie", "Alpha", "Echo", "Bravo", "Delta"};
    static const char *const sorted[] = {"Alpha", "Bravo", "Charlie", "Delta", "Echo"};
    ip_store *store = th_store();
    ip_session *s = th_admin(store);
    ip_unit_fields f = full_fields();
    ip_unit_iterator *it = NULL;
    ip_unit *u = NULL;
    size_t n = 0;
    int rc;

    /* An empty store yields nothing. */
    th_ok(ip_unit_iterator_new(&it, s));
    th_expect(IP_ITEROVER, ip_unit_next(&u, it));
    ck_assert_ptr_null(u);
    ip_unit_iterator_free(it);

    for (size_t i = 0; i < 5; i++) {
        f.name = names[i];
        th_ok(ip_unit_create(NULL, s, &f));
    }
    th_ok(ip_unit_iterator_new(&it, s));
    while ((rc = ip_unit_next(&u, it)) == IP_OK) {
        ck_assert_uint_lt(n, 5);
        ck_assert_str_eq(ip_unit_name(u), sorted[n]);
        ck_assert_int_eq(ip_unit_revision(u), 1);
        n++;
        ip_unit_free(u);
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_uint_eq(n, 5);
    ck_assert_ptr_null(u);
    th_expect(IP_ITEROVER, ip_unit_next(&u, it));
    ip_unit_iterator_free(it);

    /* The rows are read when the iterator is made: later units do not
     * appear, and an iterator freed half-way frees the rest. */
    th_ok(ip_unit_iterator_new(&it, s));
    f.name = "Aaa";
    th_ok(ip_unit_create(NULL, s, &f));
    th_ok(ip_unit_next(&u, it));
    ck_assert_str_eq(ip_unit_name(u), "Alpha");
    ip_unit_free(u);
    ip_unit_iterator_free(it);

    ip_session_free(s);
    th_close(store);
}
END_TEST

START_TEST(bad_input_leaves_store_unchanged)
{
    ip_store *store = th_store();
    ip_session *s = th_admin(store);
    ip_unit_fields f = full_fields();
    ip_unit *u = NULL;
    char id[40];
    th_snapshot *snap;

    th_ok(ip_unit_create(&u, s, &f));
    snprintf(id, sizeof id, "%s", ip_unit_id(u));
    ip_unit_free(u);
    ip_session_free(s);
    th_close(store); /* checkpoints the WAL into the file */
    snap = th_snapshot_take(th_path("store.db"));

    store = th_store();
    s = th_admin(store);
    f.organisation_number = "123456789";
    th_expect(IP_EINVALID, ip_unit_create(NULL, s, &f));
    f = full_fields();
    f.name = "\xff";
    th_expect(IP_EINVALID, ip_unit_update(NULL, s, id, 1, &f));
    f = full_fields();
    f.name = "Never written";
    th_expect(IP_ECONFLICT, ip_unit_update(NULL, s, id, 7, &f));
    th_expect(IP_ENOTFOUND, ip_unit_update(NULL, s, UNKNOWN_ID, 1, &f));
    ip_session_free(s);
    th_close(store);

    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("unit");
    TCase *tc = tcase_create("unit");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, create_get_round_trip);
    tcase_add_test(tc, getters_are_null_safe);
    tcase_add_test(tc, sector_names);
    tcase_add_test(tc, fields_init);
    tcase_add_test(tc, invalid_fields_refused);
    tcase_add_test(tc, null_arguments_refused);
    tcase_add_test(tc, update_is_optimistic);
    tcase_add_test(tc, coordinating_unit_keeps_units);
    tcase_add_test(tc, access_by_role);
    tcase_add_test(tc, iterator_by_name);
    tcase_add_test(tc, bad_input_leaves_store_unchanged);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
