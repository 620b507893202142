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

/* Asserts the last error's message does not repeat value: messages end up
 * in logs, and refused values may be personal data. NULL, and values under
 * three bytes (too short to tell), pass. */
void th_not_echoed(const char *value);

/* A fresh directory for the current test; removed by th_cleanup(). */
const char *th_tmpdir(void);
/* path inside th_tmpdir(); returns a static buffer per call slot (8 slots) */
const char *th_path(const char *name);

/* The test clock: returns *(int64_t *)payload. */
int64_t th_clock(void *payload);
extern int64_t th_now_ms;

/* Store options with flags and the test clock, so that every store a test
 * opens, however it opens it, keeps the same deterministic time. */
ip_store_options th_store_options(unsigned int flags);
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

/* The first column of a query's first row (-1 without one), mostly a
 * count, read straight from the test store's file: a check that does not go
 * through the library under test, and so cannot be fooled by it. */
int th_count(const char *sql);

/* A store file's bytes, for the promise that refused input leaves the file
 * byte for byte as it was. Take it after closing the store (closing
 * checkpoints the WAL into the file) and compare after closing it again. */
typedef struct th_snapshot th_snapshot;
th_snapshot *th_snapshot_take(const char *path);
/* Fails the test unless path holds the same bytes; frees snap. */
void th_snapshot_assert_same(th_snapshot *snap, const char *path);

/* An administrator session: master data is kept under this role. */
ip_session *th_admin(ip_store *store);

/* A child (born 2015-06-01) and a parent in a fresh store, for tests of
 * what is recorded about one family. cu is the harness's coordinating-unit
 * session, so th_family_close() frees it with the store. */
typedef struct {
    ip_store *store;
    ip_session *cu;
    ip_person *child;
    ip_person *parent;
} th_family;
void th_family_open(th_family *fam);
void th_family_close(th_family *fam);

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
