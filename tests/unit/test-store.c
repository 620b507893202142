/* Store: open, create, migrate, reopen, refuse newer or foreign files,
 * read-only, check, backup. */
#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static ip_store *open_with(const char *path, unsigned int flags, int expected)
{
    ip_store_options opts = th_store_options(flags);
    ip_store *store = NULL;

    th_expect(expected, ip_store_open(&store, path, &opts));
    if (expected != IP_OK)
        ck_assert_ptr_null(store);
    return store;
}

static void set_user_version(const char *path, int version)
{
    sqlite3 *db;
    char sql[64];

    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

START_TEST(create_migrate_and_reopen)
{
    const char *path = th_path("s.db");
    ip_store *store = open_with(path, IP_STORE_CREATE, IP_OK);
    int version = 0;

    th_ok(ip_store_schema_version(&version, store));
    ck_assert_int_eq(version, ip_schema_version());
    ck_assert_int_ge(version, 1);
    th_ok(ip_store_check(store));
    th_close(store);

    store = open_with(path, 0, IP_OK);
    th_ok(ip_store_schema_version(&version, store));
    ck_assert_int_eq(version, ip_schema_version());
    th_ok(ip_store_check(store));
    th_close(store);
}
END_TEST

START_TEST(missing_file_without_create)
{
    open_with(th_path("absent.db"), 0, IP_ENOTFOUND);
    th_field("path");
}
END_TEST

START_TEST(refuses_newer_schema_untouched)
{
    const char *path = th_path("s.db");
    th_snapshot *snap;

    th_close(open_with(path, IP_STORE_CREATE, IP_OK));
    set_user_version(path, ip_schema_version() + 1);
    snap = th_snapshot_take(path);
    open_with(path, 0, IP_ETOONEW);
    ck_assert_ptr_null(strstr(ip_error_last()->message, "/"));
    th_snapshot_assert_same(snap, path);
}
END_TEST

START_TEST(refuses_foreign_database)
{
    const char *path = th_path("other.db");
    sqlite3 *db;

    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    open_with(path, 0, IP_ECORRUPT);
}
END_TEST

START_TEST(refuses_a_file_that_is_not_a_database)
{
    const char *path = th_path("text.db");
    FILE *f = fopen(path, "w");

    ck_assert_ptr_nonnull(f);
    fputs("this is not a database, but it is long enough to look at ....\n", f);
    for (int i = 0; i < 100; i++)
        fputs("0123456789abcdef0123456789abcdef0123456789abcdef\n", f);
    fclose(f);
    open_with(path, 0, IP_ECORRUPT);
}
END_TEST

START_TEST(read_only_store)
{
    const char *path = th_path("s.db");
    ip_store *store = open_with(path, IP_STORE_CREATE, IP_OK);
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1990-05-17", "Kari");
    char id[40];
    ip_session *ro_cu;
    ip_person *again = NULL;
    ip_unit_iterator *it = NULL;
    ip_unit *unit = NULL;
    const char *cu_unit_id;

    snprintf(id, sizeof id, "%s", ip_person_id(p));
    ip_person_free(p);
    th_ok(ip_unit_iterator_new(&it, cu));
    th_ok(ip_unit_next(&unit, it));
    cu_unit_id = ip_unit_id(unit);
    ip_store *ro = open_with(path, IP_STORE_READONLY, IP_OK);
    ro_cu = th_session(ro, IP_ROLE_COORDINATING_UNIT, "case-worker-2", cu_unit_id);
    th_ok(ip_store_check(ro));
    /* A read of personal data would need its audit event written. */
    th_expect(IP_EREADONLY, ip_person_get(&again, ro_cu, id));
    ck_assert_ptr_null(again);
    th_expect(IP_EREADONLY, ip_session_begin(ro_cu));
    ip_session_free(ro_cu);
    ip_unit_free(unit);
    ip_unit_iterator_free(it);
    th_close(ro);
    th_close(store);
}
END_TEST

START_TEST(read_only_cannot_be_created)
{
    open_with(th_path("s.db"), IP_STORE_CREATE | IP_STORE_READONLY, IP_EINVALID);
    th_field("opts.flags");
}
END_TEST

START_TEST(bad_arguments)
{
    ip_store_options opts = IP_STORE_OPTIONS_INIT;
    ip_store *store = NULL;
    int version;

    th_expect(IP_EINVALID, ip_store_open(NULL, th_path("s.db"), NULL));
    th_field("out");
    th_expect(IP_EINVALID, ip_store_open(&store, NULL, NULL));
    th_field("path");
    opts.version = 99;
    th_expect(IP_EINVALID, ip_store_open(&store, th_path("s.db"), &opts));
    th_field("opts.version");
    opts.version = IP_STORE_OPTIONS_VERSION;
    opts.flags = 0x80;
    th_expect(IP_EINVALID, ip_store_open(&store, th_path("s.db"), &opts));
    th_field("opts.flags");
    th_expect(IP_EINVALID, ip_store_options_init(NULL, IP_STORE_OPTIONS_VERSION));
    th_expect(IP_EINVALID, ip_store_options_init(&opts, 2));
    th_ok(ip_store_options_init(&opts, IP_STORE_OPTIONS_VERSION));
    ck_assert_uint_eq(opts.version, IP_STORE_OPTIONS_VERSION);
    ck_assert_uint_eq(opts.flags, 0);
    th_expect(IP_EINVALID, ip_store_check(NULL));
    th_expect(IP_EINVALID, ip_store_schema_version(&version, NULL));
    th_expect(IP_EINVALID, ip_store_schema_version(NULL, NULL));
    th_close(NULL);
}
END_TEST

START_TEST(check_finds_damage)
{
    const char *path = th_path("s.db");
    ip_store *store = open_with(path, IP_STORE_CREATE, IP_OK);
    sqlite3 *db;

    ip_person_free(th_person(th_cu_session(store), "1990-05-17", "Kari"));
    th_ok(ip_store_check(store));
    /* Break a foreign key behind the library's back. */
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db,
                         "INSERT INTO relation VALUES ('r', 1, 'x', 'x', 'nobody', 'nobody2', 1, '2020-01-01', NULL)",
                         NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    th_expect(IP_ECORRUPT, ip_store_check(store));
    ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "foreign key"));
    th_close(store);
}
END_TEST

