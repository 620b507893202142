#include "harness.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int64_t th_now_ms = TH_NOW_MS;

static char tmpdir[256];
static char paths[8][512];
static int next_path;
static ip_session *cu_session;
static ip_store *cu_store;
static char cu_unit[40];

int64_t th_clock(void *payload)
{
    return *(int64_t *)payload;
}

const char *th_tmpdir(void)
{
    if (!tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/libip-test-XXXXXX", base ? base : "/tmp");
        ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    }
    return tmpdir;
}

const char *th_path(const char *name)
{
    char *slot = paths[next_path++ % 8];

    snprintf(slot, sizeof paths[0], "%s/%s", th_tmpdir(), name);
    return slot;
}

ip_store_options th_store_options(unsigned int flags)
{
    ip_store_options opts = IP_STORE_OPTIONS_INIT;

    opts.flags = flags;
    opts.clock = th_clock;
    opts.clock_payload = &th_now_ms;
    return opts;
}

ip_store *th_store(void)
{
    ip_store_options opts = th_store_options(IP_STORE_CREATE);
    ip_store *store = NULL;

    th_ok(ip_store_open(&store, th_path("store.db"), &opts));
    return store;
}

ip_session *th_session(ip_store *store, ip_role role, const char *actor_id,
                       const char *unit_id)
{
    ip_actor actor = IP_ACTOR_INIT;
    ip_session *s = NULL;

    actor.id = actor_id;
    actor.role = role;
    actor.unit_id = unit_id;
    actor.purpose = role == IP_ROLE_ADMIN ? IP_PURPOSE_MAINTENANCE
                    : (role == IP_ROLE_PERSON || role == IP_ROLE_REPRESENTATIVE)
                        ? IP_PURPOSE_OWN_ACCESS
                        : IP_PURPOSE_ADMINISTRATION;
    th_ok(ip_session_open(&s, store, &actor));
    return s;
}

const char *th_unit(ip_store *store, const char *name, ip_sector sector,
                    int coordinating)
{
    static char ids[8][40];
    static int next;
    ip_session *admin = th_session(store, IP_ROLE_ADMIN, "test-admin", NULL);
    ip_unit_fields f = IP_UNIT_FIELDS_INIT;
    ip_unit *unit = NULL;
    char *slot = ids[next++ % 8];

    f.name = name;
    f.organisation_number = "123456785";
    f.sector = sector;
    f.municipality_number = "4601";
    f.coordinating = coordinating;
    th_ok(ip_unit_create(&unit, admin, &f));
    snprintf(slot, 40, "%s", ip_unit_id(unit));
    ip_unit_free(unit);
    ip_session_free(admin);
    return slot;
}

void th_close(ip_store *store)
{
    if (store && store == cu_store) {
        ip_session_free(cu_session);
        cu_session = NULL;
        cu_store = NULL;
    }
    ip_store_close(store);
}

