/*
 * Shared test scaffolding: each test file defines `Suite *suite(void)` and
 * ends with TH_MAIN(). Stores are created fresh per test in a temporary
 * directory, with a fixed clock so dates are deterministic.
 */
#ifndef IP_TEST_HARNESS_H
#define IP_TEST_HARNESS_H

#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "ip/ip.h"

Suite *suite(void);

/* The fixed "now" of every test store: 2026-03-02T10:00:00.000Z. */
#define TH_NOW_MS INT64_C(1772445600000)
#define TH_TODAY "2026-03-02"

/* Asserts a libip call returned code; on mismatch shows the last error. */
#define th_expect(code, call)                                                  \
    do {                                                                       \
        int th_rc_ = (call);                                                   \
        ck_assert_msg(th_rc_ == (code), "%s returned %d (%s), expected %d",    \
                      #call, th_rc_, ip_error_last()->message, (code));        \
    } while (0)
#define th_ok(call) th_expect(IP_OK, call)

/* Asserts the last error names field. */
#define th_field(name) ck_assert_str_eq(ip_error_last()->field, (name))

/* A fresh directory for the current test; removed by th_cleanup(). */
const char *th_tmpdir(void);
/* path inside th_tmpdir(); returns a static buffer per call slot (8 slots) */
const char *th_path(const char *name);

/* The test clock: returns *(int64_t *)payload. */
int64_t th_clock(void *payload);
extern int64_t th_now_ms;

/* Opens (creating) a store at th_path("store.db") with the test clock. */
ip_store *th_store(void);
/* Closes a store, freeing the harness's coordinating-unit session of it
 * first (sessions go before their store). */
void th_close(ip_store *store);
/* Opens a session or fails the test. unit_id may be NULL. */
ip_session *th_session(ip_store *store, ip_role role, const char *actor_id,
                       const char *unit_id);

/* Creates a unit (through an admin session); returns its id (static). */
const char *th_unit(ip_store *store, const char *name, ip_sector sector,
                    int coordinating);
/* A session of the store's coordinating unit (created on first use; the
 * harness frees it). */
ip_session *th_cu_session(ip_store *store);
/* The id of that coordinating unit. */
const char *th_cu_unit(void);
/* Creates a person with a generated valid fødselsnummer born on birth. */
ip_person *th_person(ip_session *s, const char *birth, const char *given);
/* Generates a valid fødselsnummer for a birth date and individual number. */
void th_fnr(char out[12], const char *birth, int individual);

/* Reads a whole file into memory (for byte-for-byte comparisons). */
char *th_slurp(const char *path, size_t *len);

/* Fixture pair for tcase_add_checked_fixture. */
void th_setup(void);
void th_teardown(void);

#define TH_MAIN()                                                              \
    int main(void)                                                             \
    {                                                                          \
        SRunner *sr = srunner_create(suite());                                 \
        int failed;                                                            \
        srunner_run_all(sr, CK_ENV);                                           \
        failed = srunner_ntests_failed(sr);                                    \
        srunner_free(sr);                                                      \
        return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;                      \
    }

#endif
