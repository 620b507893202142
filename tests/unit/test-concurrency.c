/* Two handles on one store file, as two processes or threads would have:
 * a stale write is refused, a held write lock makes the other wait up to
 * its busy timeout and then fail with IP_EBUSY, and nothing is lost. */
#include "harness.h"

#include <string.h>

static ip_store *second_handle(int busy_timeout_ms)
{
    ip_store_options opts = th_store_options(0);
    ip_store *store = NULL;

    opts.busy_timeout_ms = busy_timeout_ms;
    th_ok(ip_store_open(&store, th_path("store.db"), &opts));
    return store;
}

static ip_person_fields renamed(const ip_person *p, const char *given)
{
    ip_person_fields f = IP_PERSON_FIELDS_INIT;

    f.national_id = ip_person_national_id(p);
    f.given_name = given;
    f.family_name = ip_person_family_name(p);
    return f;
}

START_TEST(stale_revision_across_handles)
{
    ip_store *a = th_store();
    ip_person *p = th_person(th_cu_session(a), "1977-07-07", "Siri");
    ip_store *b = second_handle(0);
    ip_session *sb = th_session(b, IP_ROLE_COORDINATING_UNIT, "case-worker-2", th_cu_unit());
    ip_person *seen_by_b = NULL, *final = NULL;
    ip_person_fields fa = renamed(p, "Siri A"), fb;

    th_ok(ip_person_get(&seen_by_b, sb, ip_person_id(p)));
    fb = renamed(seen_by_b, "Siri B");
    /* Both read revision 1; the first write wins, the second is refused. */
    th_ok(ip_person_update(NULL, th_cu_session(a), ip_person_id(p), 1, &fa));
    th_expect(IP_ECONFLICT, ip_person_update(NULL, sb, ip_person_id(p),
                                             ip_person_revision(seen_by_b), &fb));
    th_ok(ip_person_get(&final, sb, ip_person_id(p)));
    ck_assert_str_eq(ip_person_given_name(final), "Siri A");
    ck_assert_int_eq(ip_person_revision(final), 2);
    ip_person_free(final);
    ip_person_free(seen_by_b);
    ip_person_free(p);
    ip_session_free(sb);
    ip_store_close(b);
    th_close(a);
}
END_TEST

START_TEST(held_lock_gives_busy_after_timeout)
{
    ip_store *a = th_store();
    ip_session *sa = th_cu_session(a);
    ip_person *p = th_person(sa, "1977-07-07", "Siri"), *got = NULL;
    ip_store *b = second_handle(-1); /* fail at once rather than wait */
    ip_session *sb = th_session(b, IP_ROLE_COORDINATING_UNIT, "case-worker-2", th_cu_unit());
    ip_person_fields f = renamed(p, "Siri B");

    th_ok(ip_session_begin(sa));
    th_expect(IP_EBUSY, ip_person_update(NULL, sb, ip_person_id(p), 1, &f));
    ck_assert_int_ne(ip_error_last()->sqlite_code, 0);
    /* Reads need their audit event written, so they wait for the lock too. */
    th_expect(IP_EBUSY, ip_person_get(&got, sb, ip_person_id(p)));
    ck_assert_ptr_null(got);
    th_ok(ip_session_commit(sa));
    /* Once the lock is released the same call goes through. */
    th_ok(ip_person_update(NULL, sb, ip_person_id(p), 1, &f));
    th_ok(ip_person_get(&got, sa, ip_person_id(p)));
    ck_assert_str_eq(ip_person_given_name(got), "Siri B");
    ip_person_free(got);
    ip_person_free(p);
    ip_session_free(sb);
    ip_store_close(b);
    th_close(a);
}
END_TEST

START_TEST(committed_work_is_seen_by_the_other_handle)
{
    ip_store *a = th_store();
    ip_session *sa = th_cu_session(a);
    ip_store *b = second_handle(2000);
    ip_session *sb = th_session(b, IP_ROLE_COORDINATING_UNIT, "case-worker-2", th_cu_unit());
    ip_person *p, *got = NULL;

    th_ok(ip_session_begin(sa));
    p = th_person(sa, "1960-06-06", "Grouped");
    th_ok(ip_session_commit(sa));
    /* Committed through one handle, read (and audited) through the other. */
    th_ok(ip_person_get(&got, sb, ip_person_id(p)));
    ck_assert_str_eq(ip_person_given_name(got), "Grouped");
    ip_person_free(got);
    ip_person_free(p);
    ip_session_free(sb);
    ip_store_close(b);
    th_close(a);
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("concurrency");
    TCase *tc = tcase_create("concurrency");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, stale_revision_across_handles);
    tcase_add_test(tc, held_lock_gives_busy_after_timeout);
    tcase_add_test(tc, committed_work_is_seen_by_the_other_handle);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
