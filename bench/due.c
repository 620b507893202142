/*
 * bench-due: how the due list's cost grows with the store.
 *
 *   bench-due [--million] [--reps N] [--keep] [--dir DIR] [SIZE...]
 *
 * For each size (active plans; default 10000 and 100000, and 1000000 with
 * --million) it makes a store with ip_store_open() (so the migrations and
 * their triggers apply), fills it quickly with raw SQLite inserts in the
 * store's schema — per plan a person, the plan, two participants (the
 * person; a provider unit), a held meeting, a goal (half of those past
 * their target evaluated), a consent to the plan (some with an end date),
 * for most persons a coordinator assignment; every 20th person an
 * application, every 200th a complaint — and then times:
 *
 *   libip   ip_due_iterator_new() + ip_due_next() over the whole store,
 *           limit 100: one audited call (its transaction, 101 audit
 *           events, the settings, the merge);
 *   raw     the same statement (its eight per-kind index reads) run
 *           directly on SQLite, prepared once, rows stepped and read, no
 *           transaction, no audit;
 *   unit    the libip call for one provider unit (about 1000 plans at
 *           every size);
 *   coord   the libip call for one coordinator (about 45 persons).
 *
 * Each time is the median of --reps runs (default 30) after a warm-up.
 * The dates are those of a fixed "today", 2026-03-02, as in the tests.
 */
#include <ip/ip.h>

#include <errno.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/due_queries.h"
#include "text.h"

#define NOW_MS INT64_C(1772445600000) /* 2026-03-02T10:00:00.000Z */
#define TODAY "2026-03-02"
#define INSTANT "2026-03-02T10:00:00.000Z"
#define LIMIT 100

static int64_t bench_now = NOW_MS;

static int64_t fixed_clock(void *payload)
{
    return *(const int64_t *)payload;
}

static double clock_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench-due: %s: %s\n", what, detail ? detail : "");
    exit(1);
}

static void check_ip(int rc, const char *what)
{
    if (rc != IP_OK)
        die(what, ip_error_last()->message);
}

static void check_sql(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        die(what, sqlite3_errmsg(db));
}

/* xorshift64*: the same store for the same size on every run. */
static uint64_t rng_state = 88172645463325252u;

static uint32_t rnd(uint32_t below)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717u) >> 33) % below;
}

/* Ids with the layout of libip's: tag says the table, n the row. */
static void id_of(char out[37], unsigned int tag, uint64_t n)
{
    snprintf(out, 37, "%08x-0000-7000-8000-%012llx", tag & 0xffffffffu,
             (unsigned long long)(n & 0xffffffffffffull));
}

static void day(char out[11], int32_t days)
{
    ip__date_format(out, days);
}

enum {
    T_UNIT = 1, T_PRAC, T_PERSON, T_PLAN, T_PART, T_MEET, T_GOAL, T_EVAL,
    T_CONSENT, T_ASSIGN, T_APP, T_COMPLAINT
};

typedef struct {
    sqlite3 *db;
    sqlite3_stmt *unit, *prac, *person, *plan, *part, *meeting, *goal, *eval, *consent,
        *assign, *app, *complaint;
} loader;

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;

    check_sql(db, sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), sql);
    return stmt;
}

