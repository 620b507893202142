/*
 * Store settings: the defaults a new store starts with, reading them from
 * any session, changing them as an administrator only, each setting's
 * range, the audit events, what modules read (ip__setting), and that a
 * refused change leaves the store as it was.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "settings.h"

typedef struct {
    const char *name;
    int64_t fallback, min, max;
} setting_case;

static const setting_case cases[] = {
    {"complaint_deadline_weeks", 4, 1, 52},
    {"due_meeting_months", 6, 1, 36},
    {"due_consent_days", 30, 1, 365},
    {"due_complaint_warning_days", 7, 0, 60},
};
#define NCASES (sizeof cases / sizeof cases[0])

static int64_t get(ip_session *s, const char *name)
{
    int64_t v = -1;

    th_ok(ip_setting_get(&v, s, name));
    return v;
}

START_TEST(defaults_read_by_every_role)
{
    ip_store *store = th_store();
    ip_session *cu = th_cu_session(store);
    char unit[40], coordinator[40];
    ip_person *p = th_person(cu, "1980-01-01", "Per");
    ip_session *sessions[7];

    snprintf(unit, sizeof unit, "%s",
             th_unit(store, "Legetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    th_practitioner(store, unit, "Kari", "Koordinator", coordinator);
    sessions[0] = th_admin(store);
    sessions[1] = th_session(store, IP_ROLE_COORDINATOR, coordinator, unit);
    sessions[2] = th_session(store, IP_ROLE_PROVIDER, "provider", unit);
    sessions[3] = th_session(store, IP_ROLE_PERSON, ip_person_id(p), NULL);
    sessions[4] = th_session(store, IP_ROLE_NEXT_OF_KIN, ip_person_id(p), NULL);
    sessions[5] = th_session(store, IP_ROLE_ANALYST, "analyst", NULL);
    sessions[6] = cu;
    for (size_t i = 0; i < 7; i++) {
        for (size_t k = 0; k < NCASES; k++)
            ck_assert_int_eq(get(sessions[i], cases[k].name), cases[k].fallback);
        if (sessions[i] != cu)
            ip_session_free(sessions[i]);
    }
    ip_person_free(p);
    th_close(store);
}
END_TEST

START_TEST(admin_sets_and_it_persists)
{
    ip_store *store = th_store();
    ip_session *admin = th_admin(store);

    th_ok(ip_setting_set(admin, "complaint_deadline_weeks", 6));
    th_ok(ip_setting_set(admin, "due_consent_days", 45));
    ck_assert_int_eq(get(admin, "complaint_deadline_weeks"), 6);
    ck_assert_int_eq(get(admin, "due_consent_days"), 45);
    ck_assert_int_eq(get(admin, "due_meeting_months"), 6);
    ip_session_free(admin);
    th_close(store);

    ck_assert_int_eq(th_count("SELECT value FROM store_setting"
                              " WHERE name = 'complaint_deadline_weeks'"), 6);
    store = th_store();
    admin = th_admin(store);
    ck_assert_int_eq(get(admin, "complaint_deadline_weeks"), 6);
    ip_session_free(admin);
    th_close(store);
}
END_TEST

/* Each setting's range: its ends are accepted, one beyond either refused
 * naming setting.value, and the refusal changes nothing. */
START_TEST(ranges)
{
    ip_store *store = th_store();
    ip_session *admin = th_admin(store);

    for (size_t k = 0; k < NCASES; k++) {
        const setting_case *c = &cases[k];

        th_expect(IP_EINVALID, ip_setting_set(admin, c->name, c->min - 1));
        th_field("setting.value");
        th_expect(IP_EINVALID, ip_setting_set(admin, c->name, c->max + 1));
        th_field("setting.value");
        th_expect(IP_EINVALID, ip_setting_set(admin, c->name, INT64_MIN));
        th_expect(IP_EINVALID, ip_setting_set(admin, c->name, INT64_MAX));
        ck_assert_int_eq(get(admin, c->name), c->fallback);
        th_ok(ip_setting_set(admin, c->name, c->min));
        ck_assert_int_eq(get(admin, c->name), c->min);
        th_ok(ip_setting_set(admin, c->name, c->max));
        ck_assert_int_eq(get(admin, c->name), c->max);
    }
    ip_session_free(admin);
    th_close(store);
}
END_TEST