ip_session *th_cu_session(ip_store *store)
{
    if (!cu_session || cu_store != store) {
        ip_session_free(cu_session);
        snprintf(cu_unit, sizeof cu_unit, "%s",
                 th_unit(store, "Koordinerende enhet", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 1));
        cu_session = th_session(store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", cu_unit);
        cu_store = store;
    }
    return cu_session;
}

const char *th_cu_unit(void)
{
    return cu_unit;
}

/* The weighted mod-11 check digit; -1 when the remainder rule gives 10. */
static int check_digit(const int *digits, const int *weights, int n)
{
    int sum = 0, k;

    for (int i = 0; i < n; i++)
        sum += digits[i] * weights[i];
    k = 11 - sum % 11;
    return k == 11 ? 0 : k == 10 ? -1 : k;
}

void th_fnr(char out[12], const char *birth, int individual)
{
    static const int w1[] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static const int w2[] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int d[11];

    for (int tries = 0; tries < 1000; tries++, individual++) {
        d[0] = birth[8] - '0';
        d[1] = birth[9] - '0';
        d[2] = birth[5] - '0';
        d[3] = birth[6] - '0';
        d[4] = birth[2] - '0';
        d[5] = birth[3] - '0';
        d[6] = individual / 100 % 10;
        d[7] = individual / 10 % 10;
        d[8] = individual % 10;
        d[9] = check_digit(d, w1, 9);
        if (d[9] < 0)
            continue;
        d[10] = check_digit(d, w2, 10);
        if (d[10] < 0)
            continue;
        for (int i = 0; i < 11; i++)
            out[i] = (char)('0' + d[i]);
        out[11] = '\0';
        return;
    }
    ck_abort_msg("no valid fødselsnummer for that birth date");
}

ip_person *th_person(ip_session *s, const char *birth, const char *given)
{
    static int individual = 100;
    ip_person_fields f = IP_PERSON_FIELDS_INIT;
    ip_person *p = NULL;
    char fnr[12];
    /* 1900-1999 births take individual numbers 000-499, 2000-2039 500-999. */
    int base = birth[0] == '2' ? 500 : 0;

    th_fnr(fnr, birth, base + individual);
    individual = (individual + 7) % 400 + 50;
    f.national_id = fnr;
    f.given_name = given;
    f.family_name = "Testesen";
    th_ok(ip_person_create(&p, s, &f));
    return p;
}

char *th_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data;
    long size;

    ck_assert_ptr_nonnull(f);
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc((size_t)size + 1);
    ck_assert_ptr_nonnull(data);
    ck_assert_int_eq(fread(data, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    *len = (size_t)size;
    return data;
}

void th_not_echoed(const char *value)
{
    if (value && strlen(value) >= 3)
        ck_assert_msg(strstr(ip_error_last()->message, value) == NULL,
                      "message repeats the value: %s", ip_error_last()->message);
}

int th_count(const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    int n = -1;

    ck_assert_int_eq(sqlite3_open_v2(th_path("store.db"), &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

struct th_snapshot {
    char *data;
    size_t len;
};

th_snapshot *th_snapshot_take(const char *path)
{
    th_snapshot *snap = malloc(sizeof *snap);

    ck_assert_ptr_nonnull(snap);
    snap->data = th_slurp(path, &snap->len);
    return snap;
}

void th_snapshot_assert_same(th_snapshot *snap, const char *path)
{
    size_t len;
    char *now = th_slurp(path, &len);

    ck_assert_uint_eq(len, snap->len);
    ck_assert_msg(memcmp(now, snap->data, len) == 0, "%s changed", path);
    free(now);
    free(snap->data);
    free(snap);
}

ip_session *th_admin(ip_store *store)
{
    return th_session(store, IP_ROLE_ADMIN, "it-admin", NULL);
}

void th_family_open(th_family *fam)
{
    fam->store = th_store();
    fam->cu = th_cu_session(fam->store);
    fam->child = th_person(fam->cu, "2015-06-01", "Kari");
    fam->parent = th_person(fam->cu, "1985-02-14", "Ola");
}

void th_family_close(th_family *fam)
{
    ip_person_free(fam->child);
    ip_person_free(fam->parent);
    th_close(fam->store);
}

void th_setup(void)
{
    tmpdir[0] = '\0';
    cu_session = NULL;
    cu_store = NULL;
    th_now_ms = TH_NOW_MS;
    th_tmpdir();
}

void th_teardown(void)
{
    char cmd[300];

    /* A test that left its store open leaks it; the checked fixture runs
     * in a child process, so only valgrind runs (CK_FORK=no) notice. */
    cu_session = NULL;
    cu_store = NULL;
    /* Test stores live in a directory of their own; nothing else is removed. */
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpdir);
    tmpdir[0] = '\0';
}

void th_copy_id(char out[40], const char *id)
{
    ck_assert_ptr_nonnull(id);
    snprintf(out, 40, "%s", id);
}

void th_practitioner(ip_store *store, const char *unit_id, const char *given,
                     const char *family, char out[40])
{
    ip_session *admin = th_admin(store);
    ip_practitioner_fields f = IP_PRACTITIONER_FIELDS_INIT;
    ip_practitioner *p = NULL;

    f.unit_id = unit_id;
    f.given_name = given;
    f.family_name = family;
    th_ok(ip_practitioner_create(&p, admin, &f));
    th_copy_id(out, ip_practitioner_id(p));
    ip_practitioner_free(p);
    ip_session_free(admin);
}

void th_participant(ip_session *cu, const char *plan_id, ip_participant_role role,
                    const char *person_id, const char *prac_id, const char *unit_id,
                    char out[40])
{
    ip_participant_fields f = IP_PARTICIPANT_FIELDS_INIT;
    ip_participant *p = NULL;

    f.plan_id = plan_id;
    f.role = role;
    f.person_id = person_id;
    f.practitioner_id = prac_id;
    f.unit_id = unit_id;
    f.valid_from = TH_TODAY;
    th_ok(ip_participant_create(&p, cu, &f));
    if (out)
        th_copy_id(out, ip_participant_id(p));
    ip_participant_free(p);
}

void th_plan_for(ip_session *cu, const char *birth, char person_id[40],
                 char plan_id[40], char part[40])
{
    ip_person *p = th_person(cu, birth, "Kari");
    ip_plan *plan = NULL;

    th_copy_id(person_id, ip_person_id(p));
    th_ok(ip_plan_create_direct(&plan, cu, person_id, NULL));
    th_copy_id(plan_id, ip_plan_id(plan));
    th_participant(cu, plan_id, IP_PARTICIPANT_PERSON, person_id, NULL, NULL, part);
    ip_person_free(p);
    ip_plan_free(plan);
}

void th_plan_world_open(th_plan_world *w, const th_plan_world_options *opts)
{
    const char *unit_name = opts && opts->unit_name ? opts->unit_name : "Hjemmetjenesten";
    ip_sector sector = opts && opts->unit_name ? opts->unit_sector
                                               : IP_SECTOR_MUNICIPAL_HEALTH_CARE;
    const char *actor = opts && opts->provider_actor ? opts->provider_actor : "home-worker";

    memset(w, 0, sizeof *w);
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    th_plan_for(w->cu, "1990-01-01", w->person_id, w->plan_id, w->part_person);
    th_copy_id(w->unit_id, th_unit(w->store, unit_name, sector, 0));
    th_practitioner(w->store, w->unit_id, "Ola", "Nordmann", w->coord_prac);
    th_participant(w->cu, w->plan_id, IP_PARTICIPANT_COORDINATOR, NULL, w->coord_prac, NULL,
                   w->part_coord);
    th_participant(w->cu, w->plan_id, IP_PARTICIPANT_PROVIDER, NULL, NULL, w->unit_id,
                   w->part_provider);
    w->coord = th_session(w->store, IP_ROLE_COORDINATOR, w->coord_prac, w->unit_id);
    w->provider = th_session(w->store, IP_ROLE_PROVIDER, actor, w->unit_id);
    w->person = th_session(w->store, IP_ROLE_PERSON, w->person_id, NULL);
}

void th_plan_world_close(th_plan_world *w)
{
    ip_session_free(w->coord);
    ip_session_free(w->provider);
    ip_session_free(w->person);
    th_close(w->store);
}