static void bind_text(sqlite3_stmt *s, int i, const char *text)
{
    if (text)
        sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static void run(loader *l, sqlite3_stmt *s)
{
    check_sql(l->db, sqlite3_step(s), sqlite3_sql(s));
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

static void loader_open(loader *l, const char *path)
{
    memset(l, 0, sizeof *l);
    check_sql(NULL, sqlite3_open(path, &l->db), "open");
    check_sql(l->db,
              sqlite3_exec(l->db,
                           "PRAGMA synchronous = OFF; PRAGMA cache_size = -524288;"
                           " PRAGMA temp_store = MEMORY; BEGIN",
                           NULL, NULL, NULL),
              "configure");
    l->unit = prepare(l->db,
        "INSERT INTO unit (id, revision, created_at, updated_at, name, sector,"
        " municipality_number, coordinating) VALUES (?1, 1, '" INSTANT "', '" INSTANT "',"
        " 'Enhet', ?2, '0301', ?3)");
    l->prac = prepare(l->db,
        "INSERT INTO practitioner (id, revision, created_at, updated_at, unit_id,"
        " given_name, family_name) VALUES (?1, 1, '" INSTANT "', '" INSTANT "', ?2,"
        " 'Kari', 'Koordinator')");
    l->person = prepare(l->db,
        "INSERT INTO person (id, revision, created_at, updated_at, national_id_kind,"
        " given_name, family_name) VALUES (?1, 1, '" INSTANT "', '" INSTANT "', 0,"
        " 'Test', 'Person')");
    l->plan = prepare(l->db,
        "INSERT INTO plan (id, revision, created_at, updated_at, person_id, status, origin,"
        " next_revision_on, activated_on, end_reason) VALUES (?1, 2, '" INSTANT "',"
        " '" INSTANT "', ?2, 2, 2, ?3, ?4, 0)");
    l->part = prepare(l->db,
        "INSERT INTO participant (id, revision, created_at, updated_at, plan_id, person_id,"
        " role, participant_person_id, unit_id, responsibility_group, valid_from)"
        " VALUES (?1, 1, '" INSTANT "', '" INSTANT "', ?2, ?3, ?4, ?5, ?6, 1, ?7)");
    l->meeting = prepare(l->db,
        "INSERT INTO meeting (id, revision, created_at, updated_at, plan_id, person_id,"
        " planned_on, held_on) VALUES (?1, 1, '" INSTANT "', '" INSTANT "', ?2, ?3, ?4, ?4)");
    l->goal = prepare(l->db,
        "INSERT INTO goal (id, revision, created_at, updated_at, plan_id, person_id, text,"
        " expressed_by_id, target_date, status, achievement) VALUES (?1, 1, '" INSTANT "',"
        " '" INSTANT "', ?2, ?3, 'Mestre hverdagen', ?4, ?5, 2, 1)");
    l->eval = prepare(l->db,
        "INSERT INTO evaluation (id, revision, created_at, updated_at, plan_id, person_id,"
        " goal_id, evaluated_on, evaluated_by_id, assessment, achievement)"
        " VALUES (?1, 1, '" INSTANT "', '" INSTANT "', ?2, ?3, ?4, ?5, ?6, 'Godt i gang', 0)");
    l->consent = prepare(l->db,
        "INSERT INTO consent (id, revision, created_at, updated_at, person_id, kind, form,"
        " sections, purpose, valid_from, valid_to, registered_by, withdrawal_form)"
        " VALUES (?1, 1, '" INSTANT "', '" INSTANT "', ?2, 1, 1, 0, 'Individuell plan',"
        " ?3, ?4, 'bench', 0)");
    l->assign = prepare(l->db,
        "INSERT INTO coordinator_assignment (id, revision, created_at, updated_at,"
        " person_id, kind, practitioner_id, unit_id, appointed_on, appointed_by)"
        " VALUES (?1, 1, '" INSTANT "', '" INSTANT "', ?2, 1, ?3, ?4, ?5, 'bench')");
    l->app = prepare(l->db,
        "INSERT INTO application (id, revision, created_at, updated_at, person_id, requests,"
        " received_on, reply_due_on, signed_by_id, pending) VALUES (?1, 1, '" INSTANT "',"
        " '" INSTANT "', ?2, 3, ?3, ?4, ?2, ?5)");
    l->complaint = prepare(l->db,
        "INSERT INTO complaint (id, revision, created_at, updated_at, person_id,"
        " filed_by_id, written, signed, ground, knew_on, received_on, deadline_on, late,"
        " status, outcome) VALUES (?1, 1, '" INSTANT "', '" INSTANT "', ?2, ?2, 1, 1, 1,"
        " ?3, ?3, ?4, 0, ?5, 0)");
}

static void loader_close(loader *l)
{
    sqlite3_stmt *all[] = {l->unit, l->prac, l->person, l->plan, l->part, l->meeting,
                           l->goal, l->eval, l->consent, l->assign, l->app, l->complaint};

    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    check_sql(l->db, sqlite3_exec(l->db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", NULL,
                                  NULL, NULL),
              "commit");
    sqlite3_close(l->db);
}

typedef struct {
    uint64_t plans, units, practitioners;
    char cu_unit[37];
} world;

/* The store at path, filled for w->plans active plans. */
static void fill(const char *path, world *w)
{
    ip_store_options opts = IP_STORE_OPTIONS_INIT;
    ip_store *store = NULL;
    int32_t today = ip__date_days(TODAY);
    loader l;
    char a[37], b[37], c[37], d1[11], d2[11];

    opts.flags = IP_STORE_CREATE;
    opts.clock = fixed_clock;
    opts.clock_payload = &bench_now;
    check_ip(ip_store_open(&store, path, &opts), "create the store");
    ip_store_close(store);

    rng_state = 88172645463325252u;
    w->units = w->plans / 1000 < 10 ? 10 : w->plans / 1000;
    w->practitioners = w->plans / 50 < 10 ? 10 : w->plans / 50;
    loader_open(&l, path);
    id_of(w->cu_unit, T_UNIT, 0);
    bind_text(l.unit, 1, w->cu_unit);
    sqlite3_bind_int(l.unit, 2, 1);
    sqlite3_bind_int(l.unit, 3, 1);
    run(&l, l.unit);
    for (uint64_t u = 1; u <= w->units; u++) {
        id_of(a, T_UNIT, u);
        bind_text(l.unit, 1, a);
        sqlite3_bind_int(l.unit, 2, 1 + (int)(u % 7));
        sqlite3_bind_int(l.unit, 3, 0);
        run(&l, l.unit);
    }
    for (uint64_t p = 0; p < w->practitioners; p++) {
        id_of(a, T_PRAC, p);
        id_of(b, T_UNIT, 1 + p % w->units);
        bind_text(l.prac, 1, a);
        bind_text(l.prac, 2, b);
        run(&l, l.prac);
    }
    for (uint64_t i = 0; i < w->plans; i++) {
        char person[37], plan[37], part[37], goal[37];
        int32_t active = today - (int32_t)rnd(6 * 365);
        int32_t target = today - 400 + (int32_t)rnd(800);
        int32_t met = today - (int32_t)rnd(365);

        id_of(person, T_PERSON, i);
        id_of(plan, T_PLAN, i);
        id_of(part, T_PART, 2 * i);
        id_of(goal, T_GOAL, i);
        bind_text(l.person, 1, person);
        run(&l, l.person);

        /* For most persons a coordinator, appointed before the plan. */
        if (rnd(10) != 0) {
            uint64_t prac = rnd((uint32_t)w->practitioners);
            id_of(a, T_ASSIGN, i);
            id_of(b, T_PRAC, prac);
            id_of(c, T_UNIT, 1 + prac % w->units);
            day(d1, active - 10);
            bind_text(l.assign, 1, a);
            bind_text(l.assign, 2, person);
            bind_text(l.assign, 3, b);
            bind_text(l.assign, 4, c);
            bind_text(l.assign, 5, d1);
            run(&l, l.assign);
        }
        day(d1, active + 90 + (int32_t)rnd(640));
        day(d2, active);
        bind_text(l.plan, 1, plan);
        bind_text(l.plan, 2, person);
        bind_text(l.plan, 3, d1);
        bind_text(l.plan, 4, d2);
        run(&l, l.plan);

        /* The person, and a provider unit (about 1000 plans a unit). */
        bind_text(l.part, 1, part);
        bind_text(l.part, 2, plan);
        bind_text(l.part, 3, person);
        sqlite3_bind_int(l.part, 4, 1);
        bind_text(l.part, 5, person);
        bind_text(l.part, 6, NULL);
        bind_text(l.part, 7, d2);
        run(&l, l.part);
        id_of(a, T_PART, 2 * i + 1);
        id_of(b, T_UNIT, 1 + rnd((uint32_t)w->units));
        bind_text(l.part, 1, a);
        bind_text(l.part, 2, plan);
        bind_text(l.part, 3, person);
        sqlite3_bind_int(l.part, 4, 5);
        bind_text(l.part, 5, NULL);
        bind_text(l.part, 6, b);
        bind_text(l.part, 7, d2);
        run(&l, l.part);

        id_of(a, T_MEET, i);
        day(d1, met > active ? met : active);
        bind_text(l.meeting, 1, a);
        bind_text(l.meeting, 2, plan);
        bind_text(l.meeting, 3, person);
        bind_text(l.meeting, 4, d1);
        run(&l, l.meeting);

        day(d1, target);
        bind_text(l.goal, 1, goal);
        bind_text(l.goal, 2, plan);
        bind_text(l.goal, 3, person);
        bind_text(l.goal, 4, part);
        bind_text(l.goal, 5, d1);
        run(&l, l.goal);
        if (target <= today && rnd(2) == 0) {
            int32_t on = target + (int32_t)rnd(30);
            id_of(a, T_EVAL, i);
            day(d1, on > today ? today : on);
            bind_text(l.eval, 1, a);
            bind_text(l.eval, 2, plan);
            bind_text(l.eval, 3, person);
            bind_text(l.eval, 4, goal);
            bind_text(l.eval, 5, d1);
            bind_text(l.eval, 6, part);
            run(&l, l.eval);
        }

        id_of(a, T_CONSENT, i);
        {
            int32_t to = today - 100 + (int32_t)rnd(400);
            day(d1, active - 5);
            day(d2, to < active - 5 ? active - 5 : to);
        }
        bind_text(l.consent, 1, a);
        bind_text(l.consent, 2, person);
        bind_text(l.consent, 3, d1);
        bind_text(l.consent, 4, rnd(7) == 0 ? d2 : NULL);
        run(&l, l.consent);

        if (i % 20 == 0) {
            id_of(a, T_APP, i);
            day(d1, today - (int32_t)rnd(180));
            ip__date_add_months(d2, d1, 1);
            bind_text(l.app, 1, a);
            bind_text(l.app, 2, person);
            bind_text(l.app, 3, d1);
            bind_text(l.app, 4, d2);
            sqlite3_bind_int(l.app, 5, rnd(5) == 0 ? 1 : 0);
            run(&l, l.app);
        }
        if (i % 200 == 0) {
            int32_t received = today - (int32_t)rnd(90);
            id_of(a, T_COMPLAINT, i);
            day(d1, received);
            day(d2, received - 10 + (int32_t)rnd(38));
            bind_text(l.complaint, 1, a);
            bind_text(l.complaint, 2, person);
            bind_text(l.complaint, 3, d1);
            bind_text(l.complaint, 4, d2);
            sqlite3_bind_int(l.complaint, 5, 1 + (int)rnd(6));
            run(&l, l.complaint);
        }
    }
    loader_close(&l);
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;

    return (a > b) - (a < b);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* One libip call: the whole list read and freed; returns the items. */
static int lib_once(ip_session *s, const char *unit, const char *prac)
{
    ip_due_query q = IP_DUE_QUERY_INIT;
    ip_due_iterator *it = NULL;
    ip_due_item *item = NULL;
    int n = 0;

    q.unit_id = unit;
    q.practitioner_id = prac;
    q.limit = LIMIT;
    check_ip(ip_due_iterator_new(&it, s, &q), "ip_due_iterator_new");
    while (ip_due_next(&item, it) == IP_OK) {
        n++;
        ip_due_item_free(item);
    }
    ip_due_iterator_free(it);
    return n;
}

/* The whole store's statement straight on SQLite, with the cut-offs of
 * 2026-03-02 under the default settings (6 months, 7 and 30 days) as
 * due.c computes them; returns the rows. */
static int raw_once(sqlite3 *db, sqlite3_stmt *s)
{
    int n = 0, rc;

    sqlite3_bind_text(s, 1, TODAY, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, LIMIT);
    sqlite3_bind_text(s, 3, "2025-09-02", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, "2026-03-09", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, "2026-04-01", -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        for (int c = 1; c < 5; c++)
            (void)sqlite3_column_text(s, c);
        n++;
    }
    check_sql(db, rc, "raw query");
    sqlite3_reset(s);
    return n;
}

static long long file_size(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

static void remove_store(const char *path)
{
    char extra[4200];

    unlink(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    unlink(extra);
}

typedef struct {
    double lib, raw, unit, coord, load_s;
    int items;
    long long bytes;
} result;

static void measure(const char *dir, uint64_t plans, int reps, bool keep, result *r)
{
    char path[4096], unit[37], prac[37];
    world w = {0};
    ip_store_options opts = IP_STORE_OPTIONS_INIT;
    ip_store *store = NULL;
    ip_session *s = NULL;
    ip_actor actor = IP_ACTOR_INIT;
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt;
    double *lib = calloc((size_t)reps, sizeof *lib), *raw = calloc((size_t)reps, sizeof *raw);
    double *by_unit = calloc((size_t)reps, sizeof *by_unit);
    double *by_coord = calloc((size_t)reps, sizeof *by_coord);
    double t0;

    if (!lib || !raw || !by_unit || !by_coord)
        die("memory", NULL);
    snprintf(path, sizeof path, "%s/due-%llu.db", dir, (unsigned long long)plans);
    remove_store(path);
    w.plans = plans;
    t0 = clock_ms();
    fill(path, &w);
    r->load_s = (clock_ms() - t0) / 1e3;
    r->bytes = file_size(path);

    opts.clock = fixed_clock;
    opts.clock_payload = &bench_now;
    check_ip(ip_store_open(&store, path, &opts), "open the store");
    actor.id = "bench";
    actor.role = IP_ROLE_COORDINATING_UNIT;
    actor.unit_id = w.cu_unit;
    actor.purpose = IP_PURPOSE_ADMINISTRATION;
    check_ip(ip_session_open(&s, store, &actor), "open a session");
    check_sql(NULL, sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), "open raw");
    stmt = prepare(db, ip__q_due[IP__DUE_ALL].clause);
    id_of(unit, T_UNIT, 1);
    id_of(prac, T_PRAC, 0);

    for (int i = 0; i < 3; i++) {
        r->items = lib_once(s, NULL, NULL);
        raw_once(db, stmt);
        lib_once(s, unit, NULL);
        lib_once(s, NULL, prac);
    }
    for (int i = 0; i < reps; i++) {
        t0 = clock_ms();
        lib_once(s, NULL, NULL);
        lib[i] = clock_ms() - t0;
        t0 = clock_ms();
        raw_once(db, stmt);
        raw[i] = clock_ms() - t0;
        t0 = clock_ms();
        lib_once(s, unit, NULL);
        by_unit[i] = clock_ms() - t0;
        t0 = clock_ms();
        lib_once(s, NULL, prac);
        by_coord[i] = clock_ms() - t0;
    }
    r->lib = median(lib, reps);
    r->raw = median(raw, reps);
    r->unit = median(by_unit, reps);
    r->coord = median(by_coord, reps);

    sqlite3_finalize(stmt);
    sqlite3_close(db);
    ip_session_free(s);
    ip_store_close(store);
    if (!keep)
        remove_store(path);
    free(lib);
    free(raw);
    free(by_unit);
    free(by_coord);
}

static void usage(void)
{
    fputs("usage: bench-due [--million] [--reps N] [--keep] [--dir DIR] [SIZE...]\n"
          "  sizes are active plans; default 10000 100000 (+1000000 with --million)\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    uint64_t sizes[16];
    int nsizes = 0, reps = 30;
    bool million = false, keep = false;
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    result first = {0};

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--million") == 0)
            million = true;
        else if (strcmp(argv[i], "--keep") == 0)
            keep = true;
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
            dir = argv[++i];
        else if (argv[i][0] >= '1' && argv[i][0] <= '9' && nsizes < 16)
            sizes[nsizes++] = strtoull(argv[i], NULL, 10);
        else
            usage();
    }
    if (reps < 1)
        usage();
    if (nsizes == 0) {
        sizes[nsizes++] = 10000;
        sizes[nsizes++] = 100000;
        if (million)
            sizes[nsizes++] = 1000000;
    }
    printf("due list, limit %d, median of %d runs (libip %s, SQLite %s)\n", LIMIT, reps,
           ip_version(NULL, NULL, NULL), sqlite3_libversion());
    printf("%10s %10s %8s %10s %9s %7s %9s %9s %7s %8s\n", "plans", "store MB", "load s",
           "libip ms", "raw ms", "ratio", "unit ms", "coord ms", "items", "growth");
    fflush(stdout);
    for (int i = 0; i < nsizes; i++) {
        result r = {0};

        measure(dir, sizes[i], reps, keep, &r);
        if (i == 0)
            first = r;
        printf("%10llu %10.1f %8.1f %10.3f %9.3f %7.2f %9.3f %9.3f %7d %8.2f\n",
               (unsigned long long)sizes[i], (double)r.bytes / 1048576.0, r.load_s, r.lib,
               r.raw, r.lib / r.raw, r.unit, r.coord, r.items, r.lib / first.lib);
        fflush(stdout);
    }
    printf("ratio: libip / raw SQLite running the same statement;"
           " growth: libip time / the first size's\n");
    return 0;
}