START_TEST(unknown_names)
{
    ip_store *store = th_store();
    ip_session *admin = th_admin(store);
    int64_t v = 99;

    th_expect(IP_EINVALID, ip_setting_get(&v, admin, "complaint_deadline_days"));
    th_field("setting.name");
    th_not_echoed("complaint_deadline_days");
    ck_assert_int_eq(v, 0);
    th_expect(IP_EINVALID, ip_setting_get(&v, admin, ""));
    th_field("setting.name");
    th_expect(IP_EINVALID, ip_setting_get(&v, admin, NULL));
    th_field("setting.name");
    th_expect(IP_EINVALID, ip_setting_set(admin, "Complaint_Deadline_Weeks", 5));
    th_field("setting.name");
    th_expect(IP_EINVALID, ip_setting_set(admin, NULL, 5));
    th_expect(IP_EINVALID, ip_setting_get(NULL, admin, "due_consent_days"));
    th_expect(IP_EINVALID, ip_setting_get(&v, NULL, "due_consent_days"));
    th_expect(IP_EINVALID, ip_setting_set(NULL, "due_consent_days", 5));
    ck_assert_int_eq(get(admin, "complaint_deadline_weeks"), 4);
    ip_session_free(admin);
    th_close(store);
    /* Refused before the store: no audit event at all. */
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'setting'"),
                     1);
}
END_TEST

/* Only an administrator changes settings; every other role is denied, the
 * value stays, and the denial is audited. */
START_TEST(only_admin_sets)
{
    ip_store *store = th_store();
    ip_person *p = th_person(th_cu_session(store), "1980-01-01", "Per");
    char unit[40], coordinator[40];
    ip_session *sessions[6];
    size_t n = 6;

    snprintf(unit, sizeof unit, "%s",
             th_unit(store, "Legetjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    th_practitioner(store, unit, "Kari", "Koordinator", coordinator);
    sessions[0] = th_cu_session(store);
    sessions[1] = th_session(store, IP_ROLE_COORDINATOR, coordinator, unit);
    sessions[2] = th_session(store, IP_ROLE_PROVIDER, "provider", unit);
    sessions[3] = th_session(store, IP_ROLE_PERSON, ip_person_id(p), NULL);
    sessions[4] = th_session(store, IP_ROLE_NEXT_OF_KIN, ip_person_id(p), NULL);
    sessions[5] = th_session(store, IP_ROLE_ANALYST, "analyst", NULL);

    for (size_t i = 0; i < n; i++) {
        th_expect(IP_EDENIED, ip_setting_set(sessions[i], "complaint_deadline_weeks", 6));
        ck_assert_ptr_nonnull(strstr(ip_error_last()->message, "admin.settings"));
        ck_assert_int_eq(get(sessions[i], "complaint_deadline_weeks"), 4);
    }
    for (size_t i = 1; i < n; i++)
        ip_session_free(sessions[i]);
    ip_person_free(p);
    th_close(store);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'setting'"
                              " AND action = 'deny' AND outcome = 'denied'"
                              " AND object_id = 'complaint_deadline_weeks'"
                              " AND rule = 'admin.settings'"),
                     (int)n);
    ck_assert_int_eq(th_count("SELECT value FROM store_setting"
                              " WHERE name = 'complaint_deadline_weeks'"), 4);
}
END_TEST

START_TEST(audited)
{
    ip_store *store = th_store();
    ip_session *admin = th_admin(store);

    th_ok(ip_setting_set(admin, "due_meeting_months", 3));
    ck_assert_int_eq(get(admin, "due_meeting_months"), 3);
    ip_session_free(admin);
    th_close(store);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'setting'"
                              " AND action = 'update' AND outcome = 'allowed'"
                              " AND object_id = 'due_meeting_months' AND actor_id = 'it-admin'"
                              " AND person_id IS NULL AND rule = 'admin.settings'"),
                     1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'setting'"
                              " AND action = 'read' AND object_id = 'due_meeting_months'"
                              " AND rule = 'setting.read'"),
                     1);
}
END_TEST

