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

/* Copies an id (asserted non-NULL) into a 40-byte buffer. */
void th_copy_id(char out[40], const char *id);
/* Creates a practitioner of unit_id (through an admin session); its id goes
 * to out. */
void th_practitioner(ip_store *store, const char *unit_id, const char *given,
                     const char *family, char out[40]);
/* Adds a participant to plan_id, valid from TH_TODAY; exactly one of
 * person_id, prac_id and unit_id is set, as role wants. out may be NULL. */
void th_participant(ip_session *cu, const char *plan_id, ip_participant_role role,
                    const char *person_id, const char *prac_id, const char *unit_id,
                    char out[40]);
/* A new person ("Kari", born on birth) with an open plan (made directly by
 * the coordinating unit, cu) and the person as its participant. */
void th_plan_for(ip_session *cu, const char *birth, char person_id[40],
                 char plan_id[40], char part[40]);

/* A "plan world": the set-up shared by the tests of plan content (goals,
 * measures, evaluations), which all need an open plan that a coordinator
 * keeps, a provider unit takes part in and the person can see. In order it
 * builds:
 *   - a fresh store and the harness's coordinating-unit session (cu);
 *   - a person born 1990-01-01 with an open plan and the person as
 *     participant (person_id, plan_id, part_person);
 *   - a provider unit (unit_id; "Hjemmetjenesten", municipal health care
 *     unless the options say otherwise);
 *   - a practitioner "Ola Nordmann" of that unit (coord_prac) who takes part
 *     as the plan's coordinator (part_coord), and the unit as provider
 *     (part_provider);
 *   - sessions: coord (the coordinator, the role that keeps plan content),
 *     provider (a worker of the unit) and person (the person's own access).
 * th_plan_world_close() frees the sessions and closes the store (and with
 * it cu). A file that needs more embeds these fields with
 * TH_PLAN_WORLD_EMBED and adds its own after them. */
#define TH_PLAN_WORLD_FIELDS_AS(unit_id, provider)                             \
    ip_store *store;                                                           \
    ip_session *cu, *coord, *provider, *person;                                \
    char person_id[40], plan_id[40], unit_id[40], coord_prac[40];              \
    char part_person[40], part_coord[40], part_provider[40];
#define TH_PLAN_WORLD_FIELDS TH_PLAN_WORLD_FIELDS_AS(unit_id, provider)
typedef struct {
    TH_PLAN_WORLD_FIELDS
} th_plan_world;
/* Inside a file's own world struct: the plan world, reachable both as
 * `base` (to pass to th_plan_world_open/close) and field by field (w->coord)
 * so that tests read as they would with a world of their own. The _AS form
 * gives the provider unit and its session the file's own names (the layout
 * is the same, so base still sees them). */
#define TH_PLAN_WORLD_EMBED_AS(unit_id, provider)                              \
    union {                                                                    \
        th_plan_world base;                                                    \
        struct {                                                               \
            TH_PLAN_WORLD_FIELDS_AS(unit_id, provider)                         \
        };                                                                     \
    }
#define TH_PLAN_WORLD_EMBED TH_PLAN_WORLD_EMBED_AS(unit_id, provider)

/* What may differ between plan worlds; NULL or a zero field: the default. */
typedef struct {
    const char *unit_name;      /* "Hjemmetjenesten" */
    ip_sector unit_sector;      /* with unit_name: its sector */
    const char *provider_actor; /* "home-worker": the provider session's id */
} th_plan_world_options;
void th_plan_world_open(th_plan_world *w, const th_plan_world_options *opts);
void th_plan_world_close(th_plan_world *w);

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