START_TEST(backup_copies_the_store)
{
    const char *path = th_path("s.db"), *copy = th_path("copy.db");
    ip_store *store = open_with(path, IP_STORE_CREATE, IP_OK);
    ip_session *cu = th_cu_session(store);
    ip_person *p = th_person(cu, "1990-05-17", "Kari"), *found = NULL;
    ip_session *admin = th_admin(store);
    ip_store *restored;
    char id[40];

    snprintf(id, sizeof id, "%s", ip_person_id(p));
    th_expect(IP_EDENIED, ip_store_backup(cu, copy));
    th_ok(ip_store_backup(admin, copy));
    th_expect(IP_EINVALID, ip_store_backup(admin, NULL));
    th_expect(IP_EINVALID, ip_store_backup(NULL, copy));
    restored = open_with(copy, 0, IP_OK);
    th_ok(ip_store_check(restored));
    {
        ip_session *cu2;
        ip_unit_iterator *it = NULL;
        ip_unit *unit = NULL;
        ip_session *reader = th_admin(restored);
        th_ok(ip_unit_iterator_new(&it, reader));
        th_ok(ip_unit_next(&unit, it));
        cu2 = th_session(restored, IP_ROLE_COORDINATING_UNIT, "case-worker-1", ip_unit_id(unit));
        th_ok(ip_person_get(&found, cu2, id));
        ck_assert_str_eq(ip_person_given_name(found), "Kari");
        ip_person_free(found);
        ip_unit_free(unit);
        ip_unit_iterator_free(it);
        ip_session_free(cu2);
        ip_session_free(reader);
    }
    th_close(restored);
    ip_person_free(p);
    ip_session_free(admin);
    th_close(store);
}
END_TEST

START_TEST(version_and_errors)
{
    int major = -1, minor = -1, patch = -1;

    ck_assert_str_eq(ip_version(&major, &minor, &patch), IP_VERSION);
    ck_assert_int_eq(major, IP_VERSION_MAJOR);
    ck_assert_int_eq(minor, IP_VERSION_MINOR);
    ck_assert_int_eq(patch, IP_VERSION_PATCH);
    ck_assert_ptr_nonnull(ip_version(NULL, NULL, NULL));
    ck_assert_str_eq(ip_strerror(IP_ECONFLICT),
                     "conflict: the record was changed by someone else");
    ck_assert_str_eq(ip_strerror(12345), "unknown error");
    ip_error_clear();
    ck_assert_ptr_nonnull(ip_error_last());
    ck_assert_int_eq(ip_error_last()->code, IP_OK);
    ck_assert_str_eq(ip_error_last()->message, "");
    ck_assert_str_eq(ip_error_last()->field, "");
    ip_free(NULL);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("store");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, create_migrate_and_reopen);
    tcase_add_test(tc, missing_file_without_create);
    tcase_add_test(tc, refuses_newer_schema_untouched);
    tcase_add_test(tc, refuses_foreign_database);
    tcase_add_test(tc, refuses_a_file_that_is_not_a_database);
    tcase_add_test(tc, read_only_store);
    tcase_add_test(tc, read_only_cannot_be_created);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, check_finds_damage);
    tcase_add_test(tc, backup_copies_the_store);
    tcase_add_test(tc, version_and_errors);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