/* A refused change leaves the store file byte for byte as it was. */
START_TEST(refused_leaves_store_unchanged)
{
    ip_store *store = th_store();
    ip_session *admin = th_admin(store);
    th_snapshot *snap;

    ip_session_free(admin);
    th_close(store);
    snap = th_snapshot_take(th_path("store.db"));
    store = th_store();
    admin = th_admin(store);
    th_expect(IP_EINVALID, ip_setting_set(admin, "complaint_deadline_weeks", 0));
    th_expect(IP_EINVALID, ip_setting_set(admin, "complaint_deadline_weeks", 53));
    th_expect(IP_EINVALID, ip_setting_set(admin, "no_such_setting", 1));
    ip_session_free(admin);
    th_close(store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

/* Runs one statement on the test store's file straight through SQLite. */
static void exec_sql(const char *sql)
{
    sqlite3 *db;

    ck_assert_int_eq(sqlite3_open_v2(th_path("store.db"), &db, SQLITE_OPEN_READWRITE, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* What the modules read: the stored value, the default when a store has
 * lost its row, and an error for a name that is not a setting. */
START_TEST(internal_read)
{
    ip_store *store = th_store();
    ip_session *admin = th_admin(store);
    int64_t v = 0;

    th_ok(ip__setting(store, IP__SETTING_COMPLAINT_DEADLINE_WEEKS, &v));
    ck_assert_int_eq(v, 4);
    th_ok(ip_setting_set(admin, IP__SETTING_DUE_COMPLAINT_WARNING_DAYS, 0));
    th_ok(ip__setting(store, IP__SETTING_DUE_COMPLAINT_WARNING_DAYS, &v));
    ck_assert_int_eq(v, 0);
    th_expect(IP_EINVALID, ip__setting(store, "nope", &v));
    th_field("setting.name");
    ip_session_free(admin);
    th_close(store);
    /* The modules' reads write nothing: only the change is audited. */
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM audit_event WHERE object_kind = 'setting'"),
                     1);

    /* A store that lost the row (by hand) reads the default; setting it
     * adds the row back. */
    exec_sql("DELETE FROM store_setting WHERE name = 'due_consent_days'");
    store = th_store();
    admin = th_admin(store);
    th_ok(ip__setting(store, IP__SETTING_DUE_CONSENT_DAYS, &v));
    ck_assert_int_eq(v, 30);
    ck_assert_int_eq(get(admin, "due_consent_days"), 30);
    th_ok(ip_setting_set(admin, "due_consent_days", 14));
    ck_assert_int_eq(get(admin, "due_consent_days"), 14);
    ip_session_free(admin);
    th_close(store);
    ck_assert_int_eq(th_count("SELECT value FROM store_setting WHERE name = 'due_consent_days'"),
                     14);

    /* A value outside the range, written by hand, reads as the default. */
    exec_sql("UPDATE store_setting SET value = 0 WHERE name = 'complaint_deadline_weeks'");
    store = th_store();
    admin = th_admin(store);
    th_ok(ip__setting(store, IP__SETTING_COMPLAINT_DEADLINE_WEEKS, &v));
    ck_assert_int_eq(v, 4);
    ck_assert_int_eq(get(admin, "complaint_deadline_weeks"), 4);
    ip_session_free(admin);
    th_close(store);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("setting");
    TCase *tc = tcase_create("setting");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, defaults_read_by_every_role);
    tcase_add_test(tc, admin_sets_and_it_persists);
    tcase_add_test(tc, ranges);
    tcase_add_test(tc, unknown_names);
    tcase_add_test(tc, only_admin_sets);
    tcase_add_test(tc, audited);
    tcase_add_test(tc, refused_leaves_store_unchanged);
    tcase_add_test(tc, internal_read);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
